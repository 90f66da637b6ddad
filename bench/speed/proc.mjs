// proc.mjs: what the speed scripts that read CPU time from /proc share
// (inproc.mjs, workerd.mjs), and the quantile of node.mjs and inproc.mjs.
import { readFileSync } from "node:fs";
import { execFileSync } from "node:child_process";

// TICK is the clock ticks a second of /proc's CPU times (100 on Linux).
const TICK = Number(execFileSync("getconf", ["CLK_TCK"]).toString().trim()) || 100;

// cpuMsOf is the user + system CPU ms in a /proc stat file (a process's
// /proc/PID/stat, or a thread's /proc/PID/task/TID/stat).
export function cpuMsOf(statPath) {
  const st = readFileSync(statPath, "utf8");
  const f = st.slice(st.lastIndexOf(")") + 2).split(" ");
  return ((Number(f[11]) + Number(f[12])) * 1000) / TICK; // utime, stime (fields 14, 15)
}

// quantile is the q-th quantile of xs, the lower of two middle values.
export const quantile = (xs, q) => xs.slice().sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];

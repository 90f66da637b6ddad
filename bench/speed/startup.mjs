// startup.mjs splits the first analysis of a cold Node process into its
// parts, by running a build's lede.wasm on this thread the way lede-worker.js
// does, with a clock between the steps. Each run is one fresh process (every
// step is cold); the medians, minima and maxima over the runs are printed, one JSON
// line per build:
//
//   node [V8 flags] bench/speed/startup.mjs [-n RUNS] [-inittrace] [-idle] FILE label=DIST...
//
// read: wasm_exec.js and lede.wasm from disk; compile: WebAssembly.compile
// (lazy: V8 validates the module and compiles a function on its first call);
// instantiate; gostart: go.run until main has registered ledeAnalyze (the Go
// runtime's start and every package's init); first and second: two analyses
// of FILE; cpu: the process's CPU time over all of it, every thread included
// (V8 compiles hot functions again, optimised, on background threads).
// -inittrace runs with GODEBUG=inittrace=1 and adds runtime (ms from the
// runtime's start to the first package init) and inits (the sum of the
// packages' init clocks), the three largest by name in the middle run (by run order, not a median), and
// medians: the five largest per-package medians over the runs. -idle
// analyses nothing: it starts the engine, waits 1.5 s and gives the CPU
// time, which is then the start's own work plus what V8 recompiled,
// optimised, because of it.
//
// Run it once as is and once with `node --liftoff-only` to see how much of
// the time is V8's optimising compiler (docs/web.md, "Where the first
// result's time goes").
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const args = process.argv.slice(2);

if (args[0] === "-child") {
  const [, dist, file, trace] = args; // args[4]: "1" for -idle
  const text = fs.readFileSync(file, "utf8");
  const t0 = performance.now();
  (0, eval)(fs.readFileSync(path.join(dist, "wasm_exec.js"), "utf8"));
  const bytes = fs.readFileSync(path.join(dist, "lede.wasm"));
  const t1 = performance.now();
  const mod = await WebAssembly.compile(bytes);
  const t2 = performance.now();
  const go = new globalThis.Go();
  const lines = [];
  if (trace === "1") {
    go.env = { GODEBUG: "inittrace=1" };
    const log = console.log;
    console.log = (s) => (String(s).startsWith("init ") ? lines.push(String(s)) : log(s));
  }
  const inst = await WebAssembly.instantiate(mod, go.importObject);
  const t3 = performance.now();
  go.run(inst);
  const t4 = performance.now();
  if (args[4] === "1") {
    // -idle: the start alone, then what V8 still compiles in the background.
    setTimeout(() => {
      const cu = process.cpuUsage();
      const out = JSON.stringify({ gostart: t4 - t3, cpu: (cu.user + cu.system) / 1000 });
      process.stdout.write(out + "\n", () => process.exit(0));
    }, 1500);
    await new Promise(() => {});
  }
  const a = globalThis.ledeAnalyze(text, "");
  const t5 = performance.now();
  const b = globalThis.ledeAnalyze(text, "");
  const t6 = performance.now();
  if (a !== b || !a.startsWith("{") || JSON.parse(a).error) throw new Error("not a report: " + a.slice(0, 200));
  const cu = process.cpuUsage();
  const out = { read: t1 - t0, compile: t2 - t1, instantiate: t3 - t2, gostart: t4 - t3, first: t5 - t4, second: t6 - t5, total: t5 - t0, cpu: (cu.user + cu.system) / 1000 };
  if (trace === "1") {
    // "init P @T ms, C ms clock, ..." per package; runtime's own comes first.
    const inits = lines.map((l) => l.match(/^init (\S+) @([\d.]+) ms, ([\d.]+) ms clock/)).filter(Boolean);
    const pkgs = inits.filter((m) => m[1] !== "runtime");
    out.runtime = pkgs.length ? Number(pkgs[0][2]) : 0;
    out.inits = pkgs.reduce((s, m) => s + Number(m[3]), 0);
    out.top = pkgs.sort((x, y) => y[3] - x[3]).slice(0, 3).map((m) => m[1].replace(/^github.com\/lede-news\/lede\//, "") + " " + m[3]).join(", ");
    out.pkgs = Object.fromEntries(pkgs.map((m) => [m[1].replace(/^github.com\/lede-news\/lede\//, ""), Number(m[3])]));
  }
  process.stdout.write(JSON.stringify(out) + "\n", () => process.exit(0));
} else {
  let runs = 7;
  let trace = "0";
  let idle = "0";
  while (args[0] && args[0].startsWith("-")) {
    const f = args.shift();
    if (f === "-n") runs = Number(args.shift());
    else if (f === "-inittrace") trace = "1";
    else if (f === "-idle") idle = "1";
    else throw new Error("unknown flag " + f);
  }
  const [file, ...builds] = args;
  if (!file || builds.length === 0) throw new Error("usage: node bench/speed/startup.mjs [-n RUNS] [-inittrace] [-idle] FILE label=DIST...");
  const self = fileURLToPath(import.meta.url);
  const rows = Object.fromEntries(builds.map((b) => [b.split("=")[0], []]));
  // The builds take turns (a, b, a, b, ...) so that the machine's load falls on each alike.
  for (let i = 0; i < runs; i++) {
    for (const b of builds) {
      const [label, dist] = b.split("=");
      const r = spawnSync(process.execPath, [...process.execArgv, self, "-child", dist, file, trace, idle], { encoding: "utf8" });
      if (r.status !== 0) throw new Error(label + ": " + r.stderr);
      rows[label].push(JSON.parse(r.stdout.trim().split("\n").pop()));
    }
  }
  for (const [label, rs] of Object.entries(rows)) {
    const out = { build: label, runs: rs.length, flags: process.execArgv.join(" ") };
    for (const k of Object.keys(rs[0])) {
      if (typeof rs[0][k] !== "number") continue;
      const v = rs.map((r) => r[k]).sort((x, y) => x - y);
      out[k] = v[v.length >> 1].toFixed(1) + " (min " + v[0].toFixed(1) + ", max " + v[v.length - 1].toFixed(1) + ")";
    }
    if (rs[0].top !== undefined) out.top = rs[rs.length >> 1].top;
    if (rs[0].pkgs !== undefined) {
      // Each package's own median: one run's top is mostly where V8
      // happened to compile a function on its first call.
      const med = Object.keys(rs[0].pkgs).map((k) => {
        const v = rs.map((r) => r.pkgs[k] ?? 0).sort((x, y) => x - y);
        return [k, v[v.length >> 1]];
      });
      out.medians = med.sort((x, y) => y[1] - x[1]).slice(0, 5).map(([k, v]) => k + " " + v.toFixed(2)).join(", ");
    }
    console.log(JSON.stringify(out));
  }
}

// node.mjs times the engine as Node callers meet it: through a build's
// dist/lede.mjs (the worker_thread and the wasm), one measurement per process
// so that every "first" is cold. bench/speed.sh runs it for each build in
// turn (before, after, before, after, ...) and takes medians.
//
//   node bench/speed/node.mjs first DIST FILE          ms from import to the first report, and the process's CPU ms (every thread) by then
//   node bench/speed/node.mjs warm DIST FILE N [W]     p50 and p95 ms of N warm analyses after W (default 3) unmeasured ones, and the process's CPU ms per analysis (p50, mean) (JSON line)
//   node bench/speed/node.mjs docs DIST DIR            ms for every *.txt in DIR, warm (JSON line)
//   node bench/speed/node.mjs compromise - DIR         the same through compromise (the baseline)
//   node bench/speed/node.mjs scale DIST FILE          the fastest of a few analyses of FILE (from speed -scale -dump), once warm: ms and peak RSS
//
// Every answer is checked to be a report (an error stops the run).
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { quantile } from "./proc.mjs";

const [mode, dist, arg, arg2, arg3] = process.argv.slice(2);
const t0 = performance.now();

async function engine() {
  return import(pathToFileURL(path.resolve(dist, "lede.mjs")).href);
}

// check throws unless r looks like a lede report.
function check(r) {
  if (!r || typeof r.text !== "string" || !Array.isArray(r.entities)) throw new Error("not a report: " + JSON.stringify(r).slice(0, 200));
  return r;
}

function docs(dir) {
  return fs.readdirSync(dir).filter((f) => f.endsWith(".txt")).sort().map((f) => fs.readFileSync(path.join(dir, f), "utf8"));
}

switch (mode) {
  case "first": {
    const { analyze } = await engine();
    check(await analyze(fs.readFileSync(arg, "utf8")));
    const ms = performance.now() - t0, c = process.cpuUsage();
    console.log(JSON.stringify({ ms, cpu: (c.user + c.system) / 1000 }));
    break;
  }
  case "warm": {
    const { analyze } = await engine();
    const text = fs.readFileSync(arg, "utf8");
    // W = 3 measures the process's first minute as a caller meets it, V8's
    // tier-up included; W = 200 measures it once V8 has optimised the hot code.
    for (let i = 0; i < Number(arg3 || 3); i++) check(await analyze(text));
    const ms = [], cpu = [];
    for (let i = 0; i < Number(arg2 || 50); i++) {
      const c = process.cpuUsage(), t = performance.now();
      check(await analyze(text));
      ms.push(performance.now() - t);
      const d = process.cpuUsage(c);
      cpu.push((d.user + d.system) / 1000);
    }
    // cpu: CPU ms of the whole process (every thread) per analysis, which
    // other work on a shared machine moves less than the wall time
    const cpuMean = cpu.reduce((a, b) => a + b, 0) / cpu.length;
    console.log(JSON.stringify({ p50: quantile(ms, 0.5), p95: quantile(ms, 0.95), cpuP50: quantile(cpu, 0.5), cpuMean, bytes: Buffer.byteLength(text) }));
    break;
  }
  case "docs": {
    const { analyze } = await engine();
    const all = docs(arg);
    check(await analyze(all[0]));
    const t = performance.now();
    for (const d of all) check(await analyze(d));
    console.log(JSON.stringify({ ms: performance.now() - t, docs: all.length }));
    break;
  }
  case "compromise": {
    const { default: nlp } = await import("compromise");
    const all = docs(arg);
    const run = (t) => {
      const d = nlp(t);
      return [d.people().out("array"), d.places().out("array"), d.organizations().out("array"), d.topics().out("array")];
    };
    run(all[0]);
    const t = performance.now();
    for (const d of all) run(d);
    console.log(JSON.stringify({ ms: performance.now() - t, docs: all.length }));
    break;
  }
  case "scale": {
    const text = fs.readFileSync(arg, "utf8");
    const { analyze } = await engine();
    // Warm up on the input's first 4 KB until V8 has optimised the hot code
    // (about 150 analyses; docs/web.md), so that every row times the same
    // engine: cold, the small rows fell inside V8's tier-up and the 10 KB
    // row came out 14x the 1 KB one.
    const head = text.slice(0, 4000);
    for (let i = 0; i < 150; i++) check(await analyze(head));
    // the fastest of a few runs, as bench/speed/main.go's reps
    const n = Buffer.byteLength(text), reps = n <= 100_000 ? 5 : n <= 1_000_000 ? 3 : 1;
    let ms = Infinity, r;
    for (let i = 0; i < reps; i++) {
      const t = performance.now();
      r = check(await analyze(text));
      ms = Math.min(ms, performance.now() - t);
    }
    console.log(JSON.stringify({ ms, bytes: n, maxRSS: process.resourceUsage().maxRSS * 1024, words: r.stats.words }));
    break;
  }
  default:
    console.error("usage: node bench/speed/node.mjs first|warm|docs|compromise|scale DIST ...");
    process.exit(2);
}
process.exit(0);

// pageflags.mjs runs one build's cold page under several Chromium command
// lines, to tell what in the first result's time is V8's (or Chromium's) and
// what is the page's. Diagnosis only: a page cannot set these flags.
//
//   node bench/speed/pageflags.mjs [-n N] DIST 'LABEL=FLAG FLAG...' ...
//   node bench/speed/pageflags.mjs -n 3 dist 'as-is=' 'liftoff=--js-flags=--liftoff-only' \
//     'eager=--js-flags=--no-wasm-lazy-compilation'
//
// Each run launches its own Chromium with the label's flags, opens a window,
// lets it settle (chromium.mjs), then loads the page and clicks Analyse at
// DOMContentLoaded as pagetimeline.mjs does; runs alternate between labels.
// It prints, per label, the medians of the marks (ms from navigation, as in
// pagetimeline.mjs) and of Chromium's CPU (all processes, /proc), and, from a
// trace of the label's last run, the thread time (the `tdur` of each
// thread's top-level tasks) of the page's main thread, the engine's worker,
// the renderer's pool threads (where V8 runs TurboFan: wasm.TopTierCompilation)
// and the rest, with the worker's lazy Liftoff compiles (wasm.CompileLazy).
// The traces stay in $TMPDIR/pageflags.LABEL.json.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { serve } from "../../web/e2e/helpers.mjs";
import { exampleArticle } from "../../web/example.mjs";
import { cpuTicks, cpuSince, inject, settle } from "./chromium.mjs";

const require = createRequire(import.meta.url);
const argv = process.argv.slice(2);
let n = 3;
if (argv[0] === "-n") { n = Number(argv[1]); argv.splice(0, 2); }
if (argv.length < 2 || !argv.slice(1).every((a) => a.includes("="))) {
  console.error("usage: node bench/speed/pageflags.mjs [-n N] DIST 'LABEL=FLAG FLAG...' ...");
  process.exit(2);
}
const dir = path.resolve(argv[0]);
const configs = argv.slice(1).map((a) => {
  const at = a.indexOf("=");
  return { label: a.slice(0, at), flags: a.slice(at + 1).split(" ").filter(Boolean) };
});

// threads sums a trace's thread time by role, in ms.
function threads(file) {
  const ev = JSON.parse(fs.readFileSync(file, "utf8")).traceEvents;
  const proc = new Map(), thread = new Map();
  for (const e of ev) {
    if (e.ph !== "M") continue;
    if (e.name === "process_name") proc.set(e.pid, e.args.name);
    if (e.name === "thread_name") thread.set(e.pid + "/" + e.tid, e.args.name);
  }
  const out = { main: 0, worker: 0, pool: 0, other: 0, turbofan: 0, lazy: 0, lazyN: 0 };
  for (const e of ev) {
    if (e.ph !== "X") continue;
    const t = e.tdur || 0;
    if (e.name === "wasm.TopTierCompilation") out.turbofan += t;
    if (e.name === "wasm.CompileLazy") { out.lazy += t; out.lazyN++; }
    if (e.name !== "ThreadControllerImpl::RunTask" && e.name !== "ThreadPool_RunTask") continue;
    const p = proc.get(e.pid) || "", th = thread.get(e.pid + "/" + e.tid) || "";
    if (p === "Renderer" && th === "CrRendererMain") out.main += t;
    else if (p === "Renderer" && th.startsWith("DedicatedWorker")) out.worker += t;
    else if (p === "Renderer" && th.startsWith("ThreadPool")) out.pool += t;
    else out.other += t;
  }
  for (const k of Object.keys(out)) if (k !== "lazyN") out[k] = Math.round(out[k] / 1000);
  return out;
}

const pw = require("playwright-core");
const base = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const server = await serve(dir, () => false);
const runs = configs.map(() => []);
const traced = configs.map(() => null);
try {
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < configs.length; k++) {
      const browser = await pw.chromium.launch({ executablePath: "/usr/bin/chromium", headless: true, args: [...base, ...configs[k].flags] });
      try {
        const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
        await ctx.addInitScript(inject, exampleArticle);
        const page = await ctx.newPage();
        await settle(process.pid);
        const trace = i === n - 1 ? path.join(os.tmpdir(), `pageflags.${configs[k].label}.json`) : "";
        if (trace) await browser.startTracing(page, { path: trace, categories: ["toplevel", "v8.wasm", "devtools.timeline"] });
        const cpu0 = cpuTicks(process.pid);
        await page.goto(server.url, { waitUntil: "commit" });
        await page.waitForFunction(() => globalThis.__tl && globalThis.__tl.done, null, { timeout: 120_000, polling: 50 });
        const cpu = cpuSince(process.pid, cpu0);
        if (trace) { await browser.stopTracing(); traced[k] = trace; }
        const r = await page.evaluate(() => globalThis.__tl);
        delete r.done;
        r.cpu = cpu;
        runs[k].push(r);
      } finally {
        await browser.close();
      }
    }
  }
} finally {
  await server.close();
}

const median = (xs) => { const s = xs.filter((x) => x !== undefined).sort((a, b) => a - b); return s[s.length >> 1]; };
const keys = ["cpu", "dcl", "got-lede.wasm", "post-init", "msg-ready", "msg-result", "frame"];
console.log(`${dir}, ${n} runs each: medians (ms; cpu = Chromium's, all processes; the rest from navigation)`);
console.log("label".padEnd(14) + keys.map((k) => k.padStart(14)).join(""));
for (let k = 0; k < configs.length; k++) {
  console.log(configs[k].label.padEnd(14) + keys.map((key) => String(Math.round(median(runs[k].map((r) => r[key])))).padStart(14)).join(""));
}
console.log("thread time in the last run's trace, ms: page main thread, engine worker (of it lazy Liftoff compiles), renderer pool (of it TurboFan), other processes");
for (let k = 0; k < configs.length; k++) {
  if (!traced[k]) continue;
  const t = threads(traced[k]);
  console.log(`${configs[k].label.padEnd(14)} main ${t.main}, worker ${t.worker} (CompileLazy ${t.lazy}, ${t.lazyN} functions), pool ${t.pool} (TopTier ${t.turbofan}), other ${t.other}   ${traced[k]}`);
}

// inproc.mjs drives a build's wasm in this Node process, with no
// worker_thread and no HTTP server between, so that `node --cpu-prof` sees
// the engine's and the glue's own functions:
//
//   node bench/speed/inproc.mjs engine DIST FILE N [WASM]   ledeAnalyze(text) N times (the page's and Node's lede.wasm)
//   node bench/speed/inproc.mjs worker DIST FILE N [WASM]   the Worker's fetch(Request) N times (DIST/worker/worker.mjs, app.wasm)
//
// In worker mode a FILE of "-" sends GET /healthz instead of POST /analyze
// (the glue's cost without an analysis).
//
// LEDE_GOENV="GOGC=400 GODEBUG=gctrace=1" is the Go program's environment in
// engine mode (gctrace prints a line a collection, on stdout here).
// WASM overrides the build's wasm file (an unstripped build keeps Go's
// function names in the profile: GOOS=js GOARCH=wasm go build -o x.wasm
// ./wasm/lede). Prints one JSON line: p50, p95 and mean ms after the warm-up
// calls, the CPU ms per call of the process and of its main thread alone,
// the bytes of the last answer, and in engine mode the wasm memory in MB
// after the last call (memMB).
import fs from "node:fs";
import path from "node:path";
import os from "node:os";
import { pathToFileURL } from "node:url";
import { cpuMsOf, quantile } from "./proc.mjs";

const [mode, dist, file, nArg, wasmArg] = process.argv.slice(2);
const n = Number(nArg || 100);
const health = mode === "worker" && file === "-";
const text = health ? "" : fs.readFileSync(file, "utf8");
// warm-up calls before timing: LEDE_WARM, default 3 (100 or more leaves V8's
// tier-up out of the figures)
const warm = Number(process.env.LEDE_WARM || 3);
// mainCPU is the CPU ms of this process's main thread (where the wasm runs),
// without V8's compiler and GC threads.
const mainCPU = () => cpuMsOf(`/proc/${process.pid}/task/${process.pid}/stat`);

async function time(call, extra = () => ({})) {
  let last;
  for (let i = 0; i < warm; i++) last = await call();
  // idle once, as an engine in a page or a worker thread does between
  // messages: timers the engine set run now (wasm/lede makes its heap floor
  // by one, after the first analysis); a loop of awaits alone never lets them
  await new Promise((resolve) => setTimeout(resolve, 0));
  const ms = [];
  const c0 = process.cpuUsage(), m0 = mainCPU();
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    last = await call();
    ms.push(performance.now() - t);
  }
  const c = process.cpuUsage(c0), m = mainCPU() - m0;
  const mean = ms.reduce((a, b) => a + b, 0) / ms.length;
  // cpu: the process's CPU ms (every thread: V8's compiler and GC helpers
  // too) per call, which a loaded machine moves less than the wall time
  console.log(JSON.stringify({ p50: quantile(ms, 0.5), p95: quantile(ms, 0.95), mean, cpu: (c.user + c.system) / 1000 / n, cpuMain: m / n, bytes: last.length, ...extra() }));
}

if (mode === "engine") {
  (0, eval)(fs.readFileSync(path.join(dist, "wasm_exec.js"), "utf8"));
  const go = new Go();
  if (process.env.LEDE_GOENV) go.env = Object.fromEntries(process.env.LEDE_GOENV.split(/\s+/).filter(Boolean).map((kv) => [kv.slice(0, kv.indexOf("=")), kv.slice(kv.indexOf("=") + 1)]));
  const { instance } = await WebAssembly.instantiate(fs.readFileSync(wasmArg || path.join(dist, "lede.wasm")), go.importObject);
  go.run(instance);
  await time(() => globalThis.ledeAnalyze(text, ""), () => ({ memMB: instance.exports.mem.buffer.byteLength / (1 << 20) }));
} else if (mode === "worker") {
  // worker.mjs imports app.wasm as a WebAssembly.Module (Workers' module
  // rule); here a copy of it takes the module from a global instead.
  const wdir = path.join(dist, "worker");
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "lede-inproc-"));
  fs.copyFileSync(path.join(wdir, "wasm_exec.js"), path.join(tmp, "wasm_exec.js"));
  const src = fs.readFileSync(path.join(wdir, "worker.mjs"), "utf8").replace(/^import mod from "\.\/app\.wasm";$/m, "const mod = globalThis.__ledeAppWasm;");
  fs.writeFileSync(path.join(tmp, "worker.mjs"), src);
  globalThis.__ledeAppWasm = new WebAssembly.Module(fs.readFileSync(wasmArg || path.join(wdir, "app.wasm")));
  const { default: worker } = await import(pathToFileURL(path.join(tmp, "worker.mjs")).href);
  fs.rmSync(tmp, { recursive: true });
  await time(async () => {
    const req = health ? new Request("http://localhost/healthz") : new Request("http://localhost/analyze", { method: "POST", headers: { "content-type": "text/plain" }, body: text });
    const res = await worker.fetch(req, {}, { waitUntil() {} });
    if (res.status !== 200) throw new Error("status " + res.status);
    return new Uint8Array(await res.arrayBuffer());
  });
} else {
  console.error("usage: node bench/speed/inproc.mjs engine|worker DIST FILE N [WASM]");
  process.exit(2);
}
process.exit(0);

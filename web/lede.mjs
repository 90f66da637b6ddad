// lede.mjs is lede's JavaScript API, the same in browsers and in Node 20:
//
//	import { analyze } from './lede.mjs'
//	const report = await analyze(text, { offsets: 'utf16' })
//
// The engine (wasm/lede compiled to WebAssembly) runs in a worker — a Web
// Worker in browsers, a worker_thread in Node — started lazily on the first
// call, and that one Go instance stays alive and answers every later call.
// The engine files are found beside this module (new URL(..., import.meta.url)):
// lede-worker.js, wasm_exec.js and lede.wasm.
//
// Note for editors: the shipped file is minified by tdewolff/minify, which
// can reorder a `const {x} = ...` after another const; this file uses no
// destructuring declarations.

const isNode = typeof window === "undefined" && typeof process === "object" &&
  process !== null && typeof process.versions === "object" && !!process.versions.node;

// config holds what configure() set: how to make the worker, where the wasm is.
const config = { worker: null, wasm: null, wasmExec: null };

/**
 * configure overrides where the engine comes from. The one-file build uses
 * it to hand over an inline worker and embedded wasm; sites that host the
 * files elsewhere can point at them.
 * wasm is a URL (fetched and compiled on the page's side while the worker
 * starts, then handed to it), or a function giving the bytes (an ArrayBuffer) or the
 * gzipped bytes as base64 text ({gzipBase64: string}, which the worker
 * decodes and compiles as it decompresses, off the page's main thread).
 * @param {{worker?: () => Worker, wasm?: string | (() => Promise<ArrayBuffer | {gzipBase64: string}>), wasmExec?: string}} c
 */
export function configure(c) {
  if (c.worker) config.worker = c.worker;
  if (c.wasm) config.wasm = c.wasm;
  if (c.wasmExec) config.wasmExec = c.wasmExec;
}

// engine is the one live worker, or null before the first call and after a
// cancel or crash.
let engine = null;

function here(name) {
  return new URL("./" + name, import.meta.url);
}

// startBrowserWorker starts the Web Worker. A module served from another
// origin (a widget on someone's site) cannot start a worker from its own URL
// directly, so it starts a tiny same-origin blob worker that imports it.
function startBrowserWorker() {
  if (config.worker) return config.worker();
  const url = here("lede-worker.js");
  if (typeof location !== "undefined" && url.origin === location.origin) return new Worker(url);
  const boot = "importScripts(" + JSON.stringify(url.href) + ");";
  return new Worker(URL.createObjectURL(new Blob([boot], { type: "text/javascript" })));
}

async function startNodeWorker() {
  const threads = await import("node:worker_threads");
  const fs = await import("node:fs");
  const nodeURL = await import("node:url");
  const file = (name) => nodeURL.fileURLToPath(here(name));
  const src = fs.readFileSync(file("lede-worker.js"), "utf8");
  // execArgv: [] keeps the parent's flags (such as --input-type=module) from
  // turning this classic script into an ES module.
  const w = new threads.Worker(src, { eval: true, execArgv: [] });
  w.unref(); // an idle engine must not keep Node running
  // Read and compile the engine here while the worker thread boots (a new
  // isolate and Node's bootstrap: 30–50 ms), as the page does; the worker
  // receives the compiled module. If that fails, the worker reads the file
  // itself and reports any error in its words.
  const path = file("lede.wasm");
  const compiled = fs.promises.readFile(path).then((b) => WebAssembly.compile(b)).catch(() => path);
  return {
    raw: w,
    init: { type: "init", wasm: path, wasmExec: file("wasm_exec.js") },
    compiled: compiled,
    post: (m) => w.postMessage(m),
    listen: (fn) => {
      w.on("message", fn);
      w.on("error", (e) => fn({ type: "fatal", message: String(e && e.message || e) }));
    },
    busy: (b) => (b ? w.ref() : w.unref()),
    terminate: () => w.terminate(),
  };
}

async function startEngine() {
  let w;
  if (isNode) {
    w = await startNodeWorker();
  } else {
    const bw = startBrowserWorker();
    let wasm = config.wasm || here("lede.wasm").href;
    if (typeof wasm === "function") wasm = await wasm();
    const init = { type: "init", wasm: wasm, wasmExec: config.wasmExec || here("wasm_exec.js").href };
    w = {
      raw: bw,
      init: init,
      post: (m) => (m.type === "init" && m.wasm instanceof ArrayBuffer ? bw.postMessage(m, [m.wasm]) : bw.postMessage(m)),
      listen: (fn) => {
        bw.onmessage = (e) => fn(e.data);
        bw.onerror = (e) => { e.preventDefault(); fn({ type: "fatal", message: "the lede engine could not start: " + (e.message || "worker error") }); };
      },
      busy: () => {},
      terminate: () => bw.terminate(),
    };
  }
  const eng = { w: w, pending: new Map(), nextId: 1, progress: new Set(), dead: null, ready: false, onReady: new Set() };
  w.listen((m) => {
    if (m.type === "progress") {
      for (const fn of eng.progress) fn({ phase: "loading", loaded: m.loaded, total: m.total });
    } else if (m.type === "ready") {
      eng.ready = true;
      for (const fn of eng.progress) fn({ phase: "analysing" });
      for (const fn of eng.onReady) fn();
      eng.onReady.clear();
    } else if (m.type === "result") {
      const p = eng.pending.get(m.id);
      if (!p) return;
      eng.pending.delete(m.id);
      if (eng.pending.size === 0) w.busy(false);
      p.resolve(m.json);
    } else if (m.type === "fatal") {
      kill(eng, new Error(m.message));
    }
  });
  if (!isNode && typeof w.init.wasm === "string" && canCompileHere()) {
    // Download and compile the engine here while the worker boots (its
    // thread, its script and wasm_exec.js take a while), then hand the
    // compiled module over. If that fails, the worker fetches it itself
    // and reports any error in its words.
    const progress = (loaded, total) => { for (const fn of eng.progress) fn({ phase: "loading", loaded: loaded, total: total }); };
    compileHere(w.init.wasm, progress).then(
      (mod) => { if (!eng.dead) w.post({ type: "init", wasm: mod, wasmExec: w.init.wasmExec }); },
      () => { if (!eng.dead) w.post(w.init); });
  } else if (w.compiled) {
    w.compiled.then((wasm) => { if (!eng.dead) w.post({ type: "init", wasm: wasm, wasmExec: w.init.wasmExec }); });
  } else {
    w.post(w.init);
  }
  return eng;
}

function canCompileHere() {
  return typeof WebAssembly === "object" && typeof WebAssembly.compile === "function" &&
    typeof TransformStream === "function" && typeof Response === "function";
}

// compileHere fetches the engine (at high priority: it is the page's
// critical path) and compiles it, while it downloads when the server says
// Content-Type: application/wasm (WebAssembly.compileStreaming), else from
// the bytes. V8 compiles on background threads, so the page stays free.
async function compileHere(url, progress) {
  const res = await fetch(url, { priority: "high" });
  if (!res.ok || !res.body) throw new Error("HTTP " + res.status);
  const total = Number(res.headers.get("content-length")) || 0;
  let loaded = 0;
  const counted = res.body.pipeThrough(new TransformStream({
    transform(chunk, ctl) {
      loaded += chunk.length;
      progress(loaded, total);
      ctl.enqueue(chunk);
    },
  }));
  const type = (res.headers.get("content-type") || "").split(";")[0].trim().toLowerCase();
  if (type === "application/wasm" && typeof WebAssembly.compileStreaming === "function") {
    return WebAssembly.compileStreaming(new Response(counted, { headers: { "content-type": "application/wasm" } }));
  }
  return WebAssembly.compile(await new Response(counted).arrayBuffer());
}

// kill stops an engine and fails whatever it still owed.
function kill(eng, err) {
  if (eng.dead) return;
  eng.dead = err;
  for (const fn of eng.onReady) fn();
  eng.onReady.clear();
  if (engine && engine.eng === eng) engine = null;
  eng.w.terminate();
  for (const p of eng.pending.values()) p.reject(err);
  eng.pending.clear();
}

function getEngine() {
  if (!engine) {
    const holder = { eng: null, ready: null };
    holder.ready = startEngine().then((eng) => { holder.eng = eng; return eng; });
    holder.ready.catch(() => { if (engine === holder) engine = null; });
    engine = holder;
  }
  return engine.ready;
}

/**
 * preload starts the engine now instead of on the first analysis (the page
 * calls it as it loads, so that the engine downloads and starts while the
 * reader pastes). The promise resolves once the engine is ready or has
 * failed to start (the next analysis reports why); it never rejects.
 * @returns {Promise<void>}
 */
export function preload() {
  return getEngine().then((eng) => {
    if (eng.ready || eng.dead) return;
    return new Promise((resolve) => eng.onReady.add(resolve));
  }, () => {});
}

// engineOptions turns the caller's options into the engine's JSON, leaving
// out what only this module understands.
function engineOptions(options) {
  const o = {};
  for (const k of Object.keys(options || {})) {
    if (k !== "signal" && k !== "onProgress") o[k] = options[k];
  }
  return Object.keys(o).length ? JSON.stringify(o) : "";
}

/**
 * analyzeJSON analyses one article and resolves to the engine's JSON text,
 * byte for byte what `lede analyze` prints.
 * @param {string} input plain text or HTML
 * @param {{input?: "auto"|"text"|"html", offsets?: "utf16"|"utf8"|"codepoint",
 *          signal?: AbortSignal, onProgress?: (p: {phase: string, loaded?: number, total?: number}) => void}} [options]
 * @returns {Promise<string>}
 */
export async function analyzeJSON(input, options) {
  if (typeof input !== "string") throw new TypeError("analyze(input): input must be a string of text or HTML");
  const opts = options || {};
  const signal = opts.signal;
  if (signal && signal.aborted) throw abortError();
  const onProgress = typeof opts.onProgress === "function" ? opts.onProgress : null;
  const optionsJSON = engineOptions(opts);
  if (onProgress) onProgress({ phase: "starting" });
  const eng = await getEngine();
  if (eng.dead) throw eng.dead;
  if (onProgress) eng.progress.add(onProgress);
  let onAbort = null;
  try {
    const id = eng.nextId++;
    const result = new Promise((resolve, reject) => {
      eng.pending.set(id, { resolve, reject });
    });
    if (signal) {
      onAbort = () => kill(eng, abortError());
      signal.addEventListener("abort", onAbort, { once: true });
    }
    eng.w.busy(true);
    eng.w.post({ type: "analyze", id: id, input: input, options: optionsJSON });
    if (onProgress) onProgress(eng.ready ? { phase: "analysing" } : { phase: "loading", loaded: 0, total: 0 });
    return await result;
  } finally {
    if (onProgress) eng.progress.delete(onProgress);
    if (onAbort) signal.removeEventListener("abort", onAbort);
  }
}

/**
 * analyze analyses one article (plain text or HTML) and resolves to the
 * report object (see docs/report.md). It rejects with an Error carrying the
 * engine's message for input it refuses (empty, binary, too large...).
 * @param {string} input
 * @param {object} [options] as for analyzeJSON
 * @returns {Promise<object>}
 */
export async function analyze(input, options) {
  const json = await analyzeJSON(input, options);
  const report = JSON.parse(json);
  if (report && typeof report.error === "string" && report.text === undefined) {
    throw new Error(report.error);
  }
  return report;
}

/** terminate stops the engine; the next call starts a fresh one. */
export function terminate() {
  if (engine && engine.eng) kill(engine.eng, abortError());
  engine = null;
}

function abortError() {
  const e = new Error("the analysis was cancelled");
  e.name = "AbortError";
  return e;
}

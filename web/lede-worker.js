// lede-worker.js hosts the one live Go instance of the engine (wasm/lede) off
// the page's main thread, so that a long analysis never freezes the page.
//
// It runs in two places with the same message protocol:
//   - a browser Web Worker (classic script; lede.mjs starts it);
//   - a Node 20 worker_thread (lede.mjs evaluates this file's text).
//
// Protocol (every message is a plain object):
//   page -> worker  {type: "init", wasm: WebAssembly.Module | URL string | ArrayBuffer | {gzipBase64: string}, wasmExec?: path (Node)}
//                   (lede.mjs compiles the engine itself while this worker starts
//                   and sends the Module, in the page and in Node; a URL, or in
//                   Node a file path, is the fallback)
//   worker -> page  {type: "progress", loaded, total}   while the wasm downloads
//   worker -> page  {type: "ready"} | {type: "fatal", message}
//   page -> worker  {type: "analyze", id, input, options: JSON string}
//   worker -> page  {type: "result", id, json}   json is the engine's exact output
//
// Analyses are answered in order; the engine call itself is synchronous, so a
// queue forms naturally in the worker's event loop.
(function () {
  "use strict";

  var node = typeof importScripts !== "function";
  var post, onMessage, loadGoRuntime;

  if (node) {
    var threads = require("node:worker_threads");
    post = function (m) { threads.parentPort.postMessage(m); };
    onMessage = function (fn) { threads.parentPort.on("message", fn); };
    loadGoRuntime = function (msg) {
      if (typeof globalThis.Go === "undefined") {
        // wasm_exec.js is a classic script that defines globalThis.Go.
        (0, eval)(require("node:fs").readFileSync(msg.wasmExec, "utf8"));
      }
    };
  } else {
    post = function (m) { self.postMessage(m); };
    onMessage = function (fn) { self.onmessage = function (e) { fn(e.data); }; };
    loadGoRuntime = function (msg) {
      // The one-file build prepends wasm_exec.js to this script; a served
      // build loads it from beside this file.
      if (typeof self.Go === "undefined") importScripts(msg.wasmExec || "wasm_exec.js");
    };
  }

  // wasmSource fetches the engine, reporting download progress, and
  // resolves to what instantiate() below takes: the Response itself when the
  // browser can compile while the bytes arrive (instantiateStreaming, which
  // needs the server to say Content-Type: application/wasm), else the bytes.
  // Node hands over the bytes directly, the one-file build the gzipped bytes
  // as base64 (see gunzipped).
  function wasmSource(src) {
    if (src && typeof src.gzipBase64 === "string") return Promise.resolve(gunzipped(src.gzipBase64));
    if (typeof src !== "string") return Promise.resolve(src);
    var init = { priority: "high" }; // the engine is the page's critical path
    return fetch(src, init).then(function (res) {
      if (!res.ok) throw new Error("could not load the lede engine from " + src + " (HTTP " + res.status + ")");
      var total = Number(res.headers.get("content-length")) || 0;
      var loaded = 0;
      var type = (res.headers.get("content-type") || "").split(";")[0].trim().toLowerCase();
      var streaming = typeof WebAssembly.instantiateStreaming === "function" && type === "application/wasm" &&
        typeof TransformStream === "function" && res.body;
      if (streaming) {
        var counted = res.body.pipeThrough(new TransformStream({
          transform: function (chunk, ctl) {
            loaded += chunk.length;
            post({ type: "progress", loaded: loaded, total: total });
            ctl.enqueue(chunk);
          },
        }));
        return new Response(counted, { headers: { "content-type": "application/wasm" } });
      }
      var reader = res.body.getReader();
      var chunks = [];
      function pump() {
        return reader.read().then(function (r) {
          if (r.done) return;
          chunks.push(r.value);
          loaded += r.value.length;
          post({ type: "progress", loaded: loaded, total: total });
          return pump();
        });
      }
      return pump().then(function () {
        var buf = new Uint8Array(loaded);
        var at = 0;
        for (var i = 0; i < chunks.length; i++) { buf.set(chunks[i], at); at += chunks[i].length; }
        return buf.buffer;
      });
    });
  }

  // gunzipped decodes base64 text of gzipped wasm into a Response that
  // inflates as it is read, so the engine compiles while it decompresses;
  // without streaming compile it resolves to the bytes.
  function gunzipped(b64) {
    var bin = atob(b64);
    var bytes = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    var res = new Response(stream, { headers: { "content-type": "application/wasm" } });
    return typeof WebAssembly.instantiateStreaming === "function" ? res : res.arrayBuffer();
  }

  // instantiate compiles and instantiates the engine from a Response
  // (streaming: compiled while it downloads) or from its bytes.
  function instantiate(source, imports) {
    if (source instanceof WebAssembly.Module) {
      return WebAssembly.instantiate(source, imports).then(function (instance) { return { instance: instance }; });
    }
    if (typeof Response === "function" && source instanceof Response) {
      return WebAssembly.instantiateStreaming(source, imports);
    }
    return WebAssembly.instantiate(source, imports);
  }

  // ready settles when the engine has started (or failed to). Analyses may
  // arrive before "init" does (lede.mjs compiles the engine while this
  // worker starts, and sends init only then); they wait on it.
  var begin;
  var ready = new Promise(function (resolve) { begin = resolve; });
  var initialised = false;
  // waiting counts the analyses received and not yet answered.
  var waiting = 0;

  function start(msg) {
    // The download starts first; the Go runtime (a small script) loads
    // while it runs.
    var source = node && typeof msg.wasm === "string" ? Promise.resolve(new Uint8Array(require("node:fs").readFileSync(msg.wasm))) : wasmSource(msg.wasm);
    try {
      loadGoRuntime(msg);
    } catch (e) {
      source.catch(function () {});
      return Promise.reject(e);
    }
    return source.then(function (src) {
      var go = new Go();
      return instantiate(src, go.importObject).then(function (r) {
        // run() resolves only when the Go program exits, which it never does:
        // main registers ledeAnalyze and blocks, keeping the instance alive.
        // If it does exit (a crash), later calls could not be answered: say
        // so, and lede.mjs starts a fresh worker for the next analysis.
        go.run(r.instance).then(function () {
          post({ type: "fatal", message: "the lede engine stopped unexpectedly; it restarts on the next analysis" });
        });
        if (typeof globalThis.ledeAnalyze !== "function") throw new Error("the lede engine started but did not register ledeAnalyze");
        // Warm up: the first analysis of an instance pays for compiling the
        // code it runs (V8 compiles each wasm function on its first call) and
        // for the tables built on first use; doing it now, while the reader is
        // still pasting (the page starts the engine early), makes the first
        // real analysis quick. When an analysis is already waiting (Node's
        // analyze(), a page opened with text) it would only delay that one,
        // which warms the engine just as well: skip it then.
        if (waiting === 0) {
          globalThis.ledeAnalyze("Warm-up: Ada Lovelace met the Royal Society in London on Monday, and said costs rose 5% to $2 million.", "");
        }
      });
    });
  }

  onMessage(function (msg) {
    if (msg.type === "init") {
      if (!initialised) {
        initialised = true;
        var started = start(msg);
        begin(started);
        started.then(function () { post({ type: "ready" }); }, function (e) {
          post({ type: "fatal", message: String(e && e.message || e) });
        });
      }
      return;
    }
    if (msg.type === "analyze") {
      waiting++;
      ready.then(function () {
        waiting--;
        var json;
        try {
          json = globalThis.ledeAnalyze(msg.input, msg.options || "");
        } catch (e) {
          json = JSON.stringify({ error: "the lede engine failed: " + String(e && e.message || e) });
        }
        post({ type: "result", id: msg.id, json: json });
      }, function (e) {
        waiting--;
        post({ type: "result", id: msg.id, json: JSON.stringify({ error: String(e && e.message || e) }) });
      });
    }
  });
})();

// worker.mjs is lede's Cloudflare Worker: the JS half of the glue whose Go
// half is wasm/worker (serve_js.go). It keeps ONE live Go instance per
// isolate: started on the isolate's first request, it answers that request
// and every later one, concurrent ones included. (syumai/workers' generated
// worker.mjs started a new instance for every request, so each paid the Go
// runtime's start and the engine's model load: docs/worker.md.)
//
// Per-request state: the Go handler sees only the Request (method, URL,
// headers, body). `env` and `ctx` stay here, per request, and are not handed
// to Go: lede's API needs no bindings, and an instance that outlives a
// request must not hold that request's ctx (its waitUntil ends with it).
//
// go run ./wasm/worker/build copies this file beside wasm_exec.js (from the
// Go toolchain that built app.wasm) and app.wasm.
import "./wasm_exec.js";
import mod from "./app.wasm";

// live is the running instance {serve, maxBody, instance}, or null before the
// first request and after the Go program has stopped (then the next request
// starts a fresh one).
let live = null;

function start() {
  const go = new Go();
  const inst = new WebAssembly.Instance(mod, go.importObject);
  // run() executes main synchronously until it blocks, by which time it has
  // registered globalThis.ledeWorker; the promise settles only if it exits.
  const exited = go.run(inst);
  const glue = globalThis.ledeWorker;
  delete globalThis.ledeWorker;
  if (!glue || typeof glue.serve !== "function") throw new Error("app.wasm did not register ledeWorker");
  const me = { serve: glue.serve, maxBody: glue.maxBody, instance: glue.instance };
  // If the Go program ever exits (a fatal error), the next request starts
  // a fresh instance; a call to a stopped one throws, and gets a JSON 500.
  exited.then(() => { if (live === me) live = null; }, () => { if (live === me) live = null; });
  return me;
}

// readBody reads at most limit+1 bytes: enough for the handler to answer 413
// without holding a huge body in memory.
async function readBody(request, limit) {
  if (!request.body) return null;
  const reader = request.body.getReader();
  const chunks = [];
  let n = 0;
  for (;;) {
    const r = await reader.read();
    if (r.done) break;
    chunks.push(r.value);
    n += r.value.length;
    if (n > limit) {
      reader.cancel().catch(() => {});
      break;
    }
  }
  if (chunks.length === 1) return chunks[0];
  const all = new Uint8Array(n);
  let at = 0;
  for (const c of chunks) { all.set(c, at); at += c.length; }
  return all;
}

function failure(status, message) {
  return new Response(JSON.stringify({ error: message }) + "\n", {
    status,
    headers: { "content-type": "application/json", "access-control-allow-origin": "*", "cache-control": "no-store" },
  });
}

// decodeResponse reads serve's answer (wire.go): the status line, then
// header lines in name, value pairs up to an empty line where a name would
// stand (a value may be empty, a name never is), then the body. An answer
// that does not end its head so throws.
const utf8 = new TextDecoder();
function decodeResponse(wire) {
  let end = wire.indexOf(10); // the end of the status line, then of each value
  while (end >= 0 && end + 1 < wire.length && wire[end + 1] !== 10) {
    const name = wire.indexOf(10, end + 1);
    end = name < 0 ? -1 : wire.indexOf(10, name + 1);
  }
  if (end < 0 || end + 1 >= wire.length) throw new Error("the Go instance's answer has no end of head");
  const f = utf8.decode(wire.subarray(0, end)).split("\n");
  const headers = new Headers();
  for (let i = 1; i + 1 < f.length; i += 2) headers.append(f[i], f[i + 1]);
  return { status: Number(f[0]), headers, body: wire.subarray(end + 2) };
}

async function fetch(request, env, ctx) {
  let me;
  try {
    me = live || (live = start());
  } catch (e) {
    live = null;
    return failure(500, "the lede worker could not start its engine: " + String(e && e.message || e));
  }
  // The request goes to Go as one string and the body (wire.go): "\n"
  // occurs in no method, parsed URL, header name or value.
  let head = request.method + "\n" + request.url;
  for (const [k, v] of request.headers) head += "\n" + k + "\n" + v;
  const body = await readBody(request, me.maxBody);
  let wire;
  try {
    wire = me.serve(head, body);
    if (!(wire instanceof Uint8Array)) throw new Error("the Go instance stopped");
  } catch (e) {
    if (live === me) live = null; // start afresh next time
    return failure(500, "the lede worker failed on this request: " + String(e && e.message || e));
  }
  let r;
  try {
    r = decodeResponse(wire);
  } catch (e) {
    // the instance answered, so it lives on; only this answer is lost
    // (a header value the Headers class refuses, say)
    return failure(500, "the lede worker could not pass on the engine's answer: " + String(e && e.message || e));
  }
  const nullBody = r.status === 101 || r.status === 204 || r.status === 205 || r.status === 304 || request.method === "HEAD";
  return new Response(nullBody ? null : r.body, { status: r.status, headers: r.headers });
}

export default { fetch };

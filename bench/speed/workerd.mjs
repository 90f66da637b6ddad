// workerd.mjs measures what one POST /analyze costs on workerd, the Workers
// runtime, for one or more builds of the Cloudflare Worker side by side:
//
//   node bench/speed/workerd.mjs before=/work/wt/base/dist after=dist
//   node bench/speed/workerd.mjs --rows-only -n 40 after=dist      (no table header)
//
// Each LABEL=DIST runs DIST/worker under `wrangler dev --local` (the pinned
// wrangler's workerd, on loopback, no account, no network), one build after
// the other, and prints Markdown table rows with one column per build.
//
// How CPU is measured: workerd reports no CPU time per request when run
// locally (wrangler dev enforces no CPU limit and its request log shows wall
// time only), so this reads the CPU time (user + system, /proc/PID/stat) of
// the workerd process(es) under wrangler before and after N sequential
// requests and divides by N. That includes workerd's own HTTP and JS work for
// the request, which a deployment bills too, and nothing of wrangler's Node
// proxy. The clock tick is 10 ms, so N is kept large enough for the tick to
// be small against the total. Two windows of N requests each: the first
// (requests 5 to N+4) carries V8's tier-up, the optimising compiles of the
// hot wasm functions (about 1 s of CPU on V8's worker threads of the same
// process, spread over the first hundred or so requests), the second the
// tiered-up cost. Each is split into the whole process and the thread that
// runs the isolate's JavaScript and wasm ("workerd"; the others are V8's
// worker threads and the runtime's I/O). "first request" is the first
// /analyze of a fresh isolate (the Go instance's start and the model load
// included), one request, so its figure is ±10 ms.
//
// Input: ../shared/samples/korea-us-summit.txt when present, else the API's
// test fixture (internal/api/testdata/article.txt); LEDE_INPUT=FILE sends
// FILE instead (a one-line text shows what a request costs beyond its
// analysis). Every answer is checked: a non-200 stops the run.
import { spawn } from "node:child_process";
import { existsSync, readFileSync, readdirSync, mkdtempSync, rmSync, copyFileSync, writeFileSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseBuilds } from "./args.mjs";
import { cpuMsOf } from "./proc.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const { n, rowsOnly, builds } = parseBuilds(process.argv.slice(2), 150, "workerd.mjs");

const sampleFile = join(root, "..", "shared", "samples", "korea-us-summit.txt");
const inputFile = process.env.LEDE_INPUT || (existsSync(sampleFile) ? sampleFile : join(root, "internal", "api", "testdata", "article.txt"));
const input = readFileSync(inputFile);
const cliJS = join(root, "node_modules", "wrangler", "wrangler-dist", "cli.js");
if (!existsSync(cliJS)) {
  console.log("| workerd | skipped: node_modules/wrangler is missing (npm ci) |");
  process.exit(0);
}

function freePort() {
  return new Promise((res, rej) => {
    const s = createServer();
    s.on("error", rej);
    s.listen(0, "127.0.0.1", () => { const { port } = s.address(); s.close(() => res(port)); });
  });
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// workerdPids lists the workerd processes below pid.
function workerdPids(pid) {
  const kids = new Map();
  for (const d of readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const st = readFileSync(`/proc/${d}/stat`, "utf8");
      const ppid = Number(st.slice(st.lastIndexOf(")") + 2).split(" ")[1]);
      if (!kids.has(ppid)) kids.set(ppid, []);
      kids.get(ppid).push(Number(d));
    } catch { /* gone */ }
  }
  const out = [];
  const walk = (p) => {
    for (const k of kids.get(p) || []) {
      try {
        if (readFileSync(`/proc/${k}/comm`, "utf8").trim() === "workerd") out.push(k);
      } catch { /* gone */ }
      walk(k);
    }
  };
  walk(pid);
  return out;
}

// cpuMs is the user + system CPU time of the processes, in ms: all their
// threads (all), and the threads named "workerd" alone (js), which run the
// isolates' JavaScript and wasm. The rest are V8's worker threads
// ("V8 DefaultWorker": optimising compiles of hot wasm functions, GC
// helpers) and the runtime's I/O threads.
function cpuMs(pids) {
  let all = 0, js = 0;
  for (const p of pids) {
    all += cpuMsOf(`/proc/${p}/stat`);
    for (const t of readdirSync(`/proc/${p}/task`)) {
      try {
        if (readFileSync(`/proc/${p}/task/${t}/comm`, "utf8").trim() === "workerd") js += cpuMsOf(`/proc/${p}/task/${t}/stat`);
      } catch { /* gone */ }
    }
  }
  return { all, js };
}

// since returns the CPU ms spent since c0 (from cpuMs), per request.
function since(pids, c0, n = 1) {
  const c = cpuMs(pids);
  return { all: (c.all - c0.all) / n, js: (c.js - c0.js) / n };
}

async function analyze(base, path = "/analyze") {
  const t = performance.now();
  const r = await fetch(base + path, path === "/analyze" ? { method: "POST", headers: { "content-type": "text/plain" }, body: input } : {});
  const body = await r.arrayBuffer();
  if (r.status !== 200) throw new Error(`${path} answered ${r.status}: ${Buffer.from(body).subarray(0, 200)}`);
  return performance.now() - t;
}

// runnable returns a worker folder the installed workerd accepts: the build's
// own, or, when its compatibility date is later than that workerd supports
// (an older checkout built for a newer wrangler), a temporary copy with the
// date lowered to the workerd's own and the assets folder made absolute. The
// date changes no behaviour this worker relies on; the note says so.
function runnable(workerDir, dist, tmp) {
  const cfg = readFileSync(join(workerDir, "wrangler.jsonc"), "utf8");
  const m = /"compatibility_date":\s*"(\d{4}-\d{2}-\d{2})"/.exec(cfg);
  const v = /^1\.(\d{4})(\d{2})(\d{2})\./.exec(JSON.parse(readFileSync(join(root, "node_modules", "workerd", "package.json"), "utf8")).version);
  if (!m || !v) return workerDir;
  const cap = `${v[1]}-${v[2]}-${v[3]}`;
  if (m[1] <= cap) return workerDir;
  for (const f of readdirSync(workerDir)) {
    if (statSync(join(workerDir, f)).isFile()) copyFileSync(join(workerDir, f), join(tmp, f));
  }
  writeFileSync(join(tmp, "wrangler.jsonc"), cfg.replace(m[0], `"compatibility_date": "${cap}"`)
    .replace(/"directory":\s*"\.\."/, `"directory": ${JSON.stringify(dist)}`));
  console.error(`note: ${workerDir} asks for compatibility date ${m[1]}; the installed workerd takes up to ${cap}, so it runs from a copy with ${cap}`);
  return tmp;
}

async function measure(b) {
  if (!existsSync(join(b.dir, "worker", "wrangler.jsonc"))) throw new Error(`${b.dir}/worker is not built (go run ./cmd/lede-dist -out ${b.dir})`);
  const copy = mkdtempSync(join(tmpdir(), "lede-bench-worker-"));
  const workerDir = runnable(join(b.dir, "worker"), b.dir, copy);
  const [port, inspector] = [await freePort(), await freePort()];
  const state = mkdtempSync(join(tmpdir(), "lede-bench-wrangler-"));
  const env = { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false", NO_COLOR: "1" };
  const log = [];
  const w = spawn(process.execPath, [cliJS, "dev", "--local", "--ip", "127.0.0.1", "--port", String(port),
    "--inspector-port", String(inspector), "--persist-to", state, "--show-interactive-dev-session=false"],
  { cwd: workerDir, detached: true, stdio: ["ignore", "pipe", "pipe"], env });
  w.stdout.on("data", (d) => log.push(String(d)));
  w.stderr.on("data", (d) => log.push(String(d)));
  const base = `http://127.0.0.1:${port}`;
  try {
    const deadline = Date.now() + 120_000;
    for (;;) {
      if (w.exitCode !== null) throw new Error("wrangler dev exited:\n" + log.join(""));
      if (Date.now() > deadline) throw new Error("wrangler dev did not come up:\n" + log.join(""));
      // The page (a static asset) answers without running the worker, so
      // the first /analyze below meets an isolate whose Go has not started.
      try { await fetch(base + "/", { signal: AbortSignal.timeout(3000) }).then((r) => r.arrayBuffer()); break; } catch { /* not yet */ }
      await sleep(250);
    }
    const pids = workerdPids(w.pid);
    if (!pids.length) throw new Error("no workerd process found under wrangler");
    await sleep(500); // let start-up work settle before reading the clock
    let c0 = cpuMs(pids);
    const firstWall = await analyze(base);
    const first = since(pids, c0);
    for (let i = 0; i < 3; i++) await analyze(base); // warm-up
    const walls = [];
    c0 = cpuMs(pids);
    for (let i = 0; i < n; i++) walls.push(await analyze(base));
    const per = since(pids, c0, n);
    // A second window of n: by then V8 has compiled most of the hot wasm
    // functions with its optimising tier, whose compile time (on its worker
    // threads, in the same process) the first window carries.
    c0 = cpuMs(pids);
    for (let i = 0; i < n; i++) await analyze(base);
    const steady = since(pids, c0, n);
    walls.sort((x, y) => x - y);
    c0 = cpuMs(pids);
    for (let i = 0; i < n; i++) await analyze(base, "/healthz");
    const health = since(pids, c0, n);
    return { first, firstWall, per, steady, health, p50: walls[Math.floor(walls.length / 2)] };
  } finally {
    try { process.kill(-w.pid, "SIGTERM"); } catch { /* gone */ }
    await new Promise((r) => (w.exitCode !== null ? r() : w.once("exit", r)));
    rmSync(state, { recursive: true, force: true });
    rmSync(copy, { recursive: true, force: true });
  }
}

const results = [];
for (const b of builds) results.push(await measure(b));
const row = (name, f) => console.log(`| ${name} | ${results.map(f).join(" | ")} |`);
if (!rowsOnly) {
  console.log(`| workerd (wrangler dev --local), input ${inputFile.split("/").slice(-2).join("/")} (${input.length} bytes) | ${builds.map((b) => b.label).join(" | ")} |`);
  console.log(`|---|${builds.map(() => "---:").join("|")}|`);
}
row(`CPU per /analyze, warm isolate (ms, workerd process CPU over requests 5–${n + 4} / ${n}; V8's tier-up included)`, (r) => r.per.all.toFixed(1));
row(`  of which on the isolate's thread (ms; the rest is V8's worker threads, mostly optimising compiles)`, (r) => r.per.js.toFixed(1));
row(`CPU per /analyze, the next ${n} requests (ms, process)`, (r) => r.steady.all.toFixed(1));
row(`  of which on the isolate's thread (ms)`, (r) => r.steady.js.toFixed(1));
row(`CPU per GET /healthz (ms, process, same way): the runtime's and the glue's share`, (r) => r.health.all.toFixed(1));
row("CPU of the first /analyze of an isolate (ms, process, one request, ±10)", (r) => r.first.all.toFixed(0));
row(`wall per /analyze, p50 of requests 5–${n + 4} (ms)`, (r) => r.p50.toFixed(1));
row("wall of the first /analyze (ms)", (r) => r.firstWall.toFixed(0));

// page.mjs measures a reader's first visit: a cold page (fresh browser
// context: empty cache, no service worker) to the first result on screen, in
// headless Chromium on localhost, for one or more builds side by side:
//
//   node bench/speed/page.mjs before=/work/wt/base/dist after=dist
//   node bench/speed/page.mjs -n 7 --rows-only after=dist       (no table header)
//
// Each run opens index.html of a build; the moment the page's DOM is ready
// (DOMContentLoaded, when app.mjs has wired its buttons) a script injected
// by the test (not part of the page) puts the example article in the box and
// clicks Analyse, as a reader who pastes at once would. The time is the
// page's own clock (performance.now(), from navigation start) when
// #results is shown and a frame has been drawn. Runs alternate between the
// builds so that the machine's load falls on all of them alike; the rows give
// the median, min and max of -n runs (default 5).
//
// Before each visit the new window is left to settle (chromium.mjs: since
// Chromium 15x each new window starts a WebUI renderer of its own, 0.7–1.3 s
// of CPU, which is the browser's cost, not the page's); LEDE_SETTLE=0 opens
// the page at once, as the benchmarks did before the thirteenth round.
//
// CPU: the user + system time of all of Chromium's processes (from /proc)
// between navigation and the result (polled every 50 ms, so it may include
// up to 50 ms after the result). It is less at the mercy of a busy machine
// than the wall time, which other processes stretch.
//
// A second visit follows each cold one in the same browser context, once
// the service worker is ready: what a returning reader sees.
//
// Bytes: every request the static server saw before the result, each file
// counted at its brotli size (zlib's default quality 11, as a server or CDN
// that pre-compresses sends it) and raw. The server is the browser tests'
// (web/e2e/helpers.mjs, serve): node:http with the right Content-Type
// (application/wasm for the engine), no compression, `Cache-Control: no-cache`.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import { parseBuilds } from "./args.mjs";
import { serve as serveStatic } from "../../web/e2e/helpers.mjs";
import { cpuTicks, cpuSince, settle } from "./chromium.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const require = createRequire(import.meta.url);
const { n, rowsOnly, builds } = parseBuilds(process.argv.slice(2), 5, "page.mjs");
for (const b of builds) {
  if (!fs.existsSync(path.join(b.dir, "index.html"))) {
    console.error(`${b.dir} has no index.html: build it with go run ./cmd/lede-dist -out ${b.dir}`);
    process.exit(1);
  }
}
const { exampleArticle } = await import(path.join(root, "web", "example.mjs"));

// serve is the browser tests' static server for dir, logging [time, path]
// of each request.
async function serve(dir) {
  const log = [];
  const server = await serveStatic(dir, (req) => {
    const p = decodeURIComponent(new URL(req.url, "http://x").pathname);
    log.push([Date.now(), p.endsWith("/") ? p + "index.html" : p]);
    return false; // the static server answers
  });
  return { ...server, log };
}

const sizes = new Map();
function size(dir, p) {
  const file = path.join(dir, p);
  if (!sizes.has(file)) {
    let raw = 0, br = 0;
    if (fs.existsSync(file) && fs.statSync(file).isFile()) {
      const b = fs.readFileSync(file);
      raw = b.length;
      br = zlib.brotliCompressSync(b).length;
    }
    sizes.set(file, { raw, br });
  }
  return sizes.get(file);
}

// inject runs in the page before its own scripts: at DOMContentLoaded it
// pastes the article and clicks Analyse, and notes when results show.
function inject(text) {
  document.addEventListener("DOMContentLoaded", () => {
    const results = document.getElementById("results");
    const done = () => requestAnimationFrame(() => {
      globalThis.__ledeBench = { ms: performance.now(), wall: Date.now(), error: document.getElementById("error").hidden ? "" : document.getElementById("error").textContent };
    });
    new MutationObserver((_, obs) => {
      if (!results.hidden || !document.getElementById("error").hidden) { obs.disconnect(); done(); }
    }).observe(document.body, { attributes: true, subtree: true, attributeFilter: ["hidden"] });
    document.getElementById("input").value = text;
    document.getElementById("analyze").click();
  });
}

const pw = require("playwright-core");
const browser = await pw.chromium.launch({
  executablePath: "/usr/bin/chromium", headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const browserPid = process.pid; // Chromium runs below this script
const servers = [];
for (const b of builds) servers.push(await serve(b.dir));
const runs = builds.map(() => []);
try {
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < builds.length; k++) {
      const srv = servers[k];
      const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      await ctx.addInitScript(inject, exampleArticle);
      const page = await ctx.newPage();
      await settle(browserPid); // the new window's own start (chromium.mjs)
      const from = srv.log.length;
      const cpu0 = cpuTicks(browserPid);
      await page.goto(srv.url, { waitUntil: "commit" });
      await page.waitForFunction(() => globalThis.__ledeBench, null, { timeout: 120_000, polling: 50 });
      const cpu = cpuSince(browserPid, cpu0);
      const r = await page.evaluate(() => globalThis.__ledeBench);
      if (r.error) throw new Error(`${builds[k].label}: the page showed an error: ${r.error}`);
      const before = srv.log.slice(from).filter(([t]) => t <= r.wall).map(([, p]) => p);
      const bytes = before.reduce((a, p) => { const s = size(builds[k].dir, p); return { raw: a.raw + s.raw, br: a.br + s.br }; }, { raw: 0, br: 0 });
      // A second visit in the same context: the service worker (once it has
      // installed) and the HTTP cache answer, and Chromium may reuse the
      // wasm code it cached from the streaming compile.
      await page.evaluate(() => navigator.serviceWorker && navigator.serviceWorker.ready.then(() => true));
      await page.waitForTimeout(1000); // let the install's cache writes and code caching finish
      const page2 = await ctx.newPage();
      await settle(browserPid);
      const cpu1 = cpuTicks(browserPid);
      await page2.goto(srv.url, { waitUntil: "commit" });
      await page2.waitForFunction(() => globalThis.__ledeBench, null, { timeout: 120_000, polling: 50 });
      const cpu2 = cpuSince(browserPid, cpu1);
      const r2 = await page2.evaluate(() => globalThis.__ledeBench);
      runs[k].push({ ms: r.ms, cpu, ...bytes, files: before, ms2: r2.ms, cpu2 });
      await ctx.close();
    }
  }
} finally {
  await browser.close();
  for (const s of servers) await s.close();
}

const stat = (xs) => {
  const s = xs.slice().sort((a, b) => a - b);
  return { med: s[Math.floor(s.length / 2)], min: s[0], max: s[s.length - 1] };
};
const mb = (x) => (x / 1e6).toFixed(2) + " MB";
if (!rowsOnly) {
  console.log(`| page, headless Chromium, localhost, cold (${n} runs each) | ${builds.map((b) => b.label).join(" | ")} |`);
  console.log(`|---|${builds.map(() => "---:").join("|")}|`);
}
const row = (name, f) => console.log(`| ${name} | ${runs.map(f).join(" | ")} |`);
row("cold page → first result, ms: median (min–max)", (rs) => { const s = stat(rs.map((r) => r.ms)); return `${s.med.toFixed(0)} (${s.min.toFixed(0)}–${s.max.toFixed(0)})`; });
row("Chromium CPU time (all its processes) from navigation to the first result, ms: median (min–max)", (rs) => { const s = stat(rs.map((r) => r.cpu)); return `${s.med.toFixed(0)} (${s.min.toFixed(0)}–${s.max.toFixed(0)})`; });
row("second visit (service worker, cached code) → first result, ms: median (min–max)", (rs) => { const s = stat(rs.map((r) => r.ms2)); return `${s.med.toFixed(0)} (${s.min.toFixed(0)}–${s.max.toFixed(0)})`; });
row("the same, Chromium CPU time, ms: median (min–max)", (rs) => { const s = stat(rs.map((r) => r.cpu2)); return `${s.med.toFixed(0)} (${s.min.toFixed(0)}–${s.max.toFixed(0)})`; });
row("bytes fetched before the first result, brotli", (rs) => mb(stat(rs.map((r) => r.br)).med));
row("the same, uncompressed", (rs) => mb(stat(rs.map((r) => r.raw)).med));
row("requests before the first result", (rs) => String(stat(rs.map((r) => r.files.length)).med));
if (process.env.LEDE_BENCH_VERBOSE) for (let k = 0; k < builds.length; k++) console.error(builds[k].label, runs[k].map((r) => r.files.join(" ")));

// helpers.mjs: what the browser tests share — a tiny static server for dist/
// (the minified build, as readers get it), Debian's Chromium through
// playwright-core, and axe-core.
import { before, after } from "node:test";
import http from "node:http";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";

export const root = fileURLToPath(new URL("../../", import.meta.url));
export const dist = path.join(root, "dist");
export const screenshots = path.join(root, "docs", "screenshots");
const require = createRequire(import.meta.url);

const types = {
  ".html": "text/html; charset=utf-8", ".mjs": "text/javascript; charset=utf-8", ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8", ".wasm": "application/wasm", ".svg": "image/svg+xml", ".png": "image/png",
  ".webmanifest": "application/manifest+json", ".json": "application/json", ".txt": "text/plain; charset=utf-8",
};

/**
 * serve starts a static server for dir on 127.0.0.1 (a free port). It
 * records every request it answers in server.log, and when it came (Date.now())
 * at the same index of server.times. extra(req, res) may answer a request
 * itself (return true), as the widget test's /analyze does.
 */
export async function serve(dir = dist, extra = null) {
  const log = [];
  const times = [];
  const server = http.createServer(async (req, res) => {
    log.push(req.method + " " + req.url);
    times.push(Date.now());
    if (extra && (await extra(req, res))) return;
    const u = new URL(req.url, "http://x");
    let p = decodeURIComponent(u.pathname);
    if (p.endsWith("/")) p += "index.html";
    const file = path.join(dir, path.normalize(p).replace(/^(\.\.[/\\])+/, ""));
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found");
      return;
    }
    const body = fs.readFileSync(file);
    res.writeHead(200, { "content-type": types[path.extname(file)] || "application/octet-stream", "content-length": body.length, "cache-control": "no-cache", "access-control-allow-origin": "*" });
    res.end(body);
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  const url = "http://127.0.0.1:" + server.address().port + "/";
  return { url, log, times, close: () => new Promise((r) => { server.closeAllConnections(); server.close(r); }) };
}

/**
 * launch starts Debian's Chromium headless with a fresh profile and returns
 * its browser context. opts are playwright context options (viewport,
 * colorScheme...).
 */
export async function launch(opts = {}) {
  const pw = require("playwright-core");
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "lede-chromium-"));
  const args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"];
  const context = await pw.chromium.launchPersistentContext(userDataDir, {
    executablePath: "/usr/bin/chromium", args, headless: true, viewport: { width: 1280, height: 900 }, ...opts,
  });
  // Actions wait for their element as long as the slowest step waits for a
  // result: on a loaded machine a 10 MB value in the textarea can keep the
  // page's main thread busy past playwright's 30 s default, and a test never
  // fails on a time (DEVELOPERS.md); a real hang still fails.
  context.setDefaultTimeout(120000);
  const errors = [];
  context.on("weberror", (e) => errors.push(String(e.error())));
  return {
    context,
    errors,
    // page opens a new tab; the first call reuses the blank one Chromium
    // starts with.
    page: async () => {
      const blank = context.pages().find((x) => x.url() === "about:blank" && !x.ledeUsed);
      const p = blank || (await context.newPage());
      p.ledeUsed = true;
      p.on("console", (m) => { if (m.type() === "error") errors.push("console: " + m.text()); });
      return p;
    },
    close: async () => {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** axe runs axe-core on the page and returns its violations. */
export async function axe(page) {
  const src = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
  await page.addScriptTag({ content: src });
  return page.evaluate(async () => {
    const r = await globalThis.axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ") + " :: " + n.failureSummary) }));
  });
}

export function needDist(t) {
  if (!fs.existsSync(path.join(dist, "index.html")) || !fs.existsSync(path.join(dist, "lede.wasm"))) {
    t.skip("dist/ is not built: run ./build.sh dist (./build.sh test does it first)");
    return false;
  }
  return true;
}

/** sample is ../shared/samples/korea-us-summit.txt, or null on a machine without ../shared. */
export function sample() {
  const f = path.join(root, "..", "shared", "samples", "korea-us-summit.txt");
  return fs.existsSync(f) ? fs.readFileSync(f, "utf8") : null;
}

// analyse pastes text into the page and clicks Analyse; it resolves when the
// result or an error is on screen.
export async function analyse(page, text) {
  await page.fill("#input", text);
  await page.click("#analyze");
  await page.waitForFunction(() => !document.getElementById("analyze").disabled &&
    (!document.getElementById("results").hidden || !document.getElementById("error").hidden), null, { timeout: 45000 });
}

// analyseOK is analyse for input that must give a result, not an error.
export async function analyseOK(page, text) {
  await analyse(page, text);
  if (!(await page.isHidden("#error"))) throw new Error("the page shows an error: " + (await page.textContent("#error")));
}

// chipNames lists the names on the entity chips of one type ("person", ...).
export const chipNames = (page, type) => page.$$eval(".chip-" + type + " .chip-name", (els) => els.map((e) => e.textContent));

// sharedPage registers before/after hooks that serve dist/, start Chromium
// and open the page once for the whole test file, so one engine serves every
// test (a new page would start and warm a new engine each time). The
// returned object holds {srv, chrome, page} once the hooks have run.
export function sharedPage() {
  const s = {};
  before(async () => {
    s.srv = await serve();
    s.chrome = await launch();
    s.page = await s.chrome.page();
    await s.page.goto(s.srv.url);
    fs.mkdirSync(screenshots, { recursive: true });
  });
  after(async () => {
    if (s.chrome) await s.chrome.close();
    if (s.srv) await s.srv.close();
  });
  return s;
}

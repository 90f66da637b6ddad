// offline.test.mjs: the page as an installable PWA that works offline.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { serve, launch, needDist, dist, analyseOK } from "./helpers.mjs";
import { exampleArticle } from "../example.mjs";

let srv, chrome;
before(async () => {
  srv = await serve();
  chrome = await launch();
});
after(async () => {
  if (chrome) await chrome.close();
  if (srv) await srv.close();
});


test("installable: the manifest and its icons", async (t) => {
  if (!needDist(t)) return;
  const m = JSON.parse(fs.readFileSync(path.join(dist, "manifest.webmanifest"), "utf8"));
  assert.equal(m.display, "standalone");
  assert.ok(m.icons.some((i) => i.sizes === "512x512" && i.type === "image/png"));
  assert.ok(m.icons.some((i) => i.sizes === "192x192"));
  assert.ok(m.icons.some((i) => i.purpose === "maskable"));
  for (const i of m.icons) {
    const b = fs.readFileSync(path.join(dist, i.src));
    if (i.type === "image/png") {
      assert.equal(b.subarray(1, 4).toString(), "PNG", i.src);
      const [w, h] = i.sizes.split("x").map(Number);
      assert.equal(b.readUInt32BE(16), w, i.src + " width");
      assert.equal(b.readUInt32BE(20), h, i.src + " height");
    }
  }
});

test("offline: load once, go offline, reload, analyse with no request leaving the page", async (t) => {
  if (!needDist(t)) return;
  const page = await chrome.page();
  await page.goto(srv.url);
  // The service worker installs and caches the shell and the engine.
  const version = await page.evaluate(async () => {
    const reg = await navigator.serviceWorker.ready;
    return new Promise((resolve) => {
      navigator.serviceWorker.addEventListener("message", (e) => resolve(e.data.version), { once: true });
      reg.active.postMessage("version");
    });
  });
  assert.match(version, /^[0-9a-f]{16}$/);
  const cached = await page.evaluate(async (v) => (await (await caches.open("lede-" + v)).keys()).map((r) => new URL(r.url).pathname), version);
  for (const f of ["/", "/lede.wasm", "/lede-worker.js", "/wasm_exec.js", "/app.mjs", "/lede.mjs", "/app.css"]) assert.ok(cached.includes(f), f + " is not precached: " + cached);

  await chrome.context.setOffline(true);
  t.after(() => chrome.context.setOffline(false));
  const served = srv.log.length;
  await page.reload();
  await page.waitForSelector("#analyze");
  const requests = [];
  page.on("request", (r) => requests.push(r));
  await analyseOK(page, exampleArticle);
  assert.ok(await page.locator("#entities .chip").count() > 0);
  // The engine's files came from the service worker's cache; nothing went
  // to the network, and no request carried the article.
  for (const r of requests) {
    assert.equal(r.method(), "GET", r.url());
    assert.ok(r.url().startsWith(srv.url), "request to another origin: " + r.url());
    const res = await r.response();
    assert.ok(res && res.fromServiceWorker(), r.url() + " did not come from the service worker");
    assert.equal(r.postData(), null);
  }
  // A second analysis makes no request at all.
  requests.length = 0;
  await analyseOK(page, exampleArticle.replace("Aberdeen", "Dundee"));
  assert.deepEqual(requests.map((r) => r.url()), []);
  // The server saw nothing from the page. (Chromium's own service-worker
  // update check for sw.js on reload is made by the browser, outside the
  // page and outside playwright's offline emulation; it carries no data.)
  const seen = srv.log.slice(served).filter((l) => l !== "GET /sw.js");
  assert.deepEqual(seen, [], "the server was asked for something while offline");
  await page.close();
});

test("an update replaces the old cache", async (t) => {
  if (!needDist(t)) return;
  // A copy of dist/ whose app.css differs gets a new version, and
  // activating it deletes the old cache.
  const copy = fs.mkdtempSync(path.join(fs.realpathSync(process.env.TMPDIR || "/tmp"), "lede-dist-"));
  fs.cpSync(dist, copy, { recursive: true });
  const srv2 = await serve(copy);
  try {
    const page = await chrome.page();
    await page.goto(srv2.url);
    const names = () => page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith("lede-")));
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    const first = await names();
    assert.equal(first.length, 1, "caches: " + first);
    // Rebuild the service worker as lede-dist would for changed files: the
    // version is a content hash, so a different hash.
    const sw = fs.readFileSync(path.join(copy, "sw.js"), "utf8");
    const v = first[0].slice(5);
    fs.writeFileSync(path.join(copy, "sw.js"), sw.replace(v, "0000" + v.slice(4)));
    await page.evaluate(async () => { const r = await navigator.serviceWorker.getRegistration(); await r.update(); });
    const want = "lede-0000" + v.slice(4);
    // Poll until the new version has activated and cleaned up.
    let now = await names();
    for (let i = 0; i < 300 && !(now.length === 1 && now[0] === want); i++) {
      await new Promise((r) => setTimeout(r, 100));
      now = await names();
    }
    assert.deepEqual(now, [want]);
    await page.close();
  } finally {
    await srv2.close();
    fs.rmSync(copy, { recursive: true, force: true });
  }
});


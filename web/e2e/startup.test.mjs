// startup.test.mjs: a reader's first visit. The engine starts as the page
// loads (not when the reader first touches the box), it is downloaded once
// before the first result, the service worker's copy of every file waits
// until after it, and a server that does not say application/wasm (so no
// streaming compile) still works.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { serve, launch, needDist, dist } from "./helpers.mjs";
import { exampleArticle } from "../example.mjs";

let chrome;
before(async () => {
  chrome = await launch();
});
after(async () => {
  if (chrome) await chrome.close();
});

const paths = (log) => log.map((l) => l.split(" ")[1]);

test("the engine starts as the page loads, before any input", async (t) => {
  if (!needDist(t)) return;
  const srv = await serve();
  try {
    const page = await chrome.page();
    await page.goto(srv.url);
    // Nobody touches the page: no focus, no typing, no click.
    for (let i = 0; i < 200 && !paths(srv.log).includes("/lede.wasm"); i++) await new Promise((r) => setTimeout(r, 50));
    assert.ok(paths(srv.log).includes("/lede.wasm"), "the engine was not fetched on load: " + srv.log);
    assert.equal(await page.evaluate(() => document.activeElement === document.getElementById("input")), false, "the box was never focused");
    await page.close();
  } finally {
    await srv.close();
  }
});

test("first visit: one download of the engine before the first result, the service worker after it", async (t) => {
  if (!needDist(t)) return;
  const srv = await serve();
  try {
    const page = await chrome.page();
    await page.addInitScript((text) => {
      document.addEventListener("DOMContentLoaded", () => {
        // when the results are first shown, on the clock the server logs
        // by: the test may read the log only later, once the page has gone
        // on to install its service worker
        const results = document.getElementById("results");
        new MutationObserver(() => {
          if (!results.hidden && !globalThis.shownAt) globalThis.shownAt = Date.now();
        }).observe(results, { attributes: true });
        document.getElementById("input").value = text;
        document.getElementById("analyze").click();
      });
    }, exampleArticle);
    await page.goto(srv.url);
    await page.waitForFunction(() => !document.getElementById("results").hidden && globalThis.shownAt, null, { timeout: 60000 });
    const shownAt = await page.evaluate(() => globalThis.shownAt);
    const atResult = paths(srv.log).filter((p, i) => srv.times[i] < shownAt);
    assert.equal(atResult.filter((p) => p === "/lede.wasm").length, 1, "the engine was fetched more than once before the first result: " + atResult);
    assert.ok(!atResult.includes("/sw.js"), "the service worker was installed before the first result: " + atResult);
    assert.ok(paths(srv.log).filter((p) => p === "/lede.wasm").length <= 2, "the engine was fetched more than twice: " + paths(srv.log));
    // It still installs, afterwards, and caches the engine for offline use.
    const cached = await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      const keys = await caches.keys();
      const all = [];
      for (const k of keys) all.push(...(await (await caches.open(k)).keys()).map((r) => new URL(r.url).pathname));
      return all;
    });
    assert.ok(cached.includes("/lede.wasm"), "not cached: " + cached);
    await page.close();
  } finally {
    await srv.close();
  }
});

test("a server that sends lede.wasm without Content-Type application/wasm still works (no streaming compile)", async (t) => {
  if (!needDist(t)) return;
  const wasm = fs.readFileSync(path.join(dist, "lede.wasm"));
  const srv = await serve(dist, async (req, res) => {
    if (req.url !== "/lede.wasm") return false;
    res.writeHead(200, { "content-type": "application/octet-stream", "content-length": wasm.length });
    res.end(wasm);
    return true;
  });
  try {
    const page = await chrome.page();
    await page.goto(srv.url);
    await page.fill("#input", exampleArticle);
    await page.click("#analyze");
    await page.waitForFunction(() => !document.getElementById("results").hidden || !document.getElementById("error").hidden, null, { timeout: 60000 });
    assert.ok(await page.isHidden("#error"), "error: " + (await page.textContent("#error")));
    const names = await page.$$eval("#entities .chip-name", (els) => els.map((e) => e.textContent));
    assert.ok(names.includes("Anders Holm"), "names: " + names);
    await page.close();
  } finally {
    await srv.close();
  }
});

// fonts lists the distinct fonts (family, size, weight, style, numerals)
// that the text under the elements matching sel is drawn in: text that is
// laid out only (visibility: hidden, as the specimen is, still is; the
// results' markup under a [hidden] section is not, and so finds no font).
const fonts = (page, sel) => page.evaluate((sel) => {
  const out = new Set();
  for (const root of document.querySelectorAll(sel)) {
    const walk = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n; (n = walk.nextNode());) {
      if (!n.textContent.trim() || !n.parentElement.checkVisibility()) continue;
      const c = getComputedStyle(n.parentElement);
      out.add([c.fontFamily, c.fontSize, c.fontWeight, c.fontStyle, c.fontVariantNumeric].join(" | "));
    }
  }
  return [...out];
}, sel);

test("the results' fonts are laid out while the engine starts (app.mjs's specimen), and the specimen goes at the first result", async (t) => {
  if (!needDist(t)) return;
  const srv = await serve();
  try {
    const page = await chrome.page();
    await page.goto(srv.url);
    await page.waitForSelector(".font-specimen", { state: "attached" });
    const known = new Set([...(await fonts(page, ".font-specimen")), ...(await fonts(page, "body > :not(.font-specimen)"))]);
    assert.equal(await page.$eval(".font-specimen", (e) => e.getAttribute("aria-hidden")), "true");
    await page.fill("#input", exampleArticle);
    await page.click("#analyze");
    await page.waitForFunction(() => !document.getElementById("results").hidden, null, { timeout: 60000 });
    const missing = (await fonts(page, "#results")).filter((f) => !known.has(f));
    assert.deepEqual(missing, [], "fonts of the results that the specimen in web/app.mjs does not lay out in advance");
    assert.equal(await page.$$eval(".font-specimen", (els) => els.length), 0, "the specimen is still in the page");
    await page.close();
  } finally {
    await srv.close();
  }
});

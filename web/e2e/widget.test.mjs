// widget.test.mjs: <lede-analyzer> on dist/demo.html, an ordinary article
// page with broad CSS of its own, and on a bare page in api= mode.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import fs from "node:fs";
import zlib from "node:zlib";
import { serve, launch, needDist, screenshots, dist } from "./helpers.mjs";
import { exampleArticle } from "../example.mjs";

let srv, chrome, apiCalls = 0;
before(async () => {
  // The test server also answers POST /analyze the way `lede serve` does,
  // with the real engine through dist/lede.mjs in Node.
  srv = await serve(dist, async (req, res) => {
    if (req.method === "GET" && req.url === "/api-host.html") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(`<!doctype html><html lang="en"><head><title>api</title><script type="module" src="widget.mjs"></script></head>
        <body><main><lede-analyzer id="w" api="/analyze" compact></lede-analyzer></main></body></html>`);
      return true;
    }
    if (req.method === "GET" && req.url === "/lazy-host.html") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(`<!doctype html><html lang="en"><head><title>lazy</title><script type="module" src="widget.mjs"></script></head>
        <body><main><lede-analyzer id="w"></lede-analyzer></main></body></html>`);
      return true;
    }
    if (req.method !== "POST" || !req.url.startsWith("/analyze")) return false;
    apiCalls++;
    const chunks = [];
    for await (const c of req) chunks.push(c);
    const body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
    const api = await import(new URL("lede.mjs", "file://" + dist + "/").href);
    const json = await api.analyzeJSON(body.text, body.options);
    res.writeHead(json.startsWith('{"error"') ? 400 : 200, { "content-type": "application/json" });
    res.end(json);
    return true;
  });
  chrome = await launch();
});
after(async () => {
  if (chrome) await chrome.close();
  if (srv) await srv.close();
});

test("the demo page: the sidebar card analyses the article, the paste box works, the host's CSS is untouched", async (t) => {
  if (!needDist(t)) return;
  const page = await chrome.page();
  const wasmLoads = [];
  page.on("request", (r) => { if (r.url().endsWith(".wasm")) wasmLoads.push(r.url()); });
  await page.setViewportSize({ width: 1280, height: 600 });
  await page.goto(srv.url + "demo.html");
  // The host page's own look, before the widgets do anything.
  const hostStyle = () => page.evaluate(() => {
    const cs = (sel) => { const s = getComputedStyle(document.querySelector(sel)); return [s.fontFamily, s.color, s.backgroundColor, s.fontSize, s.borderTopWidth].join("|"); };
    return [cs("body"), cs("h1"), cs("#article p"), cs("#host-button"), cs("footer.site")];
  });
  const before = await hostStyle();
  // Lazy: the paste-box widget loads no engine with the page. (The sidebar
  // card is in view, so it starts on its own.)
  const result = page.evaluate(() => new Promise((resolve) => {
    const card = document.getElementById("card");
    if (card.report) resolve(card.report.entities.length);
    card.addEventListener("lede:result", (e) => resolve(e.detail.entities.length), { once: true });
  }));
  const n = await result;
  assert.ok(n > 0, "the compact card found no names");
  const cardText = await page.locator("#card").evaluate((el) => el.shadowRoot.textContent);
  assert.match(cardText, /In this article/);
  assert.match(cardText, /People/);
  assert.match(cardText, /Anders Holm/);
  assert.match(cardText, /Topics/);
  // the Topics group lists topics, not the names the entity groups have
  const topicItems = await page.locator("#card").evaluate((el) =>
    [...el.shadowRoot.querySelectorAll('ul[aria-label="Topics"] li')].map((li) => li.textContent));
  const kpNames = await page.evaluate(() => document.getElementById("card").report.keyphrases.filter((k) => k.kind === "name").map((k) => k.text));
  assert.ok(topicItems.length > 0, "no topics in the card");
  for (const n of kpNames) assert.ok(!topicItems.some((t) => t.replace(/\d+$/, "") === n), "a name in Topics: " + n);

  // The second widget, the paste box: type, click its button, result.
  const paste = page.locator("#paste");
  await paste.locator("textarea").fill("The mayor of Lisbon, Ana Ferreira, opened the Tagus bridge on Monday. It cost €40 million, 12% over budget. “It was worth it,” Ferreira said.");
  const second = page.evaluate(() => new Promise((r) => document.getElementById("paste").addEventListener("lede:result", (e) => r(e.detail.entities.map((x) => x.name)), { once: true })));
  await paste.locator("button").click();
  const names = await second;
  assert.ok(names.includes("Ana Ferreira"), "paste widget names: " + names);
  assert.match(await page.textContent("#saw"), /lede:result event from #paste/);
  assert.ok(wasmLoads.length <= 1, "the engine was loaded " + wasmLoads.length + " times; one instance should serve both widgets");

  // Isolation both ways.
  assert.deepEqual(await hostStyle(), before, "the widget changed the host page's styles");
  const widgetButton = await paste.locator("button").evaluate((b) => { const s = getComputedStyle(b); return [s.backgroundColor, s.fontFamily, s.borderTopWidth]; });
  const hostButton = await page.locator("#host-button").evaluate((b) => getComputedStyle(b).backgroundColor);
  assert.notEqual(widgetButton[0], hostButton, "the host's button rule reached inside the widget");
  assert.ok(!/Comic Sans/.test(widgetButton[1]), "the host's font reached the widget's button");
  // Theming through custom properties and ::part: the demo sets the accent
  // and the heading colour.
  assert.equal(widgetButton[0], "rgb(127, 29, 29)");
  const headingColor = await page.locator("#card").evaluate((el) => getComputedStyle(el.shadowRoot.querySelector("[part~=heading]")).color);
  assert.equal(headingColor, "rgb(127, 29, 29)");
  await page.screenshot({ path: path.join(screenshots, "widget-demo.png"), fullPage: true });
  assert.deepEqual(chrome.errors, []);
});

test("widget in api= mode posts to a lede endpoint, and analyze() is scriptable", async (t) => {
  if (!needDist(t)) return;
  const page = await chrome.page();
  const wasmLoads = [];
  page.on("request", (r) => { if (/\.wasm$|\/lede\.mjs$|lede-worker\.js$/.test(r.url())) wasmLoads.push(r.url()); });
  await page.goto(srv.url + "api-host.html");
  await page.waitForFunction(() => customElements.get("lede-analyzer"));
  const calls = apiCalls;
  const names = await page.evaluate((text) => document.getElementById("w").analyze(text).then((r) => r.entities.map((e) => e.name)), exampleArticle);
  assert.equal(apiCalls, calls + 1, "the widget did not POST to its api endpoint");
  assert.ok(names.includes("Anders Holm"), "api names: " + names);
  assert.deepEqual(wasmLoads, [], "api mode must not load the local engine");
  // A refused input shows the service's message.
  const msg = await page.evaluate(() => document.getElementById("w").analyze("   ").then(() => "resolved", (e) => e.message));
  assert.match(msg, /empty/);
  assert.match(await page.locator("#w").evaluate((el) => el.shadowRoot.querySelector("[part~=error]").textContent), /empty/);
});

test("the widget is lazy: no engine until first use, and its button says what that downloads", async (t) => {
  if (!needDist(t)) return;
  const page = await chrome.page();
  const engine = [];
  page.on("request", (r) => { if (/lede\.mjs|lede\.wasm|lede-worker\.js|wasm_exec\.js/.test(r.url())) engine.push(r.url()); });
  await page.goto(srv.url + "lazy-host.html", { waitUntil: "load" });
  await page.waitForFunction(() => customElements.get("lede-analyzer") && document.getElementById("w").shadowRoot);
  await new Promise((r) => setTimeout(r, 300));
  assert.deepEqual(engine, [], "the engine (or lede.mjs) loaded with the page");
  // The size on the button is what lede-dist measured: the gzip of the
  // engine's files (Node's gzip -9 differs from Go's by a few bytes).
  const gz = ["lede.mjs", "lede-worker.js", "wasm_exec.js", "lede.wasm"]
    .reduce((n, f) => n + zlib.gzipSync(fs.readFileSync(path.join(dist, f)), { level: 9 }).length, 0);
  const label = await page.locator("#w").evaluate((el) => el.shadowRoot.querySelector("[part~=button]").textContent);
  const m = /^Analyse \(downloads (\d+\.\d) MB once\)$/.exec(label);
  assert.ok(m, "button: " + label);
  assert.ok(Math.abs(Number(m[1]) - gz / 1e6) <= 0.11, `the button says ${m[1]} MB, the engine is ${(gz / 1e6).toFixed(2)} MB gzipped`);
  const r = await page.evaluate((text) => document.getElementById("w").analyze(text), exampleArticle);
  assert.ok(r.entities.length > 0);
  // Its names and figures are the article's (title and body), as on the
  // page (view.mjs inArticle): the example's other headlines hold more.
  const title = r.article.title;
  const at = r.text.lastIndexOf(title, r.article.paragraphs[0].start - title.length);
  const spans = [{ start: at, end: at + title.length }, ...r.article.paragraphs];
  const inArt = (m) => spans.some((p) => m.start >= p.start && m.end <= p.end);
  const shadow = (sel) => page.locator("#w").evaluate((el, s) => Array.from(el.shadowRoot.querySelectorAll(s), (e) => e.textContent), sel);
  const figs = r.figures.filter(inArt);
  assert.ok(figs.length < r.figures.length, "the example has figures outside its article");
  assert.deepEqual(await shadow(".figures .fig"), figs.slice(0, 8).map((f) => f.text));
  const chips = await shadow(".chip:not(.topic) .n");
  const said = r.entities.filter((e) => e.mentions.some(inArt));
  const perType = ["person", "place", "organization", "other"].map((t) => said.filter((e) => (t === "other" ? !["person", "place", "organization"].includes(e.type) : e.type === t)).length);
  assert.equal(chips.length, perType.reduce((a, n) => a + Math.min(n, 12), 0), "names shown (at most 12 a type)");
  assert.ok(r.entities.filter((e) => e.mentions.some(inArt)).length < r.entities.length, "the example has names outside its article");
  assert.ok(engine.some((u) => u.endsWith("/lede.wasm")), "the engine came from beside widget.mjs: " + engine);
  assert.equal(await page.locator("#w").evaluate((el) => el.shadowRoot.querySelector("[part~=button]").textContent), "Analyse",
    "once the engine is in the page the button no longer announces a download");
  await page.close();
});

test("a widget served from another origin (a CDN) still finds and starts its engine", async (t) => {
  if (!needDist(t)) return;
  // The host site is one origin; the widget and engine come from srv, another.
  const host = await serve(dist, async (req, res) => {
    if (req.url !== "/host.html") return false;
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(`<!doctype html><html lang="en"><head><title>host</title><script type="module" src="${srv.url}widget.mjs"></script></head>
      <body><main><lede-analyzer id="w"></lede-analyzer></main></body></html>`);
    return true;
  });
  try {
    const page = await chrome.page();
    const wasm = [];
    page.on("request", (r) => { if (r.url().endsWith("/lede.wasm")) wasm.push(r.url()); });
    await page.goto(host.url + "host.html");
    await page.waitForFunction(() => customElements.get("lede-analyzer"));
    const names = await page.evaluate((text) => document.getElementById("w").analyze(text).then((r) => r.entities.map((e) => e.name)), exampleArticle);
    assert.ok(names.includes("Anders Holm"), "names: " + names);
    assert.deepEqual(wasm, [srv.url + "lede.wasm"], "the engine must come from beside widget.mjs, not from the host");
    await page.close();
  } finally {
    await host.close();
  }
});

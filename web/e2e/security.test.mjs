// security.test.mjs: issue 12 in Chromium. The page, the one-file build and
// the widget in every mode under hostile HTML (an XSS corpus), their
// Content-Security-Policy, what they send over the network, and bad input
// that must get a result or a message while the page stays responsive.
//
// Servers: `lede serve` (the real Go handler and its headers; ./lede, built
// by ./build.sh test, or built here) and the helpers' plain static server
// with no policy at all — the XSS tests use the latter, so that they prove
// the rendering safe by itself and not only because a policy blocked it.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawn, execFileSync } from "node:child_process";
import { pathToFileURL } from "node:url";
import { serve, launch, needDist, dist, root, analyse, analyseOK } from "./helpers.mjs";
import { exampleArticle } from "../example.mjs";

// ---- the XSS corpus -------------------------------------------------------
// Each payload, if it ever ran, would call alert() (a dialog), log "XSS-RAN"
// (a console mark) or fetch from 127.0.0.9 (a request). Sources: the OWASP
// XSS filter evasion cheat sheet, DOMPurify's mutation-XSS reports, the
// HTML5 Security Cheatsheet.
const mark = (n) => `alert('XSS${n}');console.log('XSS-RAN ${n}')`;
const beacon = "http://127.0.0.9:9/xss";
export const payloads = [
  `<script>${mark(1)}</script>`,
  `<img src=x onerror="${mark(2)}">`,
  `<svg onload="${mark(3)}"><circle r=1></circle></svg>`,
  `<svg><script>${mark(4)}</script></svg>`,
  `<a href="javascript:${mark(5)}">read more</a>`,
  `<iframe srcdoc="<script>parent.${mark(6)}</script>"></iframe>`,
  `<iframe src="javascript:${mark(7)}"></iframe>`,
  `<object data="javascript:${mark(8)}"></object><embed src="javascript:${mark(8)}">`,
  `<style>@import url(${beacon}/import.css); body{background:url(${beacon}/bg.png)}</style>`,
  `<div style="background-image:url(${beacon}/style.png)">styled</div>`,
  `<math><mtext><table><mglyph><style><img src=x onerror="${mark(11)}">`,
  `<noscript><p title="</noscript><img src=x onerror=${mark(12)}>">`,
  `<form><math><mtext></form><form><mglyph><svg><mtext><style><path id="</style><img onerror=${mark(13)} src>">`,
  `<details open ontoggle="${mark(14)}">x</details>`,
  `<body onload="${mark(15)}">`,
  `<meta http-equiv="refresh" content="0;url=javascript:${mark(16)}">`,
  `<base href="${beacon}/base/"><link rel=stylesheet href="${beacon}/link.css">`,
  `<video><source onerror="${mark(19)}"></video><audio src=x onerror="${mark(19)}">`,
  `<title></title><img src=x onerror=${mark(20)}></title>`,
  `<textarea></textarea><script>${mark(21)}</script>`,
  `{{constructor.constructor("${mark(22)}")()}} \${${mark(22)}}`,
  `<template><img src=x onerror="${mark(23)}"></template>`,
  `<a href="&#106;avascript:${mark(24)}">entity-encoded link</a>`,
  `<svg><animate onbegin="${mark(25)}" attributeName=x dur=1s>`,
  `<x onmouseover="${mark(26)}">hover me</x>`,
  `<img src="x\` \`<script>${mark(27)}</script>"\` \`>`,
  `<isindex type=image src=1 onerror=${mark(28)}>`,
  `<svg><foreignObject><iframe srcdoc="&lt;script&gt;${mark(29)}&lt;/script&gt;"></iframe></foreignObject></svg>`,
  `<img src=${beacon}/img.png>`,
];

const prose = "The mayor of Lisbon, Ana Ferreira, opened the Tagus bridge on Monday. It cost €40 million, 12% over budget. ";
// hostileHTML is a page built of the corpus, with an article among it.
const hostileHTML = "<!doctype html><html><head><title>Mayor <img src=x onerror=alert(0)> opens bridge</title>" +
  `<meta name="author" content="<script>${mark(90)}</script>"></head><body><article><h1>Mayor opens bridge</h1>` +
  payloads.map((p, i) => `<p>${prose}“${p}” said Ana Ferreira in report ${i}.</p>`).join("\n") + "</article></body></html>";
// hostileText is the same corpus as plain text: 4 KB of prose first, so the
// page reads it as text and every payload reaches the report — entity
// names, quotes, keyphrases, the highlighted text — verbatim.
const hostileText = prose.repeat(40) + "\n\n" +
  payloads.map((p, i) => `“${p},” said Dr. <b onclick=${mark(91)}>Ana</b> Ferreira-${i}. Mr. <img src=x onerror=${mark(92)}> Smith agreed.`).join("\n\n");

// watch records, on a page, what hostile input could make happen: dialogs,
// console marks, requests beyond `allowed`, and inline event-handler
// attributes anywhere in the DOM (including widgets' shadow roots).
function watch(page, allowed = () => false) {
  const seen = { dialogs: [], marks: [], requests: [], violations: [] };
  page.on("dialog", (d) => { seen.dialogs.push(d.message()); d.dismiss().catch(() => {}); });
  page.on("console", (m) => { if (/XSS-RAN/.test(m.text())) seen.marks.push(m.text()); });
  page.on("request", (r) => { if (!allowed(r.url())) seen.requests.push(r.method() + " " + r.url()); });
  return seen;
}

// handlerAttributes counts elements carrying on* attributes, javascript:
// URLs or srcdoc, in the document and every open shadow root.
const handlerAttributes = (page) => page.evaluate(() => {
  const found = [];
  const scan = (rootNode) => {
    for (const el of rootNode.querySelectorAll("*")) {
      for (const a of el.attributes) {
        if (/^on/i.test(a.name) || a.name === "srcdoc" || /^\s*javascript:/i.test(a.value)) found.push(el.tagName + " " + a.name);
      }
      if (el.shadowRoot) scan(el.shadowRoot);
    }
  };
  scan(document);
  return found;
});

// poke hovers and clicks what the results show, as a curious reader would.
async function poke(page, scope = "#results") {
  const targets = page.locator(`${scope} button, ${scope} mark, ${scope} .chip, ${scope} li`);
  const n = Math.min(await targets.count(), 25);
  for (let i = 0; i < n; i++) {
    const el = targets.nth(i);
    if (!(await el.isVisible())) continue;
    await el.hover({ timeout: 2000 }).catch(() => {});
    await el.click({ timeout: 2000, trial: false }).catch(() => {});
  }
}

// ---- servers --------------------------------------------------------------
let ledeBin = path.join(root, "lede");
let api = null; // {url, proc}
let plain = null; // helpers' static server, no CSP
let chrome = null;

async function startLede() {
  if (!fs.existsSync(ledeBin)) {
    ledeBin = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "lede-bin-")), "lede");
    execFileSync("go", ["build", "-o", ledeBin, "./cmd/lede"], { cwd: root, stdio: "inherit" });
  }
  const proc = spawn(ledeBin, ["serve", "--addr", "127.0.0.1:0", "--dir", dist], { stdio: ["ignore", "ignore", "pipe"] });
  const url = await new Promise((resolve, reject) => {
    let buf = "";
    proc.stderr.on("data", (d) => {
      buf += d;
      const m = /serving (http:\/\/127\.0\.0\.1:\d+)/.exec(buf);
      if (m) resolve(m[1] + "/");
    });
    proc.on("exit", (c) => reject(new Error("lede serve exited with " + c + ": " + buf)));
  });
  return { url, proc };
}

before(async () => {
  if (!fs.existsSync(path.join(dist, "index.html"))) return;
  api = await startLede();
  plain = await serve(dist, async (req, res) => {
    const u = new URL(req.url, "http://x");
    const hosts = {
      "/xss-paste.html": `<lede-analyzer id="w"></lede-analyzer>`,
      "/xss-for.html": `<article id="a"></article><lede-analyzer id="w" for="#a" manual></lede-analyzer>`,
      "/xss-compact.html": `<article id="a"></article><lede-analyzer id="w" selector="#a" compact manual></lede-analyzer>`,
      "/xss-api.html": `<lede-analyzer id="w" api="${api.url}analyze" compact></lede-analyzer>`,
      "/post-api.html": `<form id="f" method="post" enctype="text/plain" action="${api.url}analyze"><input name="t" id="t"></form>`,
    };
    if (req.method !== "GET" || !hosts[u.pathname]) return false;
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(`<!doctype html><html lang="en"><head><title>host</title><script type="module" src="widget.mjs"></script></head><body><main>${hosts[u.pathname]}</main></body></html>`);
    return true;
  });
  chrome = await launch();
});
after(async () => {
  if (chrome) await chrome.close();
  if (plain) await plain.close();
  if (api) api.proc.kill("SIGTERM");
});

// ---- hostile HTML ---------------------------------------------------------

test("the XSS corpus pasted into the page runs nothing, loads nothing, inserts no markup", async (t) => {
  if (!needDist(t)) return;
  const page = await chrome.page();
  await page.goto(plain.url);
  await analyseOK(page, "Warm-up: Ana Ferreira opened the bridge in Lisbon.");
  const seen = watch(page);
  for (const input of [hostileHTML, hostileText]) {
    await page.$eval("#input", (el, v) => { el.value = v; }, input);
    await page.click("#analyze");
    await page.waitForFunction(() => !document.getElementById("analyze").disabled &&
      (!document.getElementById("results").hidden || !document.getElementById("error").hidden), null, { timeout: 60000 });
    assert.equal(await page.isHidden("#error"), true, await page.textContent("#error"));
    await poke(page);
  }
  // The text form put the payloads into the report, and they show as text.
  assert.ok((await page.textContent("#text")).includes("<img src=x onerror="), "the payloads are not shown as text");
  assert.deepEqual(await handlerAttributes(page), []);
  await page.waitForTimeout(300);
  assert.deepEqual(seen, { dialogs: [], marks: [], requests: [], violations: [] });
  await page.close();
});

test("the XSS corpus through the widget in every mode runs nothing", async (t) => {
  if (!needDist(t)) return;
  const apiOrigin = new URL(api.url).origin;
  for (const mode of ["paste", "for", "compact", "api"]) {
    const page = await chrome.page();
    await page.goto(plain.url + "xss-" + mode + ".html");
    await page.waitForFunction(() => customElements.get("lede-analyzer") && document.getElementById("w").shadowRoot);
    // After load, the widget may fetch its engine from its own origin, and
    // in api= mode post to its endpoint: nothing else.
    const seen = watch(page, (u) => u.startsWith(plain.url) || (mode === "api" && u === api.url + "analyze"));
    for (const input of [hostileHTML, hostileText]) {
      if (mode === "paste") {
        await page.locator("#w textarea").fill(input);
        const done = page.evaluate(() => new Promise((r) => {
          const w = document.getElementById("w");
          w.addEventListener("lede:result", () => r("ok"), { once: true });
          w.addEventListener("lede:error", (e) => r(e.detail.message), { once: true });
        }));
        await page.locator("#w button").click();
        assert.equal(await done, "ok", mode);
      } else if (mode === "api") {
        const r = await page.evaluate((v) => document.getElementById("w").analyze(v).then(() => "ok", (e) => e.message), input);
        assert.equal(r, "ok", mode);
      } else {
        // The host's element holds the corpus as its text.
        await page.$eval("#a", (el, v) => { el.textContent = v; }, input);
        const r = await page.evaluate(() => document.getElementById("w").analyze().then(() => "ok", (e) => e.message));
        assert.equal(r, "ok", mode);
      }
      await poke(page, "#w");
    }
    assert.deepEqual(await handlerAttributes(page), [], mode);
    await page.waitForTimeout(300);
    assert.deepEqual(seen, { dialogs: [], marks: [], requests: [], violations: [] }, mode);
    if (mode === "api") assert.ok(apiOrigin.startsWith("http://127.0.0.1"));
    await page.close();
  }
});

test("the XSS corpus posted to the API: the answer is inert JSON even when a browser renders it", async (t) => {
  if (!needDist(t)) return;
  const page = await chrome.page();
  await page.goto(plain.url + "post-api.html");
  const seen = watch(page, (u) => u.startsWith(plain.url) || u === api.url + "analyze");
  await page.$eval("#t", (el, v) => { el.value = v; }, hostileText);
  const [resp] = await Promise.all([page.waitForNavigation(), page.$eval("#f", (f) => f.submit())]);
  assert.equal(resp.status(), 200);
  const h = resp.headers();
  assert.match(h["content-type"], /^application\/json/);
  assert.equal(h["x-content-type-options"], "nosniff");
  assert.match(h["content-security-policy"], /default-src 'none'/);
  assert.ok((await page.textContent("body")).includes("onerror="), "the report should hold the payloads as text");
  await page.waitForTimeout(300);
  assert.deepEqual(seen, { dialogs: [], marks: [], requests: [], violations: [] });
  await page.close();
});

// ---- Content-Security-Policy ----------------------------------------------

// cspWatch collects securitypolicyviolation events from the start of every
// document (and console errors, which is where Chromium reports a blocked
// worker or wasm compile).
async function cspPage() {
  const page = await chrome.page();
  await page.addInitScript(() => {
    globalThis.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => globalThis.__csp.push(e.violatedDirective + " " + e.blockedURI));
  });
  const consoleErrors = [];
  page.on("console", (m) => { if (m.type() === "error") consoleErrors.push(m.text()); });
  return { page, consoleErrors, violations: () => page.evaluate(() => globalThis.__csp) };
}

test("the page served by lede serve works under its strict policy", async (t) => {
  if (!needDist(t)) return;
  const { page, consoleErrors, violations } = await cspPage();
  const resp = await page.goto(api.url);
  const csp = resp.headers()["content-security-policy"];
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
  assert.doesNotMatch(csp, /unsafe-inline|'unsafe-eval'/);
  await analyseOK(page, exampleArticle);
  assert.ok(await page.locator("#entities .chip").count() > 0);
  // The policy is enforced: an injected inline script does not run.
  const ran = await page.evaluate(() => {
    const s = document.createElement("script");
    s.textContent = "window.__inline = 1";
    document.body.append(s);
    return new Promise((r) => setTimeout(() => r(window.__inline === 1), 50));
  });
  assert.equal(ran, false, "an inline script ran under the policy");
  const v = await violations();
  assert.deepEqual(v.filter((x) => !/^script-src(-elem)? inline$/.test(x)), [], "violations: " + v);
  assert.deepEqual(consoleErrors.filter((e) => !/Content Security Policy.*inline/.test(e)), []);
  // The worker script and the demo carry the policy too.
  for (const f of ["lede-worker.js", "demo.html", "index.html"]) {
    const r = await fetch(api.url + f);
    assert.match(r.headers.get("content-security-policy") || "", /wasm-unsafe-eval/, f);
  }
  assert.equal((await fetch(api.url + "_headers")).status, 404);
  await page.close();
});

test("the widget demo works under the policy, served by lede serve and as static files with dist/_headers", async (t) => {
  if (!needDist(t)) return;
  // Workers static assets apply dist/_headers; this server does the same.
  const rules = [];
  let cur = null;
  for (const line of fs.readFileSync(path.join(dist, "_headers"), "utf8").split("\n")) {
    if (!line.trim() || line.startsWith("#")) continue;
    if (!/^\s/.test(line)) { cur = { pattern: line.trim(), headers: {} }; rules.push(cur); continue; }
    if (line.trim().startsWith("!")) { cur.headers[line.trim().slice(1).trim().toLowerCase()] = null; continue; } // detach
    const i = line.indexOf(":");
    cur.headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  const match = (p, pat) => pat.endsWith("*") ? p.startsWith(pat.slice(0, -1)) : p === pat;
  const withHeaders = await serve(dist, async (req, res) => {
    let p = new URL(req.url, "http://x").pathname;
    const file = path.join(dist, p.endsWith("/") ? p + "index.html" : p);
    if (!fs.existsSync(file)) return false;
    const hdrs = {};
    for (const r of rules) if (match(p, r.pattern)) Object.assign(hdrs, r.headers);
    for (const k of Object.keys(hdrs)) if (hdrs[k] === null) delete hdrs[k];
    const types = { ".html": "text/html; charset=utf-8", ".mjs": "text/javascript", ".js": "text/javascript", ".css": "text/css", ".wasm": "application/wasm", ".svg": "image/svg+xml", ".png": "image/png", ".webmanifest": "application/manifest+json" };
    res.writeHead(200, { ...hdrs, "content-type": types[path.extname(file)] || "application/octet-stream" });
    res.end(fs.readFileSync(file));
    return true;
  });
  try {
    for (const base of [api.url, withHeaders.url]) {
      const { page, consoleErrors, violations } = await cspPage();
      const resp = await page.goto(base + "demo.html");
      assert.match(resp.headers()["content-security-policy"] || "", /default-src 'self'/, base);
      const n = await page.evaluate(() => new Promise((resolve) => {
        const card = document.getElementById("card");
        if (card.report) resolve(card.report.entities.length);
        card.addEventListener("lede:result", (e) => resolve(e.detail.entities.length), { once: true });
      }));
      assert.ok(n > 0, "the demo's card found no names under the policy");
      assert.match(await page.textContent("#saw"), /lede:result/, "the demo's own script did not run");
      assert.deepEqual(await violations(), [], base);
      assert.deepEqual(consoleErrors, [], base);
      // The page too.
      await page.goto(base);
      await analyseOK(page, exampleArticle);
      assert.deepEqual(await violations(), [], base);
      assert.deepEqual(consoleErrors, [], base);
      await page.close();
    }
  } finally {
    await withHeaders.close();
  }
});

test("lede.html from file:// works under its own <meta> policy and sends nothing", async (t) => {
  if (!needDist(t)) return;
  const file = path.join(dist, "lede.html");
  const html = fs.readFileSync(file, "utf8");
  const m = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html);
  assert.ok(m, "lede.html has no CSP meta tag");
  assert.doesNotMatch(m[1], /unsafe-inline|'unsafe-eval'|\*/);
  assert.match(m[1], /connect-src 'none'/);
  const { page, consoleErrors, violations } = await cspPage();
  const requests = [];
  page.on("request", (r) => { if (!/^(file|data|blob):/.test(r.url())) requests.push(r.url()); });
  await page.goto(pathToFileURL(file).href);
  await analyseOK(page, exampleArticle);
  assert.ok(await page.locator("#entities .chip").count() > 0);
  assert.deepEqual(await violations(), []);
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(requests, []);
  await page.close();
});

// ---- privacy ----------------------------------------------------------------

test("after load, analysing sends no request; the widget's api= mode sends only to its endpoint", async (t) => {
  if (!needDist(t)) return;
  const page = await chrome.page();
  await page.goto(api.url);
  await analyseOK(page, "Warm-up: Ana Ferreira opened the bridge in Lisbon."); // the engine is loaded
  const sent = [];
  page.on("request", (r) => sent.push(r.method() + " " + r.url()));
  await analyseOK(page, exampleArticle);
  await analyseOK(page, hostileHTML);
  await page.waitForTimeout(300);
  assert.deepEqual(sent, [], "the page sent requests while analysing");
  await page.close();

  const w = await chrome.page();
  await w.goto(plain.url + "xss-api.html");
  await w.waitForFunction(() => customElements.get("lede-analyzer"));
  const wsent = [];
  w.on("request", (r) => wsent.push(r.method() + " " + r.url()));
  const names = await w.evaluate((v) => document.getElementById("w").analyze(v).then((r) => r.entities.map((e) => e.name)), exampleArticle);
  assert.ok(names.length > 0);
  assert.deepEqual(wsent, ["POST " + api.url + "analyze"]);
  await w.close();
});

// ---- bad input in the page ----------------------------------------------------

test("bad input in the page: a result or a message each, and the page keeps answering during a long one", async (t) => {
  if (!needDist(t)) return;
  const page = await chrome.page();
  await page.goto(plain.url);
  const deep = "<div>".repeat(100000) + "<p>Deep text of the story about Lisbon.</p>" + "</div>".repeat(100000);
  const attrs = "<html><body><p " + "data-x=\"y\" ".repeat(100000) + ">Text of the article about Lisbon.</p></body></html>";
  const lines = Array.from({ length: 100000 }, (_, i) => "w" + i).join("\n");
  const cases = [
    ["empty", "", /empty/],
    ["whitespace", " \n\t\u00a0\u3000 ", /empty/],
    ["binary", String.fromCharCode(...Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)).repeat(256), /binary/],
    ["lone surrogates (invalid UTF-16)", "Ana Ferreira \ud800 opened \udfff the bridge in Lisbon.", null],
    ["zero-width and bidi", "The\u200b mayor \u202eof\u202c Lisbon\u2066 opened\u2069 the \ufeffbridge, said Ana Ferreira.", null],
    ["100,000-deep HTML", deep, null],
    ["10^5 attributes", attrs, null],
    ["100k one-word lines", lines, null],
    ["10 MB single line", "and the mayor said ".repeat(10 * 1048576 / 19), /MB/],
  ];
  for (const [name, input, wantErr] of cases) {
    await page.$eval("#input", (el, v) => { el.value = v; }, input);
    await page.click("#analyze");
    await page.waitForFunction(() => !document.getElementById("analyze").disabled &&
      (!document.getElementById("results").hidden || !document.getElementById("error").hidden), null, { timeout: 120000 });
    if (wantErr) {
      assert.equal(await page.isHidden("#error"), false, name + ": no message");
      assert.match(await page.textContent("#error"), wantErr, name);
    } else {
      assert.equal(await page.isHidden("#error"), true, name + ": " + (await page.textContent("#error")));
    }
  }
  // A file saved as UTF-16 with a BOM, dropped on the page, is read as text.
  await page.evaluate(() => {
    const s = "The mayor of Porto, Rui Moreira, opened a new metro line on Friday.";
    const b = new Uint8Array(2 + 2 * s.length);
    b[0] = 0xff; b[1] = 0xfe;
    for (let i = 0; i < s.length; i++) { b[2 + 2 * i] = s.charCodeAt(i) & 255; b[3 + 2 * i] = s.charCodeAt(i) >> 8; }
    const dt = new DataTransfer();
    dt.items.add(new File([b], "notepad.txt", { type: "text/plain" }));
    document.getElementById("drop").dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
  });
  await page.waitForFunction(() => globalThis.ledeReport() && globalThis.ledeReport().text.startsWith("The mayor of Porto") && !document.getElementById("analyze").disabled, null, { timeout: 60000 });
  assert.equal(await page.isHidden("#error"), true, await page.textContent("#error"));
  // A long one: a 50,000-token sentence and more. While the engine works,
  // requestAnimationFrame keeps ticking and a click is handled.
  const long = ("word " + "Lisbon ").repeat(50000) + ".";
  await page.evaluate(() => {
    globalThis.__frames = 0;
    globalThis.__clicks = 0;
    const tick = () => { globalThis.__frames++; if (!globalThis.__stopFrames) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
    document.getElementById("input-heading").addEventListener("click", () => globalThis.__clicks++);
  });
  await page.$eval("#input", (el, v) => { el.value = v; }, long);
  await page.click("#analyze");
  const framesAtStart = await page.evaluate(() => globalThis.__frames);
  await page.click("#input-heading");
  await page.waitForTimeout(500);
  const busy = await page.evaluate(() => document.getElementById("analyze").disabled);
  const framesDuring = await page.evaluate(() => globalThis.__frames) - framesAtStart;
  t.diagnostic("engine still busy after 500 ms: " + busy + "; " + framesDuring + " frames meanwhile");
  assert.equal(await page.evaluate(() => globalThis.__clicks), 1, "a click during the analysis was not handled");
  assert.ok(framesDuring > 5, "only " + framesDuring + " animation frames in 500 ms while analysing (busy: " + busy + ")");
  await page.waitForFunction(() => !document.getElementById("analyze").disabled, null, { timeout: 120000 });
  assert.equal(await page.isHidden("#error"), true, await page.textContent("#error"));
  await page.evaluate(() => { globalThis.__stopFrames = true; });
  await page.close();
});

test("bad input in the widget: a message each, shown in the widget", async (t) => {
  if (!needDist(t)) return;
  const page = await chrome.page();
  await page.goto(plain.url + "xss-paste.html");
  await page.waitForFunction(() => customElements.get("lede-analyzer") && document.getElementById("w").shadowRoot);
  const cases = [
    ["empty", "", /empty/],
    ["binary", "\u0000\u0001\u0002binary\u0000junk\u0003".repeat(500), /binary/],
    ["10 MB", "and the mayor said ".repeat(10 * 1048576 / 19), /MB/],
  ];
  for (const [name, input, want] of cases) {
    const msg = await page.evaluate((v) => document.getElementById("w").analyze(v).then(() => "resolved", (e) => e.message), input);
    assert.match(msg, want, name);
    const shown = await page.locator("#w").evaluate((el) => el.shadowRoot.querySelector("[part~=error]").textContent);
    assert.match(shown, want, name + " (shown)");
  }
  // And it still works afterwards.
  const names = await page.evaluate((v) => document.getElementById("w").analyze(v).then((r) => r.entities.map((e) => e.name)), exampleArticle);
  assert.ok(names.length > 0);
  await page.close();
});

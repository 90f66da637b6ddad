// pagetimeline.mjs says where a cold page's time to its first result goes,
// for one or more builds side by side (runs alternate between them):
//
//   node bench/speed/pagetimeline.mjs [-n N] LABEL=DIST...
//   LEDE_THROTTLE=80,40 node bench/speed/pagetimeline.mjs ...   (80 ms round trip, 40 Mbit/s)
//
// As page.mjs: a fresh Chromium context per run, the example pasted and
// Analyse clicked at DOMContentLoaded by an injected script (not the page's).
// Each mark is the page's clock (ms from navigation), median and every run:
//   req-/got-FILE    resource timing of the page's own requests (start, end)
//   worker-new       lede.mjs makes the Web Worker
//   post-init        the compiled engine is handed to the worker
//   msg-ready        the worker says the Go program runs (its start done)
//   msg-result       the report arrives on the page
//   first-paint, first-contentful-paint   the page's paint timing
//   shown, frame     #results un-hidden (render() done, its forced layout
//                    included), then the next animation frame
// The marks come from wrapping the Worker constructor and its messages in the
// injected script; the page's code is as built. LEDE_THROTTLE emulates a
// network through the DevTools protocol (latency ms, Mbit/s each way).
// Each run waits first for the new window to settle (chromium.mjs;
// LEDE_SETTLE=0 does not). LEDE_TRACECAT=a,b,... sets the trace categories
// (default devtools.timeline,blink,fonts,v8.wasm; add toplevel,v8 to see every
// thread's tasks).
// LEDE_TRACE=FILE writes a Chromium trace of each build's last run to
// FILE.LABEL.json and prints from it the longest forced layout and the font
// look-ups that went to the browser process (the round trips that held up
// the first result's layout before app.mjs's font specimen).
import fs from "node:fs";
import { createRequire } from "node:module";
import { parseBuilds } from "./args.mjs";
import { serve } from "../../web/e2e/helpers.mjs";
import { exampleArticle } from "../../web/example.mjs";
import { inject, settle } from "./chromium.mjs";

const require = createRequire(import.meta.url);
const { n, builds } = parseBuilds(process.argv.slice(2), 5, "pagetimeline.mjs");

const pw = require("playwright-core");
const browser = await pw.chromium.launch({
  executablePath: "/usr/bin/chromium", headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const servers = [];
for (const b of builds) servers.push(await serve(b.dir, () => false));
const runs = builds.map(() => []);
const traces = [];
try {
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < builds.length; k++) {
      const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      await ctx.addInitScript(inject, exampleArticle);
      const page = await ctx.newPage();
      await settle(process.pid); // the new window's own start (chromium.mjs)
      if (process.env.LEDE_THROTTLE) {
        const [latency, mbit] = process.env.LEDE_THROTTLE.split(",").map(Number);
        const cdp = await ctx.newCDPSession(page);
        await cdp.send("Network.enable");
        await cdp.send("Network.emulateNetworkConditions", { offline: false, latency, downloadThroughput: mbit * 125000, uploadThroughput: mbit * 125000 });
      }
      const trace = process.env.LEDE_TRACE && i === n - 1 ? `${process.env.LEDE_TRACE}.${builds[k].label}.json` : "";
      if (trace) await browser.startTracing(page, { path: trace, categories: (process.env.LEDE_TRACECAT || "devtools.timeline,blink,fonts,v8.wasm").split(",") });
      await page.goto(servers[k].url, { waitUntil: "commit" });
      await page.waitForFunction(() => globalThis.__tl && globalThis.__tl.done, null, { timeout: 120_000, polling: 50 });
      if (trace) {
        await browser.stopTracing();
        traces.push([builds[k].label, trace]);
      }
      const r = await page.evaluate(() => globalThis.__tl);
      delete r.done;
      runs[k].push(r);
      await ctx.close();
    }
  }
} finally {
  await browser.close();
  for (const s of servers) await s.close();
}

const median = (xs) => { const s = xs.slice().sort((a, b) => a - b); return s[s.length >> 1]; };
for (let k = 0; k < builds.length; k++) {
  console.log(`== ${builds[k].label} (${builds[k].dir}), ${n} runs: median ms [each run]`);
  const keys = [...new Set(runs[k].flatMap((r) => Object.keys(r)))];
  const med = Object.fromEntries(keys.map((key) => [key, median(runs[k].map((r) => r[key]).filter((x) => x !== undefined))]));
  for (const key of keys.sort((a, b) => med[a] - med[b])) {
    console.log(key.padEnd(24), String(Math.round(med[key])).padStart(6), "  [" + runs[k].map((r) => (r[key] === undefined ? "-" : Math.round(r[key]))).join(" ") + "]");
  }
}
for (const [label, file] of traces) {
  const ev = JSON.parse(fs.readFileSync(file, "utf8")).traceEvents;
  const layout = ev.filter((e) => e.ph === "X" && e.name === "Document::UpdateStyleAndLayout").sort((a, b) => b.dur - a.dur)[0];
  const fonts = ev.filter((e) => e.ph === "X" && e.name === "WebSandboxSupportLinux::GetWebFontRenderStyleForStrike");
  const ms = (us) => (us / 1000).toFixed(1);
  console.log(`== ${label}: trace ${file}: longest forced layout ${layout ? ms(layout.dur) : "-"} ms; ` +
    `${fonts.length} font look-ups in the browser process, ${ms(fonts.reduce((s, e) => s + e.dur, 0))} ms together`);
}

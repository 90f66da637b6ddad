// freeze.mjs measures how long a big paste keeps the page from answering:
// the longest main-thread task (PerformanceObserver "longtask") from the
// click on Analyse until the result is drawn, and the click-to-result time,
// for one or more builds side by side, runs alternating between them:
//
//   node bench/speed/freeze.mjs [-n 2] [-mb 5] before=/work/wt/r12-dist after=dist
//
// The paste is ../shared/samples/korea-us-summit.txt repeated to -mb MB (the
// example article without ../shared), set as the box's value as a paste
// does. docs/web.md, "Reader review, twelfth round", reports it.
import fs from "node:fs";
import path from "node:path";
import { serve, launch, sample } from "../../web/e2e/helpers.mjs";
import { exampleArticle } from "../../web/example.mjs";

const args = process.argv.slice(2);
let n = 2;
let mb = 5;
const builds = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === "-n") n = Number(args[++i]);
  else if (args[i] === "-mb") mb = Number(args[++i]);
  else {
    const [name, dir] = args[i].includes("=") ? args[i].split("=") : [args[i], args[i]];
    builds.push({ name, dir: path.resolve(dir), rows: [] });
  }
}
if (!builds.length) {
  console.error("usage: node bench/speed/freeze.mjs [-n N] [-mb MB] NAME=DIST_DIR ...");
  process.exit(2);
}
const one = sample() || exampleArticle;
let text = "";
while (text.length < mb * 1e6) text += one + "\n\n";

async function run(dir) {
  const srv = await serve(dir);
  const chrome = await launch();
  try {
    const page = await chrome.page();
    await page.goto(srv.url);
    await page.$eval("#input", (el, v) => { el.value = v; }, text);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
    await page.evaluate(() => {
      globalThis.benchLong = [];
      new PerformanceObserver((l) => { for (const e of l.getEntries()) globalThis.benchLong.push(e.duration); }).observe({ type: "longtask" });
    });
    const t = Date.now();
    await page.click("#analyze");
    await page.waitForFunction(() => !document.getElementById("analyze").disabled &&
      (!document.getElementById("results").hidden || !document.getElementById("error").hidden), null, { timeout: 600000, polling: 500 });
    const total = Date.now() - t;
    await page.evaluate(() => new Promise((r) => setTimeout(r, 300)));
    const longest = await page.evaluate(() => Math.max(0, ...globalThis.benchLong));
    return { total, longest: Math.round(longest) };
  } finally {
    await chrome.close();
    await srv.close();
  }
}

for (let k = 0; k < n; k++) {
  for (const b of builds) {
    const r = await run(b.dir);
    b.rows.push(r);
    console.log(`${b.name}\trun ${k + 1}\tlongest task ${r.longest} ms\tclick to result ${r.total} ms`);
  }
}

// onefile.test.mjs: dist/lede.html, the one-file build, opened from disk
// (file://) with the network off.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { launch, needDist, dist, analyseOK } from "./helpers.mjs";
import { exampleArticle } from "../example.mjs";

let chrome;
before(async () => {
  chrome = await launch();
});
after(async () => {
  if (chrome) await chrome.close();
});


test("dist/lede.html works opened from disk with no network", async (t) => {
  if (!needDist(t)) return;
  const file = path.join(dist, "lede.html");
  const html = fs.readFileSync(file, "utf8");
  assert.ok(!/<script[^>]+src=|<link[^>]+rel="?stylesheet/i.test(html), "lede.html refers to other files");
  const page = await chrome.page();
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  await chrome.context.setOffline(true);
  try {
    await page.goto(pathToFileURL(file).href);
    await analyseOK(page, exampleArticle);
    const names = await page.$$eval("#entities .chip-name", (els) => els.map((e) => e.textContent));
    assert.ok(names.includes("Anders Holm"), "names: " + names);
    const stray = requests.filter((u) => !u.startsWith("file:") && !u.startsWith("blob:") && !u.startsWith("data:"));
    assert.deepEqual(stray, []);
  } finally {
    await chrome.context.setOffline(false);
  }
});

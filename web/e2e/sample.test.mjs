// sample.test.mjs: the real pasted article of ../shared/samples in the page,
// checked against what issue 2 says a reader must see (skipped without ../shared).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { serve, launch, needDist, sample, screenshots, analyse, chipNames } from "./helpers.mjs";

let srv, chrome;
before(async () => {
  srv = await serve();
  chrome = await launch();
  fs.mkdirSync(screenshots, { recursive: true });
});
after(async () => {
  if (chrome) await chrome.close();
  if (srv) await srv.close();
});



test("the Korea summit sample (../shared) reads as the issue expects", async (t) => {
  if (!needDist(t)) return;
  const text = sample();
  if (!text) return t.skip("../shared/samples/korea-us-summit.txt not found");
  const page = await chrome.page();
  await page.goto(srv.url);
  await analyse(page, text);
  assert.equal(await page.isHidden("#error"), true, await page.textContent("#error"));
  const r = await page.evaluate(() => globalThis.ledeReport());
  assert.equal(r.article.paragraphs.length, 5);
  assert.equal(await page.locator("#related .headline").count(), 17);
  const people = await chipNames(page, "person");
  for (const p of ["Lee Jae Myung", "Donald Trump", "Kim Jong Un"]) assert.ok(people.includes(p), "people: " + people);
  const places = await chipNames(page, "place");
  for (const p of ["South Korea", "North Korea", "China", "Gyeongju"]) assert.ok(places.includes(p), "places: " + places);
  const figs = await page.$$eval("table.figures tbody tr td:first-child", (els) => els.map((e) => e.textContent));
  for (const f of ["$350 billion", "3.5%", "2.3%", "8.3%", "28,500"]) assert.ok(figs.includes(f), "figures: " + figs);
  const all = (await page.$$eval("#entities .chip-name", (els) => els.map((e) => e.textContent)));
  for (const junk of ["Additionally", "Meanwhile"]) assert.ok(!all.includes(junk), "junk entity " + junk);
  await page.screenshot({ path: path.join(screenshots, "page-korea-sample.png"), fullPage: true });
});

// input.test.mjs: the page (dist/index.html) with difficult input: empty,
// binary, hostile HTML, a long paste; and the export buttons.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { serve, launch, needDist, screenshots, analyse, sharedPage } from "./helpers.mjs";
import { exampleArticle } from "../example.mjs";

// One page for the whole file: one engine serves every test.
const shared = sharedPage();



test("bad input gets a clear message, and pasted HTML is only data", async (t) => {
  if (!needDist(t)) return;
  const page = shared.page;
  await analyse(page, "   \n  ");
  assert.match(await page.textContent("#error"), /empty/);
  await analyse(page, "\u0000\u0001\u0002binary\u0000junk\u0003".repeat(50));
  assert.match(await page.textContent("#error"), /binary/);
  // A 20 MB paste: a clear message, and the page still answers.
  await page.$eval("#input", (el) => { el.value = "All work and no play. ".repeat(20 * 1048576 / 22); });
  await page.click("#analyze");
  await page.waitForFunction(() => !document.getElementById("error").hidden, null, { timeout: 45000 });
  assert.match(await page.textContent("#error"), /MB/);
  assert.equal(await page.evaluate(() => 6 * 7), 42);

  // Hostile HTML: it must not run, nor appear as markup.
  const hostile = "<html><head><title>Mayor “opens” bridge</title><script>window.pwned = 1</script></head><body>" +
    "<article><h1>Mayor opens <img src=x onerror=\"window.pwned=2\"> bridge</h1>" +
    "<p>The mayor of Lisbon, Ana Ferreira, opened the bridge on Monday. It cost €40 million, 12% over budget.</p>" +
    "<p>“It was worth it,” Ferreira said. <b onmouseover=\"window.pwned=3\">Traffic</b> will start on Friday.</p>" +
    "<p><a href=\"javascript:window.pwned=4\">Read more</a></p></article></body></html>";
  await analyse(page, hostile);
  assert.equal(await page.isHidden("#error"), true, await page.textContent("#error"));
  await page.hover("#text");
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  assert.equal(await page.locator("#results img, #results script, #results a[href^='javascript'], #results b").count(), 0);
  assert.ok((await page.textContent("#text")).includes("Ana Ferreira"));
});

test("a long article shows progress and the page stays responsive", async (t) => {
  if (!needDist(t)) return;
  const page = shared.page;
  // ~190 KB of news text, long enough to take a while in the engine. Each
  // paragraph is made distinct: lede rightly sets repeated blocks aside as
  // boilerplate.
  const paras = exampleArticle.split("\n\n\n")[0].split("\n\n").slice(2);
  const long = Array.from({ length: 110 }, (_, i) => paras.map((p, j) => p.replace(/\.$/, ", report " + i + "." + j + " said.")).join("\n\n")).join("\n\n");
  await page.evaluate(() => {
    globalThis.sawProgress = false;
    new MutationObserver(() => { if (!document.getElementById("progress").hidden) globalThis.sawProgress = true; })
      .observe(document.getElementById("progress"), { attributes: true });
  });
  // A paste of this size: set the box's value as a paste would (typing it
  // through playwright's fill() would take longer than the analysis).
  await page.$eval("#input", (el, v) => { el.value = v; }, long);
  await page.click("#analyze");
  // While the engine works, the page answers (the engine is in a worker).
  const answered = await page.evaluate(() => new Promise((r) => setTimeout(() => r(document.getElementById("input").value.length), 10)));
  assert.equal(answered, long.length);
  await page.waitForFunction(() => !document.getElementById("analyze").disabled, null, { timeout: 55000 });
  assert.ok(await page.evaluate(() => globalThis.sawProgress), "the progress line never showed");
  assert.equal(await page.isHidden("#error"), true, await page.textContent("#error"));
  assert.ok(await page.locator("#entities .chip").count() > 0);
  // Its lists draw at most 300 rows each and say how many more the exports
  // hold: a 5 MB paste's 26,000 figures froze the page's layout for
  // seconds (docs/web.md, "Reader review, twelfth round").
  const report = await page.evaluate(() => globalThis.ledeReport());
  for (const [what, list, rows] of [["figures", report.figures, "table.figures tbody tr"], ["quotations", report.quotes, "ul.quotes > li"]]) {
    assert.ok(list.length > 300, what + ": the long article has " + list.length);
    assert.equal(await page.locator(rows).count(), 300, what + " drawn");
    assert.match(await page.textContent("#" + (what === "figures" ? "figures" : "quotes")), new RegExp("The first 300 of " + list.length.toLocaleString("en") + " " + what));
  }
});

test("export: JSON and Markdown downloads, copy", async (t) => {
  if (!needDist(t)) return;
  const page = shared.page;
  await analyse(page, exampleArticle);
  const report = await page.evaluate(() => globalThis.ledeReport());
  const [dj] = await Promise.all([page.waitForEvent("download"), page.click("#save-json")]);
  const saved = JSON.parse(fs.readFileSync(await dj.path(), "utf8"));
  assert.deepEqual(saved, report);
  const [dm] = await Promise.all([page.waitForEvent("download"), page.click("#save-md")]);
  const mdText = fs.readFileSync(await dm.path(), "utf8");
  assert.match(mdText, /^# /);
  assert.match(mdText, /## Entities/);
  assert.match(mdText, /\| \$2\.4 billion \| money \|/);
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.click("#copy-md");
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), mdText);
});


test("a dropped file is read and analysed", async (t) => {
  if (!needDist(t)) return;
  const page = shared.page;
  const text = "The mayor of Porto, Rui Moreira, opened a new metro line on Friday. It cost €300 million.\n\n“It changes the city,” Moreira said.";
  await page.evaluate(async (txt) => {
    const dt = new DataTransfer();
    dt.items.add(new File([txt], "story.txt", { type: "text/plain" }));
    document.getElementById("drop").dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, text);
  await page.waitForFunction((txt) => globalThis.ledeReport() && globalThis.ledeReport().text.includes("Rui Moreira") && !document.getElementById("analyze").disabled, text, { timeout: 45000 });
  assert.equal(await page.inputValue("#input"), text);
  const names = await page.$$eval("#entities .chip-name", (els) => els.map((e) => e.textContent));
  assert.ok(names.includes("Rui Moreira") || names.includes("Porto"), "names: " + names);
});

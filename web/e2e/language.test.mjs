// language.test.mjs: text in a language lede's English models do not read.
// The page and the widget say so, as text, and show no English-model
// results for it; in a mixed paste only the English paragraphs are read.
import { test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { needDist, screenshots, analyseOK, chipNames, sharedPage } from "./helpers.mjs";
import { exampleArticle } from "../example.mjs";

const shared = sharedPage();

// Written for this test, news-like.
const german = `Koalition einigt sich auf Haushalt

Berlin. Nach wochenlangem Streit hat sich die Koalition am Mittwoch auf den Haushalt für das kommende Jahr geeinigt. „Wir haben einen guten Kompromiss gefunden“, sagte der Finanzminister nach der Sitzung im Kanzleramt.

Die Opposition kritisierte die Einigung scharf. Der Haushalt sehe zu wenig Geld für Bildung und Infrastruktur vor, während die Ausgaben für den Krieg in der Ukraine weiter stiegen, hieß es aus der Fraktion.

Der Bundestag soll im Dezember über den Entwurf abstimmen. Bis dahin müssen noch mehrere Ausschüsse beraten, und auch der Bundesrat muss zustimmen.`;

const mixed = `Seoul and Washington agree on tariffs

President Lee Jae-myung met Donald Trump in Washington on Monday, and the two leaders agreed to cut tariffs on cars and steel, officials in Seoul said after the meeting at the White House.

이재명 대통령은 월요일 워싱턴에서 도널드 트럼프 대통령과 만나 자동차와 철강에 대한 관세를 낮추기로 합의했다고 서울의 관리들이 밝혔다. 양국 정상은 백악관에서 회담을 가졌으며 투자 문제도 논의했다.

South Korea also pledged to invest $350 billion in the United States over the next decade, according to a statement released by the presidential office in Seoul on Tuesday.`;

test("a German paste: the page says lede reads English and shows no entities, key phrases or figures", async (t) => {
  if (!needDist(t)) return;
  const page = shared.page;
  await analyseOK(page, german);
  assert.equal(await page.isHidden("#notices"), false, "no notice shown");
  assert.match(await page.textContent("#notices"), /lede reads English; this looks like German: entities, keyphrases/);
  assert.match(await page.textContent("#stats"), /German/);
  for (const type of ["person", "place", "organization", "other"]) assert.deepEqual(await chipNames(page, type), [], type + " chips");
  for (const id of ["entities", "keyphrases", "figures", "quotes", "categories", "summary"]) {
    assert.match(await page.textContent("#" + id), /Not shown: lede reads English only/, "#" + id);
  }
  // The text itself is still there to read.
  assert.ok((await page.textContent("#text")).includes("Mittwoch"));
  await page.screenshot({ path: path.join(screenshots, "language-german.png"), fullPage: false });

  // A mixed paste: the English paragraphs are read, the Korean one is not.
  await analyseOK(page, mixed);
  assert.match(await page.textContent("#notices"), /1 of 3 paragraphs look like Korean/);
  // The Korean paragraph says its language, for screen readers, and is set apart.
  assert.deepEqual(await page.$$eval("#text p.other-language", (ps) => ps.map((p) => [p.lang, p.title])), [["ko", "Korean"]]);
  const people = await chipNames(page, "person");
  assert.ok(people.includes("Donald Trump"), "people: " + people);

  // An English article afterwards: no notice left over.
  await analyseOK(page, exampleArticle);
  assert.equal(await page.isHidden("#notices"), true, "a notice stayed: " + (await page.textContent("#notices")));
  assert.ok((await chipNames(page, "person")).length > 0);
});

test("the widget shows the same notice, as text", async (t) => {
  if (!needDist(t)) return;
  const page = shared.page;
  const got = await page.evaluate(async (text) => {
    await import("./widget.mjs");
    const w = document.createElement("lede-analyzer");
    document.body.append(w);
    const r = await w.analyze(text);
    const notice = w.shadowRoot.querySelector("[part~=notice]");
    const out = { language: r.stats.language, entities: r.entities.length, notice: notice && notice.textContent, elements: w.shadowRoot.querySelectorAll("[part~=notice] *").length };
    w.remove();
    return out;
  }, german);
  assert.equal(got.language, "de");
  assert.equal(got.entities, 0);
  assert.match(got.notice || "", /lede reads English; this looks like German/);
  assert.equal(got.elements, 0, "the notice must be plain text");
});

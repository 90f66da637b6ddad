// node-api.test.mjs: dist/lede.mjs in Node 20 gives the same report as the
// native CLI, byte for byte, and refuses bad input with the engine's message.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { execFileSync, spawnSync } from "node:child_process";
import { root, dist, needDist, sample } from "./helpers.mjs";
import { exampleArticle } from "../example.mjs";

const cli = path.join(root, "lede");
const api = () => import(new URL("lede.mjs", "file://" + dist + "/").href);

function needCLI(t) {
  if (!fs.existsSync(cli)) {
    t.skip("./lede is not built: go build -o lede ./cmd/lede (./build.sh test does it)");
    return false;
  }
  return true;
}

const inputs = [
  ["example article", () => exampleArticle],
  ["Korea summit sample", sample],
  ["HTML page", () => "<html><head><title>Bridge opens</title></head><body><nav><a href=/>Home</a></nav><article><h1>Bridge opens</h1><p>The mayor of Lisbon, Ana Ferreira, opened the bridge on Monday. It cost €40 million, 12% over budget.</p><p>“It was worth it,” Ferreira said.</p></article></body></html>"],
  ["astral characters (UTF-16 offsets)", () => "Émile Zola 🙂 met Angela Merkel in Berlin on Tuesday. 𝒳 The deal is worth $5 million, up 3%.\n\nMerkel said “yes”."],
];

for (const [name, get] of inputs) {
  test("Node API = CLI, byte for byte: " + name, async (t) => {
    if (!needDist(t) || !needCLI(t)) return;
    const text = get();
    if (text === null) return t.skip("../shared not present");
    const tmp = path.join(fs.mkdtempSync(path.join(fs.realpathSync("/tmp"), "lede-node-")), "in.txt");
    fs.writeFileSync(tmp, text);
    const want = execFileSync(cli, ["analyze", tmp], { encoding: "utf8", maxBuffer: 64 << 20 }).replace(/\n$/, "");
    const m = await api();
    const got = await m.analyzeJSON(text);
    assert.equal(got, want);
    assert.deepEqual(await m.analyze(text), JSON.parse(want));
    fs.rmSync(path.dirname(tmp), { recursive: true, force: true });
  });
}

test("Node API: options and offsets", async (t) => {
  if (!needDist(t)) return;
  const m = await api();
  const text = "Émile 🙂 met Angela Merkel in Berlin.";
  const r16 = await m.analyze(text);
  const r8 = await m.analyze(text, { offsets: "utf8" });
  assert.equal(r16.offsets, "utf16");
  assert.equal(r8.offsets, "utf8");
  const berlin = r16.entities.find((e) => e.name === "Berlin");
  if (berlin) assert.equal(text.slice(berlin.mentions[0].start, berlin.mentions[0].end), "Berlin");
});

test("Node API: bad input rejects with the engine's message", async (t) => {
  if (!needDist(t)) return;
  const m = await api();
  const cases = [
    ["", /empty/],
    ["\u0000\u0001\u0002\u0003junk".repeat(100), /binary/],
    ["x".repeat(9 << 20), /MB/],
  ];
  for (const [input, want] of cases) {
    await assert.rejects(m.analyze(input), (e) => e instanceof Error && want.test(e.message));
  }
  await assert.rejects(m.analyze("text", { offsets: "bytes" }), /offset/);
  await assert.rejects(m.analyze(42), TypeError);
  // The engine is still alive after all that.
  const r = await m.analyze(exampleArticle);
  assert.ok(r.article.paragraphs.length > 0);
});

test("Node exits on its own after an analysis (the idle engine does not hold it)", (t) => {
  if (!needDist(t)) return;
  const url = new URL("lede.mjs", "file://" + dist + "/").href;
  const r = spawnSync(process.execPath, ["--input-type=module", "-e",
    `import { analyze } from ${JSON.stringify(url)}; const r = await analyze("Angela Merkel visited Paris."); console.log(r.stats.words);`],
  { encoding: "utf8", timeout: 50000 });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^\d+\n$/);
});

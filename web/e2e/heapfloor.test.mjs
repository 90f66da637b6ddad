// heapfloor.test.mjs: the wasm engine's heap floor (wasm/lede, heapFloor: a
// 4 MB block that lowers how often the collector runs) is made while the
// engine is idle after its first analysis, not inside an analysis. In the
// page the first analysis is lede-worker.js's throw-away warm-up, so a block
// made by the second analysis was made on the reader's first one.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { dist, needDist } from "./helpers.mjs";
import { exampleArticle } from "../example.mjs";

const MB = 2 ** 20;

test("the heap floor is made after the first analysis, while the engine is idle, not by the next analysis", async (t) => {
  if (!needDist(t)) return;
  (0, eval)(fs.readFileSync(path.join(dist, "wasm_exec.js"), "utf8"));
  const go = new globalThis.Go();
  const { instance } = await WebAssembly.instantiate(fs.readFileSync(path.join(dist, "lede.wasm")), go.importObject);
  go.run(instance);
  const mem = () => instance.exports.mem.buffer.byteLength;
  // the warm-up lede-worker.js runs, then an idle moment, then the reader's article
  globalThis.ledeAnalyze("Warm-up: Ada Lovelace met the Royal Society in London on Monday, and said costs rose 5% to $2 million.", "");
  const afterFirst = mem();
  await new Promise((r) => setTimeout(r, 50));
  const afterIdle = mem();
  const report = JSON.parse(globalThis.ledeAnalyze(exampleArticle, ""));
  assert.ok(report.entities.length > 0, "the second analysis gave a report");
  const afterSecond = mem();
  t.diagnostic(`wasm memory, MB: ${[afterFirst, afterIdle, afterSecond].map((b) => (b / MB).toFixed(1)).join(" -> ")} (after the first analysis, the idle moment, the second)`);
  // the block is 4 MB and the heap after one small analysis has no 4 MB
  // free: memory grows by about that much where the block is made (an
  // analysis of the example grows it by about 1 MB)
  assert.ok(afterIdle - afterFirst >= 3 * MB, `memory grew ${((afterIdle - afterFirst) / MB).toFixed(1)} MB while idle after the first analysis; the 4 MB block was not made then`);
  assert.ok(afterSecond - afterIdle < 3 * MB, `the second analysis grew memory by ${((afterSecond - afterIdle) / MB).toFixed(1)} MB: it made the block`);
});

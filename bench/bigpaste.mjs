// bench/bigpaste.mjs times one analysis of a large paste through dist/lede.mjs
// in Node (the wasm engine in a worker_thread, as the page runs it) and
// prints the time and the process's resident memory. docs/security.md uses
// it for the largest input lede accepts:
//
//	node bench/bigpaste.mjs 7.9        (MB of news text; after ./build.sh dist)
import { analyzeJSON } from "../dist/lede.mjs";
import { exampleArticle } from "../web/example.mjs";

const mb = Number(process.argv[2] || "1");
const paras = exampleArticle.split("\n\n");
let s = "";
for (let i = 0; s.length < mb * 1048576 - 2000; i++) {
  // distinct paragraphs: lede sets repeated ones aside as boilerplate
  s += paras[i % paras.length].replace(/\.$/, ", report " + i + ".") + "\n\n";
}
const t0 = performance.now();
const json = await analyzeJSON(s, { offsets: "utf16" });
const ok = !json.startsWith('{"error"');
console.log(`${(s.length / 1048576).toFixed(1)} MB: ${Math.round(performance.now() - t0)} ms, ${ok ? "a report" : json}, ` +
  `RSS ${Math.round(process.memoryUsage().rss / 1048576)} MB`);
process.exit(0);

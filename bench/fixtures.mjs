// fixtures.mjs writes the inputs the speed rounds check reports against
// (docs/speed-log.md: "reports byte-identical", "the three fixtures"), from
// ../shared, as JSON Lines for `lede analyze --jsonl`:
//
//   node bench/fixtures.mjs OUTDIR
//   lede analyze --jsonl < OUTDIR/all.jsonl > before.jsonl     (and html, htmlh)
//
// all.jsonl    the sample, the 307 DUC-2001 texts, the 229 500N-KPCrowd dev
//              texts and the 102 pasted dev texts of the extraction set (639)
// html.jsonl   the 102 dev HTML pages, given as text
// htmlh.jsonl  the same pages, given as HTML
//
// Each set is in file-name order. The text files' line ends are made "\n"
// (the 500N files end their lines with "\r\n"), as the fixtures of the speed
// rounds were read; the HTML pages are given as they are. A change that keeps reports byte-identical
// gives the same output from `lede analyze --jsonl` over each file before
// and after (cmp); nothing here is copied into the repository.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const shared = path.join(root, "..", "shared");
const out = process.argv[2];
if (!out) {
  console.error("usage: node bench/fixtures.mjs OUTDIR");
  process.exit(2);
}
if (!fs.existsSync(path.join(shared, "data"))) {
  console.log("skipped: ../shared/data not found (the fixtures are made from it)");
  process.exit(0);
}
fs.mkdirSync(out, { recursive: true });

const files = (dir) => fs.readdirSync(dir).filter((f) => !f.startsWith(".")).sort();
const line = (id, key, s) => JSON.stringify({ id, [key]: s }) + "\n";
const text = (file) => fs.readFileSync(file, "utf8").replace(/\r\n?/g, "\n");

const all = [line("sample", "text", text(path.join(shared, "samples", "korea-us-summit.txt")))];
for (const [label, dir] of [
  ["duc", "data/keyphrases/duc2001/docs"],
  ["500n", "data/keyphrases/500n-kpcrowd-dev/docs"],
  ["pasted", "data/article-extraction/dev-pasted/text"],
]) {
  for (const f of files(path.join(shared, dir))) all.push(line(`${label}/${f}`, "text", text(path.join(shared, dir, f))));
}
fs.writeFileSync(path.join(out, "all.jsonl"), all.join(""));

const htmlDir = path.join(shared, "data/article-extraction/dev/html");
const asText = [], asHTML = [];
for (const f of files(htmlDir)) {
  const page = zlib.gunzipSync(fs.readFileSync(path.join(htmlDir, f))).toString("utf8");
  asText.push(line(f, "text", page));
  asHTML.push(line(f, "html", page));
}
fs.writeFileSync(path.join(out, "html.jsonl"), asText.join(""));
fs.writeFileSync(path.join(out, "htmlh.jsonl"), asHTML.join(""));
console.log(`wrote ${out}/all.jsonl (${all.length}), html.jsonl (${asText.length}), htmlh.jsonl (${asHTML.length})`);

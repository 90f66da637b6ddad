// cpuprof.mjs summarises a V8 CPU profile (node --cpu-prof) of lede's wasm:
// each function's self time and its inclusive time (its samples and its
// callees', a function counted once a sample), as shares of all samples.
//
//   node --cpu-prof --cpu-prof-dir=prof bench/speed/inproc.mjs engine dist FILE 300 x.wasm
//   node bench/speed/cpuprof.mjs prof/*.cpuprofile [N] [REGEXP]
//
// x.wasm: an unstripped build (GOOS=js GOARCH=wasm go build -trimpath -o
// x.wasm ./wasm/lede), whose name section gives Go's function names (V8
// writes github.com/lede-news/lede/internal/entity.(*Model).add as
// github.com_lede_news_lede_internal_entity.__Model_.add). N rows of each
// list (default 40); REGEXP keeps the matching names only.
import fs from "node:fs";

const [file, nArg, re] = process.argv.slice(2);
if (!file) {
  console.error("usage: node bench/speed/cpuprof.mjs PROFILE [N] [REGEXP]");
  process.exit(2);
}
const top = Number(nArg || 40);
const keep = re ? new RegExp(re) : null;
const p = JSON.parse(fs.readFileSync(file, "utf8"));
const byId = new Map(p.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of p.nodes) for (const c of n.children || []) parent.set(c, n.id);
const name = (n) => n.callFrame.functionName || `(anonymous ${n.callFrame.url.split("/").pop()}:${n.callFrame.lineNumber})`;

const hits = new Map();
for (const s of p.samples) hits.set(s, (hits.get(s) || 0) + 1);
const self = new Map(), incl = new Map();
let total = 0;
for (const [id, c] of hits) {
  total += c;
  const own = name(byId.get(id));
  self.set(own, (self.get(own) || 0) + c);
  const seen = new Set();
  for (let x = id; x != null; x = parent.get(x)) {
    const f = name(byId.get(x));
    if (!seen.has(f)) {
      seen.add(f);
      incl.set(f, (incl.get(f) || 0) + c);
    }
  }
}
for (const [title, m] of [["self", self], ["inclusive", incl]]) {
  console.log(`== ${title}, % of ${total} samples`);
  const rows = [...m].filter(([k]) => !keep || keep.test(k)).sort((a, b) => b[1] - a[1]).slice(0, top);
  for (const [k, v] of rows) console.log(`${((100 * v) / total).toFixed(1).padStart(6)}%  ${k}`);
}

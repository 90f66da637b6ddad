#!/usr/bin/env bash
# Named entities on CoNLL-2003 dev (eng.testa): entity-level exact-match P/R/F1 per type
# (../shared/tools/eval_ner.mjs, conlleval-style), from the detokenised sentence text only.
# lede runs the engine's passes (segment, pos, entity) through bench/entities; compromise
# runs on the same text in the same run. Then the model's first-call load time and heap, and
# sentences/s (fastest of a few rounds) natively and in wasm under Node. Between them, the
# hand-labelled modern news set (bench/entities/modern.md) scored by bench/entities/modern:
# lede through the engine as a pasted text, the passes on the body as one block and on each of
# its sentences alone (no history, no document pass), compromise. Then the hand-labelled headline
# set (bench/entities/headlines.json, AG News titles): lede through the engine with the titles
# pasted 15 at a time as a list of related headlines (the digest's path) and each title alone,
# compromise. Then the hand-labelled encyclopedic set (bench/entities/wiki.json: Wikipedia pages
# of Readability's test pages inside the go-readability module; skipped when that module's folder
# is missing): lede through the engine, each page's text pasted whole, and compromise; then its
# second set (bench/entities/wiki2.json: the next 15 paragraphs of the same pages) the same way.
# The committed model is trained on eng.train + eng.testa (cmd/train-ner's default since the tenth
# round of docs/models/ner.md), so lede's eng.testa rows are IN SAMPLE; the last honest dev figures
# are the eng.train-only model's (`go run ./cmd/train-ner -extra none`), kept in that card.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:$(go env GOROOT)/lib/wasm"
gold=../shared/data/ner/conll2003/eng.testa
scorer=../shared/tools/eval_ner.mjs
for f in "$gold" "$scorer"; do
  if [ ! -f "$f" ]; then echo "skipped: $f not found"; exit 0; fi
done
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
compromise="NODE_PATH=$PWD/node_modules node $PWD/bench/entities/compromise.mjs"
go build -o "$tmp/entities" ./bench/entities
echo "machine: $(nproc) cores, $(go version | cut -d' ' -f3), node $(node --version), $(date -u +%F)"
echo "model: internal/entity/model.bin, trained on eng.train + eng.testa: lede's eng.testa rows below are in sample (docs/models/ner.md, tenth round)"

run() { # name, unit, offsets, command
  node "$scorer" --gold "$gold" --name "$1" --unit "$2" --offsets "$3" --cmd "$4" --json "$tmp/$1-$2.json" >"$tmp/$1-$2.txt" 2>&1 ||
    { cat "$tmp/$1-$2.txt"; exit 1; }
}
run lede sentence utf8 "$tmp/entities"
run lede document utf8 "$tmp/entities"
run compromise sentence utf16 "$compromise"
run caps sentence utf16 "node $scorer --serve caps"

node - "$tmp" <<'JS'
const fs = require('fs'), dir = process.argv[2];
const rows = [['lede', 'sentence'], ['lede', 'document'], ['compromise', 'sentence'], ['caps', 'sentence']];
const f = x => (x == null ? '' : (100 * x).toFixed(1));
console.log('\n| system | unit | PER F1 | LOC F1 | ORG F1 | MISC F1 | P | R | **F1** | F1 no MISC | snap F1 | sentences/s (steady) |');
console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const [name, unit] of rows) {
  const j = JSON.parse(fs.readFileSync(`${dir}/${name}-${unit}.json`, 'utf8'));
  const r = Array.isArray(j) ? j[0] : j;
  const s = r.strict, t = k => f(s[k].f1);
  console.log(`| ${name} | ${unit} | ${t('PER')} | ${t('LOC')} | ${t('ORG')} | ${t('MISC')} | ${f(s._overall.precision)} | ${f(s._overall.recall)} | **${(100 * s._overall.f1).toFixed(2)}** | ${f(s._noMISC.f1)} | ${f(r.snap._overall.f1)} | ${Math.round(r.steady_sent_per_s)} |`);
}
JS

go build -o "$tmp/modern" ./bench/entities/modern
for set in "first half (modern.json): 25 bodies, every 4th id from index 0|bench/entities/modern.json" \
  "second half (modern2.json): 21 bodies, every 4th id from index 2|bench/entities/modern2.json" \
  "both halves|bench/entities/modern.json,bench/entities/modern2.json" \
  "third half (modern3.json): 24 bodies, every 4th id from index 1|bench/entities/modern3.json" \
  "all three|bench/entities/modern.json,bench/entities/modern2.json,bench/entities/modern3.json"; do
  labels=${set#*|}
  echo; echo "## modern news, hand-labelled (bench/entities/modern.md), ${set%%|*}: exact span and type in the first 12 sentences of each dev-pasted article body"
  "$tmp/modern" -labels "$labels" -header
  "$tmp/modern" -labels "$labels" -name "lede (engine, pasted text)"
  "$tmp/modern" -labels "$labels" -name "lede (passes, whole body)" -cmd "$tmp/entities" -offsets utf8
  "$tmp/modern" -labels "$labels" -name "lede (passes, each sentence alone)" -cmd "$tmp/entities -alone" -offsets utf8
  "$tmp/modern" -labels "$labels" -name compromise -cmd "$compromise" -offsets utf16
done
for half in A B ""; do
  hl="both halves"; [ -n "$half" ] && hl="half $half"
  echo; echo "## headlines, hand-labelled (bench/entities/modern.md, \"Headlines\"): 300 AG News titles, $hl: exact span and type"
  "$tmp/modern" -labels bench/entities/headlines.json -half "$half" -header
  "$tmp/modern" -labels bench/entities/headlines.json -half "$half" -name "lede (engine, lists of 15 related headlines)" -lists 15 2>/dev/null
  "$tmp/modern" -labels bench/entities/headlines.json -half "$half" -name "lede (engine, each title alone)"
  "$tmp/modern" -labels bench/entities/headlines.json -half "$half" -name compromise -cmd "$compromise" -offsets utf16
done
for set in \
  "wiki.json|hand-labelled (bench/entities/modern.md, \"Encyclopedic text\"): the first 15 paragraphs of Readability's Wikipedia test pages" \
  "wiki2.json|second set (wiki2.json, bench/entities/modern.md, \"Encyclopedic text\"): the 16th to 30th paragraphs of the same pages"; do
  labels=bench/entities/${set%%|*}
  for half in A B ""; do
    hl="both halves"; [ -n "$half" ] && hl="half $half"
    echo; echo "## encyclopedic text, ${set#*|}, $hl: exact span and type"
    head=$("$tmp/modern" -labels "$labels" -half "$half" -header)
    echo "$head"; case $head in skipped*) break 2 ;; esac
    "$tmp/modern" -labels "$labels" -half "$half" -name "lede (engine, each page pasted whole)"
    "$tmp/modern" -labels "$labels" -half "$half" -name compromise -cmd "$compromise" -offsets utf16
  done
done
train=../shared/data/ner/conll2003/eng.train
[ -f "$train" ] && for labels in bench/entities/modern.json,bench/entities/modern2.json bench/entities/modern3.json; do
  echo; echo "$labels:"; "$tmp/modern" -labels "$labels" -name lede -train "$train" | tail -n 1
done

echo; echo "## speed over eng.testa's text (216 documents): first-call model load, then the entity pass alone and segment+pos+entity (fastest round)"
"$tmp/entities" -speed "$gold" -n 5 | sed 's/^/native /'
GOOS=js GOARCH=wasm go build -o "$tmp/entities.wasm" ./bench/entities
go_js_wasm_exec "$tmp/entities.wasm" -speed "$gold" -n 3 | sed 's/^/wasm   /'
echo; echo "## models: bytes raw and after brotli (quality 11, as the page is served)"
node -e '
const fs = require("fs"), zlib = require("zlib");
for (const f of process.argv.slice(1)) {
  const b = fs.readFileSync(f);
  console.log(`${f}: ${b.length} bytes raw, ${zlib.brotliCompressSync(b).length} brotli`);
}' internal/entity/model.bin internal/pos/model.bin

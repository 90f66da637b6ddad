#!/usr/bin/env bash
# Keyphrases on DUC-2001 (307 news articles, reader-assigned keyphrases) with
# ../shared/tools/eval_keyphrases.mjs: lowercase, Porter-stem, exact match, F1@5 and F1@10,
# macro (JCDL 2020 / pke style) and micro (SIFRank style). lede runs three ways: the whole engine on
# the file as a user would paste it ("engine"), and the keyphrase stage on the benchmark's own
# layout, headline line + body ("stage", isolating keyphrases from article extraction), and
# "paras": the same with one paragraph per line where the file is laid out so (AP, WSJ).
# retext-keywords and compromise run on the same documents in the same run. Then documents/s
# natively and in wasm under Node, and the sizes of the tables the stage embeds.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:$(go env GOROOT)/lib/wasm"
data=../shared/data/keyphrases/duc2001
scorer=../shared/tools/eval_keyphrases.mjs
for f in "$data/docs" "$scorer"; do
  if [ ! -e "$f" ]; then echo "skipped: $f not found"; exit 0; fi
done
# the scorer's stemmer and the npm baselines, pinned in bench/keyphrases/package-lock.json
if [ ! -d bench/keyphrases/node_modules ] || [ bench/keyphrases/package-lock.json -nt bench/keyphrases/node_modules/.package-lock.json ]; then
  (cd bench/keyphrases && npm ci --no-audit --no-fund >&2)
fi
export SA_KEYS_DIR=$PWD/bench/keyphrases
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/keyphrases" ./bench/keyphrases
echo "machine: $(nproc) cores, $(go version | cut -d' ' -f3), node $(node --version), $(date -u +%F)"

run() { # name, scorer arguments...
  local name=$1; shift
  node "$scorer" --dataset "$data" "$@" --json "$tmp/$name.json" >"$tmp/$name.txt" 2>&1 ||
    { cat "$tmp/$name.txt"; exit 1; }
}
run lede-engine --batch "$tmp/keyphrases -mode engine"
run lede-stage --batch "$tmp/keyphrases -mode stage"
run lede-paras --batch "$tmp/keyphrases -mode paras"
run retext-keywords --system retext
run compromise --system compromise

node - "$tmp" <<'JS'
const fs = require('fs'), dir = process.argv[2];
const rows = ['lede-engine', 'lede-stage', 'lede-paras', 'retext-keywords', 'compromise'];
console.log('\n| system | macro F1@5 | **macro F1@10** | micro F1@5 | micro F1@10 | docs/s (scorer, incl. process) |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const name of rows) {
  let j = JSON.parse(fs.readFileSync(`${dir}/${name}.json`, 'utf8'));
  if (Array.isArray(j)) j = j[0];
  const f = (k, avg) => Number(j.metrics[k][avg].F1).toFixed(1);
  console.log(`| ${name} | ${f('@5', 'macro')} | **${f('@10', 'macro')}** | ${f('@5', 'micro')} | ${f('@10', 'micro')} | ${Math.round(j.docs_per_sec)} |`);
}
JS

echo; echo "## speed over the 307 documents (each pass alone, on documents the earlier passes annotated)"
"$tmp/keyphrases" -speed "$data/docs" | sed 's/^/native /'
GOOS=js GOARCH=wasm go build -o "$tmp/keyphrases.wasm" ./bench/keyphrases
go_js_wasm_exec "$tmp/keyphrases.wasm" -speed "$data/docs" | sed 's/^/wasm   /'
echo; echo "## embedded tables"
for f in internal/pos/model.bin internal/keyphrase/idf.bin; do
  ls -l "$f" | awk '{printf "%-28s %7d bytes (%.0f KB), gzip %d bytes\n", $9, $5, $5/1024, 0}' | sed "s/gzip 0/gzip $(gzip -9c "$f" | wc -c)/"
done

#!/usr/bin/env bash
# Keyphrases on the two news development sets in ../shared/data/keyphrases (DUC-2001: 307
# articles, ~8 reader-assigned phrases each; 500N-KPCrowd dev half: 229 articles, ~50 crowd
# keyphrases each, mostly single words and names), and on any further set named in
# $KEYPHRASE_SETS (space-separated folders of the same layout, e.g. a held-out half), scored with
# ../shared/tools/eval_keyphrases.mjs: lowercase, Porter-stem, exact match, F1@5 and F1@10, macro
# (JCDL 2020 / pke style, DUC-2001's usual figure) and micro (SIFRank style, 500N's usual figure).
# lede runs as "engine" (the whole engine on the file, as a user would paste it) and "stage" (the
# keyphrase stage on the benchmark's own layout, headline line + body, isolating it from article
# extraction); on DUC-2001 also "paras" (one paragraph per line where the file is laid out so);
# "hand" rows rank by the hand method alone (the learned model's input) for comparison.
# The peers run on the same documents in the same run: the scorer's plain TF-IDF baseline
# (maximal runs of non-stop-words, tf x idf with df over the set's own documents), YAKE
# (bench/keyphrases/yake.mjs, a re-implementation for reference, not shipped), retext-keywords
# and compromise. Then the cross-validation of the hand method's settings through the engine
# (bench/keyphrases/cv.mjs) and of the learned ranker the engine ships (cmd/train-keyphrases),
# documents/s natively and in wasm under Node, and the sizes of the tables the stage embeds.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:$(go env GOROOT)/lib/wasm"
root=../shared/data/keyphrases
scorer=../shared/tools/eval_keyphrases.mjs
sets=""
for s in "$root/duc2001" "$root/500n-kpcrowd-dev" ${KEYPHRASE_SETS:-}; do
  [ -d "$s/docs" ] && sets="$sets $s"
done
if [ -z "$sets" ] || [ ! -e "$scorer" ]; then echo "skipped: no keyphrase data set or scorer found"; exit 0; fi
# the scorer's stemmer and the npm baselines, pinned in bench/keyphrases/package-lock.json:
# from $SA_KEYS_DIR if it already holds them all, else installed into bench/keyphrases
has_pkgs() { node -e 'const d=process.argv[1];process.exit(Object.keys(require("./bench/keyphrases/package.json").devDependencies).every(p=>require("fs").existsSync(d+"/node_modules/"+p+"/package.json"))?0:1)' "$1"; }
if [ -n "${SA_KEYS_DIR:-}" ] && has_pkgs "$SA_KEYS_DIR"; then
  :
else
  if [ ! -d bench/keyphrases/node_modules ] || [ bench/keyphrases/package-lock.json -nt bench/keyphrases/node_modules/.package-lock.json ]; then
    (cd bench/keyphrases && npm ci --no-audit --no-fund >&2)
  fi
  export SA_KEYS_DIR=$PWD/bench/keyphrases
fi
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/keyphrases" ./bench/keyphrases
echo "machine: $(nproc) cores, $(go version | cut -d' ' -f3), node $(node --version), $(date -u +%F)"

systems="lede-engine lede-stage lede-paras lede-hand-engine lede-hand-stage tfidf yake retext-keywords compromise"
for s in $sets; do
  name=$(basename "$s")
  run() { # system, scorer arguments...
    local sys=$1; shift
    node "$scorer" --dataset "$s" "$@" --json "$tmp/$name.$sys.json" >"$tmp/$name.$sys.txt" 2>&1 ||
      { cat "$tmp/$name.$sys.txt"; exit 1; }
  }
  run lede-engine --batch "$tmp/keyphrases -mode engine"
  run lede-stage --batch "$tmp/keyphrases -mode stage"
  [ "$name" = duc2001 ] && run lede-paras --batch "$tmp/keyphrases -mode paras"
  # the hand method alone (docs/keyphrases.md, steps 1-5)
  run lede-hand-engine --batch "$tmp/keyphrases -mode engine -hand"
  run lede-hand-stage --batch "$tmp/keyphrases -mode stage -hand"
  run tfidf --system tfidf
  run yake --batch "node bench/keyphrases/yake.mjs"
  run retext-keywords --system retext
  run compromise --system compromise
done

node - "$tmp" "$systems" $sets <<'JS'
const fs = require('fs'), path = require('path');
const [dir, systems, ...sets] = process.argv.slice(2);
for (const s of sets) {
  const name = path.basename(s);
  console.log(`\n### ${name}\n`);
  console.log('| system | macro F1@5 | macro F1@10 | micro F1@5 | micro F1@10 | docs/s (scorer, incl. process) |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const sys of systems.split(' ')) {
    const file = `${dir}/${name}.${sys}.json`;
    if (!fs.existsSync(file)) continue;
    let j = JSON.parse(fs.readFileSync(file, 'utf8'));
    if (Array.isArray(j)) j = j[0];
    const f = (k, avg) => Number(j.metrics[k][avg].F1).toFixed(1);
    console.log(`| ${sys} | ${f('@5', 'macro')} | ${f('@10', 'macro')} | ${f('@5', 'micro')} | ${f('@10', 'micro')} | ${Math.round(j.docs_per_sec)} |`);
  }
}
JS

if [ -d "$root/duc2001/docs" ] && [ -d "$root/500n-kpcrowd-dev/docs" ]; then
  echo; echo "## the hand method's settings by 5-fold cross-validation over both development sets, through the engine (bench/keyphrases/cv.mjs)"
  node bench/keyphrases/cv.mjs "$tmp/keyphrases" "$root/duc2001" "$root/500n-kpcrowd-dev" --mode engine 2>/dev/null
  echo; echo "## the learned ranker (shipped) by 5-fold cross-validation over both development sets, through the engine (cmd/train-keyphrases)"
  go run ./cmd/train-keyphrases -out "" -duc "$root/duc2001" -kp "$root/500n-kpcrowd-dev" | grep -v '^fold\|^gate:\|^expert\|features:'
fi

data=$root/duc2001/docs
[ -d "$data" ] || data=$root/500n-kpcrowd-dev/docs
echo; echo "## speed over $(basename "$(dirname "$data")") (each pass alone, on documents the earlier passes annotated)"
"$tmp/keyphrases" -speed "$data" | sed 's/^/native /'
GOOS=js GOARCH=wasm go build -o "$tmp/keyphrases.wasm" ./bench/keyphrases
go_js_wasm_exec "$tmp/keyphrases.wasm" -speed "$data" | sed 's/^/wasm   /'
echo; echo "## embedded tables"
for f in internal/pos/model.bin internal/keyphrase/idf.bin; do
  ls -l "$f" | awk '{printf "%-28s %7d bytes (%.0f KB), gzip %d bytes\n", $9, $5, $5/1024, 0}' | sed "s/gzip 0/gzip $(gzip -9c "$f" | wc -c)/"
done

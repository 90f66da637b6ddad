#!/usr/bin/env bash
# bench/categories.sh — topic categories on the held-out 10% of each training set
# (rows chosen by hash, never trained on: internal/category/corpus), scored by
# ../shared/tools/eval_categories.mjs, and classification time per text, native and
# wasm (Node). Run it with ./build.sh bench categories.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=../shared/data/categories
TOOL=../shared/tools/eval_categories.mjs
if [ ! -f "$DATA/agnews/train.csv" ] || [ ! -f "$DATA/huffpost/headlines.jsonl" ] || [ ! -f "$TOOL" ]; then
  echo "skipped: ../shared/data/categories not found (AG News, HuffPost and the scorer sit beside the checkout)"
  exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/categories" ./bench/categories
GOOS=js GOARCH=wasm go build -o "$tmp/categories.wasm" ./bench/categories
wasmexec="$(go env GOROOT)/lib/wasm/go_js_wasm_exec"
"$tmp/categories" -heldout "$tmp" -data "$DATA"

echo "== AG News held-out (lede's labels mapped to AG's four by bench/agnews-map.json)"
node "$TOOL" --data "$tmp/agnews-test.csv" --cmd "$tmp/categories" --map bench/agnews-map.json | tee "$tmp/ag.txt"
echo
echo "== HuffPost held-out (HuffPost's classes mapped to lede's taxonomy by internal/category/corpus/mapping.json)"
node "$TOOL" --data "$tmp/huffpost-test.jsonl" --cmd "$tmp/categories" | tee "$tmp/hp.txt"

echo
echo "== classification time, native ($(go env GOOS)/$(go env GOARCH), one thread)"
"$tmp/categories" -time "$tmp" | tee "$tmp/native.txt"
echo
echo "== classification time, GOOS=js GOARCH=wasm under Node $(node --version)"
"$wasmexec" "$tmp/categories.wasm" -time "$tmp" | tee "$tmp/wasm.txt"

echo
echo "== model size and load (first use of the embedded model in a fresh process; best of 5)"
br=$(node -e 'const z=require("zlib"),b=require("fs").readFileSync(process.argv[1]);console.log(z.brotliCompressSync(b,{params:{[z.constants.BROTLI_PARAM_QUALITY]:11}}).length)' internal/category/model.bin)
echo "model.bin: $(stat -c %s internal/category/model.bin) bytes, $br brotli (quality 11)"
for i in 1 2 3 4 5; do "$tmp/categories" -load; done | sort -t' ' -k2 -n | head -1 | sed 's/^/native: /'
for i in 1 2 3 4 5; do "$wasmexec" "$tmp/categories.wasm" -load; done | sort -t' ' -k2 -n | head -1 | sed 's/^/wasm:   /'

size=$(stat -c %s internal/category/model.bin)
get() { sed -n "s/^$1 *\([0-9.]*\)%.*/\1/p" "$2" | head -1; }
echo
echo "== summary ($(date -u +%Y-%m-%d), model.bin $size bytes)"
echo "| held-out set | rows | accuracy % | macro-F1 % |"
echo "| --- | --- | --- | --- |"
for f in ag hp; do
  n=$(sed -n 's/^dataset:.*(\([a-z]*\), \([0-9]*\) documents.*/\2/p' "$tmp/$f.txt")
  name=$([ $f = ag ] && echo "AG News (4 classes, mapped)" || echo "HuffPost (lede's taxonomy)")
  echo "| $name | $n | $(get 'accuracy:' "$tmp/$f.txt") | $(get 'macro-F1:' "$tmp/$f.txt") |"
done

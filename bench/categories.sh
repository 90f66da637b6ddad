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
GOOS=js GOARCH=wasm go build -o "$tmp/categories.wasm" ./bench/categories
"$(go env GOROOT)/lib/wasm/go_js_wasm_exec" "$tmp/categories.wasm" -time "$tmp" | tee "$tmp/wasm.txt"

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

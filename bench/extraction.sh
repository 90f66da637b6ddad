#!/usr/bin/env bash
# bench/extraction.sh — article body extraction on the scrapinghub benchmark's dev split:
# dev/ (the pages' HTML) and dev-pasted/ (the same pages as a reader pastes them), scored
# by ../shared/tools/eval_extraction.mjs (4-token shingles, the published metric), lede
# side by side with Mozilla Readability (npm, linkedom DOM) and go-readability (readeck
# fork v2.1.3) in the same run. Extraction runs in one process per tool; pages/s is the
# in-process rate (start-up excluded; the Go extractors report the fastest of five passes,
# by the wall clock and by the process's CPU time, which other jobs on a shared machine
# disturb far less; Readability.js one pass). Last, the text parser on 1 MB and 8 MB pastes
# (BenchmarkParseLongText), to show it stays linear. Run it with ./build.sh bench extraction.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=../shared/data/article-extraction
TOOL=../shared/tools/eval_extraction.mjs
if [ ! -f "$DATA/dev/ground-truth.json" ] || [ ! -f "$DATA/dev-pasted/ground-truth.json" ] || [ ! -f "$TOOL" ]; then
  echo "skipped: ../shared/data/article-extraction not found (the benchmark data and scorer sit beside the checkout)"
  exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/extraction" ./bench/extraction

# run NAME SET ENGINE-COMMAND...: writes $tmp/NAME-SET.json and .rate, prints the scorer's line
run() {
  local name=$1 set=$2; shift 2
  "$@" 2>"$tmp/$name-$set.err" || { cat "$tmp/$name-$set.err" >&2; return 1; }
  local wall cpu
  wall=$(sed -n 's/.* pages_per_s=\([0-9.]*\).*/\1/p' "$tmp/$name-$set.err" | tail -1)
  cpu=$(sed -n 's/.*cpu_pages_per_s=\([0-9.]*\).*/\1/p' "$tmp/$name-$set.err" | tail -1)
  echo "$wall | ${cpu:-n/a}" >"$tmp/$name-$set.rate"
  node "$TOOL" --data "$DATA/$set" --predictions "$tmp/$name-$set.json" --bootstrap 0 --json >"$tmp/$name-$set.score"
}
for set in dev dev-pasted; do
  run lede "$set" "$tmp/extraction" -data "$DATA/$set" -engine lede -repeat 5 -out "$tmp/lede-$set.json"
  run alltext "$set" "$tmp/extraction" -data "$DATA/$set" -engine all-text -out "$tmp/alltext-$set.json"
done
run goread dev "$tmp/extraction" -data "$DATA/dev" -engine go-readability -repeat 5 -out "$tmp/goread-dev.json"
run readability dev node bench/extraction/readability.mjs "$DATA/dev" "$tmp/readability-dev.json"

row() { # NAME LABEL SET [RATE]
  local f="$tmp/$1-$3.score"
  if [ ! -f "$f" ]; then printf '| %s | %s | n/a | | | | | |\n' "$2" "$3"; return; fi
  node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const g = (k) => { const v = r[k] ?? r.metrics?.[k]; return typeof v === "object" ? v.value ?? v.mean : v; };
    const f = (v) => (typeof v === "number" ? v.toFixed(3) : "?");
    console.log(`| ${process.argv[2]} | ${process.argv[3]} | ${f(g("f1"))} | ${f(g("precision"))} | ${f(g("recall"))} | ${f(g("accuracy"))} | ${process.argv[4]} |`);
  ' "$f" "$2" "$3" "$4"
}
echo "== article body extraction, dev split (102 pages), $(date -u +%Y-%m-%d)"
echo "| extractor | set | F1 | precision | recall | accuracy | pages/s (wall) | pages/s (CPU) |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
rate() { cat "$tmp/$1-$2.rate" 2>/dev/null; }
row lede "lede (Go, internal/article)" dev "$(rate lede dev)"
row goread "go-readability v2.1.3 (readeck)" dev "$(rate goread dev)"
row readability "Readability.js 0.6.0 + linkedom" dev "$(rate readability dev)"
row alltext "all visible text (no extraction)" dev " | "
row lede "lede (Go, internal/article)" dev-pasted "$(rate lede dev-pasted)"
row alltext "whole paste (no extraction)" dev-pasted " | "
echo
echo "Readability.js and go-readability read HTML only; no published tool extracts from pasted text."

# Long pastes: the text parser must stay linear (8 MB should take about 8x 1 MB; a larger
# heap and the garbage collector add some on a busy machine).
echo
echo "== pasted text, long inputs (go test -bench ParseLongText ./internal/article/, fastest of 3 runs of 3)"
echo "| shape | 1 MB (ms) | 8 MB (ms) | 8 MB / 1 MB |"
echo "| --- | --- | --- | --- |"
go test -run '^$' -bench ParseLongText -benchtime 3x -count 3 ./internal/article/ 2>/dev/null | awk '
  /^BenchmarkParseLongText\// {
    split($1, a, "/"); sub(/-[0-9]+$/, "", a[2]); n = split(a[2], p, "-"); shape = p[1]; size = p[n]
    ms = $3 / 1e6; k = shape SUBSEP size
    if (!(k in best) || ms < best[k]) best[k] = ms
    if (!(shape in seen)) { seen[shape] = 1; order[++m] = shape }
  }
  END {
    for (i = 1; i <= m; i++) { s = order[i]; one = best[s SUBSEP "1MB"]; eight = best[s SUBSEP "8MB"]
      printf "| %s | %.0f | %.0f | %.1f |\n", s, one, eight, (one > 0 ? eight / one : 0) }
  }'

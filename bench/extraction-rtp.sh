#!/usr/bin/env bash
# bench/extraction-rtp.sh — article body extraction on Mozilla Readability's regression pages, an
# outside check of the figures ./build.sh bench extraction gives on the AEB dev pages lede was
# tuned on. The pages (test-pages/*/source.html) ship inside the go-readability module go.mod
# requires, so no ../shared is needed; the real pages (source.html of 8 KiB or more) are split in
# halves A and B by sorted folder name (bench/internal/rtpages, as ./build.sh bench metadata).
# Gold: the text of expected.html, Readability's extracted article (bench/rtp/gold.go). Rows: lede
# on the HTML and on the pasted text, go-readability on the HTML (near-gold: a port of the
# algorithm that wrote expected.html, and these pages are its own regression suite), and the
# floors (all visible text, the whole paste). Readability.js is the gold itself: no row. The pasted
# text is the page's document.body.innerText in headless Chromium with scripts and network off,
# as the AEB dev-pasted set was made (bench/extraction/pasted.mjs, Debian's /usr/bin/chromium via
# playwright-core), cached outside the repository in ${XDG_CACHE_HOME:-~/.cache}/lede/rtp-pasted
# (one file a page, keyed by its source's SHA-256: about a minute the first time, nothing after).
# Scored by internal/aeb (the Go form of ../shared/tools/eval_extraction.mjs); when ../shared is
# there, the published-metric scorer re-scores lede's rows as a check, and the renderer must
# reproduce the AEB dev-pasted texts from the dev pages' HTML byte for byte. A separate script, not a
# chapter of bench extraction: it needs neither ../shared nor its timing runs, and it needs
# Chromium, which that one does not. Rules: docs/extraction.md, "An outside check: Readability's
# test pages (fifteenth round)". Run it with ./build.sh bench extraction-rtp.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/internal/rtpages/suite.sh # sets $suite, or skips
cache=${XDG_CACHE_HOME:-$HOME/.cache}/lede/rtp-pasted
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/rtp" ./bench/rtp
pasted=()
if [ -x /usr/bin/chromium ] && [ -d node_modules/playwright-core ]; then
  mapfile -t names < <("$tmp/rtp" -suite "$suite" -list)
  node bench/extraction/pasted.mjs "$suite" "$cache" "${names[@]}" && pasted=(-pasted "$cache")
else
  echo "(no pasted-text rows: /usr/bin/chromium or node_modules/playwright-core missing; ./build.sh test installs both)"
fi
echo "== article body extraction on Readability's test pages ($suite), $(date -u +%Y-%m-%d)"
"$tmp/rtp" -suite "$suite" "${pasted[@]}"

# The same pages through ../shared's published-metric scorer (lede's rows, all real pages): the
# figures must equal the table's "all real" rows.
TOOL=../shared/tools/eval_extraction.mjs
if [ -f "$TOOL" ]; then
  "$tmp/rtp" -suite "$suite" "${pasted[@]}" -write "$tmp/aeb"
  go build -o "$tmp/extraction" ./bench/extraction
  echo
  echo "check, ../shared/tools/eval_extraction.mjs on the same pages (all real):"
  for set in rtp rtp-pasted; do
    [ -d "$tmp/aeb/$set" ] || continue
    "$tmp/extraction" -data "$tmp/aeb/$set" -engine lede -out "$tmp/lede-$set.json" 2>/dev/null
    node "$TOOL" --data "$tmp/aeb/$set" --predictions "$tmp/lede-$set.json" --bootstrap 0 --name "lede on $set" | sed -n '1p;3p'
  done
  # The renderer against the set it imitates: the AEB dev pages rendered afresh must give the
  # dev-pasted texts byte for byte (about half a minute).
  if [ ${#pasted[@]} -gt 0 ] && [ -d ../shared/data/article-extraction/dev-pasted/text ]; then
    node bench/extraction/pasted.mjs --check-aeb ../shared/data/article-extraction/dev ../shared/data/article-extraction/dev-pasted
  fi
else
  echo "(no check by ../shared/tools/eval_extraction.mjs: ../shared not found)"
fi

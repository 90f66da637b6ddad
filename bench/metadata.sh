#!/usr/bin/env bash
# bench/metadata.sh — title, byline and published date on Mozilla Readability's regression
# pages (test-pages/*/source.html and expected-metadata.json, shipped inside the go-readability
# module go.mod requires: no ../shared needed). lede (internal/article) and go-readability
# v2.1.3 run in process (bench/metadata), Readability.js 0.6.0 + linkedom under node
# (bench/metadata/readability.mjs), scored by the same matchers (bench/metadata/match.go:
# title after case/punctuation folding or with an affix the page marks as its site's name cut;
# byline as the same set of people; date as the same calendar day, against the metadata date and
# against hand labels of the date each real page shows, bench/metadata/dates.tsv). Real pages and synthetic
# unit pages (source.html under 8 KiB) are counted apart; the real pages are split in halves
# A and B by sorted folder name. go-readability and Readability.js are in sample: this is their
# own regression suite. Rules: docs/extraction.md, "Metadata on Readability's test pages".
# Run it with ./build.sh bench metadata.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/internal/rtpages/suite.sh # sets $suite, or skips
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/metadata" ./bench/metadata
js=()
if [ -d node_modules/@mozilla/readability ] && [ -d node_modules/linkedom ]; then
  node bench/metadata/readability.mjs "$suite" "$tmp/readability.json" && js=(-js "$tmp/readability.json")
else
  echo "(no Readability.js rows: node_modules/@mozilla/readability or linkedom missing; run npm ci)"
fi
echo "== metadata on Readability's test pages ($suite), $(date -u +%Y-%m-%d)"
"$tmp/metadata" -suite "$suite" "${js[@]}"

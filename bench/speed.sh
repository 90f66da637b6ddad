#!/usr/bin/env bash
# Engine speed (native, wasm under Node, compromise as the baseline in the same run) and the size
# of what the browser downloads. Inputs: the articles the repository's tests use, and the sample
# articles in ../shared/samples when present.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:$(go env GOROOT)/lib/wasm"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
inputs=(internal/api/testdata/article.txt internal/keyphrase/testdata/harbour.txt)
if compgen -G "../shared/samples/*.txt" >/dev/null; then inputs+=(../shared/samples/*.txt); else echo "note: ../shared/samples not found; timing the repository's own articles only"; fi
echo "inputs: ${inputs[*]}"
echo "machine: $(nproc) cores, $(go version | cut -d' ' -f3), node $(node --version)"

echo; echo "## native (go run ./bench/speed)"
go build -o "$tmp/speed" ./bench/speed && "$tmp/speed" -n 200 "${inputs[@]}"
echo; echo "## wasm under Node (GOOS=js GOARCH=wasm)"
GOOS=js GOARCH=wasm go build -o "$tmp/speed.wasm" ./bench/speed && go_js_wasm_exec "$tmp/speed.wasm" -n 100 "${inputs[@]}"
echo; echo "## baseline: compromise $(node -p "require('./node_modules/compromise/package.json').version") in Node"
N=100 node bench/speed/compromise.mjs "${inputs[@]}"

echo; echo "## size of the page's engine"
GOOS=js GOARCH=wasm go build -trimpath -ldflags='-s -w' -o "$tmp/lede.wasm" ./wasm/lede
node -e '
const fs=require("fs"),z=require("zlib");const b=fs.readFileSync(process.argv[1]);
const kb=n=>(n/1024).toFixed(0)+" KB";
console.log("| lede.wasm | raw "+kb(b.length)+" | gzip -9 "+kb(z.gzipSync(b,{level:9}).length)+" | brotli "+kb(z.brotliCompressSync(b).length)+" |");' "$tmp/lede.wasm"
echo; echo "## embedded models"
find internal -type f \( -name '*.bin' -o -name '*.gz' -o -name '*.model' -o -name '*.tsv' \) -size +1k -exec ls -l {} \; | awk '{printf "| %s | %.0f KB |\n", $9, $5/1024}'

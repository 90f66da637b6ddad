#!/usr/bin/env bash
# Language identification (internal/lang, docs/models/lang.md): accuracy on the committed
# multilingual fixture (apt's messages in twelve languages), no English misread on the English
# benchmarks of ../shared/data (skipped without it), the model's size, and its cost next to a whole
# analysis, natively and in wasm under Node (best of 3; compare the ratio, not the times).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:$(go env GOROOT)/lib/wasm"
echo "machine: $(nproc) cores, $(go version | cut -d' ' -f3), node $(node --version), $(date -u +%F)"
echo
echo "### Multilingual fixture (internal/lang/testdata/apt.tsv)"
go test -count=1 -run '^TestFixture$' -v ./internal/lang | grep -E 'apt messages|as reported|joined' | sed 's/^ *lang_test.go:[0-9]*: /- /'
echo
echo "### English benchmarks"
if [ -d ../shared/data ]; then
  go run ./bench/language -data ../shared/data | grep '^|'
else
  echo "skipped: ../shared/data not found"
fi
echo
echo "### Size"
node -e 'const z=require("zlib"),fs=require("fs");const b=fs.readFileSync("internal/lang/lang.bin");
console.log(`internal/lang/lang.bin: ${b.length} bytes raw, ${z.gzipSync(b,{level:9}).length} gzip, ${z.brotliCompressSync(b,{params:{[z.constants.BROTLI_PARAM_QUALITY]:11}}).length} brotli`)'
echo
echo "### Speed: lang.Annotate and engine.Analyze on ../shared/samples/korea-us-summit.txt"
echo
echo "| target | lang.Annotate µs | engine.Analyze ms | lang's share |"
echo "|---|---:|---:|---:|"
best() { awk '/^Benchmark/ { if (b == "" || $3 < b) b = $3 } END { print b }'; }
for target in native wasm; do
  if [ "$target" = wasm ]; then env=(GOOS=js GOARCH=wasm); n=10x; else env=(); n=1s; fi
  l=$(env "${env[@]}" go test -run '^$' -bench '^BenchmarkAnnotate$' -count 3 ./internal/lang | best)
  e=$(env "${env[@]}" go test -run '^$' -bench '^BenchmarkAnalyze$' -benchtime "$n" -count 3 ./internal/engine | best)
  if [ -z "$l" ] || [ -z "$e" ]; then echo "| $target | skipped: ../shared/samples not found | | |"; continue; fi
  awk -v t="$target" -v l="$l" -v e="$e" 'BEGIN { printf "| %s | %.0f | %.1f | %.1f%% |\n", t, l/1000, e/1e6, 100*l/e }'
done

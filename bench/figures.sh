#!/usr/bin/env bash
# Speed of the figure and quote passes (packages internal/figure and internal/quote), natively
# and in wasm under Node, on the synthetic figure- and quote-dense paragraphs of their
# bench_test.go (no data needed). Their quality has no public gold set; it is pinned by the
# table-driven tests in those packages (see docs/figures.md).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:$(go env GOROOT)/lib/wasm"
echo "machine: $(nproc) cores, $(go version | cut -d' ' -f3), node $(node --version), $(date -u +%F)"
echo
echo "| pass | target | sentences/s | MB/s | B/op | allocs/op |"
echo "|---|---|---|---|---|---|"
for target in native wasm; do
  if [ "$target" = wasm ]; then env=(GOOS=js GOARCH=wasm); else env=(); fi
  for pkg in figure quote; do
    env "${env[@]}" go test -run '^$' -bench BenchmarkAnnotate -benchmem -count 3 "./internal/$pkg/" |
      awk -v pkg="$pkg" -v target="$target" '/^BenchmarkAnnotate/ {
          for (i = 1; i <= NF; i++) { if ($i == "sentences/s") s = $(i-1); if ($i == "MB/s") m = $(i-1);
            if ($i == "B/op") b = $(i-1); if ($i == "allocs/op") a = $(i-1) }
          if (s > best) { best = s; bm = m; bb = b; ba = a } }
        END { printf "| %s.Annotate | %s | %d | %s | %s | %s |\n", pkg, target, best, bm, bb, ba }'
  done
done
echo
echo "best of 3 runs each; compare rows of one run, not across machines"

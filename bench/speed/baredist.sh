#!/usr/bin/env bash
# baredist.sh DIST OUT — a "bare dist": a copy of DIST (go run ./cmd/lede-dist -out DIST) whose
# lede.wasm is bench/speed/bare/engine and, when DIST has a worker, whose worker/app.wasm is
# bench/speed/bare/worker: the same page, lede.mjs, lede-worker.js, worker.mjs and wasm_exec.js,
# around the smallest Go wasm programs that answer lede's calls (with an empty report). What it
# costs on a path is the floor Go's wasm port, V8 and the glue set there (package
# bench/speed/bare). Both are built as lede-dist builds lede's: -trimpath -ldflags='-s -w'.
# The one-file build (lede.html) keeps lede's engine inside it; nothing here measures it.
set -euo pipefail
[ $# -eq 2 ] && [ -f "$1/lede.wasm" ] || { echo "usage: bench/speed/baredist.sh DIST OUT (DIST from go run ./cmd/lede-dist -out DIST)" >&2; exit 2; }
src=$(cd "$1" && pwd)
cd "$(dirname "$0")/../.."
rm -rf "$2"; mkdir -p "$2"
cp -r "$src/." "$2/"
GOOS=js GOARCH=wasm go build -trimpath -ldflags='-s -w' -o "$2/lede.wasm" ./bench/speed/bare/engine
if [ -f "$2/worker/app.wasm" ]; then
  GOOS=js GOARCH=wasm CGO_ENABLED=0 go build -trimpath -ldflags='-s -w' -o "$2/worker/app.wasm" ./bench/speed/bare/worker
fi

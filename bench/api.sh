#!/usr/bin/env bash
# bench/api.sh — load test of the HTTP API on loopback: `lede serve` (native Go)
# and the Cloudflare Worker on a local workerd (wrangler dev), with the sample
# article. Prints a Markdown table (docs/benchmarks.md, "HTTP API").
#
#   ./build.sh bench api          (or: bash bench/api.sh, from the repository root)
#   LEDE_BENCH_N=2000 LEDE_BENCH_WORKER=0 ./build.sh bench api   (quicker: native rows only)
#
# Bounded: every server runs under `timeout`, every client run stops at its
# own time limit, and nothing listens beyond 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
SAMPLE=../shared/samples/korea-us-summit.txt
if [ ! -f "$SAMPLE" ]; then
  echo "skipped: $SAMPLE not found"
  exit 0
fi
export WRANGLER_SEND_METRICS=false CLOUDFLARE_CF_FETCH_ENABLED=false NO_COLOR=1
N=${LEDE_BENCH_N:-10000}         # requests for the native server's memory run
NW=${LEDE_BENCH_NW:-1000}        # requests for the worker's throughput run
C=${LEDE_BENCH_C:-4}             # requests at once
NS=${LEDE_BENCH_NS:-1000}        # requests for the slow-loris and overload runs
DIST=${LEDE_DIST:-dist}          # the build to serve (a copy, say)
LEDE=${LEDE_BIN:-./lede}         # the CLI binary

TMP=$(mktemp -d)
PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill -- "-$p" 2>/dev/null || kill "$p" 2>/dev/null || true; done
  rm -rf "$TMP"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_up() { # URL
  for _ in $(seq 1 360); do
    curl -sf -m 2 "$1/healthz" >/dev/null 2>&1 && return 0
    sleep 0.25
  done
  echo "server at $1 did not come up" >&2
  return 1
}
# descendants PID: the process ids below PID (workerd runs under wrangler).
descendants() {
  local kids
  kids=$(ps -o pid= --ppid "$1" 2>/dev/null || true)
  for k in $kids; do echo "$k"; descendants "$k"; done
}

[ -x "$LEDE" ] || go build -o "$LEDE" ./cmd/lede
go build -o "$TMP/client" ./bench/api
if [ ! -f "$DIST/worker/app.wasm" ]; then
  go run ./wasm/worker/build -out "$DIST/worker" >&2
fi

echo "| server | path | requests | at once | req/s | p50 ms | p99 ms | errors | server CPU ms/req | server RSS MiB before → after |"
echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---|"

# 1. lede serve, native.
PORT=$(free_port)
setsid timeout 2400 "$LEDE" serve --addr "127.0.0.1:$PORT" --dir "$DIST" 2>"$TMP/serve.log" &
SERVE=$!
PIDS+=("$SERVE")
wait_up "http://127.0.0.1:$PORT"
LEDE_PID=$(pgrep -P "$SERVE" || echo "$SERVE")
B="http://127.0.0.1:$PORT"
"$TMP/client" -label "lede serve" -url "$B" -file "$SAMPLE" -n 200 -c 1 -warmup 50 -pid "$LEDE_PID"
"$TMP/client" -label "lede serve" -url "$B" -file "$SAMPLE" -n "$N" -c "$C" -warmup 500 -timeout 15m -pid "$LEDE_PID"
"$TMP/client" -label "lede serve" -url "$B" -path /healthz -n 2000 -c 1 -warmup 50 -pid "$LEDE_PID"
"$TMP/client" -label "lede serve" -url "$B" -file "$SAMPLE" -batch 20 -n 200 -c 1 -warmup 5 -pid "$LEDE_PID"
# Robustness (docs/security.md): 50 slow-loris connections held open while
# the sample is analysed (they are cut at the 10 s read-header time-out, the
# others are served with 0 errors); then 16 clients at once against the
# default bound of 2 analyses per CPU: the excess is shed with 503 +
# Retry-After, and nothing else fails. RSS before → after shows it flat.
"$TMP/client" -label "lede serve" -url "$B" -file "$SAMPLE" -n "$NS" -c 2 -warmup 5 -slow 50 -pid "$LEDE_PID"
"$TMP/client" -label "lede serve, overload" -url "$B" -file "$SAMPLE" -n "$NS" -c 16 -warmup 0 -shed -pid "$LEDE_PID"
if [ "${LEDE_BENCH_WORKER:-1}" = 0 ]; then
  echo
  echo "($(date -u +%Y-%m-%d), $(nproc) cores, $(go version | cut -d' ' -f3); sample: $(wc -c <"$SAMPLE") bytes; worker rows skipped: LEDE_BENCH_WORKER=0)"
  exit 0
fi

# 2. The worker on workerd (wrangler dev, local mode, no login, no network).
if [ ! -f node_modules/wrangler/wrangler-dist/cli.js ]; then
  echo "skipped the worker rows: node_modules/wrangler is missing (npm ci)"
  exit 0
fi
PORT=$(free_port)
IPORT=$(free_port)
(cd "$DIST/worker" && exec setsid timeout 2400 node "$ROOT/node_modules/wrangler/wrangler-dist/cli.js" dev --local \
  --ip 127.0.0.1 --port "$PORT" --inspector-port "$IPORT" --persist-to "$TMP/state" \
  --show-interactive-dev-session=false) >"$TMP/wrangler.log" 2>&1 &
WR=$!
PIDS+=("$WR")
B="http://127.0.0.1:$PORT"
wait_up "$B" || { cat "$TMP/wrangler.log" >&2; exit 1; }
WORKERD=$(for p in $(descendants "$WR"); do [ "$(ps -o comm= -p "$p")" = workerd ] && echo "$p"; done | paste -sd, -)
"$TMP/client" -label "worker (workerd)" -url "$B" -path /healthz -n 100 -c 1 -warmup 5 -pid "$WORKERD"
"$TMP/client" -label "worker (workerd)" -url "$B" -file "$SAMPLE" -n 100 -c 1 -warmup 5 -pid "$WORKERD"
"$TMP/client" -label "worker (workerd)" -url "$B" -file "$SAMPLE" -n "$NW" -c "$C" -warmup 20 -timeout 15m -pid "$WORKERD"
"$TMP/client" -label "worker (workerd)" -url "$B" -file "$SAMPLE" -batch 20 -n 50 -c 1 -warmup 2 -pid "$WORKERD"
echo
echo "($(date -u +%Y-%m-%d), $(nproc) cores, $(go version | cut -d' ' -f3); sample: $(wc -c <"$SAMPLE") bytes; CPU ms/req from /proc/PID/stat of the server process(es))"

#!/usr/bin/env bash
# floor.sh — lede against the floor: its dist and a bare dist (bench/speed/baredist.sh: the same
# glue around the smallest Go wasm programs that answer lede's calls), on the three start-up paths
# of issue 11, runs alternating so that the machine's load falls on both alike. The measurements
# behind docs/speed-log.md, "The floor: a bare Go wasm, fourteenth round"; ./build.sh bench speed
# shows the floor as a column of its own, with fewer runs.
#
#   bench/speed/floor.sh [OUT]      raw results in OUT (default a temporary folder), tables on stdout
#
#   LEDE=DIST  lede's dist to measure (default: go run ./cmd/lede-dist, this checkout)
#   RUNS=N     cold processes (Node), page visits and startup.mjs runs per build (default 7)
#   WRUNS=N    workerd.mjs runs (each a fresh wrangler dev per build; default 5)
#   ONLY="node startup page workerd"   the parts to run; add "instructions" for the instruction
#              counts of whole `node.mjs first` processes under valgrind (load-independent; ≈ 5 min)
set -euo pipefail
cd "$(dirname "$0")/../.."
export PATH="$PATH:$(go env GOROOT)/lib/wasm"
RUNS=${RUNS:-7}; WRUNS=${WRUNS:-5}
ONLY=${ONLY:-"node startup page workerd"}
want() { [[ " $ONLY " == *" $1 "* ]]; }
out=${1:-$(mktemp -d)}; mkdir -p "$out"
sample=../shared/samples/korea-us-summit.txt
[ -f "$sample" ] || { echo "floor.sh needs $sample (../shared)" >&2; exit 1; }
lede=${LEDE:-}
if [ -z "$lede" ]; then lede=$out/lede; go run ./cmd/lede-dist -out "$lede" >/dev/null 2>&1; fi
bench/speed/baredist.sh "$lede" "$out/bare"
load() { echo "load: $(cut -d' ' -f1-3 /proc/loadavg) at $(date -u '+%F %H:%M:%S UTC')"; }
echo "machine: $(nproc) cores, $(go version | cut -d' ' -f3), node $(node --version); lede: $lede; bare: $out/bare; raw results: $out"

stat() { # median (min–max) of the numbers on stdin
  sort -g | awk '{a[NR]=$1} END {if (NR) printf "%.1f (%.1f–%.1f)", a[int((NR+1)/2)], a[1], a[NR]}'
}

if want node; then
  echo; echo "## node bench/speed/node.mjs first DIST $sample, $RUNS cold processes each, alternating"; load
  : >"$out/first.lede"; : >"$out/first.bare"
  for _ in $(seq "$RUNS"); do
    for b in lede bare; do
      d=$lede; [ $b = bare ] && d=$out/bare
      node bench/speed/node.mjs first "$d" "$sample" >>"$out/first.$b"
    done
  done
  load
  for b in lede bare; do
    ms=$(node -e 'for (const l of require("fs").readFileSync(process.argv[1],"utf8").trim().split("\n")) console.log(JSON.parse(l).ms)' "$out/first.$b" | stat)
    cpu=$(node -e 'for (const l of require("fs").readFileSync(process.argv[1],"utf8").trim().split("\n")) console.log(JSON.parse(l).cpu)' "$out/first.$b" | stat)
    echo "$b: wall ms $ms; process CPU ms $cpu"
  done
fi

if want startup; then
  echo; echo "## node [FLAGS] bench/speed/startup.mjs -n $RUNS $sample lede=... bare=... (median (min, max) ms)"
  for flags in "" "--liftoff-only" "--no-wasm-lazy-compilation" "--liftoff-only --no-wasm-lazy-compilation" "--v8-pool-size=1"; do
    echo "flags: ${flags:-(none)}"; load
    # shellcheck disable=SC2086
    node $flags bench/speed/startup.mjs -n "$RUNS" "$sample" lede="$lede" bare="$out/bare" | tee -a "$out/startup.jsonl"
  done
  echo "flags: -inittrace (the Go start split: runtime, then every package's init)"; load
  node bench/speed/startup.mjs -n "$RUNS" -inittrace "$sample" lede="$lede" bare="$out/bare" | tee -a "$out/startup.jsonl"
  echo "flags: -idle (no analysis: the start's CPU and what V8 compiles in the background in 1.5 s)"; load
  node bench/speed/startup.mjs -n "$RUNS" -idle "$sample" lede="$lede" bare="$out/bare" | tee -a "$out/startup.jsonl"
  load
fi

if want page; then
  echo; echo "## node bench/speed/page.mjs -n $RUNS lede=... bare=..."; load
  node bench/speed/page.mjs -n "$RUNS" lede="$lede" bare="$out/bare" | tee "$out/page.md"
  load
fi

if want workerd; then
  echo; echo "## node bench/speed/workerd.mjs -n 20 lede=... bare=..., $WRUNS runs (each line one run)"
  for i in $(seq "$WRUNS"); do
    load
    node bench/speed/workerd.mjs -n 20 lede="$lede" bare="$out/bare" | tee "$out/workerd.$i.md" | grep -E '^\| (CPU per /analyze, warm|CPU of the first|wall of the first)' || true
  done
  load
fi

if want instructions; then
  echo; echo "## instructions of a whole process, every thread (valgrind --tool=cachegrind --cache-sim=no), G"
  if command -v valgrind >/dev/null; then
    ir() { valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null "$@" 2>&1 >/dev/null | sed -n 's/.*I *refs: *//p' | tr -d , | awk '{printf "%.3f", $1/1e9}'; }
    echo "node -e 0 (Node's own start): $(ir node -e 0)"
    for flags in "" "--liftoff-only" "--liftoff-only --no-wasm-lazy-compilation"; do
      # shellcheck disable=SC2086
      echo "node ${flags:+$flags }bench/speed/node.mjs first DIST: lede $(ir node $flags bench/speed/node.mjs first "$lede" "$sample"), bare $(ir node $flags bench/speed/node.mjs first "$out/bare" "$sample")"
    done
  else echo "skipped: valgrind missing"; fi
fi

#!/usr/bin/env bash
# ./build.sh bench speed — every figure of issue 11's table, for a "before" build and this one, in
# one run (so that the shared machine's load falls on both), then a scaling table.
#
#   BASE=DIR    the checkout to compare with (default ../base when it exists; BASE=none: one column).
#               Make one with: git worktree add /tmp/base <commit>
#   RUNS=N      rounds per build for the page and Node rows (default 5; medians are shown)
#   DUC_RUNS=N  rounds of the 307 DUC-2001 documents (default 2)
#   SCALE="1000 10000 100000 1000000 8000000"   input sizes of the scaling table (bytes)
#   ONLY="sizes page node duc native workerd scale"   run only these parts (default: all)
#   FLOOR=0     leave out the "bare Go wasm" column (below)
#
# The "bare Go wasm" column is the floor: the after build's dist with lede.wasm and the worker's
# app.wasm swapped for the smallest Go programs that answer lede's calls with an empty report
# (bench/speed/bare, bench/speed/baredist.sh). It shows what Go's wasm port, V8 and the glue cost
# on the sizes, page, first-analyze and workerd rows before lede's own code adds anything; its
# other rows say "—". bench/speed/floor.sh measures it against lede with more runs and splits.
#
# Rows that need ../shared (the sample article, DUC-2001, the Go benchmark's input) or tools that
# may be missing (Chromium, wrangler) say "skipped" and why. Benchmarks report; nothing here fails
# on a time.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:$(go env GOROOT)/lib/wasm"
ROOT=$PWD
RUNS=${RUNS:-5}
SCALE=${SCALE:-"1000 10000 100000 1000000 8000000"}
BASE=${BASE:-}
if [ -z "$BASE" ] && [ -d ../base/cmd/lede-dist ]; then BASE=$(cd ../base && pwd); fi
if [ "$BASE" = none ]; then BASE=; fi
if [ -n "$BASE" ] && [ ! -d "$BASE/cmd/lede-dist" ]; then echo "BASE=$BASE is not a lede checkout" >&2; exit 1; fi
ONLY=${ONLY:-"sizes page node duc native workerd scale"}
want() { [[ " $ONLY " == *" $1 "* ]]; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
res=$tmp/results.tsv; : >"$res"
put() { printf '%s\t%s\t%s\n' "$1" "$2" "$3" >>"$res"; } # row, build, value

echo "machine: $(nproc) cores, $(go version | cut -d' ' -f3), node $(node --version), $(date -u '+%F %H:%M UTC')"
echo "before: ${BASE:-none}; after: $ROOT ($(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet 2>/dev/null || echo ', with uncommitted changes'))"

labels=(after); dirs=("$ROOT")
if [ -n "$BASE" ]; then labels=(before after); dirs=("$BASE" "$ROOT"); fi
for k in "${!labels[@]}"; do
  echo "building ${labels[k]}: go run ./cmd/lede-dist -out $tmp/${labels[k]}" >&2
  (cd "${dirs[k]}" && go run ./cmd/lede-dist -out "$tmp/${labels[k]}" >/dev/null 2>&1)
done
pairs=(); for l in "${labels[@]}"; do pairs+=("$l=$tmp/$l"); done

# The floor: a bare dist from the after build (bench/speed/baredist.sh). A build that fails (no
# wasm toolchain, say) leaves the column out and says so; nothing else changes.
floor=(); flabel="bare Go wasm"
if [ "${FLOOR:-1}" != 0 ] && { want sizes || want page || want node || want workerd; }; then
  if bench/speed/baredist.sh "$tmp/after" "$tmp/bare" >"$tmp/bare.log" 2>&1; then
    floor=("$flabel=$tmp/bare")
    echo "$flabel: the floor, not a build of lede: the after build's page and glue around the smallest Go wasm programs that answer lede's calls with an empty report (bench/speed/bare); its figures are what Go's wasm port, V8 and the glue cost before lede's own code adds anything"
  else
    echo "$flabel: skipped: bench/speed/baredist.sh failed: $(tail -1 "$tmp/bare.log")"
  fi
fi

sample=../shared/samples/korea-us-summit.txt
if [ ! -f "$sample" ]; then
  echo "note: $sample not found: the 3 KB article is internal/api/testdata/article.txt three times"
  sample=$tmp/article3k.txt
  for _ in 1 2 3; do cat internal/api/testdata/article.txt; echo; done >"$sample"
fi
duc=../shared/data/keyphrases/duc2001/docs
median() { sort -g | awk '{a[NR]=$1} END {if (NR) print a[int((NR+1)/2)]}'; }
json() { node -e 'const o=JSON.parse(require("fs").readFileSync(0,"utf8"));console.log(process.argv.slice(1).map(k=>o[k]).join(" "))' "$@"; }

if want sizes; then
echo; echo "## what the page downloads (brotli, zlib quality 11 as a pre-compressing server sends it)"
node -e '
const fs=require("fs"),path=require("path"),z=require("zlib");
const kinds=[["HTML (index.html)",f=>f==="index.html"],["CSS",f=>f.endsWith(".css")],
  ["JS (page, API, worker, wasm_exec)",f=>/\.m?js$/.test(f)&&!["sw.js","widget.mjs"].includes(f)],["lede.wasm",f=>f.endsWith(".wasm")]];
const rows=process.argv.slice(1).map(a=>a.split("=")), out={};
for(const [l,d] of rows){const files=fs.readdirSync(d);out[l]=kinds.map(([,t])=>files.filter(t).reduce((s,f)=>s+z.brotliCompressSync(fs.readFileSync(path.join(d,f))).length,0));}
console.log("| file kind | "+rows.map(r=>r[0]).join(" | ")+" |\n|---|"+rows.map(()=>"---:").join("|")+"|");
kinds.forEach(([k],i)=>console.log("| "+k+" | "+rows.map(([l])=>(out[l][i]/1e3).toFixed(1)+" KB").join(" | ")+" |"));
console.log("| all of the above | "+rows.map(([l])=>(out[l].reduce((a,b)=>a+b)/1e6).toFixed(3)+" MB").join(" | ")+" |");
' "${pairs[@]}" "${floor[@]}"
echo
echo "lede.wasm by part (go run ./bench/wasmsize -parts, built with its names; each part compressed alone, so parts sum to more than the whole):"
for k in "${!labels[@]}"; do
  echo; echo "${labels[k]}:"
  go run ./bench/wasmsize -dir "${dirs[k]}" -parts
done
fi

if want page; then
echo; echo "## cold page → first result (headless Chromium, localhost): bench/speed/page.mjs"
if [ -f bench/speed/page.mjs ] && command -v chromium >/dev/null; then
  node bench/speed/page.mjs -n "$RUNS" "${pairs[@]}" "${floor[@]}" | tee "$tmp/page.md" || echo "page: failed (see above)"
else echo "skipped: bench/speed/page.mjs or chromium missing"; fi
fi

if want node; then
echo; echo "## Node: dist/lede.mjs (worker_thread + wasm), input $sample ($(wc -c <"$sample") bytes)"
# Every Node row runs the builds in turn, before/after/before/after..., so that the machine's load
# falls on both alike; the rows give medians over the rounds.
for _ in $(seq "$RUNS"); do
  for k in "${!labels[@]}"; do
    l=${labels[k]}
    node bench/speed/node.mjs first "$tmp/$l" "$sample" | json ms >>"$tmp/first.$l"
    node bench/speed/node.mjs warm "$tmp/$l" "$sample" 50 | json p50 p95 >>"$tmp/warm.$l"
    node bench/speed/node.mjs warm "$tmp/$l" "$sample" 100 200 | json p50 p95 >>"$tmp/steady.$l"
  done
  # the floor's first analysis only: its warm analyses are empty reports, not a figure
  if [ ${#floor[@]} -gt 0 ]; then node bench/speed/node.mjs first "$tmp/bare" "$sample" | json ms >>"$tmp/first.bare"; fi
done
firstRow="first analyze() in Node: import + instantiate + model load + one analysis, ms (median of $RUNS cold processes)"
if [ ${#floor[@]} -gt 0 ]; then put "$firstRow" "$flabel" "$(median <"$tmp/first.bare" | xargs printf '%.0f')"; fi
for l in "${labels[@]}"; do
  put "$firstRow" "$l" "$(median <"$tmp/first.$l" | xargs printf '%.0f')"
  put "warm article in Node ($(wc -c <"$sample") bytes), p50 / p95 ms (median over $RUNS processes of 50 analyses each)" "$l" \
    "$(printf '%.1f / %.1f' "$(cut -d' ' -f1 "$tmp/warm.$l" | median)" "$(cut -d' ' -f2 "$tmp/warm.$l" | median)")"
  put "… the same once V8 has optimised the engine: p50 / p95 ms of 100 analyses after 200 (median over $RUNS processes)" "$l" \
    "$(printf '%.1f / %.1f' "$(cut -d' ' -f1 "$tmp/steady.$l" | median)" "$(cut -d' ' -f2 "$tmp/steady.$l" | median)")"
done
fi

if want duc; then
if [ -d "$duc" ]; then
  DUC_RUNS=${DUC_RUNS:-2}
  for _ in $(seq "$DUC_RUNS"); do
    node bench/speed/node.mjs compromise - "$duc" | json ms >>"$tmp/duc.compromise"
    for l in "${labels[@]}"; do node bench/speed/node.mjs docs "$tmp/$l" "$duc" | json ms >>"$tmp/duc.$l"; done
  done
  cms=$(median <"$tmp/duc.compromise")
  for l in "${labels[@]}"; do
    ms=$(median <"$tmp/duc.$l")
    put "307 DUC-2001 docs through dist/lede.mjs, warm: s (compromise $(printf '%.1f' "$(echo "$cms/1000" | bc -l)") s in the same run; lede's speed ÷ compromise's; median of $DUC_RUNS)" "$l" \
      "$(printf '%.1f s (%.2f×)' "$(echo "$ms/1000" | bc -l)" "$(echo "$cms/$ms" | bc -l)")"
  done
else
  put "307 DUC-2001 docs through dist/lede.mjs vs compromise" after "skipped: $duc not found"
fi
fi

if want native; then
echo; echo "## native engine: go test -run '^\$' -bench 'Analyze\$' -benchtime 2s ./internal/engine, builds in turn, best of 3"
for _ in 1 2 3; do
  for k in "${!labels[@]}"; do
    (cd "${dirs[k]}" && nice -n 10 go test -run '^$' -bench 'Analyze$' -benchtime 2s ./internal/engine 2>&1 || true) |
      awk '/^BenchmarkAnalyze/ {for (i=1;i<=NF;i++) {if ($i=="MB/s") m=$(i-1); if ($i=="ns/op") n=$(i-1)}; print m, n/1e6}' >>"$tmp/native.${labels[k]}"
  done
done
for l in "${labels[@]}"; do
  best=$(sort -g -r "$tmp/native.$l" | head -1)
  put "native engine throughput, MB/s (ms per sample article)" "$l" "$(if [ -n "$best" ]; then printf '%s (%.2f ms)' ${best}; else echo 'skipped (needs ../shared)'; fi)"
done
fi

if want workerd; then
echo; echo "## workerd: bench/speed/workerd.mjs"
if [ -f bench/speed/workerd.mjs ]; then
  node bench/speed/workerd.mjs -n 20 "${pairs[@]}" "${floor[@]}" | tee "$tmp/workerd.md" || echo "workerd: failed (see above)"
else echo "skipped: bench/speed/workerd.mjs missing"; fi
fi

echo; echo "## issue 11's rows, side by side (page and workerd rows: the tables above)"
node -e '
const lines=require("fs").readFileSync(process.argv[1],"utf8").trim().split("\n").filter(Boolean).map(l=>l.split("\t"));
const labels=process.argv.slice(2), rows=[...new Set(lines.map(l=>l[0]))];
console.log("| figure | "+labels.join(" | ")+" |\n|---|"+labels.map(()=>"---:").join("|")+"|");
for(const r of rows)console.log("| "+r+" | "+labels.map(l=>(lines.find(x=>x[0]===r&&x[1]===l)||[,,"—"])[2]).join(" | ")+" |");
' "$res" "${labels[@]}" "${floor[@]%%=*}"

if want scale; then
echo; echo "## scaling (this build): the fastest of 5 analyses (3 from 1 MB, 1 at 8 MB) of an input of each size, a fresh process each (wasm: after 150 analyses of the input's first 4 KB)"
src=("$duc"); [ -d "$duc" ] || src=(../shared/samples/*.txt internal/api/testdata/article.txt internal/keyphrase/testdata/harbour.txt)
echo "input: the texts of ${src[*]} one after another, round again with \"(r) \" before each paragraph (bench/speed/main.go scaleInput)"
echo "native: go build ./bench/speed, -scale; wasm: bench/speed/node.mjs scale through dist/lede.mjs, the same bytes; peak = the process's peak RSS (VmHWM / maxRSS)"
go build -o "$tmp/speed" ./bench/speed
echo "| input | words in the body | native ms | native peak RSS | wasm (Node) ms | Node peak RSS | native time ÷ previous row | wasm time ÷ previous row |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|"
pn=; pw=
for n in $SCALE; do
  read -r nb nms nrss nwords < <("$tmp/speed" -scale "$n" -dump "$tmp/scale.txt" "${src[@]}" 2>/dev/null | json bytes ms maxRSS words || echo "0 0 0 0")
  read -r wms wrss < <(node bench/speed/node.mjs scale "$tmp/after" "$tmp/scale.txt" 2>/dev/null | json ms maxRSS || echo "0 0")
  rn=; rw=
  if [ -n "$pn" ]; then rn=$(printf '%.1f×' "$(echo "$nms/$pn" | bc -l)"); rw=$(printf '%.1f×' "$(echo "$wms/$pw" | bc -l)"); fi
  printf '| %s B | %s | %.0f | %.0f MB | %.0f | %.0f MB | %s | %s |\n' "$nb" "$nwords" "$nms" "$(echo "$nrss/1000000" | bc -l)" "$wms" "$(echo "$wrss/1000000" | bc -l)" "$rn" "$rw"
  pn=$nms; pw=$wms
done
echo "(sizes grow 10× a row, the last 8×: 10× the input should cost at most 12× the time. From about 1 MB the article"
echo "pass keeps one article's worth of body and sets the rest aside as boilerplate, so the big rows time what a paste of"
echo "that size costs, not tagging throughput.)"
fi

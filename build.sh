#!/usr/bin/env bash
# build.sh — the one entry point for building, serving, testing and measuring lede.
#
#   ./build.sh serve      build everything, then serve dist/ and the API on http://127.0.0.1:8080
#   ./build.sh test       every test: Go, Go under WebAssembly, browser end-to-end, worker
#   ./build.sh dist       the minified build in dist/
#   ./build.sh deploy [ARGS]   build, then `wrangler deploy` dist/worker (the page + the API) to Cloudflare
#   ./build.sh bench [NAME...]   benchmarks (bench/NAME.sh; all when no name is given)
#   ./build.sh models     retrain every model from ../shared/data (cmd/train-*)
#   ./build.sh fuzz [SECONDS] [PATTERN]   run every Go fuzz target (or those matching PATTERN)
#                         for SECONDS each (default 30); crashers land in testdata/fuzz/
#
# It installs what it needs itself (Debian's chromium, npm packages from the lock file) and
# downloads no toolchain or browser of its own.
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$PWD
export PATH="$PATH:$(go env GOROOT)/lib/wasm"   # go_js_wasm_exec: runs GOOS=js tests in Node
export WRANGLER_SEND_METRICS=false CLOUDFLARE_CF_FETCH_ENABLED=false

say() { printf '\n== %s\n' "$*" >&2; }

# need_npm installs the development Node packages from package-lock.json once.
# A node_modules that is a symlink (a worktree sharing another checkout's packages) is left alone:
# npm ci empties the directory it points to before it notices the link, which wipes the shared copy.
need_npm() {
  if [ -L node_modules ]; then
    if [ package-lock.json -nt node_modules/.package-lock.json ]; then
      say "node_modules is a shared symlink: not running npm ci (run it where the link points if the lock changed)"
    fi
    return
  fi
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    say "npm ci"
    npm ci --no-audit --no-fund >&2
  fi
}

# need_chromium installs Debian's Chromium when it is missing.
need_chromium() {
  if ! command -v chromium >/dev/null 2>&1; then
    say "installing Debian's chromium"
    if [ "$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi
    $SUDO apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >&2
  fi
}

# build_dist writes dist/: the wasm engine, the page, the widget, the one-file build, the worker.
build_dist() {
  say "building dist/"
  go run ./cmd/lede-dist -out dist
}

build_cli() {
  go build -o lede ./cmd/lede
}

case "${1:-}" in
  dist)
    build_dist
    ;;
  deploy)
    shift
    need_npm
    build_dist
    say "wrangler deploy (dist/worker; \`npx wrangler login\` once first)"
    cd dist/worker
    exec "$ROOT/node_modules/.bin/wrangler" deploy "$@"
    ;;
  serve)
    build_dist
    build_cli
    say "serving http://127.0.0.1:8080 (Ctrl+C stops)"
    exec ./lede serve --addr 127.0.0.1:8080 --dir dist
    ;;
  test)
    say "gofmt and go vet"
    bad=$(gofmt -l $(git ls-files '*.go' 2>/dev/null || find . -name '*.go' -not -path './node_modules/*'))
    if [ -n "$bad" ]; then echo "gofmt would change: $bad" >&2; exit 1; fi
    go vet ./...
    say "go test (native)"
    go test -count=1 ./...
    say "go test (GOOS=js GOARCH=wasm, run in Node)"
    GOOS=js GOARCH=wasm go test -count=1 ./internal/...
    need_npm
    need_chromium
    build_dist
    build_cli
    say "node tests: browser end-to-end, worker and bench helpers (*.test.mjs)"
    mapfile -t tests < <(find web wasm cmd internal bench -name '*.test.mjs' -not -path '*/node_modules/*' | sort)
    node --test --test-concurrency=1 "${tests[@]}"
    ;;
  bench)
    shift
    need_npm
    build_cli
    names=("$@")
    if [ ${#names[@]} -eq 0 ]; then
      for f in bench/*.sh; do names+=("$(basename "$f" .sh)"); done
    fi
    for n in "${names[@]}"; do
      [ -f "bench/$n.sh" ] || { echo "no benchmark '$n': see bench/*.sh" >&2; exit 1; }
      say "bench $n"
      bash "bench/$n.sh"
    done
    ;;
  fuzz)
    # Each target explores for the budget with one worker at low priority
    # (FUZZ_PARALLEL=N for more); a crasher is written to the package's
    # testdata/fuzz/FuzzName/ and from then on runs in every `go test`:
    # commit it with the fix. docs/security.md lists the targets.
    secs=${2:-30}
    pattern=${3:-.}
    fails=0
    while IFS=: read -r file name; do
      pkg=./$(dirname "$file")
      [[ "$pkg $name" =~ $pattern ]] || continue
      say "fuzz $pkg $name (${secs}s)"
      if ! nice -n 10 go test -run='^$' -fuzz="^${name}\$" -fuzztime="${secs}s" -parallel "${FUZZ_PARALLEL:-1}" "$pkg"; then
        fails=$((fails + 1))
      fi
    done < <(grep -r -o -E '^func Fuzz[A-Za-z0-9_]+' --include='*_test.go' internal cmd wasm | sed 's/:func /:/' | sort)
    [ "$fails" -eq 0 ] || { echo "$fails fuzz target(s) failed: see testdata/fuzz/ in their packages" >&2; exit 1; }
    ;;
  models)
    # the keyphrase ranker last: it is trained on what the engine (every other model) reads
    for d in $(ls -d cmd/train-*/ | grep -v train-keyphrases) cmd/train-keyphrases/; do
      say "go run ./$d"
      go run "./$d"
    done
    ;;
  *)
    sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac

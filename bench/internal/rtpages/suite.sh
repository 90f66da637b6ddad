# bench/internal/rtpages/suite.sh — sourced by the benchmarks that read Mozilla Readability's
# regression pages (bench/metadata.sh, bench/extraction-rtp.sh): sets $suite to the test-pages
# folder inside the go-readability module go.mod requires, or says why it skips and exits the
# calling script with 0. The Go side of the same pages: rtpages.go.
mod=$(go list -m -f '{{.Dir}}' codeberg.org/readeck/go-readability/v2 2>/dev/null || true)
suite=$mod/test-pages
if [ -z "$mod" ] || [ ! -d "$suite" ]; then
  echo "skipped: go-readability's module folder (and its test-pages/) not found: run go mod download codeberg.org/readeck/go-readability/v2"
  exit 0
fi

// Package rtpages lists Mozilla Readability's regression pages, the
// test-pages/ folder that ships inside the go-readability module go.mod
// requires (go list -m -f '{{.Dir}}' codeberg.org/readeck/go-readability/v2).
// Each page folder holds source.html (the page as saved), expected.html
// (Readability's article) and expected-metadata.json. bench/metadata and
// bench/rtp read the suite through this one lister, so both benchmarks see
// the same pages, the same real/synthetic split and the same halves
// (docs/extraction.md, "Metadata on Readability's test pages"):
//
//   - Synthetic pages: a source.html under 8 KiB is one of Readability's
//     hand-written unit pages (Lorem ipsum, "RTL Test", …); every page saved
//     from a real site is larger (the smallest, daringfireball-1, is 10 KB).
//   - Halves: the page folders in sorted order, even index half A, odd half
//     B, synthetic pages included in the count (fixed before any rule was
//     tuned: rules may be read off half A's errors only; half B is measured
//     once per rule).
package rtpages

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
)

// SyntheticBytes: a source.html under this size is a hand-written unit page.
const SyntheticBytes = 8 << 10

// Page is one page folder of the suite.
type Page struct {
	Name      string // the folder's name, e.g. "bbc-1"
	Dir       string // the folder
	Source    string // source.html
	Synthetic bool   // source.html is under SyntheticBytes
	Half      string // "A" or "B"
}

// List reads every page folder of suite that has an expected-metadata.json,
// in sorted order, with its source.html and its half.
func List(suite string) ([]Page, error) {
	entries, err := os.ReadDir(suite)
	if err != nil {
		return nil, fmt.Errorf("%v: pass go-readability's test-pages folder (go list -m -f '{{.Dir}}' codeberg.org/readeck/go-readability/v2)", err)
	}
	var names []string
	for _, e := range entries {
		if e.IsDir() {
			if _, err := os.Stat(filepath.Join(suite, e.Name(), "expected-metadata.json")); err == nil {
				names = append(names, e.Name())
			}
		}
	}
	sort.Strings(names)
	pages := make([]Page, 0, len(names))
	for i, n := range names {
		dir := filepath.Join(suite, n)
		src, err := os.ReadFile(filepath.Join(dir, "source.html"))
		if err != nil {
			return nil, err
		}
		p := Page{Name: n, Dir: dir, Source: string(src), Synthetic: len(src) < SyntheticBytes, Half: "A"}
		if i%2 == 1 {
			p.Half = "B"
		}
		pages = append(pages, p)
	}
	if len(pages) == 0 {
		return nil, fmt.Errorf("%s holds no page folders", suite)
	}
	return pages, nil
}

package main

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/lede-news/lede/bench/internal/rtpages"
)

// The encyclopedic set (bench/entities/wiki.json; bench/entities/modern.md,
// "Encyclopedic text"): the Wikipedia and Wikia pages among Mozilla
// Readability's regression pages, which ship inside the go-readability
// module go.mod requires, so every machine that builds lede has them.
// Chosen by this rule, fixed before any label was written or lede run:
//   - pages: the suite's folders whose name starts with "wiki", sorted;
//   - text: each page's expected.html (Readability's article) read as
//     plain text by rtpages.Text, one block a line;
//   - paragraphs: the lines that are a <p> outside any table, of at least
//     wikiMinWords words (so no infobox line, caption or stub), the first
//     wikiParagraphs of each page;
//   - halves: a page's kept paragraphs alternate, the first in half A.
//
// The second set (bench/entities/wiki2.json, sixteenth round, third pass)
// is the next wikiParagraphs of each page by the same rule (its 16th to
// 30th kept paragraph, fewer where a page has fewer), its halves again
// alternating from its first: wikiPages with from = wikiParagraphs. A label
// file says which set it labels by its source.
//
// Each kept paragraph is an article of the label file, with id
// "PAGE/K" (K its index among the page's kept paragraphs) and offsets
// into the paragraph's text; lede reads the whole page text as one
// document, and the mentions it finds in a paragraph are scored there.
const (
	wikiParagraphs = 15
	wikiMinWords   = 20
	wikiSource     = "readability test-pages"
	wikiSource2    = "readability test-pages, paragraphs 16-30"
)

// wikiPara is one kept paragraph: its page, its place in the page's text.
type wikiPara struct {
	ID, Page, Half string
	Span           rtpages.Span
}

// wikiPages reads the suite's wiki pages: each page's text and its kept
// paragraphs from the from-th (0 for wiki.json, wikiParagraphs for
// wiki2.json), at most wikiParagraphs of each page, in order.
func wikiPages(suite string, from int) (map[string]string, []wikiPara, error) {
	entries, err := os.ReadDir(suite)
	if err != nil {
		return nil, nil, fmt.Errorf("%w: %v", errNoShared, err)
	}
	var names []string
	for _, e := range entries {
		if e.IsDir() && strings.HasPrefix(e.Name(), "wiki") {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	if len(names) == 0 {
		return nil, nil, fmt.Errorf("%w: no wiki page in %s", errNoShared, suite)
	}
	texts := map[string]string{}
	var paras []wikiPara
	for _, n := range names {
		b, err := os.ReadFile(filepath.Join(suite, n, "expected.html"))
		if err != nil {
			return nil, nil, err
		}
		text, spans := rtpages.Text(string(b))
		texts[n] = text
		k := 0
		for _, s := range spans {
			if k == from+wikiParagraphs {
				break
			}
			if len(strings.Fields(text[s.Start:s.End])) < wikiMinWords {
				continue
			}
			if k >= from {
				half := "A"
				if (k-from)%2 == 1 {
					half = "B"
				}
				paras = append(paras, wikiPara{n + "/" + strconv.Itoa(k), n, half, s})
			}
			k++
		}
	}
	return texts, paras, nil
}

func isWiki(a article) bool { return a.Source == wikiSource || a.Source == wikiSource2 }

// wikiFrom is the first kept paragraph of the set arts label: 0 for
// wiki.json, wikiParagraphs for wiki2.json. The two sets are scored apart
// (each page is pasted whole once per run).
func wikiFrom(arts []article) (int, error) {
	from := -1
	for _, a := range arts {
		f := -1
		switch a.Source {
		case wikiSource:
			f = 0
		case wikiSource2:
			f = wikiParagraphs
		}
		if f < 0 {
			continue
		}
		if from >= 0 && f != from {
			return 0, fmt.Errorf("wiki.json and wiki2.json cannot be scored in one run: give one -labels at a time")
		}
		from = f
	}
	return max(from, 0), nil
}

func usesWiki(arts []article) bool {
	for _, a := range arts {
		if isWiki(a) {
			return true
		}
	}
	return false
}

// printWiki prints the kept paragraphs from the from-th (id, half, text),
// the text the labels were written on.
func printWiki(w io.Writer, suite string, from int) error {
	texts, paras, err := wikiPages(suite, from)
	if err != nil {
		return err
	}
	for _, p := range paras {
		fmt.Fprintf(w, "%s\t%s\t%s\n", p.ID, p.Half, texts[p.Page][p.Span.Start:p.Span.End])
	}
	return nil
}

// wikiRun runs a system (run: lede or a peer, over id → text) on the pages
// whole and gives each kept paragraph the mentions that lie inside it, in
// the paragraph's offsets.
func wikiRun(arts []article, texts map[string]string, paras []wikiPara,
	run func([]article, map[string]string) (map[string][]mention, error)) (map[string][]mention, error) {
	byID := map[string]wikiPara{}
	for _, p := range paras {
		byID[p.ID] = p
	}
	var pages []article
	seen := map[string]bool{}
	for _, a := range arts {
		p := byID[a.ID]
		if !seen[p.Page] {
			seen[p.Page] = true
			pages = append(pages, article{ID: p.Page})
		}
	}
	got, err := run(pages, texts)
	if err != nil {
		return nil, err
	}
	out := map[string][]mention{}
	for _, a := range arts {
		p := byID[a.ID]
		out[a.ID] = inSpan(got[p.Page], p.Span)
	}
	return out, nil
}

// inSpan keeps the mentions inside s, shifted to start at s.Start.
func inSpan(ms []mention, s rtpages.Span) []mention {
	var out []mention
	for _, m := range ms {
		if m.Start >= s.Start && m.End <= s.End {
			m.Start -= s.Start
			m.End -= s.Start
			out = append(out, m)
		}
	}
	return out
}

// moduleSuite is the test-pages folder inside the go-readability module
// go.mod requires, or "" when go cannot say (then the set is skipped).
func moduleSuite() string {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "codeberg.org/readeck/go-readability/v2").Output()
	if err != nil || strings.TrimSpace(string(out)) == "" {
		return ""
	}
	return filepath.Join(strings.TrimSpace(string(out)), "test-pages")
}

// Command rtp scores article-body extraction on Readability's test pages,
// an outside check of the figures lede's extraction reaches on the AEB dev
// pages it was tuned on (docs/extraction.md, "An outside check: Readability's
// test pages"). The pages are the test-pages/ folder inside the
// go-readability module go.mod requires, listed, split into real and
// synthetic pages and into halves A and B by bench/internal/rtpages (as
// bench/metadata reads them). For each real page:
//
//   - gold: the text of expected.html, Readability's extracted article, as
//     the AEB ground truth's articleBody is plain text (goldText);
//   - HTML: source.html, read by lede, by go-readability and as all of its
//     visible text (no extraction);
//   - pasted text: the page's document.body.innerText in headless Chromium,
//     scripts and network off, as the AEB dev-pasted set was made, rendered
//     by bench/extraction/pasted.mjs into a cache folder (-pasted), read by
//     lede and whole (no extraction).
//
// Scores are the AEB metric (internal/aeb, the Go form of
// ../shared/tools/eval_extraction.mjs). go-readability is near-gold here:
// it ports the algorithm that wrote expected.html, and these pages are its
// own regression suite, which checks its output against expected.html node
// by node. Readability.js is the gold itself and has no row.
//
//	go run ./bench/rtp -suite DIR [-pasted CACHE]            the table
//	go run ./bench/rtp -suite DIR -list                      the real pages' names
//	go run ./bench/rtp -suite DIR [-pasted CACHE] -worst A -tool lede-html [-n 10]
//	go run ./bench/rtp -suite DIR [-pasted CACHE] -write DIR  AEB-layout copies for eval_extraction.mjs
//	go run ./bench/rtp -suite DIR [-pasted CACHE] -dump DIR   every page's gold and answers as text files
//
// -worst lists a half's worst pages for one tool (read half A only while
// looking for causes); -write writes DIR/rtp (ground-truth.json, html/) and
// DIR/rtp-pasted (ground-truth.json, text/), the layout of
// ../shared/data/article-extraction, never into the repository.
package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/lede-news/lede/bench/internal/extractors"
	"github.com/lede-news/lede/bench/internal/rtpages"
	"github.com/lede-news/lede/internal/aeb"
)

type page struct {
	rtpages.Page
	gold   string
	pasted string // "" when no cache folder was given
}

// tool is one row of the table: what it extracts from a page.
type tool struct {
	key, label string
	pasted     bool // needs the pasted text
	run        func(p page) (string, error)
}

var tools = []tool{
	{"lede-html", "lede (HTML)", false, func(p page) (string, error) { return extractors.Extract("lede", p.Source, true) }},
	{"go-readability", "go-readability v2.1.3 (HTML; near-gold, in sample)", false, func(p page) (string, error) {
		return extractors.Extract("go-readability", p.Source, true)
	}},
	{"all-text", "all visible text (HTML, no extraction)", false, func(p page) (string, error) { return extractors.Extract("all-text", p.Source, true) }},
	{"lede-pasted", "lede (pasted text)", true, func(p page) (string, error) { return extractors.Extract("lede", p.pasted, false) }},
	{"whole-paste", "whole paste (no extraction)", true, func(p page) (string, error) { return p.pasted, nil }},
}

func main() {
	suite := flag.String("suite", "", "the test-pages folder of go-readability's module directory")
	pasted := flag.String("pasted", "", "the cache folder bench/extraction/pasted.mjs rendered the pages into; none: HTML rows only")
	list := flag.Bool("list", false, "print the real pages' folder names and stop")
	worst := flag.String("worst", "", "list the worst pages of half A, B or all for -tool")
	toolKey := flag.String("tool", "lede-html", "the tool -worst lists: lede-html, lede-pasted, go-readability, all-text, whole-paste")
	n := flag.Int("n", 10, "how many pages -worst lists (0: all)")
	write := flag.String("write", "", "write AEB-layout copies (DIR/rtp, DIR/rtp-pasted) for eval_extraction.mjs")
	dump := flag.String("dump", "", "write every page's gold and each tool's answer as DIR/TOOL/PAGE.txt, to read beside -worst")
	flag.Parse()
	if err := run(*suite, *pasted, *list, *worst, *toolKey, *n, *write, *dump); err != nil {
		fmt.Fprintln(os.Stderr, "rtp:", err)
		os.Exit(1)
	}
}

func run(suite, pastedDir string, list bool, worst, toolKey string, n int, write, dump string) error {
	all, err := rtpages.List(suite)
	if err != nil {
		return err
	}
	var pages []page
	for _, l := range all {
		if !l.Synthetic {
			pages = append(pages, page{Page: l})
		}
	}
	if list {
		for _, p := range pages {
			fmt.Println(p.Name)
		}
		return nil
	}
	for i := range pages {
		p := &pages[i]
		raw, err := os.ReadFile(filepath.Join(p.Dir, "expected.html"))
		if err != nil {
			return err
		}
		p.gold = goldText(string(raw))
		if pastedDir != "" {
			f := filepath.Join(pastedDir, cacheName(p.Name, p.Source))
			b, err := os.ReadFile(f)
			if errors.Is(err, fs.ErrNotExist) {
				return fmt.Errorf("%s: not rendered: run node bench/extraction/pasted.mjs %s %s %s", f, suite, pastedDir, p.Name)
			}
			if err != nil {
				return err
			}
			p.pasted = string(b)
		}
	}
	if write != "" {
		return writeAEB(write, pages, pastedDir != "")
	}
	var rows []tool
	for _, t := range tools {
		if !t.pasted || pastedDir != "" {
			rows = append(rows, t)
		}
	}
	preds := map[string][]string{}
	for _, t := range rows {
		out := make([]string, len(pages))
		for i, p := range pages {
			body, err := t.run(p)
			if err != nil {
				fmt.Fprintf(os.Stderr, "%s on %s: %v (scored as empty)\n", t.key, p.Name, err)
			}
			out[i] = body
		}
		preds[t.key] = out
	}
	if dump != "" {
		preds["gold"] = make([]string, len(pages))
		for i, p := range pages {
			preds["gold"][i] = p.gold
		}
		for key, out := range preds {
			if err := os.MkdirAll(filepath.Join(dump, key), 0o755); err != nil {
				return err
			}
			for i, p := range pages {
				if err := os.WriteFile(filepath.Join(dump, key, p.Name+".txt"), []byte(out[i]), 0o644); err != nil {
					return err
				}
			}
		}
		return nil
	}
	if worst != "" {
		pr := preds[toolKey]
		if pr == nil {
			return fmt.Errorf("-tool %q: no such row (lede-html, lede-pasted, go-readability, all-text, whole-paste; the pasted rows need -pasted)", toolKey)
		}
		printWorst(pages, pr, worst, n)
		return nil
	}
	fmt.Printf("%d real pages (source.html of 8 KiB or more), half A %d, half B %d\n\n", len(pages), count(pages, "A"), count(pages, "B"))
	fmt.Println("| extractor | pages | F1 | precision | recall | empty |")
	fmt.Println("| --- | --- | --- | --- | --- | --- |")
	for _, t := range rows {
		for _, half := range []string{"A", "B", "all"} {
			var truths, got []string
			empty := 0
			for i, p := range pages {
				if half == "all" || p.Half == half {
					truths = append(truths, p.gold)
					got = append(got, preds[t.key][i])
					if len(aeb.Tokens(preds[t.key][i])) == 0 {
						empty++
					}
				}
			}
			f1, pr, rc := aeb.Score(truths, got)
			set := "half " + half
			if half == "all" {
				set = "all real"
			}
			fmt.Printf("| %s | %s (%d) | %.3f | %.3f | %.3f | %d |\n", t.label, set, len(truths), f1, pr, rc, empty)
		}
	}
	if pastedDir != "" {
		var none []string
		for _, p := range pages {
			if len(aeb.Tokens(p.pasted)) == 0 {
				none = append(none, p.Name)
			}
		}
		if len(none) > 0 {
			fmt.Printf("\nPastes with no words (the page shows nothing with scripts off, e.g. a style hides the body until a script runs): %s\n", strings.Join(none, " "))
		}
	}
	return nil
}

func count(pages []page, half string) int {
	c := 0
	for _, p := range pages {
		if p.Half == half {
			c++
		}
	}
	return c
}

// cacheName is the file pasted.mjs renders a page into (its cacheName):
// the folder's name and the first 16 hex digits of source.html's SHA-256.
func cacheName(name, source string) string {
	h := sha256.Sum256([]byte(source))
	return name + "-" + hex.EncodeToString(h[:])[:16] + ".txt"
}

// printWorst lists the n pages of a half with the lowest F1 for one tool:
// F1, precision, recall, and the gold's and the answer's lengths in tokens
// (a short answer: body cut; a long one: boilerplate kept).
func printWorst(pages []page, preds []string, half string, n int) {
	type row struct {
		name         string
		f1, p, r     float64
		gold, answer int
	}
	var rows []row
	for i, pg := range pages {
		if half != "all" && pg.Half != half {
			continue
		}
		p, r, _, _ := aeb.PagePR(pg.gold, preds[i])
		f1 := 0.0
		if p+r > 0 {
			f1 = 2 * p * r / (p + r)
		}
		rows = append(rows, row{pg.Name, f1, p, r, len(aeb.Tokens(pg.gold)), len(aeb.Tokens(preds[i]))})
	}
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].f1 < rows[j].f1 })
	if n > 0 && len(rows) > n {
		rows = rows[:n]
	}
	fmt.Println("page\tF1\tprecision\trecall\tgold tokens\tanswer tokens")
	for _, r := range rows {
		fmt.Printf("%s\t%.3f\t%.3f\t%.3f\t%d\t%d\n", r.name, r.f1, r.p, r.r, r.gold, r.answer)
	}
}

// writeAEB writes the pages in the layout of ../shared/data/article-extraction
// (ground-truth.json {id: {articleBody}}, html/ID.html, text/ID.txt), so
// eval_extraction.mjs and bench/extraction read them as they read the AEB.
func writeAEB(dir string, pages []page, pasted bool) error {
	type entry struct {
		ArticleBody string `json:"articleBody"`
	}
	truth := map[string]entry{}
	for _, p := range pages {
		truth[p.Name] = entry{p.gold}
	}
	gt, err := json.MarshalIndent(truth, "", "  ")
	if err != nil {
		return err
	}
	sets := []struct{ sub, kind, ext string }{{"rtp", "html", ".html"}}
	if pasted {
		sets = append(sets, struct{ sub, kind, ext string }{"rtp-pasted", "text", ".txt"})
	}
	for _, s := range sets {
		if err := os.MkdirAll(filepath.Join(dir, s.sub, s.kind), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, s.sub, "ground-truth.json"), gt, 0o644); err != nil {
			return err
		}
		for _, p := range pages {
			body := p.Source
			if s.kind == "text" {
				body = p.pasted
			}
			if err := os.WriteFile(filepath.Join(dir, s.sub, s.kind, p.Name+s.ext), []byte(body), 0o644); err != nil {
				return err
			}
		}
	}
	return nil
}

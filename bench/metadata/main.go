// Command metadata scores title, byline and published date on Mozilla
// Readability's regression pages, the test-pages/ folder that ships inside
// the go-readability module go.mod requires (each page: source.html and
// expected-metadata.json). It runs lede (internal/article) and
// go-readability in this process and reads Readability.js's answers from
// the file bench/metadata/readability.mjs writes.
//
//	go run ./bench/metadata -suite DIR [-js readability.json] [-errors A|B|all|syn -tool lede]
//
// How the suite is read (docs/extraction.md, "Metadata on Readability's
// test pages"):
//
//   - Synthetic pages: a page whose source.html is under 8 KiB is one of
//     Readability's hand-written unit pages (Lorem ipsum, "RTL Test", "Base
//     URL test", …); every page saved from a real site is larger (the
//     smallest, daringfireball-1, is 10 KB). Figures are given for the real
//     pages and for all pages.
//   - Halves: the pages in sorted directory order, even index half A, odd
//     half B (fixed before any rule was tuned: rules may be read off half
//     A's errors only; half B is measured once per rule).
//   - Title: right when equal once case and punctuation are folded, or once
//     an affix the page's own markup marks as a site's name (its
//     og:site_name, or a segment of its <title> other than the longest) is
//     cut from either end of either side (match.go). Readability keeps "|
//     Site"; lede strips it; neither is an error.
//   - Byline: right when it names the same people (match.go: parenthesised
//     remarks, a leading by-word and a trailing date or time set aside,
//     names split at commas, "&" and "and"). Pages whose expected byline
//     names no one once so read (seattletimes-1: only dates; spiceworks:
//     "Last Updated: …") or is a label the page does not show as a byline
//     (noiseBylines) count as pages with no byline.
//   - Date: right when on the same calendar day as written (no zone
//     conversion).
//   - Date shown: the same matcher against hand labels of the date each
//     real page shows its reader (dates.tsv), not Readability's metadata
//     date; pages showing no date count a date given as an error apart.
//
// go-readability and Readability.js are in sample here: these pages are
// their own regression suite.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"

	"github.com/lede-news/lede/bench/internal/rtpages"
	"github.com/lede-news/lede/internal/article"
)

// noiseBylines are expected bylines (folded) that name no author a reader
// sees: a button label, and Wikipedia's meta author, which the page never
// prints. Such pages count as having no byline.
var noiseBylines = map[string]bool{
	"follow author":                      true,
	"contributors to wikimedia projects": true,
}

type meta struct {
	Title         string `json:"title"`
	Byline        string `json:"byline"`
	PublishedTime string `json:"publishedTime"`
}

type suitePage struct {
	name      string
	src       string
	want      meta
	synthetic bool
	half      string // "A" or "B"
	page      page   // affixes for the title matcher
	shown     string // dates.tsv's label: YYYY-MM-DD, "-", "?" or "" (none)
}

func main() {
	suite := flag.String("suite", "", "the test-pages folder of go-readability's module directory")
	js := flag.String("js", "", "Readability.js answers (bench/metadata/readability.mjs); none: no Readability.js rows")
	errs := flag.String("errors", "", "print the misses of -tool on real half A, B, all, or syn (the synthetic pages; read half A and syn only while tuning)")
	tool := flag.String("tool", "lede", "the tool whose misses -errors prints: lede, go-readability or readability.js")
	flag.Parse()
	if err := run(*suite, *js, *errs, *tool); err != nil {
		fmt.Fprintln(os.Stderr, "metadata:", err)
		os.Exit(1)
	}
}

func run(suite, js, errs, tool string) error {
	pages, err := load(suite)
	if err != nil {
		return err
	}
	tools := []string{"lede", "go-readability"}
	answers := map[string]map[string]meta{"lede": {}, "go-readability": {}}
	for _, p := range pages {
		answers["lede"][p.name] = ledeMeta(p.src)
		answers["go-readability"][p.name] = goReadabilityMeta(p.src)
	}
	if js != "" {
		raw, err := os.ReadFile(js)
		if err != nil {
			return err
		}
		m := map[string]meta{}
		if err := json.Unmarshal(raw, &m); err != nil {
			return fmt.Errorf("%s: %v", js, err)
		}
		answers["readability.js"] = m
		tools = append(tools, "readability.js")
	}
	if errs != "" {
		if answers[tool] == nil {
			return fmt.Errorf("-tool %q: no answers (lede, go-readability, or readability.js with -js)", tool)
		}
		printMisses(pages, answers[tool], errs)
		return nil
	}
	var synth []string
	for _, p := range pages {
		if p.synthetic {
			synth = append(synth, p.name)
		}
	}
	fmt.Printf("%d pages, %d real, %d synthetic (source.html under 8 KiB): %s\n\n",
		len(pages), len(pages)-len(synth), len(synth), strings.Join(synth, " "))
	fmt.Println("| tool | pages | title right | byline right (pages with one) | date right (pages with one) | date shown right (hand labels, pages that show one) | a date where none is shown | a byline where none is expected |")
	fmt.Println("| --- | --- | --- | --- | --- | --- | --- | --- |")
	sets := []struct {
		label string
		in    func(suitePage) bool
	}{
		{"real, half A", func(p suitePage) bool { return !p.synthetic && p.half == "A" }},
		{"real, half B", func(p suitePage) bool { return !p.synthetic && p.half == "B" }},
		{"real, all", func(p suitePage) bool { return !p.synthetic }},
		{"every page", func(suitePage) bool { return true }},
	}
	for _, t := range tools {
		label := t
		if t != "lede" {
			label += " (in sample)"
		}
		for _, s := range sets {
			var sc score
			for _, p := range pages {
				if s.in(p) {
					sc.add(p, answers[t][p.name])
				}
			}
			fmt.Printf("| %s | %s | %s | %s | %s | %s | %s | %s |\n", label, s.label,
				frac(sc.titleOK, sc.titles), frac(sc.bylineOK, sc.bylines), frac(sc.dateOK, sc.dates),
				frac(sc.shownOK, sc.shown), frac(sc.shownExtra, sc.shownNone), frac(sc.extra, sc.none))
		}
	}
	return nil
}

type score struct {
	titles, titleOK, bylines, bylineOK, dates, dateOK, none, extra int
	shown, shownOK, shownNone, shownExtra                          int
}

func (s *score) add(p suitePage, got meta) {
	if fold(p.want.Title) != "" {
		s.titles++
		if p.page.titleMatch(got.Title, p.want.Title) {
			s.titleOK++
		}
	}
	if hasByline(p.want.Byline) {
		s.bylines++
		if bylineMatch(got.Byline, p.want.Byline) {
			s.bylineOK++
		}
	} else {
		s.none++
		if len(bylineNames(got.Byline)) > 0 {
			s.extra++
		}
	}
	if day(p.want.PublishedTime) != "" {
		s.dates++
		if dateMatch(got.PublishedTime, p.want.PublishedTime) {
			s.dateOK++
		}
	}
	if counted, shows, right := shownOutcome(got.PublishedTime, p.shown); counted && shows {
		s.shown++
		if right {
			s.shownOK++
		}
	} else if counted {
		s.shownNone++
		if !right {
			s.shownExtra++
		}
	}
}

// hasByline reports whether an expected byline names someone a reader sees.
func hasByline(want string) bool {
	return len(bylineNames(want)) > 0 && !noiseBylines[fold(want)]
}

func frac(a, b int) string {
	if b == 0 {
		return "–"
	}
	return fmt.Sprintf("%d/%d (%.0f%%)", a, b, 100*float64(a)/float64(b))
}

func printMisses(pages []suitePage, ans map[string]meta, half string) {
	for _, p := range pages {
		// "syn": the synthetic unit pages (both halves), which the real
		// pages' halves leave out
		if half == "syn" {
			if !p.synthetic {
				continue
			}
		} else if p.synthetic || half != "all" && p.half != half {
			continue
		}
		got := ans[p.name]
		if fold(p.want.Title) != "" && !p.page.titleMatch(got.Title, p.want.Title) {
			fmt.Printf("%s\ttitle\t%q\twant %q\n", p.name, got.Title, p.want.Title)
		}
		if hasByline(p.want.Byline) && !bylineMatch(got.Byline, p.want.Byline) {
			fmt.Printf("%s\tbyline\t%q\twant %q\n", p.name, got.Byline, p.want.Byline)
		}
		if !hasByline(p.want.Byline) && len(bylineNames(got.Byline)) > 0 {
			fmt.Printf("%s\tbyline\t%q\twant none (%q)\n", p.name, got.Byline, p.want.Byline)
		}
		if day(p.want.PublishedTime) != "" && !dateMatch(got.PublishedTime, p.want.PublishedTime) {
			fmt.Printf("%s\tdate\t%q\twant %q\n", p.name, got.PublishedTime, p.want.PublishedTime)
		}
		if counted, _, right := shownOutcome(got.PublishedTime, p.shown); counted && !right {
			fmt.Printf("%s\tdate shown\t%q\twant %s (dates.tsv)\n", p.name, got.PublishedTime, p.shown)
		}
	}
}

// load reads every page folder of the suite (bench/internal/rtpages: the
// same pages, real/synthetic split and halves as bench/rtp) and its
// expected metadata.
func load(suite string) ([]suitePage, error) {
	list, err := rtpages.List(suite)
	if err != nil {
		return nil, err
	}
	labels, err := shownLabels(datesTSV)
	if err != nil {
		return nil, err
	}
	pages := make([]suitePage, 0, len(list))
	for _, l := range list {
		raw, err := os.ReadFile(filepath.Join(l.Dir, "expected-metadata.json"))
		if err != nil {
			return nil, err
		}
		p := suitePage{name: l.Name, src: l.Source, synthetic: l.Synthetic, half: l.Half, shown: labels[l.Name]}
		if err := json.Unmarshal(raw, &p.want); err != nil {
			return nil, fmt.Errorf("%s: %v", l.Name, err)
		}
		site, title := siteAndTitle(p.src)
		p.page = pageAffixes(site, title)
		pages = append(pages, p)
	}
	return pages, nil
}

// siteAndTitle returns a page's og:site_name and <title>.
func siteAndTitle(src string) (site, title string) {
	root, err := html.Parse(strings.NewReader(src))
	if err != nil {
		return "", ""
	}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "meta":
				var prop, content string
				for _, a := range n.Attr {
					switch a.Key {
					case "property", "name":
						prop = strings.ToLower(a.Val)
					case "content":
						content = a.Val
					}
				}
				if prop == "og:site_name" && site == "" {
					site = content
				}
			case "title":
				if title == "" && n.FirstChild != nil && n.FirstChild.Type == html.TextNode {
					title = strings.Join(strings.Fields(n.FirstChild.Data), " ")
				}
			case "svg":
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	return site, title
}

func ledeMeta(src string) meta {
	d, err := article.Parse(src, article.HTML)
	if err != nil || d == nil {
		return meta{}
	}
	return meta{Title: d.Title, Byline: d.Byline, PublishedTime: d.Published}
}

func goReadabilityMeta(src string) meta {
	// parse with x/net/html first, as bench/extraction does: the reader
	// API of v2.1.3 fails on some pages
	root, err := html.Parse(strings.NewReader(src))
	if err != nil {
		return meta{}
	}
	rp := readability.NewParser()
	a, err := rp.ParseAndMutate(root, nil)
	if err != nil {
		return meta{}
	}
	m := meta{Title: a.Title(), Byline: a.Byline()}
	if t, err := a.PublishedTime(); err == nil {
		m.PublishedTime = t.Format("2006-01-02T15:04:05Z07:00")
	}
	return m
}

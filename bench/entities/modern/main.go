// Command modern scores entity mentions on modern news that nothing in lede
// was tuned on: the hand labels of ../modern.json (guideline in
// ../modern.md) over article bodies of
// ../shared/data/article-extraction/dev-pasted/ground-truth.json. Each body
// goes whole, as plain text, through engine.Document — what a reader gets
// by pasting it — and the mentions that start inside the labelled
// sentences are scored by exact span and type, as conlleval does.
//
// A peer runs as a command speaking the JSON-lines protocol of
// ../shared/tools/eval_ner.mjs ({"id","text"} in, {"id","entities"} out),
// with its offset unit given by -offsets, so bench/entities/compromise.mjs
// and bench/entities serve as they are.
//
//	modern -header                       the table's header
//	modern -name lede                    lede's row (engine.Document)
//	modern -name X -cmd CMD -offsets U   a peer's row
//	modern -errors                       every error, classed, to read
//	modern -labels A.json,B.json         several label files scored as one set
//	modern -labels bench/entities/wiki.json -half A   the encyclopedic set
//	                                     (Readability's Wikipedia test pages, wiki.go)
//	modern -select-wiki                  print that set's paragraphs
//	modern -labels bench/entities/wiki2.json   the next 15 paragraphs of each page
//	modern -select-wiki -wiki-from 15    print those
//
// Without ../shared (or, for wiki.json, without go-readability's
// test-pages) it prints "skipped" and exits 0.
package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/lede-news/lede/internal/doc"
	"github.com/lede-news/lede/internal/engine"
)

var typeNames = [...]string{doc.Person: "PER", doc.Place: "LOC", doc.Organization: "ORG", doc.Other: "MISC"}

func main() {
	labels := flag.String("labels", "bench/entities/modern.json", "the hand labels; several files, comma-separated, are scored as one set (the second half: bench/entities/modern2.json; both: bench/entities/modern.json,bench/entities/modern2.json; the third half: bench/entities/modern3.json)")
	gold := flag.String("gold", "../shared/data/article-extraction/dev-pasted/ground-truth.json", "ground-truth.json holding each id's articleBody")
	name := flag.String("name", "lede", "the system's name in the table")
	cmd := flag.String("cmd", "", "a peer's command (eval_ner.mjs protocol); lede's engine.Document when empty")
	offsets := flag.String("offsets", "utf8", "the peer's offset unit: utf8, utf16 or codepoint")
	header := flag.Bool("header", false, "print the table's header and the set's size, then exit")
	list := flag.Bool("errors", false, "also list every error with its class")
	train := flag.String("train", "", "a CoNLL training file: also give the recall of names it holds and of names it does not")
	agnews := flag.String("agnews", "../shared/data/categories/agnews/train.csv", "AG News train.csv, the titles of the headline set (bench/entities/headlines.json)")
	half := flag.String("half", "", "score only the articles of this half of a label file that has halves (headlines.json: A or B)")
	lists := flag.Int("lists", 0, "lede only: paste the titles N at a time, one a line, as a list of related headlines (the digest's path); 0: each text alone")
	pick := flag.String("select", "", "print the headline set's titles chosen from this AG News train.csv (half, id, title) and exit; see headlines.go")
	suite := flag.String("suite", "", "Readability's test-pages folder, for the encyclopedic set (bench/entities/wiki.json); empty: the one inside the go-readability module go.mod requires")
	pickWiki := flag.Bool("select-wiki", false, "print the encyclopedic set's paragraphs (id, half, text) and exit; see wiki.go")
	wikiSkip := flag.Int("wiki-from", 0, "with -select-wiki: print from this kept paragraph of each page (15: the second set, bench/entities/wiki2.json)")
	flag.Parse()
	if *suite == "" {
		*suite = moduleSuite()
	}
	if *pickWiki {
		if err := printWiki(os.Stdout, *suite, *wikiSkip); err != nil {
			fmt.Fprintln(os.Stderr, "modern:", err)
			os.Exit(1)
		}
		return
	}
	if *pick != "" {
		if err := printSelection(os.Stdout, *pick); err != nil {
			fmt.Fprintln(os.Stderr, "modern:", err)
			os.Exit(1)
		}
		return
	}
	err := run(os.Stdout, config{*labels, *gold, *name, *cmd, *offsets, *train, *agnews, *half, *suite, *lists, *header, *list})
	if errors.Is(err, errNoShared) {
		fmt.Println("skipped:", err)
		return
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "modern:", err)
		os.Exit(1)
	}
}

// config is what the flags chose.
type config struct {
	labels, gold, name, cmd, offsets, train string
	agnews, half, suite                     string
	lists                                   int
	header, errors                          bool
}

func run(w io.Writer, c config) error {
	arts, err := readLabelFiles(c.labels)
	if err != nil {
		return err
	}
	wiki := usesWiki(arts)
	if _, err := os.Stat(c.gold); err != nil && !wiki {
		return fmt.Errorf("%w: %s", errNoShared, c.gold)
	}
	if c.half != "" {
		kept := arts[:0]
		for _, a := range arts {
			if a.Half == c.half {
				kept = append(kept, a)
			}
		}
		if len(kept) == 0 {
			return fmt.Errorf("-half %s: no article of %s is in that half", c.half, c.labels)
		}
		arts = kept
	}
	bodies := map[string]string{}
	if !wiki {
		if bodies, err = readBodies(c.gold); err != nil {
			return err
		}
	}
	var wikiTexts map[string]string
	var wikiParas []wikiPara
	if wiki {
		from, err := wikiFrom(arts)
		if err != nil {
			return err
		}
		if wikiTexts, wikiParas, err = wikiPages(c.suite, from); err != nil {
			return err
		}
		for _, p := range wikiParas {
			bodies[p.ID] = wikiTexts[p.Page][p.Span.Start:p.Span.End]
		}
	}
	if usesAGNews(arts) {
		if _, err := os.Stat(c.agnews); err != nil {
			return fmt.Errorf("%w: %s", errNoShared, c.agnews)
		}
		titles, _, err := readAGTitles(c.agnews)
		if err != nil {
			return err
		}
		for _, a := range arts {
			if isAGNews(a) {
				bodies[a.ID] = titles[a.ID]
			}
		}
	}
	for _, a := range arts {
		body, ok := bodies[a.ID]
		if !ok {
			return fmt.Errorf("%s: no such id in %s", a.ID, c.gold)
		}
		if err := checkLabels(a, body); err != nil {
			return err
		}
	}
	if c.header {
		printHeader(w, arts)
		return nil
	}
	var pred map[string][]mention
	switch {
	case wiki && c.cmd == "":
		pred, err = wikiRun(arts, wikiTexts, wikiParas, runLede)
	case wiki:
		pred, err = wikiRun(arts, wikiTexts, wikiParas, func(pages []article, texts map[string]string) (map[string][]mention, error) {
			return runPeer(c.cmd, c.offsets, pages, texts)
		})
	case c.cmd == "" && c.lists > 0:
		pred, err = runLedeLists(arts, bodies, c.lists)
	case c.cmd == "":
		pred, err = runLede(arts, bodies)
	default:
		pred, err = runPeer(c.cmd, c.offsets, arts, bodies)
	}
	if err != nil {
		return err
	}
	r := newResult()
	for _, a := range arts {
		r.add(a.ID, a.Scope, a.Gold, pred[a.ID])
	}
	printRow(w, c.name, r)
	if c.train != "" {
		tb, err := os.ReadFile(c.train)
		if err != nil {
			return err
		}
		seen, unseen := seenRecall(arts, r, conllNames(tb))
		_, rs, _ := seen.prf()
		_, ru, _ := unseen.prf()
		fmt.Fprintf(w, "\n%s: recall %.1f on the %d mentions whose name is an entity in %s, %.1f on the %d whose name is not\n",
			c.name, 100*rs, seen.Gold, c.train, 100*ru, unseen.Gold)
	}
	if c.errors {
		printErrors(w, bodies, r)
	}
	return nil
}

// runLede runs each body through the engine as a pasted text.
func runLede(arts []article, bodies map[string]string) (map[string][]mention, error) {
	out := map[string][]mention{}
	for _, a := range arts {
		d, err := engine.Document(bodies[a.ID], engine.Options{})
		if err != nil {
			return nil, fmt.Errorf("%s: %w", a.ID, err)
		}
		if d.Text != bodies[a.ID] {
			return nil, fmt.Errorf("%s: the engine's text differs from the input, offsets would not line up", a.ID)
		}
		for _, e := range d.Entities {
			for _, m := range e.Mentions {
				out[a.ID] = append(out[a.ID], trim(d.Text, mention{m.Start, m.End, typeNames[e.Type], ""}))
			}
		}
	}
	return out, nil
}

// runPeer streams every body to cmd and reads its answers.
func runPeer(cmdline, unit string, arts []article, bodies map[string]string) (map[string][]mention, error) {
	c := exec.Command("sh", "-c", cmdline)
	c.Stderr = os.Stderr
	stdin, err := c.StdinPipe()
	if err != nil {
		return nil, err
	}
	stdout, err := c.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := c.Start(); err != nil {
		return nil, err
	}
	go func() { // written while the answers are read, so neither pipe fills
		enc := json.NewEncoder(stdin)
		for _, a := range arts {
			enc.Encode(struct {
				ID   string `json:"id"`
				Text string `json:"text"`
			}{a.ID, bodies[a.ID]})
		}
		stdin.Close()
	}()
	out := map[string][]mention{}
	sc := bufio.NewScanner(stdout)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	var perr error
	for sc.Scan() {
		line := sc.Bytes()
		if len(line) == 0 || line[0] != '{' {
			continue
		}
		var ans struct {
			ID       string `json:"id"`
			Entities []struct {
				Start, End int
				Type       string
			} `json:"entities"`
		}
		if err := json.Unmarshal(line, &ans); err != nil {
			perr = fmt.Errorf("%s: bad answer line: %w", cmdline, err)
			continue
		}
		text, ok := bodies[ans.ID]
		if !ok {
			perr = fmt.Errorf("%s: answer for unknown id %q", cmdline, ans.ID)
			continue
		}
		out[ans.ID] = []mention{} // answered, even with no entities
		for _, e := range ans.Entities {
			o, err := byteOffsets(text, unit, e.Start, e.End)
			if err != nil {
				perr = fmt.Errorf("%s: %s: %w", cmdline, ans.ID, err)
				continue
			}
			t := strings.ToUpper(e.Type)
			switch t {
			case "PERSON":
				t = "PER"
			case "LOCATION", "GPE":
				t = "LOC"
			case "ORGANIZATION", "ORGANISATION":
				t = "ORG"
			}
			out[ans.ID] = append(out[ans.ID], trim(text, mention{o[0], o[1], t, ""}))
		}
	}
	if err := c.Wait(); err != nil {
		return nil, fmt.Errorf("%s: %w", cmdline, err)
	}
	if perr != nil {
		return nil, perr
	}
	for _, a := range arts {
		if _, ok := out[a.ID]; !ok {
			return nil, fmt.Errorf("%s: no answer for %s", cmdline, a.ID)
		}
	}
	return out, nil
}

func printHeader(w io.Writer, arts []article) {
	sents, byType, n := 0, map[string]int{}, 0
	for _, a := range arts {
		sents += a.Sentences
		for _, g := range a.Gold {
			byType[g.Type]++
			n++
		}
	}
	fmt.Fprintf(w, "%d articles, %d sentences, %d mentions (", len(arts), sents, n)
	for i, t := range types {
		if i > 0 {
			fmt.Fprint(w, ", ")
		}
		fmt.Fprintf(w, "%s %d", t, byType[t])
	}
	fmt.Fprintln(w, ")")
	fmt.Fprintln(w)
	fmt.Fprintf(w, "| system | PER F1 | LOC F1 | ORG F1 | MISC F1 | P | R | **F1** | F1 no MISC | %s |\n", strings.Join(errorClasses, " | "))
	fmt.Fprintln(w, "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
}

func printRow(w io.Writer, name string, r *result) {
	pct := func(x float64) string { return fmt.Sprintf("%.1f", 100*x) }
	fmt.Fprintf(w, "| %s |", name)
	for _, t := range types {
		_, _, f := r.ByType[t].prf()
		fmt.Fprintf(w, " %s |", pct(f))
	}
	p, rc, f := r.All.prf()
	_, _, fn := r.NoMISC.prf()
	fmt.Fprintf(w, " %s | %s | **%s** | %s |", pct(p), pct(rc), pct(f), pct(fn))
	for _, c := range errorClasses {
		fmt.Fprintf(w, " %d |", r.ByClass[c])
	}
	fmt.Fprintln(w)
}

// printErrors lists the errors by class, each with the gold and predicted
// mention and a little of the text around it, for reading, not storing.
func printErrors(w io.Writer, bodies map[string]string, r *result) {
	errs := append([]anError(nil), r.Errors...)
	sort.SliceStable(errs, func(i, j int) bool { return rank(errs[i].Class) < rank(errs[j].Class) })
	show := func(m *mention, text string) string {
		if m == nil {
			return "-"
		}
		return fmt.Sprintf("%s %q", m.Type, text[m.Start:m.End])
	}
	for _, e := range errs {
		text := bodies[e.ID]
		at := e.Gold
		if at == nil {
			at = e.Pred
		}
		lo, hi := max(0, at.Start-40), min(len(text), at.End+40)
		for lo > 0 && !utf8.RuneStart(text[lo]) {
			lo--
		}
		for hi < len(text) && !utf8.RuneStart(text[hi]) {
			hi++
		}
		ctx := strings.ReplaceAll(text[lo:hi], "\n", " ")
		fmt.Fprintf(w, "%-13s %s gold %-32s pred %-32s … %s …\n", e.Class, e.ID[:min(6, len(e.ID))], show(e.Gold, text), show(e.Pred, text), ctx)
	}
}

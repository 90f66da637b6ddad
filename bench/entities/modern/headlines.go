package main

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/lede-news/lede/internal/doc"
	"github.com/lede-news/lede/internal/engine"
)

// The headline set (bench/entities/headlines.json, bench/entities/modern.md
// "Headlines"): titles of AG News (../shared/data/categories/agnews/train.csv),
// chosen by selectHeadlines and labelled like the article bodies. An id is the
// title's line number in train.csv (1-based); its "body" is the title as
// agTitle decodes it, which is what lede is given and what the offsets count.

// headlineCount is how many titles the set holds, headlineStep the largest
// step of the sorted file's rows that still gives that many.
const headlineCount = 300

// readAGTitles reads train.csv and returns each row's decoded title by its
// 1-based line number, and the raw lines, for selectHeadlines.
func readAGTitles(path string) (map[string]string, []string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	titles := map[string]string{}
	var lines []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		rec, err := csv.NewReader(strings.NewReader(line)).Read()
		if err != nil || len(rec) != 3 {
			return nil, nil, fmt.Errorf("%s:%d: not a \"class\",\"title\",\"description\" row (%v)", path, n, err)
		}
		titles[strconv.Itoa(n)] = agTitle(rec[1])
		lines = append(lines, line)
	}
	return titles, lines, sc.Err()
}

// agEntity is one of AG News's escapes: an HTML entity whose "&" its text
// writes as a space (" #39;" for "&#39;", " amp;" for "&amp;"), or keeps.
var agEntity = regexp.MustCompile(`(?:^| |&)(#[0-9]+|amp|quot|lt|gt|nbsp);`)

// cp1252 maps the Windows-1252 code points 128–159 that AG's text escapes
// as numbers (#146; for a right quote) to their characters.
var cp1252 = map[int]rune{133: '…', 145: '‘', 146: '’', 147: '“', 148: '”', 150: '–', 151: '—'}

// agTitle undoes AG News's escaping of a title (its README: HTML entities
// whose "&" became a space, "\" for a line break or before "$", and a title
// cut short ending in "&lt;b&gt;...&lt;/b&gt;"), so that lede reads the
// headline as the page showed it: "Arafat #39;s" is "Arafat's", "AT amp;T"
// is "AT&T".
func agTitle(s string) string {
	s = strings.ReplaceAll(s, "&lt;b&gt;...&lt;/b&gt;", "...")
	s = agEntity.ReplaceAllStringFunc(s, func(m string) string {
		name := agEntity.FindStringSubmatch(m)[1]
		switch name {
		case "amp":
			return "&"
		case "quot":
			return "\""
		case "lt":
			return "<"
		case "gt":
			return ">"
		case "nbsp":
			return " "
		}
		n, _ := strconv.Atoi(name[1:])
		if r, ok := cp1252[n]; ok {
			return string(r)
		}
		if n < 32 || n >= 128 && n < 160 {
			return " "
		}
		return string(rune(n))
	})
	s = strings.NewReplacer(`\$`, "$", `\`, " ").Replace(s)
	return strings.Join(strings.Fields(s), " ")
}

// eligibleHeadline reports whether a title has a capitalised word after its
// first: a title with none names nothing a tagger could find but its first
// word, and says little about title case.
func eligibleHeadline(title string) bool {
	words := strings.FieldsFunc(title, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '-' && r != '.'
	})
	for _, w := range words[min(1, len(words)):] {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// selectHeadlines returns the ids of the set, in order: the lines of
// train.csv sorted as byte strings (so by class, then title), every step-th
// from the first (index 0, step, 2·step, …), the eligible ones, the first
// headlineCount of them, with step the largest that gives headlineCount (so
// the rows chosen spread over the whole file). Half A is positions 0, 2, 4,
// …; half B 1, 3, 5, ….
func selectHeadlines(titles map[string]string, lines []string) ([]string, int) {
	order := make([]int, len(lines))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return lines[order[a]] < lines[order[b]] })
	for step := len(lines) / headlineCount; step > 0; step-- {
		var ids []string
		for i := 0; i < len(order) && len(ids) < headlineCount; i += step {
			id := strconv.Itoa(order[i] + 1)
			if eligibleHeadline(titles[id]) {
				ids = append(ids, id)
			}
		}
		if len(ids) == headlineCount {
			return ids, step
		}
	}
	return nil, 0
}

// printSelection prints the set chosen from the AG News file at path: a
// line per title, its half, id and decoded text.
func printSelection(w io.Writer, path string) error {
	titles, lines, err := readAGTitles(path)
	if err != nil {
		return err
	}
	ids, step := selectHeadlines(titles, lines)
	if ids == nil {
		return fmt.Errorf("%s: fewer than %d eligible titles", path, headlineCount)
	}
	fmt.Fprintf(w, "# %d titles, every %d-th line of the sorted file\n", len(ids), step)
	for i, id := range ids {
		fmt.Fprintf(w, "%c\t%s\t%s\n", "AB"[i%2], id, titles[id])
	}
	return nil
}

// isAGNews reports whether a's text is an AG News title (its label file's
// source says so) rather than a ground-truth.json body.
func isAGNews(a article) bool { return strings.HasPrefix(a.Source, "categories/agnews/") }

func usesAGNews(arts []article) bool {
	for _, a := range arts {
		if isAGNews(a) {
			return true
		}
	}
	return false
}

// runLedeLists runs the texts through the engine n at a time, pasted one a
// line: a text of short lines and nothing else is a list of related
// headlines to the engine (Related blocks, which the digest sums up), and
// each is tagged as a headline and resolved with the others of its list, as
// the related headlines of a page are. The mentions come back per text; a
// text the engine did not take as a related headline is counted on stderr,
// as the list would then not be what the row says.
func runLedeLists(arts []article, bodies map[string]string, n int) (map[string][]mention, error) {
	out := map[string][]mention{}
	var notRelated []string
	for lo := 0; lo < len(arts); lo += n {
		group := arts[lo:min(lo+n, len(arts))]
		var b strings.Builder
		starts := make([]int, len(group))
		for i, a := range group {
			if strings.Contains(bodies[a.ID], "\n") {
				return nil, fmt.Errorf("%s: a text of several lines cannot be pasted as one line of a list", a.ID)
			}
			starts[i] = b.Len()
			b.WriteString(bodies[a.ID])
			b.WriteByte('\n')
		}
		text := b.String()
		d, err := engine.Document(text, engine.Options{})
		if err != nil {
			return nil, fmt.Errorf("the list from %s: %w", group[0].ID, err)
		}
		if d.Text != text {
			return nil, fmt.Errorf("the list from %s: the engine's text differs from the input, offsets would not line up", group[0].ID)
		}
		for i, a := range group {
			lo, hi := starts[i], starts[i]+len(bodies[a.ID])
			related := false
			for _, bl := range d.Blocks {
				if bl.Start < hi && lo < bl.End && bl.Role == doc.Related {
					related = true
				}
			}
			if !related {
				notRelated = append(notRelated, a.ID)
			}
			out[a.ID] = []mention{}
			for _, e := range d.Entities {
				for _, m := range e.Mentions {
					if m.Start >= lo && m.End <= hi {
						out[a.ID] = append(out[a.ID], trim(bodies[a.ID], mention{m.Start - lo, m.End - lo, typeNames[e.Type], ""}))
					}
				}
			}
		}
	}
	if len(notRelated) > 0 {
		fmt.Fprintf(os.Stderr, "modern: %d of %d titles were not read as related headlines in their list (ids %s)\n", len(notRelated), len(arts), strings.Join(notRelated, " "))
	}
	return out, nil
}

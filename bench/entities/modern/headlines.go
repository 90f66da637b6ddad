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

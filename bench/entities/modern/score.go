package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"sort"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// types are the CoNLL-2003 entity types, in the order tables print them.
var types = []string{"PER", "LOC", "ORG", "MISC"}

// mention is one entity mention: a byte span of an article body and a type.
type mention struct {
	Start, End int
	Type       string
	Text       string
}

// article is one labelled article: the gold mentions of its first
// sentences, which end at byte Scope of the body.
type article struct {
	ID        string
	Half      string // the headline set's half ("A", "B"); empty elsewhere
	Source    string // the label file's source: where the text is read
	Scope     int
	Sentences int
	Gold      []mention
}

// labelFile is modern.json as stored: entities are [start, end, type, text].
type labelFile struct {
	Offsets  string `json:"offsets"`
	Source   string `json:"source"`
	Articles []struct {
		ID        string  `json:"id"`
		Half      string  `json:"half"`
		Scope     int     `json:"scope"`
		Sentences int     `json:"sentences"`
		Entities  [][]any `json:"entities"`
	} `json:"articles"`
}

// readLabels parses modern.json.
func readLabels(b []byte) ([]article, error) {
	var f labelFile
	if err := json.Unmarshal(b, &f); err != nil {
		return nil, err
	}
	if !strings.HasPrefix(f.Offsets, "UTF-8 byte") {
		return nil, fmt.Errorf("labels: offsets %q, want UTF-8 byte offsets", f.Offsets)
	}
	var arts []article
	for _, a := range f.Articles {
		art := article{ID: a.ID, Half: a.Half, Source: f.Source, Scope: a.Scope, Sentences: a.Sentences}
		for _, e := range a.Entities {
			if len(e) != 4 {
				return nil, fmt.Errorf("labels: %s: entity %v is not [start, end, type, text]", a.ID, e)
			}
			s, ok1 := e[0].(float64)
			en, ok2 := e[1].(float64)
			t, ok3 := e[2].(string)
			x, ok4 := e[3].(string)
			if !ok1 || !ok2 || !ok3 || !ok4 {
				return nil, fmt.Errorf("labels: %s: entity %v is not [start, end, type, text]", a.ID, e)
			}
			art.Gold = append(art.Gold, mention{int(s), int(en), t, x})
		}
		arts = append(arts, art)
	}
	return arts, nil
}

// readLabelFiles reads a comma-separated list of label files as one set,
// so that each half of the check keeps its own file (and its own figure)
// and their union is scored without a third copy. An id labelled twice is
// an error: it would count its mentions twice.
func readLabelFiles(list string) ([]article, error) {
	var arts []article
	seen := map[string]string{}
	for _, name := range strings.Split(list, ",") {
		b, err := os.ReadFile(name)
		if err != nil {
			return nil, err
		}
		as, err := readLabels(b)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		for _, a := range as {
			if prev, ok := seen[a.ID]; ok {
				return nil, fmt.Errorf("%s: id %s is labelled in %s too; score each file once", name, a.ID, prev)
			}
			seen[a.ID] = name
		}
		arts = append(arts, as...)
	}
	return arts, nil
}

// checkLabels reports what is wrong with an article's labels against its
// body: offsets that do not point at the stored name, unknown types, spans
// out of order, overlapping or past the scope.
func checkLabels(a article, body string) error {
	if a.Scope > len(body) {
		return fmt.Errorf("%s: scope %d past the body's %d bytes", a.ID, a.Scope, len(body))
	}
	prev := 0
	for _, m := range a.Gold {
		switch {
		case !isType(m.Type):
			return fmt.Errorf("%s: unknown type %q", a.ID, m.Type)
		case m.Start < prev || m.End <= m.Start || m.End > a.Scope:
			return fmt.Errorf("%s: span %d-%d out of order, empty or past the scope", a.ID, m.Start, m.End)
		case body[m.Start:m.End] != m.Text:
			return fmt.Errorf("%s: %d-%d is %q, the label says %q", a.ID, m.Start, m.End, body[m.Start:m.End], m.Text)
		}
		prev = m.End
	}
	return nil
}

func isType(t string) bool {
	for _, x := range types {
		if x == t {
			return true
		}
	}
	return false
}

// readBodies reads articleBody per id from a ground-truth.json.
func readBodies(path string) (map[string]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var gt map[string]struct {
		ArticleBody string `json:"articleBody"`
	}
	if err := json.Unmarshal(b, &gt); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	out := make(map[string]string, len(gt))
	for id, v := range gt {
		out[id] = v.ArticleBody
	}
	return out, nil
}

// byteOffsets converts offsets in unit ("utf8", "utf16" or "codepoint")
// into byte offsets of text. An offset past the end is an error, so a
// peer's unit mistake shows instead of scoring as misses; a UTF-16 offset
// between the two halves of a surrogate pair (compromise gives one inside
// an emoji flag) is taken as the character's start.
func byteOffsets(text, unit string, offs ...int) ([]int, error) {
	if unit == "utf8" {
		for _, o := range offs {
			if o < 0 || o > len(text) {
				return nil, fmt.Errorf("offset %d outside the text's %d bytes", o, len(text))
			}
		}
		return offs, nil
	}
	// at[i] is the byte offset of unit i
	at := make([]int, 0, len(text)+1)
	for i, r := range text {
		at = append(at, i)
		if unit == "utf16" && utf16.RuneLen(r) == 2 {
			at = append(at, i)
		} else if unit != "utf16" && unit != "codepoint" {
			return nil, fmt.Errorf("unknown offset unit %q", unit)
		}
	}
	at = append(at, len(text))
	out := make([]int, len(offs))
	for i, o := range offs {
		if o < 0 || o >= len(at) {
			return nil, fmt.Errorf("%s offset %d is outside the text", unit, o)
		}
		out[i] = at[o]
	}
	return out, nil
}

// trim narrows a predicted span to exclude surrounding white space, as
// ../shared/tools/eval_ner.mjs does.
func trim(text string, m mention) mention {
	for m.Start < m.End {
		r, n := utf8.DecodeRuneInString(text[m.Start:])
		if !isSpace(r) {
			break
		}
		m.Start += n
	}
	for m.End > m.Start {
		r, n := utf8.DecodeLastRuneInString(text[:m.End])
		if !isSpace(r) {
			break
		}
		m.End -= n
	}
	return m
}

// isSpace is JavaScript's \s, which eval_ner.mjs trims by: Go's white
// space but NEL (U+0085), and the byte order mark; a zero-width space
// (U+200B) is none.
func isSpace(r rune) bool {
	return r == '\ufeff' || r != '\u0085' && unicode.IsSpace(r)
}

// The error classes of an unmatched mention, conlleval's exact match
// broken down: a predicted mention with a gold one's span but another
// type; one that overlaps a gold mention of its type with other bounds;
// one that overlaps a gold mention of another type with other bounds; one
// that overlaps no gold mention; and a gold mention no prediction touches.
const (
	errType         = "type"
	errBoundary     = "boundary"
	errBoundaryType = "boundary+type"
	errSpurious     = "spurious"
	errMissed       = "missed"
)

// errorClasses lists errClasses in table order.
var errorClasses = []string{errType, errBoundary, errBoundaryType, errSpurious, errMissed}

// anError is one scoring error, for the listing that the write-up's
// classes were counted from.
type anError struct {
	ID         string // the article's
	Class      string
	Gold, Pred *mention
}

// counts are true positives, predictions and gold mentions.
type counts struct{ TP, Pred, Gold int }

func (c counts) prf() (p, r, f float64) {
	if c.Pred > 0 {
		p = float64(c.TP) / float64(c.Pred)
	}
	if c.Gold > 0 {
		r = float64(c.TP) / float64(c.Gold)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return
}

// result is a system's score over the set.
type result struct {
	All, NoMISC counts
	ByType      map[string]counts
	Errors      []anError
	ByClass     map[string]int
	Hit         map[hit]bool // the gold mentions found, span and type
}

// hit names one gold mention of one article.
type hit struct {
	ID         string
	Start, End int
}

func newResult() *result {
	return &result{ByType: map[string]counts{}, ByClass: map[string]int{}, Hit: map[hit]bool{}}
}

// add scores one article: exact span and type, mention by mention, as
// conlleval. pred must already be byte spans trimmed of white space;
// predictions that start past the labelled scope are not scored, nor
// (as eval_ner.mjs ignores them) ones of a type outside PER, LOC, ORG and
// MISC, a peer's DATE or NORP.
func (r *result) add(id string, scope int, gold, pred []mention) {
	var in []mention
	for _, p := range pred {
		if p.Start < scope && p.End > p.Start && isType(p.Type) {
			in = append(in, p)
		}
	}
	sort.SliceStable(in, func(i, j int) bool { return in[i].Start < in[j].Start })
	type key struct {
		s, e int
		t    string
	}
	goldAt := map[key]bool{}
	for _, g := range gold {
		goldAt[key{g.Start, g.End, g.Type}] = true
	}
	matched := map[key]bool{}
	bump := func(t string, f func(*counts)) {
		c := r.ByType[t]
		f(&c)
		r.ByType[t] = c
		f(&r.All)
		if t != "MISC" {
			f(&r.NoMISC)
		}
	}
	for _, g := range gold {
		bump(g.Type, func(c *counts) { c.Gold++ })
	}
	for _, p := range in {
		bump(p.Type, func(c *counts) { c.Pred++ })
		k := key{p.Start, p.End, p.Type}
		if goldAt[k] && !matched[k] {
			matched[k] = true
			r.Hit[hit{id, p.Start, p.End}] = true
			bump(p.Type, func(c *counts) { c.TP++ })
		}
	}
	// classify what did not match
	touched := make([]bool, len(gold))
	for i := range in {
		p := &in[i]
		if matched[key{p.Start, p.End, p.Type}] {
			for j, g := range gold {
				if g.Start == p.Start && g.End == p.End {
					touched[j] = true
				}
			}
			continue
		}
		class, gi := errSpurious, -1
		for j, g := range gold {
			if g.Start < p.End && p.Start < g.End {
				touched[j] = true
				c := errBoundaryType
				switch {
				case g.Start == p.Start && g.End == p.End:
					c = errType
				case g.Type == p.Type:
					c = errBoundary
				}
				if gi < 0 || rank(c) < rank(class) {
					class, gi = c, j
				}
			}
		}
		e := anError{ID: id, Class: class, Pred: p}
		if gi >= 0 {
			e.Gold = &gold[gi]
		}
		r.Errors = append(r.Errors, e)
		r.ByClass[class]++
	}
	for j := range gold {
		if !touched[j] {
			r.Errors = append(r.Errors, anError{ID: id, Class: errMissed, Gold: &gold[j]})
			r.ByClass[errMissed]++
		}
	}
}

// rank orders the classes of an overlapping prediction: the nearest miss
// names the error.
func rank(c string) int {
	for i, x := range errorClasses {
		if x == c {
			return i
		}
	}
	return len(errorClasses)
}

// errNoShared is returned when the data set is not there: the benchmark
// skips rather than fails, so the project builds and tests without it.
var errNoShared = errors.New("data set not found")

// conllNames reads the entity names of a CoNLL-2003 file (tokens joined
// with one space), whatever their type, as conlleval finds the chunks in
// IOB1 or IOB2 tags.
func conllNames(b []byte) map[string]bool {
	names := map[string]bool{}
	var cur []string
	curType := ""
	flush := func() {
		if len(cur) > 0 {
			names[strings.Join(cur, " ")] = true
		}
		cur, curType = nil, ""
	}
	for _, line := range strings.Split(string(b), "\n") {
		f := strings.Fields(line)
		if len(f) < 2 || f[0] == "-DOCSTART-" {
			flush()
			continue
		}
		tag := f[len(f)-1]
		if tag == "O" || len(tag) < 3 {
			flush()
			continue
		}
		if tag[0] == 'B' || tag[2:] != curType {
			flush()
		}
		cur, curType = append(cur, f[0]), tag[2:]
	}
	flush()
	return names
}

// seenRecall splits the gold mentions by whether their name (white space
// collapsed) is an entity name in the training file, and gives the
// recall of each part: how much of the score is names the model has seen.
func seenRecall(arts []article, r *result, names map[string]bool) (seen, unseen counts) {
	for _, a := range arts {
		for _, g := range a.Gold {
			c := &unseen
			if names[strings.Join(strings.Fields(g.Text), " ")] {
				c = &seen
			}
			c.Gold++
			if r.Hit[hit{a.ID, g.Start, g.End}] {
				c.TP++
			}
		}
	}
	return seen, unseen
}

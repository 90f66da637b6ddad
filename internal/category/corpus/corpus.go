// Package corpus reads the labelled data the category model learns from
// (../shared/data/categories: AG News CSV, HuffPost JSON lines), maps each
// source class to lede's taxonomy with the committed mapping.json, and
// splits every row, by a hash of its text, into train, validation and test.
//
// The training command (cmd/train-categories) and the benchmark
// (bench/categories) both use it, so the held-out rows they agree on are
// the same rows, and no held-out row is ever trained on.
package corpus

import (
	"bufio"
	_ "embed"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"strings"
)

// Split is the part of the data a row belongs to.
type Split uint8

const (
	Train      Split = iota
	Validation       // for choosing hyper-parameters and the calibration temperature
	Test             // held out: scored by bench/categories.sh, never trained on
)

func (s Split) String() string { return [...]string{"train", "validation", "test"}[s] }

// SplitOf assigns a row by FNV-1a 64 of its key (the row's text): 10% test,
// 10% validation, 80% train. Identical texts always land on the same side.
func SplitOf(key string) Split {
	h := fnv.New64a()
	h.Write([]byte(key))
	switch h.Sum64() % 10 {
	case 0:
		return Test
	case 1:
		return Validation
	}
	return Train
}

// Row is one labelled text of a source data set.
type Row struct {
	Source string // "agnews", "huffpost", or a name given by the caller
	Class  string // the source's own class ("Sci/Tech", "WORLDPOST")
	Title  string // "" where the source has none (HuffPost)
	Text   string // the text to classify, title first where there is one
	Split  Split
}

// Weak adds Label, with weight Share, to rows of the listed classes whose
// text holds one of Terms: a label no data set has (defence and security
// news) learned from the words that mark it. It is weak supervision and
// docs/models/categories.md says so.
type Weak struct {
	Label   string              `json:"label"`
	Share   float64             `json:"share"`
	Classes map[string][]string `json:"classes"` // source -> classes
	Terms   []string            `json:"terms"`   // lower-case words or two-word phrases
}

// Mapping maps source classes to taxonomy labels.
type Mapping struct {
	Labels  []string                       `json:"labels"`
	Sources map[string]map[string][]string `json:"sources"`
	Weak    []Weak                         `json:"weak"`
}

//go:embed mapping.json
var defaultMapping []byte

// DefaultMapping is the committed mapping.json.
func DefaultMapping() *Mapping {
	m, err := ParseMapping(defaultMapping)
	if err != nil {
		panic(err) // a broken committed file: caught by the package's tests
	}
	return m
}

// ParseMapping reads a mapping file and checks that every label it names
// is in its label list.
func ParseMapping(b []byte) (*Mapping, error) {
	var m Mapping
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("mapping: %v", err)
	}
	known := map[string]bool{}
	for _, l := range m.Labels {
		known[l] = true
	}
	if len(known) == 0 || len(known) != len(m.Labels) {
		return nil, errors.New("mapping: labels must be a non-empty list without repeats")
	}
	for src, classes := range m.Sources {
		for cls, ls := range classes {
			for _, l := range ls {
				if !known[l] {
					return nil, fmt.Errorf("mapping: %s class %q maps to %q, which is not in labels", src, cls, l)
				}
			}
		}
	}
	for _, w := range m.Weak {
		if !known[w.Label] || w.Share <= 0 || w.Share >= 1 {
			return nil, fmt.Errorf("mapping: weak label %q must be in labels with 0 < share < 1", w.Label)
		}
	}
	return &m, nil
}

// Targets returns the labels a row's class maps to: one (that label), several
// (one of them; the model chooses), or none with ok false when the class is
// left out or unknown.
func (m *Mapping) Targets(r Row) (labels []string, ok bool) {
	ls, found := m.Sources[r.Source][r.Class]
	return ls, found && len(ls) > 0
}

// WeakLabels returns the weak labels (and their shares) a row carries.
func (m *Mapping) WeakLabels(r Row) (labels []string, shares []float64) {
	var lower string
	for _, w := range m.Weak {
		in := false
		for _, c := range w.Classes[r.Source] {
			if c == r.Class {
				in = true
			}
		}
		if !in {
			continue
		}
		if lower == "" {
			lower = " " + strings.Join(strings.FieldsFunc(strings.ToLower(r.Text), notWordChar), " ") + " "
		}
		for _, t := range w.Terms {
			if strings.Contains(lower, " "+t+" ") {
				labels, shares = append(labels, w.Label), append(shares, w.Share)
				break
			}
		}
	}
	return labels, shares
}

func notWordChar(r rune) bool {
	return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r > 127)
}

// ReadAGNews reads an AG News CSV file ("class","title","description", class
// 1..4 named by names, in order). AG's backslash line breaks become spaces,
// as the scorer (../shared/tools/eval_categories.mjs) does.
func ReadAGNews(path string, names []string) ([]Row, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	cr := csv.NewReader(bufio.NewReader(f))
	cr.FieldsPerRecord = -1
	var rows []Row
	for line := 1; ; line++ {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %v", path, err)
		}
		if len(rec) < 3 {
			return nil, fmt.Errorf("%s: row %d has %d fields, want 3", path, line, len(rec))
		}
		var k int
		if _, err := fmt.Sscan(rec[0], &k); err != nil || k < 1 || k > len(names) {
			return nil, fmt.Errorf("%s: row %d: class %q is not 1..%d", path, line, rec[0], len(names))
		}
		title := unslash(rec[1])
		body := unslash(strings.Join(rec[2:], ", "))
		text := title
		if body != "" {
			text += "\n" + body
		}
		rows = append(rows, Row{Source: "agnews", Class: names[k-1], Title: title, Text: text,
			Split: SplitOf(rec[1] + "\x00" + strings.Join(rec[2:], ", "))})
	}
	return rows, nil
}

func unslash(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, `\`, " ")), " ")
}

// AGNewsClasses are AG News's class names, in the order of its classes.txt.
var AGNewsClasses = []string{"World", "Sports", "Business", "Sci/Tech"}

// ReadJSONL reads one JSON object per line with "text" and "label" (the
// HuffPost file's shape, and the shape for any other labelled data).
func ReadJSONL(path, source string) ([]Row, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	var rows []Row
	for line := 1; sc.Scan(); line++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var o struct {
			Text  string `json:"text"`
			Label string `json:"label"`
		}
		if err := json.Unmarshal(sc.Bytes(), &o); err != nil {
			return nil, fmt.Errorf("%s: line %d: %v", path, line, err)
		}
		rows = append(rows, Row{Source: source, Class: o.Label, Text: o.Text, Split: SplitOf(o.Text)})
	}
	return rows, sc.Err()
}

package main

import (
	"bytes"
	"os"
	"reflect"
	"sort"
	"strings"
	"testing"
)

func TestAdd(t *testing.T) {
	m := func(s, e int, typ string) mention { return mention{Start: s, End: e, Type: typ} }
	gold := []mention{m(0, 5, "PER"), m(10, 20, "ORG"), m(30, 35, "LOC"), m(40, 45, "MISC")}
	for _, tc := range []struct {
		name    string
		pred    []mention
		tp      int
		classes map[string]int
	}{
		{"all right", gold, 4, map[string]int{}},
		{"none", nil, 0, map[string]int{errMissed: 4}},
		{"type", []mention{m(0, 5, "ORG")}, 0, map[string]int{errType: 1, errMissed: 3}},
		{"boundary", []mention{m(10, 15, "ORG")}, 0, map[string]int{errBoundary: 1, errMissed: 3}},
		{"boundary and type", []mention{m(28, 35, "ORG")}, 0, map[string]int{errBoundaryType: 1, errMissed: 3}},
		{"spurious", []mention{m(50, 55, "PER")}, 0, map[string]int{errSpurious: 1, errMissed: 4}},
		{"past the scope is not scored", []mention{m(0, 5, "PER"), m(100, 105, "PER")}, 1, map[string]int{errMissed: 3}},
		{"nor a type outside the four", []mention{m(0, 5, "PER"), m(10, 20, "DATE"), m(50, 55, "NORP")}, 1, map[string]int{errMissed: 3}},
		{"the nearest miss names the error", []mention{m(0, 5, "LOC"), m(6, 8, "LOC")}, 0, map[string]int{errType: 1, errSpurious: 1, errMissed: 3}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := newResult()
			r.add("x", 60, gold, tc.pred)
			if r.All.TP != tc.tp || r.All.Gold != 4 {
				t.Errorf("TP %d of %d gold, want %d of 4", r.All.TP, r.All.Gold, tc.tp)
			}
			if n := len(r.ByType); n > 4 {
				t.Errorf("%d types counted, want the four", n)
			}
			if !reflect.DeepEqual(r.ByClass, tc.classes) {
				t.Errorf("classes %v, want %v", r.ByClass, tc.classes)
			}
		})
	}
}

func TestPRF(t *testing.T) {
	r := newResult()
	m := func(s, e int, typ string) mention { return mention{Start: s, End: e, Type: typ} }
	r.add("x", 100, []mention{m(0, 5, "PER"), m(10, 20, "ORG"), m(30, 35, "MISC")},
		[]mention{m(0, 5, "PER"), m(10, 20, "LOC"), m(30, 35, "MISC"), m(40, 45, "PER")})
	p, rc, f := r.All.prf()
	if p != 0.5 || rc != 2.0/3 || f < 0.571 || f > 0.572 {
		t.Errorf("P %v R %v F %v, want 0.5, 0.667, 0.571", p, rc, f)
	}
	if c := r.ByType["PER"]; c != (counts{TP: 1, Pred: 2, Gold: 1}) {
		t.Errorf("PER %+v", c)
	}
	if c := r.NoMISC; c != (counts{TP: 1, Pred: 3, Gold: 2}) {
		t.Errorf("no MISC %+v", c)
	}
}

func TestByteOffsets(t *testing.T) {
	text := "a😀 é b" // 😀 is 4 bytes and 2 UTF-16 units, é 2 bytes and 1 unit
	for _, tc := range []struct {
		unit string
		in   []int
		want []int
		bad  bool
	}{
		{"utf8", []int{0, 5, 10}, []int{0, 5, 10}, false},
		{"utf16", []int{0, 1, 3, 4, 5, 6, 7}, []int{0, 1, 5, 6, 8, 9, 10}, false},
		{"utf16", []int{2}, []int{1}, false}, // inside the surrogate pair
		{"codepoint", []int{2, 3, 6}, []int{5, 6, 10}, false},
		{"utf8", []int{11}, nil, true},
		{"utf16", []int{8}, nil, true},
		{"bytes", []int{0}, nil, true},
	} {
		got, err := byteOffsets(text, tc.unit, tc.in...)
		if (err != nil) != tc.bad || !tc.bad && !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s %v: got %v, %v; want %v (error %v)", tc.unit, tc.in, got, err, tc.want, tc.bad)
		}
	}
}

// TestTrim holds trim to eval_ner.mjs's, JavaScript's \s: a zero-width
// space and NEL are no white space there, ideographic space, the line
// separator and the byte order mark are.
func TestTrim(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{" \u00a0Name \n", "Name"},
		{"\u3000\u2028\ufeffName\v\f\u202f", "Name"},
		{"\u200bName\u200b", "\u200bName\u200b"},
		{"\u0085Name", "\u0085Name"},
		{" \t ", ""},
	} {
		got := trim(tc.text, mention{Start: 0, End: len(tc.text)})
		if s := tc.text[got.Start:got.End]; s != tc.want {
			t.Errorf("%q trimmed to %q, want %q", tc.text, s, tc.want)
		}
	}
}

func TestCheckLabels(t *testing.T) {
	body := "Ann met Bob in Paris. Then more."
	ok := article{ID: "x", Scope: 21, Gold: []mention{{0, 3, "PER", "Ann"}, {8, 11, "PER", "Bob"}, {15, 20, "LOC", "Paris"}}}
	if err := checkLabels(ok, body); err != nil {
		t.Fatal(err)
	}
	for name, g := range map[string][]mention{
		"wrong text":    {{0, 3, "PER", "Bob"}},
		"unknown type":  {{0, 3, "GPE", "Ann"}},
		"out of order":  {{8, 11, "PER", "Bob"}, {0, 3, "PER", "Ann"}},
		"past scope":    {{22, 26, "MISC", "Then"}},
		"empty span":    {{3, 3, "PER", ""}},
		"overlapping":   {{0, 7, "PER", "Ann met"}, {4, 11, "PER", "met Bob"}},
		"beyond a body": {{0, 3, "PER", "Ann"}, {30, 40, "PER", "x"}},
	} {
		a := ok
		a.Gold = g
		if err := checkLabels(a, body); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

// TestLabels checks the stored labels against the bodies they index and
// the article choice against the rules in modern.md: every 4th id of the
// sorted dev set from index 0 (modern.json, the one Italian body left out)
// and from index 2 (modern2.json, the two Portuguese and two Japanese
// bodies left out) and from index 1 (modern3.json, the Indonesian and the
// Portuguese body left out); then the header of each half and of unions.
func TestLabels(t *testing.T) {
	const gold = "../../../../shared/data/article-extraction/dev-pasted/ground-truth.json"
	if _, err := os.Stat(gold); err != nil {
		t.Skip("no ../shared:", err)
	}
	bodies, err := readBodies(gold)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for id := range bodies {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, tc := range []struct {
		file   string
		from   int
		nonEng []string
		header string
	}{
		{"../modern.json", 0, []string{"20b2b649"}, "25 articles, 271 sentences, 433 mentions (PER 120, LOC 99, ORG 116, MISC 98)"},
		{"../modern2.json", 2, []string{"11ea381a", "b3c19dd5", "85439e26", "f105de6e"}, "21 articles, 240 sentences, 353 mentions (PER 52, LOC 93, ORG 120, MISC 88)"},
		{"../modern.json,../modern2.json", -1, nil, "46 articles, 511 sentences, 786 mentions (PER 172, LOC 192, ORG 236, MISC 186)"},
		{"../modern3.json", 1, []string{"21486419", "f6ac15a4"}, "24 articles, 268 sentences, 388 mentions (PER 116, LOC 110, ORG 88, MISC 74)"},
		{"../modern.json,../modern2.json,../modern3.json", -1, nil, "70 articles, 779 sentences, 1174 mentions (PER 288, LOC 302, ORG 324, MISC 260)"},
	} {
		arts, err := readLabelFiles(tc.file)
		if err != nil {
			t.Fatal(err)
		}
		var want, got []string
		for i := tc.from; i >= 0 && i < len(ids); i += 4 {
			english := true
			for _, p := range tc.nonEng {
				english = english && !strings.HasPrefix(ids[i], p)
			}
			if english {
				want = append(want, ids[i])
			}
		}
		for _, a := range arts {
			got = append(got, a.ID)
			if err := checkLabels(a, bodies[a.ID]); err != nil {
				t.Error(err)
			}
		}
		if tc.from >= 0 && !reflect.DeepEqual(got, want) {
			t.Errorf("%s: labelled ids are not every 4th sorted id from %d:\n got %v\nwant %v", tc.file, tc.from, got, want)
		}
		var out bytes.Buffer
		if err := run(&out, config{labels: tc.file, gold: gold, header: true}); err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(out.String(), tc.header) {
			t.Errorf("%s: header %q, want %q", tc.file, out.String(), tc.header)
		}
	}
	if _, err := readLabelFiles("../modern.json,../modern.json"); err == nil {
		t.Error("a file given twice was accepted; its mentions would count twice")
	}
}

func TestSkipsWithoutData(t *testing.T) {
	err := run(&bytes.Buffer{}, config{labels: "../modern.json", gold: "no/such/ground-truth.json", name: "lede", offsets: "utf8"})
	if err == nil || !strings.Contains(err.Error(), errNoShared.Error()) {
		t.Errorf("got %v, want %v", err, errNoShared)
	}
}

func TestConllNames(t *testing.T) {
	file := `-DOCSTART- -X- O O

EU NNP I-NP I-ORG
rejects VBZ I-VP O
German JJ I-NP I-MISC
call NN I-NP O
Peter NNP I-NP I-PER
Blackburn NNP I-NP I-PER
Rome NNP I-NP I-LOC
Paris NNP I-NP B-LOC
New NNP I-NP I-ORG
York NNP I-NP I-ORG
Times NNP I-NP I-ORG

Bonn NNP I-NP I-LOC
`
	got := conllNames([]byte(file))
	want := map[string]bool{"EU": true, "German": true, "Peter Blackburn": true, "Rome": true, "Paris": true, "New York Times": true, "Bonn": true}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestSeenRecall(t *testing.T) {
	arts := []article{{ID: "a", Scope: 50, Gold: []mention{{0, 5, "PER", "Peter"}, {10, 20, "ORG", "New  York"}, {30, 35, "LOC", "Bonn"}}}}
	r := newResult()
	r.add("a", 50, arts[0].Gold, []mention{{0, 5, "PER", ""}, {10, 20, "ORG", ""}})
	seen, unseen := seenRecall(arts, r, map[string]bool{"New York": true, "Bonn": true})
	if seen != (counts{TP: 1, Gold: 2}) || unseen != (counts{TP: 1, Gold: 1}) {
		t.Errorf("seen %+v unseen %+v", seen, unseen)
	}
}

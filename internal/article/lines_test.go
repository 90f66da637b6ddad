package article

import (
	"strings"
	"testing"
)

// commentThread returns a paste: a short menu, an article of paragraphs,
// then a comments heading and a thread whose every post has its author's
// name and a time stamp on lines of their own.
func commentThread() string {
	var b strings.Builder
	b.WriteString("Home\nNews\nSport\n\n")
	for _, p := range paras("budget", 4) {
		b.WriteString(p + "\n\n")
	}
	b.WriteString("3 Comments\n\n")
	for i, who := range []string{"Woyzeck", "Nick A", "fmcshan"} {
		b.WriteString(who + "\n2 days ago at 07:5" + string(rune('1'+i)) + " am\n")
		b.WriteString("I think the council should have seen this coming years ago, and the fees will only hurt the people who can least afford them, as usual.\n\n")
	}
	return b.String()
}

// The line features are as many as their names, and the context ones say
// what they mean on a paste made for them.
func TestLineFeatures(t *testing.T) {
	in := commentThread()
	s := LineSamples(in)
	if len(s) == 0 {
		t.Fatal("no lines")
	}
	at := map[string]int{}
	for i, n := range LineFeatureNames() {
		at[n] = i
	}
	if len(at) != len(LineFeatureNames()) {
		t.Fatal("two line features share a name")
	}
	find := func(prefix string) []float64 {
		for _, l := range s {
			if strings.HasPrefix(l.Text, prefix) {
				return l.X
			}
		}
		t.Fatalf("no line %q", prefix)
		return nil
	}
	for _, l := range s {
		if len(l.X) != len(at) {
			t.Fatalf("line %q has %d features, want %d", l.Text, len(l.X), len(at))
		}
	}
	tests := []struct {
		line, feature string
		want          float64
	}{
		{"The budget report, part A", "after_comments", 0},
		{"I think the council", "after_comments", 1},
		{"2 days ago", "stamp", 1},
		{"Woyzeck", "stamp", 0},
		{"Home", "group_lines", find("News")[at["group_lines"]]}, // one menu group
		{"The budget report, part B", "blank_after", 1},
		{"Woyzeck", "blank_after", 0},
		{"The budget report, part C", "in_krun", 1},
		{"Home", "in_krun", 0},
		{"The budget report, part A", "title_case", 0},
	}
	for _, tc := range tests {
		if got := find(tc.line)[at[tc.feature]]; got != tc.want {
			t.Errorf("%q: %s = %v, want %v", tc.line, tc.feature, got, tc.want)
		}
	}
	// the repeated comment is printed three times; the paragraphs once
	if a, b := find("I think the council")[at["rep_count"]], find("The budget report, part A")[at["rep_count"]]; a <= 0 || b != 0 {
		t.Errorf("rep_count: repeated %v, once %v", a, b)
	}
}

func TestClockTime(t *testing.T) {
	tests := []struct {
		s    string
		want bool
	}{
		{"2 days ago at 08:12 am", true},
		{"Updated 9:05", true},
		{"Ratio 3:1 in favour", false},
		{"Score 10:100", false},
		{"No time here", false},
	}
	for _, tc := range tests {
		if got := clockTime(tc.s); got != tc.want {
			t.Errorf("clockTime(%q) = %v, want %v", tc.s, got, tc.want)
		}
	}
}

// A line model decodes with its best run and gap: without a gap the
// thread's prose joins the article over the short name and stamp lines;
// with one it does not. A model that finds no body leaves the rules'.
func TestLineModelDecoding(t *testing.T) {
	in := commentThread()
	model := func(src string) *BlockModel {
		m, err := ParseModel(src, LineFeatureNames())
		if err != nil {
			t.Fatal(err)
		}
		back, err := ParseModel(m.String(), LineFeatureNames())
		if err != nil || back.String() != m.String() {
			t.Fatalf("line model does not round-trip: %v\n%s", err, m.String())
		}
		return m
	}
	// body when the line reads as prose
	prose := "threshold 0.5\nrun 1\n%sbias 0\ntree prose<=0.5 =-3 =3\n"
	thread := "I think the council"
	tests := []struct {
		name       string
		src        string
		wantThread bool
	}{
		{"no gap: the thread joins", strings.Replace(prose, "%s", "", 1), true},
		{"gap 8: the thread is apart", strings.Replace(prose, "%s", "gap 8\n", 1), false},
	}
	for _, tc := range tests {
		body := Body(ParseTextWith(in, model(tc.src)))
		if !strings.Contains(body, "The budget report, part D") {
			t.Errorf("%s: the article is missing:\n%s", tc.name, body)
		}
		if got := strings.Contains(body, thread); got != tc.wantThread {
			t.Errorf("%s: thread in body = %v, want %v:\n%s", tc.name, got, tc.wantThread, body)
		}
	}
	none := model("threshold 0.5\nbias 0\ntree words<=0 =-5 =-5\n")
	if got, want := Body(ParseTextWith(in, none)), Body(ParseTextWith(in, nil)); got != want || want == "" {
		t.Errorf("a model that finds no body changed the rules' answer:\n%q\nwant\n%q", got, want)
	}
}

// TestSegments checks the segment decoding against the stretches a reader
// would pick: a large cost per stretch gives the single best run (bridging
// a small dip), a small one every positive stretch apart.
func TestSegments(t *testing.T) {
	vals := []float64{-3, 5, 4, -2, 6, -20, 3, -1}
	tests := []struct {
		seg  float64
		want string
	}{
		{100, ".1111..."},
		{2.5, ".1111.1."},
		{0.1, ".11.1.1."},
	}
	for _, tc := range tests {
		in := segments(len(vals), func(i int) float64 { return vals[i] }, tc.seg)
		got := ""
		for _, b := range in {
			if b {
				got += "1"
			} else {
				got += "."
			}
		}
		if got != tc.want {
			t.Errorf("segments(seg %g) = %s, want %s", tc.seg, got, tc.want)
		}
	}
	if got := segments(0, nil, 1); len(got) != 0 {
		t.Errorf("segments of nothing = %v", got)
	}
}

// A line model round-trips through its text with its segment cost, and
// segment decoding reads a paste as the best run does when one stretch is
// all there is.
func TestLineModelText(t *testing.T) {
	m, err := ParseModel("threshold 0.5\nbias 0\ntree prose<=0.5 =-3 =3\n", LineFeatureNames())
	if err != nil {
		t.Fatal(err)
	}
	for _, seg := range []float64{0, 10} {
		back, got, err := ParseLineModel(LineModelText(m, seg))
		if err != nil || got != seg || back.String() != m.String() {
			t.Errorf("segments %g: read back %g, %v\n%s", seg, got, err, LineModelText(m, seg))
		}
	}
	if _, _, err := ParseLineModel("threshold 0.5\nsegments x\n"); err == nil {
		t.Error("a bad segments line was accepted")
	}
	in := commentThread()
	run := *m
	run.Run, run.Gap = true, 8
	seg := *m
	seg.Gap = 8
	if a, b := Body(ParseTextWith(in, &run)), Body(ParseTextSegments(in, &seg, 1000)); a != b {
		t.Errorf("segments with a prohibitive cost differ from the best run:\n%q\n%q", b, a)
	}
}

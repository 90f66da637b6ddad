package article

import (
	"strings"
	"testing"
)

// structurePage is a page whose story is five paragraphs in one element,
// beside a sidebar of two short notes and a list of three other stories'
// summaries, each in its own list item.
func structurePage() string {
	var b strings.Builder
	b.WriteString(`<html><body><div id="page"><div class="story"><h1>Council sets the budget</h1>`)
	for _, p := range paras("budget", 5) {
		b.WriteString("<p>" + p + "</p>")
	}
	b.WriteString(`</div><div class="notes"><p>A short note beside the story.</p><p>Another short note.</p></div><ul>`)
	for _, p := range paras("other", 3) {
		b.WriteString("<li><div>" + p + "</div></li>")
	}
	b.WriteString(`</ul></div></body></html>`)
	return b.String()
}

// The structural features say where the page's prose lies around a block:
// the share of it under the block's parent and grandparent, and how many
// blocks the parent holds.
func TestStructureFeatures(t *testing.T) {
	s, err := BlockSamples(structurePage())
	if err != nil || len(s) == 0 {
		t.Fatalf("no blocks: %v", err)
	}
	at := map[string]int{}
	for i, n := range FeatureNames() {
		at[n] = i
	}
	find := func(prefix string) []float64 {
		for _, b := range s {
			if strings.HasPrefix(b.Text, prefix) {
				return b.X
			}
		}
		t.Fatalf("no block %q", prefix)
		return nil
	}
	story := find("The budget report, part C")
	other := find("The other report, part B")
	note := find("A short note")
	tests := []struct {
		name, feature string
		x             []float64
		check         func(float64) bool
	}{
		{"the story's parent holds most of the prose", "parent_share", story, func(v float64) bool { return v > 0.5 }},
		{"another story's parent (its list item) holds little", "parent_share", other, func(v float64) bool { return v > 0 && v < 0.2 }},
		{"its grandparent (the list) holds more", "gparent_share", other, func(v float64) bool { return v > 0.2 && v < 0.5 }},
		{"the story's parent holds its six blocks", "parent_blocks", story, func(v float64) bool { return v > 0.3 }},
		{"a note's parent holds none", "parent_share", note, func(v float64) bool { return v == 0 }},
	}
	for _, tc := range tests {
		if got := tc.x[at[tc.feature]]; !tc.check(got) {
			t.Errorf("%s: %s = %v", tc.name, tc.feature, got)
		}
	}
}

// Blocks the structure rules out, and blocks that are not candidates,
// score 0 whatever the model says; the others get the model's score.
func TestBlockScoresVeto(t *testing.T) {
	names := FeatureNames()
	m, err := ParseModel("threshold 0.5\nbias 2\ntree chars<=0.5 =1 =1\n", names)
	if err != nil {
		t.Fatal(err)
	}
	at := map[string]int{}
	for i, n := range names {
		at[n] = i
	}
	row := func(feature string) []float64 {
		x := make([]float64, len(names))
		if feature != "" {
			x[at[feature]] = 1
		}
		return x
	}
	tests := []struct {
		name string
		x    []float64
		want float64
	}{
		{"a plain block", row(""), m.Prob(row(""))},
		{"not a candidate", nil, 0},
		{"the <h1>", row("h1"), 0},
		{"in navigation, an aside or a footer", row("chrome"), 0},
		{"in a figure", row("figure"), 0},
		{"a sub-heading is not ruled out", row("h2_3"), m.Prob(row("h2_3"))},
	}
	X := make([][]float64, len(tests))
	for i, tc := range tests {
		X[i] = tc.x
	}
	p := m.blockScores(X)
	for i, tc := range tests {
		if p[i] != tc.want || tc.want == 0 && tc.x != nil && m.Prob(tc.x) == 0 {
			t.Errorf("%s: score %v, want %v", tc.name, p[i], tc.want)
		}
	}
}

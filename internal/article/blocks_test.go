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

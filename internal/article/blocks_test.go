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

// The vocabulary tests a model never reads are skipped (baseReads), and
// that changes no score: a tree reading a neighbour's feature marks the
// base feature, and the shipped model scores every block of a page alike
// with the skipped features and with all of them.
func TestBaseReads(t *testing.T) {
	m, err := ParseModel("threshold 0.5\nbias 0\ntree next2.prose<=0.5 caption<=0.5 =-1 =1 =2\n", FeatureNames())
	if err != nil {
		t.Fatal(err)
	}
	reads := m.baseReads()
	for f, name := range baseNames {
		if want := name == "prose" || name == "caption"; reads[f] != want {
			t.Errorf("%s read: %v, want %v", name, reads[f], want)
		}
	}
	if (&BlockModel{W: make([]float64, len(FeatureNames()))}).baseReads() != nil {
		t.Error("a regression reads every feature, but baseReads said otherwise")
	}
	def := DefaultBlockModel()
	// furniture that sets the vocabulary features beside the story
	page := strings.Replace(structurePage(), `<div class="notes">`, `<div class="notes"><p>By Jane Doe</p><p>Photo: Reuters</p>`+
		`<p>Share this article</p><p>Related stories</p><p>March 3, 2026</p><p>Sign up for our newsletter</p>`, 1)
	r, err := render(page)
	if err != nil || r == nil {
		t.Fatalf("render: %v", err)
	}
	rule, ok := r.ruleRoles()
	if !ok {
		t.Fatal("no container")
	}
	all, some := r.features(rule, nil), r.features(rule, def.baseReads())
	set := 0 // vocabulary features set on the page
	for _, x := range all {
		for _, f := range []int{19, 20, 21, 22, 35, 36} {
			if x != nil && x[f] != 0 {
				set++
			}
		}
	}
	if set == 0 {
		t.Error("no vocabulary feature is set on the page: the check below tests nothing")
	}
	for i := range all {
		if all[i] != nil && def.Prob(all[i]) != def.Prob(some[i]) {
			t.Errorf("block %d: %v with every feature, %v with the read ones", i, def.Prob(all[i]), def.Prob(some[i]))
		}
	}
}

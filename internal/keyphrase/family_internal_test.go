package keyphrase

import (
	"math"
	"testing"
)

// TestFamily checks FIn and FHolds on a made-up article's candidates: a
// word held by longer candidates, plural and singular as one word, a name's
// words, and a candidate alone.
func TestFamily(t *testing.T) {
	texts := []string{"oil spill", "oil", "spills", "Oil Spills", "tanker", "Exxon Valdez", "Valdez", "crude oil spill"}
	cases := []struct {
		text      string
		in, holds int
	}{
		{"oil spill", 1, 2},       // in "crude oil spill"; holds "oil" and "spills" ("Oil Spills" has its words, no more)
		{"oil", 3, 0},             // in "oil spill", "Oil Spills", "crude oil spill"
		{"spills", 3, 0},          // the S-stemmer's "spill"
		{"Oil Spills", 1, 2},      // as "oil spill"
		{"tanker", 0, 0},          // alone
		{"Exxon Valdez", 0, 1},    // holds "Valdez"
		{"Valdez", 1, 0},          // in "Exxon Valdez"
		{"crude oil spill", 0, 4}, // holds "oil spill", "oil", "spills", "Oil Spills"
	}
	cs := make([]Candidate, len(texts))
	for i, s := range texts {
		cs[i].Text = s
	}
	family(cs)
	for i, c := range cases {
		f := &cs[i].Features
		if cs[i].Text != c.text {
			t.Fatalf("case %d is %q, candidate %q", i, c.text, cs[i].Text)
		}
		if f[FIn] != math.Log1p(float64(c.in)) || f[FHolds] != math.Log1p(float64(c.holds)) {
			t.Errorf("%q: in %.3f holds %.3f, want log1p(%d), log1p(%d)", c.text, f[FIn], f[FHolds], c.in, c.holds)
		}
	}
}

package main

import (
	"slices"
	"testing"
)

// TestTopTenAndHits: the scorer's reading of a ranked list, which score
// and -panel share: the first ten distinct phrases once normalised (a
// phrase that normalises to nothing skipped), and each gold keyphrase
// matched by one of them at most.
func TestTopTenAndHits(t *testing.T) {
	nz := normalizer{}
	many := []string{"a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "a9", "a10", "a11"}
	for _, tc := range []struct {
		ranked []string
		gold   [][]string
		top    []string
		hits   int
	}{
		{nil, [][]string{{"trade"}}, nil, 0},
		// "Trade talks" and "trade talk" are one phrase; "--" none
		{[]string{"Trade talks", "--", "trade talk", "visas"}, [][]string{{"trade talk"}, {"visa"}}, []string{"trade talk", "visa"}, 2},
		// a gold keyphrase is matched once, by the first of its variants shown
		{[]string{"visas", "visa programme", "work visa"}, [][]string{{"visa", "work visa"}}, []string{"visa", "visa programm", "work visa"}, 1},
		{many, [][]string{{"a10"}, {"a11"}}, many[:10], 1},
	} {
		top := topTen(tc.ranked, nz)
		if !slices.Equal(top, tc.top) {
			t.Errorf("topTen(%q) = %q, want %q", tc.ranked, top, tc.top)
		}
		if h := hits(top, tc.gold); h != tc.hits {
			t.Errorf("hits(%q, %q) = %d, want %d", top, tc.gold, h, tc.hits)
		}
	}
}

package aeb

import (
	"math"
	"reflect"
	"testing"
)

func TestTokens(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"Hello, world!", []string{"Hello", "world"}},
		{"Café 2019—naïve_x", []string{"Café", "2019", "naïve_x"}},
		{"it’s a\nnew-line", []string{"it", "s", "a", "new", "line"}},
	} {
		if got := Tokens(c.in); !reflect.DeepEqual(got, c.want) {
			t.Errorf("Tokens(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestPagePR(t *testing.T) {
	for _, c := range []struct {
		name, truth, pred string
		p, r              float64
		hasP, hasR        bool
	}{
		{"same text", "a b c d e", "a b c d e", 1, 1, true, true},
		{"separators do not count", "a b c d e", "a\n\nb c. d (e)", 1, 1, true, true},
		// truth {abcd, bcde}, pred {abcd}: tp 1/2, fn 1/2
		{"half the shingles", "a b c d e", "a b c d", 1, 0.5, true, true},
		// truth {abcd}, pred {abcd, bcde}: tp 1/2, fp 1/2
		{"one extra shingle", "a b c d", "a b c d e", 0.5, 1, true, true},
		{"nothing predicted", "a b c d", "", 0, 0, false, true},
		{"short texts are one shingle", "a b", "a b", 1, 1, true, true},
		{"nothing shared", "a b c d", "w x y z", 0, 0, true, true},
	} {
		p, r, hp, hr := PagePR(c.truth, c.pred)
		if math.Abs(p-c.p) > 1e-12 || math.Abs(r-c.r) > 1e-12 || hp != c.hasP || hr != c.hasR {
			t.Errorf("%s: PagePR = %v %v %v %v, want %v %v %v %v", c.name, p, r, hp, hr, c.p, c.r, c.hasP, c.hasR)
		}
	}
}

func TestScore(t *testing.T) {
	// page 1: precision 1, recall 1/2; page 2: nothing predicted (no
	// precision, recall 0). Means: precision 1 (one page), recall 1/4.
	f1, p, r := Score([]string{"a b c d e", "v w x y z"}, []string{"a b c d", ""})
	if math.Abs(p-1) > 1e-12 || math.Abs(r-0.25) > 1e-12 || math.Abs(f1-0.4) > 1e-12 {
		t.Errorf("Score = %v %v %v, want 0.4 1 0.25", f1, p, r)
	}
	if f1, p, r := Score(nil, nil); f1 != 0 || p != 0 || r != 0 {
		t.Errorf("Score of no pages = %v %v %v, want zeros", f1, p, r)
	}
}

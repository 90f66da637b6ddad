package keyphrase

import (
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestStartsUpper holds startsUpper's ASCII answer to unicode.IsUpper of
// the first rune, for every first byte and for words that begin past
// ASCII, empty or invalid.
func TestStartsUpper(t *testing.T) {
	want := func(w string) bool {
		r, _ := utf8.DecodeRuneInString(w)
		return unicode.IsUpper(r)
	}
	var words []string
	for b := 0; b < 256; b++ {
		words = append(words, string([]byte{byte(b)}), string([]byte{byte(b), 'a'}))
	}
	words = append(words, "", "Élan", "élan", "Ωmega", "ωmega", "\xff", "İstanbul", "ǅ")
	for _, w := range words {
		if got := startsUpper(w); got != want(w) {
			t.Errorf("startsUpper(%q) = %v, want %v", w, got, want(w))
		}
	}
}

// TestModelMix holds Model.mix, seven features a turn, to the sums a
// feature at a time in feature order (the same additions, so the same
// bits), on the shipped model's experts and on weights of every
// magnitude, where another order would round differently.
func TestModelMix(t *testing.T) {
	var models []Model
	if r, err := decodeRanker(); err == nil {
		models = append(models, r.Linear)
	}
	x := uint64(3)
	rnd := func() float64 {
		x = x*6364136223846793005 + 1442695040888963407
		return float64(int64(x>>11)) / float64(int64(1)<<52) * float64(int64(1)<<(x>>58&31)) // ±1 to ±2^31, 53 bits
	}
	var m Model
	for e := range m.Expert {
		for j := range m.Expert[e] {
			m.Expert[e][j] = rnd()
		}
	}
	models = append(models, m)
	for _, m := range models {
		for n := 0; n < 200; n++ {
			var f [NumFeatures]float64
			for j := range f {
				f[j] = rnd()
			}
			g := float64(n%11) / 10
			var s0, s1 float64
			for j := range f {
				s0 += m.Expert[0][j] * f[j]
				s1 += m.Expert[1][j] * f[j]
			}
			if got, want := m.mix(&f, g), (1-g)*s0+g*s1; got != want {
				t.Fatalf("mix %v, a feature at a time %v", got, want)
			}
		}
	}
}

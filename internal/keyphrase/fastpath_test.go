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

package segment

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestIsAmPm holds isAmPm to strings.ToLower(w) being "a.m" or "p.m": for
// every case of the two, their near misses, and every word of up to three
// runes built from the letters, marks and runes that lower to an ASCII
// letter (U+0130, U+212A) or that a byte test could confuse.
func TestIsAmPm(t *testing.T) {
	want := func(w string) bool { l := strings.ToLower(w); return l == "a.m" || l == "p.m" }
	alphabet := []rune{'a', 'A', 'p', 'P', 'm', 'M', '.', 'q', 'Q', 'ᵃ', 'ａ', 'Ａ', 'ｍ', '\u0130', '\u212a', 'k', 'i', '\u00c1', 'A' | 0x80, 0x41 + 0x100}
	for _, w := range []string{"a.m", "A.M", "p.m", "P.m", "a.M", "am", "a.m.", "b.m", "a,m", "", "\xc1.m", "a.\xcd"} {
		if got := isAmPm(w); got != want(w) {
			t.Errorf("isAmPm(%q) = %v, want %v", w, got, want(w))
		}
	}
	n := 0
	for _, a := range alphabet {
		for _, b := range alphabet {
			for _, c := range alphabet {
				w := string([]rune{a, b, c})
				if got := isAmPm(w); got != want(w) {
					t.Errorf("isAmPm(%q) = %v, want %v", w, got, want(w))
				}
				if want(w) {
					n++
				}
			}
		}
	}
	if n != 8 { // a/A/p/P, '.', m/M
		t.Errorf("%d words of the alphabet are a.m or p.m, want 8", n)
	}
	// no rune past ASCII lowers to 'a', 'p' or 'm' (the reason the byte test is whole)
	for r := rune(utf8.RuneSelf); r <= unicode.MaxRune; r++ {
		if l := unicode.ToLower(r); l == 'a' || l == 'p' || l == 'm' {
			t.Fatalf("%U lowers to %q: isAmPm must read runes", r, l)
		}
	}
}

package article

import (
	"strings"
	"testing"
)

// TestLowerOnce checks the line tests that take a lower-cased line
// (describe lower-cases each line once for all of them) against the way
// they read the line before: lower-casing it themselves, and looking for
// each phrase with strings.Contains.
func TestLowerOnce(t *testing.T) {
	oldBoilerplate := func(s string, words int) bool {
		low := strings.ToLower(strings.TrimSpace(s))
		if boilerExact[strings.TrimRight(low, ":")] || words == 0 {
			return true
		}
		for _, c := range boilerAnyLength {
			if strings.Contains(low, c) {
				return true
			}
		}
		if words <= 14 {
			for _, c := range boilerContains {
				if strings.Contains(low, c) {
					return true
				}
			}
			if strings.Count(s, " / ")+strings.Count(s, " | ") >= 2 {
				return true
			}
		}
		return false
	}
	oldGallery := func(s string) bool {
		if len(s) > 600 {
			return false
		}
		low := strings.ToLower(s)
		if k := strings.Index(low, "of"); k > 0 && k <= 8 && isDigits(strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(low[:k], "image"), "photo"))) {
			return true
		}
		return strings.Contains(low, "file photo,") && strings.HasPrefix(low, "in this ")
	}
	lines := []string{
		"", "  Home  ", "SHARE THIS ARTICLE:", " / About / Contact", "About / Advertise / Contact",
		"Home | News | Sport", "We use cookies to improve your experience.", "© 2026 Example News",
		"This website uses cookies", "Sign Up for our newsletter", "The president said on Tuesday that talks would resume.",
		"3 of 12", "Image 3 of 12 ", "Photo 10of 12", "In this file photo, a man walks.", "in this FILE PHOTO, taken in 2019",
		"Kelvin \u212a sign Cookie Policy", "İstanbul cookie settings", "ALL RIGHTS RESERVED.", "Follow us on X",
		"By Jane Doe", "Read more:", strings.Repeat("word ", 200) + "all rights reserved",
		"Subscribe", "The vote — “subscribe to our values” — passed", "JOIN OUR team", "a / b | c",
	}
	for _, s := range lines {
		words := countWords(s)
		for _, w := range []int{words, 0, 3, 14, 15, 40} {
			if got, want := isBoilerplate(s, w), oldBoilerplate(s, w); got != want {
				t.Errorf("isBoilerplate(%q, %d) = %v, want %v", s, w, got, want)
			}
			if got, want := boilerplateLow(strings.ToLower(s), w), oldBoilerplate(s, w); got != want {
				t.Errorf("boilerplateLow(%q, %d) = %v, want %v", s, w, got, want)
			}
		}
		if got, want := galleryCaptionLow(s, strings.ToLower(s)), oldGallery(s); got != want {
			t.Errorf("galleryCaptionLow(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestPhrases checks phrases.in against strings.Contains on every phrase,
// alone, inside text, cut short and with its first byte changed.
func TestPhrases(t *testing.T) {
	for _, list := range [][]string{boilerAnyLength, boilerContains, captionList} {
		p := newPhrases(list)
		contains := func(s string) bool {
			for _, q := range list {
				if strings.Contains(s, q) {
					return true
				}
			}
			return false
		}
		for _, q := range list {
			for _, s := range []string{q, "ab " + q + " cd", q[:len(q)-1], "x" + q[1:], q[:1], "", "ü" + q} {
				if got, want := p.in(s), contains(s); got != want {
					t.Errorf("in(%q) = %v, want %v", s, got, want)
				}
			}
			// at every offset of the stride scan, with and without text
			// after it, and cut short at either end
			for n := range 2 * len(q) {
				pre := strings.Repeat("x", n)
				for _, s := range []string{pre + q, pre + q + " y", pre + q[1:], pre + q[:len(q)-1] + " y"} {
					if got, want := p.in(s), contains(s); got != want {
						t.Errorf("in(%q) = %v, want %v", s, got, want)
					}
				}
			}
		}
	}
}

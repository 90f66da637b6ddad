package keyphrase

import (
	"strings"
	"testing"
)

// TestMaxListWord keeps maxListWord at least as long as every word of the
// lists: addKey looks up no longer key, nor one of several words.
func TestMaxListWord(t *testing.T) {
	longest := 0
	for w := range wordFlags {
		longest = max(longest, len(w))
		if strings.Contains(w, " ") {
			t.Errorf("list word %q has a space", w)
		}
	}
	if longest > maxListWord {
		t.Errorf("the longest list word has %d bytes, maxListWord is %d", longest, maxListWord)
	}
}

// TestLowerThenKey checks what the intern table relies on: appendLower is
// strings.ToLower, and a word's Key is its lower-cased form's Key.
func TestLowerThenKey(t *testing.T) {
	for _, w := range []string{"", "visas", "Visas", "VISAS", "Companies", "U.S.", "Korea's", "KOREA\u2019S",
		"İstanbul", "ΣΟΦΊΑ", "Straße", "Mr.", "NEWS", "Series", "a\xffB", "\xe2\x80", "Ü-Boote", "ǅemal"} {
		low := string(appendLower(nil, w))
		if want := strings.ToLower(w); low != want {
			t.Errorf("appendLower(%q) = %q, want %q", w, low, want)
		}
		if isLowerASCII(w) && low != w {
			t.Errorf("isLowerASCII(%q) but it lower-cases to %q", w, low)
		}
		if Key(low) != Key(w) {
			t.Errorf("Key(%q) = %q, but Key(%q) = %q", w, Key(w), low, Key(low))
		}
	}
}

package keyphrase

import (
	"strings"
	"testing"
)

// TestMaxListWord keeps maxListWord at least as long as every word of the
// lists: addKey looks up no longer key, nor one of several words.
func TestMaxListWord(t *testing.T) {
	longest := 0
	for _, w := range wordFlags.words {
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

// TestWordFlags checks the table against the lists it is built from:
// every word of each list has that list's flag, and no other word has any.
func TestWordFlags(t *testing.T) {
	lists := wordFlagLists
	words := []string{"", "a", "the", "Korea", "summit", "tariffs", "chairman", "the.", "mr", "president", "x", "zzzzzzzzzzzz"}
	for _, l := range lists {
		for w := range l.set {
			words = append(words, w, w+"s", strings.ToUpper(w))
		}
	}
	for _, w := range words {
		var want uint8
		for _, l := range lists {
			if l.set[w] {
				want |= l.flag
			}
		}
		if got := wordFlags.of(w); got != want {
			t.Errorf("wordFlags.of(%q) = %b, want %b", w, got, want)
		}
	}
}

// TestIsSubordinator checks the switch against the list it stands for,
// looked up as strings.ToLower gives a word.
func TestIsSubordinator(t *testing.T) {
	set := wordSet(`as because while although though since if unless until whereas when whenever
where after before once that which who whom whose`)
	words := []string{"", "a", "As", "AS", "Because", "WHENEVER", "whenevers", "thats", "who's", "\u212Aif",
		"\u0130f", "UNT\u0130L", "WH\u0130CH", "\u0130\u0130", "wh\xffo", "as\x00", "\x00as", "whenever\x00", "K\u212A", "whereas.", "Although", "although1", "ONCE", "unless", "Until", "Korea",
		"Asia", "ass", "\u0131f", "Whereas\u0307", "\xffas"}
	for w := range set {
		words = append(words, w, strings.ToUpper(w), strings.Title(w), w+"x", w[1:])
	}
	for w := range wordFlags.words { // some 400 other words: none packs as one of the constants
		words = append(words, wordFlags.words[w])
	}
	for _, w := range words {
		if got, want := isSubordinator(w), set[strings.ToLower(w)]; got != want {
			t.Errorf("isSubordinator(%q) = %v, want %v", w, got, want)
		}
	}
}

// TestKeyIDGrows interns more keys than the table was sized for: it grows,
// and every key keeps its id.
func TestKeyIDGrows(t *testing.T) {
	e := &extractor{}
	e.keyID = make([]int32, slotsFor(1))
	var keys []string
	for i := 0; i < 1000; i++ {
		k := strings.Repeat("k", i%7+1) + string(rune('a'+i%26)) + strings.Repeat("z", i/26)
		keys = append(keys, k)
		if id := e.internString(k); id != int32(i) {
			t.Fatalf("new key %q got id %d, want %d", k, id, i)
		}
	}
	for i, k := range keys {
		if id := e.intern([]byte(k)); id != int32(i) {
			t.Errorf("key %q has id %d, want %d", k, id, i)
		}
	}
	if len(e.key) != len(keys) || 2*len(e.key) > len(e.keyID) {
		t.Errorf("%d keys in %d slots, want %d keys at most half full", len(e.key), len(e.keyID), len(keys))
	}
}

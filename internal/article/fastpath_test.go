package article

import (
	"bytes"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestFastPaths checks the ASCII fast paths of countWords, monthNumber,
// dayNumber and lower (written for wasm, where the unicode calls, lowering and
// Atoi's error cost) against the plain forms they replace.
func TestFastPaths(t *testing.T) {
	countRef := func(s string) int {
		n, cjk, in := 0, 0, false
		for _, r := range s {
			if r >= 0x3040 && (unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r)) {
				cjk++
				in = false
				continue
			}
			w := unicode.IsLetter(r) || unicode.IsDigit(r)
			if w && !in {
				n++
			}
			in = w || in && (r == '\'' || r == '’' || r == '-' || r == '.')
		}
		return n + cjk/2
	}
	monthRef := func(w string) int {
		if len(w) < 3 || len(w) > 9 || !strings.ContainsRune("jfmasondJFMASOND", rune(w[0])) {
			return 0
		}
		return months[strings.ToLower(strings.TrimSuffix(w, "."))]
	}
	dayRef := func(w string) int {
		w = strings.ToLower(strings.TrimRight(w, ".,"))
		for _, suf := range []string{"st", "nd", "rd", "th"} {
			w = strings.TrimSuffix(w, suf)
		}
		n, err := strconv.Atoi(w)
		if err != nil || n < 1 || n > 31 {
			return 0
		}
		return n
	}
	inputs := []string{
		"", "a", "Hello, world!", "don't stop-gap U.S. 3.5 ok", "  many   spaces\there\n",
		"Café naïve über", "ª µ º ½ ²", "東京は晴れ 2019年", "カタカナ ひらがな", "it’s ‘quoted’",
		"Nov.", "November", "NOVEMBER", "nov", "Sept.", "Monday", "Mayor", "DEC", "Dec.", "Ju", "Jülich", "MAŸ",
		"18", "18th", "18TH", "1st,", "+5", "-3", "31", "32", "0", "3rd.", "x1", "", ".", "２", "Mar",
	}
	for _, s := range inputs {
		if got, want := countWords(s), countRef(s); got != want {
			t.Errorf("countWords(%q) = %d, want %d", s, got, want)
		}
		if got, want := monthNumber(s), monthRef(s); got != want {
			t.Errorf("monthNumber(%q) = %d, want %d", s, got, want)
		}
		if got, want := dayNumber(s), dayRef(s); got != want {
			t.Errorf("dayNumber(%q) = %d, want %d", s, got, want)
		}
	}
	for _, s := range append(inputs, "“Quoted” Text", "İstanbul", "\u212Aelvin", "ΑΒΓ δ", "bad \xff byte", "\uFFFD", "Ⅻ", "ǅ") {
		if got, want := lower(s), strings.ToLower(s); got != want {
			t.Errorf("lower(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestLowerWords holds lower's eight-byte words to strings.ToLower: every
// byte at every place of a word among fillers at the edges of the capitals
// ('@', 'A', 'Z', '[', '`', 'a', 'z', '{'), and a non-ASCII rune after.
func TestLowerWords(t *testing.T) {
	for _, fill := range []byte("@AZ[`az{ ") {
		for c := 0; c < 256; c++ {
			for at := 0; at < 9; at++ {
				w := bytes.Repeat([]byte{fill}, 17)
				w[at] = byte(c)
				for _, s := range []string{"X" + string(w), "X" + string(w) + "é", string(w)} {
					if got, want := lower(s), strings.ToLower(s); got != want {
						t.Fatalf("lower(%q) = %q, want %q", s, got, want)
					}
				}
			}
		}
	}
}

// TestASCIIClasses holds gluedHeadline's ASCII classes (asciiClasses) to
// the unicode calls they stand for.
func TestASCIIClasses(t *testing.T) {
	for r := rune(0); r < utf8.RuneSelf; r++ {
		space, upper, lower := asciiClasses(r)
		if space != unicode.IsSpace(r) || upper != unicode.IsUpper(r) || lower != unicode.IsLower(r) {
			t.Errorf("%q: space %v upper %v lower %v, unicode says %v %v %v", r, space, upper, lower,
				unicode.IsSpace(r), unicode.IsUpper(r), unicode.IsLower(r))
		}
	}
}

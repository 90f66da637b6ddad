package quote

import "testing"

// TestNextMark holds markByte to markAt: a byte it leaves out starts no
// mark, whatever follows it; and nextMark to the first such byte.
func TestNextMark(t *testing.T) {
	for c := 0; c < 256; c++ {
		for _, rest := range []string{"", "`", "'", "\x80\x9c", "\x80\x98", "\xab", "\xbb", "\x80\x9e"} {
			s := string([]byte{byte(c)}) + rest
			if k, _ := markAt(s, 0); k != none && !markByte[c] {
				t.Errorf("%q starts a mark (%d), but markByte[%#x] is false", s, k, c)
			}
		}
	}
	text := "He said: “no” and ‘yes’ — «oui» ``so'' \"x\" it's"
	for i := 0; i <= len(text); i++ {
		want := len(text)
		for j := i; j < len(text); j++ {
			if k, _ := markAt(text, j); k != none {
				want = j
				break
			}
		}
		got := nextMark(text, i, len(text))
		// nextMark may stop at a byte that starts no mark (an E2 of a
		// dash), never past one that does
		if got > want || got < want && !markByte[text[got]] {
			t.Errorf("nextMark from %d = %d, the first mark is at %d", i, got, want)
		}
	}
	if got := nextMark(text, 5, 3); got != 3 {
		t.Errorf("nextMark past its end = %d, want 3", got)
	}
}

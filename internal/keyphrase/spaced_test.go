package keyphrase

import (
	"strings"
	"testing"
)

// oneSpaced must agree with the strings.Join(strings.Fields(s), " ") it
// stands for on every kind of space, wherever it sits.
func TestOneSpaced(t *testing.T) {
	for _, s := range []string{
		"", " ", "  ", "trade", "trade talks", "North Korea's nuclear program",
		" trade", "trade ", "trade  talks", "trade\ttalks", "trade\ntalks",
		"trade\u00a0talks", "trade\u2009talks", "trade \u00a0talks", "\u3000",
		"Seoul–Washington", "naïve  café", "trade\vtalks", "trade\ftalks", "trade\rtalks",
		"trade\u0085talks", "\x01trade", "trade\x1f", "naïve\ncafé", "x\xffy",
	} {
		want := strings.Join(strings.Fields(s), " ")
		if got := oneSpaced(s); got != want {
			t.Errorf("oneSpaced(%q) = %q, want %q", s, got, want)
		}
	}
}

package figure

import (
	"os"
	"strings"
	"testing"
)

// TestStartFilter checks that isStartWord answers as in(startWords, w):
// every start word in any case passes the filter, and other words get the
// map's answer. With the sample article (skipped without ../shared) it
// logs how many words the filter lets through to the map.
func TestStartFilter(t *testing.T) {
	words := []string{"", "a", "A", "this", "THIS", "May", "US", "dozens", "twenty", "x", "Seoul", "summit", strings.Repeat("a", 30)}
	for k := range startWords {
		words = append(words, k, strings.ToUpper(k), strings.ToUpper(k[:1])+k[1:])
	}
	text, err := os.ReadFile("../../../shared/samples/korea-us-summit.txt")
	sample := strings.Fields(string(text))
	words = append(words, sample...)
	for _, w := range words {
		if got, want := isStartWord(w), in(startWords, w); got != want {
			t.Errorf("isStartWord(%q) = %v, want %v", w, got, want)
		}
	}
	if err == nil {
		passed := 0
		for _, w := range sample {
			if mayStart(w) {
				passed++
			}
		}
		t.Logf("the filter lets %d of the sample's %d words through to the map", passed, len(sample))
	}
}

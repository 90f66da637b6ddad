package report

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

func TestConvertOffsets(t *testing.T) {
	// "é" is 2 bytes, 1 code point, 1 UTF-16 unit; "😀" is 4 bytes, 1 code
	// point, 2 UTF-16 units.
	const text = "é😀 x"
	cases := []struct {
		unit       string
		start, end int // of the span over "x", bytes 7..8
	}{
		{"utf8", 7, 8},
		{"codepoint", 3, 4},
		{"utf16", 4, 5},
		{"", 4, 5}, // the default is utf16
	}
	for _, c := range cases {
		r := &Report{Text: text, Offsets: "utf8", Article: Article{Paragraphs: []Span{{0, 8}, {7, 8}}}}
		if err := r.ConvertOffsets(c.unit); err != nil {
			t.Fatal(err)
		}
		got := r.Article.Paragraphs[1]
		if got.Start != c.start || got.End != c.end {
			t.Errorf("%q: span of x = [%d,%d), want [%d,%d)", c.unit, got.Start, got.End, c.start, c.end)
		}
		if r.Article.Paragraphs[0].Start != 0 {
			t.Errorf("%q: offset 0 moved to %d", c.unit, r.Article.Paragraphs[0].Start)
		}
	}
	r := &Report{Text: text, Offsets: "utf8"}
	if err := r.ConvertOffsets("bytes"); err == nil {
		t.Error("unknown unit accepted")
	}
}

// TestConvertOffsetsWays holds ConvertOffsets' marks to the sorted walk it
// replaced (convertSorted, still used for text that is not valid UTF-8) on
// texts of one- to four-byte runes, with offsets inside runes, before the
// text and past it.
func TestConvertOffsetsWays(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	runes := []string{"a", " ", "é", "—", "“", "😀", "한"}
	for trial := range 200 {
		var b strings.Builder
		for range rng.IntN(100) {
			b.WriteString(runes[rng.IntN(len(runes))])
		}
		b.WriteString("é") // never ASCII
		text := b.String()
		var spans []Span
		for range 30 {
			spans = append(spans, Span{rng.IntN(len(text)+20) - 10, rng.IntN(len(text) + 1)})
		}
		for _, unit := range []string{"utf16", "codepoint"} {
			fast := &Report{Text: text, Offsets: "utf8", Article: Article{Sentences: slices.Clone(spans)}}
			if err := fast.ConvertOffsets(unit); err != nil {
				t.Fatal(err)
			}
			sorted := &Report{Text: text, Article: Article{Sentences: slices.Clone(spans)}}
			sorted.convertSorted(unit)
			if !slices.Equal(fast.Article.Sentences, sorted.Article.Sentences) {
				t.Fatalf("trial %d, %s, %q: %v, want %v", trial, unit, text, fast.Article.Sentences, sorted.Article.Sentences)
			}
		}
	}
}

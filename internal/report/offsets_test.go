package report

import "testing"

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

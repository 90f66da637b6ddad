package report

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"
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

// FuzzUnitsIn holds unitsIn's eight-byte words to units summed a byte at a
// time on any bytes (not only valid UTF-8: continuation bytes 0x80–0xBF,
// four-byte leads 0xF0–0xF7 and the bytes 0xF8–0xFF no rune opens with,
// at every position of a word and in the tail of a length that is not a
// multiple of eight), and, for valid UTF-8, to the runes and UTF-16 units
// the text decodes to. The seeds run as a test; go test -fuzz FuzzUnitsIn
// ./internal/report searches further.
func FuzzUnitsIn(f *testing.F) {
	for _, s := range []string{
		"", "a", "1234567", "12345678", "123456789", "é", "😀", "a😀", "abcd😀", "abcde😀", "abcdefg😀x",
		"😀😀😀😀😀", "é—“한😀 abc", "\x80\x81\xbf\xc0\xc1\xef\xf0\xf7", "\xf8\xf9\xfe\xff\xf0\x7f\x80\xbf",
		"\xf0\x9f\x98", "abcdefg\xf0", "\xbf\xbf\xbf\xbf\xbf\xbf\xbf\xbf\xbf", strings.Repeat("x😀é", 9),
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, u16 := range []bool{false, true} {
			want := int32(0)
			for i := 0; i < len(s); i++ {
				want += units(s[i], u16)
			}
			if got := unitsIn(s, u16); got != want {
				t.Errorf("unitsIn(%q, %v) = %d, a byte at a time %d", s, u16, got, want)
			}
		}
		if !utf8.ValidString(s) {
			return
		}
		if got, want := unitsIn(s, false), utf8.RuneCountInString(s); int(got) != want {
			t.Errorf("unitsIn(%q, false) = %d, %d runes", s, got, want)
		}
		if got, want := unitsIn(s, true), len(utf16.Encode([]rune(s))); int(got) != want {
			t.Errorf("unitsIn(%q, true) = %d, %d UTF-16 units", s, got, want)
		}
	})
}

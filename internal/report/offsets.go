package report

import (
	"errors"
	"math/bits"
	"sort"
	"strconv"
	"unicode/utf8"

	"github.com/lede-news/lede/internal/swar"
)

// Units are the offset units a report can be written in.
var Units = []string{"utf16", "utf8", "codepoint"}

// ConvertOffsets rewrites every byte offset of r into unit ("utf16", "utf8"
// or "codepoint"). It walks the text once, keeping the count of units
// every 16 bytes, then counts each offset on from the mark before it: the
// cost is O(len(text) + 16n), with no sort (text that is not valid UTF-8,
// which the engine never gives, takes the sorted walk: convertSorted).
func (r *Report) ConvertOffsets(unit string) error {
	switch unit {
	case "", "utf16":
		unit = "utf16"
	case "utf8", "codepoint":
	default:
		return errors.New("unknown offset unit " + strconv.Quote(unit) + ": use utf16, utf8 or codepoint")
	}
	if r.Offsets != "utf8" {
		return errors.New("offsets are already in " + r.Offsets)
	}
	r.Offsets = unit
	if unit == "utf8" {
		return nil
	}
	text := r.Text
	if isASCII(text) {
		// every unit is a byte: only offsets outside the text change
		r.eachOffset(func(p *int) { *p = max(0, min(*p, len(text))) })
		return nil
	}
	if !utf8.ValidString(text) {
		r.convertSorted(unit)
		return nil
	}
	// Valid UTF-8: a byte offset's count of units is the number of runes
	// that start before it (plus one for each rune of four bytes, which
	// is two UTF-16 units), so no rune is decoded. The count is kept at
	// every markStep-th byte; an offset counts on from the mark before it.
	// This is the sorted walk's answer without the sort (convertSorted,
	// which TestConvertOffsetsWays holds it to).
	utf16 := unit == "utf16"
	marks := make([]int32, len(text)/markStep+1)
	n := int32(0)
	k := 0
	for ; k*markStep+markStep <= len(text); k++ {
		marks[k] = n
		n += unitsIn(text[k*markStep:k*markStep+markStep], utf16)
	}
	marks[k] = n // k is len(text)/markStep
	r.eachOffset(func(p *int) {
		o := max(0, min(*p, len(text)))
		k := o / markStep
		*p = int(marks[k] + unitsIn(text[k*markStep:o], utf16))
	})
	return nil
}

// markStep is the distance in bytes between ConvertOffsets' marks.
const markStep = 16

// unitsIn is the sum of units over the bytes of s, eight bytes at a time:
// a byte inside a rune (10xxxxxx) adds 0, the first byte of a four-byte
// rune (11110xxx) adds 2 in UTF-16, every other byte 1. Counting the bits
// of a word's masks is the same sum without a branch a byte, which a text
// of mixed ASCII and curly quotes makes unpredictable.
func unitsIn(s string, utf16 bool) int32 {
	const top = swar.Top
	n := int32(0)
	for len(s) >= 8 {
		x := swar.Load(s)
		// x<<j moves each byte's bit 7-j to its bit 7 (what crosses into
		// the next byte lands below bit 7 and is masked off)
		n += 8 - int32(bits.OnesCount64(x&^(x<<1)&top))
		if utf16 {
			n += int32(bits.OnesCount64(x & (x << 1) & (x << 2) & (x << 3) & top))
		}
		s = s[8:]
	}
	for i := 0; i < len(s); i++ {
		n += units(s[i], utf16)
	}
	return n
}

// units is what byte c adds to a count of units: 1 for the first byte of a
// rune, 2 for the first byte of a four-byte rune in UTF-16, 0 for a byte
// inside a rune.
func units(c byte, utf16 bool) int32 {
	switch {
	case c&0xc0 == 0x80:
		return 0
	case c >= 0xf0 && utf16:
		return 2
	}
	return 1
}

// convertSorted converts the offsets by sorting them and walking the text
// once, decoding each rune: the way for text that is not valid UTF-8.
func (r *Report) convertSorted(unit string) {
	text := r.Text
	n := 0
	r.eachOffset(func(*int) { n++ })
	// each offset with its value beside it, so the sort reads no pointers
	type ref struct {
		off int
		p   *int
	}
	refs := make([]ref, 0, n)
	r.eachOffset(func(p *int) { refs = append(refs, ref{*p, p}) })
	// Equal offsets convert to equal offsets, so their order does not
	// matter. (sort.Slice, not slices.SortFunc: the wasm already holds its
	// code, and a sort generic in ref would add some 20 KB of code, 2 KB of
	// brotli, for a path valid UTF-8 never takes.)
	sort.Slice(refs, func(i, j int) bool { return refs[i].off < refs[j].off })
	b, n := 0, 0 // byte position and its offset in unit
	for _, rf := range refs {
		target := min(rf.off, len(text))
		for b < target {
			c, size := utf8.DecodeRuneInString(text[b:])
			b += size
			n++
			if unit == "utf16" && c >= 0x10000 {
				n++
			}
		}
		*rf.p = n
	}
}

// isASCII reports whether s is all single-byte characters.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// eachOffset calls f with a pointer to every offset in the report.
func (r *Report) eachOffset(f func(*int)) {
	span := func(s []Span) {
		for i := range s {
			f(&s[i].Start)
			f(&s[i].End)
		}
	}
	text := func(s []TextSpan) {
		for i := range s {
			f(&s[i].Start)
			f(&s[i].End)
		}
	}
	a := &r.Article
	span(a.Paragraphs)
	span(a.Sentences)
	span(a.Boilerplate)
	for i := range a.Related {
		f(&a.Related[i].Start)
		f(&a.Related[i].End)
	}
	for i := range r.Keyphrases {
		span(r.Keyphrases[i].Mentions)
	}
	for i := range r.Entities {
		text(r.Entities[i].Mentions)
	}
	for i := range r.Figures {
		f(&r.Figures[i].Start)
		f(&r.Figures[i].End)
	}
	for i := range r.Quotes {
		f(&r.Quotes[i].Start)
		f(&r.Quotes[i].End)
	}
	text(r.Summary)
}

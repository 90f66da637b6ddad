package report

import (
	"cmp"
	"errors"
	"slices"
	"strconv"
	"unicode/utf8"
)

// Units are the offset units a report can be written in.
var Units = []string{"utf16", "utf8", "codepoint"}

// ConvertOffsets rewrites every byte offset of r into unit ("utf16", "utf8"
// or "codepoint"). It walks the text once: offsets are collected, sorted,
// and mapped in a single pass, so the cost is O(len(text) + n log n).
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
	n := 0
	r.eachOffset(func(*int) { n++ })
	// each offset with its value beside it, so the sort reads no pointers
	type ref struct {
		off int
		p   *int
	}
	refs := make([]ref, 0, n)
	r.eachOffset(func(p *int) { refs = append(refs, ref{*p, p}) })
	// Equal offsets convert to equal offsets, so their order does not matter.
	slices.SortFunc(refs, func(a, b ref) int { return cmp.Compare(a.off, b.off) })
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
	return nil
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

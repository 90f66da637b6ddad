// Package doccheck states the invariants every pass of lede must keep on a
// doc.Document, whatever the input: offsets inside the text and on UTF-8
// character boundaries, blocks in order, sentences inside their block,
// tokens inside their sentence, every annotation pointing at real text.
//
// The fuzz targets of each package (fuzz_test.go) and the engine's
// hostile-input tests call Check after the pass under test, so a pass that
// produces a span a front end would slice wrongly (a half character in
// JavaScript, a mention past the end) fails a test instead of a reader.
// It is test support, but lives outside _test.go files so that every
// package's tests can share it; nothing in the engine imports it.
package doccheck

import (
	"fmt"
	"math"
	"unicode/utf8"

	"github.com/lede-news/lede/internal/charref"
	"github.com/lede-news/lede/internal/doc"
)

// Check returns the first broken invariant of d, or nil. It checks what is
// filled in, so it may be called after any pass.
func Check(d *doc.Document) error {
	n := len(d.Text)
	span := func(what string, s doc.Span) error {
		if s.Start < 0 || s.End > n || s.Start > s.End {
			return fmt.Errorf("%s [%d,%d) is outside the text of %d bytes", what, s.Start, s.End, n)
		}
		if !boundary(d.Text, s.Start) || !boundary(d.Text, s.End) {
			return fmt.Errorf("%s [%d,%d) cuts a UTF-8 character", what, s.Start, s.End)
		}
		return nil
	}
	inside := func(what string, s, outer doc.Span) error {
		if s.Start < outer.Start || s.End > outer.End {
			return fmt.Errorf("%s [%d,%d) is outside its container [%d,%d)", what, s.Start, s.End, outer.Start, outer.End)
		}
		return nil
	}
	prev := 0
	for i, b := range d.Blocks {
		if err := span(fmt.Sprintf("block %d", i), b.Span); err != nil {
			return err
		}
		if b.Start < prev {
			return fmt.Errorf("block %d [%d,%d) starts before the previous block ends (%d)", i, b.Start, b.End, prev)
		}
		prev = b.End
		if b.Role > doc.Boilerplate {
			return fmt.Errorf("block %d has no known role (%d)", i, b.Role)
		}
	}
	prev, prevTok := 0, 0
	for i, s := range d.Sentences {
		what := fmt.Sprintf("sentence %d", i)
		if err := span(what, s.Span); err != nil {
			return err
		}
		if s.Start < prev {
			return fmt.Errorf("%s [%d,%d) starts before the previous sentence ends (%d)", what, s.Start, s.End, prev)
		}
		prev = s.End
		if s.Block < 0 || s.Block >= len(d.Blocks) {
			return fmt.Errorf("%s names block %d of %d", what, s.Block, len(d.Blocks))
		}
		if err := inside(what, s.Span, d.Blocks[s.Block].Span); err != nil {
			return err
		}
		if s.First < prevTok || s.First > s.Last || s.Last > len(d.Tokens) {
			return fmt.Errorf("%s has tokens [%d,%d) of %d after token %d", what, s.First, s.Last, len(d.Tokens), prevTok)
		}
		prevTok = s.Last
		for t := s.First; t < s.Last; t++ {
			tk := d.Tokens[t]
			tw := fmt.Sprintf("token %d of %s", t, what)
			if err := span(tw, tk.Span); err != nil {
				return err
			}
			if tk.Start >= tk.End {
				return fmt.Errorf("%s is empty", tw)
			}
			if err := inside(tw, tk.Span, s.Span); err != nil {
				return err
			}
			if t > s.First && tk.Start < d.Tokens[t-1].End {
				return fmt.Errorf("%s [%d,%d) overlaps the token before", tw, tk.Start, tk.End)
			}
			if tk.Ref != 0 {
				// a token that reads a character reference: pasted text
				// only, its decoded text at its Ref, and a reference in it
				if d.FromHTML || tk.Ref < 0 || int(tk.Ref) > len(d.Decoded) {
					return fmt.Errorf("%s has Ref %d of %d decoded texts (FromHTML %v)", tw, tk.Ref, len(d.Decoded), d.FromHTML)
				}
				raw, dec := tk.Of(d.Text), d.Decoded[tk.Ref-1]
				if dec != charref.Decode(raw) || dec == raw {
					return fmt.Errorf("%s %q reads as %q", tw, raw, dec)
				}
			}
		}
	}
	for i, e := range d.Entities {
		what := fmt.Sprintf("entity %d %q", i, e.Name)
		if e.Name == "" || len(e.Mentions) == 0 {
			return fmt.Errorf("%s has no name or no mention", what)
		}
		if !finite(e.Salience) || e.Salience < 0 || e.Salience > 1 {
			return fmt.Errorf("%s has salience %v", what, e.Salience)
		}
		if err := mentions(d, what, e.Mentions, span); err != nil {
			return err
		}
	}
	prev = 0
	for i, f := range d.Figures {
		what := fmt.Sprintf("figure %d", i)
		if err := span(what, f.Span); err != nil {
			return err
		}
		if f.Start >= f.End || f.Start < prev {
			return fmt.Errorf("%s [%d,%d) is empty or before the previous one (%d)", what, f.Start, f.End, prev)
		}
		prev = f.End
		if f.Value != nil && !finite(*f.Value) {
			return fmt.Errorf("%s %q has the value %v", what, f.Of(d.Text), *f.Value)
		}
	}
	prev = 0
	for i, q := range d.Quotes {
		what := fmt.Sprintf("quote %d", i)
		if err := span(what, q.Span); err != nil {
			return err
		}
		if q.Start >= q.End || q.Start < prev {
			return fmt.Errorf("%s [%d,%d) is empty or before the previous one (%d)", what, q.Start, q.End, prev)
		}
		prev = q.End
	}
	for i, k := range d.Keyphrases {
		what := fmt.Sprintf("keyphrase %d %q", i, k.Text)
		if k.Text == "" || !finite(k.Score) {
			return fmt.Errorf("%s has no text or score %v", what, k.Score)
		}
		if err := mentions(d, what, k.Mentions, span); err != nil {
			return err
		}
	}
	for _, s := range d.Summary {
		if s < 0 || s >= len(d.Sentences) {
			return fmt.Errorf("summary names sentence %d of %d", s, len(d.Sentences))
		}
	}
	for _, c := range d.Categories {
		if c.Name == "" || !finite(c.Score) {
			return fmt.Errorf("category %q has score %v", c.Name, c.Score)
		}
	}
	for b := range d.RelatedCategories {
		if b < 0 || b >= len(d.Blocks) || d.Blocks[b].Role != doc.Related {
			return fmt.Errorf("related categories for block %d, which is not a related headline", b)
		}
	}
	return nil
}

// mentions checks that each mention is a non-empty span of the text inside
// the block of the sentence it names.
func mentions(d *doc.Document, what string, ms []doc.Mention, span func(string, doc.Span) error) error {
	for j, m := range ms {
		mw := fmt.Sprintf("mention %d of %s", j, what)
		if err := span(mw, m.Span); err != nil {
			return err
		}
		if m.Start >= m.End {
			return fmt.Errorf("%s is empty", mw)
		}
		if m.Sentence < 0 || m.Sentence >= len(d.Sentences) {
			return fmt.Errorf("%s names sentence %d of %d", mw, m.Sentence, len(d.Sentences))
		}
		b := d.Blocks[d.Sentences[m.Sentence].Block]
		if m.Start < b.Start || m.End > b.End {
			return fmt.Errorf("%s [%d,%d) is outside the block [%d,%d) of its sentence", mw, m.Start, m.End, b.Start, b.End)
		}
	}
	return nil
}

// boundary reports whether byte offset i of s starts a character (or is the end).
func boundary(s string, i int) bool {
	return i == len(s) || utf8.RuneStart(s[i])
}

func finite(f float64) bool { return !math.IsNaN(f) && !math.IsInf(f, 0) }

package main

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/lede-news/lede/internal/doc"
	"github.com/lede-news/lede/internal/entity"
)

// goldDocument builds the document that package entity annotates from the
// gold tokens of a CoNLL document: the tokens joined by spaces, a sentence a
// line, one body block, so that Annotate runs its document-level pass (one
// type per name, repeats, short forms) on the gold tokenisation. It returns
// the token index of each byte offset where a token starts.
func goldDocument(d conllDoc) (*doc.Document, map[int]int) {
	var b strings.Builder
	out := &doc.Document{}
	start := map[int]int{}
	for _, s := range d.sents {
		first := len(out.Tokens)
		sentStart := b.Len()
		for i, w := range s.words {
			if i > 0 {
				b.WriteByte(' ')
			}
			start[b.Len()] = len(out.Tokens)
			out.Tokens = append(out.Tokens, doc.Token{Span: doc.Span{Start: b.Len(), End: b.Len() + len(w)}, Kind: tokenKind(w)})
			b.WriteString(w)
		}
		out.Sentences = append(out.Sentences, doc.Sentence{Span: doc.Span{Start: sentStart, End: b.Len()}, First: first, Last: len(out.Tokens)})
		b.WriteByte('\n')
	}
	out.Text = b.String()
	out.Blocks = []doc.Block{{Span: doc.Span{Start: 0, End: len(out.Text)}, Role: doc.Body}}
	return out, start
}

// tokenKind classes a CoNLL token as package segment would: letters make a
// word, digits a number, anything else a mark.
func tokenKind(w string) doc.Kind {
	r, _ := utf8.DecodeRuneInString(w)
	switch {
	case unicode.IsLetter(r):
		return doc.Word
	case unicode.IsDigit(r):
		return doc.Number
	case unicode.IsPunct(r):
		return doc.Punct
	}
	return doc.Symbol
}

// scoreDocs is score through the document-level pass: each document is
// annotated whole (entity.Model.Annotate) and every mention of an entity
// counts as a name of the entity's type.
func scoreDocs(m *entity.Model, docs []conllDoc) (p, r, f float64) {
	var correct, pred, gold int
	for _, cd := range docs {
		d, start := goldDocument(cd)
		set := map[[3]int]bool{}
		t0 := 0
		for _, s := range cd.sents {
			for _, x := range entity.Spans(entity.Labels(s.tags)) {
				set[[3]int{t0 + x.Start, t0 + x.End, x.Type}] = true
				gold++
			}
			t0 += len(s.words)
		}
		end := map[int]int{}
		for i, t := range d.Tokens {
			end[t.End] = i + 1
		}
		for _, e := range m.Annotate(d) {
			for _, mn := range e.Mentions {
				pred++
				a, ok1 := start[mn.Start]
				z, ok2 := end[mn.End]
				if ok1 && ok2 && set[[3]int{a, z, int(e.Type)}] {
					correct++
				}
			}
		}
	}
	return prf(correct, pred, gold)
}

func prf(correct, pred, gold int) (p, r, f float64) {
	if pred > 0 {
		p = 100 * float64(correct) / float64(pred)
	}
	if gold > 0 {
		r = 100 * float64(correct) / float64(gold)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return
}

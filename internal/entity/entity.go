// Package entity finds the named entities of a document — people, places,
// organisations and other names — merges their mentions ("Donald Trump",
// "Trump", "Trump’s") and ranks them by how central they are.
//
// Tagging is a structured averaged perceptron over BILOU labels with
// first-order Viterbi decoding (Collins 2002; the feature set follows
// Ratinov & Roth 2009): word, shape, affix and context features, word
// clusters and capitalisation rates learned from unlabelled news text, and a
// gazetteer, all hashed to 32-bit keys whose weights are stored as 8-bit
// logarithmic codes. cmd/train-ner builds the embedded model;
// docs/models/ner.md is its card.
//
// Performance: the model file is the data structure (tables.go, layout.go):
// loading takes slices over the embedded bytes and builds nothing, so the
// first call in the browser does not pay for the model. A weight lookup
// reads a 16-bit bucket offset and one or two 16-bit keys from an index
// that stays in cache, then the row, which for most features sits in the
// row's 32-bit reference itself. What the features know of a word alone —
// its own features and what it gives its neighbours — is computed and
// scored once per distinct word per document (Tagger's cache, split.go),
// and Viterbi is pruned to the previous labels within a beam of the best
// (see lattice.decode). Scoring is memory-bound: these matter more than
// anything else here.
//
// Annotate then works on the whole document, as a reader does: a name keeps
// one type across the article (majority vote of its mentions), repeats the
// tagger missed are picked up, and short forms join the full name they
// stand for ("Trump" -> "Donald Trump", "Lee" -> "Lee Jae Myung", "U.S." ->
// "United States", "APEC" -> "Asia-Pacific Economic Cooperation").
// Titles such as "President" are not part of a mention ("President Lee" is
// a mention "Lee"), the CoNLL convention.
package entity

import (
	_ "embed"
	"sync"

	"github.com/lede-news/lede/internal/doc"
)

//go:embed model.bin
var modelData []byte

// decodeEmbedded decodes modelData on first use; the model is read-only
// afterwards, so every caller shares it.
var decodeEmbedded = sync.OnceValues(func() (*Model, error) { return Decode(modelData) })

// Embedded returns the model built into lede, decoded on first use.
func Embedded() (*Model, error) {
	return decodeEmbedded()
}

// Annotate sets d.Entities from the sentences of every block that is not
// boilerplate (body, title, byline, related headlines), sorted by salience.
func Annotate(d *doc.Document) {
	d.Entities = nil
	m, err := Embedded()
	if err != nil {
		return // a broken embedded model is caught by the package tests
	}
	d.Entities = m.Annotate(d)
}

// Annotate returns the entities of d found with model m.
func (m *Model) Annotate(d *doc.Document) []doc.Entity {
	tg := m.tagger(d)
	defer m.release(tg)
	return m.annotateWith(tg, d)
}

// annotateWith is Annotate with tagger tg, which it leaves ready for the
// next document (TestAnnotateReuse).
func (m *Model) annotateWith(tg *Tagger, d *doc.Document) []doc.Entity {
	r := &tg.res
	r.m, r.d = m, d
	ms := tg.ms[:0]
	tg.ms = nil
	// deferred: a pass that panics is recovered by the engine, and
	// Annotate's deferred release pools tg again, which must then hold
	// none of this document's state (TestAnnotateAfterPanic)
	defer func() {
		r.reset()
		// the mentions' memory is kept with the tagger for the next
		// document (most of a document's work is repeated there), emptied
		// so that it holds none of this one's strings, and let go after a
		// long document
		tg.ms = emptied(ms, maxKeep)
	}()
	var ents []doc.Entity
	ents, ms = r.resolveAll(m.tagAll(tg, d, ms))
	return ents
}

// tagger returns a tagger of m for d, from the pool if it holds one; give
// it back with release.
func (m *Model) tagger(d *doc.Document) *Tagger {
	tg, _ := m.taggers.Get().(*Tagger)
	if tg == nil {
		tg = m.NewTagger()
	}
	if cap(tg.infos) == 0 {
		// a new tagger (or one whose long document's memory Forget let
		// go): its words are at most the document's tokens, and appending
		// one at a time would copy the 0.5 KB a word many times over as
		// the slices grow. Capped as Forget keeps them.
		n := min(len(d.Tokens), maxKeep)
		tg.known, tg.infos = make([]tokInfo, 0, n), make([]wordInfo, 0, n)
	}
	return tg
}

// release ends tg's document and gives it back to m's pool.
func (m *Model) release(tg *Tagger) {
	tg.Forget()
	m.taggers.Put(tg)
}

// tagAll tags the sentences of d with tg and appends the names found to ms,
// in order.
func (m *Model) tagAll(tg *Tagger, d *doc.Document, ms []mention) []mention {
	words := tg.sent[:0]
	defer func() { tg.sent = emptied(words, maxKeep) }() // none of d's text kept
	if m.ctx {
		tg.ctx.lex = &m.lex
		// the context aggregation reads the whole document first
		for _, s := range d.Sentences {
			if !tagged(d, s) {
				continue
			}
			words = words[:0]
			for t := s.First; t < s.Last; t++ {
				words = append(words, d.TokenText(t))
			}
			tg.ctx.add(words)
		}
	}
	for si := 0; si < len(d.Sentences); {
		s := d.Sentences[si]
		if !tagged(d, s) {
			si++
			continue
		}
		// A sentence that ends with an initial ("M.") was most likely cut
		// inside a name ("M. Atherton"): tag it together with the next.
		sj := si + 1
		// Not when the next sentence opens with a common lower-case word
		// ("The vitamin is B. Then he left.").
		for sj < len(d.Sentences) && d.Sentences[sj].Block == s.Block && endsWithInitial(d, d.Sentences[sj-1]) && !m.opensWithWord(d, d.Sentences[sj]) {
			sj++
		}
		first, last := s.First, d.Sentences[sj-1].Last
		words = words[:0]
		for t := first; t < last; t++ {
			words = append(words, d.TokenText(t))
		}
		sent := si
		title := IsTitleCase(words)
		spans := tg.tag(words, title)
		if tg.res.d == d && len(tg.toks) == len(words) {
			// the words as the tagger folded them (a headline's truecased
			// words fold as written: folding lowers every letter)
			tg.res.foldedAs(first, tg.toks, title)
		}
		for _, sp := range spans {
			for sent+1 < sj && d.Sentences[sent+1].First <= first+sp.Start {
				sent++
			}
			ms = append(ms, mention{
				sent: sent, first: first + sp.Start, last: first + sp.End,
				typ: sp.Type, margin: sp.Margin, titleCase: title,
			})
		}
		si = sj
	}
	return ms
}

// tagged reports whether tagAll tags sentence s of d: one with words,
// outside boilerplate. The context aggregation's pre-read asks it too, so
// that it reads exactly the sentences that are tagged.
func tagged(d *doc.Document, s doc.Sentence) bool {
	return s.Block >= 0 && s.Block < len(d.Blocks) && d.Blocks[s.Block].Role != doc.Boilerplate && s.Last > s.First
}

// endsWithInitial reports whether sentence s ends with a one-letter
// capital and a period.
func endsWithInitial(d *doc.Document, s doc.Sentence) bool {
	if s.Last <= s.First {
		return false
	}
	w := d.TokenText(s.Last - 1)
	if w == "." && s.Last-2 >= s.First {
		w = d.TokenText(s.Last-2) + w
	}
	return len(w) == 2 && w[1] == '.' && w[0] >= 'A' && w[0] <= 'Z'
}

// opensWithWord reports whether sentence s starts with a word the lexicon
// knows as a lower-case word.
func (m *Model) opensWithWord(d *doc.Document, s doc.Sentence) bool {
	if s.Last <= s.First {
		return false
	}
	return m.lowerWord(Fold(d.TokenText(s.First)))
}

package entity

import "slices"

// Context aggregation (Ratinov & Roth 2009): a capitalised word's other
// mentions in the same document say what it is even where its own context
// is weak. "Wind" opening a sentence reads that a mention is preceded by
// "Harbour"; "Aberdeen" in a list reads that a mention follows "in". For
// each capitalised word form the document writes at least twice, the words
// just before and after its first maxCtxMentions mentions (fCtxL, fCtxR),
// their fine clusters (fCtxLC, fCtxRC) and how often it is written (fCtxN)
// are features of every mention, each distinct value once: the same for
// every mention, so the tagger sums their scores once per word and
// document. The document is read before tagging (Tagger.AddContext,
// tagAll); the tagger reads it only if the model was trained with these
// features (Model.ctx, Weights.Context), so a model without them tags
// exactly as before. Off by default: through the document pass it gained
// little for the time it costs (docs/models/ner.md, "Ninth round").

// maxCtxMentions bounds the mentions of one word form whose neighbours are
// kept: the work per word is bounded, however often a page repeats it.
const maxCtxMentions = 8

// maxCtxWords bounds the word forms a document's aggregation holds, as
// maxCache bounds the tagger's cache: an entry is 432 bytes, and an 8 MB
// page of distinct capitalised words ("A1 A2 ...") would otherwise hold
// hundreds of megabytes. Words first written after that many others get
// no context features; a news article has far fewer.
const maxCtxWords = maxCache

// ctxEntry is what a document says around one capitalised word form: the
// words before (lw) and after (rw) its first k mentions ("" at a
// sentence's edge), and its mentions (n, saturating). The words' feature
// keys and clusters are worked out only for a word written twice or more,
// the first time they are asked for (resolved).
type ctxEntry struct {
	n, k     uint8
	resolved bool
	scored   bool // row holds the model's scores of its features
	lw, rw   [maxCtxMentions]string
	l, r     [maxCtxMentions]uint32 // their feature keys (0: none)
	lc, rc   [maxCtxMentions]uint16 // their fine clusters (0: none)
	row      [numLabels]int32
}

// ctxAgg holds a document's context-aggregation entries, by word form.
type ctxAgg struct {
	idx  wordIndex // word form -> index in ents (wordindex.go: cheaper than a map, in wasm most)
	ents []ctxEntry
	buf  []byte
	lex  *lexicon // for the neighbours' clusters; nil: none
}

// reset empties the aggregation for the next document, keeping its memory.
func (c *ctxAgg) reset() {
	c.idx.reset(maxKeep)
	if len(c.ents) > maxKeep {
		c.ents = nil
		return
	}
	clear(c.ents) // none of the document's words kept
	c.ents = c.ents[:0]
}

// neighbourKey is the key of feature tmpl over word w (folded), and its
// fine cluster.
func (c *ctxAgg) neighbourKey(tmpl byte, w string) (uint32, uint16) {
	c.buf = foldInto(c.buf, w)
	h, lh := newHash(tmpl), newHash(0)
	for _, b := range c.buf {
		h = (h ^ hash(b)) * fnvPrime
		lh = (lh ^ hash(b)) * fnvPrime
	}
	var cl uint16
	if c.lex != nil {
		if e, ok := c.lex.getHash(uint32((lh ^ 0xff) * fnvPrime)); ok { // as lexHash
			cl = e.Fine
		}
	}
	return ((h ^ 0xff) * fnvPrime).key(), cl // as hash.str does
}

// add records the capitalised words of one sentence of the document.
func (c *ctxAgg) add(words []string) {
	for i, w := range words {
		if up, _ := caseOf(w); !up {
			continue
		}
		id, ok := c.idx.get(w)
		if !ok {
			if len(c.ents) >= maxCtxWords {
				continue
			}
			id = int32(len(c.ents))
			c.idx.put(w, id)
			c.ents = append(c.ents, ctxEntry{})
		}
		e := &c.ents[id]
		if e.n < 255 {
			e.n++
		}
		if int(e.k) >= maxCtxMentions {
			continue
		}
		if i > 0 {
			e.lw[e.k] = words[i-1]
		}
		if i+1 < len(words) {
			e.rw[e.k] = words[i+1]
		}
		e.k++
	}
}

// resolve works out the feature keys and clusters of e's neighbours.
func (c *ctxAgg) resolve(e *ctxEntry) {
	for j := range e.k {
		if e.lw[j] != "" {
			e.l[j], e.lc[j] = c.neighbourKey(fCtxL, e.lw[j])
		}
		if e.rw[j] != "" {
			e.r[j], e.rc[j] = c.neighbourKey(fCtxR, e.rw[j])
		}
	}
	e.resolved = true
}

// entry returns the entry of the capitalised word w, nil unless the
// document writes it twice or more.
func (c *ctxAgg) entry(w string, t *tokInfo) *ctxEntry {
	if len(c.ents) == 0 || !t.upper {
		return nil
	}
	return c.entryOf(c.idx.get(w))
}

// entryOf is entry given the word's index in ents and whether it has one.
func (c *ctxAgg) entryOf(id int32, ok bool) *ctxEntry {
	if !ok || c.ents[id].n < 2 {
		return nil
	}
	return &c.ents[id]
}

// features appends the context-aggregation features of a token written w:
// nothing unless w is capitalised and the document writes it twice or
// more. They are the same for every mention of w (a mention's own
// neighbours among them repeat its own features): computed once per word.
func (c *ctxAgg) features(w string, t *tokInfo, out []uint32) []uint32 {
	e := c.entry(w, t)
	if e == nil {
		return out
	}
	return c.keys(e, out)
}

// keys appends the features of entry e.
func (c *ctxAgg) keys(e *ctxEntry, out []uint32) []uint32 {
	if !e.resolved {
		c.resolve(e)
	}
	out = append(out, newHash(fCtxN).num(min(int(e.n), 5)).key())
	out = appendOther(out, e.l[:e.k])
	out = appendOther(out, e.r[:e.k])
	if c.lex == nil {
		return out
	}
	out = appendOtherCluster(out, fCtxLC, e.lc[:e.k])
	return appendOtherCluster(out, fCtxRC, e.rc[:e.k])
}

// addScores adds to s the scores of the context-aggregation features of
// entry e (entry; nil: none) under model m, summed once per word and
// document; buf is scratch.
func (c *ctxAgg) addScores(e *ctxEntry, m *Model, s *[numLabels]int32, buf []uint32) []uint32 {
	if e == nil {
		return buf
	}
	if !e.scored {
		buf = c.keys(e, buf[:0])
		m.add(buf, &e.row)
		e.scored = true
	}
	for l := range s {
		s[l] += e.row[l]
	}
	return buf
}

// appendOtherCluster appends the features tmpl of the clusters of cs that
// are not 0 and not already among the earlier ones.
func appendOtherCluster(out []uint32, tmpl byte, cs []uint16) []uint32 {
	for j, c := range cs {
		if c == 0 || slices.Contains(cs[:j], c) {
			continue
		}
		out = append(out, newHash(tmpl).num(int(c)).key())
	}
	return out
}

// appendOther appends the keys of ks that are not 0 and not already among
// the earlier ones.
func appendOther(out []uint32, ks []uint32) []uint32 {
	for j, k := range ks {
		if k != 0 && !slices.Contains(ks[:j], k) {
			out = append(out, k)
		}
	}
	return out
}

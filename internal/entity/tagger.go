package entity

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Tagger labels the tokens of one sentence at a time with a Model. It keeps
// scratch buffers between calls, so it is not safe for concurrent use: give
// each goroutine its own (they are cheap).
type Tagger struct {
	m     *Model
	toks  []tokInfo
	feats []uint32
	lat   lattice[int32]
	bases []histBase
	hist  func(i, p1 int, out *[numLabels]int32)
	buf   []byte
	words []string // truecased words
	// what is known of each word alone, by the word: its folded form,
	// shape, lexicon entry and name-part bits, and the scores of its
	// wordFeatures. A document repeats its words, and these are half the
	// lookups; a repeated word costs one map lookup and allocates nothing.
	cache map[string]wordInfo
}

type wordInfo struct {
	tok    tokInfo // gaz and the run are per sentence, left zero
	scores [numLabels]int32
}

// maxCache bounds the word cache of a tagger.
const maxCache = 1 << 15

// IsTitleCase reports whether a sentence is a headline in title case ("Trump
// Allows Commercial Fishing in Protected New England Waters"): three or more
// words, three quarters of them capitalised, and no lower-case word of four
// letters or more.
func IsTitleCase(words []string) bool {
	n, caps := 0, 0
	for _, w := range words {
		r, size := utf8.DecodeRuneInString(w)
		if !unicode.IsLetter(r) {
			continue
		}
		n++
		if unicode.IsUpper(r) {
			caps++
		} else if utf8.RuneCountInString(w) >= 4 && size > 0 {
			return false
		}
	}
	return n >= 3 && caps*4 >= n*3
}

// truecase lower-cases the capitalised words of a title-case headline that
// the unlabelled text says are lower case inside sentences ("Allows",
// "Commercial"), so the tagger sees the headline as it would a sentence.
// Acronyms and words mostly capitalised in running text ("Trump", "New")
// keep their case.
func (t *Tagger) truecase(words []string) []string {
	t.words = t.words[:0]
	quoted := false // a quoted title inside a headline keeps its case
	for _, w := range words {
		switch w {
		case "“", "‘":
			quoted = true
		case "”", "’":
			quoted = false
		case "\"":
			quoted = !quoted
		}
		if up, all := caseOf(w); up && !all && !quoted {
			var low string
			low, t.buf = normalize(w, t.buf)
			if t.m.lowerWord(low) {
				w = strings.ToLower(w)
			}
		}
		t.words = append(t.words, w)
	}
	return t.words
}

// NewTagger returns a tagger that uses m.
func (m *Model) NewTagger() *Tagger { return &Tagger{m: m} }

// TokenSpan is a name found by the tagger: tokens [Start, End) of the
// sentence, of type Type (0 PER, 1 LOC, 2 ORG, 3 MISC).
type TokenSpan struct {
	Start, End int
	Type       int
	// Margin is how far the best label of the first token beat the best
	// label of another type or O, in weight units: a confidence.
	Margin float32
}

// Tag labels words and returns the names found, in order.
func (t *Tagger) Tag(words []string) []TokenSpan {
	if len(words) == 0 {
		return nil
	}
	if IsTitleCase(words) {
		words = t.truecase(words)
	}
	if t.cache == nil {
		t.cache = make(map[string]wordInfo, 256)
	}
	t.lat.reset(len(words))
	t.toks = t.toks[:0]
	for i, w := range words {
		wi, ok := t.cache[w]
		if !ok {
			wi.tok, t.buf = wordInfoOf(w, &t.m.lex, &t.m.gaz, t.buf)
			t.feats = wordFeatures(&wi.tok, t.feats[:0])
			t.m.add(t.feats, &wi.scores)
			if len(t.cache) < maxCache {
				t.cache[w] = wi
			}
		}
		t.toks = append(t.toks, wi.tok)
		t.lat.static[i] = wi.scores
	}
	markGazetteer(t.toks, words, &t.m.gaz)
	markRuns(t.toks)
	sc := sentenceCase(t.toks)
	t.bases = t.bases[:0]
	for i := range t.toks {
		t.feats = contextFeatures(t.toks, i, sc, t.feats[:0])
		t.m.add(t.feats, &t.lat.static[i])
		t.bases = append(t.bases, historyBase(t.toks, i))
	}
	if t.hist == nil {
		t.hist = func(i, p1 int, out *[numLabels]int32) {
			f := t.bases[i].history(p1)
			*out = t.m.trans[p1]
			t.m.add(f[1:], out)
		}
	}
	labels := t.lat.decode(t.hist, beamWidth)
	spans := Spans(labels)
	for k := range spans {
		// confidence: how far the best path through the name's first
		// label beats the best path through any other label there
		i := spans[k].Start
		l := labels[i]
		var other int32
		found := false
		for o := range numLabels {
			if o != l && t.lat.ok[i][o] && (!found || t.lat.best[i][o] > other) {
				other, found = t.lat.best[i][o], true
			}
		}
		if found {
			spans[k].Margin = float32(t.lat.best[i][l]-other) * t.m.unit
		}
	}
	return spans
}

// beamWidth is the Viterbi beam in integer weight units: three times the
// largest weight of the model.
const beamWidth = 3 * weightOne

// startLabel stands for the label before the first token in history features.
const startLabel = numLabels

// Spans reads the names out of a label sequence. A name left open at the end
// of the sentence (B or I without L) ends there.
func Spans(labels []int) []TokenSpan {
	var out []TokenSpan
	start := -1
	for i, l := range labels {
		if l <= 0 {
			start = -1
			continue
		}
		typ, pos := labelType(l), labelPos(l)
		switch pos {
		case posU:
			out = append(out, TokenSpan{Start: i, End: i + 1, Type: typ})
			start = -1
		case posB:
			start = i
		case posI, posL:
			if start < 0 || labelType(labels[start]) != typ {
				start = i // tolerate a name that starts with I or L
			}
			if pos == posL {
				out = append(out, TokenSpan{Start: start, End: i + 1, Type: typ})
				start = -1
			}
		}
		if start >= 0 && i == len(labels)-1 {
			out = append(out, TokenSpan{Start: start, End: i + 1, Type: typ})
		}
	}
	return out
}

// prepare computes the per-token information the features use.
func prepare(toks []tokInfo, words []string, lex *lexicon, gaz *gazetteer, buf []byte) ([]tokInfo, []byte) {
	for _, w := range words {
		var ti tokInfo
		ti, buf = wordInfoOf(w, lex, gaz, buf)
		toks = append(toks, ti)
	}
	markGazetteer(toks, words, gaz)
	markRuns(toks)
	return toks, buf
}

// wordInfoOf returns what the features know of a word alone: its folded
// form and shape, case, lexicon entry and name-part bits.
func wordInfoOf(w string, lex *lexicon, gaz *gazetteer, buf []byte) (tokInfo, []byte) {
	var ti tokInfo
	ti.lower, buf = normalize(w, buf)
	ti.shape, buf = wordShape(w, buf)
	ti.upper, ti.allCaps = caseOf(w)
	if e, ok := lex.get(ti.lower); ok {
		ti.cl1, ti.cl2, ti.capr = e.Coarse, e.Fine, e.CapRate
	}
	if m, ok := gaz.get(uint64(newHash(0).str(ti.lower))); ok {
		ti.part = m >> 4
	}
	return ti, buf
}

// markGazetteer marks the longest gazetteer match starting at each token,
// left to right without overlaps. A match must start and end with a
// capitalised token: "may" is not the month or the prime minister.
func markGazetteer(toks []tokInfo, words []string, gaz *gazetteer) {
	if gaz.n == 0 {
		return
	}
	for i := 0; i < len(toks); {
		if !isCapitalised(words[i]) {
			i++
			continue
		}
		h := newHash(0)
		bestLen, bestMask := 0, uint8(0)
		for j := i; j < len(toks) && j < i+maxGazLen; j++ {
			h = h.str(toks[j].lower)
			if mask, ok := gaz.get(uint64(h)); ok && mask&0xf != 0 && isCapitalised(words[j]) {
				bestLen, bestMask = j-i+1, mask
			}
		}
		if bestLen == 0 {
			i++
			continue
		}
		for typ := range numTypes {
			if bestMask&0xf&(1<<typ) == 0 {
				continue
			}
			if bestLen == 1 {
				toks[i].gaz[typ] = 1 + posU
				continue
			}
			for j := i; j < i+bestLen; j++ {
				p := posI
				switch j {
				case i:
					p = posB
				case i + bestLen - 1:
					p = posL
				}
				toks[j].gaz[typ] = uint8(1 + p)
			}
		}
		i += bestLen
	}
}

// lowerWord reports whether the lexicon knows a folded word, or failing
// that its stem ("restores" -> "restore"), as a lower-case word.
func (m *Model) lowerWord(low string) bool {
	lower := func(w string) (known, lower bool) {
		e, ok := m.lex.get(w)
		if !ok || e.CapRate == 0 {
			return false, false
		}
		return true, e.CapRate <= 2 || e.CapRate == 7
	}
	if known, l := lower(low); known {
		return l
	}
	for _, suf := range []string{"s", "es", "ies", "ied", "ed", "d", "ing", "ly"} {
		if stem, ok := strings.CutSuffix(low, suf); ok && len(stem) >= 3 {
			if suf == "ies" || suf == "ied" {
				stem += "y" // "steadies" -> "steady"
			}
			if known, l := lower(stem); known {
				return l
			}
		}
	}
	return false
}

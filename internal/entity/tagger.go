package entity

// Tagger labels the tokens of one sentence at a time with a Model. It keeps
// scratch buffers between calls, so it is not safe for concurrent use: give
// each goroutine its own (they are cheap).
type Tagger struct {
	m      *Model
	toks   []tokInfo
	feats  []uint32
	labels []int
	buf    []byte
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
	t.toks, t.buf = prepare(t.toks[:0], words, t.m.Lexicon, t.m.Gaz, t.buf)
	caps := sentenceInCaps(t.toks)
	t.labels = t.labels[:0]
	var margins []float32
	p1, p2 := startLabel, startLabel
	for i := range t.toks {
		t.feats = staticFeatures(t.toks, i, caps, t.feats[:0])
		t.feats = historyFeatures(t.toks, i, p1, p2, t.feats)
		var scores [numLabels]int32
		t.m.add(t.feats, &scores)
		prev := p1
		if prev == startLabel {
			prev = -1
		}
		best, second := -1, -1
		for l := range numLabels {
			if !allowed(prev, l) {
				continue
			}
			if best < 0 || scores[l] > scores[best] {
				best, second = l, best
			} else if second < 0 || scores[l] > scores[second] {
				second = l
			}
		}
		t.labels = append(t.labels, best)
		m := float32(0)
		if second >= 0 {
			m = float32(scores[best]-scores[second]) * t.m.scale
		}
		margins = append(margins, m)
		p2, p1 = p1, best
	}
	spans := Spans(t.labels)
	for i := range spans {
		spans[i].Margin = margins[spans[i].Start]
	}
	return spans
}

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
func prepare(toks []tokInfo, words []string, lex map[string]LexEntry, gaz map[uint64]uint8, buf []byte) ([]tokInfo, []byte) {
	for _, w := range words {
		var ti tokInfo
		ti.lower, buf = normalize(w, buf)
		ti.shape, buf = wordShape(w, buf)
		ti.upper, ti.allCaps = caseOf(w)
		if e, ok := lex[ti.lower]; ok {
			ti.cl1, ti.cl2, ti.capr = e.Coarse, e.Fine, e.CapRate
		}
		toks = append(toks, ti)
	}
	markGazetteer(toks, words, gaz)
	return toks, buf
}

// markGazetteer marks the longest gazetteer match starting at each token,
// left to right without overlaps. A match must start and end with a
// capitalised token: "may" is not the month or the prime minister.
func markGazetteer(toks []tokInfo, words []string, gaz map[uint64]uint8) {
	if len(gaz) == 0 {
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
			if mask, ok := gaz[uint64(h)]; ok && isCapitalised(words[j]) {
				bestLen, bestMask = j-i+1, mask
			}
		}
		if bestLen == 0 {
			i++
			continue
		}
		for typ := range numTypes {
			if bestMask&(1<<typ) == 0 {
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

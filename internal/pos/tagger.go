package pos

import "unsafe"

// The tagger's fast path. A word's 16 features and the bias (features)
// add about 170 weights to its scores, and most come from features with
// few values (on the 3.3 KB sample, go test -run FixedRowsShare -v: 109 of
// 172): the bias (29), the shape class with whether the word opens the
// sentence (27, feature 15), the first letter (15, feature 3) and the
// previous tags (18, 12 and 9: features 4, 5 and 6). Their rows are summed
// once per value — the bias and shape class once per model
// (Model.shapeRows), a first letter and a pair of previous tags once per
// document (tagger) — and kept packed (see packed), so a word adds three
// packed sums, 48 additions, instead of 6 lookups and about 110 weights.
// The 11 features that read words are looked up per word as before, all
// their rows found before any is read, so that the processor waits for
// the 11 bucket offsets at once; each word of a sentence is hashed once
// under its templates, side by side (tagger.sentence). The scores are sums
// of integers, so the order they are added in changes no tag
// (TestTaggerScores compares every score with the trainer's features,
// TestTaggerDocument every tag).
//
// Tried and not kept (docs/speed-log.md, "Taggers' fixed rows"): caching
// what each distinct word of a document contributes, its own features and
// what it gives its neighbours. Most words of an article occur once (362
// distinct of 555 on the sample), and the map lookup and the summing cost
// what the repeats saved: natively 0.93x, in wasm slower.

// packed holds a score for each tag as four 16-bit lanes of an int64:
// tag t is lane t&3 of word t>>2 (lane 3-t&3 on a big-endian machine,
// laneOf), the integer sum Σ score(t) << 16 lane(t). Such sums add as plain
// integers, two rows' packed scores summing to the packed sum of their
// scores, so summed rows add with 16 additions instead of one per entry.
// A lane is read back exactly (tagger.score) while its score is below
// 2^15 in size: a row holds at most one int8 weight a tag (Encode), and a
// packed sum holds six rows (the bias, the shape class, the first letter,
// the three of the previous tags), at most maxRows. The lanes lie in
// memory in tag order, as the int16 scores of a scoreRow: tagger.score
// writes a packed sum's four scores with one 64-bit store.
type packed [(maxTags + 1) / 4]int64

// scoreRow holds a word's int16 score of each tag, in tag order (tags), as
// words of four, aligned for tagger.score's 64-bit stores of packed sums.
// A score sums at most maxRows int8 weights, or is absentScore: an int16
// holds either. It has a score for every byte, so that an entry's tag byte
// indexes it without a mask or a bounds check; those past maxTags are
// never written (a model's tags are below maxTags: Encode) nor read.
type scoreRow [256 / 4]uint64

// tags returns the scores of r, by tag.
func (r *scoreRow) tags() *[256]int16 {
	return (*[256]int16)(unsafe.Pointer(r))
}

// laneFlip is what laneOf flips: 0 on a little-endian machine, whose
// lane l of a word is its int16 l in memory, and 3 on a big-endian one.
var laneFlip = func() uint {
	if littleEndian {
		return 0
	}
	return 3
}()

// laneOf returns the shift of tag t's lane in word t>>2 of a packed, so
// that the lane lies at the tag's int16 of a scoreRow in memory.
func laneOf(t uint8) uint { return 16 * ((uint(t) & 3) ^ laneFlip) }

// laneBias is 2^15 in each lane of a packed word (tagger.score).
const laneBias = 0x8000_8000_8000_8000

// maxRows is the most rows a word's score sums: 16 features and the bias;
// a bound on the rows of a packed sum.
const maxRows = 17

// A lane holds a sum of at most maxRows int8 weights (this fails to compile
// otherwise).
const _ = uint(1<<15 - maxRows*128)

// A packed holds 64 tags, sixteen words of four lanes (tagger.score reads
// them back so; this fails to compile otherwise).
const _ = uint(maxTags+1-64) + uint(64-maxTags-1)

// addEntries adds the entries [s, e) of the model to p; sign -1 subtracts
// them.
func (p *packed) addEntries(m *Model, sp span, sign int64) {
	tags := m.tag[sp.s:sp.e]
	weights := m.weight[sp.s:sp.e]
	weights = weights[:len(tags)]
	flip := laneFlip
	for k, t := range tags {
		t &= maxTags
		p[t>>2] += sign * int64(weights[k]) << (16 * ((uint(t) & 3) ^ flip) & 63)
	}
}

// span is a feature's row: entries [s, e) of the model.
type span struct{ s, e uint32 }

// span returns the row of the feature hashed to h.
func (m *Model) span(h uint32) span {
	b := h & m.mask
	return span{m.start(b), m.start(b + 1)}
}

// tagger tags the sentences of one document with a model, keeping the
// summed rows of the first letters and previous tags met so far. It is not
// safe for concurrent use; Model.taggers keeps them between documents.
type tagger struct {
	m *Model
	c context
	// the summed rows of features 4, 5 and 6 by pair of previous tags
	// (index p1*len(prevTags) + p2), and of feature 3 by first byte (256
	// for an empty word): 1 + index in sums, 0 not yet summed
	pairIdx []int32
	preIdx  [257]int32
	// the rows of feature 4 by previous tag and of feature 5 by the tag
	// before it (indices of Model.prevTags), each summed once and added
	// into every pair it is in: a pair then sums one row, not three (186
	// pairs on the 3.3 KB sample, from a few dozen tags); as pairIdx
	idx4, idx5 []int32
	sums       []packed
	hashes     []wordHashes // by index in c.norm (sentence)
}

// getTagger returns a pooled tagger for m.
func (m *Model) getTagger() *tagger {
	if tg, _ := m.taggers.Get().(*tagger); tg != nil {
		return tg
	}
	np := len(m.prevTags)
	// sized for an article's sums (292 on the 3.3 KB sample), so that a new
	// tagger does not grow them eight times over its first document
	idx := make([]int32, np*np+2*np)
	return &tagger{m: m, pairIdx: idx[:np*np], idx4: idx[np*np : np*np+np], idx5: idx[np*np+np:], sums: make([]packed, 0, initSums)}
}

// putTagger empties tg's sums and pools it. The sums depend on the model
// alone, but a document pays for those it uses, so that no document makes
// another look cheaper.
func (m *Model) putTagger(tg *tagger) {
	clear(tg.pairIdx)
	clear(tg.idx4)
	clear(tg.idx5)
	tg.preIdx = [257]int32{}
	tg.sums = tg.sums[:0]
	if cap(tg.hashes) > maxKeep || cap(tg.c.buf) > 16*maxKeep {
		// a long sentence's buffers should not stay in memory after it
		tg.c, tg.hashes = context{}, nil
	}
	m.taggers.Put(tg)
}

// initSums is the room for summed rows a new tagger starts with.
const initSums = 320

// maxKeep is the most words of a sentence whose buffers a pooled tagger
// keeps.
const maxKeep = 4096

// pair returns the summed rows of features 4, 5 and 6 given previous tags
// p1 and p2, summing them on first use.
func (tg *tagger) pair(p1, p2 int) *packed {
	m := tg.m
	k := p1*len(m.prevTags) + p2
	if x := tg.pairIdx[k]; x > 0 {
		return &tg.sums[x-1]
	}
	i4 := tg.row(tg.idx4, p1, m.prev[p1].t4)
	i5 := tg.row(tg.idx5, p2, m.prev[p2].t5)
	tg.sums = append(tg.sums, packed{})
	tg.pairIdx[k] = int32(len(tg.sums))
	p := &tg.sums[len(tg.sums)-1]
	r4, r5 := &tg.sums[i4], &tg.sums[i5]
	for j := range p {
		p[j] = r4[j] + r5[j]
	}
	p.addEntries(m, m.span(hashStr(m.prev[p1].t6, m.prevTags[p2])), 1)
	return p
}

// row returns the index in tg.sums of the summed row of the feature hashed
// to h for tag t, whose index (1 + its place in sums, 0 not yet summed) is
// idx[t], summing it on first use.
func (tg *tagger) row(idx []int32, t int, h uint32) int {
	if x := idx[t]; x > 0 {
		return int(x - 1)
	}
	tg.sums = append(tg.sums, packed{})
	idx[t] = int32(len(tg.sums))
	tg.sums[len(tg.sums)-1].addEntries(tg.m, tg.m.span(h), 1)
	return len(tg.sums) - 1
}

// pre returns the summed row of feature 3 for a word whose first byte is
// b (256: the empty word), summing it on first use.
func (tg *tagger) pre(b int) *packed {
	if x := tg.preIdx[b]; x > 0 {
		return &tg.sums[x-1]
	}
	pre := "" // raw[:1], as features hashes it
	if b < 256 {
		pre = string([]byte{byte(b)})
	}
	h := hashStr(hashTemplate(3), pre)
	tg.sums = append(tg.sums, packed{})
	tg.preIdx[b] = int32(len(tg.sums))
	p := &tg.sums[len(tg.sums)-1]
	p.addEntries(tg.m, tg.m.span(h), 1)
	return p
}

// wordHashes are the hashes of the features that read one word of the
// sentence alone (the suffix of 3 under three templates, the word under
// five, the suffixes of 2 and 4), each word's computed together (sentence).
type wordHashes struct {
	h2, h10, h13, h7, h9, h11, h12, h14, h16, h17 uint32
}

// sentence prepares tg for the sentence words: its context, and the hashes
// of each word's features by template, the five of the word and the three
// of its suffix each in one pass over the bytes (hashStr's steps side by
// side: the multiplications of one chain wait for each other, those of
// five do not).
func (tg *tagger) sentence(words []string) {
	c := &tg.c
	c.reset(words)
	// the padding words around the sentence are the same in every one:
	// their hashes are the model's (Model.pad), a fifth of the bytes the
	// sentences of an article would hash
	pad := &tg.m.pad
	tg.hashes = append(tg.hashes[:0], pad[0], pad[1])
	tg.hashes = appendHashes(tg.hashes, c.norm[2:len(c.norm)-2])
	tg.hashes = append(tg.hashes, pad[2], pad[3])
}

// appendHashes appends the wordHashes of each of words to hs.
func appendHashes(hs []wordHashes, words []string) []wordHashes {
	for _, w := range words {
		var h wordHashes
		h.h7, h.h9, h.h11, h.h12, h.h14 = hashTemplate(7), hashTemplate(9), hashTemplate(11), hashTemplate(12), hashTemplate(14)
		for k := 0; k < len(w); k++ {
			x := uint32(w[k])
			h.h7, h.h9, h.h11, h.h12, h.h14 = (h.h7^x)*fnvPrime, (h.h9^x)*fnvPrime, (h.h11^x)*fnvPrime, (h.h12^x)*fnvPrime, (h.h14^x)*fnvPrime
		}
		h.h7, h.h9, h.h11, h.h12, h.h14 = (h.h7^0xff)*fnvPrime, (h.h9^0xff)*fnvPrime, (h.h11^0xff)*fnvPrime, (h.h12^0xff)*fnvPrime, (h.h14^0xff)*fnvPrime
		s3 := suffix(w, 3)
		h.h2, h.h10, h.h13 = hashTemplate(2), hashTemplate(10), hashTemplate(13)
		for k := 0; k < len(s3); k++ {
			x := uint32(s3[k])
			h.h2, h.h10, h.h13 = (h.h2^x)*fnvPrime, (h.h10^x)*fnvPrime, (h.h13^x)*fnvPrime
		}
		h.h2, h.h10, h.h13 = (h.h2^0xff)*fnvPrime, (h.h10^0xff)*fnvPrime, (h.h13^0xff)*fnvPrime
		h.h16, h.h17 = hashStr(hashTemplate(16), suffix(w, 2)), hashStr(hashTemplate(17), suffix(w, 4))
		hs = append(hs, h)
	}
	return hs
}

// score sets scores to the scores of word i of the sentence last given to
// tg.sentence, given the tags of the two words before it (indices of
// Model.prevTags): every feature of features, the bias included.
func (tg *tagger) score(i, p1, p2 int, scores *scoreRow) {
	m := tg.m
	c := &tg.c
	raw := c.raw[i]
	b := 256
	if len(raw) > 0 {
		b = int(raw[0])
	}
	sh := int(c.shape[i])
	// the packed sums, their lookups written out: in wasm a call costs
	// more than a sum
	var pair, pre *packed
	if k := p1*len(m.prevTags) + p2; tg.pairIdx[k] > 0 {
		pair = &tg.sums[tg.pairIdx[k]-1]
	} else {
		pair = tg.pair(p1, p2)
	}
	if x := tg.preIdx[b]; x > 0 {
		pre = &tg.sums[x-1]
	} else {
		pre = tg.pre(b)
	}
	own := &m.shapeRows[sh]
	if i == 0 {
		own = &m.shapeFirst[sh]
	}
	// the packed sums added and stored as they are: own holds laneBias
	// already (derive), so each lane is its score plus 2^15, in [0,
	// 2^16): no lane borrows from the next, and flipping each lane's top
	// bit gives the score as an int16, four tags' scores a store, in tag
	// order (packed); written out, word by word: a loop's counter, test
	// and jump were a third of its instructions
	ow, ps, qs, sw := own, pre, pair, (*[len(own)]uint64)(scores[:len(own)])
	sw[0] = uint64(ow[0]+ps[0]+qs[0]) ^ laneBias
	sw[1] = uint64(ow[1]+ps[1]+qs[1]) ^ laneBias
	sw[2] = uint64(ow[2]+ps[2]+qs[2]) ^ laneBias
	sw[3] = uint64(ow[3]+ps[3]+qs[3]) ^ laneBias
	sw[4] = uint64(ow[4]+ps[4]+qs[4]) ^ laneBias
	sw[5] = uint64(ow[5]+ps[5]+qs[5]) ^ laneBias
	sw[6] = uint64(ow[6]+ps[6]+qs[6]) ^ laneBias
	sw[7] = uint64(ow[7]+ps[7]+qs[7]) ^ laneBias
	sw[8] = uint64(ow[8]+ps[8]+qs[8]) ^ laneBias
	sw[9] = uint64(ow[9]+ps[9]+qs[9]) ^ laneBias
	sw[10] = uint64(ow[10]+ps[10]+qs[10]) ^ laneBias
	sw[11] = uint64(ow[11]+ps[11]+qs[11]) ^ laneBias
	sw[12] = uint64(ow[12]+ps[12]+qs[12]) ^ laneBias
	sw[13] = uint64(ow[13]+ps[13]+qs[13]) ^ laneBias
	sw[14] = uint64(ow[14]+ps[14]+qs[14]) ^ laneBias
	sw[15] = uint64(ow[15]+ps[15]+qs[15]) ^ laneBias
	// the features that read words, looked up (their entries have
	// distinct tags, so no addition waits for the one before)
	j := i + 2
	hs := tg.hashes[j-2 : j+3 : j+3]
	feats := [...]uint32{
		hs[2].h2,
		hs[2].h7,
		hashStr(m.prev[p1].t8, c.norm[j]),
		hs[1].h9,
		hs[1].h10,
		hs[0].h11,
		hs[3].h12,
		hs[3].h13,
		hs[4].h14,
		hs[2].h16,
		hs[2].h17,
	}
	block, off, tag, weight, mask, bb := m.block, m.off, m.tag, m.weight, m.mask, m.blockBits
	// the rows found first, then read: the processor then waits for the
	// 11 offsets at once, not for one after another
	var spans [len(feats)]span
	if fb, fo := m.fixedBlock, m.fixedOff; fb != nil && fo != nil {
		// the shipped model's size: tables of a size known here, so the
		// compiler proves every index of a masked bucket, no check left
		for f, h := range feats {
			b := h & (1<<fixedBits - 1)
			spans[f] = span{fb[b>>fixedBlockBits] + uint32(fo[b]), fb[(b+1)>>fixedBlockBits] + uint32(fo[b+1])}
		}
	} else {
		for f, h := range feats {
			b := h & mask
			spans[f] = span{block[b>>bb] + uint32(off[b]), block[(b+1)>>bb] + uint32(off[b+1])}
		}
	}
	// each row's bounds checked once, here, which proves every entry's
	// index in both tables (slicing them checked each twice)
	sc := scores.tags() // the pointer checked once, not once an entry
	weight = weight[:len(tag)]
	for _, sp := range spans {
		s, e := int(sp.s), int(sp.e)
		if s > e || e > len(tag) {
			panic(errModel)
		}
		for x := s; x < e; x++ {
			sc[tag[x]] += int16(weight[x])
		}
	}
}

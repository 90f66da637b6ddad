package entity

import (
	"errors"
	"io"
	"math"
	"math/bits"
	"sort"
	"sync"
)

// Model is a trained tagger: the word lexicon (clusters and capitalisation
// rates learned from unlabelled news text), the gazetteer, and the
// perceptron's weights as 8-bit logarithmic codes. It is read-only once built, so one
// Model serves any number of goroutines.
type Model struct {
	lex lexicon   // keyed by the folded lower-case form
	gaz gazetteer // gazKey of a lower-cased name -> bit set of types
	ctx bool      // trained with the context-aggregation features (ctxagg.go)

	// weights are 8-bit codes: code c stands for level[uint8(c)]*unit
	top, dynRange, ratio, unit float32
	level                      [256]int32

	trans [numLabels + 1][numLabels]int32 // label bigram scores, by previous label
	// the rows of the features that look past the sentence's ends, by
	// role (edgeFeatures): constants the tagger adds without a lookup; and
	// the hash of history feature T1Wp1 on the last token
	edge      [numRoles][numLabels]int32
	endWp1    hash
	endWp1Ref uint32

	// the weight rows, by feature key: a row of one or two non-zero
	// labels (most rows) is its ref itself (inline set, two 13-bit
	// entries label<<8 | code, 0 for none); a longer row is
	// ent[ref>>5 : ref>>5+ref&31] or, from denseMin labels on (refDense),
	// a code for every label, dense[ref>>5 : ref>>5+numLabels]; the
	// history features' rows are in blocks by base (build)
	index keyIndex
	refs  []uint32
	ent   []uint16 // weights of the longer rows kept as entries: label<<8 | code
	dense []uint8  // weights of the rows kept dense: a code per label
	nrows int      // feature rows kept

	// taggers keeps Annotate's taggers between documents, their word
	// caches emptied (Tagger.Forget): a tagger's buffers grow to a
	// document's words, and allocating them anew for every document cost
	// more than the lookups they save
	taggers sync.Pool
}

// LexEntry is what the unlabelled text says about one word.
type LexEntry struct {
	Coarse, Fine uint16 // word clusters, 1-based; 0 for none
	// CapRate buckets how often the word is capitalised inside sentences:
	// 1 (under 2%) .. 6 (98% or more); 7 known but only ever seen first in
	// a sentence; 0 unknown.
	CapRate uint8
}

// Weights are the trainer's output: float weight rows by feature key, and
// which of those rows belong to one history feature alone (Train).
type Weights struct {
	Rows map[uint32]*[numLabels]float32
	// Hist names, for a row that only one history feature (T1W0, T1Shape0
	// or T1Wp1) updated, its base (historyBase) and previous label: the
	// model lays such rows out by base (blocks, see build)
	Hist map[uint32]HistKey
	// Context: trained with the context-aggregation features (ctxagg.go)
	Context bool
}

// HistKey is a history feature: its hash before the previous label is
// mixed in, and that label.
type HistKey struct {
	Base uint64
	Prev uint8
}

// NewModel builds a Model from float weights, quantising each weight to an
// 8-bit code on a logarithmic scale: 127 levels from top/dynRange to top, the
// largest weight, each about 7% above the one before for dynRange 1e4. The
// averaged perceptron's weights span orders of magnitude (a few features
// carry weights hundreds of times the typical one), so a linear int8 scale
// either clips the large ones or zeroes the small ones; both cost points.
// Rows whose largest weight is below prune (in absolute value) are dropped.
func NewModel(lex map[string]LexEntry, gaz map[uint64]uint8, w Weights, prune float32, dynRange float64) *Model {
	return newModel(lex, gaz, w, prune, dynRange, denseMin)
}

// newModel is NewModel keeping rows of at least dense non-zero labels
// dense (build); the tests lay the same weights out without dense rows.
func newModel(lex map[string]LexEntry, gaz map[uint64]uint8, w Weights, prune float32, dynRange float64, dense int) *Model {
	m := &Model{lex: newLexicon(lex), gaz: newGazetteer(gaz), ctx: w.Context}
	var top float64
	for _, row := range w.Rows {
		for _, v := range row {
			top = max(top, math.Abs(float64(v)))
		}
	}
	if top == 0 {
		top = 1
	}
	m.top, m.dynRange = float32(top), float32(dynRange)
	m.levels()
	lo := top / dynRange
	lr := math.Log(float64(m.ratio))
	codes := make(map[uint32][numLabels]int8, len(w.Rows))
	for k, row := range w.Rows {
		var mx float32
		for _, v := range row {
			mx = max(mx, float32(math.Abs(float64(v))))
		}
		if mx < prune || float64(mx) < lo {
			continue
		}
		var q [numLabels]int8
		for l, v := range row {
			a := math.Abs(float64(v))
			c := 0
			if a >= lo/math.Sqrt(float64(m.ratio)) {
				c = int(math.Round(math.Log(a/lo)/lr)) + 1
				c = max(1, min(127, c))
			}
			if v < 0 {
				c = -c
			}
			q[l] = int8(c)
		}
		codes[k] = q
	}
	m.build(codes, w.Hist, dense)
	return m
}

// weightOne is the integer value of the model's largest weight; a hundred
// features cannot overflow int32.
const weightOne = 1 << 22

// levels fills the table from 8-bit codes to integer weights.
func (m *Model) levels() {
	const one = weightOne
	m.ratio = float32(math.Pow(float64(m.dynRange), 1.0/126))
	m.unit = m.top / one
	m.level = [256]int32{}
	for k := 1; k < 128; k++ {
		v := int32(math.Round(one / float64(m.dynRange) * math.Pow(float64(m.ratio), float64(k-1))))
		m.level[k] = v
		m.level[256-k] = -v
	}
}

// A ref is a row kept in its slot (inline set: two 13-bit entries
// label<<8 | code, 0 for none) or x<<5 | n: the row ent[x:x+n]
// (n <= numLabels; below denseMin in a model NewModel builds), the row
// dense[x:x+numLabels] (n = refDense), a history block at ent[x]
// (n = refBlock), a history base whose rows are kept under their own keys
// (n = refFallback), or a history base of one row of one entry e for
// previous label p, kept in the ref (n = refSingle, x = e<<5 | p).
const (
	inline      = 1 << 31
	refBlock    = 31
	refFallback = 30
	refSingle   = 29
	refDense    = 28
)

// denseMin is the fewest non-zero labels of a row kept dense: a code for
// each of the numLabels labels, added by addDense in straight-line code
// (three instructions a label, no loop, no bounds check) where a sparse
// entry costs about thirteen (its loop, the label's bounds check): from
// five entries up the dense row is the cheaper. Of the rows of three or
// more labels that Model.add reads on the 3.3 KB news sample, 2,118 of
// 2,639 are dense, with 18,105 of their 19,900 entries (8.5 a row); 744 of
// the model's 1,738 such rows are, and the file is smaller after brotli
// (the zero codes compress better than the entries' labels).
const denseMin = 5

// addDense adds row, a code per label, to s.
func addDense(s *[numLabels]int32, row *[numLabels]uint8, level *[256]int32) {
	s[0] += level[row[0]]
	s[1] += level[row[1]]
	s[2] += level[row[2]]
	s[3] += level[row[3]]
	s[4] += level[row[4]]
	s[5] += level[row[5]]
	s[6] += level[row[6]]
	s[7] += level[row[7]]
	s[8] += level[row[8]]
	s[9] += level[row[9]]
	s[10] += level[row[10]]
	s[11] += level[row[11]]
	s[12] += level[row[12]]
	s[13] += level[row[13]]
	s[14] += level[row[14]]
	s[15] += level[row[15]]
	s[16] += level[row[16]]
}

// build lays out the weight table for the kept rows' codes by key. The
// rows of a history base (hist) are laid out as one block under the base's
// key, so the tagger finds all of a word's history rows, for every previous
// label, with one lookup: ent[off:] holds the 18-bit mask of the previous
// labels that have a row (two uint16, low first), then those rows' refs in
// label order (two uint16 each); a base of one row of one non-zero label
// (most of them) is kept in its ref instead (refSingle). A base whose rows cannot be blocked (its
// key is a row's key too, or two bases share a key) keeps them under their
// own keys, and its key says so (refFallback). A row of dense or more
// non-zero labels, blocked or not, is kept dense (refDense).
func (m *Model) build(codes map[uint32][numLabels]int8, hist map[uint32]HistKey, dense int) {
	m.ent, m.dense, m.nrows = nil, nil, len(codes)
	type hrow struct {
		prev uint8
		key  uint32
	}
	blocks := map[uint32][]hrow{}
	bases := map[uint32]uint64{}
	shared := map[uint32]bool{} // bases of two 64-bit hashes
	for k := range codes {
		if h, ok := hist[k]; ok {
			b := hash(h.Base).key()
			if old, seen := bases[b]; seen && old != h.Base {
				shared[b] = true
			}
			bases[b] = h.Base
			blocks[b] = append(blocks[b], hrow{h.Prev, k})
		}
	}
	flat := map[uint32]bool{}
	for k := range codes {
		if _, ok := hist[k]; !ok {
			flat[k] = true
		}
	}
	refs := map[uint32]uint32{}
	var bkeys []uint32
	for b, rows := range blocks {
		if shared[b] || flat[b] {
			for _, r := range rows {
				flat[r.key] = true
			}
			if !flat[b] {
				refs[b] = refFallback
			}
			continue
		}
		bkeys = append(bkeys, b)
	}
	rowRef := func(q *[numLabels]int8) uint32 {
		var ents []uint16
		for l, c := range q {
			if c != 0 {
				ents = append(ents, uint16(l)<<8|uint16(uint8(c)))
			}
		}
		if len(ents) <= 2 {
			ref := uint32(inline)
			for j, e := range ents {
				ref |= uint32(e) << (13 * j)
			}
			return ref
		}
		if len(ents) >= dense {
			ref := uint32(len(m.dense))<<5 | refDense
			for _, c := range q {
				m.dense = append(m.dense, uint8(c))
			}
			return ref
		}
		ref := uint32(len(m.ent))<<5 | uint32(len(ents))
		m.ent = append(m.ent, ents...)
		return ref
	}
	fkeys := make([]uint32, 0, len(flat))
	for k := range flat {
		fkeys = append(fkeys, k)
	}
	sort.Slice(fkeys, func(i, j int) bool { return fkeys[i] < fkeys[j] })
	for _, k := range fkeys {
		q := codes[k]
		refs[k] = rowRef(&q)
	}
	sort.Slice(bkeys, func(i, j int) bool { return bkeys[i] < bkeys[j] })
	for _, b := range bkeys {
		rows := blocks[b]
		sort.Slice(rows, func(i, j int) bool { return rows[i].prev < rows[j].prev })
		if len(rows) == 1 {
			q := codes[rows[0].key]
			if r := rowRef(&q); r&inline != 0 && r>>13&0x1fff == 0 {
				refs[b] = (r&0x1fff)<<10 | uint32(rows[0].prev)<<5 | refSingle
				continue
			}
		}
		var mask uint32
		rr := make([]uint32, len(rows))
		for i, r := range rows {
			mask |= 1 << r.prev
			q := codes[r.key]
			rr[i] = rowRef(&q)
		}
		refs[b] = uint32(len(m.ent))<<5 | refBlock
		m.ent = append(m.ent, uint16(mask), uint16(mask>>16))
		for _, r := range rr {
			m.ent = append(m.ent, uint16(r), uint16(r>>16))
		}
	}
	keys := make([]uint32, 0, len(refs))
	for k := range refs {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	m.index, m.refs = newKeyIndex(keys, false), make([]uint32, len(keys))
	for i, k := range keys {
		m.refs[i] = refs[k]
	}
	m.finish()
}

// finish caches the label bigram rows and the sentence ends' rows.
func (m *Model) finish() {
	for p := range numLabels + 1 {
		m.trans[p] = [numLabels]int32{}
		m.add([]uint32{transitionKey(p)}, &m.trans[p])
	}
	m.endWp1 = newHash(fT1Wp1).str("</s>")
	m.endWp1Ref = m.histRef(m.endWp1)
	var f []uint32
	for role := range numRoles {
		m.edge[role] = [numLabels]int32{}
		f = edgeFeatures(role, f[:0])
		m.add(f, &m.edge[role])
	}
}

// Features is the number of weight rows kept.
func (m *Model) Features() int { return m.nrows }

// add adds the rows of feats to scores.
func (m *Model) add(feats []uint32, scores *[numLabels]int32) {
	x := &m.index
	if len(x.off) == 0 {
		return
	}
	off := x.off[:1<<keyBits+1] // so that the compiler proves off[b], off[b+1] in range
	// blockBits is at most keyBits (decode); the mask tells the compiler
	// so, and a shift by it is one instruction instead of the three of a
	// shift by any count. The indices and the ref are uint, not uint32:
	// wasm keeps every integer in 64 bits and zero-extends a uint32 after
	// each operation on it, an AND of its own (amd64 does it for free)
	bb := x.blockBits & 31
	for _, k := range feats {
		b := uint(k >> keyBits)
		i := uint(x.block[b>>bb]) + uint(off[b])
		end := uint(x.block[(b+1)>>bb]) + uint(off[b+1])
		low := uint(k & 0xffff)
		if end-i > scanMax {
			i, end = narrow(x.lows, i, end, low)
		}
		for ; i < end; i++ {
			if uint(x.lows[i]) != low {
				continue
			}
			// addRef written out: in wasm a call costs more than the row
			ref := uint(m.refs[i])
			if ref&inline != 0 {
				// an empty entry adds 0 to label 0
				e1, e2 := ref&0x1fff, ref>>13&0x1fff
				scores[e1>>8] += m.level[e1&255]
				scores[e2>>8] += m.level[e2&255]
				break
			}
			if n := ref & 31; n < refDense {
				off := ref >> 5
				for _, e := range m.ent[off : off+n] {
					e := uint(e)
					scores[e>>8] += m.level[e&255]
				}
			} else if n == refDense {
				// addDense written out too: two thousand dense rows a
				// sample, and in wasm each call stores its arguments to
				// memory and dispatches on its resume point
				off := ref >> 5
				row, lv := (*[numLabels]uint8)(m.dense[off:off+numLabels]), &m.level
				scores[0] += lv[row[0]]
				scores[1] += lv[row[1]]
				scores[2] += lv[row[2]]
				scores[3] += lv[row[3]]
				scores[4] += lv[row[4]]
				scores[5] += lv[row[5]]
				scores[6] += lv[row[6]]
				scores[7] += lv[row[7]]
				scores[8] += lv[row[8]]
				scores[9] += lv[row[9]]
				scores[10] += lv[row[10]]
				scores[11] += lv[row[11]]
				scores[12] += lv[row[12]]
				scores[13] += lv[row[13]]
				scores[14] += lv[row[14]]
				scores[15] += lv[row[15]]
				scores[16] += lv[row[16]]
			}
			break
		}
	}
}

// addRef adds the row ref stands for to scores; a history base's ref
// (refBlock, refSingle or refFallback, which no other feature's key should
// meet) adds nothing.
func (m *Model) addRef(ref uint32, scores *[numLabels]int32) {
	if ref&inline != 0 {
		// an empty entry adds 0 to label 0
		e1, e2 := ref&0x1fff, ref>>13&0x1fff
		scores[e1>>8] += m.level[e1&255]
		scores[e2>>8] += m.level[e2&255]
		return
	}
	n := ref & 31
	if n > refDense {
		return
	}
	off := ref >> 5
	if n == refDense {
		addDense(scores, (*[numLabels]uint8)(m.dense[off:off+numLabels]), &m.level)
		return
	}
	for _, e := range m.ent[off : off+n] {
		scores[e>>8] += m.level[e&255]
	}
}

// noRows is histRef's answer for a base without rows.
const noRows = 0

// histRef finds the rows of history base h (historyBase: T1W0, T1Shape0
// or T1Wp1 before the previous label is mixed in): its ref (refBlock or
// refSingle), refFallback when they are under their own keys, or noRows.
func (m *Model) histRef(h hash) uint32 {
	i := m.index.find(h.key())
	if i < 0 {
		return noRows
	}
	if ref := m.refs[i]; ref&inline == 0 && (ref&31 == refBlock || ref&31 == refSingle) {
		return ref
	}
	// refFallback, or a row whose key the base's key meets: the rows, if
	// any, are under their own keys
	return refFallback
}

// historyScores adds to scores the rows of history features b given
// previous label p1, finding each base's block: the tagger's definition,
// which keeps the blocks per word (Tagger.history).
func (m *Model) historyScores(b *histBase, p1 int, scores *[numLabels]int32) {
	addRow(scores, &m.trans[p1])
	for _, h := range b[1:] {
		m.addHist(h, m.histRef(h), p1, scores)
	}
}

// addHist adds to scores the row of history base h, whose histRef is ref,
// given previous label p1: for a block, a bit test and, for a label that
// has a row, one ref read next to the mask.
func (m *Model) addHist(h hash, ref uint32, p1 int, scores *[numLabels]int32) {
	switch ref & 31 {
	case noRows:
		return
	case refSingle:
		if int(ref>>5&31) == p1 {
			e := ref >> 10
			scores[e>>8] += m.level[e&255]
		}
		return
	case refFallback:
		m.add([]uint32{h.num(p1).key()}, scores)
		return
	}
	b := m.ent[ref>>5:]
	mask, bit := uint32(b[0])|uint32(b[1])<<16, uint32(1)<<p1
	if mask&bit == 0 {
		return
	}
	j := 2 + 2*bits.OnesCount32(mask&(bit-1))
	m.addRef(uint32(b[j])|uint32(b[j+1])<<16, scores)
}

// modelMagic names the file layout (layout.go); LEDENER1 was the earlier,
// varint-coded one that had to be decoded into tables, LEDENER2 stored the
// lexicon's words, LEDENER3 kept history rows under their own keys,
// LEDENER4 kept every row of three or more labels as entries (no dense
// table; Decode still reads it), LEDENER5 kept the lexicon's and the
// gazetteer's bucket offsets in 16 bits and the lexicon's entries as 16-bit
// words (Decode still reads it; the same tables, compressing worse).
const modelMagic = "LEDENER6"

// modelMagicCtx is LEDENER6's layout for a model trained with the
// context-aggregation features (ctxagg.go): a model without them keeps
// LEDENER6, byte for byte, and the tagger reads them only from this one.
const modelMagicCtx = "LEDENEC6"

// The magics of the earlier layouts, which Decode reads too: a model
// written in them works as it did (LEDENER4's rows all entries).
const (
	modelMagic5    = "LEDENER5"
	modelMagicCtx5 = "LEDENEC5"
	modelMagic4    = "LEDENER4"
	modelMagicCtx4 = "LEDENEC4"
)

// Encode writes the model in the layout Decode uses in place.
func (m *Model) Encode(w io.Writer) error {
	var o writer
	if m.ctx {
		o.b = append(o.b, modelMagicCtx...)
	} else {
		o.b = append(o.b, modelMagic...)
	}
	o.u32(math.Float32bits(m.top), math.Float32bits(m.dynRange), uint32(len(m.ent)),
		uint32(m.lex.n), uint32(len(m.lex.coarse)), uint32(m.nrows), uint32(len(m.dense)))
	m.index.encode(&o)
	o.u32(m.refs...)
	o.u16(m.ent)
	o.bytes(m.dense)
	m.lex.index.encode(&o)
	o.bytes(m.lex.lo)
	o.bytes(m.lex.hi)
	o.u16(m.lex.coarse)
	m.gaz.index.encode(&o)
	o.bytes(m.gaz.vals)
	o.pad()
	_, err := w.Write(o.b)
	return err
}

// headerFields is the number of uint32 fields after the magic (one fewer,
// no dense table's length, in LEDENER4).
const headerFields = 7

// Decode returns the model that data holds, written by Encode. The model
// uses data in place (data must not change afterwards): loading checks the
// header and the table sizes and builds nothing, so the first call of the
// engine does not pay for the model. The tables' contents are trusted; the
// embedded model is checked by the package tests.
func Decode(data []byte) (*Model, error) {
	s := &section{b: data}
	magic := string(s.take(len(modelMagic)))
	fields := headerFields
	planes := false // the lexicon's entries as two byte planes (LEDENER6)
	switch magic {
	case modelMagic, modelMagicCtx:
		planes = true
	case modelMagic5, modelMagicCtx5:
	case modelMagic4, modelMagicCtx4:
		fields--
	default:
		return nil, errors.New("entity model: not a lede NER model (bad magic); rebuild it with go run ./cmd/train-ner")
	}
	h := s.u32(fields)
	if s.err {
		return nil, errors.New("entity model: truncated header")
	}
	m := &Model{ctx: magic == modelMagicCtx || magic == modelMagicCtx5 || magic == modelMagicCtx4}
	m.top, m.dynRange = math.Float32frombits(h[0]), math.Float32frombits(h[1])
	if !(m.top > 0 && m.dynRange >= 1 && m.dynRange < 1e9) {
		return nil, errors.New("entity model: corrupt header")
	}
	m.levels()
	nent := int(h[2])
	nlex, ncoarse := int(h[3]), int(h[4])
	if nent > len(data) || nlex > len(data) || ncoarse > len(data) {
		return nil, errors.New("entity model: corrupt header")
	}
	m.index.decode(s)
	m.nrows = int(h[5])
	m.refs = s.u32(len(m.index.lows))
	m.ent = s.u16(nent)
	if fields == headerFields {
		ndense := int(h[6])
		if ndense > len(data) || ndense%numLabels != 0 {
			return nil, errors.New("entity model: corrupt header")
		}
		m.dense = s.take(ndense)
	}
	m.lex.index.decode(s)
	if planes {
		m.lex.lo, m.lex.hi = s.take(nlex), s.take(nlex)
	} else if vals := s.u16(nlex); !s.err {
		m.lex.lo, m.lex.hi = make([]uint8, nlex), make([]uint8, nlex)
		for i, v := range vals {
			m.lex.lo[i], m.lex.hi[i] = uint8(v), uint8(v>>8)
		}
	}
	m.lex.coarse = s.u16(ncoarse)
	m.lex.n = nlex
	m.gaz.index.decode(s)
	m.gaz.n = len(m.gaz.index.lows)
	m.gaz.vals = s.take(m.gaz.n)
	if s.err {
		return nil, errors.New("entity model: truncated file")
	}
	if len(m.lex.index.lows) != nlex {
		return nil, errors.New("entity model: corrupt lexicon")
	}
	m.finish()
	return m, nil
}

package entity

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"math/bits"
	"sort"
)

// Model is a trained tagger: the word lexicon (clusters and capitalisation
// rates learned from unlabelled news text), the gazetteer, and the
// perceptron's weights as 8-bit logarithmic codes. It is read-only once built, so one
// Model serves any number of goroutines.
type Model struct {
	lex lexicon   // keyed by the folded lower-case form
	gaz gazetteer // gazKey of a lower-cased name -> bit set of types

	// weights are 8-bit codes: code c stands for level[128+c]*unit
	top, dynRange, ratio, unit float32
	level                      [256]int32

	trans [numLabels + 1][numLabels]int32 // label bigram scores, by previous label
	slots []slot                          // open addressing on the feature key, linear probing
	shift uint                            // a key's home slot is key >> shift
	nrows int                             // feature rows kept

	// the non-zero weights of each row, value<<5 | label: most rows weigh a
	// handful of the 17 labels, so scoring touches only those
	packed []uint32
}

// LexEntry is what the unlabelled text says about one word.
type LexEntry struct {
	Coarse, Fine uint16 // word clusters, 1-based; 0 for none
	// CapRate buckets how often the word is capitalised inside sentences:
	// 1 (under 2%) .. 6 (98% or more); 7 known but only ever seen first in
	// a sentence; 0 unknown.
	CapRate uint8
}

// Weights is a float weight table keyed by feature, the trainer's output.
type Weights map[uint32]*[numLabels]float32

// NewModel builds a Model from float weights, quantising each weight to an
// 8-bit code on a logarithmic scale: 127 levels from top/dynRange to top, the
// largest weight, each about 7% above the one before for dynRange 1e4. The
// averaged perceptron's weights span orders of magnitude (a few features
// carry weights hundreds of times the typical one), so a linear int8 scale
// either clips the large ones or zeroes the small ones; both cost points.
// Rows whose largest weight is below prune (in absolute value) are dropped.
func NewModel(lex map[string]LexEntry, gaz map[uint64]uint8, w Weights, prune float32, dynRange float64) *Model {
	m := &Model{lex: newLexicon(lex), gaz: newGazetteer(gaz)}
	var top float64
	for _, row := range w {
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
	keys := make([]uint32, 0, len(w))
	for k, row := range w {
		var mx float32
		for _, v := range row {
			mx = max(mx, float32(math.Abs(float64(v))))
		}
		if mx >= prune && float64(mx) >= lo {
			keys = append(keys, k)
		}
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	q := make([]int8, 0, len(keys)*numLabels)
	for _, k := range keys {
		for _, v := range w[k] {
			a := math.Abs(float64(v))
			c := 0
			if a >= lo/math.Sqrt(float64(m.ratio)) {
				c = int(math.Round(math.Log(a/lo)/lr)) + 1
				c = max(1, min(127, c))
			}
			if v < 0 {
				c = -c
			}
			q = append(q, int8(c))
		}
	}
	m.build(keys, q)
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
	for k := 1; k < 128; k++ {
		v := int32(math.Round(one / float64(m.dynRange) * math.Pow(float64(m.ratio), float64(k-1))))
		m.level[128+k] = v
		m.level[128-k] = -v
	}
}

// slot is one entry of the feature table: key 0 is empty. Most rows (85%)
// weigh three labels or fewer: their packed weights sit in the slot itself
// (e, zero-padded), so a lookup costs one memory read. A longer row has
// e[2] == spill and its weights at packed[e[0]:e[0]+e[1]].
type slot struct {
	key uint32
	e   [3]uint32
}

// spill marks a slot whose row is in packed: no packed weight has label 31.
const spill = ^uint32(0)

// row returns the packed weights of a slot.
func (m *Model) row(sl *slot) []uint32 {
	if sl.e[2] == spill {
		return m.packed[sl.e[0] : sl.e[0]+sl.e[1]]
	}
	n := 0
	for n < 3 && sl.e[n] != 0 {
		n++
	}
	return sl.e[:n]
}

// build makes the lookup table for sorted keys and their weight rows
// (numLabels codes a row).
func (m *Model) build(keys []uint32, q []int8) {
	m.initSlots(len(keys))
	for i, k := range keys {
		m.addRow(k, q[i*numLabels:(i+1)*numLabels])
	}
	m.finish()
}

// initSlots sizes the feature table for n rows, at most 3/4 full: a
// smaller table stays in cache.
func (m *Model) initSlots(n int) {
	size, bits := 16, uint(4)
	for size*3 < 4*n {
		size *= 2
		bits++
	}
	m.slots = make([]slot, size)
	m.shift = 32 - bits
	m.packed = make([]uint32, 0, n)
	m.nrows = 0
}

// addRow stores the row of codes of feature key k.
func (m *Model) addRow(k uint32, codes []int8) {
	var sl slot
	sl.key = k
	var vals [numLabels]uint32
	n := 0
	for l, c := range codes {
		if c != 0 {
			vals[n] = uint32(m.level[128+int(c)]<<5) | uint32(l)
			n++
		}
	}
	if n <= inlineMax {
		copy(sl.e[:], vals[:n])
	} else {
		sl.e = [3]uint32{uint32(len(m.packed)), uint32(n), spill}
		m.packed = append(m.packed, vals[:n]...)
	}
	m.insert(sl)
}

// insert puts a slot in the table. The home slot is the key's top bits, so
// rows added in key order (as Decode does) fill the table front to back:
// loading touches memory in order.
func (m *Model) insert(sl slot) {
	mask := len(m.slots) - 1
	s := int(sl.key >> m.shift)
	for m.slots[s].key != 0 {
		s = (s + 1) & mask
	}
	m.slots[s] = sl
	m.nrows++
}

// finish caches the label bigram rows.
func (m *Model) finish() {
	for p := range numLabels + 1 {
		m.trans[p] = [numLabels]int32{}
		m.add([]uint32{transitionKey(p)}, &m.trans[p])
	}
}

// Features is the number of weight rows kept.
func (m *Model) Features() int { return m.nrows }

// add adds the rows of feats to scores.
func (m *Model) add(feats []uint32, scores *[numLabels]int32) {
	mask := len(m.slots) - 1
	for _, k := range feats {
		for s := int(k >> m.shift); ; s = (s + 1) & mask {
			sl := &m.slots[s]
			if sl.key == k {
				if sl.e[2] != spill {
					// an empty entry adds 0 to label 0
					scores[sl.e[0]&31] += int32(sl.e[0]) >> 5
					scores[sl.e[1]&31] += int32(sl.e[1]) >> 5
					scores[sl.e[2]&31] += int32(sl.e[2]) >> 5
					break
				}
				for _, e := range m.packed[sl.e[0] : sl.e[0]+sl.e[1]] {
					scores[e&31] += int32(e) >> 5
				}
				break
			}
			if sl.key == 0 {
				break
			}
		}
	}
}

const modelMagic = "LEDENER1"

// Encode writes the model in its compact form: varint-coded and
// delta-coded, but not compressed, so that loading is one pass over the
// embedded bytes with no inflating (the wasm is compressed for transfer
// anyway). Decode also reads gzip-compressed files.
func (m *Model) Encode(w io.Writer) error {
	bw := bufio.NewWriter(w)
	var tmp [binary.MaxVarintLen64]byte
	uv := func(x uint64) { bw.Write(tmp[:binary.PutUvarint(tmp[:], x)]) }
	str := func(s string) { uv(uint64(len(s))); bw.WriteString(s) }

	bw.WriteString(modelMagic)
	binary.Write(bw, binary.LittleEndian, m.top)
	binary.Write(bw, binary.LittleEndian, m.dynRange)
	// lexicon, sorted for a deterministic file
	uv(uint64(len(m.lex.ent)))
	for i, e := range m.lex.ent {
		str(m.lex.word(i))
		uv(uint64(e.Coarse))
		uv(uint64(e.Fine))
		bw.WriteByte(e.CapRate)
	}
	type gv struct {
		k uint64
		v uint8
	}
	var gk []gv
	for i, k := range m.gaz.keys {
		if k != 0 {
			gk = append(gk, gv{k, m.gaz.vals[i]})
		}
	}
	sort.Slice(gk, func(i, j int) bool { return gk[i].k < gk[j].k })
	uv(uint64(len(gk)))
	var prev uint64
	for _, g := range gk {
		uv(g.k - prev)
		prev = g.k
		bw.WriteByte(g.v)
	}
	// weight rows in key order: key delta, bit mask of non-zero labels, values
	code := map[int32]int8{}
	for c := 1; c < 128; c++ {
		code[m.level[128+c]], code[m.level[128-c]] = int8(c), int8(-c)
	}
	var rows []slot
	for _, sl := range m.slots {
		if sl.key != 0 {
			rows = append(rows, sl)
		}
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].key < rows[j].key })
	uv(uint64(len(rows)))
	var pk uint32
	for _, sl := range rows {
		uv(uint64(sl.key - pk))
		pk = sl.key
		r := m.row(&sl)
		var mask uint64
		for _, e := range r {
			mask |= 1 << (e & 31)
		}
		uv(mask)
		for _, e := range r { // packed rows are in label order
			bw.WriteByte(byte(code[int32(e)>>5]))
		}
	}
	return bw.Flush()
}

// Decode reads a model written by Encode.
func Decode(data []byte) (*Model, error) {
	raw := data
	if len(data) >= 2 && data[0] == 0x1f && data[1] == 0x8b {
		zr, err := gzip.NewReader(bytes.NewReader(data))
		if err != nil {
			return nil, fmt.Errorf("entity model: %w", err)
		}
		if raw, err = io.ReadAll(zr); err != nil {
			return nil, fmt.Errorf("entity model: %w", err)
		}
	}
	r := &reader{b: raw}
	if string(r.bytes(len(modelMagic))) != modelMagic {
		return nil, errors.New("entity model: not a lede NER model (bad magic)")
	}
	m := &Model{}
	m.top = math.Float32frombits(binary.LittleEndian.Uint32(r.bytes(4)))
	m.dynRange = math.Float32frombits(binary.LittleEndian.Uint32(r.bytes(4)))
	if !(m.top > 0 && m.dynRange >= 1 && m.dynRange < 1e9) {
		return nil, errors.New("entity model: corrupt header")
	}
	m.levels()
	n := r.uv()
	if n > uint64(len(raw)) {
		return nil, errors.New("entity model: corrupt lexicon")
	}
	m.lex.data = raw
	m.lex.pos = make([]uint32, 0, n)
	m.lex.n = make([]uint8, 0, n)
	m.lex.ent = make([]LexEntry, 0, n)
	for range n {
		l := int(r.uv())
		if l > 255 || l > len(r.b) {
			return nil, errors.New("entity model: corrupt lexicon")
		}
		m.lex.pos = append(m.lex.pos, uint32(len(raw)-len(r.b)))
		m.lex.n = append(m.lex.n, uint8(l))
		r.bytes(l)
		e := LexEntry{Coarse: uint16(r.uv()), Fine: uint16(r.uv())}
		e.CapRate = r.byte()
		m.lex.ent = append(m.lex.ent, e)
	}
	m.lex.index()
	n = r.uv()
	if n > uint64(len(raw)) {
		return nil, errors.New("entity model: corrupt gazetteer")
	}
	m.gaz.init(int(n))
	var prev uint64
	for range n {
		prev += r.uv()
		m.gaz.set(prev, r.byte())
	}
	n = r.uv()
	if n > uint64(len(raw)) {
		return nil, errors.New("entity model: corrupt weights")
	}
	m.initSlots(int(n))
	// the rows are most of the file: read them with no per-row calls
	b, p := r.b, 0
	var pk uint32
	for range n {
		var d, mask uint64
		if d, p = uvarintAt(b, p); p < 0 {
			break
		}
		if mask, p = uvarintAt(b, p); p < 0 {
			break
		}
		cnt := bits.OnesCount64(mask)
		if mask>>numLabels != 0 || cnt == 0 || p+cnt > len(b) {
			p = -1
			break
		}
		pk += uint32(d)
		sl := slot{key: pk}
		if cnt <= inlineMax {
			j := 0
			for mk := mask; mk != 0; mk &= mk - 1 {
				sl.e[j] = uint32(m.level[128+int(int8(b[p]))]<<5) | uint32(bits.TrailingZeros64(mk))
				p++
				j++
			}
		} else {
			sl.e = [3]uint32{uint32(len(m.packed)), uint32(cnt), spill}
			for mk := mask; mk != 0; mk &= mk - 1 {
				m.packed = append(m.packed, uint32(m.level[128+int(int8(b[p]))]<<5)|uint32(bits.TrailingZeros64(mk)))
				p++
			}
		}
		m.insert(sl)
	}
	if r.err || p < 0 {
		return nil, errors.New("entity model: truncated file")
	}
	m.finish()
	return m, nil
}

// uvarintAt reads the varint at b[p:] and returns it and the position after
// it, or p < 0 when b ends inside it. One-byte values (most keys' deltas
// and masks here) take the first branch.
func uvarintAt(b []byte, p int) (uint64, int) {
	if p < len(b) && b[p] < 0x80 {
		return uint64(b[p]), p + 1
	}
	var x uint64
	for s := uint(0); s < 64; s += 7 {
		if p >= len(b) {
			return 0, -1
		}
		c := b[p]
		p++
		if c < 0x80 {
			return x | uint64(c)<<s, p
		}
		x |= uint64(c&0x7f) << s
	}
	return 0, -1
}

type reader struct {
	b   []byte
	err bool
}

func (r *reader) bytes(n int) []byte {
	if n < 0 || n > len(r.b) {
		r.err = true
		r.b = nil
		return make([]byte, min(max(n, 0), 16))
	}
	out := r.b[:n]
	r.b = r.b[n:]
	return out
}

func (r *reader) byte() byte { return r.bytes(1)[0] }

func (r *reader) uv() uint64 {
	x, n := uvarintAt(r.b, 0)
	if n < 0 {
		r.err = true
		r.b = nil
		return 0
	}
	r.b = r.b[n:]
	return x
}

// inlineMax is the longest row kept in its slot.
const inlineMax = 3

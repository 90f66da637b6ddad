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
	"sort"
)

// Model is a trained tagger: the word lexicon (clusters and capitalisation
// rates learned from unlabelled news text), the gazetteer, and the
// perceptron's weights quantised to int8. It is read-only once built, so one
// Model serves any number of goroutines.
type Model struct {
	Lexicon map[string]LexEntry // keyed by the folded lower-case form
	Gaz     map[uint64]uint8    // gazKey of a lower-cased name -> bit set of types

	scale float32 // weight = int8 value * scale
	// open-addressing table of feature keys; rows[slot] indexes weights
	keys    []uint32
	rows    []int32
	weights []int8 // numLabels per row
}

// LexEntry is what the unlabelled text says about one word.
type LexEntry struct {
	Coarse, Fine uint16 // word clusters, 1-based; 0 for none
	CapRate      uint8  // capitalisation bucket, 1-based; 0 for unknown
}

// Weights is a float weight table keyed by feature, the trainer's output.
type Weights map[uint32]*[numLabels]float32

// NewModel builds a Model from float weights, quantising them to int8.
// Rows whose largest weight is below prune (in absolute value) are dropped.
func NewModel(lex map[string]LexEntry, gaz map[uint64]uint8, w Weights, prune float32) *Model {
	m := &Model{Lexicon: lex, Gaz: gaz}
	// scale: the 99.99th percentile of |w| maps to 127; larger weights clip.
	var abs []float32
	for _, row := range w {
		for _, v := range row {
			if v != 0 {
				abs = append(abs, float32(math.Abs(float64(v))))
			}
		}
	}
	if len(abs) == 0 {
		m.scale = 1
		m.build(nil, nil)
		return m
	}
	sort.Slice(abs, func(i, j int) bool { return abs[i] < abs[j] })
	m.scale = abs[len(abs)*9999/10000] / 127
	if m.scale == 0 {
		m.scale = 1
	}
	keys := make([]uint32, 0, len(w))
	for k, row := range w {
		var mx float32
		for _, v := range row {
			mx = max(mx, float32(math.Abs(float64(v))))
		}
		if mx >= prune && mx >= m.scale/2 {
			keys = append(keys, k)
		}
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	q := make([]int8, 0, len(keys)*numLabels)
	for _, k := range keys {
		for _, v := range w[k] {
			x := math.Round(float64(v / m.scale))
			q = append(q, int8(max(-127, min(127, x))))
		}
	}
	m.build(keys, q)
	return m
}

// build makes the lookup table for sorted keys and their weight rows.
func (m *Model) build(keys []uint32, q []int8) {
	n := 16
	for n < 2*len(keys) {
		n *= 2
	}
	m.keys = make([]uint32, n)
	m.rows = make([]int32, n)
	m.weights = q
	for i, k := range keys {
		s := int(k) & (n - 1)
		for m.keys[s] != 0 {
			s = (s + 1) & (n - 1)
		}
		m.keys[s] = k
		m.rows[s] = int32(i)
	}
}

// Features is the number of weight rows kept.
func (m *Model) Features() int { return len(m.weights) / numLabels }

// row returns the weights of feature k, or nil.
func (m *Model) row(k uint32) []int8 {
	mask := len(m.keys) - 1
	for s := int(k) & mask; ; s = (s + 1) & mask {
		switch m.keys[s] {
		case k:
			r := int(m.rows[s]) * numLabels
			return m.weights[r : r+numLabels : r+numLabels]
		case 0:
			return nil
		}
	}
}

// add adds the rows of feats to scores.
func (m *Model) add(feats []uint32, scores *[numLabels]int32) {
	for _, f := range feats {
		if r := m.row(f); r != nil {
			for l := range numLabels {
				scores[l] += int32(r[l])
			}
		}
	}
}

const modelMagic = "LEDENER1"

// Encode writes the model in its compact gzip-compressed form.
func (m *Model) Encode(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	var tmp [binary.MaxVarintLen64]byte
	uv := func(x uint64) { bw.Write(tmp[:binary.PutUvarint(tmp[:], x)]) }
	str := func(s string) { uv(uint64(len(s))); bw.WriteString(s) }

	bw.WriteString(modelMagic)
	binary.Write(bw, binary.LittleEndian, m.scale)
	// lexicon, sorted for a deterministic file
	words := make([]string, 0, len(m.Lexicon))
	for w := range m.Lexicon {
		words = append(words, w)
	}
	sort.Strings(words)
	uv(uint64(len(words)))
	for _, w := range words {
		e := m.Lexicon[w]
		str(w)
		uv(uint64(e.Coarse))
		uv(uint64(e.Fine))
		bw.WriteByte(e.CapRate)
	}
	gk := make([]uint64, 0, len(m.Gaz))
	for k := range m.Gaz {
		gk = append(gk, k)
	}
	sort.Slice(gk, func(i, j int) bool { return gk[i] < gk[j] })
	uv(uint64(len(gk)))
	var prev uint64
	for _, k := range gk {
		uv(k - prev)
		prev = k
		bw.WriteByte(m.Gaz[k])
	}
	// weight rows in key order: key delta, bit mask of non-zero labels, values
	type kr struct {
		k uint32
		r int32
	}
	var rows []kr
	for s, k := range m.keys {
		if k != 0 {
			rows = append(rows, kr{k, m.rows[s]})
		}
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].k < rows[j].k })
	uv(uint64(len(rows)))
	var pk uint32
	for _, x := range rows {
		uv(uint64(x.k - pk))
		pk = x.k
		r := m.weights[int(x.r)*numLabels : int(x.r+1)*numLabels]
		var mask uint64
		for l, v := range r {
			if v != 0 {
				mask |= 1 << l
			}
		}
		uv(mask)
		for _, v := range r {
			if v != 0 {
				bw.WriteByte(byte(v))
			}
		}
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

// Decode reads a model written by Encode.
func Decode(data []byte) (*Model, error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("entity model: %w", err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("entity model: %w", err)
	}
	r := &reader{b: raw}
	if string(r.bytes(len(modelMagic))) != modelMagic {
		return nil, errors.New("entity model: not a lede NER model (bad magic)")
	}
	m := &Model{}
	m.scale = math.Float32frombits(binary.LittleEndian.Uint32(r.bytes(4)))
	n := r.uv()
	if n > uint64(len(raw)) {
		return nil, errors.New("entity model: corrupt lexicon")
	}
	m.Lexicon = make(map[string]LexEntry, n)
	for range n {
		w := string(r.bytes(int(r.uv())))
		e := LexEntry{Coarse: uint16(r.uv()), Fine: uint16(r.uv())}
		e.CapRate = r.byte()
		m.Lexicon[w] = e
	}
	n = r.uv()
	if n > uint64(len(raw)) {
		return nil, errors.New("entity model: corrupt gazetteer")
	}
	m.Gaz = make(map[uint64]uint8, n)
	var prev uint64
	for range n {
		prev += r.uv()
		m.Gaz[prev] = r.byte()
	}
	n = r.uv()
	if n > uint64(len(raw)) {
		return nil, errors.New("entity model: corrupt weights")
	}
	keys := make([]uint32, n)
	q := make([]int8, int(n)*numLabels)
	var pk uint32
	for i := range keys {
		pk += uint32(r.uv())
		keys[i] = pk
		mask := r.uv()
		for l := range numLabels {
			if mask&(1<<l) != 0 {
				q[i*numLabels+l] = int8(r.byte())
			}
		}
	}
	if r.err {
		return nil, errors.New("entity model: truncated file")
	}
	m.build(keys, q)
	return m, nil
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
	x, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.err = true
		r.b = nil
		return 0
	}
	r.b = r.b[n:]
	return x
}

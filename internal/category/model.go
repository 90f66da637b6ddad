package category

import (
	"encoding/binary"
	"errors"
	"math"
	"slices"
	"strconv"
)

// Model is a linear softmax classifier over hashed features with 8-bit
// weights, or 4-bit codes into a codebook per label (Book): logit[c] =
// Bias[c] + Scale[c] * sum over features of Value * weight(Bucket, c). The calibration temperature is folded into
// Scale and Bias when the model is written.
//
// It is sparse: of the Buckets hash buckets only those in Keys (sorted)
// have weights, row i of Weights holding bucket Keys[i]. Training keeps the
// buckets that matter most and drops the rest, so a feature the model never
// learned adds nothing (gibberish scores the prior, not a random label), and
// far fewer collisions happen than in a dense table of the same size.
type Model struct {
	Labels  []string
	Buckets uint32   // the hash space features are taken modulo
	Prefix  int      // Featurizer.Prefix the model was trained with
	Keys    []uint32 // buckets with weights, ascending
	Scale   []float32
	Bias    []float32
	Weights []int8 // len(Keys) rows of len(Labels): one feature's weights side by side
	// Book, when set, makes the weights 4-bit codes: weight (row, c) is
	// Book[c*16+Weights[row*k+c]] (codes 0..15), a codebook per label
	// fitted to its weights, which holds twice the features of 8 bits in
	// the same bytes. Without it a weight is Weights[row*k+c] itself.
	Book []float32

	index []slot // open-addressing table from bucket to row, built by UnmarshalBinary
}

// slot is one entry of Model.index; row 0 means empty (rows are stored +1).
type slot struct {
	key uint32
	row int32
}

// buildIndex fills m.index: a power-of-two table at most half full, probed
// linearly. A lookup costs one or two probes where a binary search over the
// keys costs sixteen, which matters in wasm.
func (m *Model) buildIndex() {
	size := 1
	for size < 2*len(m.Keys) {
		size <<= 1
	}
	m.index = make([]slot, size)
	mask := uint32(size - 1)
	for i, key := range m.Keys {
		j := key * 0x9e3779b1 >> 7 & mask
		for m.index[j].row != 0 {
			j = (j + 1) & mask
		}
		m.index[j] = slot{key, int32(i + 1)}
	}
}

// row returns the weight row of a bucket, or -1.
func (m *Model) row(key uint32) int {
	if m.index == nil {
		if i, ok := slices.BinarySearch(m.Keys, key); ok {
			return i
		}
		return -1
	}
	mask := uint32(len(m.index) - 1)
	for j := key * 0x9e3779b1 >> 7 & mask; ; j = (j + 1) & mask {
		s := m.index[j]
		if s.row == 0 {
			return -1
		}
		if s.key == key {
			return int(s.row - 1)
		}
	}
}

// magic starts a model file; magic2 the older format without the prefix
// and bits bytes (read as Prefix 0, 8-bit weights).
const (
	magic  = "LEDECAT3"
	magic2 = "LEDECAT2"
)

// MarshalBinary writes the model file format (little endian): the magic,
// uint32 buckets, uint16 labels, a byte for Prefix, a byte for the bits
// per weight (8, or 4 with Book), then per label a length-prefixed name,
// float32 scale and float32 bias; with 4 bits the codebook (16 float32 per
// label); uint32 key count, the keys as uvarint gaps; then the weights, a
// byte each, or with 4 bits two to a byte (low nibble first).
func (m *Model) MarshalBinary() ([]byte, error) {
	k := len(m.Labels)
	if k == 0 || k > 255 || len(m.Scale) != k || len(m.Bias) != k || len(m.Weights) != len(m.Keys)*k ||
		!slices.IsSorted(m.Keys) || len(m.Keys) > 0 && m.Keys[len(m.Keys)-1] >= m.Buckets {
		return nil, errors.New("category: inconsistent model")
	}
	if m.Prefix < 0 || m.Prefix > 255 || m.Book != nil && (len(m.Book) != 16*k || slices.ContainsFunc(m.Weights, func(w int8) bool { return w < 0 || w > 15 })) {
		return nil, errors.New("category: inconsistent model")
	}
	bits := byte(8)
	if m.Book != nil {
		bits = 4
	}
	b := []byte(magic)
	b = binary.LittleEndian.AppendUint32(b, m.Buckets)
	b = binary.LittleEndian.AppendUint16(b, uint16(k))
	b = append(b, byte(m.Prefix), bits)
	for c, name := range m.Labels {
		if len(name) > 255 {
			return nil, errors.New("category: label " + strconv.Quote(name) + " too long")
		}
		b = append(b, byte(len(name)))
		b = append(b, name...)
		b = binary.LittleEndian.AppendUint32(b, math.Float32bits(m.Scale[c]))
		b = binary.LittleEndian.AppendUint32(b, math.Float32bits(m.Bias[c]))
	}
	for _, x := range m.Book {
		b = binary.LittleEndian.AppendUint32(b, math.Float32bits(x))
	}
	b = binary.LittleEndian.AppendUint32(b, uint32(len(m.Keys)))
	prev := uint32(0)
	for _, key := range m.Keys {
		b = binary.AppendUvarint(b, uint64(key-prev))
		prev = key
	}
	if bits == 4 {
		for i := 0; i < len(m.Weights); i += 2 {
			x := byte(m.Weights[i])
			if i+1 < len(m.Weights) {
				x |= byte(m.Weights[i+1]) << 4
			}
			b = append(b, x)
		}
		return b, nil
	}
	for _, w := range m.Weights {
		b = append(b, byte(w))
	}
	return b, nil
}

// UnmarshalBinary reads what MarshalBinary wrote.
func (m *Model) UnmarshalBinary(b []byte) error {
	bad := errors.New("category: not a category model (rebuild it with go run ./cmd/train-categories)")
	if len(b) < len(magic)+7 || string(b[:len(magic)]) != magic && string(b[:len(magic2)]) != magic2 {
		return bad
	}
	v3 := string(b[:len(magic)]) == magic
	b = b[len(magic):]
	m.Buckets = binary.LittleEndian.Uint32(b)
	k := int(binary.LittleEndian.Uint16(b[4:]))
	b = b[6:]
	m.Prefix, m.Book = 0, nil
	bits := 8
	if v3 {
		if len(b) < 2 || b[1] != 8 && b[1] != 4 {
			return bad
		}
		m.Prefix, bits = int(b[0]), int(b[1])
		b = b[2:]
	}
	if k == 0 || k > 255 {
		return bad
	}
	m.Labels, m.Scale, m.Bias = make([]string, k), make([]float32, k), make([]float32, k)
	for c := 0; c < k; c++ {
		if len(b) < 1 || len(b) < 1+int(b[0])+8 {
			return bad
		}
		n := int(b[0])
		m.Labels[c] = string(b[1 : 1+n])
		b = b[1+n:]
		m.Scale[c] = math.Float32frombits(binary.LittleEndian.Uint32(b))
		m.Bias[c] = math.Float32frombits(binary.LittleEndian.Uint32(b[4:]))
		b = b[8:]
	}
	if bits == 4 {
		if len(b) < 16*k*4 {
			return bad
		}
		m.Book = make([]float32, 16*k)
		for i := range m.Book {
			m.Book[i] = math.Float32frombits(binary.LittleEndian.Uint32(b[4*i:]))
		}
		b = b[16*k*4:]
	}
	if len(b) < 4 {
		return bad
	}
	n := int(binary.LittleEndian.Uint32(b))
	b = b[4:]
	if k == 0 || n > len(b) {
		return bad
	}
	m.Keys = make([]uint32, n)
	prev := uint64(0)
	for i := range m.Keys {
		gap, size := binary.Uvarint(b)
		if size <= 0 || prev+gap >= uint64(m.Buckets) || i > 0 && gap == 0 {
			return bad
		}
		prev += gap
		m.Keys[i] = uint32(prev)
		b = b[size:]
	}
	m.Weights = make([]int8, n*k)
	if bits == 4 {
		if len(b) != (n*k+1)/2 || n*k%2 == 1 && b[len(b)-1]>>4 != 0 {
			return bad
		}
		for i := range m.Weights {
			m.Weights[i] = int8(b[i/2] >> (4 * (i % 2)) & 15)
		}
	} else {
		if len(b) != n*k {
			return bad
		}
		for i, x := range b {
			m.Weights[i] = int8(x)
		}
	}
	m.buildIndex()
	return nil
}

// Probabilities writes the softmax probability of each label for the
// features into p (reusing its storage) and returns it, with the share of
// the features' weight (sum of |Value|) that the model has weights for:
// 0 means it knows none of the words.
func (m *Model) Probabilities(p []float64, fs []Feature) (_ []float64, known float64) {
	p, known, _ = m.probabilities(p, fs)
	return p, known
}

// probabilities is Probabilities that also returns how many of the
// features the model has weights for.
func (m *Model) probabilities(p []float64, fs []Feature) (_ []float64, known float64, n int) {
	k := len(m.Labels)
	var acc [256]float32
	var all float64
	for _, f := range fs {
		all += math.Abs(float64(f.Value))
		i := m.row(f.Bucket)
		if i < 0 {
			continue
		}
		known += math.Abs(float64(f.Value))
		n++
		if m.Book != nil {
			for c, w := range m.Weights[i*k : i*k+k] {
				acc[c] += f.Value * m.Book[c*16+int(w)]
			}
			continue
		}
		for c, w := range m.Weights[i*k : i*k+k] {
			acc[c] += f.Value * float32(w)
		}
	}
	if all > 0 {
		known /= all
	}
	p = p[:0]
	hi := math.Inf(-1)
	for c := 0; c < k; c++ {
		z := float64(m.Bias[c] + m.Scale[c]*acc[c])
		p = append(p, z)
		hi = max(hi, z)
	}
	var sum float64
	for c := range p {
		p[c] = math.Exp(p[c] - hi)
		sum += p[c]
	}
	for c := range p {
		p[c] /= sum
	}
	return p, known, n
}

package category

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
)

// Model is a linear softmax classifier over hashed features with 8-bit
// weights: logit[c] = Bias[c] + Scale[c] * sum over features of
// Value * Weights[Bucket*len(Labels)+c]. The calibration temperature is
// folded into Scale and Bias when the model is written.
type Model struct {
	Labels  []string
	Buckets uint32
	Scale   []float32
	Bias    []float32
	Weights []int8 // Buckets rows of len(Labels): one feature's weights side by side
}

const magic = "LEDECAT1"

// MarshalBinary writes the model file format: the magic, uint32 buckets,
// uint16 classes, then per class a length-prefixed name, float32 scale and
// float32 bias, then the weights (little endian throughout).
func (m *Model) MarshalBinary() ([]byte, error) {
	k := len(m.Labels)
	if k == 0 || k > 255 || len(m.Scale) != k || len(m.Bias) != k || len(m.Weights) != int(m.Buckets)*k {
		return nil, errors.New("category: inconsistent model")
	}
	b := []byte(magic)
	b = binary.LittleEndian.AppendUint32(b, m.Buckets)
	b = binary.LittleEndian.AppendUint16(b, uint16(k))
	for c, name := range m.Labels {
		if len(name) > 255 {
			return nil, fmt.Errorf("category: label %q too long", name)
		}
		b = append(b, byte(len(name)))
		b = append(b, name...)
		b = binary.LittleEndian.AppendUint32(b, math.Float32bits(m.Scale[c]))
		b = binary.LittleEndian.AppendUint32(b, math.Float32bits(m.Bias[c]))
	}
	for _, w := range m.Weights {
		b = append(b, byte(w))
	}
	return b, nil
}

// UnmarshalBinary reads what MarshalBinary wrote.
func (m *Model) UnmarshalBinary(b []byte) error {
	bad := errors.New("category: not a category model (rebuild it with go run ./cmd/train-categories)")
	if len(b) < len(magic)+6 || string(b[:len(magic)]) != magic {
		return bad
	}
	b = b[len(magic):]
	m.Buckets = binary.LittleEndian.Uint32(b)
	k := int(binary.LittleEndian.Uint16(b[4:]))
	b = b[6:]
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
	if m.Buckets == 0 || k == 0 || len(b) != int(m.Buckets)*k {
		return bad
	}
	m.Weights = make([]int8, len(b))
	for i, x := range b {
		m.Weights[i] = int8(x)
	}
	return nil
}

// Probabilities writes the softmax probability of each label for the
// features into p (len(m.Labels)) and returns it.
func (m *Model) Probabilities(p []float64, fs []Feature) []float64 {
	k := len(m.Labels)
	var acc [256]float32
	for _, f := range fs {
		row := m.Weights[int(f.Bucket)*k : int(f.Bucket)*k+k]
		for c, w := range row {
			acc[c] += f.Value * float32(w)
		}
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
	return p
}

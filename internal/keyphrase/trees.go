package keyphrase

import (
	"errors"
	"math"
)

// Forest is a boosted-tree model: Bias + Σ tree(x), in log-odds. Nodes are
// the trees' nodes one after the other, each tree in pre-order (its root
// first); Roots are where each tree starts.
type Forest struct {
	Bias  float64
	Step  float64 // the leaves' unit in the encoding (0: the largest leaf / 127)
	Nodes []TreeNode
	Roots []int
}

// TreeNode is one node of a Forest: an inner node sends x to Left when
// x[Feat] <= Thr, else to Right (indices into Nodes); a leaf (Feat < 0)
// gives Value.
type TreeNode struct {
	Feat        int
	Thr, Value  float64
	Left, Right int
}

// Eval is the forest's log-odds for the features f.
func (m *Forest) Eval(f *[NumFeatures]float64) float64 {
	s := m.Bias
	for _, i := range m.Roots {
		n := &m.Nodes[i]
		for n.Feat >= 0 {
			if f[n.Feat] <= n.Thr {
				n = &m.Nodes[n.Left]
			} else {
				n = &m.Nodes[n.Right]
			}
		}
		s += n.Value
	}
	return s
}

// Ranker is the shipped learned ranker (docs/models/keyphrases.md): two
// boosted-tree experts, mixed by the logistic gate of a Model, which reads
// only the article-level features. The gate is trained to tell a DUC-2001
// article from a 500N-KPCrowd one, each expert on its set's candidates; at
// run time the ranker is never told where an article comes from.
type Ranker struct {
	Gate    [len(GateFeatures)]float64
	Experts [2]Forest
}

// Style is the gate's weight of the second expert for the article whose
// candidate has features f (any candidate: the gate reads the article).
func (r *Ranker) Style(f *[NumFeatures]float64) float64 {
	s := 0.0
	for i, j := range GateFeatures {
		s += r.Gate[i] * f[j]
	}
	return sigmoid(s)
}

// Score ranks the candidates of one article: the experts' log-odds, mixed
// by the gate (log-odds, not probabilities, as Model.Score).
func (r *Ranker) Score(f *[NumFeatures]float64) float64 {
	g := r.Style(f)
	return (1-g)*r.Experts[0].Eval(f) + g*r.Experts[1].Eval(f)
}

// leafNode marks a leaf in the encoding (a feature number is below it).
const leafNode = 0xff

// BFloat16 rounds x to the nearest bfloat16 (the upper 16 bits of a
// float32), the precision Encode keeps a threshold in: the trainer cuts
// on such values only, so the written model splits where it was trained
// to.
func BFloat16(x float64) float64 {
	u := math.Float32bits(float32(x))
	u += 0x7fff + (u>>16)&1 // round to nearest, ties to even
	return float64(math.Float32frombits(u &^ 0xffff))
}

// Encode lays the ranker out, little endian: the gate's weights as
// float32s, then each expert: its bias and its leaves' scale as float32s,
// its number of trees as a uint16, and each tree in pre-order, a node as
// one byte (its feature, or 0xff for a leaf) and then a bfloat16 threshold
// (inner node) or an int8 leaf value in units of the scale. Thresholds are
// rounded as BFloat16 does, leaves to the nearest step of the scale (the
// largest leaf / 127): the trainer scores the decoded model, so what it
// reports is what ships.
func (r *Ranker) Encode() []byte {
	var b []byte
	for _, x := range r.Gate {
		b = appendFloat32(b, x)
	}
	for _, m := range r.Experts {
		scale := m.Step
		for _, n := range m.Nodes {
			if n.Feat < 0 && m.Step == 0 {
				scale = max(scale, math.Abs(n.Value)/127)
			}
		}
		if scale == 0 {
			scale = 1
		}
		scale = float64(float32(scale))
		b = appendFloat32(b, m.Bias)
		b = appendFloat32(b, scale)
		b = append(b, byte(len(m.Roots)), byte(len(m.Roots)>>8))
		var node func(i int)
		node = func(i int) {
			n := m.Nodes[i]
			if n.Feat < 0 {
				b = append(b, leafNode, byte(int8(math.Round(n.Value/scale))))
				return
			}
			u := math.Float32bits(float32(BFloat16(n.Thr))) >> 16
			b = append(b, byte(n.Feat), byte(u), byte(u>>8))
			node(n.Left)
			node(n.Right)
		}
		for _, root := range m.Roots {
			node(root)
		}
	}
	return b
}

// DecodeRanker reads what Encode wrote.
func DecodeRanker(b []byte) (Ranker, error) {
	var r Ranker
	bad := errors.New("keyphrase: the ranker model is damaged or of another version (rebuild it with go run ./cmd/train-keyphrases)")
	f32 := func() (float64, bool) {
		if len(b) < 4 {
			return 0, false
		}
		x := math.Float32frombits(uint32(b[0]) | uint32(b[1])<<8 | uint32(b[2])<<16 | uint32(b[3])<<24)
		b = b[4:]
		return float64(x), true
	}
	for i := range r.Gate {
		x, ok := f32()
		if !ok {
			return r, bad
		}
		r.Gate[i] = x
	}
	for k := range r.Experts {
		m := &r.Experts[k]
		bias, ok1 := f32()
		scale, ok2 := f32()
		if !ok1 || !ok2 || len(b) < 2 {
			return r, bad
		}
		m.Bias = bias
		trees := int(b[0]) | int(b[1])<<8
		b = b[2:]
		var node func(depth int) (int, bool)
		node = func(depth int) (int, bool) {
			if len(b) < 2 || depth > 32 {
				return 0, false
			}
			at := len(m.Nodes)
			if b[0] == leafNode {
				m.Nodes = append(m.Nodes, TreeNode{Feat: -1, Value: float64(int8(b[1])) * scale})
				m.Step = scale
				b = b[2:]
				return at, true
			}
			if len(b) < 3 || int(b[0]) >= NumFeatures {
				return 0, false
			}
			thr := float64(math.Float32frombits((uint32(b[1]) | uint32(b[2])<<8) << 16))
			m.Nodes = append(m.Nodes, TreeNode{Feat: int(b[0]), Thr: thr})
			b = b[3:]
			l, ok := node(depth + 1)
			if !ok {
				return 0, false
			}
			rt, ok := node(depth + 1)
			if !ok {
				return 0, false
			}
			m.Nodes[at].Left, m.Nodes[at].Right = l, rt
			return at, true
		}
		for t := 0; t < trees; t++ {
			root, ok := node(0)
			if !ok {
				return r, bad
			}
			m.Roots = append(m.Roots, root)
		}
	}
	if len(b) != 0 {
		return r, bad
	}
	return r, nil
}

package keyphrase

import (
	"errors"
	"math"
)

// Forest is a boosted-tree model (package gbdt grows it; its doc says why
// this walk is not shared): Bias + Σ tree(x), in log-odds. Nodes are the
// trees' nodes in turn, each tree in pre-order; Roots, where each starts.
type Forest struct {
	Bias  float64
	Step  float64 // the leaves' unit in the encoding (0: the largest leaf / 127)
	Nodes []TreeNode
	Roots []int
	flat  flatForest // the same, laid out for Eval (DecodeRanker)
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
	if m.flat.depth > 0 {
		return m.flat.eval(f)
	}
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

// flatForest is a Forest laid out for speed (DecodeRanker builds it): every
// tree padded to the same depth, its inner nodes in breadth-first order
// (the children of node i are 2i+1 and 2i+2), so scoring a candidate walks
// arrays instead of chasing nodes. A leaf above the full depth becomes
// splits that always go left (the bias feature, 1, against +Inf).
type flatForest struct {
	depth  int
	bias   float64
	feat   []uint8   // at depths other than 3
	thr    []float64 // at depths other than 3
	leaves []float64 // at depths other than 3
	trees  []tree3   // at depth 3: the trees, one piece each (eval3)
}

func (m *flatForest) eval(f *[NumFeatures]float64) float64 {
	if m.depth == 3 {
		var w wide
		copy(w[:], f[:])
		return m.eval3(&w)
	}
	inner := 1<<m.depth - 1
	s := m.bias
	for t, l := 0, 0; l < len(m.leaves); t, l = t+inner, l+inner+1 {
		i := 0
		for d := 0; d < m.depth; d++ {
			// no branch on the comparison (the compiler sets right with
			// a conditional move): a candidate's path is as good as random
			// to a branch predictor, and a mispredicted branch per level
			// cost more than the rest of the walk
			right := 0
			if f[m.feat[t+i]] > m.thr[t+i] {
				right = 1
			}
			i = 2*i + 1 + right
		}
		s += m.leaves[l+i-inner]
	}
	return s
}

// wide is a candidate's features in an array a uint8 indexes whole, so
// that eval3 reads a node's feature with no bounds check (three a tree, 300
// a candidate for the shipped experts); entries past NumFeatures are 0 and
// never read (a node's feature is below NumFeatures: DecodeRanker).
type wide [256]float64

// tree3 is one tree of depth 3 (the shipped experts'), its 7 inner nodes in
// breadth-first order and its 8 leaves side by side, so that a tree is one
// pointer and its nodes are read at masked indices (no bounds checks, and
// no three slices advanced a tree, which was most of the walk's code). The
// thresholds are by level, so that a node's is read at the path so far
// (eval3), its offset in the load: 128 bytes a tree.
type tree3 struct {
	feat [8]uint8 // the 8th is padding
	thr0 float64
	thr1 [2]float64
	thr2 [4]float64
	leaf [8]float64
}

// eval3 is eval for trees of depth 3, over f widened (wide): each tree's
// leaf added to the bias in the trees' order, the same additions as eval.
func (m *flatForest) eval3(f *wide) float64 {
	s := m.bias
	// the trees advanced by their slice, so a tree's address is one
	// register and its fields' offsets fold into the loads
	for ts := m.trees; len(ts) > 0; ts = ts[1:] {
		t := &ts[0]
		// p is the path so far, a bit a level (right: 1): node 1+p at
		// the second level, 3+p at the third, leaf p; the nodes 2i+1 and
		// 2i+2 of node i, as eval walks them
		p := uint(0)
		if f[t.feat[0]] > t.thr0 {
			p = 1
		}
		r := uint(0)
		if f[t.feat[1+p]] > t.thr1[p] {
			r = 1
		}
		p = 2*p + r
		r = 0
		if f[t.feat[3+p]] > t.thr2[p] {
			r = 1
		}
		s += t.leaf[2*p+r]
	}
	return s
}

// flatten lays m out as a flatForest (nil when a tree is deeper than 8).
func flatten(m *Forest) flatForest {
	depth := 0
	var deepest func(i, d int)
	deepest = func(i, d int) {
		depth = max(depth, d)
		if n := m.Nodes[i]; n.Feat >= 0 && d < 9 {
			deepest(n.Left, d+1)
			deepest(n.Right, d+1)
		}
	}
	for _, r := range m.Roots {
		deepest(r, 0)
	}
	if depth == 0 || depth > 8 {
		return flatForest{}
	}
	inner := 1<<depth - 1
	ff := flatForest{depth: depth, bias: m.Bias,
		feat: make([]uint8, inner*len(m.Roots)), thr: make([]float64, inner*len(m.Roots)), leaves: make([]float64, (inner+1)*len(m.Roots))}
	for t, r := range m.Roots {
		feat, thr, leaves := ff.feat[t*inner:(t+1)*inner], ff.thr[t*inner:(t+1)*inner], ff.leaves[t*(inner+1):(t+1)*(inner+1)]
		var fill func(node, pos, d int)
		fill = func(node, pos, d int) {
			n := m.Nodes[node]
			if d == depth {
				leaves[pos-inner] = n.Value
				return
			}
			if n.Feat < 0 {
				feat[pos], thr[pos] = FBias, math.Inf(1)
				fill(node, 2*pos+1, d+1)
				fill(node, 2*pos+2, d+1)
				return
			}
			feat[pos], thr[pos] = uint8(n.Feat), n.Thr
			fill(n.Left, 2*pos+1, d+1)
			fill(n.Right, 2*pos+2, d+1)
		}
		fill(r, 0, 0)
	}
	if depth == 3 {
		ff.trees = make([]tree3, len(m.Roots))
		for t := range ff.trees {
			tr := &ff.trees[t]
			copy(tr.feat[:], ff.feat[7*t:7*t+7])
			tr.thr0 = ff.thr[7*t]
			copy(tr.thr1[:], ff.thr[7*t+1:7*t+3])
			copy(tr.thr2[:], ff.thr[7*t+3:7*t+7])
			copy(tr.leaf[:], ff.leaves[8*t:8*t+8])
		}
		ff.feat, ff.thr, ff.leaves = nil, nil, nil // eval reads the trees
	}
	return ff
}

// Ranker is the shipped learned ranker (docs/models/keyphrases.md): two
// boosted-tree experts, mixed by a gate that reads only the article-level
// features (GateFeatures): a forest of its own (Gate), or when that has no
// trees the logistic gate of the Model. The gate is trained to tell a
// DUC-2001 article from a 500N-KPCrowd one, each expert on its set's
// candidates; at run time the ranker is never told where an article comes
// from. The shipped gate's log-odds lean towards 500N's expert by a
// constant chosen in cross-validation (cmd/train-keyphrases -gate-shift).
// The Model's own logistic experts shortlist the candidates the trees
// score (Scores).
type Ranker struct {
	Linear  Model
	Experts [2]Forest
	// Gate, when it has trees, weighs the experts in place of the
	// Model's logistic gate: boosted trees over the article-level
	// features (GateFeatures) alone, in log-odds of the second expert.
	Gate Forest
}

// Shortlist is how many of an article's candidates, the best by the
// logistic experts, the trees score (Scores): scoring every candidate with
// 200 trees took as long as the rest of the keyphrase pass, and the
// trees' first ten come from the logistic model's first 40 all but always
// (cross-validated F1 within 0.1 of scoring all; docs/keyphrases.md).
const Shortlist = 30

// Style is the gate's weight of the second expert for the article whose
// candidate has features f (any candidate: the gate reads the article).
func (r *Ranker) Style(f *[NumFeatures]float64) float64 {
	if len(r.Gate.Roots) > 0 {
		return sigmoid(r.Gate.Eval(f))
	}
	return r.Linear.Style(f)
}

// Score is the log-odds of candidate f by the trees: the experts' log-odds,
// mixed by the gate (log-odds, not probabilities, as Model.Score).
func (r *Ranker) Score(f *[NumFeatures]float64) float64 {
	return r.mix(f, r.Style(f))
}

// mix is Score with the gate's weight g given (it reads the article only:
// Scores works it out once an article).
func (r *Ranker) mix(f *[NumFeatures]float64, g float64) float64 {
	return (1-g)*r.Experts[0].Eval(f) + g*r.Experts[1].Eval(f)
}

// mixWide is mix with f copied into w (its entries past NumFeatures 0):
// both experts read the one copy (Scores keeps one for an article's
// candidates).
func (r *Ranker) mixWide(f *[NumFeatures]float64, w *wide, g float64) float64 {
	e0, e1 := &r.Experts[0], &r.Experts[1]
	if e0.flat.depth != 3 || e1.flat.depth != 3 {
		return r.mix(f, g)
	}
	copy(w[:], f[:])
	return (1-g)*e0.flat.eval3(w) + g*e1.flat.eval3(w)
}

// Scores ranks the candidates of one article, higher better, in (0, 1):
// the short best lone words (Candidate.Lone) by the logistic Model, and
// the short best of the other candidates, are scored by the trees
// (sigmoid(Score)) and come first; the rest follow in the Model's order,
// below every one of them (short < 0: the trees score every candidate).
func (r *Ranker) Scores(cs []Candidate, short int) []float64 {
	sc := make([]float64, len(cs))
	if len(cs) == 0 {
		return sc
	}
	g := r.Style(&cs[0].Features)
	var w wide
	if short < 0 || 2*short >= len(cs) {
		for i := range cs {
			sc[i] = sigmoid(r.mixWide(&cs[i].Features, &w, g))
		}
		return sc
	}
	lin := make([]float64, len(cs))
	idx := make([]int, len(cs))
	for i := range cs {
		lin[i] = r.Linear.mix(&cs[i].Features, g)
		idx[i] = i
	}
	rankDesc(idx, lin) // ties by index: a stable sort's order
	// the best short of the lone words and of the rest: the limit on lone
	// words (Order) reaches far down the list for phrases
	low := 1.0
	var n [2]int
	rest := idx[:0:0]
	for _, i := range idx {
		k := 0
		if cs[i].Lone() {
			k = 1
		}
		if n[k] >= short {
			rest = append(rest, i)
			continue
		}
		n[k]++
		sc[i] = sigmoid(r.mixWide(&cs[i].Features, &w, g))
		low = min(low, sc[i])
	}
	for _, i := range rest {
		sc[i] = low * sigmoid(lin[i]) / 2
	}
	return sc
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

// Encode lays the ranker out, little endian: the logistic Model as
// Model.Encode writes it, then each forest (the two experts, then the gate,
// which may have no trees): its bias and its leaves' scale as float32s,
// its number of trees as a uint16, and each tree in pre-order, a node as
// one byte (its feature, or 0xff for a leaf) and then a bfloat16 threshold
// (inner node) or an int8 leaf value in units of the scale. Thresholds are
// rounded as BFloat16 does, leaves to the nearest step of the scale (the
// largest leaf / 127): the trainer scores the decoded model, so what it
// reports is what ships.
func (r *Ranker) Encode() []byte {
	b := r.Linear.Encode()
	for _, m := range r.forests() {
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

// forests are the ranker's forests in the order Encode lays them out: the
// experts, then the gate (no trees: the Model's gate weighs the experts).
func (r *Ranker) forests() [3]*Forest { return [3]*Forest{&r.Experts[0], &r.Experts[1], &r.Gate} }

// DecodeRanker reads what Encode wrote.
func DecodeRanker(b []byte) (Ranker, error) {
	var r Ranker
	bad := errors.New("keyphrase: the ranker model is damaged or of another version (rebuild it with go run ./cmd/train-keyphrases)")
	f32 := func() (float64, bool) {
		if len(b) < 4 {
			return 0, false
		}
		x := float32At(b)
		b = b[4:]
		return x, true
	}
	n := 4 * (len(r.Linear.Gate) + 2*NumFeatures)
	if len(b) < n {
		return r, bad
	}
	var err error
	if r.Linear, err = DecodeModel(b[:n]); err != nil {
		return r, bad
	}
	b = b[n:]
	for _, m := range r.forests() {
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
	for _, m := range r.forests() {
		m.flat = flatten(m)
	}
	return r, nil
}

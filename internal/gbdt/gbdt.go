// Package gbdt trains gradient-boosted regression trees on the logistic
// loss, for the trainers of the block classifier (cmd/train-blocks) and of
// the keyphrase ranker (cmd/train-keyphrases).
//
// Each tree is grown by Newton steps: a leaf is -Σg/(Σh+λ), shrunk by the
// learning rate, and a node splits where the gain in Σg²/(Σh+λ) is largest.
// Splits are searched over at most 32 quantile cut points per feature,
// found from the sorted training values, so training is deterministic: the
// same rows give the same trees, byte for byte, on every run.
//
// Fit is for training only. A trainer tells it how its model file keeps
// cut points, leaves and the bias (Options.Cut, Leaf, Bias), and the
// running scores use those rounded values, so the model scored in
// cross-validation is the one written.
//
// The engine walks the blocks' trees with Tree.Eval (article.Tree is this
// Tree): the linker keeps the walk and drops Fit, so sharing it costs the
// wasm nothing (`go run ./bench/wasmsize -parts`, before and after: raw
// module and code section the same to 0.1 KB). Its file format is
// article's (text, a node named by its feature, thresholds to six
// digits). keyphrase.Forest is packed binary (bfloat16 thresholds, int8
// leaves in steps) and is walked flattened, every tree padded to one
// depth, without a branch on the comparison (its speed path: see its
// flatForest). One format for both would change both model files, and
// one walk would either slow the ranker or change how the blocks' trees
// are laid out: a change of speed to measure on its own.
package gbdt

import (
	"math"
	"sort"
)

// maxBins is the most cut points per feature: a row's bin fits a uint8.
const maxBins = 32

// Node is one node of a Tree: an inner node sends x to Left when
// x[Feat] <= Thr, else to Right; a leaf (Feat < 0) gives Value.
type Node struct {
	Feat        int
	Thr, Value  float64
	Left, Right int
}

// Tree is one regression tree, its nodes in pre-order: node 0 is the root,
// and an inner node's left subtree comes before its right.
type Tree []Node

// Eval returns the tree's value for features x.
func (t Tree) Eval(x []float64) float64 {
	i := 0
	for t[i].Feat >= 0 {
		if x[t[i].Feat] <= t[i].Thr {
			i = t[i].Left
		} else {
			i = t[i].Right
		}
	}
	return t[i].Value
}

// Forest is a boosted model: Bias + Σ tree(x), in log-odds.
type Forest struct {
	Bias  float64
	Trees []Tree
}

// Eval returns the forest's log-odds for features x.
func (f *Forest) Eval(x []float64) float64 {
	s := f.Bias
	for _, t := range f.Trees {
		s += t.Eval(x)
	}
	return s
}

// Options are how a forest is grown. The rounding functions may be nil
// (keep the value as computed).
type Options struct {
	Trees, Depth int     // how many trees, and the depth of each
	Rate         float64 // the learning rate
	Lambda       float64 // the leaves' L2 penalty
	MinHess      float64 // the least Σh on either side of a split
	// Features are the features a tree may split on (nil: every one).
	Features []int
	// Cut rounds a cut point (a midpoint between two distinct training
	// values) as the model file keeps it; cut points are searched only
	// among rounded values, so the written model splits where it was
	// trained to.
	Cut func(float64) float64
	// Leaf rounds a leaf's value (after the learning rate) as the model
	// file keeps it.
	Leaf func(float64) float64
	// Bias rounds the starting log-odds (the weighted base rate).
	Bias func(float64) float64
	// Gradients, when set, replaces the logistic loss's gradients: given
	// the current scores F, the labels y and the weights w (normalised to
	// a mean of 1), it sets every g[i] and h[i] (they hold the last
	// tree's). The forest then starts from 0, not from the base rate (a
	// ranking has none), and its Bias is 0.
	Gradients func(F, y, w, g, h []float64)
}

func keep(round func(float64) float64, v float64) float64 {
	if round == nil {
		return v
	}
	return round(v)
}

// Fit grows a forest on the rows X with labels y (0 or 1) and weights w.
func Fit(X [][]float64, y, w []float64, o Options) *Forest {
	n := len(X)
	if n == 0 {
		return &Forest{}
	}
	feats := o.Features
	if feats == nil {
		feats = make([]int, len(X[0]))
		for f := range feats {
			feats[f] = f
		}
	}
	// normalise the weights to a mean of 1, so MinHess means the same
	// for every weighting
	var sw float64
	for _, v := range w {
		sw += v
	}
	wn := make([]float64, n)
	for i := range w {
		wn[i] = w[i] * float64(n) / sw
	}
	cuts, bins := binned(X, feats, o.Cut)
	// start from the log-odds of the weighted base rate
	var pos float64
	for i := range y {
		pos += wn[i] * y[i]
	}
	p0 := math.Min(math.Max(pos/float64(n), 1e-6), 1-1e-6)
	m := &Forest{Bias: keep(o.Bias, math.Log(p0/(1-p0)))}
	if o.Gradients != nil {
		m.Bias = 0
	}
	F := make([]float64, n)
	for i := range F {
		F[i] = m.Bias
	}
	g := make([]float64, n)
	h := make([]float64, n)
	idx := make([]int, n) // every row, for the root (grow does not reorder it)
	for i := range idx {
		idx[i] = i
	}
	for t := 0; t < o.Trees; t++ {
		if o.Gradients != nil {
			o.Gradients(F, y, wn, g, h)
		} else {
			for i := range F {
				p := 1 / (1 + math.Exp(-F[i]))
				g[i] = (p - y[i]) * wn[i]
				h[i] = math.Max(p*(1-p), 1e-6) * wn[i]
			}
		}
		gr := grower{o: &o, feats: feats, cuts: cuts, bins: bins, g: g, h: h}
		gr.grow(idx, 0)
		for i, x := range X {
			F[i] += gr.tree.Eval(x)
		}
		m.Trees = append(m.Trees, gr.tree)
	}
	return m
}

// binned finds each feature's cut points, midpoints between distinct
// values at quantiles, and each row's bin: bins[i][f] is the first cut
// point >= X[i][f].
func binned(X [][]float64, feats []int, cut func(float64) float64) (cuts [][]float64, bins [][]uint8) {
	n, nf := len(X), len(X[0])
	cuts = make([][]float64, nf)
	vals := make([]float64, n)
	for _, f := range feats {
		for i := range X {
			vals[i] = X[i][f]
		}
		sort.Float64s(vals)
		var distinct []float64
		for i, v := range vals {
			if i == 0 || v != vals[i-1] {
				distinct = append(distinct, v)
			}
		}
		var c []float64
		for b := 1; b <= maxBins && len(distinct) > 1; b++ {
			k := b * (len(distinct) - 1) / (maxBins + 1)
			if len(distinct) <= maxBins+1 {
				if b >= len(distinct) {
					break
				}
				k = b - 1
			}
			m := keep(cut, (distinct[k]+distinct[k+1])/2)
			if len(c) == 0 || m > c[len(c)-1] {
				c = append(c, m)
			}
		}
		cuts[f] = c
	}
	bins = make([][]uint8, n)
	for i, x := range X {
		bins[i] = make([]uint8, nf)
		for _, f := range feats {
			bins[i][f] = uint8(sort.SearchFloat64s(cuts[f], x[f]))
		}
	}
	return cuts, bins
}

// grower grows one tree on the gradients g and hessians h.
type grower struct {
	o     *Options
	feats []int
	cuts  [][]float64
	bins  [][]uint8
	g, h  []float64
	tree  Tree
}

// grow appends the subtree for rows at the given depth and returns its
// root's index.
func (gr *grower) grow(rows []int, depth int) int {
	o := gr.o
	var G, H float64
	for _, i := range rows {
		G += gr.g[i]
		H += gr.h[i]
	}
	at := len(gr.tree)
	leaf := func() int {
		gr.tree = append(gr.tree, Node{Feat: -1, Value: keep(o.Leaf, -o.Rate*G/(H+o.Lambda))})
		return at
	}
	if depth >= o.Depth || H < 2*o.MinHess {
		return leaf()
	}
	bestGain, bestF, bestB := 1e-9, -1, 0
	parent := G * G / (H + o.Lambda)
	var hg, hh [maxBins + 1]float64
	for _, f := range gr.feats {
		if len(gr.cuts[f]) == 0 {
			continue
		}
		clear(hg[:])
		clear(hh[:])
		for _, i := range rows {
			b := gr.bins[i][f]
			hg[b] += gr.g[i]
			hh[b] += gr.h[i]
		}
		var gl, hl float64
		for b := 0; b < len(gr.cuts[f]); b++ {
			gl += hg[b]
			hl += hh[b]
			g, h := G-gl, H-hl
			if hl < o.MinHess || h < o.MinHess {
				continue
			}
			gain := gl*gl/(hl+o.Lambda) + g*g/(h+o.Lambda) - parent
			if gain > bestGain {
				bestGain, bestF, bestB = gain, f, b
			}
		}
	}
	if bestF < 0 {
		return leaf()
	}
	var left, right []int
	for _, i := range rows {
		if int(gr.bins[i][bestF]) <= bestB {
			left = append(left, i)
		} else {
			right = append(right, i)
		}
	}
	gr.tree = append(gr.tree, Node{Feat: bestF, Thr: gr.cuts[bestF][bestB]})
	l := gr.grow(left, depth+1)
	r := gr.grow(right, depth+1)
	gr.tree[at].Left, gr.tree[at].Right = l, r
	return at
}

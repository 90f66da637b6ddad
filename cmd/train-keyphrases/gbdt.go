package main

import (
	"github.com/lede-news/lede/internal/keyphrase"
	"math"
	"sort"
)

// tnode is one node of a regression tree: an inner node sends x to left
// when x[feat] <= thr, else to right; a leaf (feat < 0) gives val.
type tnode struct {
	feat        int
	thr, val    float64
	left, right int
}

type tree []tnode

func (t tree) eval(x []float64) float64 {
	i := 0
	for t[i].feat >= 0 {
		if x[t[i].feat] <= t[i].thr {
			i = t[i].left
		} else {
			i = t[i].right
		}
	}
	return t[i].val
}

// forest is a boosted model: bias + Σ trees (log-odds).
type forest struct {
	bias  float64
	step  float64 // the leaves' unit (leafStep)
	trees []tree
}

func (f *forest) eval(x []float64) float64 {
	s := f.bias
	for _, t := range f.trees {
		s += t.eval(x)
	}
	return s
}

// gbdtSetting is how a forest is grown.
type gbdtSetting struct {
	groups       [][]int // experiment: rows of each article, for LambdaRank gradients
	truncate     int     // their NDCG's depth
	trees, depth int
	lambda, rate float64
	minHess      float64
}

// fitGBDT trains gradient-boosted regression trees on the logistic loss
// (Newton steps: each leaf is -Σg/(Σh+λ), shrunk by the rate), as
// cmd/train-blocks does: splits over at most 32 quantile cut points per
// feature, deterministic. feats limits the features it may split on.
func fitGBDT(X [][]float64, y, w []float64, s gbdtSetting, feats []int) *forest {
	const maxBins = 32
	step := leafStep(s.rate)
	n := len(X)
	var sw float64
	for _, v := range w {
		sw += v
	}
	wn := make([]float64, n)
	for i := range w {
		wn[i] = w[i] * float64(n) / sw
	}
	nf := len(X[0])
	cuts := make([][]float64, nf)
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
			m := keyphrase.BFloat16((distinct[k] + distinct[k+1]) / 2)
			if len(c) == 0 || m > c[len(c)-1] {
				c = append(c, m)
			}
		}
		cuts[f] = c
	}
	bins := make([][]uint8, n)
	for i, x := range X {
		bins[i] = make([]uint8, nf)
		for _, f := range feats {
			bins[i][f] = uint8(sort.SearchFloat64s(cuts[f], x[f]))
		}
	}
	var pos float64
	for i := range y {
		pos += wn[i] * y[i]
	}
	p0 := math.Min(math.Max(pos/float64(n), 1e-6), 1-1e-6)
	m := &forest{bias: float64(float32(math.Log(p0 / (1 - p0)))), step: step}
	F := make([]float64, n)
	for i := range F {
		F[i] = m.bias
	}
	g := make([]float64, n)
	h := make([]float64, n)
	idx := make([]int, n)
	if s.groups != nil {
		for i := range F {
			F[i] = 0 // a ranking: no base rate
		}
		m.bias = 0
	}
	for t := 0; t < s.trees; t++ {
		for i := range F {
			p := 1 / (1 + math.Exp(-F[i]))
			g[i] = (p - y[i]) * wn[i]
			h[i] = math.Max(p*(1-p), 1e-6) * wn[i]
			idx[i] = i
		}
		if s.groups != nil {
			lambdas(F, y, wn, s.groups, s.truncate, g, h)
		}
		var tr tree
		var grow func(rows []int, depth int) int
		grow = func(rows []int, depth int) int {
			var G, H float64
			for _, i := range rows {
				G += g[i]
				H += h[i]
			}
			at := len(tr)
			leaf := func() int {
				// in whole steps, as the model file keeps it
				k := math.Round(-s.rate * G / (H + s.lambda) / step)
				tr = append(tr, tnode{feat: -1, val: max(-127, min(127, k)) * step})
				return at
			}
			if depth >= s.depth || H < 2*s.minHess {
				return leaf()
			}
			bestGain, bestF, bestB := 1e-9, -1, 0
			parent := G * G / (H + s.lambda)
			var hg, hh [maxBins + 1]float64
			for _, f := range feats {
				if len(cuts[f]) == 0 {
					continue
				}
				clear(hg[:])
				clear(hh[:])
				for _, i := range rows {
					b := bins[i][f]
					hg[b] += g[i]
					hh[b] += h[i]
				}
				var gl, hl float64
				for b := 0; b < len(cuts[f]); b++ {
					gl += hg[b]
					hl += hh[b]
					gr, hr := G-gl, H-hl
					if hl < s.minHess || hr < s.minHess {
						continue
					}
					gain := gl*gl/(hl+s.lambda) + gr*gr/(hr+s.lambda) - parent
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
				if int(bins[i][bestF]) <= bestB {
					left = append(left, i)
				} else {
					right = append(right, i)
				}
			}
			tr = append(tr, tnode{feat: bestF, thr: cuts[bestF][bestB]})
			l := grow(left, depth+1)
			r := grow(right, depth+1)
			tr[at].left, tr[at].right = l, r
			return at
		}
		grow(idx, 0)
		for i, x := range X {
			F[i] += tr.eval(x)
		}
		m.trees = append(m.trees, tr)
	}
	return m
}

// config is how a ranker is trained.
type config struct {
	short      int // keyphrase.Ranker.Scores
	treeGate   gbdtSetting
	pairwise   int // experiment: LambdaRank experts, NDCG to this depth
	l2, gateL2 float64
	kind       string // logistic, trees, one
	gbdt       gbdtSetting
}

// ranker is a trained model of one kind: the logistic model (gate and
// experts) always, and trees in place of its experts (trees) or of the
// whole mixture (one).
type ranker struct {
	lin   keyphrase.Model
	kind  string
	exp   [2]*forest
	one   *forest
	dec   keyphrase.Ranker // trees: the model as written and read back
	short int
	gate  *forest // experiment: a tree gate (-tree-gate)
}

// Style is the gate's weight of the second expert.
func (r *ranker) Style(f *[nf]float64) float64 {
	if r.gate != nil {
		return 1 / (1 + math.Exp(-r.gate.eval(f[:])))
	}
	return r.lin.Style(f)
}

// Score ranks the candidates of one article (log-odds).
func (r *ranker) Score(f *[nf]float64) float64 {
	switch r.kind {
	case "trees":
		if r.gate != nil {
			g := r.Style(f)
			return (1-g)*r.dec.Experts[0].Eval(f) + g*r.dec.Experts[1].Eval(f)
		}
		return r.dec.Score(f)
	case "one":
		var x [nf + 1]float64
		copy(x[:], f[:])
		x[nf] = r.lin.Style(f)
		return r.one.eval(x[:])
	}
	return r.lin.Score(f)
}

func fitRanker(exs []*example, keep func(*example) bool, c config) *ranker {
	r := &ranker{lin: fit(exs, keep, c.l2, c.gateL2), kind: c.kind, short: c.short}
	if c.kind == "logistic" {
		return r
	}
	var n [2]float64
	for _, e := range exs {
		if keep(e) && len(e.feats) > 0 {
			n[e.set]++
		}
	}
	all := make([]int, nf+1)
	for i := range all {
		all[i] = i
	}
	var groups [][]int
	rows := func(set int, extra bool) (xs [][]float64, ys, ws []float64) {
		groups = nil
		for _, e := range exs {
			if !keep(e) || (set >= 0 && e.set != set) || len(e.feats) == 0 {
				continue
			}
			var g float64
			if extra {
				g = r.lin.Style(&e.feats[0])
			}
			groups = append(groups, nil)
			for i := range e.feats {
				y := 0.0
				if e.label[i] {
					y = 1
				}
				groups[len(groups)-1] = append(groups[len(groups)-1], len(xs))
				x := e.feats[i][:]
				if extra {
					x = append(append([]float64(nil), x...), g)
				}
				xs, ys, ws = append(xs, x), append(ys, y), append(ws, 1/float64(len(e.feats))/n[e.set])
			}
		}
		return
	}
	if c.kind == "trees" {
		for set := range r.exp {
			xs, ys, ws := rows(set, false)
			gs := c.gbdt
			if c.pairwise > 0 {
				gs.groups, gs.truncate = groups, c.pairwise
			}
			r.exp[set] = fitGBDT(xs, ys, ws, gs, all[:nf])
		}
		if c.treeGate.trees > 0 {
			var xs [][]float64
			var ys, ws []float64
			for _, e := range exs {
				if keep(e) && len(e.feats) > 0 {
					xs, ys, ws = append(xs, e.feats[0][:]), append(ys, float64(e.set)), append(ws, 1/n[e.set])
				}
			}
			r.gate = fitGBDT(xs, ys, ws, c.treeGate, keyphrase.GateFeatures[:])
		}
		var err error
		if r.dec, err = keyphrase.DecodeRanker(r.shipped().Encode()); err != nil {
			panic(err)
		}
		return r
	}
	xs, ys, ws := rows(-1, true)
	r.one = fitGBDT(xs, ys, ws, c.gbdt, all)
	return r
}

// shipped is the ranker of kind trees as package keyphrase runs it.
func (r *ranker) shipped() *keyphrase.Ranker {
	k := &keyphrase.Ranker{Linear: r.lin}
	for set, f := range r.exp {
		m := &k.Experts[set]
		m.Bias, m.Step = f.bias, f.step
		for _, t := range f.trees {
			base := len(m.Nodes)
			m.Roots = append(m.Roots, base)
			for _, n := range t {
				kn := keyphrase.TreeNode{Feat: n.feat, Thr: n.thr, Value: n.val}
				if n.feat >= 0 {
					kn.Left, kn.Right = base+n.left, base+n.right
				}
				m.Nodes = append(m.Nodes, kn)
			}
		}
	}
	return k
}

// leafStep is the unit of a forest's leaves: the model file keeps each as a
// whole number of steps in an int8, so a leaf is at most ±127 steps, a
// Newton step of ±4 log-odds before the learning rate shrinks it.
func leafStep(rate float64) float64 { return float64(float32(rate / 32)) }

// lambdas sets g and h to LambdaRank's gradients (Burges 2010): for every
// gold row i and other row j of an article, ρ = σ(F_j - F_i) weighted by
// how much swapping them would change NDCG@truncate at the current ranks.
func lambdas(F, y, w []float64, groups [][]int, truncate int, g, h []float64) {
	for i := range g {
		g[i], h[i] = 0, 0
	}
	disc := func(r int) float64 {
		if r >= truncate {
			return 0
		}
		return 1 / math.Log2(float64(r)+2)
	}
	for _, rows := range groups {
		order := append([]int(nil), rows...)
		sort.SliceStable(order, func(a, b int) bool { return F[order[a]] > F[order[b]] })
		rank := map[int]int{}
		npos := 0
		for r, i := range order {
			rank[i] = r
			if y[i] == 1 {
				npos++
			}
		}
		if npos == 0 || npos == len(rows) {
			continue
		}
		ideal := 0.0
		for r := 0; r < npos; r++ {
			ideal += disc(r)
		}
		if ideal == 0 {
			continue
		}
		for _, i := range rows {
			if y[i] != 1 {
				continue
			}
			for _, j := range rows {
				if y[j] == 1 {
					continue
				}
				delta := math.Abs(disc(rank[i])-disc(rank[j])) / ideal
				if delta == 0 {
					continue
				}
				rho := 1 / (1 + math.Exp(F[i]-F[j]))
				wt := w[i] * float64(len(rows)) // the article's weight
				g[i] -= rho * delta * wt
				g[j] += rho * delta * wt
				hh := math.Max(rho*(1-rho), 1e-6) * delta * wt
				h[i] += hh
				h[j] += hh
			}
		}
	}
}

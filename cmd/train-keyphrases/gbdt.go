package main

import (
	"math"
	"sort"

	"github.com/lede-news/lede/internal/gbdt"
	"github.com/lede-news/lede/internal/keyphrase"
)

// gbdtSetting is how a forest is grown.
type gbdtSetting struct {
	groups       [][]int // experiment: rows of each article, for LambdaRank gradients
	truncate     int     // their NDCG's depth
	trees, depth int
	lambda, rate float64
	minHess      float64
}

// forest is a boosted model (log-odds) and the unit of its leaves.
type forest struct {
	gbdt.Forest
	step float64 // the leaves' unit (leafStep)
}

// fitGBDT trains boosted trees (package gbdt) as Ranker.Encode keeps them:
// cut points in bfloat16, leaves in whole steps of leafStep, at most 127
// of them, the bias in a float32. feats limits the features it may split
// on.
func fitGBDT(X [][]float64, y, w []float64, s gbdtSetting, feats []int) *forest {
	step := leafStep(s.rate)
	o := gbdt.Options{
		Trees: s.trees, Depth: s.depth, Rate: s.rate, Lambda: s.lambda, MinHess: s.minHess,
		Features: feats,
		Cut:      keyphrase.BFloat16,
		Leaf: func(v float64) float64 {
			return max(-127, min(127, math.Round(v/step))) * step
		},
		Bias: func(v float64) float64 { return float64(float32(v)) },
	}
	if s.groups != nil {
		o.Gradients = func(F, y, w, g, h []float64) { lambdas(F, y, w, s.groups, s.truncate, g, h) }
	}
	return &forest{Forest: *gbdt.Fit(X, y, w, o), step: step}
}

// config is how a ranker is trained.
type config struct {
	short      int         // keyphrase.Ranker.Scores
	trainShort bool        // experiment: the trees learn from the shortlist only
	gateShift  float64     // added to the gate's log-odds: towards 500N's expert
	treeGate   gbdtSetting // the tree gate (0 trees: the logistic gate)
	pairwise   int         // experiment: LambdaRank experts, NDCG to this depth
	l2, gateL2 float64
	kind       string // logistic, trees, one
	gbdt       gbdtSetting
	meanGold   float64 // experiment -micro: the mean gold keyphrases of a 500N article, by which articleWeight divides theirs (0: off)
	cross      float64 // experiment: each tree expert also learns from the other set's articles, at this weight
}

// ranker is a trained model of one kind: the logistic model (gate and
// experts) always, and trees in place of its experts (trees, with a gate of
// trees of its own when -tree-gate asks) or of the whole mixture (one).
type ranker struct {
	lin       keyphrase.Model
	kind      string
	exp       [2]*forest
	one       *forest
	dec       keyphrase.Ranker // trees: the model as written and read back
	short     int
	gate      *forest // the tree gate (-tree-gate; nil: the logistic gate)
	gateShift float64 // added to its log-odds, as shipped() writes it
}

// Style is the gate's weight of the second expert.
func (r *ranker) Style(f *[nf]float64) float64 {
	if r.kind == "trees" {
		return r.dec.Style(f)
	}
	return r.lin.Style(f)
}

// Score ranks the candidates of one article (log-odds).
func (r *ranker) Score(f *[nf]float64) float64 {
	switch r.kind {
	case "trees":
		return r.dec.Score(f)
	case "one":
		var x [nf + 1]float64
		copy(x[:], f[:])
		x[nf] = r.lin.Style(f)
		return r.one.Eval(x[:])
	}
	return r.lin.Score(f)
}

func fitRanker(exs []*example, keep func(*example) bool, c config) *ranker {
	r := &ranker{lin: fit(exs, keep, c.l2, c.gateL2), kind: c.kind, short: c.short, gateShift: c.gateShift}
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
			if !keep(e) || (set >= 0 && e.set != set && c.cross == 0) || len(e.feats) == 0 {
				continue
			}
			wSet := 1.0
			if set >= 0 && e.set != set {
				wSet = c.cross
			}
			var g float64
			if extra {
				g = r.lin.Style(&e.feats[0])
			}
			groups = append(groups, nil)
			var sel []bool
			if c.trainShort && c.short > 0 {
				sel = shortlisted(&r.lin, e, c.short)
			}
			nsel := len(e.feats)
			if sel != nil {
				nsel = 0
				for _, b := range sel {
					if b {
						nsel++
					}
				}
			}
			for i := range e.feats {
				if sel != nil && !sel[i] {
					continue
				}
				y := 0.0
				if e.label[i] {
					y = 1
				}
				groups[len(groups)-1] = append(groups[len(groups)-1], len(xs))
				x := e.feats[i][:]
				if extra {
					x = append(append([]float64(nil), x...), g)
				}
				xs, ys, ws = append(xs, x), append(ys, y), append(ws, wSet/float64(nsel)/n[e.set]*c.articleWeight(e))
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
		if c.treeGate.trees == 0 && c.gateShift != 0 {
			r.lin.Gate[0] += c.gateShift
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
	put := func(m *keyphrase.Forest, f *forest, shift float64) {
		m.Bias, m.Step = f.Bias+shift, f.step
		for _, t := range f.Trees {
			base := len(m.Nodes)
			m.Roots = append(m.Roots, base)
			for _, n := range t {
				kn := keyphrase.TreeNode(n)
				if n.Feat >= 0 {
					kn.Left, kn.Right = base+n.Left, base+n.Right
				}
				m.Nodes = append(m.Nodes, kn)
			}
		}
	}
	for set, f := range r.exp {
		put(&k.Experts[set], f, 0)
	}
	if r.gate != nil {
		put(&k.Gate, r.gate, r.gateShift)
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

// shortlisted marks the candidates of e the trees score (keyphrase.Ranker.Scores).
func shortlisted(m *keyphrase.Model, e *example, short int) []bool {
	sel := make([]bool, len(e.feats))
	if 2*short >= len(e.feats) {
		for i := range sel {
			sel[i] = true
		}
		return sel
	}
	lin := make([]float64, len(e.feats))
	idx := make([]int, len(e.feats))
	for i := range e.feats {
		lin[i] = m.Score(&e.feats[i])
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return lin[idx[a]] > lin[idx[b]] })
	var n [2]int
	for _, i := range idx {
		c := keyphrase.Candidate{Features: e.feats[i]}
		k := 0
		if c.Lone() {
			k = 1
		}
		if n[k] < short {
			n[k]++
			sel[i] = true
		}
	}
	return sel
}

// articleWeight is an article's weight in its expert's training: 1, or
// with the experiment -micro a 500N article's gold keyphrases over the
// set's mean, as micro F1@10 pools every article's ten (an article with 80
// gold keyphrases holds more of the hits to be had than one with 20). Not
// shipped: +0.1 on 500N over six dealings of the folds, nothing once
// FChars was a feature (docs/keyphrases.md, the sixth round).
func (c config) articleWeight(e *example) float64 {
	if e.set != 1 || c.meanGold == 0 {
		return 1
	}
	return float64(len(e.gold)) / c.meanGold
}

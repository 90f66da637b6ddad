package main

import (
	"math"
	"sort"
	"strconv"

	"github.com/lede-news/lede/internal/article"
)

// fitGBDT trains gradient-boosted regression trees on the logistic loss
// (Newton steps: each leaf is -Σg/(Σh+λ), shrunk by the learning rate).
// Splits are searched over at most 32 quantile cut points per feature,
// found from the sorted training values, so training is deterministic and
// a few seconds long. Leaves are rounded as the model file writes them,
// and the running scores use the rounded values, so the model scored in
// cross-validation is the one written.
func fitGBDT(X [][]float64, y, w []float64, s setting, nf int) *article.BlockModel {
	const rate, maxBins, minHess = 0.1, 32, 1.0
	n := len(X)
	// normalise the weights to a mean of 1, so minHess means the same
	// for every weighting
	var sw float64
	for _, v := range w {
		sw += v
	}
	wn := make([]float64, n)
	for i := range w {
		wn[i] = w[i] * float64(n) / sw
	}
	// cut points per feature: midpoints between distinct values at
	// quantiles; bin[i][f] is the first cut point >= X[i][f]
	cuts := make([][]float64, nf)
	vals := make([]float64, n)
	for f := 0; f < nf; f++ {
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
			// six significant digits keep the model file short
			m, _ := strconv.ParseFloat(strconv.FormatFloat((distinct[k]+distinct[k+1])/2, 'g', 6, 64), 64)
			if len(c) == 0 || m > c[len(c)-1] {
				c = append(c, m)
			}
		}
		cuts[f] = c
	}
	bins := make([][]uint8, n)
	for i, x := range X {
		bins[i] = make([]uint8, nf)
		for f := 0; f < nf; f++ {
			bins[i][f] = uint8(sort.SearchFloat64s(cuts[f], x[f]))
		}
	}
	// start from the log-odds of the weighted base rate
	var pos float64
	for i := range y {
		pos += wn[i] * y[i]
	}
	p0 := math.Min(math.Max(pos/float64(n), 1e-6), 1-1e-6)
	m := &article.BlockModel{Bias: round(math.Log(p0 / (1 - p0))), Threshold: 0.5}
	F := make([]float64, n)
	for i := range F {
		F[i] = m.Bias
	}
	g := make([]float64, n)
	h := make([]float64, n)
	idx := make([]int, n)
	for t := 0; t < s.trees; t++ {
		for i := range F {
			p := 1 / (1 + math.Exp(-F[i]))
			g[i] = (p - y[i]) * wn[i]
			h[i] = math.Max(p*(1-p), 1e-6) * wn[i]
			idx[i] = i
		}
		var tree article.Tree
		var grow func(rows []int, depth int) int
		grow = func(rows []int, depth int) int {
			var G, H float64
			for _, i := range rows {
				G += g[i]
				H += h[i]
			}
			at := len(tree)
			leaf := func() int {
				tree = append(tree, article.TreeNode{Feat: -1, Value: round(-rate * G / (H + s.lambda))})
				return at
			}
			if depth >= s.depth || H < 2*minHess {
				return leaf()
			}
			bestGain, bestF, bestB := 1e-9, -1, 0
			parent := G * G / (H + s.lambda)
			var hg, hh [maxBins + 1]float64
			for f := 0; f < nf; f++ {
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
					if hl < minHess || hr < minHess {
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
			tree = append(tree, article.TreeNode{Feat: bestF, Thr: cuts[bestF][bestB]})
			l := grow(left, depth+1)
			r := grow(right, depth+1)
			tree[at].Left, tree[at].Right = l, r
			return at
		}
		grow(idx, 0)
		for i, x := range X {
			F[i] += tree.Eval(x)
		}
		m.Trees = append(m.Trees, tree)
	}
	return m
}

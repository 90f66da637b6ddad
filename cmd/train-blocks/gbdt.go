package main

import (
	"strconv"

	"github.com/lede-news/lede/internal/article"
	"github.com/lede-news/lede/internal/gbdt"
)

// fitGBDT trains boosted trees (package gbdt; by default learning rate
// 0.1, λ = 1, at least a hessian of 1 a side) as the text model keeps them: cut points to six
// significant digits, which keep the model file short, and leaves and the
// bias to five decimals, as String writes them, so the model scored in
// cross-validation is the one written.
func fitGBDT(X [][]float64, y, w []float64, s setting) *article.BlockModel {
	f := gbdt.Fit(X, y, w, gbdt.Options{
		Trees: s.trees, Depth: s.depth, Rate: s.rate, Lambda: s.lambda, MinHess: s.minHess,
		Cut: func(v float64) float64 {
			m, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 6, 64), 64)
			return m
		},
		Leaf: round,
		Bias: round,
	})
	return &article.BlockModel{Bias: f.Bias, Threshold: 0.5, Trees: f.Trees}
}

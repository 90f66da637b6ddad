package main

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/lede-news/lede/internal/article"
	"github.com/lede-news/lede/internal/gbdt"
)

// fitGBDT trains boosted trees (package gbdt; by default learning rate
// 0.1, λ = 1, at least a hessian of 1 a side) as the text model keeps them: cut points to six
// significant digits, which keep the model file short, and leaves and the
// bias to five decimals, as String writes them, so the model scored in
// cross-validation is the one written.
func fitGBDT(X [][]float64, y, w []float64, s setting, names []string) *article.BlockModel {
	f := gbdt.Fit(X, y, w, gbdt.Options{
		Trees: s.trees, Depth: s.depth, Rate: s.rate, Lambda: s.lambda, MinHess: s.minHess,
		Subsample: s.subsample, ColSample: s.colsample, Seed: 1,
		Monotone: mustMonotone(s.monotone, names),
		Cut: func(v float64) float64 {
			m, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 6, 64), 64)
			return m
		},
		Leaf: round,
		Bias: round,
	})
	return &article.BlockModel{Bias: f.Bias, Threshold: 0.5, Trees: f.Trees}
}

// apriori are the features whose direction is known before looking at
// any page (-monotone apriori): a block is no less likely body as its
// prose mark, text density (its own and its neighbourhood's), place in
// the densest run and positive class words rise, and no more likely as
// its link density (own and neighbourhood's), distance from that run,
// negative class words and navigation/aside/footer ancestry rise.
const apriori = "prose+,own_density+,smooth_density+,in_run+,pos_class+,link-,smooth_link-,run_dist-,neg_class-,chrome-"

// monotone reads -monotone, "name+,name-,…" or "apriori", into a
// direction per feature (nil for "").
func monotone(spec string, names []string) ([]int, error) {
	if spec == "" {
		return nil, nil
	}
	if spec == "apriori" {
		spec = apriori
	}
	idx := map[string]int{}
	for i, n := range names {
		idx[n] = i
	}
	dir := make([]int, len(names))
	for _, f := range strings.Split(spec, ",") {
		d := 1
		name, ok := strings.CutSuffix(f, "+")
		if !ok {
			name, ok = strings.CutSuffix(f, "-")
			d = -1
		}
		i, known := idx[name]
		if !ok || !known {
			return nil, fmt.Errorf("-monotone: %q is not a feature name followed by + or -", f)
		}
		dir[i] = d
	}
	return dir, nil
}

func mustMonotone(spec string, names []string) []int {
	m, err := monotone(spec, names)
	if err != nil {
		panic(err) // main checks the flag before training
	}
	return m
}

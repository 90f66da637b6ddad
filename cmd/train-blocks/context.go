package main

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/lede-news/lede/internal/article"
)

// fitContext trains a first stage and a context stage over it
// (article.ContextFeatures). The context stage must learn from the
// first-stage scores it will meet on a new page, not from scores of pages
// the first stage was fitted to (those are too sure), so the training
// pages' first-stage scores come from an inner cross-validation: for each
// fold among them, a first stage trained on the others scores it. The
// first stage shipped is then trained on all of them.
func fitContext(pages []*page, s setting, names []string) *article.BlockModel {
	one := s
	one.ctxTrees, one.ctxDepth = 0, 0
	var folds []int
	seen := map[int]bool{}
	for _, p := range pages {
		if !seen[p.fold] {
			seen[p.fold] = true
			folds = append(folds, p.fold)
		}
	}
	ctx := make([]*page, len(pages))
	for _, f := range folds {
		var train []*page
		for _, p := range pages {
			if p.fold != f {
				train = append(train, p)
			}
		}
		m := fit(train, one, names)
		for i, p := range pages {
			if p.fold == f {
				q := article.ContextFeatures(p.X, m.FirstStage(p.X))
				ctx[i] = &page{X: q, y: p.y, toks: p.toks}
			}
		}
	}
	second := one
	second.trees, second.depth = s.ctxTrees, s.ctxDepth
	m := fit(pages, one, names)
	m.Context = fit(ctx, second, article.ContextFeatureNames())
	return m
}

// parseGrid reads "30x2,60x3": tree counts and depths.
func parseGrid(s string) ([][2]int, error) {
	var out [][2]int
	for _, f := range strings.Split(s, ",") {
		if f == "" {
			continue
		}
		a, b, ok := strings.Cut(f, "x")
		t, err1 := strconv.Atoi(a)
		d, err2 := strconv.Atoi(b)
		if !ok || err1 != nil || err2 != nil || t <= 0 || d <= 0 || d > 8 {
			return nil, fmt.Errorf("%q is not trees x depth (as 100x3)", f)
		}
		out = append(out, [2]int{t, d})
	}
	return out, nil
}

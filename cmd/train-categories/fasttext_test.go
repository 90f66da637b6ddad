package main

import (
	"slices"
	"testing"

	"github.com/lede-news/lede/internal/category"
	"github.com/lede-news/lede/internal/category/corpus"
)

// TestTrainFT checks that the fastText-style model learns a toy task (rows
// of label 0 share one word, rows of label 1 another) and that training is
// deterministic for a seed.
func TestTrainFT(t *testing.T) {
	fz := &category.Featurizer{Buckets: 1 << 12}
	texts := []struct {
		text  string
		label int
	}{
		{"football match tonight", 0}, {"football cup final", 0}, {"the football season", 0},
		{"stock market falls", 1}, {"market rally continues", 1}, {"bond market quiet", 1},
	}
	var exs []example
	for _, r := range texts {
		exs = append(exs, example{fs: fz.AppendFeatures(nil, r.text), allowed: []int{r.label}, split: corpus.Train, weight: 1})
	}
	fc := ftConfig{buckets: 1 << 10, dims: 4, epochs: 50, lr: 0.5, seed: 1}
	use := func(s corpus.Split) bool { return s == corpus.Train }
	m := trainFT(fc, exs, 2, use)
	h, p := make([]float64, fc.dims), make([]float64, 2)
	for _, tc := range []struct {
		text string
		want int
	}{
		{"football tonight", 0},
		{"market falls", 1},
	} {
		m.probs(fz.AppendFeatures(nil, tc.text), h, p)
		if p[tc.want] < 0.8 {
			t.Errorf("%q: p = %.2f, want label %d above 0.8", tc.text, p, tc.want)
		}
	}
	m2 := trainFT(fc, exs, 2, use)
	if !slices.Equal(m.emb, m2.emb) || !slices.Equal(m.out, m2.out) {
		t.Error("two runs with the same seed differ")
	}
}

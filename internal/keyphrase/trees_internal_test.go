package keyphrase

import "testing"

// TestFlatEval holds the flat walks (eval, and eval3 for depth 3) to the
// node-by-node walk of the same forests, on the shipped ranker and feature
// vectors spread over each feature's thresholds, and the ranker's mixWide
// (one widened copy of a candidate's features read by both experts, the
// copy reused from candidate to candidate as Scores does) to mix.
func TestFlatEval(t *testing.T) {
	r, err := decodeRanker()
	if err != nil {
		t.Skip("no ranker:", err)
	}
	x := uint64(7)
	var w wide
	for n := 0; n < 500; n++ {
		var f [NumFeatures]float64
		for j := range f {
			x = x*6364136223846793005 + 1442695040888963407
			f[j] = float64(int64(x>>33)%2000-500) / 1000
		}
		f[FBias] = 1
		g := float64(n%11) / 10
		if got, want := r.mixWide(&f, &w, g), r.mix(&f, g); got != want {
			t.Fatalf("mixWide %v, mix %v (gate %v)", got, want, g)
		}
	}
	for fi, m := range r.forests() {
		if m.flat.depth == 0 {
			continue
		}
		plain := *m
		plain.flat = flatForest{}
		for n := 0; n < 500; n++ {
			var f [NumFeatures]float64
			for j := range f {
				x = x*6364136223846793005 + 1442695040888963407
				f[j] = float64(int64(x>>33)%2000-500) / 1000 // -0.5 .. 1.5
			}
			f[FBias] = 1
			if got, want := m.Eval(&f), plain.Eval(&f); got != want {
				t.Fatalf("forest %d (depth %d): flat %v, nodes %v", fi, m.flat.depth, got, want)
			}
		}
	}
}

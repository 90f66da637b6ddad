package keyphrase

import (
	"math"
	"sort"
	"testing"
)

// TestFlatEval holds the flat walk (eval) to the
// node-by-node walk of the same forests, on the shipped ranker and feature
// vectors spread over each feature's thresholds.
func TestFlatEval(t *testing.T) {
	r, err := decodeRanker()
	if err != nil {
		t.Skip("no ranker:", err)
	}
	x := uint64(7)
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

// TestEvalEach holds the tree-by-tree walk (evalEach, tree3) to Eval,
// bit for bit, and Ranker.Scores to the candidate-by-candidate scoring it
// replaced, on the shipped ranker with feature vectors spread over each
// feature's thresholds, shortlisted and not.
func TestEvalEach(t *testing.T) {
	r, err := decodeRanker()
	if err != nil {
		t.Skip("no ranker:", err)
	}
	x := uint64(11)
	cs := make([]Candidate, 150)
	for i := range cs {
		f := &cs[i].Features
		for j := range f {
			x = x*6364136223846793005 + 1442695040888963407
			f[j] = float64(int64(x>>33)%2000-500) / 1000 // -0.5 .. 1.5
		}
		f[FBias] = 1
		f[FOne], f[FName] = float64(i%2), 0 // half of them lone words
	}
	fs := make([]*[NumFeatures]float64, len(cs))
	for i := range cs {
		fs[i] = &cs[i].Features
	}
	for fi, m := range r.forests() {
		out := make([]float64, len(fs))
		m.evalEach(fs, out)
		for k, f := range fs {
			if want := m.Eval(f); math.Float64bits(out[k]) != math.Float64bits(want) {
				t.Fatalf("forest %d, candidate %d: evalEach %v, Eval %v", fi, k, out[k], want)
			}
		}
	}
	for _, short := range []int{-1, 0, 1, 30, 75, 200} {
		for _, n := range []int{1, 7, 60, 61, 150} {
			got, want := r.Scores(cs[:n], short), oneByOne(&r.Ranker, cs[:n], short)
			for i := range want {
				if math.Float64bits(got[i]) != math.Float64bits(want[i]) {
					t.Fatalf("short %d, %d candidates: score %d is %v, one by one %v", short, n, i, got[i], want[i])
				}
			}
		}
	}
}

// oneByOne is Ranker.Scores as it was before scoreEach: each shortlisted
// candidate scored by itself.
func oneByOne(r *Ranker, cs []Candidate, short int) []float64 {
	sc := make([]float64, len(cs))
	if len(cs) == 0 {
		return sc
	}
	g := r.Style(&cs[0].Features)
	if short < 0 || 2*short >= len(cs) {
		for i := range cs {
			sc[i] = sigmoid(r.mix(&cs[i].Features, g))
		}
		return sc
	}
	lin := make([]float64, len(cs))
	idx := make([]int, len(cs))
	for i := range cs {
		lin[i] = r.Linear.mix(&cs[i].Features, g)
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return lin[idx[a]] > lin[idx[b]] })
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
		sc[i] = sigmoid(r.mix(&cs[i].Features, g))
		low = min(low, sc[i])
	}
	for _, i := range rest {
		sc[i] = low * sigmoid(lin[i]) / 2
	}
	return sc
}

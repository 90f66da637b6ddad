package article

import "math"

// A block's own features do not say all: a one-line "Get it on Amazon for
// $39.99" between two product paragraphs is body, the same line in a
// column of teasers is not. The context stage is a second model that reads
// what the first one made of the blocks around (their scores, the run of
// high scores the block lies in, how much of that run comes before it)
// beside a few of the block's own features, and gives the score that
// decides. Both stages are chosen by cross-validation; the second learns
// from first-stage scores of pages the first stage did not see, as it
// meets them on a new page (docs/models/blocks.md).

// contextNames are the second stage's features, in the order of
// contextFeatures' rows.
var contextNames = []string{
	"p", "p.prev", "p.next", "p.prev2", "p.next2", "p.win", "p.max_before", "p.max_after",
	"p.in_run", "p.run_dist", "p.body_before", "p.run_share",
	"chars", "words", "link", "h2_3", "list_item", "prose", "sentence_end", "own_density",
}

// ownContext are the block's own features the second stage reads again,
// by their place in featureNames (chars … own_density of contextNames).
var ownContext = func() []int {
	var idx []int
	for _, n := range contextNames[12:] {
		for i, f := range featureNames {
			if f == n {
				idx = append(idx, i)
			}
		}
	}
	return idx
}()

// ContextFeatureNames lists the context stage's features.
func ContextFeatureNames() []string { return append([]string(nil), contextNames...) }

// vetoed reports a block the structure rules out whatever its score: the
// <h1> (the headline), anything in navigation, an aside, a footer or a
// non-content landmark, and figures (captions, credits).
func vetoed(x []float64) bool { return x[4] == 1 || x[12] == 1 || x[15] == 1 }

// blockScores returns every block's score under m: 0 for a block with no
// features (not a candidate) or one the structure rules out; with a
// context stage, the second stage's score.
func (m *BlockModel) blockScores(X [][]float64) []float64 {
	p := make([]float64, len(X))
	for i, x := range X {
		if x != nil && !vetoed(x) {
			p[i] = m.Prob(x)
		}
	}
	if m.Context == nil {
		return p
	}
	C := ContextFeatures(X, p)
	q := make([]float64, len(X))
	for i, c := range C {
		if c != nil && !vetoed(X[i]) {
			q[i] = m.Context.Prob(c)
		}
	}
	return q
}

// FirstStage returns the first stage's scores of blocks X (as blockScores
// with no context stage), for training the second.
func (m *BlockModel) FirstStage(X [][]float64) []float64 {
	one := *m
	one.Context = nil
	return one.blockScores(X)
}

// ContextFeatures returns the context stage's features of every block of
// X that has features (nil for the others), given the first stage's
// scores p. Neighbours are the candidate blocks before and after, in
// page order.
func ContextFeatures(X [][]float64, p []float64) [][]float64 {
	var idx []int // the candidates, in order
	for i, x := range X {
		if x != nil {
			idx = append(idx, i)
		}
	}
	n := len(idx)
	words := make([]float64, n)
	q := make([]float64, n)
	var total float64
	for k, i := range idx {
		words[k] = math.Expm1(X[i][1] * 6) // x[1] is log1p(words)/6
		q[k] = p[i]
		if q[k] >= 0.5 {
			total += words[k] + 1
		}
	}
	// the run of first-stage body, as best-run decoding finds it
	lo, hi := bestRun(n, func(k int) float64 { return (words[k] + 1) * (q[k] - 0.5) })
	var runWords float64
	for k := lo; k <= hi; k++ {
		runWords += words[k] + 1
	}
	at := func(k int) float64 {
		if k < 0 || k >= n {
			return 0
		}
		return q[k]
	}
	out := make([][]float64, len(X))
	flat := make([]float64, n*len(contextNames))
	var before, inRun float64
	for k, i := range idx {
		c := flat[k*len(contextNames) : (k+1)*len(contextNames)]
		c[0] = q[k]
		c[1], c[2], c[3], c[4] = at(k-1), at(k+1), at(k-2), at(k+2)
		var s, w float64
		for j := max(k-3, 0); j <= min(k+3, n-1); j++ {
			if j != k {
				s += (words[j] + 1) * q[j]
				w += words[j] + 1
			}
		}
		if w > 0 {
			c[5] = s / w
		}
		for j := max(k-3, 0); j < k; j++ {
			c[6] = math.Max(c[6], q[j])
		}
		for j := k + 1; j <= min(k+3, n-1); j++ {
			c[7] = math.Max(c[7], q[j])
		}
		if k >= lo && k <= hi {
			c[8] = 1
		}
		c[9] = math.Min(float64(max(lo-k, k-hi, 0)), 10) / 10
		if total > 0 {
			c[10] = before / total
		}
		if runWords > 0 && c[8] == 1 {
			c[11] = inRun / runWords
		}
		if q[k] >= 0.5 {
			before += words[k] + 1
		}
		if c[8] == 1 {
			inRun += words[k] + 1
		}
		for j, f := range ownContext {
			c[12+j] = X[i][f]
		}
		out[i] = c
	}
	return out
}

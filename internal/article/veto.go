package article

// vetoed reports a block the structure rules out whatever its score: the
// <h1> (the headline, never a paragraph of the body, whatever its size on
// a short page), anything in navigation, an aside, a footer or a
// non-content landmark, and figures (captions, credits). It reads the
// block's features h1 (x[4]), chrome (x[12]) and figure (x[15]).
func vetoed(x []float64) bool { return x[4] == 1 || x[12] == 1 || x[15] == 1 }

// blockScores returns every block's score under m: 0 for a block with no
// features (not a candidate) or one the structure rules out.
func (m *BlockModel) blockScores(X [][]float64) []float64 {
	p := make([]float64, len(X))
	for i, x := range X {
		if x != nil && !vetoed(x) {
			p[i] = m.Prob(x)
		}
	}
	return p
}

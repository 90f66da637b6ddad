package lang

import "testing"

// BenchmarkScore is one news paragraph through Score, the per-trigram
// loop that dominates lang's time.
func BenchmarkScore(b *testing.B) {
	p := "The president said on Wednesday that the talks with Seoul would continue next week, " +
		"after the two sides failed to agree on tariffs, defence spending and a $350 billion investment pledge."
	m, _ := Default()
	b.SetBytes(int64(len(p)))
	for b.Loop() {
		m.Score(p)
	}
}

package figure_test

import (
	"strings"
	"testing"

	"github.com/lede-news/lede/internal/figure"
)

// benchText is a news-like paragraph dense in figures, written for the
// benchmark so that it runs without ../shared.
const benchText = `South Korea currently spends 2.3% of GDP on defence but plans an 8.3% increase in 2026, officials said on Wednesday. ` +
	`The $350 billion investment pledge, to be paid “up front”, would be the largest since October 29, 2025. ` +
	`About 28,500 U.S. troops are stationed there, and hundreds of Hyundai workers were detained for the second time in two months. ` +
	`Shares rose 5 cents to $12.40 at 3 p.m. ET, while the won slipped 0.4 percent against the dollar. ` +
	`The 72-year alliance faces its first real test, Lee told reporters in Seoul.`

func benchDoc(reps int) (string, int) {
	text := strings.Repeat(benchText+"\n", reps)
	d := newDoc(text, "2025-10-27")
	return text, len(d.Sentences)
}

// BenchmarkAnnotate measures figure.Annotate alone on a tokenised document.
func BenchmarkAnnotate(b *testing.B) {
	text, n := benchDoc(200)
	d := newDoc(text, "2025-10-27")
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		d.Figures = nil
		figure.Annotate(d)
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
}

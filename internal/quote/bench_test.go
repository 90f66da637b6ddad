package quote_test

import (
	"strings"
	"testing"

	"github.com/lede-news/lede/internal/quote"
)

// benchText is a news-like paragraph dense in quotations, written for the
// benchmark so that it runs without ../shared.
const benchText = `“We will not pay up front,” said Lee Jae Myung. Trump told reporters: “It is a great deal.” ` +
	`With Trump demanding the amount be paid “up front”, Kim called the plan ‘a bridge too far’. ` +
	`“We came,” Lee said, “and we will come back.” Trump’s aides don’t think it’s the workers’ fault.`

// BenchmarkAnnotate measures quote.Annotate alone on a tokenised document.
func BenchmarkAnnotate(b *testing.B) {
	text := strings.Repeat(benchText+"\n", 200)
	d := newDoc(text, trump, lee, kim)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		d.Quotes = nil
		quote.Annotate(d)
	}
	b.ReportMetric(float64(len(d.Sentences))*float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
}

package engine_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/lede-news/lede/internal/engine"
)

// BenchmarkOneSentence times a paste that is one long sentence (no full
// stop), which was quadratic before keyphrase searched its tokens instead
// of scanning them per mention (docs/security.md). Twice the input should
// take about twice the time:
//
//	go test -run '^$' -bench OneSentence -benchtime 1x ./internal/engine
func BenchmarkOneSentence(b *testing.B) {
	for _, n := range []int{250000, 500000} {
		in := strings.Repeat("The mayor of Lisbon opened the bridge on Monday, ", n/50)
		b.Run(fmt.Sprintf("%dKB", len(in)>>10), func(b *testing.B) {
			b.SetBytes(int64(len(in)))
			for range b.N {
				if _, err := engine.Analyze(in, engine.Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

package engine

import (
	"testing"

	"github.com/lede-news/lede/internal/article"
	"github.com/lede-news/lede/internal/report"
)

// BenchmarkPass times each pass of the engine alone on the sample article
// (go test -run '^$' -bench Pass ./internal/engine; skipped without
// ../shared), the passes before it run once: where Analyze's time goes,
// with less noise than a profile. Each pass sets its own fields of the
// document, so running it again does the same work.
func BenchmarkPass(b *testing.B) {
	text := readShared(b, "samples/korea-us-summit.txt")
	passes := append(anyLanguage[:], english[:]...)
	b.Run("article", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := article.Parse(text, article.Text); err != nil {
				b.Fatal(err)
			}
		}
	})
	d, err := article.Parse(text, article.Text)
	if err != nil {
		b.Fatal(err)
	}
	for _, p := range passes {
		// segment empties the document's tokens and sentences first, so
		// it too does the same work again
		b.Run(p.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				p.run(d)
			}
		})
		p.run(d)
	}
	b.Run("report", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			r := report.Build(d)
			if err := r.ConvertOffsets("utf16"); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkCold times each pass as BenchmarkPass does, but with the CPU
// caches filled with other data before every run (outside the timer), as
// when Analyze reaches a pass after the others have run over their own
// models (go test -run '^$' -bench Cold -benchtime 200x ./internal/engine). The gap
// between the two is what a pass's tables cost to bring back from memory:
// on the sample most of what Analyze spends beyond the sum of BenchmarkPass
// (docs/speed-log.md, "Where Analyze's time goes").
func BenchmarkCold(b *testing.B) {
	text := readShared(b, "samples/korea-us-summit.txt")
	passes := append(anyLanguage[:], english[:]...)
	d, err := article.Parse(text, article.Text)
	if err != nil {
		b.Fatal(err)
	}
	// larger than the L2 caches of the machines lede is measured on; the
	// last-level cache may keep some of the models, so the gap is a floor
	other := make([]byte, 16<<20)
	evict := func() {
		for i := 0; i < len(other); i += 64 {
			other[i]++
		}
	}
	for _, p := range passes {
		if p.name != "segment" { // segmenting again would append tokens
			b.Run(p.name, func(b *testing.B) {
				for b.Loop() {
					b.StopTimer()
					evict()
					b.StartTimer()
					p.run(d)
				}
			})
		}
		p.run(d)
	}
}

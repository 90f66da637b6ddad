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
		if p.name != "segment" { // segmenting again would append tokens
			b.Run(p.name, func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					p.run(d)
				}
			})
		}
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

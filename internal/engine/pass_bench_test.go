package engine

import (
	"testing"

	"github.com/lede-news/lede/internal/article"
	"github.com/lede-news/lede/internal/category"
	"github.com/lede-news/lede/internal/digest"
	"github.com/lede-news/lede/internal/doc"
	"github.com/lede-news/lede/internal/entity"
	"github.com/lede-news/lede/internal/figure"
	"github.com/lede-news/lede/internal/keyphrase"
	"github.com/lede-news/lede/internal/lang"
	"github.com/lede-news/lede/internal/pos"
	"github.com/lede-news/lede/internal/quote"
	"github.com/lede-news/lede/internal/report"
	"github.com/lede-news/lede/internal/segment"
	"github.com/lede-news/lede/internal/summary"
)

// BenchmarkPass times each pass of the engine alone on the sample article
// (go test -run '^$' -bench Pass ./internal/engine; skipped without
// ../shared), the passes before it run once: where Analyze's time goes,
// with less noise than a profile. Each pass sets its own fields of the
// document, so running it again does the same work.
func BenchmarkPass(b *testing.B) {
	text := readShared(b, "samples/korea-us-summit.txt")
	passes := []struct {
		name string
		run  func(d *doc.Document)
	}{
		{"lang", lang.Annotate},
		{"segment", segment.Segment},
		{"pos", pos.Tag},
		{"entity", entity.Annotate},
		{"figure", figure.Annotate},
		{"quote", quote.Annotate},
		{"keyphrase", keyphrase.Annotate},
		{"summary", summary.Annotate},
		{"category", category.Annotate},
		{"digest", digest.Annotate},
	}
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

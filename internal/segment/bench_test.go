package segment

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/lede-news/lede/internal/doc"
)

// BenchmarkSegment tokenises and splits the sample article as one block
// (go test -run '^$' -bench Segment ./internal/segment; skipped without
// ../shared).
func BenchmarkSegment(b *testing.B) {
	raw, err := os.ReadFile(filepath.Join("..", "..", "..", "shared", "samples", "korea-us-summit.txt"))
	if err != nil {
		b.Skip("no ../shared sample:", err)
	}
	text := string(raw)
	d := &doc.Document{Text: text, Blocks: []doc.Block{{Span: doc.Span{Start: 0, End: len(text)}}}}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Segment(d)
	}
}

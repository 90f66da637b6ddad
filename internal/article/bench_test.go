package article

import (
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkParseHTML parses the benchmark's dev pages (skipped when
// ../shared is absent): go test -bench ParseHTML ./internal/article/
func BenchmarkParseHTML(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "data", "article-extraction", "dev", "html", "*.html.gz"))
	if len(files) == 0 {
		b.Skip("../shared/data/article-extraction not found")
	}
	var pages []string
	size := 0
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			b.Fatal(err)
		}
		z, err := gzip.NewReader(fh)
		if err != nil {
			b.Fatal(err)
		}
		p, _ := io.ReadAll(z)
		fh.Close()
		pages = append(pages, string(p))
		size += len(p)
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, p := range pages {
			if _, err := Parse(p, HTML); err != nil {
				b.Fatal(err)
			}
		}
	}
}

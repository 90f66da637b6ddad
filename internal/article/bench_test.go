package article

import (
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
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

// BenchmarkParseLongText parses 1 MB and 8 MB pastes of four shapes, to
// show the text parser stays linear: ns/op should grow eightfold, no more.
// go test -bench ParseLongText ./internal/article/
func BenchmarkParseLongText(b *testing.B) {
	shapes := []struct{ name, unit string }{
		{"wrapped", "The committee met again on Monday to discuss the plan for the\nnew bridge, and its chairman said that a decision would come\nbefore the end of the month.\n\n"},
		{"paragraphs", "The committee met again on Monday to discuss the plan for the new bridge, and its chairman said that a decision would come before the end of the month.\n"},
		{"menu", "Home\nWorld News Today\n"},
		// a section heading after every paragraph: each one is weighed
		// against the prose before and after it
		{"headings", "The committee met again on Monday to discuss the plan for the new bridge, and its chairman said that a decision would come soon.\n\nRelated stories\n\n"},
	}
	for _, sh := range shapes {
		for _, mb := range []int{1, 8} {
			var sb strings.Builder
			for i := 0; sb.Len() < mb<<20; i++ {
				sb.WriteString(sh.unit)
				fmt.Fprintf(&sb, "Line %d of the paste.\n", i)
			}
			text := sb.String()
			b.Run(fmt.Sprintf("%s-%dMB", sh.name, mb), func(b *testing.B) {
				b.SetBytes(int64(len(text)))
				for i := 0; i < b.N; i++ {
					if _, err := Parse(text, Text); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

package article

import (
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestDevPages runs the parser over the extraction benchmark's dev pages
// (skipped when ../shared is absent) and checks what every page shows: a
// body, a title that the page displays, a valid publication date and a
// byline that is a name, not a sentence.
func TestDevPages(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "data", "article-extraction", "dev", "html", "*.html.gz"))
	if len(files) == 0 {
		t.Skip("../shared/data/article-extraction not found")
	}
	titles, dates, bylines := 0, 0, 0
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		z, err := gzip.NewReader(fh)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(z)
		fh.Close()
		d, err := Parse(string(b), Auto)
		if err != nil {
			t.Errorf("%s: %v", filepath.Base(f), err)
			continue
		}
		if Body(d) == "" {
			t.Errorf("%s: empty body", filepath.Base(f))
		}
		if d.Title != "" {
			titles++
		}
		if d.Published != "" {
			dates++
			if _, err := time.Parse("2006-01-02", d.Published[:min(10, len(d.Published))]); err != nil {
				t.Errorf("%s: published %q is not ISO 8601", filepath.Base(f), d.Published)
			}
		}
		if d.Byline != "" {
			bylines++
			if len(strings.Fields(d.Byline)) > 12 || strings.HasSuffix(d.Byline, ".") {
				t.Errorf("%s: byline %q is not a name", filepath.Base(f), d.Byline)
			}
		}
	}
	n := len(files)
	t.Logf("%d pages: title %d, published %d, byline %d", n, titles, dates, bylines)
	if titles*100 < n*95 || dates*100 < n*70 || bylines*100 < n*50 {
		t.Errorf("metadata found on too few pages: title %d, published %d, byline %d of %d", titles, dates, bylines, n)
	}
}

package article

import (
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode"
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

// TestDevMetadata measures title and byline against hand labels of what
// each dev page shows (testdata/devmeta.tsv; how they were made is written
// at its head). Skipped without ../shared. Titles and names are compared
// after case, quotes and punctuation are set aside; a byline of several
// names must name the same people.
func TestDevMetadata(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "data", "article-extraction", "dev", "html")
	files, _ := filepath.Glob(filepath.Join(dir, "*.html.gz"))
	if len(files) == 0 {
		t.Skip("../shared/data/article-extraction not found")
	}
	raw, err := os.ReadFile(filepath.Join("testdata", "devmeta.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	titles, titleOK, bylines, bylineOK, none, noneOK := 0, 0, 0, 0, 0, 0
	for _, ln := range strings.Split(string(raw), "\n") {
		if ln == "" || strings.HasPrefix(ln, "#") {
			continue
		}
		f := strings.Split(ln, "\t")
		if len(f) != 3 {
			t.Fatalf("bad label line %q", ln)
		}
		m, _ := filepath.Glob(filepath.Join(dir, f[0]+"*.html.gz"))
		if len(m) != 1 {
			t.Fatalf("%s: %d pages", f[0], len(m))
		}
		d, err := Parse(readGz(t, m[0]), HTML)
		if err != nil {
			t.Errorf("%s: %v", f[0], err)
			continue
		}
		titles++
		if normTitle(d.Title) == normTitle(f[1]) {
			titleOK++
		} else {
			t.Logf("%s title %q, want %q", f[0], d.Title, f[1])
		}
		switch f[2] {
		case "?":
		case "-":
			none++
			if d.Byline == "" {
				noneOK++
			} else {
				t.Logf("%s byline %q, the page shows none", f[0], d.Byline)
			}
		default:
			bylines++
			if sameNames(d.Byline, f[2]) {
				bylineOK++
			} else {
				t.Logf("%s byline %q, want %q", f[0], d.Byline, f[2])
			}
		}
	}
	t.Logf("title right on %d of %d pages (%.0f%%); byline right on %d of %d pages that show one (%.0f%%); no byline given on %d of %d pages that show none",
		titleOK, titles, 100*float64(titleOK)/float64(titles), bylineOK, bylines, 100*float64(bylineOK)/float64(bylines), noneOK, none)
	// regression floor, below the figures of docs/extraction.md. The
	// labels are the headline each page shows; since the sixteenth round
	// the title is the one the page declares (docs/extraction.md "Which
	// title"), which differs on a rewritten headline: hence 85%, not 94%
	if titleOK*100 < titles*85 || bylineOK*100 < bylines*90 {
		t.Errorf("metadata below its floor: title %d/%d, byline %d/%d", titleOK, titles, bylineOK, bylines)
	}
}

func readGz(t *testing.T, path string) string {
	fh, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	z, err := gzip.NewReader(fh)
	if err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(z)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// normTitle keeps a title's letters and digits, lower-cased, one space apart.
func normTitle(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}), " ")
}

// sameNames reports whether two bylines name the same people: names split
// at commas, "and" and "&", each compared as normTitle.
func sameNames(got, want string) bool {
	split := func(s string) map[string]bool {
		m := map[string]bool{}
		s = strings.NewReplacer(" and ", ",", "&", ",", " AND ", ",").Replace(s)
		for _, p := range strings.Split(s, ",") {
			if n := normTitle(p); n != "" {
				m[n] = true
			}
		}
		return m
	}
	g, w := split(got), split(want)
	if len(g) != len(w) {
		return false
	}
	for n := range w {
		if !g[n] {
			return false
		}
	}
	return true
}

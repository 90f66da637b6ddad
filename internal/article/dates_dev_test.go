package article

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// dateTally counts published dates against hand labels: right (same
// calendar day), wrong (another day), missing (none given where the page
// shows one), extra (one given where the page shows none, "-") and none
// (pages that show none).
type dateTally struct{ right, wrong, missing, extra, none int }

func (t *dateTally) add(got, want string) (ok bool) {
	switch want {
	case "?":
		return true
	case "-":
		t.none++
		if got != "" {
			t.extra++
			return false
		}
		return true
	}
	switch {
	case got == "":
		t.missing++
	case sameDay(got, want):
		t.right++
		return true
	default:
		t.wrong++
	}
	return false
}

// shown is the number of pages that show a date.
func (t dateTally) shown() int { return t.right + t.wrong + t.missing }

// sameDay compares the calendar day of an ISO 8601 date or date-time with
// a YYYY-MM-DD label.
func sameDay(got, want string) bool {
	return len(got) >= 10 && got[:10] == want
}

// devDateLabels reads testdata/devdates.tsv: id prefix → label, in sorted
// id order (the order that splits the pages into half A, even index, and
// half B, odd index).
func devDateLabels(t *testing.T) (ids []string, labels map[string]string) {
	raw, err := os.ReadFile(filepath.Join("testdata", "devdates.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	labels = map[string]string{}
	for _, ln := range strings.Split(string(raw), "\n") {
		if ln == "" || strings.HasPrefix(ln, "#") {
			continue
		}
		f := strings.Split(ln, "\t")
		if len(f) < 2 || len(f) > 3 {
			t.Fatalf("bad label line %q: want id TAB date [TAB note]", ln)
		}
		if f[1] != "-" && f[1] != "?" && !sameDay(f[1]+"T", f[1]) {
			t.Fatalf("bad date %q in label line %q", f[1], ln)
		}
		ids = append(ids, f[0])
		labels[f[0]] = f[1]
	}
	sort.Strings(ids)
	return ids, labels
}

// TestDevDates measures article.published against hand labels of the date
// each dev page shows its reader (testdata/devdates.tsv; how they were made
// is written at its head), through the HTML path and through the page's
// pasted text. Skipped without ../shared. Half A (even index in sorted id
// order) is where the date rules were developed; half B is the check.
func TestDevDates(t *testing.T) {
	base := filepath.Join("..", "..", "..", "shared", "data", "article-extraction")
	dir := filepath.Join(base, "dev", "html")
	if files, _ := filepath.Glob(filepath.Join(dir, "*.html.gz")); len(files) == 0 {
		t.Skip("../shared/data/article-extraction not found")
	}
	ids, labels := devDateLabels(t)
	var all, half [2]dateTally
	var pasted dateTally
	var pastedHalf [2]dateTally
	for i, id := range ids {
		m, _ := filepath.Glob(filepath.Join(dir, id+"*.html.gz"))
		if len(m) != 1 {
			t.Fatalf("%s: %d pages", id, len(m))
		}
		d, err := Parse(readGz(t, m[0]), HTML)
		if err != nil {
			t.Errorf("%s: %v", id, err)
			continue
		}
		want := labels[id]
		half[i%2].add(d.Published, want)
		if !all[0].add(d.Published, want) {
			t.Logf("%s (half %c) published %q, want %s", id, "AB"[i%2], d.Published, want)
		}
		p, _ := filepath.Glob(filepath.Join(base, "dev-pasted", "text", id+"*.txt"))
		if len(p) == 1 {
			raw, err := os.ReadFile(p[0])
			if err != nil {
				t.Fatal(err)
			}
			dt, err := Parse(string(raw), Text)
			if err != nil {
				t.Errorf("%s pasted: %v", id, err)
				continue
			}
			pastedHalf[i%2].add(dt.Published, want)
			if !pasted.add(dt.Published, want) {
				t.Logf("%s (half %c) pasted published %q, want %s", id, "AB"[i%2], dt.Published, want)
			}
		}
	}
	a := all[0]
	t.Logf("HTML: date right on %d of %d pages that show one (%.1f%%), wrong %d, missing %d; given on %d of %d pages that show none",
		a.right, a.shown(), pct(a.right, a.shown()), a.wrong, a.missing, a.extra, a.none)
	for h, x := range half {
		t.Logf("HTML half %c: right %d of %d (%.1f%%), wrong %d, missing %d, given where none %d of %d",
			"AB"[h], x.right, x.shown(), pct(x.right, x.shown()), x.wrong, x.missing, x.extra, x.none)
	}
	t.Logf("pasted text: date right on %d of %d pages that show one (%.1f%%), wrong %d, missing %d; given on %d of %d pages that show none",
		pasted.right, pasted.shown(), pct(pasted.right, pasted.shown()), pasted.wrong, pasted.missing, pasted.extra, pasted.none)
	for h, x := range pastedHalf {
		t.Logf("pasted half %c: right %d of %d (%.1f%%), wrong %d, missing %d, given where none %d of %d",
			"AB"[h], x.right, x.shown(), pct(x.right, x.shown()), x.wrong, x.missing, x.extra, x.none)
	}
	// regression floor, below the figures of docs/extraction.md
	if a.right*100 < a.shown()*82 || pasted.right*100 < pasted.shown()*78 {
		t.Errorf("published date below its floor: HTML right %d of %d, pasted text %d of %d", a.right, a.shown(), pasted.right, pasted.shown())
	}
}

func pct(n, d int) float64 {
	if d == 0 {
		return 0
	}
	return 100 * float64(n) / float64(d)
}

// TestReadabilityDates is an out-of-sample check only: the share of
// Readability's test pages (in the go-readability module) whose
// publishedTime, which Readability takes from meta tags, lede gives the
// same calendar day. Skipped when the module is not in the module cache.
func TestReadabilityDates(t *testing.T) {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "codeberg.org/readeck/go-readability/v2").Output()
	dir := strings.TrimSpace(string(out))
	if err != nil || dir == "" {
		t.Skip("go-readability module not found (go mod download codeberg.org/readeck/go-readability/v2)")
	}
	metas, _ := filepath.Glob(filepath.Join(dir, "test-pages", "*", "expected-metadata.json"))
	if len(metas) == 0 {
		t.Skip("no test-pages in " + dir)
	}
	var x dateTally
	for _, f := range metas {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var m struct {
			PublishedTime *string `json:"publishedTime"`
		}
		if err := json.Unmarshal(raw, &m); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if m.PublishedTime == nil || len(*m.PublishedTime) < 10 {
			continue
		}
		src, err := os.ReadFile(filepath.Join(filepath.Dir(f), "source.html"))
		if err != nil {
			t.Fatal(err)
		}
		d, err := Parse(string(src), HTML)
		if err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		want := (*m.PublishedTime)[:10]
		if !x.add(d.Published, want) {
			t.Logf("%s published %q, Readability %q", filepath.Base(filepath.Dir(f)), d.Published, *m.PublishedTime)
		}
	}
	t.Logf("Readability test pages: same day as publishedTime on %d of %d (%.1f%%), another day %d, none %d",
		x.right, x.shown(), pct(x.right, x.shown()), x.wrong, x.missing)
}

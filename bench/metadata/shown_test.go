package main

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestShownLabels checks dates.tsv against the suite: every label names a
// real page (source.html of 8 KiB or more) and every real page has one.
func TestShownLabels(t *testing.T) {
	labels, err := shownLabels(datesTSV)
	if err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "codeberg.org/readeck/go-readability/v2").Output()
	dir := strings.TrimSpace(string(out))
	if err != nil || dir == "" {
		t.Skip("go-readability module not found (go mod download codeberg.org/readeck/go-readability/v2)")
	}
	pages, err := load(filepath.Join(dir, "test-pages"))
	if err != nil {
		t.Fatal(err)
	}
	real := map[string]bool{}
	for _, p := range pages {
		if p.synthetic {
			if _, ok := labels[p.name]; ok {
				t.Errorf("dates.tsv labels %s, a synthetic page (source.html under 8 KiB)", p.name)
			}
			continue
		}
		real[p.name] = true
		if _, ok := labels[p.name]; !ok {
			t.Errorf("real page %s has no label in dates.tsv", p.name)
		}
	}
	for name := range labels {
		if !real[name] {
			t.Errorf("dates.tsv labels %s, which is not a real page of the suite", name)
		}
	}
}

func TestShownLabelsParse(t *testing.T) {
	for _, c := range []struct {
		name, in string
		ok       bool
	}{
		{"date", "aclu\t2018-04-05\t\n", true},
		{"none and relative", "# head\nx\t-\ny\t?\tnote\n", true},
		{"not a date", "x\tApril 5\n", false},
		{"month 13", "x\t2018-13-05\n", false},
		{"no date column", "x\n", false},
		{"twice", "x\t-\nx\t?\n", false},
	} {
		_, err := shownLabels(c.in)
		if (err == nil) != c.ok {
			t.Errorf("%s: shownLabels(%q) error %v, want ok=%v", c.name, c.in, err, c.ok)
		}
	}
}

func TestShownOutcome(t *testing.T) {
	for _, c := range []struct {
		got, label            string
		counted, shows, right bool
	}{
		{"2018-04-05T18:00:00Z", "2018-04-05", true, true, true},
		{"2018-06-12T23:00:00Z", "2018-06-13", true, true, false}, // same instant elsewhere, another day as written
		{"", "2018-04-05", true, true, false},
		{"", "-", true, false, true},
		{"2019-01-01", "-", true, false, false},
		{"2019-01-01", "?", false, false, false},
		{"2019-01-01", "", false, false, false},
	} {
		counted, shows, right := shownOutcome(c.got, c.label)
		if counted != c.counted || shows != c.shows || right != c.right {
			t.Errorf("shownOutcome(%q, %q) = %v, %v, %v; want %v, %v, %v", c.got, c.label, counted, shows, right, c.counted, c.shows, c.right)
		}
	}
}

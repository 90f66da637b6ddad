package main

import (
	_ "embed"
	"fmt"
	"strings"
	"time"
)

// datesTSV holds hand labels of the publication date each real page of the
// suite shows its reader (how they were made is written at its head):
// page folder → "YYYY-MM-DD", "-" (no date shown) or "?" (only a relative
// date, a time or a day without a year; left out of the measure).
//
//go:embed dates.tsv
var datesTSV string

// shownLabels parses dates.tsv.
func shownLabels(raw string) (map[string]string, error) {
	labels := map[string]string{}
	for n, ln := range strings.Split(raw, "\n") {
		if ln == "" || strings.HasPrefix(ln, "#") {
			continue
		}
		f := strings.Split(ln, "\t")
		if len(f) < 2 || len(f) > 3 {
			return nil, fmt.Errorf("dates.tsv line %d %q: want page TAB date [TAB note]", n+1, ln)
		}
		if _, err := time.Parse("2006-01-02", f[1]); err != nil && f[1] != "-" && f[1] != "?" {
			return nil, fmt.Errorf("dates.tsv line %d: date %q is not YYYY-MM-DD, - or ?", n+1, f[1])
		}
		if _, dup := labels[f[0]]; dup {
			return nil, fmt.Errorf("dates.tsv line %d: page %q labelled twice", n+1, f[0])
		}
		labels[f[0]] = f[1]
	}
	return labels, nil
}

// shownOutcome scores a tool's date against a page's shown-date label with
// the same matcher as the metadata column (dateMatch: same calendar day):
// counted is false for "?" and for pages with no label; right is false
// for another day, no date where one is shown, or a date where none is
// ("-").
func shownOutcome(got, label string) (counted, shows, right bool) {
	switch label {
	case "", "?":
		return false, false, false
	case "-":
		return true, false, day(got) == ""
	}
	return true, true, dateMatch(got, label)
}

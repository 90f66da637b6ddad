package figure_test

import (
	"math"
	"strings"
	"testing"

	"github.com/lede-news/lede/internal/figure"
)

// hostile are inputs a paste can hold that no article does. Each must
// give figures with sane spans and finite values, and return: a hang
// fails the test run by its timeout.
var hostile = []struct{ name, text string }{
	{"empty", ""},
	{"long number", strings.Repeat("9", 100000) + " troops"},
	{"long decimal", "$" + strings.Repeat("1", 400) + "." + strings.Repeat("5", 400) + " billion"},
	{"huge but parseable", "$" + strings.Repeat("9", 24) + " trillion trillion"},
	{"comma run", strings.Repeat("1,", 50000) + "1%"},
	{"currency run", strings.Repeat("$", 10000) + "5"},
	{"symbols and numbers", strings.Repeat("$5%€2bn£-3 ", 5000)},
	{"minus run", strings.Repeat("-", 10000) + "5%"},
	{"number words", strings.Repeat("twenty-five hundred thousand million ", 5000)},
	{"months", strings.Repeat("January 31, ", 10000)},
	{"weekdays", strings.Repeat("last Monday next Friday ", 5000)},
	{"ordinals", strings.Repeat("1st 2nd 3rd first second ", 5000)},
	{"clock junk", strings.Repeat("99:99 p.m. 12:00 a.m. ET 25pm ", 3000)},
	{"slashes", strings.Repeat("10/29/2025/1/2/3 ", 3000)},
	{"hyphen chains", strings.Repeat("72-year-old-5-6-", 5000)},
	{"one long sentence", strings.Repeat("the 28,500 U.S. troops rose to 3.5% of GDP and ", 3000)},
	{"invalid utf-8", "\xff\xfe$5\xc3 million \xe2\x82 €\xe2 10%"},
	{"quote marks", strings.Repeat("“", 10000) + "5%" + strings.Repeat("”", 10000)},
	{"no spaces", strings.Repeat("a1b2c3$4%5", 1000)},
}

func TestHostileInputs(t *testing.T) {
	for _, tc := range hostile {
		t.Run(tc.name, func(t *testing.T) {
			d := newDoc(tc.text, "2025-10-27")
			figure.Annotate(d)
			prev := 0
			for _, f := range d.Figures {
				if f.Start < prev || f.Start >= f.End || f.End > len(d.Text) {
					t.Fatalf("bad span [%d,%d) after %d in %d bytes", f.Start, f.End, prev, len(d.Text))
				}
				prev = f.End
				if f.Value != nil && (math.IsInf(*f.Value, 0) || math.IsNaN(*f.Value)) {
					t.Fatalf("non-finite value for %q", f.Of(d.Text))
				}
			}
		})
	}
}

// FuzzAnnotate checks the same invariants on any text: `go test -fuzz
// FuzzAnnotate ./internal/figure/` explores; plain `go test` runs the seeds.
func FuzzAnnotate(f *testing.F) {
	for _, tc := range hostile {
		if len(tc.text) < 2000 {
			f.Add(tc.text)
		}
	}
	f.Add("The $350 billion pledge rose 3.5% to 28,500 U.S. troops on Wednesday, Oct. 29, at 3 p.m.")
	f.Fuzz(func(t *testing.T, text string) {
		d := newDoc(text, "2025-10-27")
		figure.Annotate(d)
		prev := 0
		for _, x := range d.Figures {
			if x.Start < prev || x.Start >= x.End || x.End > len(d.Text) {
				t.Fatalf("bad span [%d,%d) after %d in %q", x.Start, x.End, prev, text)
			}
			prev = x.End
			if x.Value != nil && (math.IsInf(*x.Value, 0) || math.IsNaN(*x.Value)) {
				t.Fatalf("non-finite value in %q", text)
			}
		}
	})
}

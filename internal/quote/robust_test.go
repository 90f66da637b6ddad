package quote_test

import (
	"strings"
	"testing"

	"github.com/lede-news/lede/internal/quote"
)

// hostile are inputs a paste can hold that no article does. Each must
// give quotes with sane spans, and return: a hang fails the test run by
// its timeout.
var hostile = []struct{ name, text string }{
	{"empty", ""},
	{"10k curly opens", strings.Repeat("“", 10000)},
	{"10k curly closes", strings.Repeat("”", 10000)},
	{"10k straight", strings.Repeat(`"`, 10000)},
	{"10k single", strings.Repeat("'", 10000)},
	{"10k curly single", strings.Repeat("‘", 10000) + strings.Repeat("’", 10000)},
	{"alternating", strings.Repeat("“a” ", 10000)},
	{"alternating single", strings.Repeat(" ‘a’", 10000)},
	{"spaced opens", strings.Repeat(" “x", 10000)},
	{"spaced single opens", strings.Repeat(" 'x ’s", 10000)},
	{"TeX marks", strings.Repeat("``", 5000) + strings.Repeat("''", 5000)},
	{"unbalanced paragraphs", strings.Repeat("“open\n\n", 5000)},
	{"said everywhere", strings.Repeat("“a b c d,” he said, “e f g h,” said ", 3000)},
	{"invalid utf-8", "\xe2\x80 “\xff\xfe”\xe2\x80\x9c abc \xe2\x80\x9d\xe2"},
	{"marks at the edges", "”‘’“"},
	{"dashes", strings.Repeat("—‘– ", 10000)},
}

func TestHostileInputs(t *testing.T) {
	for _, tc := range hostile {
		t.Run(tc.name, func(t *testing.T) {
			d := newDoc(tc.text, trump)
			quote.Annotate(d)
			prev := 0
			for _, q := range d.Quotes {
				if q.Start < prev || q.Start >= q.End || q.End > len(d.Text) {
					t.Fatalf("bad span [%d,%d) after %d in %d bytes", q.Start, q.End, prev, len(d.Text))
				}
				prev = q.End
			}
		})
	}
}

// FuzzAnnotate checks the same invariants on any text: `go test -fuzz
// FuzzAnnotate ./internal/quote/` explores; plain `go test` runs the seeds.
func FuzzAnnotate(f *testing.F) {
	for _, tc := range hostile {
		if len(tc.text) < 2000 {
			f.Add(tc.text)
		}
	}
	f.Add("“We came,” Trump said, “and we’ll stay.” He called it ‘the workers’ deal’.\n\n“More,” he said.")
	f.Fuzz(func(t *testing.T, text string) {
		d := newDoc(text, trump)
		quote.Annotate(d)
		prev := 0
		for _, q := range d.Quotes {
			if q.Start < prev || q.Start >= q.End || q.End > len(d.Text) {
				t.Fatalf("bad span [%d,%d) after %d in %q", q.Start, q.End, prev, text)
			}
			prev = q.End
		}
	})
}

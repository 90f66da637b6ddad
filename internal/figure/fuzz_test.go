package figure_test

import (
	"strings"
	"testing"

	"github.com/lede-news/lede/internal/doccheck"
	"github.com/lede-news/lede/internal/figure"
)

// FuzzFigures runs figure.Annotate on a document as the engine builds it
// (segmented and tagged, several blocks), where FuzzAnnotate uses one
// block: figures in order, on character boundaries, with finite values.
func FuzzFigures(f *testing.F) {
	for _, s := range []string{
		"Published Oct. 29, 2025\n\nThe $350 billion pledge rose 3.5% to 28,500 U.S. troops at 3 p.m. ET.",
		"Shares fell 6.5% in Copenhagen.\nA second line: £12m, 1st, twenty-five hundred, 10/29.",
		"١٢٣ ٤٥٦ ₹5 crore ¥1,000 €2bn ١٪",
		strings.Repeat("9", 400) + "% of " + strings.Repeat("1,", 200),
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		d := doccheck.Tagged(text)
		figure.Annotate(d)
		if err := doccheck.Check(d); err != nil {
			t.Fatal(err)
		}
	})
}

package html

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// sortAttr must give the order upstream's slices.SortFunc(attr,
// attrCompare) gives, equal fields and all.
func TestSortAttrMatchesSlicesSortFunc(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	pick := func(s ...string) string { return s[r.IntN(len(s))] }
	for range 2000 {
		attr := make([]Attribute, r.IntN(24))
		for i := range attr {
			attr[i] = Attribute{Namespace: pick("", "", "xlink"), Key: pick("class", "id", "href", "style"), Val: pick("", "a", "b", "a b")}
		}
		want := slices.Clone(attr)
		slices.SortFunc(want, attrCompare)
		sortAttr(attr)
		if !slices.Equal(attr, want) {
			t.Fatalf("sortAttr = %v, slices.SortFunc %v", attr, want)
		}
	}
}

package keyphrase

import (
	"math"
	"slices"
	"sort"
	"testing"
)

// TestRankDesc holds the insertion and merge sorts (rankDesc, insertDesc,
// sortBetter) to the sorts they replace, on lists of every length up to
// past maxInsertion and some longer ones, with many ties (keys from a few values), and with a
// NaN (left to sort.Slice, so the order is the one the pass gave before).
func TestRankDesc(t *testing.T) {
	x := uint64(3)
	rnd := func(n uint64) uint64 {
		x = x*6364136223846793005 + 1442695040888963407
		return (x >> 33) % n
	}
	var lengths []int
	for n := 0; n <= maxInsertion+20; n++ {
		lengths = append(lengths, n)
	}
	// long lists, merged (mergeDesc, mergeBetter) over one or more levels
	// past maxInsertion, with a run cut short at the end
	lengths = append(lengths, 255, 256, 257, 600, 1500)
	for _, n := range lengths {
		for _, values := range []uint64{2, 5, 1000} {
			key := make([]float64, n)
			for i := range key {
				key[i] = float64(rnd(values)) / 4
			}
			if n > 3 && values == 5 {
				key[rnd(uint64(n))] = math.NaN()
			}
			ident := func() []int {
				idx := make([]int, n)
				for i := range idx {
					idx[i] = i
				}
				return idx
			}
			got, want := ident(), ident()
			rankDesc(got, key)
			sort.Slice(want, func(i, j int) bool {
				a, b := want[i], want[j]
				return key[a] > key[b] || key[a] == key[b] && a < b
			})
			if !slices.Equal(got, want) {
				t.Fatalf("rankDesc n %d values %d: %v, sort.Slice %v", n, values, got, want)
			}
			if !hasNaN(key) {
				got, want = ident(), ident()
				insertDesc(got, key)
				sort.SliceStable(want, func(a, b int) bool { return key[want[a]] > key[want[b]] })
				if !slices.Equal(got, want) {
					t.Fatalf("insertDesc n %d values %d: %v, sort.SliceStable %v", n, values, got, want)
				}
			}
			cs := make([]*candidate, n)
			for i := range cs {
				cs[i] = &candidate{score: key[i], first: int(rnd(3)), idx: int32(i)}
			}
			for i := range cs { // found out of order
				j := int(rnd(uint64(i + 1)))
				cs[i], cs[j] = cs[j], cs[i]
			}
			want2 := slices.Clone(cs)
			sortBetter(cs)
			sort.Slice(want2, func(i, j int) bool { return better(want2[i], want2[j]) })
			if !slices.Equal(cs, want2) {
				t.Fatalf("sortBetter n %d values %d: not sort.Slice's order", n, values)
			}
		}
	}
}

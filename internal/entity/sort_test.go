package entity

import (
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"
)

// sortInts and sortStrings must give slices.Sort's order, by insertion
// and by heapsort (past 64 elements) alike, duplicates included.
func TestSortsMatchSlicesSort(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for _, n := range []int{0, 1, 2, 5, 63, 64, 65, 100, 257, 1000} {
		for range 20 {
			ints := make([]int, n)
			strs := make([]string, n)
			for i := range ints {
				ints[i] = r.IntN(n/2 + 1)
				strs[i] = strconv.Itoa(r.IntN(n/2 + 1))
			}
			wantI, wantS := slices.Clone(ints), slices.Clone(strs)
			slices.Sort(wantI)
			slices.Sort(wantS)
			sortInts(ints)
			sortStrings(strs)
			if !slices.Equal(ints, wantI) || !slices.Equal(strs, wantS) {
				t.Fatalf("n = %d: sortInts %v / sortStrings %v, want %v / %v", n, ints, strs, wantI, wantS)
			}
		}
	}
}

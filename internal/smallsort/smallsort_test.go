package smallsort

import (
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"
)

// Sort must give slices.Sort's order, by insertion and by sort.Slice (past
// 256 elements) alike, duplicates included, for each element type the
// engine sorts.
func TestSortMatchesSlicesSort(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for _, n := range []int{0, 1, 2, 5, 64, 255, 256, 257, 1000} {
		for range 20 {
			ints := make([]int, n)
			ids := make([]int32, n)
			strs := make([]string, n)
			for i := range ints {
				ints[i] = r.IntN(n/2 + 1)
				ids[i] = int32(r.IntN(n/2 + 1))
				strs[i] = strconv.Itoa(r.IntN(n/2 + 1))
			}
			wantI, wantD, wantS := slices.Clone(ints), slices.Clone(ids), slices.Clone(strs)
			slices.Sort(wantI)
			slices.Sort(wantD)
			slices.Sort(wantS)
			Sort(ints)
			Sort(ids)
			Sort(strs)
			if !slices.Equal(ints, wantI) || !slices.Equal(ids, wantD) || !slices.Equal(strs, wantS) {
				t.Fatalf("n = %d: Sort gave %v / %v / %v, want %v / %v / %v", n, ints, ids, strs, wantI, wantD, wantS)
			}
		}
	}
}

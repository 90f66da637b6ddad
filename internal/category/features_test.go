package category

import (
	"slices"
	"testing"
)

// TestRadixSort holds radixSort to slices.Sort.
func TestRadixSort(t *testing.T) {
	x := uint64(12345)
	for _, n := range []int{1, 2, 63, 64, 65, 300, 1000} {
		for _, width := range []int{1, 5, 8, 9, 17, 21, 24, 25, 33, 50, 64} {
			keys := make([]uint64, n)
			for i := range keys {
				x = x*6364136223846793005 + 1442695040888963407
				keys[i] = x >> (64 - width) // width's bits, the top one set in about half
				if i%7 == 3 {
					keys[i] = keys[i/2] // duplicates
				}
			}
			want := slices.Clone(keys)
			slices.Sort(want)
			radixSort(keys, make([]uint64, n), width)
			if !slices.Equal(keys, want) {
				t.Errorf("n %d width %d: radixSort differs from slices.Sort", n, width)
			}
		}
	}
}

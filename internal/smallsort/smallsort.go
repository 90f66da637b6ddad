// Package smallsort sorts the short lists of ordered values the engine
// passes sort (a sentence's word ids, an entity's mentions and forms, a
// story's blocks, a JSON object's keys) without slices.Sort: each element
// type a generic slices sort is instantiated for adds 10–25 KB of the wasm
// engine's code (docs/speed-log.md, "Page size, eighth round";
// bench/wasmsize fails if one comes back). Sort's own body is a few hundred
// bytes an element type.
package smallsort

import (
	"cmp"
	"slices"
	"sort"
)

// Sort is slices.Sort(x) for x without NaNs: by insertion up to 256
// elements, which allocates nothing and is linear on a list already
// nearly in order; past 256, sort.Slice (which the engine links anyway) on
// a copy, so that x itself does not escape: callers' buffers stay where
// they are.
func Sort[T cmp.Ordered](x []T) {
	if len(x) > 256 {
		y := slices.Clone(x)
		sort.Slice(y, func(i, j int) bool { return y[i] < y[j] })
		copy(x, y)
		return
	}
	for i := 1; i < len(x); i++ {
		for j := i; j > 0 && x[j] < x[j-1]; j-- {
			x[j], x[j-1] = x[j-1], x[j]
		}
	}
}

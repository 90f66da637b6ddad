package keyphrase

import (
	"math"
	"sort"
)

// maxInsertion is the longest list the pass sorts by insertion: an
// article's candidates (some 70 in the sample) sorted by sort.Slice cost a
// closure call a comparison and a reflected swap a move, about 5% of the
// pass over its four sorts; insertion compares inline, and its n²/4 moves
// stay below sort.Slice's n·log n calls up to about this length.
const maxInsertion = 128

// rankDesc sorts idx, indices into key, by key highest first, ties by
// index: the order a stable sort by key of the indices in ascending order
// gives. A key that is NaN orders nothing, so a list holding one is left to
// sort.Slice with the same comparison (what the pass called before), which
// then gives the same order as before. Without a NaN the order is total, so
// any sort gives it: a short list is sorted by insertion, a long one (a
// long article's candidates) by merging runs sorted by insertion, where
// sort.Slice's closure call a comparison and reflected swap a move had cost
// a 5 KB article 1.5% of its analysis. (Ranker.Scores sorted by
// sort.SliceStable before: the same order but with a NaN.)
func rankDesc(idx []int, key []float64) {
	if hasNaN(key) {
		sort.Slice(idx, func(i, j int) bool {
			a, b := idx[i], idx[j]
			return key[a] > key[b] || key[a] == key[b] && a < b
		})
		return
	}
	if len(idx) > maxInsertion {
		mergeDesc(idx, key)
		return
	}
	insertDesc(idx, key)
}

// mergeRun is the length of the runs mergeDesc and mergeBetter sort by
// insertion before merging them.
const mergeRun = 16

// mergeDesc is rankDesc for a long list with no NaN key: runs of mergeRun
// sorted by insertDesc, then merged two by two through a buffer. It is
// written out for ints here and for candidates in mergeBetter, not shared
// as a generic function or through a comparison called by value: the wasm
// then holds no second sort's code and makes no call a comparison.
func mergeDesc(idx []int, key []float64) {
	for i := 0; i < len(idx); i += mergeRun {
		insertDesc(idx[i:min(i+mergeRun, len(idx))], key)
	}
	src, dst := idx, make([]int, len(idx))
	for w := mergeRun; w < len(src); w *= 2 {
		for lo := 0; lo < len(src); lo += 2 * w {
			mid, hi := min(lo+w, len(src)), min(lo+2*w, len(src))
			a, b, o := lo, mid, lo
			for a < mid && b < hi {
				// y (the later run's) first only if strictly before x
				if x, y := src[a], src[b]; key[y] > key[x] || key[y] == key[x] && y < x {
					dst[o] = y
					b++
				} else {
					dst[o] = x
					a++
				}
				o++
			}
			o += copy(dst[o:], src[a:mid])
			copy(dst[o:], src[b:hi])
		}
		src, dst = dst, src
	}
	if len(src) > 0 && &src[0] != &idx[0] {
		copy(idx, src)
	}
}

// mergeBetter is sortBetter for a long list with no NaN score, as
// mergeDesc is rankDesc's.
func mergeBetter(cs []*candidate) {
	for i := 0; i < len(cs); i += mergeRun {
		insertBetter(cs[i:min(i+mergeRun, len(cs))])
	}
	src, dst := cs, make([]*candidate, len(cs))
	for w := mergeRun; w < len(src); w *= 2 {
		for lo := 0; lo < len(src); lo += 2 * w {
			mid, hi := min(lo+w, len(src)), min(lo+2*w, len(src))
			a, b, o := lo, mid, lo
			for a < mid && b < hi {
				if x, y := src[a], src[b]; better(y, x) {
					dst[o] = y
					b++
				} else {
					dst[o] = x
					a++
				}
				o++
			}
			o += copy(dst[o:], src[a:mid])
			copy(dst[o:], src[b:hi])
		}
		src, dst = dst, src
	}
	if len(src) > 0 && &src[0] != &cs[0] {
		copy(cs, src)
	}
}

// insertDesc is rankDesc by insertion, for a short list with no NaN key.
func insertDesc(idx []int, key []float64) {
	for i := 1; i < len(idx); i++ {
		x := idx[i]
		kx := key[x]
		j := i
		for ; j > 0; j-- {
			y := idx[j-1]
			if ky := key[y]; kx > ky || kx == ky && x < y {
				idx[j] = y
				continue
			}
			break
		}
		idx[j] = x
	}
}

// sortBetter sorts cs by better. better is a total order when no score is
// NaN, so any sort gives one order: by insertion for a short list, by
// merging for a long one (mergeBetter); with a NaN, sort.Slice sorts as
// before.
func sortBetter(cs []*candidate) {
	nan := false
	for _, c := range cs {
		nan = nan || math.IsNaN(c.score)
	}
	if nan {
		sort.Slice(cs, func(i, j int) bool { return better(cs[i], cs[j]) })
		return
	}
	if len(cs) > maxInsertion {
		mergeBetter(cs)
		return
	}
	insertBetter(cs)
}

// insertBetter sorts cs by better, by insertion.
func insertBetter(cs []*candidate) {
	for i := 1; i < len(cs); i++ {
		x := cs[i]
		j := i
		for ; j > 0 && better(x, cs[j-1]); j-- {
			cs[j] = cs[j-1]
		}
		cs[j] = x
	}
}

func hasNaN(x []float64) bool {
	for _, v := range x {
		if v != v {
			return true
		}
	}
	return false
}

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
// gives. A key that is NaN orders nothing, so a list holding one, or a long
// list, is left to sort.Slice with the same comparison (what the pass
// called before), which then gives the same order as before. (Ranker.Scores
// sorted by sort.SliceStable before: the same order but with a NaN.)
func rankDesc(idx []int, key []float64) {
	if len(idx) > maxInsertion || hasNaN(key) {
		sort.Slice(idx, func(i, j int) bool {
			a, b := idx[i], idx[j]
			return key[a] > key[b] || key[a] == key[b] && a < b
		})
		return
	}
	insertDesc(idx, key)
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
// NaN, so any sort gives one order; with a NaN, or a long list, sort.Slice
// sorts as before.
func sortBetter(cs []*candidate) {
	nan := false
	for _, c := range cs {
		nan = nan || math.IsNaN(c.score)
	}
	if len(cs) > maxInsertion || nan {
		sort.Slice(cs, func(i, j int) bool { return better(cs[i], cs[j]) })
		return
	}
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

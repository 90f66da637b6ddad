package main

import (
	"fmt"
	"slices"
	"sort"

	"github.com/lede-news/lede/internal/keyphrase"
)

// diag adds, for the documents of fold k, how many of the top ten are of
// each kind (name, lone word, other) and how many of those are gold, by
// rank band, to acc (experiment: -diag).
func diag(exs []*example, m *ranker, lone int, nz normalizer, k int, mode string, acc map[string]*[3]int) {
	for _, e := range exs {
		if e.fold != k || e.mode != mode || len(e.texts) == 0 {
			continue
		}
		cs := e.candidates()
		s := m.dec.Scores(cs, m.short)
		idx := keyphrase.Order(cs, s, lone)
		seen := map[string]bool{}
		used := make([]bool, len(e.gold))
		r := 0
		for _, i := range idx {
			n := nz.phrase(e.texts[i])
			if n == "" || seen[n] {
				continue
			}
			seen[n] = true
			kind := "phrase"
			switch {
			case cs[i].Features[keyphrase.FName] == 1:
				kind = "name"
			case cs[i].Lone():
				kind = "lone"
			}
			hit := 0
			for g, vs := range e.gold {
				if !used[g] && slices.Contains(vs, n) {
					used[g] = true
					hit = 1
					break
				}
			}
			band := "1-10"
			if r >= 10 {
				band = "11-20"
			}
			key := fmt.Sprintf("set %d limit %2d %s %s", e.set, lone, band, kind)
			a := acc[key]
			if a == nil {
				a = &[3]int{}
				acc[key] = a
			}
			a[0]++
			a[1] += hit
			r++
			if r >= 20 {
				break
			}
		}
	}
}

func printDiag(acc map[string]*[3]int) {
	var ks []string
	for k := range acc {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	for _, k := range ks {
		a := acc[k]
		fmt.Printf("diag %s: %d listed, %d gold (%.1f%%)\n", k, a[0], a[1], 100*float64(a[1])/float64(max(a[0], 1)))
	}
}

package main

import (
	"bytes"
	"fmt"
	"slices"
	"sort"
	"strings"

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

// dump writes, for each document of fold k, its first twenty by m (a gold
// one marked +, with its kind: n name, w lone word, p phrase) and the gold
// the twenty missed (experiment: -dump).
func dump(w *bytes.Buffer, exs []*example, m *ranker, nz normalizer, k int, mode string) {
	for _, e := range exs {
		if e.fold != k || e.mode != mode || len(e.texts) == 0 {
			continue
		}
		cs := e.candidates()
		s := m.dec.Scores(cs, m.short)
		idx := keyphrase.Order(cs, s, -1)
		seen := map[string]bool{}
		used := make([]bool, len(e.gold))
		fmt.Fprintf(w, "## %d %s gate %.2f\n", e.set, e.id, m.Style(&e.feats[0]))
		r := 0
		for _, i := range idx {
			n := nz.phrase(e.texts[i])
			if n == "" || seen[n] {
				continue
			}
			seen[n] = true
			kind := "p"
			switch {
			case cs[i].Features[keyphrase.FName] == 1:
				kind = "n"
			case cs[i].Lone():
				kind = "w"
			}
			mark := " "
			for g, vs := range e.gold {
				if !used[g] && slices.Contains(vs, n) {
					used[g] = true
					mark = "+"
					break
				}
			}
			fmt.Fprintf(w, "%2d %s%s %s\t%.3f\n", r+1, mark, kind, e.texts[i], s[i])
			r++
			if r >= 20 {
				break
			}
		}
		var miss []string
		for g := range e.gold {
			if !used[g] {
				miss = append(miss, e.raw[g])
			}
		}
		fmt.Fprintf(w, "missed: %s\n", strings.Join(miss, "; "))
	}
}

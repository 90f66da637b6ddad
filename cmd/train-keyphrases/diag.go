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
		listed, _ := e.firstTwenty(cs, keyphrase.Order(cs, m.dec.Scores(cs, m.short), lone), nz)
		for r, l := range listed {
			band := "1-10"
			if r >= 10 {
				band = "11-20"
			}
			key := fmt.Sprintf("set %d limit %2d %s %s", e.set, lone, band, kindNames[l.kind])
			a := acc[key]
			if a == nil {
				a = &[3]int{}
				acc[key] = a
			}
			a[0]++
			if l.gold {
				a[1]++
			}
		}
	}
}

// kindNames names the kinds of listed for -diag.
var kindNames = map[byte]string{'n': "name", 'w': "lone", 'p': "phrase"}

// listed is one of an article's first twenty phrases as the scorer reads
// them: its candidate, its kind (n name, w lone word, p phrase) and whether
// it matched a gold phrase.
type listed struct {
	i    int
	kind byte
	gold bool
}

// firstTwenty walks ranking idx as the scorer does — normalised phrases,
// each once, each gold phrase matched at most once — and returns the first
// twenty and which gold phrases they matched.
func (e *example) firstTwenty(cs []keyphrase.Candidate, idx []int, nz normalizer) (out []listed, used []bool) {
	seen := map[string]bool{}
	used = make([]bool, len(e.gold))
	for _, i := range idx {
		n := nz.phrase(e.texts[i])
		if n == "" || seen[n] {
			continue
		}
		seen[n] = true
		l := listed{i: i, kind: 'p'}
		switch {
		case cs[i].Features[keyphrase.FName] == 1:
			l.kind = 'n'
		case cs[i].Lone():
			l.kind = 'w'
		}
		for g, vs := range e.gold {
			if !used[g] && slices.Contains(vs, n) {
				used[g], l.gold = true, true
				break
			}
		}
		if out = append(out, l); len(out) == 20 {
			break
		}
	}
	return out, used
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
		fmt.Fprintf(w, "## %d %s gate %.2f\n", e.set, e.id, m.Style(&e.feats[0]))
		listed, used := e.firstTwenty(cs, keyphrase.Order(cs, s, -1), nz)
		for r, l := range listed {
			mark := " "
			if l.gold {
				mark = "+"
			}
			fmt.Fprintf(w, "%2d %s%c %s\t%.3f\n", r+1, mark, l.kind, e.texts[l.i], s[l.i])
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

package main

import (
	"fmt"

	"github.com/lede-news/lede/internal/keyphrase"
)

// panelRules are the page panel's orders that -panel compares
// (keyphrase.PanelRule): the shipped one and those around it.
var panelRules = []struct {
	name string
	rule keyphrase.PanelRule
}{
	{"4 lone words in ten (the panel before the eleventh round)", keyphrase.PanelRule{Lone: 4}},
	{"4 lone words, none said once in the first ten", keyphrase.PanelRule{Lone: 4, Weak: 2}},
	{"4 lone words, none said under 3 times in the first ten", keyphrase.PanelRule{Lone: 4, Weak: 3}},
	{"4 lone words, those said twice or more first", keyphrase.PanelRule{Lone: 4, Weak: 2, Swap: true}},
	{"4 lone words, those said 3 times or more first", keyphrase.PanelRule{Lone: 4, Weak: 3, Swap: true}},
	{"6 lone words, those said twice or more first", keyphrase.PanelRule{Lone: 6, Weak: 2, Swap: true}},
	{"no limit, those said twice or more first", keyphrase.PanelRule{Lone: -1, Weak: 2, Swap: true}},
	{"3 lone words, none said once in the first ten", keyphrase.PanelRule{Lone: 3, Weak: 2}},
	{"6 lone words, none said once in the first ten", keyphrase.PanelRule{Lone: 6, Weak: 2}},
	{"no limit on lone words", keyphrase.PanelRule{Lone: -1}},
	{"no limit, none said once in the first ten", keyphrase.PanelRule{Lone: -1, Weak: 2}},
}

// panelPrecision is the precision@10 of the page panel's first ten topics
// (keyphrase.Panel with rule r, on the scores of model m) over the held
// documents of fold k, per set (DUC-2001, 500N): the mean over documents
// of the share of the (at most ten) topics shown that match a gold
// keyphrase, by the benchmark's matching (topTen, hits: Porter-stemmed
// exact match, each gold keyphrase matched once). Names are the entity
// panel's and are not shown, so they count neither way.
func panelPrecision(exs []*example, m *ranker, r keyphrase.PanelRule, nz normalizer, k int, mode string) (p [2]float64) {
	var n [2]int
	for _, e := range exs {
		if e.fold != k || e.mode != mode || len(e.feats) == 0 {
			continue
		}
		cs := e.candidates()
		idx := keyphrase.Order(cs, m.dec.Scores(cs, m.short), -1)
		var shown []string
		for _, i := range keyphrase.Panel(cs, idx, r) {
			shown = append(shown, e.texts[i])
		}
		top := topTen(shown, nz)
		if len(top) == 0 {
			continue
		}
		hit := hits(top, e.gold)
		p[e.set] += 100 * float64(hit) / float64(len(top))
		n[e.set]++
	}
	for s := range p {
		if n[s] > 0 {
			p[s] /= float64(n[s])
		}
	}
	return p
}

// printPanel prints each panel rule's precision@10 over the held folds.
func printPanel(acc map[string]*[2][]float64, mode string) {
	b := acc[mode+panelRules[0].name]
	for _, pr := range panelRules {
		a := acc[mode+pr.name]
		var d [2][]float64
		for s := range d {
			for f := range a[s] {
				d[s] = append(d[s], a[s][f]-b[s][f])
			}
		}
		fmt.Printf("%s, held folds, the page panel's first ten topics, precision@10, %s: DUC %s, 500N %s; against the first, fold by fold: DUC %s, 500N %s\n", mode, pr.name, spread(a[0]), spread(a[1]), spread(d[0]), spread(d[1]))
	}
}

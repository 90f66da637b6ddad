package main

import (
	"fmt"
	"sort"
	"strings"
	"unicode"

	"github.com/lede-news/lede/internal/keyphrase"
)

// recall prints, per set, how much of the gold the candidates can reach at
// all (oracle recall), by kind of gold keyphrase, and the F1@10 an oracle
// ranking of the candidates would get (the gold ones first, in model
// order), with and without the limit on lone words: the ceiling of any
// ranker over these candidates.
func recall(exs []*example, m *ranker, nz normalizer, mode string) {
	kindOf := func(raw string) string {
		ws := strings.Fields(raw)
		switch {
		case len(ws) > 1:
			return "phrase"
		case len(ws) == 1 && unicode.IsUpper([]rune(raw)[0]):
			return "Capitalised word"
		default:
			return "lower-case word"
		}
	}
	for set, name := range []string{"DUC", "500N"} {
		all, hit := map[string]int{}, map[string]int{}
		inText := map[string]int{}
		missTag := map[string]int{}
		for _, e := range exs {
			if e.set != set || e.mode != mode {
				continue
			}
			have := map[string]bool{}
			for _, t := range e.texts {
				have[nz.phrase(t)] = true
			}
			tags := map[string]string{}
			for _, w := range e.words {
				n := nz.phrase(w[0])
				if _, ok := tags[n]; !ok {
					tags[n] = w[1]
				}
			}
			for i, vs := range e.gold {
				k := kindOf(e.raw[i])
				all[k]++
				found := false
				for _, v := range vs {
					if have[v] {
						found = true
					}
				}
				if found {
					hit[k]++
					continue
				}
				if k != "phrase" {
					if tag, ok := tags[vs[0]]; ok {
						inText[k]++
						missTag[k+" "+tag]++
					}
				}
			}
		}
		var ks []string
		for k := range all {
			ks = append(ks, k)
		}
		sort.Strings(ks)
		for _, k := range ks {
			fmt.Printf("recall %s %s: %d gold, %.1f%% among the candidates, %.1f%% more a word of the text\n", name, k, all[k],
				100*float64(hit[k])/float64(all[k]), 100*float64(inText[k])/float64(all[k]))
		}
		type kv struct {
			k string
			n int
		}
		var mt []kv
		for k, n := range missTag {
			mt = append(mt, kv{k, n})
		}
		sort.Slice(mt, func(i, j int) bool { return mt[i].n > mt[j].n || mt[i].n == mt[j].n && mt[i].k < mt[j].k })
		var b strings.Builder
		for _, x := range mt[:min(16, len(mt))] {
			fmt.Fprintf(&b, " %s=%d", x.k, x.n)
		}
		fmt.Printf("recall %s, single words missed but in the text, by first tag:%s\n", name, b.String())
	}
	for _, lone := range []int{keyphrase.PanelLone, -1} {
		oracle := func(e *example) []string {
			s := make([]float64, len(e.texts))
			for i := range s {
				s[i] = m.Score(&e.feats[i])
				if e.label[i] {
					s[i] += 1e6
				}
			}
			return e.top20(keyphrase.Order(e.candidates(), s, lone))
		}
		d, k := score(exs, oracle, nz, -1, mode)
		fmt.Printf("oracle ranking of the candidates, lone-word limit %d: DUC %.2f 500N %.2f\n", lone, d, k)
	}
}

package main

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/lede-news/lede/internal/keyphrase"
)

// overlapRanked is ranked(m, -1) re-ordered greedily: a candidate all of
// whose words are in one already placed loses psub×(1−g) in log-odds, one
// that shares a word with one placed (and is not such a part) psup×g⁴,
// where g is the gate's weight of 500N's expert (experiment: -overlap).
func overlapRanked(m *ranker, nz normalizer, psub, psup float64) func(e *example) []string {
	return func(e *example) []string {
		cs := e.candidates()
		s := m.dec.Scores(cs, m.short)
		if len(cs) == 0 {
			return nil
		}
		g := m.Style(&e.feats[0])
		idx := keyphrase.Order(cs, s, -1)
		if len(idx) > 40 {
			idx = idx[:40]
		}
		words := make([][]string, len(idx))
		for j, i := range idx {
			words[j] = strings.Fields(nz.phrase(e.texts[i]))
		}
		logit := func(p float64) float64 { return math.Log(p / (1 - p)) }
		done := make([]bool, len(idx))
		var chosen [][]string
		var out []string
		for len(out) < 20 && len(out) < len(idx) {
			best, bs := -1, math.Inf(-1)
			for j, i := range idx {
				if done[j] {
					continue
				}
				x := logit(s[i])
				sub, share := false, false
				for _, c := range chosen {
					all, any := true, false
					for _, w := range words[j] {
						if slices.Contains(c, w) {
							any = true
						} else {
							all = false
						}
					}
					if all && len(words[j]) > 0 {
						sub = true
					} else if any {
						share = true
					}
				}
				if sub {
					x -= psub * (1 - g)
				} else if share {
					x -= psup * math.Pow(g, 4)
				}
				if x > bs {
					best, bs = j, x
				}
			}
			done[best] = true
			chosen = append(chosen, words[best])
			out = append(out, e.texts[idx[best]])
		}
		return out
	}
}

func parseGrid(spec string) (subs, sups []float64) {
	parts := strings.SplitN(spec, "/", 2)
	for i, p := range parts {
		for _, f := range strings.Split(p, ",") {
			var x float64
			fmt.Sscan(f, &x)
			if i == 0 {
				subs = append(subs, x)
			} else {
				sups = append(sups, x)
			}
		}
	}
	if len(sups) == 0 {
		sups = []float64{0}
	}
	return subs, sups
}

// overlapCV scores fold k with every pair of the grid, and the pair the
// other folds choose by the objective.
func overlapCV(exs []*example, m *ranker, nz normalizer, k int, mode, spec string, acc map[string]*[2][]float64) {
	subs, sups := parseGrid(spec)
	bestKey, bestObj := "", math.Inf(-1)
	res := map[string][2]float64{}
	for _, a := range subs {
		for _, b := range sups {
			key := fmt.Sprintf("sub %.2f sup %.2f", a, b)
			r := overlapRanked(m, nz, a, b)
			td, tk := scoreOf(exs, r, nz, func(e *example) bool { return e.fold != k }, mode)
			if o := objective(td, tk); o > bestObj {
				bestKey, bestObj = key, o
			}
			d, kp := score(exs, r, nz, k, mode)
			res[key] = [2]float64{d, kp}
			add(acc, key, d, kp)
		}
	}
	fmt.Printf("fold %d overlap chosen by the other folds: %s\n", k, bestKey)
	add(acc, "chosen", res[bestKey][0], res[bestKey][1])
}

// add appends a held fold's DUC and 500N figures to acc[key].
func add(acc map[string]*[2][]float64, key string, d, kp float64) {
	a := acc[key]
	if a == nil {
		a = &[2][]float64{}
		acc[key] = a
	}
	a[0], a[1] = append(a[0], d), append(a[1], kp)
}

func printOverlap(acc map[string]*[2][]float64, spec string) {
	subs, sups := parseGrid(spec)
	for _, a := range subs {
		for _, b := range sups {
			key := fmt.Sprintf("sub %.2f sup %.2f", a, b)
			fmt.Printf("overlap %s: DUC %s, 500N %s\n", key, spread(acc[key][0]), spread(acc[key][1]))
		}
	}
	fmt.Printf("overlap chosen: DUC %s, 500N %s\n", spread(acc["chosen"][0]), spread(acc["chosen"][1]))
}

// hedgeRanked interleaves the two experts' own rankings, expert 1 taking a
// share g of the places (weighted round robin on ranks; experiment:
// -hedge).
func hedgeRanked(m *ranker, pow float64) func(e *example) []string {
	return func(e *example) []string {
		cs := e.candidates()
		if len(cs) == 0 {
			return nil
		}
		g := m.Style(&e.feats[0])
		g = math.Pow(g, pow) / (math.Pow(g, pow) + math.Pow(1-g, pow))
		var rk [2][]int
		for x := range 2 {
			s := make([]float64, len(cs))
			for i := range cs {
				s[i] = m.dec.Experts[x].Eval(&cs[i].Features)
			}
			idx := keyphrase.Order(cs, s, -1)
			rk[x] = make([]int, len(cs))
			for r, i := range idx {
				rk[x][i] = r
			}
		}
		key := make([]float64, len(cs))
		for i := range cs {
			key[i] = -min((float64(rk[0][i])+0.5)/max(1-g, 1e-9), (float64(rk[1][i])+0.5)/max(g, 1e-9))
		}
		return e.top20(keyphrase.Order(cs, key, -1))
	}
}

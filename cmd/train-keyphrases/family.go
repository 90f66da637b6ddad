package main

import (
	"math"
	"slices"
	"strings"

	"github.com/lede-news/lede/internal/keyphrase"
)

// family fills, for every candidate of e, two experiment features in the
// slots that are always 0 with Options.NameParts off (-family): in the
// "part" slot, log(1 + the other candidates that hold all of its words)
// ("spill" of "oil spill" and "oil spills"), in "part*len", log(1 + the
// other candidates all of whose words it holds) ("oil spill" holds "oil"
// and "spill"). DUC-2001's readers rarely list a candidate of the first
// kind (8 of 125 lone words), 500N's crowd often (33 of 62: "ceremony"
// beside "wedding ceremony"): as features, each expert learns its own
// sign, where a re-ranking penalty (-overlap) imposes one.
func family(e *example) {
	words := make([][]string, len(e.texts))
	for i, t := range e.texts {
		for _, w := range strings.Fields(t) {
			k := keyphrase.Key(w)
			if !slices.Contains(words[i], k) {
				words[i] = append(words[i], k)
			}
		}
	}
	in := make([]int, len(words))
	holds := make([]int, len(words))
	for i := range words {
		for j := range words {
			if i == j || len(words[j]) <= len(words[i]) {
				continue
			}
			all := true
			for _, w := range words[i] {
				if !slices.Contains(words[j], w) {
					all = false
					break
				}
			}
			if all {
				in[i]++
				holds[j]++
			}
		}
	}
	for i := range e.feats {
		e.feats[i][keyphrase.FPart] = math.Log1p(float64(in[i]))
		e.feats[i][keyphrase.FPartLen] = math.Log1p(float64(holds[i]))
	}
}

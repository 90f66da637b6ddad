package summary

import (
	"math"
	"slices"

	"github.com/lede-news/lede/internal/doc"
	"github.com/lede-news/lede/internal/keyphrase"
	"github.com/lede-news/lede/internal/smallsort"
)

// SelectEager is Select as it was before its near copies were found
// lazily: every candidate's words read up front, and every candidate
// tested against each sentence as it is chosen (TestSelectLazy).
func SelectEager(d *doc.Document) []int {
	cands := bodySentences(d)
	if len(cands) == 0 {
		return nil
	}
	// the topics each sentence mentions
	units := make([]unit, 0, len(d.Keyphrases)+len(d.Entities))
	for _, p := range d.Keyphrases {
		units = append(units, unit{p.Score})
	}
	for _, e := range d.Entities {
		units = append(units, unit{0.5 * e.Salience})
	}
	mentions := func(u int) []doc.Mention {
		if u < len(d.Keyphrases) {
			return d.Keyphrases[u].Mentions
		}
		return d.Entities[u-len(d.Keyphrases)].Mentions
	}
	// covers: sentence -> unit ids. Slices by sentence, not maps: in wasm
	// every map probe hashes its key with the slow portable hash. Counted
	// first, then cut from one array (appended to, they grew some seventy
	// slices an article).
	ns := len(d.Sentences)
	covers := make([][]int, ns)
	lc := make([]int, 2*ns)
	last, count := lc[:ns], lc[ns:] // last: 1 + the last unit counted in (then added to) the sentence
	total := 0
	for u := range units {
		for _, m := range mentions(u) {
			if s := m.Sentence; s >= 0 && s < ns && last[s] != u+1 {
				last[s] = u + 1
				count[s]++
				total++
			}
		}
	}
	all := make([]int, total)
	for s, c := range count {
		covers[s], all = all[:0:c], all[c:]
		last[s] = 0
	}
	for u := range units {
		for _, m := range mentions(u) {
			if s := m.Sentence; s >= 0 && s < ns && last[s] != u+1 {
				last[s] = u + 1
				covers[s] = append(covers[s], u)
			}
		}
	}
	// Each candidate's words as sorted ids, and whether it nearly copies a
	// sentence already chosen (updated once per choice, not re-tested in
	// every round).
	words := allWordSets(d, cands)
	dup := make([]bool, len(cands))
	covered := make([]bool, len(units))
	var chosen []int
	first := 0.0
	for len(chosen) < maxSentences {
		best, bestRank, bestGain := -1, -1, 0.0
		for rank, s := range cands {
			if dup[rank] {
				continue
			}
			g := 0.0
			for _, u := range covers[s] {
				if !covered[u] {
					g += units[u].weight
				}
			}
			// position prior: the lede counts most, the tail least
			g = (g + 0.05) * (1 + 1/math.Sqrt(float64(rank+1)))
			if g > bestGain {
				best, bestRank, bestGain = s, rank, g
			}
		}
		if best < 0 {
			break
		}
		if len(chosen) == 0 {
			first = bestGain
		} else if len(chosen) >= minSentences && bestGain < stopRatio*first {
			break
		}
		chosen = append(chosen, best)
		for _, u := range covers[best] {
			covered[u] = true
		}
		dup[bestRank] = true
		for r := range cands {
			if !dup[r] && nearCopy(words[r], words[bestRank]) {
				dup[r] = true
			}
		}
	}
	return chosen
}

// allWordSets is wordSets as it was: every sentence's distinct words (by keyphrase.Key) as
// sorted ids, so that comparing two sentences is one merge.
func allWordSets(d *doc.Document, sents []int) [][]int32 {
	// sized for an article's distinct words: growing a map rehashes every
	// key, with wasm's slow portable hash. (A second map, from each word as
	// written to its id, was slower: most words are lower case already, so
	// Key allocates nothing for them.)
	ids := make(map[string]int32, 256)
	out := make([][]int32, len(sents))
	n := 0
	for _, s := range sents {
		n += d.Sentences[s].Last - d.Sentences[s].First
	}
	all := make([]int32, 0, n) // every set, one after the other
	for i, s := range sents {
		n := len(all)
		for t := d.Sentences[s].First; t < d.Sentences[s].Last; t++ {
			if d.Tokens[t].Kind != doc.Word {
				continue
			}
			k := keyphrase.Key(d.TokenText(t))
			id, ok := ids[k]
			if !ok {
				id = int32(len(ids))
				ids[k] = id
			}
			all = append(all, id)
		}
		set := all[n:]
		smallsort.Sort(set)
		set = slices.Compact(set)
		all = all[:n+len(set)]
		out[i] = set[:len(set):len(set)]
	}
	return out
}

// Package summary picks the two to four body sentences that together cover
// the article's main topics, best first.
//
// Selection is greedy maximal marginal relevance over keyphrase coverage
// (Carbonell & Goldstein 1998; coverage as in Gillick & Favre 2009): a
// sentence gains the scores of the keyphrases (and salient entities) it
// mentions that no chosen sentence mentions yet, weighted by a prior for
// position, since news puts the gist first. Covering a topic twice earns
// nothing, so a sentence that repeats a chosen one is not picked, and a
// near-copy (most words shared) is skipped outright.
package summary

import (
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/lede-news/lede/internal/doc"
	"github.com/lede-news/lede/internal/keyphrase"
	"github.com/lede-news/lede/internal/smallsort"
	"github.com/lede-news/lede/internal/strtab"
)

const (
	maxSentences = 4
	minSentences = 2
	minWords     = 6   // shorter sentences are captions, datelines, fragments
	maxWords     = 60  // longer ones are run-ons a reader would not want as a summary line
	stopRatio    = 0.3 // stop after two sentences once a sentence adds under this share of the first one's gain
	// maxCandidates bounds the sentences considered: a summary of a very
	// long paste comes from its first few hundred sentences, as a reader's would.
	maxCandidates = 400
)

// Annotate sets d.Summary: indices into d.Sentences, best first.
func Annotate(d *doc.Document) { d.Summary = Select(d) }

// unit is a topic a sentence can cover: a keyphrase or an entity.
type unit struct{ weight float64 }

// Select returns the summary sentences of d, best first.
func Select(d *doc.Document) []int {
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
	// Whether a candidate is ruled out: chosen, or a near copy of a chosen
	// sentence. A near copy is found when it first comes out best (its
	// words and the chosen sentences' read then, as sorted ids), not by
	// testing every candidate after each choice: the best of the others
	// is the same sentence, and the words of most sentences are never
	// read (TestSelectLazy holds Select to the eager test).
	words := newWordSets(d, cands)
	dup := make([]bool, len(cands))
	covered := make([]bool, len(units))
	var chosen, chosenRank []int
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
		if words.nearAny(bestRank, chosenRank) {
			dup[bestRank] = true
			continue
		}
		if len(chosen) == 0 {
			first = bestGain
		} else if len(chosen) >= minSentences && bestGain < stopRatio*first {
			break
		}
		chosen, chosenRank = append(chosen, best), append(chosenRank, bestRank)
		for _, u := range covers[best] {
			covered[u] = true
		}
		dup[bestRank] = true
	}
	return chosen
}

// bodySentences lists the sentences of body blocks that read as sentences:
// neither fragments nor run-ons. With no body (a bare list of lines), every
// sentence that is not a title, related link or boilerplate.
func bodySentences(d *doc.Document) []int {
	var body, loose, bodyAny []int
	for i, s := range d.Sentences {
		if s.Block < 0 || s.Block >= len(d.Blocks) {
			continue
		}
		n := 0
		for t := s.First; t < s.Last; t++ {
			if d.Tokens[t].Kind == doc.Word || d.Tokens[t].Kind == doc.Number {
				n++
			}
		}
		if n < minWords || n > maxWords {
			continue
		}
		switch d.Blocks[s.Block].Role {
		case doc.Body:
			bodyAny = append(bodyAny, i)
			if wellFormed(d, s) {
				body = append(body, i)
			}
		case doc.Title, doc.Byline, doc.Dateline, doc.Related, doc.Boilerplate:
		default:
			loose = append(loose, i)
		}
	}
	out := body
	if len(out) < minSentences && len(bodyAny) > len(out) {
		out = bodyAny // odd punctuation throughout: better fragments than nothing
	}
	if len(out) == 0 {
		out = loose
	}
	if len(out) > maxCandidates {
		out = out[:maxCandidates]
	}
	return out
}

// wellFormed reports whether a sentence reads as one on its own: it
// begins with a capital, a digit or an opening quote and ends with a full
// stop, question or exclamation mark (or a closing quote). A fragment of a
// badly split paragraph ("Wednesday that they plan to sue ...") does not.
func wellFormed(d *doc.Document, s doc.Sentence) bool {
	if s.Last <= s.First {
		return false
	}
	first := d.TokenText(s.First)
	r, _ := utf8.DecodeRuneInString(first)
	if !unicode.IsUpper(r) && !unicode.IsDigit(r) && !strings.ContainsRune("\"'\u201c\u2018(", r) {
		return false
	}
	last := d.TokenText(s.Last - 1)
	switch last {
	case ".", "!", "?", "\"", "'", "\u201d", "\u2019", "...", "\u2026", ")":
		return true
	}
	return strings.HasSuffix(last, ".") // "U.S." closing a sentence
}

// wordSets gives candidate sentences' distinct words (by keyphrase.Key)
// as sorted ids, so that comparing two sentences is one merge, each read
// when first asked for (get).
type wordSets struct {
	d     *doc.Document
	sents []int
	ids   strtab.Table // a word's id (its Key); a Go map hashed it the slow way in wasm
	set   [][]int32    // by candidate; nil: not read yet
	all   []int32      // the sets read so far, one after the other
}

func newWordSets(d *doc.Document, sents []int) *wordSets {
	// sized for the distinct words of the sentences Select reads (the
	// chosen ones and the near copies it turns down): growing a map
	// rehashes every key, with wasm's slow portable hash. Of the 410 texts
	// docs/benchmarks.md checks reports on, 400 reach here; the median
	// reads 72 words, all but one at most 112 (one reads 123 since q10's
	// truecasing, and grows the map once; len(words.ids) printed at the
	// end of Select, lede analyze --jsonl over them): room for 112 (a Go
	// map sized for 256 words took 13.7 KB, zeroed and then scanned by the
	// collector). (A second map, from each word as written to its id, was
	// slower: most words are lower case already, so Key allocates nothing
	// for them.)
	// all holds the words of the sentences read, as many as ids has room
	// for, before it grows (appended to from empty, it grew five or six
	// times an article)
	w := &wordSets{d: d, sents: sents, set: make([][]int32, len(sents)), all: make([]int32, 0, 128)}
	w.ids.Reset(112)
	return w
}

// get returns the words of candidate i.
func (w *wordSets) get(i int) []int32 {
	if w.set[i] != nil {
		return w.set[i]
	}
	d, s := w.d, w.d.Sentences[w.sents[i]]
	n := len(w.all)
	for t := s.First; t < s.Last; t++ {
		if d.Tokens[t].Kind != doc.Word {
			continue
		}
		id, _ := w.ids.Add(keyphrase.Key(d.TokenText(t)))
		w.all = append(w.all, id)
	}
	set := w.all[n:]
	smallsort.Sort(set)
	set = slices.Compact(set)
	w.all = w.all[:n+len(set)]
	w.set[i] = set[:len(set):len(set)]
	return w.set[i]
}

// nearAny reports whether candidate i nearly copies any of candidates of.
func (w *wordSets) nearAny(i int, of []int) bool {
	if len(of) == 0 {
		return false
	}
	a := w.get(i)
	for _, c := range of {
		if nearCopy(a, w.get(c)) {
			return true
		}
	}
	return false
}

// nearCopy reports whether most of a sentence's words are in another
// (Jaccard over 0.6): a lede repeated as a later paragraph, a wire update.
func nearCopy(a, b []int32) bool {
	shared := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			shared++
			i++
			j++
		}
	}
	union := len(a) + len(b) - shared
	return union > 0 && float64(shared)/float64(union) > 0.6
}

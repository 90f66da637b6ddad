package lang

import (
	"math"
	"sort"
)

// Alpha is the additive smoothing of trigram counts: a trigram a language
// never showed in training gets Alpha/(N + Alpha·V) of its probability mass.
const Alpha = 0.5

// Train builds a model from training text per language code: for each
// language, the keep most frequent trigrams of its script are kept, and
// every kept trigram gets, for every language of that script, its smoothed
// log-probability quantised to one of levels values (at most 256, one byte). A language's script is the one
// most of its training letters are in; languages of a single-language
// script (Greek, Hangul, Han, …) need no text and are ignored here. The
// temperature is 1 until Calibrate sets it. The result depends only on the
// input: ties are broken by trigram, languages are sorted by code.
func Train(texts map[string][]string, keep, levels int) *Model {
	type langCounts struct {
		code   string
		counts map[uint64]int
		total  int
	}
	byScript := map[Script][]*langCounts{}
	codes := make([]string, 0, len(texts))
	for c := range texts {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	for _, c := range codes {
		lc := &langCounts{code: c, counts: map[uint64]int{}}
		var letters [numScripts]int
		var perScript [numScripts]map[uint64]int
		for _, t := range texts[c] {
			l := Trigrams(t, func(s Script, tri [3]rune, _ bool) {
				if perScript[s] == nil {
					perScript[s] = map[uint64]int{}
				}
				perScript[s][key(tri)]++
			})
			for s := range l {
				letters[s] += l[s]
			}
		}
		best := Latin
		for s := Latin; s <= Arabic; s++ {
			if letters[s] > letters[best] {
				best = s
			}
		}
		if letters[best] == 0 || perScript[best] == nil {
			continue
		}
		lc.counts = perScript[best]
		for _, n := range lc.counts {
			lc.total += n
		}
		byScript[best] = append(byScript[best], lc)
	}
	m := &Model{temperature: 1}
	for s, ls := range byScript {
		kept := map[uint64]bool{}
		vocab := map[uint64]bool{}
		for _, lc := range ls {
			keys := make([]uint64, 0, len(lc.counts))
			for k := range lc.counts {
				keys = append(keys, k)
				vocab[k] = true
			}
			sort.Slice(keys, func(i, j int) bool {
				ci, cj := lc.counts[keys[i]], lc.counts[keys[j]]
				return ci > cj || ci == cj && keys[i] < keys[j]
			})
			for _, k := range keys[:min(keep, len(keys))] {
				kept[k] = true
			}
		}
		keys := make([]uint64, 0, len(kept))
		for k := range kept {
			keys = append(keys, k)
		}
		sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
		v := float64(len(vocab))
		logp := make([]float64, len(keys)*len(ls))
		lo, hi := math.Inf(1), math.Inf(-1)
		for i, k := range keys {
			for l, lc := range ls {
				x := math.Log((float64(lc.counts[k]) + Alpha) / (float64(lc.total) + Alpha*v))
				logp[i*len(ls)+l] = x
				lo, hi = math.Min(lo, x), math.Max(hi, x)
			}
		}
		g := &group{step: (hi - lo) / float64(levels-1), index: newTable(len(keys)), rows: make([]byte, len(logp))}
		if g.step == 0 {
			g.step = 1
		}
		for _, lc := range ls {
			g.langs = append(g.langs, lc.code)
		}
		for i, k := range keys {
			g.index.put(k, int32(i))
		}
		for i, x := range logp {
			g.rows[i] = byte(math.Round((x - lo) / g.step))
		}
		g.pack()
		m.groups[s] = g
	}
	return m
}

// Calibrate sets the model's temperature to the value, on a grid from 1 to
// 64, that minimises the log-loss of the posteriors on labelled held-out
// texts (cross-validation folds the model did not see), and returns it.
// Naive Bayes counts every trigram as independent evidence, so its raw
// posteriors are far too sure; dividing the scores by a temperature is the
// simplest calibration (Guo et al. 2017). Texts of a script-decided
// language, or of a language the model lacks, are skipped.
func (m *Model) Calibrate(texts, codes []string) float64 {
	type item struct {
		sums  []int32
		truth int
		step  float64
	}
	var items []item
	for i, t := range texts {
		s, sums := m.scores(t)
		g := m.groups[s]
		if g == nil {
			continue
		}
		truth := -1
		for l, c := range g.langs {
			if c == codes[i] {
				truth = l
			}
		}
		if truth >= 0 {
			items = append(items, item{sums, truth, g.step})
		}
	}
	bestT, bestLoss := 1.0, math.Inf(1)
	for t := 1.0; t <= 64; t *= math.Sqrt2 {
		loss := 0.0
		for _, it := range items {
			z, top := 0.0, it.sums[0]
			for _, s := range it.sums {
				top = max(top, s)
			}
			for _, s := range it.sums {
				z += math.Exp(float64(s-top) * it.step / t)
			}
			loss += math.Log(z) - float64(it.sums[it.truth]-top)*it.step/t
		}
		if loss < bestLoss {
			bestT, bestLoss = t, loss
		}
	}
	m.temperature = bestT
	return bestT
}

// scores returns the dominant alphabetic script of text and the score
// vector Decide would use.
func (m *Model) scores(text string) (Script, []int32) {
	sc := m.Score(text)
	best := Latin
	for s := Latin; s <= Arabic; s++ {
		if sc.letters[s] > sc.letters[best] {
			best = s
		}
	}
	return best, sc.sum(best)
}

// Size returns the number of kept trigrams and of languages with a table.
func (m *Model) Size() (trigrams, languages int) {
	for _, g := range m.groups {
		if g != nil {
			trigrams += g.index.n
			languages += len(g.langs)
		}
	}
	return
}

// SetTemperature sets the temperature the posteriors are divided by (see
// Calibrate).
func (m *Model) SetTemperature(t float64) { m.temperature = t }

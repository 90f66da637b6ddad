package main

import (
	"math"
	"math/rand/v2"
	"sort"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/lede-news/lede/internal/entity"
)

// wordStats collects what unlabelled text says about each folded word form.
type wordStats struct {
	ids    map[string]int32
	words  []string
	count  []int
	midCap []int // capitalised, not first in its sentence, in cased text
	midLow []int // lower case, not first, in cased text
	corpus []int32
}

func newWordStats() *wordStats { return &wordStats{ids: map[string]int32{}} }

func (ws *wordStats) id(w string) int32 {
	if id, ok := ws.ids[w]; ok {
		return id
	}
	id := int32(len(ws.words))
	ws.ids[w] = id
	ws.words = append(ws.words, w)
	ws.count = append(ws.count, 0)
	ws.midCap = append(ws.midCap, 0)
	ws.midLow = append(ws.midLow, 0)
	return id
}

// add records one sentence.
func (ws *wordStats) add(words []string, cased bool) {
	caps := 0
	for _, w := range words {
		if up, all := caseOf(w); up && all && len(w) > 1 {
			caps++
		}
	}
	if caps*2 > len(words) || entity.IsCapitalisedHeadline(words) {
		// a headline in capitals or title case says nothing about case
		// (IsTitleCase's first form only: the shipped lexicon, and so
		// model.bin, was built so; the Chicago form too is a retraining)
		cased = false
	}
	ws.corpus = append(ws.corpus, -1)
	for i, w := range words {
		id := ws.id(entity.Fold(w))
		ws.count[id]++
		ws.corpus = append(ws.corpus, id)
		if !cased || i == 0 {
			continue
		}
		if i > 0 && (words[i-1] == "\"" || words[i-1] == ":" || words[i-1] == "``") {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case unicode.IsUpper(r):
			ws.midCap[id]++
		case unicode.IsLower(r):
			ws.midLow[id]++
		}
	}
}

func caseOf(s string) (upper, allCaps bool) {
	r, _ := utf8.DecodeRuneInString(s)
	upper = unicode.IsUpper(r)
	allCaps = true
	for _, r := range s {
		if unicode.IsLetter(r) && !unicode.IsUpper(r) {
			allCaps = false
		}
	}
	return
}

// capRate buckets how often a word is capitalised inside sentences: "said"
// never, "Monday" always, "Bush" and "bush" in between.
func capRate(count, cp, lo int) uint8 {
	n := cp + lo
	if n == 0 && count >= 2 {
		return 7 // known, but only ever first in a sentence ("Additionally")
	}
	if n == 1 && lo == 1 {
		return 2 // seen once, in lower case: a common word, likely
	}
	if n < 2 {
		return 0
	}
	r := float64(cp) / float64(n)
	switch {
	case r < 0.02:
		return 1
	case r < 0.2:
		return 2
	case r < 0.5:
		return 3
	case r < 0.8:
		return 4
	case r < 0.98:
		return 5
	}
	return 6
}

type sparse struct {
	idx []int32
	val []float32
}

// clusters groups the vocab most frequent words by the words seen next to
// them: each word is a PPMI-weighted vector of its left and right neighbours
// among the ctx most frequent words, clustered by spherical k-means into
// fine clusters, whose centroids are clustered again into coarse ones. This
// is a cheap stand-in for Brown clusters with the same use: words that
// occur in the same places ("Clinton", "Yeltsin"; "Monday", "Tuesday") share
// a feature even when one was never seen in the labelled data.
func (ws *wordStats) clusters(vocab, ctx, fine, coarse int, seed uint64) (fineOf, coarseOf map[string]int) {
	order := make([]int32, len(ws.words))
	for i := range order {
		order[i] = int32(i)
	}
	sort.SliceStable(order, func(a, b int) bool {
		ca, cb := ws.count[order[a]], ws.count[order[b]]
		if ca != cb {
			return ca > cb
		}
		return ws.words[order[a]] < ws.words[order[b]]
	})
	vocab = min(vocab, len(order))
	for vocab > 0 && ws.count[order[vocab-1]] < 3 {
		vocab--
	}
	ctx = min(ctx, len(order))
	row := make(map[int32]int, vocab) // word id -> row
	col := make(map[int32]int32, ctx) // context word id -> column
	for i := 0; i < vocab; i++ {
		row[order[i]] = i
	}
	for i := 0; i < ctx; i++ {
		col[order[i]] = int32(i)
	}
	dim := 2 * (ctx + 1) // left and right; column ctx is the sentence edge
	counts := make([]map[int32]float32, vocab)
	for i := range counts {
		counts[i] = map[int32]float32{}
	}
	colTotal := make([]float64, dim)
	total := 0.0
	c := ws.corpus
	ctxOf := func(j int) int32 {
		if j < 0 || j >= len(c) || c[j] < 0 {
			return int32(ctx)
		}
		if k, ok := col[c[j]]; ok {
			return k
		}
		return -1
	}
	for j, id := range c {
		if id < 0 {
			continue
		}
		r, ok := row[id]
		if !ok {
			continue
		}
		if l := ctxOf(j - 1); l >= 0 {
			counts[r][l]++
			colTotal[l]++
			total++
		}
		if rr := ctxOf(j + 1); rr >= 0 {
			counts[r][int32(ctx+1)+rr]++
			colTotal[int32(ctx+1)+rr]++
			total++
		}
	}
	vecs := make([]sparse, vocab)
	for r, m := range counts {
		rowTotal := 0.0
		for _, v := range m {
			rowTotal += float64(v)
		}
		keys := make([]int32, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Slice(keys, func(a, b int) bool { return keys[a] < keys[b] })
		var s sparse
		norm := 0.0
		for _, k := range keys {
			pmi := math.Log(float64(m[k]) * total / (rowTotal * colTotal[k]))
			if pmi > 0 {
				s.idx = append(s.idx, k)
				s.val = append(s.val, float32(pmi))
				norm += pmi * pmi
			}
		}
		norm = math.Sqrt(norm)
		for i := range s.val {
			s.val[i] /= float32(max(norm, 1e-9))
		}
		vecs[r] = s
	}
	rng := rand.New(rand.NewPCG(seed, seed+1))
	assign, cents := kmeans(vecs, dim, fine, 15, rng)
	// coarse clusters: k-means over the fine centroids
	cvecs := make([]sparse, len(cents))
	for i, cv := range cents {
		var s sparse
		for k, v := range cv {
			if v != 0 {
				s.idx = append(s.idx, int32(k))
				s.val = append(s.val, v)
			}
		}
		cvecs[i] = s
	}
	cassign, _ := kmeans(cvecs, dim, coarse, 20, rng)
	fineOf = make(map[string]int, vocab)
	coarseOf = make(map[string]int, vocab)
	for r := 0; r < vocab; r++ {
		w := ws.words[order[r]]
		fineOf[w] = assign[r]
		coarseOf[w] = cassign[assign[r]]
	}
	return fineOf, coarseOf
}

// kmeans is spherical k-means (cosine similarity) with k-means++ seeding.
func kmeans(vecs []sparse, dim, k, iters int, rng *rand.Rand) ([]int, [][]float32) {
	k = min(k, len(vecs))
	cents := make([][]float32, 0, k)
	dense := func(s sparse) []float32 {
		c := make([]float32, dim)
		for i, ix := range s.idx {
			c[ix] = s.val[i]
		}
		return c
	}
	dot := func(s sparse, c []float32) float32 {
		var d float32
		for i, ix := range s.idx {
			d += s.val[i] * c[ix]
		}
		return d
	}
	// k-means++: distance 1 - cos to the nearest chosen centre
	best := make([]float32, len(vecs))
	for i := range best {
		best[i] = 2
	}
	cents = append(cents, dense(vecs[rng.IntN(len(vecs))]))
	for len(cents) < k {
		last := cents[len(cents)-1]
		sum := 0.0
		for i, v := range vecs {
			if d := 1 - dot(v, last); d < best[i] {
				best[i] = d
			}
			sum += float64(best[i] * best[i])
		}
		x := rng.Float64() * sum
		pick := len(vecs) - 1
		for i := range vecs {
			x -= float64(best[i] * best[i])
			if x <= 0 {
				pick = i
				break
			}
		}
		cents = append(cents, dense(vecs[pick]))
	}
	assign := make([]int, len(vecs))
	const workers = 4
	for it := 0; it < iters; it++ {
		var wg sync.WaitGroup
		for w := 0; w < workers; w++ {
			wg.Add(1)
			go func(w int) {
				defer wg.Done()
				for i := w; i < len(vecs); i += workers {
					bi, bs := 0, float32(-2)
					for c := range cents {
						if s := dot(vecs[i], cents[c]); s > bs {
							bi, bs = c, s
						}
					}
					assign[i] = bi
				}
			}(w)
		}
		wg.Wait()
		for c := range cents {
			clear(cents[c])
		}
		for i, v := range vecs {
			cc := cents[assign[i]]
			for j, ix := range v.idx {
				cc[ix] += v.val[j]
			}
		}
		for _, cc := range cents {
			n := float32(0)
			for _, x := range cc {
				n += x * x
			}
			if n > 0 {
				n = float32(math.Sqrt(float64(n)))
				for j := range cc {
					cc[j] /= n
				}
			}
		}
	}
	return assign, cents
}

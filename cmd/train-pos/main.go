// Command train-pos trains lede's part-of-speech tagger (package pos) on the
// POS column of CoNLL-2003's English training file and writes
// internal/pos/model.bin. It prints the tagger's accuracy on eng.testa.
//
//	go run ./cmd/train-pos [-data ../shared/data/ner/conll2003] [-out internal/pos/model.bin]
//
// Training is deterministic: a fixed seed shuffles the sentences, so the same
// data gives the same model byte for byte. See docs/models/pos.md.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/lede-news/lede/internal/pos"
)

type sentence struct{ words, tags []string }

func main() {
	data := flag.String("data", "../shared/data/ner/conll2003", "folder with eng.train and eng.testa")
	out := flag.String("out", "internal/pos/model.bin", "model file to write")
	bits := flag.Uint("bits", 17, "log2 of the number of feature hash buckets")
	iters := flag.Int("iters", 8, "training passes")
	prune := flag.Int("prune", 10, "drop quantised weights with |w| below this")
	levels := flag.Int("levels", 16, "round the kept weights' magnitudes to this many values (1-D k-means); 0 keeps every int8 value")
	decide := flag.Int("decide", 80, "drop the weights whose removal changes no tag of eng.train, keeping every token's lead at least min(this, its lead before); -1 drops none")
	flag.Parse()
	if err := run(*data, *out, *bits, *iters, *prune, *levels, *decide); err != nil {
		fmt.Fprintln(os.Stderr, "train-pos:", err)
		os.Exit(1)
	}
}

func run(data, out string, bits uint, iters, prune, levels, decide int) error {
	train, err := read(filepath.Join(data, "eng.train"))
	if err != nil {
		return err
	}
	test, err := read(filepath.Join(data, "eng.testa"))
	if err != nil {
		return err
	}
	// tags, most frequent first (ties by name) so the order is stable
	freq := map[string]int{}
	for _, s := range train {
		for _, t := range s.tags {
			freq[t]++
		}
	}
	var tags []string
	for t := range freq {
		tags = append(tags, t)
	}
	sort.Slice(tags, func(i, j int) bool {
		if freq[tags[i]] != freq[tags[j]] {
			return freq[tags[i]] > freq[tags[j]]
		}
		return tags[i] < tags[j]
	})
	index := map[string]int{}
	for i, t := range tags {
		index[t] = i
	}
	nt := len(tags)
	nb := 1 << bits
	w := make([]float32, nb*nt)
	tot := make([]float64, nb*nt)
	ts := make([]int32, nb*nt)
	step := int32(0)
	update := func(f uint32, t int, v float32) {
		k := int(f&uint32(nb-1))*nt + t
		tot[k] += float64(step-ts[k]) * float64(w[k])
		ts[k] = step
		w[k] += v
	}
	rng := rand.New(rand.NewPCG(2026, 4))
	order := make([]int, len(train))
	for i := range order {
		order[i] = i
	}
	scores := make([]float32, nt)
	var feats []uint32
	start := time.Now()
	for it := 0; it < iters; it++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		correct, total := 0, 0
		for _, si := range order {
			s := train[si]
			fz := pos.NewFeaturizer(s.words)
			p1, p2 := "-START-", "-START2-"
			for i := range s.words {
				step++
				feats = fz.Features(i, p1, p2, feats[:0])
				for t := range scores {
					scores[t] = 0
				}
				for _, f := range feats {
					row := w[int(f&uint32(nb-1))*nt:][:nt]
					for t, v := range row {
						scores[t] += v
					}
				}
				guess := 0
				for t, v := range scores {
					if v > scores[guess] {
						guess = t
					}
				}
				gold := index[s.tags[i]]
				if guess != gold {
					for _, f := range feats {
						update(f, gold, 1)
						update(f, guess, -1)
					}
				} else {
					correct++
				}
				total++
				p2, p1 = p1, tags[guess]
			}
		}
		fmt.Printf("pass %d: training accuracy %.2f%%\n", it+1, 100*float64(correct)/float64(total))
	}
	// average, then quantise to int8 with one scale for the whole table
	avg := make([]float64, len(w))
	var mags []float64
	for k := range w {
		a := (tot[k] + float64(step-ts[k])*float64(w[k])) / float64(step)
		avg[k] = a
		if a != 0 {
			mags = append(mags, math.Abs(a))
		}
	}
	sort.Float64s(mags)
	scale := mags[len(mags)*9999/10000] / 127 // clip the top 0.01 %
	q := make([]int8, len(w))
	kept := 0
	for k, a := range avg {
		v := math.Round(a / scale)
		v = math.Max(-127, math.Min(127, v))
		if int(math.Abs(v)) >= prune {
			q[k] = int8(v)
			kept++
		}
	}
	if levels > 0 {
		codebook(q, prune, levels)
	}
	if decide >= 0 {
		n := pruneByDecisions(q, nt, bits, train, tags, int32(decide))
		kept -= n
		fmt.Printf("%d weights dropped that change no tag of eng.train\n", n)
	}
	model := pos.Encode(tags, bits, q)
	m, err := pos.Decode(model)
	if err != nil {
		return err
	}
	right, all := 0, 0
	for _, s := range test {
		got := m.TagWords(s.words)
		for i := range got {
			if got[i] == s.tags[i] {
				right++
			}
			all++
		}
	}
	fmt.Printf("trained in %s; %d tags, 2^%d buckets, %d weights kept (|q| >= %d)\n", time.Since(start).Round(time.Second), nt, bits, kept, prune)
	fmt.Printf("eng.testa accuracy: %.2f%% (%d/%d tokens); model %d bytes\n", 100*float64(right)/float64(all), right, all, len(model))
	return os.WriteFile(out, model, 0o644)
}

// codebook rounds every nonzero weight of q to the nearest of k magnitudes
// (the sign kept), chosen by 1-D k-means over the magnitudes (Lloyd's
// iterations from k values spread evenly over [lo, 127]), so the entries
// take fewer distinct values and compress better; the decoder is the same.
func codebook(q []int8, lo, k int) {
	var hist [128]int
	for _, v := range q {
		if v != 0 {
			hist[abs8(v)]++
		}
	}
	c := make([]float64, k)
	for i := range c {
		c[i] = float64(lo) + (127-float64(lo))*float64(i)/float64(max(k-1, 1))
	}
	near := func(m int) int {
		best := 0
		for i := range c {
			if math.Abs(float64(m)-c[i]) < math.Abs(float64(m)-c[best]) {
				best = i
			}
		}
		return best
	}
	for it := 0; it < 100; it++ {
		sum, n := make([]float64, k), make([]float64, k)
		for m, h := range hist {
			if h > 0 {
				i := near(m)
				sum[i] += float64(m * h)
				n[i] += float64(h)
			}
		}
		for i := range c {
			if n[i] > 0 {
				c[i] = sum[i] / n[i]
			}
		}
	}
	for i, v := range q {
		if v != 0 {
			m := int8(math.Round(c[near(abs8(v))]))
			if v < 0 {
				m = -m
			}
			q[i] = m
		}
	}
}

func abs8(v int8) int {
	if v < 0 {
		return -int(v)
	}
	return int(v)
}

// read loads a CoNLL-2003 file: token, POS, chunk, NE per line; blank lines
// end sentences. The odd "NN|SYM" tag is read as NN.
func read(path string) ([]sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("%v (the CoNLL-2003 data lives in ../shared/data/ner/conll2003)", err)
	}
	defer f.Close()
	var out []sentence
	var cur sentence
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fs := strings.Fields(sc.Text())
		if len(fs) < 2 || fs[0] == "-DOCSTART-" {
			if len(cur.words) > 0 {
				out = append(out, cur)
				cur = sentence{}
			}
			continue
		}
		t := fs[1]
		if t == "NN|SYM" {
			t = "NN"
		}
		cur.words = append(cur.words, fs[0])
		cur.tags = append(cur.tags, t)
	}
	if len(cur.words) > 0 {
		out = append(out, cur)
	}
	return out, sc.Err()
}

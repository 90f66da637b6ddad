package main

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/lede-news/lede/internal/pos"
)

func TestCodebook(t *testing.T) {
	for _, c := range []struct {
		name   string
		lo, k  int
		values int // distinct nonzero weights in
	}{
		{"24 magnitudes of everything from 10", 10, 24, 200},
		{"4 magnitudes", 10, 4, 200},
		{"more magnitudes than values", 10, 64, 20},
	} {
		rng := rand.New(rand.NewPCG(1, 2))
		q := make([]int8, 5000)
		for i := range q {
			if i%3 == 0 {
				continue // zeros stay zeros
			}
			m := c.lo + rng.IntN(min(c.values, 128-c.lo))
			q[i] = int8(m)
			if rng.IntN(2) == 0 {
				q[i] = -q[i]
			}
		}
		orig := append([]int8(nil), q...)
		codebook(q, c.lo, c.k)
		mags := map[int]bool{}
		for i, v := range q {
			if (v == 0) != (orig[i] == 0) || (v < 0) != (orig[i] < 0) {
				t.Fatalf("%s: weight %d became %d", c.name, orig[i], v)
			}
			if v != 0 {
				mags[abs8(v)] = true
				if d := abs8(v) - abs8(orig[i]); d*d > (128/c.k+1)*(128/c.k+1) {
					t.Errorf("%s: weight %d rounded to %d", c.name, orig[i], v)
				}
			}
		}
		if len(mags) > c.k {
			t.Errorf("%s: %d magnitudes, want at most %d", c.name, len(mags), c.k)
		}
	}
}

// greedy tags sentence s with the dense table q as the tagger does (the
// first of equal scores), returning each token's tag and lead.
func greedy(q []int8, nt int, bits uint, s sentence, tags []string) (dec []int, leads []int32) {
	fz := pos.NewFeaturizer(s.words)
	p1, p2 := "-START-", "-START2-"
	var feats []uint32
	for i := range s.words {
		feats = fz.Features(i, p1, p2, feats[:0])
		row := make([]int32, nt)
		for _, f := range feats {
			for t, v := range q[int(f&(1<<bits-1))*nt:][:nt] {
				row[t] += int32(v)
			}
		}
		best := 0
		for t, v := range row {
			if v > row[best] {
				best = t
			}
		}
		lead := int32(1 << 30)
		for u, v := range row {
			if u != best {
				if u < best {
					v++
				}
				lead = min(lead, row[best]-v)
			}
		}
		dec, leads = append(dec, best), append(leads, lead)
		p2, p1 = p1, tags[best]
	}
	return dec, leads
}

func TestPruneByDecisions(t *testing.T) {
	tags := []string{"NN", "VB", "DT", "JJ", "IN"}
	words := strings.Fields("the cat sat on a mat while the old dog ran to an open door in the night")
	rng := rand.New(rand.NewPCG(3, 4))
	var sents []sentence
	for k := 0; k < 40; k++ {
		n := 3 + rng.IntN(8)
		var s sentence
		for i := 0; i < n; i++ {
			s.words = append(s.words, words[rng.IntN(len(words))])
		}
		sents = append(sents, s)
	}
	const bits, nt = 8, 5
	for _, c := range []struct {
		name   string
		margin int32
	}{
		{"no decision changes", 0},
		{"leads kept up to 20", 20},
		{"leads kept up to 1000 (all)", 1000},
	} {
		q := make([]int8, nt<<bits)
		for i := range q {
			if rng.IntN(3) == 0 {
				q[i] = int8(rng.IntN(255) - 127)
			}
		}
		orig := append([]int8(nil), q...)
		dropped := pruneByDecisions(q, nt, bits, sents, tags, c.margin)
		zeroed := 0
		for i := range q {
			if q[i] != orig[i] {
				if q[i] != 0 {
					t.Fatalf("%s: weight %d changed to %d, not dropped", c.name, orig[i], q[i])
				}
				zeroed++
			}
		}
		if zeroed != dropped {
			t.Errorf("%s: %d weights zeroed, %d reported", c.name, zeroed, dropped)
		}
		if c.margin == 0 && dropped == 0 {
			t.Errorf("%s: nothing dropped", c.name)
		}
		for _, s := range sents {
			d0, l0 := greedy(orig, nt, bits, s, tags)
			d1, l1 := greedy(q, nt, bits, s, tags)
			for i := range d0 {
				if d0[i] != d1[i] {
					t.Fatalf("%s: %q word %d: tag %d became %d", c.name, s.words, i, d0[i], d1[i])
				}
				if l1[i] < min(c.margin, l0[i]) {
					t.Errorf("%s: %q word %d: lead %d fell to %d", c.name, s.words, i, l0[i], l1[i])
				}
			}
		}
		t.Logf("%s: %d of %d weights dropped", c.name, dropped, nonzero(orig))
	}
}

func nonzero(q []int8) int {
	n := 0
	for _, v := range q {
		if v != 0 {
			n++
		}
	}
	return n
}

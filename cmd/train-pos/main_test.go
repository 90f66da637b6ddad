package main

import (
	"math/rand/v2"
	"testing"
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

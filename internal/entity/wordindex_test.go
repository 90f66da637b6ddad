package entity

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
)

// TestWordIndex holds wordIndex to a map[string]int32: words put are found
// with their index, others are not, through growth and after reset.
func TestWordIndex(t *testing.T) {
	tests := []struct {
		name  string
		words []string
	}{
		{"none", nil},
		{"a few", []string{"Trump", "trump", "", "the", "Seoul"}},
		{"past growth", func() (w []string) {
			for i := range 1000 {
				w = append(w, "w"+strconv.Itoa(i))
			}
			return w
		}()},
	}
	// each word put by put, or by probe and putAt as the tagger does, into
	// a new index and, in the second round, after reset
	for _, byProbe := range []bool{false, true} {
		var x wordIndex
		for _, tt := range tests {
			for round := range 2 { // the second after reset
				want := map[string]int32{}
				for i, w := range tt.words {
					if byProbe {
						id, ok, h, slot := x.probe(w)
						if ok {
							t.Errorf("%s: probe(%q) found %d before it was put", tt.name, w, id)
						}
						x.putAt(w, h, slot, int32(i))
						if id, ok, _, _ := x.probe(w); !ok || id != int32(i) {
							t.Errorf("%s: probe(%q) = %d, %v after putAt, want %d", tt.name, w, id, ok, i)
						}
					} else {
						x.put(w, int32(i))
					}
					want[w] = int32(i)
				}
				if x.len() != len(want) {
					t.Errorf("%s: len %d, want %d", tt.name, x.len(), len(want))
				}
				for w, id := range want {
					if got, ok := x.get(w); !ok || got != id {
						t.Errorf("%s round %d: get(%q) = %d, %v; want %d", tt.name, round, w, got, ok, id)
					}
				}
				for _, w := range []string{"missing", "w1000", "Trum", "x"} {
					if _, ok := x.get(w); ok && want[w] == 0 {
						if _, in := want[w]; !in {
							t.Errorf("%s: get(%q) found a word never put", tt.name, w)
						}
					}
				}
				n := 0
				x.all(func(w string, id int32) {
					if want[w] != id {
						t.Errorf("%s: all gave %q %d, want %d", tt.name, w, id, want[w])
					}
					n++
				})
				if n != len(want) {
					t.Errorf("%s: all gave %d words, want %d", tt.name, n, len(want))
				}
				x.reset(100)
				if x.len() != 0 {
					t.Errorf("%s: len %d after reset", tt.name, x.len())
				}
			}
		}
	}
}

// TestWordIndexCollisions puts words whose FNV-1a hashes (with the
// published offset basis, which anyone can compute) share their low or
// their top bits, as a crafted page could against an unkeyed hash: they all
// want one slot, and every lookup walks a run of them (a document of 8,192
// such words tagged ~7x slower per token). Under the keyed hash they must
// spread as other words do, for every key tried: a few probes each on
// average (1.3 expected at this load). The FNV-1a table this replaced, from
// a random offset basis, failed this for one key in 256 (19 probes).
func TestWordIndexCollisions(t *testing.T) {
	const n, bits, keys = 200, 9, 2000 // 200 words fill 512 slots to 39%
	fnv := func(w string) uint32 {
		h := uint32(2166136261)
		for i := 0; i < len(w); i++ {
			h = (h ^ uint32(w[i])) * 16777619
		}
		return h
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for _, tt := range []struct {
		name string
		part func(h uint32) uint32
	}{
		{"low bits", func(h uint32) uint32 { return h & (1<<bits - 1) }},
		{"top bits", func(h uint32) uint32 { return h >> (32 - bits) }},
	} {
		var words []string
		for i := 0; len(words) < n; i++ {
			if w := "w" + strconv.Itoa(i); tt.part(fnv(w)) == 0 {
				words = append(words, w)
			}
		}
		worst := 0.0
		for k := 0; k < keys; k++ {
			var x wordIndex
			x.grow()
			x.seed = 1 + rng.Uint64N(1<<30-1)
			for i, w := range words {
				x.put(w, int32(i))
			}
			if len(x.slots) != 1<<bits {
				t.Fatalf("%s: %d slots, want %d", tt.name, len(x.slots), 1<<bits)
			}
			mask := uint32(len(x.slots) - 1)
			probes := 0
			for i, s := range x.slots {
				if s.id != 0 {
					probes += int((uint32(i)-s.h>>x.shift)&mask) + 1 // from the word's first slot to its own
				}
			}
			worst = max(worst, float64(probes)/n)
			for i, w := range words {
				if id, ok := x.get(w); !ok || id != int32(i) {
					t.Fatalf("%s, key %d: get(%q) = %d, %v; want %d", tt.name, x.seed, w, id, ok, i)
				}
			}
		}
		if worst > 4 {
			t.Errorf("%s: a lookup of a held word probes %.1f slots on average under one of %d keys, want a few", tt.name, worst, keys)
		}
		t.Logf("%s: at worst %.2f probes a word on average over %d keys", tt.name, worst, keys)
	}
}

// all calls f with each word held and its index, in no order (for tests:
// the tagger only looks words up).
func (x *wordIndex) all(f func(w string, id int32)) {
	for _, s := range x.slots {
		if s.id != 0 {
			f(s.w, s.id-1)
		}
	}
}

// TestWordHashPolynomial holds wordHash to its definition: the word's
// polynomial at the point seed, reduced modulo 2^31-1, then spread. The
// guarantee TestWordIndexCollisions relies on (two words of L bytes agree
// at no more than L points) holds only if no product overflows 64 bits;
// the seeds near the top of their range and the long words are where a sum
// left unbounded grows until h*seed wraps (a fold a byte with seeds up to
// 2^31 let it grow by up to 2^31 a byte: wrapped after 9 bytes of 0xff).
func TestWordHashPolynomial(t *testing.T) {
	const p = 1<<31 - 1
	long := strings.Repeat("\xff", 64)
	words := []string{"", "a", "Trump", "Kennedy-Onassis-International", long, strings.Repeat("zy", 100)}
	seeds := []uint64{1, 2, 1 << 29, 1<<30 - 2, 1<<30 - 1}
	r := rand.New(rand.NewPCG(1, 2))
	for range 20 {
		seeds = append(seeds, 1+r.Uint64N(1<<30-1)) // as grow draws them
	}
	for range 1000 {
		var x wordIndex
		if x.grow(); x.seed == 0 || x.seed >= 1<<30 {
			t.Fatalf("grow drew the point %d, outside [1, 2^30)", x.seed)
		}
	}
	for _, seed := range seeds {
		for _, w := range words {
			h := uint64(0)
			for i := 0; i < len(w); i++ {
				h = (h*seed + uint64(w[i]) + 1) % p // h < p: no overflow
			}
			want := uint32(h * 0x9E3779B97F4A7C15 >> 32)
			if got := wordHash(seed, w); got != want {
				t.Errorf("wordHash(%d, %d bytes %.8q) = %#x, want %#x (the polynomial %d mod p)", seed, len(w), w, got, want, h)
			}
		}
	}
}

package entity

import (
	"math/bits"
	"math/rand/v2"
)

// wordIndex maps the words of a document to their index in Tagger.known and
// Tagger.infos, as a map[string]int32 would: an open-addressing table
// (linear probing, at most half full) keyed by a 32-bit hash of the word.
// The tagger asks it about every token. In wasm, where Go's maps hash
// strings without the processor's AES instructions, a map lookup cost more
// than the rest of a repeated word's work; the hash here is a multiply and
// a few integer operations a byte (as fast as FNV-1a in wasm, 3x faster
// than hash/maphash there), and most probes end at the first slot.
//
// The hash is keyed, as a map's is, so that a page cannot be written whose
// words all want one slot (every lookup would then walk a run of thousands;
// TestWordIndexCollisions): a word is read as a polynomial, its bytes (plus
// one) the coefficients, evaluated at a point r drawn at random when the
// table is made, modulo the prime 2^31-1. Two different words of at most L
// bytes get the same value for at most L of the 2^30-1 points drawn
// from, whatever the page. (An unkeyed FNV-1a from a random offset basis
// was used before: its collisions carry over to every basis that shares the published one's
// low byte, one table in 256.)
type wordIndex struct {
	slots []wordSlot // a power of two long
	n     int        // words held
	seed  uint64     // the hash's point r, in [1, 2^30), drawn with slots
	shift uint8      // a hash's first slot is h >> shift: 32 - log2(len(slots))
}

// wordSlot is one word of a wordIndex; id 0 marks an empty slot.
type wordSlot struct {
	w  string
	h  uint32
	id int32 // 1 + the word's index
}

// wordHash is w's polynomial hash at point seed modulo 2^31-1, spread over
// 32 bits by a multiply (a word's first slot is the result's top bits).
// seed < 2^30 keeps every sum below 2^32 with one fold a byte: then h*seed
// < 2^62 never wraps, and h, a sum of residues, is made the residue once,
// at the end (TestWordHashPolynomial).
func wordHash(seed uint64, w string) uint32 {
	const p = 1<<31 - 1
	h := uint64(0)
	for i := 0; i < len(w); i++ {
		h = h*seed + uint64(w[i]) + 1 // h < 2^32, seed < 2^30: below 2^62
		h = (h & p) + h>>31           // at most (2^31-1) + (2^31-1): h <= 2p
	}
	if h >= p { // h <= 2p: at most twice p too many
		h -= p
	}
	if h >= p {
		h -= p
	}
	return uint32(h * 0x9E3779B97F4A7C15 >> 32)
}

// len returns the number of words held.
func (x *wordIndex) len() int { return x.n }

// get returns the index of w and whether it is held.
func (x *wordIndex) get(w string) (int32, bool) {
	if x.n == 0 {
		return 0, false
	}
	h := wordHash(x.seed, w)
	mask := uint32(len(x.slots) - 1)
	for i := h >> x.shift; ; i = (i + 1) & mask {
		s := &x.slots[i]
		if s.id == 0 {
			return 0, false
		}
		if s.h == h && s.w == w {
			return s.id - 1, true
		}
	}
}

// probe is get for a word that the caller will put if it is not held: it
// also returns w's hash and the free slot where put would place it (-1
// before the table has any), for putAt, so that a new word is hashed and
// probed once.
func (x *wordIndex) probe(w string) (id int32, ok bool, h uint32, slot int32) {
	if len(x.slots) == 0 {
		return 0, false, 0, -1
	}
	h = wordHash(x.seed, w)
	mask := uint32(len(x.slots) - 1)
	for i := h >> x.shift; ; i = (i + 1) & mask {
		s := &x.slots[i]
		if s.id == 0 {
			return 0, false, h, int32(i)
		}
		if s.h == h && s.w == w {
			return s.id - 1, true, h, 0
		}
	}
}

// putAt is put(w, id) for a word probe did not find, given its hash and
// slot; nothing was put since the probe.
func (x *wordIndex) putAt(w string, h uint32, slot int32, id int32) {
	if slot < 0 || 2*(x.n+1) > len(x.slots) {
		x.put(w, id) // the table grows: w is hashed and placed anew
		return
	}
	x.slots[slot] = wordSlot{w: w, h: h, id: id + 1}
	x.n++
}

// put holds w with index id; w must not be held already.
func (x *wordIndex) put(w string, id int32) {
	if 2*(x.n+1) > len(x.slots) {
		x.grow()
	}
	x.insert(wordSlot{w: w, h: wordHash(x.seed, w), id: id + 1})
	x.n++
}

// insert places s in the first free slot of its probe sequence.
func (x *wordIndex) insert(s wordSlot) {
	mask := uint32(len(x.slots) - 1)
	i := s.h >> x.shift
	for x.slots[i].id != 0 {
		i = (i + 1) & mask
	}
	x.slots[i] = s
}

// grow doubles the table (256 slots at first, with a new seed) and places
// the words again.
func (x *wordIndex) grow() {
	old := x.slots
	if len(old) == 0 {
		x.seed = 1 + rand.Uint64N(1<<30-1) // no word is held: none was hashed with the last
	}
	x.slots = make([]wordSlot, max(256, 2*len(old)))
	x.shift = uint8(bits.LeadingZeros32(uint32(len(x.slots)))) + 1
	for _, s := range old {
		if s.id != 0 {
			x.insert(s)
		}
	}
}

// reset empties the index, keeping its memory unless it held more than
// keep words (a long document's words should not stay in memory after it).
func (x *wordIndex) reset(keep int) {
	if x.n > keep {
		x.slots = nil
	} else {
		clear(x.slots)
	}
	x.n = 0
}

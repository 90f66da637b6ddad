package entity

import (
	"math/bits"
	"math/rand/v2"
)

// wordIndex maps the words of a document to their index in Tagger.known and
// Tagger.infos, as a map[string]int32 would: an open-addressing table
// (linear probing, at most half full) keyed by a 32-bit FNV-1a hash of the
// word. The tagger asks it about every token. In wasm, where Go's maps
// hash strings without the processor's AES instructions, a map lookup cost
// more than the rest of a repeated word's work; the hash here is a few
// integer operations a byte, and most probes end at the first slot.
//
// The hash starts from a random seed drawn when the table is made, as a
// map's does, and a word's first slot is given by the hash's top bits, which
// depend on all of the seed: with FNV-1a's published offset basis anyone
// can write a page of words that all want one slot, and every lookup would
// then walk a run of thousands (TestWordIndexCollisions). (The low bits
// would not do: FNV-1a's low k bits depend on the seed's low k bits alone,
// so one seed in 2^k would keep such a page's collisions.)
type wordIndex struct {
	slots []wordSlot // a power of two long
	n     int        // words held
	seed  uint32     // the hash's offset basis, drawn with slots
	shift uint8      // a hash's first slot is h >> shift: 32 - log2(len(slots))
}

// wordSlot is one word of a wordIndex; id 0 marks an empty slot.
type wordSlot struct {
	w  string
	h  uint32
	id int32 // 1 + the word's index
}

// wordHash is the 32-bit FNV-1a hash of w from offset basis seed.
func wordHash(seed uint32, w string) uint32 {
	h := seed
	for i := 0; i < len(w); i++ {
		h = (h ^ uint32(w[i])) * 16777619
	}
	return h
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
		x.seed = rand.Uint32() // no word is held: none was hashed with the last
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

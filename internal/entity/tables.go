package entity

import (
	"sort"
)

// The model's tables are laid out at training time exactly as the tagger
// reads them, so loading the embedded model builds nothing: every table is
// a slice over the embedded bytes (layout.go). Two layouts serve all three
// tables, both buckets of a sorted list:
//
//   - the weights and the gazetteer (keyIndex): 32-bit hash keys, sorted;
//     bucket b (the top 16 bits) holds a run of them, of which only the low
//     16 bits are stored. A lookup reads the bucket's offset and compares
//     one or two 16-bit keys: the index (128 KB of offsets, 2 bytes a key)
//     stays in cache, and the rows are read only for a key that is there.
//     Stored hashes are random and do not compress: half of them is the
//     saving that matters after brotli.
//   - the lexicon: words sorted by hash, and for each of 2^b buckets of the
//     hash space the offset of its first word. No hash is stored; a lookup
//     compares the two or three words of its bucket.

// keyBits is the bucket of a key: its top 16 bits.
const keyBits = 16

// keyIndex finds sorted distinct 32-bit keys. The keys of bucket b are
// lows[first(b):first(b+1)], first(b) = block[b>>blockBits] + off[b]: 16-bit
// offsets with a 32-bit base every 2^blockBits buckets.
type keyIndex struct {
	block     []uint32
	off       []uint16 // 2^keyBits + 1
	lows      []uint16
	blockBits uint
}

// newKeyIndex indexes sorted distinct keys.
func newKeyIndex(keys []uint32) keyIndex {
	nb := 1 << keyBits
	x := keyIndex{blockBits: 10}
	// smaller blocks when a block's keys would not fit 16-bit offsets
	for {
		fits, start := true, 0
		for i, k := range keys {
			if int(k>>keyBits)>>x.blockBits != int(keys[start]>>keyBits)>>x.blockBits {
				start = i
			}
			if i-start >= 1<<16-1 {
				fits = false
				break
			}
		}
		if fits || x.blockBits == 0 {
			break
		}
		x.blockBits--
	}
	x.block = make([]uint32, nb>>x.blockBits+1)
	x.off = make([]uint16, nb+1)
	x.lows = make([]uint16, len(keys))
	i := 0
	for b := 0; b <= nb; b++ {
		if b&(1<<x.blockBits-1) == 0 {
			x.block[b>>x.blockBits] = uint32(i)
		}
		x.off[b] = uint16(i - int(x.block[b>>x.blockBits]))
		for i < len(keys) && int(keys[i]>>keyBits) == b {
			x.lows[i] = uint16(keys[i])
			i++
		}
	}
	return x
}

// find returns the index of key k, or -1.
func (x *keyIndex) find(k uint32) int {
	if len(x.off) == 0 {
		return -1
	}
	b := k >> keyBits
	i := x.block[b>>x.blockBits] + uint32(x.off[b])
	end := x.block[(b+1)>>x.blockBits] + uint32(x.off[b+1])
	for low := uint16(k); i < end; i++ {
		if x.lows[i] == low {
			return int(i)
		}
	}
	return -1
}

func (x *keyIndex) encode(o *writer) {
	o.u32(uint32(x.blockBits), uint32(len(x.lows)))
	o.u32(x.block...)
	o.u16(x.off)
	o.u16(x.lows)
}

func (x *keyIndex) decode(s *section) {
	h := s.u32(2)
	if s.err || h[0] > keyBits || h[1] > uint32(len(s.b)) {
		s.err = true
		return
	}
	x.blockBits = uint(h[0])
	x.block = s.u32(1<<keyBits>>x.blockBits + 1)
	x.off = s.u16(1<<keyBits + 1)
	x.lows = s.u16(int(h[1]))
	if !s.err && x.block[len(x.block)-1]+uint32(x.off[1<<keyBits]) != h[1] {
		s.err = true
	}
}

// lexicon maps a folded word to what the unlabelled text says about it.
// Words are records in data — a length byte, the word, a little-endian
// uint16 entry (fine cluster | capitalisation rate<<12) — sorted by the
// word's hash; start[b] is the offset of the first record of hash bucket b.
type lexicon struct {
	data   []byte
	start  []uint32 // 2^bits+1 record offsets
	shift  uint     // a word's bucket is its hash >> shift
	coarse []uint16 // coarse cluster of each fine cluster (index fine)
	n      int      // words
}

func lexHash(w string) uint32 { return uint32(newHash(0).str(w)) }

// maxFine bounds the fine cluster numbers a lexicon entry holds (12 bits).
const maxFine = 1<<12 - 1

// newLexicon lays out a lexicon. The coarse cluster must be a function of
// the fine one (cmd/train-ner clusters the fine clusters' centroids), so it
// is stored once per fine cluster. Words longer than 255 bytes and clusters
// above maxFine are left out.
func newLexicon(m map[string]LexEntry) lexicon {
	type hw struct {
		h uint32
		w string
	}
	words := make([]hw, 0, len(m))
	for w := range m {
		if len(w) <= 255 {
			words = append(words, hw{lexHash(w), w})
		}
	}
	sort.Slice(words, func(i, j int) bool {
		if words[i].h != words[j].h {
			return words[i].h < words[j].h
		}
		return words[i].w < words[j].w
	})
	bits := uint(4)
	for 1<<(bits+2) < len(words) {
		bits++
	}
	l := lexicon{shift: 32 - bits, start: make([]uint32, 1<<bits+1), n: len(words)}
	b := 0
	for _, x := range words {
		for ; b <= int(x.h>>l.shift); b++ {
			l.start[b] = uint32(len(l.data))
		}
		e := m[x.w]
		if e.Fine > maxFine {
			e.Fine = 0
		}
		l.data = append(l.data, byte(len(x.w)))
		l.data = append(l.data, x.w...)
		l.data = append(l.data, byte(e.Fine), byte(e.Fine>>8)|e.CapRate<<4)
		if e.Fine != 0 {
			for len(l.coarse) <= int(e.Fine) {
				l.coarse = append(l.coarse, 0)
			}
			if l.coarse[e.Fine] == 0 {
				l.coarse[e.Fine] = e.Coarse
			}
		}
	}
	for ; b < len(l.start); b++ {
		l.start[b] = uint32(len(l.data))
	}
	return l
}

// get returns the entry of a folded word.
func (l *lexicon) get(w string) (LexEntry, bool) {
	if l.n == 0 {
		return LexEntry{}, false
	}
	b := lexHash(w) >> l.shift
	for p, end := int(l.start[b]), int(l.start[b+1]); p < end; {
		n := int(l.data[p])
		if n == len(w) && string(l.data[p+1:p+1+n]) == w {
			lo, hi := l.data[p+1+n], l.data[p+2+n]
			e := LexEntry{Fine: uint16(lo) | uint16(hi&15)<<8, CapRate: hi >> 4}
			if int(e.Fine) < len(l.coarse) {
				e.Coarse = l.coarse[e.Fine]
			}
			return e, true
		}
		p += n + 3
	}
	return LexEntry{}, false
}

// gazetteer maps a gazKey to its bit set of types (bits 0-3: a name of that
// type; bits 4-7: part of a longer name of that type). Keys are folded to
// 32 bits (gazKey32).
type gazetteer struct {
	index keyIndex
	vals  []uint8 // by key index
	n     int
}

// gazKey32 folds a 64-bit gazetteer key to the table's 32 bits.
func gazKey32(k uint64) uint32 { return hash(k).key() }

func (g *gazetteer) get(k uint64) (uint8, bool) {
	if g.n == 0 {
		return 0, false
	}
	if i := g.index.find(gazKey32(k)); i >= 0 {
		return g.vals[i], true
	}
	return 0, false
}

// newGazetteer lays out a gazetteer. Two keys that fold to the same 32 bits
// (about one chance in 100 for 30,000 names) share the union of their types.
func newGazetteer(m map[uint64]uint8) gazetteer {
	folded := make(map[uint32]uint8, len(m))
	for k, v := range m {
		folded[gazKey32(k)] |= v
	}
	keys := make([]uint32, 0, len(folded))
	for k := range folded {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	g := gazetteer{index: newKeyIndex(keys), vals: make([]uint8, len(keys)), n: len(keys)}
	for i, k := range keys {
		g.vals[i] = folded[k]
	}
	return g
}

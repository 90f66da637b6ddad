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
//   - the lexicon uses the same key index over the words' 32-bit hashes;
//     no word is stored.

// keyBits is the bucket of a key: its top 16 bits.
const keyBits = 16

// keyIndex finds sorted distinct 32-bit keys. The keys of bucket b are
// lows[first(b):first(b+1)], first(b) = block[b>>blockBits] + off[b]: 16-bit
// offsets with a 32-bit base every 2^blockBits buckets, or (off8, the
// lexicon's and the gazetteer's) 8-bit offsets in blocks of at most 128
// buckets: small counts compress better in bytes than in 16-bit words, and
// better in blocks of 128 buckets than of 256 (the offsets smaller; blocks of
// 64 save no more). With the lexicon's entries in byte planes, the shipped
// model went from 247,319 to 239,715 bytes brotli (LEDENER5 → LEDENER6; 256
// buckets: 241,576). The weights' 16-bit offsets, in blocks of 256 buckets
// instead of 1,024 (smaller numbers, a 1 KB table of bases), took it to
// 239,313.
type keyIndex struct {
	block     []uint32
	off       []uint16 // 2^keyBits + 1, or none with off8
	off8      []uint8  // 2^keyBits + 1, or none with off
	lows      []uint16
	blockBits uint
}

// newKeyIndex indexes sorted distinct keys, with 16-bit offsets in blocks
// of up to 256 buckets, or with byteOffsets 8-bit ones in the largest
// blocks, up to 128 buckets, whose offsets fit a byte.
func newKeyIndex(keys []uint32, byteOffsets bool) keyIndex {
	nb := 1 << keyBits
	first := make([]int, nb+1)
	i := 0
	for b := 0; b <= nb; b++ {
		first[b] = i
		for i < len(keys) && int(keys[i]>>keyBits) == b {
			i++
		}
	}
	x := keyIndex{blockBits: 8}
	limit := 1<<16 - 1
	if byteOffsets {
		x.blockBits, limit = 7, 1<<8-1
	}
	// smaller blocks when a block's keys would not fit the offsets
	for x.blockBits > 0 {
		fits := true
		for b, f := range first {
			if f-first[b>>x.blockBits<<x.blockBits] > limit {
				fits = false
				break
			}
		}
		if fits {
			break
		}
		x.blockBits--
	}
	x.block = make([]uint32, nb>>x.blockBits+1)
	if byteOffsets {
		x.off8 = make([]uint8, nb+1)
	} else {
		x.off = make([]uint16, nb+1)
	}
	x.lows = make([]uint16, len(keys))
	for b, f := range first {
		base := first[b>>x.blockBits<<x.blockBits]
		if b&(1<<x.blockBits-1) == 0 {
			x.block[b>>x.blockBits] = uint32(f)
		}
		if byteOffsets {
			x.off8[b] = uint8(f - base)
		} else {
			x.off[b] = uint16(f - base)
		}
	}
	for i, k := range keys {
		x.lows[i] = uint16(k)
	}
	return x
}

// find returns the index of key k, or -1.
func (x *keyIndex) find(k uint32) int {
	b := uint(k >> keyBits)
	// blockBits is at most keyBits (decode); the mask tells the compiler
	// so, and a shift by it is one instruction instead of the three of a
	// shift by any count. uint, not uint32: see Model.add
	bb := x.blockBits & 31
	var i, end uint
	switch {
	case len(x.off8) != 0:
		off := x.off8[:1<<keyBits+1] // so that the compiler proves off[b], off[b+1] in range
		i = uint(x.block[b>>bb]) + uint(off[b])
		end = uint(x.block[(b+1)>>bb]) + uint(off[b+1])
	case len(x.off) != 0:
		off := x.off[:1<<keyBits+1]
		i = uint(x.block[b>>bb]) + uint(off[b])
		end = uint(x.block[(b+1)>>bb]) + uint(off[b+1])
	default:
		return -1
	}
	low := uint(k & 0xffff)
	if end-i > scanMax {
		i, end = narrow(x.lows, i, end, low)
	}
	for ; i < end; i++ {
		if uint(x.lows[i]) == low {
			return int(i)
		}
	}
	return -1
}

// scanMax is the longest run of a bucket's keys that a lookup scans; a
// longer bucket is first narrowed by bisection (narrow). Most buckets hold
// none or one key, but the keys of features that differ only in a last
// small number (hash.num: a label, a position, a type) share their top 16
// bits, so a few buckets hold up to 121 keys; and they are among the most
// looked up (the run, gazetteer and history features of every token).
const scanMax = 8

// narrow returns the part [i, end) of at most scanMax keys of the sorted
// lows[i:end] that holds low if any key does.
func narrow(lows []uint16, i, end uint, low uint) (uint, uint) {
	for end-i > scanMax {
		mid := i + (end-i)/2
		if uint(lows[mid]) > low {
			end = mid
		} else {
			i = mid
		}
	}
	return i, end
}

// offBytes marks, in the blockBits field of an index's header, 8-bit
// offsets (LEDENER6).
const offBytes = 1 << 8

func (x *keyIndex) encode(o *writer) {
	if x.off8 != nil {
		o.u32(uint32(x.blockBits)|offBytes, uint32(len(x.lows)))
		o.u32(x.block...)
		o.bytes(x.off8)
	} else {
		o.u32(uint32(x.blockBits), uint32(len(x.lows)))
		o.u32(x.block...)
		o.u16(x.off)
	}
	o.u16(x.lows)
}

func (x *keyIndex) decode(s *section) {
	h := s.u32(2)
	if s.err || h[0]&^offBytes > keyBits || h[1] > uint32(len(s.b)) {
		s.err = true
		return
	}
	x.blockBits = uint(h[0] &^ offBytes)
	x.block = s.u32(1<<keyBits>>x.blockBits + 1)
	var last uint32
	if h[0]&offBytes != 0 {
		x.off8 = s.take(1<<keyBits + 1)
		if !s.err {
			last = uint32(x.off8[1<<keyBits])
		}
	} else {
		x.off = s.u16(1<<keyBits + 1)
		if !s.err {
			last = uint32(x.off[1<<keyBits])
		}
	}
	x.lows = s.u16(int(h[1]))
	if !s.err && x.block[len(x.block)-1]+last != h[1] {
		s.err = true
	}
}

// lexicon maps a folded word to what the unlabelled text says about it.
// It is a keyIndex over the words' 32-bit hashes (no word is stored: the
// strings were 60% of the lexicon after brotli) and a 16-bit entry per key:
// fine cluster | capitalisation rate<<12, stored as a plane of low bytes and
// a plane of high bytes (LEDENER6: apart they compress to 31.6 KB, 36.0 KB as
// 16-bit words, each table alone).
// An unknown word matches a stored hash about once in 2^32/n tries (once in
// 90,000 for 48k words).
type lexicon struct {
	index  keyIndex
	lo, hi []uint8  // the entry's low and high byte, by key index
	coarse []uint16 // coarse cluster of each fine cluster (index fine)
	n      int      // words
}

func lexHash(w string) uint32 { return uint32(newHash(0).str(w)) }

// maxFine bounds the fine cluster numbers a lexicon entry holds (12 bits).
const maxFine = 1<<12 - 1

// newLexicon lays out a lexicon. The coarse cluster must be a function of
// the fine one (cmd/train-ner clusters the fine clusters' centroids), so it
// is stored once per fine cluster. Clusters above maxFine are left out; of
// two words with the same hash the first in byte order is kept.
func newLexicon(m map[string]LexEntry) lexicon {
	words := make([]string, 0, len(m))
	for w := range m {
		words = append(words, w)
	}
	sort.Strings(words)
	entry := make(map[uint32]LexEntry, len(words))
	keys := make([]uint32, 0, len(words))
	for _, w := range words {
		h := lexHash(w)
		if _, dup := entry[h]; dup {
			continue
		}
		e := m[w]
		if e.Fine > maxFine {
			e.Fine = 0
		}
		entry[h] = e
		keys = append(keys, h)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	l := lexicon{index: newKeyIndex(keys, true), lo: make([]uint8, len(keys)), hi: make([]uint8, len(keys)), n: len(keys)}
	for i, k := range keys {
		e := entry[k]
		v := e.Fine | uint16(e.CapRate)<<12
		l.lo[i], l.hi[i] = uint8(v), uint8(v>>8)
		if e.Fine != 0 {
			for len(l.coarse) <= int(e.Fine) {
				l.coarse = append(l.coarse, 0)
			}
			if l.coarse[e.Fine] == 0 {
				l.coarse[e.Fine] = e.Coarse
			}
		}
	}
	return l
}

// get returns the entry of a folded word.
func (l *lexicon) get(w string) (LexEntry, bool) { return l.getHash(lexHash(w)) }

// getHash returns the entry of the folded word whose lexHash is h.
func (l *lexicon) getHash(h uint32) (LexEntry, bool) {
	if l.n == 0 {
		return LexEntry{}, false
	}
	i := l.index.find(h)
	if i < 0 {
		return LexEntry{}, false
	}
	v := uint16(l.lo[i]) | uint16(l.hi[i])<<8
	e := LexEntry{Fine: v & maxFine, CapRate: uint8(v >> 12)}
	if int(e.Fine) < len(l.coarse) {
		e.Coarse = l.coarse[e.Fine]
	}
	return e, true
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
	g := gazetteer{index: newKeyIndex(keys, true), vals: make([]uint8, len(keys)), n: len(keys)}
	for i, k := range keys {
		g.vals[i] = folded[k]
	}
	return g
}

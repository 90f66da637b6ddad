package entity

import (
	"sort"
)

// The model's tables are laid out at training time exactly as the tagger
// reads them, so loading the embedded model builds nothing: every table is
// a slice over the embedded bytes (layout.go). Two layouts serve all three
// tables:
//
//   - an ordered open-addressing table (the weights and the gazetteer): keys
//     are 32-bit hashes, a key's home slot is its rank in the hash space
//     (key·slots >> 32), and keys are placed in increasing order, each at
//     its home or just after the key before it. The table is then sorted,
//     so a lookup scans from the home slot and stops at the key, at a larger
//     key or at an empty slot: one cache line for a hit or a miss, at the load
//     below.
//   - buckets of a sorted list (the lexicon): words sorted by hash, and for
//     each of 2^b buckets of the hash space the index of its first word. No
//     hash is stored; a lookup compares the one or two words of its bucket.

// loadNum and loadDen set the load of the ordered tables: 2/3 (at 4/5
// tagging was 20% slower: longer scans, more mispredicted branches).
const loadNum, loadDen = 2, 3

// homeOf is the home slot of key k in a table of n home slots.
func homeOf(k uint32, n int) int { return int(uint64(k) * uint64(n) >> 32) }

// orderedSlots returns, for sorted distinct non-zero keys, the slot of each
// key and the table length (home slots plus the overflow after the last).
func orderedSlots(keys []uint32) (pos []int, homes, length int) {
	homes = max(1, len(keys)*loadDen/loadNum)
	pos = make([]int, len(keys))
	next := 0
	for i, k := range keys {
		p := max(homeOf(k, homes), next)
		pos[i] = p
		next = p + 1
	}
	return pos, homes, max(next, homes)
}

// find returns the slot of key k (k != 0) in an ordered table, or -1.
func find(keys []uint32, homes int, k uint32) int {
	for s := homeOf(k, homes); s < len(keys); s++ {
		switch c := keys[s]; {
		case c == k:
			return s
		case c == 0 || c > k:
			return -1
		}
	}
	return -1
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
// 32 bits (gazKey32), an ordered table.
type gazetteer struct {
	keys  []uint32 // 0 empty
	vals  []uint8
	homes int
	n     int
}

// gazKey32 folds a 64-bit gazetteer key to the table's 32 bits (never 0).
func gazKey32(k uint64) uint32 { return hash(k).key() }

func (g *gazetteer) get(k uint64) (uint8, bool) {
	if g.n == 0 {
		return 0, false
	}
	if s := find(g.keys, g.homes, gazKey32(k)); s >= 0 {
		return g.vals[s], true
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
	pos, homes, length := orderedSlots(keys)
	g := gazetteer{keys: make([]uint32, length), vals: make([]uint8, length), homes: homes, n: len(keys)}
	for i, k := range keys {
		g.keys[pos[i]], g.vals[pos[i]] = k, folded[k]
	}
	return g
}

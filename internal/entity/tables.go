package entity

import "sort"

// The lexicon and the gazetteer are flat open-addressing tables rather than
// Go maps: decoding the model then allocates a few slices instead of one
// string and one map entry per word, which is most of the first call's cost
// in wasm. The lexicon's words stay in the decoded model bytes.

// lexicon maps a folded word to what the unlabelled text says about it.
type lexicon struct {
	data  []byte     // holds the words
	pos   []uint32   // word i is data[pos[i]:pos[i]+n[i]]
	n     []uint8    // word lengths
	ent   []LexEntry // entry of word i
	table []uint32   // open addressing on the word's hash: word index+1, 0 empty
}

// newLexicon builds a lexicon from a map, its words in sorted order.
func newLexicon(m map[string]LexEntry) lexicon {
	words := make([]string, 0, len(m))
	for w := range m {
		if len(w) <= 255 {
			words = append(words, w)
		}
	}
	sort.Strings(words)
	var l lexicon
	for _, w := range words {
		l.pos = append(l.pos, uint32(len(l.data)))
		l.n = append(l.n, uint8(len(w)))
		l.data = append(l.data, w...)
		l.ent = append(l.ent, m[w])
	}
	l.index()
	return l
}

func (l *lexicon) word(i int) string { return string(l.data[l.pos[i] : l.pos[i]+uint32(l.n[i])]) }

func lexHash(w string) uint32 { return uint32(newHash(0).str(w)) }

// index builds the hash table over the words.
func (l *lexicon) index() {
	size := 16
	for size < 2*len(l.ent) {
		size *= 2
	}
	l.table = make([]uint32, size)
	mask := uint32(size - 1)
	for i := range l.ent {
		s := lexHash(string(l.data[l.pos[i]:l.pos[i]+uint32(l.n[i])])) & mask
		for l.table[s] != 0 {
			s = (s + 1) & mask
		}
		l.table[s] = uint32(i + 1)
	}
}

// get returns the entry of a folded word.
func (l *lexicon) get(w string) (LexEntry, bool) {
	if len(l.table) == 0 {
		return LexEntry{}, false
	}
	mask := uint32(len(l.table) - 1)
	for s := lexHash(w) & mask; ; s = (s + 1) & mask {
		i := l.table[s]
		if i == 0 {
			return LexEntry{}, false
		}
		i--
		if int(l.n[i]) == len(w) && string(l.data[l.pos[i]:l.pos[i]+uint32(l.n[i])]) == w {
			return l.ent[i], true
		}
	}
}

// gazetteer maps a gazKey to its bit set of types (bits 0-3: a name of that
// type; bits 4-7: part of a longer name of that type).
type gazetteer struct {
	keys  []uint64 // 0 empty
	vals  []uint8
	n     int
	shift uint // home slot: key >> shift (keys added in order fill it in order)
}

func (g *gazetteer) init(n int) {
	size, bits := 16, uint(4)
	for size < 2*n {
		size *= 2
		bits++
	}
	g.shift = 64 - bits
	g.keys = make([]uint64, size)
	g.vals = make([]uint8, size)
	g.n = 0
}

// set stores v for key k (k != 0); the table must have room.
func (g *gazetteer) set(k uint64, v uint8) {
	if k == 0 || 2*(g.n+1) > len(g.keys) {
		return
	}
	mask := uint64(len(g.keys) - 1)
	s := k >> g.shift
	for g.keys[s] != 0 && g.keys[s] != k {
		s = (s + 1) & mask
	}
	if g.keys[s] == 0 {
		g.n++
	}
	g.keys[s], g.vals[s] = k, v
}

func (g *gazetteer) get(k uint64) (uint8, bool) {
	if g.n == 0 {
		return 0, false
	}
	mask := uint64(len(g.keys) - 1)
	for s := k >> g.shift; ; s = (s + 1) & mask {
		switch g.keys[s] {
		case k:
			return g.vals[s], true
		case 0:
			return 0, false
		}
	}
}

func newGazetteer(m map[uint64]uint8) gazetteer {
	var g gazetteer
	g.init(len(m))
	keys := make([]uint64, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	for _, k := range keys {
		g.set(k, m[k])
	}
	return g
}

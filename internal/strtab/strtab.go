// Package strtab numbers strings: a small open-addressing table from a
// string to a dense id (0, 1, 2, … in the order the strings were first
// added), for the passes that give each distinct word of a document an
// id (digest's headline terms, summary's sentence words).
//
// It is a Go map's job done with less: the key is hashed by FNV-1a in the
// caller's loop, not by the runtime's hash, which in wasm is the portable
// one (memhashFallback) behind a call, and a probe compares one stored
// string. The table never deletes, and its ids are its entries' order.
//
// Unlike a Go map's, its hash has no per-process seed, so keys crafted to
// share their low bits would make every probe walk a long run: a caller
// bounds how many keys one table gets from its input (summary: the words
// of the sentences it compares, among at most 400 candidates; digest: the
// terms of at most MaxClustered headlines), so that such input costs a
// bounded amount.
package strtab

// Table maps strings to ids. The zero Table is empty and ready; Reset
// sizes it for a number of keys. A key is kept as given: the caller keeps
// its bytes unchanged while the table holds it.
type Table struct {
	slots []int32 // 1 + the id of the key hashed there, 0 for empty
	hashs []uint32
	keys  []string
}

// hash is 32-bit FNV-1a.
func hash(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h = (h ^ uint32(s[i])) * 16777619
	}
	return h
}

// Reset empties t and gives it room for n keys before it grows.
func (t *Table) Reset(n int) {
	size := 16
	for size < 2*n {
		size *= 2
	}
	if cap(t.slots) >= size {
		t.slots = t.slots[:size]
		clear(t.slots)
	} else {
		t.slots = make([]int32, size)
	}
	if cap(t.keys) < n {
		t.hashs, t.keys = make([]uint32, 0, n), make([]string, 0, n)
	}
	t.hashs, t.keys = t.hashs[:0], t.keys[:0]
}

// Len returns how many keys t holds.
func (t *Table) Len() int { return len(t.keys) }

// Key returns the key of id.
func (t *Table) Key(id int32) string { return t.keys[id] }

// Find returns s's id, or -1 when t does not hold s.
func (t *Table) Find(s string) int32 {
	if len(t.slots) == 0 {
		return -1
	}
	h := hash(s)
	mask := uint32(len(t.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		e := t.slots[i]
		if e == 0 {
			return -1
		}
		if t.hashs[e-1] == h && t.keys[e-1] == s {
			return e - 1
		}
	}
}

// Add returns s's id and true when t held s already; else it adds s
// (kept as given) with the next id and returns that id and false.
func (t *Table) Add(s string) (int32, bool) {
	if 2*(len(t.keys)+1) > len(t.slots) {
		t.grow()
	}
	h := hash(s)
	mask := uint32(len(t.slots) - 1)
	i := h & mask
	for ; ; i = (i + 1) & mask {
		e := t.slots[i]
		if e == 0 {
			break
		}
		if t.hashs[e-1] == h && t.keys[e-1] == s {
			return e - 1, true
		}
	}
	id := int32(len(t.keys))
	t.slots[i] = id + 1
	t.hashs = append(t.hashs, h)
	t.keys = append(t.keys, s)
	return id, false
}

// grow doubles the slots (at least 16) and places every key again.
func (t *Table) grow() {
	size := max(2*len(t.slots), 16)
	t.slots = make([]int32, size)
	mask := uint32(size - 1)
	for id, h := range t.hashs {
		i := h & mask
		for t.slots[i] != 0 {
			i = (i + 1) & mask
		}
		t.slots[i] = int32(id) + 1
	}
}

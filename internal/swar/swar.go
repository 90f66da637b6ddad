// Package swar holds the word-at-a-time byte tests that several passes use
// on their hot loops: eight bytes of a string read as one uint64, so that a
// run of plain ASCII costs one load and a few operations instead of a load,
// a compare and a branch a byte. Go's compilers turn Load's eight byte
// loads into one 64-bit load (amd64, arm64 and wasm alike).
package swar

const (
	// Ones has 1 in every byte: c*Ones is c in every byte.
	Ones = 0x0101010101010101
	// Top has the top bit of every byte.
	Top = 0x8080808080808080
)

// Load is s's first eight bytes as a little-endian word (s[0] lowest).
// s must hold at least eight bytes.
func Load(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// Below reports, in the top bit of each of x's bytes, which bytes are
// below n (n ≤ 0x80), for a word of ASCII bytes (no top bit set): the
// first such byte borrows and sets its top bit, which its own clear top bit
// keeps; with none, nothing borrows. A byte after the first flagged one may
// be flagged falsely, so use it to ask whether any byte is below n.
func Below(x uint64, n byte) uint64 {
	return (x - uint64(n)*Ones) &^ x & Top
}

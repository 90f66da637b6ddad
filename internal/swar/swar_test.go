package swar

import (
	"encoding/binary"
	"math/rand/v2"
	"testing"
)

func TestLoad(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 1000 {
		var b [8]byte
		for i := range b {
			b[i] = byte(r.UintN(256))
		}
		if got, want := Load(string(b[:])), binary.LittleEndian.Uint64(b[:]); got != want {
			t.Fatalf("Load(%q) = %#x, want %#x", b, got, want)
		}
	}
}

// TestBelow puts every byte value at every place of a word of otherwise
// plain bytes and checks that Below flags the word exactly when a byte is
// below n.
func TestBelow(t *testing.T) {
	for _, n := range []byte{0x01, 0x20, 0x41, 0x80} {
		for pos := 0; pos < 8; pos++ {
			for c := 0; c < 0x80; c++ {
				b := []byte("zzzzzzzz")
				b[pos] = byte(c)
				got := Below(Load(string(b)), n) != 0
				if want := byte(c) < n; got != want {
					t.Fatalf("Below(%q, %#x) = %v, want %v", b, n, got, want)
				}
			}
		}
	}
}

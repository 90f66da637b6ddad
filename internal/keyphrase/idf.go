package keyphrase

import (
	_ "embed"
	"encoding/binary"
	"errors"
	"math"
	"sync"
)

// The background table holds how many documents of a general news
// collection (AG News, HuffPost headlines, CoNLL-2003 Reuters; not the
// benchmark) contain each word Key, as an inverse document frequency. It is
// an open-addressing hash table of 2-byte slots: an 8-bit fingerprint of the
// word and its idf quantised to a byte (16 distinct values in the shipped
// table). No word strings are stored, which keeps it small; a fingerprint
// collision (1 in 255 probes) at worst gives a word a neighbour's weight.
// Words of fewer than six background documents are left out: they read as
// unseen, log N, about what they would get anyway. cmd/train-idf builds it;
// see docs/models/idf.md.

//go:embed idf.bin
var idfData []byte

// IDF is a decoded background table.
type IDF struct {
	n     float64 // documents counted
	mask  uint64
	slots []byte // 2 bytes a slot: fingerprint, quantised idf
}

const idfMagic = "LIDF1"

var (
	idfOnce   sync.Once
	idfTable  *IDF
	errIDFBad = errors.New("keyphrase: the embedded idf table is damaged; rebuild it with go run ./cmd/train-idf")
)

// Background returns the embedded table (for tests and tools).
func Background() *IDF { return background() }

// background returns the embedded table, decoded once; nil if damaged (the
// package tests catch that), in which case every word counts as rare.
func background() *IDF {
	idfOnce.Do(func() { idfTable, _ = DecodeIDF(idfData) })
	return idfTable
}

func hash64(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

func fingerprint(h uint64) byte {
	fp := byte(h >> 56)
	if fp == 0 {
		fp = 1
	}
	return fp
}

// maxIDF is log(N): the idf of a word seen in one document, or never.
func (t *IDF) maxIDF() float64 {
	if t == nil {
		return 1
	}
	return math.Log(t.n)
}

// Of returns the idf of a word Key: log(N/df), or log(N) for an unseen word.
func (t *IDF) Of(key string) float64 { return t.ofHash(hash64(key)) }

// ofHash is Of for a key whose hash64 is h: the extractor keeps each key's
// hash (keyInfo.hash), so a node's idf costs no second pass over its bytes.
func (t *IDF) ofHash(h uint64) float64 {
	if t == nil {
		return 1
	}
	fp := fingerprint(h)
	for i, probes := h&t.mask, 0; probes <= int(t.mask); i, probes = (i+1)&t.mask, probes+1 {
		f := t.slots[2*i]
		if f == 0 {
			break
		}
		if f == fp {
			return float64(t.slots[2*i+1]) / 255 * t.maxIDF()
		}
	}
	return t.maxIDF()
}

// EncodeIDF builds a table from document frequencies over n documents.
// Words seen in fewer than minDF documents are left out (they read as
// unseen, log N); each idf is rounded to one of levels values spread evenly
// over 0..log N (at most 256: a byte); the table's slots are at most load
// full (0 < load < 1, else ½; linear probing slows past ¾). keys must be in a
// deterministic order for the output to be reproducible.
func EncodeIDF(keys []string, df map[string]int, n, minDF, levels int, load float64) []byte {
	minDF = max(minDF, 2)
	levels = min(max(levels, 2), 256)
	if !(load > 0 && load < 1) {
		load = 0.5
	}
	count := 0
	for _, k := range keys {
		if df[k] >= minDF {
			count++
		}
	}
	bits := uint(8)
	for float64(count) > load*float64(uint64(1)<<bits) {
		bits++
	}
	mask := uint64(1)<<bits - 1
	slots := make([]byte, 2<<bits)
	logN := math.Log(float64(n))
	step := 255 / float64(levels-1)
	for _, k := range keys {
		if df[k] < minDF {
			continue
		}
		q := math.Round(math.Round(math.Log(float64(n)/float64(df[k]))/logN*float64(levels-1)) * step)
		h := hash64(k)
		i := h & mask
		for slots[2*i] != 0 {
			i = (i + 1) & mask
		}
		slots[2*i], slots[2*i+1] = fingerprint(h), byte(math.Max(0, math.Min(255, q)))
	}
	out := []byte(idfMagic)
	out = append(out, byte(bits))
	out = binary.LittleEndian.AppendUint32(out, uint32(n))
	return append(out, slots...)
}

// DecodeIDF reads a table written by EncodeIDF.
func DecodeIDF(data []byte) (*IDF, error) {
	h := len(idfMagic) + 5
	if len(data) < h || string(data[:len(idfMagic)]) != idfMagic {
		return nil, errIDFBad
	}
	bits := uint(data[len(idfMagic)])
	n := binary.LittleEndian.Uint32(data[len(idfMagic)+1:])
	if bits > 26 || n < 2 || len(data) != h+2<<bits {
		return nil, errIDFBad
	}
	return &IDF{n: float64(n), mask: uint64(1)<<bits - 1, slots: data[h:]}, nil
}

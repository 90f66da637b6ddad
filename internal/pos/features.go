package pos

import (
	"strings"
	"unsafe"
)

// Features are hashed: every feature (a template number and one to three
// strings) becomes a 32-bit FNV-1a hash, folded into 2^Bits buckets. Hashing
// keeps the model a flat table with no feature strings in it, which is what
// makes it small enough to embed; the trainer (cmd/train-pos) and the tagger
// share this file, so a feature means the same thing in both.

const (
	fnvOffset = 2166136261
	fnvPrime  = 16777619
)

// context is one sentence prepared for feature extraction: the lowercased,
// normalised words with two padding words on each side, and the raw words.
type context struct {
	norm []string // len(raw)+4: "-START-", "-START2-", words..., "-END-", "-END2-"
	raw  []string
	buf  []byte // the lower-cased words of norm
	// the shape class of each raw word (shapeIndex), found as norm is
	shape []uint8
}

func hashStr(h uint32, s string) uint32 {
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= fnvPrime
	}
	// a separator so ("ab","c") and ("a","bc") differ
	h ^= 0xff
	h *= fnvPrime
	return h
}

func hashTemplate(t byte) uint32 {
	h := uint32(fnvOffset)
	h ^= uint32(t)
	h *= fnvPrime
	return h
}

// suffix returns the last n bytes of s (all of s when shorter).
func suffix(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[len(s)-n:]
}

// shape is a coarse class of a raw word's characters: its capitalisation,
// digits and hyphens, which the lowercased word feature loses.
func shape(w string) string { return shapeNames[shapeIndex(w)] }

// shapeNames are the shape classes, in the order of shapeIndex.
var shapeNames = [numShapes]string{"d", "ad", "x", "XX", "Xx", "xX", "d-", "ad-", "x-", "XX-", "Xx-", "xX-"}

const numShapes = 12

// shapeIndex returns the index of w's shape class in shapeNames: the
// tagger keeps the class's rows by it (Model.shapeRows).
func shapeIndex(w string) int {
	return shapeOf(w, countClasses(w))
}

// classes counts a word's bytes by class: what shapeOf and normalizeOf
// read, so that context.reset reads a word once for both.
type classes struct {
	upper, lower, digit int // lower counts non-ASCII bytes too
	hyphen              bool
}

func countClasses(w string) classes {
	var k classes
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c >= 'A' && c <= 'Z':
			k.upper++
		case c >= 'a' && c <= 'z':
			k.lower++
		case c >= '0' && c <= '9':
			k.digit++
		case c == '-':
			k.hyphen = true
		case c >= 0x80:
			k.lower++ // non-ASCII letters count as lower case; good enough for a shape
		}
	}
	return k
}

// shapeOf is shapeIndex given w's classes.
func shapeOf(w string, k classes) int {
	first := byte(0)
	if len(w) > 0 {
		first = w[0]
	}
	var s int
	switch {
	case k.digit > 0 && k.upper+k.lower == 0:
		s = 0 // d
	case k.digit > 0:
		s = 1 // ad
	case k.upper == 0:
		s = 2 // x
	case k.lower == 0 && k.upper > 1:
		s = 3 // XX
	case first >= 'A' && first <= 'Z':
		s = 4 // Xx
	default:
		s = 5 // xX
	}
	if k.hyphen {
		s += 6 // the same with "-"
	}
	return s
}

// normalizeOf lowercases a word, whose classes are k, and folds numbers
// into classes, so "1996" and "2026" are one feature. A word that needs
// lower-casing is written into buf, which must have room for it (the
// caller sizes it so it never grows: the strings returned point into it).
func normalizeOf(w string, k classes, buf []byte) (string, []byte) {
	digits, letters := k.digit, k.upper+k.lower
	needLower := k.upper > 0
	if digits > 0 {
		if digits == 4 && len(w) == 4 {
			return "!YEAR", buf
		}
		if w[0] >= '0' && w[0] <= '9' || letters == 0 {
			return "!DIGITS", buf
		}
	}
	if !needLower || cap(buf)-len(buf) < len(w) {
		if needLower {
			return strings.ToLower(w), buf // never with a buffer sized by reset
		}
		return w, buf
	}
	n := len(buf)
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf = append(buf, c)
	}
	return unsafe.String(&buf[n], len(w)), buf
}

// newContext prepares raw words for feature extraction.
func newContext(raw []string) *context {
	c := &context{}
	c.reset(raw)
	return c
}

// reset prepares the context for a new sentence, reusing its buffers. The
// lower-cased words live in c.buf, sized up front so that it never moves
// while its strings are in use; they are dropped at the next reset.
func (c *context) reset(raw []string) {
	n := 0
	for _, w := range raw {
		n += len(w)
	}
	if cap(c.buf) < n {
		c.buf = make([]byte, 0, n)
	}
	c.buf = c.buf[:0]
	c.raw = raw
	c.norm = append(c.norm[:0], padWords[0], padWords[1])
	c.shape = c.shape[:0]
	for _, w := range raw {
		k := countClasses(w)
		var nw string
		nw, c.buf = normalizeOf(w, k, c.buf)
		c.norm = append(c.norm, nw)
		c.shape = append(c.shape, uint8(shapeOf(w, k)))
	}
	c.norm = append(c.norm, padWords[2], padWords[3])
}

// padWords stand for the two words before a sentence and the two after it.
var padWords = [4]string{"-START-", "-START2-", "-END-", "-END2-"}

// tagHashes are the hashes of the features that read a previous tag, up to
// where the rest of the feature is mixed in: the tagger computes them once
// per tag of the model (Model.prev) instead of once per word.
type tagHashes struct {
	t4, t5, t6, t8 uint32 // hashStr(hashTemplate(n), tag)
}

func tagHashesOf(tag string) tagHashes {
	return tagHashes{
		hashStr(hashTemplate(4), tag),
		hashStr(hashTemplate(5), tag),
		hashStr(hashTemplate(6), tag),
		hashStr(hashTemplate(8), tag),
	}
}

// features appends the hashed features of word i, given the tags chosen for
// the two words before it (p1, p2; "-START-" at the start), to out: the
// trainer's view, every feature hashed afresh. The tagger sums the same
// rows its own way (tagger.go; TestTaggerScores holds the two together).
func (c *context) features(i int, p1, p2 string, out []uint32) []uint32 {
	h1, h2 := tagHashesOf(p1), tagHashesOf(p2)
	j := i + 2
	w := c.norm[j]
	raw := c.raw[i]
	pre := ""
	if len(raw) > 0 {
		pre = raw[:1]
	}
	first := "0"
	if i == 0 {
		first = "1"
	}
	out = append(out,
		hashTemplate(1), // the bias
		hashStr(hashTemplate(2), suffix(w, 3)),
		hashStr(hashTemplate(3), pre),
		h1.t4,
		h2.t5,
		hashStr(h1.t6, p2),
		hashStr(hashTemplate(7), w),
		hashStr(h1.t8, w),
		hashStr(hashTemplate(9), c.norm[j-1]),
		hashStr(hashTemplate(10), suffix(c.norm[j-1], 3)),
		hashStr(hashTemplate(11), c.norm[j-2]),
		hashStr(hashTemplate(12), c.norm[j+1]),
		hashStr(hashTemplate(13), suffix(c.norm[j+1], 3)),
		hashStr(hashTemplate(14), c.norm[j+2]),
		hashStr(hashStr(hashTemplate(15), shape(raw)), first),
		hashStr(hashTemplate(16), suffix(w, 2)),
		hashStr(hashTemplate(17), suffix(w, 4)),
	)
	return out
}

package category

import (
	"math"
	"math/bits"
	"slices"
	"unicode"
	"unicode/utf8"
)

// Feature is one hashed feature of a text: a bucket of the weight table and
// its value (signed, so colliding features tend to cancel instead of adding
// up; Weinberger et al., "Feature Hashing for Large Scale Multitask
// Learning", 2009).
type Feature struct {
	Bucket uint32
	Value  float32
}

// Featurizer turns text into hashed lower-cased unigram and bigram features,
// and word prefixes when Prefix is set.
// The same code runs in training (cmd/train-categories) and at run time, so
// the model sees exactly the features it was trained on.
//
// The scanner reads the text's bytes once. It does not use the engine's
// tokens on purpose: Classify(text) and Annotate must give the same answer
// for the same words, and the training data (CSV, JSON) has no tokens.
type Featurizer struct {
	Buckets uint32
	// Prefix, when above 0, adds a feature for the first Prefix letters of
	// every longer word ("elector" of "electoral", "elections"): a crude
	// stem that lets rare inflections share what common ones learned.
	Prefix int
	keys   []uint64 // scratch: one hash per unigram, bigram and prefix
	tmp    []uint64 // scratch of radixSort
}

// word hashing: FNV-1a over the lower-cased word, then a bigram mixes two
// word hashes. splitmix64 spreads the bits before the bucket is taken.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// AppendFeatures appends the features of the texts (read as one text, with
// a word break between them) to dst and returns it, sorted by bucket with
// duplicates merged. Values are 1+log(count) with the hash's sign, scaled so
// the vector has unit length: a headline and a long article land on the
// same scale, so the model's confidence does not grow with length alone.
func (f *Featurizer) AppendFeatures(dst []Feature, texts ...string) []Feature {
	keys := f.keys[:0]
	var prev uint64
	havePrev := false
	for _, text := range texts {
		keys, prev, havePrev = appendWordKeys(keys, text, f.Prefix, prev, havePrev)
	}
	f.keys = keys
	if len(keys) == 0 {
		return dst
	}
	// bucket: the hash modulo Buckets; sign: the hash's top bit. The
	// shipped model's Buckets is a power of two, whose modulo is a mask: a
	// 64-bit division a key costs more than the rest of its handling
	if b := uint64(f.Buckets); b != 0 && b&(b-1) == 0 {
		for j, k := range keys {
			keys[j] = k&(b-1)<<1 | k>>63
		}
	} else {
		for j, k := range keys {
			keys[j] = uint64(uint32(k%b))<<1 | k>>63
		}
	}
	if len(keys) >= radixMin {
		f.tmp = slices.Grow(f.tmp[:0], len(keys))[:len(keys)]
		radixSort(keys, f.tmp, bits.Len64(2*uint64(f.Buckets)-1))
	} else {
		slices.Sort(keys)
	}
	start := len(dst)
	var norm float64
	for j := 0; j < len(keys); {
		k := keys[j]
		n := 1
		for j+n < len(keys) && keys[j+n] == k {
			n++
		}
		j += n
		v := 1.0
		if n > 1 {
			v += math.Log(float64(n))
		}
		if k&1 == 1 {
			v = -v
		}
		b := uint32(k >> 1)
		if last := len(dst) - 1; last >= start && dst[last].Bucket == b {
			// the same bucket with the other sign: merge
			dst[last].Value += float32(v)
			continue
		}
		dst = append(dst, Feature{Bucket: b, Value: float32(v)})
	}
	for _, ft := range dst[start:] {
		norm += float64(ft.Value) * float64(ft.Value)
	}
	if norm > 0 {
		s := float32(1 / math.Sqrt(norm))
		for j := start; j < len(dst); j++ {
			dst[j].Value *= s
		}
	}
	return dst
}

// appendWordKeys appends the keys of text's words (a unigram, a prefix, a
// bigram with the word before: prev, when havePrev) to keys, and returns
// them with the last word's hash. It is a function of its own, called once
// a text, so that its byte loop holds the word's hash and position in
// registers: inside AppendFeatures, with its buffers and sums live too,
// the compiler kept them on the stack and stored them again at every byte.
func appendWordKeys(keys []uint64, text string, prefix int, prev uint64, havePrev bool) ([]uint64, uint64, bool) {
	for i := 0; i < len(text); {
		// An ASCII word is read here, as nextWord reads it, without
		// the call a word and its loop over the bytes before the
		// word; a word that meets a byte past ASCII is read again
		// by nextWord from its start (TestWordsAsNextWord)
		var h, hp uint64
		ok := false
		if c := text[i]; c >= utf8.RuneSelf {
			h, hp, i, ok = nextWord(text, i, prefix)
		} else if wordByte[c] == 0 {
			i++ // nextWord would pass over it
			continue
		} else {
			start := i
			// hp is the hash before byte cut, taken when the word
			// goes on past its first prefix letters (an ASCII letter
			// is one rune); none without a prefix
			cut := -1
			if prefix > 0 {
				cut = start + prefix
			}
			h, hp, i = asciiWord(text, i, cut)
			if i < len(text) && text[i] >= utf8.RuneSelf {
				h, hp, i, ok = nextWord(text, start, prefix)
			} else {
				// nextWord's tests at a word's end: two letters at
				// least, no entity name
				ok = i-start >= 2 && !(i < len(text) && text[i] == ';' && start > 0 && (text[start-1] == '&' || text[start-1] == '#'))
			}
		}
		if !ok {
			continue
		}
		keys = append(keys, mix(h))
		if hp != 0 {
			keys = append(keys, mix(hp^0x5bd1e9955bd1e995))
		}
		if havePrev {
			keys = append(keys, mix(prev*31+h+0x9e3779b97f4a7c15))
		}
		prev, havePrev = h, true
	}
	return keys, prev, havePrev
}

// asciiWord hashes the run of ASCII letters and digits at text[i:] as
// nextWord does (wordByte) and returns the hash, the hash before byte cut
// when the run goes past it (else 0), and the index after the run. It is
// not inlined: in its caller's loop, with the keys' slice and the last
// word live, the compiler stored the hash and the index to the stack at
// every byte; here they stay in registers.
//
//go:noinline
func asciiWord(text string, i, cut int) (h, hp uint64, end int) {
	h = fnvOffset
	for ; i < len(text); i++ {
		b := wordByte[text[i]]
		if b == 0 {
			break
		}
		if i == cut {
			hp = h
		}
		h = (h ^ uint64(b)) * fnvPrime
	}
	return h, hp, i
}

// nextWord finds the next word at or after byte i of text and returns its
// hash and the index after it. A word is a run of letters and digits,
// lower-cased; digits all read as '0' so "2026" and "1998" share a feature.
// Apostrophes split words ("trump's" -> "trump", "s"), as the HuffPost
// tokenisation does ("trump 's"). Single letters are skipped ("s", "t" of
// "don't"), and so are the names of HTML entities left in text ("&amp;",
// "#39;"), which AG News is full of.
//
// hp is the hash of the word's first prefix letters when the word is longer
// than that (0 otherwise).
func nextWord(text string, i, prefix int) (h, hp uint64, next int, ok bool) {
	n := len(text)
	for i < n {
		c := text[i]
		if c < utf8.RuneSelf {
			if isASCIIAlnum(c) {
				break
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		// General Punctuation (U+2000–U+206F: curly quotes, dashes) holds
		// no letter or digit: its runes are passed over without the tables
		if !(r >= 0x2000 && r < 0x2070) && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			break
		}
		i += size
	}
	if i >= n {
		return 0, 0, n, false
	}
	start := i
	h = fnvOffset
	runes := 0
	for i < n {
		c := text[i]
		if c < utf8.RuneSelf {
			switch {
			case 'a' <= c && c <= 'z':
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			case '0' <= c && c <= '9':
				c = '0'
			default:
				goto done
			}
			if runes == prefix {
				hp = h
			}
			h = (h ^ uint64(c)) * fnvPrime
			i++
			runes++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if r >= 0x2000 && r < 0x2070 {
			break // General Punctuation: no letter or digit ends the word
		} else if unicode.IsDigit(r) {
			r = '0'
		} else if unicode.IsLetter(r) {
			r = unicode.ToLower(r)
		} else {
			break
		}
		if runes == prefix {
			hp = h
		}
		var buf [4]byte
		for _, b := range buf[:utf8.EncodeRune(buf[:], r)] {
			h = (h ^ uint64(b)) * fnvPrime
		}
		i += size
		runes++
	}
done:
	if runes < 2 {
		return 0, 0, i, false
	}
	// "&amp;", "&#39;", "#39;": an entity name, not a word
	if i < n && text[i] == ';' && start > 0 && (text[start-1] == '&' || text[start-1] == '#') {
		return 0, 0, i, false
	}
	if prefix <= 0 {
		hp = 0
	}
	return h, hp, i, true
}

// wordByte is what an ASCII byte of a word hashes as (nextWord): a letter
// lower-cased, a digit '0'; 0 for any other byte, bytes past ASCII
// included.
var wordByte = func() (t [256]byte) {
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = byte(c), byte(c)
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = '0'
	}
	return t
}()

func isASCIIAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// radixMin is the fewest keys radixSort sorts; fewer are sorted by
// comparisons (slices.Sort), which then cost less than radixSort's counts.
const radixMin = 64

// radixSort sorts keys, all below 1<<width, in place: least significant
// digit first, a dealing pass a digit, through tmp (as long as keys). The
// same order as slices.Sort (equal keys are equal values), without its
// comparisons' branches, which a paragraph's hashed keys make
// unpredictable.
//
// The width is cut into equal digits of at most 8 bits (the shipped
// model's 21 bits: three of 7, whose counts are half as many to clear and
// sum as a byte's), and one read of the keys counts the digits of three
// passes at once.
func radixSort(keys, tmp []uint64, width int) {
	passes := max((width+7)/8, 1)
	digit := uint((width + passes - 1) / passes)
	m := uint8(1<<digit - 1)
	src, dst := keys, tmp[:len(keys)]
	for p0 := 0; p0 < passes; p0 += 3 {
		var count [3][256]uint32
		s0 := uint(p0) * digit
		c0, c1, c2 := &count[0], &count[1], &count[2]
		for _, k := range src {
			k >>= s0
			c0[uint8(k)&m]++
			c1[uint8(k>>digit)&m]++
			c2[uint8(k>>(2*digit))&m]++
		}
		for q := range min(passes-p0, 3) {
			c := &count[q]
			sum := uint32(0)
			for d := range int(m) + 1 {
				c[d], sum = sum, sum+c[d]
			}
			shift := s0 + uint(q)*digit
			for _, k := range src {
				d := uint8(k>>shift) & m
				dst[c[d]] = k
				c[d]++
			}
			src, dst = dst, src
		}
	}
	if &src[0] != &keys[0] {
		copy(keys, src)
	}
}

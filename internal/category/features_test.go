package category

import (
	"slices"
	"testing"
)

// TestRadixSort holds radixSort to slices.Sort.
func TestRadixSort(t *testing.T) {
	x := uint64(12345)
	for _, n := range []int{1, 2, 63, 64, 65, 300, 1000} {
		for _, width := range []int{1, 5, 8, 9, 17, 21, 24, 25, 33, 50, 64} {
			keys := make([]uint64, n)
			for i := range keys {
				x = x*6364136223846793005 + 1442695040888963407
				keys[i] = x >> (64 - width) // width's bits, the top one set in about half
				if i%7 == 3 {
					keys[i] = keys[i/2] // duplicates
				}
			}
			want := slices.Clone(keys)
			slices.Sort(want)
			radixSort(keys, make([]uint64, n), width)
			if !slices.Equal(keys, want) {
				t.Errorf("n %d width %d: radixSort differs from slices.Sort", n, width)
			}
		}
	}
}

// appendKeysByNextWord is AppendFeatures' reading of words as it was, one
// nextWord call a word: the keys before they are bucketed.
func appendKeysByNextWord(texts []string, prefix int) []uint64 {
	var keys []uint64
	var prev uint64
	havePrev := false
	for _, text := range texts {
		for i := 0; i < len(text); {
			h, hp, next, ok := nextWord(text, i, prefix)
			i = next
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
	}
	return keys
}

// TestWordsAsNextWord holds AppendFeatures' inlined ASCII words to
// nextWord: the same keys, in the same order, for every prefix.
func TestWordsAsNextWord(t *testing.T) {
	texts := []string{
		"", "a", "ab", "Trump's 2026 plan", "caf\u00e9 CAF\u00c9s na\u00efve", "x\u00e9", "\u00e9x", "AT&amp;T &#39;s #39; ab;",
		"ab&cd; &ab; #ab;", "word\u2019s \u201cquoted\u201d", "\xff\xfeab", "ab\xffcd", "z", "A1b2 C3", "\u0130stanbul",
		"end;", "&ab", "12345678901234567890 electoral elections", "\u00c0\u00c1 abc\u0301d",
	}
	check := func(t *testing.T, texts []string) {
		for _, prefix := range []int{0, 1, 3, 5, 7} {
			want := appendKeysByNextWord(texts, prefix)
			f := &Featurizer{Buckets: 1 << 20, Prefix: prefix}
			f.AppendFeatures(nil, texts...)
			// f.keys holds the keys, bucketed in place: bucket them alike
			for j, k := range want {
				want[j] = k&(1<<20-1)<<1 | k>>63
			}
			slices.Sort(want)
			if !slices.Equal(f.keys, want) {
				t.Errorf("prefix %d %q: keys differ from nextWord's", prefix, texts)
			}
		}
	}
	for _, s := range texts {
		check(t, []string{s})
	}
	check(t, texts)
}

// FuzzWordsAsNextWord is TestWordsAsNextWord on any text.
func FuzzWordsAsNextWord(f *testing.F) {
	f.Add("Trump's 2026 caf\u00e9 plan &amp; ab;", 5)
	f.Fuzz(func(t *testing.T, text string, prefix int) {
		prefix = prefix & 7
		want := appendKeysByNextWord([]string{text}, prefix)
		fz := &Featurizer{Buckets: 1 << 20, Prefix: prefix}
		fz.AppendFeatures(nil, text)
		for j, k := range want {
			want[j] = k&(1<<20-1)<<1 | k>>63
		}
		slices.Sort(want)
		if !slices.Equal(fz.keys, want) {
			t.Errorf("prefix %d %q: keys differ from nextWord's", prefix, text)
		}
	})
}

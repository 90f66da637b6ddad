package entity

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/lede-news/lede/internal/arena"
)

// The tagger's fast paths are held here to the plain forms they replaced
// (commit fb53b27), copied below as they were: the decode over every
// label with a bool a label, and the word tests that decoded every rune.
// Each fast path must give the same answer on any input, ties and
// invalid UTF-8 included, or a report would change.

// oldDecode is lattice.decode before the bit sets (fb53b27), over the
// lattice's static rows and forced marks; it returns the labels and the
// rows' best scores and reached labels.
func oldDecode[T int32 | float32](static [][numLabels]T, forcedMarks []bool, hist func(i, p1 int, out *[numLabels]T), beam T) ([]int, [][numLabels]T, [][numLabels]bool) {
	n := len(static)
	if n == 0 {
		return nil, nil, nil
	}
	best := make([][numLabels]T, n)
	ok := make([][numLabels]bool, n)
	back := make([][numLabels]int8, n)
	isForced := func(i int) bool { return i < len(forcedMarks) && forcedMarks[i] }
	rebase := func(best *[numLabels]T, ok *[numLabels]bool) {
		var top T
		first := true
		for l, o := range ok {
			if o && (first || best[l] > top) {
				top, first = best[l], false
			}
		}
		if first || (top < rebaseAt && top > -rebaseAt) {
			return
		}
		for l, o := range ok {
			if o {
				best[l] -= top
			}
		}
	}
	var h [numLabels]T
	hist(0, startLabel, &h)
	for l := range numLabels {
		if allowed(-1, l) && (l == 0 || !isForced(0)) {
			best[0][l] = static[0][l] + h[l]
			ok[0][l] = true
			back[0][l] = -1
		}
	}
	for i := 1; i < n; i++ {
		prevBest, prevOK := &best[i-1], &ok[i-1]
		rebase(prevBest, prevOK)
		best, ok, back, static := &best[i], &ok[i], &back[i], &static[i]
		forced := isForced(i)
		var floor T
		if beam > 0 {
			first := true
			for p := range numLabels {
				if prevOK[p] && (!forced || successors[p][0] == 0) && (first || prevBest[p] > floor) {
					floor, first = prevBest[p], false
				}
			}
			floor -= beam
		}
		if forced {
			only, n := -1, 0
			for p := range numLabels {
				if prevOK[p] && (beam <= 0 || prevBest[p] >= floor) && successors[p][0] == 0 {
					only, n = p, n+1
				}
			}
			if n == 1 {
				best[0], ok[0], back[0] = prevBest[only], true, int8(only)
				continue
			}
		}
		for p := range numLabels {
			if !prevOK[p] || (beam > 0 && prevBest[p] < floor) {
				continue
			}
			succ := successors[p]
			if forced {
				if succ[0] != 0 {
					continue
				}
				succ = succ[:1]
			}
			h = [numLabels]T{}
			hist(i, p, &h)
			from := prevBest[p]
			for _, l := range succ {
				v := from + h[l] + static[l]
				if !ok[l] || v > best[l] {
					best[l], ok[l], back[l] = v, true, int8(p)
				}
			}
		}
	}
	last := -1
	for l := range numLabels {
		if ok[n-1][l] && (l == 0 || labelPos(l) == posL || labelPos(l) == posU) && (last < 0 || best[n-1][l] > best[n-1][last]) {
			last = l
		}
	}
	if last < 0 {
		last = 0
	}
	labels := make([]int, n)
	for i := n - 1; i >= 0; i-- {
		labels[i] = last
		last = int(back[i][last])
	}
	return labels, best, ok
}

// TestDecodeMatchesOld holds decode to oldDecode on random lattices: few
// distinct scores (ties everywhere), scores large enough to be rebased,
// every token forced, none, or some; one token to thousands; no beam, a
// narrow one and the tagger's.
func TestDecodeMatchesOld(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	type kind struct {
		name  string
		score func() int32
	}
	kinds := []kind{
		{"ties", func() int32 { return int32(r.IntN(3)) - 1 }},
		{"weights", func() int32 { return int32(r.IntN(4*weightOne)) - 2*weightOne }},
		{"rebased", func() int32 { return 1<<26 + int32(r.IntN(1<<20)) }},
		{"rebased down", func() int32 { return -1<<26 - int32(r.IntN(1<<20)) }},
	}
	var lt lattice[int32]
	for round := range 600 {
		k := kinds[round%len(kinds)]
		n := 1 + r.IntN(12)
		switch round % 10 {
		case 7:
			n = 1
		case 9:
			n = 200 + r.IntN(300)
		}
		lt.reset(n)
		forced := make([]bool, n)
		p := []float64{0, 1, 0.3, 0.7}[round/len(kinds)%4]
		for i := range forced {
			forced[i] = r.Float64() < p
		}
		lt.forced = append(lt.forced, forced...)
		for i := range lt.static {
			for l := range numLabels {
				lt.static[i][l] = k.score()
			}
		}
		hists := make([][numLabels + 1][numLabels]int32, n)
		for i := range hists {
			for p := range numLabels + 1 {
				for l := range numLabels {
					hists[i][p][l] = k.score() / 4
				}
			}
		}
		hist := func(i, p1 int, out *[numLabels]int32) {
			for l := range out {
				out[l] += hists[i][p1][l]
			}
		}
		for _, beam := range []int32{0, 2, beamWidth} {
			wantLabels, wantBest, wantOK := oldDecode(lt.static, forced, hist, beam)
			got := lt.decode(hist, beam)
			for i := range n {
				if got[i] != wantLabels[i] {
					t.Fatalf("round %d (%s, %d tokens, beam %d): labels %v, want %v", round, k.name, n, beam, got, wantLabels)
				}
				for l := range numLabels {
					reached := lt.reached[i]&(1<<l) != 0
					if reached != wantOK[i][l] || reached && lt.best[i][l] != wantBest[i][l] {
						t.Fatalf("round %d (%s, %d tokens, beam %d): token %d label %d reached %v best %d, want %v %d", round, k.name, n, beam, i, l, reached, lt.best[i][l], wantOK[i][l], wantBest[i][l])
					}
				}
			}
		}
	}
}

// TestDecodeMatchesOldFloat is TestDecodeMatchesOld for training's
// float32 lattice, which has no forced tokens.
func TestDecodeMatchesOldFloat(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	var lt lattice[float32]
	for round := range 200 {
		n := 1 + r.IntN(30)
		lt.reset(n)
		for i := range lt.static {
			for l := range numLabels {
				lt.static[i][l] = float32(r.NormFloat64())
				if round%2 == 0 {
					lt.static[i][l] = float32(r.IntN(3)) // ties
				}
			}
		}
		hist := func(i, p1 int, out *[numLabels]float32) {
			for l := range out {
				out[l] += float32((i*31+p1*7+l*3)%5) / 4
			}
		}
		for _, beam := range []float32{0, 1.5} {
			want, _, _ := oldDecode(lt.static, nil, hist, beam)
			got := lt.decode(hist, beam)
			for i := range want {
				if got[i] != want[i] {
					t.Fatalf("round %d, beam %v: labels %v, want %v", round, beam, got, want)
				}
			}
		}
	}
}

func oldWordClass(w string, buf []byte) (class int, bits uint8, _ []byte) {
	if w == "" {
		return mayName, 0, buf
	}
	for i := 0; i < len(w); {
		c := w[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
				return mayName, 0, buf
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(w[i:])
		if unicode.IsUpper(r) || unicode.IsTitle(r) || unicode.IsDigit(r) {
			return mayName, 0, buf
		}
		i += size
	}
	buf = foldInto(buf, w)
	if b, ok := connectors[string(buf)]; ok {
		return connector, b, buf
	}
	return plainWord, 0, buf
}

func oldNormalizeIn(s string, buf []byte) string {
	buf = foldInto(buf, s)
	if string(buf) == s {
		return s
	}
	return string(buf)
}

func oldCaseOf(s string) (upper, allCaps bool) {
	r, _ := utf8.DecodeRuneInString(s)
	upper = unicode.IsUpper(r)
	letters := 0
	allCaps = true
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters++
			if !unicode.IsUpper(r) {
				allCaps = false
				break
			}
		}
	}
	return upper, allCaps && letters > 0
}

func oldIsCapitalised(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || unicode.IsDigit(r)
}

// checkWordPaths holds the ASCII fast paths of one word to the old forms.
func checkWordPaths(t *testing.T, w string) {
	t.Helper()
	c, b := wordClass(w, new([]byte))
	wc, wb, _ := oldWordClass(w, nil)
	if c != wc || b != wb {
		t.Errorf("wordClass(%q) = %d, %d; old %d, %d", w, c, b, wc, wb)
	}
	var a arena.Strings
	if got, _ := normalizeIn(w, nil, &a); got != oldNormalizeIn(w, nil) {
		t.Errorf("normalizeIn(%q) = %q; old %q", w, got, oldNormalizeIn(w, nil))
	}
	u, all := caseOf(w)
	wu, wall := oldCaseOf(w)
	if u != wu || all != wall {
		t.Errorf("caseOf(%q) = %v, %v; old %v, %v", w, u, all, wu, wall)
	}
	if got, want := isCapitalised(w), oldIsCapitalised(w); got != want {
		t.Errorf("isCapitalised(%q) = %v; old %v", w, got, want)
	}
}

// wordPathSeeds are words that reach each branch of the fast paths and
// the runes they must leave to the slow ones.
var wordPathSeeds = []string{
	"", "a", "A", "the", "The", "of", "’s", "'s", "`s", "n’t", "n't", "a.s.", "al-", "self-rule",
	"germany", "Germany", "GERMANY", "championship", "championships", "x-championship-y",
	"1996", "x1", "ǅemal", "ǆ", "ǅ", "İstanbul", "istanbul", "ıstanbul", "İ", "é", "é", "Éé",
	"ｔｈｅ", "Ｔｈｅ", "ＵＮ", "\xff", "a\xff", "A\xff", "\xc3", "the\xc3", "\x80of", "of\x00",
	"٣", "x٣", "ⅷ", "Ⅷ", "ß", "ẞ", "σ", "Σ", "Ω", "ω", "U.S.", "iPhone", "McDONALD", "-", "“Yes",
	"\u0301", "e\u0301", "de", "dé", "DE", "strasse", "the\u200b",
}

func TestWordPathsMatchOld(t *testing.T) {
	for _, w := range wordPathSeeds {
		checkWordPaths(t, w)
	}
	// random strings over an alphabet of the bytes and runes that matter
	alphabet := []string{"a", "e", "o", "f", "t", "h", "s", "A", "Z", "0", "9", "'", "`", ".", "-", "&",
		"\x00", "\x7f", "\x80", "\xff", "\xc3", "é", "É", "ǅ", "İ", "ı", "’", "—", "ｔ", "Ｔ", "٣", "\u0301", "ß"}
	r := rand.New(rand.NewPCG(5, 6))
	var sb strings.Builder
	for range 20000 {
		sb.Reset()
		for range r.IntN(8) {
			sb.WriteString(alphabet[r.IntN(len(alphabet))])
		}
		checkWordPaths(t, sb.String())
	}
	// every connector, as written, capitalised and with a typographic
	// apostrophe
	for c := range connectors {
		checkWordPaths(t, c)
		checkWordPaths(t, strings.ToUpper(c[:1])+c[1:])
		checkWordPaths(t, strings.ReplaceAll(c, "'", "’"))
	}
}

// FuzzWordPaths holds the fast paths to the old forms on any string.
func FuzzWordPaths(f *testing.F) {
	for _, w := range wordPathSeeds {
		f.Add(w)
	}
	f.Fuzz(func(t *testing.T, w string) { checkWordPaths(t, w) })
}

// TestKeyIndexBisect holds keyIndex.find, which bisects a bucket longer
// than scanMax, to a search of the keys: buckets of every length around
// scanMax (and one of 2^16 keys, a whole bucket), at the start and end of
// a block of buckets (the 32-bit base), the last bucket; keys present,
// and absent below, between and above a bucket's.
func TestKeyIndexBisect(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	set := map[uint32]bool{}
	for _, b := range []uint32{0, 1, 1023, 1024, 1025, 2047, 2048, 0x7fff, 0xfffe, 0xffff} {
		n := int(b % 40) // lengths 0..39 around scanMax
		if b == 1024 || b == 0xffff {
			n = scanMax + 1
		}
		if b == 2048 {
			n = scanMax
		}
		for n > 0 {
			k := b<<keyBits | uint32(r.IntN(1<<keyBits))
			if !set[k] {
				set[k] = true
				n--
			}
		}
	}
	for low := range uint32(1 << keyBits) { // a whole bucket
		if low%3 != 1 {
			set[0x5000<<keyBits|low] = true
		}
	}
	set[0xffffffff], set[0xffff0000] = true, true
	keys := make([]uint32, 0, len(set))
	for k := range set {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, byteOffsets := range []bool{false, true} {
		x := newKeyIndex(keys, byteOffsets)
		for i, k := range keys {
			if got := x.find(k); got != i {
				t.Fatalf("find(%#x) = %d, want %d", k, got, i)
			}
			for _, d := range []uint32{1, 2, ^uint32(0)} { // the keys just above and below
				if a := k + d; !set[a] {
					if got := x.find(a); got != -1 {
						t.Fatalf("find(%#x) = %d, want -1", a, got)
					}
				}
			}
		}
		for range 100000 {
			k := r.Uint32()
			if r.IntN(2) == 0 {
				k = keys[r.IntN(len(keys))]&0xffff0000 | uint32(r.IntN(1<<keyBits))
			}
			want, ok := slices.BinarySearch(keys, k)
			if !ok {
				want = -1
			}
			if got := x.find(k); got != want {
				t.Fatalf("find(%#x) = %d, want %d", k, got, want)
			}
		}
	}
}

// TestLazyFillDecodes holds the tagger, which fills a word's rows and
// history refs only within two tokens of one not forced (Tagger.fill), to
// one whose every word was filled before: the same labels, and the same
// best score for every label reached at every token (the margins read
// them). Runs of forced tokens at the start, middle and end, a lone token
// and a sentence all forced but one are among the sentences.
func TestLazyFillDecodes(t *testing.T) {
	m, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	sentences := append([]string{
		"said",
		"Trump",
		"he said that it was the best of all the days and that they would go on to win it Trump",
		"Obama he said that it was the best of all the days and that they would go on to win it",
		"it was said that the best of them all was in the house of the Bank of England on the day",
		"the said of the the of Paris of the the of the said of",
		"to be or not to be",
	}, splitSentences...)
	sentences = append(sentences, conllSentences(1500)...)
	for _, s := range sentences {
		words := strings.Fields(s)
		lazy := m.NewTagger()
		got := lazy.Tag(words)
		eager := m.NewTagger()
		eager.Tag(words)
		fillAll(eager)
		eager.seen, eager.seenID = nil, nil // the same document history as lazy's: none
		want := eager.Tag(words)
		if !slices.Equal(got, want) || !slices.Equal(lazy.lat.labels, eager.lat.labels) {
			t.Fatalf("%q: spans %v labels %v; filled first %v %v", s, got, lazy.lat.labels, want, eager.lat.labels)
		}
		for i := range words {
			if lazy.lat.reached[i] != eager.lat.reached[i] {
				t.Fatalf("%q token %d: labels reached %b; filled first %b", s, i, lazy.lat.reached[i], eager.lat.reached[i])
			}
			for l := range numLabels {
				if lazy.lat.reached[i]&(1<<l) != 0 && lazy.lat.best[i][l] != eager.lat.best[i][l] {
					t.Fatalf("%q token %d label %d: best %d; filled first %d", s, i, l, lazy.lat.best[i][l], eager.lat.best[i][l])
				}
			}
		}
	}
}

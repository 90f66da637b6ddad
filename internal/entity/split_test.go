package entity

import (
	"maps"
	"math/bits"
	"os"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/lede-news/lede/internal/doc"
)

// splitSentences are sentences that reach every branch of the features:
// the sentence's ends, a one- and two-token sentence, capitals, lower case,
// a title-case headline, capitalised runs, gazetteer names, acronyms,
// digits and non-ASCII letters.
var splitSentences = []string{
	"South Korean President Lee Jae Myung will meet U.S. President Donald Trump for the second time in two months on Wednesday , ahead of the Asia-Pacific Economic Cooperation summit in Gyeongju .",
	"Trump",
	"Hello world",
	"GERMANY BEAT RUSSIA 2-1 IN MOSCOW",
	"the bank of england said on monday it would keep rates at 4.5 per cent",
	"Trump Allows Commercial Fishing in Protected New England Waters",
	"The Korea Development Bank and the International Monetary Fund met in São Paulo and Zürich .",
	"“ We will not , ” said Ursula von der Leyen of the European Commission , quoting NATO and the UN .",
	"Kim Young-sam visited the United Nations in New York on 12 March 1996 at 10:30 .",
}

// conllSentences returns the first n sentences of CoNLL-2003 dev, or none
// without ../shared.
func conllSentences(n int) []string {
	data, err := os.ReadFile("../../../shared/data/ner/conll2003/eng.testa")
	if err != nil {
		return nil
	}
	var out []string
	var cur []string
	for _, line := range strings.Split(string(data), "\n") {
		f := strings.Fields(line)
		if len(f) == 0 || f[0] == "-DOCSTART-" {
			if len(cur) > 0 {
				out = append(out, strings.Join(cur, " "))
				if len(out) == n {
					break
				}
			}
			cur = nil
			continue
		}
		cur = append(cur, f[0])
	}
	return out
}

// TestSplitFeatures checks that the tagger's parts of the context features
// (split.go) are exactly contextFeatures, which training uses.
func TestSplitFeatures(t *testing.T) {
	m, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range append(splitSentences, conllSentences(2000)...) {
		words := strings.Fields(s)
		toks, _ := prepare(nil, words, &m.lex, &m.gaz, nil)
		for i := range toks {
			want := wordFeatures(&toks[i], nil)
			got := wordOwnFeatures(&toks[i], clusterOwnFeatures(&toks[i], shapeOwnFeatures(&toks[i], nil)))
			slices.Sort(want)
			slices.Sort(got)
			if !slices.Equal(got, want) {
				t.Fatalf("%q token %d: split word features differ from wordFeatures:\n got %v\nwant %v", s, i, got, want)
			}
		}
		for _, sc := range []int{caseNormal, caseCaps, caseLower} {
			for i := range toks {
				want := contextFeatures(toks, i, sc, nil)
				got := splitFeatures(toks, i, sc, nil)
				slices.Sort(want)
				slices.Sort(got)
				if !slices.Equal(got, want) {
					t.Fatalf("%q token %d, case %d: split features differ from contextFeatures:\n got %v\nwant %v", s, i, sc, got, want)
				}
			}
		}
	}
}

// TestTaggerScores checks the tagger's cached scores against scoring every
// feature of every token afresh: the static scores of each token (with the
// prediction history the sentences before left, dochist.go), and the
// history scores for every previous label, over sentences that share
// words, then again after Forget; and that a tagger whose cache is full
// (every word scored per sentence) finds the same names.
func TestTaggerScores(t *testing.T) {
	m, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	tg := m.NewTagger()
	full := m.NewTagger() // a tagger whose word cache is full: every word is scored per sentence
	for i := range maxCache {
		full.cache.put(strconv.Itoa(i)+"\x00", int32(i))
	}
	full.known, full.infos = make([]tokInfo, maxCache), make([]wordInfo, maxCache)
	sentences := append(splitSentences, conllSentences(500)...)
	for k, s := range append(sentences, sentences...) {
		if k == len(sentences) {
			tg.Forget()
			clear(full.seen) // a new document for full too, keeping its cache full
		}
		words := strings.Fields(s)
		seen := seenOf(tg) // the prediction history the sentence sees
		spans := tg.Tag(words)
		if got := full.Tag(words); !reflect.DeepEqual(got, spans) || !slices.Equal(full.lat.static, tg.lat.static) {
			t.Fatalf("%q: with a full cache the tagger finds %v, want %v (or its scores differ)", s, got, spans)
		}
		forced, all := forcedOf(words) // as written, before truecasing
		if IsTitleCase(words) && !all {
			words = tg.words
		}
		if all {
			if spans != nil {
				t.Fatalf("%q: no token can be in a name, but the tagger finds %v", s, spans)
			}
			continue
		}
		toks, _ := prepare(nil, words, &m.lex, &m.gaz, nil)
		// a word the tagger did not fill was not looked up in the lexicon
		// and gazetteer (fill); the scores below, from prepare's full
		// information, show that nothing reads what it lacks
		want := slices.Clone(toks)
		for i := range want {
			if !tg.infos[tg.ids[i]].filled {
				w := &want[i]
				w.cl1, w.cl2, w.capr, w.part, w.whole = 0, 0, 0, 0, 0
			}
		}
		if !slices.Equal(want, tg.toks) {
			t.Fatalf("%q: the tagger's token information differs from prepare's", s)
		}
		sc := sentenceCase(toks)
		fillAll(tg) // for the history of every token, not only those decode reads
		for i := range toks {
			var want [numLabels]int32
			m.add(docFeatures(seen, words[i], &toks[i], staticFeatures(toks, i, sc, nil)), &want)
			if forced[i] {
				want = [numLabels]int32{} // not scored: constrain.go
			}
			if tg.lat.static[i] != want {
				t.Fatalf("%q token %d: static scores %v, want %v", s, i, tg.lat.static[i], want)
			}
			b := historyBase(toks, i)
			for p1 := range numLabels + 1 {
				var want [numLabels]int32
				m.historyScores(&b, p1, &want)
				var got [numLabels]int32
				tg.history(i, p1, &got)
				if got != want {
					t.Fatalf("%q token %d, previous label %d: history scores %v, want %v", s, i, p1, got, want)
				}
			}
		}
	}
}

// forcedOf returns markForced of words.
func forcedOf(words []string) ([]bool, bool) {
	_, forced, all, _ := markForced(words, nil, nil, nil)
	return forced, all
}

// seenOf returns the labels tg gave each word form so far, by the word.
func seenOf(tg *Tagger) map[string]docSeen {
	seen := maps.Clone(tg.seen)
	if seen == nil {
		seen = map[string]docSeen{}
	}
	tg.cache.all(func(w string, id int32) {
		if int(id) < len(tg.seenID) && tg.seenID[id] != (docSeen{}) {
			seen[w] = tg.seenID[id]
		}
	})
	return seen
}

// TestAnnotateConcurrent checks that goroutines sharing the model, and so
// its pool of taggers, find what one goroutine finds alone (run it with
// -race too).
func TestAnnotateConcurrent(t *testing.T) {
	m, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{
		"South Korean President Lee Jae Myung will meet U.S. President Donald Trump in Gyeongju.",
		"The Korea Development Bank and the International Monetary Fund met in São Paulo.",
		"Ursula von der Leyen of the European Commission spoke in Brussels on Monday.",
		"GERMANY BEAT RUSSIA 2-1 IN MOSCOW",
	}
	want := make([][]doc.Entity, len(texts))
	for i, s := range texts {
		want[i] = m.Annotate(segmented(s))
	}
	var wg sync.WaitGroup
	errs := make(chan string, 8*len(texts))
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range 3 * len(texts) {
				i := (g + k) % len(texts)
				if got := m.Annotate(segmented(texts[i])); !reflect.DeepEqual(got, want[i]) {
					errs <- texts[i]
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for s := range errs {
		t.Errorf("%q: concurrent Annotate differs from a lone one", s)
	}
}

// TestHistoryBlocks checks that the history blocks give the rows the same
// weights kept under their own keys give (Weights without Hist: every row
// flat, the layout before blocks), for every previous label of every token
// of the training sentences and of words the training never saw; and that
// a base whose key is taken by another row falls back to its rows' keys.
func TestHistoryBlocks(t *testing.T) {
	gaz := map[uint64]uint8{}
	sents := tinySentences(gaz)
	w := Train(sents, map[string]LexEntry{}, TrainConfig{Epochs: 8, Seed: 1})
	if len(w.Hist) == 0 {
		t.Fatal("training kept no history rows")
	}
	// a base whose key is a row's key: take one blocked row's base and
	// give its key a row of its own
	var taken HistKey
	first := ^uint32(0)
	for k, h := range w.Hist {
		if k < first {
			first, taken = k, h
		}
	}
	w.Rows[hash(taken.Base).key()] = &[numLabels]float32{1: 0.5}
	// a base of one row of one label (training's rows move two labels):
	// "Zorblax" after O
	zb := newHash(fT1W0).str("zorblax")
	w.Rows[zb.num(0).key()] = &[numLabels]float32{5: 0.5}
	w.Hist[zb.num(0).key()] = HistKey{Base: uint64(zb), Prev: 0}
	flatW := Weights{Rows: w.Rows}
	blocked, flat := NewModel(nil, gaz, w, 0, 1e4), NewModel(nil, gaz, flatW, 0, 1e4)
	if blocked.Features() != flat.Features() {
		t.Fatalf("%d rows blocked, %d flat", blocked.Features(), flat.Features())
	}
	if got := blocked.histRef(hash(taken.Base)); got != refFallback {
		t.Errorf("base with a taken key: ref %#x, want refFallback", got)
	}
	var blocks, singles int
	tg := blocked.NewTagger()
	for _, s := range append(sents, TrainSentence{Words: strings.Fields("Zorblax Quint met nobody new at Vexford .")}) {
		if _, all := forcedOf(s.Words); all {
			continue // not scored (constrain.go)
		}
		toks, _ := prepare(nil, s.Words, &blocked.lex, &blocked.gaz, nil)
		tg.Tag(s.Words) // none of the sentences is in title case
		fillAll(tg)
		for i := range toks {
			b := historyBase(toks, i)
			for _, h := range b[1:] {
				switch blocked.histRef(h) & 31 {
				case refBlock:
					blocks++
				case refSingle:
					singles++
				}
			}
			for p1 := range numLabels + 1 {
				var got, want [numLabels]int32
				blocked.historyScores(&b, p1, &got)
				f := b.history(p1)
				flat.add(f[:], &want)
				if got != want {
					t.Fatalf("%q token %d, previous label %d: blocked %v, flat %v", s.Words, i, p1, got, want)
				}
				tg.history(i, p1, &got)
				if got != want {
					t.Fatalf("%q token %d, previous label %d: the tagger's %v, flat %v", s.Words, i, p1, got, want)
				}
			}
		}
	}
	if blocks == 0 || singles == 0 {
		t.Fatalf("history bases found %d blocks and %d single rows, want some of each", blocks, singles)
	}
}

// TestWordHashes holds wordHashes to the features it stands for: each
// template's hash of the word as str gives it, the neighbour features'
// keys by role (wordNeighbourFeatures) and the W0 key of wordOwnFeatures.
func TestWordHashes(t *testing.T) {
	for _, w := range []string{"", "a", "the", "^un", "trump's", "gyeongju", "0,000.00", "étaient", "asia-pacific", strings.Repeat("x", 40)} {
		h := wordHashes(w)
		for k, tmpl := range wordTemplates {
			if want := newHash(tmpl).str(w); h[k] != want {
				t.Errorf("%q: hash %d (template %d) = %x, want %x", w, k, tmpl, h[k], want)
			}
		}
		tok := tokInfo{lower: w, shape: "x"}
		for role := range numRoles {
			if got, want := []uint32{h[whRole+role].key()}, wordNeighbourFeatures(&tok, role, nil); !slices.Equal(got, want) {
				t.Errorf("%q, role %d: key %v, want %v", w, role, got, want)
			}
		}
		if got, want := wordOwnFeaturesW0(&tok, h[whW0], nil), wordOwnFeatures(&tok, nil); !slices.Equal(got, want) {
			t.Errorf("%q: own features %v, want %v", w, got, want)
		}
		if h[whT1W0] != newHash(fT1W0).str(w) || h[whT1Wp1] != newHash(fT1Wp1).str(w) {
			t.Errorf("%q: history bases differ", w)
		}
	}
}

// TestAffixKeys holds wordOwnFeaturesW0 — the prefix and suffix hashes
// made side by side, the shape's two features in one loop — to the
// features as wordFeatures writes them (features.go), key for key and in
// order, for words of every length around the four bytes the affixes read,
// with and without a cluster and name-part bits.
func TestAffixKeys(t *testing.T) {
	for _, w := range []string{"", "a", "of", "the", "kim", "moon", "seoul", "étaient", "0,000.00", "asia-pacific"} {
		for _, tok := range []tokInfo{
			{lower: w, shape: "x"},
			{lower: w, shape: "Xx", cl1: 3, cl2: 17},
			{lower: w, shape: "X.X.", cl1: 1, cl2: 2, part: 0b1010, upper: true},
		} {
			n := len(w)
			want := []uint32{newHash(fW0).str(w).key()}
			for k := 1; k <= 4 && k <= n; k++ {
				want = append(want, newHash(fPre).num(k).str(w[:k]).key(), newHash(fSuf).num(k).str(w[n-k:]).key())
			}
			want = append(want, newHash(fLen).num(min(n, 12)).str(tok.shape).key())
			if tok.cl1 != 0 {
				want = append(want, newHash(fCl0).num(3).num(int(tok.cl2)).str(tok.shape).key())
			}
			for typ := range numTypes {
				if tok.part&(1<<typ) != 0 {
					want = append(want, newHash(fPart).num(typ).num(b2i(tok.upper)).key())
				}
			}
			if got := wordOwnFeatures(&tok, nil); !slices.Equal(got, want) {
				t.Errorf("%q %+v: keys %v, want %v", w, tok, got, want)
			}
		}
	}
}

// TestNeighbourRolesRead tags the sample article (skipped without
// ../shared) and counts the words the tagger filled and the rows they give
// the token before and after them that a score read (fillRole sums each
// where it is first read): the figure docs/models/ner.md gives (go test -v
// -run NeighbourRolesRead ./internal/entity). A word that was not filled
// must have made none but the keys it gives two tokens away (it is filled
// where a score reads any other part of it).
func TestNeighbourRolesRead(t *testing.T) {
	m, d := sampleDoc(t)
	tg := m.tagger(d)
	defer m.release(tg)
	m.tagAll(tg, d, nil)
	filled, read, far, farRead := 0, 0, 0, 0
	for i := range tg.cache.len() {
		wi := &tg.infos[i]
		if !wi.filled {
			if wi.roles&^(1<<asPrev2|1<<asNext2) != 0 {
				t.Errorf("word %d: neighbour rows %04b summed, but it was not filled", i, wi.roles)
			}
			if wi.roles != 0 {
				far++
				farRead += bits.OnesCount8(wi.roles)
			}
			continue
		}
		filled++
		read += bits.OnesCount8(wi.roles)
	}
	t.Logf("%d words of %d filled; %d of their %d rows as the token before or after read; %d more read only two tokens away, in %d roles", filled, tg.cache.len(), read, 2*filled, far, farRead)
}

// fillAll fills every word of the sentence tg tagged last (Tagger.fill
// fills only those a score reads), so that tests can read the history
// rows of every token.
func fillAll(tg *Tagger) {
	for _, id := range tg.ids {
		tg.fill(id)
	}
}

// TestAnnotateReuse checks that a tagger used for one document finds in the
// next what a new tagger finds, and that what it keeps between documents
// (the mentions' and the resolver's memory) holds none of the last one's
// strings.
func TestAnnotateReuse(t *testing.T) {
	m, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{
		"South Korean President Lee Jae Myung will meet U.S. President Donald Trump in Gyeongju. Trump and Lee spoke.",
		"The Korea Development Bank and the International Monetary Fund met in São Paulo.",
		"GERMANY BEAT RUSSIA 2-1 IN MOSCOW",
		"Meanwhile, Additionally and Furthermore: Trump spoke. Meanwhile Lee left.",
		"",
	}
	tg := m.NewTagger()
	for _, s := range texts {
		want := m.NewTagger()
		wantEnts := m.annotateWith(want, segmented(s))
		got := m.annotateWith(tg, segmented(s))
		if !reflect.DeepEqual(got, wantEnts) {
			t.Errorf("%q: a reused tagger found %v, a new one %v", s, got, wantEnts)
		}
		tg.Forget()
		r := &tg.res
		kept := slices.ContainsFunc(tg.ms[:cap(tg.ms)], func(m mention) bool { return m != mention{} }) ||
			slices.ContainsFunc(r.fold[:cap(r.fold)], func(s string) bool { return s != "" }) ||
			slices.ContainsFunc(r.tallies[:cap(r.tallies)], func(v tally) bool { return v.tokens != nil }) ||
			slices.ContainsFunc(r.forms[:cap(r.forms)], func(f formCount) bool { return f.s != "" }) ||
			slices.ContainsFunc(r.groups[:cap(r.groups)], func(g nameGroup) bool { return g.tokens != nil }) ||
			slices.ContainsFunc(r.vwords[:cap(r.vwords)], func(s string) bool { return s != "" }) ||
			slices.ContainsFunc(r.info[:cap(r.info)], func(n nameInfo) bool { return n != nameInfo{} }) ||
			slices.ContainsFunc(r.names.slots, func(s wordSlot) bool { return s != wordSlot{} }) ||
			slices.ContainsFunc(r.links[:cap(r.links)], func(l link) bool { return l != link{} }) ||
			slices.ContainsFunc(r.th[:cap(r.th)], func(h uint32) bool { return h != 0 }) ||
			slices.ContainsFunc(r.covered[:cap(r.covered)], func(c bool) bool { return c }) ||
			slices.ContainsFunc(tg.sent[:cap(tg.sent)], func(s string) bool { return s != "" }) ||
			r.names.len() > 0 || r.d != nil
		if kept {
			t.Errorf("%q: the tagger kept the document's mentions or strings", s)
		}
	}
}

// TestAnnotateAfterPanic checks that a tagger whose document panicked
// half-way through resolving (the engine recovers a pass's panic, and
// Annotate's deferred release pools the tagger again) finds in the next
// document what a new tagger finds. The panic comes from a nil model, which
// the resolver first reads in vote, after dropJunk, extend and addRepeats
// have filled the maps and folded forms it keeps.
func TestAnnotateAfterPanic(t *testing.T) {
	m, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	texts := [2]string{ // as many tokens each
		"Donald Trump met Lee Jae Myung at the Korea Development Bank in Seoul. Trump and Lee spoke.",
		"Talks in Hanoi: Kim Jong Un and Vladimir Putin of Russia, with Xi Jinping. Kim said no.",
	}
	for i, s := range texts {
		tg := m.NewTagger()
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%q: resolving with a nil model did not panic", s)
				}
			}()
			var broken *Model
			broken.annotateWith(tg, segmented(s))
		}()
		tg.Forget()
		// the other text first: the same one would find its own state
		for _, next := range []string{texts[1-i], s} {
			want := m.annotateWith(m.NewTagger(), segmented(next))
			got := func() (got []doc.Entity) {
				defer func() {
					if p := recover(); p != nil {
						t.Errorf("%q after a panic on %q: %v", next, s, p)
					}
				}()
				return m.annotateWith(tg, segmented(next))
			}()
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%q after a panic on %q: found %v, a new tagger %v", next, s, got, want)
			}
		}
	}
}

// TestWordShape holds wordShape, which reads ASCII by table, to the
// shape as it was written rune by rune (range over the word), on ASCII,
// other scripts, typographic marks, invalid UTF-8 and words longer than
// the eight classes kept.
func TestWordShape(t *testing.T) {
	byRunes := func(s string) string {
		var buf []byte
		var last byte
		for _, r := range s {
			var c byte
			switch {
			case r < utf8.RuneSelf && r >= 'A' && r <= 'Z':
				c = 'X'
			case r < utf8.RuneSelf && r >= 'a' && r <= 'z':
				c = 'x'
			case r >= '0' && r <= '9':
				c = 'd'
			case r < utf8.RuneSelf:
				c = byte(r)
			case unicode.IsUpper(r):
				c = 'X'
			case unicode.IsLetter(r):
				c = 'x'
			default:
				c = byte(foldRune(r))
				if foldRune(r) == r {
					c = 'o'
				}
			}
			if c != last || (c != 'X' && c != 'x' && c != 'd') {
				buf = append(buf, c)
			}
			last = c
			if len(buf) >= 8 {
				break
			}
		}
		return string(buf)
	}
	words := []string{"", "McDonald", "U.S.", "1,000.5", "x-Xx", "Trump’s", "«Élysée»", "Ålesund",
		"ΑΘΗΝΑ", "北京", "a\xffb", "\xc3", "—", "'s", "A.B.C.D.E.F.G.H.", "aBcDeFgHiJkL", "9/11", "e-mail", "\t"}
	// every ASCII byte, alone and twice between letters, so each entry of
	// the table is held to the rune-by-rune reading
	for b := byte(0); b < utf8.RuneSelf; b++ {
		words = append(words, string([]byte{b}), string([]byte{'a', b, b, 'B'}))
	}
	for _, w := range words {
		if got := wordShape(w); got != byRunes(w) {
			t.Errorf("wordShape(%q) = %q, want %q", w, got, byRunes(w))
		}
	}
}

// TestCaseBits holds sentenceCase, which reads each token's caseBits, to
// its definition read off the tokens' shapes and case in every sentence:
// capitals, lower case, title case, mixed, digits, marks and non-ASCII
// words, and every sentence of two and three of them.
func TestCaseBits(t *testing.T) {
	want := func(toks []tokInfo) int {
		lower, caps, words, upper := 0, 0, 0, 0
		for i := range toks {
			sh := toks[i].shape
			switch {
			case toks[i].allCaps && len(toks[i].lower) > 1:
				caps++
			case sh != "" && (sh[0] == 'x' || sh[0] == 'X'):
				lower++
			}
			if sh != "" && (sh[0] == 'x' || sh[0] == 'X') {
				words++
				if strings.ContainsRune(sh, 'X') {
					upper++
				}
			}
		}
		switch {
		case caps >= 2 && caps > 2*lower:
			return caseCaps
		case words >= 3 && upper == 0:
			return caseLower
		}
		return caseNormal
	}
	words := []string{"GERMANY", "BEAT", "the", "Russia", "A", "I", "U.S.", "1996", "3-1", ",", "(", "McDonald", "iPhone",
		"ÉCOLE", "école", "Zürich", "x", "", "'s", "GmbH", "NATO's", "e-mail", "CAPS-lock"}
	var toks []tokInfo
	for _, w := range words {
		ti, _ := wordForm(w, nil, nil)
		toks = append(toks, ti)
	}
	for _, a := range toks {
		for _, b := range toks {
			for _, c := range append([]tokInfo{{}}, toks...) {
				sent := []tokInfo{a, b}
				if c != (tokInfo{}) {
					sent = append(sent, c, c)
				}
				if got, w := sentenceCase(sent), want(sent); got != w {
					t.Errorf("%q %q %q: sentenceCase %d, want %d", a.lower, b.lower, c.lower, got, w)
				}
			}
		}
	}
	if sentenceCase(toks) != want(toks) {
		t.Errorf("all the words: sentenceCase %d, want %d", sentenceCase(toks), want(toks))
	}
}

// TestShapeID holds shapeID to commonShapes: the tagger keys a common
// shape's class by it, so two shapes must never share an id.
func TestShapeID(t *testing.T) {
	for k, c := range commonShapes {
		if got := shapeID(c); got != uint8(k+1) {
			t.Errorf("shapeID(%q) = %d, want %d", c, got, k+1)
		}
	}
	for _, s := range []string{"", "xX", "XxXx", "X.", "dd", "d,d", "Xx-Xx", "x-x", "'", "o"} {
		if got := shapeID(s); got != 0 {
			t.Errorf("shapeID(%q) = %d, want 0", s, got)
		}
	}
}

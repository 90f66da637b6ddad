package entity

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/lede-news/lede/internal/doc"
)

// TestResolverMatchesReference holds the resolver to the plain one it
// replaced (refResolver, resolve_ref_test.go: every key a string in a Go
// map): the same entities, names, aliases, mentions and salience, on
// documents generated to make names collide (repeats, people's first and
// last names, acronyms, honorifics, widened names, tokens holding spaces,
// other scripts) with mentions placed at random, and on real articles
// through the tagger (the sample, the DUC-2001 texts and the pasted dev
// texts under ../shared, when present). The resolver under test is reused
// from one document to the next, as the tagger's is; the reference is new
// for each.
func TestResolverMatchesReference(t *testing.T) {
	m, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	check := func(name string, r *resolver, d *doc.Document, ms []mention) {
		t.Helper()
		ref := refResolver{m: m, d: d}
		rms := make([]refMention, len(ms))
		for i, x := range ms {
			rms[i] = refMention{sent: x.sent, first: x.first, last: x.last, typ: x.typ, margin: x.margin, titleCase: x.titleCase}
		}
		want, _ := ref.resolveAll(rms)
		r.m, r.d = m, d
		got, _ := r.resolveAll(ms)
		r.reset()
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: the resolver and the reference disagree\n got  %+v\n want %+v", name, got, want)
		}
	}
	rng := rand.New(rand.NewPCG(12, 1))
	n := 3000
	if testing.Short() {
		n = 300
	}
	var gen resolver
	for i := range n {
		d, ms := randomResolverDoc(rng)
		check(fmt.Sprintf("generated document %d", i), &gen, d, ms)
	}
	// real articles, tagged: the resolver takes the tagger's folded forms
	// (foldedAs), as in Annotate
	var texts []string
	if b, err := os.ReadFile("../../../shared/samples/korea-us-summit.txt"); err == nil {
		texts = append(texts, string(b))
	}
	for _, dir := range []string{"../../../shared/data/keyphrases/duc2001/docs", "../../../shared/data/article-extraction/dev-pasted/text"} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
		if testing.Short() && len(files) > 20 {
			files = files[:20]
		}
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			texts = append(texts, string(b))
		}
	}
	if len(texts) == 0 {
		t.Log("../shared not found: generated documents only")
	}
	for i, text := range texts {
		d := segmented(text)
		tg := m.tagger(d) // the pool's: its resolver reused
		tg.res.m, tg.res.d = m, d
		ms := m.tagAll(tg, d, nil)
		check(fmt.Sprintf("text %d (%.40q)", i, text), &tg.res, d, ms)
		m.release(tg)
	}
}

// randomResolverDoc builds a document of a few blocks of sentences of words
// drawn from a small vocabulary of names and their parts, with mentions at
// random: non-overlapping spans inside a sentence, in order, as the tagger
// gives them.
func randomResolverDoc(rng *rand.Rand) (*doc.Document, []mention) {
	vocab := []string{
		"Lee", "Jae", "Myung", "Donald", "Trump", "Trump's", "Kim", "Jong", "Un", "Kim-Jong",
		"United", "States", "U.S.", "US", "UN", "APEC", "Asia-Pacific", "Economic", "Cooperation",
		"Mr.", "Mrs.", "Ms", "MR", "Harbour", "Wind", "Development", "Bank", "Korea", "North", "South",
		"NORTH", "KOREA", "Seoul", "Washington", "Foundation", "of", "the", "and", "for", "&",
		"said", "remains", "committed", "Additionally", "Meanwhile", "Steadies", "Ürümqi", "ÜRÜMQI",
		"İstanbul", "Σωκράτης", "2026", "1,200", ",", ".", "\"", "a b", "A B", "A", "B", "a", "N.",
		"^x", "X.Y.", "Ben&amp;Jerry", "Ben", "Jerry", "co-op", "Co-Op", "New", "York", "NEW", "YORK",
	}
	var b strings.Builder
	d := &doc.Document{}
	var ms []mention
	blocks := 1 + rng.IntN(4)
	for bi := range blocks {
		role := doc.Body
		switch rng.IntN(8) {
		case 0:
			role = doc.Title
		case 1:
			role = doc.Boilerplate
		case 2:
			role = doc.Byline
		}
		bstart := b.Len()
		for range 1 + rng.IntN(4) {
			s := doc.Sentence{Block: bi, First: len(d.Tokens)}
			sstart := b.Len()
			for range 1 + rng.IntN(12) {
				w := vocab[rng.IntN(len(vocab))]
				kind := doc.Word
				switch c := w[0]; {
				case c >= '0' && c <= '9':
					kind = doc.Number
				case c == ',' || c == '.' || c == '"' || c == '&':
					kind = doc.Punct
				}
				d.Tokens = append(d.Tokens, doc.Token{Span: doc.Span{Start: b.Len(), End: b.Len() + len(w)}, Kind: kind})
				b.WriteString(w)
				b.WriteByte(' ')
			}
			s.Last = len(d.Tokens)
			s.Span = doc.Span{Start: sstart, End: b.Len()}
			si := len(d.Sentences)
			d.Sentences = append(d.Sentences, s)
			title := rng.IntN(5) == 0
			for t := s.First; t < s.Last; {
				if rng.IntN(3) != 0 {
					t++
					continue
				}
				l := min(1+rng.IntN(4), s.Last-t)
				margins := []float32{-20, -1, 0, 3, 9, 12, 16, 40}
				ms = append(ms, mention{sent: si, first: t, last: t + l, typ: rng.IntN(numTypes), margin: margins[rng.IntN(len(margins))], titleCase: title})
				t += l
			}
		}
		d.Blocks = append(d.Blocks, doc.Block{Span: doc.Span{Start: bstart, End: b.Len()}, Role: role})
		b.WriteByte('\n')
	}
	d.Text = b.String()
	d.FromHTML = rng.IntN(2) == 0
	return d, ms
}

// TestEntityOrder holds entityOrder, packed and not, to a stable sort of
// the entities by salience (highest first) and then by their first
// mention's start, as group sorted them before: with ties of both, and
// starts past what the packing holds.
func TestEntityOrder(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	for i := range 2000 {
		n := rng.IntN(40)
		sal, starts := make([]float64, n), make([]int, n)
		for e := range n {
			sal[e] = float64(1000-rng.IntN(6)*rng.IntN(200)) / 1000
			starts[e] = rng.IntN(50)
			if i%100 == 99 && rng.IntN(10) == 0 {
				starts[e] = 1<<32 + rng.IntN(3) // only where an int holds it: the tests run on 64 bits
			}
		}
		want := make([]int, n)
		for e := range want {
			want[e] = e
		}
		sort.SliceStable(want, func(i, j int) bool {
			a, b := want[i], want[j]
			if sal[a] != sal[b] {
				return sal[a] > sal[b]
			}
			return starts[a] < starts[b]
		})
		for _, pack := range []bool{true, false} {
			if got := entityOrder(sal, starts, pack); !slices.Equal(got, want) {
				t.Fatalf("saliences %v, starts %v, packed %v: %v, want %v", sal, starts, pack, got, want)
			}
		}
	}
}

// TestSpanHash holds the resolver's hashes to wordHash, which the names'
// table is keyed by: polyMod spread is wordHash, and a run of tokens
// hashes (spanHash, made of its tokens' hashes) as its key written out
// does, for tokens of every length, other scripts, empty ones and ones
// holding spaces, at points drawn at random.
func TestSpanHash(t *testing.T) {
	words := []string{"", "a", "lee", "jae-myung", "^us", "u.s.", "ürümqi", "σωκράτης", "a b", " ", "  x", "0,000", strings.Repeat("z", 300)}
	rng := rand.New(rand.NewPCG(3, 5))
	for range 200 {
		var r resolver
		r.names.grow() // draws the point
		seed := r.names.seed
		for _, w := range words {
			if got, want := spreadHash(polyMod(seed, w)), wordHash(seed, w); got != want {
				t.Fatalf("seed %d, %q: polyMod spread %#x, wordHash %#x", seed, w, got, want)
			}
		}
		n := 1 + rng.IntN(6)
		var b strings.Builder
		d := &doc.Document{}
		for range n {
			w := words[rng.IntN(len(words))]
			d.Tokens = append(d.Tokens, doc.Token{Span: doc.Span{Start: b.Len(), End: b.Len() + len(w)}})
			b.WriteString(w)
		}
		d.Text = b.String()
		r.d = d
		r.begin()
		for f := range n {
			for l := f + 1; l <= n; l++ {
				key := r.key(f, l)
				if got, want := r.spanHash(f, l), polyMod(seed, key); got != want {
					t.Fatalf("seed %d, key %q: spanHash %d, polyMod %d", seed, key, got, want)
				}
				if !r.spanIs(key, f, l) || r.spanIs(key+"x", f, l) || key != "" && r.spanIs(key[1:], f, l) {
					t.Fatalf("key %q: spanIs wrong", key)
				}
			}
		}
	}
}

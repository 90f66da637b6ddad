package digest

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/lede-news/lede/internal/doc"
)

// synthetic builds a document whose lines are blocks with the given roles,
// and entities whose mentions are every occurrence of their surface forms
// (no sentences: the digest must then place mentions by their offsets).
func synthetic(lines []string, roles []doc.Role, entities map[string][]string) *doc.Document {
	d := &doc.Document{Text: strings.Join(lines, "\n")}
	start := 0
	for i, l := range lines {
		d.Blocks = append(d.Blocks, doc.Block{Span: doc.Span{Start: start, End: start + len(l)}, Role: roles[i]})
		start += len(l) + 1
	}
	var keys []string
	for k := range entities {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, name := range keys {
		e := doc.Entity{Name: name, Type: doc.Person}
		for _, form := range entities[name] {
			for off := 0; ; {
				i := strings.Index(d.Text[off:], form)
				if i < 0 {
					break
				}
				e.Mentions = append(e.Mentions, doc.Mention{Span: doc.Span{Start: off + i, End: off + i + len(form)}, Sentence: -1})
				off += i + len(form)
			}
		}
		d.Entities = append(d.Entities, e)
	}
	return d
}

func TestDigest(t *testing.T) {
	lines := []string{
		"Summit opens in Seoul",                                 // 0 title
		"Leaders met on Wednesday to discuss trade and troops.", // 1 body
		"Trump threatens tariffs on European cars",              // 2
		"EU vows retaliation as Trump tariffs on cars loom",     // 3
		"Lakers beat Celtics in overtime",                       // 4
		"Donald Trump signs order on drug prices",               // 5
		"Celtics fall to Lakers after overtime thriller",        // 6
		"Share this article",                                    // 7 boilerplate
		"Storm knocks out power across Florida",                 // 8
	}
	roles := []doc.Role{doc.Title, doc.Body, doc.Related, doc.Related, doc.Related, doc.Related, doc.Related, doc.Boilerplate, doc.Related}
	d := synthetic(lines, roles, map[string][]string{
		"Donald Trump": {"Donald Trump", "Trump"},
		"Lakers":       {"Lakers"},
		"Celtics":      {"Celtics"},
		"Seoul":        {"Seoul"}, // only in the title: not a headline entity
	})
	d.Entities[0].Type = doc.Organization // Celtics (sorted first)
	d.RelatedCategories = map[int][]doc.Label{
		2: {{Name: "Politics", Score: 0.5}, {Name: "Business & Economy", Score: 0.4}},
		3: {{Name: "Business & Economy", Score: 0.6}},
		4: {{Name: "Sports", Score: 0.9}},
		5: {{Name: "Politics", Score: 0.7}},
		6: {{Name: "Sports", Score: 0.9}},
		8: {}, // uncertain: counted in Headlines, in no category
	}
	Annotate(d)
	g := d.Digest
	if g == nil {
		t.Fatal("no digest for a document with related blocks")
	}
	if g.Headlines != 6 {
		t.Errorf("Headlines = %d, want 6", g.Headlines)
	}
	type tag struct {
		name   string
		count  int
		blocks []int
	}
	check := func(what string, got []doc.CountedTag, want []tag) {
		t.Helper()
		if len(got) != len(want) {
			t.Errorf("%s = %+v, want %+v", what, got, want)
			return
		}
		for i, w := range want {
			if got[i].Name != w.name || got[i].Count != w.count || !slices.Equal(got[i].Blocks, w.blocks) {
				t.Errorf("%s[%d] = %+v, want %+v", what, i, got[i], w)
			}
		}
	}
	check("categories", g.Categories, []tag{
		{"Politics", 2, []int{2, 5}}, {"Business & Economy", 2, []int{2, 3}}, {"Sports", 2, []int{4, 6}},
	})
	check("entities", g.Entities, []tag{
		{"Donald Trump", 3, []int{2, 3, 5}}, {"Celtics", 2, []int{4, 6}}, {"Lakers", 2, []int{4, 6}}, // ties: in d.Entities order
	})
	if len(g.Entities) == 3 && (g.Entities[1].Type != "organization" || g.Entities[0].Type != "person") {
		t.Errorf("entity types = %q, %q, want person, organization", g.Entities[0].Type, g.Entities[1].Type)
	}
	want := [][]int{{2, 3}, {4, 6}}
	if len(g.Clusters) != len(want) || !slices.Equal(g.Clusters[0], want[0]) || !slices.Equal(g.Clusters[1], want[1]) {
		t.Errorf("clusters = %v, want %v (the tariff story and the basketball game; the drug-price order shares only Trump)", g.Clusters, want)
	}
}

func TestNoRelated(t *testing.T) {
	d := synthetic([]string{"Title", "Body text."}, []doc.Role{doc.Title, doc.Body}, nil)
	Annotate(d)
	if d.Digest != nil {
		t.Errorf("digest %+v for a document without related blocks, want nil", d.Digest)
	}
}

// TestSentenceMentions: mentions that carry a sentence index are placed by
// the sentence's block.
func TestSentenceMentions(t *testing.T) {
	d := synthetic([]string{"Trump visits Japan", "Trump meets Lee"}, []doc.Role{doc.Related, doc.Related}, nil)
	d.Sentences = []doc.Sentence{{Span: d.Blocks[0].Span, Block: 0}, {Span: d.Blocks[1].Span, Block: 1}}
	d.Entities = []doc.Entity{{Name: "Donald Trump", Mentions: []doc.Mention{
		{Span: doc.Span{Start: 0, End: 5}, Sentence: 0},
		{Span: doc.Span{Start: d.Blocks[1].Start, End: d.Blocks[1].Start + 5}, Sentence: 1},
	}}}
	Annotate(d)
	if g := d.Digest; len(g.Entities) != 1 || g.Entities[0].Count != 2 {
		t.Errorf("entities = %+v, want Donald Trump in 2", g.Entities)
	}
	if len(d.Digest.Clusters) != 0 {
		t.Errorf("clusters = %v: two headlines sharing only a name are not one story", d.Digest.Clusters)
	}
}

func TestStem(t *testing.T) {
	for _, tc := range []struct{ a, b string }{
		{"tariffs", "tariff"}, {"trading", "trade"}, {"stories", "story"}, {"signed", "sign"},
	} {
		if stem(tc.a) != stem(tc.b) {
			t.Errorf("stem(%q) = %q, stem(%q) = %q: want equal", tc.a, stem(tc.a), tc.b, stem(tc.b))
		}
	}
	if stem("press") == stem("pres") {
		t.Errorf("stem strips the s of a double s")
	}
}

// stemByList is stem as a loop over its suffixes, the way it was written
// before the switch: TestStemSwitch holds the two together.
func stemByList(w string) string {
	for _, suf := range []string{"ing", "ies", "es", "ed", "s"} {
		if len(w) > len(suf)+2 && strings.HasSuffix(w, suf) && !strings.HasSuffix(w, "ss") {
			w = w[:len(w)-len(suf)]
			if suf == "ies" {
				w += "y"
			}
			break
		}
	}
	return strings.TrimSuffix(w, "e")
}

// TestStemSwitch compares stem with stemByList on every word of one to
// seven letters over an alphabet that makes each suffix, with and without
// the letters before it that decide whether it applies.
func TestStemSwitch(t *testing.T) {
	const letters = "sidnge"
	var words func(prefix string, n int)
	count := 0
	words = func(w string, n int) {
		if got, want := stem(w), stemByList(w); got != want {
			t.Fatalf("stem(%q) = %q, the list gives %q", w, got, want)
		}
		count++
		if n == 0 {
			return
		}
		for i := range len(letters) {
			words(w+letters[i:i+1], n-1)
		}
	}
	words("", 7)
	if count < 300000 {
		t.Fatalf("only %d words compared", count)
	}
}

// TestForWordsRunes compares forWords with a rune-by-rune reading of the
// same text (the way it read every byte before its ASCII path) on random
// mixes of ASCII letters, digits, punctuation, multi-byte letters and
// invalid bytes, whole or a block of them (cut inside a rune or not).
func TestForWordsRunes(t *testing.T) {
	type word struct {
		w          string
		start, end int
	}
	isWord := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	byRunes := func(text string) (out []word) {
		for i := 0; i < len(text); {
			r, size := utf8.DecodeRuneInString(text[i:])
			if !isWord(r) {
				i += size
				continue
			}
			j := i
			for j < len(text) {
				r, size := utf8.DecodeRuneInString(text[j:])
				if !isWord(r) {
					break
				}
				j += size
			}
			out = append(out, word{strings.ToLower(text[i:j]), i, j})
			i = j
		}
		return out
	}
	pieces := []string{"a", "z", "Z", "7", "9", "@", "`", "[", "{", " ", "-", "'", "é", "É", "—", "“", "한", "\xff", "\xc3", "ß", "İ", "Tariffs"}
	rng := rand.New(rand.NewPCG(3, 4))
	var buf [32]byte
	for trial := range 2000 {
		var b strings.Builder
		for range rng.IntN(40) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		text := b.String()
		// a block of the text, which may cut a rune at either end
		start := rng.IntN(len(text) + 1)
		end := start + rng.IntN(len(text)-start+1)
		if trial%2 == 0 {
			start, end = 0, len(text)
		}
		var got []word
		forWords(text, start, end, &buf, func(w string, s, e int) { got = append(got, word{strings.Clone(w), s, e}) })
		want := byRunes(text[start:end])
		for k := range want {
			want[k].start += start
			want[k].end += start
		}
		if !slices.Equal(got, want) {
			t.Fatalf("trial %d, %q[%d:%d]: %v, want %v", trial, text, start, end, got, want)
		}
	}
}

// BenchmarkDigestLongList digests a page with MaxClustered related links
// that all share words, the worst case of the clustering.
func BenchmarkDigestLongList(b *testing.B) {
	var lines []string
	var roles []doc.Role
	for i := 0; i < MaxClustered; i++ {
		lines = append(lines, fmt.Sprintf("Markets rally as oil prices climb on supply fears, day %d", i))
		roles = append(roles, doc.Related)
	}
	d := synthetic(lines, roles, nil)
	for b.Loop() {
		Annotate(d)
	}
	if len(d.Digest.Clusters) != 1 || len(d.Digest.Clusters[0]) != MaxClustered {
		b.Errorf("clusters %v, want one of %d", len(d.Digest.Clusters), MaxClustered)
	}
}

// TestTermsPastRoom: each headline's term ids are cut from one array with
// room for a term every four bytes (cluster), and a word whose lower case
// is longer than it is ("Ⱥ", two bytes, lowers to "ⱥ", three) gives a
// headline more terms than that. Its list must then grow on its own, not
// into the next headline's room, whose terms would overwrite its last
// ones ("trade", "talk"), which it shares with a third headline.
func TestTermsPastRoom(t *testing.T) {
	lines := []string{strings.Repeat("Ⱥ ", 12) + "trade talks", "Storm floods Florida", "Trade talks resume"}
	d := synthetic(lines, []doc.Role{doc.Related, doc.Related, doc.Related}, nil)
	if got := cluster(d, []int{0, 1, 2}, nil); len(got) != 1 || !slices.Equal(got[0], []int{0, 2}) {
		t.Errorf("clusters = %v, want [[0 2]]: the first headline and the third share trade talks", got)
	}
}

package entity

import (
	"bytes"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestCtxFeatures checks which context-aggregation features a token gets
// from the mentions of its word form in the document, with and without a
// lexicon of word clusters.
func TestCtxFeatures(t *testing.T) {
	l := func(w string) uint32 { return newHash(fCtxL).str(w).key() }
	r := func(w string) uint32 { return newHash(fCtxR).str(w).key() }
	n := func(k int) uint32 { return newHash(fCtxN).num(k).key() }
	lc := func(c int) uint32 { return newHash(fCtxLC).num(c).key() }
	rc := func(c int) uint32 { return newHash(fCtxRC).num(c).key() }
	doc := []string{
		"Shares in Harbour Wind rose on Monday .",
		"Harbour Wind said it would build farms off Aberdeen .",
		"Wind power is cheap .",
		"Aberdeen council approved it .",
	}
	lex := newLexicon(map[string]LexEntry{"harbour": {Fine: 3, Coarse: 1}, "rose": {Fine: 5, Coarse: 1}, "said": {Fine: 5, Coarse: 1}})
	tests := []struct {
		name string
		lex  *lexicon
		word string
		want []uint32
	}{
		{"one mention", nil, "Shares", nil},
		{"lower-case word", nil, "said", nil},
		{"two mentions, one sentence-initial", nil, "Harbour", []uint32{n(2), l("in"), r("wind")}},
		{"repeated neighbours once", nil, "Wind", []uint32{n(3), l("harbour"), r("rose"), r("said"), r("power")}},
		{"clusters, each once", &lex, "Wind", []uint32{n(3), l("harbour"), r("rose"), r("said"), r("power"), lc(3), rc(5)}},
		{"unknown words have no cluster", &lex, "Aberdeen", []uint32{n(2), l("off"), r("."), r("council")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := ctxAgg{lex: tt.lex}
			for _, s := range doc {
				c.add(strings.Fields(s))
			}
			tok := tokInfo{lower: Fold(tt.word)}
			tok.upper, _ = caseOf(tt.word)
			if got := c.features(tt.word, &tok, nil); !slices.Equal(got, tt.want) {
				t.Errorf("features %v, want %v", got, tt.want)
			}
			c.reset()
			if got := c.features(tt.word, &tok, nil); got != nil {
				t.Errorf("after reset: %v", got)
			}
		})
	}
}

// TestContextSwitch checks that the context-aggregation switch travels in
// the model file: a model trained with it is read back with it, one
// trained without keeps the LEDENER6 magic and never reads the document.
func TestContextSwitch(t *testing.T) {
	sents := tinySentences(map[uint64]uint8{})
	for i := range sents {
		sents[i].Doc = i / 3
	}
	for _, on := range []bool{false, true} {
		w := Train(sents, map[string]LexEntry{}, TrainConfig{Epochs: 2, Seed: 1, Context: on})
		if w.Context != on {
			t.Fatalf("Weights.Context %v, want %v", w.Context, on)
		}
		var b bytes.Buffer
		if err := NewModel(map[string]LexEntry{}, map[uint64]uint8{}, w, 0, 1e4).Encode(&b); err != nil {
			t.Fatal(err)
		}
		if magic := b.String()[:len(modelMagic)]; (magic == modelMagicCtx) != on {
			t.Errorf("Context %v: magic %q", on, magic)
		}
		m, err := Decode(b.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		if m.ctx != on {
			t.Errorf("decoded ctx %v, want %v", m.ctx, on)
		}
		tg := m.NewTagger()
		tg.AddContext(sents[0].Words)
		tg.AddContext(sents[0].Words)
		if got := len(tg.ctx.ents) > 0; got != on {
			t.Errorf("Context %v: AddContext kept %d words", on, len(tg.ctx.ents))
		}
		tg.Forget()
		if len(tg.ctx.ents) != 0 {
			t.Errorf("Forget left %d words of context", len(tg.ctx.ents))
		}
	}
}

// ctxModel is a tiny model trained with the context-aggregation features
// (magic LEDENEC6).
func ctxModel(t *testing.T) *Model {
	t.Helper()
	sents := tinySentences(map[uint64]uint8{})
	for i := range sents {
		sents[i].Doc = i / 3
	}
	w := Train(sents, map[string]LexEntry{}, TrainConfig{Epochs: 2, Seed: 1, Context: true})
	return NewModel(map[string]LexEntry{}, map[uint64]uint8{}, w, 0, 1e4)
}

// TestCtxForgetPooled checks that a pooled tagger carries no context from
// one document into the next: the entry it finds for each word through
// its per-cache-word memo (ctxOf) is the one the document's own index
// gives. Document A's "Alpha" and document B's "Delta" both take cache
// id 0, and "Gamma" takes A's "Alpha" index in ents: a memo that Forget
// left in place would give "Delta", written once, "Gamma"'s context.
func TestCtxForgetPooled(t *testing.T) {
	tg := ctxModel(t).NewTagger()
	docs := [][]string{
		{"Zed said so .", "Alpha said so .", "Alpha left ."},
		{"Delta said so .", "Gamma said so .", "Gamma left ."},
	}
	for di, d := range docs {
		tg.Forget()
		for _, s := range d {
			tg.AddContext(strings.Fields(s))
		}
		for _, s := range d[1:] {
			words := strings.Fields(s)
			if di == 1 {
				words = strings.Fields(d[0]) // "Delta" first: cache id 0
			}
			tg.Tag(words)
			for i, w := range words {
				got := tg.ctxEntry(w, tg.ids[i])
				if want := tg.ctx.entryOf(tg.ctx.idx.get(w)); got != want {
					t.Errorf("document %d, %q: entry %p, want %p (of this document)", di, w, got, want)
				}
			}
		}
	}
}

// TestCtxHostile checks the pre-read's bounds on a hostile page: a word
// written 100,000 times keeps one entry with the neighbours of its first
// maxCtxMentions mentions and a saturated count (256 mentions must not
// wrap to "written once"); of 100,000 distinct words, the first
// maxCtxWords keep an entry each.
func TestCtxHostile(t *testing.T) {
	tests := []struct {
		name     string
		words    func(i int) string
		n        int
		wantEnts int
	}{
		{"256 repeats", func(int) string { return "Wind" }, 256, 1},
		{"100000 repeats", func(int) string { return "Wind" }, 100000, 1},
		{"100000 distinct", func(i int) string { return "W" + strconv.Itoa(i) }, 100000, maxCtxWords},
	}
	m := ctxModel(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tg := m.NewTagger()
			words := make([]string, tt.n)
			for i := range words {
				words[i] = tt.words(i)
			}
			tg.AddContext(words)
			if len(tg.ctx.ents) != tt.wantEnts || tg.ctx.idx.len() != tt.wantEnts {
				t.Fatalf("%d entries, %d indexed, want %d", len(tg.ctx.ents), tg.ctx.idx.len(), tt.wantEnts)
			}
			e := tg.ctx.entryOf(tg.ctx.idx.get(words[0]))
			if tt.wantEnts > 1 {
				if e != nil {
					t.Errorf("a word written once has an entry")
				}
				return
			}
			if e == nil || e.n != 255 || e.k != maxCtxMentions {
				t.Fatalf("entry %+v, want n 255, k %d", e, maxCtxMentions)
			}
			if got := tg.ctx.features(words[0], &tokInfo{upper: true}, nil); !slices.Contains(got, newHash(fCtxN).num(5).key()) {
				t.Errorf("features %v lack the saturated count", got)
			}
		})
	}
}

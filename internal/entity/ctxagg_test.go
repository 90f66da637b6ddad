package entity

import (
	"bytes"
	"slices"
	"strings"
	"testing"
)

// TestCtxFeatures checks which context-aggregation features a token gets
// from the other mentions of its word form in the document.
func TestCtxFeatures(t *testing.T) {
	l := func(w string) uint32 { return newHash(fCtxL).str(w).key() }
	r := func(w string) uint32 { return newHash(fCtxR).str(w).key() }
	n := func(k int) uint32 { return newHash(fCtxN).num(k).key() }
	doc := []string{
		"Shares in Harbour Wind rose on Monday .",
		"Harbour Wind said it would build farms off Aberdeen .",
		"Wind power is cheap .",
		"Aberdeen council approved it .",
	}
	tests := []struct {
		name string
		sent int // the sentence of doc tagged
		tok  int
		want []uint32
	}{
		{"one mention", 0, 0, nil},
		{"lower-case word", 1, 2, nil},
		{"sentence-initial mention reads the others, not its own edge", 1, 0, []uint32{n(2), l("in")}},
		{"neighbours shared with its own are left out", 1, 1, []uint32{n(3), r("rose"), r("power")}},
		{"a mention inside a sentence", 1, 8, []uint32{n(2), r("council")}},
		{"third mention", 2, 0, []uint32{n(3), l("harbour"), r("rose"), r("said")}},
	}
	var c ctxAgg
	for _, s := range doc {
		c.add(strings.Fields(s))
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			words := strings.Fields(doc[tt.sent])
			toks := make([]tokInfo, len(words))
			for i, w := range words {
				toks[i].lower = Fold(w)
				toks[i].upper, _ = caseOf(w)
			}
			if got := c.features(words[tt.tok], toks, tt.tok, nil); !slices.Equal(got, tt.want) {
				t.Errorf("features %v, want %v", got, tt.want)
			}
		})
	}
	c.reset()
	if got := c.features("Wind", []tokInfo{{upper: true}}, 0, nil); got != nil {
		t.Errorf("after reset: %v", got)
	}
}

// TestContextSwitch checks that the context-aggregation switch travels in
// the model file: a model trained with it is read back with it, one
// trained without keeps the LEDENER4 magic and never reads the document.
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

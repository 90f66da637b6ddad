package entity

import (
	"reflect"
	"slices"
	"strings"
	"testing"
)

// TestDocFeatures checks which prediction-history features a token gets
// from the labels its word form was given earlier in the document.
func TestDocFeatures(t *testing.T) {
	uLOC, bORG, lORG := label(1, posU), label(2, posB), label(2, posL)
	labelKey := func(l int) uint32 { return newHash(fDocLabel).num(l).key() }
	typesKey := func(set int) uint32 { return newHash(fDocTypes).num(set).key() }
	tests := []struct {
		name  string
		word  string
		given []int // labels given to earlier occurrences, in order
		want  []uint32
	}{
		{"first occurrence", "Aberdeen", nil, nil},
		{"lower-case word", "said", []int{0, 0}, nil},
		{"one label", "Aberdeen", []int{uLOC}, []uint32{labelKey(uLOC), typesKey(2 << 1)}},
		{"majority and the set of types", "Wind", []int{lORG, 0, lORG, uLOC}, []uint32{labelKey(lORG), typesKey(1 | 2<<1 | 2<<2)}},
		{"a tie goes to the lower label", "Harbour", []int{bORG, 0}, []uint32{labelKey(0), typesKey(1 | 2<<2)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			seen := map[string]docSeen{}
			tok := []tokInfo{{}}
			tok[0].upper, _ = caseOf(tt.word)
			for _, l := range tt.given {
				noteLabels(seen, []string{tt.word}, tok, []int{l})
			}
			if got := docFeatures(seen, tt.word, &tok[0], nil); !slices.Equal(got, tt.want) {
				t.Errorf("features %v, want %v", got, tt.want)
			}
		})
	}
}

// TestForgetHistory checks that Forget ends a document: tagging the same
// sentences again after it gives what the first time gave, though the
// prediction history changes the tags within a document.
func TestForgetHistory(t *testing.T) {
	m, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	article := []string{
		"Shares in Harbour Wind rose 4 percent on Monday .",
		"Harbour Wind said it would build two farms off Aberdeen .",
		"Aberdeen council approved the plan .",
	}
	tg := m.NewTagger()
	tagAll := func() [][]TokenSpan {
		var out [][]TokenSpan
		for _, s := range article {
			out = append(out, tg.Tag(strings.Fields(s)))
		}
		tg.Forget()
		return out
	}
	first := tagAll()
	if n := len(seenOf(tg)); n != 0 {
		t.Fatalf("Forget left %d words of history", n)
	}
	if again := tagAll(); !reflect.DeepEqual(again, first) {
		t.Errorf("after Forget: %v, want %v", again, first)
	}
}

// TestHistoryEpochs checks that training the prediction-history features
// apart leaves every other row as training without them gives it, so a
// sentence without history is tagged as before, and adds rows of history
// features only.
func TestHistoryEpochs(t *testing.T) {
	docKeys := map[uint32]bool{}
	for l := range numLabels {
		docKeys[newHash(fDocLabel).num(l).key()] = true
	}
	for set := range 32 {
		docKeys[newHash(fDocTypes).num(set).key()] = true
	}
	sents := tinySentences(map[uint64]uint8{})
	for i := range sents {
		sents[i].Doc = i / 3
	}
	base := Train(sents, map[string]LexEntry{}, TrainConfig{Epochs: 2, Seed: 1})
	hist := Train(sents, map[string]LexEntry{}, TrainConfig{Epochs: 2, Seed: 1, HistoryEpochs: 3})
	for k, r := range base.Rows {
		if docKeys[k] {
			t.Errorf("row %#x of a history feature without HistoryEpochs", k)
		} else if h := hist.Rows[k]; h == nil || *h != *r {
			t.Errorf("row %#x: %v with HistoryEpochs, %v without", k, h, r)
		}
	}
	for k := range hist.Rows {
		if base.Rows[k] == nil && !docKeys[k] {
			t.Errorf("row %#x added by HistoryEpochs is no history feature", k)
		}
	}
}

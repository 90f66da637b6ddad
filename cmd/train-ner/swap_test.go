package main

import (
	"slices"
	"strings"
	"testing"

	"github.com/lede-news/lede/internal/entity"
)

// TestSwapped checks the name-swapped copies of -swap: one named sentence
// in n, each name replaced by a training name of its type (in capitals
// where the name was), the words around it and their tags kept, the same
// copies for the same seed, and each copy a document of its own after the
// training documents.
func TestSwapped(t *testing.T) {
	sent := func(s string) conllSent {
		var cs conllSent
		for _, f := range strings.Fields(s) {
			w, tag, _ := strings.Cut(f, "/")
			cs.words = append(cs.words, w)
			cs.tags = append(cs.tags, tag)
		}
		return cs
	}
	docs := []conllDoc{
		{sents: []conllSent{
			sent("Kim/I-PER Jong/I-PER Un/I-PER met/O Xi/I-PER in/O Beijing/I-LOC ./O"),
			sent("Nothing/O here/O ./O"),
			sent("SEOUL/I-LOC 1996-08-22/O"),
		}},
		{sents: []conllSent{
			sent("Shares/O in/O Harbour/I-ORG Wind/I-ORG rose/O ./O"),
			sent("Paris/I-LOC and/O Rome/I-LOC agreed/O ./O"),
		}},
	}
	gaz := []map[uint64]uint8{{}, {}}
	names := map[int][]string{}
	for _, d := range docs {
		for _, s := range d.sents {
			for _, sp := range entity.Spans(entity.Labels(s.tags)) {
				names[sp.Type] = append(names[sp.Type], strings.Join(s.words[sp.Start:sp.End], " "))
			}
		}
	}
	tests := []struct {
		n, copies int
	}{
		{1, 4}, // every sentence with a name
		{2, 2},
		{5, 0},
	}
	for _, tc := range tests {
		got := swapped(docs, gaz, 2, tc.n, 1)
		if len(got) != tc.copies {
			t.Fatalf("n=%d: %d copies, want %d", tc.n, len(got), tc.copies)
		}
		if again := swapped(docs, gaz, 2, tc.n, 1); !slices.EqualFunc(got, again, func(a, b entity.TrainSentence) bool {
			return slices.Equal(a.Words, b.Words) && slices.Equal(a.Tags, b.Tags)
		}) {
			t.Errorf("n=%d: not the same copies for the same seed", tc.n)
		}
		for i, c := range got {
			if c.Doc != len(docs)+i {
				t.Errorf("n=%d: copy %d is document %d, want %d", tc.n, i, c.Doc, len(docs)+i)
			}
			if len(c.Words) != len(c.Tags) {
				t.Fatalf("n=%d: %d words, %d tags", tc.n, len(c.Words), len(c.Tags))
			}
			for _, sp := range entity.Spans(entity.Labels(c.Tags)) {
				name := strings.Join(c.Words[sp.Start:sp.End], " ")
				if !slices.ContainsFunc(names[sp.Type], func(x string) bool { return strings.EqualFold(x, name) }) { // a name in capitals may come back in capitals
					t.Errorf("n=%d: %q is no training name of type %d", tc.n, name, sp.Type)
				}
			}
		}
	}
	// with n=1 the copies keep the words around the names, in order
	got := swapped(docs, gaz, 2, 1, 1)
	var outside []string
	for i, tag := range got[3].Tags {
		if tag == "O" {
			outside = append(outside, got[3].Words[i])
		}
	}
	if want := []string{"and", "agreed", "."}; !slices.Equal(outside, want) {
		t.Errorf("words outside the names %v, want %v", outside, want)
	}
	// a name in capitals is written in capitals, whichever name is drawn
	caps := []conllDoc{{sents: []conllSent{sent("Paris/I-LOC rose/O"), sent("ROME/I-LOC 1996-08-22/O")}}}
	drawn := map[string]bool{}
	for seed := uint64(1); seed <= 20; seed++ {
		c := swapped(caps, gaz, 2, 1, seed)[1]
		drawn[c.Words[0]] = true
	}
	if !drawn["PARIS"] || len(drawn) != 2 || !drawn["ROME"] {
		t.Errorf("names drawn for the capitals line over 20 seeds: %v, want PARIS and ROME", drawn)
	}
}

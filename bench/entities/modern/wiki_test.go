package main

import (
	"os"
	"reflect"
	"testing"

	"github.com/lede-news/lede/bench/internal/rtpages"
)

// TestInSpan: a page's mentions go to the paragraph that holds them whole,
// shifted to its offsets; one that crosses the paragraph's edge is dropped.
func TestInSpan(t *testing.T) {
	ms := []mention{{0, 5, "ORG", ""}, {12, 20, "LOC", ""}, {18, 25, "PER", ""}, {30, 34, "MISC", ""}}
	tests := []struct {
		span rtpages.Span
		want []mention
	}{
		{rtpages.Span{Start: 10, End: 22}, []mention{{2, 10, "LOC", ""}}},
		{rtpages.Span{Start: 0, End: 5}, []mention{{0, 5, "ORG", ""}}},
		{rtpages.Span{Start: 26, End: 29}, nil},
	}
	for _, tt := range tests {
		if got := inSpan(ms, tt.span); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("inSpan(%v) = %v, want %v", tt.span, got, tt.want)
		}
	}
}

// TestWikiLabels checks that wiki.json's and wiki2.json's offsets still
// point at their names in the paragraphs wikiPages chooses today (skipped
// without the module's test-pages): a change to the text reading or the
// selection rule shows here.
func TestWikiLabels(t *testing.T) {
	suite := moduleSuite()
	if _, err := os.Stat(suite); suite == "" || err != nil {
		t.Skip("go-readability's test-pages not found")
	}
	for _, tt := range []struct {
		file string
		from int
	}{{"../wiki.json", 0}, {"../wiki2.json", wikiParagraphs}} {
		arts, err := readLabelFiles(tt.file)
		if err != nil {
			t.Fatal(err)
		}
		if from, err := wikiFrom(arts); err != nil || from != tt.from {
			t.Errorf("%s: wikiFrom = %d, %v; want %d", tt.file, from, err, tt.from)
		}
		texts, paras, err := wikiPages(suite, tt.from)
		if err != nil {
			t.Fatal(err)
		}
		if len(paras) != len(arts) {
			t.Fatalf("%s: %d paragraphs chosen, %d labelled", tt.file, len(paras), len(arts))
		}
		for i, a := range arts {
			p := paras[i]
			if a.ID != p.ID || a.Half != p.Half {
				t.Fatalf("%s entry %d: labels %s/%s, chosen %s/%s", tt.file, i, a.ID, a.Half, p.ID, p.Half)
			}
			body := texts[p.Page][p.Span.Start:p.Span.End]
			if a.Scope != len(body) {
				t.Errorf("%s: scope %d, paragraph %d bytes", a.ID, a.Scope, len(body))
			}
			if err := checkLabels(a, body); err != nil {
				t.Error(err)
			}
		}
	}
	// the two sets are scored apart: one run refuses both
	both, err := readLabelFiles("../wiki.json,../wiki2.json")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := wikiFrom(both); err == nil {
		t.Error("wikiFrom(wiki.json + wiki2.json) gave no error")
	}
}

package engine

import (
	"strings"
	"testing"

	"github.com/lede-news/lede/internal/report"
)

// checkInvariants fails t when any span of r lies outside r.Text, runs
// backwards, or disagrees with the text it claims to cover. r has utf8
// offsets.
func checkInvariants(t *testing.T, r *report.Report) {
	t.Helper()
	n := len(r.Text)
	span := func(what string, s, e int) bool {
		if s < 0 || e > n || s > e {
			t.Errorf("%s [%d,%d) outside the text of %d bytes", what, s, e, n)
			return false
		}
		return true
	}
	for _, p := range r.Article.Paragraphs {
		span("paragraph", p.Start, p.End)
	}
	for _, s := range r.Article.Sentences {
		span("sentence", s.Start, s.End)
	}
	for _, rel := range r.Article.Related {
		if span("related", rel.Start, rel.End) && r.Text[rel.Start:rel.End] != rel.Text {
			t.Errorf("related %q does not match its span %q", rel.Text, r.Text[rel.Start:rel.End])
		}
	}
	for _, k := range r.Keyphrases {
		for _, m := range k.Mentions {
			span("keyphrase "+k.Text, m.Start, m.End)
		}
	}
	for _, e := range r.Entities {
		if len(e.Mentions) == 0 {
			t.Errorf("entity %q has no mentions", e.Name)
		}
		for _, m := range e.Mentions {
			if span("entity "+e.Name, m.Start, m.End) && r.Text[m.Start:m.End] != m.Text {
				t.Errorf("entity %q mention %q does not match its span %q", e.Name, m.Text, r.Text[m.Start:m.End])
			}
		}
	}
	for _, f := range r.Figures {
		if span("figure "+f.Text, f.Start, f.End) && r.Text[f.Start:f.End] != f.Text {
			t.Errorf("figure %q does not match its span %q", f.Text, r.Text[f.Start:f.End])
		}
	}
	for _, q := range r.Quotes {
		span("quote", q.Start, q.End)
	}
	for _, s := range r.Summary {
		if span("summary", s.Start, s.End) && r.Text[s.Start:s.End] != s.Text {
			t.Errorf("summary sentence does not match its span")
		}
	}
}

var hostile = []string{
	"Plain sentence. Another one.",
	"<html><body><script>alert(1)</script><p>Officials in Rome said 5% rose.</p></body></html>",
	"<p>" + strings.Repeat("<div>", 5000) + "deep text" + strings.Repeat("</div>", 10),
	"<html><head><title>T</title><meta property=\"article:published_time\" content=\"not a date\"></head>",
	strings.Repeat("“", 2000) + " unbalanced quotes " + strings.Repeat("\"", 999),
	strings.Repeat("$", 3000) + strings.Repeat("9", 400) + "% of " + strings.Repeat("1,", 500),
	strings.Repeat("A. ", 3000),
	strings.Repeat("Mr. Smith went to Washington. ", 500),
	"\ufeffBOM-led text with emoji 🙂🙂 and combining e\u0301 marks.",
	"Café\xff\xfe broken UTF-8 in Zürich\xc3",
	strings.Repeat("word", 20000), // one enormous token
	"line\r\nwith\r\nCRLF\r\n\r\nparagraphs",
	"<svg onload=alert(1)><img src=x onerror=alert(2)>Text after tags</svg>",
	"<!DOCTYPE html><html><body>" + strings.Repeat("<p>Short line</p>\n", 2000) + "</body></html>",
}

func TestHostileInputs(t *testing.T) {
	for i, in := range hostile {
		r, err := Analyze(in, Options{Offsets: "utf8"})
		if err != nil {
			if _, ok := err.(*InputError); !ok {
				t.Errorf("input %d: %v", i, err)
			}
			continue
		}
		checkInvariants(t, r)
	}
}

func FuzzAnalyze(f *testing.F) {
	for _, s := range hostile {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		r, err := Analyze(in, Options{Offsets: "utf8"})
		if err != nil {
			if _, ok := err.(*InputError); !ok {
				t.Fatalf("not an input error: %v", err)
			}
			return
		}
		checkInvariants(t, r)
	})
}

// A text whose every paragraph repeats still has a body: the rule that
// sets repeated lines apart as captions must not leave no article at all.
func TestRepeatedParagraphsKeepABody(t *testing.T) {
	p := "The council approved the new budget on Monday after a long debate about schools and roads."
	r, err := Analyze(strings.Repeat(p+"\n\n", 40), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Article.Paragraphs) == 0 || r.Stats.Words == 0 {
		t.Errorf("no body found: %d paragraphs, %d words", len(r.Article.Paragraphs), r.Stats.Words)
	}
}

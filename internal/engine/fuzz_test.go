package engine_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/lede-news/lede/internal/doccheck"
	"github.com/lede-news/lede/internal/engine"
	"github.com/lede-news/lede/internal/report"
)

var fuzzSeeds = []string{
	"Seoul, Oct. 29 (AP) — South Korea’s President Lee Jae Myung met Donald Trump on Wednesday. “We agreed,” Lee said. The $350 billion pledge rose 3.5%.",
	"<html><head><title>Mayor opens bridge | Daily</title></head><body><nav><a href=/>Home</a></nav><article><h1>Mayor opens bridge</h1><p class=byline>By Ana Ferreira</p><p>The mayor of Lisbon opened the bridge on Monday. It cost €40 million.</p><ul><li><a href=/a>Related one</a></li><li><a href=/b>Related two</a></li></ul></article></body></html>",
	"<svg onload=alert(1)><img src=x onerror=alert(2)><iframe srcdoc=\"<script>alert(3)</script>\"></iframe>Text<a href=\"javascript:alert(4)\">x</a>",
	"\ufeffzero\u200bwidth \u202ebidi\u202c 🙂 e\u0301 \U0001F1F0\U0001F1F7 text.\n\nSecond paragraph.",
	"Caf\xe9 \xff\xfe broken UTF-8 \xc3",
	// pasted from a page's source: character references, well-formed and not
	"Haley Barbour&#39;s wife&nbsp;is &quot;terrified,&quot; she said &mdash; &#xa3;2m, AT&amp;T &ldquo;x&rdquo; &quot &#xZZ; &#99999999; D&G;",
	"\xff\xfeH\x00e\x00l\x00l\x00o\x00", // UTF-16LE with a BOM: refused as binary
	strings.Repeat("word ", 300),
	"Headline\n\n" + strings.Repeat("Short line\n", 50),
}

// FuzzDocument runs every pass on any input and checks the document's
// invariants (package doccheck) on the byte offsets the passes write.
func FuzzDocument(f *testing.F) {
	for _, s := range fuzzSeeds {
		for k := range 3 {
			f.Add(s, uint8(k))
		}
	}
	f.Fuzz(func(t *testing.T, input string, k uint8) {
		d, err := engine.Document(input, engine.Options{Input: kinds[k%3]})
		if err != nil {
			if _, ok := err.(*engine.InputError); !ok {
				t.Fatalf("not an input error: %v", err)
			}
			return
		}
		if err := doccheck.Check(d); err != nil {
			t.Fatal(err)
		}
	})
}

var kinds = [...]string{"auto", "text", "html"}

// FuzzReportJSON checks the JSON every front end sends: valid JSON, a
// report or {"error": ...}; the same bytes for the same input; the body
// made of pieces of the text; and offsets in UTF-16 and code points that
// are exactly the byte offsets converted (so JavaScript's String.slice
// and Python's slicing give the same text as Go's).
func FuzzReportJSON(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s, uint8(0))
		f.Add(s, uint8(2))
	}
	f.Fuzz(func(t *testing.T, input string, k uint8) {
		kind := kinds[k%3]
		opts := `{"input":"` + kind + `","offsets":"utf8"}`
		b := engine.AnalyzeJSON(input, opts)
		if !json.Valid(b) {
			t.Fatalf("invalid JSON: %.200q", b)
		}
		if again := engine.AnalyzeJSON(input, opts); !bytes.Equal(b, again) {
			t.Fatal("the same input gave different bytes")
		}
		out := map[string][]byte{"utf8": b}
		// The other units from one more run of the passes.
		if d, err := engine.Document(input, engine.Options{Input: kind}); err == nil {
			for _, unit := range []string{"utf16", "codepoint"} {
				r := report.Build(d)
				if err := r.ConvertOffsets(unit); err != nil {
					t.Fatal(err)
				}
				if out[unit], err = engine.Marshal(r); err != nil {
					t.Fatal(err)
				}
			}
		}
		var r8 report.Report
		if err := json.Unmarshal(out["utf8"], &r8); err != nil {
			t.Fatal(err)
		}
		if r8.Offsets == "" { // {"error": ...}
			var e struct{ Error string }
			if json.Unmarshal(out["utf8"], &e); e.Error == "" {
				t.Fatalf("neither a report nor an error: %.200q", out["utf8"])
			}
			return
		}
		if !utf8.ValidString(r8.Text) {
			t.Fatal("the report's text is not valid UTF-8")
		}
		for _, p := range strings.Split(r8.Article.Body, "\n\n") {
			if !strings.Contains(r8.Text, p) {
				t.Fatalf("body paragraph %.80q is not in the text", p)
			}
		}
		want8 := offsets(&r8)
		for _, unit := range []string{"utf16", "codepoint"} {
			var r report.Report
			if err := json.Unmarshal(out[unit], &r); err != nil {
				t.Fatal(err)
			}
			got := offsets(&r)
			if len(got) != len(want8) {
				t.Fatalf("%s report has %d offsets, utf8 %d", unit, len(got), len(want8))
			}
			for i, b := range want8 {
				if want := convert(r8.Text, b, unit); got[i] != want {
					t.Fatalf("%s offset %d is %d; byte offset %d is %d in %s", unit, i, got[i], b, want, unit)
				}
			}
		}
	})
}

// offsets lists the report's offsets in a fixed order.
func offsets(r *report.Report) []int {
	var o []int
	for _, s := range append(append(append([]report.Span{}, r.Article.Paragraphs...), r.Article.Sentences...), r.Article.Boilerplate...) {
		o = append(o, s.Start, s.End)
	}
	for _, e := range r.Entities {
		for _, m := range e.Mentions {
			o = append(o, m.Start, m.End)
		}
	}
	for _, f := range r.Figures {
		o = append(o, f.Start, f.End)
	}
	for _, q := range r.Quotes {
		o = append(o, q.Start, q.End)
	}
	for _, s := range r.Summary {
		o = append(o, s.Start, s.End)
	}
	for _, k := range r.Keyphrases {
		for _, m := range k.Mentions {
			o = append(o, m.Start, m.End)
		}
	}
	return o
}

// convert is byte offset b of text in unit, computed the plain way.
func convert(text string, b int, unit string) int {
	if b < 0 || b > len(text) || !utf8.ValidString(text[:b]) {
		return -1
	}
	if unit == "codepoint" {
		return utf8.RuneCountInString(text[:b])
	}
	return len(utf16.Encode([]rune(text[:b])))
}

// FuzzOptions feeds any options JSON to AnalyzeJSON, as the page's worker
// and the Node API pass it (ledeAnalyze(input, optionsJSON)): the answer is
// always valid JSON, a report or {"error"}, and an unknown option or value
// is an error that names the fix, never a report in a unit nobody asked for.
func FuzzOptions(f *testing.F) {
	for _, o := range []string{"", "{}", `{"offsets":"utf8"}`, `{"input":"html","offsets":"codepoint"}`,
		`{"offsets":"utf32"}`, `{"colour":"red"}`, `{"input":1}`, `null`, `[]`, `{"offsets":"utf8"} {}`, `{"offsets":"UTF8"}`} {
		f.Add(o)
	}
	f.Fuzz(func(t *testing.T, opts string) {
		b := engine.AnalyzeJSON("Rain fell in Oslo on Tuesday, the mayor said.", opts)
		var r struct {
			Offsets string
			Error   string
		}
		if err := json.Unmarshal(b, &r); err != nil {
			t.Fatalf("invalid JSON for options %q: %.200q", opts, b)
		}
		switch {
		case r.Error != "":
		case r.Offsets == "utf16" || r.Offsets == "utf8" || r.Offsets == "codepoint":
			o, err := engine.ParseOptions(opts)
			if err != nil || (o.Offsets != "" && o.Offsets != r.Offsets) {
				t.Fatalf("options %q gave a report in %s (parsed %+v, %v)", opts, r.Offsets, o, err)
			}
		default:
			t.Fatalf("options %q: neither a report nor an error: %.200q", opts, b)
		}
	})
}

package doccheck

import (
	"math"
	"strings"
	"testing"

	"github.com/lede-news/lede/internal/doc"
)

// good is a small, sound document: "Café opens. Ana said so."
func good() *doc.Document {
	text := "Café opens. Ana said so."
	d := &doc.Document{Text: text}
	d.Blocks = []doc.Block{{Span: doc.Span{Start: 0, End: len(text)}}}
	idx := func(s string) doc.Span { i := strings.Index(text, s); return doc.Span{Start: i, End: i + len(s)} }
	for _, w := range []string{"Café", "opens", ".", "Ana", "said", "so", "."} {
		var sp doc.Span
		if len(d.Tokens) > 0 {
			rest := text[d.Tokens[len(d.Tokens)-1].End:]
			i := strings.Index(rest, w) + d.Tokens[len(d.Tokens)-1].End
			sp = doc.Span{Start: i, End: i + len(w)}
		} else {
			sp = idx(w)
		}
		d.Tokens = append(d.Tokens, doc.Token{Span: sp})
	}
	d.Sentences = []doc.Sentence{
		{Span: doc.Span{Start: 0, End: d.Tokens[2].End}, First: 0, Last: 3},
		{Span: doc.Span{Start: d.Tokens[3].Start, End: len(text)}, First: 3, Last: 7},
	}
	d.Entities = []doc.Entity{{Name: "Ana", Salience: 0.5, Mentions: []doc.Mention{{Span: idx("Ana"), Sentence: 1}}}}
	v := 1.0
	d.Figures = []doc.Figure{{Span: idx("Café"), Value: &v}}
	return d
}

// Check must accept a sound document and reject each kind of broken one:
// a check that passes everything would make every fuzz target pass.
func TestCheck(t *testing.T) {
	if err := Check(good()); err != nil {
		t.Fatalf("a sound document rejected: %v", err)
	}
	nan := math.NaN()
	cases := []struct {
		name  string
		spoil func(d *doc.Document)
		want  string
	}{
		{"block past the end", func(d *doc.Document) { d.Blocks[0].End++ }, "outside the text"},
		{"block cuts é", func(d *doc.Document) { d.Blocks[0].End = 4 }, "cuts a UTF-8 character"},
		{"blocks out of order", func(d *doc.Document) { d.Blocks = append(d.Blocks, doc.Block{Span: doc.Span{Start: 0, End: 1}}) }, "before the previous block"},
		{"sentence in a missing block", func(d *doc.Document) { d.Sentences[1].Block = 3 }, "names block"},
		{"sentence outside its block", func(d *doc.Document) {
			d.Blocks[0].End = d.Sentences[0].End
			d.Blocks = append(d.Blocks, doc.Block{Span: doc.Span{Start: d.Sentences[1].Start, End: len(d.Text)}})
		}, "outside its container"},
		{"token outside its sentence", func(d *doc.Document) { d.Sentences[0].Last = 4 }, "outside its container"},
		{"empty token", func(d *doc.Document) { d.Tokens[1].End = d.Tokens[1].Start }, "is empty"},
		{"overlapping tokens", func(d *doc.Document) { d.Tokens[1].Start = d.Tokens[0].Start }, "overlaps"},
		{"sentences out of order", func(d *doc.Document) { d.Sentences[1].Start = 0 }, "before the previous sentence"},
		{"NaN salience", func(d *doc.Document) { d.Entities[0].Salience = nan }, "salience"},
		{"mention in a missing sentence", func(d *doc.Document) { d.Entities[0].Mentions[0].Sentence = 9 }, "names sentence"},
		{"entity without mentions", func(d *doc.Document) { d.Entities[0].Mentions = nil }, "no mention"},
		{"infinite figure", func(d *doc.Document) { inf := math.Inf(1); d.Figures[0].Value = &inf }, "value"},
		{"summary past the sentences", func(d *doc.Document) { d.Summary = []int{2} }, "summary"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := good()
			c.spoil(d)
			err := Check(d)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("Check = %v, want an error saying %q", err, c.want)
			}
		})
	}
}

// Package report is the JSON report lede gives for one article: the shape
// of ../shared/interface.md, documented field by field in docs/report.md.
//
// A Report is built from a finished doc.Document with byte offsets, then
// converted once, at the very end, to the offset unit the caller asked for.
package report

import (
	"math"
	"strings"
	"unicode/utf8"

	"github.com/lede-news/lede/internal/doc"
)

// Span is a half-open offset range in the report's unit.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// TextSpan is a span with the text it covers.
type TextSpan struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// Report is the whole analysis of one input.
type Report struct {
	ID         any         `json:"id,omitempty"`
	Text       string      `json:"text"`
	Article    Article     `json:"article"`
	Keyphrases []Keyphrase `json:"keyphrases"`
	Entities   []Entity    `json:"entities"`
	Figures    []Figure    `json:"figures"`
	Quotes     []Quote     `json:"quotes"`
	Categories []Label     `json:"categories"`
	Summary    []TextSpan  `json:"summary"`
	Digest     *Digest     `json:"digest"`
	Stats      Stats       `json:"stats"`
	Notices    []Notice    `json:"notices"` // what was not analysed and why; [] when nothing
	Offsets    string      `json:"offsets"` // the unit of every start/end: utf16, utf8 or codepoint
}

// Notice is something the reader should know about the analysis itself.
type Notice struct {
	Code    string `json:"code"`    // "language-unsupported" or "language-mixed"
	Message string `json:"message"` // one sentence for people, in English
}

// Article is the article proper and what surrounds it.
type Article struct {
	Title       *string   `json:"title"`
	Byline      *string   `json:"byline"`
	Published   *string   `json:"published"`
	Body        string    `json:"body"`
	Paragraphs  []Span    `json:"paragraphs"`
	Sentences   []Span    `json:"sentences"`
	Related     []Related `json:"related"`
	Boilerplate []Span    `json:"boilerplate"`
}

// Related is one listed headline or link that is not part of the body.
type Related struct {
	Text       string   `json:"text"`
	Start      int      `json:"start"`
	End        int      `json:"end"`
	Categories []Label  `json:"categories"`
	Entities   []string `json:"entities"`
}

// Keyphrase is a ranked phrase with its mentions.
type Keyphrase struct {
	Text     string  `json:"text"`
	Score    float64 `json:"score"`
	Mentions []Span  `json:"mentions"`
	// Kind is "name" for a phrase that is only a name (the entity panel's
	// business) and "topic" for the rest: what the article is about.
	Kind string `json:"kind"`
	// Panel is the topic's place (1, 2, …) in the page's keyphrase panel,
	// which shows at most four lone words ("trade") in its first ten
	// topics; absent for names and for topics the panel leaves out. The
	// list itself is ranked by score alone (docs/keyphrases.md).
	Panel int `json:"panel,omitempty"`
}

// Entity is a named thing with its aliases and mentions.
type Entity struct {
	Name     string     `json:"name"`
	Type     string     `json:"type"`
	Aliases  []string   `json:"aliases"`
	Salience float64    `json:"salience"`
	Mentions []TextSpan `json:"mentions"`
}

// Figure is a number with its unit and what it measures.
type Figure struct {
	Kind  string   `json:"kind"`
	Text  string   `json:"text"`
	Value *float64 `json:"value"`
	Unit  string   `json:"unit"`
	About string   `json:"about"`
	Start int      `json:"start"`
	End   int      `json:"end"`
}

// Quote is a quotation and its speaker, when the text names one.
type Quote struct {
	Text    string  `json:"text"`
	Speaker *string `json:"speaker"`
	Start   int     `json:"start"`
	End     int     `json:"end"`
}

// Label is a ranked category.
type Label struct {
	Label string  `json:"label"`
	Score float64 `json:"score"`
}

// Digest summarises the related headlines.
type Digest struct {
	Headlines  int          `json:"headlines"`
	Categories []CountedTag `json:"categories"`
	Entities   []CountedTag `json:"entities"`
	Clusters   [][]int      `json:"clusters"` // indices into article.related
}

// CountedTag is a name with the headlines (indices into article.related) that carry it.
type CountedTag struct {
	Name      string `json:"name"`
	Type      string `json:"type,omitempty"`
	Count     int    `json:"count"`
	Headlines []int  `json:"headlines"`
}

// Stats are counts about the input.
type Stats struct {
	Characters     int     `json:"characters"`
	Words          int     `json:"words"`
	Sentences      int     `json:"sentences"`
	Paragraphs     int     `json:"paragraphs"`
	ReadingMinutes float64 `json:"readingMinutes"`
	// Language is the BCP 47 code of the text's language ("en", "de",
	// "zh"), "und" when it is too short to tell; LanguageConfidence how
	// sure, 0..1. ParagraphLanguages has the language of each of
	// article.paragraphs, in order. Supported is false when some or all of
	// the text was left out of the English-only analyses (see notices).
	Language           string   `json:"language"`
	LanguageConfidence float64  `json:"languageConfidence"`
	ParagraphLanguages []string `json:"paragraphLanguages"`
	Supported          bool     `json:"supported"`
}

// round keeps scores short and identical across platforms' float printing.
func round(x float64) float64 { return math.Round(x*1e4) / 1e4 }

func label(ls []doc.Label) []Label {
	return appendLabels(make([]Label, 0, len(ls)), ls)
}

// appendLabels appends ls as the report gives them to out.
func appendLabels(out []Label, ls []doc.Label) []Label {
	for _, l := range ls {
		out = append(out, Label{Label: l.Name, Score: round(l.Score)})
	}
	return out
}

func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// Build turns a finished Document into a Report with byte offsets.
func Build(d *doc.Document) *Report {
	t := d.Text
	r := &Report{
		Text: t,
		// sized once (never nil: an empty list is [] in the JSON)
		Keyphrases: make([]Keyphrase, 0, len(d.Keyphrases)),
		Entities:   make([]Entity, 0, len(d.Entities)),
		Figures:    make([]Figure, 0, len(d.Figures)),
		Quotes:     make([]Quote, 0, len(d.Quotes)),
		Categories: label(d.Categories),
		Summary:    make([]TextSpan, 0, len(d.Summary)),
		Offsets:    "utf8",
	}
	a := &r.Article
	a.Title, a.Byline, a.Published = optional(d.Title), optional(d.Byline), optional(d.Published)
	a.Paragraphs, a.Sentences, a.Related, a.Boilerplate = []Span{}, []Span{}, []Related{}, []Span{}
	paraLangs := []string{}
	var body []string
	relatedIndex := make([]int, len(d.Blocks)) // block index -> index in a.Related, or -1
	// the headlines' labels cut from one array, as the mentions below
	nl := 0
	for i, b := range d.Blocks {
		if b.Role == doc.Related {
			nl += len(d.RelatedCategories[i])
		}
	}
	labels := make([]Label, 0, nl)
	for i, b := range d.Blocks {
		relatedIndex[i] = -1
		switch b.Role {
		case doc.Body:
			a.Paragraphs = append(a.Paragraphs, Span{b.Start, b.End})
			body = append(body, b.Of(t))
			paraLangs = append(paraLangs, languageCode(d, i))
		case doc.Related:
			relatedIndex[i] = len(a.Related)
			k := len(labels)
			labels = appendLabels(labels, d.RelatedCategories[i])
			a.Related = append(a.Related, Related{Text: b.Of(t), Start: b.Start, End: b.End,
				Categories: labels[k:len(labels):len(labels)], Entities: []string{}})
		case doc.Boilerplate:
			a.Boilerplate = append(a.Boilerplate, Span{b.Start, b.End})
		}
	}
	a.Body = strings.Join(body, "\n\n")
	words := 0
	for i, s := range d.Sentences {
		if d.Blocks[s.Block].Role == doc.Body {
			a.Sentences = append(a.Sentences, Span{s.Start, s.End})
			for _, tok := range d.SentenceTokens(i) {
				if tok.Kind == doc.Word || tok.Kind == doc.Number {
					words++
				}
			}
		}
	}
	// every keyphrase's and every entity's mentions (and aliases) are cut
	// from one array each, capped: a few allocations, not one per item
	n := 0
	for _, p := range d.Keyphrases {
		n += len(p.Mentions)
	}
	spans := make([]Span, 0, n)
	for _, p := range d.Keyphrases {
		k := Keyphrase{Text: p.Text, Score: round(p.Score), Mentions: spans[len(spans) : len(spans) : len(spans)+len(p.Mentions)], Kind: "topic", Panel: p.Panel}
		spans = spans[:len(spans)+len(p.Mentions)]
		if p.Name {
			k.Kind = "name"
		}
		for _, m := range p.Mentions {
			k.Mentions = append(k.Mentions, Span{m.Start, m.End})
		}
		r.Keyphrases = append(r.Keyphrases, k)
	}
	listed := make([]int, len(a.Related)) // headline -> the last entity it listed
	for i := range listed {
		listed[i] = -1
	}
	n, na := 0, 0
	for _, e := range d.Entities {
		n, na = n+len(e.Mentions), na+len(e.Aliases)
	}
	// each headline's entity names cut from one array too: counted first,
	// as the loop below lists them
	if len(listed) > 0 {
		counts, total := make([]int, len(listed)), 0
		for ei, e := range d.Entities {
			for _, m := range e.Mentions {
				if m.Sentence >= 0 && m.Sentence < len(d.Sentences) {
					if ri := blockIndex(relatedIndex, d.Sentences[m.Sentence].Block); ri >= 0 && listed[ri] != ei {
						listed[ri] = ei
						counts[ri]++
						total++
					}
				}
			}
		}
		names := make([]string, total)
		for ri, c := range counts {
			a.Related[ri].Entities, names = names[:0:c], names[c:]
			listed[ri] = -1
		}
	}
	texts, aliases := make([]TextSpan, 0, n), make([]string, 0, na)
	for ei, e := range d.Entities {
		k := len(aliases)
		aliases = append(aliases, e.Aliases...)
		re := Entity{Name: e.Name, Type: e.Type.String(), Aliases: aliases[k:len(aliases):len(aliases)],
			Salience: round(e.Salience)}
		re.Mentions = texts[len(texts) : len(texts) : len(texts)+len(e.Mentions)]
		texts = texts[:len(texts)+len(e.Mentions)]
		for _, m := range e.Mentions {
			re.Mentions = append(re.Mentions, TextSpan{m.Start, m.End, m.Of(t)})
			if m.Sentence >= 0 && m.Sentence < len(d.Sentences) {
				if ri := blockIndex(relatedIndex, d.Sentences[m.Sentence].Block); ri >= 0 && listed[ri] != ei {
					listed[ri] = ei // a headline lists each entity once
					a.Related[ri].Entities = append(a.Related[ri].Entities, e.Name)
				}
			}
		}
		r.Entities = append(r.Entities, re)
	}
	for _, f := range d.Figures {
		r.Figures = append(r.Figures, Figure{Kind: string(f.Kind), Text: f.Of(t), Value: f.Value,
			Unit: f.Unit, About: f.About, Start: f.Start, End: f.End})
	}
	for _, q := range d.Quotes {
		r.Quotes = append(r.Quotes, Quote{Text: q.Of(t), Speaker: optional(q.Speaker), Start: q.Start, End: q.End})
	}
	for _, si := range d.Summary {
		s := d.Sentences[si]
		r.Summary = append(r.Summary, TextSpan{s.Start, s.End, s.Of(t)})
	}
	if g := d.Digest; g != nil {
		r.Digest = &Digest{Headlines: g.Headlines, Categories: counted(g.Categories, relatedIndex),
			Entities: counted(g.Entities, relatedIndex), Clusters: [][]int{}}
		// the clusters' headline indices cut from one array, each capped
		nc := 0
		for _, c := range g.Clusters {
			nc += len(c)
		}
		r.Digest.Clusters = make([][]int, 0, len(g.Clusters))
		heads := make([]int, 0, nc)
		for _, c := range g.Clusters {
			k := len(heads)
			heads = appendRelated(heads, c, relatedIndex)
			r.Digest.Clusters = append(r.Digest.Clusters, heads[k:len(heads):len(heads)])
		}
	}
	r.Stats = Stats{
		Characters:     utf8.RuneCountInString(a.Body),
		Words:          words,
		Sentences:      len(a.Sentences),
		Paragraphs:     len(a.Paragraphs),
		ReadingMinutes: math.Round(float64(words)/238*10) / 10, // 238 wpm: Brysbaert 2019, silent reading of non-fiction
		Language:       "und",
	}
	r.Stats.LanguageConfidence = round(d.Language.Confidence)
	r.Stats.ParagraphLanguages = paraLangs
	r.Stats.Supported = d.Skipped == nil
	if d.Language.Code != "" {
		r.Stats.Language = d.Language.Code
	}
	r.Notices = make([]Notice, 0, len(d.Notices))
	for _, n := range d.Notices {
		r.Notices = append(r.Notices, Notice{Code: n.Code, Message: n.Message})
	}
	return r
}

// languageCode is the language of block i: "und" when it was not examined
// or is too short to tell.
func languageCode(d *doc.Document, i int) string {
	if i < len(d.BlockLanguages) && d.BlockLanguages[i].Code != "" {
		return d.BlockLanguages[i].Code
	}
	return "und"
}

func related(blocks []int, index []int) []int {
	return appendRelated(make([]int, 0, len(blocks)), blocks, index)
}

// appendRelated appends to out the headline index of each of blocks that
// is a headline.
func appendRelated(out []int, blocks []int, index []int) []int {
	for _, b := range blocks {
		if i := blockIndex(index, b); i >= 0 {
			out = append(out, i)
		}
	}
	return out
}

// blockIndex is index[b], or -1 when b is not an index of it.
func blockIndex(index []int, b int) int {
	if b < 0 || b >= len(index) {
		return -1
	}
	return index[b]
}

func counted(tags []doc.CountedTag, index []int) []CountedTag {
	out := make([]CountedTag, 0, len(tags))
	for _, c := range tags {
		out = append(out, CountedTag{Name: c.Name, Type: c.Type, Count: c.Count, Headlines: related(c.Blocks, index)})
	}
	return out
}

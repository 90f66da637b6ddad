package report

import "github.com/lede-news/lede/internal/jsonlite"

// JSON is the report as compact JSON, byte for byte what encoding/json
// writes with SetEscapeHTML(false) and no trailing newline: fields in
// declaration order under their json tag names, nil slices and pointers as
// null. It appends by hand, so the WebAssembly engine carries neither
// reflect nor encoding/json, and it is several times faster.
//
// A field added to a report type must be written here too, in declaration
// order, as `w.raw(`,"name":`)` and the value's writer (str, int, float,
// bool, optStr, value for an any, or a loop with open/sep for a slice);
// TestJSONMatchesEncodingJSON fills every field by reflection and fails
// until it is.
func (r *Report) JSON() ([]byte, error) {
	// The text and the body are in every report, and the mentions, summary
	// and lists several times the text again (the sample: 6×): one allocation
	// in the common case.
	w := writer{b: make([]byte, 0, 6*len(r.Text)+4096)}
	w.raw(`{`)
	if r.ID != nil { // omitempty: an interface is empty when nil
		w.raw(`"id":`)
		w.value(r.ID)
		w.raw(`,`)
	}
	w.raw(`"text":`)
	w.str(r.Text)
	w.raw(`,"article":`)
	w.article(&r.Article)
	w.raw(`,"keyphrases":`)
	if w.open(r.Keyphrases == nil) {
		for i := range r.Keyphrases {
			w.sep(i)
			w.keyphrase(&r.Keyphrases[i])
		}
		w.raw(`]`)
	}
	w.raw(`,"entities":`)
	if w.open(r.Entities == nil) {
		for i := range r.Entities {
			w.sep(i)
			w.entity(&r.Entities[i])
		}
		w.raw(`]`)
	}
	w.raw(`,"figures":`)
	if w.open(r.Figures == nil) {
		for i := range r.Figures {
			w.sep(i)
			w.figure(&r.Figures[i])
		}
		w.raw(`]`)
	}
	w.raw(`,"quotes":`)
	if w.open(r.Quotes == nil) {
		for i := range r.Quotes {
			w.sep(i)
			w.quote(&r.Quotes[i])
		}
		w.raw(`]`)
	}
	w.raw(`,"categories":`)
	if w.open(r.Categories == nil) {
		for i := range r.Categories {
			w.sep(i)
			w.label(&r.Categories[i])
		}
		w.raw(`]`)
	}
	w.raw(`,"summary":`)
	if w.open(r.Summary == nil) {
		for i := range r.Summary {
			w.sep(i)
			w.textSpan(&r.Summary[i])
		}
		w.raw(`]`)
	}
	w.raw(`,"digest":`)
	if r.Digest == nil {
		w.raw(`null`)
	} else {
		w.digest(r.Digest)
	}
	w.raw(`,"stats":`)
	w.stats(&r.Stats)
	w.raw(`,"notices":`)
	if w.open(r.Notices == nil) {
		for i := range r.Notices {
			w.sep(i)
			w.raw(`{"code":`)
			w.str(r.Notices[i].Code)
			w.raw(`,"message":`)
			w.str(r.Notices[i].Message)
			w.raw(`}`)
		}
		w.raw(`]`)
	}
	w.raw(`,"offsets":`)
	w.str(r.Offsets)
	w.raw(`}`)
	return w.b, w.err
}

// writer appends JSON to b and remembers the first error (a NaN or an
// unsupported id), so that the code above reads like the report's shape.
type writer struct {
	b   []byte
	err error
}

// raw, str and int are kept out of line: inlined at each of their ~100
// call sites, append's growth path doubled the writer's share of the wasm.
//
//go:noinline
func (w *writer) raw(s string) { w.b = append(w.b, s...) }

//go:noinline
func (w *writer) str(s string) { w.b = jsonlite.AppendString(w.b, s) }

//go:noinline
func (w *writer) int(n int) { w.b = jsonlite.AppendInt(w.b, n) }

func (w *writer) float(f float64) {
	var err error
	if w.b, err = jsonlite.AppendFloat(w.b, f); err != nil && w.err == nil {
		w.err = err
	}
}

func (w *writer) value(v any) {
	var err error
	if w.b, err = jsonlite.AppendValue(w.b, v); err != nil && w.err == nil {
		w.err = err
	}
}

func (w *writer) optStr(s *string) {
	if s == nil {
		w.raw(`null`)
	} else {
		w.str(*s)
	}
}

// open starts a list: null for a nil slice (and false: nothing follows),
// else "[" (and true). A plain loop at each call site, not a generic helper
// taking a function, keeps the writer on the stack.
func (w *writer) open(isNil bool) bool {
	if isNil {
		w.raw(`null`)
		return false
	}
	w.raw(`[`)
	return true
}

// sep writes the comma before every element but the first.
func (w *writer) sep(i int) {
	if i > 0 {
		w.b = append(w.b, ',')
	}
}

func (w *writer) span(s *Span) {
	w.raw(`{"start":`)
	w.int(s.Start)
	w.raw(`,"end":`)
	w.int(s.End)
	w.raw(`}`)
}

func (w *writer) textSpan(s *TextSpan) {
	w.raw(`{"start":`)
	w.int(s.Start)
	w.raw(`,"end":`)
	w.int(s.End)
	w.raw(`,"text":`)
	w.str(s.Text)
	w.raw(`}`)
}

func (w *writer) article(a *Article) {
	w.raw(`{"title":`)
	w.optStr(a.Title)
	w.raw(`,"byline":`)
	w.optStr(a.Byline)
	w.raw(`,"published":`)
	w.optStr(a.Published)
	w.raw(`,"body":`)
	w.str(a.Body)
	w.raw(`,"paragraphs":`)
	if w.open(a.Paragraphs == nil) {
		for i := range a.Paragraphs {
			w.sep(i)
			w.span(&a.Paragraphs[i])
		}
		w.raw(`]`)
	}
	w.raw(`,"sentences":`)
	if w.open(a.Sentences == nil) {
		for i := range a.Sentences {
			w.sep(i)
			w.span(&a.Sentences[i])
		}
		w.raw(`]`)
	}
	w.raw(`,"related":`)
	if w.open(a.Related == nil) {
		for i := range a.Related {
			w.sep(i)
			w.related(&a.Related[i])
		}
		w.raw(`]`)
	}
	w.raw(`,"boilerplate":`)
	if w.open(a.Boilerplate == nil) {
		for i := range a.Boilerplate {
			w.sep(i)
			w.span(&a.Boilerplate[i])
		}
		w.raw(`]`)
	}
	w.raw(`}`)
}

func (w *writer) related(r *Related) {
	w.raw(`{"text":`)
	w.str(r.Text)
	w.raw(`,"start":`)
	w.int(r.Start)
	w.raw(`,"end":`)
	w.int(r.End)
	w.raw(`,"categories":`)
	if w.open(r.Categories == nil) {
		for i := range r.Categories {
			w.sep(i)
			w.label(&r.Categories[i])
		}
		w.raw(`]`)
	}
	w.raw(`,"entities":`)
	w.b = jsonlite.AppendStrings(w.b, r.Entities)
	w.raw(`}`)
}

func (w *writer) keyphrase(k *Keyphrase) {
	w.raw(`{"text":`)
	w.str(k.Text)
	w.raw(`,"score":`)
	w.float(k.Score)
	w.raw(`,"mentions":`)
	if w.open(k.Mentions == nil) {
		for i := range k.Mentions {
			w.sep(i)
			w.span(&k.Mentions[i])
		}
		w.raw(`]`)
	}
	w.raw(`,"kind":`)
	w.str(k.Kind)
	if k.Panel != 0 {
		w.raw(`,"panel":`)
		w.int(k.Panel)
	}
	w.raw(`}`)
}

func (w *writer) entity(e *Entity) {
	w.raw(`{"name":`)
	w.str(e.Name)
	w.raw(`,"type":`)
	w.str(e.Type)
	w.raw(`,"aliases":`)
	w.b = jsonlite.AppendStrings(w.b, e.Aliases)
	w.raw(`,"salience":`)
	w.float(e.Salience)
	w.raw(`,"mentions":`)
	if w.open(e.Mentions == nil) {
		for i := range e.Mentions {
			w.sep(i)
			w.textSpan(&e.Mentions[i])
		}
		w.raw(`]`)
	}
	w.raw(`}`)
}

func (w *writer) figure(f *Figure) {
	w.raw(`{"kind":`)
	w.str(f.Kind)
	w.raw(`,"text":`)
	w.str(f.Text)
	w.raw(`,"value":`)
	if f.Value == nil {
		w.raw(`null`)
	} else {
		w.float(*f.Value)
	}
	w.raw(`,"unit":`)
	w.str(f.Unit)
	w.raw(`,"about":`)
	w.str(f.About)
	w.raw(`,"start":`)
	w.int(f.Start)
	w.raw(`,"end":`)
	w.int(f.End)
	w.raw(`}`)
}

func (w *writer) quote(q *Quote) {
	w.raw(`{"text":`)
	w.str(q.Text)
	w.raw(`,"speaker":`)
	w.optStr(q.Speaker)
	w.raw(`,"start":`)
	w.int(q.Start)
	w.raw(`,"end":`)
	w.int(q.End)
	w.raw(`}`)
}

func (w *writer) label(l *Label) {
	w.raw(`{"label":`)
	w.str(l.Label)
	w.raw(`,"score":`)
	w.float(l.Score)
	w.raw(`}`)
}

func (w *writer) digest(d *Digest) {
	w.raw(`{"headlines":`)
	w.int(d.Headlines)
	w.raw(`,"categories":`)
	if w.open(d.Categories == nil) {
		for i := range d.Categories {
			w.sep(i)
			w.countedTag(&d.Categories[i])
		}
		w.raw(`]`)
	}
	w.raw(`,"entities":`)
	if w.open(d.Entities == nil) {
		for i := range d.Entities {
			w.sep(i)
			w.countedTag(&d.Entities[i])
		}
		w.raw(`]`)
	}
	w.raw(`,"clusters":`)
	if d.Clusters == nil {
		w.raw(`null`)
	} else {
		w.raw(`[`)
		for i, c := range d.Clusters {
			if i > 0 {
				w.raw(`,`)
			}
			w.b = jsonlite.AppendInts(w.b, c)
		}
		w.raw(`]`)
	}
	w.raw(`}`)
}

func (w *writer) countedTag(c *CountedTag) {
	w.raw(`{"name":`)
	w.str(c.Name)
	if c.Type != "" { // omitempty
		w.raw(`,"type":`)
		w.str(c.Type)
	}
	w.raw(`,"count":`)
	w.int(c.Count)
	w.raw(`,"headlines":`)
	w.b = jsonlite.AppendInts(w.b, c.Headlines)
	w.raw(`}`)
}

func (w *writer) stats(s *Stats) {
	w.raw(`{"characters":`)
	w.int(s.Characters)
	w.raw(`,"words":`)
	w.int(s.Words)
	w.raw(`,"sentences":`)
	w.int(s.Sentences)
	w.raw(`,"paragraphs":`)
	w.int(s.Paragraphs)
	w.raw(`,"readingMinutes":`)
	w.float(s.ReadingMinutes)
	w.raw(`,"language":`)
	w.str(s.Language)
	w.raw(`,"languageConfidence":`)
	w.float(s.LanguageConfidence)
	w.raw(`,"paragraphLanguages":`)
	w.b = jsonlite.AppendStrings(w.b, s.ParagraphLanguages)
	w.raw(`,"supported":`)
	if s.Supported {
		w.raw(`true`)
	} else {
		w.raw(`false`)
	}
	w.raw(`}`)
}

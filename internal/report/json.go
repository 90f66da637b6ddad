package report

import "github.com/lede-news/lede/internal/jsonlite"

// JSON is the report as compact JSON, byte for byte what encoding/json
// writes with SetEscapeHTML(false) and no trailing newline: fields in
// declaration order under their json tag names, nil slices and pointers as
// null. It appends by hand, so the WebAssembly engine carries neither
// reflect nor encoding/json, and it is several times faster.
//
// A field added to a report type must be written here too:
// TestJSONMatchesEncodingJSON fills every field by reflection and fails
// until it is.
func (r *Report) JSON() ([]byte, error) {
	w := writer{b: make([]byte, 0, 2*len(r.Text)+len(r.Article.Body)+4096)}
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
	list(&w, r.Keyphrases, (*writer).keyphrase)
	w.raw(`,"entities":`)
	list(&w, r.Entities, (*writer).entity)
	w.raw(`,"figures":`)
	list(&w, r.Figures, (*writer).figure)
	w.raw(`,"quotes":`)
	list(&w, r.Quotes, (*writer).quote)
	w.raw(`,"categories":`)
	list(&w, r.Categories, (*writer).label)
	w.raw(`,"summary":`)
	list(&w, r.Summary, (*writer).textSpan)
	w.raw(`,"digest":`)
	if r.Digest == nil {
		w.raw(`null`)
	} else {
		w.digest(r.Digest)
	}
	w.raw(`,"stats":`)
	w.stats(&r.Stats)
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

// list writes a slice with one element writer; nil is null.
func list[T any](w *writer, xs []T, each func(*writer, *T)) {
	if xs == nil {
		w.raw(`null`)
		return
	}
	w.raw(`[`)
	for i := range xs {
		if i > 0 {
			w.raw(`,`)
		}
		each(w, &xs[i])
	}
	w.raw(`]`)
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
	list(w, a.Paragraphs, (*writer).span)
	w.raw(`,"sentences":`)
	list(w, a.Sentences, (*writer).span)
	w.raw(`,"related":`)
	list(w, a.Related, (*writer).related)
	w.raw(`,"boilerplate":`)
	list(w, a.Boilerplate, (*writer).span)
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
	list(w, r.Categories, (*writer).label)
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
	list(w, k.Mentions, (*writer).span)
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
	list(w, e.Mentions, (*writer).textSpan)
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
	list(w, d.Categories, (*writer).countedTag)
	w.raw(`,"entities":`)
	list(w, d.Entities, (*writer).countedTag)
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
	w.raw(`}`)
}

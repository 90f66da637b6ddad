// Package engine runs lede's passes over one input and returns the report.
// It is the only place that knows the order of the passes; every front end
// (the CLI, the wasm entry, the HTTP handler) calls Analyze and nothing else.
package engine

import (
	"errors"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/lede-news/lede/internal/article"
	"github.com/lede-news/lede/internal/category"
	"github.com/lede-news/lede/internal/digest"
	"github.com/lede-news/lede/internal/doc"
	"github.com/lede-news/lede/internal/entity"
	"github.com/lede-news/lede/internal/figure"
	"github.com/lede-news/lede/internal/keyphrase"
	"github.com/lede-news/lede/internal/lang"
	"github.com/lede-news/lede/internal/pos"
	"github.com/lede-news/lede/internal/quote"
	"github.com/lede-news/lede/internal/report"
	"github.com/lede-news/lede/internal/segment"
	"github.com/lede-news/lede/internal/summary"
	"github.com/lede-news/lede/internal/swar"
)

// MaxInputBytes is the largest input Analyze accepts. A long news article is
// under 100 KB of text and a heavy page under 3 MB of HTML; 8 MiB leaves room
// while keeping a paste in the browser well under a second or two.
const MaxInputBytes = 8 << 20

// Options are the caller's choices. The zero value is the default.
type Options struct {
	Input   string `json:"input"`   // "auto" (default), "text" or "html"
	Offsets string `json:"offsets"` // "utf16" (default), "utf8" or "codepoint"
}

// InputError is an error in what the caller gave, as opposed to a fault of
// lede's. Its message says what to do.
type InputError struct{ Msg string }

func (e *InputError) Error() string { return e.Msg }

func inputErr(msg string) error { return &InputError{msg} }

// panicText is what a recovered panic says, without fmt (which the
// WebAssembly engine does not carry).
func panicText(p any) string {
	switch x := p.(type) {
	case error:
		return x.Error()
	case string:
		return x
	}
	return "an unexpected panic"
}

// Analyze runs every pass over input and returns the report.
func Analyze(input string, opt Options) (rep *report.Report, err error) {
	sc, _ := lent.Get().(*scratch)
	if sc == nil {
		sc = new(scratch)
	}
	d, err := document(input, opt, sc)
	if err != nil {
		return nil, err
	}
	r := report.Build(d)
	// the report holds none of the document's tokens or sentences (its
	// own types, copied out): their arrays go to the next analysis
	if cap(d.Tokens) <= maxLent {
		sc.tokens, sc.sentences = d.Tokens[:0], d.Sentences[:0]
		lent.Put(sc)
	}
	if err := r.ConvertOffsets(opt.Offsets); err != nil {
		return nil, &InputError{err.Error()}
	}
	return r, nil
}

// Document runs every pass and returns the annotated document, with byte
// offsets. Benchmarks and tests that need one stage's output use it.
func Document(input string, opt Options) (d *doc.Document, err error) {
	return document(input, opt, nil)
}

// scratch holds the arrays of one analysis's tokens and sentences for the
// next (Analyze): a token slice is the largest allocation of an analysis
// (about 30 KB for a 3 KB article), and a slice of tokens, which hold a
// string, is zeroed when made and scanned by the collector. Segment writes
// every token and sentence it keeps whole, so nothing of the last
// document's is read; a Tag left in the array is one of the POS model's
// tag names, which live as long as the model.
type scratch struct {
	tokens    []doc.Token
	sentences []doc.Sentence
}

// lent is the pool of scratch Analyze lends from. sync.Pool gives each
// concurrent call its own scratch, and a call that panics or fails gives
// none back; the pool holds no result, only arrays whose contents the next
// call overwrites before reading, so a report depends on its input alone.
var lent sync.Pool

// maxLent is the most tokens a scratch keeps: a long article's (about
// 70 KB of text, 640 KB of tokens); a book pasted whole lets its arrays go.
const maxLent = 1 << 14

// document is Document with the token and sentence arrays of sc when sc
// is not nil.
func document(input string, opt Options, sc *scratch) (d *doc.Document, err error) {
	input = fromUTF16(input)
	kind, err := checkInput(input, opt)
	if err != nil {
		return nil, err
	}
	if !utf8.ValidString(input) {
		input = strings.ToValidUTF8(input, "\uFFFD")
	}
	// A pass that panics is a bug in lede, but the reader still deserves a
	// sentence rather than a dead page or a stack trace.
	defer func() {
		if p := recover(); p != nil {
			d, err = nil, errors.New("lede failed on this input ("+panicText(p)+"); please report it with the input attached")
		}
	}()
	d, err = article.Parse(input, kind)
	if err != nil {
		return nil, &InputError{err.Error()}
	}
	if sc != nil {
		d.Tokens, d.Sentences = sc.tokens[:0], sc.sentences[:0]
	}
	for _, p := range anyLanguage {
		p.run(d)
	}
	englishOnly(d, func() {
		for _, p := range english {
			p.run(d)
		}
	})
	return d, nil
}

// A pass annotates the document in place: each sets its own fields and
// reads those of the passes before it (docs/architecture.md).
type pass struct {
	name string
	run  func(*doc.Document)
}

// The passes after article extraction, in order: those that read any
// language, then those whose models or rules are English.
var (
	anyLanguage = [...]pass{{"lang", lang.Annotate}, {"segment", segment.Segment}}
	english     = [...]pass{
		{"pos", tagRead},
		{"entity", entity.Annotate},
		{"figure", figure.Annotate},
		{"quote", quote.Annotate},
		{"keyphrase", keyphrase.Annotate},
		{"summary", summary.Annotate},
		{"category", category.Annotate},
		{"digest", digest.Annotate},
	}
)

// tagRead tags the parts of speech of the sentences whose tags a later
// pass reads: the keyphrases' (the title and the body) and those where a
// figure may start, whose about-phrase reads them. The others (related
// headlines, bylines and datelines without a figure: 14 of the sample's 31
// sentences, 159 of its 555 tokens) keep empty tags, which nothing reads,
// so the report is the same as with every sentence tagged
// (TestTagReadSame).
func tagRead(d *doc.Document) {
	read := keyphrase.TagsRead(d, nil)
	pos.TagOnly(d, func(i int) bool { return read[i] || figure.ReadsTags(d, d.Sentences[i]) })
}

// englishOnly runs the passes whose models or rules are English (run) on
// the blocks package lang did not mark as another language (d.Skipped).
// Article extraction, sentences, tokens and counts are the same in any
// language and always run; part of speech, entities, figures, quotes,
// keyphrases, the summary, categories and the digest are not
// (docs/report.md says why for each). A wholly foreign text gets none of
// them and a notice; in a mixed one the foreign blocks are hidden from the
// passes as boilerplate, which every pass already ignores, for the length
// of run, and a notice says how many paragraphs were left out.
func englishOnly(d *doc.Document, run func()) {
	if d.Skipped == nil {
		run()
		return
	}
	var blocks, skipped, bodies, bodySkipped int
	var langs []string
	for i, b := range d.Blocks {
		if b.Role == doc.Boilerplate {
			continue
		}
		blocks++
		if b.Role == doc.Body {
			bodies++
		}
		if !d.Skipped[i] {
			continue
		}
		skipped++
		if b.Role == doc.Body {
			bodySkipped++
		}
		code := d.BlockLanguages[i].Code
		if code == lang.Undetermined || code == lang.Read || code == "" {
			code = d.Language.Code // a short block that follows its document
		}
		if !slices.Contains(langs, code) && code != lang.Read {
			langs = append(langs, code)
		}
	}
	names := make([]string, len(langs))
	for i, c := range langs {
		names[i] = lang.Name(c)
	}
	looks := joinAnd(names)
	if skipped == blocks {
		d.Notices = append(d.Notices, doc.Notice{Code: "language-unsupported",
			Message: "lede reads English; this looks like " + looks + ": entities, keyphrases, figures, quotes, categories and the summary are not shown."})
		return
	}
	roles := make([]doc.Role, len(d.Blocks))
	for i := range d.Blocks {
		roles[i] = d.Blocks[i].Role
		if d.Skipped[i] {
			d.Blocks[i].Role = doc.Boilerplate
		}
	}
	title := d.Title
	if c := d.Language.Code; c != lang.Read && c != lang.Undetermined && !hasRole(d, doc.Title) {
		d.Title = "" // a title from the page's metadata, in the document's language
	}
	run()
	d.Title = title
	for i := range d.Blocks {
		d.Blocks[i].Role = roles[i]
	}
	// Figures are found sentence by sentence, whatever the block's role.
	d.Figures = slices.DeleteFunc(d.Figures, func(f doc.Figure) bool { return inSkipped(d, f.Span) })
	what := "paragraphs"
	n, of := bodySkipped, bodies
	if bodies == 0 {
		what, n, of = "lines", skipped, blocks
	}
	d.Notices = append(d.Notices, doc.Notice{Code: "language-mixed",
		Message: "lede reads English; " + strconv.Itoa(n) + " of " + strconv.Itoa(of) + " " + what + " look like " + looks +
			": entities, keyphrases, figures, quotes, categories and the summary come from the English ones only."})
}

func hasRole(d *doc.Document, r doc.Role) bool {
	for _, b := range d.Blocks {
		if b.Role == r {
			return true
		}
	}
	return false
}

// inSkipped reports whether span s lies in a block the English-only passes
// did not read. Blocks are in text order, so the one that could hold s is
// found by binary search.
func inSkipped(d *doc.Document, s doc.Span) bool {
	i, found := slices.BinarySearchFunc(d.Blocks, s.Start, func(b doc.Block, start int) int { return b.Start - start })
	if !found {
		i--
	}
	return i >= 0 && d.Skipped[i] && s.End <= d.Blocks[i].End
}

// joinAnd joins names as a sentence would: "German", "German and Korean",
// "German, French and Korean".
func joinAnd(names []string) string {
	switch len(names) {
	case 0:
		return "another language"
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

func checkInput(input string, opt Options) (article.Kind, error) {
	var kind article.Kind
	switch opt.Input {
	case "", "auto":
		kind = article.Auto
	case "text":
		kind = article.Text
	case "html":
		kind = article.HTML
	default:
		return 0, inputErr("unknown input kind " + strconv.Quote(opt.Input) + ": use auto, text or html")
	}
	switch opt.Offsets {
	case "", "utf16", "utf8", "codepoint":
	default:
		return 0, inputErr("unknown offset unit " + strconv.Quote(opt.Offsets) + ": use utf16, utf8 or codepoint")
	}
	if len(input) > MaxInputBytes {
		return 0, inputErr("the input is " + strconv.FormatFloat(float64(len(input))/(1<<20), 'f', 1, 64) + " MB; lede analyses up to " +
			strconv.Itoa(MaxInputBytes>>20) + " MB at a time: paste one article or page")
	}
	if strings.TrimSpace(input) == "" {
		return 0, inputErr("the input is empty: paste the text or HTML of an article")
	}
	if looksBinary(input) {
		return 0, inputErr("the input looks like binary data, not text: paste an article's text or the HTML of a page")
	}
	return kind, nil
}

// looksBinary reports whether the first 8 KB hold a NUL byte or many control
// characters, as images, archives and executables do and text never does.
// It reads eight bytes as one word and looks at their bytes one by one only
// when one of them is below 0x20 (a line break's word, in text): one pass,
// where IndexByte for the NUL and a loop a byte had been two.
func looksBinary(s string) bool {
	head := s[:min(len(s), 8192)]
	ctrl := 0
	i := 0
	for ; i+8 <= len(head); i += 8 {
		w := head[i : i+8]
		if swar.Below(swar.Load(w), 0x20) == 0 {
			continue
		}
		for j := 0; j < 8; j++ {
			switch c := w[j]; {
			case c == 0:
				return true
			case c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f':
				ctrl++
			}
		}
	}
	for ; i < len(head); i++ {
		switch c := head[i]; {
		case c == 0:
			return true
		case c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f':
			ctrl++
		}
	}
	return ctrl*20 > len(head) // over 5%
}

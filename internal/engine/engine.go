// Package engine runs lede's passes over one input and returns the report.
// It is the only place that knows the order of the passes; every front end
// (the CLI, the wasm entry, the HTTP handler) calls Analyze and nothing else.
package engine

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/lede-news/lede/internal/article"
	"github.com/lede-news/lede/internal/category"
	"github.com/lede-news/lede/internal/digest"
	"github.com/lede-news/lede/internal/doc"
	"github.com/lede-news/lede/internal/entity"
	"github.com/lede-news/lede/internal/figure"
	"github.com/lede-news/lede/internal/keyphrase"
	"github.com/lede-news/lede/internal/pos"
	"github.com/lede-news/lede/internal/quote"
	"github.com/lede-news/lede/internal/report"
	"github.com/lede-news/lede/internal/segment"
	"github.com/lede-news/lede/internal/summary"
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

func inputErr(format string, a ...any) error { return &InputError{fmt.Sprintf(format, a...)} }

// Analyze runs every pass over input and returns the report.
func Analyze(input string, opt Options) (rep *report.Report, err error) {
	d, err := Document(input, opt)
	if err != nil {
		return nil, err
	}
	r := report.Build(d)
	if err := r.ConvertOffsets(opt.Offsets); err != nil {
		return nil, &InputError{err.Error()}
	}
	return r, nil
}

// Document runs every pass and returns the annotated document, with byte
// offsets. Benchmarks and tests that need one stage's output use it.
func Document(input string, opt Options) (d *doc.Document, err error) {
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
			d, err = nil, fmt.Errorf("lede failed on this input (%v); please report it with the input attached", p)
		}
	}()
	d, err = article.Parse(input, kind)
	if err != nil {
		return nil, &InputError{err.Error()}
	}
	segment.Segment(d)
	pos.Tag(d)
	entity.Annotate(d)
	figure.Annotate(d)
	quote.Annotate(d)
	keyphrase.Annotate(d)
	summary.Annotate(d)
	category.Annotate(d)
	digest.Annotate(d)
	return d, nil
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
		return 0, inputErr("unknown input kind %q: use auto, text or html", opt.Input)
	}
	switch opt.Offsets {
	case "", "utf16", "utf8", "codepoint":
	default:
		return 0, inputErr("unknown offset unit %q: use utf16, utf8 or codepoint", opt.Offsets)
	}
	if len(input) > MaxInputBytes {
		return 0, inputErr("the input is %.1f MB; lede analyses up to %d MB at a time: paste one article or page", float64(len(input))/(1<<20), MaxInputBytes>>20)
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
func looksBinary(s string) bool {
	head := s
	if len(head) > 8192 {
		head = head[:8192]
	}
	if bytes.IndexByte([]byte(head), 0) >= 0 {
		return true
	}
	ctrl := 0
	for i := 0; i < len(head); i++ {
		if c := head[i]; c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' {
			ctrl++
		}
	}
	return ctrl*20 > len(head) // over 5%
}

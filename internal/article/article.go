// Package article finds the article in pasted text or HTML: title, byline,
// date, body paragraphs, and the related-headline and boilerplate blocks around it.
package article

import (
	"errors"
	"strings"

	"github.com/lede-news/lede/internal/doc"
)

// Kind is the kind of input.
type Kind int

const (
	Auto Kind = iota // detect
	Text
	HTML
)

// Parse builds the Document for input: Text, Blocks, Title, Byline, Published.
// PLACEHOLDER: one block per blank-line-separated paragraph; replaced by issue 3 work.
func Parse(input string, kind Kind) (*doc.Document, error) {
	if strings.TrimSpace(input) == "" {
		return nil, errors.New("the input is empty: paste the text or HTML of an article")
	}
	d := &doc.Document{Text: input}
	start := 0
	for _, p := range strings.SplitAfter(input, "\n") {
		end := start + len(p)
		if t := strings.TrimSpace(p); t != "" {
			off := start + strings.Index(p, t)
			d.Blocks = append(d.Blocks, doc.Block{Span: doc.Span{Start: off, End: off + len(t)}})
		}
		start = end
	}
	return d, nil
}

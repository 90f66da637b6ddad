// Package article finds the article in pasted text or HTML: title, byline,
// date, body paragraphs, and the related-headline and boilerplate blocks around it.
//
// Both kinds of input end the same way: a Document whose Text is plain text
// and whose Blocks each carry a Role. Plain text is read line by line
// (text.go); HTML is parsed with golang.org/x/net/html into the page's
// readable text, block by block, and the article container is chosen by
// scoring the DOM (html.go). docs/extraction.md explains the rules.
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
func Parse(input string, kind Kind) (*doc.Document, error) {
	if strings.TrimSpace(input) == "" {
		return nil, errors.New("the input is empty: paste the text or HTML of an article")
	}
	if kind == Auto {
		kind = Detect(input)
	}
	if kind == HTML {
		return parseHTML(input)
	}
	return parseText(input), nil
}

// Detect tells HTML from plain text by the markup a page starts with, or,
// failing that, by how much of the text is tags. An article that merely
// mentions "<b>" stays text.
func Detect(input string) Kind {
	head := strings.TrimLeft(input, " \t\r\n\ufeff")
	if len(head) > 4096 {
		head = head[:4096]
	}
	low := lower(head)
	for _, p := range []string{"<!doctype html", "<html", "<head", "<body", "<?xml", "<!--", "<meta", "<article", "<div", "<p>", "<p ", "<section", "<main", "<title", "<h1", "<table"} {
		if strings.HasPrefix(low, p) {
			return HTML
		}
	}
	// count well-formed looking tags in the first 4 KB
	tags, tagBytes := 0, 0
	for i := 0; i < len(low); i++ {
		k := strings.IndexByte(low[i:], '<') // the next '<', not a test a byte
		if k < 0 {
			break
		}
		if i += k; i+1 >= len(low) {
			continue
		}
		c := low[i+1]
		if !(c >= 'a' && c <= 'z' || c == '/' || c == '!') {
			continue
		}
		j := strings.IndexByte(low[i:], '>')
		if j < 0 || j > 500 {
			continue
		}
		tags++
		tagBytes += j + 1
		i += j
	}
	if tags >= 8 || tags >= 3 && tagBytes*10 > len(low) {
		return HTML
	}
	return Text
}

// Body returns the article body: the Body blocks joined by blank lines.
func Body(d *doc.Document) string {
	var b strings.Builder
	for _, bl := range d.Blocks {
		if bl.Role != doc.Body {
			continue
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(bl.Of(d.Text))
	}
	return b.String()
}

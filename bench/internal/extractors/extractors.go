// Package extractors runs the article extractors the benchmarks compare, by
// name, on one page: lede (internal/article), go-readability (the readeck
// fork go.mod requires) and all-text, the baseline of no extraction at all.
// bench/extraction (the AEB pages) and bench/rtp (Readability's test pages)
// both call it, so both run each tool the same way.
package extractors

import (
	"bytes"
	"fmt"
	"strings"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"

	"github.com/lede-news/lede/internal/article"
)

// Extract returns the article body engine finds in input, an HTML page when
// isHTML, else pasted text: "lede", "go-readability" (HTML only) or
// "all-text" (every visible word: lede's rendering of the page into text, or
// the whole paste).
func Extract(engine, input string, isHTML bool) (string, error) {
	switch engine {
	case "lede":
		kind := article.Text
		if isHTML {
			kind = article.HTML
		}
		d, err := article.Parse(input, kind)
		if err != nil {
			return "", err
		}
		return article.Body(d), nil
	case "go-readability":
		if !isHTML {
			return "", fmt.Errorf("go-readability reads HTML only")
		}
		// Parse with x/net/html first: the reader API of v2.1.3 fails on
		// some pages ("transform: short internal buffer").
		root, err := html.Parse(strings.NewReader(input))
		if err != nil {
			return "", err
		}
		p := readability.NewParser()
		a, err := p.ParseAndMutate(root, nil)
		if err != nil {
			return "", err
		}
		var buf bytes.Buffer
		if err := a.RenderText(&buf); err != nil {
			return "", err
		}
		return buf.String(), nil
	case "all-text":
		// every visible word of the page: lede's rendered page text for
		// HTML, the paste itself for text
		if !isHTML {
			return input, nil
		}
		d, err := article.Parse(input, article.HTML)
		if err != nil {
			return "", err
		}
		return d.Text, nil
	}
	return "", fmt.Errorf("unknown engine %q", engine)
}

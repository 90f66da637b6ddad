package main

import "github.com/lede-news/lede/bench/internal/rtpages"

// goldText turns Readability's extracted article (expected.html) into the
// plain text the AEB ground truth's articleBody is: the texts of its
// paragraphs, headings, list items, table cells, captions and other blocks,
// one a line, joined by newlines; inline markup (links, emphasis, spans,
// MathML) runs into its block's text; whitespace is collapsed except inside
// <pre>, whose lines stay lines (trimmed); <br> breaks a line. Nothing a reader does
// not see as text is kept: scripts, styles, templates, SVG drawings, iframes
// and images (their alt text included). The metric reads word tokens only,
// so what separates blocks matters only in that it must separate them.
//
// The walk is rtpages.Text's (bench/entities reads the Wikipedia pages'
// paragraphs through it); TestGoldText pins the conventions these figures
// rest on, so a change to the walk that would move them fails there.
func goldText(src string) string {
	t, _ := rtpages.Text(src)
	return t
}

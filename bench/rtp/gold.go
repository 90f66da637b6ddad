package main

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// goldText turns Readability's extracted article (expected.html) into the
// plain text the AEB ground truth's articleBody is: the texts of its
// paragraphs, headings, list items, table cells, captions and other blocks,
// one a line, joined by newlines; inline markup (links, emphasis, spans,
// MathML) runs into its block's text; whitespace is collapsed except inside
// <pre>, whose lines stay lines (trimmed); <br> breaks a line. Nothing a reader does
// not see as text is kept: scripts, styles, templates, SVG drawings, iframes
// and images (their alt text included). The metric reads word tokens only,
// so what separates blocks matters only in that it must separate them.
func goldText(src string) string {
	root, err := html.Parse(strings.NewReader(src))
	if err != nil {
		return ""
	}
	var lines []string
	var cur strings.Builder
	flush := func() {
		if t := strings.TrimSpace(cur.String()); t != "" {
			lines = append(lines, t)
		}
		cur.Reset()
	}
	var walk func(n *html.Node, pre bool)
	walk = func(n *html.Node, pre bool) {
		switch n.Type {
		case html.TextNode:
			if pre {
				for i, l := range strings.Split(n.Data, "\n") {
					if i > 0 {
						flush()
					}
					cur.WriteString(l)
				}
				return
			}
			addCollapsed(&cur, n.Data)
			return
		case html.ElementNode:
			switch n.DataAtom {
			case atom.Script, atom.Style, atom.Template, atom.Svg, atom.Iframe, atom.Noscript, atom.Head:
				return
			case atom.Br:
				flush()
				return
			case atom.Pre:
				pre = true
			}
		}
		block := n.Type == html.ElementNode && blockTags[n.DataAtom]
		if block {
			flush()
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, pre)
		}
		if block {
			flush()
		}
	}
	walk(root, false)
	flush()
	return strings.Join(lines, "\n")
}

// addCollapsed appends s with every run of white space made one space, and
// none doubled across the join.
func addCollapsed(b *strings.Builder, s string) {
	for _, r := range s {
		if r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' {
			if b.Len() > 0 && !strings.HasSuffix(b.String(), " ") {
				b.WriteByte(' ')
			}
			continue
		}
		b.WriteRune(r)
	}
}

// blockTags are the elements that start and end a line of text.
var blockTags = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true,
	atom.H6: true, atom.Li: true, atom.Ul: true, atom.Ol: true, atom.Dl: true, atom.Dt: true, atom.Dd: true,
	atom.Blockquote: true, atom.Pre: true, atom.Figure: true, atom.Figcaption: true, atom.Table: true,
	atom.Caption: true, atom.Tr: true, atom.Td: true, atom.Th: true, atom.Thead: true, atom.Tbody: true,
	atom.Tfoot: true, atom.Section: true, atom.Article: true, atom.Header: true, atom.Footer: true,
	atom.Aside: true, atom.Nav: true, atom.Main: true, atom.Address: true, atom.Hr: true, atom.Details: true,
	atom.Summary: true, atom.Body: true, atom.Html: true,
}

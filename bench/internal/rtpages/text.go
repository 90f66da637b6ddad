package rtpages

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Span is a byte range [Start, End) of a text.
type Span struct{ Start, End int }

// Text turns Readability's extracted article (a page's expected.html) into
// plain text, the gold text bench/rtp scores against (the texts of paragraphs,
// headings, list items, table cells and other blocks, one a line; inline
// markup runs into its block's text; white space collapsed; scripts,
// styles, images and the like dropped), and also returns where each line
// that is a paragraph of prose lies in it: a <p> element outside any table
// (an infobox's or a list's cells are not prose). bench/entities/modern
// reads the Wikipedia pages' paragraphs through it (bench/entities/modern.md,
// "Encyclopedic text"), and bench/rtp's goldText is this text.
func Text(src string) (string, []Span) {
	root, err := html.Parse(strings.NewReader(src))
	if err != nil {
		return "", nil
	}
	var b strings.Builder
	var cur strings.Builder
	var paras []Span
	curPara := false
	flush := func() {
		t := strings.TrimSpace(cur.String())
		cur.Reset()
		if t == "" {
			curPara = false
			return
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		if curPara {
			paras = append(paras, Span{b.Len(), b.Len() + len(t)})
		}
		b.WriteString(t)
		curPara = false
	}
	var walk func(n *html.Node, pre, inTable, inP bool)
	walk = func(n *html.Node, pre, inTable, inP bool) {
		switch n.Type {
		case html.TextNode:
			if inP && !inTable && cur.Len() == 0 {
				curPara = true
			}
			if pre {
				for i, l := range strings.Split(n.Data, "\n") {
					if i > 0 {
						flush()
					}
					cur.WriteString(l)
				}
				return
			}
			collapse(&cur, n.Data)
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
			case atom.Table:
				inTable = true
			}
		}
		block := n.Type == html.ElementNode && blockTags[n.DataAtom]
		if block {
			flush()
			inP = n.DataAtom == atom.P
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, pre, inTable, inP)
		}
		if block {
			flush()
		}
	}
	walk(root, false, false, false)
	flush()
	return b.String(), paras
}

// collapse appends s with every run of white space made one space, and none
// doubled across the join.
func collapse(b *strings.Builder, s string) {
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

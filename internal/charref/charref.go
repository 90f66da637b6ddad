// Package charref reads the HTML character references that plain text
// copied from a page's source or a feed carries ("&quot;Super&quot;",
// "don&#39;t", "&#xa3;1bn").
//
// lede never rewrites a paste: every offset of the report points into the
// text as the user gave it. So a reference is read where it lies: the
// tokeniser (package segment) makes each well-formed reference one token,
// or part of a word, classed by the character it stands for, and marks the
// token (doc.Token.Ref); Document.TokenText gives such a token's text
// decoded, so every later pass reads "&#39;" as an apostrophe and "&quot;"
// as a quotation mark, while the token's span stays on the reference.
//
// Only well-formed references are read: a name of the HTML5 list with its
// semicolon, or a decimal or hexadecimal number of a character, with its
// semicolon (html.CharRef gives the exact rule). "&quot" without one, "AT&T",
// "D&G;", "&#xZZ;" and "&#99999999;" stay text. Text extracted from HTML is
// not read again: the parser already decoded its references, and one left
// there was written out literally ("&amp;quot;" in the page).
package charref

import (
	"strings"
	"unicode/utf8"

	"github.com/lede-news/lede/internal/xnet/html"
)

// At returns the runes the well-formed reference at the start of s stands
// for (r2 is 0 but for the few names of two code points) and its length in
// bytes; n is 0 when s does not start with one.
func At(s string) (r1, r2 rune, n int) { return html.CharRef(s) }

// Read returns s, a piece of a document's text, as lede's passes read it:
// pasted text's references decoded, and text the HTML parser produced
// (Document.FromHTML) as it is, since the parser decoded its references
// and one still standing was written out literally.
func Read(s string, fromHTML bool) string {
	if fromHTML {
		return s
	}
	return Decode(s)
}

// Decode returns s with its well-formed references replaced by the
// characters they stand for; s itself when it holds none.
func Decode(s string) string {
	i := strings.IndexByte(s, '&')
	if i < 0 {
		return s
	}
	var b []byte
	last := 0 // s[last:i] is still to copy
	for i < len(s) {
		if s[i] != '&' {
			i++
			continue
		}
		r1, r2, n := At(s[i:])
		if n == 0 {
			i++
			continue
		}
		if b == nil {
			b = make([]byte, 0, len(s))
		}
		b = append(b, s[last:i]...)
		b = utf8.AppendRune(b, r1)
		if r2 != 0 {
			b = utf8.AppendRune(b, r2)
		}
		i += n
		last = i
	}
	if b == nil {
		return s
	}
	return string(append(b, s[last:]...))
}

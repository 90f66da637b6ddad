package engine

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/lede-news/lede/internal/report"
)

// TestPastedCharRefs: plain text copied from a page's source or a feed
// keeps its character references; the engine reads them as the characters
// they stand for ("quot" is no word, "&quot;" marks a quotation, "&#xa3;"
// is a currency sign), while every offset of the report points into the
// text as pasted.
func TestPastedCharRefs(t *testing.T) {
	text := "Haley Barbour&#39;s wife says she doesn&#39;t want him to run\n\n" +
		"JACKSON, Miss. &mdash; Marsha Barbour told reporters on Monday that she was &quot;terrified&quot; " +
		"at the thought of her husband running for president. &quot;I don&#39;t know that I&#39;m ready " +
		"for that, and I&#39;m not sure the family is,&quot; she said at the Governor&#39;s Mansion.\n\n" +
		"Haley Barbour, the governor of Mississippi, has raised &#xa3;2 million in London and $5 million " +
		"at home for a campaign that Republicans &amp; donors expect. Barbour&#39;s aides said he " +
		"would decide by April.\n"
	rep := analyzeUTF8(t, text, "text")
	if rep.Text != text {
		t.Fatal("the report's text is not the paste")
	}
	refWord := regexp.MustCompile(`(?i)\b(quot|amp|mdash|x?a3|39)\b|&#|&[a-z]+;`)
	for _, k := range rep.Keyphrases {
		if refWord.MatchString(k.Text) {
			t.Errorf("keyphrase %q reads a reference as words", k.Text)
		}
		for _, m := range k.Mentions {
			if m.Start < 0 || m.End > len(text) || m.Start >= m.End {
				t.Errorf("keyphrase %q: mention [%d,%d) outside the text", k.Text, m.Start, m.End)
			}
		}
	}
	barbour := false
	for _, e := range rep.Entities {
		for _, a := range append([]string{e.Name}, e.Aliases...) {
			if refWord.MatchString(a) {
				t.Errorf("entity %q: form %q reads a reference as words", e.Name, a)
			}
		}
		barbour = barbour || e.Name == "Haley Barbour"
		for _, m := range e.Mentions {
			if m.Start < 0 || m.End > len(text) || m.Start >= m.End || text[m.Start:m.End] != m.Text {
				t.Errorf("entity %q: mention %+v", e.Name, m)
			}
		}
	}
	if !barbour {
		t.Errorf("no entity Haley Barbour: %v", rep.Entities)
	}
	wantQuote := "I don&#39;t know that I&#39;m ready for that, and I&#39;m not sure the family is"
	found := false
	for _, q := range rep.Quotes {
		if text[q.Start:q.End] != q.Text {
			t.Errorf("quote %q: offsets give %q", q.Text, text[q.Start:q.End])
		}
		found = found || q.Text == wantQuote
	}
	if !found {
		t.Errorf("quotation %q not found: %+v", wantQuote, rep.Quotes)
	}
	pound := false
	for _, f := range rep.Figures {
		if text[f.Start:f.End] != f.Text {
			t.Errorf("figure %q: offsets give %q", f.Text, text[f.Start:f.End])
		}
		pound = pound || f.Text == "&#xa3;2 million" && f.Unit == "GBP"
	}
	if !pound {
		t.Errorf("no figure of GBP 2 million on the reference: %+v", rep.Figures)
	}
}

// TestHTMLCharRefsOnce: the HTML path decodes a page's references once,
// through the parser; a reference the page wrote out literally ("&amp;quot;"
// shows "&quot;") is text, not a quotation mark.
func TestHTMLCharRefsOnce(t *testing.T) {
	page := "<html><body><article><h1>Escaping in HTML</h1>" +
		"<p>To show a quotation mark in a page, authors write &amp;quot;, the character reference " +
		"that the browser turns into the mark itself, and &amp;amp; for an ampersand.</p>" +
		"<p>Writers of feeds often escape the text twice, which leaves &amp;quot;these words&amp;quot; " +
		"with the reference showing in the reader's view of the article.</p></article></body></html>"
	rep := analyzeUTF8(t, page, "html")
	if !strings.Contains(rep.Text, "write &quot;, the character") {
		t.Fatalf("the page's text: %q", rep.Text)
	}
	for _, q := range rep.Quotes {
		t.Errorf("a literal &quot; read as a mark: quote %q", q.Text)
	}
}

// TestPastedSpaceRefsOnly: a paste whose only references are "&nbsp;"
// (which makes no token, so Document.Decoded stays empty) reads its names
// decoded all the same: whether a name is decoded must not hang on some
// other token of the document holding a reference.
func TestPastedSpaceRefsOnly(t *testing.T) {
	text := "Barbour to decide by April\n\n" +
		"JACKSON, Miss. Governor Haley&nbsp;Barbour told reporters on Monday that he would decide by April. " +
		"Haley&nbsp;Barbour has raised $5 million for a campaign that Republicans%s expect.\n"
	// without and with another reference, which makes a token
	for _, extra := range []string{"", " &amp; donors"} {
		rep := analyzeUTF8(t, fmt.Sprintf(text, extra), "text")
		found := false
		for _, e := range rep.Entities {
			for _, a := range append([]string{e.Name}, e.Aliases...) {
				if strings.Contains(a, "&nbsp;") {
					t.Errorf("extra %q: entity %q: form %q reads a reference as text", extra, e.Name, a)
				}
			}
			found = found || e.Name == "Haley\u00a0Barbour"
		}
		if !found {
			t.Errorf("extra %q: no entity Haley Barbour (a no-break space between): %+v", extra, rep.Entities)
		}
	}
}

// TestPastedCharRefPhrase: a keyphrase of several words is a span of the
// paste, and its text is shown decoded, as its words were read; through
// the HTML path the parser has decoded the text already, and a reference
// left in it was written literally.
func TestPastedCharRefPhrase(t *testing.T) {
	text := "Caf&eacute; owners protest rents\n\n" +
		"The caf&eacute; owners of the old town met on Monday. Caf&eacute; owners said rents rose " +
		"by a third this year. The caf&eacute; owners want help from the city council, " +
		"and the council said it would listen to the caf&eacute; owners.\n"
	rep := analyzeUTF8(t, text, "text")
	var texts []string
	for _, k := range rep.Keyphrases {
		texts = append(texts, k.Text)
		if strings.Contains(k.Text, "&eacute;") {
			t.Errorf("keyphrase %q shows the reference, not the character", k.Text)
		}
	}
	if !strings.Contains(strings.Join(texts, "|"), "café owners") {
		t.Errorf("no keyphrase \"café owners\": %q", texts)
	}
}

// analyzeUTF8 analyzes input read as kind ("text" or "html") with byte
// offsets, so that a test can slice the input by the report's spans.
func analyzeUTF8(t *testing.T, input, kind string) *report.Report {
	t.Helper()
	rep, err := Analyze(input, Options{Input: kind, Offsets: "utf8"})
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

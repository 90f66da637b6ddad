package quote_test

import (
	"strings"
	"testing"

	"github.com/lede-news/lede/internal/doc"
	"github.com/lede-news/lede/internal/quote"
	"github.com/lede-news/lede/internal/segment"
)

// TestCharRefMarks: in pasted text, a character reference to a quotation
// mark is that mark, and the quotation's span lies between the references;
// in text from HTML (whose parser decoded the page) a reference left
// standing was meant literally and is no mark.
func TestCharRefMarks(t *testing.T) {
	tests := []struct {
		in       string
		fromHTML bool
		want     []string // the quotations, as pasted
	}{
		{"Trump said &quot;We will never accept a deal like this one,&quot; on Monday.", false,
			[]string{"We will never accept a deal like this one"}},
		{"&ldquo;It is a good day for the city,&rdquo; the mayor said.", false,
			[]string{"It is a good day for the city"}},
		{"Miley Cyrus and Liam Hemsworth have been &#39;hanging out a lot&#39; five months after.", false,
			[]string{"hanging out a lot"}},
		{"Rainn Wilson &amp; Ellen Page become &quot;Super&quot; heroes", false, []string{"Super"}},
		{"They don&#39;t know and won&#39;t say.", false, nil},
		{"&quot without a semicolon is text &quot here.", false, nil},
		{"Trump said &quot;We will never accept a deal like this one,&quot; on Monday.", true, nil},
		// a reference beside a mark is read as its character too: "&nbsp;"
		// a space before an opening mark, "&mdash;" a dash, whether the
		// mark is a reference or not; and "' '" (an apostrophe after a
		// space) closes nothing
		{"The minister said:&nbsp;&quot;We will not go back to the old rules.&quot; He left.", false,
			[]string{"We will not go back to the old rules."}},
		{"The minister said:&nbsp;\"We will not go back to the old rules.\" He left.", false,
			[]string{"We will not go back to the old rules."}},
		{"The minister said&mdash;&#39;we will not go back&#39;&mdash;and left.", false,
			[]string{"we will not go back"}},
		{"It appends the text '&nbsp;' to the element, as the script says.", false, nil},
		{"It appends the text ' ' to the element, as the script says.", false, nil},
	}
	for _, tc := range tests {
		d := doc.NewText(tc.in)
		d.FromHTML = tc.fromHTML
		segment.Segment(d)
		quote.Annotate(d)
		var got []string
		for _, q := range d.Quotes {
			got = append(got, q.Of(tc.in))
		}
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("%q (from HTML %v): quotes %q, want %q", tc.in, tc.fromHTML, got, tc.want)
		}
	}
}

// TestCharRefSpeaker: a speaker named by a run of capitalised words in
// pasted text is given as read, its references decoded (a name has no
// offsets in the report).
func TestCharRefSpeaker(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"&quot;We will not go back,&quot; said Jos&eacute; Mart&iacute;nez on Monday.", "José Martínez"},
	}
	for _, tc := range tests {
		d := doc.NewText(tc.in)
		segment.Segment(d)
		quote.Annotate(d)
		if len(d.Quotes) != 1 || d.Quotes[0].Speaker != tc.want {
			t.Errorf("%q: quotes %+v, want one by %q", tc.in, d.Quotes, tc.want)
		}
	}
}

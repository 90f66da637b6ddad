package segment_test

import (
	"reflect"
	"strings"
	"testing"
	"unicode"

	"github.com/lede-news/lede/internal/charref"
	"github.com/lede-news/lede/internal/doc"
	"github.com/lede-news/lede/internal/doccheck"
	"github.com/lede-news/lede/internal/segment"
)

// FuzzSegment splits any text into sentences and tokens and checks that
// sentences lie in order inside their block, tokens in order inside their
// sentence, all on character boundaries; that no letter or digit of a
// block is lost between tokens; and that the same text splits the same way.
func FuzzSegment(f *testing.F) {
	for _, s := range []string{
		"Mr. Smith went to Washington D.C. on Jan. 5. He said: \"Hello!\" Then he left...",
		"U.S. troops (28,500 of them) stay. 3.5% rose; $350bn pledged—twice.",
		"1. First item\n2. Second item\na) one b) two",
		"She asked “Why?” and left. ‘Fine,’ he said…",
		strings.Repeat("a ", 500) + ".",
		"e.g. i.e. etc. vs. No. 5 St. Louis Ft. Worth",
		"zero\u200bwidth \u202ebidi\u202c \ufeffbom \u0301combining",
		"http://example.com/a.b?c=d e-mail@example.org #tag @user",
		"Wrapped line that\nbreaks for width\nonly.",
		"He said &quot;We agree.&quot; Barbour&#39;s don&#39;t a&nbsp;b&#160;c &#xa3;1bn &quot &#xZZ; D&G;",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		text = strings.ToValidUTF8(text, "\uFFFD")
		d := doc.NewText(text)
		segment.Segment(d)
		if err := doccheck.Check(d); err != nil {
			t.Fatal(err)
		}
		// Every letter and digit of a block is in some token, but those of
		// a character reference that reads as a space ("&nbsp;").
		covered := make([]bool, len(text))
		for _, tk := range d.Tokens {
			for i := tk.Start; i < tk.End; i++ {
				covered[i] = true
			}
		}
		for i := 0; i < len(text); i++ {
			if r, _, n := charref.At(text[i:]); n > 0 && unicode.IsSpace(r) {
				for k := i; k < i+n; k++ {
					covered[k] = true
				}
			}
		}
		for _, b := range d.Blocks {
			for i, r := range b.Of(text) {
				if (unicode.IsLetter(r) || unicode.IsDigit(r)) && !covered[b.Start+i] {
					t.Fatalf("%q at byte %d is in no token", r, b.Start+i)
				}
			}
		}
		again := doc.NewText(text)
		segment.Segment(again)
		if !reflect.DeepEqual(d.Sentences, again.Sentences) || !reflect.DeepEqual(d.Tokens, again.Tokens) {
			t.Fatal("the same text split differently")
		}
	})
}

package quote_test

import (
	"strings"
	"testing"

	"github.com/lede-news/lede/internal/doccheck"
	"github.com/lede-news/lede/internal/entity"
	"github.com/lede-news/lede/internal/quote"
)

// FuzzQuotes runs quote.Annotate on a document as the engine builds it
// (segmented, tagged, entities found, several blocks), where FuzzAnnotate
// uses one block: quotes in order, non-empty, on character boundaries.
func FuzzQuotes(f *testing.F) {
	for _, s := range []string{
		"“We came,” Trump said, “and we’ll stay.”\n\n“More,” he said.\n„Deutsch“ «français» 「日本語」",
		"He called it ‘the workers’ deal’. 'Tis the 90's.\n\"Open\n\nclose\"",
		strings.Repeat("“a” ", 300),
		"She said &quot;We agree,&quot; and &#39;fine&#39; &ldquo;x&rdquo; don&#39;t &quot &#39",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		d := doccheck.Tagged(text)
		entity.Annotate(d)
		quote.Annotate(d)
		if err := doccheck.Check(d); err != nil {
			t.Fatal(err)
		}
	})
}

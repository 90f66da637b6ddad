package pos_test

import (
	"strings"
	"testing"

	"github.com/lede-news/lede/internal/doccheck"
	"github.com/lede-news/lede/internal/pos"
)

// FuzzTag tags any segmented text and checks that every token of every
// sentence gets a tag, that tagging keeps the document's spans intact, and
// that the same text gets the same tags. TagWords, the word-list entry, is
// fuzzed on the same words.
func FuzzTag(f *testing.F) {
	for _, s := range []string{
		"Workers Try To Unload Tanker",
		"Korea's president didn't say. He'd gone.",
		"The $350 billion pledge rose 3.5% to 28,500 U.S. troops.",
		"ALL CAPS HEADLINE WITH NUMBERS 2025",
		"\u0645\u0631\u062d\u0628\u0627 \u4f60\u597d \ud55c\uad6d\uc5b4 \u0417\u0434\u0440\u0430\u0432\u0441\u0442\u0432\u0443\u0439",
		strings.Repeat("'s ", 200),
		"zero\u200bwidth \u202ebidi\u202c",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		d := doccheck.Tagged(text)
		if err := doccheck.Check(d); err != nil {
			t.Fatal(err)
		}
		var words []string
		for _, s := range d.Sentences {
			for i := s.First; i < s.Last; i++ {
				if d.Tokens[i].Tag == "" {
					t.Fatalf("token %q has no tag", d.TokenText(i))
				}
				words = append(words, d.TokenText(i))
			}
		}
		again := doccheck.Tagged(text)
		for i := range d.Tokens {
			if d.Tokens[i].Tag != again.Tokens[i].Tag {
				t.Fatalf("token %q tagged %s then %s", d.TokenText(i), d.Tokens[i].Tag, again.Tokens[i].Tag)
			}
		}
		if tags := pos.TagWords(words); len(tags) != len(words) {
			t.Fatalf("TagWords gave %d tags for %d words", len(tags), len(words))
		}
	})
}

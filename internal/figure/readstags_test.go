package figure_test

import (
	"os"
	"reflect"
	"testing"

	"github.com/lede-news/lede/internal/doc"
	"github.com/lede-news/lede/internal/figure"
	"github.com/lede-news/lede/internal/pos"
)

// TestReadsTags holds figure.ReadsTags to what the engine relies on: a
// sentence it says no figure reads the tags of yields the same figures
// whatever its tags are (the tagger's, none, or one tag for every token
// that sways an about-phrase), and the sentences that start a figure by a
// number, a number word, a vague count or an ordinal are read. With the
// sample article (skipped without ../shared) its sentences are checked too.
func TestReadsTags(t *testing.T) {
	tests := []struct {
		text string
		want bool // ReadsTags of each sentence
	}{
		{"Trump Allows Commercial Fishing in Protected New England Waters", false},
		{"Seoul and Washington struggle to finalize a deal on Monday.", false},
		{"The talks resume next Tuesday, March 5 at noon.", true}, // "5"
		{"The talks resume on March fifth.", true},
		{"The talks resume this week, or yesterday, or tomorrow.", false},
		{"A deal worth US$5 billion was signed.", true},
		{"A deal worth USD five million was signed.", true},
		{"Prices fell -3 percent.", true},
		{"Five people were hurt.", true},
		{"Twenty-five people were hurt.", true},
		{"It was the twenty-first summit.", true},
		{"Dozens of people were hurt.", true},
		{"It was the first summit in Gyeongju.", true},
		{"Trump Signs “America First Arms Transfer Strategy”", false}, // an ordinal in a name
		{"It was the First summit.", true},
		{"First, the summit.", true},
		{"The Second Summit Fails", false},
		{"U.S. Lawmakers to Review Unredacted Jeffrey Epstein DOJ Files Starting Monday", false},
		{"US and A and C and Rs and USD and EUR words alone start nothing.", false},
		{"A $ sign alone, and a dollar, and a - sign.", false},
		{"Nighttime Shelling Causes Serious Damage in Russia’s Belgorod Region", false},
		// a link is one piece: its digits are an address (pieces, whole)
		{"Read more at https://example.com/story?id=12&page=2 or mail jo3@example.com today.", false},
		{"Read more at https://example.com/story?id=12 about 5 plants.", true},
		// a token holding a character reference is one piece of its kind
		{"Shares rose &#8220;sharply&#8221; on Friday.", false},
		{"Shares rose 28&#44;500 times.", true},
	}
	var texts []string
	for _, tt := range tests {
		texts = append(texts, tt.text)
		d := newDoc(tt.text, "2026-12-05")
		for _, s := range d.Sentences {
			if got := figure.ReadsTags(d, s); got != tt.want {
				t.Errorf("ReadsTags(%q) = %v, want %v", s.Of(d.Text), got, tt.want)
			}
		}
	}
	if b, err := os.ReadFile("../../../shared/samples/korea-us-summit.txt"); err == nil {
		texts = append(texts, string(b))
	}
	for _, text := range texts {
		d := newDoc(text, "2026-12-05")
		pos.Tag(d)
		figure.Annotate(d)
		want := d.Figures
		for _, tag := range []string{"", "VBD", "VB", "RB", "IN", "DT", "NN", "NNP", "JJ"} {
			d := newDoc(text, "2026-12-05")
			pos.Tag(d)
			for _, s := range d.Sentences {
				if figure.ReadsTags(d, s) {
					continue
				}
				for i := s.First; i < s.Last; i++ {
					d.Tokens[i].Tag = tag
				}
			}
			figure.Annotate(d)
			if !reflect.DeepEqual(d.Figures, want) {
				t.Errorf("%q with the tags of unread sentences %q: figures %s, want %s", text, tag, describe(d), describe(&doc.Document{Text: d.Text, Figures: want}))
			}
		}
	}
}

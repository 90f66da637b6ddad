package figure

import (
	"fmt"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/lede-news/lede/internal/doc"
	"github.com/lede-news/lede/internal/pos"
	"github.com/lede-news/lede/internal/segment"
)

// TestReadsTagsEveryStartWord holds ReadsTags to match for every word a
// figure can start with (startWords, so a word added to any of the lists
// is checked too), in lower and title case, in sentences where an
// about-phrase would read the words after it: a sentence ReadsTags says
// no figure reads the tags of yields the same figures whatever its tags
// are. TestReadsTags (readstags_test.go) checks chosen sentences.
func TestReadsTagsEveryStartWord(t *testing.T) {
	words := []string{"twenty-five", "twenty-first", "Twenty-First"}
	for w := range startWords {
		words = append(words, w, strings.ToUpper(w[:1])+w[1:])
	}
	sort.Strings(words)
	templates := []string{
		"It was %s of the new summit talks.",
		"They held the %s summit talks on trade.",
		"%s summit talks on trade ended.",
		"Leaders Hold %s Summit Talks on Trade",
		"Leaders Hold the %s summit talks",
	}
	var texts []string
	for _, w := range words {
		for _, f := range templates {
			texts = append(texts, fmt.Sprintf(f, w))
		}
	}
	unread := 0
	for _, text := range texts {
		d0 := doc.NewText(text)
		segment.Segment(d0)
		pos.Tag(d0)
		Annotate(d0)
		for _, tag := range []string{"", "IN", "DT", "NN", "JJ", "VBD"} {
			d := *d0
			d.Tokens = append([]doc.Token(nil), d0.Tokens...)
			n := 0
			for _, s := range d.Sentences {
				if ReadsTags(&d, s) {
					continue
				}
				n++
				for i := s.First; i < s.Last; i++ {
					d.Tokens[i].Tag = tag
				}
			}
			if n == 0 {
				break // every sentence read: nothing to change
			}
			unread += n
			Annotate(&d)
			if !reflect.DeepEqual(d.Figures, d0.Figures) {
				t.Errorf("%q with the tags of unread sentences %q: figures %s, want %s", text, tag, figs(&d), figs(d0))
				break
			}
		}
	}
	if unread == 0 {
		t.Error("no sentence was found unread: the test checks nothing")
	}
}

// figs describes d's figures for a failure message.
func figs(d *doc.Document) string {
	var b strings.Builder
	for _, f := range d.Figures {
		v := "nil"
		if f.Value != nil {
			v = fmt.Sprint(*f.Value)
		}
		fmt.Fprintf(&b, "[%s %q value=%s unit=%q about=%q]", f.Kind, f.Of(d.Text), v, f.Unit, f.About)
	}
	return b.String()
}

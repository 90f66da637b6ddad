package keyphrase

import (
	"strings"
	"testing"

	"github.com/lede-news/lede/internal/doc"
	"github.com/lede-news/lede/internal/segment"
)

// TestTagsRead holds TagsRead to the sentences the pass reads (the engine
// tags no other: engine.tagRead): the title's and the body's, or without a
// body those of a role it does not know, never a byline, dateline, related
// headline or boilerplate; and in a text longer than maxWords, every
// sentence readSentence reads, and none after them.
func TestTagsRead(t *testing.T) {
	roles := []doc.Role{doc.Title, doc.Body, doc.Byline, doc.Dateline, doc.Related, doc.Boilerplate, doc.Role(9)}
	for _, withBody := range []bool{true, false} {
		d := &doc.Document{}
		var want []bool
		for _, r := range roles {
			if r == doc.Body && !withBody {
				continue
			}
			d.Blocks = append(d.Blocks, doc.Block{Role: r})
			d.Sentences = append(d.Sentences, doc.Sentence{Block: len(d.Blocks) - 1})
			want = append(want, r == doc.Title || r == doc.Body || r == doc.Role(9) && !withBody)
		}
		// sentences of no block
		d.Sentences = append(d.Sentences, doc.Sentence{Block: -1}, doc.Sentence{Block: len(d.Blocks)})
		want = append(want, false, false)
		read := TagsRead(d, nil)
		for si, s := range d.Sentences {
			if read[si] != want[si] {
				t.Errorf("body %v: TagsRead(sentence %d, block %d) = %v, want %v", withBody, si, s.Block, read[si], want[si])
			}
		}
	}

	// a text longer than maxWords: the sentences the extractor reads are
	// read, and (with no name, whose tokens readSentence counts more) no
	// other
	sentence := "The" + strings.Repeat(" word", 98) + " end."
	text := strings.Repeat(sentence+" ", 2*maxWords/100)
	d := doc.NewText("Title words here\n" + text)
	d.Blocks[0].Role = doc.Title
	segment.Segment(d)
	read := TagsRead(d, nil)
	e := &extractor{}
	e.score(d, Defaults())
	if e.sentNo == 0 || e.sentNo >= len(e.sents) {
		t.Fatalf("the extractor read %d of the text's %d sentences: the text does not pass maxWords", e.sentNo, len(e.sents))
	}
	want := make([]bool, len(d.Sentences))
	for _, si := range e.sents[:e.sentNo] {
		want[si] = true
	}
	for si := range d.Sentences {
		if read[si] != want[si] {
			t.Errorf("long text: TagsRead(sentence %d) = %v, read by the extractor %v", si, read[si], want[si])
		}
	}
}

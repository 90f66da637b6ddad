package keyphrase

import (
	"strings"
	"testing"

	"github.com/lede-news/lede/internal/doc"
	"github.com/lede-news/lede/internal/segment"
)

// TestTagsRead holds TagsRead to the sentences the pass reads: every
// sentence sentences returns, with a body and without one, before the
// maxWords-th word, is one whose tags TagsRead says are read (the engine
// tags no other: engine.tagRead), and no byline, dateline, related headline
// or boilerplate is.
func TestTagsRead(t *testing.T) {
	roles := []doc.Role{doc.Title, doc.Body, doc.Byline, doc.Dateline, doc.Related, doc.Boilerplate, doc.Role(9)}
	for _, withBody := range []bool{true, false} {
		d := &doc.Document{}
		for _, r := range roles {
			if r == doc.Body && !withBody {
				continue
			}
			d.Blocks = append(d.Blocks, doc.Block{Role: r})
			d.Sentences = append(d.Sentences, doc.Sentence{Block: len(d.Blocks) - 1})
		}
		d.Sentences = append(d.Sentences, doc.Sentence{Block: -1}, doc.Sentence{Block: len(d.Blocks)})
		read := TagsRead(d, nil)
		e := &extractor{d: d}
		want := make([]bool, len(d.Sentences))
		for _, si := range e.sentences() {
			want[si] = true
		}
		for si, s := range d.Sentences {
			if read[si] != want[si] {
				t.Errorf("body %v: TagsRead(sentence %d, block %d) = %v, read %v", withBody, si, s.Block, read[si], want[si])
			}
		}
	}

	// a text longer than maxWords: the sentences after the one in which
	// the pass stops reading are not read, those before it are
	sentence := "The" + strings.Repeat(" word", 98) + " end."
	text := strings.Repeat(sentence+" ", 2*maxWords/100)
	d := doc.NewText("Title words here\n" + text)
	d.Blocks[0].Role = doc.Title
	segment.Segment(d)
	read := TagsRead(d, nil)
	ex := &extractor{d: d}
	ex.sents = ex.sentences()
	last := -1 // the last sentence readSentence reads
	pos := 0
	for _, si := range ex.sents {
		if pos > maxWords {
			break
		}
		for _, tok := range d.Tokens[d.Sentences[si].First:d.Sentences[si].Last] {
			if tok.Kind == doc.Word || tok.Kind == doc.Number {
				pos++
			}
		}
		last = si
	}
	if last < 0 || last >= len(d.Sentences)-1 {
		t.Fatalf("the text does not pass maxWords: last sentence read %d of %d", last, len(d.Sentences))
	}
	for si := range d.Sentences {
		if read[si] != (si <= last) {
			t.Errorf("long text: TagsRead(sentence %d) = %v; the pass reads up to sentence %d", si, read[si], last)
		}
	}
}

package keyphrase

import (
	"testing"

	"github.com/lede-news/lede/internal/doc"
)

// TestReadsTags holds ReadsTags to the sentences the pass reads: every
// sentence sentences returns, with a body and without one, is one whose
// tags ReadsTags says are read (the engine tags no other: engine.tagRead).
func TestReadsTags(t *testing.T) {
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
		e := &extractor{d: d}
		read := map[int]bool{}
		for _, si := range e.sentences() {
			read[si] = true
			if !ReadsTags(d, d.Sentences[si]) {
				t.Errorf("body %v: sentence %d (block %d) is read, but ReadsTags says no", withBody, si, d.Sentences[si].Block)
			}
		}
		for si, s := range d.Sentences {
			if got := ReadsTags(d, s); got != read[si] && !(got && s.Block >= 0 && s.Block < len(d.Blocks) && d.Blocks[s.Block].Role == doc.Role(9)) {
				t.Errorf("body %v: ReadsTags(sentence %d, block %d) = %v, read %v", withBody, si, s.Block, got, read[si])
			}
		}
	}
}

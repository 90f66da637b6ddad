package keyphrase

import (
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/lede-news/lede/internal/doc"
	"github.com/lede-news/lede/internal/entity"
	"github.com/lede-news/lede/internal/pos"
	"github.com/lede-news/lede/internal/segment"
)

// analysed makes a document of a title and paragraphs with the passes
// before keyphrases that it reads (segments, tags, entities).
func analysed(title string, paras ...string) *doc.Document {
	d := doc.FromParts(title, paras...)
	segment.Segment(d)
	pos.Tag(d)
	entity.Annotate(d)
	return d
}

// reuseDocs returns documents unlike each other in size, names and
// words, so that a table kept from one is wrong for the next unless it
// was emptied: the harbour article, a short one full of names, one with
// no article at all, a short one, and one with verbs the tagger reads as
// nouns.
func reuseDocs(t *testing.T) []*doc.Document {
	b, err := os.ReadFile("testdata/harbour.txt")
	if err != nil {
		t.Fatal(err)
	}
	parts := strings.SplitN(string(b), "\n\n", 2)
	return []*doc.Document{
		analysed(parts[0], strings.Split(strings.TrimSpace(parts[1]), "\n")...),
		analysed("Donald Trump meets Moon Jae-in in Seoul",
			"U.S. President Donald Trump met South Korean President Moon Jae-in in Seoul on Tuesday to discuss trade and defense costs.",
			"Trump said the trade deal with South Korea was unfair to American workers. Moon said defense spending would rise.",
			"The two leaders also discussed North Korea's nuclear program, which Trump called a threat to the region."),
		analysed("", ""),
		analysed("Rain", "Heavy rain closed the coastal road, and the rain kept falling on the road all week."),
		// verbs read as nouns (missingVerbs), the first's at later tokens
		// than the second's: the list of their tokens is a table too, and
		// one not emptied would let the second's "meets" be a single word
		analysed("Rain", "Heavy rain closed the coastal road all week.", "Lyng meets with the farmers in Iowa. Lyng meets with the bankers in Ohio."),
		analysed("", "Lyng meets with the farmers in Iowa. Lyng meets with the bankers in Ohio."),
	}
}

type extracted struct {
	cs []Candidate
	ab []about
}

// read copies what candidates returned, as the lists are e's.
func read(d *doc.Document, e *extractor) extracted {
	cs, ab := candidates(d, Defaults(), e)
	return extracted{append([]Candidate(nil), cs...), append([]about(nil), ab...)}
}

// TestExtractorReuse runs documents one after another through one
// extractor, released between them, and holds each result to a new
// extractor's; a released extractor holds nothing of the document it read.
func TestExtractorReuse(t *testing.T) {
	docs := reuseDocs(t)
	fresh := make([]extracted, len(docs))
	for i, d := range docs {
		fresh[i] = read(d, &extractor{})
	}
	if len(fresh[0].cs) == 0 || len(fresh[1].cs) == 0 {
		t.Fatal("no candidates: the test would compare nothing")
	}
	e := &extractor{}
	for _, i := range []int{0, 1, 2, 0, 3, 1, 1, 0, 4, 5, 4} {
		if got := read(docs[i], e); !reflect.DeepEqual(got, fresh[i]) {
			t.Fatalf("document %d read by a reused extractor differs from a new one's", i)
		}
		if !e.release() {
			t.Fatalf("document %d: an article's tables were let go", i)
		}
		held(t, e)
	}
}

// held fails if released e holds a string, a slice or a pointer of the
// document it read, anywhere in the capacity of the tables it keeps.
func held(t *testing.T, e *extractor) {
	t.Helper()
	zero := func(name string, n int, at func(i int) any) {
		for i := range n {
			if v := at(i); !reflect.ValueOf(v).IsZero() {
				t.Fatalf("released extractor: %s[%d] = %+v", name, i, v)
			}
		}
	}
	zero("key", cap(e.key), func(i int) any { return e.key[:cap(e.key)][i] })
	zero("chunk", cap(e.chunk), func(i int) any { return e.chunk[:cap(e.chunk)][i] })
	zero("order", cap(e.order), func(i int) any { return e.order[:cap(e.order)][i] })
	zero("forms", cap(e.forms), func(i int) any { return e.forms[:cap(e.forms)][i] })
	zero("links", cap(e.links), func(i int) any { return e.links[:cap(e.links)][i] })
	zero("wordOrder", cap(e.wordOrder), func(i int) any { return e.wordOrder[:cap(e.wordOrder)][i] })
	zero("out", cap(e.out), func(i int) any { return e.out[:cap(e.out)][i] })
	zero("ab", cap(e.ab), func(i int) any { return e.ab[:cap(e.ab)][i] })
	for i, v := range e.keyID {
		if v != 0 {
			t.Fatalf("released extractor's keyID[%d] = %d, want 0", i, v)
		}
	}
	if e.d != nil || e.sents != nil || e.rank != nil {
		t.Fatal("released extractor still points at its document")
	}
}

// TestExtractorAfterPanic: a document that panics mid-pass (a token past
// the text's end, read after some keys are interned) leaves an extractor
// that the pool never gets back, and that gives a new one's results once
// released all the same.
func TestExtractorAfterPanic(t *testing.T) {
	docs := reuseDocs(t)
	bad := analysed("Harbour works", "The harbour bridge repairs closed two lanes near the ferry terminal for weeks.")
	bad.Tokens[len(bad.Tokens)/2].End = len(bad.Text) + 10
	panics := func(f func()) {
		t.Helper()
		defer func() {
			if recover() == nil {
				t.Fatal("the broken document did not panic")
			}
		}()
		f()
	}
	if r, err := decodeRanker(); err == nil {
		m := &learned{Ranker: r.Ranker}
		e := m.get()
		read(docs[0], e)
		m.put(e)
		panics(func() { m.extract(bad, Defaults()) }) // with e, unless the pool dropped it
		if m.get() == e {
			t.Fatal("the pool gave back the extractor that panicked")
		}
	}
	e := &extractor{}
	read(docs[0], e)
	e.release()
	panics(func() { read(bad, e) })
	if !e.release() {
		t.Fatal("an article's tables were let go")
	}
	held(t, e)
	want := read(docs[1], &extractor{})
	if got := read(docs[1], e); !reflect.DeepEqual(got, want) {
		t.Fatal("after a panic and release, the extractor's results differ from a new one's")
	}
}

// TestExtractorBound: the tables of a long paste are not kept, whichever
// table grew: the walk's (many words), the per-token ones (few words among
// many punctuation tokens) or the key buffers (one very long word).
func TestExtractorBound(t *testing.T) {
	para := "The harbour bridge repairs closed two traffic lanes near the ferry terminal for shoppers. "
	tests := []struct{ name, body string }{
		{"5,600 words", strings.Repeat(para, 400)},
		{"few words, 300,000 dashes", "Harbour repairs closed the ferry road near the terminal" + strings.Repeat(" -", 300000) + "."},
		{"a word of 600,000 letters", "The harbour " + strings.Repeat("Ä", 600000) + " repairs closed the road."},
	}
	for _, tc := range tests {
		d := analysed("Harbour repairs", tc.body)
		e := &extractor{}
		if len(read(d, e).cs) == 0 {
			t.Fatalf("%s: no candidates", tc.name)
		}
		if n := e.tables.bytes(); e.release() {
			t.Errorf("%s: tables of %d bytes were kept (maxKeep %d bytes)", tc.name, n, maxKeep)
		}
	}
	// an article's are kept
	e := &extractor{}
	read(reuseDocs(t)[0], e)
	if n := e.tables.bytes(); !e.release() {
		t.Errorf("the harbour article's tables (%d bytes) were let go", n)
	}
}

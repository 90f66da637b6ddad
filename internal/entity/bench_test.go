package entity

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/lede-news/lede/internal/doc"
)

// BenchmarkDecode measures loading the embedded model (the first call's cost).
func BenchmarkDecode(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Decode(modelData); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTag measures tagging one news sentence.
func BenchmarkTag(b *testing.B) {
	m, err := Embedded()
	if err != nil {
		b.Fatal(err)
	}
	words := strings.Fields("South Korean President Lee Jae Myung will meet U.S. President Donald Trump for the second time in two months on Wednesday , ahead of the Asia-Pacific Economic Cooperation summit in Gyeongju .")
	tg := m.NewTagger()
	b.ReportAllocs()
	for b.Loop() {
		tg.Tag(words)
	}
}

// BenchmarkTagDev tags the sentences of CoNLL-2003 dev (skipped without
// ../shared), one tagger whose word cache is emptied between documents, as
// Annotate uses it.
func BenchmarkTagDev(b *testing.B) {
	data, err := os.ReadFile("../../../shared/data/ner/conll2003/eng.testa")
	if err != nil {
		b.Skip("../shared/data/ner/conll2003/eng.testa not found")
	}
	m, err := Embedded()
	if err != nil {
		b.Fatal(err)
	}
	var docs [][][]string
	var cur []string
	for _, line := range strings.Split(string(data), "\n") {
		f := strings.Fields(line)
		switch {
		case len(f) == 0:
			if len(cur) > 0 && len(docs) > 0 {
				docs[len(docs)-1] = append(docs[len(docs)-1], cur)
			}
			cur = nil
		case f[0] == "-DOCSTART-":
			docs = append(docs, nil)
		default:
			cur = append(cur, f[0])
		}
	}
	n := 0
	for _, d := range docs {
		n += len(d)
	}
	b.ReportAllocs()
	tg := m.NewTagger()
	for b.Loop() {
		for _, d := range docs {
			for _, s := range d {
				tg.Tag(s)
			}
			tg.Forget()
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "sentences/s")
}

// sampleDoc returns the embedded model and the sample article, segmented;
// it skips the benchmark or test without ../shared.
func sampleDoc(b testing.TB) (*Model, *doc.Document) {
	text, err := os.ReadFile("../../../shared/samples/korea-us-summit.txt")
	if err != nil {
		b.Skip("../shared/samples/korea-us-summit.txt not found")
	}
	m, err := Embedded()
	if err != nil {
		b.Fatal(err)
	}
	return m, segmented(string(text))
}

// BenchmarkResolve times the document pass alone (resolver.resolve) on the
// sample article's mentions (skipped without ../shared): what Annotate
// spends after tagging.
func BenchmarkResolve(b *testing.B) {
	m, d := sampleDoc(b)
	ms := m.mentions(d)
	cp := make([]mention, len(ms))
	b.ReportAllocs()
	for b.Loop() {
		copy(cp, ms) // resolve rewrites its mentions
		r := resolver{m: m, d: d}
		if len(r.resolve(cp)) == 0 {
			b.Fatal("no entities")
		}
	}
}

// BenchmarkResolveReused times the document pass as Annotate runs it
// (skipped without ../shared): the tagger's resolver, reset and reused
// between documents, with the folded forms the tagger handed it
// (foldedAs), on the sample article's mentions. Each run restores those
// forms, which reset lets go (a copy of the document's tokens' strings).
func BenchmarkResolveReused(b *testing.B) {
	m, d := sampleDoc(b)
	tg := m.tagger(d)
	defer m.release(tg)
	r := &tg.res
	r.m, r.d = m, d
	ms := m.tagAll(tg, d, nil)
	fold, done, capw := slices.Clone(r.fold), slices.Clone(r.done), slices.Clone(r.capw)
	r.reset()
	cp := make([]mention, len(ms), 4*len(ms)) // room for the repeats
	b.ReportAllocs()
	for b.Loop() {
		copy(cp, ms)
		r.m, r.d = m, d
		r.sizeFold()
		copy(r.fold, fold)
		copy(r.done, done)
		copy(r.capw, capw)
		if ents, _ := r.resolveAll(cp[:len(ms)]); len(ents) == 0 {
			b.Fatal("no entities")
		}
		r.reset()
	}
}

// BenchmarkLookup times Model.add over every static feature key of the
// sample article's tokens (skipped without ../shared), as the slow path
// would look them up: in text order, sorted (the index read in order), and
// one key over and over (the word "the": everything in cache, every branch
// predicted).
// Per key, what a weight lookup costs and where (docs/speed-log.md,
// "Taggers' fixed rows").
func BenchmarkLookup(b *testing.B) {
	m, d := sampleDoc(b)
	var keys []uint32
	for _, s := range d.Sentences {
		var words []string
		for t := s.First; t < s.Last; t++ {
			words = append(words, d.TokenText(t))
		}
		toks, _ := prepare(nil, words, &m.lex, &m.gaz, nil)
		sc := sentenceCase(toks)
		for i := range toks {
			keys = staticFeatures(toks, i, sc, keys)
		}
	}
	sorted := slices.Clone(keys)
	slices.Sort(sorted)
	same := slices.Repeat([]uint32{newHash(fW0).str("the").key()}, len(keys))
	for _, c := range []struct {
		name string
		keys []uint32
	}{{"text", keys}, {"sorted", sorted}, {"same", same}} {
		b.Run(c.name, func(b *testing.B) {
			var scores [numLabels]int32
			for b.Loop() {
				m.add(c.keys, &scores)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(c.keys)), "ns/key")
		})
	}
}

// Package category gives an article and each of its related headlines
// ranked topic categories from lede's flat taxonomy (docs/categories.md):
// Politics, World, Business & Economy, Technology, Sports and so on.
//
// The model (model.bin, embedded) is a softmax linear classifier over
// hashed, lower-cased unigram, bigram and word-prefix features, sparse,
// with 4-bit weights (a codebook per label), read in place,
// trained by cmd/train-categories (docs/models/categories.md). Its scores
// are calibrated probabilities: a label is shown when its probability is
// at least MinScore, and when even the best label is below MinConfidence,
// or the model knows too few of the words (MinKnown), the text gets no
// label at all: "uncertain" rather than a confident guess. An article is
// classified paragraph by paragraph and the distributions averaged, so a
// story about two things gets both (see Model.Distribution).
package category

import (
	_ "embed"
	"strings"
	"sync"

	"github.com/lede-news/lede/internal/charref"
	"github.com/lede-news/lede/internal/doc"
)

// MinConfidence is the probability the best label needs before any label
// is given. With 14 labels a uniform guess scores 0.07; on the held-out
// data, texts whose best label scores under 0.3 were right about a third of
// the time (docs/models/categories.md has the reliability table).
const MinConfidence = 0.3

// MinScore is the probability a second or third label needs to be shown
// next to the first: a tariff story is Politics and Business & Economy.
const MinScore = 0.2

// MinKnown is the share of a text's features the model must have weights
// for before it says anything about it. Real headlines and news paragraphs
// score 0.4 or more at the 1st percentile of the validation data; made-up
// words score 0, or about 0.15 when one of their hashes lands on a kept
// bucket, which would otherwise give a confident-looking random label.
const MinKnown = 0.25

// MinKnownFeatures is how many of a text's features the model must have
// weights for: one known feature (a lone number such as "42", or a single
// word) is too little to go on, however sure the model is of it.
const MinKnownFeatures = 2

// MaxLabels is the most labels one text gets.
const MaxLabels = 3

//go:embed model.bin
var modelBytes []byte

var (
	loadOnce sync.Once
	model    *Model
	loadErr  error
)

// Default returns the embedded model. It reads its weights in place from
// the embedded bytes (see Load), so the first call costs only the header.
func Default() (*Model, error) {
	loadOnce.Do(func() { model, loadErr = Load(modelBytes) })
	return model, loadErr
}

// Classify returns the categories of one text (a headline, or an article
// whose lines are its paragraphs), best first, with their probabilities;
// an empty list when the model is uncertain.
func Classify(text string) []doc.Label {
	m, err := Default()
	if err != nil {
		return nil
	}
	return m.Labelled(splitLines(text)...)
}

// Distribution returns every label of the embedded model with its
// probability for text, best first, uncertain or not (benchmarks use it).
func Distribution(text string) []doc.Label {
	m, err := Default()
	if err != nil {
		return nil
	}
	return m.Distribution(splitLines(text)...)
}

// splitLines cuts text at line breaks: a pasted article's paragraphs.
func splitLines(text string) []string {
	return strings.FieldsFunc(text, func(r rune) bool { return r == '\n' || r == '\r' })
}

// scratch holds Distribution's buffers between calls (Model.scratch): hashes
// and features, no pointers into any text.
type scratch struct {
	fz Featurizer
	fs []Feature
}

// maxScratch is the longest buffers, in entries, a model's pool keeps.
const maxScratch = 1 << 14

// Distribution returns every label with its probability for a text made
// of parts (paragraphs), best first; nil when the model knows none of the
// words. Each part is classified on its own and the distributions are
// averaged, weighted by how many of the part's features the model knows:
// an article whose paragraphs cover trade, troops and an election gets a
// mixture of those topics, where one softmax over the whole text would
// give nearly all the weight to one of them.
func (m *Model) Distribution(parts ...string) []doc.Label {
	var mixBuf [maxModelLabels]float64
	mix := mixBuf[:len(m.Labels)]
	total := m.mixture(mix, parts)
	if total == 0 {
		return nil
	}
	out := make([]doc.Label, len(mix))
	for c, x := range mix {
		out[c] = doc.Label{Name: m.Labels[c], Score: x / total}
	}
	// best first, ties in label order: an insertion sort, stable (a label
	// moves up only past lower scores), written out for a dozen labels
	// (it runs once per listed headline) instead of a generic sort's
	// instantiation, its compares through a function
	for i := 1; i < len(out); i++ {
		x := out[i]
		j := i
		for j > 0 && out[j-1].Score < x.Score {
			out[j] = out[j-1]
			j--
		}
		out[j] = x
	}
	return out
}

// mixture adds each part's distribution into mix (one sum a label),
// weighted as Distribution says, and returns the sum of the weights: 0
// when the model knows none of the words.
func (m *Model) mixture(mix []float64, parts []string) (total float64) {
	// the features' buffers sized once for the longest part (about a
	// word every six bytes, three features a word), not grown by append
	longest := 0
	for _, part := range parts {
		longest = max(longest, len(part))
	}
	// the label sums fit in arrays on the stack (a model has at most
	// maxModelLabels labels: Decode checks); the features' buffers are
	// the last calls', from the model's pool: an article's analysis calls
	// Distribution for the text and each listed headline
	var pBuf [maxModelLabels]float64
	n := longest/2 + 8
	var sc *scratch
	if m.scratch != nil {
		sc, _ = m.scratch.Get().(*scratch)
	}
	if sc == nil {
		sc = &scratch{}
	}
	defer func() {
		if m.scratch != nil && max(cap(sc.fz.keys), cap(sc.fz.tmp), cap(sc.fs)) <= maxScratch {
			m.scratch.Put(sc) // a long text's buffers are let go
		}
	}()
	fz := &sc.fz
	fz.Buckets, fz.Prefix = m.Buckets, m.Prefix
	if cap(fz.keys) < n {
		fz.keys = make([]uint64, 0, n)
	}
	if cap(sc.fs) < n {
		sc.fs = make([]Feature, 0, n)
	}
	fs := sc.fs[:0]
	p := pBuf[:0]
	for _, part := range parts {
		fs = fz.AppendFeatures(fs[:0], part)
		sc.fs = fs[:0] // as it grew
		if len(fs) == 0 {
			continue
		}
		var known float64
		var n int
		p, known, n = m.probabilities(p, fs)
		if known < MinKnown || n < MinKnownFeatures {
			continue
		}
		w := known * float64(len(fs))
		for c, x := range p {
			mix[c] += w * x
		}
		total += w
	}
	return total
}

// Labelled returns the labels worth showing for a text made of parts
// (see Distribution): the best if its probability reaches MinConfidence,
// then up to MaxLabels-1 more that reach MinScore. Empty means uncertain.
//
// The labels are the first of Distribution's order, picked from the sums
// (the best left, ties to the first label) rather than the whole
// distribution made and sorted: a listed headline's call keeps one to
// three of a dozen labels (TestLabelledAsDistribution).
func (m *Model) Labelled(parts ...string) []doc.Label {
	var mixBuf [maxModelLabels]float64
	mix := mixBuf[:len(m.Labels)]
	total := m.mixture(mix, parts)
	if total == 0 {
		return []doc.Label{}
	}
	for c := range mix {
		mix[c] /= total // the scores, compared as Distribution sorts them
	}
	var pick [MaxLabels]int
	var taken uint32 // bit c: label c picked
	n := 0
	for n < MaxLabels && n < len(mix) {
		best := -1
		for c, x := range mix {
			if taken&(1<<c) == 0 && (best < 0 || x > mix[best]) {
				best = c
			}
		}
		if s := mix[best]; n == 0 && s < MinConfidence || n > 0 && s < MinScore {
			break
		}
		pick[n], taken = best, taken|1<<best
		n++
	}
	if n == 0 {
		return []doc.Label{}
	}
	out := make([]doc.Label, n)
	for k, c := range pick[:n] {
		out[k] = doc.Label{Name: m.Labels[c], Score: mix[c]}
	}
	return out
}

// Annotate sets d.Categories from the title and body blocks (each block a
// part, see Distribution), and d.RelatedCategories for every related block
// (a listed headline).
func Annotate(d *doc.Document) {
	m, err := Default()
	if err != nil {
		return
	}
	var article []string
	hasTitleBlock := false
	// a block read as its words: pasted text's character references
	// decoded, as the tokens read them (package charref)
	text := func(b doc.Block) string { return charref.Read(b.Of(d.Text), d.FromHTML) }
	for i, b := range d.Blocks {
		switch b.Role {
		case doc.Title:
			hasTitleBlock = true
			article = append(article, text(b))
		case doc.Body:
			article = append(article, text(b))
		case doc.Related:
			if d.RelatedCategories == nil {
				d.RelatedCategories = map[int][]doc.Label{}
			}
			d.RelatedCategories[i] = m.Labelled(text(b))
		}
	}
	if !hasTitleBlock && d.Title != "" {
		article = append([]string{d.Title}, article...)
	}
	if len(article) > 0 {
		d.Categories = m.Labelled(article...)
	}
}

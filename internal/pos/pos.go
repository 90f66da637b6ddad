// Package pos tags every token with its Penn Treebank part of speech.
//
// The tagger is a greedy averaged perceptron (Collins 2002; the feature set
// follows Honnibal's well-known "200 lines of Python" tagger, plus word shape
// and longer suffixes). It is trained by cmd/train-pos on the POS column of
// CoNLL-2003's English training file; see docs/models/pos.md. Features are
// hashed into a fixed number of buckets and the averaged weights quantised
// to int8, so the model is one small embedded table and tagging is integer
// additions: no strings are stored and nothing is allocated per feature.
package pos

import (
	_ "embed"
	"encoding/binary"
	"errors"
	"strings"
	"sync"

	"github.com/lede-news/lede/internal/doc"
)

//go:embed model.bin
var modelData []byte

// decodeEmbedded decodes modelData on first use; the model is read-only
// afterwards, so every caller shares it.
var decodeEmbedded = sync.OnceValues(func() (*Model, error) { return Decode(modelData) })

// embedded returns the embedded model, decoded once.
func embedded() (*Model, error) {
	return decodeEmbedded()
}

// Tag sets d.Tokens[i].Tag for every token of every sentence.
func Tag(d *doc.Document) {
	m, err := embedded()
	if err != nil || m == nil {
		return // a broken embedded model is caught by the package tests
	}
	var words []string
	var owner []int // words[k] belongs to token owner[k]
	var tags []string
	for _, s := range d.Sentences {
		words, owner = words[:0], owner[:0]
		for t := s.First; t < s.Last; t++ {
			words, owner = appendWords(words, owner, d.TokenText(t), t)
		}
		if headlineCase(words) {
			// "Workers Try To Unload Tanker": capitals carry no signal
			// here, and the model would call every word a proper noun.
			for k, w := range words {
				words[k] = strings.ToLower(w)
			}
		}
		tags = m.tagWords(words, tags[:0])
		last := -1
		for k, t := range owner {
			if t != last { // a token takes the tag of its first part ("Korea" of "Korea's")
				d.Tokens[t].Tag = tags[k]
				last = t
			}
		}
	}
}

// TagWords tags a sentence given as words with the embedded model. Words are
// expected in the tokenisation of the training data (Penn Treebank style:
// "Korea" "'s", "do" "n't").
func TagWords(words []string) []string {
	m, err := embedded()
	if err != nil {
		return make([]string, len(words))
	}
	return m.tagWords(words, nil)
}

// headlineCase reports whether a sentence is written in title case or all
// capitals: three or more words, nearly all capitalised.
func headlineCase(words []string) bool {
	n, up := 0, 0
	for _, w := range words {
		if w == "" {
			continue
		}
		c := w[0]
		switch {
		case c >= 'A' && c <= 'Z':
			n++
			up++
		case c >= 'a' && c <= 'z':
			if len(w) > 3 { // short function words stay lower case in titles
				n++
			}
		}
	}
	return n >= 3 && up*10 >= n*9
}

// appendWords appends the Treebank-style words of one token: curly quotes
// become straight ones, and clitics ("'s", "n't", "'re") are split off, as
// in the training data.
func appendWords(words []string, owner []int, w string, tok int) ([]string, []int) {
	switch w {
	case "\u201c", "\u201d", "\u201e", "``", "''":
		return append(words, `"`), append(owner, tok)
	case "\u2018", "\u2019":
		return append(words, "'"), append(owner, tok)
	case "\u2014", "\u2013", "\u2012", "\u2015":
		return append(words, "--"), append(owner, tok)
	case "\u2026":
		return append(words, "..."), append(owner, tok)
	}
	if strings.Contains(w, "\u2019") {
		w = strings.ReplaceAll(w, "\u2019", "'")
	}
	if a := strings.LastIndexByte(w, '\''); a > 0 {
		base, clitic := w[:a], w[a:]
		switch strings.ToLower(clitic) {
		case "'s", "'re", "'ve", "'ll", "'d", "'m", "'":
			return append(words, base, clitic), append(owner, tok, tok)
		case "'t":
			if n := len(base); n > 1 && (base[n-1] == 'n' || base[n-1] == 'N') {
				return append(words, base[:n-1], base[n-1:]+clitic), append(owner, tok, tok)
			}
		}
	}
	return append(words, w), append(owner, tok)
}

// Model is a decoded tagger: for every hash bucket, the int8 weights it
// gives some tags.
type Model struct {
	tags  []string
	mask  uint32
	start []int32  // bucket b's entries are ent[start[b]:start[b+1]]
	ent   []uint16 // tag<<8 | uint8(weight)
}

const magic = "LPOS1"

// Encode writes a model: weights[b*len(tags)+t] is the quantised weight of
// tag t in bucket b (len(weights) = 2^bits * len(tags)).
func Encode(tags []string, bits uint, weights []int8) []byte {
	out := []byte(magic)
	out = append(out, byte(bits), byte(len(tags)))
	for _, t := range tags {
		out = append(out, byte(len(t)))
		out = append(out, t...)
	}
	nt := len(tags)
	var body []byte
	count, prev := 0, 0
	for b := 0; b < 1<<bits; b++ {
		row := weights[b*nt : (b+1)*nt]
		n := 0
		for _, w := range row {
			if w != 0 {
				n++
			}
		}
		if n == 0 {
			continue
		}
		body = binary.AppendUvarint(body, uint64(b-prev))
		prev = b
		body = append(body, byte(n))
		for t, w := range row {
			if w != 0 {
				body = append(body, byte(t), byte(w))
			}
		}
		count++
	}
	out = binary.AppendUvarint(out, uint64(count))
	return append(out, body...)
}

var errModel = errors.New("pos: the embedded model is damaged; rebuild it with go run ./cmd/train-pos")

// Decode reads a model written by Encode.
func Decode(data []byte) (*Model, error) {
	if len(data) < len(magic)+2 || string(data[:len(magic)]) != magic {
		return nil, errModel
	}
	p := len(magic)
	bits, nt := uint(data[p]), int(data[p+1])
	p += 2
	if bits > 24 || nt == 0 {
		return nil, errModel
	}
	m := &Model{mask: 1<<bits - 1, start: make([]int32, 1<<bits+1)}
	for i := 0; i < nt; i++ {
		if p >= len(data) || p+1+int(data[p]) > len(data) {
			return nil, errModel
		}
		m.tags = append(m.tags, string(data[p+1:p+1+int(data[p])]))
		p += 1 + int(data[p])
	}
	count, k := binary.Uvarint(data[p:])
	if k <= 0 {
		return nil, errModel
	}
	p += k
	// first pass: entries per bucket
	type row struct{ b, off, n int }
	rows := make([]row, 0, count)
	b := 0
	total := 0
	for i := uint64(0); i < count; i++ {
		delta, k := binary.Uvarint(data[p:])
		if k <= 0 || p+k >= len(data) {
			return nil, errModel
		}
		p += k
		b += int(delta)
		n := int(data[p])
		p++
		if b > int(m.mask) || p+2*n > len(data) {
			return nil, errModel
		}
		rows = append(rows, row{b, p, n})
		total += n
		p += 2 * n
	}
	m.ent = make([]uint16, 0, total)
	r := 0
	for b := 0; b <= int(m.mask); b++ {
		m.start[b] = int32(len(m.ent))
		if r < len(rows) && rows[r].b == b {
			for j := 0; j < rows[r].n; j++ {
				t := data[rows[r].off+2*j]
				if int(t) >= nt {
					return nil, errModel
				}
				m.ent = append(m.ent, uint16(t)<<8|uint16(data[rows[r].off+2*j+1]))
			}
			r++
		}
	}
	m.start[m.mask+1] = int32(len(m.ent))
	return m, nil
}

// Tags lists the tags the model knows.
func (m *Model) Tags() []string { return m.tags }

// TagWords tags one sentence of Treebank-style words with m.
func (m *Model) TagWords(words []string) []string { return m.tagWords(words, nil) }

func (m *Model) tagWords(words []string, out []string) []string {
	if len(words) == 0 {
		return out
	}
	base := len(out)
	c := newContext(words)
	var feats []uint32
	scores := make([]int32, len(m.tags))
	p1, p2 := "-START-", "-START2-"
	for i := range words {
		feats = c.features(i, p1, p2, feats[:0])
		for t := range scores {
			scores[t] = 0
		}
		for _, h := range feats {
			b := h & m.mask
			for _, e := range m.ent[m.start[b]:m.start[b+1]] {
				scores[e>>8] += int32(int8(e))
			}
		}
		best := 0
		for t, s := range scores {
			if s > scores[best] {
				best = t
			}
		}
		out = append(out, m.tags[best])
		p2, p1 = p1, m.tags[best]
	}
	// A sentence cannot open with a bare verb followed by a finite one:
	// "Seoul wants ..." is a subject, whatever an unknown word looked like.
	if t := out[base:]; len(t) > 1 && (t[0] == "VB" || t[0] == "VBP") {
		switch t[1] {
		case "VBZ", "VBD", "VBP", "MD":
			t[0] = "NN"
			if w := words[0]; w != "" && w[0] >= 'A' && w[0] <= 'Z' {
				t[0] = "NNP"
			}
		}
	}
	// After a modal or a form of "do" (adverbs between), a word the model
	// called a singular noun is the verb: "will train staff", "does not
	// mention citizenship". Unknown verbs otherwise read as nouns.
	t := out[base:]
	for i := 1; i < len(t); i++ {
		if t[i] != "NN" {
			continue
		}
		j := i - 1
		for j > 0 && t[j] == "RB" {
			j--
		}
		if t[j] == "MD" || isDo(words[j]) && strings.HasPrefix(t[j], "VB") {
			t[i] = "VB"
		}
	}
	return out
}

func isDo(w string) bool {
	switch strings.ToLower(w) {
	case "do", "does", "did":
		return true
	}
	return false
}

// Featurizer exposes the tagger's features to the trainer (cmd/train-pos),
// so both use one definition.
type Featurizer struct{ c *context }

// NewFeaturizer prepares one sentence of words.
func NewFeaturizer(words []string) Featurizer { return Featurizer{newContext(words)} }

// Features appends the hashed features of word i given the two previous tags.
func (f Featurizer) Features(i int, p1, p2 string, out []uint32) []uint32 {
	return f.c.features(i, p1, p2, out)
}

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
	"unsafe"

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
func Tag(d *doc.Document) { TagOnly(d, nil) }

// TagOnly is Tag for the sentences d.Sentences[i] for which read(i) is
// true (all of them if read is nil); the others' tokens keep the tags they
// had. Each sentence is tagged on its own, so the tags of one do not depend
// on which others are tagged. The engine tags only the sentences a later
// pass reads (engine.tagRead).
func TagOnly(d *doc.Document, read func(i int) bool) {
	m, err := embedded()
	if err != nil || m == nil {
		return // a broken embedded model is caught by the package tests
	}
	var words []string
	var owner []int // words[k] belongs to token owner[k]
	var tags []string
	tg := m.getTagger()
	defer m.putTagger(tg)
	var low []byte // a headline's lower-cased words, for this sentence only
	for i, s := range d.Sentences {
		if read != nil && !read(i) {
			continue
		}
		words, owner = words[:0], owner[:0]
		for t := s.First; t < s.Last; t++ {
			words, owner = appendWords(words, owner, d.TokenText(t), t)
		}
		if headlineCase(words) {
			// "Workers Try To Unload Tanker": capitals carry no signal
			// here, and the model would call every word a proper noun.
			words, low = lowerWords(words, low)
		}
		tags = m.tagSentence(tg, words, tags[:0])
		last := -1
		for k, t := range owner {
			if t != last { // a token takes the tag of its first part ("Korea" of "Korea's")
				d.Tokens[t].Tag = tags[k]
				last = t
			}
		}
	}
}

// lowerWords lower-cases words in place, as strings.ToLower would, writing
// the ASCII ones into buf: sized up front, so that it never moves while
// its strings are in use (they are dropped with the sentence), and reused
// for the next headline.
func lowerWords(words []string, buf []byte) ([]string, []byte) {
	n := 0
	for _, w := range words {
		n += len(w)
	}
	if cap(buf) < n {
		buf = make([]byte, 0, n)
	}
	buf = buf[:0]
	for k, w := range words {
		ascii, upper := true, false
		for i := 0; i < len(w); i++ {
			c := w[i]
			ascii = ascii && c < 0x80
			upper = upper || 'A' <= c && c <= 'Z'
		}
		switch {
		case !ascii:
			words[k] = strings.ToLower(w)
		case upper:
			start := len(buf)
			for i := 0; i < len(w); i++ {
				c := w[i]
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				buf = append(buf, c)
			}
			words[k] = unsafe.String(&buf[start], len(w))
		}
	}
	return words, buf
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
	// most words are ASCII with no quote or apostrophe: the word itself,
	// known in one pass over its bytes instead of the tests below
	plain := true
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= 0x80 || c == '\'' || c == '`' {
			plain = false
			break
		}
	}
	if plain {
		return append(words, w), append(owner, tok)
	}
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

// Model is a tagger: for every hash bucket, the int8 weights it gives some
// tags. The file is the data structure (Encode writes it as Decode uses
// it): loading takes slices over the embedded bytes and builds nothing.
type Model struct {
	tags []string
	mask uint32
	// bucket b's entries are tag[i], weight[i] for i in start(b) ≤ i <
	// start(b+1), where start(b) = block[b>>blockBits] + off[b]: an 8-bit
	// offset a bucket and a 32-bit one every block of 1<<blockBits buckets,
	// the largest block (up to 256 buckets) whose offsets all fit a byte;
	// the shipped model's blocks of 256 hold at most 172 entries. Byte
	// offsets compress better than the 16-bit ones of blocks of 1024 did
	// (LPOS3: 5.1 KB more brotli for the same weights) and halve the table
	// a lookup reads, at the same two loads. Tags and weights lie in two
	// arrays, not interleaved: each compresses better alone (4.9 KB less
	// brotli for the shipped model).
	blockBits uint32
	block     []uint32
	off       []uint8
	tag       []uint8
	weight    []int8
	// block and off as arrays when the model has 2^fixedBits buckets in
	// blocks of 2^fixedBlockBits, the shipped model's (cmd/train-pos's
	// default); nil otherwise
	fixedBlock *[1<<fixedBits>>fixedBlockBits + 1]uint32
	fixedOff   *[1<<fixedBits + 1]uint8
	// work every word would repeat, done once per model: the tags a
	// previous word can have (the model's, then "-START-" and "-START2-"
	// at indices len(tags) and len(tags)+1) and their features' hashes
	prevTags []string
	prev     []tagHashes
	// the model's tags rounded up to four, in fours (tagSentence)
	quads int
	// packed (tagger.go): the bias with the row of each shape class not
	// first in its sentence (15), and with its row when first; each lane
	// raised by 2^15 (laneBias: absent)
	shapeRows  [numShapes]packed
	shapeFirst [numShapes]packed
	// the wordHashes of padWords (tagger.sentence)
	pad [4]wordHashes

	// taggers keeps Tag's taggers between documents, their sums
	// emptied (tagger.go)
	taggers sync.Pool
}

// maxBlockBits bounds the buckets a block: 256.
const maxBlockBits = 8

// fixedBlockBits is the block bits of the shipped model (fixedBits).
const fixedBlockBits = 8

// fixedBits is the bucket bits of the shipped model, whose tables the
// tagger reads as arrays of a size known when compiling (Model.fixedOff):
// a bucket's two offsets then need no bounds checks, one load each of the
// 11 a word looks up. Another size reads the slices, checked.
const fixedBits = 17

// maxTags bounds the tag set, so that a block of 4 buckets always fits
// 8-bit offsets.
const maxTags = 63

const magic = "LPOS4\x00\x00\x00" // 8 bytes, so the tables after it are aligned

// start returns the index in ent of bucket b's first entry.
func (m *Model) start(b uint32) uint32 { return m.block[b>>m.blockBits] + uint32(m.off[b]) }

// row returns the tags and weights of bucket b's entries.
func (m *Model) row(b uint32) ([]uint8, []int8) {
	s, e := m.start(b), m.start(b+1)
	return m.tag[s:e], m.weight[s:e]
}

// addRow adds the weights of the feature hashed to h to scores.
func (m *Model) addRow(scores *[maxTags + 1]int32, h uint32) {
	tags, weights := m.row(h & m.mask)
	weights = weights[:len(tags)] // one bounds check, not one a weight
	for i, t := range tags {
		scores[t&maxTags] += int32(weights[i])
	}
}

// Encode writes a model: weights[b*len(tags)+t] is the quantised weight of
// tag t in bucket b (len(weights) = 2^bits * len(tags), at most 63 tags of at
// most 255 bytes). The layout: the magic, bits and the tag count as uint32,
// the tags (a length byte and the bytes each), then on an 8-byte boundary
// the entry count and the block bits (uint32 each) and the block offsets
// (uint32), on the next the bucket offsets (a byte each), little-endian,
// then on the next the entries' tags (a byte each) and their weights (an
// int8 each).
func Encode(tags []string, bits uint, weights []int8) []byte {
	nt := len(tags)
	if nt == 0 || nt > maxTags || bits > 24 || len(weights) != nt<<bits {
		return nil
	}
	out := []byte(magic)
	out = binary.LittleEndian.AppendUint32(out, uint32(bits))
	out = binary.LittleEndian.AppendUint32(out, uint32(nt))
	for _, t := range tags {
		out = append(out, byte(len(t)))
		out = append(out, t...)
	}
	nb := 1 << bits
	var tag, weight []byte
	start := make([]uint32, nb+1) // bucket b's first entry
	for b := 0; b < nb; b++ {
		for t, w := range weights[b*nt : (b+1)*nt] {
			if w != 0 {
				tag = append(tag, byte(t))
				weight = append(weight, byte(w))
			}
		}
		start[b+1] = uint32(len(tag))
	}
	// the largest blocks whose offsets fit a byte (blocks of 4 buckets
	// always do: maxTags)
	bb := uint(maxBlockBits)
	for ; bb > 2; bb-- {
		fits := true
		for b := range start {
			fits = fits && start[b]-start[b&^(1<<bb-1)] <= 255
		}
		if fits {
			break
		}
	}
	out = pad(out)
	out = binary.LittleEndian.AppendUint32(out, uint32(len(tag)))
	out = binary.LittleEndian.AppendUint32(out, uint32(bb))
	for k := 0; k <= nb>>bb; k++ {
		out = binary.LittleEndian.AppendUint32(out, start[k<<bb])
	}
	out = pad(out)
	for b, v := range start {
		out = append(out, byte(v-start[b&^(1<<bb-1)]))
	}
	out = pad(out)
	out = append(out, tag...)
	out = append(out, weight...)
	return pad(out)
}

func pad(b []byte) []byte {
	for len(b)%8 != 0 {
		b = append(b, 0)
	}
	return b
}

var errModel = errors.New("pos: the embedded model is damaged; rebuild it with go run ./cmd/train-pos")

// Decode returns the model that data holds, written by Encode, using data
// in place (it must not change afterwards). It checks the header and the
// table sizes; the tables' contents are trusted (the embedded model is
// checked by the package tests).
func Decode(data []byte) (*Model, error) {
	if len(data) < len(magic)+8 || string(data[:len(magic)]) != magic {
		return nil, errModel
	}
	p := len(magic)
	bits, nt := binary.LittleEndian.Uint32(data[p:]), int(binary.LittleEndian.Uint32(data[p+4:]))
	p += 8
	if bits > 24 || nt == 0 || nt > maxTags {
		return nil, errModel
	}
	m := &Model{mask: 1<<bits - 1}
	for i := 0; i < nt; i++ {
		if p >= len(data) || p+1+int(data[p]) > len(data) {
			return nil, errModel
		}
		m.tags = append(m.tags, string(data[p+1:p+1+int(data[p])]))
		p += 1 + int(data[p])
	}
	p = (p + 7) &^ 7
	if p+8 > len(data) {
		return nil, errModel
	}
	nent := int(binary.LittleEndian.Uint32(data[p:]))
	m.blockBits = binary.LittleEndian.Uint32(data[p+4:])
	p += 8
	if m.blockBits > maxBlockBits {
		return nil, errModel
	}
	nb := 1 << bits
	var ok bool
	if m.block, p, ok = u32s(data, p, nb>>m.blockBits+1); !ok {
		return nil, errModel
	}
	if p = (p + 7) &^ 7; p > len(data) || nb+1 > len(data)-p {
		return nil, errModel
	}
	m.off, p = data[p:p+nb+1:p+nb+1], p+nb+1
	if p = (p + 7) &^ 7; nent < 0 || p > len(data) || 2*nent > len(data)-p {
		return nil, errModel
	}
	m.tag = data[p : p+nent : p+nent]
	m.weight = unsafe.Slice((*int8)(unsafe.Pointer(unsafe.SliceData(data[p+nent:]))), nent)
	if m.start(uint32(nb)) != uint32(nent) {
		return nil, errModel
	}
	if bits == fixedBits && m.blockBits == fixedBlockBits {
		m.fixedBlock, m.fixedOff = (*[1<<fixedBits>>fixedBlockBits + 1]uint32)(m.block), (*[1<<fixedBits + 1]uint8)(m.off)
	}
	m.derive()
	return m, nil
}

// derive fills the tables Decode computes from the model: the previous
// tags' hashes, the padding words' and the shape rows. Its loops are in
// functions of their own, not inlined into Decode, which runs once
// (docs/architecture.md, "Start-up in wasm").
//
//go:noinline
func (m *Model) derive() {
	m.prevTags = append(m.tags[:len(m.tags):len(m.tags)], "-START-", "-START2-")
	m.quads = (len(m.tags) + 3) / 4
	for _, t := range m.prevTags {
		m.prev = append(m.prev, tagHashesOf(t))
	}
	copy(m.pad[:], appendHashes(nil, padWords[:]))
	bias := m.span(hashTemplate(1))
	for k, sh := range shapeNames {
		not, first := m.span(hashStr(hashStr(hashTemplate(15), sh), "0")), m.span(hashStr(hashStr(hashTemplate(15), sh), "1"))
		m.shapeRows[k].addOnce(m, bias, not)
		m.shapeFirst[k].addOnce(m, bias, first)
	}
	absent(&m.shapeRows, len(m.tags))
	absent(&m.shapeFirst, len(m.tags))
}

// absentScore is the score of a tag the model does not have (its lanes
// of the packed sums, of which no row has an entry), below any score
// of a tag it has (at most maxRows int8 weights: above -2^12), so that
// tagSentence's maximum reads every lane with no test of the tag count.
const absentScore = -1 << 14

// absent sets the lanes of the tags from nt on to absentScore in each of
// rows, which every word's score adds once (tagger.score), and adds
// laneBias to every lane, which tagger.score then need not. No other row
// has an entry for such a tag, so a word's score for it stays
// absentScore, a lane value in range.
//
//go:noinline
func absent(rows *[numShapes]packed, nt int) {
	for k := range rows {
		for t := nt; t <= maxTags; t++ {
			rows[k][t>>2] += absentScore << (laneOf(uint8(t)) & 63)
		}
		for j := range rows[k] {
			rows[k][j] = int64(uint64(rows[k][j]) + laneBias)
		}
	}
}

// addOnce adds the entries of a and b to p, for derive: addEntries stays
// inlined in the tagger's hot loops and out of derive's.
//
//go:noinline
func (p *packed) addOnce(m *Model, a, b span) {
	p.addEntries(m, a, 1)
	p.addEntries(m, b, 1)
}

// Tags lists the tags the model knows.
func (m *Model) Tags() []string { return m.tags }

// TagWords tags one sentence of Treebank-style words with m.
func (m *Model) TagWords(words []string) []string { return m.tagWords(words, nil) }

func (m *Model) tagWords(words []string, out []string) []string {
	tg := m.getTagger()
	defer m.putTagger(tg)
	return m.tagSentence(tg, words, out)
}

// tagSentence tags one sentence with tg, which keeps the rows it summed
// for the document's earlier sentences (tagger.go).
func (m *Model) tagSentence(tg *tagger, words []string, out []string) []string {
	if len(words) == 0 {
		return out
	}
	base := len(out)
	tg.sentence(words)
	p1, p2 := len(m.tags), len(m.tags)+1 // "-START-", "-START2-"
	var row scoreRow
	scores := row.tags()
	// the scores four tags at a time, as far as the model's last tag
	quads := (*[len(row)][4]int16)(unsafe.Pointer(&row))[:m.quads]
	for i := range words {
		tg.score(i, p1, p2, &row)
		// the first tag with the highest score: the maximum first,
		// without a branch per tag for the processor to mispredict,
		// then where it is. The maximum reads the scores up to the
		// model's last tag rounded up to four, four maxima side by side:
		// a tag the model lacks scores absentScore, below every tag it
		// has, so no score needs a test of the tag count.
		m0, m1, m2, m3 := scores[0], scores[1], scores[2], scores[3]
		for _, q := range quads[1:] {
			m0, m1, m2, m3 = max(m0, q[0]), max(m1, q[1]), max(m2, q[2]), max(m3, q[3])
		}
		top := max(m0, m1, m2, m3)
		best := 0
		for scores[best] != top {
			best++
		}
		out = append(out, m.tags[best])
		p2, p1 = p1, best
	}
	fixTags(words, out[base:])
	return out
}

// fixTags applies the rules the model's tags t of words need.
func fixTags(words, t []string) {
	// A sentence cannot open with a bare verb followed by a finite one:
	// "Seoul wants ..." is a subject, whatever an unknown word looked like.
	if len(t) > 1 && (t[0] == "VB" || t[0] == "VBP") {
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

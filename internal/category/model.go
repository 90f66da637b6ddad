package category

import (
	"encoding/binary"
	"errors"
	"math"
	"slices"
	"strconv"
	"sync"
)

// Model is a linear softmax classifier over hashed features: logit[c] =
// Bias[c] + Scale[c] * sum over features of Value * weight(Bucket, c). The
// calibration temperature is folded into Scale and Bias when the model is
// written.
//
// It is sparse twice over. Of the Buckets hash buckets only some have
// weights at all, so a feature the model never learned adds nothing
// (gibberish scores the prior, not a random label). And a stored bucket
// holds only the labels its feature moves: "touchdown" has a weight for
// Sports and none for the other thirteen. Each weight is a 4-bit code into
// a 16-value codebook of its label.
//
// A Model reads its weights in place from the file's bytes (Load): the
// embedded model.bin is the data structure, and loading decodes only the
// header (the label names, scales, biases and codebooks), so it costs
// microseconds and no memory per weight. The layout (see Table.MarshalBinary)
// cuts the buckets into pages of 256 by their high bits; a page's stored
// buckets are a run of bytes (the gaps between their low 8 bits, ascending)
// found through a directory, and a bucket's weights are a run of bytes too, one per label
// it has, each label<<4 | code, which is also the weight's index into the
// codebook table. A lookup reads the page's few key bytes and then the
// bucket's weights, one contiguous read.
type Model struct {
	Labels  []string
	Buckets uint32 // the hash space features are taken modulo
	Prefix  int    // Featurizer.Prefix the model was trained with
	Scale   []float32
	Bias    []float32
	// book[c<<4|j] is label c's weight for code j (labels past len(Labels)
	// stay zero): an entry byte is its own index into it.
	book [256]float32

	// The directory: page p's first key is superKey[p>>groupBits] +
	// relKey[p], its first entry superEnt[p>>groupBits] + relEnt[p]
	// (little-endian uint32 a group of 1<<groupBits pages, a byte a page:
	// the largest groups, up to 16 pages, whose offsets all fit a byte;
	// the shipped model's are 8 pages. Byte offsets in groups of 8 took
	// 2.0 KB of brotli off the 16-bit ones in groups of 16 of LEDECAT5.)
	groupBits          uint
	superKey, superEnt []byte
	relKey, relEnt     []byte
	// keys holds, for each stored bucket, its low 8 bits minus the previous
	// stored bucket's in the page, minus one (the first: its low 8 bits):
	// gaps, 21 KB less brotli than the low bytes themselves, and a page is
	// read in order anyway.
	keys    []byte
	counts  []byte // how many entries each stored bucket has
	entries []byte // label<<4 | code, by bucket, then by label

	// a pool of *scratch, Distribution's buffers; made by Load, so a
	// copy of the model (the trainer scales copies) shares it, and a model
	// made otherwise has none (Distribution then allocates its buffers)
	scratch *sync.Pool
}

// Entry is one stored weight of a bucket: the label and its 4-bit code.
type Entry struct{ Label, Code uint8 }

// Table is a model as the trainer builds it, key by key; MarshalBinary
// writes it in the layout Model reads in place.
type Table struct {
	Labels  []string
	Buckets uint32
	Prefix  int
	Scale   []float32
	Bias    []float32
	Book    []float32 // 16 per label: Book[c*16+j] is label c's weight for code j
	Keys    []uint32  // stored buckets, ascending
	Entries [][]Entry // per key: its weights, labels ascending, at least one
}

// magic starts a model file.
const magic = "LEDECAT6"

// pageBits is how many low bits of a bucket its key byte holds.
const pageBits = 8

// maxGroupBits bounds the pages a directory group: 16.
const maxGroupBits = 4

// maxModelLabels is the most labels a model file holds: a label is a nibble.
const maxModelLabels = 16

// MarshalBinary writes the model file (little endian): the magic, uint32
// buckets, uint16 labels, a byte for Prefix, a byte for the directory's
// group bits (G), then per label a
// length-prefixed name, float32 scale and float32 bias; the codebooks (16
// float32 per label); uint32 key count, uint32 entry count; the directory
// (pages = buckets/256 rounded up, groups = pages>>G + 1: groups uint32 key
// starts, groups uint32 entry starts, then pages+1 key starts and pages+1
// entry starts relative to their group's, a byte each); the key bytes
// (gaps); the count bytes; the entry bytes.
func (t *Table) MarshalBinary() ([]byte, error) {
	k := len(t.Labels)
	bad := errors.New("category: inconsistent model")
	if k == 0 || k > maxModelLabels || len(t.Scale) != k || len(t.Bias) != k || len(t.Book) != 16*k ||
		len(t.Entries) != len(t.Keys) || !slices.IsSorted(t.Keys) || t.Prefix < 0 || t.Prefix > 255 ||
		len(t.Keys) > 0 && t.Keys[len(t.Keys)-1] >= t.Buckets || t.Buckets == 0 {
		return nil, bad
	}
	b := []byte(magic)
	b = binary.LittleEndian.AppendUint32(b, t.Buckets)
	b = binary.LittleEndian.AppendUint16(b, uint16(k))
	b = append(b, byte(t.Prefix))
	gAt := len(b) // the group bits, once known
	b = append(b, 0)
	for c, name := range t.Labels {
		if len(name) > 255 {
			return nil, errors.New("category: label " + strconv.Quote(name) + " too long")
		}
		b = append(b, byte(len(name)))
		b = append(b, name...)
		b = binary.LittleEndian.AppendUint32(b, math.Float32bits(t.Scale[c]))
		b = binary.LittleEndian.AppendUint32(b, math.Float32bits(t.Bias[c]))
	}
	for _, x := range t.Book {
		b = binary.LittleEndian.AppendUint32(b, math.Float32bits(x))
	}
	pages := int((uint64(t.Buckets) + 1<<pageBits - 1) >> pageBits)
	keyStart := make([]uint32, pages+1)
	entStart := make([]uint32, pages+1)
	nent := 0
	for i, key := range t.Keys {
		es := t.Entries[i]
		if len(es) == 0 || len(es) > k || i > 0 && key == t.Keys[i-1] {
			return nil, bad
		}
		for j, e := range es {
			if int(e.Label) >= k || e.Code > 15 || j > 0 && e.Label <= es[j-1].Label {
				return nil, bad
			}
		}
		p := int(key >> pageBits)
		keyStart[p+1]++
		entStart[p+1] += uint32(len(es))
		nent += len(es)
	}
	for p := 1; p <= pages; p++ {
		keyStart[p] += keyStart[p-1]
		entStart[p] += entStart[p-1]
	}
	// the largest groups whose offsets fit a byte (a group of one page
	// always does: its offsets are 0)
	g := maxGroupBits
	for ; g > 0; g-- {
		fits := true
		for _, start := range [][]uint32{keyStart, entStart} {
			for p, x := range start {
				fits = fits && x-start[p&^(1<<g-1)] <= 255
			}
		}
		if fits {
			break
		}
	}
	b[gAt] = byte(g)
	b = binary.LittleEndian.AppendUint32(b, uint32(len(t.Keys)))
	b = binary.LittleEndian.AppendUint32(b, uint32(nent))
	for _, start := range [][]uint32{keyStart, entStart} {
		for p := 0; p <= pages; p += 1 << g {
			b = binary.LittleEndian.AppendUint32(b, start[p])
		}
	}
	for _, start := range [][]uint32{keyStart, entStart} {
		for p, x := range start {
			b = append(b, byte(x-start[p&^(1<<g-1)]))
		}
	}
	for i, key := range t.Keys {
		gap := byte(key)
		if i > 0 && t.Keys[i-1]>>pageBits == key>>pageBits {
			gap -= byte(t.Keys[i-1]) + 1
		}
		b = append(b, gap)
	}
	for _, es := range t.Entries {
		b = append(b, byte(len(es)))
	}
	for _, es := range t.Entries {
		for _, e := range es {
			b = append(b, e.Label<<4|e.Code)
		}
	}
	return b, nil
}

// Load returns a Model that reads its weights from b in place (b must not
// change afterwards). It decodes the header and checks that the directory
// is consistent with the sizes, so a lookup never reads past the data; it
// decodes no weight.
func Load(b []byte) (*Model, error) {
	bad := errors.New("category: not a category model (rebuild it with go run ./cmd/train-categories)")
	if len(b) < len(magic)+8 || string(b[:len(magic)]) != magic {
		return nil, bad
	}
	b = b[len(magic):]
	// the model and its pool in one allocation (TestLoadBuildsNothing)
	mp := &struct {
		m    Model
		pool sync.Pool
	}{m: Model{Buckets: binary.LittleEndian.Uint32(b), Prefix: int(b[6]), groupBits: uint(b[7])}}
	m := &mp.m
	m.scratch = &mp.pool
	k := int(binary.LittleEndian.Uint16(b[4:]))
	b = b[8:]
	if k == 0 || k > maxModelLabels || m.Buckets == 0 || m.groupBits > maxGroupBits {
		return nil, bad
	}
	m.Labels, m.Scale, m.Bias = make([]string, k), make([]float32, k), make([]float32, k)
	for c := range k {
		if len(b) < 1 || len(b) < 1+int(b[0])+8 {
			return nil, bad
		}
		n := int(b[0])
		m.Labels[c] = string(b[1 : 1+n])
		b = b[1+n:]
		m.Scale[c] = math.Float32frombits(binary.LittleEndian.Uint32(b))
		m.Bias[c] = math.Float32frombits(binary.LittleEndian.Uint32(b[4:]))
		b = b[8:]
	}
	if len(b) < 16*k*4+8 {
		return nil, bad
	}
	m.readBook(b[:16*k*4])
	b = b[16*k*4:]
	nkeys, nent := uint64(binary.LittleEndian.Uint32(b)), uint64(binary.LittleEndian.Uint32(b[4:]))
	b = b[8:]
	pages := (uint64(m.Buckets) + 1<<pageBits - 1) >> pageBits
	sup, rel := 4*(pages>>m.groupBits+1), pages+1
	if uint64(len(b)) != 2*sup+2*rel+2*nkeys+nent {
		return nil, bad
	}
	m.superKey, m.superEnt = b[:sup:sup], b[sup:2*sup:2*sup]
	b = b[2*sup:]
	m.relKey, m.relEnt = b[:rel:rel], b[rel:2*rel:2*rel]
	b = b[2*rel:]
	m.keys, m.counts, m.entries = b[:nkeys:nkeys], b[nkeys:2*nkeys:2*nkeys], b[2*nkeys:]
	if pk, pe, ok := m.directory(int(pages)); !ok || uint64(pk) != nkeys || uint64(pe) != nent {
		return nil, bad
	}
	return m, nil
}

// readBook decodes the codebook from b, 16 little-endian float32 a label,
// in a function of its own for the reason directory gives.
//
//go:noinline
func (m *Model) readBook(b []byte) {
	for i := range len(b) / 4 {
		m.book[i] = math.Float32frombits(binary.LittleEndian.Uint32(b[4*i:]))
	}
}

// directory checks that the directory of pages runs from 0 upwards and
// returns where it ends (the totals of keys and entries). It is a function
// of its own so that its loop, one pass over the pages, is not charged to
// Load's whole length (docs/architecture.md, "Start-up in wasm").
//
//go:noinline
func (m *Model) directory(pages int) (pk, pe uint32, ok bool) {
	for p := range pages + 1 {
		ks, es := m.pageStart(p)
		if ks < pk || es < pe || p == 0 && (ks != 0 || es != 0) {
			return 0, 0, false
		}
		pk, pe = ks, es
	}
	return pk, pe, true
}

// u32 reads the i-th little-endian uint32 of b.
func u32(b []byte, i int) uint32 { return binary.LittleEndian.Uint32(b[4*i:]) }

// pageStart returns the index of page p's first key and of its first entry.
func (m *Model) pageStart(p int) (key, ent uint32) {
	g := p >> m.groupBits
	return u32(m.superKey, g) + uint32(m.relKey[p]), u32(m.superEnt, g) + uint32(m.relEnt[p])
}

// weights returns the entries of a bucket (nil when it has none): bytes
// label<<4 | code.
func (m *Model) weights(bucket uint32) []byte {
	if bucket >= m.Buckets {
		return nil
	}
	p := int(bucket >> pageBits)
	lo := int(bucket & (1<<pageBits - 1))
	// pageStart(p) and pageStart(p+1) together: the two pages' relative
	// offsets are side by side, each table sliced once
	if p+2 > len(m.relKey) || p+2 > len(m.relEnt) {
		return nil
	}
	rk, re := m.relKey[p:p+2], m.relEnt[p:p+2]
	g, g1 := p>>m.groupBits, (p+1)>>m.groupBits
	j := u32(m.superKey, g) + uint32(rk[0])
	end := u32(m.superKey, g1) + uint32(rk[1])
	e := u32(m.superEnt, g) + uint32(re[0])
	eend := u32(m.superEnt, g1) + uint32(re[1])
	if j > end || end > uint32(len(m.keys)) || end > uint32(len(m.counts)) {
		return nil
	}
	// the page's keys and counts sliced once: no bounds check a key
	keys, counts := m.keys[j:end], m.counts[j:end]
	counts = counts[:len(keys)]
	for k, key := range keys {
		n := uint32(counts[k])
		if lo -= int(key) + 1; lo <= -1 {
			if lo < -1 || e+n > eend {
				return nil
			}
			return m.entries[e : e+n : e+n]
		}
		e += n
	}
	return nil
}

// Table returns the model's weights key by key (for tests and tools; the
// classifier reads them in place).
func (m *Model) Table() *Table {
	k := len(m.Labels)
	t := &Table{Labels: slices.Clone(m.Labels), Buckets: m.Buckets, Prefix: m.Prefix,
		Scale: slices.Clone(m.Scale), Bias: slices.Clone(m.Bias), Book: slices.Clone(m.book[:16*k])}
	pages := len(m.relKey) - 1
	for p := range pages {
		j, e32 := m.pageStart(p)
		end, _ := m.pageStart(p + 1)
		e := int(e32)
		for key := -1; j < end; j++ {
			key += int(m.keys[j]) + 1
			t.Keys = append(t.Keys, uint32(p)<<pageBits|uint32(key))
			var es []Entry
			for _, x := range m.entries[e : e+int(m.counts[j])] {
				es = append(es, Entry{Label: x >> 4, Code: x & 15})
			}
			e += int(m.counts[j])
			t.Entries = append(t.Entries, es)
		}
	}
	return t
}

// Size returns how many buckets and weights the model stores.
func (m *Model) Size() (keys, weights int) { return len(m.keys), len(m.entries) }

// Probabilities writes the softmax probability of each label for the
// features into p (reusing its storage) and returns it, with the share of
// the features' weight (sum of |Value|) that the model has weights for:
// 0 means it knows none of the words.
func (m *Model) Probabilities(p []float64, fs []Feature) (_ []float64, known float64) {
	p, known, _ = m.probabilities(p, fs)
	return p, known
}

// probabilities is Probabilities that also returns how many of the
// features the model has weights for.
func (m *Model) probabilities(p []float64, fs []Feature) (_ []float64, known float64, n int) {
	k := len(m.Labels)
	var acc [maxModelLabels]float32
	var all float64
	for _, f := range fs {
		all += math.Abs(float64(f.Value))
		ws := m.weights(f.Bucket)
		if ws == nil {
			continue
		}
		known += math.Abs(float64(f.Value))
		n++
		for _, e := range ws {
			acc[e>>4] += f.Value * m.book[e]
		}
	}
	if all > 0 {
		known /= all
	}
	p = p[:0]
	hi := math.Inf(-1)
	for c := range k {
		z := float64(m.Bias[c] + m.Scale[c]*acc[c])
		p = append(p, z)
		hi = max(hi, z)
	}
	var sum float64
	for c := range p {
		p[c] = math.Exp(p[c] - hi)
		sum += p[c]
	}
	for c := range p {
		p[c] /= sum
	}
	return p, known, n
}

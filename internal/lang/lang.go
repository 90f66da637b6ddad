// Package lang tells which language a text is written in, so that lede can
// say when it is reading something its English models do not cover instead
// of showing wrong results.
//
// It works in two steps. The writing system decides most languages outright:
// Hangul is Korean, kana is Japanese, Han without kana is Chinese, and Greek,
// Hebrew, Devanagari and Thai each stand for one language here. Texts in
// Latin, Cyrillic or Arabic script are then told apart by a naive Bayes
// classifier over character trigrams of words (Cavnar & Trenkle 1994;
// Dunning 1994), one trigram table per script, trained by cmd/train-lang
// on the Universal Declaration of Human Rights (docs/models/lang.md).
//
// A Guess carries a calibrated confidence: the classifier's posterior with a
// temperature fitted by cross-validation, or for a script-decided language
// the share of the text's letters in that script. Texts with too few letters
// to tell get Undetermined ("und", BCP 47's code for it).
package lang

import (
	_ "embed"
	"encoding/binary"
	"errors"
	"math"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Undetermined is the BCP 47 code for a text whose language cannot be told.
const Undetermined = "und"

// MinLetters is how many letters of an alphabetic script a text needs before
// it gets a language: under this (two or three short words) the trigram
// statistics are noise. Texts in Han, kana or Hangul need six characters,
// each of which counts as cjkWeight letters.
const MinLetters = 16

// minLower is how many trigrams of lower-case words a text needs to be
// judged on those alone (see Scores): about eight short words.
const minLower = 40

// MaxLetters bounds the letters of one text that are looked at: a thousand
// letters decide any language, and reading no further keeps
// detection on a 10 MB single-line paste as cheap as on a paragraph.
const MaxLetters = 1024

// Guess is a text's language.
type Guess struct {
	Code       string  // BCP 47 primary language subtag ("en", "de", "zh"), or Undetermined
	Confidence float64 // 0..1: how sure; 0 for Undetermined
	Letters    int     // letters read (CJK characters count cjkWeight each): the guess's weight when guesses are pooled
	// Sure is set when the guess rests on enough of the text's own words:
	// for Latin, Cyrillic and Arabic script at least MinSureTrigrams
	// trigrams of words that do not begin with a capital (a list of names is
	// in no language); a language its script decides is always Sure.
	Sure bool

	// posterior is the language's probability among those of its script,
	// before Confidence is scaled by the share of letters in that script.
	posterior float64
}

// MinSureTrigrams is how many trigrams of lower-case words make a guess
// Sure: about fifteen words, a sentence. A headline is shorter, and
// headlines are what lang misreads most ("Furious mum demands kids clothes
// have gender labels scrapped" reads as German).
const MinSureTrigrams = 80

// Script is a writing system, as far as language identification needs one.
type Script uint8

// The scripts lang tells apart. Latin, Cyrillic and Arabic script cover
// several languages each and have a trigram table; the others name one
// language each.
const (
	None Script = iota
	Latin
	Cyrillic
	Arabic
	Greek
	Hebrew
	Devanagari
	Thai
	Hangul
	Kana
	Han
	numScripts
)

// scriptLanguage is the language a single-language script stands for.
var scriptLanguage = [numScripts]string{Greek: "el", Hebrew: "he", Devanagari: "hi", Thai: "th", Hangul: "ko", Kana: "ja", Han: "zh"}

// cjkWeight is how many alphabetic letters one Han, kana or Hangul
// character counts for when scripts are compared and texts are weighed: a
// Chinese character or Korean syllable carries about as much as three
// letters of English.
const cjkWeight = 3

// ScriptOf returns the script of a letter, None for anything else (digits,
// punctuation, marks of scripts lang does not know).
func ScriptOf(r rune) Script {
	switch {
	case r < 0x80:
		if r|0x20 >= 'a' && r|0x20 <= 'z' {
			return Latin
		}
		return None
	case r < 0x0250, r >= 0x1E00 && r < 0x1F00: // Latin-1, Extended-A/B, Extended Additional
		if r == 0xD7 || r == 0xF7 || r < 0xC0 && r != 0xAA && r != 0xBA && r != 0xB5 {
			return None
		}
		return Latin
	case r >= 0x0370 && r < 0x0400, r >= 0x1F00 && r < 0x2000:
		return letterOr(r, Greek)
	case r >= 0x0400 && r < 0x0530:
		return letterOr(r, Cyrillic)
	case r >= 0x0590 && r < 0x0600:
		return letterOr(r, Hebrew)
	case r >= 0x0600 && r < 0x0700, r >= 0x0750 && r < 0x0780, r >= 0x08A0 && r < 0x0900,
		r >= 0xFB50 && r < 0xFE00, r >= 0xFE70 && r < 0xFF00:
		return letterOr(r, Arabic)
	case r >= 0x0900 && r < 0x0980:
		return letterOr(r, Devanagari)
	case r >= 0x0E00 && r < 0x0E80:
		return letterOr(r, Thai)
	case r >= 0xAC00 && r < 0xD7B0, r >= 0x1100 && r < 0x1200, r >= 0x3130 && r < 0x3190:
		return letterOr(r, Hangul)
	case r >= 0x3040 && r < 0x3100, r >= 0x31F0 && r < 0x3200, r >= 0xFF66 && r < 0xFFA0:
		if r == 0x30FB { // katakana middle dot: punctuation
			return None
		}
		return Kana
	case r >= 0x4E00 && r < 0xA000, r >= 0x3400 && r < 0x4DC0, r >= 0xF900 && r < 0xFB00, r >= 0x20000 && r < 0x30000:
		return Han
	}
	return None
}

func letterOr(r rune, s Script) Script {
	if unicode.IsLetter(r) || unicode.IsMark(r) {
		return s
	}
	return None
}

// Trigrams calls emit with the script and the trigram of every word of text
// in an alphabetic script (Latin, Cyrillic, Arabic), and whether the word
// begins with a capital, reading at most MaxLetters letters; it returns the
// letters read per script (CJK characters counted once each). Words are
// lower-cased and padded with a space on each side, so "Die" gives " di",
// "die", "ie ". A change of script ends a word. cmd/train-lang counts with
// it; Score scans text itself for speed, and TestScoreReadsWhatTrigramsEmits
// holds the two together so that training and use cannot drift apart.
func Trigrams(text string, emit func(s Script, tri [3]rune, capital bool)) (letters [numScripts]int) {
	var w [3]rune // the window: w[0], w[1] hold the last two items
	n := 0        // items in the window
	cur := None   // script of the current word
	capital := false
	total := 0
	end := func() {
		if cur >= Latin && cur <= Arabic && n == 2 {
			emit(cur, [3]rune{w[0], w[1], ' '}, capital)
		}
		cur, n = None, 0
	}
	for _, r := range text {
		s := ScriptOf(r)
		if s != cur {
			end()
		}
		if s == None {
			continue
		}
		letters[s]++
		total++
		if s > Arabic {
			cur = s
			if total >= MaxLetters {
				break
			}
			continue
		}
		lower := unicode.ToLower(r)
		if cur == None {
			cur, w[0], n = s, ' ', 1
			capital = lower != r
		}
		r = lower
		if n == 2 {
			emit(s, [3]rune{w[0], w[1], r}, capital)
			w[0], w[1] = w[1], r
		} else {
			w[1], n = r, 2
		}
		if total >= MaxLetters {
			break
		}
	}
	end()
	return letters
}

// key packs a trigram into one integer: three code points of 21 bits.
func key(t [3]rune) uint64 {
	return uint64(t[0])<<42 | uint64(t[1])<<21 | uint64(t[2])
}

// group is the trigram table of one script: the languages written in it and,
// for every kept trigram, one quantised log-probability per language.
type group struct {
	langs []string
	step  float64 // nats per quantisation level
	index table
	rows  []byte // index.n rows of len(langs) levels, a trigram's row contiguous

	// The rows again, several levels to a 64-bit word (lanes of laneBits),
	// so that scoring a trigram adds a few words instead of one number per
	// language: SIMD within a register, which pays most in WebAssembly.
	// Lanes cannot overflow: a Score reads at most 2·MaxLetters trigrams.
	packed   []uint64
	laneBits uint
	words    int // words per row
}

// pack fills g.packed from g.rows.
func (g *group) pack() {
	top := byte(0)
	for _, q := range g.rows {
		top = max(top, q)
	}
	g.laneBits = 16
	if int(top)*2*MaxLetters >= 1<<16 {
		g.laneBits = 32
	}
	lanes := 64 / int(g.laneBits)
	nl := len(g.langs)
	g.words = (nl + lanes - 1) / lanes
	if g.words > 4 && g.words < rowWords {
		// padded with words of zeros to the fixed row scoreInto's ASCII
		// loop adds without a loop (the Latin group's 26 languages: 7)
		g.words = rowWords
	}
	n := len(g.rows) / max(nl, 1)
	g.packed = make([]uint64, n*g.words)
	for i := 0; i < n; i++ {
		for l, q := range g.rows[i*nl : (i+1)*nl] {
			g.packed[i*g.words+l/lanes] |= uint64(q) << (g.laneBits * uint(l%lanes))
		}
	}
}

// rowWords is the row a group of five to eight words is padded to.
const rowWords = 8

// unpack adds the lanes of acc to sum.
func (g *group) unpack(acc []uint64, sum []int32) {
	lanes := 64 / int(g.laneBits)
	mask := uint64(1)<<g.laneBits - 1
	for l := range sum {
		sum[l] += int32(acc[l/lanes] >> (g.laneBits * uint(l%lanes)) & mask)
	}
}

// table maps a packed trigram to its row: open addressing with linear
// probing at a load factor of at most one half, Fibonacci hashing. It is
// several times faster than a Go map here, where every letter of every
// paragraph is one lookup and most lookups miss.
type table struct {
	slots []slot
	shift uint
	n     int
}

// slot is one entry of a table: key and row side by side, so that a probe
// touches one cache line.
type slot struct {
	key uint64 // 0: empty (no trigram packs to 0: its middle rune is a letter)
	row int32
}

func newTable(n int) table {
	bits := uint(1)
	for 1<<bits < 2*n {
		bits++
	}
	return table{slots: make([]slot, 1<<bits), shift: 64 - bits}
}

func (t *table) put(k uint64, row int32) {
	mask := uint64(len(t.slots) - 1)
	for i := (k * 0x9E3779B97F4A7C15) >> t.shift; ; i = (i + 1) & mask {
		if t.slots[i].key == 0 {
			t.slots[i] = slot{k, row}
			t.n++
			return
		}
	}
}

func (t *table) get(k uint64) (int32, bool) {
	if len(t.slots) == 0 {
		return 0, false
	}
	mask := uint64(len(t.slots) - 1)
	for i := (k * 0x9E3779B97F4A7C15) >> t.shift; ; i = (i + 1) & mask {
		switch t.slots[i].key {
		case k:
			return t.slots[i].row, true
		case 0:
			return 0, false
		}
	}
}

// sorted returns the keys in row order.
func (t *table) sorted() []uint64 {
	out := make([]uint64, t.n)
	for _, sl := range t.slots {
		if sl.key != 0 {
			out[sl.row] = sl.key
		}
	}
	return out
}

// Model is a trained language identifier. The zero value is not usable; get
// one from Default or UnmarshalBinary.
type Model struct {
	groups      [numScripts]*group
	temperature float64
}

//go:embed lang.bin
var modelBytes []byte

var (
	loadOnce sync.Once
	model    *Model
	loadErr  error
)

// Default returns the embedded model, decoded once.
func Default() (*Model, error) {
	loadOnce.Do(func() {
		m := new(Model)
		if err := m.UnmarshalBinary(modelBytes); err != nil {
			loadErr = err
			return
		}
		model = m
	})
	return model, loadErr
}

// Detect returns the language of text with the embedded model, or
// Undetermined when the model cannot be loaded (a build fault that the
// package's tests catch).
func Detect(text string) Guess {
	m, err := Default()
	if err != nil {
		return Guess{Code: Undetermined}
	}
	return m.Detect(text)
}

// magic starts the model file; the digit is its format version.
const magic = "LANG1"

// MarshalBinary writes the model in the format UnmarshalBinary reads:
//
//	"LANG1", temperature float32, group count u8, then per group:
//	script u8, language count u8, each code as u8 length + bytes,
//	step float32, trigram count u16, the trigrams as three UTF-8 code
//	points each, and count × languages level bytes.
//
// All integers and floats are little-endian.
func (m *Model) MarshalBinary() ([]byte, error) {
	out := []byte(magic)
	out = binary.LittleEndian.AppendUint32(out, math.Float32bits(float32(m.temperature)))
	n := 0
	for _, g := range m.groups {
		if g != nil {
			n++
		}
	}
	out = append(out, byte(n))
	for s, g := range m.groups {
		if g == nil {
			continue
		}
		out = append(out, byte(s), byte(len(g.langs)))
		for _, l := range g.langs {
			out = append(out, byte(len(l)))
			out = append(out, l...)
		}
		out = binary.LittleEndian.AppendUint32(out, math.Float32bits(float32(g.step)))
		keys := g.index.sorted()
		if len(keys) > math.MaxUint16 {
			return nil, errors.New("lang: too many trigrams for the format")
		}
		out = binary.LittleEndian.AppendUint16(out, uint16(len(keys)))
		for _, k := range keys {
			for _, r := range [3]rune{rune(k >> 42), rune(k >> 21 & 0x1FFFFF), rune(k & 0x1FFFFF)} {
				out = utf8.AppendRune(out, r)
			}
		}
		out = append(out, g.rows...)
	}
	return out, nil
}

var errFormat = errors.New("lang: model data is damaged or of another version; rebuild it with go run ./cmd/train-lang")

// UnmarshalBinary reads a model written by MarshalBinary.
func (m *Model) UnmarshalBinary(b []byte) error {
	if len(b) < len(magic)+5 || string(b[:len(magic)]) != magic {
		return errFormat
	}
	b = b[len(magic):]
	m.temperature = float64(math.Float32frombits(binary.LittleEndian.Uint32(b)))
	n := int(b[4])
	b = b[5:]
	for ; n > 0; n-- {
		if len(b) < 2 || Script(b[0]) >= numScripts {
			return errFormat
		}
		s, nl := Script(b[0]), int(b[1])
		b = b[2:]
		g := &group{}
		for ; nl > 0; nl-- {
			if len(b) < 1 || len(b) < 1+int(b[0]) {
				return errFormat
			}
			g.langs = append(g.langs, string(b[1:1+b[0]]))
			b = b[1+b[0]:]
		}
		if len(b) < 6 {
			return errFormat
		}
		g.step = float64(math.Float32frombits(binary.LittleEndian.Uint32(b)))
		nk := int(binary.LittleEndian.Uint16(b[4:]))
		b = b[6:]
		var ok bool
		if g.index, b, ok = readIndex(b, nk); !ok {
			return errFormat
		}
		if len(b) < nk*len(g.langs) {
			return errFormat
		}
		g.rows, b = b[:nk*len(g.langs)], b[nk*len(g.langs):]
		g.pack()
		m.groups[s] = g
	}
	if len(b) != 0 {
		return errFormat
	}
	return nil
}

// readIndex reads nk trigrams of three UTF-8 runes each from b into a table
// of their indices and returns the rest of b. It is a function of its own
// so that its loop is not charged to UnmarshalBinary's whole length
// (docs/architecture.md, "Start-up in wasm").
//
//go:noinline
func readIndex(b []byte, nk int) (table, []byte, bool) {
	x := newTable(nk)
	for i := 0; i < nk; i++ {
		var t [3]rune
		for j := range t {
			r, size := utf8.DecodeRune(b)
			if size == 0 || r == utf8.RuneError {
				return table{}, b, false
			}
			t[j], b = r, b[size:]
		}
		x.put(key(t), int32(i))
	}
	return x, b, true
}

// Detect returns the language of text. It reads at most MaxLetters letters
// and allocates nothing but the score arrays.
func (m *Model) Detect(text string) Guess { return m.Decide(m.Score(text)) }

// Scores is the evidence read from one or more texts: letters per script
// and, per script with a table, the summed quantised log-probabilities of
// the trigrams per language, once for all words and once for the words
// that do not begin with a capital. Names in news are mostly foreign to the
// language around them ("Feyenoord", "Pamela Dei Rossi"), while its
// function words are lower-case in every language lang reads, so a text
// with enough lower-case words is judged on those alone.
type Scores struct {
	letters, lower [numScripts]int
	capital, low   [numScripts][]int32 // sums over words that begin with a capital, and over the others
}

// newScores returns empty Scores with room for m's languages.
func (m *Model) newScores() *Scores {
	sc := &Scores{}
	nl := 0
	for _, g := range m.groups {
		if g != nil {
			nl += len(g.langs)
		}
	}
	sums := make([]int32, 2*nl) // one allocation
	for s, g := range m.groups {
		if g != nil {
			l := len(g.langs)
			sc.capital[s], sc.low[s], sums = sums[:l:l], sums[l:2*l:2*l], sums[2*l:]
		}
	}
	return sc
}

// Score reads text: the same words and trigrams as Trigrams (a test holds
// the two to it), written out here so that the text is read in one pass,
// with no call a trigram.
func (m *Model) Score(text string) *Scores {
	sc := m.newScores()
	m.scoreInto(sc, m.newPacked(), text)
	return sc
}

// newPacked returns the scratch scoreInto adds the packed sums of every
// script in.
func (m *Model) newPacked() []uint64 {
	nw := 0
	for _, g := range m.groups {
		if g != nil {
			nw += g.words
		}
	}
	return make([]uint64, 2*nw)
}

// scoreInto is Score into sc (from newScores) with the scratch words (from
// newPacked), whatever they held before: Annotate scores every block into
// one Scores instead of allocating one a block.
func (m *Model) scoreInto(sc *Scores, words []uint64, text string) {
	sc.letters, sc.lower = [numScripts]int{}, [numScripts]int{}
	for s := range sc.capital {
		clear(sc.capital[s])
		clear(sc.low[s])
	}
	clear(words)
	var acc [numScripts][2][]uint64 // packed sums: [capital, lower-case]
	for s, g := range m.groups {
		if g != nil {
			w := g.words
			acc[s][0], acc[s][1], words = words[:w:w], words[w:2*w:2*w], words[2*w:]
		}
	}
	add := func(s Script, k uint64, capital bool) {
		g := m.groups[s]
		if g == nil {
			return
		}
		a := acc[s][0]
		if !capital {
			sc.lower[s]++
			a = acc[s][1]
		}
		if i, ok := g.index.get(k); ok {
			row := g.packed[int(i)*g.words : (int(i)+1)*g.words]
			a = a[:len(row)] // one bounds check, not one a word
			for w, x := range row {
				a[w] += x
			}
		}
	}
	var w0, w1 rune
	n, cur, capital, total := 0, None, false, 0
	lat := m.groups[Latin]
	for i := 0; i < len(text); {
		if cur == None && lat != nil {
			// Between words: ASCII bytes that are no letter are passed
			// over, and an ASCII letter opens a Latin word, as the
			// general loop below does, without its decoding and tests
			for i < len(text) {
				if c := text[i]; c >= utf8.RuneSelf || c|0x20 >= 'a' && c|0x20 <= 'z' {
					break
				}
				i++
			}
			if i == len(text) {
				break
			}
			if c := text[i]; c < utf8.RuneSelf {
				l := rune(c | 0x20)
				sc.letters[Latin]++
				total++
				cur, w0, w1, n, capital = Latin, ' ', l, 2, rune(c) != l
				i++
				if total >= MaxLetters {
					break
				}
			}
		}
		// Inside a Latin word whose first two letters are read, a run of
		// ASCII letters (most of English) is read by a loop of its own:
		// the same trigrams, lookups and counts as the general loop
		// below, with fewer values live than it holds
		if cur == Latin && n == 2 && lat != nil {
			a := acc[Latin][1]
			if capital {
				a = acc[Latin][0]
			}
			run := 0
			for i < len(text) && total < MaxLetters {
				c := text[i] | 0x20 // a byte of a multi-byte rune stays above 'z'
				if c < 'a' || c > 'z' {
					break
				}
				if row, ok := lat.index.get(uint64(w0)<<42 | uint64(w1)<<21 | uint64(c)); ok {
					if lat.words == rowWords && len(a) == rowWords {
						add8((*[rowWords]uint64)(a), (*[rowWords]uint64)(lat.packed[int(row)*rowWords:]))
					} else {
						row := lat.packed[int(row)*lat.words : (int(row)+1)*lat.words]
						a := a[:len(row)]
						for w, x := range row {
							a[w] += x
						}
					}
				}
				w0, w1 = w1, rune(c)
				i++
				total++
				run++
			}
			sc.letters[Latin] += run
			if !capital {
				sc.lower[Latin] += run // a trigram a letter
			}
			if total >= MaxLetters || i == len(text) {
				break
			}
			if c := text[i]; c < utf8.RuneSelf && lat.words == rowWords && len(a) == rowWords {
				// an ASCII byte that is no letter (a space, a mark) ends
				// the word: its last trigram, and the byte read, as the
				// general loop below would (add, then a None byte), with
				// the row written out
				if !capital {
					sc.lower[Latin]++
				}
				if row, ok := lat.index.get(uint64(w0)<<42 | uint64(w1)<<21 | ' '); ok {
					add8((*[rowWords]uint64)(a), (*[rowWords]uint64)(lat.packed[int(row)*rowWords:]))
				}
				cur, n = None, 0
				i++
				continue
			}
		}
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		i += size
		var s Script
		if r < 0x80 {
			if c := r | 0x20; c >= 'a' && c <= 'z' {
				s = Latin
			}
		} else {
			s = ScriptOf(r)
		}
		if s != cur {
			if cur >= Latin && cur <= Arabic && n == 2 {
				add(cur, key([3]rune{w0, w1, ' '}), capital)
			}
			cur, n = None, 0
		}
		if s == None {
			continue
		}
		sc.letters[s]++
		total++
		if s > Arabic {
			cur = s
			if total >= MaxLetters {
				break
			}
			continue
		}
		var lower rune
		if r < 0x80 {
			lower = r | 0x20
		} else {
			lower = unicode.ToLower(r)
		}
		if cur == None {
			cur, w0, n = s, ' ', 1
			capital = lower != r
		}
		if n == 2 {
			add(s, key([3]rune{w0, w1, lower}), capital)
			w0, w1 = w1, lower
		} else {
			w1, n = lower, 2
		}
		if total >= MaxLetters {
			break
		}
	}
	if cur >= Latin && cur <= Arabic && n == 2 {
		add(cur, key([3]rune{w0, w1, ' '}), capital)
	}
	for s, g := range m.groups {
		if g != nil {
			g.unpack(acc[s][0], sc.capital[s])
			g.unpack(acc[s][1], sc.low[s])
		}
	}
}

// add8 adds the packed row x to a: eight adds written out, no loop.
func add8(a, x *[rowWords]uint64) {
	a[0] += x[0]
	a[1] += x[1]
	a[2] += x[2]
	a[3] += x[3]
	a[4] += x[4]
	a[5] += x[5]
	a[6] += x[6]
	a[7] += x[7]
}

// sum returns the score vector Decide judges script s by: lower-case words
// alone when there are enough of them, else all words.
func (sc *Scores) sum(s Script) []int32 {
	if sc.lower[s] >= minLower {
		return sc.low[s]
	}
	out := make([]int32, len(sc.low[s]))
	for l := range out {
		out[l] = sc.low[s][l] + sc.capital[s][l]
	}
	return out
}

// Add pools the evidence of o into sc: the scores of a document are the
// sums of its paragraphs'.
func (sc *Scores) Add(o *Scores) {
	for s := range sc.letters {
		sc.letters[s] += o.letters[s]
		sc.lower[s] += o.lower[s]
		for l := range sc.low[s] {
			sc.capital[s][l] += o.capital[s][l]
			sc.low[s][l] += o.low[s][l]
		}
	}
}

// Decide picks the dominant script of a text and, for a script with a
// trigram table, the language with the highest posterior. Han, kana and
// Hangul are weighed together as one block, since Japanese mixes kanji and
// kana and Korean may carry a few Hanja; within it Hangul means Korean,
// 5% or more kana means Japanese, and Han alone means Chinese.
func (m *Model) Decide(sc *Scores) Guess {
	letters := sc.letters
	best, bestW, total := None, 0, 0
	for s := Latin; s < Hangul; s++ {
		total += letters[s]
		if letters[s] > bestW {
			best, bestW = s, letters[s]
		}
	}
	cjk := (letters[Hangul] + letters[Kana] + letters[Han]) * cjkWeight
	total += cjk
	if cjk > bestW {
		bestW = cjk
		switch {
		case letters[Hangul] >= letters[Kana] && letters[Hangul]*2 >= letters[Han]:
			best = Hangul
		case letters[Kana]*20 >= letters[Kana]+letters[Han]:
			best = Kana
		default:
			best = Han
		}
	}
	if best == None || bestW < MinLetters {
		return Guess{Code: Undetermined, Letters: total}
	}
	share := float64(bestW) / float64(total)
	if code := scriptLanguage[best]; code != "" {
		return Guess{Code: code, Confidence: round(share), Letters: total, Sure: true, posterior: 1}
	}
	g := m.groups[best]
	if g == nil {
		return Guess{Code: Undetermined, Letters: total}
	}
	l, p := posterior(sc.sum(best), g.step/m.temperature)
	sure := sc.lower[best] >= MinSureTrigrams
	return Guess{Code: g.langs[l], Confidence: round(p * share), Letters: total, Sure: sure, posterior: p}
}

// posterior returns the best language of a score vector and its softmax
// probability at scale (nats per level over the temperature).
func posterior(sum []int32, scale float64) (int, float64) {
	best := 0
	for l, s := range sum {
		if s > sum[best] {
			best = l
		}
	}
	z := 0.0
	for _, s := range sum {
		if x := float64(s-sum[best]) * scale; x > -40 { // e^-40 adds nothing to z ≥ 1
			z += math.Exp(x)
		}
	}
	return best, 1 / z
}

func round(x float64) float64 { return math.Round(x*1000) / 1000 }

// Name returns the English name of a language code lang can give, or the
// code itself for any other.
func Name(code string) string {
	if n, ok := names[code]; ok {
		return n
	}
	return code
}

var names = map[string]string{
	"en": "English", "de": "German", "fr": "French", "es": "Spanish", "it": "Italian",
	"pt": "Portuguese", "nl": "Dutch", "ru": "Russian", "ar": "Arabic", "zh": "Chinese",
	"ja": "Japanese", "ko": "Korean", "el": "Greek", "he": "Hebrew", "hi": "Hindi", "th": "Thai",
	"pl": "Polish", "cs": "Czech", "sk": "Slovak", "sv": "Swedish", "da": "Danish",
	"nb": "Norwegian", "fi": "Finnish", "tr": "Turkish", "ro": "Romanian", "hu": "Hungarian",
	"id": "Indonesian", "ca": "Catalan", "hr": "Croatian", "vi": "Vietnamese", "uk": "Ukrainian",
	"bg": "Bulgarian", "fa": "Persian", "ur": "Urdu", "af": "Afrikaans", "sl": "Slovenian",
	"et": "Estonian", "lt": "Lithuanian", "lv": "Latvian",
}

// Languages lists the codes the model can give, script-decided ones
// included, in the model's order.
func (m *Model) Languages() []string {
	var out []string
	for s, g := range m.groups {
		if g != nil {
			out = append(out, g.langs...)
		} else if c := scriptLanguage[s]; c != "" {
			out = append(out, c)
		}
	}
	return out
}

package entity

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/lede-news/lede/internal/arena"
)

// The tagger labels tokens with BILOU tags (Begin, Inside, Last, Unit,
// Outside) over the four CoNLL types: label 0 is O and type t (0 PER, 1 LOC,
// 2 ORG, 3 MISC, the order of doc.EntityType) has labels 1+4t..4+4t for
// B, I, L, U. BILOU beats BIO by about a point for linear models (Ratinov &
// Roth 2009) because "last token of a name" is a decision of its own.
const (
	numTypes  = 4
	numLabels = 1 + 4*numTypes
)

const (
	posB = iota
	posI
	posL
	posU
)

func label(typ, pos int) int { return 1 + 4*typ + pos }
func labelType(l int) int    { return (l - 1) / 4 }
func labelPos(l int) int     { return (l - 1) % 4 }

// TypeNames are the CoNLL names of the entity types, in label order.
var TypeNames = [numTypes]string{"PER", "LOC", "ORG", "MISC"}

// allowedTable caches allowed for prev in -1..numLabels-1 (index prev+1).
var allowedTable = buildAllowedTable()

// buildAllowedTable builds allowedTable. Not inlined: inlined, its loop would be
// charged the package's whole init (docs/architecture.md, "Start-up in
// wasm").
//
//go:noinline
func buildAllowedTable() (t [numLabels + 1][numLabels]bool) {
	for p := -1; p < numLabels; p++ {
		for n := range numLabels {
			t[p+1][n] = allowedRule(p, n)
		}
	}
	return t
}

// allowed reports whether label next may follow label prev (prev < 0 is the
// sentence start) in a well-formed BILOU sequence.
func allowed(prev, next int) bool { return allowedTable[prev+1][next] }

func allowedRule(prev, next int) bool {
	open := prev > 0 && (labelPos(prev) == posB || labelPos(prev) == posI)
	if open {
		return next > 0 && labelType(next) == labelType(prev) && (labelPos(next) == posI || labelPos(next) == posL)
	}
	return next == 0 || labelPos(next) == posB || labelPos(next) == posU
}

// Feature templates. Each feature is the FNV-1a hash of its template number
// and its string parts, folded to 32 bits, so features cost no strings.
const (
	fBias byte = iota + 1
	fW0
	fWm1
	fWp1
	fWm2
	fWp2
	fWm1W0
	fW0Wp1
	fShape0
	fShapem1
	fShapep1
	fShapem1S0
	fShape0p1
	fPre
	fSuf
	fFlags
	fCaps // sentence in capitals x shape
	fCl0
	fClm1
	fClp1
	fCap0
	fCapm1
	fCapp1
	fGaz0
	fGazm1
	fGazp1
	fGazW0
	fFirstShape
	fW0Shapem1
	fLen
	fPart
	// history features, added while decoding
	fT1
	fT1W0
	fT1Shape0
	fT1Wp1
	// added later: new templates go last so that old numbers keep their hashes
	fRunLast  // unused (the run's last word: tried, cost 0.15 F1 on dev); kept so the numbers below keep their hashes
	fRunHead  // that last word is an organisation head ("Cooperation", "Bank")
	fRunFirst // name-part and gazetteer bits of the run's first word
	fPartCtx  // name-part bits of the previous and next words
	fDocLabel // the label the word form was given most often earlier in the document (dochist.go)
	fDocTypes // the set of types it was given there
	fCtxL     // the word before another mention of the word form in the document (ctxagg.go)
	fCtxR     // the word after another mention
	fCtxN     // how often the document writes the word form
	fCtxLC    // the fine cluster of the word before another mention
	fCtxRC    // the fine cluster of the word after another mention
)

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

type hash uint64

func newHash(tmpl byte) hash { return (fnvOffset ^ hash(tmpl)) * fnvPrime }

func (h hash) str(s string) hash {
	for i := 0; i < len(s); i++ {
		h = (h ^ hash(s[i])) * fnvPrime
	}
	return (h ^ 0xff) * fnvPrime // separator, so ("ab","c") != ("a","bc")
}

func (h hash) num(n int) hash { return (h ^ hash(n&0xffff) ^ 0x5a00) * fnvPrime }

func (h hash) key() uint32 {
	k := uint32(h ^ h>>32)
	if k == 0 {
		k = 1 // 0 marks an empty slot in the weight table
	}
	return k
}

// tokInfo is what the features need to know about one token, computed once.
type tokInfo struct {
	lower   string // lower case, digits folded to 0, typographic marks folded to ASCII
	shape   string // "Xx", "X.X.", "d,d", "x-Xx"...
	cl1     uint16 // coarse word cluster + 1 (0: unknown word)
	cl2     uint16 // fine word cluster + 1
	capr    uint8  // how often the word is capitalised inside sentences, bucketed; 0 unknown
	gaz     [numTypes]uint8
	part    uint8 // types of longer names this word is part of, a bit each
	whole   uint8 // types of names this word alone is in the gazetteer, a bit each (lookUp, for markGazetteer)
	upper   bool  // starts with an upper-case letter
	allCaps bool  // letters, all upper case
	capd    bool  // isCapitalised: an upper-case letter or a digit first (markGazetteer)
	cased   uint8 // caseBits, for sentenceCase
	sid     uint8 // shapeID of shape
	// the capitalised run of tokens [runStart, runEnd) that holds this
	// token; runEnd == runStart when the token is not capitalised
	runStart, runEnd int32
}

// orgHeads are words that end organisation names: a capitalised run ending
// in one is most likely an organisation whatever its first words are
// ("Asia-Pacific Economic Cooperation", "Korea Development Bank"). The model
// learns how much to trust this from the training names.
var orgHeads = buildHeads(`cooperation organization organisation association council union
		agency bank group inc inc. corp corp. corporation co co. company companies ltd ltd. plc llc ag sa nv gmbh
		committee commission ministry department office bureau authority board fund foundation institute
		institution university college school academy party federation league alliance club society
		trust bancorp holdings industries airlines airways motors systems technologies communications
		partners network press news times post journal service services exchange forum assembly
		parliament congress senate court police army navy force forces command center centre`)

// buildHeads builds a set of the words in words. Not inlined: inlined, its
// loop would be charged the package's whole init (docs/architecture.md,
// "Start-up in wasm").
//
//go:noinline
func buildHeads(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// markRuns sets each token's capitalised run: a maximal sequence of tokens
// that start with a capital letter.
func markRuns(toks []tokInfo) {
	for i := 0; i < len(toks); {
		if !toks[i].upper {
			toks[i].runStart, toks[i].runEnd = int32(i), int32(i)
			i++
			continue
		}
		j := i
		for j < len(toks) && toks[j].upper {
			j++
		}
		for k := i; k < j; k++ {
			toks[k].runStart, toks[k].runEnd = int32(i), int32(j)
		}
		i = j
	}
}

// foldRune maps typographic quotes and dashes to the ASCII marks the CoNLL
// text uses, so "Trump’s" and "Trump's" look alike.
func foldRune(r rune) rune {
	switch r {
	case '’', '‘', '`', '´':
		return '\''
	case '“', '”', '„', '«', '»':
		return '"'
	case '–', '—', '―', '−':
		return '-'
	}
	return r
}

// normalize returns the lower-cased, digit-folded form of a token.
func normalize(s string, buf []byte) (string, []byte) {
	buf = foldInto(buf, s)
	if string(buf) == s {
		return s, buf
	}
	return string(buf), buf
}

// normalizeIn is normalize with the new string, when one is needed, carved
// from a: a document's folded words cost a few allocations, not one each.
func normalizeIn(s string, buf []byte, a *arena.Strings) (string, []byte) {
	if foldsToItself(s) {
		return s, buf // most words: nothing to write or compare
	}
	buf = foldInto(buf, s)
	if string(buf) == s {
		return s, buf
	}
	if a == nil {
		return string(buf), buf
	}
	return a.String(buf), buf
}

// foldsToItself reports whether foldInto(s) is s: s is ASCII with no
// capital (so no acronym either) and no digit.
func foldsToItself(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' {
			return false
		}
	}
	return true
}

// foldInto writes the lower-cased, digit-folded form of a token into buf,
// from its start, and returns it.
func foldInto(buf []byte, s string) []byte {
	buf = buf[:0]
	ascii := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			ascii = false
			break
		}
		switch {
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		case c >= '0' && c <= '9':
			c = '0'
		}
		buf = append(buf, c)
	}
	if !ascii {
		buf = buf[:0]
		for _, r := range s {
			r = foldRune(unicode.ToLower(r))
			if r >= '0' && r <= '9' {
				r = '0'
			}
			buf = utf8.AppendRune(buf, r)
		}
	}
	if isAcronym(s) {
		// "UN", "US", "WHO" are not "un", "us", "who": short all-capital
		// words keep a mark of their case
		buf = append(buf, 0)
		copy(buf[1:], buf[:len(buf)-1])
		buf[0] = '^'
	}
	return buf
}

// isAcronym reports whether s is a short word of two to four letters, all
// capitals ("UN", "U.S.", "NATO").
func isAcronym(s string) bool {
	letters := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'A' && c <= 'Z':
			letters++
		case c == '.' || c == '&':
		default:
			return false
		}
	}
	return letters >= 2 && letters <= 4
}

// wordShape maps letters to X/x, digits to d and keeps other marks, with runs
// of the same class collapsed: "McDonald" -> "XxXx", "U.S." -> "X.X.".
// The shape is written into an array of its eight bytes at most, not
// appended to a buffer (a capacity test a byte).
func wordShape(s string) string {
	var sb [8]byte
	n := 0
	var last byte
	for i := 0; i < len(s); {
		// an ASCII byte by table (most words are ASCII); other runes
		// decoded, as range would (an invalid byte is utf8.RuneError)
		c := asciiShape[s[i]&(utf8.RuneSelf-1)]
		if s[i] < utf8.RuneSelf {
			i++
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			i += size
			switch {
			case unicode.IsUpper(r):
				c = 'X'
			case unicode.IsLetter(r):
				c = 'x'
			default:
				c = byte(foldRune(r))
				if foldRune(r) == r {
					c = 'o'
				}
			}
		}
		if c != last || (c != 'X' && c != 'x' && c != 'd') {
			sb[n] = c
			if n++; n == len(sb) {
				break
			}
		}
		last = c
	}
	return shapeIntern(sb[:n])
}

// asciiShape is wordShape's class of an ASCII byte: X for a capital, x
// for a lower-case letter, d for a digit, the byte itself otherwise.
var asciiShape = buildASCIIShape()

// buildASCIIShape builds asciiShape. Not inlined: inlined, its loop would be
// charged the package's whole init (docs/architecture.md, "Start-up in
// wasm").
//
//go:noinline
func buildASCIIShape() (t [utf8.RuneSelf]byte) {
	for c := range t {
		switch {
		case c >= 'A' && c <= 'Z':
			t[c] = 'X'
		case c >= 'a' && c <= 'z':
			t[c] = 'x'
		case c >= '0' && c <= '9':
			t[c] = 'd'
		default:
			t[c] = byte(c)
		}
	}
	return t
}

// commonShapes are the shapes most words have (those shapeIntern keeps):
// the tagger finds their shape classes by shapeID in a table, not by the
// class's key in an index.
var commonShapes = [...]string{"Xx", "x", "X", "d", ",", ".", "X.X."}

// shapeID returns 1 + the index of shape in commonShapes, or 0
// (TestShapeID).
func shapeID(shape string) uint8 {
	switch shape {
	case "Xx":
		return 1
	case "x":
		return 2
	case "X":
		return 3
	case "d":
		return 4
	case ",":
		return 5
	case ".":
		return 6
	case "X.X.":
		return 7
	}
	return 0
}

// shapeIntern avoids allocating the common shapes.
func shapeIntern(b []byte) string {
	switch string(b) {
	case "Xx":
		return "Xx"
	case "x":
		return "x"
	case "X":
		return "X"
	case "d":
		return "d"
	case ",":
		return ","
	case ".":
		return "."
	case "X.X.":
		return "X.X."
	}
	return string(b)
}

// caseOf reports whether s starts with an upper-case letter, and whether it
// has letters, all of them upper case ("UN", "U.S.", "JAPAN").
func caseOf(s string) (upper, allCaps bool) {
	// ASCII words, most of them, without decoding runes: the same answer
	// as caseOfRunes
	letters := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= utf8.RuneSelf:
			return caseOfRunes(s)
		case 'a' <= c && c <= 'z':
			return 'A' <= s[0] && s[0] <= 'Z', false
		case 'A' <= c && c <= 'Z':
			letters++
		}
	}
	return s != "" && 'A' <= s[0] && s[0] <= 'Z', letters > 0
}

// caseOfRunes reports whether s starts with an upper-case letter, and
// whether it has letters, all of them upper case.
func caseOfRunes(s string) (upper, allCaps bool) {
	r, _ := utf8.DecodeRuneInString(s)
	upper = unicode.IsUpper(r)
	letters := 0
	allCaps = true
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters++
			if !unicode.IsUpper(r) {
				allCaps = false
				break
			}
		}
	}
	return upper, allCaps && letters > 0
}

// What sentenceCase counts of a token (tokInfo.cased, set by caseBits once
// per word, not per token and sentence).
const (
	casedCaps  = 1 << iota // all in capitals, more than one byte folded
	casedWord              // its shape starts with a letter
	casedUpper             // a word with a capital
)

// caseBits returns the cased bits of a word of folded form lower, shape
// shape and capitals allCaps.
func caseBits(lower, shape string, allCaps bool) (b uint8) {
	if allCaps && len(lower) > 1 {
		b |= casedCaps
	}
	if shape != "" && (shape[0] == 'x' || shape[0] == 'X') {
		b |= casedWord
		for i := 0; i < len(shape); i++ { // a few bytes: no call to IndexByte
			if shape[i] == 'X' {
				b |= casedUpper
				break
			}
		}
	}
	return b
}

// The case a sentence is written in: as usual, in capitals (a headline,
// "GERMANY BEAT RUSSIA") or all in lower case (text typed without
// capitals). In the last two case says nothing about names; the features
// that look at case are conjoined with it.
const (
	caseNormal = iota
	caseCaps
	caseLower
)

// sentenceCase returns the case a sentence is written in, from each
// token's caseBits.
func sentenceCase(toks []tokInfo) int {
	lower, caps, words, upper := 0, 0, 0, 0
	for i := range toks {
		b := toks[i].cased
		switch {
		case b&casedCaps != 0:
			caps++
		case b&casedWord != 0:
			lower++
		}
		if b&casedWord != 0 {
			words++
			if b&casedUpper != 0 {
				upper++
			}
		}
	}
	switch {
	case caps >= 2 && caps > 2*lower:
		return caseCaps
	case words >= 3 && upper == 0:
		return caseLower
	}
	return caseNormal
}

// staticFeatures appends to out the hashed features of token i that do not
// depend on the labels of earlier tokens.
func staticFeatures(toks []tokInfo, i int, sc int, out []uint32) []uint32 {
	return contextFeatures(toks, i, sc, wordFeatures(&toks[i], out))
}

// wordFeatures appends the features of a token that depend on the word
// alone (its folded form and shape, and what the lexicon and gazetteer say
// of that form), so a tagger can cache their scores per word.
func wordFeatures(t *tokInfo, out []uint32) []uint32 {
	out = append(out,
		newHash(fBias).key(),
		newHash(fW0).str(t.lower).key(),
		newHash(fShape0).str(t.shape).key(),
	)
	// prefixes and suffixes of 1..4 characters (bytes of the folded form;
	// cutting inside a multi-byte letter only makes a rarer feature)
	n := len(t.lower)
	for k := 1; k <= 4 && k <= n; k++ {
		out = append(out, newHash(fPre).num(k).str(t.lower[:k]).key(), newHash(fSuf).num(k).str(t.lower[n-k:]).key())
	}
	ln := n
	if ln > 12 {
		ln = 12
	}
	out = append(out, newHash(fLen).num(ln).str(t.shape).key())
	if t.cl1 != 0 {
		out = append(out, newHash(fCl0).num(1).num(int(t.cl1)).key(), newHash(fCl0).num(2).num(int(t.cl2)).key(),
			newHash(fCl0).num(3).num(int(t.cl2)).str(t.shape).key())
	}
	for typ := 0; typ < numTypes; typ++ {
		if t.part&(1<<typ) != 0 {
			out = append(out, newHash(fPart).num(typ).num(b2i(t.upper)).key())
		}
	}
	return out
}

// contextFeatures appends the features of token i that look at its
// neighbours, its place in the sentence or the gazetteer match around it.
func contextFeatures(toks []tokInfo, i int, sc int, out []uint32) []uint32 {
	t := &toks[i]
	word := func(j int) string {
		if j < 0 {
			return "<s>"
		}
		if j >= len(toks) {
			return "</s>"
		}
		return toks[j].lower
	}
	shape := func(j int) string {
		if j < 0 || j >= len(toks) {
			return "_"
		}
		return toks[j].shape
	}
	out = append(out,
		newHash(fWm1).str(word(i-1)).key(),
		newHash(fWp1).str(word(i+1)).key(),
		newHash(fWm2).str(word(i-2)).key(),
		newHash(fWp2).str(word(i+2)).key(),
		newHash(fWm1W0).str(word(i-1)).str(t.lower).key(),
		newHash(fW0Wp1).str(t.lower).str(word(i+1)).key(),
		newHash(fShapem1).str(shape(i-1)).key(),
		newHash(fShapep1).str(shape(i+1)).key(),
		newHash(fShapem1S0).str(shape(i-1)).str(t.shape).key(),
		newHash(fShape0p1).str(t.shape).str(shape(i+1)).key(),
		newHash(fW0Shapem1).str(t.lower).str(shape(i-1)).key(),
		newHash(fCaps).num(sc).str(t.shape).num(b2i(i == 0)).key(),
		newHash(fFirstShape).num(b2i(i == 0)).str(t.shape).num(int(t.capr)).key(),
	)
	if i > 0 {
		out = append(out, newHash(fClm1).num(int(toks[i-1].cl2)).key(), newHash(fCapm1).num(int(toks[i-1].capr)).str(toks[i-1].shape).key())
	}
	if i+1 < len(toks) {
		out = append(out, newHash(fClp1).num(int(toks[i+1].cl2)).key(), newHash(fCapp1).num(int(toks[i+1].capr)).str(toks[i+1].shape).key())
	}
	out = append(out, newHash(fCap0).num(int(t.capr)).num(b2i(t.upper)).num(b2i(t.allCaps)).num(sc).key())
	return appendRunGazFeatures(toks, i, sc, out)
}

// histBase holds the hashes of token i's history features before the
// previous label is mixed in, so trying all 17 previous labels (Viterbi)
// hashes no string twice.
type histBase [4]hash

func historyBase(toks []tokInfo, i int) histBase {
	t := &toks[i]
	next := "</s>"
	if i+1 < len(toks) {
		next = toks[i+1].lower
	}
	return histBase{newHash(fT1), newHash(fT1W0).str(t.lower), newHash(fT1Shape0).str(t.shape), newHash(fT1Wp1).str(next)}
}

// history returns the features of a token that depend on the label p1 of
// the token before it (startLabel at the start of the sentence).
func (b *histBase) history(p1 int) [4]uint32 {
	return [4]uint32{b[0].num(p1).key(), b[1].num(p1).key(), b[2].num(p1).key(), b[3].num(p1).key()}
}

// transitionKey is the key of history feature 0, the label bigram, which
// does not depend on the token: models cache its rows as a matrix.
func transitionKey(p1 int) uint32 { return newHash(fT1).num(p1).key() }

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// isCapitalised reports whether s starts with an upper-case letter or a digit.
// Small enough to be inlined (the resolver asks it of most tokens: a call
// each, which in wasm passes its arguments through memory); a first rune
// that is not ASCII is isCapitalisedRune's.
func isCapitalised(s string) bool {
	if s != "" && s[0] < utf8.RuneSelf { // most tokens: no rune to decode
		return capOrDigit[s[0]]
	}
	return isCapitalisedRune(s)
}

// isCapitalisedRune is isCapitalised for s empty or not starting in ASCII.
func isCapitalisedRune(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || unicode.IsDigit(r)
}

// gazKey is the hash of a lower-cased token sequence, the gazetteer's key.
func gazKey(words []string) uint64 {
	h := newHash(0)
	for _, w := range words {
		h = h.str(w)
	}
	return uint64(h)
}

// maxGazLen is the longest gazetteer entry in tokens.
const maxGazLen = 6

// AddGaz adds the name made of words, of type typ (0 PER, 1 LOC, 2 ORG,
// 3 MISC), to a gazetteer. Names longer than the matcher looks are skipped.
func AddGaz(gaz map[uint64]uint8, words []string, typ int) {
	if len(words) == 0 || len(words) > maxGazLen || typ < 0 || typ >= numTypes {
		return
	}
	var buf []byte
	low := make([]string, len(words))
	for i, w := range words {
		low[i], buf = normalize(w, buf)
	}
	gaz[gazKey(low)] |= 1 << typ
	if len(low) > 1 {
		// each capitalised word of a longer name is a "part of a name of
		// this type" (bits 4-7): "Kim" of "Kim Young-sam"
		for i := range low {
			if isCapitalised(words[i]) {
				gaz[gazKey(low[i:i+1])] |= 1 << (4 + typ)
			}
		}
	}
}

// Fold is the form under which the lexicon and gazetteer know a word: lower
// case, digits as 0, typographic quotes and dashes as ASCII.
func Fold(word string) string {
	s, _ := normalize(word, nil)
	return s
}

// AddGazPart marks word as part of longer names of type typ ("Kim" is a
// part of people's names), as AddGaz does for each word of a longer name.
func AddGazPart(gaz map[uint64]uint8, word string, typ int) {
	if typ < 0 || typ >= numTypes {
		return
	}
	low, _ := normalize(word, nil)
	gaz[gazKey([]string{low})] |= 1 << (4 + typ)
}

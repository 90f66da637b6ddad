package entity

import (
	"strings"
	"unicode"
	"unicode/utf8"
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

// allowed reports whether label next may follow label prev (prev < 0 is the
// sentence start) in a well-formed BILOU sequence.
func allowed(prev, next int) bool {
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
	// history features, added while decoding
	fT1
	fT2T1
	fT1W0
	fT1Shape0
	fT1Wp1
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
	upper   bool // starts with an upper-case letter
	allCaps bool // letters, all upper case
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
	if string(buf) == s {
		return s, buf
	}
	return string(buf), buf
}

// wordShape maps letters to X/x, digits to d and keeps other marks, with runs
// of the same class collapsed: "McDonald" -> "XxXx", "U.S." -> "X.X.".
func wordShape(s string, buf []byte) (string, []byte) {
	buf = buf[:0]
	var last byte
	for _, r := range s {
		var c byte
		switch {
		case r < utf8.RuneSelf && r >= 'A' && r <= 'Z':
			c = 'X'
		case r < utf8.RuneSelf && r >= 'a' && r <= 'z':
			c = 'x'
		case r >= '0' && r <= '9':
			c = 'd'
		case r < utf8.RuneSelf:
			c = byte(r)
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
		if c != last || (c != 'X' && c != 'x' && c != 'd') {
			buf = append(buf, c)
		}
		last = c
		if len(buf) >= 8 {
			break
		}
	}
	return shapeIntern(buf), buf
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

func caseOf(s string) (upper, allCaps bool) {
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

// sentenceInCaps reports whether a sentence is a headline set in capitals
// ("GERMANY BEAT RUSSIA"), where case says nothing about names.
func sentenceInCaps(toks []tokInfo) bool {
	lower, caps := 0, 0
	for i := range toks {
		switch {
		case toks[i].allCaps && len(toks[i].lower) > 1:
			caps++
		case toks[i].shape != "" && (toks[i].shape[0] == 'x' || toks[i].shape[0] == 'X'):
			lower++
		}
	}
	return caps >= 2 && caps > 2*lower
}

// staticFeatures appends to out the hashed features of token i that do not
// depend on the labels of earlier tokens.
func staticFeatures(toks []tokInfo, i int, caps bool, out []uint32) []uint32 {
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
		newHash(fBias).key(),
		newHash(fW0).str(t.lower).key(),
		newHash(fWm1).str(word(i-1)).key(),
		newHash(fWp1).str(word(i+1)).key(),
		newHash(fWm2).str(word(i-2)).key(),
		newHash(fWp2).str(word(i+2)).key(),
		newHash(fWm1W0).str(word(i-1)).str(t.lower).key(),
		newHash(fW0Wp1).str(t.lower).str(word(i+1)).key(),
		newHash(fShape0).str(t.shape).key(),
		newHash(fShapem1).str(shape(i-1)).key(),
		newHash(fShapep1).str(shape(i+1)).key(),
		newHash(fShapem1S0).str(shape(i-1)).str(t.shape).key(),
		newHash(fShape0p1).str(t.shape).str(shape(i+1)).key(),
		newHash(fW0Shapem1).str(t.lower).str(shape(i-1)).key(),
		newHash(fCaps).num(b2i(caps)).str(t.shape).num(b2i(i == 0)).key(),
		newHash(fFirstShape).num(b2i(i == 0)).str(t.shape).num(int(t.capr)).key(),
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
	if i > 0 {
		out = append(out, newHash(fClm1).num(int(toks[i-1].cl2)).key(), newHash(fCapm1).num(int(toks[i-1].capr)).str(toks[i-1].shape).key())
	}
	if i+1 < len(toks) {
		out = append(out, newHash(fClp1).num(int(toks[i+1].cl2)).key(), newHash(fCapp1).num(int(toks[i+1].capr)).str(toks[i+1].shape).key())
	}
	out = append(out, newHash(fCap0).num(int(t.capr)).num(b2i(t.upper)).num(b2i(t.allCaps)).num(b2i(caps)).key())
	for typ := 0; typ < numTypes; typ++ {
		if g := t.gaz[typ]; g != 0 {
			out = append(out, newHash(fGaz0).num(typ).num(int(g)).key(), newHash(fGazW0).num(typ).num(int(g)).str(t.shape).key())
		}
		if i > 0 && toks[i-1].gaz[typ] != 0 {
			out = append(out, newHash(fGazm1).num(typ).num(int(toks[i-1].gaz[typ])).key())
		}
		if i+1 < len(toks) && toks[i+1].gaz[typ] != 0 {
			out = append(out, newHash(fGazp1).num(typ).num(int(toks[i+1].gaz[typ])).key())
		}
	}
	return out
}

// historyFeatures appends the features of token i that depend on the labels
// already given to the two tokens before it.
func historyFeatures(toks []tokInfo, i int, p1, p2 int, out []uint32) []uint32 {
	t := &toks[i]
	next := "</s>"
	if i+1 < len(toks) {
		next = toks[i+1].lower
	}
	return append(out,
		newHash(fT1).num(p1).key(),
		newHash(fT2T1).num(p2).num(p1).key(),
		newHash(fT1W0).num(p1).str(t.lower).key(),
		newHash(fT1Shape0).num(p1).str(t.shape).key(),
		newHash(fT1Wp1).num(p1).str(next).key(),
	)
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// isCapitalised reports whether s starts with an upper-case letter or a digit.
func isCapitalised(s string) bool {
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

// splitGazEntry tokenises a gazetteer entry the way token text is folded.
func splitGazEntry(s string) []string {
	var buf []byte
	f := strings.Fields(s)
	for i := range f {
		f[i], buf = normalize(f[i], buf)
	}
	return f
}

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
}

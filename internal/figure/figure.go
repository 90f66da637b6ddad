// Package figure finds the figures of an article — money, percentages,
// counts and measures, dates, clock times and ordinals — with their value,
// unit and the phrase they measure ("$350 billion investment pledge":
// money, 3.5e11 USD, about "investment pledge").
//
// It reads the tokens package segment made, one sentence at a time, and
// decides with word lists and a few token patterns; there are no regular
// expressions and nothing is allocated per token. A token that mixes digits
// and letters ("72-year", "€2bn", "3pm", "COVID-19") is split into runs of
// digits, letters and single marks ("pieces") so that every rule sees the
// same shapes whatever the tokenizer kept together. docs/figures.md lists
// what is recognised and how values are normalised.
package figure

import (
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/lede-news/lede/internal/doc"
)

// piece is a token, or a run of digits, letters or one mark inside a token.
type piece struct {
	start, end int
	kind       doc.Kind
	ref        int32 // a token's Ref: the piece's text is Document.Decoded[ref-1]
	tag        string
}

// maxNumberLen bounds the digits read as one number; longer runs (IDs,
// junk) are not figures.
const maxNumberLen = 24

// Annotate sets d.Figures from d.Sentences and d.Tokens. Dates named
// relative to the article ("Wednesday", "yesterday") are resolved against
// d.Published when it holds an ISO date, and kept unresolved otherwise.
func Annotate(d *doc.Document) {
	s := scanner{text: d.Text, dec: d.Decoded, fromHTML: d.FromHTML}
	s.pub, s.hasPub = parsePublished(d.Published)
	for _, sent := range d.Sentences {
		if sent.First < 0 || sent.Last > len(d.Tokens) || sent.First >= sent.Last {
			continue
		}
		s.p = s.pieces(d.Tokens[sent.First:sent.Last], s.p[:0])
		s.future = -1
		s.floor = -1
		for i := 0; i < len(s.p); {
			if n := s.match(i); n > 0 {
				i += n
			} else {
				i++
			}
		}
	}
	d.Figures = s.out
}

// ReadsTags reports whether Annotate may read the part-of-speech tags of
// sentence sent; where it is false, the tags change no figure, and the
// engine does not tag the sentence unless another pass reads it
// (engine.tagRead). Only a figure's about-phrase reads tags (about.go), and
// only for the figures match finds through number, money, vague or an
// ordinal word: each begins at a number (a Number piece or a number word:
// money's currency prefix, code or symbol and a minus sign read one right
// after them), a vague count or an ordinal word outside a name (inName). A
// sentence without any has at most dates, which read no tag.
// TestReadsTags and TestReadsTagsEveryStartWord (every word of the lists)
// hold the figures of such sentences to be the same whatever their tags.
func ReadsTags(d *doc.Document, sent doc.Sentence) bool {
	if sent.First < 0 || sent.Last > len(d.Tokens) || sent.First >= sent.Last {
		return false // Annotate skips it
	}
	toks := d.Tokens[sent.First:sent.Last]
	for _, t := range toks {
		if t.Start < 0 || t.End > len(d.Text) || t.Start >= t.End {
			return true // pieces skips it: not worth following
		}
		if !whole(t, d.Text) || t.Kind == doc.Number {
			return true // its pieces may hold a Number, or it is one
		}
	}
	// no digits: each token is one piece of the token's kind
	isCap := func(k int) bool {
		return k >= 0 && k < len(toks) && toks[k].Kind == doc.Word && unicode.IsUpper(firstRune(d.TokenText(sent.First+k)))
	}
	for k, t := range toks {
		if t.Kind != doc.Word {
			continue
		}
		switch countWord(d.TokenText(sent.First + k)) {
		case aNumber:
			return true
		case anOrdinal:
			if !(isCap(k) && k > 0 && (isCap(k-1) || isCap(k+1))) { // inName
				return true
			}
		}
	}
	return false
}

// What countWord finds a word to be.
const (
	notCounting = iota
	aNumber     // a number word or a vague count
	anOrdinal
)

// countWord tells whether word w is a number word or a vague count, an
// ordinal word, or neither: match's Word case reads tags for no other word.
func countWord(w string) int {
	if strings.IndexByte(w, '-') >= 0 {
		if isHyphenNumberWord(w) {
			return aNumber
		}
		if isHyphenOrdinal(w) {
			return anOrdinal
		}
	}
	if !mayStart(w) {
		return notCounting // no start word, and the three lists' words are start words
	}
	var buf [24]byte
	b := lower(buf[:], w) // as lookupF and in read w: none is longer
	if b == nil {
		return notCounting
	}
	if _, ok := numberWords[string(b)]; ok || vagueCounts[string(b)] {
		return aNumber
	}
	if _, ok := ordinalWords[string(b)]; ok {
		return anOrdinal
	}
	return notCounting
}

type scanner struct {
	text string
	dec  []string // Document.Decoded
	// fromHTML is Document.FromHTML: the text holds no reference to read
	fromHTML bool
	p        []piece // the current sentence
	pub      day     // the article's date (when hasPub)
	hasPub   bool
	future   int8 // -1 not yet known, 0 no, 1 the sentence speaks of the future
	// floor is the end offset of the sentence's last figure: phrases read
	// backwards stop there ("from 2 percent to 4 percent" is not about "percent").
	floor int
	out   []doc.Figure
}

func parsePublished(s string) (day, bool) {
	if len(s) < 10 {
		return 0, false
	}
	// time.Parse("2006-01-02", s[:10]) by hand: the parser and its layout
	// tables are code the WebAssembly engine need not carry.
	num := func(a, b int) (int, bool) {
		n := 0
		for i := a; i < b; i++ {
			if s[i] < '0' || s[i] > '9' {
				return 0, false
			}
			n = n*10 + int(s[i]-'0')
		}
		return n, true
	}
	y, okY := num(0, 4)
	m, okM := num(5, 7)
	d, okD := num(8, 10)
	if !okY || !okM || !okD || s[4] != '-' || s[7] != '-' || m < 1 || m > 12 || d < 1 || d > daysIn(y, m) {
		return 0, false
	}
	return dayOf(y, m, d), true
}

// pieces appends the pieces of toks to out.
func (s *scanner) pieces(toks []doc.Token, out []piece) []piece {
	for _, t := range toks {
		if t.Start < 0 || t.End > len(s.text) || t.Start >= t.End {
			continue
		}
		if whole(t, s.text) {
			out = append(out, piece{t.Start, t.End, t.Kind, t.Ref, t.Tag})
			continue
		}
		for i := t.Start; i < t.End; {
			c := s.text[i]
			j := i + 1
			kind := doc.Symbol
			switch {
			case isDigit(c):
				for j < t.End {
					if isDigit(s.text[j]) {
						j++
					} else if (s.text[j] == ',' || s.text[j] == '.') && j+1 < t.End && isDigit(s.text[j+1]) {
						j += 2
					} else {
						break
					}
				}
				kind = doc.Number
			case c < utf8.RuneSelf && isASCIILetter(c) || c >= utf8.RuneSelf && unicode.IsLetter(firstRune(s.text[i:t.End])):
				_, n := utf8.DecodeRuneInString(s.text[i:t.End])
				j = i + n
				dot := false
				for j < t.End {
					r, n := utf8.DecodeRuneInString(s.text[j:t.End])
					if unicode.IsLetter(r) {
						j += n
					} else if r == '.' && (j+1 < t.End && isASCIILetter(s.text[j+1]) || dot) {
						dot = true
						j++
					} else {
						break
					}
				}
				kind = doc.Word
			default:
				r, n := utf8.DecodeRuneInString(s.text[i:t.End])
				j = i + n
				if isMark(r) {
					kind = doc.Punct
				}
			}
			out = append(out, piece{i, j, kind, 0, t.Tag})
			i = j
		}
	}
	return out
}

func hasDigit(w string) bool {
	for i := 0; i < len(w); i++ {
		if isDigit(w[i]) {
			return true
		}
	}
	return false
}

func firstRune(s string) rune { r, _ := utf8.DecodeRuneInString(s); return r }

func isDigit(c byte) bool       { return '0' <= c && c <= '9' }
func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

func isMark(r rune) bool {
	switch r {
	case '.', ',', ';', ':', '!', '?', '\'', '"', '(', ')', '[', ']', '-', '/', '‘', '’', '“', '”',
		'‐', '‑', '–', '—', '…':
		return true
	}
	return false
}

// whole reports whether token t is one piece of its own kind (pieces),
// not split at its digits: it holds no digit, or a character reference
// ("&#xa3;" is a pound sign, not a 3), or it is a link (its "?id=12" is an
// address, not a count). ReadsTags reads tokens by the same rule.
func whole(t doc.Token, text string) bool {
	return t.Ref != 0 || t.Link || !hasDigit(text[t.Start:t.End])
}

// t is the text of piece k.
func (s *scanner) t(k int) string {
	p := &s.p[k]
	if p.ref != 0 {
		return s.dec[p.ref-1]
	}
	return s.text[p.start:p.end]
}

// glued reports whether piece k touches the piece before it.
func (s *scanner) glued(k int) bool { return k > 0 && k < len(s.p) && s.p[k-1].end == s.p[k].start }

func (s *scanner) isWord(k int) bool { return k >= 0 && k < len(s.p) && s.p[k].kind == doc.Word }
func (s *scanner) isNum(k int) bool  { return k >= 0 && k < len(s.p) && s.p[k].kind == doc.Number }

// is reports whether piece k is exactly the mark or word w (ASCII case-insensitive).
func (s *scanner) is(k int, w string) bool {
	if k < 0 || k >= len(s.p) {
		return false
	}
	x := s.t(k)
	if len(x) != len(w) {
		return false
	}
	for i := 0; i < len(x); i++ {
		a, b := x[i], w[i]
		if 'A' <= a && a <= 'Z' {
			a += 'a' - 'A'
		}
		if a != b {
			return false
		}
	}
	return true
}

func (s *scanner) in(k int, m map[string]bool) bool {
	return k >= 0 && k < len(s.p) && s.p[k].kind == doc.Word && in(m, s.t(k))
}

func (s *scanner) isCap(k int) bool {
	return s.isWord(k) && unicode.IsUpper(firstRune(s.t(k)))
}

// minusAt reports whether piece k is a minus sign glued to the number after it.
func (s *scanner) minusAt(k int) bool {
	return k >= 0 && (s.is(k, "-") || s.is(k, "−")) && s.isNum(k+1) && s.glued(k+1) && !s.glued(k)
}

// isHyphen reports a hyphen proper ("72-year"), not a dash ("2026—more").
func (s *scanner) isHyphen(k int) bool {
	if k < 0 || k >= len(s.p) || s.p[k].kind != doc.Punct {
		return false
	}
	switch s.t(k) {
	case "-", "‐", "‑":
		return true
	}
	return false
}

// inName reports whether the capitalised word at i stands inside a name:
// "America First", "the First Amendment". A capitalised first word of a
// sentence is not judged.
func (s *scanner) inName(i int) bool {
	return s.isCap(i) && i > 0 && (s.isCap(i-1) || s.isCap(i+1))
}

func (s *scanner) isDash(k int) bool {
	if k < 0 || k >= len(s.p) || s.p[k].kind != doc.Punct {
		return false
	}
	switch s.t(k) {
	case "-", "–", "—", "‐", "‑":
		return true
	}
	return false
}

// emit records a figure over pieces [a, b).
//
// It is not inlined: number alone calls it at twelve places, and each inlined
// copy of the append (its growth path and the Figure's fields) made number a
// 29.5 KB wasm function, which V8's optimising compiler (TurboFan) recompiles
// on a first analysis in about 22 MB of zone memory; out of line, number is
// 18.3 KB. A figure is emitted a few dozen times an analysis, so the call costs
// next to nothing (docs/speed-log.md, "TurboFan's share, thirteenth round").
//
//go:noinline
func (s *scanner) emit(a, b int, kind doc.FigureKind, v *float64, unit, about string) {
	s.floor = s.p[b-1].end
	s.out = append(s.out, doc.Figure{Span: doc.Span{Start: s.p[a].start, End: s.p[b-1].end},
		Kind: kind, Value: v, Unit: unit, About: about})
}

func val(x float64) *float64 {
	if math.IsInf(x, 0) || math.IsNaN(x) {
		return nil
	}
	return &x
}

// match tries every figure that can start at piece i and returns how many
// pieces it consumed (0: none starts here).
func (s *scanner) match(i int) int {
	switch s.p[i].kind { // the piece's kind alone, not a copy of the piece
	case doc.Word:
		// mayStart, inlined, rules most words out before isStartWord's call
		if w := s.t(i); !(mayStart(trimDot(w)) && isStartWord(trimDot(w))) && (strings.IndexByte(w, '-') < 0 || !isHyphenNumberWord(w) && !isHyphenOrdinal(w)) {
			return 0 // most words: no map lookup (the hyphenated forms need a hyphen)
		}
		if n := s.date(i); n > 0 {
			return n
		}
		w := s.t(i)
		// "US$5", "HK$10"
		if code, ok := lookupS(dollarPrefixes, w); ok && s.is(i+1, "$") && s.glued(i+1) && s.startsNumber(i+2) {
			return s.money(i, i+2, code)
		}
		// "USD 5 million", "Rs 500"
		if code, ok := lookupS(currencyCodes, w); ok && (isAllUpper(w) || w == "Rs" || w == "Rs.") && s.startsNumber(i+1) && !s.glued(i+1) {
			return s.money(i, i+1, code)
		}
		if _, ok := lookupF(numberWords, w); ok || isHyphenNumberWord(w) {
			return s.number(i)
		}
		if in(vagueCounts, w) && s.is(i+1, "of") {
			return s.vague(i)
		}
		if v, ok := ordinalWord(w); ok && !s.inName(i) {
			// "second" after a number is a unit, handled there; "seconds" never gets here.
			a, b := s.forwardNP(i+1, true, 2)
			s.emit(i, i+1, doc.Ordinal, val(v), "", s.span(a, b))
			return 1
		}
	case doc.Symbol:
		if code, ok := currencySymbols[s.t(i)]; ok && s.startsNumber(i+1) {
			if s.glued(i) && s.isWord(i-1) {
				return 0 // "XY$5": an unknown prefix
			}
			return s.money(i, i+1, code)
		}
	case doc.Number:
		return s.number(i)
	case doc.Punct:
		// a minus sign: "-5%", "−3.2 degrees"
		if s.minusAt(i) {
			n := len(s.out)
			used := s.number(i + 1)
			if len(s.out) > n {
				f := &s.out[n]
				if f.Value != nil && (f.Kind == doc.Quantity || f.Kind == doc.Percent || f.Kind == doc.Money) {
					*f.Value = -*f.Value
					f.Start = s.p[i].start
				}
			}
			return used + 1
		}
	}
	return 0
}

// startsNumber reports whether a number (digits or a number word) begins at k.
func (s *scanner) startsNumber(k int) bool {
	if s.isNum(k) {
		return true
	}
	if !s.isWord(k) {
		return false
	}
	_, ok := lookupF(numberWords, s.t(k))
	return ok || isHyphenNumberWord(s.t(k))
}

// isHyphenNumberWord reports whether w is "twenty-five" and the like.
func isHyphenNumberWord(w string) bool {
	_, ok := hyphenNumber(w)
	return ok
}

func hyphenNumber(w string) (float64, bool) {
	for i := 0; i < len(w); i++ {
		if w[i] == '-' {
			t, ok1 := lookupF(numberWords, w[:i])
			o, ok2 := lookupF(numberWords, w[i+1:])
			if ok1 && ok2 && t >= 20 && int(t)%10 == 0 && o < 10 {
				return t + o, true
			}
			return 0, false
		}
	}
	return 0, false
}

// ordinalWord reads "third" and "twenty-first".
func ordinalWord(w string) (float64, bool) {
	if v, ok := lookupF(ordinalWords, w); ok {
		return v, true
	}
	for i := 0; i < len(w); i++ {
		if w[i] == '-' {
			t, ok1 := lookupF(numberWords, w[:i])
			o, ok2 := lookupF(ordinalWords, w[i+1:])
			if ok1 && ok2 && t >= 20 && int(t)%10 == 0 && o < 10 {
				return t + o, true
			}
			return 0, false
		}
	}
	return 0, false
}

// num is a parsed number: pieces [start, end) including any scale word.
type num struct {
	start, end int
	v          float64
	ok         bool // v is usable
	word       bool // spelled out ("two")
	plain      bool // digits only, no comma, point or scale ("2026")
	ndigits    int
	scaled     bool
}

// parseNum reads the number at i. money allows the one-letter scales
// ("$5m", "€2b", "10k").
func (s *scanner) parseNum(i int, money bool) (n num, ok bool) {
	n.start = i
	w := s.t(i)
	switch {
	case s.isNum(i):
		if len(w) > maxNumberLen {
			return n, false
		}
		var buf [maxNumberLen]byte
		b := buf[:0]
		plain := true
		for k := 0; k < len(w); k++ {
			if w[k] == ',' {
				plain = false
				continue
			}
			if w[k] == '.' {
				plain = false
			}
			b = append(b, w[k])
			if isDigit(w[k]) {
				n.ndigits++
			}
		}
		v, err := strconv.ParseFloat(string(b), 64)
		n.v, n.ok, n.plain = v, err == nil, plain
	default:
		v, ok := lookupF(numberWords, w)
		if !ok {
			if v, ok = hyphenNumber(w); !ok {
				return n, false
			}
		}
		n.v, n.ok, n.word = v, true, true
	}
	n.end = i + 1
	for k := 0; k < 2; k++ {
		j := n.end
		if !s.isWord(j) {
			break
		}
		sw := s.t(j)
		f, ok := lookupF(scales, sw)
		if !ok && money && s.glued(j) {
			f, ok = lookupF(shortScales, sw)
		}
		if !ok {
			break
		}
		n.v *= f
		n.end, n.scaled, n.plain = j+1, true, false
	}
	return n, true
}

// money reads a money figure whose currency sign or code spans [a, k) and
// whose number starts at k.
func (s *scanner) money(a, k int, code string) int {
	n, ok := s.parseNum(k, true)
	if !ok {
		return k - a + 1
	}
	about := s.about(a, n.end, doc.Money)
	v := val(n.v)
	if !n.ok {
		v = nil
	}
	s.emit(a, n.end, doc.Money, v, code, about)
	return n.end - a
}

// vague reads "hundreds of Hyundai workers": a quantity with no exact value.
func (s *scanner) vague(i int) int {
	a, b := s.forwardNP(s.skipDeterminers(i+2), true, 4)
	if a == b {
		return 1
	}
	s.emit(i, i+1, doc.Quantity, nil, s.head(b), s.span(a, b))
	return 1
}

// number reads every figure that starts with a number at i.
func (s *scanner) number(i int) int {
	if s.nameNumber(i) {
		return s.skipGlued(i)
	}
	// m/d/yyyy
	if n := s.slashDate(i); n > 0 {
		return n
	}
	if s.glued(i+1) && (s.is(i+1, "/") || s.isDash(i+1) && s.isNum(i+2) && s.glued(i+2)) {
		return s.skipGlued(i) // 24/7, 3-1, 555-1234, 2020-21
	}
	n, ok := s.parseNum(i, false)
	if !ok {
		return s.skipGlued(i)
	}
	j := n.end
	// a letter run glued to the number that is no unit we know: "4G", "3D"
	if s.isWord(j) && s.glued(j) && !n.scaled && !s.knownSuffix(j) {
		return s.skipGlued(i)
	}
	v := val(n.v)
	if !n.ok {
		v = nil
	}
	ab := i // where the phrase before the figure ends: before its sign, "changed by -5%"
	if s.minusAt(i - 1) {
		ab = i - 1
	}
	switch {
	case s.is(j, "%") || s.is(j, "percent") || s.is(j, "pct") || s.is(j, "per") && s.is(j+1, "cent"):
		e := j + 1
		if s.is(j, "per") {
			e++
		}
		s.emit(i, e, doc.Percent, v, "%", s.about(ab, e, doc.Percent))
		return e - i
	case (s.is(j, "percentage") || s.is(j, "basis")) && (s.is(j+1, "points") || s.is(j+1, "point")):
		unit := "percentage points"
		if s.is(j, "basis") {
			unit = "basis points"
		}
		s.emit(i, j+2, doc.Percent, v, unit, s.about(ab, j+2, doc.Percent))
		return j + 2 - i
	}
	if cw, ok := s.currencyWord(j, n); ok {
		if v != nil {
			*v *= cw.factor
		}
		s.emit(i, j+1, doc.Money, v, cw.code, s.about(ab, j+1, doc.Money))
		return j + 1 - i
	}
	if e, unit, ok := s.clock(i, n); ok {
		s.emit(i, e, doc.Time, nil, unit, "")
		return e - i
	}
	if !n.word && !n.scaled {
		// ordinals: "21st", "10th"
		if s.isWord(j) && s.glued(j) && ordinalSuffix(s.t(j)) {
			a, b := s.forwardNP(j+1, true, 2)
			s.emit(i, j+1, doc.Ordinal, v, "", s.span(a, b))
			return j + 1 - i
		}
		// decades: "1990s", "the '80s"
		if s.is(j, "s") && s.glued(j) && n.plain && (n.ndigits == 4 || n.ndigits == 2) && int(n.v)%10 == 0 {
			s.emit(i, j+1, doc.Date, nil, "", "")
			return j + 1 - i
		}
		// day month [year]: "29 October 2025"
		if n.plain && n.v >= 1 && n.v <= 31 {
			if e := s.dayMonth(i, int(n.v)); e > 0 {
				return e - i
			}
		}
	}
	// durations and measures: "72-year", "two months", "5 km"
	u := j
	if s.isHyphen(j) && s.glued(j) && s.isWord(j+1) && s.glued(j+1) {
		u = j + 1
	}
	if s.isWord(u) && !(u == j && s.glued(j) && !s.knownSuffix(j)) {
		if unit, ok := lookupS(timeUnits, s.t(u)); ok {
			e := u + 1
			if u > j && s.isHyphen(e) && s.glued(e) && s.is(e+1, "old") && s.glued(e+1) {
				e += 2 // an age: "18-year-old men"
			}
			s.emit(i, e, doc.Quantity, v, unit, s.aboutAfter(e))
			return e - i
		}
		if unit, ok := lookupS(measureUnits, s.t(u)); ok && (u > j || !s.is(u, "pounds") || !s.is(u+1, "sterling")) {
			about := s.aboutAfter(u + 1)
			if about == "" {
				about = s.prepNP(u+1, "of", true) // "200,000 gallons of oil"
			}
			s.emit(i, u+1, doc.Quantity, v, unit, about)
			return u + 1 - i
		}
		if u > j && !s.isNum(u+1) {
			// "28-nation bloc", "5-member panel": the word is the unit
			w := s.t(u)
			s.emit(i, u+1, doc.Quantity, v, w, s.aboutAfter(u+1))
			return u + 1 - i
		}
	}
	// years: "in 2026", "2026 budget" — but "2000 troops" counts troops
	// years: "in 2026", "the 1990 census", "2026 budget"; but "about 2000
	// troops" counts (newsrooms write counts from 1,000 with a comma, so a
	// bare four-digit number is a year unless an approximation or a
	// plural noun after a cue says otherwise).
	if n.plain && n.ndigits == 4 && !(s.countedNoun(j) && s.in(ab-1, countCues)) {
		y := int(n.v)
		if y >= 1900 && y <= 2100 || y >= 1000 && y <= 2199 && s.in(i-1, yearCues) {
			iso := strconv.Itoa(y)
			if s.is(j, "b.c.") || s.is(j, "bc") || s.is(j, "bce") {
				iso = "" // no ISO year before the common era here
			}
			s.emit(i, j, doc.Date, nil, iso, "")
			return j - i
		}
	}
	if s.nameBefore(i) {
		return j - i // "Boeing 737", "Windows 10"
	}
	// counts: "28,500 U.S. troops", "two leaders"
	a, b := s.forwardNP(j, true, 4)
	if a < b {
		if n.word && n.v == 1 && !n.scaled {
			return j - i // "one of", "one day" handled above
		}
		s.emit(i, j, doc.Quantity, v, s.head(b), s.span(a, b))
		return j - i
	}
	if n.word && !n.scaled {
		return j - i // a spelled-out number with nothing counted: "the two met"
	}
	s.emit(i, j, doc.Quantity, v, "", s.about(ab, j, doc.Quantity))
	return j - i
}

// currencyWord reads "350 billion won", "5 cents", "100 dollars", "20 USD".
func (s *scanner) currencyWord(j int, n num) (currencyWord, bool) {
	if !s.isWord(j) {
		return currencyWord{}, false
	}
	w := s.t(j)
	if code, ok := lookupS(currencyCodes, w); ok && isAllUpper(w) {
		return currencyWord{code, 1}, true
	}
	var buf [24]byte
	b := lower(buf[:], w)
	if b == nil {
		return currencyWord{}, false
	}
	cw, ok := currencyWords[string(b)]
	if !ok {
		return currencyWord{}, false
	}
	switch string(b) {
	case "won":
		// "350 billion won", "5,000 won", but not "the team 3 won"
		ok = n.scaled || n.v >= 1000
	case "sterling":
		ok = n.scaled
	}
	return cw, ok
}

func isAllUpper(w string) bool {
	for _, r := range w {
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return w != ""
}

// knownSuffix reports whether the letters glued to a number at j are a
// suffix or unit we read: "10th", "1990s", "3pm", "5km", "2bn".
func (s *scanner) knownSuffix(j int) bool {
	w := s.t(j)
	if ordinalSuffix(w) || s.is(j, "s") {
		return true
	}
	for _, m := range []map[string]float64{scales, shortScales} {
		if _, ok := lookupF(m, w); ok {
			return true
		}
	}
	for _, m := range []map[string]string{timeUnits, measureUnits} {
		if _, ok := lookupS(m, w); ok {
			return true
		}
	}
	return s.is(j, "am") || s.is(j, "pm") || s.is(j, "a.m.") || s.is(j, "p.m.") || s.is(j, "a.m") || s.is(j, "p.m")
}

func ordinalSuffix(w string) bool {
	switch w {
	case "st", "nd", "rd", "th", "ST", "ND", "RD", "TH":
		return true
	}
	return false
}

// skipGlued consumes the number at i and every piece glued to it.
func (s *scanner) skipGlued(i int) int {
	k := i + 1
	for k < len(s.p) && s.glued(k) && s.p[k].kind != doc.Punct || k+1 < len(s.p) && s.glued(k) && s.glued(k+1) && s.p[k+1].kind != doc.Punct {
		k++
	}
	return k - i
}

// nameNumber reports whether the number at i is part of a name or code:
// glued to letters before it ("G7", "COVID-19", "F-35") or after "No." / "#".
func (s *scanner) nameNumber(i int) bool {
	if s.glued(i) {
		if s.isWord(i - 1) {
			return true
		}
		if (s.isDash(i-1) || s.is(i-1, "/") || s.is(i-1, ".")) && s.glued(i-1) && (s.isWord(i-2) || s.isNum(i-2)) {
			return !s.in(i-2, datePrefixes)
		}
		if s.is(i-1, "#") {
			return true
		}
	}
	return s.is(i-1, "no.") || s.is(i-1, "nos.") || s.is(i-1, "no") && s.isCap(i-1)
}

// datePrefixes may be hyphenated to a year: "mid-2026".
var datePrefixes = map[string]bool{"mid": true, "early": true, "late": true, "pre": true, "post": true}

// nameBefore reports whether a capitalised word that is not a function word
// stands right before i: "Boeing 737", "Section 230", "Apollo 11".
func (s *scanner) nameBefore(i int) bool {
	k := i - 1
	if !s.isCap(k) || s.glued(i) {
		return false
	}
	w := s.t(k)
	if in(functionCaps, w) {
		return false
	}
	if _, ok := lookupI(months, trimDot(w)); ok {
		return false
	}
	return true
}

// countedNoun reports whether a plural noun follows at j ("2000 troops").
func (s *scanner) countedNoun(j int) bool {
	return s.isWord(j) && !s.in(j, stopWords) && isPluralLower(s.t(j))
}

func trimDot(w string) string {
	if len(w) > 1 && w[len(w)-1] == '.' {
		return w[:len(w)-1]
	}
	return w
}

func isHyphenOrdinal(w string) bool {
	if strings.IndexByte(w, '-') < 0 {
		return false
	}
	_, ok := ordinalWord(w)
	return ok
}

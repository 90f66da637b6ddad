// Package segment splits the blocks of a Document into sentences and tokens.
//
// Tokens come first (token.go): abbreviations and initials keep their
// period, so the sentence splitter only has to judge each period, question
// mark, exclamation mark and ellipsis by the tokens around it. The rules
// are those of the pragmatic_segmenter "Golden Rules" for English (see
// segment_test.go), applied token by token in one pass, with no regular
// expressions.
package segment

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/lede-news/lede/internal/doc"
)

// Segment fills d.Sentences and d.Tokens for every block that is not
// boilerplate. Sentences never cross blocks; a block with no sentence end
// (a headline) is one sentence.
func Segment(d *doc.Document) {
	d.Tokens = d.Tokens[:0]
	d.Sentences = d.Sentences[:0]
	if n := len(d.Text)*2/9 + 1; cap(d.Tokens) < n {
		// about one token per 4.5 bytes of English at the most: of the 410
		// news texts docs/benchmarks.md checks reports on, the densest has
		// 4.47 bytes a token, the 1st percentile 4.7, the median 5.4. A
		// denser text's slice grows once; one token per four bytes cost
		// 8 KB more for a 3 KB article (Go rounds a slice over 32 KB up).
		// A slice d brings (the engine lends the last analysis's) is kept
		// when it holds that many.
		d.Tokens = make([]doc.Token, 0, n)
	}
	d.Decoded = d.Decoded[:0]
	// pasted text may hold HTML character references; text extracted from
	// HTML holds none that the parser did not mean literally
	var dec *[]string
	if !d.FromHTML {
		dec = &d.Decoded
	}
	for bi, b := range d.Blocks {
		if b.Role == doc.Boilerplate || b.Start >= b.End {
			continue
		}
		first := len(d.Tokens)
		d.Tokens = tokenize(d.Text, b.Start, b.End, d.Tokens, dec)
		s := splitter{text: d.Text, toks: d.Tokens, dec: d.Decoded, block: bi, wrapped: b.Wrapped}
		d.Sentences = s.split(first, len(d.Tokens), d.Sentences)
	}
}

// Sentences returns the sentence spans of text as one block: a convenience
// for tests and callers outside the engine.
func Sentences(text string) []string {
	d := &doc.Document{Text: text, Blocks: []doc.Block{{Span: doc.Span{Start: 0, End: len(text)}}}}
	Segment(d)
	out := make([]string, len(d.Sentences))
	for i, s := range d.Sentences {
		out[i] = s.Of(text)
	}
	return out
}

type splitter struct {
	text  string
	toks  []doc.Token
	dec   []string // Document.Decoded: the text of the tokens with a Ref
	block int
	// wrapped blocks break lines for width, not for structure, so a line
	// break there says nothing about a sentence boundary
	wrapped bool
	// the list being read: the style and the next marker expected
	listStyle string
	listNext  string
	// shortLines' memory: true from token shortFrom-1 on, false before
	// token longUntil (0: not known)
	shortFrom, longUntil int
}

func (s *splitter) tok(k int) string {
	t := &s.toks[k]
	if t.Ref != 0 {
		return s.dec[t.Ref-1]
	}
	return s.text[t.Start:t.End]
}

func (s *splitter) split(a, b int, out []doc.Sentence) []doc.Sentence {
	start := a
	s.startList(start, b)
	emit := func(end int) {
		if end > start {
			out = append(out, doc.Sentence{
				Span:  doc.Span{Start: s.toks[start].Start, End: s.toks[end-1].End},
				Block: s.block, First: start, Last: end,
			})
		}
		start = end
		s.startList(start, b)
	}
	for k := a; k < b; k++ {
		t := &s.toks[k]
		// A word or number as written (no reference) is no bullet; and
		// boundary judges only marks and words that end in a period: for
		// any other token its answer is (0, 0), read here without the
		// call (most tokens)
		asWritten := t.Ref == 0 && (t.Kind == doc.Word || t.Kind == doc.Number)
		noEnd := t.Kind != doc.Punct && (t.Kind != doc.Word || t.Ref == 0 && s.text[t.End-1] != '.')
		if k > start {
			// a new line that starts like a sentence; a bullet; the next list marker
			if !s.wrapped && s.newlineBefore(k) && (!s.startsLower(k) || s.shortLines(start, b)) {
				emit(k)
			} else if !asWritten && isBullet(s.tok(k)) {
				emit(k)
			} else if s.listNext != "" && s.isListMarker(k, b) {
				if k-1 > start && isBullet(s.tok(k-1)) {
					emit(k - 1)
				} else {
					emit(k)
				}
			}
		}
		if noEnd {
			continue
		}
		e, skip := s.boundary(k, start, b)
		if e > 0 {
			emit(e)
			k = e - 1
		} else if skip > k {
			k = skip
		}
	}
	if start < b {
		emit(b)
	}
	return out
}

// boundary judges token k. It returns the end (exclusive token index) of a
// sentence that ends at k, or 0; skip > k asks the caller to jump past an
// ellipsis it has read.
func (s *splitter) boundary(k, start, b int) (end, skip int) {
	t := s.toks[k]
	w := s.tok(k)
	if t.Kind == doc.Punct {
		switch {
		case w == "?" || w == "!":
			e := k + 1
			for e < b && (s.tok(e) == "?" || s.tok(e) == "!") {
				e++
			}
			e = s.closers(e, b)
			if e >= b || !s.startsLower(e) && !s.isComma(e) {
				return e, 0
			}
			return 0, e - 1
		case w == ".":
			return s.period(k, start, b)
		case strings.HasPrefix(w, "..") || w == "…":
			e := s.closers(k+1, b)
			if e >= b {
				return e, 0
			}
			if s.startsUpperWord(e) {
				return e, 0
			}
			return 0, e - 1
		}
		return 0, 0
	}
	if t.Kind != doc.Word || !strings.HasSuffix(w, ".") || len(w) < 2 {
		return 0, 0
	}
	// an abbreviation or initial that kept its period
	e := s.closers(k+1, b)
	if e >= b {
		return e, 0
	}
	if s.toks[e].Kind == doc.Punct && s.tok(e) == "." {
		return 0, 0 // the sentence period follows: judged on its own
	}
	bare := w[:len(w)-1]
	multi := strings.IndexByte(bare, '.') >= 0
	r, _ := utf8.DecodeRuneInString(bare)
	switch {
	case isAmPm(bare):
		if !s.startsUpperWord(e) || timeFollower[s.tok(e)] {
			return 0, 0
		}
		// "At 5 a.m. Mr. Smith went": a time at the head of the sentence
		// is an adverbial, not its end.
		if k-start <= 3 {
			return 0, 0
		}
		return e, 0
	case multi:
		if s.startsStarter(e) {
			return e, 0
		}
	case utf8.RuneCountInString(bare) == 1 && unicode.IsUpper(r):
		// an initial ("Jonas E. Smith") or the pronoun ("you and I. Did")
		if !s.startsUpperWord(e) || s.isInitial(e) {
			return 0, 0
		}
		if k == start {
			return 0, 0
		}
		if !s.isCapitalised(k-1) || s.startsStarter(e) && s.tok(e) != "I" {
			return e, 0
		}
	case utf8.RuneCountInString(bare) == 1:
		// "p. 55", list letters: never an end on its own
	default:
		switch abbrevClass(bare) {
		case abbrTitle:
		case abbrEtc:
			if s.startsUpperWord(e) || s.startsOpenQuote(e) {
				return e, 0
			}
		default:
			if s.startsStarter(e) || s.startsOpenQuote(e) {
				return e, 0
			}
		}
	}
	return 0, 0
}

// period judges a lone "." at k, including spaced ellipses (". . .").
func (s *splitter) period(k, start, b int) (end, skip int) {
	// a run of spaced dots
	m := 1
	for k+m < b && s.tok(k+m) == "." && s.toks[k+m].Start == s.toks[k+m-1].End+1 {
		m++
	}
	attached := k > start && s.toks[k].Start == s.toks[k-1].End
	if m >= 3 || attached && m >= 2 && k+m < b && s.tok(k+m) == "." {
		after := s.closers(k+m, b)
		if attached && m >= 4 {
			// "compounds. . . . The practice": the first dot ends the sentence
			if after < b && s.startsUpperWord(after) {
				return k + 1, 0
			}
			return 0, after - 1
		}
		if m >= 4 && after < b && s.startsUpperWord(after) {
			return after, 0
		}
		if after >= b {
			return after, 0
		}
		return 0, after - 1
	}
	if k == start {
		return 0, 0
	}
	// "1. The first item": a list marker at the head of the sentence
	if s.toks[k-1].Kind == doc.Number && (k-1 == start || k-2 == start && isBullet(s.tok(start))) && len(s.tok(k-1)) <= 3 {
		return 0, 0
	}
	e := s.closers(k+1, b)
	if e >= b {
		return e, 0
	}
	if s.startsLower(e) || s.isComma(e) {
		return 0, 0
	}
	// "N°. 1026": a period after a symbol, before a number
	if s.toks[k-1].Kind == doc.Symbol && s.toks[e].Kind == doc.Number {
		return 0, 0
	}
	return e, 0
}

// closers returns the index after the closing quotes and brackets that
// touch the token before e ("great.”", "engineer.)").
func (s *splitter) closers(e, b int) int {
	for e < b && s.toks[e].Start == s.toks[e-1].End {
		switch s.tok(e) {
		case "\"", "'", "”", "’", ")", "]", "}", "»", "›":
			e++
			continue
		}
		break
	}
	return e
}

func (s *splitter) firstRune(k int) rune {
	r, _ := utf8.DecodeRuneInString(s.tok(k))
	return r
}

func (s *splitter) startsLower(k int) bool {
	return s.toks[k].Kind != doc.Punct && unicode.IsLower(s.firstRune(k))
}

func (s *splitter) startsUpperWord(k int) bool {
	if s.toks[k].Kind != doc.Word {
		return false
	}
	r := s.firstRune(k)
	return unicode.IsUpper(r) || unicode.IsLetter(r) && !unicode.IsLower(r)
}

func (s *splitter) startsOpenQuote(k int) bool {
	switch s.tok(k) {
	case "“", "\"", "‘", "(", "[", "«":
		return k+1 < len(s.toks) && s.startsUpperWord(k+1)
	}
	return false
}

func (s *splitter) startsStarter(k int) bool {
	return s.toks[k].Kind == doc.Word && starters[s.tok(k)]
}

func (s *splitter) isComma(k int) bool {
	switch s.tok(k) {
	case ",", ";", ":", ")", "]", "-", "–", "—":
		return true
	}
	return false
}

func (s *splitter) isCapitalised(k int) bool {
	return s.toks[k].Kind == doc.Word && unicode.IsUpper(s.firstRune(k))
}

// isInitial reports whether token k is an initial like "K." or "E.".
func (s *splitter) isInitial(k int) bool {
	w := s.tok(k)
	return len(w) >= 2 && w[len(w)-1] == '.' && utf8.RuneCountInString(w) == 2 && unicode.IsUpper(s.firstRune(k))
}

func (s *splitter) newlineBefore(k int) bool {
	// the gap between two tokens is mostly one space or none: a loop, not
	// the call of strings.IndexByte
	for _, c := range []byte(s.text[s.toks[k-1].End:s.toks[k].Start]) {
		if c == '\n' {
			return true
		}
	}
	return false
}

// shortLines reports whether the tokens from a to b are lines of a list
// rather than one sentence broken across lines: no line holds more than
// four words and none ends a sentence ("features\ncontact
// manager\nevents, activities"). A sentence copied from a PDF ("It was a
// cold\nnight in the city.") ends with its full stop, so its lines join.
//
// The answer is remembered: true holds for every later start, false for
// every start up to the line that decided it, so a block of many lines is
// read once.
func (s *splitter) shortLines(a, b int) bool {
	if s.shortFrom > 0 && a >= s.shortFrom-1 {
		return true
	}
	if a < s.longUntil {
		return false
	}
	words, line := 0, a
	for k := a; k < b; k++ {
		if k > a && s.newlineBefore(k) {
			words, line = 0, k
		}
		switch s.tok(k) {
		case ".", "!", "?", "…", "...":
			s.longUntil = k + 1
			return false
		}
		if s.toks[k].Kind != doc.Punct {
			if words++; words > 4 {
				s.longUntil = line + 1
				return false
			}
		}
	}
	s.shortFrom = a + 1
	return true
}

// startList reads a list marker at the head of a sentence ("1.", "2)",
// "a.", "• 9.") and remembers which marker would start the next item.
func (s *splitter) startList(k, b int) {
	s.listStyle, s.listNext = "", ""
	if k < b && isBullet(s.tok(k)) {
		k++
	}
	if k >= b {
		return
	}
	w := s.tok(k)
	var next, style string
	switch {
	case s.toks[k].Kind == doc.Number && len(w) <= 3 && isAllDigits(w):
		n, _ := strconv.Atoi(w)
		next = strconv.Itoa(n + 1)
		style = s.markerStyle(k+1, b)
	case len(w) == 2 && w[1] == '.' && 'a' <= w[0] && w[0] < 'z':
		next = string(rune(w[0]+1)) + "."
		style = "a."
	default:
		return
	}
	if style == "" {
		return
	}
	s.listStyle, s.listNext = style, next
}

// markerStyle returns the punctuation after a list number: ".", ")", ".)".
func (s *splitter) markerStyle(k, b int) string {
	style := ""
	for k < b && len(style) < 2 && s.toks[k].Start == s.toks[k-1].End {
		w := s.tok(k)
		if w != "." && w != ")" {
			break
		}
		style += w
		k++
	}
	if k >= b || style == "" || style == ")." {
		return ""
	}
	return style
}

func (s *splitter) isListMarker(k, b int) bool {
	if s.tok(k) != s.listNext {
		return false
	}
	if s.listStyle == "a." {
		return k+1 < b
	}
	return s.markerStyle(k+1, b) == s.listStyle
}

func isAllDigits(w string) bool {
	for i := 0; i < len(w); i++ {
		if !isDigit(rune(w[i])) {
			return false
		}
	}
	return w != ""
}

func isBullet(w string) bool {
	switch w {
	case "•", "⁃", "◦", "▪", "‣", "●":
		return true
	}
	return false
}

// isAmPm reports whether w is "a.m" or "p.m" in any case: what
// strings.ToLower(w) == "a.m" or "p.m" says (no rune past ASCII lowers to
// an 'a', 'p' or 'm'), without ToLower's new string for a capitalised w
// (TestIsAmPm).
func isAmPm(w string) bool {
	return len(w) == 3 && w[1] == '.' && w[2]|0x20 == 'm' && (w[0]|0x20 == 'a' || w[0]|0x20 == 'p')
}

// timeFollower lists words that continue a time ("5 p.m. Tuesday",
// "8 p.m. ET") rather than start a sentence.
var timeFollower = map[string]bool{}

// starters are words that begin sentences far more often than they follow
// an abbreviation inside one ("the U.S. The", "Inc. It").
var starters = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`Monday Tuesday Wednesday Thursday Friday Saturday Sunday
		January February March April May June July August September October November December
		ET EST EDT CT CST CDT MT MST MDT PT PST PDT GMT UTC BST CET KST JST`) {
		timeFollower[w] = true
	}
	for _, w := range strings.Fields(`A An The This That These Those There Their They Them He She It Its I We You
		Our His Her My Your But And Or So Yet However Meanwhile Also In On At For From By With After
		Before When While Where What Who Why How If As Since Although Though Despite During Still
		Then Now Today Yesterday Some Many Most All Both Each Every Not Such Is Are Was Were Being
		Did Do Does Has Have Had Will Would Could Should Can May Might Must Millions More Other
		Officials Under Here Instead Later Earlier Last`) {
		starters[w] = true
	}
}

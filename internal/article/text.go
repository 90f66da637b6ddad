package article

import (
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/lede-news/lede/internal/doc"
	"github.com/lede-news/lede/internal/swar"
)

// line is one paragraph candidate of pasted text with the features the
// rules look at.
type line struct {
	doc.Span
	words       int
	ends        bool // ends like a sentence: . ! ? or a closing quote after one
	teaser      bool // ends with "..." (a cut-off teaser)
	stops       int  // sentence ends inside the line
	boiler      bool // menu, share, footer or advertising vocabulary
	byline      bool
	date        string // ISO date found on a short line
	headline    bool   // could be a listed headline: a short line with no final period
	body        bool   // reads like a paragraph of prose
	prose       bool   // body as first described, before a repeat vetoed it
	role        doc.Role
	repeated    bool // printed more than once in the paste
	code        bool // a line of a code listing (pre-formatted text)
	toc         bool // a line of a table of contents ("1 History", "1.1 …")
	blankBefore bool
	wrapped     bool // joined from hard-wrapped lines
}

// parseText reads pasted text. Each non-empty line is a block (hard-wrapped
// text has its wrapped lines joined into paragraphs first); the body is the run
// of prose lines with the most words, allowing short lines (subheadings,
// list items) inside it; short unpunctuated lines around it are related
// headlines when they come in runs, and the title, byline and date are
// looked for just above the body.
func parseText(input string) *doc.Document {
	// No line model ships: none learnt from the dev pastes beat the rules
	// under cross-validation (docs/models/blocks.md), and the rules alone
	// keep the line features out of the wasm.
	d, lines := ruleLines(input)
	return withBlocks(d, lines)
}

// parseTextModel reads pasted text with line model m (nil: the hand rules
// alone): the rules give every line a role, then the model says which
// lines are body (lines.go). It serves training and cross-validation.
func parseTextModel(input string, m *BlockModel) *doc.Document {
	return parseTextSeg(input, m, 0)
}

// parseTextSeg is parseTextModel with, when seg > 0, segment decoding in
// place of m's best run: the body may be several stretches of lines, each
// new one costing seg (lines.go, segments).
func parseTextSeg(input string, m *BlockModel, seg float64) *doc.Document {
	d, lines := ruleLines(input)
	// a paste with no prose (a list, a few short lines) keeps the rules'
	// answer: the model was never trained on one
	if m != nil && hasBody(lines) && hasProse(lines) {
		X := lineFeatures(input, lines)
		p := make([]float64, len(X))
		for i, x := range X {
			p[i] = m.Prob(x)
		}
		v := func(i int) float64 {
			v := float64(lines[i].words+1) * (p[i] - m.Threshold)
			if p[i] < m.Threshold {
				v -= m.Gap
			}
			return v
		}
		in := make([]bool, len(p))
		switch {
		case seg > 0:
			in = segments(len(p), v, seg)
		case m.Run:
			lo, hi := bestRun(len(p), v)
			for i := lo; i <= hi; i++ {
				in[i] = true
			}
		default:
			for i := range in {
				in[i] = true
			}
		}
		// a model that finds no body at all leaves the rules' answer
		found := false
		for i := range p {
			if in[i] && p[i] >= m.Threshold {
				found = true
				break
			}
		}
		if found {
			// a story card (a headline glued to its summary, which ends
			// like a sentence) is never body: the model would keep one
			// that follows the last paragraph
			for i := range p {
				switch {
				case p[i] >= m.Threshold && in[i] && !(lines[i].teaser && lines[i].ends):
					lines[i].role = doc.Body
				case lines[i].role == doc.Body:
					lines[i].role = doc.Boilerplate
				}
			}
		}
	}
	return withBlocks(d, lines)
}

// withBlocks sets d.Blocks from the lines and their roles.
func withBlocks(d *doc.Document, lines []line) *doc.Document {
	d.Blocks = make([]doc.Block, 0, len(lines))
	for _, l := range lines {
		d.Blocks = append(d.Blocks, doc.Block{Span: l.Span, Role: l.role, Wrapped: l.wrapped})
	}
	return d
}

// ruleLines cuts pasted text into lines and gives each a role by the hand
// rules.
func ruleLines(input string) (*doc.Document, []line) {
	d := &doc.Document{Text: input}
	lines := splitLines(input)
	seen := make(map[string]int, len(lines))
	for _, l := range lines {
		seen[l.Of(input)]++
	}
	described := make([]line, len(lines))
	for i := range lines {
		describe(input, &lines[i])
		lines[i].prose = lines[i].body
		described[i] = lines[i]
		if seen[lines[i].Of(input)] > 1 {
			// a line printed twice is a caption, a menu or a teaser: an
			// article does not repeat its paragraphs
			lines[i].body = false
			lines[i].boiler = true
			lines[i].headline = false
			lines[i].repeated = true
		}
	}
	markTables(input, lines)
	markPasted(input, lines)
	classifyLines(d, lines)
	if !hasBody(lines) {
		// Everything repeats (a text pasted twice, a chant, a test): the
		// rule above would leave no article at all, so judge the lines
		// as if each stood once.
		lines = described
		markTables(input, lines)
		markPasted(input, lines)
		classifyLines(d, lines)
	}
	return d, lines
}

func hasBody(ls []line) bool {
	for _, l := range ls {
		if l.role == doc.Body {
			return true
		}
	}
	return false
}

// rawLine is one line of the input before paragraphs are formed.
type rawLine struct {
	s, e    int  // the trimmed line; s == e when it is blank
	indent  int  // leading spaces (a tab counts as four)
	runes   int  // length of the trimmed line in characters
	ends    bool // ends with sentence punctuation
	words   bool // holds a letter or a digit (not a rule of dashes)
	columns bool // a table row
}

// splitLines returns the trimmed non-empty lines of text as paragraph
// candidates. Text hard-wrapped at a fixed width (news wire files, e-mail,
// the DUC and TREC collections) has its wrapped lines joined into
// paragraphs, which end at a blank line, an indented line or a short last
// line; other text (a page copied from the browser gives one paragraph a
// line) joins a line only when it breaks mid-sentence before a lower-case
// word.
func splitLines(text string) []line {
	raw := rawLines(text)
	width := wrapWidth(text, raw)
	nonBlank := 0
	for _, r := range raw {
		if r.s < r.e {
			nonBlank++
		}
	}
	out := make([]line, 0, nonBlank)
	blank := true
	for i, r := range raw {
		if r.s == r.e {
			blank = true
			continue
		}
		n := len(out)
		switch {
		case n > 0 && !blank && width > 0 && wrapped(text, raw[i-1], r, width):
			out[n-1].End = r.e
			out[n-1].wrapped = true
		case n > 0 && !blank && width == 0 && joinable(text, out[n-1].Span, doc.Span{Start: r.s, End: r.e}):
			out[n-1].End = r.e
		default:
			// in wrapped text an indented line starts a paragraph as a
			// blank line does
			sep := blank || width > 0 && i > 0 && r.indent > raw[i-1].indent
			out = append(out, line{Span: doc.Span{Start: r.s, End: r.e}, blankBefore: sep})
		}
		blank = false
	}
	return out
}

// rawLines cuts text at line ends, trimming each line.
func rawLines(text string) []rawLine {
	out := make([]rawLine, 0, strings.Count(text, "\n")+1)
	for start := 0; start <= len(text); {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		s, e := trimSpan(text, start, end)
		r := rawLine{s: s, e: e}
		if s < e {
			for k := start; k < s; k++ {
				switch text[k] {
				case ' ':
					r.indent++
				case '\t':
					r.indent += 4
				}
			}
			r.runes = utf8.RuneCountInString(text[s:e])
			last, _ := utf8.DecodeLastRuneInString(text[s:e])
			r.ends = strings.ContainsRune(".!?:;\"”’)…|'", last)
			r.words = strings.IndexFunc(text[s:e], func(c rune) bool { return unicode.IsLetter(c) || unicode.IsDigit(c) }) >= 0
			r.columns = columns(text[s:e])
		}
		out = append(out, r)
		start = end + 1
	}
	return out
}

// wrapWidth returns the width text was hard-wrapped at, or 0 when it was
// not. Lines followed directly by another line are the evidence: in
// wrapped text nearly all of them stay within a width of 40–110
// characters, most come close to it, and many break mid-sentence, often
// before a lower-case word. Copied page text has long one-line
// paragraphs, and its runs of short lines (menus, headline lists) neither
// fill a width nor continue in lower case.
func wrapWidth(text string, raw []rawLine) int {
	var hist [112]int // lengths of inner lines; 111 means longer
	inner := 0
	for i := 0; i+1 < len(raw); i++ {
		if raw[i].s == raw[i].e || raw[i+1].s == raw[i+1].e {
			continue
		}
		inner++
		hist[min(raw[i].runes, 111)]++
	}
	if inner < 3 {
		return 0
	}
	// the width: the 90th percentile of inner line lengths (a wire line
	// may hold a lost paragraph break: "in 1990.   Some 40 members")
	width, seen := 0, 0
	for n, c := range hist {
		seen += c
		if seen*10 >= inner*9 {
			width = n
			break
		}
	}
	if width < 40 || width > 110 {
		return 0
	}
	full, open, lower := 0, 0, 0
	for i := 0; i+1 < len(raw); i++ {
		a, b := raw[i], raw[i+1]
		if a.s == a.e || b.s == b.e || a.runes*10 < width*6 {
			continue
		}
		full++
		if a.ends {
			continue
		}
		open++
		if r, _ := utf8.DecodeRuneInString(text[b.s:b.e]); unicode.IsLower(r) {
			lower++
		}
	}
	if full*10 < inner*6 || open < 3 || open*10 < full*4 || lower*5 < open {
		return 0
	}
	return width
}

// wrapped reports whether, in text wrapped at width, line b continues the
// paragraph of line a (no blank line lies between them).
func wrapped(text string, a, b rawLine, width int) bool {
	if b.indent > a.indent || !a.words || !b.words || a.columns || b.columns {
		// an indented first line; a rule of dashes; a table row
		return false
	}
	if a.ends {
		// a paragraph's last line is short; a sentence may also end
		// where a full line does
		return a.runes*10 >= width*8
	}
	if a.runes*10 >= width*5 || b.indent < a.indent {
		// a full line, or an indented first line going on unindented
		return true
	}
	// a short line without final punctuation is a heading, unless the
	// sentence goes on: it ends on a lower-case word ("crashed", "the")
	// or the next line starts in lower case
	r, _ := utf8.DecodeRuneInString(text[b.s:b.e])
	lw := text[a.s:a.e]
	if k := strings.LastIndexByte(lw, ' '); k >= 0 {
		lw = lw[k+1:]
	}
	l, _ := utf8.DecodeRuneInString(lw)
	return unicode.IsLower(r) || unicode.IsLower(l)
}

// columns reports whether s is laid out in columns: two or more gaps of
// three spaces or more, as in a table row.
//
// A line is read eight bytes at a time (the spaces of a word are its bytes
// equal to ' ', exactly; three side by side start at a byte whose next two
// are spaces too), six bytes on a step, so that a gap across two words is
// found from the next; a word is looked at byte by byte only from the
// first three spaces it holds (FuzzFastPaths holds it to columnsRef).
func columns(s string) bool {
	gaps := 0
	for i := 0; i+2 < len(s); {
		if i+8 <= len(s) {
			t := swar.Load(s[i:]) ^ 0x2020202020202020
			sp := ^((t&0x7f7f7f7f7f7f7f7f + 0x7f7f7f7f7f7f7f7f) | t) & 0x8080808080808080
			m := sp & (sp >> 8) & (sp >> 16) // bytes 0-5 of the word only
			if m == 0 {
				i += 6
				continue
			}
			i += bits.TrailingZeros64(m) / 8
		} else if s[i] != ' ' || s[i+1] != ' ' || s[i+2] != ' ' {
			i++
			continue
		}
		if gaps++; gaps >= 2 {
			return true
		}
		for i < len(s) && s[i] == ' ' {
			i++
		}
	}
	return false
}

// joinable reports whether the line at prev was broken mid-sentence into
// the line next: prev has no final punctuation and next goes on in lower
// case. A long prev is a wrapped paragraph; a short one (text copied from a
// PDF: "It was a cold\nnight in the city.") joins only when next finishes
// the sentence, so a list of short lower-case items ("features\ncontact
// manager") stays a list.
func joinable(text string, prev, next doc.Span) bool {
	p := text[prev.Start:prev.End]
	last, _ := utf8.DecodeLastRuneInString(p)
	if strings.ContainsRune(".!?:;\"”’)…|", last) {
		return false
	}
	first, _ := utf8.DecodeRuneInString(text[next.Start:])
	if !unicode.IsLower(first) {
		return false
	}
	if prev.Len() >= 50 {
		return true
	}
	end, _ := utf8.DecodeLastRuneInString(strings.TrimRight(text[next.Start:next.End], "\"”’)"))
	return countWords(p) >= 3 && strings.ContainsRune(".!?", end)
}

func trimSpan(text string, s, e int) (int, int) {
	for s < e {
		r, n := utf8.DecodeRuneInString(text[s:e])
		if !unicode.IsSpace(r) && r != '\u200b' && r != '\ufeff' {
			break
		}
		s += n
	}
	for e > s {
		r, n := utf8.DecodeLastRuneInString(text[s:e])
		if !unicode.IsSpace(r) && r != '\u200b' && r != '\ufeff' {
			break
		}
		e -= n
	}
	return s, e
}

func describe(text string, l *line) {
	s := l.Of(text)
	l.words = countWords(s)
	l.ends, l.teaser = sentenceEnd(s)
	l.stops = countStops(s)
	low := lower(s) // once for the tests below, which all read it
	l.boiler = boilerplateLow(low, l.words)
	l.byline = bylineLow(s, low, l.words)
	if l.words <= 14 {
		l.date = findDate(s)
	}
	if l.words <= 20 && captionLow(s, low, l.words) || galleryCaptionLow(s, low) {
		l.boiler = true
	}
	l.headline = !l.ends && !l.teaser && l.words >= 3 && l.words <= 25 && len(s) <= 220 && !l.boiler && !l.byline &&
		!(l.date != "" && l.words <= 8) && !strings.HasSuffix(s, ":") && !strings.HasSuffix(s, ",")
	if q, _ := utf8.DecodeLastRuneInString(s); q == '?' || q == '!' {
		// "Is this the end of cheap flights?" is a headline too
		l.headline = l.words >= 3 && l.words <= 20 && l.stops <= 1 && !l.boiler && titleCased(s)
	}
	l.body = !l.boiler && (l.ends && l.words >= 8 || l.words >= 30 && l.stops >= 1 || l.words >= 40 && punctuated(s) || l.teaser && l.words >= 25 ||
		l.words >= 20 && !titleCased(s) && punctuated(s))
	if l.body && l.ends && gluedHeadline(s) {
		// a story card copied whole: "Headline Of Another StorySummary."
		l.body, l.teaser = false, true
	}
}

// gluedHeadline reports whether s starts with a title-cased headline of
// three or more words run into the next sentence with no space, as a
// story card's headline and summary come out of a copied page:
// "Harvick Fails To Rally Overmatched Ford In NASCAR FinaleFord v Toyota
// flopped…", "Is Violence In Sports On The Rise?Violence is part…".
// Names like "McDonald", "DeSantis", "YouTube" or "MacBook" have at most two
// small letters before the capital.
func gluedHeadline(s string) bool {
	words, small := 0, 0
	var prev rune
	for i := 0; i < len(s); {
		if i > 240 {
			return false
		}
		if c := s[i]; 'a' <= c && c <= 'z' {
			// a run of small ASCII letters, most of a line, in a loop of
			// its own: each only counts
			j := i + 1
			for j < len(s) && j <= 240 && 'a' <= s[j] && s[j] <= 'z' {
				j++
			}
			small += j - i
			prev = rune(s[j-1])
			i = j
			continue
		}
		r, n := rune(s[i]), 1
		var space, upper, lower bool
		if r < utf8.RuneSelf {
			space, upper, lower = asciiClasses(r)
		} else {
			r, n = utf8.DecodeRuneInString(s[i:])
			space, upper, lower = unicode.IsSpace(r), unicode.IsUpper(r), unicode.IsLower(r)
		}
		switch {
		case space:
			words++
			small = 0
		case upper && (small >= 3 || prev == '?' || prev == '!') && words >= 3:
			return strictTitle(s[:i]) && countWords(s[i:]) >= 6
		case lower:
			small++
		default:
			small = 0
		}
		prev = r
		i += n
	}
	return false
}

// asciiClasses gives unicode.IsSpace, IsUpper and IsLower of an ASCII r
// without the unicode calls, which cost in wasm (TestASCIIClasses holds it
// to them).
func asciiClasses(r rune) (space, upper, lower bool) {
	return r == ' ' || '\t' <= r && r <= '\r', 'A' <= r && r <= 'Z', 'a' <= r && r <= 'z'
}

// strictTitle reports whether four in five words of s that start with a
// letter start with a capital.
func strictTitle(s string) bool {
	caps, words := capitalWords(s)
	return words >= 3 && caps*5 >= words*4
}

// punctuated reports whether s holds any punctuation that prose uses
// between words. A tag cloud ("adote um amigo agua alerta ambiente ...")
// is a long run of words with none.
func punctuated(s string) bool {
	return strings.ContainsAny(s, ".,;:!?()\"“”—–，。、；：！？")
}

// countWords counts the words of s; Chinese and Japanese, written without
// spaces, count one word per two characters.
func countWords(s string) int {
	n, cjk, in := 0, 0, false
	for i := 0; i < len(s); {
		// ASCII by a table, without the unicode calls (the same
		// answers), which cost in wasm
		if c := s[i]; c < utf8.RuneSelf {
			class := asciiWord[c]
			if class == wordByte && !in {
				n++
			}
			i++
			if in = class == wordByte || in && class == joinByte; in {
				// the rest of the word: inside one, letters, digits and
				// joins keep it going and open none, a byte a step
				for i < len(s) && s[i] < utf8.RuneSelf && asciiWord[s[i]] != 0 {
					i++
				}
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if r >= 0x3040 && (unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r)) {
			cjk++
			in = false
			continue
		}
		// General Punctuation (U+2000–U+206F: curly quotes, dashes) holds
		// no letter or digit
		w := !(r >= 0x2000 && r < 0x2070) && (unicode.IsLetter(r) || unicode.IsDigit(r))
		if w && !in {
			n++
		}
		in = w || in && r == '’'
	}
	return n + cjk/2
}

// asciiWord classes the ASCII bytes for countWords: a letter or digit
// (wordByte), a character that continues a word ("don't", "U.S.", "co-op":
// joinByte), or neither (0).
var asciiWord = func() (t [utf8.RuneSelf]uint8) {
	for c := byte('0'); c <= '9'; c++ {
		t[c] = wordByte
	}
	for c := byte('a'); c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = wordByte, wordByte
	}
	t['\''], t['-'], t['.'] = joinByte, joinByte, joinByte
	return t
}()

const (
	wordByte = 1
	joinByte = 2
)

// sentenceEnd reports whether s ends like a sentence, and whether it ends
// with an ellipsis (a teaser cut short).
func sentenceEnd(s string) (ends, teaser bool) {
	s = strings.TrimRight(s, "\"”’')]» \t")
	if strings.HasSuffix(s, "...") || strings.HasSuffix(s, "…") {
		return false, true
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return r == '.' || r == '!' || r == '?' || r == '。' || r == '！' || r == '？', false
}

func countStops(s string) int {
	// from space to space (IndexByte, which reads many bytes a step),
	// testing the byte before each
	n := 0
	for i := 1; i < len(s); {
		k := strings.IndexByte(s[i:], ' ')
		if k < 0 {
			break
		}
		i += k
		if c := s[i-1]; c == '.' || c == '!' || c == '?' {
			n++
		}
		i++
	}
	return n
}

// allCaps reports whether the letters of s are (nearly) all capitals.
func allCaps(s string) bool {
	up, low := 0, 0
	for _, r := range s {
		if unicode.IsUpper(r) {
			up++
		} else if unicode.IsLower(r) {
			low++
		}
	}
	return up >= 8 && low*10 <= up
}

// titleCased reports whether most words of s start with a capital letter,
// as headlines in English usually do.
func titleCased(s string) bool {
	caps, words := capitalWords(s)
	return words > 0 && caps*10 >= words*6
}

// capitalWords counts the words of s that start with a letter, and those
// of them that start with a capital.
func capitalWords(s string) (caps, words int) {
	for _, f := range strings.Fields(s) {
		r, _ := utf8.DecodeRuneInString(f)
		if !unicode.IsLetter(r) {
			continue
		}
		words++
		if unicode.IsUpper(r) {
			caps++
		}
	}
	return caps, words
}

// markTables reads a run of three or more lines laid out in columns (a
// browser copies a table's cells with a tab between them, a text file
// with wide gaps), one under the other, as a table: content, like prose
// (standings, results, a schedule), not a list of headlines. Menus copy
// one item a line.
func markTables(text string, ls []line) {
	for i := 0; i < len(ls); {
		j := i
		for j < len(ls) && (j == i || !ls[j].blankBefore) && inColumns(ls[j].Of(text)) {
			j++
		}
		if j-i >= 3 {
			for k := i; k < j; k++ {
				if !ls[k].repeated {
					ls[k].body, ls[k].headline = true, false
				}
			}
		}
		i = max(j, i+1)
	}
}

// inColumns reports whether s holds two or more column gaps (columnCount),
// passing the common line with neither a tab nor three spaces in one
// quick look.
func inColumns(s string) bool {
	if strings.IndexByte(s, '\t') < 0 && !strings.Contains(s, "   ") {
		return false
	}
	return columnCount(s) >= 2
}

// classifyLines gives every line its role.
func classifyLines(d *doc.Document, ls []line) {
	if len(ls) == 0 {
		return
	}
	bestStart, bestEnd := proseRun(ls)
	for i := range ls {
		ls[i].role = doc.Boilerplate
	}
	if bestStart < 0 {
		// no prose at all: a list of headlines, or a few short lines
		heads := 0
		for _, l := range ls {
			if l.headline {
				heads++
			}
		}
		for i := range ls {
			switch {
			case heads >= 2 && ls[i].headline:
				ls[i].role = doc.Related
			case heads < 2 && !ls[i].boiler:
				ls[i].role = doc.Body
			}
		}
		return
	}
	// a comments or "more stories" heading inside the run ends the body,
	// unless it heads a list set into the article (a "Most read" box
	// between two parts of the story)
	bodyLines := 0
	var inserts [][2]int
	tl := newTally(ls)
	for i := bestStart; i < bestEnd; i++ {
		s := d.Text[ls[i].Start:ls[i].End]
		if ls[i].body {
			bodyLines++
			continue
		}
		if bodyLines < 2 || ls[i].words > 8 {
			continue
		}
		if moreRule && moreSubheading(s, ls, i, bestEnd) {
			continue
		}
		comments, strong := isCommentsHeading(s) || countRule && countedComments(s), isStrongSectionEnd(s)
		if !comments && (strong || isSectionEnd(s)) {
			if j := insertEnd(ls, tl, i, bestEnd); j > i {
				inserts = append(inserts, [2]int{i, j})
				i = j - 1
				continue
			}
		}
		if comments || strong || isSectionEnd(s) && tl.bodyWords(bestStart, i) > 2*tl.bodyWords(i, bestEnd) {
			bestEnd = i
			break
		}
	}
	// a run of "headline, one-paragraph summary" pairs after the body is a
	// list of other stories
	if k := teaserRun(ls, bestStart, bestEnd); k < bestEnd {
		bestEnd = k
	}
	for bestEnd > bestStart && !ls[bestEnd-1].body {
		bestEnd--
	}
	// a line ending in a colon introduces what follows: a list of tour
	// dates, ingredients or steps belongs to the body
	if bestEnd < len(ls) && !strings.HasSuffix(d.Text[ls[bestEnd-1].Start:ls[bestEnd-1].End], ":") &&
		strings.HasSuffix(d.Text[ls[bestEnd].Start:ls[bestEnd].End], ":") && !ls[bestEnd].boiler && ls[bestEnd].words >= 3 {
		bestEnd++ // "The tour's 2020 dates:" just after the last paragraph
	}
	if bestEnd < len(ls) && strings.HasSuffix(d.Text[ls[bestEnd-1].Start:ls[bestEnd-1].End], ":") {
		k := bestEnd
		// the list runs on over blank lines while its items are numbered
		// or bulleted ("2) …", "• …") or bare links
		marked := listItem(d.Text[ls[bestEnd].Start:ls[bestEnd].End])
		for k < len(ls) && !ls[k].boiler && ls[k].words <= 40 &&
			(k == bestEnd || !ls[k].blankBefore || marked && listItem(d.Text[ls[k].Start:ls[k].End])) {
			k++
		}
		bestEnd = k
	}
	// a standfirst: one summary paragraph between the headline and the
	// byline or date line is not the article's text
	dek := -1
	deepDate := "" // the first date line deeper in the body than headLines
	if n := bestStart + 1; n < bestEnd && ls[bestStart].body && (ls[n].byline || ls[n].date != "" && ls[n].words <= 8) &&
		tl.bodyWords(n, bestEnd) >= 2*ls[bestStart].words {
		dek = bestStart
		bestStart++
	}
	for i := bestStart; i < bestEnd; i++ {
		l := &ls[i]
		switch {
		case l.toc:
			l.role = doc.Boilerplate
		case l.body || l.code:
			l.role = doc.Body
		case l.boiler || l.words == 0:
			l.role = doc.Boilerplate
		case l.byline:
			l.role = doc.Byline
			if d.Byline == "" {
				d.Byline = bylineName(l.Of(d.Text))
			}
		case l.date != "" && l.words <= 8:
			l.role = doc.Dateline
			switch {
			case d.Published != "":
			case i <= bestStart+headLines:
				d.Published = l.date
			case deepDate == "":
				// further down, a short dated line is more often the
				// body's own (a table row, a timeline) than the
				// article's date: the last resort (headDate)
				deepDate = l.date
			}
		case isRelatedLead(d.Text[l.Start:l.End]) || l.words >= 4 && !l.ends && allCaps(d.Text[l.Start:l.End]):
			// "READ MORE: ..." or a capitalised link to another story
			l.role = doc.Related
		case l.words <= 3 && !l.blankBefore && !(i+1 < len(ls) && ls[i+1].blankBefore) && !l.ends:
			// a short line squeezed between others: a caption credit, a
			// time stamp, a button
			l.role = doc.Boilerplate
		default:
			l.role = doc.Body
		}
	}
	for _, in := range inserts {
		for k := in[0]; k < in[1] && k < bestEnd; k++ {
			if ls[k].headline {
				ls[k].role = doc.Related
			} else {
				ls[k].role = doc.Boilerplate
			}
		}
	}
	// above the body: date, byline, title
	titleAt := -1
	for i := bestStart - 1; i >= 0 && i >= bestStart-8; i-- {
		l := &ls[i]
		switch {
		case l.byline:
			l.role = doc.Byline
			if d.Byline == "" {
				d.Byline = bylineName(l.Of(d.Text))
			}
			if d.Published == "" && l.date != "" {
				d.Published = l.date
			}
			continue
		case l.date != "":
			l.role = doc.Dateline
			if d.Published == "" {
				d.Published = l.date
			}
			continue
		case l.words <= 2 || l.boiler || i == dek:
			continue
		case l.words >= 3 && l.words <= 30 && !l.teaser && titleAt < 0 && (!l.ends || l.words <= 20):
			titleAt = i
			if u := i - 1; l.body && u >= 0 && !ls[u].ends && !ls[u].boiler && !ls[u].teaser && ls[u].words >= 3 && ls[u].words <= 30 {
				// a standfirst sentence under its headline
				titleAt = u
			}
		}
		break
	}
	if titleAt >= 0 {
		ls[titleAt].role = doc.Title
		d.Title = ls[titleAt].Of(d.Text)
	}
	if d.Published == "" {
		d.Published = headDate(d.Text, ls, bestStart)
	}
	if d.Published == "" && bestStart < len(ls) {
		d.Published = openingDate(ls[bestStart].Of(d.Text))
	}
	if d.Published == "" {
		d.Published = footDate(d.Text, ls, bestEnd)
	}
	if d.Published == "" {
		d.Published = deepDate
	}
	// before and after the body: runs of headline lines are related items
	markRuns := func(from, to int) {
		for i := from; i < to; {
			if !ls[i].headline || ls[i].role != doc.Boilerplate {
				i++
				continue
			}
			j := i
			for j < to && ls[j].headline && ls[j].role == doc.Boilerplate {
				j++
			}
			if j-i >= 2 {
				for k := i; k < j; k++ {
					ls[k].role = doc.Related
				}
			}
			i = j
		}
	}
	markRuns(0, bestStart)
	markRuns(bestEnd, len(ls))
}

// proseRun returns the run of lines [start, end) with the best sum, prose
// lines counting their words and other lines a cost, so a list of
// headlines or a menu splits regions while a subheading does not; start
// is -1 when no line is prose.
func proseRun(ls []line) (bestStart, bestEnd int) {
	weights := make([]int, len(ls))
	for i, l := range ls {
		switch {
		case l.body:
			weights[i] = l.words
		case l.code || l.toc:
			// a code listing neither makes nor breaks a run: the prose
			// around it joins over it, however long it is; nor does a
			// table of contents between an encyclopedia's lead and its
			// first section
			weights[i] = 0
		case l.boiler:
			weights[i] = -(6 + l.words)
		case l.words >= 8 && !l.headline || l.blankBefore && (i+1 == len(ls) || ls[i+1].blankBefore) && l.words >= 2 && !l.headline:
			// a short paragraph of its own ("Now get prepping!"): pasted
			// page text sets paragraphs apart with blank lines, menus not
			weights[i] = -1
		default:
			weights[i] = -(5 + l.words)
		}
	}
	best := 0
	bestStart, bestEnd = -1, -1
	sum, start := 0, 0
	for i, w := range weights {
		if sum <= 0 {
			sum, start = 0, i
		}
		sum += w
		if sum > best {
			best, bestStart, bestEnd = sum, start, i+1
		}
	}
	return bestStart, bestEnd
}

// teaserRun returns where, in ls[from:to], a run of at least three
// "short headline line, single summary paragraph" pairs begins that lasts
// to the end, or to when there is none. Articles with subheadings put
// several paragraphs under each; story lists put one short one.
func teaserRun(ls []line, from, to int) int {
	start, pairs := to, 0
	i := to - 1
	for i >= from {
		if !ls[i].body || ls[i].words > 60 {
			break
		}
		k := i - 1
		// a byline or a date may sit between headline and summary
		for skip := 0; skip < 2 && k > from && !ls[k].body && (ls[k].date != "" || ls[k].words <= 3 || ls[k].byline); skip++ {
			k--
		}
		if k < from || ls[k].body || ls[k].words < 3 || ls[k].words > 20 {
			break
		}
		pairs++
		start = k
		i = k - 1
	}
	if pairs >= 3 && start > from {
		return start
	}
	return to
}

// listItem reports whether s starts with a list marker ("2)", "3.", "•",
// "-", "*") or is a bare link.
func listItem(s string) bool {
	if strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") {
		return !strings.Contains(s, " ")
	}
	for _, b := range []string{"• ", "- ", "* ", "– ", "· "} {
		if strings.HasPrefix(s, b) {
			return true
		}
	}
	i := 0
	for i < len(s) && i < 3 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i > 0 && i+1 < len(s) && (s[i] == ')' || s[i] == '.') && s[i+1] == ' '
}

// tally holds running counts over the lines, so the prose of any range
// is two subtractions: the heading checks below then stay linear in the
// number of lines however many headings a paste holds.
type tally struct {
	words, prose, heads []int // before line i: prose words, prose lines, headline lines
}

// newTally counts the prose lines of ls (teasers cut short, "…", are
// summaries of other stories and do not count) and the headline lines.
func newTally(ls []line) tally {
	t := tally{make([]int, len(ls)+1), make([]int, len(ls)+1), make([]int, len(ls)+1)}
	for i, l := range ls {
		t.words[i+1], t.prose[i+1], t.heads[i+1] = t.words[i], t.prose[i], t.heads[i]
		switch {
		case l.body && !l.teaser:
			t.words[i+1] += l.words
			t.prose[i+1]++
		case l.headline:
			t.heads[i+1]++
		}
	}
	return t
}

// bodyWords returns the words of the prose lines in [from, to).
func (t tally) bodyWords(from, to int) int { return t.words[to] - t.words[from] }

// insertEnd returns where a list set into the article ends when the
// heading at ls[h] opens one: a block of short lines with no blank line
// between them, after which the article goes on for at least three
// paragraphs and 100 words before to, with few headline lines among them
// (a list of "headline, summary" pairs is not the article). It returns -1
// when the heading ends the article instead.
func insertEnd(ls []line, t tally, h, to int) int {
	j := h + 1
	for j < to && j-h <= 30 && !ls[j].blankBefore && !ls[j].body {
		j++
	}
	if j-h < 3 || j-h > 30 || j >= to || !ls[j].body {
		// a box set into a story is short
		return -1
	}
	n, heads := t.prose[to]-t.prose[j], t.heads[to]-t.heads[j]
	if n < 3 || t.bodyWords(j, to) < 100 || heads*3 > n {
		// too little prose after it, or summaries of other stories under
		// their headlines
		return -1
	}
	return j
}

// isCommentsHeading reports whether a line opens a comments section:
// "Comments", "[ 167 comments ]", "Top Rated Comments", "3 Comments".
func isCommentsHeading(s string) bool {
	low := strings.ToLower(strings.Trim(s, "[]() "))
	f := strings.Fields(low)
	if len(f) == 0 || len(f) > 5 {
		return false
	}
	last := f[len(f)-1]
	return last == "comments" || last == "comment" || last == "responses" || last == "replies" || strings.HasPrefix(low, "join the discussion") || strings.HasPrefix(low, "join the conversation")
}

// isRelatedLead reports whether a line inside the body is an inserted link
// ("Read more: ...", "RELATED: ...").
func isRelatedLead(s string) bool {
	low := strings.ToLower(s)
	for _, p := range []string{"read more", "related:", "related coverage", "see also", "read also", "also read", "more:", "watch:", "listen:", "recommended:"} {
		if strings.HasPrefix(low, p) {
			return true
		}
	}
	return false
}

// isByline reports whether s is a byline: "By Jane Doe", "Written by ...".
func isByline(s string, words int) bool {
	return bylineLow(s, strings.ToLower(s), words)
}

// bylineLow is isByline given s lower-cased too.
func bylineLow(s, low string, words int) bool {
	if words < 2 || words > 16 {
		return false
	}
	for _, p := range []string{"by ", "by: ", "written by ", "words by ", "story by ", "reporting by ", "posted by ", "von "} {
		if strings.HasPrefix(low, p) {
			r, _ := utf8.DecodeRuneInString(strings.TrimLeft(s[len(p):], " :"))
			return unicode.IsUpper(r) || strings.HasPrefix(low, "written") || strings.HasPrefix(low, "posted")
		}
	}
	return false
}

// bylineName returns the names of a byline line: "By Jane Doe | Nov 5,
// 2019" gives "Jane Doe".
func bylineName(s string) string {
	low := strings.ToLower(s)
	for _, p := range []string{"written by", "words by", "story by", "reporting by", "posted by", "by:", "by", "von"} {
		if strings.HasPrefix(low, p) {
			s = strings.TrimLeft(s[len(p):], " :")
			break
		}
	}
	for _, sep := range []string{" | ", " - ", " – ", " — ", " · ", " • ", "\n", "  ", ", updated", " updated", " published", " on "} {
		if k := strings.Index(strings.ToLower(s), sep); k > 0 {
			s = s[:k]
		}
	}
	// cut at a date: "Jane Doe November 18, 2019", "Jane Doe 18 Nov 2019".
	// A month name counts only next to a digit: "Laura June Topolsky" and
	// "April Ryan" are names.
	fs := strings.Fields(s)
	for i, f := range fs {
		if i > 0 && monthNumber(strings.Trim(f, ".,")) > 0 {
			if isDigits(strings.Trim(fs[i-1], ".,")) {
				fs = fs[:max(i-1, 1)]
				break
			}
			if i+1 < len(fs) && startsWithDigit(fs[i+1]) {
				fs = fs[:i]
				break
			}
		}
		// "Jane Doe 3 Comments"
		if i > 0 && isDigits(f) && i+1 < len(fs) && strings.HasPrefix(strings.ToLower(fs[i+1]), "comment") {
			fs = fs[:i]
			break
		}
	}
	return tidyName(strings.TrimRight(strings.Join(fs, " "), " ,;"))
}

func startsWithDigit(s string) bool {
	return s != "" && s[0] >= '0' && s[0] <= '9'
}

// roleWords mark the part of a byline after the names: "Tom Krisher, AP
// Auto Writer", "Jill Disis, CNN Business".
var roleWords = map[string]bool{
	"writer": true, "press": true, "reporter": true, "correspondent": true, "editor": true, "business": true,
	"contributor": true, "columnist": true, "media": true, "staff": true, "news": true, "agency": true, "ap": true,
}

// agencies are news agencies printed after the names without a comma.
var agencies = []string{" associated press", " the associated press", " usa today", " reuters", " afp", " ap"}

// shouting reports a name in capitals ("MEG KINNARD and ERRIN HAINES"):
// every word but "and" is upper case.
func shouting(s string) bool {
	caps := false
	for _, f := range strings.Fields(s) {
		if f == "and" {
			continue
		}
		if strings.ToUpper(f) != f {
			return false
		}
		caps = caps || strings.ToLower(f) != f
	}
	return caps
}

// tidyName keeps the names of a byline: it drops roles and credentials
// after a comma ("…, AP Sports Writer", "…, MS, RD") and a news agency
// after the names, and writes an all-capitals name in title case.
func tidyName(s string) string {
	parts := strings.Split(s, ",")
	keep := parts[:1]
	for _, p := range parts[1:] {
		role := false
		for _, w := range strings.Fields(strings.ToLower(p)) {
			if roleWords[strings.Trim(w, ".")] {
				role = true
			}
		}
		if f := strings.TrimSpace(p); role || len(f) <= 4 && strings.ToUpper(f) == f || f == "PhD" {
			break
		}
		keep = append(keep, p)
	}
	s = strings.TrimSpace(strings.Join(keep, ","))
	low := strings.ToLower(s)
	for _, a := range agencies {
		if strings.HasSuffix(low, a) && countWords(s[:len(s)-len(a)]) >= 2 {
			s = strings.TrimSpace(s[:len(s)-len(a)])
			break
		}
	}
	if shouting(s) {
		fs := strings.Fields(strings.ToLower(s))
		for i, f := range fs {
			if f == "and" {
				continue
			}
			r, n := utf8.DecodeRuneInString(f)
			fs[i] = string(unicode.ToUpper(r)) + f[n:]
		}
		s = strings.Join(fs, " ")
	}
	return s
}

// boilerplate vocabulary: matched against whole short lines or prefixes.
var boilerExact = map[string]bool{}

var boilerContains = []string{
	"©", "copyright", "all rights reserved", "privacy policy", "terms of use", "terms of service",
	"cookie", "subscribe", "newsletter", "sign up", "sign in", "log in", "skip to", "advertisement",
	"share this", "follow us", "download the app", "this story has been shared", "click here",
	"affiliate", "your inbox", "javascript", "filed under",
}

func init() {
	for _, w := range strings.Split(`home|menu|search|share|tweet|email|print|comments|comment|facebook|twitter|
	linkedin|pinterest|reddit|whatsapp|instagram|youtube|flipboard|copy|copy link|rss|more|next|previous|close|
	advertisement|ad|sponsored|related|trending|most read|most popular|popular|recommended|tags|topics|
	filed under|share on facebook|share on twitter|read more|continue reading|loading|subscribe|sign in|
	log in|login|register|contact|about|about us|contact us|sections|news|top stories|latest|latest news|
	you may also like|more stories|more from|see also|enlarge image|image|photo|video|play|watch|listen|
	back to top|skip to main content|caption|back to gallery|view gallery|shares|share this article|share this article:|sharing is caring!`, "|") {
		boilerExact[strings.TrimSpace(w)] = true
	}
}

// boilerAnyLength marks consent banners and legal notices, however long.
var boilerAnyLength = []string{
	"use cookies", "uses cookies", "cookie policy", "cookie settings", "accept cookies", "necessary cookies",
	"this website uses", "all rights reserved", "by continuing to use", "please enable javascript",
	"activation link", "your subscription", "unsubscribe", "stay up to date with", "subscribe to our",
	"sign up for our", "join our",
}

// The phrases of boilerAnyLength and boilerContains, indexed by their
// first byte: a line is read once for all of them, not once for each.
var anyLength, shortBoiler = newPhrases(boilerAnyLength), newPhrases(boilerContains)

// phrases finds whether a text contains any of a list of phrases of two
// bytes or more. A bit for each pair of bytes that opens a phrase lets
// most positions of a line be passed with one test.
type phrases struct {
	byFirst [256][]string
	pairs   [1 << 16 / 64]uint64 // bit a<<8|b: some phrase opens with bytes a, b
	// the stride scan's (in): its stride, at most 8 and at most the
	// length of the shortest phrase of minStride bytes or more less one
	// (0: no such phrase), and by pair of bytes (hashed, pairHash) the
	// positions below stride at which some such phrase holds it
	stride int
	at     [pairSlots]uint8
	// the phrases under minStride bytes, found by strings.Contains
	short []string
}

// newPhrases indexes list (phrases of two bytes or more) by first byte
// and opening pair, and by the pairs of bytes the stride scan reads.
//
// Not inlined: it runs only at init, and inlined its loops would be
// charged to the package's whole init (docs/architecture.md, "Start-up in wasm").
//
//go:noinline
func newPhrases(list []string) *phrases {
	p := &phrases{stride: 8}
	for _, s := range list {
		if len(s) < 2 {
			panic("article: a boilerplate phrase of one byte: " + s)
		}
		if len(s) < minStride {
			p.short = append(p.short, s)
			continue
		}
		p.byFirst[s[0]] = append(p.byFirst[s[0]], s)
		k := uint(s[0])<<8 | uint(s[1])
		p.pairs[k/64] |= 1 << (k % 64)
		p.stride = min(p.stride, len(s)-1)
	}
	if len(p.short) == len(list) {
		p.stride = 0
	}
	for _, s := range list {
		for o := 0; o < p.stride && len(s) >= minStride; o++ {
			p.at[pairHash(s[o], s[o+1])] |= 1 << o
		}
	}
	return p
}

// minStride is the shortest phrase the stride scan finds: shorter ones
// would make its stride too short to pay.
const minStride = 4

// pairSlots is the size of the stride scan's table (phrases.at).
const pairSlots = 1 << 12

// pairHash is the slot of the pair of bytes a, b in phrases.at: pairs
// that share one add positions to try, never miss one.
func pairHash(a, b byte) uint16 { return (uint16(a)<<5 ^ uint16(b)) & (pairSlots - 1) }

// in reports whether s contains one of the phrases.
//
// It reads s by strides (Wu and Manber's scan, with pairs of bytes as its
// blocks): a phrase of n >= stride+1 bytes at i holds a pair of bytes at
// each of i, i+1 ... i+stride-1, and a stride lands on exactly one of
// them. Where the pair it lands on is at no position of a phrase's first
// stride ones (at), no phrase can cover it there, and the scan moves on;
// else each position it may be at gives an opening to test. The consent
// phrases, of 8 bytes or more, are read one pair in 7; the caption
// phrases one in 5. Phrases under minStride bytes ("©") are looked for
// on their own.
func (p *phrases) in(s string) bool {
	for _, q := range p.short {
		if strings.Contains(s, q) {
			return true
		}
	}
	if p.stride == 0 {
		return false
	}
	for j := p.stride - 1; j+1 < len(s); j += p.stride {
		for m := p.at[pairHash(s[j], s[j+1])]; m != 0; m &= m - 1 {
			if i := j - bits.TrailingZeros8(m); i >= 0 && p.opensAt(s, i) {
				return true
			}
		}
	}
	return false
}

// opensAt reports whether one of the phrases opens s[i:] (i+1 < len(s)).
func (p *phrases) opensAt(s string, i int) bool {
	k := uint16(s[i])<<8 | uint16(s[i+1])
	if p.pairs[k/64]&(1<<(k%64)) == 0 {
		return false
	}
	for _, q := range p.byFirst[s[i]] {
		if strings.HasPrefix(s[i:], q) {
			return true
		}
	}
	return false
}

// isBoilerplate reports whether a line is navigation, sharing, advertising
// or footer text.
func isBoilerplate(s string, words int) bool {
	return boilerplateLow(strings.ToLower(s), words)
}

// boilerplateLow is isBoilerplate given the line lower-cased (lower-casing
// maps no other character to a space, so trimming before or after is the
// same).
func boilerplateLow(line string, words int) bool {
	low := strings.TrimSpace(line)
	if boilerExact[strings.TrimRight(low, ":")] {
		return true
	}
	if words == 0 {
		return true
	}
	if anyLength.in(low) {
		return true
	}
	if words <= 14 {
		if shortBoiler.in(low) {
			return true
		}
		// "About / Advertise / Contact", "Home | News | Sport"
		// (a line with neither mark is not counted: Count finds each
		// space by IndexByte to try " / " there)
		if (strings.IndexByte(line, '/') >= 0 || strings.IndexByte(line, '|') >= 0) &&
			strings.Count(line, " / ")+strings.Count(line, " | ") >= 2 {
			return true
		}
	}
	return false
}

// lower is strings.ToLower(s). ToLower maps every rune through
// unicode.ToLower as soon as s holds one non-ASCII character (a curly
// quote in a pasted article), a call per character, which costs in wasm;
// here ASCII is lowered in the loop and a non-ASCII rune is only checked to
// be its own lower case (else, or for bytes that are not UTF-8, ToLower
// does it all). The line is read up to its first capital or non-ASCII
// byte (a line's first letter, mostly), and lowered from there in one loop
// (ToLower reads an ASCII line for upper case, then lowers it a byte at a
// time through a strings.Builder).
func lower(s string) string {
	i := 0
	for i < len(s) && s[i] < utf8.RuneSelf && (s[i] < 'A' || s[i] > 'Z') {
		i++
	}
	if i == len(s) {
		return s // lower case ASCII: as ToLower gives it
	}
	b := make([]byte, len(s))
	copy(b, s[:i])
	for i < len(s) {
		if i+8 <= len(s) {
			// eight ASCII bytes lowered as one word (the comment after lower says how)
			x := swar.Load(s[i : i+8])
			if x&swar.Top == 0 {
				x |= (x + (0x80-'A')*swar.Ones) &^ (x + (0x80-'Z'-1)*swar.Ones) & swar.Top >> 2
				d := b[i : i+8]
				d[0], d[1], d[2], d[3] = byte(x), byte(x>>8), byte(x>>16), byte(x>>24)
				d[4], d[5], d[6], d[7] = byte(x>>32), byte(x>>40), byte(x>>48), byte(x>>56)
				i += 8
				continue
			}
		}
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b[i] = c
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError || unicode.ToLower(r) != r {
			return strings.ToLower(s)
		}
		copy(b[i:], s[i:i+n])
		i += n
	}
	return unsafe.String(&b[0], len(b))
}

// lower's eight-byte words: a word with no top bit set is ASCII, and each
// of its bytes has its top bit set in x+(0x80-'A')·ones when it is 'A' or
// above and in x+(0x80-'Z'-1)·ones when it is above 'Z' (no byte carries
// into the next: 0x7f+0x3f < 0x100); a capital's bit, moved down two
// places, is its 0x20, which lowers it.

// headLines is how far into the body's first lines a date line still
// dates the article, as for HTML blocks (extract.go).
const headLines = 3

// headWindow is how many lines above the body headDate reads: share
// buttons, photo credits, standfirsts and section names stand between a
// page's date line and its first paragraph.
const headWindow = 20

// headDate reads the article's date from the date lines above the body
// when the scan up to the title found none there: the nearest line above
// the body that gives a publication date (a short dated line, or a byline
// with a date), or, when the nearest gives only an update date, a
// publication date within three more lines ("Posted: …" above "Updated:
// …"), else that update date.
func headDate(text string, ls []line, bestStart int) string {
	update, left := "", -1
	for i := bestStart - 1; i >= 0 && i >= bestStart-headWindow && left != 0; i-- {
		left--
		l := &ls[i]
		if l.words > 12 && !l.byline || l.words > 14 {
			continue
		}
		d, upd := "", false
		if l.date != "" {
			d, upd = shownDate(l.Of(text))
		} else {
			d = wideDate(l.Of(text))
		}
		if d == "" {
			continue
		}
		if !upd {
			return d
		}
		if update == "" {
			update, left = d, 3
		}
	}
	return update
}

// footDate reads a byline with a date just under the body ("Written by
// Jane Doe on November 14, 2019", "Posted by admin on …"), where blogs
// and some magazines print it, when nothing above the body dated the
// article.
func footDate(text string, ls []line, bestEnd int) string {
	for i := bestEnd; i < len(ls) && i < bestEnd+headLines; i++ {
		if l := &ls[i]; l.byline && l.date != "" {
			d, _ := shownDate(l.Of(text))
			return d
		}
	}
	return ""
}

// Rules for shapes of copied page text the dev pastes lacked (fifteenth
// round, docs/extraction.md "Pasted text on Readability's pages"); each
// can be switched off to measure the others.
const (
	codeRule   = true // code listings bridge the prose around them
	markedRule = true // runs of typed "+ item" lines are content
	cellRule   = true // table cells copied one a line are content
)

// Rules of the sixteenth round (docs/extraction.md "Pasted text on
// Readability's pages, second pass"), switched like the three above.
const (
	numberedRule = true // "1. …", "2. …" under a line ending in ":" are content
	markupRule   = true // markup printed as text (a noscript fallback) is boilerplate
	countRule    = true // "View comments (27)" opens the comments
)

// Rules of the sixteenth round's third pass (docs/extraction.md "Pasted
// text, third pass"), switched like the ones above.
const (
	moreRule = true // "More (remote) mentorship" over prose is a subheading
	tocRule  = true // a numbered table of contents neither makes nor breaks a run
)

// markPasted marks the lines of code listings (line.code), runs of three
// or more typed list items, tables whose cells a browser copies one a line
// and numbered lists a line ending in ":" introduces (body, as markTables
// does), and markup printed as text (boilerplate). One pass over the
// lines, a run marked when it ends; box-drawing characters are found by
// one byte search over the whole text rather than one a line (nextBox),
// and the list and markup checks only read lines whose first byte may
// start one.
func markPasted(text string, ls []line) {
	content := func(from, to int) {
		for k := from; k < to; k++ {
			if !ls[k].repeated && !ls[k].boiler {
				ls[k].body, ls[k].headline = true, false
			}
		}
	}
	box := nextBox(text, 0)
	typed, cells := -1, 0               // where the current run of typed items and of cells began
	numbered, next := -1, 0             // where an introduced numbered list began, and the number it waits for
	toc, tocTop, tocSub := -1, 0, false // where a table of contents began, its last top number, whether it has "1.1"
	endToc := func(i int) {
		if toc >= 0 && (i-toc >= 5 || tocSub && i-toc >= 3) {
			from := toc
			if h := toc - 1; h >= 0 && !ls[toc].blankBefore && ls[h].words <= 2 && !ls[h].body && !ls[h].ends {
				from = h // its "Contents" heading
			}
			for k := from; k < i; k++ {
				ls[k].toc, ls[k].body, ls[k].headline = true, false, false
			}
		}
		toc = -1
	}
	for i := range ls {
		l := &ls[i]
		c := text[l.Start] // a quick look at the first byte passes most lines
		if tocRule && (toc >= 0 || c == '1') {
			top, depth := 0, 0
			if c >= '0' && c <= '9' {
				top, depth = tocNumber(text[l.Start:l.End])
			}
			switch {
			case toc >= 0 && !l.blankBefore && (top == tocTop && depth > 1 || top == tocTop+1):
				tocTop = top
				tocSub = tocSub || depth > 1
			default:
				endToc(i)
				if top == 1 && depth == 1 {
					toc, tocTop, tocSub = i, 1, false
				}
			}
		}
		if numberedRule && (numbered >= 0 || c >= '0' && c <= '9') {
			n := 0
			if c >= '0' && c <= '9' {
				n = itemNumber(text[l.Start:l.End])
			}
			switch {
			case numbered >= 0 && n == next:
				next++
			case n == 1 && i > 0 && text[ls[i-1].End-1] == ':':
				if numbered >= 0 && next-1 >= 3 {
					content(numbered, i)
				}
				numbered, next = i, 2
			case numbered >= 0:
				if next-1 >= 3 {
					content(numbered, i)
				}
				numbered = -1
			}
		}
		if codeRule {
			for box < l.Start {
				box = nextBox(text, box+1)
			}
			if !l.body && (box < l.End || codeShape(text, l.Span)) {
				l.code = true
			}
		}
		if markupRule && c == '<' && !l.code && markupLine(text[l.Start:l.End]) {
			l.body, l.headline, l.boiler = false, false, true
		}
		if markedRule {
			switch {
			case c != '+' && c != '*' && c != '-' && c < 0xC2 || !typedItem(text[l.Start:l.End]):
				if typed >= 0 {
					if i-typed >= 3 {
						content(typed, i)
					}
					typed = -1
				}
			case typed < 0 || l.blankBefore:
				if typed >= 0 && i-typed >= 3 {
					content(typed, i)
				}
				typed = i
			}
		}
		if cellRule && i > 0 && (l.Start-ls[i-1].End < 3 || !tabBetween(text, ls[i-1].End, l.Start)) {
			if i-cells >= 3 {
				content(cells, i)
			}
			cells = i
		}
	}
	if markedRule && typed >= 0 && len(ls)-typed >= 3 {
		content(typed, len(ls))
	}
	if cellRule && len(ls)-cells >= 3 {
		content(cells, len(ls))
	}
	if numberedRule && numbered >= 0 && next-1 >= 3 {
		content(numbered, len(ls))
	}
	if tocRule {
		endToc(len(ls))
	}
}

// tocNumber reads a line of a table of contents as copied from a page
// ("2 History", "3.7.1 NSS": a section number, a space, a heading with no
// final punctuation): it returns the top number and how many numbers the
// section number has, or 0, 0 when s does not read so. A numbered list
// item ("1. Finland") has a dot before its space and is not one.
func tocNumber(s string) (top, depth int) {
	rest := s
	for {
		v, r := leadingNumber(rest, 3)
		if len(r) == len(rest) {
			return 0, 0 // no number here, or one of four digits or more
		}
		if depth == 0 {
			top = v
		}
		depth++
		rest = r
		if len(rest) >= 2 && rest[0] == '.' && rest[1] >= '0' && rest[1] <= '9' {
			rest = rest[1:]
			continue
		}
		break
	}
	if len(rest) < 2 || rest[0] != ' ' || rest[1] == ' ' || len(s) > 100 {
		return 0, 0
	}
	switch s[len(s)-1] {
	case '.', '!', '?', ':', ';', ',':
		return 0, 0
	}
	return top, depth
}

// moreSubheading reports whether the line ls[i], s, which starts "More …",
// is a subheading of the story rather than the heading of a list of other
// stories: it is in sentence case ("More (remote) mentorship": a word
// after "More" starts in lower case), is none of the fixed section ends
// ("More from", "More on"), and the next line is prose. "More Stories",
// "More Washington Examiner" are title-cased and head short headlines.
func moreSubheading(s string, ls []line, i, to int) bool {
	if len(s) < 5 || !strings.EqualFold(s[:5], "more ") || i+1 >= to || !ls[i+1].body || ls[i+1].teaser {
		return false
	}
	low := strings.ToLower(s)
	for _, p := range sectionEnds {
		if strings.HasPrefix(low, p) {
			return false
		}
	}
	for _, w := range strings.Fields(s[5:]) {
		w = strings.TrimLeft(w, "(\"'“‘")
		if w != "" && w[0] >= 'a' && w[0] <= 'z' {
			return true
		}
	}
	return false
}

// itemNumber returns the number of a numbered list item ("3. Australia",
// "3) Australia"), or 0 when s does not start like one.
func itemNumber(s string) int {
	n, rest := leadingNumber(s, 3)
	if len(rest) == len(s) || len(rest) < 2 || rest[0] != '.' && rest[0] != ')' || rest[1] != ' ' {
		return 0
	}
	return n
}

// markupLine reports whether s is markup printed as text: it starts with a
// tag, ends with one, is 40 bytes or longer and half or more of it lies
// inside tags. A page's <noscript> fallback saved as escaped markup (a
// tracking pixel, a "JavaScript is off" box) shows so when scripts are off;
// a short tag alone ("<html>") may be a line of a listing and stays.
func markupLine(s string) bool {
	if len(s) < 40 || s[0] != '<' || s[len(s)-1] != '>' {
		return false
	}
	if c := s[1]; !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '/' || c == '!') {
		return false
	}
	in, inTag := 0, false
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '<':
			inTag = true
		case '>':
			if inTag {
				in++ // the closing '>' itself
			}
			inTag = false
		}
		if inTag {
			in++
		}
	}
	return 2*in >= len(s)
}

// countedComments reports whether s is a comments heading with its count
// in brackets after it ("View comments (27)", "Comments (0)"), which
// isCommentsHeading, shared with the HTML path, does not take.
func countedComments(s string) bool {
	s = strings.TrimSpace(s)
	j := strings.LastIndexByte(s, '(')
	if j <= 0 || !strings.HasSuffix(s, ")") || !isDigits(s[j+1:len(s)-1]) {
		return false
	}
	return isCommentsHeading(s[:j])
}

// codeShape reports whether the non-empty line at sp reads as code by its
// shape: indented by two or more spaces (copied page text starts its lines
// flush; only pre-formatted text keeps leading spaces), or ending in a
// brace or a semicolon. markPasted adds lines drawn with box-drawing
// characters (a query's result).
func codeShape(text string, sp doc.Span) bool {
	switch text[sp.End-1] {
	case '{', '}', ';':
		return true
	}
	k := sp.Start
	if k < 2 || text[k-1] != ' ' || text[k-2] != ' ' {
		return false
	}
	for k > 0 && text[k-1] == ' ' {
		k--
	}
	return k == 0 || text[k-1] == '\n'
}

// nextBox returns the first position at or after from where text holds
// "│" or "──" (U+2502, U+2500), or len(text) when there is none.
func nextBox(text string, from int) int {
	for from < len(text) {
		j := strings.IndexByte(text[from:], 0xE2)
		if j < 0 {
			break
		}
		from += j
		if boxAt(text[from:]) {
			return from
		}
		from++
	}
	return len(text)
}

// boxAt reports whether s starts with "│" or "──".
func boxAt(s string) bool {
	return strings.HasPrefix(s, "│") || strings.HasPrefix(s, "──")
}

// typedItem reports whether s starts with a list marker typed into the
// text ("+ ", "* ", "- ", "• ", "– ", "· "): a browser copies no marker of
// an HTML list, so these are the author's.
func typedItem(s string) bool {
	if len(s) < 2 {
		return false
	}
	switch s[0] {
	case '+', '*', '-':
		return s[1] == ' '
	case 0xE2:
		return strings.HasPrefix(s, "• ") || strings.HasPrefix(s, "– ")
	case 0xC2:
		return strings.HasPrefix(s, "· ")
	}
	return false
}

// tabBetween reports whether the gap text[from:to] between two lines holds
// a line of only a tab: a browser copies the cells of a table whose cells
// hold paragraphs one a line, a tab on the line between.
func tabBetween(text string, from, to int) bool {
	return to-from >= 3 && strings.Contains(text[from:to], "\n\t\n")
}

// Package quote finds the quotations of an article and, where the text
// says who spoke, their speaker.
//
// A quotation's span is the text between its marks, without the marks and
// without the comma that often precedes a closing mark ("“We agree,” he
// said" gives "We agree"), so that highlighting a quote shows the words
// said. Short scare-quotes ("paid “up front”") are quotations too: the
// reader sees the article's own emphasis.
//
// Marks are read from the block text in one pass, so quotes are found even
// where the sentence splitter sees none; speakers are read from the tokens
// and entity mentions around each quote. docs/figures.md describes the
// rules and their limits.
package quote

import (
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/lede-news/lede/internal/charref"
	"github.com/lede-news/lede/internal/doc"
	"github.com/lede-news/lede/internal/smallsort"
)

// maxSingle bounds a quotation in single marks: past it, a lone ’ is far
// more likely an apostrophe than a closing mark.
const maxSingle = 400

// Annotate sets d.Quotes. Run it after package entity: speakers are
// resolved to the fullest name of the entity mentioned.
func Annotate(d *doc.Document) {
	// pasted text may hold character references: "&quot;" may be a mark,
	// "&nbsp;" before it a space (text from HTML holds none to read)
	a := annotator{d: d, text: d.Text, refs: !d.FromHTML}
	a.indexMentions()
	pending := -1 // index in a.quotes of a quote left open at the end of the previous block
	for _, b := range d.Blocks {
		if b.Role == doc.Boilerplate || b.Start < 0 || b.End > len(d.Text) || b.Start >= b.End {
			continue
		}
		a.blockEnd = b.End
		next, continued := a.block(b.Span, pending)
		if pending >= 0 && !continued {
			a.quotes[pending].drop = true
		}
		pending = next
	}
	if pending >= 0 {
		a.quotes[pending].drop = true
	}
	for i := range a.quotes {
		q := &a.quotes[i]
		if q.Speaker == "" {
			a.curBlock = q.blockEnd
			q.Speaker = a.speaker(q.open, q.close, q.blockEnd)
		}
		if q.Speaker != "" {
			a.lastSpeaker, a.lastSpeakerBlock = q.Speaker, q.blockEnd
		}
	}
	// Consecutive statements in one paragraph are the same speaker's
	// ("“A,” she said. “B.”"); scare-quoted words are not statements.
	for i := 1; i < len(a.quotes); i++ {
		q, p := &a.quotes[i], &a.quotes[i-1]
		if q.Speaker == "" && p.Speaker != "" && p.blockEnd == q.blockEnd && a.statement(p) && a.statement(q) {
			q.Speaker = p.Speaker
		}
	}
	// A quotation running over several paragraphs shares its speaker.
	for pass := 0; pass < 2; pass++ {
		for i := range a.quotes {
			q := &a.quotes[i]
			if q.chain >= 0 && q.Speaker == "" {
				q.Speaker = a.quotes[q.chain].Speaker
			}
			if q.chain >= 0 && a.quotes[q.chain].Speaker == "" {
				a.quotes[q.chain].Speaker = q.Speaker
			}
		}
	}
	out := make([]doc.Quote, 0, len(a.quotes))
	for _, q := range a.quotes {
		if !q.drop {
			out = append(out, q.Quote)
		}
	}
	d.Quotes = out
}

type quote struct {
	doc.Quote
	open, close int // the marks: text[open] starts the opening mark, close ends the closing one
	blockEnd    int // the end of the quote's block: attributions never cross it
	chain       int // the quote of the previous paragraph this one continues, or -1
	// drop marks a quote left open at the end of its paragraph that the
	// next paragraph does not continue: a stray mark, not a quotation.
	drop bool
}

type mention struct {
	doc.Span
	entity int
}

type annotator struct {
	d        *doc.Document
	text     string
	refs     bool // text may hold character references: "&quot;" is a mark (package charref)
	quotes   []quote
	mentions []mention // sorted by Start
	blockEnd int       // the end of the block being read
	// lastSpeaker is the speaker of the latest attributed quote: what "he
	// said" refers to in the same paragraph when no person entity is known.
	lastSpeaker                string
	lastSpeakerBlock, curBlock int
}

func (a *annotator) indexMentions() {
	n := 0
	for _, e := range a.d.Entities {
		n += len(e.Mentions)
	}
	// each mention's start and its place in entity order packed into one
	// int and sorted by smallsort (by insertion up to 256: each entity's
	// mentions are in text order already), then read back in that order:
	// sort.Slice's compares through a closure and swaps through
	// reflection were half the pass. Mentions come from one tagging and
	// never share a start; if two did, they would keep entity order.
	keys := make([]int, 0, n)
	all := make([]mention, 0, n)
	for ei, e := range a.d.Entities {
		for _, m := range e.Mentions {
			keys = append(keys, m.Start<<32|len(all))
			all = append(all, mention{m.Span, ei})
		}
	}
	smallsort.Sort(keys)
	a.mentions = slices.Grow(a.mentions[:0], n)[:n]
	for k, key := range keys {
		a.mentions[k] = all[key&(1<<32-1)]
	}
}

// markStarts holds the bytes a quotation mark starts with (markAt): the
// straight double quote, the apostrophe, the backquote, the lead bytes of
// the curly marks (0xE2) and of the guillemets (0xC2), and in [1] also '&'
// (a reference to a mark, in pasted text). One load a byte where block
// tested five.
var markStarts = func() (t [2][256]bool) {
	for _, c := range []byte{'"', '\'', '`', 0xE2, 0xC2} {
		t[0][c], t[1][c] = true, true
	}
	t[1]['&'] = true
	return t
}()

// A start and a mention's place, each under 2^32 (the engine reads at
// most 8 MiB), pack into an int (indexMentions): int has 64 bits (this
// fails to compile otherwise).
const _ = uint(math.MaxInt - 1<<62)

// mark kinds
const (
	none = iota
	dblOpen
	dblClose
	dblEither // straight "
	sglOpen
	sglEither // straight ' or ’ that may close
)

// block finds the quotations of one block. prevOpen is the quote left
// open by the previous block; it returns the quote this block leaves open
// (or -1) and whether the block continued prevOpen.
func (a *annotator) block(b doc.Span, prevOpen int) (int, bool) {
	t := a.text
	open := -1 // offset of the open double mark
	openEnd := 0
	chain := -1
	// A paragraph that opens with a quote mark while the previous one
	// left a quote open continues it: the newsroom convention for long
	// quotations.
	first := skipSpace(t, b.Start, b.End)
	if prevOpen >= 0 {
		if k, n := a.markAt(first); k == dblOpen || k == dblEither {
			chain = prevOpen
			open, openEnd = first, first+n
		}
	}
	continued := chain >= 0
	i0 := first
	if continued {
		i0 = openEnd
	}
	starts := &markStarts[0]
	if a.refs {
		starts = &markStarts[1]
	}
	for i := i0; ; {
		if i = nextMark(t, i, b.End, starts); i >= b.End {
			break
		}
		k, n := a.markAt(i)
		if k == none {
			i++
			continue
		}
		prev, next := a.runeBefore(b.Start, i), a.runeAfter(i+n, b.End)
		if i == b.Start {
			prev = ' '
		}
		if i+n >= b.End {
			next = ' '
		}
		if open >= 0 && open != i {
			// inside a double quotation: only its close matters
			if k == dblClose || k == dblEither && !unicode.IsSpace(prev) && !isWordRune(next) {
				a.add(openEnd, i, open, i+n, chain)
				open, chain = -1, -1
			} else if k == dblOpen || k == dblEither && opens(prev, next) {
				open, openEnd, chain = i, i+n, -1 // the earlier mark was never closed
			}
			i += n
			continue
		}
		switch k {
		case dblOpen, dblEither:
			if opens(prev, next) {
				open, openEnd, chain = i, i+n, -1
			}
			i += n
		case sglOpen, sglEither:
			if (k == sglOpen || a.straight(i)) && opens(prev, next) && !elision(t[i+n:b.End]) {
				if e, ce := a.singleClose(i+n, b.End); e >= 0 {
					a.add(i+n, e, i, ce, -1)
					i = ce
					continue
				}
			}
			i += n
		default:
			i += n
		}
	}
	if open >= 0 {
		// left open: kept only when the next paragraph continues it
		n := len(a.quotes)
		a.add(openEnd, b.End, open, b.End, chain)
		if len(a.quotes) > n {
			return n, continued
		}
	}
	return -1, continued
}

// statement reports whether q is a sentence someone said rather than a
// term in scare quotes: four words or more.
func (a *annotator) statement(q *quote) bool {
	return len(strings.Fields(a.text[q.Start:q.End])) >= 4
}

// add records the quotation text[s:e] whose marks span [open, close).
func (a *annotator) add(s, e, open, close, chain int) {
	t := a.text
	for s < e {
		r, n := utf8.DecodeRuneInString(t[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		s += n
	}
	for e > s {
		r, n := utf8.DecodeLastRuneInString(t[s:e])
		if !unicode.IsSpace(r) && r != ',' {
			break
		}
		e -= n
	}
	if !hasAlnum(t[s:e]) {
		return
	}
	a.quotes = append(a.quotes, quote{Quote: doc.Quote{Span: doc.Span{Start: s, End: e}}, open: open, close: close, chain: chain, blockEnd: a.blockEnd})
}

// nextMark returns the first i' >= i before end whose byte may start a
// mark by starts (markStarts[0], or [1] where references are read), or end.
func nextMark(t string, i, end int, starts *[256]bool) int {
	if i >= end {
		return end
	}
	s := t[i:end]
	for j := 0; j < len(s); j++ {
		if starts[s[j]] {
			return i + j
		}
	}
	return end
}

// singleClose finds the mark that closes a single-quoted quotation opened
// before i, preferring a mark followed by punctuation or a space before a
// capital over a plural possessive ("the workers’ union").
func (a *annotator) singleClose(i, end int) (int, int) {
	t := a.text
	if end > i+maxSingle {
		end = i + maxSingle
	}
	weak, weakEnd := -1, -1
	for j := i; j < end; {
		c := t[j]
		if c != '\'' && c != 0xE2 && (c != '&' || !a.refs) {
			if c == '\n' {
				break
			}
			j++
			continue
		}
		k, n := a.markAt(j)
		if k == none {
			j++
			continue
		}
		if k == dblOpen || k == dblClose || k == dblEither {
			break // a double mark inside: not a single-quoted quotation
		}
		if k == sglOpen || k == sglEither && a.straight(j) && j > i && unicode.IsSpace(a.runeBefore(i, j)) && j+n < end && isWordRune(a.runeAfter(j+n, len(t))) {
			// another opening mark: the quotation ended at the weak closer, if any
			if j > i && unicode.IsSpace(a.runeBefore(i, j)) {
				return weak, weakEnd
			}
		}
		if k != sglEither {
			j += n
			continue
		}
		prev := a.runeBefore(i, j)
		var next rune = ' '
		if j+n < end {
			next = a.runeAfter(j+n, len(t))
		}
		if j == i || unicode.IsSpace(prev) || isWordRune(next) {
			j += n // an apostrophe: "don’t", "’90s"
			continue
		}
		if prev == 's' && next == ' ' && j+n+1 < len(t) && unicode.IsLower(firstRune(t[j+n+1:])) {
			if weak < 0 {
				weak, weakEnd = j, j+n
			}
			j += n
			continue
		}
		return j, j + n
	}
	return weak, weakEnd
}

// markAt classifies the quotation mark at i and returns its byte length;
// in pasted text, a character reference to a mark is that mark ("&quot;",
// "&#39;", "&ldquo;").
func (a *annotator) markAt(i int) (int, int) {
	if a.refs && i < len(a.text) && a.text[i] == '&' {
		return refMark(a.text[i:])
	}
	return markAt(a.text, i)
}

// refMark classifies the character reference s starts with as markAt
// classifies the mark it stands for. Out of line: it runs on a '&' only.
//
//go:noinline
func refMark(s string) (int, int) {
	switch r, _, n := charref.At(s); r {
	case 0:
		return none, 0
	case '"':
		return dblEither, n
	case '\'', '’':
		return sglEither, n
	case '“', '„', '«':
		return dblOpen, n
	case '”', '»':
		return dblClose, n
	case '‘':
		return sglOpen, n
	}
	return none, 0
}

// runeBefore is the character that ends text[s:i] (utf8.RuneError when
// it is empty); in pasted text, a character reference that ends there is
// the character it stands for ("said:&nbsp;&quot;" opens after a space).
func (a *annotator) runeBefore(s, i int) rune {
	r, _ := utf8.DecodeLastRuneInString(a.text[s:i])
	if r == ';' && a.refs {
		r = refBefore(a.text[max(s, i-maxRefLen):i], r)
	}
	return r
}

// runeAfter is the character that starts text[i:e] (utf8.RuneError when
// it is empty), a character reference read as runeBefore reads one.
func (a *annotator) runeAfter(i, e int) rune {
	r, _ := utf8.DecodeRuneInString(a.text[i:e])
	if r == '&' && a.refs {
		if c, _, n := charref.At(a.text[i:e]); n > 0 {
			return c
		}
	}
	return r
}

// maxRefLen bounds a character reference's length: the longest html.CharRef
// reads, '&', a name of 33 bytes and ';' (a number's is shorter).
const maxRefLen = 35

// refBefore returns the character of the reference that ends s, or r when
// none does. Out of line: it runs on a ';' before a mark only.
//
//go:noinline
func refBefore(s string, r rune) rune {
	if j := strings.LastIndexByte(s, '&'); j >= 0 {
		if c, _, n := charref.At(s[j:]); n == len(s)-j {
			return c
		}
	}
	return r
}

// straight reports whether the mark at i is a straight ' (or a reference
// to one), which, unlike ’, may open a quotation.
func (a *annotator) straight(i int) bool {
	if a.text[i] == '&' && a.refs {
		r, _, _ := charref.At(a.text[i:])
		return r == '\''
	}
	return a.text[i] == '\''
}

// markAt classifies the quotation mark at i of t and returns its byte length.
func markAt(t string, i int) (int, int) {
	if i >= len(t) {
		return none, 0
	}
	switch t[i] {
	case '"':
		return dblEither, 1
	case '`':
		if i+1 < len(t) && t[i+1] == '`' {
			return dblOpen, 2 // ``TeX-style'' quotes, as in old wire copy
		}
		return none, 0
	case '\'':
		if i+1 < len(t) && t[i+1] == '\'' {
			return dblClose, 2
		}
		return sglEither, 1
	}
	r, n := utf8.DecodeRuneInString(t[i:])
	switch r {
	case '“', '„':
		return dblOpen, n
	case '”':
		return dblClose, n
	case '«':
		return dblOpen, n
	case '»':
		return dblClose, n
	case '‘':
		return sglOpen, n
	case '’':
		return sglEither, n
	}
	return none, 0
}

// opens reports whether a mark between prev and next can open a quotation:
// it follows a space, a bracket, a dash or another mark, and text follows it.
func opens(prev, next rune) bool {
	if unicode.IsSpace(next) || next == 0 {
		return false
	}
	return unicode.IsSpace(prev) || strings.ContainsRune("([{—–-/:“‘\"'«", prev)
}

// elision reports a leading apostrophe that shortens a word: "’90s", "’em".
func elision(rest string) bool {
	if rest != "" && rest[0] >= '0' && rest[0] <= '9' {
		return true
	}
	for _, w := range [...]string{"em ", "tis ", "twas ", "til ", "cause ", "n ", "n’ ", "n' "} {
		if len(rest) >= len(w) && strings.EqualFold(rest[:len(w)], w) {
			return true
		}
	}
	return false
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func hasAlnum(s string) bool {
	for _, r := range s {
		if isWordRune(r) {
			return true
		}
	}
	return false
}

func firstRune(s string) rune { r, _ := utf8.DecodeRuneInString(s); return r }

func skipSpace(t string, i, end int) int {
	for i < end {
		r, n := utf8.DecodeRuneInString(t[i:end])
		if !unicode.IsSpace(r) {
			break
		}
		i += n
	}
	return i
}

package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/lede-news/lede/internal/charref"
	"github.com/lede-news/lede/internal/doc"
)

// tokenize appends the tokens of text[start:end] to out.
//
// The rules follow the Penn Treebank where it matters to later stages:
// "U.S.", "Mr.", "a.m." and initials keep their period; "28,500" and "3.5"
// are one Number; a possessive "'s" is its own token ("Trump" "’s") while
// other contractions ("don't") stay whole; "$" and "%" are Symbols; URLs
// and e-mail addresses are one Word.
//
// With dec not nil (pasted plain text), a well-formed HTML character
// reference reads as the character it stands for (package charref): "&quot;"
// is one Punct token, "&nbsp;" a space, "don&#39;t" and "caf&eacute;" one
// Word each; a token holding one gets a Ref, and its decoded text is
// appended to *dec. Only a '&' costs anything more.
func tokenize(text string, start, end int, out []doc.Token, dec *[]string) []doc.Token {
	// a block without a '&' holds no reference: it is read as when
	// references are not (one IndexByte a block)
	refs := dec != nil && strings.IndexByte(text[start:end], '&') >= 0
	i := start
	// the next '@' at or after i (end: none), found again only once i has
	// passed it: a token that cannot open a URL ("http", "www.") and has no
	// '@' within linkEnd's reach is no link, which spares linkEnd's scan of
	// nearly every word
	at := -1
	for i < end {
		c := text[i]
		if c < utf8.RuneSelf {
			if c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v' {
				i++
				continue
			}
		}
		r, n := rune(c), 1
		alnum := false
		if c < utf8.RuneSelf {
			alnum = asciiAlnum[c] != 0 // isAlnum's answer, without the call
		} else {
			r, n = utf8.DecodeRuneInString(text[i:end])
			if unicode.IsSpace(r) {
				i += n
				continue
			}
			alnum = isAlnum(r)
		}
		if alnum {
			if at < i {
				at = end
				if k := strings.IndexByte(text[i:end], '@'); k >= 0 {
					at = i + k
				}
			}
			if l := c | 0x20; l == 'h' || l == 'w' || at < end && at-i < linkLongest {
				if j := linkEnd(text, i, end, refs); j > i {
					out = append(out, doc.Token{Span: doc.Span{Start: i, End: j}, Kind: doc.Word, Link: true})
					i = j
					continue
				}
			}
			j, kind := scanWord(text, i, end, refs)
			out = append(out, doc.Token{Span: doc.Span{Start: i, End: j}, Kind: kind})
			if refs {
				// Decode gives the word itself, with no allocation, when
				// it holds no well-formed reference (FuzzDecode)
				if w := charref.Decode(text[i:j]); w != text[i:j] {
					out[len(out)-1].Ref, out[len(out)-1].Kind = decodedWord(w, dec) // "don&#39;t"
				}
			}
			i = j
			continue
		}
		if c == '&' && refs {
			// not a letter, a digit or a space: a reference may stand for one
			if o, j, ok := refToken(text, i, end, out, dec); ok {
				out, i = o, j
				continue
			}
		}
		switch {
		case r == '.' || r == '-':
			// "..." and "--" are one mark each.
			j := i + 1
			for j < end && text[j] == c {
				j++
			}
			out = append(out, doc.Token{Span: doc.Span{Start: i, End: j}, Kind: doc.Punct})
			i = j
			continue
		case (r == '\'' || r == '’') && isPossessive(text, i+n, end, out, i):
			// the possessive of the word just before: "Trump" + "’s"
			out = append(out, doc.Token{Span: doc.Span{Start: i, End: i + n + 1}, Kind: doc.Word})
			i += n + 1
			continue
		}
		kind := doc.Symbol
		if isPunct(r) {
			kind = doc.Punct
		}
		out = append(out, doc.Token{Span: doc.Span{Start: i, End: i + n}, Kind: kind})
		i += n
	}
	return out
}

// isPossessive reports whether an apostrophe ending at k makes the
// possessive of the word token just before it, which ends at i: an "s"
// follows, and no letter or digit after it.
func isPossessive(text string, k, end int, out []doc.Token, i int) bool {
	return k < end && (text[k] == 's' || text[k] == 'S') && !nextIsAlnum(text, k+1, end) &&
		len(out) > 0 && out[len(out)-1].End == i && out[len(out)-1].Kind == doc.Word
}

// refToken reads the character reference at text[i] (a '&') as tokenize
// reads the character it stands for: a space, a word that starts with it
// ("&Eacute;mile"), the apostrophe of a possessive ("Barbour&#39;s") or one
// mark or symbol ("&quot;"). It returns false when text[i:] starts no
// reference, for tokenize to read the '&' as itself. Out of line: it runs
// on a '&' only.
//
//go:noinline
func refToken(text string, i, end int, out []doc.Token, dec *[]string) ([]doc.Token, int, bool) {
	r, n := refAt(text[i:end])
	if n == 1 {
		return out, i, false
	}
	var j int
	kind := doc.Symbol
	switch {
	case unicode.IsSpace(r):
		return out, i + n, true // &nbsp;
	case isAlnum(r):
		j, _ = scanWord(text, i, end, true)
		ref, kind := decodedWord(charref.Decode(text[i:j]), dec) // "&Eacute;mile"
		return append(out, doc.Token{Span: doc.Span{Start: i, End: j}, Kind: kind, Ref: ref}), j, true
	case (r == '\'' || r == '’') && isPossessive(text, i+n, end, out, i):
		j, kind = i+n+1, doc.Word
	default:
		j = i + n
		if isPunct(r) {
			kind = doc.Punct
		}
	}
	out = append(out, doc.Token{Span: doc.Span{Start: i, End: j}, Kind: kind, Ref: decode(text[i:j], dec)})
	return out, j, true
}

// decodedWord appends w, the decoded text of a word or number scanWord
// read, to *dec and returns the token's Ref and its kind as w gives it
// ("28&#44;500" is a Number, as "28,500" is).
func decodedWord(w string, dec *[]string) (int32, doc.Kind) {
	*dec = append(*dec, w)
	return int32(len(*dec)), classify(w)
}

// decode appends the text of a token holding a character reference to
// *dec, decoded, and returns the token's Ref.
func decode(s string, dec *[]string) int32 {
	*dec = append(*dec, charref.Decode(s))
	return int32(len(*dec))
}

func isAlnum(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	if isGeneralPunct(r) {
		return false // curly quotes and dashes: three table searches spared
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// isGeneralPunct reports whether r is in Unicode's General Punctuation
// block (U+2000–U+206F: spaces, dashes, curly quotes, ellipsis, format
// characters), which holds no letter, digit or mark
// (TestGeneralPunctHoldsNoAlnum).
func isGeneralPunct(r rune) bool { return r >= 0x2000 && r < 0x2070 }

func isDigit(r rune) bool { return '0' <= r && r <= '9' }

// asciiAlnum classes the ASCII bytes for scanWord's loop: 1 a letter, 2 a
// digit, 0 neither (isAlnum and isLetter give the same answers:
// TestASCIIAlnum).
var asciiAlnum = func() (t [utf8.RuneSelf]uint8) {
	for c := '0'; c <= '9'; c++ {
		t[c] = 2
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = 1, 1
	}
	return t
}()

// wordStop marks the ASCII bytes that end a word wherever they stand:
// neither a letter nor a digit, nor a mark that scanWord may keep inside
// one (a hyphen, an apostrophe, '.', ',', ':', '/' or '&'). Bytes from
// 0x80 are false: they begin runes that scanWord reads whole
// (TestWordStop).
var wordStop = func() (t [256]bool) {
	for c := range utf8.RuneSelf {
		t[c] = asciiAlnum[c] == 0 && !strings.ContainsRune("-'.,:/&", rune(c))
	}
	return t
}()

func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
	}
	return unicode.IsLetter(r)
}

func isHyphen(r rune) bool { return r == '-' || r == '‐' || r == '‑' }

func isApostrophe(r rune) bool { return r == '\'' || r == '’' }

// isPunct reports whether r is sentence punctuation: . , ; : ! ? quotes,
// brackets, dashes, ellipses and slashes. Everything else that is not a
// letter or digit is a Symbol.
func isPunct(r rune) bool {
	switch r {
	case '.', ',', ';', ':', '!', '?', '\'', '"', '(', ')', '[', ']', '{', '}', '-', '/',
		'‘', '’', '“', '”', '„', '‚', '«', '»', '‹', '›', '‐', '‑', '‒', '–', '—', '―', '…', '¿', '¡', '·':
		return true
	}
	return false
}

func runeAt(text string, i, end int) (rune, int) {
	if i >= end {
		return 0, 0
	}
	if c := text[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(text[i:end])
}

// refAt reads s, which starts with '&', as a character reference: the
// character it stands for and its length, or '&' and 1 when it is none.
// Out of line, so that the loops that call it on a '&' stay small.
//
//go:noinline
func refAt(s string) (rune, int) {
	if r, _, n := charref.At(s); n > 0 {
		return r, n
	}
	return '&', 1
}

// asciiRun returns the end of the run of ASCII letters and digits of text
// from j, and the letters in it: scanWord's common case. In a loop of its
// own its few values stay in registers; in scanWord's, which calls out for
// the other characters, the compiler kept four of them on the stack and
// stored them again at every byte.
func asciiRun(text string, j int) (end, letters int) {
	for j < len(text) {
		c := text[j]
		if c >= utf8.RuneSelf || asciiAlnum[c] == 0 {
			break
		}
		letters += int(asciiAlnum[c] & 1)
		j++
	}
	return j, letters
}

func nextIsAlnum(text string, i, end int) bool {
	r, _ := runeAt(text, i, end)
	return r != 0 && isAlnum(r)
}

// scanWord reads a word or number starting at i and returns its end and
// kind. Inner hyphens, apostrophes, periods (U.S, 3.5, example.com), commas
// and colons between digits (28,500, 10:30) and "&" between capitals (AT&T)
// stay inside; a trailing period joins abbreviations and initials. With
// refs, a character reference reads as its character ("don&#39;t").
func scanWord(text string, i, end int, refs bool) (int, doc.Kind) {
	j := i
	var prev rune
	part := 0 // letters since the last inner period
	innerDot := false
	letters := 0
	for j < end {
		if c := text[j]; c < utf8.RuneSelf && asciiAlnum[c] != 0 {
			// most of a word: ASCII letters and digits, one table read a
			// byte, in a loop of its own (asciiRun)
			k, l := asciiRun(text[:end], j)
			letters += l
			part += k - j
			prev = rune(text[k-1])
			j = k
			if j < end && wordStop[text[j]] {
				// a space or a mark that joins nothing (the switch
				// below would find no case for it): the word ends here,
				// without the calls that read it and the next character
				break
			}
			continue
		}
		r, n := runeAt(text, j, end)
		if r == '&' && refs {
			r, n = refAt(text[j:end])
		}
		if isAlnum(r) {
			if isLetter(r) {
				letters++
			}
			j += n
			part++
			prev = r
			continue
		}
		nx, nn := runeAt(text, j+n, end)
		if nx == '&' && refs {
			nx, nn = refAt(text[j+n : end])
		}
		ok := false
		switch {
		case isHyphen(r):
			ok = isAlnum(prev) && isAlnum(nx)
			part = 0
		case isApostrophe(r):
			// "don't", "O'Brien"; but stop before a possessive 's
			if isLetter(prev) && isLetter(nx) {
				ok = !((nx == 's' || nx == 'S') && !nextIsAlnum(text, j+n+nn, end))
			}
		case r == '.':
			if isDigit(prev) && isDigit(nx) {
				ok = true
			} else if isLetter(prev) && isLetter(nx) {
				after, _ := runeAt(text, j+n+nn, end)
				ok = part == 1 || unicode.IsLower(nx) || (part <= 2 && after == '.')
				if ok {
					innerDot = true
					part = 0
				}
			}
		case r == ',' || r == ':' || r == '/':
			ok = isDigit(prev) && isDigit(nx)
		case r == '&':
			ok = unicode.IsUpper(prev) && unicode.IsUpper(nx)
		}
		if !ok {
			break
		}
		j += n
		prev = r
	}
	w := text[i:j]
	// A trailing period joins "U.S.", "E.", "p.", "Mr.", "Inc." — but not
	// the first dot of an ellipsis.
	if j < end && text[j] == '.' && !(j+1 < end && text[j+1] == '.') && letters > 0 {
		attach := false
		switch {
		case innerDot && part == 1:
			attach = true
		case utf8.RuneCountInString(w) == 1:
			attach = true
		default:
			switch abbrevClass(w) {
			case abbrTitle, abbrOther, abbrEtc:
				attach = true
			case abbrBeforeNumber:
				k := j + 1
				for k < end && text[k] == ' ' {
					k++
				}
				attach = k < end && k > j+1 && isDigit(rune(text[k]))
			}
		}
		if attach {
			j++
		}
	}
	if !isDigit(rune(text[i])) {
		return j, doc.Word // classify's answer, without the call a word
	}
	return j, classify(text[i:j])
}

// classify says whether a scanned word is a Number ("28,500", "3.5",
// "10th", "1990s") or a Word.
func classify(w string) doc.Kind {
	if w == "" || !isDigit(rune(w[0])) {
		return doc.Word
	}
	k := 0
	for k < len(w) && (isDigit(rune(w[k])) || w[k] == ',' || w[k] == '.' || w[k] == ':' || w[k] == '/') {
		k++
	}
	switch strings.ToLower(w[k:]) {
	case "", "st", "nd", "rd", "th", "s":
		return doc.Number
	}
	return doc.Word
}

// linkLongest is the most bytes linkEnd reads.
const linkLongest = 2048

// linkEnd returns the end of a URL or e-mail address starting at i, or i
// when there is none. Trailing punctuation is left out. With refs, a
// character reference to a character that ends a link ends it too
// ("http://x.org/&quot;"), while "&amp;" between its parameters stays in.
func linkEnd(text string, i, end int, refs bool) int {
	// A URL or an e-mail address is short; capping the scan keeps a run of
	// thousands of characters without a space linear to tokenise, since
	// this is tried at every token start.
	if end-i > linkLongest {
		end = i + linkLongest
	}
	j := i
	for j < end {
		c := text[j]
		if c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '"' || c == '<' || c == '>' {
			break
		}
		if c == '&' && refs {
			if r, n := refAt(text[j:end]); n > 1 && endsLink(r) {
				break
			}
		}
		if c >= utf8.RuneSelf {
			r, n := utf8.DecodeRuneInString(text[j:end])
			if endsLink(r) {
				break
			}
			j += n
			continue
		}
		j++
	}
	run := text[i:j]
	if len(run) < 6 {
		return i
	}
	isURL := hasPrefixFold(run, "http://") || hasPrefixFold(run, "https://") || hasPrefixFold(run, "www.")
	if !isURL {
		at := strings.IndexByte(run, '@')
		if at <= 0 || !isAlnum(rune(run[at-1])) || !strings.Contains(run[at:], ".") || at+1 >= len(run) || !isAlnum(rune(run[at+1])) {
			return i
		}
	}
	for j > i {
		r, n := utf8.DecodeLastRuneInString(text[i:j])
		if isAlnum(r) || r == '/' || r == '_' || r == '=' || r == '#' {
			break
		}
		if r == ')' && strings.Count(text[i:j], "(") >= strings.Count(text[i:j], ")") {
			break
		}
		j -= n
	}
	return j
}

// endsLink reports whether r ends a link's run (past the ASCII space
// characters, '"', '<' and '>', which linkEnd tests byte by byte).
func endsLink(r rune) bool {
	return unicode.IsSpace(r) || r == '"' || r == '<' || r == '>' || r == '“' || r == '”' || r == '’' || r == '‘' || r == '—' || r == '–'
}

func hasPrefixFold(s, p string) bool {
	return len(s) >= len(p) && strings.EqualFold(s[:len(p)], p)
}

// Abbreviation classes decide both whether a word keeps its period and
// whether that period can end a sentence.
type abbr uint8

const (
	abbrNone         abbr = iota
	abbrTitle             // Mr. Dr. Gen. Sen.: a name follows, never a sentence end
	abbrOther             // Inc. Co. Jr. Jan.: ends a sentence before a sentence starter
	abbrEtc               // etc.: ends a sentence before any capital
	abbrBeforeNumber      // No. p. Fig.: an abbreviation only before a number
)

var abbrevs = map[string]abbr{}

func init() {
	for _, w := range strings.Fields(`mr mrs ms messrs mme mlle dr prof gen sen sens rep reps gov lt col sgt capt cmdr
		adm maj cpl pvt mt rev hon pres supt atty brig gens insp det fr sra srta ald`) {
		abbrevs[w] = abbrTitle
	}
	for _, w := range strings.Fields(`inc corp co ltd llc plc jr sr bros vs al approx dept est univ assn ave blvd
		hwy st ft jan feb apr jun jul aug sep sept oct nov dec mon tue tues thu thur thurs fri
		calif conn fla ill mass mich minn penn tenn wash wis ariz colo okla nev
		e.g i.e cf ca appx admin corp govt intl natl mfg mgr`) {
		abbrevs[w] = abbrOther
	}
	abbrevs["etc"] = abbrEtc
	for _, w := range strings.Fields(`no nos pp vol vols fig figs art sec ch nr`) {
		abbrevs[w] = abbrBeforeNumber
	}
}

func abbrevClass(w string) abbr {
	if len(w) > 8 {
		return abbrNone
	}
	var buf [8]byte
	for k := 0; k < len(w); k++ {
		c := w[k]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[k] = c
	}
	return abbrevs[string(buf[:len(w)])]
}

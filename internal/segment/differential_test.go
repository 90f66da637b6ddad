package segment

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/lede-news/lede/internal/doc"
)

// FuzzTokenize holds tokenize (its '@' looked up ahead and linkEnd tried
// only where a link can start, scanWord's ASCII table) to its fb53b27
// form, copied below with scanWord's. The seeds run as a test; go test
// -fuzz FuzzTokenize ./internal/segment searches further.
func FuzzTokenize(f *testing.F) {
	for _, s := range []string{
		"", "mail first_x@foo.com or y@z.org; HTTP://A.B/c WWW.EX.COM", "a@b a@b.c @x.y x@ wWw.q.r hTtPs://x.y/z",
		"e\u0301t\u00e9 caf\u00e9@ex.com Ünïcödé@exämple.org ｈttp://x.y Kelvin\u212a@x.org", "bad \xff@\xfe.com x",
		strings.Repeat("x", 2046) + "@a.com " + strings.Repeat("y", 2047) + "@b.com " + strings.Repeat("z", 2048) + "@c.com",
		"U.S. a.m. AT&T 28,500 10:30 don't O'Brien Trump’s co-op ... -- No. 1 3/4/2019 e.g. etc.",
		"wait... no -- TrumpRx.gov http://x.org/a_(b) (www.x.org).", "한국어 東京 2019年 x\u00a0y\u2028z",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, want := tokenize(s, 0, len(s), nil, nil), tokenizeRef(s, 0, len(s), nil)
		if len(got) != len(want) {
			t.Fatalf("%q: %d tokens, want %d", s, len(got), len(want))
		}
		for i := range got {
			if got[i] != want[i] {
				t.Fatalf("%q: token %d %+v, want %+v", s, i, got[i], want[i])
			}
		}
	})
}

// the forms of fb53b27 (git show fb53b27:internal/segment/token.go)

func tokenizeRef(text string, start, end int, out []doc.Token) []doc.Token {
	i := start
	for i < end {
		c := text[i]
		if c < utf8.RuneSelf {
			if c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v' {
				i++
				continue
			}
		}
		r, n := utf8.DecodeRuneInString(text[i:end])
		if c >= utf8.RuneSelf && unicode.IsSpace(r) {
			i += n
			continue
		}
		if isAlnum(r) {
			if j := linkEnd(text, i, end, false); j > i {
				out = append(out, doc.Token{Span: doc.Span{Start: i, End: j}, Kind: doc.Word, Link: true}) // Link: marked since 2026-12-06
				i = j
				continue
			}
			j, kind := scanWordRef(text, i, end)
			out = append(out, doc.Token{Span: doc.Span{Start: i, End: j}, Kind: kind})
			i = j
			continue
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
		case (r == '\'' || r == '’') && i+n < end && (text[i+n] == 's' || text[i+n] == 'S') &&
			!nextIsAlnum(text, i+n+1, end) && len(out) > 0 && out[len(out)-1].End == i && out[len(out)-1].Kind == doc.Word:
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

func scanWordRef(text string, i, end int) (int, doc.Kind) {
	j := i
	var prev rune
	part := 0 // letters since the last inner period
	innerDot := false
	letters := 0
	for j < end {
		r, n := runeAt(text, j, end)
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
	return j, classify(text[i:j])
}

package article

import (
	"strconv"
	"strings"
	"unicode"
)

var months = map[string]int{
	"jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
	"may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
	"september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}

// monthNumber returns 1..12 for an English month name or abbreviation, 0
// otherwise.
func monthNumber(w string) int {
	if len(w) < 3 || len(w) > 9 || !strings.ContainsRune("jfmasondJFMASOND", rune(w[0])) {
		// every name opens with one of these: most words need no lowering
		return 0
	}
	w = strings.TrimSuffix(w, ".")
	// an ASCII word is lowered into a buffer: the lookup then allocates
	// nothing (most words that get here are names: "Moon", "Seoul")
	var buf [9]byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 0x80 {
			return months[strings.ToLower(w)]
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return months[string(buf[:len(w)])]
}

func iso(y, m, d int) string {
	if y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > 31 {
		return ""
	}
	return strconv.Itoa(y) + "-" + pad2(m) + "-" + pad2(d)
}

func pad2(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// findDate returns the first calendar date written in s as an ISO 8601
// date (YYYY-MM-DD), or "". It reads "November 18, 2019", "Nov. 18 2019",
// "18 November 2019", "2019-11-18" and US-style "11/18/2019".
func findDate(s string) string {
	if !fourDigits(s) {
		// every form read needs a year of four digits (1900-2200):
		// most lines have none, and spare the split
		return ""
	}
	fs := strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || r == ',' || r == '|' || r == '(' || r == ')' || r == '·' || r == '•'
	})
	for i, f := range fs {
		if v := isoPrefixDate(f); v != "" {
			return v
		}
		if m := monthNumber(f); m > 0 {
			if v := aroundMonth(fs, i, m, yearNumber); v != "" {
				return v
			}
		}
		// MM/DD/YYYY or DD.MM.YYYY
		for _, sep := range []string{"/", "."} {
			if strings.Count(f, sep) != 2 {
				continue // not three parts: spare the split
			}
			if p := strings.Split(f, sep); len(p) == 3 {
				a, e1 := strconv.Atoi(p[0])
				b, e2 := strconv.Atoi(p[1])
				y, e3 := strconv.Atoi(strings.TrimRight(p[2], ".:"))
				if e1 == nil && e2 == nil && e3 == nil && y >= 1900 {
					if sep == "/" && a <= 12 {
						return iso(y, a, b)
					}
					if b <= 12 {
						return iso(y, b, a)
					}
				}
			}
		}
	}
	return ""
}

// aroundMonth reads the date around month m, the word fs[i]: "Month
// D[st|th] YYYY", then "D Month YYYY", the year read by year.
func aroundMonth(fs []string, i, m int, year func(string) int) string {
	if i+2 < len(fs) {
		if d := dayNumber(fs[i+1]); d > 0 {
			if y := year(fs[i+2]); y > 0 {
				return iso(y, m, d)
			}
		}
	}
	if i > 0 && i+1 < len(fs) {
		if d := dayNumber(fs[i-1]); d > 0 {
			if y := year(fs[i+1]); y > 0 {
				return iso(y, m, d)
			}
		}
	}
	return ""
}

// fourDigits reports whether s holds at least four ASCII digits.
func fourDigits(s string) bool {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i]-'0' <= 9 {
			if n++; n == 4 {
				return true
			}
		}
	}
	return false
}

func dayNumber(w string) int {
	w = strings.TrimRight(w, ".,")
	if w == "" || (w[0] < '0' || w[0] > '9') && w[0] != '+' {
		// no number: spare the lowering and Atoi's error (an allocation)
		return 0
	}
	w = strings.ToLower(w)
	for _, suf := range []string{"st", "nd", "rd", "th"} {
		w = strings.TrimSuffix(w, suf)
	}
	n, err := strconv.Atoi(w)
	if err != nil || n < 1 || n > 31 {
		return 0
	}
	return n
}

func yearNumber(w string) int {
	w = strings.TrimRight(w, ".,;:")
	if len(w) != 4 {
		return 0
	}
	n, err := strconv.Atoi(w)
	if err != nil || n < 1900 || n > 2200 {
		return 0
	}
	return n
}

// isoPrefixDate reads "2019-11-18" at the start of w.
func isoPrefixDate(w string) string {
	if len(w) < 10 || w[4] != '-' || w[7] != '-' {
		return ""
	}
	y, e1 := strconv.Atoi(w[:4])
	m, e2 := strconv.Atoi(w[5:7])
	d, e3 := strconv.Atoi(w[8:10])
	if e1 != nil || e2 != nil || e3 != nil {
		return ""
	}
	return iso(y, m, d)
}

// normalizeDate turns a machine-readable date from a page's metadata
// ("2019-11-18T16:10:00-05:00", "2019-11-18", "Mon, 18 Nov 2019 ...") into
// ISO 8601: the date-time as given when it is already ISO, else the date.
func normalizeDate(v string) string {
	v = strings.TrimSpace(v)
	if len(v) > 64 {
		v = v[:64]
	}
	if d := isoPrefixDate(v); d != "" {
		rest := v[10:]
		if len(rest) >= 6 && (rest[0] == 'T' || rest[0] == ' ') && isClock(rest[1:6]) {
			t := "T" + rest[1:]
			if k := strings.IndexAny(t, " \t"); k > 0 {
				t = t[:k]
			}
			return d + t
		}
		return d
	}
	return findDate(v)
}

func isClock(s string) bool {
	return len(s) == 5 && s[2] == ':' && isDigits(s[:2]) && isDigits(s[3:])
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// updateWords open the part of a date line that gives when the article was
// last changed ("Updated Nov 19, 9:41 AM", "Last modified on …"), and
// publishWords the part that gives when it first appeared ("Posted Nov 18",
// "Original Nov. 19, 2019"), in the languages of the pages we read. The
// words are matched lower-cased, anywhere in the line.
var updateWords = []string{"updated", "modified", "aktualisiert", "atualizado", "actualizado", "mis à jour", "aggiornato"}
var publishWords = []string{"published", "posted", "original", "publiziert", "veröffentlicht", "publicado", "publié", "pubblicato"}

// shownDate returns the date a short visible line (a byline or date line)
// gives as the publication date, and whether that date is only an update
// date. The line is cut before every update or publication word, and the
// first part that is not an update gives the date: "Updated Nov 19, 2019;
// Posted Nov 18, 2019" is 2019-11-18, and an update date is returned (with
// updated set) only when the line gives no other.
func shownDate(s string) (date string, updated bool) {
	if !fourDigits(s) {
		return "", false
	}
	low := strings.ToLower(s)
	if len(low) != len(s) {
		// lowering changed the byte offsets (rare letters): read the line whole
		return findDate(s), false
	}
	var cuts []int
	for _, ws := range [][]string{updateWords, publishWords} {
		for _, w := range ws {
			for k := 0; ; {
				j := strings.Index(low[k:], w)
				if j < 0 {
					break
				}
				cuts = append(cuts, k+j)
				k += j + len(w)
			}
		}
	}
	if len(cuts) == 0 {
		return findDate(s), false
	}
	for i := 1; i < len(cuts); i++ {
		// insertion sort: a line holds a few keywords
		for j := i; j > 0 && cuts[j] < cuts[j-1]; j-- {
			cuts[j], cuts[j-1] = cuts[j-1], cuts[j]
		}
	}
	cuts = append(cuts, len(s))
	firstUpdate := ""
	for i, from := -1, 0; i < len(cuts)-1; i++ {
		if i >= 0 {
			from = cuts[i]
		}
		part := s[from:cuts[i+1]]
		d := findDate(part)
		if d == "" {
			continue
		}
		if i >= 0 && hasPrefixAny(low[from:], updateWords) {
			if firstUpdate == "" {
				firstUpdate = d
			}
			continue
		}
		return d, false
	}
	return firstUpdate, firstUpdate != ""
}

func hasPrefixAny(s string, ws []string) bool {
	for _, w := range ws {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	return false
}

// foreignMonths are month names of the other languages of the pages we
// read (Portuguese, Spanish, Italian, French, German, Dutch, Indonesian,
// and Russian in the genitive that follows a day), lower-cased. Only full
// names: their short forms clash with English words ("set", "mar"). A
// table read from start to end (wideDate runs on a few lines a page), not
// a map, whose set-up code would cost the wasm more than the names.
var foreignMonths = [...]struct {
	name  string
	month int
}{
	{"janeiro", 1}, {"fevereiro", 2}, {"março", 3}, {"maio", 5}, {"junho", 6}, {"julho", 7}, {"setembro", 9},
	{"outubro", 10}, {"novembro", 11}, {"dezembro", 12}, {"enero", 1}, {"febrero", 2}, {"marzo", 3},
	{"abril", 4}, {"mayo", 5}, {"junio", 6}, {"julio", 7}, {"agosto", 8}, {"septiembre", 9}, {"setiembre", 9},
	{"octubre", 10}, {"noviembre", 11}, {"diciembre", 12}, {"gennaio", 1}, {"febbraio", 2}, {"aprile", 4},
	{"maggio", 5}, {"giugno", 6}, {"luglio", 7}, {"settembre", 9}, {"ottobre", 10}, {"novembre", 11},
	{"dicembre", 12}, {"janvier", 1}, {"février", 2}, {"mars", 3}, {"avril", 4}, {"mai", 5}, {"juin", 6},
	{"juillet", 7}, {"août", 8}, {"septembre", 9}, {"octobre", 10}, {"décembre", 12}, {"januar", 1},
	{"jänner", 1}, {"februar", 2}, {"märz", 3}, {"juni", 6}, {"juli", 7}, {"oktober", 10}, {"dezember", 12},
	{"januari", 1}, {"februari", 2}, {"maart", 3}, {"mei", 5}, {"augustus", 8}, {"maret", 3}, {"agustus", 8},
	{"desember", 12}, {"января", 1}, {"февраля", 2}, {"марта", 3}, {"апреля", 4}, {"мая", 5}, {"июня", 6},
	{"июля", 7}, {"августа", 8}, {"сентября", 9}, {"октября", 10}, {"ноября", 11}, {"декабря", 12},
}

// foreignMonth returns 1..12 for a lower-cased name of foreignMonths, else 0.
func foreignMonth(w string) int {
	for _, m := range foreignMonths {
		if m.name == w {
			return m.month
		}
	}
	return 0
}

// gluedYear reads a year as yearNumber does, also when copied text ran
// the next element into it ("2018/0 Comments", "2019Updated"), but not
// when a digit follows: five digits or more are not a year.
func gluedYear(w string) int {
	if y := yearNumber(w); y > 0 {
		return y
	}
	if len(w) > 4 && (w[4] < '0' || w[4] > '9') {
		return yearNumber(w[:4])
	}
	return 0
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// isDateParticle reports a word that stands between a day, its month and
// its year in some languages ("22 de outubro de 2010").
func isDateParticle(w string) bool {
	return w == "de" || w == "del" || w == "di"
}

// wideDate reads what findDate does and, for the publication date only (a
// wider reading would change which lines count as dates, and so the
// extraction), also: month names of other languages ("22 de outubro de
// 2010", "30. Juli 2018", "Maret 30, 2015", "24 сентября 2018"), a dotted
// year-month-day ("2016.12.01") and a dotted month-day-year when the
// middle number cannot be a month ("11.14.2019").
func wideDate(s string) string {
	if d := findDate(s); d != "" || !fourDigits(s) {
		return d
	}
	if d := cjkDate(s); d != "" {
		return d
	}
	var fs []string
	for _, f := range strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || r == ',' || r == '|' || r == '(' || r == ')' || r == '·' || r == '•'
	}) {
		// copied text runs adjacent elements together: "Nov.November"
		if k := strings.IndexByte(f, '.'); k > 0 && k+1 < len(f) && isLetter(f[k-1]) && isLetter(f[k+1]) {
			fs = append(fs, f[:k+1])
			f = f[k+1:]
		}
		if !isDateParticle(strings.ToLower(f)) {
			fs = append(fs, f)
		}
	}
	for i, f := range fs {
		if n := strings.Count(f, "."); n == 2 || n == 3 && strings.HasSuffix(f, ".") {
			p := strings.Split(strings.TrimSuffix(f, "."), ".")
			if len(p) != 3 {
				continue // "11.2019.": two parts
			}
			a, e1 := strconv.Atoi(p[0])
			b, e2 := strconv.Atoi(p[1])
			c, e3 := strconv.Atoi(p[2])
			if e1 == nil && e2 == nil && e3 == nil {
				if len(p[0]) == 4 {
					return iso(a, b, c)
				}
				if a <= 12 && b > 12 && len(p[2]) == 4 {
					return iso(c, a, b)
				}
			}
		}
		if v := shortYearDate(fs, i); v != "" {
			return v
		}
		m := monthNumber(f)
		if m == 0 {
			m = foreignMonth(strings.ToLower(strings.TrimSuffix(f, ".")))
		}
		if m == 0 {
			continue
		}
		if v := aroundMonth(fs, i, m, gluedYear); v != "" {
			return v
		}
	}
	return ""
}

// shortYearDate reads fs[i] as month/day/two-digit year ("9/11/13") when
// a clock with am or pm follows ("10:00AM", "8:00 pm"), as some blogs
// print their bylines: the am/pm says the order is the US one (a bare
// "9/11/13" may be day first), and the year is 20YY.
func shortYearDate(fs []string, i int) string {
	p := strings.Split(fs[i], "/")
	if len(p) != 3 || len(p[2]) != 2 || len(p[0]) > 2 || len(p[1]) > 2 || i+1 >= len(fs) {
		return ""
	}
	clock := strings.ToLower(fs[i+1])
	if i+2 < len(fs) {
		if n := strings.ToLower(fs[i+2]); n == "am" || n == "pm" {
			clock += n
		}
	}
	h, rest := leadingNumber(clock, 2)
	if h == 0 || h > 12 || len(rest) < 5 || rest[0] != ':' || !isDigits(rest[1:3]) ||
		rest[3:] != "am" && rest[3:] != "pm" {
		return ""
	}
	m, e1 := strconv.Atoi(p[0])
	d, e2 := strconv.Atoi(p[1])
	y, e3 := strconv.Atoi(p[2])
	if e1 != nil || e2 != nil || e3 != nil {
		return ""
	}
	return iso(2000+y, m, d)
}

// cjkDate reads a date written with the year, month and day signs of
// Chinese and Japanese ("2016年10月14日", also run into the words around
// it) or Korean ("2016년 10월 14일"), the way news pages in those languages
// print their publication date.
func cjkDate(s string) string {
	for _, signs := range [...][3]string{{"年", "月", "日"}, {"년", "월", "일"}} {
		for k := 0; ; {
			j := strings.Index(s[k:], signs[0])
			if j < 0 {
				break
			}
			at := k + j
			k = at + len(signs[0])
			y := trailingNumber(s[:at], 4)
			rest := strings.TrimLeft(s[k:], " ")
			m, rest := leadingNumber(rest, 2)
			if y == 0 || m == 0 || !strings.HasPrefix(rest, signs[1]) {
				continue
			}
			rest = strings.TrimLeft(rest[len(signs[1]):], " ")
			d, rest := leadingNumber(rest, 2)
			if d == 0 || !strings.HasPrefix(rest, signs[2]) {
				continue
			}
			if v := iso(y, m, d); v != "" {
				return v
			}
		}
	}
	return ""
}

// trailingNumber returns the number of exactly n ASCII digits that ends s
// (after spaces), or 0.
func trailingNumber(s string, n int) int {
	s = strings.TrimRight(s, " ")
	if len(s) < n || !isDigits(s[len(s)-n:]) || len(s) > n && s[len(s)-n-1]-'0' <= 9 {
		return 0
	}
	v, _ := strconv.Atoi(s[len(s)-n:])
	return v
}

// leadingNumber reads one to max ASCII digits at the start of s and
// returns their value and what follows, or 0 and s.
func leadingNumber(s string, max int) (int, string) {
	i := 0
	for i < len(s) && i < max && s[i]-'0' <= 9 {
		i++
	}
	if i == 0 || i < len(s) && s[i]-'0' <= 9 {
		return 0, s
	}
	v, _ := strconv.Atoi(s[:i])
	return v, s[i:]
}

// openingDate reads the date of a dateline that opens an article's first
// paragraph, as wire stories and press releases print it: "WASHINGTON,
// Feb. 23, 2015 -- The…", "NEW YORK, Feb. 23, 2015 /PRNewswire/ —". Only
// the words before the first dash within the paragraph's first 100 bytes
// are read, so a date the story itself talks about is not taken.
func openingDate(s string) string {
	head := s
	if len(head) > 100 {
		head = head[:100]
	}
	end := -1
	for _, dash := range [...]string{" -- ", " — ", " – ", "--"} {
		if j := strings.Index(head, dash); j > 0 && (end < 0 || j < end) {
			end = j
		}
	}
	if end < 0 {
		return ""
	}
	return findDate(head[:end])
}

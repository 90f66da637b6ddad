package article

import (
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// FuzzFastPaths holds the line helpers sped up since fb53b27 to the forms
// they replaced, copied here: countWords (its table), countStops (its hops
// from space to space), findDate (its early return on fewer than four ASCII
// digits), gluedHeadline (its ASCII classes), captionLow (its one pass
// over the phrases), lower (its scan to the first capital or non-ASCII
// byte: strings.ToLower) and phrases.in (its pair of bytes a position:
// strings.Contains of each phrase). The seeds run as a test; go test -fuzz
// FuzzFastPaths ./internal/article searches further.
func FuzzFastPaths(f *testing.F) {
	for _, s := range []string{
		"", " ", "a. b! c? d.", "Mr.  Smith. ", ".\u00a0x. y", "don't stop-gap U.S. 3.5 ok", "it’s ‘quoted’ co‐op",
		"東京は晴れ 2019年", "bad \xff\xfe byte. x", "e\u0301te\u0301 cafe\u0301", "\u2028line\u0085next\u00a0nbsp",
		"November 18, 2019", "Nov. 18 2019", "18 November 2019", "2019-11-18", "11/18/2019", "22.10.2010",
		"Dec. 5, '19", "5/12/19", "12.05.19", "Nov 19, 999", "May 5 2019", "+5 May 2019", "5th of May, 2019",
		"١٢/١١/٢٠١٩", "١٨ November ٢٠١٩", "１８ November ２０１９", "11/18/２０19", "2019‐11‐18", "Nov\u00a018,\u00a02019",
		"Nov 18 20 19", "Nov 18 2019x", "Nov 18 +2019", "01/02/+2019", "1/2/02019", "3/4/1899", "3/4/2201",
		"Harvick Fails To Rally Overmatched Ford In NASCAR FinaleFord v Toyota flopped badly in the end again",
		"Is Violence In Sports On The Rise?Violence is part of the game for many people here",
		"ÉTÉ Über Ärger Öl ÇaVa Ñandú Straße ẞig and some more words here now",
		"Photo: Getty", "IMAGE CAPTION x", "(pictured) left", "photo by x", "credit:", "pho", "Getty Images",
		". ", " . ", "end.", "?? !", "He said. She said! Why? ", strings.Repeat("a. ", 50),
		// a capital or a non-ASCII byte first, last, in the middle and nowhere
		"Xuse cookies", "use cookieS", "use Cookies", "use cookies", "éuse cookies", "use cookiesé", "use cookïes",
		"\xffjoin our", "join our\xff", "join\xc3our", "\u212Aelvin", "İ", "Z", "z", "\xe2\x80",
		// gluedHeadline's run of small letters across its 240-byte limit
		strings.Repeat("Word ", 47) + "abcdefgHijk lmnop qrstu vwxyz more words",
		strings.Repeat("Word ", 47) + "abHcdefgHijk lmnop qrstu vwxyz more words",
		strings.Repeat("Word ", 46) + "abcdefghijklmnopqrstuvwxyZ lmnop qrstu vwxyz more words",
		// columns: gaps of three spaces or more at every place of a word
		"a   b   c", "ab  cd   ef", "abcdef   ghijk   l", "abcdefg   hijklmn   ", "   x   ", "      ", "a  b  c  d",
		"abcde   fghijklmnopq   r", "abcdefghijk\t   x    y", "Name      Score      Time",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := columns(s), columnsRef(s); got != want {
			t.Errorf("columns(%q) = %v, want %v", s, got, want)
		}
		if got, want := countWords(s), countWordsRef(s); got != want {
			t.Errorf("countWords(%q) = %d, want %d", s, got, want)
		}
		if got, want := countStops(s), countStopsRef(s); got != want {
			t.Errorf("countStops(%q) = %d, want %d", s, got, want)
		}
		if got, want := findDate(s), findDateRef(s); got != want {
			t.Errorf("findDate(%q) = %q, want %q", s, got, want)
		}
		if got, want := gluedHeadline(s), gluedHeadlineRef(s); got != want {
			t.Errorf("gluedHeadline(%q) = %v, want %v", s, got, want)
		}
		low := strings.ToLower(s)
		if got, want := captionLow(s, low, 5), captionLowRef(s, low); got != want {
			t.Errorf("captionLow(%q) = %v, want %v", s, got, want)
		}
		if got := lower(s); got != low {
			t.Errorf("lower(%q) = %q, want %q", s, got, low)
		}
		for p, list := range map[*phrases][]string{anyLength: boilerAnyLength, shortBoiler: boilerContains} {
			want := false
			for _, q := range list {
				want = want || strings.Contains(s, q)
			}
			if got := p.in(s); got != want {
				t.Errorf("phrases.in(%q) = %v, want %v", s, got, want)
			}
		}
	})
}

// the forms of fb53b27 (git show fb53b27:internal/article/text.go, date.go,
// extract.go)

func countWordsRef(s string) int {
	n, cjk, in := 0, 0, false
	for _, r := range s {
		if r < 0x80 {
			w := 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
			if w && !in {
				n++
			}
			in = w || in && (r == '\'' || r == '-' || r == '.')
			continue
		}
		if r >= 0x3040 && (unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r)) {
			cjk++
			in = false
			continue
		}
		w := unicode.IsLetter(r) || unicode.IsDigit(r)
		if w && !in {
			n++
		}
		in = w || in && (r == '\'' || r == '’' || r == '-' || r == '.')
	}
	return n + cjk/2
}

func countStopsRef(s string) int {
	n := 0
	for i := 0; i+1 < len(s); i++ {
		if (s[i] == '.' || s[i] == '!' || s[i] == '?') && s[i+1] == ' ' {
			n++
		}
	}
	return n
}

func findDateRef(s string) string {
	fs := strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || r == ',' || r == '|' || r == '(' || r == ')' || r == '·' || r == '•'
	})
	for i, f := range fs {
		if v := isoPrefixDate(f); v != "" {
			return v
		}
		if m := monthNumber(f); m > 0 && i+1 < len(fs) {
			if d := dayNumber(fs[i+1]); d > 0 && i+2 < len(fs) {
				if y := yearNumber(fs[i+2]); y > 0 {
					return iso(y, m, d)
				}
			}
			if i > 0 && i+1 < len(fs) {
				if d := dayNumber(fs[i-1]); d > 0 {
					if y := yearNumber(fs[i+1]); y > 0 {
						return iso(y, m, d)
					}
				}
			}
		}
		for _, sep := range []string{"/", "."} {
			if strings.Count(f, sep) != 2 {
				continue
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

func gluedHeadlineRef(s string) bool {
	words, small := 0, 0
	var prev rune
	for i, r := range s {
		if i > 240 {
			return false
		}
		switch {
		case unicode.IsSpace(r):
			words++
			small = 0
		case unicode.IsUpper(r) && (small >= 3 || prev == '?' || prev == '!') && words >= 3:
			return strictTitle(s[:i]) && countWordsRef(s[i:]) >= 6
		case unicode.IsLower(r):
			small++
		default:
			small = 0
		}
		prev = r
	}
	return false
}

func captionLowRef(s, low string) bool {
	if galleryCaptionLow(s, low) {
		return true
	}
	for _, p := range []string{"(image:", "(photo:", "(picture:", "(pictured", "image caption", "photo credit", "image credit", "credit:", "getty images", "(getty", "photograph:", "photo by ", "picture:", "photo:", "image:"} {
		if strings.Contains(low, p) {
			return true
		}
	}
	return false
}

// columnsRef is columns as it was, a byte a step.
func columnsRef(s string) bool {
	gaps := 0
	for i := 0; i+2 < len(s); i++ {
		if s[i] == ' ' && s[i+1] == ' ' && s[i+2] == ' ' {
			gaps++
			for i < len(s) && s[i] == ' ' {
				i++
			}
		}
	}
	return gaps >= 2
}

// TestColumnsPlaces puts two gaps of three spaces at every pair of places
// of a line, and runs of one to four spaces: columns agrees with columnsRef.
func TestColumnsPlaces(t *testing.T) {
	for n := 1; n <= 4; n++ {
		gap := strings.Repeat(" ", n)
		for a := 0; a < 20; a++ {
			for b := 0; b < 20; b++ {
				s := strings.Repeat("x", a) + gap + strings.Repeat("y", b) + gap + "z"
				if got, want := columns(s), columnsRef(s); got != want {
					t.Errorf("columns(%q) = %v, want %v", s, got, want)
				}
			}
		}
	}
}

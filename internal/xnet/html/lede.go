package html

import (
	"errors"
	"sort"
)

// panicError is what upstream's fmt.Errorf("%s", panicErr) gave for the
// values a parser panic carries (an error or a string), without fmt: lede's
// copy of the parser leaves fmt out of the wasm engine (see ../README.md).
func panicError(v any) error {
	switch v := v.(type) {
	case error:
		return errors.New(v.Error())
	case string:
		return errors.New(v)
	}
	return errors.New("html: parser panic")
}

// sortAttr is upstream's slices.SortFunc(attr, attrCompare) without a
// generic sort of its own for Attribute (some 20 KB of the wasm engine's
// code): an element's few attributes by insertion (no allocation), more
// than 16 by sort.Slice, which the engine links anyway. attrCompare orders
// by every field, so any sort gives the same order.
func sortAttr(attr []Attribute) {
	if len(attr) > 16 {
		sort.Slice(attr, func(i, j int) bool { return attrCompare(attr[i], attr[j]) < 0 })
		return
	}
	for i := 1; i < len(attr); i++ {
		for j := i; j > 0 && attrCompare(attr[j], attr[j-1]) < 0; j-- {
			attr[j], attr[j-1] = attr[j-1], attr[j]
		}
	}
}

// CharRef reads a well-formed character reference at the start of s, as it
// may stand in plain text copied from a page's source or a feed: "&quot;",
// "&#39;", "&#x2019;". It returns the one or two runes the reference stands
// for and its length in bytes, or n == 0 when s does not start with one.
//
// It is stricter than the parser's unescapeEntity, which reads markup: the
// semicolon is required (the parser's legacy "&amp" and "&copy" without it
// are text here, as is "&G;" in "D&G;", which no name matches), and a
// numeric reference to nothing (0, a surrogate, past U+10FFFF) or to a
// control character other than tab, line feed, form feed and carriage
// return is text too, where the parser would give U+FFFD. Numbers 0x80 to
// 0x9F are read as Windows-1252, as the parser reads them (&#146; is ’).
// The names are the HTML5 list, this package's entity table.
func CharRef(s string) (r1, r2 rune, n int) {
	if len(s) < 4 || s[0] != '&' {
		return 0, 0, 0
	}
	if s[1] == '#' {
		i := 2
		hex := s[i] == 'x' || s[i] == 'X'
		if hex {
			i++
		}
		i0 := i
		x := rune(0)
		for ; i < len(s) && i-i0 < 8; i++ {
			c := s[i]
			var d rune
			switch {
			case '0' <= c && c <= '9':
				d = rune(c - '0')
			case hex && 'a' <= c && c <= 'f':
				d = rune(c-'a') + 10
			case hex && 'A' <= c && c <= 'F':
				d = rune(c-'A') + 10
			default:
				goto digits
			}
			if hex {
				x = x*16 + d
			} else {
				x = x*10 + d
			}
		}
	digits:
		if i == i0 || i >= len(s) || s[i] != ';' {
			return 0, 0, 0
		}
		switch {
		case 0x80 <= x && x <= 0x9F:
			x = replacementTable[x-0x80]
			if x < 0xA0 { // 0x81, 0x8D, 0x8F, 0x90, 0x9D: Windows-1252 leaves them undefined
				return 0, 0, 0
			}
		case x < 0x20 && x != '\t' && x != '\n' && x != '\f' && x != '\r',
			x == 0x7F, 0xD800 <= x && x <= 0xDFFF, x > 0x10FFFF:
			return 0, 0, 0
		}
		return x, 0, i + 1
	}
	// the longest name in the table is 32 bytes with its semicolon
	i := 1
	for i < len(s) && i <= 33 {
		c := s[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' && i > 1 {
			i++
			continue
		}
		break
	}
	if i == 1 || i >= len(s) || s[i] != ';' {
		return 0, 0, 0
	}
	name := s[1 : i+1]
	if x, y := lookupEntity(name); x != 0 {
		return x, y, i + 1
	}
	return 0, 0, 0
}

// lookupEntity is what upstream reads as entity[name], then entity2[name]:
// the runes of the named character reference name (its semicolon
// included if it has one), or 0, 0. It searches the sorted static table of
// lede_entity.go, so that the maps are never built (see ../README.md).
func lookupEntity(name string) (r1, r2 rune) {
	lo, hi := 0, len(entityEnds)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		start := 0
		if m > 0 {
			start = int(entityEnds[m-1])
		}
		if entityNames[start:entityEnds[m]] < name {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(entityEnds) {
		start := 0
		if lo > 0 {
			start = int(entityEnds[lo-1])
		}
		if entityNames[start:entityEnds[lo]] == name {
			r := entityRunes[lo]
			return rune(r & (1<<21 - 1)), entitySeconds[r>>21]
		}
	}
	return 0, 0
}

package engine

import (
	"strings"
	"unicode/utf16"
)

// fromUTF16 decodes input to UTF-8 when it starts with a UTF-16 byte-order
// mark (FF FE little-endian, FE FF big-endian) and returns it unchanged
// otherwise.
//
// Why decode rather than refuse: Windows editors save "Unicode" text as
// UTF-16 with a BOM, so such files reach `lede analyze` and the API from
// ordinary users, and the mark makes the encoding certain — FF and FE never
// occur in UTF-8, so no UTF-8 text is misread. Without a BOM nothing is
// guessed: UTF-16 without one is full of NUL bytes and is refused as binary
// with a message. The report's text is the decoded text, so every offset
// indexes what the reader sees. An odd trailing byte and unpaired
// surrogates become U+FFFD, as invalid UTF-8 does.
func fromUTF16(input string) string {
	var big bool
	switch {
	case strings.HasPrefix(input, "\xff\xfe"):
	case strings.HasPrefix(input, "\xfe\xff"):
		big = true
	default:
		return input
	}
	if len(input) > MaxInputBytes {
		return input // refused for its size: decoding it first would only cost memory
	}
	b := input[2:]
	units := make([]uint16, len(b)/2)
	for i := range units {
		lo, hi := uint16(b[2*i]), uint16(b[2*i+1])
		if big {
			lo, hi = hi, lo
		}
		units[i] = hi<<8 | lo
	}
	s := string(utf16.Decode(units))
	if len(b)%2 == 1 {
		s += "\uFFFD"
	}
	return s
}

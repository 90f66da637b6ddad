// Package jsonlite writes and reads JSON without reflection, byte for byte
// as encoding/json does (with SetEscapeHTML(false)).
//
// Why not encoding/json: it pulls reflect, fmt and their tables into the
// WebAssembly engine every reader downloads, and its reflection-driven
// encoder is slower than appending a report's fields by hand. The report
// writer (internal/report) and the few decoders the engine needs (the
// options, JSON-LD in pages) use this package instead; tests compare every
// function here with encoding/json.
package jsonlite

import (
	"errors"
	"math"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/lede-news/lede/internal/smallsort"
	"github.com/lede-news/lede/internal/swar"
)

const hex = "0123456789abcdef"

// safe marks the ASCII bytes a JSON string holds as they are.
var safe = func() (t [utf8.RuneSelf]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// AppendString appends s as a JSON string, escaped as encoding/json does
// without HTML escaping: ", \ and control characters escaped, U+2028 and
// U+2029 as \u2028 and \u2029, each byte of invalid UTF-8 as \ufffd.
func AppendString(b []byte, s string) []byte {
	b = append(b, '"')
	// whether s is valid UTF-8, read at its first non-ASCII byte (the
	// bytes before it are ASCII, valid): 0 not yet known, 1 valid, 2 not
	valid := 0
	start := 0
	for i := 0; i < len(s); {
		// eight plain ASCII bytes at a time (the test: see ones)
		for i+8 <= len(s) {
			x := swar.Load(s[i : i+8])
			q, bs := x^'"'*swar.Ones, x^'\\'*swar.Ones
			if (x|(x-0x20*swar.Ones)|(q-swar.Ones)|(bs-swar.Ones))&swar.Top != 0 {
				break
			}
			i += 8
		}
		if i == len(s) {
			break
		}
		c := s[i]
		if c < utf8.RuneSelf {
			if safe[c] {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		if valid == 0 {
			valid = 2
			if utf8.ValidString(s[i:]) {
				valid = 1
			}
		}
		if valid == 1 {
			// In valid UTF-8 only U+2028 and U+2029 (E2 80 A8/A9) need
			// escaping, and 0xE2 never occurs inside another character.
			if c == 0xE2 && i+2 < len(s) && s[i+1] == 0x80 && s[i+2]&^1 == 0xA8 {
				b = append(b, s[start:i]...)
				b = append(b, '\\', 'u', '2', '0', '2', hex[s[i+2]&1+8])
				i += 3
				start = i
				continue
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i++
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// AppendString's test of eight bytes as one word: with every byte below
// 0x80 (x's top bits clear), a byte's top bit is set in x-0x20*ones only
// for a byte below 0x20, and in q-ones or bs-ones (x with '"' or '\\'
// xored out) only for a zero byte; the first such byte borrows from no
// other, so none is missed, and with none nothing borrows, so none is
// false. A report's text and names are mostly such runs of plain ASCII,
// which a byte at a time cost a load, a table read and a branch a byte.

// ErrUnsupported is returned for NaN, ±Inf and Go values JSON cannot hold.
var ErrUnsupported = errors.New("json: unsupported value")

// AppendFloat appends f as encoding/json writes a float64: the shortest
// form that reads back the same, in exponent form below 1e-6 and from 1e21.
func AppendFloat(b []byte, f float64) ([]byte, error) {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return b, ErrUnsupported
	}
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' { // e-09 -> e-9
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b, nil
}

// AppendInt appends an integer.
func AppendInt(b []byte, n int) []byte { return strconv.AppendInt(b, int64(n), 10) }

// AppendInts appends a list of integers; nil is null, as in encoding/json.
func AppendInts(b []byte, ns []int) []byte {
	if ns == nil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i, n := range ns {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendInt(b, int64(n), 10)
	}
	return append(b, ']')
}

// AppendStrings appends a list of strings; nil is null.
func AppendStrings(b []byte, ss []string) []byte {
	if ss == nil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i, s := range ss {
		if i > 0 {
			b = append(b, ',')
		}
		b = AppendString(b, s)
	}
	return append(b, ']')
}

// AppendValue appends a value of the kinds Unmarshal (or encoding/json into
// an `any`) produces: nil, bool, float64, string, []any, map[string]any;
// also the Go integer types and *string, which callers build by hand. Map
// keys are written sorted, as encoding/json does.
func AppendValue(b []byte, v any) ([]byte, error) {
	var err error
	switch x := v.(type) {
	case nil:
		return append(b, "null"...), nil
	case bool:
		return strconv.AppendBool(b, x), nil
	case float64:
		return AppendFloat(b, x)
	case int:
		return strconv.AppendInt(b, int64(x), 10), nil
	case int64:
		return strconv.AppendInt(b, x, 10), nil
	case string:
		return AppendString(b, x), nil
	case *string:
		if x == nil {
			return append(b, "null"...), nil
		}
		return AppendString(b, *x), nil
	case []any:
		if x == nil {
			return append(b, "null"...), nil
		}
		b = append(b, '[')
		for i, e := range x {
			if i > 0 {
				b = append(b, ',')
			}
			if b, err = AppendValue(b, e); err != nil {
				return b, err
			}
		}
		return append(b, ']'), nil
	case map[string]any:
		if x == nil {
			return append(b, "null"...), nil
		}
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		smallsort.Sort(keys)
		b = append(b, '{')
		for i, k := range keys {
			if i > 0 {
				b = append(b, ',')
			}
			b = AppendString(b, k)
			b = append(b, ':')
			if b, err = AppendValue(b, x[k]); err != nil {
				return b, err
			}
		}
		return append(b, '}'), nil
	}
	return b, ErrUnsupported
}

// maxDepth is encoding/json's limit on nesting.
const maxDepth = 10000

// SyntaxError is malformed JSON; Offset is the byte where reading stopped.
type SyntaxError struct {
	Msg    string
	Offset int
}

func (e *SyntaxError) Error() string {
	return e.Msg + " at byte " + strconv.Itoa(e.Offset)
}

// Unmarshal reads one JSON value, with nothing but white space around it,
// into the Go values encoding/json gives an `any`: nil, bool, float64,
// string, []any and map[string]any (the last of repeated keys wins).
// Strings are repaired as encoding/json repairs them: invalid UTF-8 and
// unpaired surrogates become U+FFFD.
func Unmarshal(data []byte) (any, error) {
	d := &decoder{s: data}
	d.space()
	v, err := d.value(0)
	if err != nil {
		return nil, err
	}
	d.space()
	if d.i < len(d.s) {
		return nil, d.fail("invalid character after top-level value")
	}
	return v, nil
}

type decoder struct {
	s []byte
	i int
}

func (d *decoder) fail(msg string) error { return &SyntaxError{msg, d.i} }

func (d *decoder) space() {
	for d.i < len(d.s) {
		switch d.s[d.i] {
		case ' ', '\t', '\n', '\r':
			d.i++
		default:
			return
		}
	}
}

func (d *decoder) value(depth int) (any, error) {
	if depth >= maxDepth {
		return nil, d.fail("exceeded max depth")
	}
	if d.i >= len(d.s) {
		return nil, d.fail("unexpected end of JSON input")
	}
	switch c := d.s[d.i]; {
	case c == '{':
		d.i++
		m := map[string]any{}
		d.space()
		if d.i < len(d.s) && d.s[d.i] == '}' {
			d.i++
			return m, nil
		}
		for {
			d.space()
			if d.i >= len(d.s) || d.s[d.i] != '"' {
				return nil, d.fail("expected a string key")
			}
			k, err := d.str()
			if err != nil {
				return nil, err
			}
			d.space()
			if d.i >= len(d.s) || d.s[d.i] != ':' {
				return nil, d.fail("expected ':' after object key")
			}
			d.i++
			d.space()
			v, err := d.value(depth + 1)
			if err != nil {
				return nil, err
			}
			m[k] = v
			d.space()
			if d.i >= len(d.s) {
				return nil, d.fail("unexpected end of JSON input")
			}
			switch d.s[d.i] {
			case ',':
				d.i++
			case '}':
				d.i++
				return m, nil
			default:
				return nil, d.fail("expected ',' or '}' after object value")
			}
		}
	case c == '[':
		d.i++
		a := []any{}
		d.space()
		if d.i < len(d.s) && d.s[d.i] == ']' {
			d.i++
			return a, nil
		}
		for {
			d.space()
			v, err := d.value(depth + 1)
			if err != nil {
				return nil, err
			}
			a = append(a, v)
			d.space()
			if d.i >= len(d.s) {
				return nil, d.fail("unexpected end of JSON input")
			}
			switch d.s[d.i] {
			case ',':
				d.i++
			case ']':
				d.i++
				return a, nil
			default:
				return nil, d.fail("expected ',' or ']' after array element")
			}
		}
	case c == '"':
		return d.str()
	case c == '-' || c >= '0' && c <= '9':
		return d.number()
	default:
		for _, lit := range [...]struct {
			text string
			v    any
		}{{"true", true}, {"false", false}, {"null", nil}} {
			if len(d.s)-d.i >= len(lit.text) && string(d.s[d.i:d.i+len(lit.text)]) == lit.text {
				d.i += len(lit.text)
				return lit.v, nil
			}
		}
		return nil, d.fail("invalid character looking for beginning of value")
	}
}

func (d *decoder) number() (any, error) {
	start := d.i
	digits := func() int {
		n := 0
		for d.i < len(d.s) && d.s[d.i] >= '0' && d.s[d.i] <= '9' {
			d.i++
			n++
		}
		return n
	}
	if d.s[d.i] == '-' {
		d.i++
	}
	if d.i < len(d.s) && d.s[d.i] == '0' {
		d.i++
	} else if digits() == 0 {
		return nil, d.fail("invalid character in numeric literal")
	}
	if d.i < len(d.s) && d.s[d.i] == '.' {
		d.i++
		if digits() == 0 {
			return nil, d.fail("invalid character after decimal point in numeric literal")
		}
	}
	if d.i < len(d.s) && (d.s[d.i] == 'e' || d.s[d.i] == 'E') {
		d.i++
		if d.i < len(d.s) && (d.s[d.i] == '+' || d.s[d.i] == '-') {
			d.i++
		}
		if digits() == 0 {
			return nil, d.fail("invalid character in exponent of numeric literal")
		}
	}
	f, err := strconv.ParseFloat(string(d.s[start:d.i]), 64)
	if err != nil {
		return nil, &SyntaxError{"number " + string(d.s[start:d.i]) + " out of range", start}
	}
	return f, nil
}

// str reads a string at d.i (which is '"').
func (d *decoder) str() (string, error) {
	d.i++
	start := d.i
	// Fast path: no escapes, all ASCII or valid UTF-8.
	for d.i < len(d.s) {
		c := d.s[d.i]
		if c == '"' {
			s := d.s[start:d.i]
			d.i++
			if utf8.Valid(s) {
				return string(s), nil
			}
			return repair(s), nil
		}
		if c == '\\' {
			break
		}
		if c < 0x20 {
			return "", d.fail("invalid character in string literal")
		}
		d.i++
	}
	out := append([]byte(nil), d.s[start:d.i]...)
	for d.i < len(d.s) {
		c := d.s[d.i]
		switch {
		case c == '"':
			d.i++
			if utf8.Valid(out) {
				return string(out), nil
			}
			return repair(out), nil
		case c < 0x20:
			return "", d.fail("invalid character in string literal")
		case c != '\\':
			out = append(out, c)
			d.i++
			continue
		}
		if d.i+1 >= len(d.s) {
			break
		}
		e := d.s[d.i+1]
		d.i += 2
		switch e {
		case '"', '\\', '/':
			out = append(out, e)
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'u':
			r := u4(d.s[d.i-2:])
			if r < 0 {
				return "", d.fail("invalid character in \\u hexadecimal character escape")
			}
			d.i += 4
			if utf16.IsSurrogate(r) {
				if r2 := u4(d.s[d.i:]); r2 >= 0 {
					if dec := utf16.DecodeRune(r, r2); dec != utf8.RuneError {
						out = utf8.AppendRune(out, dec)
						d.i += 6
						continue
					}
				}
				r = utf8.RuneError
			}
			out = utf8.AppendRune(out, r)
		default:
			return "", d.fail("invalid character in string escape code")
		}
	}
	return "", d.fail("unexpected end of JSON input")
}

// u4 reads \uXXXX at the start of s, or returns -1.
func u4(s []byte) rune {
	if len(s) < 6 || s[0] != '\\' || s[1] != 'u' {
		return -1
	}
	var r rune
	for _, c := range s[2:6] {
		switch {
		case c >= '0' && c <= '9':
			c -= '0'
		case c >= 'a' && c <= 'f':
			c = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			c = c - 'A' + 10
		default:
			return -1
		}
		r = r*16 + rune(c)
	}
	return r
}

// repair replaces each byte of invalid UTF-8 with U+FFFD, as encoding/json
// does (strings.ToValidUTF8 would merge a run of bad bytes into one).
func repair(s []byte) string {
	out := make([]byte, 0, len(s)+8)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRune(s[i:])
		if r == utf8.RuneError && size == 1 {
			out = append(out, "\uFFFD"...)
		} else {
			out = append(out, s[i:i+size]...)
		}
		i += size
	}
	return string(out)
}

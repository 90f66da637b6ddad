package core

import (
	"strconv"
	"strings"
	"unicode"
)

// parseMediaType reads a Content-Type value as mime.ParseMediaType does,
// keeping only what the API looks at: the media type (lower case) and the
// charset parameter. ok is false exactly where mime.ParseMediaType returns an
// error. It is core's own so that the worker does not link mime (and through
// it os and fmt); TestParseMediaTypeMatchesMime compares the two on a table
// and on fuzzed values, including RFC 2231's charset*= and charset*0= forms.
func parseMediaType(v string) (mediaType, charset string, ok bool) {
	base, _, _ := strings.Cut(v, ";")
	mediaType = strings.TrimSpace(strings.ToLower(base))
	if !validMediaType(mediaType) {
		return "", "", false
	}
	// seen holds every parameter (name, value), for the duplicate check:
	// the same name twice with different values is an error.
	var seen []string
	v = v[len(base):]
	for len(v) > 0 {
		v = strings.TrimLeftFunc(v, unicode.IsSpace)
		if len(v) == 0 {
			break
		}
		key, value, rest := mediaParam(v)
		if key == "" {
			if strings.TrimSpace(rest) == ";" { // a trailing ";" is allowed
				break
			}
			return "", "", false
		}
		for i := 0; i < len(seen); i += 2 {
			if seen[i] == key && seen[i+1] != value {
				return "", "", false
			}
		}
		seen = append(seen, key, value)
		v = rest
	}
	return mediaType, charsetOf(seen), true
}

// charsetOf is the charset parameter among the (name, value) pairs, as
// mime.ParseMediaType puts it together: charset*= (RFC 2231, "utf-8”value")
// when it decodes, else charset*0=, charset*1=, … (each piece plain or, with
// a trailing *, encoded), else plain charset=.
func charsetOf(params []string) string {
	get := func(k string) (string, bool) {
		for i := 0; i < len(params); i += 2 {
			if params[i] == k {
				return params[i+1], true
			}
		}
		return "", false
	}
	plain, _ := get("charset")
	if v, ok := get("charset*"); ok {
		if d, ok := decode2231(v); ok {
			return d
		}
		return plain
	}
	var b strings.Builder
	valid := false
	for n := 0; ; n++ {
		part := "charset*" + strconv.Itoa(n)
		if v, ok := get(part); ok {
			valid = true
			b.WriteString(v)
			continue
		}
		v, ok := get(part + "*")
		if !ok {
			break
		}
		valid = true
		if n == 0 {
			if d, ok := decode2231(v); ok {
				b.WriteString(d)
			}
		} else {
			d, _ := unescapePercent(v)
			b.WriteString(d)
		}
	}
	if valid {
		return b.String()
	}
	return plain
}

// decode2231 decodes an RFC 2231 value, charset'language'percent-encoded,
// in us-ascii or utf-8 only.
func decode2231(v string) (string, bool) {
	charset, v, ok := strings.Cut(v, "'")
	if !ok {
		return "", false
	}
	if _, v, ok = strings.Cut(v, "'"); !ok {
		return "", false
	}
	if cs := strings.ToLower(charset); cs != "us-ascii" && cs != "utf-8" {
		return "", false
	}
	return unescapePercent(v)
}

// unescapePercent decodes %XX escapes; false if one is malformed.
func unescapePercent(s string) (string, bool) {
	if strings.IndexByte(s, '%') < 0 {
		return s, true
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] != '%' {
			b = append(b, s[i])
			continue
		}
		if i+2 >= len(s) || unhex(s[i+1]) < 0 || unhex(s[i+2]) < 0 {
			return "", false
		}
		b = append(b, byte(unhex(s[i+1])<<4|unhex(s[i+2])))
		i += 2
	}
	return string(b), true
}

// unhex is the value of a hex digit, -1 for another byte.
func unhex(c byte) int {
	switch {
	case '0' <= c && c <= '9':
		return int(c - '0')
	case 'a' <= c && c <= 'f':
		return int(c-'a') + 10
	case 'A' <= c && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

// validMediaType: a token, optionally "/" and a second token.
func validMediaType(s string) bool {
	typ, rest := mediaToken(s)
	if typ == "" {
		return false
	}
	if rest == "" {
		return true
	}
	if rest[0] != '/' {
		return false
	}
	sub, rest := mediaToken(rest[1:])
	return sub != "" && rest == ""
}

// isMediaTokenChar is mime's token character: an HTTP token character, or
// "{" or "}".
func isMediaTokenChar(c byte) bool { return isTokenChar(c) || c == '{' || c == '}' }

func mediaToken(v string) (token, rest string) {
	for i := 0; i < len(v); i++ {
		if !isMediaTokenChar(v[i]) {
			return v[:i], v[i:]
		}
	}
	return v, ""
}

// mediaParam reads "; name=value" off v; name is "" if there is none.
func mediaParam(v string) (name, value, rest string) {
	rest = strings.TrimLeftFunc(v, unicode.IsSpace)
	var ok bool
	if rest, ok = strings.CutPrefix(rest, ";"); !ok {
		return "", "", v
	}
	rest = strings.TrimLeftFunc(rest, unicode.IsSpace)
	name, rest = mediaToken(rest)
	name = strings.ToLower(name)
	if name == "" {
		return "", "", v
	}
	rest = strings.TrimLeftFunc(rest, unicode.IsSpace)
	if rest, ok = strings.CutPrefix(rest, "="); !ok {
		return "", "", v
	}
	rest = strings.TrimLeftFunc(rest, unicode.IsSpace)
	value, rest2 := mediaValue(rest)
	if value == "" && rest2 == rest {
		return "", "", v
	}
	return name, value, rest2
}

// mediaValue reads a token or a quoted string. Inside quotes a backslash
// escapes only a tspecial; before another byte it stands for itself (as
// mime does, for MSIE's unescaped paths). A CR, LF or no closing quote is
// no value.
func mediaValue(v string) (value, rest string) {
	if v == "" {
		return "", ""
	}
	if v[0] != '"' {
		return mediaToken(v)
	}
	var b strings.Builder
	for i := 1; i < len(v); i++ {
		c := v[i]
		switch {
		case c == '"':
			return b.String(), v[i+1:]
		case c == '\\' && i+1 < len(v) && strings.IndexByte(`()<>@,;:\"/[]?=`, v[i+1]) >= 0:
			b.WriteByte(v[i+1])
			i++
		case c == '\r' || c == '\n':
			return "", v
		default:
			b.WriteByte(c)
		}
	}
	return "", v
}

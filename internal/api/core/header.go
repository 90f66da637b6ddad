package core

// Header is an HTTP header: net/http's http.Header and net/textproto's
// MIMEHeader have this type underneath, so internal/api converts one to the
// other without copying, and the methods below canonicalise names exactly as
// theirs do (CanonicalKey). It is core's own so that the worker does not link
// net/textproto, which imports net (docs/worker.md, "Thirteenth round").
type Header map[string][]string

// Add adds value to the values of key.
func (h Header) Add(key, value string) {
	key = CanonicalKey(key)
	h[key] = append(h[key], value)
}

// Set replaces the values of key with value.
func (h Header) Set(key, value string) { h[CanonicalKey(key)] = []string{value} }

// Get is the first value of key, "" if it has none.
func (h Header) Get(key string) string {
	if v := h[CanonicalKey(key)]; len(v) > 0 {
		return v[0]
	}
	return ""
}

// Values are all the values of key (not a copy).
func (h Header) Values(key string) []string { return h[CanonicalKey(key)] }

// CanonicalKey is textproto.CanonicalMIMEHeaderKey: the first letter and
// every letter after a hyphen upper case, the rest lower case
// ("content-type" → "Content-Type"); a name with a byte that is not an HTTP
// token character (a space, say) is returned unchanged. A test compares the
// two on every byte and on fuzzed names.
func CanonicalKey(s string) string {
	upper := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !isTokenChar(c) {
			return s
		}
		if upper && 'a' <= c && c <= 'z' || !upper && 'A' <= c && c <= 'Z' {
			return canonicalise(s)
		}
		upper = c == '-'
	}
	return s
}

// canonicalise cases s, unless a byte after the first that needs casing is
// not a token character either.
func canonicalise(s string) string {
	for i := 0; i < len(s); i++ {
		if !isTokenChar(s[i]) {
			return s
		}
	}
	b := []byte(s)
	upper := true
	for i, c := range b {
		if upper && 'a' <= c && c <= 'z' {
			c -= 'a' - 'A'
		} else if !upper && 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
		upper = c == '-'
	}
	return string(b)
}

// isTokenChar reports whether c may stand in an HTTP token (RFC 9110's
// tchar): a header name, a media type, a parameter name.
func isTokenChar(c byte) bool {
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return true
	}
	switch c {
	case '!', '#', '$', '%', '&', '\'', '*', '+', '-', '.', '^', '_', '`', '|', '~':
		return true
	}
	return false
}

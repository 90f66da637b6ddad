package core

import "strings"

// queryValue is url.Values.Get of url.ParseQuery(rawQuery): the first value
// of key, "" if none. As there, pairs are separated by "&", a pair holding
// ";" is skipped (Go refuses ";" as a separator since 1.17), as is a pair
// whose key or value has a malformed escape; "+" means a space. It is core's
// own so that the worker does not link net/url; a test compares the two.
func queryValue(rawQuery, key string) string {
	if strings.Count(rawQuery, "&")+1 > maxQueryParams {
		return "" // url.ParseQuery refuses the whole query
	}
	for q := rawQuery; q != ""; {
		var pair string
		pair, q, _ = strings.Cut(q, "&")
		if pair == "" || strings.IndexByte(pair, ';') >= 0 {
			continue
		}
		k, v, _ := strings.Cut(pair, "=")
		k, ok := unescapeQuery(k)
		if !ok || k != key {
			continue
		}
		if v, ok = unescapeQuery(v); ok {
			return v
		}
	}
	return ""
}

// maxQueryParams is net/url's limit on a query's pairs (its GODEBUG
// urlmaxqueryparams default).
const maxQueryParams = 10000

// unescapeQuery is url.QueryUnescape: %XX escapes and "+" for a space.
func unescapeQuery(s string) (string, bool) {
	if strings.IndexByte(s, '%') < 0 && strings.IndexByte(s, '+') < 0 {
		return s, true
	}
	return unescapePercent(strings.ReplaceAll(s, "+", " "))
}

// SplitURL is the decoded path and the raw query of a URL, as url.Parse
// reads them into URL.Path and URL.RawQuery; ok is false where url.Parse
// fails on a malformed escape or a control character. The worker, which
// gets each request's URL as the Fetch API has already parsed and
// serialised it, uses it instead of net/url. What it does not do is check
// the host (url.Parse refuses a few characters there that the Fetch API
// lets through), which the API never reads. A test compares it with
// url.Parse.
func SplitURL(raw string) (path, rawQuery string, ok bool) {
	rest, frag, _ := strings.Cut(raw, "#")
	if _, ok := unescapePercent(frag); !ok {
		return "", "", false
	}
	for i := 0; i < len(rest); i++ {
		if rest[i] < ' ' || rest[i] == 0x7f {
			return "", "", false
		}
	}
	scheme := ""
	for i := 0; i < len(rest); i++ {
		c := rest[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' {
			continue
		}
		if i > 0 && ('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.') {
			continue
		}
		if c == ':' {
			if i == 0 {
				return "", "", false // "missing protocol scheme"
			}
			scheme, rest = rest[:i], rest[i+1:]
		}
		break
	}
	rest, rawQuery, _ = strings.Cut(rest, "?")
	if !strings.HasPrefix(rest, "/") {
		if scheme != "" {
			return "", rawQuery, true // an opaque URL (mailto:x) has no path
		}
		if seg, _, _ := strings.Cut(rest, "/"); strings.IndexByte(seg, ':') >= 0 {
			return "", "", false
		}
	}
	if (scheme != "" || !strings.HasPrefix(rest, "///")) && strings.HasPrefix(rest, "//") {
		rest = rest[2:]
		if i := strings.IndexByte(rest, '/'); i >= 0 {
			rest = rest[i:]
		} else {
			rest = ""
		}
	}
	if path, ok = unescapePercent(rest); !ok {
		return "", "", false
	}
	return path, rawQuery, true
}

package core

import (
	"math/rand/v2"
	"mime"
	"net/textproto"
	"net/url"
	"strings"
	"testing"
)

// The tests in this file compare core's small readers (header.go,
// mediatype.go, query.go), which keep the worker free of net/textproto,
// mime and net/url, with the standard functions they replace, on tables of
// edge cases and on fuzzed input.

func checkCanonicalKey(t *testing.T, s string) {
	t.Helper()
	if got, want := CanonicalKey(s), textproto.CanonicalMIMEHeaderKey(s); got != want {
		t.Errorf("CanonicalKey(%q) = %q, textproto %q", s, got, want)
	}
}

func TestCanonicalKeyMatchesTextproto(t *testing.T) {
	for c := 0; c < 256; c++ {
		for _, s := range []string{string(rune(c)), "a" + string(byte(c)) + "b", "x-" + string(byte(c)), "CONTENT-TYPE" + string(byte(c))} {
			checkCanonicalKey(t, s)
		}
	}
	for _, s := range []string{"", "content-type", "Content-Type", "CONTENT-TYPE", "x-lede--a", "-a", "a-", "lede instance", "content-type ", "accept-encoding", "ß-x", "a_b-c.d", "1a-2B"} {
		checkCanonicalKey(t, s)
	}
}

func FuzzCanonicalKey(f *testing.F) {
	for _, s := range []string{"content-type", "X-a b", "ÄÖ-x", "a{b}"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkCanonicalKey(t, s) })
}

func TestHeaderMethods(t *testing.T) {
	h := Header{}
	h.Add("content-type", "text/plain")
	h.Add("CONTENT-TYPE", "text/html")
	h.Set("x-lede", "1")
	m := textproto.MIMEHeader{}
	m.Add("content-type", "text/plain")
	m.Add("CONTENT-TYPE", "text/html")
	m.Set("x-lede", "1")
	for _, k := range []string{"Content-Type", "content-type", "X-Lede", "x-other"} {
		if h.Get(k) != m.Get(k) || strings.Join(h.Values(k), "|") != strings.Join(m.Values(k), "|") {
			t.Errorf("%s: %q %q, textproto %q %q", k, h.Get(k), h.Values(k), m.Get(k), m.Values(k))
		}
	}
}

func checkMediaType(t *testing.T, v string) {
	t.Helper()
	mt, cs, ok := parseMediaType(v)
	wmt, params, err := mime.ParseMediaType(v)
	if ok != (err == nil) || ok && (mt != wmt || cs != params["charset"]) {
		t.Errorf("parseMediaType(%q) = %q, %q, %v; mime: %q, %q, %v", v, mt, cs, ok, wmt, params["charset"], err)
	}
}

var mediaTypes = []string{
	"", "text/plain", "TEXT/Plain", " text/html ", "text/plain;", "text/plain; ", "text/plain;;", "text/plain; ;",
	"text/plain; charset=utf-8", "text/plain;charset=UTF-8", `text/html; charset="utf-8"`, `text/html; charset="utf\-8"`,
	`text/html; charset="a\"b"`, `text/html; charset="unterminated`, "text/html; charset=", "text/html; charset", "text/html; =x",
	"text/plain; charset=utf-8; charset=utf-8", "text/plain; charset=utf-8; charset=latin1", "text/plain; Charset=latin1",
	"text/plain; charset*=utf-8''%75tf-8", "text/plain; charset*=UTF-8''latin%31", "text/plain; charset*=iso-8859-1''x",
	"text/plain; charset*=utf-8''%zz", "text/plain; charset=a; charset*=utf-8''b", "text/plain; charset*0=ut; charset*1=f-8",
	"text/plain; charset*0*=utf-8''u%74; charset*1*=f%2d8", "text/plain; charset*1=x", "text/plain; charset*0=a; charset*0=b",
	"text/plain; format=flowed; delsp=yes", "text/plain; a=1, text/html", "text/plain, text/html", "text", "text/",
	"/plain", "text/plain/x", "text/{x}", "té/x", "text/plain;\u00a0charset=latin1", "text/plain\u00a0; charset=x",
	"\u212aind/x", "text/plain; charset=\"a\rb\"", "application/x-ndjson; charset=utf-8", "multipart/form-data; boundary=\"--x\"",
}

func TestParseMediaTypeMatchesMime(t *testing.T) {
	for _, v := range mediaTypes {
		checkMediaType(t, v)
	}
}

func FuzzParseMediaType(f *testing.F) {
	for _, v := range mediaTypes {
		f.Add(v)
	}
	f.Fuzz(func(t *testing.T, v string) { checkMediaType(t, v) })
}

func checkQuery(t *testing.T, q string) {
	t.Helper()
	vals, _ := url.ParseQuery(q)
	for _, k := range []string{"input", "offsets", "a b", "a+b", "", "x"} {
		if got, want := queryValue(q, k), vals.Get(k); got != want {
			t.Errorf("queryValue(%q, %q) = %q, url.ParseQuery %q", q, k, got, want)
		}
	}
}

var queries = []string{
	"", "input=html", "offsets=utf8&input=auto", "offsets=bogus&offsets=utf8", "offsets=utf8;input=html", "input=h%74ml",
	"input=%zz&input=text", "in%70ut=x", "input", "input=", "=x&input=y", "&&input=a", "a+b=c+d&a%20b=e", "x=%2B+%2b",
	"input=a=b", "input=%", "input=%4", "input=%E2%82%AC",
}

func TestQueryValueMatchesNetURL(t *testing.T) {
	for _, q := range queries {
		checkQuery(t, q)
	}
	checkQuery(t, strings.Repeat("a=b&", maxQueryParams-1)+"input=x")
	checkQuery(t, strings.Repeat("a=b&", maxQueryParams)+"input=x")
}

func FuzzQueryValue(f *testing.F) {
	for _, q := range queries {
		f.Add(q)
	}
	f.Fuzz(func(t *testing.T, q string) { checkQuery(t, q) })
}

func checkSplitURL(t *testing.T, raw string) {
	t.Helper()
	path, query, ok := SplitURL(raw)
	u, err := url.Parse(raw)
	if err != nil && ok {
		// SplitURL does not check the host: url.Parse must accept the
		// same URL with a plain host, and read it the same.
		if i := strings.Index(raw, "//"); i >= 0 {
			end := len(raw)
			if j := strings.IndexAny(raw[i+2:], "/?#"); j >= 0 {
				end = i + 2 + j
			}
			u, err = url.Parse(raw[:i+2] + "h" + raw[end:])
		}
	}
	if err != nil {
		if ok {
			t.Errorf("SplitURL(%q) = %q, %q; url.Parse failed: %v", raw, path, query, err)
		}
		return
	}
	if !ok || path != u.Path || query != u.RawQuery {
		t.Errorf("SplitURL(%q) = %q, %q, %v; url.Parse %q, %q", raw, path, query, ok, u.Path, u.RawQuery)
	}
}

var urls = []string{
	"https://w.example/analyze", "https://w.example/analyze?offsets=utf8", "http://127.0.0.1:8787/healthz", "https://w.example",
	"https://w.example?x=1", "https://w.example/analy%7Ae?offsets=codepoint", "https://w.example/n%C3%A4h%22", "https://w.example/%zz",
	"https://w.example/a%2Fb", "https://w.example/a+b?c+d", "https://w.example/a?", "https://w.example/a?b?c", "https://w.example/a#frag",
	"https://w.example/a#%zz", "https://w.example/a?x#y", "mailto:a@b", "/analyze", "//host/analyze", "///analyze", "a:b/c",
	"1a:/x", ":x", "/a\x7f", "/a\tb", "https://user:pw@w.example:8443/x", "HTTPS://W.EXAMPLE/Analyze", "https://w.example//a",
	"https://[::1]:8787/analyze", "rel/ative", "rel:ative/x", "./a:b",
}

func TestSplitURLMatchesNetURL(t *testing.T) {
	for _, u := range urls {
		checkSplitURL(t, u)
	}
	r := rand.New(rand.NewPCG(1, 2))
	const chars = "ab/?#%:+2f.@[]"
	for range 20000 {
		b := []byte("https://w.example/")
		for n := r.IntN(12); n > 0; n-- {
			b = append(b, chars[r.IntN(len(chars))])
		}
		checkSplitURL(t, string(b))
	}
}

func FuzzSplitURL(f *testing.F) {
	for _, u := range urls {
		f.Add(u)
	}
	f.Fuzz(func(t *testing.T, raw string) { checkSplitURL(t, raw) })
}

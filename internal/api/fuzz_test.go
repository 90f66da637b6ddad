package api_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/lede-news/lede/internal/api"
)

var contentTypes = [...]string{
	"text/plain", "text/html; charset=utf-8", "application/json", "application/x-ndjson",
	"text/plain; charset=latin1", "", "multipart/form-data; boundary=x", "application/json; charset=\"utf-8",
}

// FuzzAnalyze sends any body, content type and query string to POST
// /analyze and checks the answer: a known status; JSON (or NDJSON, one
// valid JSON value a line) with a correct Content-Type; no stack trace or
// Go panic text; the security headers on every answer; and the same bytes
// for the same request.
func FuzzAnalyze(f *testing.F) {
	seeds := []struct {
		body  string
		ct    uint8
		query string
	}{
		{"The mayor of Lisbon opened the bridge on Monday.", 0, ""},
		{"<p>The mayor of Lisbon opened the bridge.</p>", 1, "offsets=utf8"},
		{`{"id": 7, "text": "Trump met Lee in Seoul.", "options": {"offsets": "codepoint"}}`, 2, ""},
		{`{"html": "<svg onload=alert(1)>x</svg>", "options": {"input": "html"}}`, 2, ""},
		{`{"text": "a", "html": "b"}`, 2, ""},
		{`{"text": "a"} {"text": "b"}`, 2, ""},
		{`{"text": "a", "extra": 1}`, 2, ""},
		{`{"options": {"offsets": "utf32"}, "text": "x"}`, 2, ""},
		{"{\"id\":1,\"text\":\"One.\"}\n\nnot json\n{\"id\":[2],\"html\":\"<p>Two.</p>\"}\n{\"id\":{\"a\":null}}", 3, ""},
		{"x", 0, "offsets=bogus&input=html&input=text"},
		{"x", 4, ""},
		{"x", 6, "%zz"},
		{"\xff\xfeH\x00i\x00", 0, ""},
		{"", 0, ""},
	}
	for _, s := range seeds {
		f.Add(s.body, s.ct, s.query)
	}
	h := api.Handler()
	f.Fuzz(func(t *testing.T, body string, ct uint8, query string) {
		if strings.ContainsAny(query, " #\r\n") {
			return // not a request line a client can send
		}
		do := func() *httptest.ResponseRecorder {
			req := httptest.NewRequest(http.MethodPost, "/analyze", strings.NewReader(body))
			req.URL.RawQuery = query
			if c := contentTypes[int(ct)%len(contentTypes)]; c != "" {
				req.Header.Set("Content-Type", c)
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			return rec
		}
		rec := do()
		switch rec.Code {
		case 200, 400, 413, 415:
		default:
			t.Fatalf("status %d: %s", rec.Code, rec.Body.Bytes())
		}
		for _, k := range []string{"Content-Security-Policy", "X-Content-Type-Options", "Access-Control-Allow-Origin"} {
			if rec.Header().Get(k) == "" {
				t.Fatalf("no %s header", k)
			}
		}
		out := rec.Body.Bytes()
		if bytes.Contains(out, []byte("goroutine ")) || bytes.Contains(out, []byte(".go:")) {
			t.Fatalf("a stack trace in the answer: %.300q", out)
		}
		if strings.HasPrefix(rec.Header().Get("Content-Type"), "application/x-ndjson") {
			for _, line := range bytes.Split(bytes.TrimSuffix(out, []byte("\n")), []byte("\n")) {
				if len(out) > 0 && !json.Valid(line) {
					t.Fatalf("NDJSON line is not JSON: %.200q", line)
				}
			}
		} else if !strings.HasPrefix(rec.Header().Get("Content-Type"), "application/json") || !json.Valid(out) {
			t.Fatalf("answer %d is not JSON (%s): %.200q", rec.Code, rec.Header().Get("Content-Type"), out)
		}
		if rec.Code != 200 {
			var e struct{ Error string }
			if json.Unmarshal(out, &e); e.Error == "" {
				t.Fatalf("status %d without an error message: %.200q", rec.Code, out)
			}
		}
		if again := do(); again.Code != rec.Code || !bytes.Equal(again.Body.Bytes(), out) {
			t.Fatal("the same request gave a different answer")
		}
	})
}

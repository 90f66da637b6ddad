package api_test

import (
	"encoding/json"
	"io"
	"math/rand"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/lede-news/lede/internal/api"
)

// endless is a request body of n bytes of "a " that is never held in memory
// whole, sent without a Content-Length (chunked), as a client may.
type endless struct{ left int }

func (r *endless) Read(p []byte) (int, error) {
	if r.left <= 0 {
		return 0, io.EOF
	}
	n := min(len(p), r.left)
	for i := range p[:n] {
		p[i] = "a "[i%2]
	}
	r.left -= n
	return n, nil
}

// Bad input posted to the API: every answer is JSON with a status that
// says what went wrong, or a report.
func TestBadInputAPI(t *testing.T) {
	rnd := rand.New(rand.NewSource(12))
	bin := make([]byte, 1<<20)
	rnd.Read(bin)
	u16 := []byte{0xff, 0xfe}
	for _, u := range utf16.Encode([]rune("The mayor of Lisbon, Ana Ferreira, opened the bridge on Monday.")) {
		u16 = append(u16, byte(u), byte(u>>8))
	}
	h := api.Handler()
	cases := []struct {
		name, contentType string
		body              io.Reader
		length            int64 // Content-Length; -1 for none
		status            int
		want              string // in the body
	}{
		{"50 MB declared", "text/plain", strings.NewReader(""), 50 << 20, 413, "50.0 MiB"},
		{"50 MB chunked", "text/plain", &endless{left: 50 << 20}, -1, 413, "over the 8 MiB limit"},
		{"1 MB of binary", "text/plain", strings.NewReader(string(bin)), int64(len(bin)), 400, "binary"},
		{"UTF-16 with a BOM", "text/plain", strings.NewReader(string(u16)), int64(len(u16)), 200, "Ana Ferreira"},
		{"charset=utf-16", "text/plain; charset=utf-16", strings.NewReader(string(u16)), int64(len(u16)), 415, "UTF-8"},
		{"empty", "text/plain", strings.NewReader(""), 0, 400, "empty"},
		{"100,000-deep HTML", "text/html", strings.NewReader(strings.Repeat("<div>", 100000) + "<p>Deep text.</p>"), -1, 200, "Deep text"},
		{"JSON nested 100,000 deep", "application/json", strings.NewReader(`{"id":` + strings.Repeat("[", 100000) + strings.Repeat("]", 100000) + `,"text":"x"}`), -1, 400, "error"},
		{"NDJSON, a 10 MB line", "application/x-ndjson", &endless{left: 10 << 20}, -1, 413, "limit"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			req := httptest.NewRequest(http.MethodPost, "/analyze", c.body)
			req.ContentLength = c.length
			req.Header.Set("Content-Type", c.contentType)
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != c.status || !strings.Contains(rec.Body.String(), c.want) {
				t.Fatalf("status %d, %.200q; want %d with %q", rec.Code, rec.Body.String(), c.status, c.want)
			}
			if !json.Valid(rec.Body.Bytes()) {
				t.Errorf("not JSON: %.200q", rec.Body.String())
			}
		})
	}
}

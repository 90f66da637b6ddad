package main

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/lede-news/lede/internal/api"
)

// TestExchangeMatchesHandler: what the glue returns is what the handler
// answers over a real HTTP server path (httptest), header for header and
// byte for byte, plus the instance headers.
func TestExchangeMatchesHandler(t *testing.T) {
	article, err := os.ReadFile("../../internal/api/testdata/article.txt")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, method, url, ctype string
		body                     []byte
		status                   int
	}{
		{"healthz", "GET", "https://w.example/healthz", "", nil, 200},
		{"analyze text", "POST", "https://w.example/analyze", "text/plain", article, 200},
		{"analyze utf8 offsets", "POST", "https://w.example/analyze?offsets=utf8", "text/plain; charset=utf-8", article, 200},
		{"analyze json", "POST", "https://w.example/analyze", "application/json", []byte(`{"id":3,"text":"Ada Lovelace spoke in London."}`), 200},
		{"empty", "POST", "https://w.example/analyze", "text/plain", []byte("  "), 400},
		{"bad type", "POST", "https://w.example/analyze", "application/x-www-form-urlencoded", []byte("a=b"), 415},
		{"wrong method", "PUT", "https://w.example/analyze", "text/plain", []byte("x"), 405},
		{"preflight", "OPTIONS", "https://w.example/analyze", "", nil, 204},
		{"no such path", "GET", "https://w.example/nope", "", nil, 404},
	}
	h := api.Handler()
	in := &instance{id: "0123456789abcdef"}
	for i, tc := range tests {
		req := httptest.NewRequest(tc.method, tc.url, bytes.NewReader(tc.body))
		var header []string
		if tc.ctype != "" {
			req.Header.Set("Content-Type", tc.ctype)
			header = append(header, "content-type", tc.ctype)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)

		status, outHeader, out := in.exchange(context.Background(), h, tc.method, tc.url, header, tc.body)
		if status != tc.status || status != rec.Code {
			t.Errorf("%s: status %d, handler %d, want %d", tc.name, status, rec.Code, tc.status)
		}
		if !bytes.Equal(out, rec.Body.Bytes()) {
			t.Errorf("%s: body differs from the handler's:\n%.200s\n%.200s", tc.name, out, rec.Body.Bytes())
		}
		got := http.Header{}
		for j := 0; j+1 < len(outHeader); j += 2 {
			got.Add(outHeader[j], outHeader[j+1])
		}
		for k := range rec.Header() {
			if got.Get(k) != rec.Header().Get(k) {
				t.Errorf("%s: header %s = %q, handler %q", tc.name, k, got.Get(k), rec.Header().Get(k))
			}
		}
		if got.Get("Lede-Instance") != in.id || got.Get("Lede-Instance-Requests") != strconv.Itoa(i+1) {
			t.Errorf("%s: instance headers %q %q, want %q %d", tc.name, got.Get("Lede-Instance"), got.Get("Lede-Instance-Requests"), in.id, i+1)
		}
	}
}

// TestExchangeTooLarge: worker.mjs hands over at most MaxBodyBytes+1 bytes
// of a larger body; the declared length or the extra byte still gives 413.
func TestExchangeTooLarge(t *testing.T) {
	in := &instance{id: "x"}
	cut := bytes.Repeat([]byte("a"), api.MaxBodyBytes+1)
	tests := []struct {
		name   string
		header []string
		body   []byte
	}{
		{"declared length", []string{"content-type", "text/plain", "content-length", strconv.Itoa(50 << 20)}, cut},
		{"no length, cut body", []string{"content-type", "text/plain"}, cut},
	}
	for _, tc := range tests {
		status, _, out := in.exchange(context.Background(), api.Handler(), "POST", "https://w.example/analyze", tc.header, tc.body)
		if status != http.StatusRequestEntityTooLarge || !bytes.Contains(out, []byte(`"error"`)) {
			t.Errorf("%s: %d %.100s, want 413 with a JSON error", tc.name, status, out)
		}
	}
}

// TestExchangePanic: a panicking handler gives a JSON 500 without a stack
// trace, and the instance answers the next request.
func TestExchangePanic(t *testing.T) {
	in := &instance{id: "x"}
	boom := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Partial", "1")
		w.Write([]byte("half a body"))
		panic("boom at main.go:12")
	})
	status, header, out := in.exchange(context.Background(), boom, "GET", "https://w.example/x", nil, nil)
	if status != 500 || strings.Contains(string(out), "boom") || strings.Contains(string(out), "half") || !bytes.HasPrefix(out, []byte(`{"error":`)) {
		t.Errorf("panic: %d %q", status, out)
	}
	if strings.Contains(strings.Join(header, " "), "X-Partial") {
		t.Errorf("panic: the half-written header survived: %v", header)
	}
	status, _, _ = in.exchange(context.Background(), api.Handler(), "GET", "https://w.example/healthz", nil, nil)
	if status != 200 {
		t.Errorf("after a panic: %d", status)
	}
}

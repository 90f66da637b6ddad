package main

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
	"testing"

	"github.com/lede-news/lede/internal/api"
	"github.com/lede-news/lede/internal/api/core"
)

// TestExchangeMatchesHandler: what the glue returns (core's API, without
// net/http) is what `lede serve`'s http.Handler (internal/api) answers over a
// real HTTP server path (httptest), header for header and byte for byte,
// plus the instance headers.
func TestExchangeMatchesHandler(t *testing.T) {
	article, err := os.ReadFile("../../internal/api/testdata/article.txt")
	if err != nil {
		t.Fatal(err)
	}
	big := bytes.Repeat([]byte("x"), api.MaxBodyBytes+1) // JSON that fails at its first byte: cheap at any size
	// header is what the client sent, one name, value pair each (Fetch
	// joins repeated names with ", " before the worker sees them, net/http
	// keeps them apart); length is the declared Content-Length, "" for a
	// chunked body (net/http: ContentLength -1, no header for the worker).
	tests := []struct {
		name, method, url, ctype string
		body                     []byte
		status                   int
		header                   []string
		length                   string
	}{
		{"healthz", "GET", "https://w.example/healthz", "", nil, 200, nil, ""},
		{"analyze text", "POST", "https://w.example/analyze", "text/plain", article, 200, nil, ""},
		{"analyze utf8 offsets", "POST", "https://w.example/analyze?offsets=utf8", "text/plain; charset=utf-8", article, 200, nil, ""},
		{"analyze json", "POST", "https://w.example/analyze", "application/json", []byte(`{"id":3,"text":"Ada Lovelace spoke in London."}`), 200, nil, ""},
		{"empty", "POST", "https://w.example/analyze", "text/plain", []byte("  "), 400, nil, ""},
		{"bad type", "POST", "https://w.example/analyze", "application/x-www-form-urlencoded", []byte("a=b"), 415, nil, ""},
		{"wrong method", "PUT", "https://w.example/analyze", "text/plain", []byte("x"), 405, nil, ""},
		{"preflight", "OPTIONS", "https://w.example/analyze", "", nil, 204, nil, ""},
		{"no such path", "GET", "https://w.example/nope", "", nil, 404, nil, ""},
		{"healthz head", "HEAD", "https://w.example/healthz", "", nil, 200, nil, ""},
		{"healthz post", "POST", "https://w.example/healthz", "text/plain", []byte("x"), 405, nil, ""},
		{"ndjson", "POST", "https://w.example/analyze", "application/x-ndjson", []byte("{\"id\":1,\"text\":\"Ada Lovelace spoke.\"}\n{\"id\":2}\n"), 200, nil, ""},
		{"bad charset", "POST", "https://w.example/analyze", "text/plain; charset=latin1", []byte("x"), 415, nil, ""},
		{"analyze head", "HEAD", "https://w.example/analyze", "", nil, 405, nil, ""},
		{"healthz preflight", "OPTIONS", "https://w.example/healthz", "", nil, 204, nil, ""},
		{"preflight elsewhere", "OPTIONS", "https://w.example/nope", "", nil, 404, nil, ""},
		{"percent-encoded path", "POST", "https://w.example/analy%7Ae?offsets=codepoint", "text/plain", []byte("Ada Lovelace spoke in Zürich."), 200, nil, ""},
		{"non-ASCII path", "GET", "https://w.example/n%C3%A4h%22", "", nil, 404, nil, ""},
		{"repeated and bad options", "POST", "https://w.example/analyze?offsets=bogus&offsets=utf8", "text/plain", []byte("Ada spoke."), 400, nil, ""},
		{"semicolon query", "POST", "https://w.example/analyze?offsets=utf8;input=html", "text/plain", []byte("Ada spoke."), 200, nil, ""},
		{"html by query", "POST", "https://w.example/analyze?input=html", "text/plain", []byte("<p>Ada Lovelace spoke in London.</p>"), 200, nil, ""},
		{"quoted charset", "POST", "https://w.example/analyze", `text/html; charset="UTF-8"`, []byte("<p>Ada spoke.</p>"), 200, nil, ""},
		{"empty content type", "POST", "https://w.example/analyze", "", []byte("Ada spoke."), 415, []string{"content-type", ""}, ""},
		{"two content types", "POST", "https://w.example/analyze", "", []byte("Ada spoke."), 415, []string{"content-type", "text/plain", "content-type", "text/html"}, ""},
		{"comma in a header", "POST", "https://w.example/analyze", "text/plain", []byte("Ada spoke."), 200, []string{"accept", "application/json, */*;q=0.5", "x-empty", ""}, ""},
		{"declared length", "POST", "https://w.example/analyze", "text/plain", []byte("Ada spoke."), 200, nil, "10"},
		{"json at the limit", "POST", "https://w.example/analyze", "application/json", big[:api.MaxBodyBytes], 400, nil, strconv.Itoa(api.MaxBodyBytes)},
		{"json at the limit, chunked", "POST", "https://w.example/analyze", "application/json", big[:api.MaxBodyBytes], 400, nil, ""},
		{"one over, declared", "POST", "https://w.example/analyze", "application/json", big, 413, nil, strconv.Itoa(api.MaxBodyBytes + 1)},
		{"one over, chunked", "POST", "https://w.example/analyze", "application/json", big, 413, nil, ""},
		{"huge declared, cut", "POST", "https://w.example/analyze", "text/plain", big, 413, nil, strconv.Itoa(50 << 20)},
	}
	h := api.Handler()
	in := &instance{id: "0123456789abcdef"}
	for i, tc := range tests {
		req := httptest.NewRequest(tc.method, tc.url, bytes.NewReader(tc.body))
		req.ContentLength = -1
		var header []string
		if tc.ctype != "" {
			req.Header.Set("Content-Type", tc.ctype)
			header = append(header, "content-type", tc.ctype)
		}
		for j := 0; j+1 < len(tc.header); j += 2 {
			req.Header.Add(tc.header[j], tc.header[j+1])
		}
		header = append(header, fetchHeaders(tc.header)...)
		if tc.length != "" {
			req.ContentLength, _ = strconv.ParseInt(tc.length, 10, 64)
			req.Header.Set("Content-Length", tc.length)
			header = append(header, "content-length", tc.length)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)

		status, outHeader, out := in.exchange(serveAPI, tc.method, tc.url, header, tc.body)
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
		if len(got) != len(rec.Header())+2 {
			t.Errorf("%s: headers %v, handler's %v and the two instance headers", tc.name, got, rec.Header())
		}
		if got.Get("Lede-Instance") != in.id || got.Get("Lede-Instance-Requests") != strconv.Itoa(i+1) {
			t.Errorf("%s: instance headers %q %q, want %q %d", tc.name, got.Get("Lede-Instance"), got.Get("Lede-Instance-Requests"), in.id, i+1)
		}
	}
}

// fetchHeaders is header as the Fetch API's Headers hands it over: names
// lower-cased, a repeated name once with its values joined by ", ".
func fetchHeaders(header []string) []string {
	var names []string
	values := map[string][]string{}
	for i := 0; i+1 < len(header); i += 2 {
		k := strings.ToLower(header[i])
		if _, ok := values[k]; !ok {
			names = append(names, k)
		}
		values[k] = append(values[k], header[i+1])
	}
	var out []string
	for _, k := range names {
		out = append(out, k, strings.Join(values[k], ", "))
	}
	return out
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
		status, _, out := in.exchange(serveAPI, "POST", "https://w.example/analyze", tc.header, tc.body)
		if status != http.StatusRequestEntityTooLarge || !bytes.Contains(out, []byte(`"error"`)) {
			t.Errorf("%s: %d %.100s, want 413 with a JSON error", tc.name, status, out)
		}
	}
}

// TestExchangePanic: a panicking handler gives a JSON 500 without a stack
// trace, and the instance answers the next request.
func TestExchangePanic(t *testing.T) {
	in := &instance{id: "x"}
	boom := handler(func(w core.ResponseWriter, r *core.Request) {
		w.Header().Set("X-Partial", "1")
		w.Write([]byte("half a body"))
		panic("boom at main.go:12")
	})
	status, header, out := in.exchange(boom, "GET", "https://w.example/x", nil, nil)
	if status != 500 || strings.Contains(string(out), "boom") || strings.Contains(string(out), "half") || !bytes.HasPrefix(out, []byte(`{"error":`)) {
		t.Errorf("panic: %d %q", status, out)
	}
	if strings.Contains(strings.Join(header, " "), "X-Partial") {
		t.Errorf("panic: the half-written header survived: %v", header)
	}
	status, _, _ = in.exchange(serveAPI, "GET", "https://w.example/healthz", nil, nil)
	if status != 200 {
		t.Errorf("after a panic: %d", status)
	}
}

// TestWire: a head as worker.mjs writes it parses back to its fields, a
// malformed one is refused, and a response is the status, the header
// pairs and the body, with an empty line where the next name would stand
// after the head (what worker.mjs reads up to; glue.test.mjs reads these
// answers back).
func TestWire(t *testing.T) {
	heads := []struct {
		head, method, url string
		header            []string
		ok                bool
	}{
		{"GET\nhttps://w.example/healthz", "GET", "https://w.example/healthz", nil, true},
		{"POST\nhttps://w.example/analyze?offsets=utf8\ncontent-type\ntext/plain; charset=utf-8\naccept\n*/*", "POST", "https://w.example/analyze?offsets=utf8", []string{"content-type", "text/plain; charset=utf-8", "accept", "*/*"}, true},
		{"POST\nhttps://w.example/analyze\nx-empty\n", "POST", "https://w.example/analyze", []string{"x-empty", ""}, true},
		{"GET", "", "", nil, false},
		{"GET\nhttps://w.example/\nname-without-value", "", "", nil, false},
	}
	for _, tc := range heads {
		method, url, header, err := parseHead(tc.head)
		if (err == nil) != tc.ok {
			t.Errorf("parseHead(%q): error %v, want ok %v", tc.head, err, tc.ok)
			continue
		}
		if tc.ok && (method != tc.method || url != tc.url || strings.Join(header, "|") != strings.Join(tc.header, "|")) {
			t.Errorf("parseHead(%q) = %q %q %q", tc.head, method, url, header)
		}
	}
	responses := []struct {
		status int
		header []string
		body   string
		want   string
	}{
		{200, []string{"Content-Type", "application/json"}, "{}\n", "200\nContent-Type\napplication/json\n\n{}\n"},
		{204, nil, "", "204\n\n"},
		{200, []string{"A", "1", "B", "2"}, "x\n\ny", "200\nA\n1\nB\n2\n\nx\n\ny"},
		{200, []string{"X-Odd", "a\n\nb\r\n"}, "{}", "200\nX-Odd\na  b  \n\n{}"},
		// an empty value is a line of its own; the head still ends with
		// an empty line where a name would stand
		{200, []string{"X-Empty", "", "B", "2"}, "\nx", "200\nX-Empty\n\nB\n2\n\n\nx"},
		{200, []string{"A", "1", "X-Empty", ""}, "{}", "200\nA\n1\nX-Empty\n\n\n{}"},
		// a pair with no name is left out: it would end the head
		{200, []string{"", "v", "A", "1"}, "{}", "200\nA\n1\n\n{}"},
	}
	for _, tc := range responses {
		got := appendResponse(nil, tc.status, tc.header, []byte(tc.body))
		if string(got) != tc.want {
			t.Errorf("appendResponse(%d, %q, %q) = %q, want %q", tc.status, tc.header, tc.body, got, tc.want)
		}
		if n := responseSize(tc.status, tc.header, []byte(tc.body)); n != len(got) {
			t.Errorf("responseSize(%d, %q, %q) = %d, want %d", tc.status, tc.header, tc.body, n, len(got))
		}
	}
}

// TestPacer: small bodies run at GOGC=400, bodies from largeBody at the
// default, and the pacer sets the percent only when it changes.
func TestPacer(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	tests := []struct {
		n, want int
	}{
		{3300, smallGOGC},
		{largeBody - 1, smallGOGC},
		{largeBody, largeGOGC},
		{8 << 20, largeGOGC},
		{0, smallGOGC},
	}
	var p pacer
	for _, tc := range tests {
		p.before(tc.n)
		if got := debug.SetGCPercent(tc.want); got != tc.want {
			t.Errorf("before(%d): GOGC %d, want %d", tc.n, got, tc.want)
		}
		if p.percent != tc.want {
			t.Errorf("before(%d): the pacer remembers %d, want %d", tc.n, p.percent, tc.want)
		}
		p.after(tc.n)
	}
	// the pace is unchanged (small after small): no SetGCPercent call (it
	// takes the heap lock and recomputes the pacer), so a GOGC set from
	// outside stays
	debug.SetGCPercent(50)
	p.before(1)
	if got := debug.SetGCPercent(100); got != 50 {
		t.Errorf("before(1) at an unchanged pace set GOGC again: %d", got)
	}
}

// TestAnswer: serve's plain-Go half gives the handler's answer in the wire
// format, and a head that does not parse a JSON 500 in it.
func TestAnswer(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	in := &instance{id: "x"}
	var pace pacer
	tests := []struct {
		name, head, prefix, contains string
	}{
		{"healthz", "GET\nhttps://w.example/healthz", "200\n", "\nLede-Instance\nx\n"},
		{"analyze", "POST\nhttps://w.example/analyze\ncontent-type\ntext/plain", "200\n", `"entities"`},
		{"malformed head", "GET", "500\nContent-Type\napplication/json\n\n", `{"error":"` + errMalformedHead.Error() + `"}`},
	}
	for _, tc := range tests {
		got := string(in.answer(serveAPI, &pace, tc.head, []byte("Ada Lovelace spoke in London on Tuesday.")))
		if !strings.HasPrefix(got, tc.prefix) || !strings.Contains(got, tc.contains) {
			t.Errorf("%s: %.300q, want a prefix %q and %q in it", tc.name, got, tc.prefix, tc.contains)
		}
	}
}

// TestExchangeBadRequest: a method that is not an HTTP token or a URL that
// does not parse gets the glue's JSON 400, as http.NewRequest refused them
// when the glue built an *http.Request; a good one reaches the API.
func TestExchangeBadRequest(t *testing.T) {
	in := &instance{id: "x"}
	tests := []struct {
		name, method, url string
		status            int
	}{
		{"space in method", "GE T", "https://w.example/healthz", 400},
		{"empty method", "", "https://w.example/healthz", 400},
		{"separator in method", "GET(", "https://w.example/healthz", 400},
		{"bad url", "GET", "https://w.example/%zz", 400},
		{"good", "GET", "https://w.example/healthz", 200},
	}
	for _, tc := range tests {
		status, _, out := in.exchange(serveAPI, tc.method, tc.url, nil, nil)
		if status != tc.status || !bytes.HasPrefix(out, []byte(`{"`)) {
			t.Errorf("%s: %d %q, want %d with JSON", tc.name, status, out, tc.status)
		}
	}
}

// TestExchangeHeaderAtWriteHeader: the header goes out as it stood when
// the status was written, as net/http sends it; a change after that (core's
// JSON 500 for a panic in the middle of an NDJSON answer sets Content-Type
// and Content-Length) must not reach the answer, where a Content-Length
// that is not the body's would break it.
func TestExchangeHeaderAtWriteHeader(t *testing.T) {
	in := &instance{id: "x"}
	late := handler(func(w core.ResponseWriter, r *core.Request) {
		w.Header().Set("Content-Type", "application/x-ndjson")
		w.WriteHeader(200)
		w.Write([]byte("{}\n"))
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Content-Length", "3")
		w.Write([]byte("{}\n"))
	})
	status, header, out := in.exchange(late, "POST", "https://w.example/analyze", nil, nil)
	got := http.Header{}
	for j := 0; j+1 < len(header); j += 2 {
		got.Add(header[j], header[j+1])
	}
	if status != 200 || string(out) != "{}\n{}\n" || got.Get("Content-Type") != "application/x-ndjson" || got.Get("Content-Length") != "" {
		t.Errorf("%d %q %v: want 200, both lines, the header as written with the status", status, out, got)
	}
	// what net/http sends for the same handler
	rec := httptest.NewRecorder()
	http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		late(writer{w}, nil)
	}).ServeHTTP(rec, httptest.NewRequest("POST", "/analyze", nil))
	res := rec.Result()
	if res.Header.Get("Content-Type") != got.Get("Content-Type") || res.Header.Get("Content-Length") != got.Get("Content-Length") {
		t.Errorf("net/http sent %v, the glue %v", res.Header, got)
	}
}

// writer is an http.ResponseWriter as a core.ResponseWriter (internal/api's).
type writer struct{ w http.ResponseWriter }

func (w writer) Header() core.Header         { return core.Header(w.w.Header()) }
func (w writer) WriteHeader(code int)        { w.w.WriteHeader(code) }
func (w writer) Write(b []byte) (int, error) { return w.w.Write(b) }

// TestInstanceID: 16 hex digits, zero-padded, as fmt's %016x wrote them.
func TestInstanceID(t *testing.T) {
	tests := []struct {
		n    uint64
		want string
	}{
		{0, "0000000000000000"},
		{0xabc, "0000000000000abc"},
		{1<<64 - 1, "ffffffffffffffff"},
		{0x0123456789abcdef, "0123456789abcdef"},
	}
	for _, tc := range tests {
		if got := instanceID(tc.n); got != tc.want {
			t.Errorf("instanceID(%#x) = %q, want %q", tc.n, got, tc.want)
		}
	}
}

package main

import (
	"bytes"
	"strconv"
	"strings"
	"sync/atomic"

	"github.com/lede-news/lede/internal/api/core"
)

// handler is what exchange runs: the API (core.Serve without a static site)
// or, in tests, a stand-in. The worker does not import net/http: core is the
// same API without it (docs/worker.md, "Size", says what that saves).
type handler func(w core.ResponseWriter, r *core.Request)

// serveAPI is the worker's handler: internal/api's, without the static site,
// which Workers static assets serve.
func serveAPI(w core.ResponseWriter, r *core.Request) { core.Serve(w, r, nil, nil) }

// instance is the identity of one live Go instance: an id drawn when it
// starts and how many requests it has answered. The glue sends both as
// response headers (Lede-Instance, Lede-Instance-Requests), which is how the
// worker tests see that one instance answers every request of an isolate.
type instance struct {
	id     string
	served atomic.Int64
}

// exchange runs one request through h and returns the whole response. The JS
// glue hands over the request with its body already read (at most
// core.MaxBodyBytes+1 bytes, which serve_js.go hands it as maxBody: enough for the handler to answer 413) and turns
// the result back into a Response. header is a flat list of name, value
// pairs, as the result's header is.
//
// The response is buffered, not streamed: /analyze answers only once its
// analysis (or, for NDJSON, all of them) is done, so streaming would save no
// time, and one copy into JS is cheaper than many small ones. A panic in the
// handler becomes a JSON 500 without a stack trace, and the instance lives on.
func (in *instance) exchange(h handler, method, rawURL string, header []string, body []byte) (status int, outHeader []string, out []byte) {
	n := in.served.Add(1)
	// Reading the URL (url.Parse's path and query, core.SplitURL) and the
	// method check are what http.NewRequest did here.
	path, rawQuery, ok := core.SplitURL(rawURL)
	if !ok || !validMethod(method) {
		return 400, []string{"Content-Type", "application/json"}, []byte(`{"error":"the worker could not read this request"}` + "\n")
	}
	req := &core.Request{Method: method, Path: path, RawQuery: rawQuery, Header: make(core.Header, len(header)/2), ContentLength: -1, Body: bytes.NewReader(body)}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Add(header[i], header[i+1])
	}
	// The declared length, not the bytes handed over, so that a body that
	// was cut at the limit still counts as too large; without one (a
	// chunked body) the length is unknown, -1, as net/http's server says,
	// so that a body over the limit gets the same 413 message from both.
	if cl, err := strconv.ParseInt(req.Header.Get("Content-Length"), 10, 64); err == nil && cl >= 0 {
		req.ContentLength = cl
	}
	w := &recorder{header: core.Header{}, status: 200}
	func() {
		defer func() {
			if recover() != nil {
				w.header, w.sent = core.Header{}, nil
				w.body.Reset()
				w.status = 500
				w.header.Set("Content-Type", "application/json")
				w.header.Set("Access-Control-Allow-Origin", "*")
				w.body.WriteString(`{"error":"the lede worker failed on this request; please report it"}` + "\n")
			}
		}()
		h(w, req)
	}()
	sent := w.header
	if w.sent != nil {
		sent = w.sent
	}
	sent.Set("Lede-Instance", in.id)
	sent.Set("Lede-Instance-Requests", strconv.FormatInt(n, 10))
	for k, vs := range sent {
		for _, v := range vs {
			outHeader = append(outHeader, k, v)
		}
	}
	return w.status, outHeader, w.body.Bytes()
}

// validMethod reports whether m is an HTTP token, as http.NewRequest
// requires of a method.
func validMethod(m string) bool {
	if m == "" {
		return false
	}
	for i := 0; i < len(m); i++ {
		c := m[i]
		if c <= ' ' || c >= 0x7f || strings.IndexByte(`"(),/:;<=>?@[\]{}`, c) >= 0 {
			return false
		}
	}
	return true
}

// recorder is the core.ResponseWriter of exchange: it keeps the status, the
// header and the body in memory. The header answered is a copy taken at
// WriteHeader (sent), as net/http sends it then: a change made after (core's
// JSON 500 for a panic in the middle of an NDJSON answer sets Content-Type
// and Content-Length) reaches neither front end.
type recorder struct {
	header      core.Header
	sent        core.Header
	status      int
	wroteHeader bool
	body        bytes.Buffer
}

func (r *recorder) Header() core.Header { return r.header }

func (r *recorder) WriteHeader(code int) {
	if r.wroteHeader {
		return
	}
	r.wroteHeader = true
	r.status = code
	r.sent = make(core.Header, len(r.header)+2) // + the instance headers
	for k, vs := range r.header {
		r.sent[k] = append([]string(nil), vs...)
	}
}

func (r *recorder) Write(b []byte) (int, error) {
	r.WriteHeader(200)
	return r.body.Write(b)
}

// Flush is a no-op (the body goes out whole); it lets the NDJSON path, which
// flushes after each line when it can, run unchanged.
func (r *recorder) Flush() {}

// instanceID is n as 16 hex digits, zero-padded (what fmt's %016x wrote,
// without linking fmt into the worker).
func instanceID(n uint64) string {
	s := strconv.FormatUint(n, 16)
	return strings.Repeat("0", 16-len(s)) + s
}

package main

import (
	"bytes"
	"context"
	"net/http"
	"strconv"
	"sync/atomic"
)

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
// api.MaxBodyBytes+1 bytes: enough for the handler to answer 413) and turns
// the result back into a Response. header is a flat list of name, value
// pairs, as the result's header is.
//
// The response is buffered, not streamed: /analyze answers only once its
// analysis (or, for NDJSON, all of them) is done, so streaming would save no
// time, and one copy into JS is cheaper than many small ones. A panic in the
// handler becomes a JSON 500 without a stack trace, and the instance lives on.
func (in *instance) exchange(ctx context.Context, h http.Handler, method, url string, header []string, body []byte) (status int, outHeader []string, out []byte) {
	n := in.served.Add(1)
	req, err := http.NewRequestWithContext(ctx, method, url, bytes.NewReader(body))
	if err != nil {
		return http.StatusBadRequest, []string{"Content-Type", "application/json"}, []byte(`{"error":"the worker could not read this request"}` + "\n")
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Add(header[i], header[i+1])
	}
	// The declared length, not the bytes handed over, so that a body that
	// was cut at the limit still counts as too large.
	if cl, err := strconv.ParseInt(req.Header.Get("Content-Length"), 10, 64); err == nil && cl >= 0 {
		req.ContentLength = cl
	}
	req.RequestURI = req.URL.RequestURI()
	w := &recorder{header: http.Header{}, status: http.StatusOK}
	func() {
		defer func() {
			if recover() != nil {
				w.header = http.Header{}
				w.body.Reset()
				w.status = http.StatusInternalServerError
				w.header.Set("Content-Type", "application/json")
				w.header.Set("Access-Control-Allow-Origin", "*")
				w.body.WriteString(`{"error":"the lede worker failed on this request; please report it"}` + "\n")
			}
		}()
		h.ServeHTTP(w, req)
	}()
	w.header.Set("Lede-Instance", in.id)
	w.header.Set("Lede-Instance-Requests", strconv.FormatInt(n, 10))
	for k, vs := range w.header {
		for _, v := range vs {
			outHeader = append(outHeader, k, v)
		}
	}
	return w.status, outHeader, w.body.Bytes()
}

// recorder is the http.ResponseWriter of exchange: it keeps the status, the
// header and the body in memory.
type recorder struct {
	header      http.Header
	status      int
	wroteHeader bool
	body        bytes.Buffer
}

func (r *recorder) Header() http.Header { return r.header }

func (r *recorder) WriteHeader(code int) {
	if r.wroteHeader {
		return
	}
	r.wroteHeader = true
	r.status = code
}

func (r *recorder) Write(b []byte) (int, error) {
	r.WriteHeader(http.StatusOK)
	return r.body.Write(b)
}

// Flush is a no-op (the body goes out whole); it lets the NDJSON path, which
// flushes after each line when it can, run unchanged.
func (r *recorder) Flush() {}

// Package core is lede's HTTP API without net/http: the routes, the JSON
// errors, the body limit and the CORS headers of internal/api, written
// against the small Request and ResponseWriter below. internal/api wraps it
// as the http.Handler that `lede serve` runs; the Cloudflare worker
// (wasm/worker) calls it directly. The reason is size: importing net/http at
// all links the package initialisers of crypto/tls, crypto/x509, crypto/hpke
// and the FIPS crypto module (their self-tests, math/big, encoding/asn1),
// about 0.6 MB of the worker's 3 MB gzipped budget, none of which an API
// that never dials out runs (docs/worker.md, "Size").
//
// Header is net/textproto's MIMEHeader, the type behind http.Header (the
// same map, the same key canonicalisation), so the adapter converts without
// copying and both front ends send the same header names.
package core

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/textproto"
	"net/url"
	"strings"

	"github.com/lede-news/lede/internal/engine"
)

// MaxBodyBytes is the largest request body /analyze reads: the engine's own
// input limit (8 MiB), for every content type. A larger body gets 413 before
// any analysis starts. Text inside a JSON body counts with its JSON escaping,
// so send a very large article as text/plain rather than JSON.
const MaxBodyBytes = engine.MaxInputBytes

// Content-Security-Policy values. The page and the widget need nothing
// inline and no eval: scripts, styles, the Web Worker and the engine come
// from the site itself, and WebAssembly compiles under 'wasm-unsafe-eval'
// (which allows WebAssembly and nothing of JavaScript's eval). blob: workers
// are what the widget starts when its modules come from another origin.
// docs/security.md explains each directive; dist/lede.html carries its own
// policy in a <meta> tag (cmd/lede-dist), and the Cloudflare Worker's static
// assets get PageCSP through dist/_headers (wasm/worker/build).
const (
	PageCSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self' blob:; " +
		"connect-src 'self'; img-src 'self' data: blob:; style-src 'self'; font-src 'self'; " +
		"manifest-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'"
	// APICSP is for the API's JSON answers: nothing in them is ever to run
	// or load anything, even if a browser were tricked into rendering one.
	APICSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
)

// The methods and status codes the API uses (net/http's names and values).
const (
	methodGet     = "GET"
	methodHead    = "HEAD"
	methodOptions = "OPTIONS"
	methodPost    = "POST"

	statusOK                    = 200
	statusNoContent             = 204
	statusBadRequest            = 400
	statusNotFound              = 404
	statusMethodNotAllowed      = 405
	statusRequestEntityTooLarge = 413
	statusUnsupportedMediaType  = 415
	statusInternalServerError   = 500
)

// Request is what the API reads of an HTTP request: an *http.Request's
// fields of the same names.
type Request struct {
	Method string
	URL    *url.URL
	Header textproto.MIMEHeader
	Body   io.Reader
	// ContentLength is the declared length, -1 if unknown: a body over
	// MaxBodyBytes is refused before it is read.
	ContentLength int64
}

// ResponseWriter is http.ResponseWriter with the header as a MIMEHeader.
type ResponseWriter interface {
	Header() textproto.MIMEHeader
	WriteHeader(statusCode int)
	Write([]byte) (int, error)
}

// Flusher is http.Flusher: the NDJSON answer flushes after each line when
// the writer can.
type Flusher interface{ Flush() }

// Serve answers r on w. static, when not nil, serves the site's files: it is
// called for GET and HEAD on every path that is not the API's. A panic in
// the API becomes a JSON 500, except a panic with the value abort (when not
// nil: net/http's ErrAbortHandler), which is passed on.
func Serve(w ResponseWriter, r *Request, static func(), abort any) {
	h := w.Header()
	SetHeaders(h, r.URL.Path, static != nil)
	defer func() {
		// A fault of lede's (the engine already turns its own panics into
		// errors) must not reach the client as a stack trace or a cut
		// connection with no answer: one JSON line, and the details stay
		// out of the answer.
		if p := recover(); p != nil {
			if abort != nil && p == abort {
				panic(p)
			}
			WriteError(w, statusInternalServerError, "lede failed on this request; please report it with the input attached")
		}
	}()
	switch r.URL.Path {
	case "/analyze":
		analyze(w, r)
	case "/healthz":
		switch r.Method {
		case methodGet, methodHead:
			h.Set("Cache-Control", "no-store")
			writeJSON(w, statusOK, []byte(`{"status":"ok"}`))
		case methodOptions:
			preflight(w, "GET, HEAD, OPTIONS")
		default:
			notAllowed(w, r, "GET, HEAD, OPTIONS")
		}
	default:
		if static == nil {
			WriteError(w, statusNotFound, fmt.Sprintf("no such path %q: the API is POST /analyze and GET /healthz", r.URL.Path))
			return
		}
		switch r.Method {
		case methodGet, methodHead:
			static()
		case methodOptions:
			preflight(w, "GET, HEAD, OPTIONS")
		default:
			notAllowed(w, r, "GET, HEAD, OPTIONS")
		}
	}
}

// SetHeaders sets the headers every answer on path carries: CORS (any
// origin, no credentials), nosniff, no referrer and the Content-Security-
// Policy, the API's or, when site (the static site is served), the page's.
// Serve calls it first; so does anything that answers in its place (the
// 503 of `lede serve`'s concurrency limit), so that no answer lacks one.
func SetHeaders(h textproto.MIMEHeader, path string, site bool) {
	h.Set("Access-Control-Allow-Origin", "*")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	switch {
	case path == "/analyze" || path == "/healthz" || !site:
		h.Set("Content-Security-Policy", APICSP)
	case path != "/lede.html": // the one-file build carries its own, stricter, <meta> policy
		h.Set("Content-Security-Policy", PageCSP)
	}
}

// request is the JSON form of a POST /analyze body.
type request struct {
	ID      any             `json:"id,omitempty"`
	Text    *string         `json:"text"`
	HTML    *string         `json:"html"`
	Options json.RawMessage `json:"options"`
}

func analyze(w ResponseWriter, r *Request) {
	switch r.Method {
	case methodPost:
	case methodOptions:
		preflight(w, "POST, OPTIONS")
		return
	default:
		notAllowed(w, r, "POST, OPTIONS")
		return
	}
	w.Header().Set("Cache-Control", "no-store")

	// Every Content-Type line, joined as the Fetch API joins a repeated
	// header before the worker sees it: two lines are refused by both
	// front ends alike, not read as the first by one and refused by the
	// other.
	mediaType, params, err := mime.ParseMediaType(strings.Join(r.Header.Values("Content-Type"), ", "))
	if err != nil {
		WriteError(w, statusUnsupportedMediaType, "send the article with Content-Type text/plain, text/html, application/json or application/x-ndjson")
		return
	}
	if cs := strings.ToLower(params["charset"]); cs != "" && cs != "utf-8" && cs != "utf8" && cs != "us-ascii" {
		WriteError(w, statusUnsupportedMediaType, fmt.Sprintf("charset %q is not supported: send the body as UTF-8", params["charset"]))
		return
	}
	switch mediaType {
	case "text/plain", "text/html", "application/json", "application/x-ndjson":
	default:
		WriteError(w, statusUnsupportedMediaType, fmt.Sprintf("content type %q is not supported: send text/plain, text/html, application/json or application/x-ndjson", mediaType))
		return
	}

	if r.ContentLength > MaxBodyBytes {
		WriteError(w, statusRequestEntityTooLarge, tooLarge(r.ContentLength))
		return
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, MaxBodyBytes+1))
	if err != nil {
		WriteError(w, statusBadRequest, "cannot read the request body: "+err.Error())
		return
	}
	if len(body) > MaxBodyBytes {
		WriteError(w, statusRequestEntityTooLarge, tooLarge(-1))
		return
	}

	q := r.URL.Query()
	var (
		input string
		opt   = engine.Options{Input: q.Get("input"), Offsets: q.Get("offsets")}
		id    any
	)
	switch mediaType {
	case "application/x-ndjson":
		analyzeLines(w, body, opt)
		return
	case "application/json":
		if input, opt, id, err = decode(body, opt); err != nil {
			WriteError(w, statusBadRequest, err.Error())
			return
		}
	default:
		input = string(body)
		if opt.Input == "" {
			opt.Input = "text"
			if mediaType == "text/html" {
				opt.Input = "html"
			}
		}
	}

	out, err := reportJSON(input, opt, id)
	if err != nil {
		var ie *engine.InputError
		if errors.As(err, &ie) {
			WriteError(w, statusBadRequest, ie.Msg)
		} else {
			WriteError(w, statusInternalServerError, err.Error())
		}
		return
	}
	// The trailing newline makes the body byte-identical to `lede analyze`.
	writeJSON(w, statusOK, append(out, '\n'))
}

// decode reads one JSON request, {"id": .., "text"|"html": "..", "options":
// {..}}. "text" means plain text and "html" HTML unless options.input says
// otherwise; base holds the query string's options, which the body's override.
func decode(b []byte, base engine.Options) (input string, opt engine.Options, id any, err error) {
	var req request
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		return "", opt, nil, fmt.Errorf(`the body is not a JSON object {"text"|"html": "...", "options": {...}}: %v`, err)
	}
	if dec.More() {
		return "", opt, req.ID, errors.New("the JSON body holds more than one value: send one object (or application/x-ndjson, one object a line)")
	}
	opt = base
	if len(req.Options) > 0 && string(req.Options) != "null" {
		o, err := engine.ParseOptions(string(req.Options))
		if err != nil {
			return "", opt, req.ID, err
		}
		if o.Input != "" {
			opt.Input = o.Input
		}
		if o.Offsets != "" {
			opt.Offsets = o.Offsets
		}
	}
	switch {
	case req.Text != nil && req.HTML != nil:
		return "", opt, req.ID, errors.New(`give either "text" or "html", not both`)
	case req.Text != nil:
		input = *req.Text
		if opt.Input == "" {
			opt.Input = "text"
		}
	case req.HTML != nil:
		input = *req.HTML
		if opt.Input == "" {
			opt.Input = "html"
		}
	default:
		return "", opt, req.ID, errors.New(`the JSON body has neither "text" nor "html"`)
	}
	return input, opt, req.ID, nil
}

// analyzeLines answers an application/x-ndjson body: one report (or error
// object) a line, in order, written as each is ready. Blank lines are skipped.
func analyzeLines(w ResponseWriter, body []byte, base engine.Options) {
	h := w.Header()
	h.Set("Content-Type", "application/x-ndjson; charset=utf-8")
	w.WriteHeader(statusOK)
	flusher, _ := w.(Flusher)
	for n := 1; len(body) > 0; n++ {
		line := body
		if i := bytes.IndexByte(body, '\n'); i >= 0 {
			line, body = body[:i], body[i+1:]
		} else {
			body = nil
		}
		line = bytes.TrimSpace(line)
		if len(line) == 0 {
			continue
		}
		w.Write(analyzeLine(line, n, base))
		w.Write([]byte{'\n'})
		if flusher != nil {
			flusher.Flush()
		}
	}
}

func analyzeLine(line []byte, n int, base engine.Options) []byte {
	input, opt, id, err := decode(line, base)
	if err == nil {
		var out []byte
		if out, err = reportJSON(input, opt, id); err == nil {
			return out
		}
	}
	b, _ := json.Marshal(struct {
		ID    any    `json:"id"`
		Error string `json:"error"`
	}{id, fmt.Sprintf("line %d: %v", n, err)})
	return b
}

// reportJSON is the report of input, with id, as JSON: what both the JSON
// and the NDJSON answers send.
func reportJSON(input string, opt engine.Options, id any) ([]byte, error) {
	rep, err := engine.Analyze(input, opt)
	if err != nil {
		return nil, err
	}
	rep.ID = id
	out, err := engine.Marshal(rep)
	if err != nil {
		return nil, fmt.Errorf("cannot write the report: %v", err)
	}
	return out, nil
}

func tooLarge(n int64) string {
	if n < 0 {
		return fmt.Sprintf("the request body is over the %d MiB limit: send one article at a time", MaxBodyBytes>>20)
	}
	return fmt.Sprintf("the request body is %.1f MiB, over the %d MiB limit: send one article at a time", float64(n)/(1<<20), MaxBodyBytes>>20)
}

// preflight answers a CORS preflight: any origin may POST JSON or text.
func preflight(w ResponseWriter, methods string) {
	h := w.Header()
	h.Set("Access-Control-Allow-Methods", methods)
	h.Set("Access-Control-Allow-Headers", "Content-Type")
	h.Set("Access-Control-Max-Age", "86400")
	h.Set("Allow", methods)
	w.WriteHeader(statusNoContent)
}

func notAllowed(w ResponseWriter, r *Request, methods string) {
	w.Header().Set("Allow", methods)
	WriteError(w, statusMethodNotAllowed, fmt.Sprintf("method %s is not allowed here: use %s", r.Method, methods))
}

// WriteError answers code with the JSON error {"error": msg}.
func WriteError(w ResponseWriter, code int, msg string) {
	writeJSON(w, code, append(engine.ErrorJSON(msg), '\n'))
}

func writeJSON(w ResponseWriter, code int, body []byte) {
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Content-Length", fmt.Sprint(len(body)))
	w.WriteHeader(code)
	w.Write(body)
}

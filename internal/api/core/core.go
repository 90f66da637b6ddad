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
// Header has the type behind http.Header (the same map, the same key
// canonicalisation), so the adapter converts without copying and both front
// ends send the same header names. Nor does core import fmt, mime, net/url,
// net/textproto or encoding/json: header.go, mediatype.go, query.go and
// jsonlite do the little of each the API needs, each tested against the
// standard package, and the worker's wasm is 239 KB brotli smaller for it
// (with what they pulled in: reflect, time, fmt; docs/worker.md, "Thirteenth
// round").
package core

import (
	"bytes"
	"errors"
	"io"
	"strconv"
	"strings"

	"github.com/lede-news/lede/internal/engine"
	"github.com/lede-news/lede/internal/jsonlite"
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
// fields of the same names, and of its URL the path (decoded, URL.Path) and
// the query (URL.RawQuery).
type Request struct {
	Method   string
	Path     string
	RawQuery string
	Header   Header
	Body     io.Reader
	// ContentLength is the declared length, -1 if unknown: a body over
	// MaxBodyBytes is refused before it is read.
	ContentLength int64
}

// ResponseWriter is http.ResponseWriter with the header as a Header.
type ResponseWriter interface {
	Header() Header
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
	SetHeaders(h, r.Path, static != nil)
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
	switch r.Path {
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
			WriteError(w, statusNotFound, "no such path "+strconv.Quote(r.Path)+": the API is POST /analyze and GET /healthz")
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
func SetHeaders(h Header, path string, site bool) {
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
	mediaType, charset, ok := parseMediaType(strings.Join(r.Header.Values("Content-Type"), ", "))
	if !ok {
		WriteError(w, statusUnsupportedMediaType, "send the article with Content-Type text/plain, text/html, application/json or application/x-ndjson")
		return
	}
	if cs := strings.ToLower(charset); cs != "" && cs != "utf-8" && cs != "utf8" && cs != "us-ascii" {
		WriteError(w, statusUnsupportedMediaType, "charset "+strconv.Quote(charset)+" is not supported: send the body as UTF-8")
		return
	}
	switch mediaType {
	case "text/plain", "text/html", "application/json", "application/x-ndjson":
	default:
		WriteError(w, statusUnsupportedMediaType, "content type "+strconv.Quote(mediaType)+" is not supported: send text/plain, text/html, application/json or application/x-ndjson")
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

	var (
		input string
		opt   = engine.Options{Input: queryValue(r.RawQuery, "input"), Offsets: queryValue(r.RawQuery, "offsets")}
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
// Field names match without regard to case, as encoding/json (which this
// used before) matched them; a name given twice in different cases is an
// error rather than "the last one wins", since jsonlite keeps no order.
func decode(b []byte, base engine.Options) (input string, opt engine.Options, id any, err error) {
	opt = base
	v, err := jsonlite.Unmarshal(b)
	if err != nil {
		var se *jsonlite.SyntaxError
		if errors.As(err, &se) && se.Msg == "invalid character after top-level value" {
			return "", opt, nil, errors.New("the JSON body holds more than one value: send one object (or application/x-ndjson, one object a line)")
		}
		return "", opt, nil, errors.New(`the body is not a JSON object {"text"|"html": "...", "options": {...}}: ` + err.Error())
	}
	m, isObject := v.(map[string]any)
	if v != nil && !isObject {
		return "", opt, nil, errors.New(`the body is not a JSON object {"text"|"html": "...", "options": {...}}: it is ` + jsonKind(v))
	}
	// fields[i] is the value of requestFields[i], found[i] whether it came.
	var (
		fields [len(requestFields)]any
		found  [len(requestFields)]bool
	)
	for k, x := range m {
		i := 0
		for i < len(requestFields) && !strings.EqualFold(k, requestFields[i]) {
			i++
		}
		if i == len(requestFields) {
			return "", opt, nil, errors.New(`the body is not a JSON object {"text"|"html": "...", "options": {...}}: unknown field ` + strconv.Quote(k))
		}
		if found[i] {
			return "", opt, nil, errors.New(`the JSON body gives the field "` + requestFields[i] + `" twice`)
		}
		fields[i], found[i] = x, true
	}
	id = fields[fieldID]
	text, err := stringField(fields[fieldText], "text")
	if err != nil {
		return "", opt, id, err
	}
	html, err := stringField(fields[fieldHTML], "html")
	if err != nil {
		return "", opt, id, err
	}
	if o := fields[fieldOptions]; o != nil {
		// engine.ParseOptions reads JSON text; the options are a few bytes.
		raw, err := jsonlite.AppendValue(nil, o)
		if err != nil {
			return "", opt, id, err
		}
		o, err := engine.ParseOptions(string(raw))
		if err != nil {
			return "", opt, id, err
		}
		if o.Input != "" {
			opt.Input = o.Input
		}
		if o.Offsets != "" {
			opt.Offsets = o.Offsets
		}
	}
	switch {
	case text != nil && html != nil:
		return "", opt, id, errors.New(`give either "text" or "html", not both`)
	case text != nil:
		input = *text
		if opt.Input == "" {
			opt.Input = "text"
		}
	case html != nil:
		input = *html
		if opt.Input == "" {
			opt.Input = "html"
		}
	default:
		return "", opt, id, errors.New(`the JSON body has neither "text" nor "html"`)
	}
	return input, opt, id, nil
}

// requestFields are the fields of a JSON request, in the order of the
// field constants.
var requestFields = [...]string{"id", "text", "html", "options"}

const (
	fieldID = iota
	fieldText
	fieldHTML
	fieldOptions
)

// stringField is a "text" or "html" field: nil if absent or null.
func stringField(v any, name string) (*string, error) {
	switch s := v.(type) {
	case nil:
		return nil, nil
	case string:
		return &s, nil
	}
	return nil, errors.New(`"` + name + `" must be a string, not ` + jsonKind(v))
}

// jsonKind names the JSON type of a decoded value, for errors.
func jsonKind(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case bool:
		return "a boolean"
	case float64:
		return "a number"
	case string:
		return "a string"
	case []any:
		return "an array"
	}
	return "an object"
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
	// {"id": id, "error": ".."}; id came out of jsonlite.Unmarshal, so it
	// encodes (the error is only for values JSON cannot hold).
	b, idErr := jsonlite.AppendValue([]byte(`{"id":`), id)
	if idErr != nil {
		b = append(b[:len(`{"id":`)], "null"...)
	}
	b = append(b, `,"error":`...)
	b = jsonlite.AppendString(b, "line "+strconv.Itoa(n)+": "+err.Error())
	return append(b, '}')
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
		return nil, errors.New("cannot write the report: " + err.Error())
	}
	return out, nil
}

func tooLarge(n int64) string {
	limit := strconv.Itoa(MaxBodyBytes >> 20)
	if n < 0 {
		return "the request body is over the " + limit + " MiB limit: send one article at a time"
	}
	return "the request body is " + strconv.FormatFloat(float64(n)/(1<<20), 'f', 1, 64) + " MiB, over the " + limit + " MiB limit: send one article at a time"
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
	WriteError(w, statusMethodNotAllowed, "method "+r.Method+" is not allowed here: use "+methods)
}

// WriteError answers code with the JSON error {"error": msg}.
func WriteError(w ResponseWriter, code int, msg string) {
	writeJSON(w, code, append(engine.ErrorJSON(msg), '\n'))
}

func writeJSON(w ResponseWriter, code int, body []byte) {
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(code)
	w.Write(body)
}

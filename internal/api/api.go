// Package api is lede's HTTP API: one http.Handler that runs natively
// (`lede serve`) and on Cloudflare Workers (wasm/worker, one live Go instance
// an isolate). Both front ends call Handler or NewServer and nothing else,
// so a report from either is byte-identical to the CLI's.
//
//	POST /analyze   body text/plain, text/html or application/json
//	                {"id": any, "text"|"html": "...", "options": {"input": .., "offsets": ..}}
//	                -> 200 application/json: the report (as `lede analyze` prints it)
//	                -> 400 {"error": ".."} malformed JSON or input the engine refuses
//	                -> 413 {"error": ".."} a body over MaxBodyBytes
//	                -> 415 {"error": ".."} any other content type, or a charset other than UTF-8
//	POST /analyze   body application/x-ndjson: one such JSON object a line
//	                -> 200 application/x-ndjson: one report a line, same order, with
//	                   "id" copied in; a bad line yields {"id": .., "error": ".."}
//	                   (what `lede analyze --jsonl` does; it spreads the cost of
//	                   starting a Worker over many articles)
//	GET  /healthz   -> 200 {"status": "ok"}
//
// For text/plain and text/html bodies the query string carries the options:
// POST /analyze?offsets=utf8&input=auto. Every answer carries CORS headers
// (any origin, no credentials) so the widget's api= mode works from other
// sites, and OPTIONS answers the browser's preflight.
package api

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"

	"github.com/lede-news/lede/internal/engine"
	"github.com/lede-news/lede/internal/report"
)

// MaxBodyBytes is the largest request body /analyze reads: the engine's own
// input limit (8 MiB), for every content type. A larger body gets 413 before
// any analysis starts. Text inside a JSON body counts with its JSON escaping,
// so send a very large article as text/plain rather than JSON.
const MaxBodyBytes = engine.MaxInputBytes

// Handler is the API alone: /analyze, /healthz, and a JSON 404 elsewhere.
func Handler() http.Handler { return NewServer("") }

// NewServer is the API plus, when staticDir is not "", the files in staticDir
// (the built site, dist/) on every other path: what `lede serve` runs.
func NewServer(staticDir string) http.Handler {
	s := &server{}
	if staticDir != "" {
		s.static = http.FileServer(siteFS{http.Dir(staticDir)})
	}
	return s
}

// siteFS is the site's folder as the Worker's static assets show it: no
// directory listings, and not the worker's own folder (dist/.assetsignore)
// nor dist/_headers (which Workers reads and does not serve).
type siteFS struct{ http.FileSystem }

func (f siteFS) Open(name string) (http.File, error) {
	if name == "/worker" || strings.HasPrefix(name, "/worker/") || strings.HasPrefix(path.Base(name), ".") || name == "/_headers" {
		return nil, fs.ErrNotExist
	}
	file, err := f.FileSystem.Open(name)
	if err != nil {
		return nil, err
	}
	if st, err := file.Stat(); err == nil && st.IsDir() {
		index, err := f.FileSystem.Open(path.Join(name, "index.html"))
		if err != nil {
			file.Close()
			return nil, fs.ErrNotExist
		}
		index.Close()
	}
	return file, nil
}

type server struct {
	static http.Handler // nil: API only
}

func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Access-Control-Allow-Origin", "*")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	switch {
	case r.URL.Path == "/analyze" || r.URL.Path == "/healthz" || s.static == nil:
		h.Set("Content-Security-Policy", APICSP)
	case r.URL.Path != "/lede.html": // the one-file build carries its own, stricter, <meta> policy
		h.Set("Content-Security-Policy", PageCSP)
	}
	defer func() {
		// A fault of lede's (the engine already turns its own panics into
		// errors) must not reach the client as a stack trace or a cut
		// connection with no answer: one JSON line, and the details stay
		// out of the answer.
		if p := recover(); p != nil {
			if p == http.ErrAbortHandler {
				panic(p)
			}
			writeError(w, http.StatusInternalServerError, "lede failed on this request; please report it with the input attached")
		}
	}()
	switch r.URL.Path {
	case "/analyze":
		s.analyze(w, r)
	case "/healthz":
		switch r.Method {
		case http.MethodGet, http.MethodHead:
			h.Set("Cache-Control", "no-store")
			writeJSON(w, http.StatusOK, []byte(`{"status":"ok"}`))
		case http.MethodOptions:
			preflight(w, "GET, HEAD, OPTIONS")
		default:
			notAllowed(w, r, "GET, HEAD, OPTIONS")
		}
	default:
		if s.static == nil {
			writeError(w, http.StatusNotFound, fmt.Sprintf("no such path %q: the API is POST /analyze and GET /healthz", r.URL.Path))
			return
		}
		switch r.Method {
		case http.MethodGet, http.MethodHead:
			s.static.ServeHTTP(w, r)
		case http.MethodOptions:
			preflight(w, "GET, HEAD, OPTIONS")
		default:
			notAllowed(w, r, "GET, HEAD, OPTIONS")
		}
	}
}

// request is the JSON form of a POST /analyze body.
type request struct {
	ID      any             `json:"id,omitempty"`
	Text    *string         `json:"text"`
	HTML    *string         `json:"html"`
	Options json.RawMessage `json:"options"`
}

func (s *server) analyze(w http.ResponseWriter, r *http.Request) {
	switch r.Method {
	case http.MethodPost:
	case http.MethodOptions:
		preflight(w, "POST, OPTIONS")
		return
	default:
		notAllowed(w, r, "POST, OPTIONS")
		return
	}
	w.Header().Set("Cache-Control", "no-store")

	mediaType, params, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil {
		writeError(w, http.StatusUnsupportedMediaType, "send the article with Content-Type text/plain, text/html, application/json or application/x-ndjson")
		return
	}
	if cs := strings.ToLower(params["charset"]); cs != "" && cs != "utf-8" && cs != "utf8" && cs != "us-ascii" {
		writeError(w, http.StatusUnsupportedMediaType, fmt.Sprintf("charset %q is not supported: send the body as UTF-8", params["charset"]))
		return
	}
	switch mediaType {
	case "text/plain", "text/html", "application/json", "application/x-ndjson":
	default:
		writeError(w, http.StatusUnsupportedMediaType, fmt.Sprintf("content type %q is not supported: send text/plain, text/html, application/json or application/x-ndjson", mediaType))
		return
	}

	if r.ContentLength > MaxBodyBytes {
		writeError(w, http.StatusRequestEntityTooLarge, tooLarge(r.ContentLength))
		return
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, MaxBodyBytes+1))
	if err != nil {
		writeError(w, http.StatusBadRequest, "cannot read the request body: "+err.Error())
		return
	}
	if len(body) > MaxBodyBytes {
		writeError(w, http.StatusRequestEntityTooLarge, tooLarge(-1))
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
		s.analyzeLines(w, body, opt)
		return
	case "application/json":
		if input, opt, id, err = decode(body, opt); err != nil {
			writeError(w, http.StatusBadRequest, err.Error())
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

	rep, err := engine.Analyze(input, opt)
	if err != nil {
		var ie *engine.InputError
		if errors.As(err, &ie) {
			writeError(w, http.StatusBadRequest, ie.Msg)
		} else {
			writeError(w, http.StatusInternalServerError, err.Error())
		}
		return
	}
	rep.ID = id
	out, err := engine.Marshal(rep)
	if err != nil {
		writeError(w, http.StatusInternalServerError, "cannot write the report: "+err.Error())
		return
	}
	// The trailing newline makes the body byte-identical to `lede analyze`.
	writeJSON(w, http.StatusOK, append(out, '\n'))
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
func (s *server) analyzeLines(w http.ResponseWriter, body []byte, base engine.Options) {
	h := w.Header()
	h.Set("Content-Type", "application/x-ndjson; charset=utf-8")
	w.WriteHeader(http.StatusOK)
	flusher, _ := w.(http.Flusher)
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
		var rep *report.Report
		if rep, err = engine.Analyze(input, opt); err == nil {
			rep.ID = id
			var out []byte
			if out, err = engine.Marshal(rep); err == nil {
				return out
			}
		}
	}
	b, _ := json.Marshal(struct {
		ID    any    `json:"id"`
		Error string `json:"error"`
	}{id, fmt.Sprintf("line %d: %v", n, err)})
	return b
}

func tooLarge(n int64) string {
	if n < 0 {
		return fmt.Sprintf("the request body is over the %d MiB limit: send one article at a time", MaxBodyBytes>>20)
	}
	return fmt.Sprintf("the request body is %.1f MiB, over the %d MiB limit: send one article at a time", float64(n)/(1<<20), MaxBodyBytes>>20)
}

// preflight answers a CORS preflight: any origin may POST JSON or text.
func preflight(w http.ResponseWriter, methods string) {
	h := w.Header()
	h.Set("Access-Control-Allow-Methods", methods)
	h.Set("Access-Control-Allow-Headers", "Content-Type")
	h.Set("Access-Control-Max-Age", "86400")
	h.Set("Allow", methods)
	w.WriteHeader(http.StatusNoContent)
}

func notAllowed(w http.ResponseWriter, r *http.Request, methods string) {
	w.Header().Set("Allow", methods)
	writeError(w, http.StatusMethodNotAllowed, fmt.Sprintf("method %s is not allowed here: use %s", r.Method, methods))
}

func writeError(w http.ResponseWriter, code int, msg string) {
	writeJSON(w, code, append(engine.ErrorJSON(msg), '\n'))
}

func writeJSON(w http.ResponseWriter, code int, body []byte) {
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Content-Length", fmt.Sprint(len(body)))
	w.WriteHeader(code)
	w.Write(body)
}

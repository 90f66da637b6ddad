// Package api is lede's HTTP API: one http.Handler that runs natively
// (`lede serve`) and on Cloudflare Workers (wasm/worker, through
// github.com/syumai/workers). Both front ends call Handler or NewServer and
// nothing else, so a report from either is byte-identical to the CLI's.
//
//	POST /analyze   body text/plain, text/html or application/json
//	                {"id": any, "text"|"html": "...", "options": {"input": .., "offsets": ..}}
//	                -> 200 application/json: the report (as `lede analyze` prints it)
//	                -> 400 {"error": ".."} malformed JSON or input the engine refuses
//	                -> 413 {"error": ".."} a body over MaxBodyBytes
//	                -> 415 {"error": ".."} any other content type, or a charset other than UTF-8
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
	"mime"
	"net/http"
	"strings"

	"github.com/lede-news/lede/internal/engine"
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
		s.static = http.FileServer(http.Dir(staticDir))
	}
	return s
}

type server struct {
	static http.Handler // nil: API only
}

func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Access-Control-Allow-Origin", "*")
	h.Set("X-Content-Type-Options", "nosniff")
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
		writeError(w, http.StatusUnsupportedMediaType, "send the article with Content-Type text/plain, text/html or application/json")
		return
	}
	if cs := strings.ToLower(params["charset"]); cs != "" && cs != "utf-8" && cs != "utf8" && cs != "us-ascii" {
		writeError(w, http.StatusUnsupportedMediaType, fmt.Sprintf("charset %q is not supported: send the body as UTF-8", params["charset"]))
		return
	}
	switch mediaType {
	case "text/plain", "text/html", "application/json":
	default:
		writeError(w, http.StatusUnsupportedMediaType, fmt.Sprintf("content type %q is not supported: send text/plain, text/html or application/json", mediaType))
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

	var (
		input string
		opt   engine.Options
		id    any
	)
	switch mediaType {
	case "application/json":
		var req request
		dec := json.NewDecoder(bytes.NewReader(body))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&req); err != nil {
			writeError(w, http.StatusBadRequest, `the body is not a JSON object {"text"|"html": "...", "options": {...}}: `+err.Error())
			return
		}
		if dec.More() {
			writeError(w, http.StatusBadRequest, "the JSON body holds more than one value: send one object")
			return
		}
		if len(req.Options) > 0 && string(req.Options) != "null" {
			if opt, err = engine.ParseOptions(string(req.Options)); err != nil {
				writeError(w, http.StatusBadRequest, err.Error())
				return
			}
		}
		switch {
		case req.Text != nil && req.HTML != nil:
			writeError(w, http.StatusBadRequest, `give either "text" or "html", not both`)
			return
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
			writeError(w, http.StatusBadRequest, `the JSON body has neither "text" nor "html"`)
			return
		}
		id = req.ID
	default:
		input = string(body)
		q := r.URL.Query()
		opt.Input, opt.Offsets = q.Get("input"), q.Get("offsets")
		if opt.Input == "" {
			opt.Input = strings.TrimPrefix(mediaType, "text/") // "plain" is fixed below
			if opt.Input == "plain" {
				opt.Input = "text"
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

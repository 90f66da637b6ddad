// Package api is lede's HTTP API as the http.Handler of `lede serve`: both
// this and the Cloudflare worker (wasm/worker, one live Go instance an
// isolate) run core.Serve and nothing else of their own, so a report from
// either is byte-identical to the CLI's.
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
//
// The API itself is internal/api/core, written without net/http so that the
// Cloudflare worker, which calls core directly, does not link net/http's
// crypto (docs/worker.md, "Size"); this package is its http.Handler, the
// static site and the concurrency limit of `lede serve`.
package api

import (
	"io/fs"
	"net/http"
	"path"
	"strings"

	"github.com/lede-news/lede/internal/api/core"
)

// MaxBodyBytes is the largest request body /analyze reads: the engine's own
// input limit (8 MiB), for every content type (core.MaxBodyBytes).
const MaxBodyBytes = core.MaxBodyBytes

// The Content-Security-Policy values (core says why each).
const (
	PageCSP = core.PageCSP
	APICSP  = core.APICSP
)

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
	var static func()
	if s.static != nil {
		static = func() { s.static.ServeHTTP(w, r) }
	}
	core.Serve(writer{w}, coreRequest(r), static, http.ErrAbortHandler)
}

// coreRequest is r as core reads it (the same path, query, header map and
// body).
func coreRequest(r *http.Request) *core.Request {
	return &core.Request{Method: r.Method, Path: r.URL.Path, RawQuery: r.URL.RawQuery, Header: core.Header(r.Header), Body: r.Body, ContentLength: r.ContentLength}
}

// writer is an http.ResponseWriter as a core.ResponseWriter: the header is
// the same map.
type writer struct{ w http.ResponseWriter }

func (w writer) Header() core.Header         { return core.Header(w.w.Header()) }
func (w writer) WriteHeader(code int)        { w.w.WriteHeader(code) }
func (w writer) Write(b []byte) (int, error) { return w.w.Write(b) }

// Flush flushes the underlying writer when it can (the NDJSON answer calls
// it after each line).
func (w writer) Flush() {
	if f, ok := w.w.(http.Flusher); ok {
		f.Flush()
	}
}

// writeError answers code with the JSON error {"error": msg}.
func writeError(w http.ResponseWriter, code int, msg string) {
	core.WriteError(writer{w}, code, msg)
}

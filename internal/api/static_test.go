package api

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestStaticContentTypes: `lede serve` must send the engine as
// application/wasm, or browsers refuse to compile it while it downloads
// (WebAssembly.instantiateStreaming), and the modules as JavaScript.
func TestStaticContentTypes(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"lede.wasm":      "application/wasm",
		"lede.mjs":       "text/javascript",
		"lede-worker.js": "text/javascript",
		"demo.html":      "text/html",
		"app.css":        "text/css",
	}
	for name := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	h := NewServer(dir)
	for name, want := range files {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/"+name, nil))
		if rec.Code != http.StatusOK {
			t.Errorf("%s: status %d", name, rec.Code)
			continue
		}
		if got := rec.Header().Get("Content-Type"); !strings.HasPrefix(got, want) {
			t.Errorf("%s: Content-Type %q, want %s", name, got, want)
		}
	}
}

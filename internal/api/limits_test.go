package api

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// Past the bound on analyses at once, POST /analyze gets 503 with
// Retry-After and a JSON message at once; the page and /healthz still answer.
func TestLimitSheds(t *testing.T) {
	entered, release := make(chan struct{}, 2), make(chan struct{})
	slow := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		entered <- struct{}{}
		<-release
		w.WriteHeader(200)
	})
	h := Limit(slow, 2, 3*time.Second)
	var wg sync.WaitGroup
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("POST", "/analyze", strings.NewReader("x")))
		}()
	}
	<-entered
	<-entered
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("POST", "/analyze", strings.NewReader("x")))
	if rec.Code != http.StatusServiceUnavailable || rec.Header().Get("Retry-After") != "3" {
		t.Errorf("third analysis: status %d, Retry-After %q; want 503 and 3", rec.Code, rec.Header().Get("Retry-After"))
	}
	if rec.Header().Get("X-Content-Type-Options") != "nosniff" || rec.Header().Get("Referrer-Policy") != "no-referrer" ||
		rec.Header().Get("Content-Security-Policy") != APICSP || rec.Header().Get("Access-Control-Allow-Origin") != "*" {
		t.Errorf("503 headers %v: want the API's (CORS, nosniff, no referrer, APICSP)", rec.Header())
	}
	var e struct{ Error string }
	if err := json.Unmarshal(rec.Body.Bytes(), &e); err != nil || !strings.Contains(e.Error, "busy") {
		t.Errorf("503 body %q is not a JSON error saying why", rec.Body.String())
	}
	// Not analyses: not counted.
	done := make(chan int, 1)
	go func() {
		rec := httptest.NewRecorder()
		Limit(Handler(), 0, 0).ServeHTTP(rec, httptest.NewRequest("GET", "/healthz", nil))
		done <- rec.Code
	}()
	if code := <-done; code != 200 {
		t.Errorf("healthz beside the limit: %d", code)
	}
	close(release)
	wg.Wait()
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("POST", "/analyze", strings.NewReader("x")))
	if rec.Code != 200 {
		t.Errorf("after the others finished: status %d, want 200", rec.Code)
	}
}

type panicky struct{}

func (panicky) ServeHTTP(http.ResponseWriter, *http.Request) { panic("a bug at internal/x.go:12") }

// A panic in the handler becomes one JSON error line: no trace, no Go text.
func TestPanicIsAnswered(t *testing.T) {
	s := &server{static: panicky{}}
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, httptest.NewRequest("GET", "/index.html", nil))
	if rec.Code != 500 || strings.Contains(rec.Body.String(), ".go") || !json.Valid(rec.Body.Bytes()) {
		t.Errorf("panic answered %d %q", rec.Code, rec.Body.String())
	}
}

// Every answer carries a Content-Security-Policy: the page's for the site,
// a deny-all one for the API's JSON.
func TestSecurityHeaders(t *testing.T) {
	dir := t.TempDir()
	s := NewServer(dir)
	for _, c := range []struct{ method, path, want string }{
		{"GET", "/healthz", APICSP},
		{"POST", "/analyze", APICSP},
		{"GET", "/nope", PageCSP}, // the site's 404
		{"GET", "/", PageCSP},
		{"GET", "/missing.js", PageCSP},
	} {
		rec := httptest.NewRecorder()
		req := httptest.NewRequest(c.method, c.path, strings.NewReader("Rain in Oslo."))
		req.Header.Set("Content-Type", "text/plain")
		s.ServeHTTP(rec, req)
		if got := rec.Header().Get("Content-Security-Policy"); got != c.want {
			t.Errorf("%s %s: CSP %q, want %q", c.method, c.path, got, c.want)
		}
		if rec.Header().Get("X-Content-Type-Options") != "nosniff" || rec.Header().Get("Referrer-Policy") != "no-referrer" {
			t.Errorf("%s %s: missing nosniff or Referrer-Policy", c.method, c.path)
		}
	}
	for _, bad := range []string{"'unsafe-inline'", "'unsafe-eval'", "*"} {
		if strings.Contains(PageCSP, bad) {
			t.Errorf("the page's policy allows %s", bad)
		}
	}
}

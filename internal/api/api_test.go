package api

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lede-news/lede/internal/engine"
)

// The tests use httptest.NewRecorder, not a listening server, so that they
// also run under GOOS=js GOARCH=wasm, where the worker runs the handler.

func fixture(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("testdata/article.txt")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// want is what `lede analyze` prints for input with the given options.
func want(t *testing.T, input string, opt engine.Options) string {
	t.Helper()
	r, err := engine.Analyze(input, opt)
	if err != nil {
		t.Fatalf("engine.Analyze: %v", err)
	}
	b, err := engine.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	return string(b) + "\n"
}

func do(h http.Handler, method, target, contentType string, body io.Reader) *httptest.ResponseRecorder {
	req := httptest.NewRequest(method, target, body)
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func jsonBody(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestAnalyzeReports(t *testing.T) {
	article := fixture(t)
	page := "<html><head><title>Barrier vote</title></head><body><nav><a href=/>Home</a></nav><article><h1>Barrier vote</h1><p>" +
		strings.ReplaceAll(article, "\n\n", "</p><p>") + "</p></article><script>alert(1)</script></body></html>"
	tests := []struct {
		name, target, contentType, body string
		want                            string
	}{
		{"plain text", "/analyze", "text/plain", article,
			want(t, article, engine.Options{Input: "text"})},
		{"plain text with charset", "/analyze", "text/plain; charset=UTF-8", article,
			want(t, article, engine.Options{Input: "text"})},
		{"plain text, utf8 offsets from the query", "/analyze?offsets=utf8", "text/plain", article,
			want(t, article, engine.Options{Input: "text", Offsets: "utf8"})},
		{"html", "/analyze", "text/html", page,
			want(t, page, engine.Options{Input: "html"})},
		{"json text", "/analyze", "application/json", jsonBody(t, map[string]any{"text": article}),
			want(t, article, engine.Options{Input: "text"})},
		{"json html", "/analyze", "application/json", jsonBody(t, map[string]any{"html": page}),
			want(t, page, engine.Options{Input: "html"})},
		{"json options", "/analyze", "application/json",
			jsonBody(t, map[string]any{"text": article, "options": map[string]string{"offsets": "codepoint"}}),
			want(t, article, engine.Options{Input: "text", Offsets: "codepoint"})},
		{"json auto-detects when asked", "/analyze", "application/json",
			jsonBody(t, map[string]any{"text": page, "options": map[string]string{"input": "auto"}}),
			want(t, page, engine.Options{Input: "auto"})},
	}
	h := Handler()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rec := do(h, "POST", tc.target, tc.contentType, strings.NewReader(tc.body))
			if rec.Code != http.StatusOK {
				t.Fatalf("status %d, body %s", rec.Code, rec.Body)
			}
			if ct := rec.Header().Get("Content-Type"); ct != "application/json; charset=utf-8" {
				t.Errorf("Content-Type %q", ct)
			}
			if got := rec.Body.String(); got != tc.want {
				t.Errorf("report differs from the CLI's:\n got %.300s\nwant %.300s", got, tc.want)
			}
		})
	}
}

func TestAnalyzeHTMLIsData(t *testing.T) {
	page := `<html><body><article><h1>Storm</h1><p>The council of Port Avalon voted on Tuesday to build a flood barrier.</p><p>Mayor Ellen Okafor said it was needed.</p></article><script>alert("x")</script></body></html>`
	rec := do(Handler(), "POST", "/analyze", "text/html", strings.NewReader(page))
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	var r struct {
		Text string `json:"text"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &r); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(r.Text, "<p>") || strings.Contains(r.Text, "alert") {
		t.Errorf("markup or script leaked into the report's text: %q", r.Text)
	}
	if !strings.Contains(r.Text, "flood barrier") {
		t.Errorf("the article's text is missing: %q", r.Text)
	}
}

func TestAnalyzeID(t *testing.T) {
	article := fixture(t)
	rec := do(Handler(), "POST", "/analyze", "application/json", strings.NewReader(jsonBody(t, map[string]any{"id": "a-17", "text": article})))
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	if !strings.HasPrefix(rec.Body.String(), `{"id":"a-17","text":`) {
		t.Errorf("id not copied into the report: %.80s", rec.Body)
	}
}

func TestAnalyzeLines(t *testing.T) {
	article := fixture(t)
	body := jsonBody(t, map[string]any{"id": 1, "text": article}) + "\n\n" +
		`{"id": "two", "text": ""}` + "\n" +
		`not json` + "\n" +
		jsonBody(t, map[string]any{"id": 4, "text": article, "options": map[string]string{"offsets": "codepoint"}}) // no final newline
	rec := do(Handler(), "POST", "/analyze?offsets=utf8", "application/x-ndjson", strings.NewReader(body))
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/x-ndjson") {
		t.Errorf("Content-Type %q", ct)
	}
	lines := strings.Split(strings.TrimSuffix(rec.Body.String(), "\n"), "\n")
	if len(lines) != 4 {
		t.Fatalf("%d lines for 4 inputs: %.300s", len(lines), rec.Body)
	}
	withID := func(id string, opt engine.Options) string {
		w := want(t, article, opt)
		return `{"id":` + id + `,` + strings.TrimSuffix(w, "\n")[1:]
	}
	tests := []struct{ got, want string }{
		{lines[0], withID("1", engine.Options{Input: "text", Offsets: "utf8"})},
		{lines[3], withID("4", engine.Options{Input: "text", Offsets: "codepoint"})},
	}
	for i, tc := range tests {
		if tc.got != tc.want {
			t.Errorf("report %d differs:\n got %.200s\nwant %.200s", i, tc.got, tc.want)
		}
	}
	for i, wantErr := range map[int]string{1: `{"id":"two","error":"line 3: `, 2: `{"id":null,"error":"line 4: the body is not a JSON object`} {
		if !strings.HasPrefix(lines[i], wantErr) {
			t.Errorf("line %d: %.200s, want it to start %s", i, lines[i], wantErr)
		}
	}
}

func TestErrors(t *testing.T) {
	article := fixture(t)
	big := strings.Repeat("The council met again. ", MaxBodyBytes/23+10)
	tests := []struct {
		name, method, target, contentType string
		body                              io.Reader
		status                            int
		errorHas                          string
		allow                             string
	}{
		{"malformed json", "POST", "/analyze", "application/json", strings.NewReader(`{"text": "abc`), 400, "not a JSON object", ""},
		{"json array", "POST", "/analyze", "application/json", strings.NewReader(`["abc"]`), 400, "not a JSON object", ""},
		{"json unknown field", "POST", "/analyze", "application/json", strings.NewReader(`{"txt": "abc"}`), 400, "txt", ""},
		{"json without text", "POST", "/analyze", "application/json", strings.NewReader(`{"options": {}}`), 400, `neither "text" nor "html"`, ""},
		{"json with both", "POST", "/analyze", "application/json", strings.NewReader(`{"text": "a", "html": "b"}`), 400, "not both", ""},
		{"json two values", "POST", "/analyze", "application/json", strings.NewReader(`{"text": "a"} {"text": "b"}`), 400, "more than one", ""},
		{"json bad options", "POST", "/analyze", "application/json", strings.NewReader(`{"text": "a", "options": {"offsets": "bytes"}}`), 400, "utf16", ""},
		{"json unknown option", "POST", "/analyze", "application/json", strings.NewReader(`{"text": "a", "options": {"lang": "en"}}`), 400, "options", ""},
		{"empty text", "POST", "/analyze", "text/plain", strings.NewReader("  \n "), 400, "empty", ""},
		{"binary", "POST", "/analyze", "text/plain", bytes.NewReader([]byte{0, 1, 2, 3, 0, 0xff, 0xfe}), 400, "binary", ""},
		{"bad input kind in query", "POST", "/analyze?input=pdf", "text/plain", strings.NewReader(article), 400, "auto, text or html", ""},
		{"too large", "POST", "/analyze", "text/plain", strings.NewReader(big), 413, "limit", ""},
		{"too large, length unknown", "POST", "/analyze", "text/plain", io.MultiReader(strings.NewReader(big)), 413, "limit", ""},
		{"too large json", "POST", "/analyze", "application/json", strings.NewReader(jsonBody(t, map[string]string{"text": big})), 413, "limit", ""},
		{"form content type", "POST", "/analyze", "application/x-www-form-urlencoded", strings.NewReader("text=abc"), 415, "text/plain, text/html, application/json", ""},
		{"no content type", "POST", "/analyze", "", strings.NewReader(article), 415, "Content-Type", ""},
		{"latin-1", "POST", "/analyze", "text/plain; charset=iso-8859-1", strings.NewReader(article), 415, "UTF-8", ""},
		{"get analyze", "GET", "/analyze", "", nil, 405, "POST", "POST, OPTIONS"},
		{"post healthz", "POST", "/healthz", "text/plain", strings.NewReader("x"), 405, "GET", "GET, HEAD, OPTIONS"},
		{"unknown path", "GET", "/analyse", "", nil, 404, "/analyze", ""},
	}
	h := Handler()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rec := do(h, tc.method, tc.target, tc.contentType, tc.body)
			if rec.Code != tc.status {
				t.Fatalf("status %d, want %d; body %.200s", rec.Code, tc.status, rec.Body)
			}
			var e struct {
				Error string `json:"error"`
			}
			if err := json.Unmarshal(rec.Body.Bytes(), &e); err != nil {
				t.Fatalf("the error is not JSON: %v: %.200s", err, rec.Body)
			}
			if !strings.Contains(e.Error, tc.errorHas) {
				t.Errorf("error %q does not mention %q", e.Error, tc.errorHas)
			}
			if got := rec.Header().Get("Allow"); got != tc.allow {
				t.Errorf("Allow %q, want %q", got, tc.allow)
			}
			if rec.Header().Get("Access-Control-Allow-Origin") != "*" {
				t.Errorf("errors must carry CORS headers too, or the browser hides them")
			}
		})
	}
}

func TestHealthAndCORS(t *testing.T) {
	tests := []struct {
		name, method, target string
		status               int
		allowMethods         string
	}{
		{"healthz", "GET", "/healthz", 200, ""},
		{"healthz head", "HEAD", "/healthz", 200, ""},
		{"preflight analyze", "OPTIONS", "/analyze", 204, "POST, OPTIONS"},
		{"preflight healthz", "OPTIONS", "/healthz", 204, "GET, HEAD, OPTIONS"},
	}
	h := Handler()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			req := httptest.NewRequest(tc.method, tc.target, nil)
			req.Header.Set("Origin", "https://news.example")
			req.Header.Set("Access-Control-Request-Method", "POST")
			req.Header.Set("Access-Control-Request-Headers", "content-type")
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != tc.status {
				t.Fatalf("status %d, want %d", rec.Code, tc.status)
			}
			hd := rec.Header()
			if hd.Get("Access-Control-Allow-Origin") != "*" {
				t.Errorf("Access-Control-Allow-Origin %q", hd.Get("Access-Control-Allow-Origin"))
			}
			if got := hd.Get("Access-Control-Allow-Methods"); got != tc.allowMethods {
				t.Errorf("Access-Control-Allow-Methods %q, want %q", got, tc.allowMethods)
			}
			if tc.allowMethods != "" && !strings.EqualFold(hd.Get("Access-Control-Allow-Headers"), "content-type") {
				t.Errorf("Access-Control-Allow-Headers %q", hd.Get("Access-Control-Allow-Headers"))
			}
			if tc.status == 200 && tc.method == "GET" && rec.Body.String() != `{"status":"ok"}` {
				t.Errorf("body %q", rec.Body)
			}
		})
	}
}

func TestStatic(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "index.html"), []byte("<!doctype html><title>lede</title>"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "lede.mjs"), []byte("export {}"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, sub := range []string{"worker", "icons"} {
		if err := os.MkdirAll(filepath.Join(dir, sub), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, sub, "a.txt"), []byte("a"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, ".assetsignore"), []byte("/worker/"), 0o644); err != nil {
		t.Fatal(err)
	}
	h := NewServer(dir)
	tests := []struct {
		name, method, target string
		status               int
		bodyHas, typeHas     string
	}{
		{"page", "GET", "/", 200, "<title>lede</title>", "text/html"},
		{"module", "GET", "/lede.mjs", 200, "export", "javascript"},
		{"missing file", "GET", "/nope.js", 404, "", ""},
		{"a file in a folder", "GET", "/icons/a.txt", 200, "a", "text/plain"},
		{"no directory listing", "GET", "/icons/", 404, "", ""},
		{"not the worker's files", "GET", "/worker/a.txt", 404, "", ""},
		{"not dot files", "GET", "/.assetsignore", 404, "", ""},
		{"post to the page", "POST", "/", 405, "GET", "application/json"},
		{"health still there", "GET", "/healthz", 200, "ok", "application/json"},
		{"analyze still there", "GET", "/analyze", 405, "POST", "application/json"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rec := do(h, tc.method, tc.target, "", nil)
			if rec.Code != tc.status {
				t.Fatalf("status %d, want %d", rec.Code, tc.status)
			}
			if !strings.Contains(rec.Body.String(), tc.bodyHas) {
				t.Errorf("body %.100q lacks %q", rec.Body, tc.bodyHas)
			}
			if !strings.Contains(rec.Header().Get("Content-Type"), tc.typeHas) {
				t.Errorf("Content-Type %q lacks %q", rec.Header().Get("Content-Type"), tc.typeHas)
			}
		})
	}
}

// TestSample checks the sample article of ../shared, when it is there.
func TestSample(t *testing.T) {
	b, err := os.ReadFile("../../../shared/samples/korea-us-summit.txt")
	if err != nil {
		t.Skip("../shared/samples/korea-us-summit.txt not found")
	}
	rec := do(Handler(), "POST", "/analyze", "text/plain", bytes.NewReader(b))
	if rec.Code != 200 {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	if got, w := rec.Body.String(), want(t, string(b), engine.Options{}); got != w {
		t.Errorf("the API's report differs from the CLI's (auto-detected input)")
	}
}

func ExampleHandler() {
	req := httptest.NewRequest("POST", "/analyze", strings.NewReader(`{"text": ""}`))
	req.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	Handler().ServeHTTP(rec, req)
	fmt.Println(rec.Code, rec.Header().Get("Content-Type"))
	fmt.Println(strings.HasPrefix(rec.Body.String(), `{"error":`))
	// Output:
	// 400 application/json; charset=utf-8
	// true
}

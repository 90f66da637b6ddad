package main

import (
	"fmt"
	"strings"
	"testing"
)

func TestInlineModule(t *testing.T) {
	tests := []struct {
		name, src, want, err string
	}{
		{"sibling import dropped", "import { analyze } from \"./lede.mjs\";\nanalyze(x);\n", "analyze(x);\n\n", ""},
		{"default-less star import refused", "import * as l from \"./lede.mjs\";\n", "", "one-file build understands only"},
		{"export declarations kept without export", "export async function analyze() {}\nexport const a = 1;\n", "async function analyze() {}\nconst a = 1;\n\n", ""},
		{"export list refused", "const a = 1;\nexport { a };\n", "", "one-file build understands only"},
		{"import from elsewhere refused", "import x from \"https://cdn/x.mjs\";\n", "", "one-file build understands only"},
		{"dynamic import left alone", "const m = await import(\"node:fs\");\n", "const m = await import(\"node:fs\");\n\n", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := inlineModule("x.mjs", tc.src)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("err = %v, want one containing %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestRawText(t *testing.T) {
	tests := []struct {
		in string
		ok bool
	}{
		{"const a = 1 < 2;", true},
		{`const s = "</script>";`, false},
		{`const s = "</SCRIPT";`, false},
		{"a{color:red}</style>", false},
		{"x = 1; <!-- y", false},
	}
	for _, tc := range tests {
		if err := rawText("t", tc.in); (err == nil) != tc.ok {
			t.Errorf("rawText(%q) = %v, want ok=%v", tc.in, err, tc.ok)
		}
	}
}

// TestServiceWorkerVersion: the version changes exactly when a precached
// file changes, and the precache list names every file but the excluded ones.
func TestServiceWorkerVersion(t *testing.T) {
	src := `const VERSION = "__LEDE_VERSION__"; const PRECACHE = ["__LEDE_PRECACHE__"];`
	mk := func(app string) *site {
		s := newSite()
		s.add("index.html", []byte("<p>page"))
		s.add("app.mjs", []byte(app))
		s.add("lede.wasm", []byte("\x00asm"))
		s.add("lede.html", []byte("one file"))
		s.add("demo.html", []byte("demo"))
		return s
	}
	a, err := serviceWorker(mk("a()"), src)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := serviceWorker(mk("b()"), src)
	a2, _ := serviceWorker(mk("a()"), src)
	if a == b {
		t.Error("changing app.mjs did not change the service worker")
	}
	if a != a2 {
		t.Error("the same files gave two different service workers")
	}
	if !strings.Contains(a, `["./","app.mjs","lede.wasm"]`) {
		t.Errorf("precache list wrong: %s", a)
	}
	if _, err := serviceWorker(mk("a()"), "const VERSION = 1;"); err == nil {
		t.Error("a sw.js without the markers was accepted")
	}
}

func TestIcons(t *testing.T) {
	for _, ic := range icons() {
		if len(ic.png) < 100 || string(ic.png[1:4]) != "PNG" {
			t.Errorf("%s is not a PNG", ic.name)
		}
	}
	if !inRoundRect(256, 256, 0, 0, 512, 512, 96) || inRoundRect(1, 1, 0, 0, 512, 512, 96) {
		t.Error("inRoundRect: the centre must be in, a rounded-off corner out")
	}
}

func TestWithCSP(t *testing.T) {
	page := `<!doctype html><html><head><meta charset="utf-8"><style>p{}</style></head><body><p>x</p>` +
		`<script type="text/plain" id="w">data, not run</script><script type="module">go()</script></body></html>`
	out, err := withCSP([]byte(page))
	if err != nil {
		t.Fatal(err)
	}
	s := string(out)
	if !strings.HasPrefix(s, `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'sha256-`) {
		t.Errorf("policy not first after the charset: %.200s", s)
	}
	// One script hash (the module, not the text/plain data block), one style hash.
	if n := strings.Count(s, "'sha256-"); n != 2 {
		t.Errorf("%d hashes, want 2: %.400s", n, s)
	}
	for _, want := range []string{"'wasm-unsafe-eval'", "worker-src blob:", "connect-src 'none'"} {
		if !strings.Contains(s, want) {
			t.Errorf("policy lacks %s", want)
		}
	}
	for _, bad := range []string{`<p onclick="x()">`, `<p style="color:red">`, `<script src="x.js"></script>`} {
		if _, err := withCSP([]byte("<html><head></head><body>" + bad + "</body></html>")); err == nil {
			t.Errorf("%s passed; the policy would block it silently", bad)
		}
	}
}

func TestWidgetWithSize(t *testing.T) {
	s := newSite()
	for i, name := range engineFiles {
		s.add(name, []byte(strings.Repeat(name, 100*(i+1))))
	}
	want, err := s.engineDownload()
	if err != nil || want <= 0 {
		t.Fatalf("engineDownload = %d, %v", want, err)
	}
	tests := []struct {
		name, src, want, err string
	}{
		{"filled in", `const n = Number("__LEDE_ENGINE_BYTES__");`, fmt.Sprintf(`const n = Number("%d");`, want), ""},
		{"marker missing", `const n = 0;`, "", "must contain"},
	}
	for _, tc := range tests {
		got, err := widgetWithSize(s, tc.src)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("%s: err = %v, want %q", tc.name, err, tc.err)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("%s: got %q, %v; want %q", tc.name, got, err, tc.want)
		}
	}
	delete(s.files, "lede.wasm")
	if _, err := widgetWithSize(s, `"__LEDE_ENGINE_BYTES__"`); err == nil {
		t.Error("a missing engine file must be an error, not a size of 0")
	}
}

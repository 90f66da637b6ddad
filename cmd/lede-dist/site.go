package main

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	mjson "github.com/tdewolff/minify/v2/json"
	"github.com/tdewolff/minify/v2/svg"
)

// site is the set of files that dist/ will hold, by name.
type site struct {
	files map[string][]byte
	min   *minify.M
}

func newSite() *site {
	m := minify.New()
	m.AddFunc("text/css", css.Minify)
	m.Add("text/html", &html.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true})
	m.AddFuncRegexp(regexp.MustCompile(`^(application|text)/(x-)?(java|ecma)script$|^module$`), js.Minify)
	m.AddFunc("image/svg+xml", svg.Minify)
	m.AddFuncRegexp(regexp.MustCompile(`[/+]json$`), mjson.Minify)
	return &site{files: map[string][]byte{}, min: m}
}

func (s *site) add(name string, b []byte) { s.files[name] = b }

// mediaType is the minifier to use for a file name, or "" to copy it as is.
func mediaType(name string) string {
	switch filepath.Ext(name) {
	case ".js", ".mjs":
		return "application/javascript"
	case ".css":
		return "text/css"
	case ".html":
		return "text/html"
	case ".svg":
		return "image/svg+xml"
	case ".json", ".webmanifest":
		return "application/json"
	}
	return ""
}

// minifyAdd minifies b by its file type and adds it to the site.
func (s *site) minifyAdd(name string, b []byte) error {
	mt := mediaType(name)
	if mt == "" {
		s.add(name, b)
		return nil
	}
	out, err := s.min.Bytes(mt, b)
	if err != nil {
		return fmt.Errorf("minifying %s: %v", name, err)
	}
	s.add(name, out)
	return nil
}

// write replaces dir's build outputs with the site. Other files in dir (the
// Cloudflare Worker's folder) are left alone.
func (s *site) write(dir string) error {
	for name, b := range s.files {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// precached lists what the service worker stores for offline use: the app
// shell, the engine and its runtime. The one-file build and the widget demo
// are not part of the page and stay out.
func (s *site) precached() []string {
	var names []string
	for name := range s.files {
		switch name {
		case "lede.html", "demo.html", "sw.js", "index.html":
			continue
		}
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

// serviceWorker fills the precache list and the version (a hash of every
// precached file) into web/sw.js. A changed file gives a new version, and the
// new worker's activate step deletes the old version's cache.
func serviceWorker(s *site, src string) (string, error) {
	names := s.precached()
	h := sha256.New()
	for _, n := range append([]string{"index.html"}, names...) {
		fmt.Fprintf(h, "%s\x00%d\x00", n, len(s.files[n]))
		h.Write(s.files[n])
	}
	version := hex.EncodeToString(h.Sum(nil))[:16]
	list, _ := json.Marshal(append([]string{"./"}, names...))
	const vMark, lMark = `"__LEDE_VERSION__"`, `["__LEDE_PRECACHE__"]`
	if !strings.Contains(src, vMark) || !strings.Contains(src, lMark) {
		return "", fmt.Errorf("web/sw.js must contain %s and %s for lede-dist to fill in", vMark, lMark)
	}
	src = strings.Replace(src, vMark, `"`+version+`"`, 1)
	src = strings.Replace(src, lMark, string(list), 1)
	return src, nil
}

// engineFiles are what the widget downloads on its first local analysis.
var engineFiles = []string{"lede.mjs", "lede-worker.js", "wasm_exec.js", "lede.wasm"}

// engineDownload is the gzip -9 size of the engine files as built: what a
// server that compresses sends (brotli sends a little less, a server that
// does not compress about 3 times more: docs/web.md).
func (s *site) engineDownload() (int, error) {
	total := 0
	for _, name := range engineFiles {
		b, ok := s.files[name]
		if !ok {
			return 0, fmt.Errorf("%s must be built before the widget", name)
		}
		var z bytes.Buffer
		w, _ := gzip.NewWriterLevel(&z, gzip.BestCompression)
		w.Write(b)
		if err := w.Close(); err != nil {
			return 0, err
		}
		total += z.Len()
	}
	return total, nil
}

// widgetWithSize writes the engine's download size into web/widget.mjs, whose
// buttons announce it ("Analyse (downloads 2.0 MB once)").
func widgetWithSize(s *site, src string) (string, error) {
	const mark = `"__LEDE_ENGINE_BYTES__"`
	if !strings.Contains(src, mark) {
		return "", fmt.Errorf("web/widget.mjs must contain %s for lede-dist to fill in", mark)
	}
	n, err := s.engineDownload()
	if err != nil {
		return "", err
	}
	return strings.Replace(src, mark, fmt.Sprintf(`"%d"`, n), 1), nil
}

// modulePreload matches index.html's <link rel="modulepreload">s, which the
// one-file build drops (its modules are inline).
var modulePreload = regexp.MustCompile(`<link rel="modulepreload" href="[^"]*">\n?`)

var (
	importLine = regexp.MustCompile(`^import \S+ from "\./[a-z-]+\.mjs";$|^import \{[^}]*\} from "\./[a-z-]+\.mjs";$`)
	exportDecl = regexp.MustCompile(`^export (async function|function|const|let|class) `)
)

// inlineModule turns one of our ES modules into text that can be
// concatenated with the others into one inline <script type="module">:
// imports of sibling modules go (the sibling is in the same script) and
// "export" is dropped from declarations. Our modules keep to those two forms,
// and anything else is an error rather than a silently broken build.
func inlineModule(name, src string) (string, error) {
	var b strings.Builder
	for i, line := range strings.Split(src, "\n") {
		switch {
		case importLine.MatchString(line):
			continue
		case exportDecl.MatchString(line):
			line = strings.TrimPrefix(line, "export ")
		case strings.HasPrefix(line, "import ") || strings.HasPrefix(line, "export "):
			return "", fmt.Errorf("%s:%d: the one-file build understands only `import {x} from \"./y.mjs\";` and `export function/const`: %q", name, i+1, line)
		}
		b.WriteString(line)
		b.WriteByte('\n')
	}
	return b.String(), nil
}

// rawText checks that s can sit inside a <script> or <style> element as raw
// text: the HTML parser would end the element at "</script" or "</style".
func rawText(what, s string) error {
	low := strings.ToLower(s)
	for _, bad := range []string{"</script", "</style", "<!--"} {
		if strings.Contains(low, bad) {
			return fmt.Errorf("%s contains %q and cannot be inlined", what, bad)
		}
	}
	return nil
}

// oneFile assembles dist/lede.html: the page with its CSS and JavaScript
// inline, the worker's source in a text <script>, and the engine gzipped and
// base64-encoded, which web/onefile.mjs decompresses with the browser's
// DecompressionStream. Opened from disk it needs no network at all.
func oneFile(s *site, wasmExec []byte) ([]byte, error) {
	page, err := os.ReadFile("index.html")
	if err != nil {
		return nil, err
	}
	var bundle strings.Builder
	for _, f := range []string{"web/lede.mjs", "web/onefile.mjs", "web/example.mjs", "web/view.mjs", "web/app.mjs"} {
		src, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		mod, err := inlineModule(f, string(src))
		if err != nil {
			return nil, err
		}
		bundle.WriteString(mod)
	}
	js, err := s.min.String("application/javascript", bundle.String())
	if err != nil {
		return nil, fmt.Errorf("minifying the bundle: %v", err)
	}
	cssText := string(s.files["app.css"])
	worker := string(s.files["wasm_exec.js"]) + ";\n" + string(s.files["lede-worker.js"])
	for what, text := range map[string]string{"the page script": js, "the CSS": cssText, "the worker": worker} {
		if err := rawText(what, text); err != nil {
			return nil, err
		}
	}
	iconSVG := base64.StdEncoding.EncodeToString(s.files["icon.svg"])

	// Its modules are inline: no module to preload.
	h := modulePreload.ReplaceAllString(string(page), "")
	replacements := []struct{ old, new string }{
		{`<html lang="en">`, `<html lang="en" data-onefile="">`},
		{`<link rel="stylesheet" href="app.css">`, "<style>" + cssText + "</style>"},
		{`<script type="module" src="app.mjs"></script>`, ""},
		// The engine is inline too: nothing to fetch early.
		{`<link rel="preload" href="lede.wasm" as="fetch" type="application/wasm" crossorigin fetchpriority="high">` + "\n", ""},
		{`<link rel="manifest" href="manifest.webmanifest">`, ""},
		{`<link rel="apple-touch-icon" href="icon-192.png">`, ""},
		{`<link rel="icon" href="icon.svg" type="image/svg+xml">`, `<link rel="icon" href="data:image/svg+xml;base64,` + iconSVG + `">`},
	}
	for _, r := range replacements {
		if !strings.Contains(h, r.old) {
			return nil, fmt.Errorf("index.html no longer contains %s, which the one-file build replaces", r.old)
		}
		h = strings.Replace(h, r.old, r.new, 1)
	}
	min, err := s.min.String("text/html", h)
	if err != nil {
		return nil, fmt.Errorf("minifying the page: %v", err)
	}
	var gz bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	zw.Write(s.files["lede.wasm"])
	if err := zw.Close(); err != nil {
		return nil, err
	}
	var out bytes.Buffer
	min = strings.TrimSuffix(strings.TrimSpace(min), "</html>")
	out.WriteString(strings.TrimSuffix(min, "</body>"))
	out.WriteString(`<script type="text/plain" id="lede-worker-src">`)
	out.WriteString(worker)
	out.WriteString(`</script><script type="application/octet-stream" id="lede-wasm" data-encoding="gzip" data-bytes="`)
	fmt.Fprint(&out, len(s.files["lede.wasm"]))
	out.WriteString(`">`)
	out.WriteString(base64.StdEncoding.EncodeToString(gz.Bytes()))
	out.WriteString(`</script><script type="module">`)
	out.WriteString(js)
	out.WriteString("</script></body></html>\n")
	return out.Bytes(), nil
}

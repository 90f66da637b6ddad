package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/net/html"

	"github.com/lede-news/lede/internal/api"
)

// withCSP puts a Content-Security-Policy <meta> tag at the top of the
// one-file build's <head>. dist/lede.html is opened from file://, where no
// server can send a header, so the page carries its own policy: as strict
// as the served page's (internal/api.PageCSP), except that its one inline
// module and its one inline style are allowed by their SHA-256 hashes —
// nothing else inline runs — and its worker starts from a blob: URL (the
// worker inherits this policy, 'wasm-unsafe-eval' included). No request of
// any kind is allowed: connect-src 'none'.
//
// It fails the build when the page holds what such a policy would block
// silently: an inline event handler or a style attribute.
func withCSP(page []byte) ([]byte, error) {
	var scripts, styles []string
	z := html.NewTokenizer(bytes.NewReader(page))
	inScript, inStyle := false, false
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		tok := z.Token()
		switch tt {
		case html.StartTagToken, html.SelfClosingTagToken:
			for _, a := range tok.Attr {
				if strings.HasPrefix(a.Key, "on") || a.Key == "style" {
					return nil, fmt.Errorf("<%s %s=...> would be blocked by the page's Content-Security-Policy: use a script or a class", tok.Data, a.Key)
				}
			}
			switch tok.Data {
			case "script":
				inScript = runs(tok.Attr)
				if inScript && hasAttr(tok.Attr, "src") {
					return nil, fmt.Errorf("lede.html loads a script by URL, which the one-file build cannot do offline")
				}
			case "style":
				inStyle = true
			}
		case html.TextToken:
			if inScript {
				scripts = append(scripts, hash(tok.Data))
			}
			if inStyle {
				styles = append(styles, hash(tok.Data))
			}
		case html.EndTagToken:
			inScript, inStyle = false, false
		}
	}
	policy := "default-src 'none'; script-src " + strings.Join(append(scripts, "'wasm-unsafe-eval'"), " ") +
		"; style-src " + orNone(styles) + "; worker-src blob:; img-src data: blob:; connect-src 'none'" +
		"; object-src 'none'; base-uri 'none'; form-action 'none'"
	// After <meta charset> (which must come within the first 1024 bytes),
	// before anything the policy governs.
	i := bytes.Index(page, []byte("<head>"))
	if i < 0 {
		return nil, fmt.Errorf("lede.html has no <head> for its Content-Security-Policy")
	}
	i += len("<head>")
	if j := bytes.Index(page[i:], []byte("<meta charset")); j >= 0 && j < 200 {
		i += j + bytes.IndexByte(page[i+j:], '>') + 1
	}
	meta := `<meta http-equiv="Content-Security-Policy" content="` + policy + `">`
	return append(append(append([]byte{}, page[:i]...), meta...), page[i:]...), nil
}

// runs reports whether a <script> with these attributes is executed (a
// classic script or a module), as opposed to a data block such as
// type="text/plain", which no policy needs to allow.
func runs(attrs []html.Attribute) bool {
	for _, a := range attrs {
		if a.Key == "type" {
			switch strings.ToLower(strings.TrimSpace(a.Val)) {
			case "", "module", "text/javascript", "application/javascript":
				return true
			}
			return false
		}
	}
	return true
}

func hasAttr(attrs []html.Attribute, key string) bool {
	for _, a := range attrs {
		if a.Key == key {
			return true
		}
	}
	return false
}

func hash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}

func orNone(hashes []string) string {
	if len(hashes) == 0 {
		return "'none'"
	}
	return strings.Join(hashes, " ")
}

// headersFile is dist/_headers, the response headers Workers static assets
// send with the site (lede serve sends the same from internal/api): the
// page's Content-Security-Policy on everything — it matters on the
// documents and on the scripts that run as workers, whose policy is their
// own response's — and CORS so that other sites can load the widget.
// lede.html (which Workers also serves as /lede) is left to its <meta>
// policy: "! Content-Security-Policy" detaches the header there, since a
// second policy would block its inline module.
func headersFile() string {
	return "# Written by go run ./cmd/lede-dist: the site's response headers on Workers static assets.\n" +
		"/*\n  Access-Control-Allow-Origin: *\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: no-referrer\n" +
		"  Content-Security-Policy: " + api.PageCSP + "\n" +
		"/lede.html\n  ! Content-Security-Policy\n/lede\n  ! Content-Security-Policy\n"
}

// writeHeaders writes dist/_headers (wasm/worker/build keeps a _headers it finds).
func writeHeaders(dir string) error {
	return os.WriteFile(filepath.Join(dir, "_headers"), []byte(headersFile()), 0o644)
}

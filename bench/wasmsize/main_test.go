package main

import "testing"

func TestPkgOf(t *testing.T) {
	pkgs := map[string]string{
		"runtime":       "runtime",
		"encoding_json": "encoding/json",
		"github.com_lede_news_lede_internal_entity": "github.com/lede-news/lede/internal/entity",
		"golang.org_x_net_html":                     "golang.org/x/net/html",
		"golang.org_x_net_html_atom":                "golang.org/x/net/html/atom",
	}
	cases := []struct{ name, want string }{
		{"runtime.mallocgc", "runtime"},
		{"encoding_json.__decodeState_.object", "encoding/json"},
		{"github.com_lede_news_lede_internal_entity.__Tagger_.Tag", "github.com/lede-news/lede/internal/entity"},
		{"golang.org_x_net_html_atom.Lookup", "golang.org/x/net/html/atom"}, // the longer path wins
		{"golang.org_x_net_html.Parse", "golang.org/x/net/html"},
		{"type_.eq.github.com_lede_news_lede_internal_report.Label", "(compiler-generated: type equality, wrappers)"},
	}
	for _, c := range cases {
		if got := pkgOf(c.name, pkgs); got != c.want {
			t.Errorf("pkgOf(%q) = %q, want %q", c.name, got, c.want)
		}
	}
}

// A hand-written module: one imported function, two defined ones with names,
// one active data segment whose offset's LEB128 holds the byte 0x0b.
func TestParse(t *testing.T) {
	wasm := []byte{0, 'a', 's', 'm', 1, 0, 0, 0,
		1, 4, 1, 0x60, 0, 0, // type section: () -> ()
		2, 7, 1, 1, 'm', 1, 'f', 0, 0, // import m.f, function of type 0
		3, 3, 2, 0, 0, // two functions of type 0
		10, 8, 2, 2, 0, 0x0b, 3, 0, 0x01, 0x0b, // code: bodies of 2 and 3 bytes
		11, 8, 1, 0, 0x41, 0x0b, 0x0b, 2, 'h', 'i', // data at i32.const 11 (LEB128 0x0b, like end), 2 bytes
		0, 16, 4, 'n', 'a', 'm', 'e', 1, 9, 2, 1, 2, 'p', '.', 2, 2, 'q', '.', // names of functions 1 and 2
	}
	m, err := parse(wasm)
	if err != nil {
		t.Fatal(err)
	}
	if m.imported != 1 || len(m.bodies) != 2 || len(m.bodies[0]) != 2 || len(m.bodies[1]) != 3 {
		t.Errorf("imported %d, bodies %v", m.imported, m.bodies)
	}
	if string(m.data) != "hi" {
		t.Errorf("data %q, want \"hi\"", m.data)
	}
	if m.names[1] != "p." || m.names[2] != "q." {
		t.Errorf("names %v", m.names)
	}
}

// The page's engine must not link encoding/json again (it cost 42 KB brotli
// of code and half of reflect): JSON in packages that wasm/lede links goes
// through internal/jsonlite. (fmt cannot be checked this way: the HTML
// parser, golang.org/x/net/html, imports it.)
func TestWasmEngineLinksNoEncodingJSON(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go list")
	}
	pkgs := linkedPackages("../..")
	if pkgs["runtime"] != "runtime" {
		t.Fatalf("go list -deps ./wasm/lede gave %d packages, not the engine's", len(pkgs))
	}
	for _, p := range pkgs {
		if p == "encoding/json" {
			t.Fatal("wasm/lede links encoding/json: `GOOS=js GOARCH=wasm go list -deps ./wasm/lede` and `go build -ldflags=-dumpdep` show who imports it; use internal/jsonlite")
		}
	}
}

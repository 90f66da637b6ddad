package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestConstExpr(t *testing.T) {
	tests := []struct {
		name string
		in   []byte // opcode, signed LEB128 operand, end
		want int64
	}{
		{"zero", []byte{0x41, 0x00, 0x0b}, 0},
		{"one byte", []byte{0x41, 0x3f, 0x0b}, 63},
		{"needs a second byte: bit 6 set", []byte{0x41, 0xc0, 0x00, 0x0b}, 64},
		{"4096", []byte{0x41, 0x80, 0x20, 0x0b}, 4096},
		{"minus one", []byte{0x41, 0x7f, 0x0b}, -1},
	}
	for _, tt := range tests {
		r := &reader{b: tt.in}
		if got := r.constExpr(); got != tt.want || r.i != len(tt.in) {
			t.Errorf("%s: constExpr = %d (read %d bytes), want %d (%d bytes)", tt.name, got, r.i, tt.want, len(tt.in))
		}
	}
}

func TestImage(t *testing.T) {
	tests := []struct {
		name      string
		segs      []segment
		wantImg   []byte
		wantInSeg []bool
	}{
		{"one segment", []segment{{16, []byte{1, 2}}}, []byte{1, 2}, []bool{true, true}},
		{"zeros left out between segments come back",
			[]segment{{100, []byte{1, 2}}, {104, []byte{3}}},
			[]byte{1, 2, 0, 0, 3}, []bool{true, true, false, false, true}},
		{"file order need not be memory order",
			[]segment{{10, []byte{3}}, {8, []byte{1}}},
			[]byte{1, 0, 3}, []bool{true, false, true}},
		{"passive segments follow", []segment{{0, []byte{1}}, {-1, []byte{9}}}, []byte{1, 9}, []bool{true, true}},
	}
	for _, tt := range tests {
		m := &module{segs: tt.segs}
		img, in := m.image()
		if !bytes.Equal(img, tt.wantImg) || len(in) != len(tt.wantInSeg) {
			t.Errorf("%s: image = %v %v, want %v %v", tt.name, img, in, tt.wantImg, tt.wantInSeg)
			continue
		}
		for i := range in {
			if in[i] != tt.wantInSeg[i] {
				t.Errorf("%s: inSeg = %v, want %v", tt.name, in, tt.wantInSeg)
				break
			}
		}
	}
}

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

// The page's engine must not link encoding/json again (it cost 42 KB brotli
// of code and half of reflect): JSON in packages that wasm/lede links goes
// through internal/jsonlite. Nor fmt (with internal/fmtsort and reflect's
// printing, 75 KB brotli of the whole module): the HTML parser is lede's copy
// of golang.org/x/net/html without it (internal/xnet).
func TestWasmEngineLinksNoEncodingJSONOrFmt(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go list")
	}
	pkgs := linkedPackages("../..", "./wasm/lede")
	if pkgs["runtime"] != "runtime" {
		t.Fatalf("go list -deps ./wasm/lede gave %d packages, not the engine's", len(pkgs))
	}
	for _, p := range pkgs {
		if p == "encoding/json" {
			t.Fatal("wasm/lede links encoding/json: `GOOS=js GOARCH=wasm go list -deps ./wasm/lede` and `go build -ldflags=-dumpdep` show who imports it; use internal/jsonlite")
		}
		if p == "fmt" {
			t.Fatal("wasm/lede links fmt: `GOOS=js GOARCH=wasm go list -deps ./wasm/lede` and `go build -ldflags=-dumpdep` show who imports it; use strconv and string concatenation")
		}
	}
}

// Nor package time's calendar (time.Date and the zone code behind it: the
// figure pass counts whole days itself, internal/figure/civil.go), nor a
// generic sort from slices but the category features' sort of uint64s:
// each element type one is instantiated for is 10–25 KB of code, where
// sort.Slice, linked anyway, or an insertion sort (internal/smallsort)
// does (docs/speed-log.md, "Page size, eighth round").
func TestWasmEngineLinksNoTimeDateOrGenericSorts(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the wasm engine")
	}
	out := filepath.Join(t.TempDir(), "lede.wasm")
	cmd := exec.Command("go", "build", "-trimpath", "-o", out, "./wasm/lede")
	cmd.Dir = "../.."
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, b)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	m, err := parse(b)
	if err != nil {
		t.Fatal(err)
	}
	if len(m.names) < 1000 {
		t.Fatalf("the name section names %d functions, not the engine's", len(m.names))
	}
	const dumpdep = "GOOS=js GOARCH=wasm go build -ldflags=-dumpdep -o /dev/null ./wasm/lede 2>&1 | grep"
	for _, name := range m.names {
		if name == "time.Date" || strings.HasPrefix(name, "time.tzset") {
			t.Errorf("wasm/lede links %s: `"+dumpdep+" -e '-> time.Date'` shows who calls it; count days as internal/figure/civil.go does", name)
		}
		// slices.Sort and SortFunc instantiate pdqsort…, SortStableFunc
		// stable… (the names carry the shape: …_go.shape.uint64_)
		generic := strings.HasPrefix(name, "slices.pdqsort") || strings.HasPrefix(name, "slices.stable")
		if generic && !strings.HasSuffix(name, "uint64_") {
			t.Errorf("wasm/lede links %s: `"+dumpdep+" -e '-> slices.pdqsort' -e '-> slices.stable'` shows who calls it; sort with sort.Slice, or internal/smallsort for ints and strings", name)
		}
	}
}

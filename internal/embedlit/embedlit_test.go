package embedlit

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestRewrite holds Rewrite to Go that compiles to the same bytes: each
// //go:embed variable gets its file as a literal, the directive and the
// blank import of embed go, the rest of the file stays; what cannot be a
// literal is an error.
func TestRewrite(t *testing.T) {
	needGo(t)
	dir := t.TempDir()
	data := "LPOS\x00\xff\xfe\"\\\n`é\x80end"
	if err := os.WriteFile(filepath.Join(dir, "model.bin"), []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		src     string
		want    []string // in the output
		notWant []string
		err     string
	}{
		{
			name:    "[]byte, blank import alone",
			src:     "package p\n\nimport _ \"embed\"\n\n// model is the model.\n//\n//go:embed model.bin\nvar model []byte\n\nfunc f() int { return len(model) }\n",
			want:    []string{"var model = []byte(", "// model is the model.", "func f() int"},
			notWant: []string{"go:embed", `"embed"`},
		},
		{
			name:    "string, among other imports",
			src:     "package p\n\nimport (\n\t_ \"embed\"\n\t\"strings\"\n)\n\n//go:embed model.bin\nvar model string\n\nvar n = strings.Count(model, \"e\")\n",
			want:    []string{"var model = \"LPOS", `"strings"`},
			notWant: []string{"go:embed", `"embed"`},
		},
		{
			name: "embed.FS",
			src:  "package p\n\nimport \"embed\"\n\n//go:embed model.bin\nvar fs embed.FS\n",
			err:  "only string and []byte",
		},
		{
			name: "a pattern",
			src:  "package p\n\nimport _ \"embed\"\n\n//go:embed *.bin\nvar model []byte\n",
			err:  "only a single file",
		},
	}
	for _, tt := range tests {
		path := filepath.Join(dir, "p.go")
		out, err := Rewrite(path, []byte(tt.src))
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("%s: error %v, want one saying %q", tt.name, err, tt.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		for _, w := range tt.want {
			if !strings.Contains(string(out), w) {
				t.Errorf("%s: output lacks %q:\n%s", tt.name, w, out)
			}
		}
		for _, w := range tt.notWant {
			if strings.Contains(string(out), w) {
				t.Errorf("%s: output still has %q:\n%s", tt.name, w, out)
			}
		}
		// the literal holds the file's bytes: run the rewritten file
		prog := string(out) + "\nfunc Check() bool { return string(model) == " + quoteGo(data) + " }\n"
		checkCompiles(t, tt.name, prog)
	}
}

// needGo skips a test that runs the go command where there is none (the
// GOOS=js GOARCH=wasm run of the tests in Node).
func needGo(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("needs the go command:", err)
	}
}

// quoteGo is a Go literal of s written independently of Rewrite's.
func quoteGo(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(s); i++ {
		b.WriteString(`\x`)
		b.WriteByte("0123456789abcdef"[s[i]>>4])
		b.WriteByte("0123456789abcdef"[s[i]&15])
	}
	b.WriteByte('"')
	return b.String()
}

// checkCompiles builds package p from src with a test calling Check.
func checkCompiles(t *testing.T, name, src string) {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"go.mod":    "module p\n\ngo 1.22\n",
		"p.go":      src,
		"p_test.go": "package p\n\nimport \"testing\"\n\nfunc TestCheck(t *testing.T) {\n\tif !Check() {\n\t\tt.Fatal(\"literal differs from the file\")\n\t}\n}\n",
	}
	for f, s := range files {
		if err := os.WriteFile(filepath.Join(dir, f), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command("go", "test", ".")
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("%s: the rewritten file does not hold the bytes: %v\n%s\n%s", name, err, out, src)
	}
}

// TestOverlayDropsEmbed holds the page's build to what Overlay is for:
// with it, wasm/lede links neither embed nor time nor internal/godebug.
func TestOverlayDropsEmbed(t *testing.T) {
	needGo(t)
	if testing.Short() {
		t.Skip("runs go list")
	}
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	overlay, files, err := Overlay(root, "./wasm/lede", t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no file rewritten: the models are no longer embedded? then drop package embedlit")
	}
	cmd := exec.Command("go", "list", "-deps", "-overlay", overlay, "./wasm/lede")
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range strings.Fields(string(out)) {
		if p == "embed" || p == "time" || p == "internal/godebug" {
			t.Errorf("wasm/lede built with the overlay still links %s (`GOOS=js GOARCH=wasm go list -deps -f '{{.ImportPath}}: {{.Imports}}' ./wasm/lede` shows who imports it)", p)
		}
	}
}

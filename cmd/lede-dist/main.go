// Command lede-dist builds dist/, everything a browser or Node loads:
//
//	go run ./cmd/lede-dist -out dist
//
// It compiles the engine to WebAssembly (wasm/lede), copies the Go runtime's
// wasm_exec.js, minifies the page (index.html), the JS API (web/lede.mjs), the
// worker that hosts the engine, the widget, the CSS and the demo page with
// github.com/tdewolff/minify, writes a service worker whose precache list is
// versioned by a hash of what it caches, draws the PWA icons, assembles the
// one-file build dist/lede.html, and last, when wasm/worker/build exists,
// runs it to write the Cloudflare Worker into dist/worker.
//
// index.html and web/* land flat in dist/ (web/app.mjs -> dist/app.mjs), so
// the page refers to its files as "./app.mjs" and so on. See docs/web.md.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/lede-news/lede/internal/embedlit"
)

func main() {
	out := flag.String("out", "dist", "directory to write the build to")
	noWasm := flag.Bool("no-wasm", false, "reuse OUT/lede.wasm instead of compiling the engine (for quick page edits)")
	flag.Parse()
	if err := build(*out, !*noWasm); err != nil {
		fmt.Fprintln(os.Stderr, "lede-dist:", err)
		os.Exit(1)
	}
}

// buildWasm compiles wasm/lede, stripped, with its //go:embed models as
// literals (package embedlit: the page then links neither embed nor io/fs,
// time and internal/godebug).
func buildWasm(wasmPath string) error {
	tmp, err := os.MkdirTemp("", "lede-dist")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	overlay, _, err := embedlit.Overlay(".", "./wasm/lede", tmp)
	if err != nil {
		return fmt.Errorf("writing the models as literals (internal/embedlit): %v", err)
	}
	cmd := exec.Command("go", "build", "-trimpath", "-ldflags=-s -w", "-overlay", overlay, "-o", wasmPath, "./wasm/lede")
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("compiling the engine to WebAssembly (GOOS=js GOARCH=wasm go build -overlay ... ./wasm/lede): %v", err)
	}
	return nil
}

func build(out string, compileWasm bool) error {
	if _, err := os.Stat("go.mod"); err != nil {
		return fmt.Errorf("run me from the repository root (where go.mod is): %v", err)
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	wasmPath := filepath.Join(out, "lede.wasm")
	if compileWasm {
		if err := buildWasm(wasmPath); err != nil {
			return err
		}
	}
	wasm, err := os.ReadFile(wasmPath)
	if err != nil {
		return err
	}
	goroot, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		return fmt.Errorf("go env GOROOT: %v", err)
	}
	wasmExec, err := os.ReadFile(filepath.Join(strings.TrimSpace(string(goroot)), "lib", "wasm", "wasm_exec.js"))
	if err != nil {
		return fmt.Errorf("reading the Go wasm runtime: %v", err)
	}

	s := newSite()
	s.add("lede.wasm", wasm)
	if err := s.minifyAdd("wasm_exec.js", wasmExec); err != nil {
		return err
	}
	// Sources: the page at the top level, everything else in web/.
	sources := []string{"index.html"}
	webFiles, err := filepath.Glob("web/*")
	if err != nil {
		return err
	}
	for _, f := range webFiles {
		if st, err := os.Stat(f); err == nil && st.Mode().IsRegular() && !strings.HasSuffix(f, ".test.mjs") {
			sources = append(sources, f)
		}
	}
	for _, f := range sources {
		b, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		if filepath.Base(f) == "sw.js" || filepath.Base(f) == "onefile.mjs" || filepath.Base(f) == "widget.mjs" {
			continue // written below from the finished site
		}
		if err := s.minifyAdd(filepath.Base(f), b); err != nil {
			return err
		}
	}
	for _, ic := range icons() {
		s.add(ic.name, ic.png)
	}

	widget, err := os.ReadFile("web/widget.mjs")
	if err != nil {
		return err
	}
	widgetOut, err := widgetWithSize(s, string(widget))
	if err != nil {
		return err
	}
	if err := s.minifyAdd("widget.mjs", []byte(widgetOut)); err != nil {
		return err
	}

	sw, err := os.ReadFile("web/sw.js")
	if err != nil {
		return err
	}
	swOut, err := serviceWorker(s, string(sw))
	if err != nil {
		return err
	}
	if err := s.minifyAdd("sw.js", []byte(swOut)); err != nil {
		return err
	}

	one, err := oneFile(s, wasmExec)
	if err == nil {
		one, err = withCSP(one)
	}
	if err != nil {
		return fmt.Errorf("building lede.html: %v", err)
	}
	s.add("lede.html", one)

	if err := s.write(out); err != nil {
		return err
	}
	if err := writeHeaders(out); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "lede-dist: wrote %d files to %s (lede.wasm %.1f MB, lede.html %.1f MB)\n",
		len(s.files), out, float64(len(wasm))/(1<<20), float64(len(one))/(1<<20))

	if st, err := os.Stat(filepath.Join("wasm", "worker", "build")); err == nil && st.IsDir() {
		cmd := exec.Command("go", "run", "./wasm/worker/build", "-out", filepath.Join(out, "worker"))
		cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("go run ./wasm/worker/build: %v", err)
		}
	}
	return nil
}

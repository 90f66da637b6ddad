// Command pgo writes a CPU profile of the engine for Go's profile-guided
// optimisation (PGO), to measure what PGO would give lede's builds:
//
//	go run ./bench/pgo -out /tmp/engine.pgo
//	GOFLAGS=-pgo=/tmp/engine.pgo go run ./cmd/lede-dist -out /tmp/pgo-after
//
// It runs engine.AnalyzeJSON — what the page, Node, the Worker and the CLI
// all call — over the articles that are in the repository (the page's
// example in web/example.mjs, the test articles and HTML pages in
// internal/*/testdata) for a fixed number of rounds with runtime/pprof
// profiling the CPU. Nothing here reads ../shared, so the profile
// regenerates on any checkout, and the sample the benchmarks time is not
// among its inputs. The profile is taken natively; it names functions and
// line offsets, not machine code, so it serves the wasm builds too.
//
// PGO is tried, not kept (docs/speed-log.md, "Profile-guided
// optimisation"): the wasm grew by 22 KB brotli for half a percent fewer
// instructions per analysis, and a cold first analysis took 8% more. The
// build therefore has no default.pgo; this command is here so that the
// measurement can be repeated, say with a newer Go.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime/pprof"
	"sort"

	"github.com/lede-news/lede/internal/engine"
)

func main() {
	rounds := flag.Int("rounds", 1000, "times each article is analysed while profiling (about 5 s of CPU natively)")
	out := flag.String("out", "", "file to write the profile to (go build reads a main package's default.pgo by itself)")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "pgo: say where to write the profile: -out FILE")
		os.Exit(2)
	}
	if err := run(*rounds, *out); err != nil {
		fmt.Fprintln(os.Stderr, "pgo:", err)
		os.Exit(1)
	}
}

func run(rounds int, out string) error {
	if _, err := os.Stat("go.mod"); err != nil {
		return fmt.Errorf("run me from the repository root (where go.mod is): %v", err)
	}
	inputs, err := articles(".")
	if err != nil {
		return err
	}
	// one analysis of each first, outside the profile, so that the
	// profile holds the steady state and not the models' first touch
	for _, in := range inputs {
		if err := analyze(in); err != nil {
			return err
		}
	}
	var prof bytes.Buffer
	if err := pprof.StartCPUProfile(&prof); err != nil {
		return err
	}
	for range rounds {
		for _, in := range inputs {
			if err := analyze(in); err != nil {
				pprof.StopCPUProfile()
				return err
			}
		}
	}
	pprof.StopCPUProfile()
	if err := os.WriteFile(out, prof.Bytes(), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "pgo: %d articles × %d rounds; wrote %d bytes to %s\n", len(inputs), rounds, prof.Len(), out)
	return nil
}

// analyze runs the engine as every front end does and fails on an error
// report, so that the profile never times the refusal of an input.
func analyze(in string) error {
	out := engine.AnalyzeJSON(in, "")
	if bytes.HasPrefix(out, []byte(`{"error"`)) {
		return errors.New("the engine refused a profiling input: " + string(out))
	}
	return nil
}

// articles returns the articles of the repository at root: the page's
// example (the template literal in web/example.mjs), then every test
// article and page.
func articles(root string) ([]string, error) {
	ex, err := os.ReadFile(filepath.Join(root, "web/example.mjs"))
	if err != nil {
		return nil, err
	}
	i, j := bytes.IndexByte(ex, '`'), bytes.LastIndexByte(ex, '`')
	if i < 0 || j <= i {
		return nil, errors.New("web/example.mjs: no article between backquotes")
	}
	inputs := []string{string(ex[i+1 : j])}
	var files []string
	for _, pat := range []string{"internal/*/testdata/*.txt", "internal/*/testdata/*.html"} {
		m, err := filepath.Glob(filepath.Join(root, pat))
		if err != nil {
			return nil, err
		}
		files = append(files, m...)
	}
	sort.Strings(files)
	if len(files) == 0 {
		return nil, errors.New("no internal/*/testdata/*.txt or *.html found")
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		inputs = append(inputs, string(b))
	}
	return inputs, nil
}

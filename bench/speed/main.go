// Command speed measures how many articles per second the whole engine
// analyses. Built natively and for GOOS=js GOARCH=wasm (run under Node) by
// bench/speed.sh, so both figures come from the same code and inputs.
//
//	speed [-n N] FILE...
//	speed -scale BYTES [-dump F] FILE|DIR...   one analysis of an input of BYTES made
//	                            from the texts (see scaleInput): a JSON line with ms,
//	                            bytes and the peak RSS (VmHWM); -dump writes the input
package main

import (
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"runtime/pprof"
	"strconv"
	"strings"
	"time"

	"github.com/lede-news/lede/internal/engine"
	"github.com/lede-news/lede/internal/report"
)

func main() {
	n := flag.Int("n", 50, "analyses of each file")
	scale := flag.Int("scale", 0, "time one analysis of an input of this many bytes made from the files (or directories of *.txt)")
	dump := flag.String("dump", "", "with -scale: write the input to this file")
	cpuprofile := flag.String("cpuprofile", "", "write a CPU profile of the run to this file")
	flag.Parse()
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err == nil {
			err = pprof.StartCPUProfile(f)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "speed:", err)
			os.Exit(1)
		}
		defer pprof.StopCPUProfile()
	}
	if *scale > 0 {
		if err := scaleRun(flag.Args(), *scale, *dump); err != nil {
			pprof.StopCPUProfile()
			fmt.Fprintln(os.Stderr, "speed:", err)
			os.Exit(1)
		}
		return
	}
	var inputs []string
	var bytes int
	for _, name := range flag.Args() {
		b, err := os.ReadFile(name)
		if err != nil {
			fmt.Fprintln(os.Stderr, "speed:", err)
			os.Exit(1)
		}
		inputs = append(inputs, string(b))
		bytes += len(b)
	}
	if len(inputs) == 0 {
		fmt.Fprintln(os.Stderr, "speed: give one or more article files")
		os.Exit(1)
	}
	// The first call loads the models; time it apart.
	t0 := time.Now()
	if _, err := engine.Analyze(inputs[0], engine.Options{}); err != nil {
		fmt.Fprintln(os.Stderr, "speed:", err)
		os.Exit(1)
	}
	first := time.Since(t0)
	start := time.Now()
	for i := 0; i < *n; i++ {
		for _, in := range inputs {
			if _, err := engine.Analyze(in, engine.Options{}); err != nil {
				fmt.Fprintln(os.Stderr, "speed:", err)
				os.Exit(1)
			}
		}
	}
	el := time.Since(start).Seconds()
	docs := float64(*n * len(inputs))
	fmt.Printf("first call (model load + analysis): %.1f ms\n", first.Seconds()*1000)
	fmt.Printf("%d analyses in %.2f s: %.1f articles/s, %.2f ms/article, %.2f MB/s\n",
		*n*len(inputs), el, docs/el, el/docs*1000, float64(bytes)*float64(*n)/el/1e6)
}

// scaleInput makes an input of at most n bytes from the texts in order,
// blank-line separated, round again as often as needed; from the second
// round on each paragraph starts with "(r) " so that no block repeats
// exactly (the article pass sets aside blocks that repeat, as on a page's
// navigation). The last text is cut after its last whole word that fits.
func scaleInput(texts []string, n int) string {
	var b strings.Builder
	para := regexp.MustCompile(`\n\s*\n`)
	for i := 0; ; i++ {
		t := strings.TrimSpace(texts[i%len(texts)])
		if r := i / len(texts); r > 0 {
			mark := "(" + strconv.Itoa(r) + ") "
			t = mark + para.ReplaceAllString(t, "\n\n"+mark)
		}
		sep := 0
		if b.Len() > 0 {
			sep = 2
		}
		if b.Len()+sep+len(t) > n {
			cut := t[:max(0, n-b.Len()-sep)]
			if j := strings.LastIndexAny(cut, " \n"); j >= 0 && len(cut) < len(t) {
				cut = cut[:j]
			}
			if cut = strings.TrimSpace(cut); cut != "" {
				if sep > 0 {
					b.WriteString("\n\n")
				}
				b.WriteString(cut)
			}
			return b.String()
		}
		if sep > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(t)
	}
}

// scaleRun times one analysis of an input of n bytes made from files (a
// directory stands for its *.txt files) and writes that input to dump, so
// that bench/speed/node.mjs can time the same bytes in wasm.
func scaleRun(files []string, n int, dump string) error {
	var texts []string
	for _, f := range files {
		names := []string{f}
		if st, err := os.Stat(f); err == nil && st.IsDir() {
			names, _ = filepath.Glob(filepath.Join(f, "*.txt"))
		}
		for _, name := range names {
			b, err := os.ReadFile(name)
			if err != nil {
				return err
			}
			texts = append(texts, string(b))
		}
	}
	if len(texts) == 0 {
		return fmt.Errorf("no texts in %v", files)
	}
	text := scaleInput(texts, n)
	if dump != "" {
		if err := os.WriteFile(dump, []byte(text), 0o644); err != nil {
			return err
		}
	}
	if _, err := engine.Analyze("Warm up in Oslo.", engine.Options{}); err != nil {
		return err
	}
	// the fastest of a few runs: one run of a small input is mostly noise
	// on a shared machine
	var r *report.Report
	var err error
	ms := math.Inf(1)
	for i := 0; i < reps(len(text)); i++ {
		t := time.Now()
		if r, err = engine.Analyze(text, engine.Options{}); err != nil {
			return err
		}
		ms = min(ms, time.Since(t).Seconds()*1000)
	}
	fmt.Printf("{\"ms\":%.1f,\"bytes\":%d,\"maxRSS\":%d,\"words\":%d}\n", ms, len(text), peakRSS(), r.Stats.Words)
	return nil
}

// reps is how many times the scaling table times an input of n bytes:
// five up to 100 KB, then fewer (bench/speed/node.mjs uses the same rule).
func reps(n int) int {
	switch {
	case n <= 100_000:
		return 5
	case n <= 1_000_000:
		return 3
	}
	return 1
}

// peakRSS is the process's peak resident set (VmHWM) in bytes, 0 where
// /proc is missing.
func peakRSS() int {
	b, _ := os.ReadFile("/proc/self/status")
	for _, line := range strings.Split(string(b), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmHWM:" {
			kb, _ := strconv.Atoi(f[1])
			return kb * 1024
		}
	}
	return 0
}

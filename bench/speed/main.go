// Command speed measures how many articles per second the whole engine
// analyses. Built natively and for GOOS=js GOARCH=wasm (run under Node) by
// bench/speed.sh, so both figures come from the same code and inputs.
//
//	speed [-n N] FILE...
//	speed -scale BYTES FILE     one analysis of FILE's paragraphs repeated to BYTES:
//	                            a JSON line with ms, bytes and the peak RSS (VmHWM)
package main

import (
	"flag"
	"fmt"
	"os"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/lede-news/lede/internal/engine"
)

func main() {
	n := flag.Int("n", 50, "analyses of each file")
	scale := flag.Int("scale", 0, "time one analysis of the first file repeated to this many bytes")
	flag.Parse()
	if *scale > 0 {
		if err := scaleRun(flag.Arg(0), *scale); err != nil {
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

// repeat makes an input of at most n bytes from whole paragraphs of text,
// in order and round again, as bench/speed/node.mjs's repeat does.
func repeat(text string, n int) string {
	var paras []string
	for _, p := range regexp.MustCompile(`\n\s*\n`).Split(text, -1) {
		if p = strings.TrimSpace(p); p != "" {
			paras = append(paras, p)
		}
	}
	var b strings.Builder
	for i := 0; ; i++ {
		p := paras[i%len(paras)]
		add := len(p)
		if b.Len() > 0 {
			add += 2
		}
		if b.Len()+add > n {
			break
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(p)
	}
	return b.String()
}

func scaleRun(file string, n int) error {
	raw, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	text := repeat(string(raw), n)
	if _, err := engine.Analyze("Warm up in Oslo.", engine.Options{}); err != nil {
		return err
	}
	t := time.Now()
	if _, err := engine.Analyze(text, engine.Options{}); err != nil {
		return err
	}
	ms := time.Since(t).Seconds() * 1000
	fmt.Printf("{\"ms\":%.1f,\"bytes\":%d,\"maxRSS\":%d}\n", ms, len(text), peakRSS())
	return nil
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

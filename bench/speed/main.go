// Command speed measures how many articles per second the whole engine
// analyses. Built natively and for GOOS=js GOARCH=wasm (run under Node) by
// bench/speed.sh, so both figures come from the same code and inputs.
//
//	speed [-n N] FILE...
package main

import (
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/lede-news/lede/internal/engine"
)

func main() {
	n := flag.Int("n", 50, "analyses of each file")
	flag.Parse()
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

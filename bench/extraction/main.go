// Command extraction runs one article extractor over a benchmark folder of
// ../shared/data/article-extraction and writes its predictions in the
// format eval_extraction.mjs --predictions reads. Extraction runs in this
// one process, so the time it prints (pages/s) excludes process start-up.
//
//	go run ./bench/extraction -data DIR -engine lede|go-readability|all-text -out FILE
//
// all-text is the baseline of no extraction at all: every visible word of
// the page (lede's rendering of the HTML into text) or the whole paste.
package main

import (
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"time"

	"github.com/lede-news/lede/bench/internal/cputime"
	"github.com/lede-news/lede/bench/internal/extractors"
)

func main() {
	data := flag.String("data", "", "benchmark folder with ground-truth.json and html/ or text/")
	engine := flag.String("engine", "lede", "lede, go-readability or all-text")
	out := flag.String("out", "", "predictions file to write")
	repeat := flag.Int("repeat", 1, "extract every page this many times and report the fastest pass (shared machines are noisy)")
	flag.Parse()
	if err := run(*data, *engine, *out, *repeat); err != nil {
		fmt.Fprintln(os.Stderr, "extraction:", err)
		os.Exit(1)
	}
}

func run(data, engine, out string, repeat int) error {
	raw, err := os.ReadFile(filepath.Join(data, "ground-truth.json"))
	if err != nil {
		return err
	}
	var truth map[string]json.RawMessage
	if err := json.Unmarshal(raw, &truth); err != nil {
		return err
	}
	ids := make([]string, 0, len(truth))
	for id := range truth {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	type pred struct {
		ArticleBody string `json:"articleBody"`
	}
	preds := map[string]pred{}
	type page struct {
		input  string
		isHTML bool
	}
	pages := make([]page, len(ids))
	var bytesIn int
	for i, id := range ids {
		input, isHTML, err := readPage(data, id)
		if err != nil {
			return err
		}
		pages[i] = page{input, isHTML}
		bytesIn += len(input)
	}
	var total, cpuBest time.Duration
	for pass := 0; pass < max(repeat, 1); pass++ {
		var t time.Duration
		c0 := cputime.Used()
		for i, id := range ids {
			t0 := time.Now()
			body, err := extractors.Extract(engine, pages[i].input, pages[i].isHTML)
			t += time.Since(t0)
			if err != nil && pass == 0 {
				fmt.Fprintf(os.Stderr, "%s: %v\n", id, err)
			}
			preds[id] = pred{body}
		}
		if pass == 0 || t < total {
			total = t
		}
		if c := cputime.Used() - c0; pass == 0 || c < cpuBest {
			cpuBest = c
		}
	}
	cpuRate := 0.0
	if cpuBest > 0 {
		cpuRate = float64(len(ids)) / cpuBest.Seconds()
	}
	fmt.Fprintf(os.Stderr, "extract_ms=%.1f pages=%d pages_per_s=%.1f cpu_pages_per_s=%.1f MB=%.1f\n",
		float64(total.Microseconds())/1000, len(ids), float64(len(ids))/total.Seconds(), cpuRate, float64(bytesIn)/(1<<20))
	b, err := json.Marshal(map[string]any{"version": engine, "output": preds})
	if err != nil {
		return err
	}
	return os.WriteFile(out, b, 0o644)
}

// readPage returns a page's HTML (html/ID.html.gz) or pasted text (text/ID.txt).
func readPage(data, id string) (string, bool, error) {
	if b, err := os.ReadFile(filepath.Join(data, "text", id+".txt")); err == nil {
		return string(b), false, nil
	}
	p := filepath.Join(data, "html", id+".html.gz")
	f, err := os.Open(p)
	if err != nil {
		b, err2 := os.ReadFile(filepath.Join(data, "html", id+".html"))
		return string(b), true, err2
	}
	defer f.Close()
	z, err := gzip.NewReader(f)
	if err != nil {
		return "", true, err
	}
	b, err := io.ReadAll(z)
	return string(b), true, err
}

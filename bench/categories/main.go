// Command categories is the classifier side of bench/categories.sh.
//
//	categories                 read one text per line on stdin, print its best
//	                           label and probability ("Sports\t0.97") per line:
//	                           the "lines" protocol of ../shared/tools/eval_categories.mjs.
//	                           The best label is printed even when lede would call
//	                           the text uncertain; a text the model knows none of
//	                           the words of prints "Uncertain".
//	categories -heldout DIR    write the held-out (test) rows of the training data to
//	                           DIR/agnews-test.csv (AG's format and classes) and
//	                           DIR/huffpost-test.jsonl (labels mapped to lede's taxonomy,
//	                           left-out classes dropped), for the scorer.
//	categories -time DIR       time classification of those rows, and of longer
//	                           articles, in this process (native or wasm).
//	categories -load           time the first use of the embedded model (its load)
//	                           and the first headline, and the memory they allocate.
package main

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/lede-news/lede/bench/internal/cputime"
	"github.com/lede-news/lede/internal/category"
	"github.com/lede-news/lede/internal/category/corpus"
)

func main() {
	heldout := flag.String("heldout", "", "write the held-out rows to this folder")
	timing := flag.String("time", "", "time classification of the held-out rows in this folder")
	data := flag.String("data", "../shared/data/categories", "the training data folder")
	load := flag.Bool("load", false, "time the model's load (the first use in this process)")
	flag.Parse()
	var err error
	switch {
	case *load:
		err = timeLoad()
	case *heldout != "":
		err = writeHeldout(*data, *heldout)
	case *timing != "":
		err = timeIt(*timing)
	default:
		err = classify()
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "categories:", err)
		os.Exit(1)
	}
}

func classify() error {
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 1<<26)
	out := bufio.NewWriter(os.Stdout)
	for in.Scan() {
		dist := category.Distribution(in.Text())
		if len(dist) == 0 {
			fmt.Fprintln(out, "Uncertain")
			continue
		}
		fmt.Fprintf(out, "%s\t%.4f\n", dist[0].Name, dist[0].Score)
	}
	if err := in.Err(); err != nil {
		return err
	}
	return out.Flush()
}

func writeHeldout(data, dir string) error {
	ag, err := corpus.ReadAGNews(filepath.Join(data, "agnews", "train.csv"), corpus.AGNewsClasses)
	if err != nil {
		return err
	}
	f, err := os.Create(filepath.Join(dir, "agnews-test.csv"))
	if err != nil {
		return err
	}
	w := csv.NewWriter(f)
	for _, r := range ag {
		if r.Split != corpus.Test {
			continue
		}
		k := slices.Index(corpus.AGNewsClasses, r.Class) + 1
		body := strings.TrimPrefix(strings.TrimPrefix(r.Text, r.Title), "\n")
		w.Write([]string{fmt.Sprint(k), r.Title, body})
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	hp, err := corpus.ReadJSONL(filepath.Join(data, "huffpost", "headlines.jsonl"), "huffpost")
	if err != nil {
		return err
	}
	m := corpus.DefaultMapping()
	f, err = os.Create(filepath.Join(dir, "huffpost-test.jsonl"))
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(f)
	enc := json.NewEncoder(bw)
	for _, r := range hp {
		ls, ok := m.Targets(r)
		if r.Split != corpus.Test || !ok || len(ls) != 1 {
			continue
		}
		enc.Encode(map[string]string{"text": r.Text, "label": ls[0], "source_label": r.Class})
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return f.Close()
}

// timeIt classifies every held-out text, and articles made of 20 AG News
// rows each (about 5 KB, a long news article), five times over, and prints
// the best run's time per text (wall clock, and CPU time, which a loaded
// machine disturbs far less), and its ratio to a baseline timed in the
// same run (splitting the same texts into lower-cased words), which is
// steadier than the absolute time on a shared machine.
func timeIt(dir string) error {
	var headlines, snippets []string
	f, err := os.Open(filepath.Join(dir, "huffpost-test.jsonl"))
	if err != nil {
		return err
	}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var o struct{ Text string }
		if json.Unmarshal(sc.Bytes(), &o) == nil {
			headlines = append(headlines, o.Text)
		}
	}
	f.Close()
	f, err = os.Open(filepath.Join(dir, "agnews-test.csv"))
	if err != nil {
		return err
	}
	recs, err := csv.NewReader(f).ReadAll()
	f.Close()
	if err != nil {
		return err
	}
	for _, r := range recs {
		snippets = append(snippets, r[1]+"\n"+r[2])
	}
	var articles []string
	for i := 0; i+20 <= len(snippets); i += 20 {
		articles = append(articles, strings.Join(snippets[i:i+20], "\n"))
	}
	category.Classify("warm up: decode the model once")
	fmt.Printf("| texts | count | mean bytes | µs per text (best of 5) | CPU µs per text (best of 5) | × baseline |\n| --- | --- | --- | --- | --- | --- |\n")
	for _, set := range []struct {
		name  string
		texts []string
	}{{"HuffPost headlines", headlines}, {"AG News title + snippet", snippets}, {"articles (20 AG rows, one paragraph each)", articles}} {
		bytes := 0
		for _, t := range set.texts {
			bytes += len(t)
		}
		best, base, bestCPU := time.Duration(1<<62), time.Duration(1<<62), time.Duration(1<<62)
		sink := 0
		for run := 0; run < 5; run++ {
			start, startCPU := time.Now(), cputime.Used()
			for _, t := range set.texts {
				category.Classify(t)
			}
			best = min(best, time.Since(start))
			bestCPU = min(bestCPU, cputime.Used()-startCPU)
			// baseline: the least any word-based classifier does, split the
			// text into lower-cased words
			start = time.Now()
			for _, t := range set.texts {
				sink += len(strings.Fields(strings.ToLower(t)))
			}
			base = min(base, time.Since(start))
		}
		n := float64(max(len(set.texts), 1))
		fmt.Printf("| %s | %d | %d | %.1f | %.1f | %.1f |\n", set.name, len(set.texts), bytes/max(len(set.texts), 1),
			float64(best.Nanoseconds())/1e3/n, float64(bestCPU.Nanoseconds())/1e3/n, float64(best)/float64(max(base, 1)))
		_ = sink
	}
	return nil
}

// timeLoad times the first category.Default (the model's load: nothing
// else in this process has used the model) and the first headline after
// it, and the bytes they allocate.
func timeLoad() error {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	if _, err := category.Default(); err != nil {
		return err
	}
	loaded := time.Now()
	category.Classify("Fed raises interest rates by a quarter point as inflation lingers")
	done := time.Now()
	runtime.ReadMemStats(&after)
	fmt.Printf("load %.3f ms, first headline %.3f ms, %d KB allocated\n", float64(loaded.Sub(start).Nanoseconds())/1e6,
		float64(done.Sub(loaded).Nanoseconds())/1e6, (after.TotalAlloc-before.TotalAlloc)/1024)
	return nil
}

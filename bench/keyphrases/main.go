// Command keyphrases is lede's side of the keyphrase benchmark
// (bench/keyphrases.sh). It speaks the --batch protocol of
// ../shared/tools/eval_keyphrases.mjs: it reads file paths on stdin, one per
// line, and prints each file's ranked keyphrases, one per line, then an
// empty line.
//
//	go run ./bench/keyphrases [-mode engine|stage|paras] [-n 20] [-options JSON] [-hand] [-kind] < paths
//	go run ./bench/keyphrases -speed DIR   (timings over DIR/*.txt)
//
// -mode engine (the default) runs the whole engine on the file, as a user
// pasting it would. -mode stage isolates the keyphrase stage from article
// extraction: it reads the benchmark's layout (the headline on the first
// line, then the body) itself and runs segmentation, tagging, entities and
// keyphrases on it. -options overrides keyphrase.Defaults() (for tuning);
// -hand ranks by the hand method alone (keyphrase.Extract) instead of the
// learned model the engine ships (keyphrase.ExtractLearned), for comparison.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/lede-news/lede/internal/doc"
	"github.com/lede-news/lede/internal/engine"
	"github.com/lede-news/lede/internal/keyphrase"
	"github.com/lede-news/lede/internal/pos"
	"github.com/lede-news/lede/internal/summary"
)

func main() {
	n := flag.Int("n", 20, "keyphrases to print per document")
	mode := flag.String("mode", "engine", "engine: the whole engine; stage: headline + body read here, then the analysis passes; paras: stage, an indented body a block a line")
	tune := flag.String("options", "", "override keyphrase options, as JSON (for tuning)")
	hand := flag.Bool("hand", false, "rank by the hand method alone (keyphrase.Extract), not the learned model the engine ships")
	kinds := flag.Bool("kind", false, "print each phrase's kind (name or topic) after a tab: for reading, not for the scorer")
	speedDir := flag.String("speed", "", "time the passes over every DIR/*.txt instead")
	tuneSets := flag.String("tune", "", "for cross-validation (bench/keyphrases/cv.mjs): comma-separated data set folders, read once; then one options JSON a line on stdin, answered by every document's keyphrases")
	flag.Parse()
	if *tuneSets != "" {
		if err := tuneServe(strings.Split(*tuneSets, ","), *n, *mode); err != nil {
			fmt.Fprintln(os.Stderr, "keyphrases:", err)
			os.Exit(1)
		}
		return
	}
	if *speedDir != "" {
		if err := speed(*speedDir); err != nil {
			fmt.Fprintln(os.Stderr, "keyphrases:", err)
			os.Exit(1)
		}
		return
	}
	opt := keyphrase.Defaults()
	if *tune != "" {
		if err := json.Unmarshal([]byte(*tune), &opt); err != nil {
			fmt.Fprintln(os.Stderr, "keyphrases: -options:", err)
			os.Exit(2)
		}
	}
	if *mode != "engine" && *mode != "stage" && *mode != "paras" {
		fmt.Fprintln(os.Stderr, "keyphrases: -mode is engine, stage or paras")
		os.Exit(2)
	}
	in := bufio.NewScanner(os.Stdin)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	for in.Scan() {
		path := strings.TrimSpace(in.Text())
		if path == "" {
			continue
		}
		text, err := os.ReadFile(path)
		if err != nil {
			fmt.Fprintln(os.Stderr, "keyphrases:", err)
			fmt.Fprintln(out)
			continue
		}
		d, err := read(string(text), *mode)
		if err != nil {
			fmt.Fprintf(os.Stderr, "keyphrases: %s: %v\n", path, err)
		}
		if d != nil {
			if *hand {
				d.Keyphrases = keyphrase.Extract(d, opt)
			} else if *tune != "" || *mode != "engine" {
				d.Keyphrases = keyphrase.ExtractLearned(d, opt)
			}
			for i, p := range d.Keyphrases {
				if i == *n {
					break
				}
				if *kinds {
					kind := "topic"
					if p.Name {
						kind = "name"
					}
					fmt.Fprintf(out, "%s\t%s\n", strings.Join(strings.Fields(p.Text), " "), kind)
					continue
				}
				fmt.Fprintln(out, strings.Join(strings.Fields(p.Text), " "))
			}
		}
		fmt.Fprintln(out)
		out.Flush()
	}
}

// read builds a benchmark file's document as mode says: the whole engine
// (engine), or the benchmark's layout read here (stage; paras, a block a
// line of an indented body: engine.Stage).
func read(text, mode string) (*doc.Document, error) {
	if mode == "engine" {
		return engine.Document(text, engine.Options{Input: "text"})
	}
	return engine.Stage(text, mode == "paras"), nil
}

// tuneServe prepares every document of the sets once (the stage layout, or
// the whole engine with mode "engine", as a user pasting the file), then, for each line of options JSON on stdin, prints one JSON line per
// document, {"set","id","p":[phrases]}, and a line "." after the last. The
// scoring and the choice of settings are cv.mjs's.
func tuneServe(sets []string, n int, mode string) error {
	type item struct {
		set, id string
		d       *doc.Document
	}
	var items []item
	for _, dir := range sets {
		paths, err := filepath.Glob(filepath.Join(dir, "docs", "*.txt"))
		if err != nil || len(paths) == 0 {
			return fmt.Errorf("no documents in %s/docs", dir)
		}
		for _, p := range paths {
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			d, err := read(string(b), mode)
			if err != nil {
				return fmt.Errorf("%s: %v", p, err)
			}
			items = append(items, item{filepath.Base(dir), strings.TrimSuffix(filepath.Base(p), ".txt"), d})
		}
	}
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 1<<20)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	for in.Scan() {
		// the options of the hand method (whose scores are features of the
		// learned model), and "Learned": true to rank by the learned model
		// as the engine does
		set := struct {
			keyphrase.Options
			Learned bool
		}{Options: keyphrase.Defaults()}
		if err := json.Unmarshal(in.Bytes(), &set); err != nil {
			return fmt.Errorf("options %q: %v", in.Text(), err)
		}
		opt := set.Options
		opt.Max = max(opt.Max, n)
		extract := keyphrase.Extract
		if set.Learned {
			extract = keyphrase.ExtractLearned
		}
		for _, it := range items {
			var ps []string
			for _, p := range extract(it.d, opt) {
				ps = append(ps, p.Text)
			}
			b, _ := json.Marshal(map[string]any{"set": it.set, "id": it.id, "p": ps})
			out.Write(append(b, '\n'))
		}
		fmt.Fprintln(out, ".")
		out.Flush()
	}
	return in.Err()
}

// speed prints documents per second for the keyphrase and summary passes
// alone (on documents already segmented, tagged and annotated with
// entities), for the tagger, and for the whole engine.
func speed(dir string) error {
	paths, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(paths) == 0 {
		return fmt.Errorf("no .txt files in %s", dir)
	}
	var texts []string
	var docs []*doc.Document
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		texts = append(texts, string(b))
		docs = append(docs, engine.Stage(string(b), false))
	}
	tokens := 0
	for _, d := range docs {
		tokens += len(d.Tokens)
	}
	rate := func(name string, f func()) {
		f() // warm up: lazy model loading is not counted
		start := time.Now()
		rounds := 0
		for time.Since(start) < 2*time.Second || rounds == 0 {
			f()
			rounds++
		}
		el := time.Since(start).Seconds()
		fmt.Printf("%-34s %8.1f docs/s  %10.0f tokens/s\n", name, float64(rounds*len(docs))/el, float64(rounds*tokens)/el)
	}
	fmt.Printf("%d documents, %d tokens\n", len(docs), tokens)
	rate("pos.Tag", func() {
		for _, d := range docs {
			pos.Tag(d)
		}
	})
	rate("keyphrase.Annotate", func() {
		for _, d := range docs {
			keyphrase.Annotate(d)
		}
	})
	rate("keyphrase.Extract (hand method)", func() {
		for _, d := range docs {
			keyphrase.Extract(d, keyphrase.Defaults())
		}
	})
	rate("summary.Annotate", func() {
		for _, d := range docs {
			summary.Annotate(d)
		}
	})
	rate("engine.Document (all passes)", func() {
		for _, t := range texts {
			engine.Document(t, engine.Options{Input: "text"})
		}
	})
	return nil
}

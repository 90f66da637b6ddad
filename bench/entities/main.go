// Command entities is lede's side of the CoNLL-2003 entity benchmark
// (bench/entities.sh). It speaks the JSON-lines protocol of
// ../shared/tools/eval_ner.mjs: one {"id","text"} request a line on stdin,
// one {"id","entities":[{start,end,type,text}]} answer a line on stdout, byte
// offsets (--offsets utf8). Each text goes through the passes the engine runs
// on plain text — one body block, segment, pos, entity — so the score is what
// a user gets from the sentence text, not from gold tokens.
//
//	entities                  serve the protocol
//	entities -alone           serve it, each sentence of a text tagged as a text
//	                          of its own (no history, no document pass)
//	entities -speed FILE      time the passes over a CoNLL file's text
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"strings"
	"time"

	"github.com/lede-news/lede/bench/internal/cputime"
	"github.com/lede-news/lede/internal/doc"
	"github.com/lede-news/lede/internal/entity"
	"github.com/lede-news/lede/internal/pos"
	"github.com/lede-news/lede/internal/segment"
)

var typeNames = [...]string{doc.Person: "PER", doc.Place: "LOC", doc.Organization: "ORG", doc.Other: "MISC"}

func main() {
	speed := flag.String("speed", "", "CoNLL file whose sentences are timed instead of serving the protocol")
	rounds := flag.Int("n", 3, "rounds over the file with -speed")
	prof := flag.String("cpuprofile", "", "write a CPU profile of the -speed run to this file")
	alone := flag.Bool("alone", false, "tag each sentence of a text as a text of its own, to see what the document-level pass and the prediction history change")
	flag.Parse()
	if *speed != "" {
		if *prof != "" {
			f, err := os.Create(*prof)
			if err != nil {
				fmt.Fprintln(os.Stderr, "entities:", err)
				os.Exit(1)
			}
			pprof.StartCPUProfile(f)
			defer pprof.StopCPUProfile()
		}
		if err := timeIt(*speed, *rounds); err != nil {
			fmt.Fprintln(os.Stderr, "entities:", err)
			os.Exit(1)
		}
		return
	}
	if _, err := entity.Embedded(); err != nil {
		fmt.Fprintln(os.Stderr, "entities:", err)
		os.Exit(1)
	}
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 64<<20)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	enc := json.NewEncoder(out)
	type ent struct {
		Start int    `json:"start"`
		End   int    `json:"end"`
		Type  string `json:"type"`
		Text  string `json:"text"`
	}
	for in.Scan() {
		var req struct {
			ID   json.RawMessage `json:"id"`
			Text string          `json:"text"`
		}
		if err := json.Unmarshal(in.Bytes(), &req); err != nil {
			fmt.Fprintln(os.Stderr, "entities: bad request line:", err)
			continue
		}
		ents := []ent{}
		add := func(d *doc.Document, shift int) {
			for _, e := range d.Entities {
				for _, m := range e.Mentions {
					ents = append(ents, ent{m.Start + shift, m.End + shift, typeNames[e.Type], m.Of(d.Text)})
				}
			}
		}
		if *alone {
			for _, s := range segmented(req.Text).Sentences {
				add(analyse(s.Of(req.Text)), s.Start)
			}
		} else {
			add(analyse(req.Text), 0)
		}
		enc.Encode(struct {
			ID       json.RawMessage `json:"id"`
			Entities []ent           `json:"entities"`
		}{req.ID, ents})
	}
}

// analyse runs the engine's passes for plain text on one block.
func analyse(text string) *doc.Document {
	d := segmented(text)
	pos.Tag(d)
	entity.Annotate(d)
	return d
}

// segmented is text as one body block (its surrounding space left out),
// split into sentences and tokens: what analyse tags, and what -alone
// splits into sentences to tag one by one.
func segmented(text string) *doc.Document {
	d := &doc.Document{Text: text}
	if t := strings.TrimSpace(text); t != "" {
		off := strings.Index(text, t)
		d.Blocks = []doc.Block{{Span: doc.Span{Start: off, End: off + len(t)}, Role: doc.Body}}
	}
	segment.Segment(d)
	return d
}

// timeIt measures sentences per second of the entity pass alone (on
// documents already segmented and tagged) and of segment+pos+entity, over
// the sentences of a CoNLL file joined with spaces, one document per
// -DOCSTART- block as an article would come.
func timeIt(path string, rounds int) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var texts []string
	var sents []string
	var cur []string
	nSent := 0
	flushSent := func() {
		if len(cur) > 0 {
			sents = append(sents, strings.Join(cur, " "))
			cur = cur[:0]
			nSent++
		}
	}
	flushDoc := func() {
		flushSent()
		if len(sents) > 0 {
			texts = append(texts, strings.Join(sents, "\n"))
			sents = nil
		}
	}
	for _, line := range strings.Split(string(b), "\n") {
		f := strings.Fields(line)
		switch {
		case len(f) == 0:
			flushSent()
		case f[0] == "-DOCSTART-":
			flushDoc()
		default:
			cur = append(cur, f[0])
		}
	}
	flushDoc()
	if nSent == 0 {
		return fmt.Errorf("%s: no sentences", path)
	}
	// the first call decodes the embedded model: what a page's first
	// analysis pays once
	var m0, m1 runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&m0)
	t0 := time.Now()
	m, err := entity.Embedded()
	if err != nil {
		return err
	}
	load := time.Since(t0)
	runtime.GC()
	runtime.ReadMemStats(&m1)
	runtime.KeepAlive(m)
	fmt.Printf("| entity model load (first call) | %.3f ms | %.1f MB heap |\n", load.Seconds()*1000, float64(m1.HeapAlloc-m0.HeapAlloc)/(1<<20))
	t0 = time.Now()
	pos.TagWords([]string{"load"}) // the first call loads the POS model
	fmt.Printf("| pos model load and one word (first call) | %.3f ms | |\n", time.Since(t0).Seconds()*1000)
	// documents with one block per line, segmented and POS-tagged once
	docs := make([]*doc.Document, len(texts))
	for i, t := range texts {
		d := doc.NewText(t)
		segment.Segment(d)
		pos.Tag(d)
		docs[i] = d
	}
	segSents := 0
	for _, d := range docs {
		segSents += len(d.Sentences)
	}
	for _, d := range docs { // warm up (wasm engines compile hot code on first use)
		entity.Annotate(d)
	}
	// each round is timed on its own and the fastest is reported: on a
	// shared machine the slowest rounds measure the neighbours
	best := func(pass func(d *doc.Document)) (wall, cpu time.Duration) {
		for r := range rounds {
			start, cpu0 := time.Now(), cputime.Used()
			for _, d := range docs {
				pass(d)
			}
			w, c := time.Since(start), cputime.Used()-cpu0
			if r == 0 || w < wall {
				wall = w
			}
			if r == 0 || c < cpu {
				cpu = c
			}
		}
		return wall, cpu
	}
	ent, entCPU := best(entity.Annotate)
	tag, tagCPU := best(pos.Tag)
	all, allCPU := best(func(d *doc.Document) {
		segment.Segment(d)
		pos.Tag(d)
		entity.Annotate(d)
	})
	rate := func(d time.Duration) string {
		if d <= 0 {
			return "n/a"
		}
		return fmt.Sprintf("%.0f", float64(segSents)/d.Seconds())
	}
	fmt.Printf("| %d sentences, best of %d | entity pass | %s/s wall | %s/s CPU |\n", segSents, rounds, rate(ent), rate(entCPU))
	fmt.Printf("| %d sentences, best of %d | pos pass | %s/s wall | %s/s CPU |\n", segSents, rounds, rate(tag), rate(tagCPU))
	fmt.Printf("| %d sentences, best of %d | segment+pos+entity | %s/s wall | %s/s CPU |\n", segSents, rounds, rate(all), rate(allCPU))
	return nil
}

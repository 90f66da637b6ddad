// Command train-idf counts the background document frequencies that
// package keyphrase uses to tell a topical word from a common one, and
// writes internal/keyphrase/idf.bin.
//
//	go run ./cmd/train-idf [-data ../shared/data]
//
// The background is general news that is not the keyphrase benchmark: the
// AG News training subset (headline + snippet per document), the HuffPost
// headlines and the CoNLL-2003 English training articles. Documents are read
// in file order and words are sorted before the table is built, so the
// output is the same byte for byte on every run. See docs/models/idf.md.
package main

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/lede-news/lede/internal/doc"
	"github.com/lede-news/lede/internal/keyphrase"
	"github.com/lede-news/lede/internal/segment"
)

func main() {
	data := flag.String("data", "../shared/data", "the shared data folder")
	out := flag.String("out", "internal/keyphrase/idf.bin", "table to write")
	minDF := flag.Int("min-df", 6, "leave out words seen in fewer documents (they read as unseen)")
	levels := flag.Int("levels", 16, "round each idf to one of this many values (at most 256)")
	load := flag.Float64("load", 0.5, "fill the hash table's slots at most this much")
	flag.Parse()
	if err := run(*data, *out, *minDF, *levels, *load); err != nil {
		fmt.Fprintln(os.Stderr, "train-idf:", err)
		os.Exit(1)
	}
}

type counter struct {
	df   map[string]int
	n    int
	seen map[string]bool
}

// add counts one document: every distinct word Key once.
func (c *counter) add(text string) {
	d := &doc.Document{Text: text, Blocks: []doc.Block{{Span: doc.Span{Start: 0, End: len(text)}}}}
	segment.Segment(d)
	clear(c.seen)
	for i, t := range d.Tokens {
		if t.Kind != doc.Word {
			continue
		}
		k := keyphrase.Key(d.TokenText(i))
		if k != "" && !c.seen[k] {
			c.seen[k] = true
			c.df[k]++
		}
	}
	c.n++
}

func run(data, out string, minDF, levels int, load float64) error {
	c := &counter{df: map[string]int{}, seen: map[string]bool{}}
	// AG News: class, title, description
	f, err := os.Open(filepath.Join(data, "categories/agnews/train.csv"))
	if err != nil {
		return fmt.Errorf("%v (the background text lives in ../shared/data)", err)
	}
	r := csv.NewReader(f)
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		if len(rec) >= 3 {
			c.add(rec[1] + ". " + strings.ReplaceAll(rec[2], "#39;", "'"))
		}
	}
	f.Close()
	agnews := c.n
	// HuffPost: one JSON object a line with a "text" headline
	f, err = os.Open(filepath.Join(data, "categories/huffpost/headlines.jsonl"))
	if err != nil {
		return err
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var h struct{ Text string }
		if json.Unmarshal(sc.Bytes(), &h) == nil && h.Text != "" {
			c.add(h.Text)
		}
	}
	f.Close()
	huffpost := c.n - agnews
	// CoNLL-2003: one document per -DOCSTART-, tokens joined by spaces
	f, err = os.Open(filepath.Join(data, "ner/conll2003/eng.train"))
	if err != nil {
		return err
	}
	var b strings.Builder
	sc = bufio.NewScanner(f)
	flush := func() {
		if b.Len() > 0 {
			c.add(b.String())
			b.Reset()
		}
	}
	for sc.Scan() {
		fs := strings.Fields(sc.Text())
		if len(fs) == 0 {
			continue
		}
		if fs[0] == "-DOCSTART-" {
			flush()
			continue
		}
		b.WriteString(fs[0])
		b.WriteByte(' ')
	}
	flush()
	f.Close()
	conll := c.n - agnews - huffpost
	keys := make([]string, 0, len(c.df))
	for k := range c.df {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	table := keyphrase.EncodeIDF(keys, c.df, c.n, minDF, levels, load)
	if _, err := keyphrase.DecodeIDF(table); err != nil {
		return err
	}
	kept := 0
	for _, k := range keys {
		if c.df[k] >= max(minDF, 2) {
			kept++
		}
	}
	fmt.Printf("%d documents (AG News %d, HuffPost %d, CoNLL-2003 %d); %d words, %d seen in %d+ documents; table %d bytes\n",
		c.n, agnews, huffpost, conll, len(keys), kept, max(minDF, 2), len(table))
	return os.WriteFile(out, table, 0o644)
}

// Command language checks lede's language identification on English news
// (bench/language.sh): every document of the English benchmarks should be
// read as English, and no English paragraph should be skipped as foreign.
//
//	go run ./bench/language [-data ../shared/data] [-show-und]
//
// Each document goes through article extraction (as a paste would) and
// package lang, exactly as in the engine. CoNLL-2003 documents are their
// sentences, detokenised, one per line.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/lede-news/lede/internal/article"
	"github.com/lede-news/lede/internal/doc"
	"github.com/lede-news/lede/internal/lang"
)

func main() {
	data := flag.String("data", "../shared/data", "the shared data folder")
	showUnd := flag.Bool("show-und", false, "also print the first undetermined documents of each set")
	flag.Parse()
	sets := []struct {
		name string
		docs func() ([]string, error)
	}{
		{"DUC-2001 (keyphrases/duc2001/docs)", glob(*data, "keyphrases/duc2001/docs/*.txt")},
		{"500N-KPCrowd dev (keyphrases/500n-kpcrowd-dev/docs)", glob(*data, "keyphrases/500n-kpcrowd-dev/docs/*.txt")},
		{"pasted pages (article-extraction/dev-pasted/text)", glob(*data, "article-extraction/dev-pasted/text/*.txt")},
		{"CoNLL-2003 eng.train, per document", conll(filepath.Join(*data, "ner/conll2003/eng.train"))},
		{"CoNLL-2003 eng.testa, per document", conll(filepath.Join(*data, "ner/conll2003/eng.testa"))},
	}
	fmt.Println("| set | documents | language: en | und | another (codes) | documents skipped as foreign | paragraphs | paragraphs skipped | µs per document |")
	fmt.Println("|---|---:|---:|---:|---|---:|---:|---:|---:|")
	var examples []string
	for _, s := range sets {
		docs, err := s.docs()
		if err != nil || len(docs) == 0 {
			fmt.Printf("| %s | skipped: %v |\n", s.name, err)
			continue
		}
		var en, und, paras, skipped, docsSkipped int
		other := map[string]int{}
		var spent time.Duration
		for _, text := range docs {
			d, err := article.Parse(text, article.Auto)
			if err != nil {
				continue
			}
			t0 := time.Now()
			lang.Annotate(d)
			foreign := d.Skipped
			spent += time.Since(t0)
			switch d.Language.Code {
			case "en":
				en++
			case lang.Undetermined:
				und++
				if *showUnd && und <= 6 {
					examples = append(examples, fmt.Sprintf("undetermined (%d bytes): %.300q", len(text), text))
				}
			default:
				other[d.Language.Code]++
			}
			all, any := true, false
			for i, b := range d.Blocks {
				if b.Role == doc.Boilerplate {
					continue
				}
				any = true
				if foreign == nil || !foreign[i] {
					all = false
				}
			}
			if any && all {
				docsSkipped++
				examples = append(examples, fmt.Sprintf("document skipped as %s (%.2f): %.100q", d.Language.Code, d.Language.Confidence, text))
			}
			for i, b := range d.Blocks {
				if b.Role == doc.Boilerplate {
					continue
				}
				paras++
				if foreign != nil && foreign[i] {
					skipped++
					if !all {
						examples = append(examples, fmt.Sprintf("paragraph read as %s (%.2f): %.100q", d.BlockLanguages[i].Code, d.BlockLanguages[i].Confidence, b.Of(d.Text)))
					}
				}
			}
		}
		codes := make([]string, 0, len(other))
		n := 0
		for c, k := range other {
			codes = append(codes, fmt.Sprintf("%s %d", c, k))
			n += k
		}
		sort.Strings(codes)
		fmt.Printf("| %s | %d | %d | %d | %d (%s) | %d | %d | %d | %.0f |\n", s.name, len(docs), en, und, n, strings.Join(codes, ", "), docsSkipped, paras, skipped,
			float64(spent.Microseconds())/float64(len(docs)))
	}
	for _, e := range examples {
		fmt.Println("  ", e)
	}
}

func glob(data, pattern string) func() ([]string, error) {
	return func() ([]string, error) {
		files, err := filepath.Glob(filepath.Join(data, pattern))
		if err != nil {
			return nil, err
		}
		if len(files) == 0 {
			return nil, fmt.Errorf("no %s", pattern)
		}
		sort.Strings(files)
		var out []string
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				return nil, err
			}
			out = append(out, string(b))
		}
		return out, nil
	}
}

// conll reads a CoNLL-2003 file as documents of detokenised sentences.
func conll(path string) func() ([]string, error) {
	return func() ([]string, error) {
		f, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		var docs []string
		var cur, sent []string
		flush := func() {
			if len(sent) > 0 {
				cur = append(cur, detok(sent))
				sent = nil
			}
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			line := sc.Text()
			switch {
			case strings.HasPrefix(line, "-DOCSTART-"):
				flush()
				if len(cur) > 0 {
					docs = append(docs, strings.Join(cur, "\n"))
				}
				cur = nil
			case strings.TrimSpace(line) == "":
				flush()
			default:
				sent = append(sent, strings.Fields(line)[0])
			}
		}
		flush()
		if len(cur) > 0 {
			docs = append(docs, strings.Join(cur, "\n"))
		}
		return docs, sc.Err()
	}
}

// detok joins tokens with spaces, without one before closing punctuation.
func detok(toks []string) string {
	var b strings.Builder
	for i, t := range toks {
		if i > 0 && !strings.Contains(".,;:!?)'%", t[:1]) && !strings.HasPrefix(t, "'") {
			b.WriteByte(' ')
		}
		b.WriteString(t)
	}
	return b.String()
}

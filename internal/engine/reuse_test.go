package engine

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/lede-news/lede/internal/report"
)

// reuseInputs are articles of different lengths and kinds: the passes keep
// buffers, maps and whole taggers between documents (pools), and a long
// one's memory is let go past their limits, so each input is one a pooled
// state has seen something else before.
func reuseInputs(t *testing.T) []string {
	t.Helper()
	inputs := []string{
		"South Korean President Lee Jae Myung will meet U.S. President Donald Trump in Gyeongju. Trump and Lee spoke.\n\nThe Korea Development Bank and the International Monetary Fund met in São Paulo on Monday, officials said.",
		"GERMANY BEAT RUSSIA 2-1 IN MOSCOW\n\nMeanwhile, Additionally and Furthermore: Trump spoke. \"We won,\" said coach Hans Flick. Meanwhile Lee left.",
		"<html><head><title>Ports close as storm nears</title></head><body><article><h1>Ports close as storm nears</h1><p>The Port of Rotterdam and Antwerp closed on Friday, said Maria van Dijk of the Dutch coast guard.</p><p>\"It is the worst in a decade,\" she said. Shipping firm Maersk cut 12% of sailings.</p></article></body></html>",
		"Officials met in Berlin on Monday.",
	}
	for _, rel := range []string{"../api/testdata/article.txt", "../keyphrase/testdata/harbour.txt"} {
		b, err := os.ReadFile(rel)
		if err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, string(b))
	}
	if b, err := os.ReadFile(filepath.Join("..", "..", "..", "shared", "samples", "korea-us-summit.txt")); err == nil {
		inputs = append(inputs, string(b))
	}
	// a long article: more distinct names and tokens than any pool keeps
	syl := []string{"Ka", "Lo", "Mi", "Ne", "Ru", "Sa", "Te", "Vo", "Zi", "Ba", "Do", "Fe"}
	var b strings.Builder
	b.WriteString("Council names thousands of delegates\n\n")
	for i := range 5000 {
		first := syl[i%12] + strings.ToLower(syl[i/12%12])
		last := syl[i/144%12] + strings.ToLower(syl[i/7%12]) + "ski"
		b.WriteString(first + " " + last + " met officials of the " + last + " Group in " + syl[i%5] + "ville. ")
		if i%20 == 19 {
			b.WriteString("\n\n")
		}
	}
	return append(inputs, b.String())
}

// TestReuseAndConcurrency checks that an article's report does not depend on
// what the pooled state analysed before it, nor on what other goroutines
// analyse at the same time (the HTTP server analyses concurrently): every
// report, byte for byte, as in one run after another.
func TestReuseAndConcurrency(t *testing.T) {
	inputs := reuseInputs(t)
	want := make([][]byte, len(inputs))
	for i, in := range inputs {
		want[i] = AnalyzeJSON(in, "")
		if bytes.Contains(want[i][:min(len(want[i]), 20)], []byte(`"error"`)) {
			t.Fatalf("input %d: %s", i, want[i])
		}
	}
	// each input again after every other, in reverse order
	for i := len(inputs) - 1; i >= 0; i-- {
		if got := AnalyzeJSON(inputs[i], ""); !bytes.Equal(got, want[i]) {
			t.Errorf("input %d analysed after others: the report differs from its first", i)
		}
	}
	// all at once, each goroutine in its own order
	const workers = 4
	var wg sync.WaitGroup
	errs := make(chan int, workers*len(inputs))
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range inputs {
				i := (k*(w+1) + w) % len(inputs)
				if got := AnalyzeJSON(inputs[i], ""); !bytes.Equal(got, want[i]) {
					errs <- i
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for i := range errs {
		t.Errorf("input %d analysed concurrently with others: the report differs", i)
	}
}

// TestReportsOutlivePools: a report still holds its own bytes after the
// pooled state that made it has analysed other inputs. TestReuseAndConcurrency
// marshals each report before the next analysis starts, so a report field
// that pointed into a pooled table (a slice or string the next document
// overwrites) would pass there; here every report is written out only after
// all the inputs, twice over, have been analysed.
func TestReportsOutlivePools(t *testing.T) {
	inputs := reuseInputs(t)
	want := make([][]byte, len(inputs))
	for i, in := range inputs {
		want[i] = AnalyzeJSON(in, "")
	}
	reps := make([]*report.Report, len(inputs))
	for i, in := range inputs {
		rep, err := Analyze(in, Options{})
		if err != nil {
			t.Fatalf("input %d: %v", i, err)
		}
		reps[i] = rep
	}
	for i := len(inputs) - 1; i >= 0; i-- {
		AnalyzeJSON(inputs[i], "")
	}
	for i, r := range reps {
		got, err := Marshal(r)
		if err != nil {
			t.Fatalf("input %d: %v", i, err)
		}
		if !bytes.Equal(got, want[i]) {
			t.Errorf("input %d: its report changed while other inputs were analysed", i)
		}
	}
}

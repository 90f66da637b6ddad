package engine

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lede-news/lede/internal/article"
	"github.com/lede-news/lede/internal/pos"
	"github.com/lede-news/lede/internal/report"
)

// TestTagReadSame holds tagRead to its promise: the report is the same as
// when every sentence is tagged. The inputs are the repository's test
// articles and pages, ../shared's samples when present, a paste whose
// related headlines carry figures, number words and dates, and a text
// longer than the keyphrase pass reads.
func TestTagReadSame(t *testing.T) {
	files, _ := filepath.Glob("../*/testdata/*.txt")
	html, _ := filepath.Glob("../*/testdata/*.html")
	shared, _ := filepath.Glob("../../../shared/samples/*.txt")
	inputs := []string{strings.Join([]string{
		"Seoul Strikes Deal on Tariffs",
		"South Korea will invest $350 billion in the United States, officials said on Wednesday. The first payment is due in two years.",
		"Dozens of firms welcomed the deal. Exports rose 3.5% in October.",
		"Trump Signs Executive Order Threatening 25% Tariffs on Countries Trading With Iran",
		"Five Things to Know About the Summit",
		"Japan Election Set for Sunday as Takaichi Seeks a Third Term",
		"Markets Turn Risk-Off Ahead of ECB Decision",
	}, "\n")}
	for _, f := range append(append(files, html...), shared...) {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, string(b))
	}
	// a text past the keyphrase pass's 20,000 words: the sentences after
	// them are tagged only where a figure may start
	long, err := os.ReadFile("../keyphrase/testdata/harbour.txt")
	if err != nil {
		t.Fatal(err)
	}
	inputs = append(inputs, strings.Repeat(string(long)+"\n", 25000/len(strings.Fields(string(long)))+1))
	skipped := 0
	for i, in := range inputs {
		d, err := Document(in, Options{})
		if err != nil {
			t.Fatalf("input %d: %v", i, err)
		}
		for _, s := range d.Sentences {
			if d.Tokens[s.First].Tag == "" {
				skipped++
			}
		}
		got, err := report.Build(d).JSON()
		if err != nil {
			t.Fatal(err)
		}
		// the same passes with every sentence tagged
		kind, err := checkInput(in, Options{})
		if err != nil {
			t.Fatal(err)
		}
		d, err = article.Parse(in, kind)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range anyLanguage {
			p.run(d)
		}
		englishOnly(d, func() {
			pos.Tag(d)
			for _, p := range english[1:] {
				p.run(d)
			}
		})
		want, err := report.Build(d).JSON()
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("input %d: the report differs with every sentence tagged\n got %.400s\nwant %.400s", i, got, want)
		}
	}
	if skipped == 0 {
		t.Error("no sentence was left untagged: the test checks nothing")
	}
}

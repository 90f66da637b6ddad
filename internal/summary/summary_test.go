package summary_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/lede-news/lede/internal/doc"
	"github.com/lede-news/lede/internal/engine"
	"github.com/lede-news/lede/internal/keyphrase"
	"github.com/lede-news/lede/internal/pos"
	"github.com/lede-news/lede/internal/segment"
	"github.com/lede-news/lede/internal/summary"
)

// build makes a document from a title and body paragraphs and runs the
// passes the summary needs.
func build(title string, paras ...string) *doc.Document {
	d := doc.FromParts(title, paras...)
	segment.Segment(d)
	pos.Tag(d)
	keyphrase.Annotate(d)
	return d
}

var bridge = []string{
	"The city council voted on Tuesday to spend $42 million on emergency repairs to the Harbour Bridge, after a safety review found corroded steel cables.",
	"Engineers from the transport department told councillors that the corroded cables could fail within five years if nothing is done.",
	"The city council voted on Tuesday to spend $42 million on emergency repairs to the Harbour Bridge, after a safety review found corroded cables.",
	"Local businesses warned that lane closures during the bridge repairs would cut trade in the harbour district, where sales are already falling.",
	"The weather was mild and sunny for most of the afternoon in the city.",
	"Opposition councillors questioned the cost of the repairs and asked why the corrosion of the bridge cables was not found earlier.",
	"Nobody was hurt.",
}

func TestSelect(t *testing.T) {
	tests := []struct {
		name     string
		d        *doc.Document
		min, max int
	}{
		{"article", build("Council Approves Harbour Bridge Repairs", bridge...), 2, 4},
		{"one sentence", build("", bridge[0]), 1, 1},
		{"only short lines", build("", "Nobody was hurt.", "Sales fell."), 0, 0},
		{"empty", &doc.Document{}, 0, 0},
		{"title only", build("Council Approves Harbour Bridge Repairs"), 0, 0},
		// a paragraph split mid-sentence leaves fragments; whole sentences win
		{"fragments", build("", "Wednesday that they plan to sue the bridge council over the repairs", bridge[0], bridge[3], "the council said that the bridge repairs would cost more than planned"), 2, 2},
	}
	for _, tt := range tests {
		got := summary.Select(tt.d)
		if len(got) < tt.min || len(got) > tt.max {
			t.Errorf("%s: %d sentences, want %d..%d", tt.name, len(got), tt.min, tt.max)
		}
		seen := map[int]bool{}
		for _, s := range got {
			if text := tt.d.Sentences[s].Of(tt.d.Text); tt.name == "fragments" && !strings.HasPrefix(text, "The ") && !strings.HasPrefix(text, "Local ") {
				t.Errorf("%s: fragment chosen: %q", tt.name, text)
			}
			if seen[s] {
				t.Errorf("%s: sentence %d twice", tt.name, s)
			}
			seen[s] = true
			if tt.d.Blocks[tt.d.Sentences[s].Block].Role != doc.Body {
				t.Errorf("%s: sentence %d is not from the body", tt.name, s)
			}
		}
	}
}

func TestCoverageWithoutRedundancy(t *testing.T) {
	d := build("Council Approves Harbour Bridge Repairs", bridge...)
	got := summary.Select(d)
	var texts []string
	for _, s := range got {
		texts = append(texts, d.Sentences[s].Of(d.Text))
	}
	joined := strings.Join(texts, " | ")
	// the lede first
	if len(got) == 0 || !strings.HasPrefix(texts[0], "The city council voted") {
		t.Fatalf("summary does not open with the lede: %s", joined)
	}
	// the repeated lede (paragraph 3) is a near copy of the first: never both
	if strings.Count(joined, "The city council voted on Tuesday") > 1 {
		t.Errorf("near-duplicate sentences chosen: %s", joined)
	}
	// the weather sentence covers no topic
	if strings.Contains(joined, "weather") {
		t.Errorf("off-topic sentence chosen: %s", joined)
	}
}

func TestSample(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", "..", "shared", "samples", "korea-us-summit.txt"))
	if err != nil {
		t.Skip("../shared/samples not found")
	}
	d, err := engine.Document(string(b), engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(d.Summary); n < 2 || n > 4 {
		t.Errorf("sample summary has %d sentences, want 2..4", n)
	}
}

// TestSelectLazy holds Select, which reads a candidate's words only when
// it comes out best, to SelectEager, which read every candidate's and
// tested each against every sentence chosen: the same sentences in the
// same order on the repository's test articles and pages, ../shared's
// samples, and articles with near copies (a lede repeated, a paragraph
// twice).
func TestSelectLazy(t *testing.T) {
	files, _ := filepath.Glob("../*/testdata/*.txt")
	html, _ := filepath.Glob("../*/testdata/*.html")
	shared, _ := filepath.Glob("../../../shared/samples/*.txt")
	inputs := []string{
		"Council Approves Harbour Bridge Repairs\n" + strings.Join(bridge, "\n"),
		"Council Approves Harbour Bridge Repairs\n" + strings.Join(append(append([]string{}, bridge...), bridge[0], bridge[1], bridge[3]), "\n"),
		"Bridge Repairs\n" + strings.Join([]string{bridge[0], bridge[2], bridge[0], bridge[5], bridge[2], bridge[1], bridge[5]}, "\n"),
		// the second sentence is the first with a name more: the only one
		// left after the first is chosen, and a near copy
		"Bridge Repairs\n" + bridge[0] + "\nMayor Alice Brown said the c" + bridge[0][5:] + "\nNobody was hurt.",
	}
	for _, f := range append(append(files, html...), shared...) {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, string(b))
	}
	copies := 0
	for i, in := range inputs {
		d, err := engine.Document(in, engine.Options{})
		if err != nil {
			continue
		}
		got, want := summary.Select(d), summary.SelectEager(d)
		if !slices.Equal(got, want) {
			t.Errorf("input %d (%.40q): Select gives %v, the eager test %v", i, in, got, want)
		}
		if i < 2 && len(got) < 2 {
			t.Errorf("input %d: %d sentences", i, len(got))
		}
		if i == 3 {
			copies = len(got)
		}
	}
	if copies != 1 {
		t.Errorf("two near copies gave %d sentences, want 1", copies)
	}
}

package digest_test

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/lede-news/lede/internal/engine"
)

// TestKoreaSummitDigest runs the whole engine on the shared sample (an
// article followed by 17 related headlines) and checks the categories and
// the digest a reader sees. It asserts what any sensible reading gives, not
// exact scores.
func TestKoreaSummitDigest(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", "..", "shared", "samples", "korea-us-summit.txt"))
	if err != nil {
		t.Skipf("../shared/samples not found (it sits beside the checkout on developers' machines): %v", err)
	}
	r, err := engine.Analyze(string(b), engine.Options{Offsets: "utf8"})
	if err != nil {
		t.Fatal(err)
	}
	var cats []string
	for _, c := range r.Categories {
		cats = append(cats, c.Label)
	}
	if !slices.Contains(cats, "World") && !slices.Contains(cats, "Politics") {
		t.Errorf("article categories %v: want World or Politics among them", cats)
	}
	g := r.Digest
	if g == nil {
		t.Fatal("no digest")
	}
	if g.Headlines != len(r.Article.Related) || g.Headlines == 0 {
		t.Fatalf("digest of %d headlines, article has %d related", g.Headlines, len(r.Article.Related))
	}
	labelled := 0
	for _, h := range r.Article.Related {
		if len(h.Categories) > 0 {
			labelled++
		}
	}
	if labelled < g.Headlines*3/4 {
		t.Errorf("only %d of %d headlines got a category", labelled, g.Headlines)
	}
	top := map[string]bool{}
	for _, c := range g.Categories[:min(2, len(g.Categories))] {
		top[c.Name] = true
	}
	if !top["World"] && !top["Business & Economy"] {
		t.Errorf("digest categories %+v: want World or Business & Economy among the two biggest", g.Categories)
	}
	trump := 0
	for _, e := range g.Entities {
		if e.Name == "Donald Trump" {
			trump = e.Count
		}
		if e.Count < 2 || e.Count != len(e.Headlines) {
			t.Errorf("digest entity %+v: want a count of 2 or more matching its headlines", e)
		}
	}
	if trump < 5 {
		t.Errorf("Donald Trump in %d headlines of the digest, want 5 or more (he is named in 7)", trump)
	}
	for _, c := range g.Clusters {
		if len(c) < 2 {
			t.Errorf("cluster %v of one headline", c)
		}
		for _, i := range c {
			if i < 0 || i >= len(r.Article.Related) {
				t.Errorf("cluster %v indexes outside article.related", c)
			}
		}
	}
}

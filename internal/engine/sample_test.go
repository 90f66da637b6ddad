package engine

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lede-news/lede/internal/report"
)

// readShared reads a file of ../shared (beside the checkout) or skips: a
// user's machine has no ../shared.
func readShared(t testing.TB, rel string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "..", "shared", rel))
	if err != nil {
		t.Skipf("../shared/%s not found (it sits beside the checkout on developers' machines): %v", rel, err)
	}
	return string(b)
}

func entityNamed(r *report.Report, name string) *report.Entity {
	for i := range r.Entities {
		if r.Entities[i].Name == name {
			return &r.Entities[i]
		}
	}
	return nil
}

// TestKoreaSummitSample checks what issue 2 promises a reader of the sample
// article ../shared/samples/korea-us-summit.txt: five body paragraphs and
// seventeen other headlines, the people, places and organisations named in
// it with their short forms merged, its figures and its quotes.
func TestKoreaSummitSample(t *testing.T) {
	text := readShared(t, "samples/korea-us-summit.txt")
	r, err := Analyze(text, Options{Offsets: "utf8"})
	if err != nil {
		t.Fatal(err)
	}
	if got := len(r.Article.Paragraphs); got != 5 {
		t.Errorf("body paragraphs: got %d, want 5", got)
	}
	if got := len(r.Article.Related); got != 17 {
		t.Errorf("related headlines: got %d, want 17", got)
	}

	for _, want := range []struct {
		name, typ string
		mentions  []string // short forms that must be among its mentions, exactly
	}{
		{"Lee Jae Myung", "person", []string{"Lee"}}, // "President Lee remains committed"
		{"Donald Trump", "person", []string{"Trump"}},
		{"Kim Jong Un", "person", nil},
		{"South Korea", "place", nil},
		{"United States", "place", []string{"U.S."}},
		{"North Korea", "place", nil},
		{"China", "place", nil},
		{"Gyeongju", "place", nil},
		{"Hyundai", "organization", nil},
		{"Asia-Pacific Economic Cooperation", "organization", nil},
	} {
		e := entityNamed(r, want.name)
		if e == nil {
			e = entityNamed(r, "the "+want.name)
		}
		if e == nil {
			t.Errorf("no entity %q", want.name)
			continue
		}
		if e.Type != want.typ {
			t.Errorf("%s: type %s, want %s", want.name, e.Type, want.typ)
		}
		for _, m := range want.mentions {
			found := false
			for _, got := range e.Mentions {
				// The mention may include a title: "President Lee".
				found = found || got.Text == m || strings.HasSuffix(got.Text, " "+m)
			}
			if !found {
				t.Errorf("%s: no mention %q among %v", want.name, m, e.Mentions)
			}
		}
	}
	// "President Lee" is one person with Lee Jae Myung, and the bare "Trump"
	// is not an entity of its own.
	if e := entityNamed(r, "Trump"); e != nil {
		t.Errorf("bare \"Trump\" is an entity of its own, not merged into Donald Trump")
	}
	for _, e := range r.Entities {
		for _, junk := range []string{"Additionally", "Meanwhile", "Although", "Defense", "remains"} {
			if strings.Contains(e.Name, junk) {
				t.Errorf("junk entity %q", e.Name)
			}
		}
	}

	figures := map[string]string{}
	for _, f := range r.Figures {
		figures[f.Text] = f.Kind
		if f.Text == "28,500" && !strings.Contains(f.About, "troops") {
			t.Errorf("28,500 is about %q, want the U.S. troops", f.About)
		}
	}
	for text, kind := range map[string]string{"$350 billion": "money", "3.5%": "percent", "2.3%": "percent", "8.3%": "percent", "28,500": "quantity"} {
		if figures[text] != kind {
			t.Errorf("figure %q: kind %q, want %q (figures: %v)", text, figures[text], kind, figures)
		}
	}

	quotes := map[string]bool{}
	for _, q := range r.Quotes {
		quotes[strings.Trim(q.Text, "“”\"")] = true
	}
	for _, q := range []string{"up front", "nuclear power"} {
		if !quotes[q] {
			t.Errorf("quote %q not found in %v", q, r.Quotes)
		}
	}
}

package keyphrase_test

import (
	"math"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/lede-news/lede/internal/doc"
	"github.com/lede-news/lede/internal/engine"
	"github.com/lede-news/lede/internal/entity"
	"github.com/lede-news/lede/internal/keyphrase"
	"github.com/lede-news/lede/internal/pos"
	"github.com/lede-news/lede/internal/report"
	"github.com/lede-news/lede/internal/segment"
)

// build makes a document of a title and body paragraphs and runs the
// passes keyphrases need (segmentation and tagging), without depending on
// article extraction.
func build(title string, paras ...string) *doc.Document {
	d := doc.FromParts(title, paras...)
	segment.Segment(d)
	pos.Tag(d)
	return d
}

func phrases(d *doc.Document, max int) []string {
	o := keyphrase.Defaults()
	o.Max = max
	var out []string
	for _, p := range keyphrase.Extract(d, o) {
		out = append(out, p.Text)
	}
	return out
}

func TestKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"visas", "visa"},
		{"Visas", "visa"},
		{"companies", "company"},
		{"negotiations", "negotiation"},
		{"costs", "cost"},
		{"Korea's", "korea"},
		{"Korea\u2019s", "korea"},
		{"workers'", "worker"},
		{"news", "news"},
		{"bus", "bus"},
		{"glass", "glass"},
		{"crisis", "crisis"},
		{"U.S.", "u.s."},
		{"series", "series"},
		{"shoes", "shoe"},
	}
	for _, tt := range tests {
		if got := keyphrase.Key(tt.in); got != tt.want {
			t.Errorf("Key(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCandidates(t *testing.T) {
	// All candidates of small documents: noun phrases with their
	// modifiers, never stop-word, verb or number fragments.
	tests := []struct {
		text    string
		want    []string // must be candidates
		notWant []string // must not be
	}{
		{"Seoul wants the United States to cut defense spending and issue more work visas for skilled workers.",
			[]string{"defense spending", "work visas", "skilled workers", "Seoul", "United States"},
			[]string{"wants", "cut defense spending", "issue more work visas", "more work visas", "the United States"}},
		{"The $350 billion investment pledge was the main sticking point in the recent trade negotiations.",
			[]string{"investment pledge", "trade negotiations"},
			[]string{"$350 billion investment pledge", "350 billion investment pledge", "main sticking point", "recent trade negotiations", "the"}},
		{"Mr. Kelso said the oil spill was Alaska's worst environmental disaster.",
			[]string{"Kelso", "oil spill", "worst environmental disaster", "Alaska"},
			[]string{"Mr. Kelso", "said", "Alaska's worst environmental disaster", "Alaska's"}},
		{"The South Korean delegation met President Lee in Seoul, and the talks were South Korean.",
			[]string{"South Korean delegation", "Lee", "Seoul", "talks"},
			[]string{"President Lee", "President", "South", "South Korean"}},
		{"The chief executive of the utility, Chief executive Anders Holm, said the turbine order was large.",
			[]string{"Anders Holm", "turbine order", "chief executive", "utility"},
			[]string{"Chief", "Chief executive Anders Holm", "executive"}},
		{"Officials met on Monday in January to discuss the 28,500 troops.",
			[]string{"troops"},
			[]string{"Monday", "January", "28,500 troops", "Officials met"}},
	}
	for _, tt := range tests {
		d := build("", tt.text)
		got := map[string]bool{}
		for _, p := range phrases(d, 100) {
			got[p] = true
		}
		for _, w := range tt.want {
			if !got[w] {
				t.Errorf("%q: missing candidate %q; got %v", tt.text, w, keys(got))
			}
		}
		for _, w := range tt.notWant {
			if got[w] {
				t.Errorf("%q: fragment %q among candidates", tt.text, w)
			}
		}
	}
}

func keys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func harbour(t testing.TB) *doc.Document {
	b, err := os.ReadFile("testdata/harbour.txt")
	if err != nil {
		t.Fatal(err)
	}
	parts := strings.SplitN(string(b), "\n\n", 2)
	return build(parts[0], strings.Split(strings.TrimSpace(parts[1]), "\n")...)
}

func TestRankingAndMentions(t *testing.T) {
	d := harbour(t)
	ps := keyphrase.Extract(d, keyphrase.Defaults())
	// Max topics, and the names ranked among them
	topics := 0
	for _, p := range ps {
		if !p.Name {
			topics++
		}
	}
	if topics < 10 || topics > keyphrase.Defaults().Max || len(ps) > 2*keyphrase.Defaults().Max {
		t.Fatalf("%d phrases, %d topics, want 10..%d topics", len(ps), topics, keyphrase.Defaults().Max)
	}
	seen := map[string]bool{}
	for i, p := range ps {
		if p.Score < 0 || p.Score > 1 || i > 0 && p.Score > ps[i-1].Score {
			t.Errorf("phrase %d %q: score %v out of order or range", i, p.Text, p.Score)
		}
		k := strings.ToLower(p.Text)
		if seen[k] {
			t.Errorf("phrase %q twice", p.Text)
		}
		seen[k] = true
		if len(p.Mentions) == 0 {
			t.Errorf("phrase %q has no mentions", p.Text)
		}
		for _, m := range p.Mentions {
			got := strings.Join(strings.Fields(m.Of(d.Text)), " ")
			if !sameKey(got, p.Text) {
				t.Errorf("phrase %q: mention %q does not match", p.Text, got)
			}
			s := d.Sentences[m.Sentence]
			if m.Start < s.Start || m.End > s.End {
				t.Errorf("phrase %q: mention outside its sentence", p.Text)
			}
		}
	}
	if ps[0].Score != 1 {
		t.Errorf("top score %v, want 1", ps[0].Score)
	}
	// what the article is about, in the top five
	top := strings.ToLower(strings.Join(texts(ps[:5]), "|"))
	for _, w := range []string{"bridge", "repair"} {
		if !strings.Contains(top, w) {
			t.Errorf("top five %q lack %q", top, w)
		}
	}
	for _, filler := range []string{"nobody", "autumn", "decade", "shoppers coming"} {
		for _, p := range ps {
			if strings.Contains(strings.ToLower(p.Text), filler) {
				t.Errorf("filler %q among keyphrases %v", filler, texts(ps))
			}
		}
	}
}

func texts(ps []doc.Phrase) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.Text
	}
	return out
}

func sameKey(a, b string) bool {
	fa, fb := strings.Fields(a), strings.Fields(b)
	if len(fa) != len(fb) {
		return false
	}
	for i := range fa {
		if keyphrase.Key(fa[i]) != keyphrase.Key(fb[i]) {
			return false
		}
	}
	return true
}

func TestNearDuplicatesMerged(t *testing.T) {
	d := build("", "The work visa rules changed.", "Work visas are hard to get.", "Two more work visas were issued.")
	ps := phrases(d, 20)
	n := 0
	for _, p := range ps {
		if sameKey(p, "work visa") {
			n++
		}
	}
	if n != 1 {
		t.Errorf("work visa(s) appears %d times in %v, want once", n, ps)
	}
}

func TestNoArticle(t *testing.T) {
	for _, d := range []*doc.Document{
		{},
		build("", ""),
		build("", "!!! ??? ..."),
		build("", "the of and to in"),
		build("Only A Title"),
	} {
		for _, p := range keyphrase.Extract(d, keyphrase.Defaults()) {
			if p.Text == "" || len(p.Mentions) == 0 {
				t.Errorf("empty phrase from %q", d.Text)
			}
		}
	}
}

func TestBackgroundTable(t *testing.T) {
	b := keyphrase.Background()
	if b == nil {
		t.Fatal("the embedded idf table does not decode")
	}
	// common words are less specific than topical ones, unseen are most
	order := []string{"the", "said", "government", "tanker", "zzqxv-unseen"}
	for i := 1; i < len(order); i++ {
		if b.Of(order[i-1]) >= b.Of(order[i]) {
			t.Errorf("idf(%q) = %.2f >= idf(%q) = %.2f", order[i-1], b.Of(order[i-1]), order[i], b.Of(order[i]))
		}
	}
	if _, err := keyphrase.DecodeIDF([]byte("LIDF1")); err == nil {
		t.Error("DecodeIDF accepted a damaged table")
	}
}

func TestEncodeIDF(t *testing.T) {
	const n = 1000
	df := map[string]int{"the": 900, "said": 500, "tanker": 20, "tariff": 6, "rare": 3, "once": 1}
	keys := []string{"once", "rare", "said", "tanker", "tariff", "the"}
	logN := math.Log(n)
	for _, c := range []struct {
		name          string
		minDF, levels int
		load          float64
		kept          []string // read back near their idf; the rest as log N
		slots         int      // 2-byte slots in the table
	}{
		{"every value, words of 2+ documents", 2, 256, 0.5, []string{"the", "said", "tanker", "tariff", "rare"}, 256},
		{"16 values, words of 6+", 6, 16, 0.5, []string{"the", "said", "tanker", "tariff"}, 256},
		{"a load past 1 falls back to one half", 21, 4, 7, []string{"the", "said"}, 256},
	} {
		table := keyphrase.EncodeIDF(keys, df, n, c.minDF, c.levels, c.load)
		idf, err := keyphrase.DecodeIDF(table)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if got := (len(table) - 10) / 2; got != c.slots {
			t.Errorf("%s: %d slots, want %d", c.name, got, c.slots)
		}
		step := logN / float64(c.levels-1)
		for _, k := range keys {
			want, tol := logN, 1e-9
			if slices.Contains(c.kept, k) {
				want, tol = math.Log(float64(n)/float64(df[k])), step/2+logN/255
			}
			if got := idf.Of(k); math.Abs(got-want) > tol {
				t.Errorf("%s: idf(%q) = %.3f, want %.3f ± %.3f", c.name, k, got, want, tol)
			}
		}
	}
}

// TestSample runs the shared sample article through the whole engine: the
// topics a reader names (trade, defense, nuclear, North Korea) must be
// among the keyphrases, above filler.
func TestSample(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", "..", "shared", "samples", "korea-us-summit.txt"))
	if err != nil {
		t.Skip("../shared/samples not found")
	}
	rep, err := engine.Analyze(string(b), engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range rep.Keyphrases {
		got = append(got, strings.ToLower(p.Text))
	}
	rank := func(word string) int {
		for i, p := range got {
			if strings.Contains(p, word) {
				return i
			}
		}
		return len(got)
	}
	for _, topic := range []string{"trade", "defense", "nuclear", "north korea"} {
		if rank(topic) == len(got) {
			t.Errorf("topic %q missing from %v", topic, got)
		}
	}
	for _, filler := range []string{"pressing issue", "pivotal moment", "second time", "months", "remarks"} {
		if r := rank(filler); r < rank("nuclear") || r < rank("defense") {
			t.Errorf("filler %q ranked above a topic in %v", filler, got)
		}
	}
	// the names are marked as names (the entity panel lists them), and the
	// first ten topics, which the keyphrase panel shows, hold the article's
	// subjects rather than the entity list again
	// topics: the page's panel, in its order (Keyphrase.Panel)
	var panel []report.Keyphrase
	for _, p := range rep.Keyphrases {
		switch {
		case p.Kind == "topic":
			if p.Panel > 0 {
				panel = append(panel, p)
			}
		case p.Kind != "name":
			t.Errorf("%q: kind %q", p.Text, p.Kind)
		}
		for _, name := range []string{"Donald Trump", "South Korea", "Seoul"} {
			if p.Text == name && p.Kind != "name" {
				t.Errorf("%q: kind %q, want name", p.Text, p.Kind)
			}
		}
	}
	slices.SortFunc(panel, func(a, b report.Keyphrase) int { return a.Panel - b.Panel })
	var topics []string
	for _, p := range panel {
		topics = append(topics, strings.ToLower(p.Text))
	}
	among := func(topic string, n int) bool {
		return slices.ContainsFunc(topics[:min(n, len(topics))], func(p string) bool { return strings.Contains(p, topic) })
	}
	for _, topic := range []string{"trade", "nuclear"} {
		if !among(topic, 10) {
			t.Errorf("topic %q not among the first ten topics %v", topic, topics)
		}
	}
	// the defence-spending dispute is among the 15 the panel shows ("defense
	// costs" 10th, "defense" 11th with the shipped ranker); the $350
	// billion investment pledge and the U.S. work visas are past the 15
	// (docs/keyphrases.md, Known limits)
	if !among("defense", 15) {
		t.Errorf("topic %q not among the 15 topics %v", "defense", topics)
	}
	// the panel's first ten topics are mostly phrases: at most
	// PanelLone single common words, and at least half of the ten topic
	// phrases of two words or more
	lone := 0
	for _, p := range topics[:min(10, len(topics))] {
		if !strings.Contains(p, " ") {
			lone++
		}
	}
	if lone > keyphrase.PanelLone {
		t.Errorf("%d single words among the first ten topics %v, want at most %d", lone, topics, keyphrase.PanelLone)
	}
	if phrases := min(10, len(topics)) - lone; phrases < 5 {
		t.Errorf("%d phrases among the first ten topics %v, want at least 5", phrases, topics)
	}
}

func BenchmarkExtract(b *testing.B) {
	d := harbour(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		keyphrase.Extract(d, keyphrase.Defaults())
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}

func TestLongInputIsBounded(t *testing.T) {
	// a paste far longer than any article: only the first 20,000 words
	// are read, so no mention lies past them
	para := "The harbour bridge repairs closed two traffic lanes near the ferry terminal for shoppers. "
	var paras []string
	for i := 0; i < 2500; i++ { // 35,000 words
		paras = append(paras, para)
	}
	paras = append(paras, "Zebra crossings and giraffe enclosures dominate the final paragraph about zoo design.")
	d := build("", paras...)
	ps := keyphrase.Extract(d, keyphrase.Defaults())
	if len(ps) == 0 {
		t.Fatal("no keyphrases")
	}
	limit := d.Tokens[25000].Start // 20,000 words plus the punctuation around them
	for _, p := range ps {
		for _, m := range p.Mentions {
			if m.Start > limit {
				t.Fatalf("phrase %q mentioned at byte %d, past the bound %d", p.Text, m.Start, limit)
			}
		}
	}
}

func TestNamesMarked(t *testing.T) {
	// names are marked so the page can leave them to the entity panel;
	// everything else is a topic
	d := build("Acme Corp Cuts Jobs in Springfield",
		"Acme Corp said on Monday it would cut 400 jobs at its Springfield plant as steel prices rise.",
		"Jane Miller, the chief executive of Acme Corp, said steel prices had doubled in a year.",
		"Workers at the Springfield plant said the job cuts were a blow to the town.")
	entity.Annotate(d)
	tests := []struct {
		text string
		name bool
	}{
		{"Acme Corp", true},
		{"Springfield", true},
		{"steel prices", false},
		{"job cuts", false},
	}
	got := map[string]doc.Phrase{}
	for _, p := range keyphrase.Extract(d, keyphrase.Defaults()) {
		got[p.Text] = p
	}
	for _, tt := range tests {
		p, ok := got[tt.text]
		if !ok {
			t.Errorf("%q not among the keyphrases", tt.text)
			continue
		}
		if p.Name != tt.name {
			t.Errorf("%q: Name = %v, want %v", tt.text, p.Name, tt.name)
		}
	}
}

func TestSentenceCapitalOfANameKept(t *testing.T) {
	// A sentence's first capital is lowered in a phrase's displayed text,
	// but not when the entity pass found a name there, even one the tagger
	// reads as an adjective.
	d := build("Wind Farm Deal Signed",
		"Danish energy companies signed the wind farm deal on Monday, officials said.",
		"Danish energy companies will build the turbines, officials said.")
	entity.Annotate(d)
	named := false
	for _, en := range d.Entities {
		named = named || en.Name == "Danish"
	}
	if !named {
		t.Skip("the entity model finds no name \"Danish\" here; the rule needs one")
	}
	got := phrases(d, 30)
	if !slices.Contains(got, "Danish energy companies") {
		t.Errorf("want \"Danish energy companies\" among %q", got)
	}
}

// TestVerbsReadAsNouns: a verb the tagger reads as a noun in a clause
// without a finite verb ("Lyng meets with") is no word of a phrase and no
// single word, in the hand method's phrases and in the learned ranker's
// candidates; Options.KeepVerbs gives the candidates before. The tags are
// the tagger's (checked here, so a retrained tagger that reads these verbs
// as verbs says so rather than passing for nothing).
func TestVerbsReadAsNouns(t *testing.T) {
	for _, tc := range []struct {
		text, verb string // verb: the word the tagger calls a noun
		kept       string // a candidate only with KeepVerbs
	}{
		{"Lyng meets with the farmers in Iowa.", "meets", "Lyng meets"},
		{"Talks remain stalled as Seoul and Washington struggle to finalize a deal.", "struggle", "Washington struggle"},
		{"The Morgan Hill unit covers parts of Santa Clara county.", "covers", "unit covers parts"},
		// said twice: a single word of its own too, but for the rule
		{"Lyng meets with the farmers in Iowa. Lyng meets with the bankers in Ohio.", "meets", "meets"},
	} {
		d := build("", tc.text)
		for i, tok := range d.Tokens {
			if d.TokenText(i) == tc.verb && !strings.HasPrefix(tok.Tag, "NN") {
				t.Fatalf("%q: the tagger reads %q as %s, no noun: choose another sentence", tc.text, tc.verb, tok.Tag)
			}
		}
		for _, keep := range []bool{false, true} {
			o := keyphrase.Defaults()
			o.Max, o.KeepVerbs = 100, keep
			got := map[string]bool{}
			for _, p := range keyphrase.Extract(d, o) {
				got[p.Text] = true
			}
			for _, c := range keyphrase.Candidates(d, o) {
				got[c.Text] = true
			}
			hasVerb := false
			for p := range got {
				hasVerb = hasVerb || slices.Contains(strings.Fields(p), tc.verb)
			}
			if hasVerb != keep || got[tc.kept] != keep {
				t.Errorf("%q, KeepVerbs %v: candidates %v; want %q among them: %v", tc.text, keep, keys(got), tc.kept, keep)
			}
		}
	}
}

package keyphrase_test

import (
	"bytes"
	"math"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/lede-news/lede/internal/doc"
	"github.com/lede-news/lede/internal/entity"
	"github.com/lede-news/lede/internal/keyphrase"
	"github.com/lede-news/lede/internal/quote"
)

func summit(t testing.TB) []keyphrase.Candidate {
	d := build("South Korea and U.S. Agree on Visas",
		"South Korea wants the United States to issue more work visas for skilled workers, officials said.",
		"The visas would let South Korean engineers build factories, and the talks on visas continue.",
		"\u201cWe need the visas for our engineers,\u201d a South Korean official said.")
	entity.Annotate(d)
	quote.Annotate(d)
	return keyphrase.Candidates(d, keyphrase.Defaults())
}

func TestCandidateFeatures(t *testing.T) {
	cs := summit(t)
	byText := map[string]keyphrase.Candidate{}
	for _, c := range cs {
		byText[c.Text] = c
	}
	// the hand method's candidates come first, best first, then the
	// single words that are not already one of them
	if len(cs) == 0 || cs[0].Features[keyphrase.FIsHand] != 1 || cs[0].Features[keyphrase.FHand] != 1 {
		t.Fatalf("first candidate %+v: want the hand method's best", cs[0])
	}
	tests := []struct {
		text    string
		present bool
		check   func(f *[keyphrase.NumFeatures]float64) bool
	}{
		// a phrase of the hand method, two words
		{"work visas", true, func(f *[keyphrase.NumFeatures]float64) bool {
			return f[keyphrase.FTwo] == 1 && f[keyphrase.FIsHand] == 1 && f[keyphrase.FMaxIDF] > f[keyphrase.FIDF]
		}},
		// a single word of the article, mentioned three times in the body and in the title
		{"visas", true, func(f *[keyphrase.NumFeatures]float64) bool {
			return f[keyphrase.FOne] == 1 && f[keyphrase.FTitle] == 1 && f[keyphrase.FLogTF] >= math.Log1p(4)
		}},
		// a name is a candidate whole, never a word of it alone ("South"
		// of "South Korea": Options.NameParts, off, says why)
		{"South Korea", true, func(f *[keyphrase.NumFeatures]float64) bool { return f[keyphrase.FName] == 1 }},
		{"South", false, nil},
		// what the entity pass says of a name: its type, salience and
		// mentions (aliases included)
		{"South Korea", true, func(f *[keyphrase.NumFeatures]float64) bool {
			return f[keyphrase.FPlace] == 1 && f[keyphrase.FPerson] == 0 && f[keyphrase.FSalience] > 0 &&
				f[keyphrase.FEntMentions] >= math.Log1p(2)
		}},
		// a common noun is no entity; as a phrase of its own ("South
		// Korean engineers" is another) it is said once, in the quotation,
		// one of the four sentences; its one word is its most specific
		{"engineers", true, func(f *[keyphrase.NumFeatures]float64) bool {
			return f[keyphrase.FPerson]+f[keyphrase.FPlace]+f[keyphrase.FOrg]+f[keyphrase.FOtherEnt]+f[keyphrase.FSalience] == 0 &&
				f[keyphrase.FSents] == 0.25 && f[keyphrase.FMaxIDF] == f[keyphrase.FIDF] && f[keyphrase.FQuoted] == 1
		}},
		// "visas" alone (not "work visas") is said in three of the four
		// sentences, once of four times in the quotation
		{"visas", true, func(f *[keyphrase.NumFeatures]float64) bool {
			return f[keyphrase.FSents] == 0.75 && f[keyphrase.FQuoted] == 0.25
		}},
		// no verbs, no function words, no offices alone
		{"said", false, nil},
		{"wants", false, nil},
		{"the", false, nil},
	}
	for _, tt := range tests {
		c, ok := byText[tt.text]
		if ok != tt.present {
			t.Errorf("%q: present %v, want %v", tt.text, ok, tt.present)
			continue
		}
		if ok && !tt.check(&c.Features) {
			t.Errorf("%q: features %v", tt.text, c.Features)
		}
	}
	// tf-idf: mentions × idf over the article's best, and the rank by it;
	// exactly one candidate is the best, and the product orders both
	best := 0
	for _, c := range cs {
		f := c.Features
		if f[keyphrase.FTfIdf] < 0 || f[keyphrase.FTfIdf] > 1 {
			t.Errorf("%q: tfidf %v, want 0..1", c.Text, f[keyphrase.FTfIdf])
		}
		if f[keyphrase.FTfIdfRank] == 1 {
			best++
			if f[keyphrase.FTfIdf] != 1 {
				t.Errorf("%q: ranked first by tf-idf with tfidf %v", c.Text, f[keyphrase.FTfIdf])
			}
		}
		for _, d := range cs {
			g := d.Features
			if f[keyphrase.FTfIdf] > g[keyphrase.FTfIdf] && f[keyphrase.FTfIdfRank] <= g[keyphrase.FTfIdfRank] {
				t.Errorf("%q (tfidf %v) ranked below %q (%v)", c.Text, f[keyphrase.FTfIdf], d.Text, g[keyphrase.FTfIdf])
			}
		}
	}
	if best != 1 {
		t.Errorf("%d candidates ranked first by tf-idf, want 1", best)
	}
	// one of the four sentences holds a quotation
	if q := cs[0].Features[keyphrase.FQuoteShare]; q != 0.25 {
		t.Errorf("quote share %v, want 0.25", q)
	}
	// the article-level features are the same for every candidate
	for _, c := range cs {
		for _, j := range keyphrase.GateFeatures {
			if c.Features[j] != cs[0].Features[j] {
				t.Fatalf("%q: %s = %v, the first candidate has %v", c.Text, keyphrase.FeatureNames[j], c.Features[j], cs[0].Features[j])
			}
		}
	}
}

func TestModelEncoding(t *testing.T) {
	var m keyphrase.Model
	for i := range m.Gate {
		m.Gate[i] = float64(i) - 2.5
	}
	for k := range m.Expert {
		for j := range m.Expert[k] {
			m.Expert[k][j] = float64(k*100+j) / 8
		}
	}
	b := m.Encode()
	got, err := keyphrase.DecodeModel(b)
	if err != nil {
		t.Fatal(err)
	}
	if got != m {
		t.Errorf("round trip changed the model")
	}
	for _, bad := range [][]byte{nil, b[:len(b)-4], append(bytes.Clone(b), 0)} {
		if _, err := keyphrase.DecodeModel(bad); err == nil {
			t.Errorf("%d bytes decoded without error", len(bad))
		}
	}
}

func TestRankerEncoding(t *testing.T) {
	// two experts: one tree of depth 2 and a stump, and a lone leaf
	var r keyphrase.Ranker
	for i := range r.Linear.Gate {
		r.Linear.Gate[i] = float64(i) - 2.5
	}
	r.Linear.Expert[1][keyphrase.FLogTF] = 0.5
	r.Experts[0] = keyphrase.Forest{Bias: -1.5, Roots: []int{0, 5}, Nodes: []keyphrase.TreeNode{
		{Feat: keyphrase.FLogTF, Thr: 1.5, Left: 1, Right: 4},
		{Feat: keyphrase.FOne, Thr: 0.5, Left: 2, Right: 3},
		{Feat: -1, Value: 0.25}, {Feat: -1, Value: -0.5}, {Feat: -1, Value: 1.27},
		{Feat: keyphrase.FName, Thr: 0.5, Left: 6, Right: 7},
		{Feat: -1, Value: 0.13}, {Feat: -1, Value: -1},
	}}
	r.Experts[1] = keyphrase.Forest{Bias: 0.5, Roots: []int{0}, Nodes: []keyphrase.TreeNode{{Feat: -1, Value: 0.75}}}
	// a gate of one stump on the article's length
	r.Gate = keyphrase.Forest{Bias: 0.25, Roots: []int{0}, Nodes: []keyphrase.TreeNode{
		{Feat: keyphrase.FLogLen, Thr: 0.5, Left: 1, Right: 2}, {Feat: -1, Value: 1.27}, {Feat: -1, Value: -1},
	}}
	b := r.Encode()
	got, err := keyphrase.DecodeRanker(b)
	if err != nil {
		t.Fatal(err)
	}
	// every value above is exact in the encoding (thresholds in bfloat16,
	// leaves in 127ths of the largest: 0.01 in the first)
	cases := []struct {
		name string
		set  map[int]float64
	}{
		{"nothing set", nil},
		{"frequent single word", map[int]float64{keyphrase.FLogTF: 2, keyphrase.FOne: 1}},
		{"rare single word", map[int]float64{keyphrase.FOne: 1}},
		{"name", map[int]float64{keyphrase.FName: 1, keyphrase.FLogTF: 1}},
		{"article style", map[int]float64{keyphrase.FLogLen: 1, keyphrase.FDocCap: 0.2, keyphrase.FTypes: 0.5}},
	}
	for _, c := range cases {
		var f [keyphrase.NumFeatures]float64
		f[keyphrase.FBias] = 1
		for k, v := range c.set {
			f[k] = v
		}
		if w, g := r.Score(&f), got.Score(&f); math.Abs(w-g) > 1e-6 {
			t.Errorf("%s: decoded model scores %v, want %v", c.name, g, w)
		}
		if w, g := r.Style(&f), got.Style(&f); math.Abs(w-g) > 1e-6 {
			t.Errorf("%s: decoded gate gives %v, want %v", c.name, g, w)
		}
	}
	for _, bad := range [][]byte{nil, b[:len(b)-1], append(bytes.Clone(b), 0)} {
		if _, err := keyphrase.DecodeRanker(bad); err == nil {
			t.Errorf("%d bytes decoded without error", len(bad))
		}
	}
	// the shipped model decodes, and its numbers are numbers
	shipped, err := os.ReadFile("ranker.bin")
	if err != nil {
		t.Fatal(err)
	}
	sm, err := keyphrase.DecodeRanker(shipped)
	if err != nil {
		t.Fatal(err)
	}
	ws := append(sm.Linear.Gate[:], append(sm.Linear.Expert[0][:], sm.Linear.Expert[1][:]...)...)
	for _, m := range []keyphrase.Forest{sm.Experts[0], sm.Experts[1], sm.Gate} {
		ws = append(ws, m.Bias)
		for _, n := range m.Nodes {
			ws = append(ws, n.Thr, n.Value)
		}
	}
	for _, w := range ws {
		if math.IsNaN(w) || math.IsInf(w, 0) {
			t.Fatalf("shipped model holds %v", w)
		}
	}
}

func TestRankerTreeGate(t *testing.T) {
	// expert 0 likes phrases, expert 1 lone words; the linear gate says
	// half each, a tree gate decides by the article's length
	var r keyphrase.Ranker
	r.Experts[0] = keyphrase.Forest{Roots: []int{0}, Nodes: []keyphrase.TreeNode{
		{Feat: keyphrase.FOne, Thr: 0.5, Left: 1, Right: 2}, {Feat: -1, Value: 1}, {Feat: -1, Value: -1},
	}}
	r.Experts[1] = keyphrase.Forest{Roots: []int{0}, Nodes: []keyphrase.TreeNode{
		{Feat: keyphrase.FOne, Thr: 0.5, Left: 1, Right: 2}, {Feat: -1, Value: -1}, {Feat: -1, Value: 1},
	}}
	article := func(logLen float64) []keyphrase.Candidate {
		cs := make([]keyphrase.Candidate, 2) // a phrase, a lone word
		for i := range cs {
			cs[i].Features[keyphrase.FBias] = 1
			cs[i].Features[keyphrase.FLogLen] = logLen
			cs[i].Features[keyphrase.FTwo] = float64(1 - i)
			cs[i].Features[keyphrase.FOne] = float64(i)
		}
		return cs
	}
	tests := []struct {
		name   string
		gate   bool
		logLen float64
		best   int // 0: the phrase, 1: the lone word, -1: a tie
	}{
		{"no tree gate: half each", false, 1, -1},
		{"tree gate, long article: first expert", true, 1, 0},
		{"tree gate, short article: second expert", true, -1, 1},
	}
	for _, tt := range tests {
		r.Gate = keyphrase.Forest{}
		if tt.gate {
			r.Gate = keyphrase.Forest{Roots: []int{0}, Nodes: []keyphrase.TreeNode{
				{Feat: keyphrase.FLogLen, Thr: 0, Left: 1, Right: 2}, {Feat: -1, Value: 3}, {Feat: -1, Value: -3},
			}}
		}
		sc := r.Scores(article(tt.logLen), -1)
		best := -1
		switch {
		case sc[0] > sc[1]:
			best = 0
		case sc[1] > sc[0]:
			best = 1
		}
		if best != tt.best {
			t.Errorf("%s: scores %v, want best %d", tt.name, sc, tt.best)
		}
	}
}

// TestLearnedExtract holds ExtractLearned's list and the panel's places
// (Phrase.Panel) to what they promise, for Max below, at and above the
// article's number of topics, and for an article whose candidates are
// all names: scores by rank, no name in the panel, places 1..n each once
// (n the panel's size: Max, or every topic when there are fewer), at most
// PanelLone lone words in the panel's first ten while phrases are left,
// the phrases in the panel in the list's order, and past the list's
// first Max topics only the panel's.
func TestLearnedExtract(t *testing.T) {
	names := func(t testing.TB) *doc.Document {
		d := build("Trump in Seoul", "Seoul, Tokyo, Paris.", "Seoul, Tokyo, Paris.")
		entity.Annotate(d)
		return d
	}
	tests := []struct {
		name string
		d    func(testing.TB) *doc.Document
		max  int
	}{
		{"harbour, Max 1", harbour, 1},
		{"harbour, Max 4", harbour, 4},
		{"harbour, the default Max", harbour, keyphrase.Defaults().Max},
		// where lone words held back put topics ranked past the list's
		// first Max in the panel (with the shipped ranker)
		{"harbour, Max 20", harbour, 20},
		{"harbour, Max 25", harbour, 25},
		{"harbour, Max above its topics", harbour, 200},
		{"names only", names, keyphrase.Defaults().Max},
	}
	for _, tc := range tests {
		d := tc.d(t)
		opt := keyphrase.Defaults()
		// every topic the article has: with no limit, the list holds all
		all := keyphrase.Defaults()
		all.Max = 1 << 20
		allTopics := 0
		for _, p := range keyphrase.ExtractLearned(d, all) {
			if !p.Name {
				allTopics++
			}
		}
		opt.Max = tc.max
		ps := keyphrase.ExtractLearned(d, opt)
		if len(ps) == 0 {
			t.Fatalf("%s: no keyphrases", tc.name)
		}
		if ps[0].Score != 1 {
			t.Errorf("%s: best score %v, want 1", tc.name, ps[0].Score)
		}
		topics, lastPhrase := 0, 0
		place := map[int]string{} // the panel: its topics by place
		for i, p := range ps {
			if p.Score < 0 || p.Score > 1 || i > 0 && p.Score > ps[i-1].Score {
				t.Errorf("%s: %q: score %v out of order or range", tc.name, p.Text, p.Score)
			}
			if len(p.Mentions) == 0 {
				t.Errorf("%s: %q: no mentions", tc.name, p.Text)
			}
			for _, m := range p.Mentions {
				if m.Start < 0 || m.End > len(d.Text) || m.Start >= m.End {
					t.Errorf("%s: %q: mention %v outside the text", tc.name, p.Text, m.Span)
				}
			}
			if p.Name {
				if p.Panel != 0 {
					t.Errorf("%s: %q: a name in the panel", tc.name, p.Text)
				}
				continue
			}
			topics++
			if p.Panel == 0 {
				if topics > opt.Max {
					t.Errorf("%s: %q: topic %d, past %d, not in the panel", tc.name, p.Text, topics, opt.Max)
				}
				// the list's first Max topics can only be missing from
				// the panel when a lone word is held back
				if len(strings.Fields(p.Text)) > 1 {
					t.Errorf("%s: %q: a phrase among the first %d topics missing from the panel", tc.name, p.Text, opt.Max)
				}
				continue
			}
			if q, ok := place[p.Panel]; ok {
				t.Errorf("%s: place %d twice: %q and %q", tc.name, p.Panel, q, p.Text)
			}
			place[p.Panel] = p.Text
			if len(strings.Fields(p.Text)) > 1 {
				if p.Panel < lastPhrase {
					t.Errorf("%s: %q: phrase at place %d after one at %d in the list", tc.name, p.Text, p.Panel, lastPhrase)
				}
				lastPhrase = p.Panel
			}
		}
		n := min(opt.Max, allTopics)
		if len(place) != n {
			t.Errorf("%s: %d topics in the panel, want %d (%d topics in all)", tc.name, len(place), n, allTopics)
		}
		lone, phrasesAfter := 0, false
		for k := 1; k <= len(place); k++ {
			text, ok := place[k]
			if !ok {
				t.Fatalf("%s: panel places %v, want 1..%d", tc.name, place, len(place))
			}
			single := !strings.Contains(text, " ")
			switch {
			case k <= 10 && single:
				lone++
			case k > 10 && !single:
				phrasesAfter = true
			}
		}
		if lone > keyphrase.PanelLone && phrasesAfter {
			t.Errorf("%s: %d lone words in the panel's first ten, phrases after them: %v", tc.name, lone, place)
		}
	}
}

func BenchmarkExtractLearned(b *testing.B) {
	d := harbour(b)
	opt := keyphrase.Defaults()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		keyphrase.ExtractLearned(d, opt)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}

func TestOrder(t *testing.T) {
	// each candidate: "w" a lone word, "n" a name, "p" a phrase; scores
	// fall with the index, so the plain order is 0, 1, 2, ...
	mk := func(kinds string) ([]keyphrase.Candidate, []float64) {
		cs := make([]keyphrase.Candidate, len(kinds))
		sc := make([]float64, len(kinds))
		for i, k := range kinds {
			switch k {
			case 'w':
				cs[i].Features[keyphrase.FOne] = 1
			case 'n':
				cs[i].Features[keyphrase.FOne] = 1
				cs[i].Features[keyphrase.FName] = 1
			case 'p':
				cs[i].Features[keyphrase.FTwo] = 1
			}
			sc[i] = float64(len(kinds) - i)
		}
		return cs, sc
	}
	for _, tc := range []struct {
		kinds string
		lone  int
		want  []int
	}{
		{"wwwp", -1, []int{0, 1, 2, 3}},
		{"wwwp", 3, []int{0, 1, 2, 3}},
		// the third word waits for a phrase
		{"wwwpp", 2, []int{0, 1, 3, 4, 2}},
		// names do not count as topics, nor against the limit
		{"wnwnwp", 2, []int{0, 1, 2, 3, 5, 4}},
		// a held-back word comes back ahead of lower scores as soon as
		// there is room: here the next ten
		{"wwpppppppppp" + "p", 1, []int{0, 2, 3, 4, 5, 6, 7, 8, 9, 10, 1, 11, 12}},
		// four in the first ten, then spread: the fifth and sixth words at
		// topics 11 and 13 rather than both opening the next ten
		{"wwwwww" + "pppppppppppp", 4, []int{0, 1, 2, 3, 6, 7, 8, 9, 10, 11, 4, 12, 5, 13, 14, 15, 16, 17}},
		// nothing but words: the rest follow once the phrases run out
		{"www", 1, []int{0, 1, 2}},
		{"", 1, []int{}},
	} {
		cs, sc := mk(tc.kinds)
		got := keyphrase.Order(cs, sc, tc.lone)
		if !slices.Equal(got, tc.want) {
			t.Errorf("%q, lone %d: %v, want %v", tc.kinds, tc.lone, got, tc.want)
		}
	}
}

// A word of a longer name is a name of its own with Options.NameParts
// ("Hyundai" of "Hyundai Motor", 500N's crowd lists such words) and none
// without, while the same word in lower case elsewhere is a common word:
// "Cooperation" of "Asia-Pacific Economic Cooperation" does not make
// "cooperation" of "nuclear cooperation" a name.
func TestNamePartSaidInLowerCase(t *testing.T) {
	d := build("Leaders Meet in Gyeongju",
		"Leaders met at the Asia-Pacific Economic Cooperation summit in Gyeongju, officials said.",
		"They spoke of nuclear cooperation, and nuclear cooperation with Hyundai Motor.",
		"Hyundai Motor builds cars in Alabama.")
	entity.Annotate(d)
	for _, parts := range []bool{true, false} {
		opt := keyphrase.Defaults()
		opt.NameParts = parts
		byText := map[string]keyphrase.Candidate{}
		for _, c := range keyphrase.Candidates(d, opt) {
			byText[strings.ToLower(c.Text)] = c
		}
		h, ok := byText["hyundai"]
		switch {
		case ok != parts:
			t.Errorf(`parts %v: "hyundai" a candidate of its own %v`, parts, ok)
		case ok && (h.Features[keyphrase.FName] != 1 || h.Features[keyphrase.FPart] != 1):
			t.Errorf(`parts %v: "hyundai": name %v, part %v, want 1, 1`, parts, h.Features[keyphrase.FName], h.Features[keyphrase.FPart])
		}
		c, ok := byText["cooperation"]
		if !ok {
			t.Fatalf(`parts %v: "cooperation": no candidate`, parts)
		}
		if v := c.Features[keyphrase.FName]; v != 0 {
			t.Errorf(`parts %v: "cooperation": name feature %v, want 0 (a common word)`, parts, v)
		}
	}
}

// Scores lets the trees rank only the logistic experts' shortlist, the
// best lone words and the best other candidates apart; the rest follow in
// the logistic order, below every one of them.
func TestRankerScoresShortlist(t *testing.T) {
	var r keyphrase.Ranker
	r.Linear.Expert[0][keyphrase.FLogTF] = 1 // the gate's weights are 0: half each expert
	r.Linear.Expert[1][keyphrase.FLogTF] = 1
	// the trees prefer what the logistic experts rank last: rare words
	for k := range r.Experts {
		r.Experts[k] = keyphrase.Forest{Roots: []int{0}, Nodes: []keyphrase.TreeNode{
			{Feat: keyphrase.FLogTF, Thr: 1.5, Left: 1, Right: 2},
			{Feat: -1, Value: 1}, {Feat: -1, Value: -1},
		}}
	}
	cand := func(words, logTF float64) keyphrase.Candidate {
		var c keyphrase.Candidate
		c.Features[keyphrase.FBias] = 1
		c.Features[keyphrase.FLogTF] = logTF
		if words == 1 {
			c.Features[keyphrase.FOne] = 1
		} else {
			c.Features[keyphrase.FTwo] = 1
		}
		return c
	}
	cs := []keyphrase.Candidate{cand(1, 3), cand(1, 2), cand(1, 1), cand(2, 3), cand(2, 1)}
	tests := []struct {
		name  string
		short int
		want  []int // candidate indices, best first
	}{
		// the best lone word (0) and the best phrase (3) by the logistic
		// experts, then the rest by them
		{"shortlist of one each", 1, []int{0, 3, 1, 2, 4}},
		// the trees rank all: rare words first (2, 4), then in input order
		{"no shortlist", -1, []int{2, 4, 0, 1, 3}},
		{"shortlist longer than the list", 10, []int{2, 4, 0, 1, 3}},
	}
	for _, tt := range tests {
		sc := r.Scores(cs, tt.short)
		idx := keyphrase.Order(cs, sc, -1)
		if !slices.Equal(idx, tt.want) {
			t.Errorf("%s: order %v, want %v (scores %v)", tt.name, idx, tt.want, sc)
		}
		for _, s := range sc {
			if s <= 0 || s >= 1 {
				t.Errorf("%s: score %v outside (0, 1)", tt.name, s)
			}
		}
	}
}

// TestPanel: the panel's topics (names left out), lone words spaced out,
// and a lone word said once held back past the first ten topics (Weak) or
// giving its place to a lone word said more often (Swap).
func TestPanel(t *testing.T) {
	// "w" a lone word said twice, "o" one said once, "n" a name, "p" a
	// phrase; scores fall with the index
	mk := func(kinds string) ([]keyphrase.Candidate, []int) {
		cs := make([]keyphrase.Candidate, len(kinds))
		idx := make([]int, len(kinds))
		for i, k := range kinds {
			f := &cs[i].Features
			f[keyphrase.FLogTF] = math.Log1p(2)
			switch k {
			case 'w':
				f[keyphrase.FOne] = 1
			case 'o':
				f[keyphrase.FOne] = 1
				f[keyphrase.FLogTF] = math.Log1p(1)
			case 'n':
				f[keyphrase.FOne], f[keyphrase.FName] = 1, 1
			case 'p':
				f[keyphrase.FTwo] = 1
			}
			idx[i] = i
		}
		return cs, idx
	}
	for _, tc := range []struct {
		kinds string
		rule  keyphrase.PanelRule
		want  []int
	}{
		{"onwpp", keyphrase.PanelRule{Lone: 4}, []int{0, 2, 3, 4}},
		// held back until ten topics are placed
		{"ownppppppppppp", keyphrase.PanelRule{Lone: 4, Weak: 2}, []int{1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 0, 12, 13}},
		// nothing else left: it follows
		{"opp", keyphrase.PanelRule{Lone: 4, Weak: 2}, []int{1, 2, 0}},
		// swapped: the word said twice takes the first lone word's place
		{"opwp", keyphrase.PanelRule{Lone: 4, Weak: 2, Swap: true}, []int{2, 1, 0, 3}},
		{"opwp", keyphrase.PanelRule{Lone: 4, Weak: 1, Swap: true}, []int{0, 1, 2, 3}},
		// no limit on lone words, once-said ones still held back
		{"owp", keyphrase.PanelRule{Lone: -1, Weak: 2}, []int{1, 2, 0}},
		{"owp", keyphrase.PanelRule{Lone: -1}, []int{0, 1, 2}},
		// a lone word said twice, ranked past the first ten, takes the
		// first lone word's place; the once-said ones move down a place
		{"oooopppppppw", keyphrase.DefaultPanel, []int{11, 0, 1, 2, 4, 5, 6, 7, 8, 9, 10, 3}},
		{"", keyphrase.DefaultPanel, []int{}},
		// names only: no topic
		{"nn", keyphrase.DefaultPanel, []int{}},
	} {
		cs, idx := mk(tc.kinds)
		got := keyphrase.Panel(cs, idx, tc.rule)
		if !slices.Equal(got, tc.want) {
			t.Errorf("%q, %+v: %v, want %v", tc.kinds, tc.rule, got, tc.want)
		}
	}
}

package category

import (
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/lede-news/lede/internal/doc"
)

func names(ls []doc.Label) []string {
	var out []string
	for _, l := range ls {
		out = append(out, l.Name)
	}
	return out
}

func TestClassifyHeadlines(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"Lakers Beat Celtics 102-99 in Overtime Thriller", "Sports"},
		{"Yankees sign ace pitcher to five-year contract before spring training", "Sports"},
		{"Apple unveils new iPhone with faster chip and better camera", "Technology"},
		{"Microsoft patches critical Windows security flaw in software update", "Technology"},
		{"Fed raises interest rates by a quarter point as inflation lingers", "Business & Economy"},
		{"Oil prices climb as investors weigh OPEC output cuts", "Business & Economy"},
		{"Scientists discover water ice on Mars with new telescope", "Science"},
		{"Police arrest suspect in downtown shooting that killed two", "Crime & Law"},
		{"Senate Republicans block Democrats' voting rights bill", "Politics"},
		{"Ten easy weeknight dinner recipes your kids will love", "Lifestyle"},
		{"Oscar-winning actress stars in new Netflix comedy series", "Entertainment"},
		{"Teachers union and school district reach deal on student testing", "Education"},
		{"Pope Francis calls for prayer and faith at Easter mass", "Religion"},
		{"Climate change is melting glaciers faster than expected, polar bears at risk", "Environment"},
		{"Daily exercise and better sleep lower your risk of heart disease, study finds", "Health"},
		{"NATO troops fire missiles at insurgents near the border", "Defense & Security"},
	} {
		got := Classify(tc.text)
		if len(got) == 0 || got[0].Name != tc.want {
			t.Errorf("Classify(%q) = %v, want %s first", tc.text, got, tc.want)
		}
	}
}

// TestMultiLabel: a headline about two things shows both.
func TestMultiLabel(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"North Korea test-fires ballistic missile into the sea", []string{"World", "Defense & Security"}},
		{"Pentagon orders more troops to the Middle East", []string{"World", "Defense & Security"}},
	} {
		got := names(Classify(tc.text))
		for _, w := range tc.want {
			if !slices.Contains(got, w) {
				t.Errorf("Classify(%q) = %v, want %v among them", tc.text, got, tc.want)
			}
		}
	}
}

// TestUncertain: text the model knows nothing of gets no label, not a
// confident guess.
func TestUncertain(t *testing.T) {
	for _, text := range []string{"", "   ", "xqzt vbnm plokw wertz", "Zorblax quuxifies frobnitz glorp", "!!! ??? 42", "1998"} {
		if got := Classify(text); len(got) != 0 {
			t.Errorf("Classify(%q) = %v, want no label (uncertain)", text, got)
		}
	}
}

// TestScoresAreProbabilities: the distribution sums to one, is sorted, and
// the labels shown obey the thresholds.
func TestScoresAreProbabilities(t *testing.T) {
	for _, text := range []string{"Stocks fall as tech shares slide", "Trump threatens new tariffs on Chinese goods"} {
		dist := Distribution(text)
		m, _ := Default()
		if len(dist) != len(m.Labels) {
			t.Fatalf("Distribution(%q) has %d labels, want %d", text, len(dist), len(m.Labels))
		}
		sum := 0.0
		for i, l := range dist {
			sum += l.Score
			if i > 0 && l.Score > dist[i-1].Score {
				t.Errorf("Distribution(%q) not sorted: %v", text, dist)
			}
		}
		if math.Abs(sum-1) > 1e-9 {
			t.Errorf("Distribution(%q) sums to %v", text, sum)
		}
		shown := Classify(text)
		if len(shown) > MaxLabels {
			t.Errorf("Classify(%q) shows %d labels", text, len(shown))
		}
		for i, l := range shown {
			if l != dist[i] || i == 0 && l.Score < MinConfidence || i > 0 && l.Score < MinScore {
				t.Errorf("Classify(%q) = %v does not follow the distribution %v and the thresholds", text, shown, dist[:3])
			}
		}
	}
}

// TestArticleMixture: an article whose paragraphs are about two things gets
// both, which one softmax over the whole text would not give.
func TestArticleMixture(t *testing.T) {
	text := "The striker scored twice as the home team won the championship final in front of 80,000 fans.\n" +
		"The coach praised his players after the match and the club's season ended with the league title.\n" +
		"Shares of the club's owner rose 8% on the stock exchange as investors cheered higher quarterly revenue and profit forecasts."
	got := names(Classify(text))
	if !slices.Contains(got, "Sports") || !slices.Contains(got, "Business & Economy") {
		t.Errorf("Classify(sports + business article) = %v, want Sports and Business & Economy", got)
	}
}

func TestAnnotate(t *testing.T) {
	text := "Lakers Beat Celtics in Overtime\n" +
		"LeBron James scored 40 points as the Lakers beat the Celtics 102-99 in overtime on Sunday night.\n" +
		"Menu Home Sports\n" +
		"Apple unveils new iPhone with faster chip\n" +
		"Fed raises interest rates by a quarter point\n"
	var d doc.Document
	d.Text = text
	roles := []doc.Role{doc.Title, doc.Body, doc.Boilerplate, doc.Related, doc.Related}
	start := 0
	for i, line := range strings.SplitAfter(strings.TrimSuffix(text, "\n"), "\n") {
		l := strings.TrimSuffix(line, "\n")
		d.Blocks = append(d.Blocks, doc.Block{Span: doc.Span{Start: start, End: start + len(l)}, Role: roles[i]})
		start += len(line)
	}
	Annotate(&d)
	if len(d.Categories) == 0 || d.Categories[0].Name != "Sports" {
		t.Errorf("article categories = %v, want Sports first", d.Categories)
	}
	if len(d.RelatedCategories) != 2 {
		t.Fatalf("RelatedCategories = %v, want blocks 3 and 4 only", d.RelatedCategories)
	}
	for bi, want := range map[int]string{3: "Technology", 4: "Business & Economy"} {
		if got := d.RelatedCategories[bi]; len(got) == 0 || got[0].Name != want {
			t.Errorf("related block %d: %v, want %s first", bi, got, want)
		}
	}
}

func TestFeatures(t *testing.T) {
	fz := &Featurizer{Buckets: 1 << 20}
	a := fz.AppendFeatures(nil, "LAKERS Beat the Celtics")
	b := fz.AppendFeatures(nil, "lakers beat the celtics")
	if !slices.Equal(a, b) {
		t.Errorf("features depend on case")
	}
	for _, tc := range []struct {
		a, b string
	}{
		{"Trump&#39;s plan", "Trump's plan"},          // AG News's escaped apostrophe
		{"oil &amp; gas", "oil & gas"},                // an HTML entity name is not a word
		{"trump 's plan", "Trump’s plan"},             // HuffPost's tokenisation, a curly apostrophe
		{"in 2026 and 1998", "in 1026 and 7777"},      // digits share one shape
		{"headline\nbody text", "headline body text"}, // a line break is a word break
	} {
		if x, y := fz.AppendFeatures(nil, tc.a), fz.AppendFeatures(nil, tc.b); !slices.Equal(x, y) {
			t.Errorf("features of %q and %q differ", tc.a, tc.b)
		}
	}
	norm := 0.0
	for i, f := range a {
		norm += float64(f.Value * f.Value)
		if i > 0 && f.Bucket <= a[i-1].Bucket {
			t.Errorf("features not sorted and merged: %v", a)
		}
	}
	if math.Abs(norm-1) > 1e-5 {
		t.Errorf("feature vector length %v, want 1", norm)
	}
	// 4 unigrams + 3 bigrams, minus the merges of any colliding buckets
	if len(a) < 6 || len(a) > 7 {
		t.Errorf("%d features for four words, want 7", len(a))
	}
	if got := fz.AppendFeatures(nil, "a I ! ?"); len(got) != 0 {
		t.Errorf("single letters and marks gave features %v", got)
	}
}

// TestPrefixFeatures: with Prefix set, words longer than the prefix share
// a feature with their relatives ("govern" of "governor", "governments");
// shorter words get none.
func TestPrefixFeatures(t *testing.T) {
	plain := &Featurizer{Buckets: 1 << 20}
	fz := &Featurizer{Buckets: 1 << 20, Prefix: 6}
	for _, tc := range []struct {
		text  string
		extra int // prefix features added
	}{
		{"elections", 1},
		{"electoral reform", 1}, // "reform" is not longer than six letters
		{"the cat sat", 0},
		{"Élections législatives", 2}, // letters, not bytes
	} {
		if got := len(fz.AppendFeatures(nil, tc.text)) - len(plain.AppendFeatures(nil, tc.text)); got != tc.extra {
			t.Errorf("%q: %d prefix features, want %d", tc.text, got, tc.extra)
		}
	}
	shared := func(a, b string) bool {
		x, y := fz.AppendFeatures(nil, a), fz.AppendFeatures(nil, b)
		for _, f := range x {
			for _, g := range y {
				if f.Bucket == g.Bucket {
					return true
				}
			}
		}
		return false
	}
	if !shared("governments", "governor") {
		t.Error(`"governments" and "governor" share no prefix feature`)
	}
	if shared("elections", "football") {
		t.Error(`"elections" and "football" share a feature`)
	}
}

// TestModelRoundTrip: the embedded file is exactly what its table writes,
// and stays within its size budget.
func TestModelRoundTrip(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if len(modelBytes) > 300_000 {
		t.Errorf("model.bin is %d bytes, over the 300 KB budget (docs/models/categories.md)", len(modelBytes))
	}
	b, err := m.Table().MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	if string(b) != string(modelBytes) {
		t.Errorf("MarshalBinary(Load(model.bin).Table()) differs from model.bin")
	}
}

// TestLoadBuildsNothing: loading reads the weights in place, so it
// allocates only for the header (label names, scales and biases), however
// many weights the model has.
func TestLoadBuildsNothing(t *testing.T) {
	allocs := testing.AllocsPerRun(10, func() {
		if _, err := Load(modelBytes); err != nil {
			t.Fatal(err)
		}
	})
	m, _ := Default()
	if max := float64(len(m.Labels) + 5); allocs > max {
		t.Errorf("Load allocates %v times, want at most %v (the header only)", allocs, max)
	}
}

// TestSmallModel writes a table by hand, reads it in place and checks
// every lookup: buckets in different pages, first and last of a page,
// buckets that are not stored, and the codebook of each label.
func TestSmallModel(t *testing.T) {
	book := make([]float32, 3*16)
	for i := range book {
		book[i] = float32(i%16-8) / 4 // code j is (j-8)/4 for every label
	}
	tab := &Table{Labels: []string{"A", "B", "C"}, Buckets: 1000, Prefix: 5,
		Scale: []float32{1, 1, 2}, Bias: []float32{0, 0.5, 0}, Book: book,
		Keys: []uint32{0, 3, 255, 256, 700, 999},
		Entries: [][]Entry{
			{{0, 12}},                // A +1
			{{1, 4}, {2, 10}},        // B -1, C +0.5
			{{0, 0}, {1, 1}, {2, 2}}, // -2, -1.75, -1.5
			{{2, 15}},                // C +1.75
			{{0, 9}, {2, 7}},         // A +0.25, C -0.25
			{{1, 8}},                 // B 0
		}}
	b, err := tab.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	m, err := Load(b)
	if err != nil {
		t.Fatal(err)
	}
	if m.Prefix != 5 || m.Buckets != 1000 || !slices.Equal(m.Labels, tab.Labels) {
		t.Errorf("header: %+v", m)
	}
	if back, _ := m.Table().MarshalBinary(); string(back) != string(b) {
		t.Errorf("Table() does not give back the table written")
	}
	logits := func(bucket uint32, v float32) [3]float64 {
		var z [3]float64
		for c := range z {
			z[c] = float64(tab.Bias[c])
		}
		if i, ok := slices.BinarySearch(tab.Keys, bucket); ok {
			for _, e := range tab.Entries[i] {
				z[e.Label] += float64(tab.Scale[e.Label] * v * book[int(e.Label)*16+int(e.Code)])
			}
		}
		return z
	}
	for _, bucket := range []uint32{0, 1, 3, 255, 256, 257, 511, 700, 998, 999, 1000, 5000} {
		_, want := slices.BinarySearch(tab.Keys, bucket)
		p, known := m.Probabilities(nil, []Feature{{Bucket: bucket, Value: -0.5}})
		if (known == 1) != want {
			t.Errorf("bucket %d: known %v, want stored %v", bucket, known, want)
		}
		z := logits(bucket, -0.5)
		hi := max(z[0], z[1], z[2])
		sum := math.Exp(z[0]-hi) + math.Exp(z[1]-hi) + math.Exp(z[2]-hi)
		for c := range z {
			if want := math.Exp(z[c]-hi) / sum; math.Abs(p[c]-want) > 1e-6 {
				t.Errorf("bucket %d: p = %v, want label %d %v", bucket, p, c, want)
			}
		}
	}
	for _, bad := range []func(*Table){
		func(t *Table) { t.Entries[0] = []Entry{{0, 16}} },        // code past 4 bits
		func(t *Table) { t.Entries[0] = []Entry{{3, 1}} },         // no such label
		func(t *Table) { t.Entries[0] = []Entry{{1, 1}, {0, 1}} }, // labels out of order
		func(t *Table) { t.Entries[0] = nil },                     // a key with nothing
		func(t *Table) { t.Keys[1] = t.Keys[0] },                  // a key twice
		func(t *Table) { t.Keys[5] = 1000 },                       // past Buckets
		func(t *Table) { t.Book = t.Book[:16] },                   // codebook short
		func(t *Table) { t.Labels = append(t.Labels, "D") },       // labels and scales disagree
	} {
		tt := *tab
		tt.Keys, tt.Entries = slices.Clone(tab.Keys), slices.Clone(tab.Entries)
		bad(&tt)
		if _, err := tt.MarshalBinary(); err == nil {
			t.Errorf("MarshalBinary accepted a broken table %+v", tt)
		}
	}
	// the directory of a broken file: a page's start past the next one (1000
	// buckets: 4 pages, one group of 16; 10 entries)
	dirAt := len(b) - 2*4 - 2*5 - 2*len(tab.Keys) - 10
	if k1, _ := m.pageStart(1); m.groupBits != maxGroupBits || uint32(b[dirAt+2*4+1]) != k1 {
		t.Fatalf("the test's directory offset is wrong")
	}
	broken := slices.Clone(b)
	broken[dirAt+2*4+1] = 0xff // page 1's first key, past page 2's
	for _, bad := range [][]byte{nil, []byte(magic), b[:len(b)-1], append(b, 0), append([]byte("LEDECAT3"), b[8:]...), broken} {
		if _, err := Load(bad); err == nil {
			t.Errorf("Load accepted a broken model of %d bytes", len(bad))
		}
	}
}

func BenchmarkClassifyHeadline(b *testing.B) {
	for b.Loop() {
		Classify("Trump Signs Executive Order Threatening 25% Tariffs on Countries Trading With Iran")
	}
}

func BenchmarkClassifyArticle(b *testing.B) {
	para := "Trade negotiations remain at an impasse as Seoul and Washington struggle to finalize a deal to reduce import duties on goods, with a $350 billion investment pledge at the centre of the stalemate and officials warning that a full cash payment could destabilize financial markets.\n"
	text := strings.Repeat(para, 20) // about 5,500 bytes, a long news article
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Classify(text)
	}
}

// TestDirectoryGroups checks that MarshalBinary takes the largest
// directory groups whose offsets fit a byte, and that every key and weight
// reads back through them.
func TestDirectoryGroups(t *testing.T) {
	for _, c := range []struct {
		perPage   int  // stored buckets a page, one weight each
		wantGroup uint // the group bits MarshalBinary should choose
	}{
		{1, maxGroupBits}, {17, maxGroupBits}, {18, 3}, {100, 1}, {200, 1}, {256, 0},
	} {
		tab := &Table{Labels: []string{"A", "B"}, Buckets: 256 * 40, Scale: []float32{1, 1}, Bias: []float32{0, 0},
			Book: make([]float32, 32)}
		for p := range uint32(40) {
			for k := range uint32(c.perPage) {
				tab.Keys = append(tab.Keys, p<<8|k*256/uint32(c.perPage))
				tab.Entries = append(tab.Entries, []Entry{{Label: uint8(k % 2), Code: uint8(p % 16)}})
			}
		}
		b, err := tab.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		m, err := Load(b)
		if err != nil {
			t.Fatal(err)
		}
		if m.groupBits != c.wantGroup {
			t.Errorf("%d a page: group bits %d, want %d", c.perPage, m.groupBits, c.wantGroup)
		}
		if got := m.Table(); !slices.Equal(got.Keys, tab.Keys) || !slices.EqualFunc(got.Entries, tab.Entries, slices.Equal) {
			t.Errorf("%d a page: the table did not read back", c.perPage)
		}
		for i, key := range tab.Keys {
			if ws := m.weights(key); len(ws) != 1 || ws[0] != tab.Entries[i][0].Label<<4|tab.Entries[i][0].Code {
				t.Fatalf("%d a page: bucket %d reads %v", c.perPage, key, ws)
			}
		}
	}
}

package pos

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/lede-news/lede/internal/doc"
	"github.com/lede-news/lede/internal/segment"
)

func TestEmbeddedModel(t *testing.T) {
	m, err := embedded()
	if err != nil {
		t.Fatal(err)
	}
	have := map[string]bool{}
	for _, tag := range m.Tags() {
		have[tag] = true
	}
	for _, tag := range []string{"NN", "NNS", "NNP", "JJ", "VB", "VBD", "VBZ", "IN", "DT", "CD", "POS", "."} {
		if !have[tag] {
			t.Errorf("model has no tag %q", tag)
		}
	}
}

func TestDecodeRejectsDamage(t *testing.T) {
	for _, data := range [][]byte{nil, []byte("LPOS"), []byte("XXXXX\x10\x01\x02NN\x00"), []byte(magic + "\x10\x00\x00\x00\x01\x00\x00\x00\x02NN"), modelData[:len(modelData)/2]} {
		if _, err := Decode(data); err == nil {
			t.Errorf("Decode(%d bytes) accepted a damaged model", len(data))
		}
	}
}

func TestEncodeDecode(t *testing.T) {
	tags := []string{"NN", "VB"}
	w := make([]int8, 2*(1<<4))
	w[3*2+1] = 7 // bucket 3, tag VB
	w[9*2] = -5  // bucket 9, tag NN
	m, err := Decode(Encode(tags, 4, w))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		bucket uint32
		tags   []uint8
		weight []int8
	}{
		{3, []uint8{1}, []int8{7}},
		{9, []uint8{0}, []int8{-5}},
		{4, nil, nil},
	} {
		tags, weights := m.row(c.bucket)
		if !slices.Equal(tags, c.tags) || !slices.Equal(weights, c.weight) {
			t.Errorf("bucket %d = %v %v, want %v %v", c.bucket, tags, weights, c.tags, c.weight)
		}
	}
}

// TestEncodeBlocks checks that Encode takes the largest blocks whose
// bucket offsets fit a byte, that every row reads back through them, and
// that the shipped model is read through the tagger's fixed-size tables.
func TestEncodeBlocks(t *testing.T) {
	for _, c := range []struct {
		perBucket int    // tags with a weight in every bucket
		wantBits  uint32 // the block bits Encode should choose
	}{
		{0, maxBlockBits}, {1, maxBlockBits}, {2, 7}, {3, 6}, {5, 5}, {63, 2},
	} {
		const bits = 10
		tags := make([]string, maxTags)
		for k := range tags {
			tags[k] = fmt.Sprintf("T%d", k)
		}
		w := make([]int8, maxTags<<bits)
		for b := range 1 << bits {
			for k := range c.perBucket {
				w[b*maxTags+(b+k)%maxTags] = int8(b%200 - 100 + k)
			}
		}
		m, err := Decode(Encode(tags, bits, w))
		if err != nil {
			t.Fatal(err)
		}
		if m.blockBits != c.wantBits {
			t.Errorf("%d a bucket: block bits %d, want %d", c.perBucket, m.blockBits, c.wantBits)
		}
		for b := range uint32(1 << bits) {
			tg, wt := m.row(b)
			var wantTags []uint8
			var wantW []int8
			for k, x := range w[int(b)*maxTags : int(b+1)*maxTags] {
				if x != 0 {
					wantTags, wantW = append(wantTags, uint8(k)), append(wantW, x)
				}
			}
			if !slices.Equal(tg, wantTags) || !slices.Equal(wt, wantW) {
				t.Fatalf("%d a bucket, bucket %d: %v %v, want %v %v", c.perBucket, b, tg, wt, wantTags, wantW)
			}
		}
	}
	m, err := Decode(modelData)
	if err != nil {
		t.Fatal(err)
	}
	if m.fixedOff == nil || m.fixedBlock == nil {
		t.Errorf("the shipped model (block bits %d) is not read through the fixed-size tables", m.blockBits)
	}
}

// tagged runs the segmenter and the tagger over text and returns
// "word/TAG" pairs.
func tagged(text string) []string {
	d := &doc.Document{Text: text, Blocks: []doc.Block{{Span: doc.Span{Start: 0, End: len(text)}}}}
	segment.Segment(d)
	Tag(d)
	out := make([]string, len(d.Tokens))
	for i, tok := range d.Tokens {
		out[i] = d.TokenText(i) + "/" + tok.Tag
	}
	return out
}

func TestTag(t *testing.T) {
	// Each case lists word/TAG pairs that must appear in the output: the
	// words a keyphrase extractor depends on (nouns, adjectives, verbs).
	// "word/A|B" accepts either tag where both serve the extractor.
	tests := []struct {
		text string
		want []string
	}{
		{"The company reported strong quarterly profits on Monday.",
			[]string{"company/NN", "reported/VBD", "strong/JJ", "profits/NNS", "Monday/NNP"}},
		{"South Korea plans to raise defense spending next year.",
			[]string{"South/NNP", "Korea/NNP", "plans/VBZ", "raise/VB", "defense/NN|JJ", "spending/NN"}},
		{"Police arrested three men after the attack in Paris.",
			[]string{"Police/NNS", "arrested/VBD|VBN", "three/CD", "men/NNS", "attack/NN", "Paris/NNP"}},
		{"The new rules will take effect in January, officials said.",
			[]string{"new/JJ", "rules/NNS", "will/MD", "take/VB", "officials/NNS", "said/VBD"}},
		{"Korea's trade minister didn't attend the talks.",
			[]string{"Korea/NNP", "trade/NN", "minister/NN", "talks/NNS"}},
	}
	for _, tt := range tests {
		got := strings.Join(tagged(tt.text), " ")
	want:
		for _, w := range tt.want {
			word, tags, _ := strings.Cut(w, "/")
			for _, tag := range strings.Split(tags, "|") { // any of these tags will do
				if strings.Contains(" "+got+" ", " "+word+"/"+tag+" ") {
					continue want
				}
			}
			t.Errorf("%q:\n got %s\nwant %s", tt.text, got, w)
		}
	}
}

func TestHeadlineCase(t *testing.T) {
	// in a title-case headline every word is capitalised; the verb must
	// still come out a verb, not a proper noun
	got := strings.Join(tagged("Workers Try To Unload Tanker After Oil Spill"), " ")
	if strings.Contains(got, "Try/NNP") || strings.Contains(got, "Unload/NNP") {
		t.Errorf("headline verbs tagged as names: %s", got)
	}
	if !strings.Contains(got, "Tanker/NN") {
		t.Errorf("headline noun lost: %s", got)
	}
}

func TestAppendWords(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Korea's", "Korea 's"},
		{"Korea\u2019s", "Korea 's"},
		{"don't", "do n't"},
		{"they're", "they 're"},
		{"O'Brien", "O'Brien"},
		{"\u201c", `"`},
		{"\u2014", "--"},
		{"visas", "visas"},
		{"``", `"`},
		{"''", `"`},
		{"\u2026", "..."},
		{"U.S.-led", "U.S.-led"},
		{"", ""},
	}
	for _, tt := range tests {
		w, own := appendWords(nil, nil, tt.in, 7)
		if got := strings.Join(w, " "); got != tt.want {
			t.Errorf("appendWords(%q) = %q, want %q", tt.in, got, tt.want)
		}
		for _, o := range own {
			if o != 7 {
				t.Errorf("appendWords(%q): owner %d, want 7", tt.in, o)
			}
		}
	}
}

func TestTagEveryToken(t *testing.T) {
	for _, text := range []string{"", "   ", "!!!", "a", "3.5% of $28,500", strings.Repeat("word ", 500), "\u00e9t\u00e9 na\u00efve caf\u00e9"} {
		d := &doc.Document{Text: text, Blocks: []doc.Block{{Span: doc.Span{Start: 0, End: len(text)}}}}
		segment.Segment(d)
		Tag(d)
		for i, tok := range d.Tokens {
			if tok.Tag == "" {
				t.Errorf("%.20q: token %q has no tag", text, d.TokenText(i))
			}
		}
	}
}

func BenchmarkTag(b *testing.B) {
	text := strings.Repeat("The city council voted on Tuesday to spend $42 million on emergency repairs to the Harbour Bridge, six months after a safety review found corroded steel cables. ", 50)
	d := &doc.Document{Text: text, Blocks: []doc.Block{{Span: doc.Span{Start: 0, End: len(text)}}}}
	segment.Segment(d)
	Tag(d)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Tag(d)
	}
	b.ReportMetric(float64(len(d.Tokens))*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkDecode measures loading the embedded model (the first call's cost).
func BenchmarkDecode(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Decode(modelData); err != nil {
			b.Fatal(err)
		}
	}
}

// TestDecodeUnaligned checks that model bytes not aligned for the tables
// (copied out then, not used in place) tag as the embedded model does.
func TestDecodeUnaligned(t *testing.T) {
	shifted := append([]byte{0}, modelData...)[1:]
	m, err := Decode(shifted)
	if err != nil {
		t.Fatal(err)
	}
	words := strings.Fields("The council voted on Tuesday to spend $ 42 million on repairs .")
	if got, want := strings.Join(m.TagWords(words), " "), strings.Join(TagWords(words), " "); got != want {
		t.Errorf("unaligned model tags %q, embedded %q", got, want)
	}
}

// TestLowerWords holds lowerWords to strings.ToLower, with the buffer
// reused from one sentence to the next.
func TestLowerWords(t *testing.T) {
	var buf []byte
	for _, s := range [][]string{
		{"Workers", "Try", "To", "Unload", "Tanker"},
		{"ÉTÉ", "Straße", "İstanbul", "U.S.", "", "x", "ABC-123"},
		{"Short", "Again"},
	} {
		want := make([]string, len(s))
		for k, w := range s {
			want[k] = strings.ToLower(w)
		}
		var got []string
		got, buf = lowerWords(slices.Clone(s), buf)
		if !slices.Equal(got, want) {
			t.Errorf("lowerWords(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestTaggerScores checks the tagger's summed rows (tagger.go) against the
// features the trainer sees: for every word of sentences that open and
// close with words, hold empty and non-ASCII words, and for several pairs
// of previous tags, tagger.score must give the scores of Featurizer's
// features; again after the tagger is pooled and its sums emptied.
func TestTaggerScores(t *testing.T) {
	m, err := embedded()
	if err != nil {
		t.Fatal(err)
	}
	sentences := [][]string{
		strings.Fields("Seoul wants the U.S. to keep 28,500 troops in South Korea , officials said in 2026 ."),
		strings.Fields("The officials said the troops would stay in Seoul ."),
		strings.Fields("workers try to unload tanker after oil spill"),
		strings.Fields("Korea 's well-known ex-minister , 3.5 % , ÉTÉ naïve CAFÉ 1996"),
		{"x"},
		{"", "-START-", "-END-", "the"},
		strings.Fields("the the the the"),
	}
	ntags := len(m.prevTags)
	for round := range 2 {
		tg := m.getTagger()
		for si, words := range sentences {
			tg.sentence(words)
			f := NewFeaturizer(words)
			for i := range words {
				for _, p := range [][2]int{{ntags - 2, ntags - 1}, {0, ntags - 2}, {3, 5}, {ntags - 3, 0}, {si % (ntags - 2), i % ntags}} {
					var want [maxTags + 1]int32
					for _, h := range f.Features(i, m.prevTags[p[0]], m.prevTags[p[1]], nil) {
						m.addRow(&want, h)
					}
					for k := len(m.tags); k <= maxTags; k++ {
						want[k] = absentScore // a tag the model lacks
					}
					var row scoreRow
					tg.score(i, p[0], p[1], &row)
					var got [maxTags + 1]int32
					for k, v := range row.tags()[:maxTags+1] {
						got[k] = int32(v)
					}
					if got != want {
						t.Fatalf("round %d, sentence %d word %d (%q), tags %v: scores %v, want %v", round, si, i, words[i], p, got, want)
					}
				}
			}
		}
		m.putTagger(tg)
	}
}

// TestPackedExtremes holds the packed sums (tagger.go) to plain sums at
// the extremes of the weights: models of few buckets, so that a word's
// features share rows, whose weights are all -128, all 127 or alternate,
// with the most tags (the top lane signed too) and with fewer.
func TestPackedExtremes(t *testing.T) {
	const bits = 3
	weightOf := map[string]func(b, t int) int8{
		"all -128":  func(b, t int) int8 { return -128 },
		"all 127":   func(b, t int) int8 { return 127 },
		"alternate": func(b, t int) int8 { return int8(-128 + 255*((b+t)%2)) },
	}
	words := strings.Fields("Seoul wants the U.S. to keep 28,500 troops in South Korea , officials said .")
	for _, nt := range []int{maxTags, 20} {
		tags := make([]string, nt)
		for k := range tags {
			tags[k] = fmt.Sprintf("T%d", k)
		}
		for name, wf := range weightOf {
			weights := make([]int8, nt<<bits)
			for b := range 1 << bits {
				for k := range nt {
					weights[b*nt+k] = wf(b, k)
				}
			}
			m, err := Decode(Encode(tags, bits, weights))
			if err != nil {
				t.Fatal(err)
			}
			tg := m.getTagger()
			tg.sentence(words)
			f := NewFeaturizer(words)
			np := len(m.prevTags)
			for i := range words {
				for _, p := range [][2]int{{np - 2, np - 1}, {0, np - 2}, {nt - 1, nt - 1}, {i % nt, (i + 7) % nt}} {
					var want [maxTags + 1]int32
					for _, h := range f.Features(i, m.prevTags[p[0]], m.prevTags[p[1]], nil) {
						m.addRow(&want, h)
					}
					var row scoreRow
					tg.score(i, p[0], p[1], &row)
					var got [maxTags + 1]int32
					for k, v := range row.tags()[:maxTags+1] {
						got[k] = int32(v)
					}
					for k := nt; k <= maxTags; k++ {
						want[k] = absentScore // a tag the model lacks
					}
					if got != want {
						t.Fatalf("%d tags, %s, word %d, tags %v: scores %v, want %v", nt, name, i, p, got[:nt], want[:nt])
					}
				}
			}
			m.putTagger(tg)
		}
	}
}

// TestShapeIndex holds shapeIndex to the shape classes' definition: its
// class names are the shapes of example words.
func TestShapeIndex(t *testing.T) {
	for _, tt := range []struct{ word, want string }{
		{"1996", "d"}, {"3.5", "d"}, {"B52", "ad"}, {"word", "x"}, {"", "x"}, {"NATO", "XX"},
		{"Seoul", "Xx"}, {"iPhone", "xX"}, {"U.S.", "XX"}, {"1-0", "d-"}, {"F-16", "ad-"},
		{"well-known", "x-"}, {"U-N", "XX-"}, {"Ex-Minister", "Xx-"}, {"ex-Minister", "xX-"}, {"É", "x"},
	} {
		if got := shape(tt.word); got != tt.want {
			t.Errorf("shape(%q) = %q, want %q", tt.word, got, tt.want)
		}
	}
}

// plainTags tags words as the trainer sees them: greedily, every feature
// hashed and looked up for every word (Featurizer), then fixTags.
func plainTags(m *Model, words []string) []string {
	f := NewFeaturizer(words)
	out := make([]string, len(words))
	p1, p2 := "-START-", "-START2-"
	for i := range words {
		var scores [maxTags + 1]int32
		for _, h := range f.Features(i, p1, p2, nil) {
			m.addRow(&scores, h)
		}
		best := 0
		for t := 1; t < len(m.tags); t++ {
			if scores[t] > scores[best] {
				best = t
			}
		}
		out[i] = m.tags[best]
		p2, p1 = p1, out[i]
	}
	fixTags(words, out)
	return out
}

// TestTaggerDocument tags a long document, with headlines lowered into a
// reused buffer, and checks every tag against plainTags.
func TestTaggerDocument(t *testing.T) {
	m, err := embedded()
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	b.WriteString("Workers Try To Unload Tanker After Oil Spill\n\n")
	for i := range 3000 {
		fmt.Fprintf(&b, "The council of Town%d voted on Tuesday to spend $%d million on repairs to bridge-%d , officials said . ", i, i, i%97)
		if i%50 == 0 {
			b.WriteString("\n\nMayor Says City Will Rebuild Bridge\n\n")
		}
	}
	text := b.String()
	d := &doc.Document{Text: text, Blocks: []doc.Block{{Span: doc.Span{Start: 0, End: len(text)}}}}
	segment.Segment(d)
	Tag(d)
	var low []byte
	for _, s := range d.Sentences {
		var words []string
		var owner []int
		for k := s.First; k < s.Last; k++ {
			words, owner = appendWords(words, owner, d.TokenText(k), k)
		}
		if headlineCase(words) {
			words, low = lowerWords(words, low)
		}
		want := plainTags(m, words)
		last := -1
		for k, tok := range owner {
			if tok != last {
				if got := d.Tokens[tok].Tag; got != want[k] {
					t.Fatalf("token %d %q: tag %s, want %s", tok, d.TokenText(tok), got, want[k])
				}
				last = tok
			}
		}
	}
}

// TestFixedRowsShare checks the premise of the tagger's summed rows
// (tagger.go) on the sample article (skipped without ../shared): the bias
// and the features with few values (first letter, previous tags, shape
// class: 3, 4, 5, 6, 15) add at least half the weights a word's features
// add. With -v it prints the weights a word by feature.
func TestFixedRowsShare(t *testing.T) {
	text, err := os.ReadFile("../../../shared/samples/korea-us-summit.txt")
	if err != nil {
		t.Skip("../shared/samples/korea-us-summit.txt not found")
	}
	m, err := embedded()
	if err != nil {
		t.Fatal(err)
	}
	d := &doc.Document{Text: string(text), Blocks: []doc.Block{{Span: doc.Span{Start: 0, End: len(text)}}}}
	segment.Segment(d)
	var perFeature [17]int // by index in features' output: 0 the bias, then templates 2..17
	words := 0
	for _, s := range d.Sentences {
		var ws []string
		var owner []int
		for k := s.First; k < s.Last; k++ {
			ws, owner = appendWords(ws, owner, d.TokenText(k), k)
		}
		tags := plainTags(m, ws)
		f := NewFeaturizer(ws)
		for i := range ws {
			p1, p2 := "-START-", "-START2-"
			if i > 0 {
				p1 = tags[i-1]
			}
			if i > 1 {
				p2 = tags[i-2]
			} else if i == 1 {
				p2 = "-START-"
			}
			for k, h := range f.Features(i, p1, p2, nil) {
				tg, _ := m.row(h & m.mask)
				perFeature[k] += len(tg)
			}
			words++
		}
	}
	fixed, all := 0, 0
	for k, n := range perFeature {
		all += n
		if tmpl := k + 1; tmpl == 1 || tmpl == 3 || tmpl == 4 || tmpl == 5 || tmpl == 6 || tmpl == 15 {
			fixed += n
		}
		t.Logf("template %2d: %5.1f weights a word", k+1, float64(n)/float64(words))
	}
	t.Logf("%d words: %.1f weights a word, %.1f of them from the bias and features 3, 4, 5, 6, 15", words, float64(all)/float64(words), float64(fixed)/float64(words))
	if 2*fixed < all {
		t.Errorf("the summed rows hold %d of %d weights: less than half, so summing them may no longer pay (see tagger.go)", fixed, all)
	}
}

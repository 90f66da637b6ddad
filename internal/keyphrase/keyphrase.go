// Package keyphrase finds the phrases a reader would call what an article
// is about, ranked, each with every mention so the page can highlight them.
//
// Steps 1-5 (Extract, the hand method) need only the part-of-speech tags
// and a small background table; step 6 (ExtractLearned, what Annotate uses)
// ranks their candidates with a 336-byte learned model (docs/keyphrases.md
// has the reasoning and the benchmark):
//
//  1. Candidates are noun phrases read off the tags: the longest runs of
//     adjectives and nouns that end in a noun, cut at stop words, numbers,
//     punctuation and possessives, with titles and vague leading modifiers
//     dropped ("recent talks" -> "talks"). Names found by package entity
//     are kept whole ("Bank of America"). Plural and singular forms are one
//     candidate.
//  2. Words are ranked by a random walk over their co-occurrence graph,
//     biased towards words that appear early and often (PositionRank,
//     Florescu & Caragea 2017); the title is the first sentence.
//  3. A candidate scores the sum of its words' ranks, each weighted by how
//     rare the word is in general news (idf from a background table built
//     from other text, never the benchmark), times a factor for length and
//     one for how often the article returns to it, counting phrases that
//     share a common word ("defense costs", "defense spending").
//  4. Near-duplicates are ranked apart: a candidate whose words all occur
//     in better phrases is discounted.
//  5. Each phrase says whether it is only a name ("Donald Trump") or a
//     topic ("defense costs"); the list holds Max topics and the names that
//     rank among them, so a page can show names with the entities and still
//     have Max topics.
//  6. A learned model (learn.go) ranks the candidates, and the single words
//     the article repeats, by features of the steps above and of the
//     article, with at most LonePerTen single common words in the first
//     ten topics (and as many in ten, spread out, after them).
package keyphrase

import (
	"math"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/lede-news/lede/internal/doc"
)

// Options tune the extractor. The zero value is not useful: start from
// Defaults().
type Options struct {
	Max      int     // topics returned (with the names ranked among them; see pick)
	MaxWords int     // longest candidate, in words (a longer run is split between a name and what follows it, or dropped)
	Window   int     // co-occurrence window of the word graph, in tokens
	Damping  float64 // random-walk damping
	IDFPower float64 // weight of a word's specificity: (idf/max idf)^IDFPower
	TitleW   float64 // extra position bias of title words (0: the title is just the first sentence)
	LenNorm  float64 // a candidate's score is divided by words^LenNorm (negative: longer phrases gain)
	FreqPow  float64 // and multiplied by mentions^FreqPow (see Family)
	Redund   float64 // discount (0..1) of a candidate whose words all occur in better ones
	Overlap  float64 // discount per share of its score from words already in better ones
	ParaW    float64 // position bias of a paragraph's first sentence (0 by default: see docs/keyphrases.md)
	Family   float64 // weight of the mentions of phrases sharing a common word (see familyFreq)
	Aliases  bool    // count an entity's aliases as the entity ("Trump" = "Donald Trump")
	NameMod  float64 // weight of a name modifying a common noun ("Hyundai" in "Hyundai workers")
}

// Defaults returns the settings Annotate uses. The length and frequency
// factors were chosen by cross-validation over both development sets,
// DUC-2001 and the 500N-KPCrowd dev half (bench/keyphrases/cv.mjs); the
// rest on DUC-2001 earlier, where most of them move F1@10 by under a point
// (docs/keyphrases.md).
func Defaults() Options {
	return Options{Max: 15, MaxWords: 3, Window: 30, Damping: 0.85, IDFPower: 1,
		LenNorm: 0.25, FreqPow: 1.5, Redund: 0.6, NameMod: 0.1, Family: 0.5, Aliases: true}
}

// maxWords bounds the text read: about 25 long news articles. Past it
// (a book pasted whole) the rest is not read, which keeps the graph, and the
// memory a browser tab needs, bounded.
const maxWords = 20000

// Annotate sets d.Keyphrases: the hand method's candidates and single
// words, ranked by the learned model (ExtractLearned).
func Annotate(d *doc.Document) { d.Keyphrases = ExtractLearned(d, Defaults()) }

// candidate is one distinct noun phrase with its mentions.
type candidate struct {
	key       string // word Keys joined by " "
	words     []int  // node ids of its words
	first     int    // position (word index) of the first mention
	mention   []doc.Mention
	forms     []form // surface forms outside the title, in order of first use
	proper    bool   // made of proper nouns (or an entity)
	score     float64
	contrib   []float64 // each word's share of score
	titleForm string    // its form in the title, shown only if the body has none
	wordW     []float64 // weight of each word in the score
	properW   []bool    // whether each word is part of a name
	last      int       // position of the last mention
	inTitle   bool      // mentioned in the title
}

type extractor struct {
	d     *doc.Document
	opt   Options
	idf   *IDF
	node  map[string]int // word Key -> node id
	keys  []string
	cands map[string]*candidate
	order []*candidate
	// the word sequence for the graph: node id or -1 for a word outside
	// any candidate, and each word's position
	seq    []int
	sentNo int // ordinal of the sentence being read
	// canon maps the first token of an entity mention to the entity's
	// key; canonName maps that key to the entity's name
	canon     map[int]string
	canonName map[string]string
	bias      []float64   // per node: position bias
	sents     []int       // the sentences read: title, then body
	length    int         // words read (the position after the last)
	rank      []float64   // per node: its rank in the walk
	units     map[int]int // entityUnits
	keyBuf    []byte      // addCandidate's scratch: a run's key, kept as a string only when new
}

// Extract returns d's keyphrases, best first, scores in 0..1.
func Extract(d *doc.Document, opt Options) []doc.Phrase {
	e := score(d, opt)
	if e == nil {
		return nil
	}
	return e.pick()
}

// score reads d's candidates and scores them (steps 1-3), or returns nil
// when d has none.
func score(d *doc.Document, opt Options) *extractor {
	e := &extractor{d: d, opt: opt, idf: background(), node: map[string]int{}, cands: map[string]*candidate{},
		canon: map[int]string{}, canonName: map[string]string{}}
	sents := e.sentences()
	e.sents = sents
	if len(sents) == 0 {
		return nil
	}
	inEntity := e.entityUnits()
	e.units = inEntity
	pos := 0
	for _, si := range sents {
		if pos > maxWords {
			break
		}
		pos = e.readSentence(si, pos, inEntity)
		e.sentNo++
	}
	e.length = pos
	if len(e.order) == 0 {
		return nil
	}
	rank := e.walk()
	e.rank = rank
	freq := e.familyFreq()
	for _, c := range e.order {
		s := 0.0
		c.contrib = make([]float64, len(c.words))
		for i, w := range c.words {
			c.contrib[i] = c.wordW[i] * rank[w] * math.Pow(e.idf.Of(e.keys[w])/e.idf.maxIDF(), opt.IDFPower)
			s += c.contrib[i]
		}
		f := math.Pow(float64(len(c.words)), -opt.LenNorm) * math.Pow(freq[c], opt.FreqPow)
		for i := range c.contrib {
			c.contrib[i] *= f
		}
		c.score = s * f
	}
	return e
}

// familyFreq counts each candidate's mentions plus, at weight Family, the
// mentions of the other candidates that share a common word with it: a
// topic the article keeps returning to under different phrases ("defense
// costs", "defense spending", "defense budgets") is one topic mentioned
// three times. Names do not make a family: "South Korean goods" and "South
// Korean firms" are not one topic.
func (e *extractor) familyFreq() map[*candidate]float64 {
	freq := make(map[*candidate]float64, len(e.order))
	byWord := map[int][]*candidate{}
	for _, c := range e.order {
		freq[c] = float64(len(c.mention))
		for i, w := range c.words {
			if !c.properW[i] {
				byWord[w] = append(byWord[w], c)
			}
		}
	}
	if e.opt.Family == 0 {
		return freq
	}
	seen := map[*candidate]bool{}
	for _, c := range e.order {
		clear(seen)
		seen[c] = true
		for i, w := range c.words {
			if c.properW[i] {
				continue
			}
			for _, o := range byWord[w] {
				if !seen[o] {
					seen[o] = true
					freq[c] += e.opt.Family * float64(len(o.mention))
				}
			}
		}
	}
	return freq
}

// sentences returns the sentences that are the article: title first, then
// the body. With no block marked body (a bare list of lines), every
// sentence that is not a related link or boilerplate.
func (e *extractor) sentences() []int {
	var title, body, other []int
	for i, s := range e.d.Sentences {
		if s.Block < 0 || s.Block >= len(e.d.Blocks) {
			continue
		}
		switch e.d.Blocks[s.Block].Role {
		case doc.Title:
			title = append(title, i)
		case doc.Body:
			body = append(body, i)
		case doc.Byline, doc.Dateline, doc.Related, doc.Boilerplate:
		default:
			other = append(other, i)
		}
	}
	if len(body) == 0 {
		body = other
	}
	return append(title, body...)
}

// entityUnits maps the first token of every multi-word entity mention to
// one past its last token, so a name is read as one unit, and records in
// e.canon the entity each mention (one word or more) belongs to, so every
// alias counts as the entity: "Trump" is "Donald Trump".
func (e *extractor) entityUnits() map[int]int {
	if len(e.d.Entities) == 0 {
		return nil
	}
	units := map[int]int{}
	for _, en := range e.d.Entities {
		canonical := canonicalKey(en.Name)
		if canonical == "" {
			continue
		}
		for _, m := range en.Mentions {
			if m.Sentence < 0 || m.Sentence >= len(e.d.Sentences) {
				continue
			}
			// The mention's tokens: from the first that starts at or after
			// it to the last that ends within it. Tokens are in order, so
			// binary search: a scan of the sentence for every mention is
			// quadratic in a sentence of 50,000 tokens.
			s := e.d.Sentences[m.Sentence]
			toks := e.d.Tokens[s.First:s.Last]
			a, b := -1, -1
			if i := sort.Search(len(toks), func(i int) bool { return toks[i].Start >= m.Start }); i < len(toks) {
				a = s.First + i
			}
			if i := sort.Search(len(toks), func(i int) bool { return toks[i].End > m.End }); i > 0 {
				b = s.First + i
			}
			// "The Health Department" is the name "Health Department"
			for a >= 0 && a < b && stopwords[strings.ToLower(e.d.TokenText(a))] {
				a++
			}
			if a < 0 || b <= a || !e.nameLike(a, b) {
				continue
			}
			if b > a+1 { // one-token names need no unit
				units[a] = b
			}
			e.canon[a] = canonical
			e.canonName[canonical] = en.Name
		}
	}
	return units
}

// canonicalKey is the word Keys of an entity's name, joined.
func canonicalKey(name string) string {
	var sb strings.Builder
	for _, w := range strings.Fields(name) {
		if sb.Len() == 0 && stopwords[strings.ToLower(w)] {
			continue // "The Health Department"
		}
		if sb.Len() > 0 {
			sb.WriteByte(' ')
		}
		sb.WriteString(Key(w))
	}
	return sb.String()
}

// nameAt reports whether a name starts at token t: an entity, or a
// capitalised proper noun.
func (e *extractor) nameAt(t int, units map[int]int) bool {
	if _, ok := units[t]; ok {
		return true
	}
	return isProper(e.d.Tokens[t].Tag) && startsUpper(e.d.TokenText(t))
}

// nameLike reports whether tokens [a, b) read as a name: capitalised words
// and the small words names contain ("Bank of America"). It keeps a
// mistaken entity ("Lee remains committed") from becoming a keyphrase.
func (e *extractor) nameLike(a, b int) bool {
	for t := a; t < b; t++ {
		w := e.d.TokenText(t)
		if e.d.Tokens[t].Kind != doc.Word || startsUpper(w) || nameGlue[w] {
			continue
		}
		return false
	}
	return true
}

var nameGlue = wordSet("of the and for de del der di du la le van von al bin da dos &")

func isNoun(tag string) bool   { return strings.HasPrefix(tag, "NN") }
func isAdj(tag string) bool    { return strings.HasPrefix(tag, "JJ") }
func isProper(tag string) bool { return strings.HasPrefix(tag, "NNP") }

func (e *extractor) nodeOf(key string) int {
	if id, ok := e.node[key]; ok {
		return id
	}
	id := len(e.keys)
	e.node[key] = id
	e.keys = append(e.keys, key)
	e.bias = append(e.bias, 0)
	return id
}

// part is a token (or an entity's tokens) in a run.
type part struct {
	a, b   int // token range
	key    string
	noun   bool
	proper bool
	unit   bool // a named entity's mention
}

// allOffices reports whether every part of a run is an office word
// ("chief", "vice"): the start of a title, not a phrase.
func allOffices(run []part) bool {
	for _, p := range run {
		if p.unit || !titleNouns[strings.TrimSuffix(p.key, ".")] {
			return false
		}
	}
	return true
}

// readSentence collects the candidates of sentence si and extends the word
// sequence; pos is the document position of its first word.
func (e *extractor) readSentence(si, pos int, units map[int]int) int {
	s := e.d.Sentences[si]
	var run []part
	title := e.d.Blocks[s.Block].Role == doc.Title
	// the first sentence of a later paragraph of several sentences states
	// that paragraph's topic ("Defense spending is another pressing issue.")
	lead := si > 0 && e.d.Sentences[si-1].Block != s.Block && e.sentNo > 1 && !title &&
		si+1 < len(e.d.Sentences) && e.d.Sentences[si+1].Block == s.Block
	start := pos
	flush := func() {
		e.addRun(run, si, pos)
		run = run[:0]
	}
	for t := s.First; t < s.Last; t++ {
		tok := e.d.Tokens[t]
		text := e.d.TokenText(t)
		if b, ok := units[t]; ok && b <= s.Last {
			// a name starts its own phrase; common nouns may follow it
			// ("Hyundai workers") but nothing is glued before it
			flush()
			key := e.unitKey(t, b)
			if c, ok := e.canon[t]; ok && e.opt.Aliases {
				key = c
			}
			// a name ending in an adjective ("South Korean") is a nationality
			// or the like: a modifier, never a phrase on its own
			adjName := isAdj(e.d.Tokens[b-1].Tag)
			run = append(run, part{a: t, b: b, key: key, noun: !adjName, proper: true, unit: true})
			for u := t; u < b; u++ {
				e.seq = append(e.seq, e.nodeOf(key))
				e.bias[e.node[key]] += e.posWeight(pos, title, lead, pos-start)
				pos++
			}
			t = b - 1
			continue
		}
		if tok.Kind != doc.Word {
			flush()
			if tok.Kind == doc.Number {
				e.seq = append(e.seq, -1)
				pos++
			}
			continue
		}
		key := Key(text)
		bare := strings.TrimSuffix(key, ".")
		if c, ok := e.canon[t]; ok && e.opt.Aliases && isProper(tok.Tag) {
			key = c // an alias of an entity: "Trump" for "Donald Trump"
		}
		noun, adj := isNoun(tok.Tag), isAdj(tok.Tag)
		if stopwords[bare] || !(noun || adj) || !isWordLike(text) || isClitic(text) || hasDigit(text) && !isProper(tok.Tag) {
			flush()
			e.seq = append(e.seq, -1)
			pos++
			continue
		}
		if len(run) > 0 && (run[len(run)-1].unit && (isProper(tok.Tag) || startsUpper(text)) ||
			isProper(tok.Tag) && run[len(run)-1].noun && !run[len(run)-1].proper) {
			// two names side by side are two phrases, and a common noun
			// does not modify a name ("the Supreme Court seat Thomas won")
			flush()
		}
		if titleNouns[bare] && t+1 < s.Last && e.nameAt(t+1, units) {
			// "U.S. President Donald Trump": the title belongs to the name
			// that follows, not to a phrase of its own, and so do the
			// office words before it ("Chief executive Anders Holm")
			if allOffices(run) {
				run = run[:0]
			}
			flush()
			e.seq = append(e.seq, -1)
			pos++
			continue
		}
		id := e.nodeOf(key)
		e.seq = append(e.seq, id)
		e.bias[id] += e.posWeight(pos, title, lead, pos-start)
		pos++
		run = append(run, part{a: t, b: t + 1, key: key, noun: noun, proper: isProper(tok.Tag)})
		// a possessive ends the phrase: "Korea's nuclear program"
		if t+1 < s.Last && isClitic(e.d.TokenText(t+1)) {
			flush()
		}
	}
	flush()
	return pos
}

func hasDigit(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] >= '0' && w[i] <= '9' {
			return true
		}
	}
	return false
}

func isClitic(w string) bool {
	switch w {
	case "'s", "\u2019s", "'", "\u2019", "'S":
		return true
	}
	return false
}

func (e *extractor) posWeight(pos int, title, lead bool, k int) float64 {
	w := 1 / float64(pos+1)
	if lead {
		w += e.opt.ParaW / float64(k+1)
	}
	if title {
		w *= 1 + e.opt.TitleW
	}
	return w
}

func (e *extractor) unitKey(a, b int) string {
	var sb strings.Builder
	for t := a; t < b; t++ {
		if e.d.Tokens[t].Kind == doc.Punct {
			continue
		}
		if sb.Len() > 0 {
			sb.WriteByte(' ')
		}
		sb.WriteString(Key(e.d.TokenText(t)))
	}
	return sb.String()
}

// addRun turns a run of adjectives and nouns into a candidate: vague
// leading modifiers and trailing adjectives are trimmed.
func (e *extractor) addRun(run []part, si, pos int) {
	for len(run) > 0 {
		k := strings.TrimSuffix(run[0].key, ".")
		if !(titles[k] && len(run) > 1 || weakLead[k] && !run[0].proper || !run[0].noun && len(run) == 1) {
			break
		}
		run = run[1:]
	}
	properAdj := false
	for len(run) > 0 && !run[len(run)-1].noun {
		last := run[len(run)-1]
		properAdj = properAdj || startsUpper(e.d.TokenText(last.a))
		run = run[:len(run)-1]
	}
	if len(run) == 0 || properAdj && run[len(run)-1].proper {
		// "South Korean" with no noun after it is a nationality, and
		// "South" alone would be a fragment of it
		return
	}
	if len(run) > e.opt.MaxWords {
		// too long for one phrase: split a name from the common nouns
		// after it ("Asia-Pacific Economic Cooperation" + "summit")
		for k := 1; k < len(run); k++ {
			if run[k-1].proper != run[k].proper {
				e.addRun(run[:k], si, pos)
				e.addRun(run[k:], si, pos+k)
				return
			}
		}
		return
	}
	e.addCandidate(run, si, pos)
}

func (e *extractor) addCandidate(run []part, si, pos int) {
	// most runs repeat a candidate already seen: its key is looked up from
	// a scratch buffer (a map index by string(bytes) does not allocate)
	b := e.keyBuf[:0]
	proper := true
	for i, p := range run {
		if i > 0 {
			b = append(b, ' ')
		}
		b = append(b, p.key...)
		proper = proper && p.proper
	}
	e.keyBuf = b
	c := e.cands[string(b)]
	if c == nil {
		key := run[0].key
		if len(run) > 1 {
			key = string(b)
		}
		c = &candidate{key: key, first: pos, proper: proper}
		head := run[len(run)-1]
		for _, p := range run {
			c.words = append(c.words, e.node[p.key])
			w := 1.0
			if p.proper && !head.proper {
				w = e.opt.NameMod
			}
			c.wordW = append(c.wordW, w)
			c.properW = append(c.properW, p.proper)
		}
		e.cands[key] = c
		e.order = append(e.order, c)
	}
	c.last = pos
	span := doc.Span{Start: e.d.Tokens[run[0].a].Start, End: e.d.Tokens[run[len(run)-1].b-1].End}
	c.mention = append(c.mention, doc.Mention{Span: span, Sentence: si})
	form := span.Of(e.d.Text)
	if !run[0].proper && run[0].a == e.d.Sentences[si].First {
		form = lowerFirst(form)
	}
	if e.d.Blocks[e.d.Sentences[si].Block].Role == doc.Title {
		c.inTitle = true
		c.titleForm = form // the title's casing ("ALASKA TANKER") only if nothing else
	} else {
		c.forms = addForm(c.forms, form)
	}
}

func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || !unicode.IsUpper(r) {
		return s
	}
	// keep acronyms ("NATO forces")
	if n < len(s) {
		if r2, _ := utf8.DecodeRuneInString(s[n:]); unicode.IsUpper(r2) {
			return s
		}
	}
	return string(unicode.ToLower(r)) + s[n:]
}

// walk ranks the words by a biased random walk (personalised PageRank) on
// their co-occurrence graph: two words are linked when they occur within
// Window tokens of each other, weighted by how often they do.
func (e *extractor) walk() []float64 {
	n := len(e.keys)
	// every co-occurrence as one (a, b) pair, a < b, bucketed by a (a
	// counting sort: two passes over the window instead of sorting every
	// pair), so equal pairs sum into one edge: no maps, and the same order
	// on every run
	start := make([]int32, n+1)
	e.eachPair(func(lo, _ int) { start[lo+1]++ })
	for i := 1; i <= n; i++ {
		start[i] += start[i-1]
	}
	his := make([]int32, start[n])
	fill := append([]int32(nil), start[:n]...)
	e.eachPair(func(lo, hi int) {
		his[fill[lo]] = int32(hi)
		fill[lo]++
	})
	// each bucket's distinct partners in ascending order with their counts:
	// the links in (a, b) order
	type link struct {
		a, b int32
		w    float32
	}
	links := make([]link, 0, start[n]) // at most one per pair: no regrowing
	count := make([]int32, n)
	var seen []int32
	for a := 0; a < n; a++ {
		seen = seen[:0]
		for _, b := range his[start[a]:start[a+1]] {
			if count[b] == 0 {
				seen = append(seen, b)
			}
			count[b]++
		}
		slices.Sort(seen)
		for _, b := range seen {
			links = append(links, link{int32(a), b, float32(count[b])})
			count[b] = 0
		}
	}
	// the adjacency lists in one array, each node's edges in link order
	type edge struct {
		to int32
		w  float32
	}
	first := make([]int32, n+1)
	for _, l := range links {
		first[l.a+1]++
		first[l.b+1]++
	}
	for i := 1; i <= n; i++ {
		first[i] += first[i-1]
	}
	edges := make([]edge, first[n])
	at := append([]int32(nil), first[:n]...)
	deg := make([]float64, n)
	for _, l := range links {
		edges[at[l.a]] = edge{l.b, l.w}
		at[l.a]++
		edges[at[l.b]] = edge{l.a, l.w}
		at[l.b]++
		deg[l.a] += float64(l.w)
		deg[l.b] += float64(l.w)
	}
	// the bias: where and how early each word occurs
	p := make([]float64, n)
	sum := 0.0
	for i := range p {
		p[i] = e.bias[i]
		sum += p[i]
	}
	if sum == 0 {
		return p
	}
	for i := range p {
		p[i] /= sum
	}
	r := append([]float64(nil), p...)
	next := make([]float64, n)
	d := e.opt.Damping
	for it := 0; it < 100; it++ {
		dangling := 0.0
		for i := range next {
			next[i] = 0
		}
		for a := 0; a < n; a++ {
			if deg[a] == 0 {
				dangling += r[a]
				continue
			}
			// one division a node, not one an edge (a tenth of the
			// keyphrase pass was this division)
			share := r[a] / deg[a]
			for _, ed := range edges[first[a]:first[a+1]] {
				next[ed.to] += share * float64(ed.w)
			}
		}
		delta := 0.0
		for i := range next {
			v := (1-d)*p[i] + d*(next[i]+dangling*p[i])
			delta += math.Abs(v - r[i])
			r[i] = v
		}
		if delta < 1e-6 {
			break
		}
	}
	return r
}

// eachPair calls f for every two distinct words within Window tokens of
// each other, lower node first.
func (e *extractor) eachPair(f func(lo, hi int)) {
	for i, a := range e.seq {
		if a < 0 {
			continue
		}
		for j := i + 1; j < len(e.seq) && j < i+e.opt.Window; j++ {
			b := e.seq[j]
			if b < 0 || b == a {
				continue
			}
			if a < b {
				f(a, b)
			} else {
				f(b, a)
			}
		}
	}
}

// pick ranks the candidates and returns the best Max, ranking
// near-duplicates apart.
func (e *extractor) pick() []doc.Phrase {
	cs := e.order
	sort.SliceStable(cs, func(i, j int) bool {
		if cs[i].score != cs[j].score {
			return cs[i].score > cs[j].score
		}
		return cs[i].first < cs[j].first
	})
	var chosen []*candidate
	covered := map[int]int{} // node -> times covered by chosen phrases
	rest := cs
	// Max topics, and the names that rank among them: in a name-dense
	// article the page still has Max topics to show beside the entities
	topics := 0
	for topics < e.opt.Max && len(chosen) < 2*e.opt.Max && len(rest) > 0 {
		// the best candidate after the redundancy discount
		bi, best := -1, -1.0
		for i, c := range rest {
			if c.score <= 0 && bi >= 0 {
				break
			}
			s := c.score
			cov, old := 0, 0.0
			for i, w := range c.words {
				if covered[w] > 0 {
					cov++
					old += c.contrib[i]
				}
			}
			if cov == len(c.words) {
				s *= 1 - e.opt.Redund
			} else {
				s -= e.opt.Overlap * old
			}
			if s > best {
				bi, best = i, s
			}
			if i > 50 {
				break
			}
		}
		c := rest[bi]
		c.score = best
		chosen = append(chosen, c)
		if !e.isName(c) {
			topics++
		}
		for _, w := range c.words {
			covered[w]++
		}
		rest = append(rest[:bi:bi], rest[bi+1:]...)
	}
	if len(chosen) == 0 {
		return nil
	}
	top := chosen[0].score
	out := make([]doc.Phrase, 0, len(chosen))
	for _, c := range chosen {
		sc := 0.0
		if top > 0 {
			sc = c.score / top
		}
		text := bestForm(c.forms)
		if name, ok := e.canonName[c.key]; ok && e.opt.Aliases {
			text = name // the fullest form of a name, as the entity panel shows it
		}
		if text == "" {
			text = strings.Join(strings.Fields(c.titleForm), " ")
		}
		out = append(out, doc.Phrase{Text: text, Score: math.Round(sc*1e4) / 1e4, Mentions: c.mention, Name: e.isName(c)})
	}
	return out
}

// isName reports whether c is only a name: an entity found by package
// entity, or proper nouns. The page leaves those to the entity panel.
func (e *extractor) isName(c *candidate) bool {
	_, ok := e.canonName[c.key]
	return c.proper || ok
}

// form is a surface form of a candidate and how often it occurs.
type form struct {
	text string
	n    int
}

// addForm counts one more occurrence of surface form f.
func addForm(forms []form, f string) []form {
	for i := range forms {
		if forms[i].text == f {
			forms[i].n++
			return forms
		}
	}
	return append(forms, form{f, 1})
}

// bestForm is the most frequent surface form (the first seen among equals),
// with its white space collapsed.
func bestForm(forms []form) string {
	best := form{}
	for _, f := range forms {
		if f.n > best.n {
			best = f
		}
	}
	return oneSpaced(best.text)
}

// oneSpaced is strings.Join(strings.Fields(s), " "), without allocating
// when s already reads so, as nearly every form does.
func oneSpaced(s string) string {
	prevSpace := true // a space at the start is not single
	for _, r := range s {
		if unicode.IsSpace(r) {
			if r != ' ' || prevSpace {
				return strings.Join(strings.Fields(s), " ")
			}
			prevSpace = true
		} else {
			prevSpace = false
		}
	}
	if prevSpace && s != "" {
		return strings.Join(strings.Fields(s), " ") // a space at the end
	}
	return s
}

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
//     article; the list is in its order, and the topics of the page's panel
//     are numbered in another, with at most PanelLone single common words
//     in its first ten (and as many in ten, spread out, after them).
package keyphrase

import (
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/lede-news/lede/internal/arena"
	"github.com/lede-news/lede/internal/charref"
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
	// NameParts makes each capitalised word of a longer name said at least
	// twice a learned candidate of its own ("Buble" of "Michael Buble",
	// "Korea" of "South Korea"), a name unless the article also says it
	// in lower case ("cooperation"), with the share of its occurrences
	// inside a name as a feature (FPart). Off (Defaults), and the shipped
	// ranker is trained without it: 500N's crowd lists such words, but
	// over six dealings of the 5-fold cross-validation they add 0.1 on
	// 500N and 0.2 on DUC-2001 on average (−0.2 to +0.5 on 500N; +0.5 on
	// the usual dealing alone), while the report's list takes "Korea"
	// beside "South Korea" and "Trump" beside "Donald Trump" (the sample
	// article's first ten: six names instead of four). The trainer's
	// -name-parts reproduces it (docs/keyphrases.md, the fifth round).
	NameParts bool
	// KeepVerbs turns off the rule that reads a noun standing where a
	// verbless clause's verb would as that verb, no word of a topic
	// (missingVerbs; on since the eleventh round): for comparison in
	// cmd/train-keyphrases (-keep-verbs).
	KeepVerbs bool
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
	kid       int32   // its key (word Keys joined by " "): an index into extractor.key
	idx       int32   // its index in extractor.order (before pick sorts it)
	words     []int32 // node ids of its words
	first     int     // position (word index) of the first mention
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

// keyInfo is what the extractor knows of one key: a word's Key, a name's
// Keys joined, or a phrase's. Every key string of a document is interned
// once (extractor.intern) and is an index into extractor.key after that,
// so the per-token work indexes slices instead of hashing strings: in
// WebAssembly, which has no hardware string hash, each map probe hashes
// the string a byte at a time, and the keyphrase pass had the largest share of the
// engine's map costs.
//
// The lower-cased texts of the tokens are interned in the same table (most
// are keys too: "visa" is the key of "visas" and "Visa"), each with the id
// of its own Key (keyOf).
type keyInfo struct {
	text  string
	node  int32  // its node in the word graph; -1: none
	cand  int32  // the candidate of this key (index into order); -1: none
	word  int32  // its single-word statistics in candidates(); -1: none
	out   int32  // its Candidate in candidates()'s output; -1: none
	keyOf int32  // as a token's lower-cased text, the id of its Key; -1: not known yet
	flags uint8  // keyStop, ...: the word lists its key (without a final ".") is in
	name  string // the entity's name when this is an entity's canonical key
	ent   int32  // as a canonical key, its entity's index in Document.Entities + 1 (0: none)
	hash  uint64 // hash64(text): keyID's probes, and the idf's (IDF.ofHash)
}

// Flags of a key: the word lists its bare form (the key without a final
// ".") is in, and whether that form is shorter than two bytes.
const (
	keyStop      = 1 << iota // stopwordsList
	keyWeak                  // weakLeadList
	keyTitleNoun             // titleNounsList
	keyTitle                 // titlesList
	keyShort                 // under two bytes
	keyLowStop               // the text itself (final "." and all) is a stop word
)

type extractor struct {
	d      *doc.Document
	opt    Options
	idf    *IDF
	maxIDF float64
	// per token of [tok0, tokEnd), at t-tok0 (cut from per): the id of
	// its lower-cased text + 1 (0: not looked up yet); then, for
	// entityUnits, one past the last token of a multi-word entity mention
	// starting there (0: none), and the key id + 1 of the entity a mention
	// starting there belongs to (0: none)
	tokLower, unitEnd, canonTok []int32
	tok0, tokEnd                int           // the tokens read: those of the sentences read
	sentNo                      int           // ordinal of the sentence being read
	sents                       []int         // the sentences read: title, then body
	length                      int           // words read (the position after the last)
	rank                        []float64     // per node: its rank in the walk
	strs                        arena.Strings // new key strings
	tables
}

// tables are an extractor's per-document tables, kept for the next
// document when the extractor is reused (learned.get, release).
type tables struct {
	// the interned keys and lower-cased token texts: keyID is an
	// open-addressing table of key ids + 1 (0: empty slot), hashed by
	// hash64 and probed linearly, its length a power of two at least twice
	// len(key). Not a map[string]int32: in wasm a string hashes in software
	// (runtime.memhashFallback) through the map's generic path, and this
	// table is read for every token read and written for every new key
	keyID []int32
	key   []keyInfo
	per   []int32 // tokLower, unitEnd and canonTok
	// per node: its key, idf, specificity (score), position bias
	nodeKey           []int32
	nodeIDF, pw, bias []float64
	order             []*candidate
	// the word sequence for the graph: node id or -1 for a word outside
	// any candidate, and each word's position
	seq []int32
	// the tokens missingVerbs finds in the sentences read, in order
	verbs []int
	// every candidate mention in reading order, with its candidate's idx:
	// dealt to the candidates when the text is read (mentions), so their
	// lists cost one allocation, not a growing slice each
	ments []candMention
	// scratch: a run's key, a lower-cased word, a sentence's run; and
	// candidates and their small slices, carved a chunk at a time
	keyBuf, lowBuf []byte
	run            []part
	chunk          []candidate
	ints           []int32
	floats         []float64
	bools          []bool
	forms          []form
	contribs       []float64
	// the walk's integers, pairs, weights and floats
	wints       []int32
	pairs       []uint32 // node ids, unsigned so received2 loads one with its index folded in
	wf, wfloats []float64
	links       []links // per node: its edges, cut from pairs and wf
	// candidates(): the single words, their mentions, its output
	wordOrder []wordStat
	wments    []candMention
	out       []Candidate
	ab        []about
}

// candMention is a mention of candidate c.
type candMention struct {
	m doc.Mention
	c int32
}

// Extract returns d's keyphrases, best first, scores in 0..1.
func Extract(d *doc.Document, opt Options) []doc.Phrase {
	e := &extractor{}
	if !e.score(d, opt) {
		return nil
	}
	return e.pick()
}

// score reads d's candidates and scores them (steps 1-3), and reports
// false when d has none. e is new or released (release): its tables are
// cut from the buffers it holds.
func (e *extractor) score(d *doc.Document, opt Options) bool {
	e.d, e.opt, e.idf = d, opt, background()
	e.maxIDF = e.idf.maxIDF()
	sents := sentences(d)
	e.sents = sents
	if len(sents) == 0 {
		return false
	}
	e.tokenRange()
	// the words' and candidates' keys, sized once so that neither grows
	// through an article: they number about 0.8 a token in a short one (289
	// for 353 tokens on the 3.3 KB sample; at n/2 both grew once), fewer in
	// a long one
	n := e.tokEnd - e.tok0
	e.key = emptied(e.key, min(n*7/8+16, 4096))
	if len(e.keyID) < 2*cap(e.key) { // else cleared by release
		e.keyID = make([]int32, slotsFor(cap(e.key)))
	}
	e.per = zeroed(e.per, 3*n)
	per := e.per
	e.tokLower, e.unitEnd, e.canonTok = per[:n:n], per[n:2*n:2*n], per[2*n:]
	e.seq = emptied(e.seq, n)
	e.verbs = e.verbs[:0]
	e.nodeKey, e.bias, e.order = e.nodeKey[:0], e.bias[:0], e.order[:0]
	e.ments = emptied(e.ments, n/4+16)
	e.entityUnits()
	pos := 0
	for _, si := range sents {
		if pos > maxWords {
			break
		}
		pos = e.readSentence(si, pos)
		e.sentNo++
	}
	e.length = pos
	if len(e.order) == 0 {
		return false
	}
	e.mentions()
	rank := e.walk()
	e.rank = rank
	e.nodeIDF = zeroed(e.nodeIDF, len(e.nodeKey))
	e.pw = zeroed(e.pw, len(e.nodeKey))
	pw := e.pw // per node: its specificity, (idf / max idf)^IDFPower
	for w, k := range e.nodeKey {
		e.nodeIDF[w] = e.idf.ofHash(e.key[k].hash)
		pw[w] = math.Pow(e.nodeIDF[w]/e.maxIDF, opt.IDFPower)
	}
	freq := e.familyFreq()
	contrib := emptied(e.contribs, 2*len(e.order))
	for _, c := range e.order {
		s := 0.0
		contrib, c.contrib = carve(contrib, len(c.words))
		for i, w := range c.words {
			c.contrib[i] = c.wordW[i] * rank[w] * pw[w]
			s += c.contrib[i]
		}
		f := math.Pow(float64(len(c.words)), -opt.LenNorm) * math.Pow(freq[c.idx], opt.FreqPow)
		for i := range c.contrib {
			c.contrib[i] *= f
		}
		c.score = s * f
	}
	e.contribs = contrib
	return true
}

// zeroed returns n zero elements, in s's array when it has room. Not
// inlined: its seven calls inlined cost 2 KB of wasm.
//
//go:noinline
func zeroed[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	clear(s)
	return s
}

// emptied returns s emptied, or a new empty slice of capacity n when s
// has less room.
func emptied[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, 0, n)
	}
	return s[:0]
}

// maxKeep bounds the bytes of tables a released extractor keeps for the
// next document (release): the 3.3 KB sample's take about 200 KB, most of
// them the walk's pairs and weights, which grow with the words read times
// Window: some 330 bytes a word of running text, so a text past about
// 3,000 words is let go (a book pasted whole reads 20,000). Every table is
// counted (tables.bytes), not only those four: the per-token tables grow
// with all the tokens between the first and the last sentence read
// (punctuation, unread blocks), the key buffers with the longest word, and
// a paste of few words can make either large.
const maxKeep = 1 << 20

// bytes is what the tables' arrays take (their capacity).
func (t *tables) bytes() int {
	return cap(t.key)*int(unsafe.Sizeof(keyInfo{})) + (cap(t.keyID)+cap(t.per))*4 + cap(t.nodeKey)*4 +
		(cap(t.nodeIDF)+cap(t.pw)+cap(t.bias))*8 + cap(t.order)*int(unsafe.Sizeof(&candidate{})) +
		cap(t.seq)*4 + (cap(t.ments)+cap(t.wments))*int(unsafe.Sizeof(candMention{})) +
		cap(t.keyBuf) + cap(t.lowBuf) + cap(t.run)*int(unsafe.Sizeof(part{})) + cap(t.verbs)*8 +
		cap(t.chunk)*int(unsafe.Sizeof(candidate{})) + cap(t.ints)*4 + cap(t.floats)*8 + cap(t.bools) +
		cap(t.forms)*int(unsafe.Sizeof(form{})) + cap(t.contribs)*8 +
		(cap(t.wints)+cap(t.pairs))*4 + (cap(t.wf)+cap(t.wfloats))*8 +
		cap(t.links)*int(unsafe.Sizeof(links{})) +
		cap(t.wordOrder)*int(unsafe.Sizeof(wordStat{})) + cap(t.out)*int(unsafe.Sizeof(Candidate{})) +
		cap(t.ab)*int(unsafe.Sizeof(about{}))
}

// release readies e for another document: the tables it keeps are cleared
// of the strings and slices they held (so a kept extractor holds nothing of
// the document it read; score empties them), and every other field is
// zeroed. It reports false, keeping nothing, when the tables exceed
// maxKeep bytes.
func (e *extractor) release() bool {
	n := e.tables.bytes()
	if cap(e.chunk) < len(e.order) { // the chunk made below
		n += len(e.order) * int(unsafe.Sizeof(candidate{}))
	}
	if n > maxKeep {
		return false
	}
	clear(e.keyID)
	clear(e.key)
	clear(e.order)
	// the candidates of the next document in one chunk: as many as this
	// one had
	if cap(e.chunk) < len(e.order) {
		e.chunk = make([]candidate, 0, len(e.order))
	} else {
		clear(e.chunk)
		e.chunk = e.chunk[:0]
	}
	// carve's pools hold zeros past their length
	clear(e.ints)
	clear(e.floats)
	clear(e.bools)
	clear(e.forms)
	e.ints, e.floats, e.bools, e.forms = e.ints[:0], e.floats[:0], e.bools[:0], e.forms[:0]
	clear(e.links)
	clear(e.wordOrder)
	clear(e.out)
	clear(e.ab)
	*e = extractor{tables: e.tables}
	return true
}

// carve cuts n zero elements off the free end of pool, starting a new
// backing array (and leaving the old one to the slices already cut from
// it) when it is full: many small slices in a few allocations. It returns
// the pool and the n elements, capped so that an append to them copies.
func carve[T any](pool []T, n int) ([]T, []T) {
	if len(pool)+n > cap(pool) {
		pool = make([]T, 0, max(2*cap(pool), n, 64))
	}
	l := len(pool)
	pool = pool[:l+n]
	return pool, pool[l : l+n : l+n]
}

// tokenRange sets [tok0, tokEnd) to the tokens of the sentences read
// (sentencesRead), so a book pasted whole costs its per-token tables only
// for what is read.
func (e *extractor) tokenRange() {
	e.tok0, e.tokEnd = len(e.d.Tokens), 0
	for _, si := range sentencesRead(e.d, e.sents) {
		s := e.d.Sentences[si]
		e.tok0, e.tokEnd = min(e.tok0, s.First), max(e.tokEnd, s.Last)
	}
	e.tokEnd = max(e.tokEnd, e.tok0)
}

// sentencesRead returns the first of sents, up to the one in which maxWords
// is passed, counting words and numbers: readSentence stops there or before
// (it counts each of them, and each other token of a name: no fewer), and
// candidates within it.
func sentencesRead(d *doc.Document, sents []int) []int {
	if len(d.Tokens) <= maxWords {
		return sents // no more words than that: none to count
	}
	words := 0
	for k, si := range sents {
		if words > maxWords {
			return sents[:k]
		}
		s := d.Sentences[si]
		for _, tok := range d.Tokens[s.First:s.Last] {
			if tok.Kind == doc.Word || tok.Kind == doc.Number {
				words++
			}
		}
	}
	return sents
}

// mentions deals e.ments to the candidates: each gets its mentions in
// reading order, all of them cut from one array.
func (e *extractor) mentions() {
	all, at := dealMentions(e.ments, len(e.order))
	for _, c := range e.order {
		c.mention = all[at[c.idx]:at[c.idx+1]:at[c.idx+1]]
	}
	e.ments = e.ments[:0]
}

// dealMentions orders ments by owner (0..n-1), each owner's in their
// order: owner i's are all[at[i]:at[i+1]].
func dealMentions(ments []candMention, n int) (all []doc.Mention, at []int32) {
	all = make([]doc.Mention, len(ments))
	at = make([]int32, n+1)
	for _, m := range ments {
		at[m.c+1]++
	}
	for i := 1; i <= n; i++ {
		at[i] += at[i-1]
	}
	for _, m := range ments { // at[i] ends as the end of i's: the start of i+1's
		all[at[m.c]] = m.m
		at[m.c]++
	}
	copy(at[1:], at[:n])
	at[0] = 0
	return all, at
}

// familyFreq counts each candidate's mentions plus, at weight Family, the
// mentions of the other candidates that share a common word with it: a
// topic the article keeps returning to under different phrases ("defense
// costs", "defense spending", "defense budgets") is one topic mentioned
// three times. Names do not make a family: "South Korean goods" and "South
// Korean firms" are not one topic. The result is indexed by candidate.idx.
func (e *extractor) familyFreq() []float64 {
	freq := make([]float64, len(e.order))
	for _, c := range e.order {
		freq[c.idx] = float64(len(c.mention))
	}
	if e.opt.Family == 0 {
		return freq
	}
	// the candidates of each common word, in order: a counting sort
	n := len(e.nodeKey)
	start := make([]int32, n+1)
	for _, c := range e.order {
		for i, w := range c.words {
			if !c.properW[i] {
				start[w+1]++
			}
		}
	}
	for i := 1; i <= n; i++ {
		start[i] += start[i-1]
	}
	byWord := make([]int32, start[n])
	fill := make([]int32, n)
	copy(fill, start[:n])
	for _, c := range e.order {
		for i, w := range c.words {
			if !c.properW[i] {
				byWord[fill[w]] = c.idx
				fill[w]++
			}
		}
	}
	seen := make([]int32, len(e.order)) // idx+1 of the candidate that last counted it
	for _, c := range e.order {
		stamp := c.idx + 1
		seen[c.idx] = stamp
		for i, w := range c.words {
			if c.properW[i] {
				continue
			}
			for _, o := range byWord[start[w]:start[w+1]] {
				if seen[o] != stamp {
					seen[o] = stamp
					freq[c.idx] += e.opt.Family * float64(len(e.order[o].mention))
				}
			}
		}
	}
	return freq
}

// TagsRead sets read[i] to whether the pass may read the part-of-speech
// tags of sentence i of d, and returns read (grown to the sentences' count
// if shorter): those of the sentences it reads (sentences, up to the one in
// which maxWords is passed: sentencesRead), never a byline, dateline,
// related headline or boilerplate's.
func TagsRead(d *doc.Document, read []bool) []bool {
	read = append(read[:0], make([]bool, len(d.Sentences))...)
	for _, si := range sentencesRead(d, sentences(d)) {
		read[si] = true
	}
	return read
}

// sentences returns the sentences that are the article: title first, then
// the body. With no block marked body (a bare list of lines), every
// sentence that is not a related link or boilerplate.
func sentences(d *doc.Document) []int {
	var title, body, other []int
	for i, s := range d.Sentences {
		if s.Block < 0 || s.Block >= len(d.Blocks) {
			continue
		}
		switch d.Blocks[s.Block].Role {
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

// intern returns the id of key b, adding it when new (only a new key is
// copied).
func (e *extractor) intern(b []byte) int32 {
	h := hash64(unsafe.String(unsafe.SliceData(b), len(b)))
	if id := e.find(unsafe.String(unsafe.SliceData(b), len(b)), h); id >= 0 {
		return id
	}
	return e.addKey(e.strs.String(b), h)
}

// internString is intern for a string, which is kept as it is.
func (e *extractor) internString(s string) int32 {
	h := hash64(s)
	if id := e.find(s, h); id >= 0 {
		return id
	}
	return e.addKey(s, h)
}

// find returns the id of key s, whose hash64 is h, or -1 when it is not
// interned.
func (e *extractor) find(s string, h uint64) int32 {
	mask := uint64(len(e.keyID) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		v := e.keyID[i]
		if v == 0 {
			return -1
		}
		if k := &e.key[v-1]; k.hash == h && k.text == s {
			return v - 1
		}
	}
}

// slotsFor returns the length of a keyID table for n keys: the power of two
// at least 2n (at most half full, so a probe seldom passes a few slots).
func slotsFor(n int) int {
	l := 64
	for l < 2*n {
		l *= 2
	}
	return l
}

// addKey interns s, whose hash64 is h, as a new key.
func (e *extractor) addKey(s string, h uint64) int32 {
	id := int32(len(e.key))
	if 2*(len(e.key)+1) > len(e.keyID) {
		e.grow()
	}
	e.slot(h, id)
	bare := strings.TrimSuffix(s, ".")
	var f uint8
	if len(bare) <= maxListWord && strings.IndexByte(bare, ' ') < 0 { // else in no list
		f = wordFlags.of(bare)
	}
	if len(bare) < 2 {
		f |= keyShort
	}
	if len(bare) == len(s) && f&keyStop != 0 || len(bare) < len(s) && len(s) <= maxListWord && wordFlags.of(s)&keyStop != 0 {
		f |= keyLowStop
	}
	e.key = append(e.key, keyInfo{text: s, node: -1, cand: -1, word: -1, out: -1, keyOf: -1, flags: f, hash: h})
	return id
}

// grow doubles keyID's slots, which are too full for another key: past
// the thousands of words score sizes it for.
//
//go:noinline
func (e *extractor) grow() {
	e.keyID = make([]int32, 2*len(e.keyID))
	for i := range e.key {
		e.slot(e.key[i].hash, int32(i))
	}
}

// slot puts key id, whose hash64 is h, in the first free slot of keyID
// from h on.
func (e *extractor) slot(h uint64, id int32) {
	mask := uint64(len(e.keyID) - 1)
	i := h & mask
	for e.keyID[i] != 0 {
		i = (i + 1) & mask
	}
	e.keyID[i] = id + 1
}

// tokenLower returns the id of token t's lower-cased text, looked up once
// per token: with it come the token's Key (keyOf) and its flags. Inlined:
// a token is read by several steps of the pass and all but the first
// find its id in tokLower (a call each, and in wasm each call saves and
// restores its values on Go's stack in linear memory); the lookup is
// lookupLower's.
func (e *extractor) tokenLower(t int) int32 {
	if v := e.tokLower[t-e.tok0]; v > 0 {
		return v - 1
	}
	return e.lookupLower(t)
}

// lookupLower is tokenLower for a token not yet looked up.
func (e *extractor) lookupLower(t int) int32 {
	text := e.d.TokenText(t)
	var id int32
	if isLowerASCII(text) {
		id = e.internString(text)
	} else {
		e.lowBuf = appendLower(e.lowBuf[:0], text)
		id = e.intern(e.lowBuf)
	}
	if e.key[id].keyOf < 0 {
		low := e.key[id].text
		k, kid := Key(low), id // Key reads a word and its lower case alike
		if k != low {
			kid = e.internString(k)
		}
		e.key[id].keyOf = kid
	}
	e.tokLower[t-e.tok0] = id + 1
	return id
}

// tokenKey returns the id of token t's Key.
func (e *extractor) tokenKey(t int) int32 { return e.key[e.tokenLower(t)].keyOf }

// wordFlags (wordflags_gen.go) holds the flags of every word of the
// lists, so that a new key costs one lookup for all of them (none for a key
// longer than maxListWord or of several words). It is laid out at compile
// time: built at init, it iterated four maps, which made V8 optimise the
// runtime's map iterator for the start alone (docs/speed-log.md, "Package
// inits and the start, fourteenth round"). TestWordFlagsTable checks it
// against the lists; go test ./internal/keyphrase -run TestWordFlagsTable
// -update rewrites it.
var wordFlags = &flagTable{words: wordFlagWords[:], flags: wordFlagBits[:], mask: uint64(len(wordFlagWords) - 1)}

// flagTable maps the words of the lists to their flags: an open-addressing
// table hashed by hash64 and probed linearly, at most half full. Not a
// map[string]uint8: in wasm a string hashes in software
// (runtime.memhashFallback) through the map's generic path, and every new
// key of a document is looked up.
type flagTable struct {
	words []string // "" for an empty slot
	flags []uint8
	mask  uint64
}

// of returns w's flags, 0 for a word of no list. Not inlined: a call per
// new key costs less than its loops in each of four callers (2.4 KB of wasm).
//
//go:noinline
func (t *flagTable) of(w string) uint8 {
	if w == "" {
		return 0 // "" marks an empty slot, and is in no list
	}
	for i := hash64(w) & t.mask; ; i = (i + 1) & t.mask {
		switch t.words[i] {
		case w:
			return t.flags[i]
		case "":
			return 0
		}
	}
}

// maxListWord is the length of the longest word of the lists (TestMaxListWord).
const maxListWord = 12

// isLowerASCII reports whether s is ASCII without upper-case letters:
// strings.ToLower would return it unchanged.
func isLowerASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0x80 || 'A' <= c && c <= 'Z' {
			return false
		}
	}
	return true
}

// appendLower appends strings.ToLower(s) to b, rune by rune as
// strings.ToLower does (an invalid byte becomes U+FFFD, as there).
func appendLower(b []byte, s string) []byte {
	for _, r := range s {
		if r < utf8.RuneSelf {
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			b = append(b, byte(r))
			continue
		}
		b = utf8.AppendRune(b, unicode.ToLower(r))
	}
	return b
}

// entityUnits records, for the first token of every multi-word entity
// mention, one past its last token (unitEnd), so a name is read as one
// unit, and for every mention (one word or more) the entity it belongs to
// (canonTok), so every alias counts as the entity: "Trump" is "Donald
// Trump".
func (e *extractor) entityUnits() {
	for ei, en := range e.d.Entities {
		b := e.appendCanonicalKey(e.keyBuf[:0], en.Name)
		e.keyBuf = b
		if len(b) == 0 {
			continue
		}
		canonical := int32(-1)
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
			for a >= 0 && a < b && e.lowStop(a) {
				a++
			}
			if a < 0 || b <= a || !e.nameLike(a, b) {
				continue
			}
			if canonical < 0 {
				canonical = e.intern(e.keyBuf)
			}
			// a mention outside the text read names the entity all the same
			e.key[canonical].name = en.Name
			if e.key[canonical].ent == 0 {
				e.key[canonical].ent = int32(ei) + 1
			}
			if a < e.tok0 || b > e.tokEnd {
				continue
			}
			if b > a+1 { // one-token names need no unit
				e.unitEnd[a-e.tok0] = int32(b)
			}
			e.canonTok[a-e.tok0] = canonical + 1
		}
	}
}

// lowStop reports whether token t lower-cased is a stop word.
func (e *extractor) lowStop(t int) bool {
	if t < e.tok0 || t >= e.tokEnd { // not read: no table entry
		e.lowBuf = appendLower(e.lowBuf[:0], e.d.TokenText(t))
		return wordFlags.of(unsafe.String(unsafe.SliceData(e.lowBuf), len(e.lowBuf)))&keyStop != 0
	}
	return e.key[e.tokenLower(t)].flags&keyLowStop != 0
}

// appendCanonicalKey appends the word Keys of an entity's name, joined by
// spaces, to b.
func (e *extractor) appendCanonicalKey(b []byte, name string) []byte {
	n := len(b)
	for rest := name; ; {
		// the words of name, as strings.Fields splits them, without its
		// slice; strings.FieldsSeq reads them 3x as fast, but each entity's
		// name is split once a document and it adds 1.4 KB (gzip) of wasm
		rest = strings.TrimLeftFunc(rest, unicode.IsSpace)
		if rest == "" {
			break
		}
		w := rest
		if k := strings.IndexFunc(rest, unicode.IsSpace); k >= 0 {
			w, rest = rest[:k], rest[k:]
		} else {
			rest = ""
		}
		low := w
		if !isLowerASCII(w) {
			// a view of the buffer, not a copy: read (and Key's result
			// appended) before the buffer is written again
			e.lowBuf = appendLower(e.lowBuf[:0], w)
			low = unsafe.String(unsafe.SliceData(e.lowBuf), len(e.lowBuf))
		}
		if len(b) == n && wordFlags.of(low)&keyStop != 0 {
			continue // "The Health Department"
		}
		if len(b) > n {
			b = append(b, ' ')
		}
		b = append(b, Key(low)...) // Key reads a word and its lower case alike
	}
	return b
}

// nameAt reports whether a name starts at token t: an entity, or a
// capitalised proper noun.
func (e *extractor) nameAt(t int) bool {
	if e.unitEnd[t-e.tok0] > 0 {
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

// nodeOf returns the node of key k in the word graph, adding it when new.
func (e *extractor) nodeOf(k int32) int32 {
	if id := e.key[k].node; id >= 0 {
		return id
	}
	id := int32(len(e.nodeKey))
	e.key[k].node = id
	e.nodeKey = append(e.nodeKey, k)
	e.bias = append(e.bias, 0)
	return id
}

// part is a token (or an entity's tokens) in a run.
type part struct {
	a, b   int   // token range
	kid    int32 // its key
	noun   bool
	proper bool
	unit   bool // a named entity's mention
}

// allOffices reports whether every part of a run is an office word
// ("chief", "vice"): the start of a title, not a phrase.
func (e *extractor) allOffices(run []part) bool {
	for _, p := range run {
		if p.unit || e.key[p.kid].flags&keyTitleNoun == 0 {
			return false
		}
	}
	return true
}

// readSentence collects the candidates of sentence si and extends the word
// sequence; pos is the document position of its first word.
func (e *extractor) readSentence(si, pos int) int {
	s := e.d.Sentences[si]
	run := e.run[:0]
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
	// the verbs the tagger read as nouns end a phrase ("Lyng meets
	// with"; missingVerbs)
	at := len(e.verbs)
	if !e.opt.KeepVerbs {
		e.verbs = missingVerbs(s.Last-s.First, func(i int) (string, string) {
			return e.d.TokenText(s.First + i), e.d.Tokens[s.First+i].Tag
		}, e.verbs)
	}
	verbs := e.verbs[at:]
	for i := range verbs {
		verbs[i] += s.First
	}
	for t := s.First; t < s.Last; t++ {
		tok := e.d.Tokens[t]
		if b := int(e.unitEnd[t-e.tok0]); b > 0 && b <= s.Last {
			// a name starts its own phrase; common nouns may follow it
			// ("Hyundai workers") but nothing is glued before it
			flush()
			var key int32
			if c := e.canonTok[t-e.tok0]; c > 0 && e.opt.Aliases {
				key = c - 1
			} else {
				key = e.unitKey(t, b)
			}
			// a name ending in an adjective ("South Korean") is a nationality
			// or the like: a modifier, never a phrase on its own
			adjName := isAdj(e.d.Tokens[b-1].Tag)
			run = append(run, part{a: t, b: b, kid: key, noun: !adjName, proper: true, unit: true})
			for u := t; u < b; u++ {
				id := e.nodeOf(key)
				e.seq = append(e.seq, id)
				e.bias[id] += e.posWeight(pos, title, lead, pos-start)
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
		text := e.d.TokenText(t)
		own := e.tokenKey(t)
		flags := e.key[own].flags
		key := own
		if c := e.canonTok[t-e.tok0]; c > 0 && e.opt.Aliases && isProper(tok.Tag) {
			key = c - 1 // an alias of an entity: "Trump" for "Donald Trump"
		}
		noun, adj := isNoun(tok.Tag), isAdj(tok.Tag)
		var verb bool
		verbs, verb = atVerb(verbs, t)
		if verb || flags&keyStop != 0 || !(noun || adj) || !isWordLike(text) || isClitic(text) || hasDigit(text) && !isProper(tok.Tag) || tok.Link {
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
		if flags&keyTitleNoun != 0 && t+1 < s.Last && e.nameAt(t+1) {
			// "U.S. President Donald Trump": the title belongs to the name
			// that follows, not to a phrase of its own, and so do the
			// office words before it ("Chief executive Anders Holm")
			if e.allOffices(run) {
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
		run = append(run, part{a: t, b: t + 1, kid: key, noun: noun, proper: isProper(tok.Tag)})
		// a possessive ends the phrase: "Korea's nuclear program"
		if t+1 < s.Last && isClitic(e.d.TokenText(t+1)) {
			flush()
		}
	}
	flush()
	e.run = run
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

// unitKey is the key of an entity mention's tokens [a, b): their Keys
// joined, punctuation left out.
func (e *extractor) unitKey(a, b int) int32 {
	buf := e.keyBuf[:0]
	for t := a; t < b; t++ {
		if e.d.Tokens[t].Kind == doc.Punct {
			continue
		}
		if len(buf) > 0 {
			buf = append(buf, ' ')
		}
		buf = append(buf, e.key[e.tokenKey(t)].text...)
	}
	e.keyBuf = buf
	return e.intern(buf)
}

// addRun turns a run of adjectives and nouns into a candidate: vague
// leading modifiers and trailing adjectives are trimmed.
func (e *extractor) addRun(run []part, si, pos int) {
	for len(run) > 0 {
		f := e.key[run[0].kid].flags
		if !(f&keyTitle != 0 && len(run) > 1 || f&keyWeak != 0 && !run[0].proper || !run[0].noun && len(run) == 1) {
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
	// most runs repeat a candidate already seen: a one-word run's key is
	// its word's, a longer one's is looked up from a scratch buffer
	kid := run[0].kid
	proper := true
	for _, p := range run {
		proper = proper && p.proper
	}
	if len(run) > 1 {
		b := e.keyBuf[:0]
		for i, p := range run {
			if i > 0 {
				b = append(b, ' ')
			}
			b = append(b, e.key[p.kid].text...)
		}
		e.keyBuf = b
		kid = e.intern(b)
	}
	var c *candidate
	if ci := e.key[kid].cand; ci >= 0 {
		c = e.order[ci]
	} else {
		if len(e.chunk) == cap(e.chunk) {
			e.chunk = make([]candidate, 0, 32)
		}
		e.chunk = append(e.chunk, candidate{kid: kid, idx: int32(len(e.order)), first: pos, proper: proper})
		c = &e.chunk[len(e.chunk)-1]
		n := len(run)
		e.ints, c.words = carve(e.ints, n)
		e.floats, c.wordW = carve(e.floats, n)
		e.bools, c.properW = carve(e.bools, n)
		head := run[len(run)-1]
		for i, p := range run {
			c.words[i] = e.key[p.kid].node
			w := 1.0
			if p.proper && !head.proper {
				w = e.opt.NameMod
			}
			c.wordW[i] = w
			c.properW[i] = p.proper
		}
		e.key[kid].cand = c.idx
		e.order = append(e.order, c)
	}
	c.last = pos
	span := doc.Span{Start: e.d.Tokens[run[0].a].Start, End: e.d.Tokens[run[len(run)-1].b-1].End}
	e.ments = append(e.ments, candMention{doc.Mention{Span: span, Sentence: si}, c.idx})
	form := span.Of(e.d.Text)
	// a sentence's capital is not the word's own, unless the word is a
	// name: a proper noun, or one the entity pass found ("Danish energy
	// company", where the tagger reads "Danish" as an adjective)
	if !run[0].proper && run[0].a == e.d.Sentences[si].First && e.canonTok[run[0].a-e.tok0] == 0 {
		form = lowerFirst(form)
	}
	if e.d.Blocks[e.d.Sentences[si].Block].Role == doc.Title {
		c.inTitle = true
		c.titleForm = form // the title's casing ("ALASKA TANKER") only if nothing else
	} else {
		if c.forms == nil {
			e.forms, c.forms = carve(e.forms, 1) // room for one: most have one form
			c.forms = c.forms[:0]
		}
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
	n := len(e.nodeKey)
	// the walk's tables in four allocations, not twelve: the integers
	// known in size from the start, the buckets once counted, the edges'
	// weights, the nodes' floats
	ns := len(e.seq)
	e.wints = zeroed(e.wints, 2*ns+3*n+1)
	ia := e.wints
	// the words of the sequence and their positions: the window counts
	// every position, the pairs only these
	ids, at := ia[:0:ns], ia[ns:ns:2*ns]
	ia = ia[2*ns:]
	start, fill, last := ia[:n+1:n+1], ia[n+1:2*n+1:2*n+1], ia[2*n+1:3*n+1:3*n+1]
	for i, a := range e.seq {
		if a >= 0 {
			ids = append(ids, a)
			at = append(at, int32(i))
		}
	}
	// every co-occurrence of two distinct words, in the buckets of both (a
	// counting sort: two passes over the window instead of sorting every
	// pair)
	window := int32(e.opt.Window)
	countPairs(ids, at, window, start)
	for i := 1; i <= n; i++ {
		start[i] += start[i-1]
	}
	e.pairs = zeroed(e.pairs, 2*int(start[n]))
	pairs := e.pairs
	byEnd := pairs[:start[n]:start[n]]
	copy(fill, start[:n])
	fillPairs(ids, at, window, fill, byEnd)
	// dealt again from the buckets in node order, each node's partners
	// come out in ascending order, equal ones side by side (a second
	// counting sort instead of sorting each bucket), so equal pairs sum
	// into one edge as they are dealt: a partner equal to the one last
	// written adds one to its weight. No maps, and the same order on every
	// run. Node a's edges are [start[a], fill[a]) of to and wf (the rest
	// of its bucket stays unused), each partner ascending with how often
	// they co-occur, as float weights (counts: exact), and its degree is
	// its bucket's size.
	to := pairs[start[n]:]
	e.wf = zeroed(e.wf, int(start[n]))
	wf := e.wf
	copy(fill, start[:n])
	deal(byEnd, start, fill, last, to, wf)
	// each node's edges cut once for the walk's every step
	e.links = emptied(e.links, n)
	for a := range n {
		s, f := start[a], fill[a]
		e.links = append(e.links, links{to: to[s:f:f], w: wf[s:f:f]})
	}
	// share is as long as the power of two at or above n, so that
	// receive can mask a partner's index into it: no bounds check an
	// edge (the entries past n stay 0 and are never read)
	ls := 1
	for ls < n {
		ls *= 2
	}
	e.wfloats = zeroed(e.wfloats, 3*n+ls)
	fa := e.wfloats
	deg, p, r, share := fa[:n:n], fa[n:2*n:2*n], fa[2*n:3*n:3*n], fa[3*n:]
	lk := e.links
	for a := range n {
		deg[a] = float64(start[a+1] - start[a])
	}
	// the bias: where and how early each word occurs
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
	copy(r, p)
	d := e.opt.Damping
	// each node's rank spread over its links (one division a node, not one
	// an edge), and the rank of the nodes with none; after the first step
	// both are worked out with the ranks (one loop over the nodes a step,
	// not two: the same divisions, and dangling summed in the same order)
	dangling := 0.0
	for a := range deg {
		if deg[a] == 0 {
			dangling += r[a]
			continue
		}
		share[a] = r[a] / deg[a]
	}
	// the nodes' tables as long as lk, so that the loop below indexes
	// them unchecked (each is n long)
	p, r, deg = p[:len(lk)], r[:len(lk)], deg[:len(lk)]
	sh := share[:len(lk)]
	stay := 1 - d
	for it := 0; it < 100; it++ {
		// what each node receives, summed over its partners in ascending
		// order: the same sums, added in the same order, as spreading each
		// node's share over its links in node order
		receive(share, lk)
		delta, next := 0.0, 0.0
		for i := range lk {
			v := stay*p[i] + d*(lk[i].in+dangling*p[i])
			delta += math.Abs(v - r[i])
			r[i] = v
			if deg[i] == 0 {
				next += v
			} else {
				sh[i] = v / deg[i]
			}
		}
		dangling = next
		if delta < 1e-6 {
			break
		}
	}
	return r
}

// countPairs counts in start[a+1] the co-occurrences of node a with
// another node: every pair of ids within window positions (at) of each
// other, once for each of the two. The walk's graph is built in three
// functions of their own (countPairs, fillPairs, deal), not in walk: in
// one function with the walk's many live values their loops' counters and
// slices were spilled to the stack and reloaded at every pair.
func countPairs(ids, at []int32, window int32, start []int32) {
	at = at[:len(ids)]
	for k, a := range ids {
		end := at[k] + window
		for k2 := k + 1; k2 < len(ids) && at[k2] < end; k2++ {
			if b := ids[k2]; b != a {
				start[a+1]++
				start[b+1]++
			}
		}
	}
}

// fillPairs writes the pairs countPairs counted into the buckets of both
// nodes: node a's partners at byEnd[fill[a]], fill[a] advanced past each.
func fillPairs(ids, at []int32, window int32, fill []int32, byEnd []uint32) {
	at = at[:len(ids)]
	for k, a := range ids {
		end := at[k] + window
		for k2 := k + 1; k2 < len(ids) && at[k2] < end; k2++ {
			if b := ids[k2]; b != a {
				byEnd[fill[a]] = uint32(b)
				fill[a]++
				byEnd[fill[b]] = uint32(a)
				fill[b]++
			}
		}
	}
}

// deal deals the buckets of byEnd ([start[b], start[b+1]): node b's
// partners) again in node order, so that each node's partners come out in
// ascending order with equal ones side by side, summed into one edge as
// they are dealt: node a's edges are [start[a], fill[a]) of to and wf,
// fill starting at start. last is scratch of one entry a node.
func deal(byEnd []uint32, start, fill, last []int32, to []uint32, wf []float64) {
	n := len(last)
	fill, start = fill[:n], start[:n+1]
	wf = wf[:len(to)]
	for a := range last {
		last[a] = -1 // the partner last written to a's edges
	}
	for b := range n {
		for _, a := range byEnd[start[b]:start[b+1]] {
			if last[a] == int32(b) {
				wf[fill[a]-1]++
			} else {
				f := fill[a]
				to[f], wf[f] = uint32(b), 1
				fill[a], last[a] = f+1, int32(b)
			}
		}
	}
}

// links are a node's edges in the walk: its partners' node ids, ascending,
// and how often each co-occurs with it (w as long as to).
type links struct {
	to []uint32
	w  []float64
	in float64 // what the node receives in a step of the walk (receive)
}

// receive sets lk[a].in to what node a receives in the walk: the sum of
// share[b]·w over its links, added in the links' order (so each sum
// is the one a loop over one node gives, to the last bit). Two nodes are
// summed a turn, their two chains of additions side by side so that the
// processor overlaps them (one chain alone waits on each addition before
// the next), and the whole step is one call over edges cut once for every
// step: a call a pair of nodes spilled the walk's live registers around it
// (Go's calling convention has no callee-saved registers) and cut four
// slices, some 100 instructions a pair. The sums are written into lk, not
// a slice of their own: one register fewer, which keeps the inner loop's
// values out of the stack.
//
// len(share) is a power of two above every node id in lk, so an index
// masked by len(share)-1 is the index, and the compiler proves it in
// range.
func receive(share []float64, lk []links) {
	if len(share) == 0 {
		return
	}
	mask := uint(len(share) - 1)
	// lk advanced two nodes a turn, with no index beside it: a register
	// fewer across the inner loop, whose values then all stay in registers
	for len(lk) >= 2 {
		t1, t2 := lk[0].to, lk[1].to
		w1, w2 := lk[0].w[:len(t1)], lk[1].w[:len(t2)]
		in1, in2 := 0.0, 0.0
		m := min(len(t1), len(t2))
		// four links of each node a turn (the loop's own instructions
		// a quarter of one a turn's; a node has some 50 links on the
		// sample)
		a1, b1, a2, b2 := t1[:m], w1[:m], t2[:m], w2[:m]
		k := 0
		for ; k < len(a1)-3; k += 4 {
			in1 += share[uint(a1[k])&mask] * b1[k]
			in2 += share[uint(a2[k])&mask] * b2[k]
			in1 += share[uint(a1[k+1])&mask] * b1[k+1]
			in2 += share[uint(a2[k+1])&mask] * b2[k+1]
			in1 += share[uint(a1[k+2])&mask] * b1[k+2]
			in2 += share[uint(a2[k+2])&mask] * b2[k+2]
			in1 += share[uint(a1[k+3])&mask] * b1[k+3]
			in2 += share[uint(a2[k+3])&mask] * b2[k+3]
		}
		for ; k < m; k++ {
			in1 += share[uint(t1[k])&mask] * w1[k]
			in2 += share[uint(t2[k])&mask] * w2[k]
		}
		for j := k; j < len(t1); j++ {
			in1 += share[uint(t1[j])&mask] * w1[j]
		}
		for j := k; j < len(t2); j++ {
			in2 += share[uint(t2[j])&mask] * w2[j]
		}
		lk[0].in, lk[1].in = in1, in2
		lk = lk[2:]
	}
	if len(lk) == 1 {
		t1 := lk[0].to
		w1 := lk[0].w[:len(t1)]
		in1 := 0.0
		for j, b := range t1 {
			in1 += share[uint(b)&mask] * w1[j]
		}
		lk[0].in = in1
	}
}

// pick ranks the candidates and returns the best Max, ranking
// near-duplicates apart.
func (e *extractor) pick() []doc.Phrase {
	cs := e.order
	sortBetter(cs)
	var chosen []*candidate
	covered := make([]int32, len(e.nodeKey)) // node -> times covered by chosen phrases
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
		out = append(out, doc.Phrase{Text: e.text(c), Score: math.Round(sc*1e4) / 1e4, Mentions: c.mention, Name: e.isName(c)})
	}
	return out
}

// better orders candidates best first, the first mentioned first among
// equals, then the first found: a total order, so any sort gives the order
// a stable sort by score and first mention gave. (sort.Slice, not
// slices.SortFunc: the wasm already holds its code, and a generic sort
// would add some 17 KB for each element type.)
func better(a, b *candidate) bool {
	if a.score != b.score {
		return a.score > b.score
	}
	if a.first != b.first {
		return a.first < b.first
	}
	return a.idx < b.idx
}

// text is what the list shows of c: its most frequent form, the fullest
// form of a name (as the entity panel shows it), or its form in the title.
func (e *extractor) text(c *candidate) string {
	if name := e.key[c.kid].name; name != "" && e.opt.Aliases {
		return name
	}
	text := bestForm(c.forms)
	if text == "" {
		text = strings.Join(strings.Fields(c.titleForm), " ")
	}
	// a form is a span of the text; its words were read decoded
	// ("caf&eacute; owners" is "café owners"), and so is its text
	return charref.Read(text, e.d.FromHTML)
}

// isName reports whether c is only a name: an entity found by package
// entity, or proper nouns. The page leaves those to the entity panel.
func (e *extractor) isName(c *candidate) bool {
	return c.proper || e.key[c.kid].name != ""
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
	for i := 0; i < len(s); i++ {
		// an ASCII byte by its own test (unicode.IsSpace's ASCII spaces);
		// other runes decoded, as strings.Fields reads them
		c := s[i]
		space := c == ' ' || '\t' <= c && c <= '\r'
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(s[i:])
			i += size - 1
			space = unicode.IsSpace(r)
		}
		if space {
			if c != ' ' || prevSpace {
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

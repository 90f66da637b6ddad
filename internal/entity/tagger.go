package entity

import (
	"math/bits"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/lede-news/lede/internal/arena"
)

// Tagger labels the tokens of one sentence at a time with a Model. It keeps
// scratch buffers between calls, so it is not safe for concurrent use: give
// each goroutine its own (they are cheap).
type Tagger struct {
	m     *Model
	toks  []tokInfo
	ids   []int32 // each token's entry in known and infos
	feats []uint32
	class []uint8 // each token's wordClass (markForced)
	lat   lattice[int32]
	hist  func(i, p1 int, out *[numLabels]int32)
	buf   []byte
	a     arena.Strings // the cached words' folded forms; dropped by Forget
	words []string      // truecased words
	// what is known of each word alone, by the word (see wordInfo). A
	// document repeats its words, and these are most of the lookups; a
	// repeated word costs one lookup and allocates nothing. known and
	// infos hold the cached words, then the current sentence's words that
	// did not fit in the cache. They are apart so that the large part,
	// infos, holds no pointers: a pooled tagger's memory stays live, and
	// the garbage collector then has little of it to scan.
	cache wordIndex // word -> index in known and infos (wordindex.go)
	known []tokInfo // gaz and the run are per sentence, left zero
	infos []wordInfo
	// the rows shared by the words of a shape class or a fine cluster
	// (groups), found by the class's shapeKey written out (see
	// shapeGroup) and by the cluster (1 + index in groups, 0 not yet
	// scored)
	shapes wordIndex
	kbuf   []byte
	// the shape classes of the common shapes (shapeID), found without
	// their key: 1 + the index in groups, by shape, capr and case bits
	common   [len(commonShapes)][16][4]int32
	clusters [maxFine + 1]int32
	groups   []group
	// the labels given to each capitalised word form so far in the
	// document, for the prediction-history features (dochist.go): by
	// index in the cache for a cached word (a word's index names it as
	// its string does, without hashing it), by the word for the others
	seenID  []docSeen
	seen    map[string]docSeen
	zero    [numLabels]int32 // a row of zeros, never written: read where a sum has no row to add
	farEdge [numLabels]int32 // tag's scratch: the sentence ends' rows two tokens away
	spans   []TokenSpan      // tag's answer, reused
	ms      []mention        // Annotate's mentions, emptied, kept for the next document
	res     resolver         // Annotate's resolver, reset, kept for the next document
	sent    []string         // tagAll's words of a sentence, emptied, kept likewise
	ctx     ctxAgg           // the document's context aggregation (ctxagg.go), emptied by Forget
	kctx    []uint32         // scratch for its keys
	ctxOf   []int32          // by index in the cache: 1 + the word's index in ctx.ents, -1 none, 0 not looked up
}

// group holds the rows of the features that read only a word's shape class
// or only its cluster: of its own features (wordFeatures), its selfFeatures
// (shape classes only), and as the token before and after another.
type group struct {
	own, self, prev, next [numLabels]int32
	// a shape class's T1Shape0 base and its ref (Model.histRef); and,
	// for a shape class, the hashes of the pair features that read its
	// shape first (Shapem1S0 as the token before, Shape0p1)
	hShape0               hash
	rShape0               uint32
	pShapem1S0, pShape0p1 hash
}

// wordInfo is what the tagger knows of one word alone besides its tokInfo:
// the scores of every feature that reads this word and nothing else of the
// sentence (split.go).
type wordInfo struct {
	scores [numLabels]int32 // wordFeatures, if own
	own    bool             // scores are set: only where the word is not forced to O
	// the fields below are set (Tagger.fill) where some score reads them:
	// not for a word seen only far from any word that may be in a name
	filled bool
	shape  int32 // its shape class's group in Tagger.groups (for selfFeatures)
	// around holds its neighbourFeatures' rows as the token before and
	// after another, each set where a score first reads it (roles: bit
	// role set; Tagger.fillRole): a word next to a name is read in one
	// role, not two. Two tokens away it gives one key (roleKey), which the
	// token reading it looks up with its other features (tag); roles
	// marks those keys made for a word that is not filled
	around  [asNext + 1][numLabels]int32
	roles   uint8
	cluster int32            // its fine cluster's group in Tagger.groups
	roleKey [numRoles]uint32 // its wordNeighbourFeatures' keys, by role
	w0      hash             // the hash of its W0 feature (ownScores)
	// the history features' hashes before the previous label is mixed in
	// (T1W0 and T1Shape0 of this word, T1Wp1 of this word as the next),
	// and where their rows are (Model.histRef)
	hW0, hShape0, hWp1 hash
	rW0, rShape0, rWp1 uint32
	// the hashes of the pair features that read this word first
	// (wordHashes), for pairFeatures
	pWm1W0, pW0Wp1, pW0Shapem1 hash
}

// maxCache bounds the word cache of a tagger (0.4 KB a word); a longer
// document's other words are scored in each sentence they occur in.
const maxCache = 1 << 13

// IsTitleCase reports whether a sentence is a headline in title case ("Trump
// Allows Commercial Fishing in Protected New England Waters"): three or more
// words, three quarters of them capitalised, and no lower-case word of four
// letters or more; or a headline in Chicago style ("Trump Meets Lee Ahead of
// Summit with Xi"), which keeps the minor words (IsMinorWord: "of", "with",
// "from", "into") in lower case whatever their length and capitalises every
// other word (three or more). The second form is strict because it lets
// many lower-case words in: "Delegates of the Shanghai Cooperation
// Organisation met in Astana" is a sentence ("met"). Measured by the
// headline rewrite of the cross-validation folds (docs/models/ner.md,
// "Title-case headlines, q10b").
func IsTitleCase(words []string) bool {
	return IsCapitalisedHeadline(words) || chicagoStyle(words)
}

// IsCapitalisedHeadline reports whether a sentence is a headline in title
// case of IsTitleCase's first form: three or more words, three quarters of
// them capitalised, and no lower-case word of four letters or more, minor
// words included. cmd/train-ner's word statistics read this form alone:
// the shipped lexicon, and so model.bin, was built with it.
func IsCapitalisedHeadline(words []string) bool {
	n, caps := 0, 0
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsLetter(r) {
			continue
		}
		n++
		if unicode.IsUpper(r) {
			caps++
		} else if utf8.RuneCountInString(w) >= 4 {
			return false
		}
	}
	return n >= 3 && caps*4 >= n*3
}

// chicagoStyle reports whether a sentence is a headline in IsTitleCase's
// second form: every word but the minor words capitalised, three or more.
func chicagoStyle(words []string) bool {
	major := 0
	for _, w := range words {
		// a capitalised word is no minor word, which are lower case
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			major++
		} else if unicode.IsLetter(r) && !IsMinorWord(w) {
			return false
		}
	}
	return major >= 3
}

// IsMinorWord reports whether w, as written, is a word that headline styles
// keep in lower case whatever its length: the Chicago Manual of Style's
// (17th ed., 8.159) articles, the conjunctions "and", "but", "for", "or",
// "nor", "to" and "as", and the prepositions — here the common English
// prepositions of one word (a grammar's list, not one drawn from any data
// set). Words that are also adverbs ("up", "down", "over") are in it: a
// headline that capitalises them is still title case, and one that does not
// is no sentence for it.
func IsMinorWord(w string) bool {
	switch w {
	case "a", "an", "the",
		"and", "but", "for", "or", "nor", "to", "as",
		"aboard", "about", "above", "across", "after", "against", "along",
		"amid", "among", "amongst", "around", "at", "atop", "before",
		"behind", "below", "beneath", "beside", "besides", "between",
		"beyond", "by", "despite", "down", "during", "except", "from", "in",
		"inside", "into", "like", "near", "of", "off", "on", "onto",
		"opposite", "out", "outside", "over", "past", "per", "since",
		"than", "through", "throughout", "till", "toward", "towards",
		"under", "underneath", "unlike", "until", "up", "upon", "versus",
		"via", "with", "within", "without":
		return true
	}
	return false
}

// truecase lower-cases the capitalised words of a title-case headline that
// the unlabelled text says are lower case inside sentences ("Allows",
// "Commercial"), so the tagger sees the headline as it would a sentence.
// Acronyms and words mostly capitalised in running text ("Trump", "Monday")
// keep their case. A "headline" of which no more than a third of the
// capitalised words are lower-case words is a list of names more than a
// headline (CoNLL's sports tables and lines of results pass IsTitleCase)
// and keeps its case. Three more cases; each of the four was measured by
// the title-case rewrite of the cross-validation folds and the text as
// written (docs/models/ner.md, "Title-case headlines, q10"):
//   - a quote keeps a title's case only if it closes in the headline: an
//     opening quote of speech that runs on past the headline would keep
//     every word after it capitalised;
//   - a hyphenated word whose every part is a lower-case word
//     ("Cost-of-Living") is one;
//   - a word capitalised 20–80% of the time inside sentences ("City",
//     "Group", "News"; buckets 3 to ambiguousRate) is lower-cased when the
//     words on both sides of it are lower case after the first pass: a
//     name made of such words ("Mexico City", "World Cup") keeps a
//     capitalised neighbour. A word beside punctuation or at the headline's
//     edge keeps its case: taking punctuation for lower case cost the text
//     as written 0.05 F1 in cross-validation (CoNLL's sports tables pass
//     for title case: "Wood , Loren Roberts"), taking the edge for it tied.
func (t *Tagger) truecase(words []string) []string {
	t.words = t.words[:0]
	quoted := false // a quoted title inside a headline keeps its case
	var amb uint64  // the words (of the first 64) in the ambiguous buckets
	// the capitalised words looked up, and those lowered
	capitals, lowered := 0, 0
	for i, w := range words {
		switch w {
		case "“", "‘":
			quoted = closes(words[i+1:], w)
		case "”", "’":
			quoted = false
		case "\"":
			quoted = !quoted && closes(words[i+1:], w)
		}
		if up, all := caseOf(w); up && !all && !quoted {
			// the folded word is only looked up: a view of t.buf, which
			// is not written while capRate reads it
			t.buf = foldInto(t.buf, w)
			low := unsafe.String(unsafe.SliceData(t.buf), len(t.buf))
			capitals++
			switch r := t.m.capRate(low); {
			case lowerRate(r) || t.m.lowerCompound(low) || r == 0 && commonEnding(low):
				lowered++
				w = t.lower(w)
			case r > 2 && r <= ambiguousRate && i < 64:
				amb |= 1 << i
			}
		}
		t.words = append(t.words, w)
	}
	if 3*lowered <= capitals {
		// a list of names (a sports table, "Wood , Loren Roberts") more
		// than a headline: its few common words are more likely names too
		// (a third, chosen on the folds: a fifth or a quarter lowered more
		// names in tables, a half or two thirds more words of headlines)
		t.words = append(t.words[:0], words...)
		return t.words
	}
	// the second pass reads the first's words: lowering word i needs word
	// i+1 in lower case already, and no word lowered here was lower case
	// there, so none makes another one lowerable
	for ; amb != 0; amb &= amb - 1 {
		i := bits.TrailingZeros64(amb)
		if i > 0 && i+1 < len(t.words) && startsLower(t.words[i-1]) && startsLower(t.words[i+1]) {
			t.buf = foldInto(t.buf, words[i])
			t.words[i] = t.lower(words[i])
		}
	}
	return t.words
}

// commonEndings are suffixes that English morphology uses to form common
// words — verbs ("-ize", "-ify"), abstract nouns ("-ness", "-ment",
// "-tion", "-ity") and adjectives and adverbs ("-ous", "-ful", "-less",
// "-able", "-ible", "-ive") — with their inflected forms. Chosen from a
// grammar, not from any data set; endings common in names are left out:
// "-ing" (Beijing), "-ton", "-son", "-ance"/"-ence" (Florence), "-ary"
// (Mary), "-ic" (Eric), "-ise" alone (Louise), "-ist"/"-ism" and "-ian"
// (CoNLL tags "Marxist" and "Christian" as names).
var commonEndings = [...]string{
	"ize", "izes", "ized", "izing", "ises", "ised", "ising",
	"ify", "ifies", "ified", "ifying",
	"ness", "nesses", "ment", "ments", "tion", "tions", "ity", "ities",
	"ous", "ously", "ful", "fully", "less", "lessly",
	"able", "ably", "ible", "ibly", "ive", "ives", "ively",
}

// commonEnding reports whether a folded word ends in one of commonEndings
// after a stem of four letters or more (shorter stems are too often a
// name's: "Clement", "Olive", "Belize"). truecase lowers such a word of a
// title-case headline when the lexicon does not know it ("Prioritize",
// "Decarbonization"); measured in docs/models/ner.md, "q10c".
func commonEnding(low string) bool {
	if len(low) < 4+3 {
		return false // a stem of four runes or more and an ending of three bytes or more
	}
	last := low[len(low)-1]
	for _, suf := range commonEndings {
		if suf[len(suf)-1] != last {
			continue // the last byte first: no comparison of the rest
		}
		if stem, ok := strings.CutSuffix(low, suf); ok && utf8.RuneCountInString(stem) >= 4 {
			return true
		}
	}
	return false
}

// ambiguousRate is the highest capitalisation-rate bucket (LexEntry.CapRate:
// 3 is 20–50% capitalised inside sentences, 4 is 50–80%) that truecase
// lowers between two lower-case words; chosen by the title-case rewrite of
// the cross-validation folds (docs/models/ner.md, "Title-case headlines, q10").
const ambiguousRate = 4

// closes reports whether the quote open, which opens a quoted span, is
// closed among the words after it.
func closes(after []string, open string) bool {
	end := open
	switch open {
	case "“":
		end = "”"
	case "‘":
		end = "’"
	}
	for _, w := range after {
		if w == end {
			return true
		}
	}
	return false
}

// startsLower reports whether w begins with a lower-case letter.
func startsLower(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLower(r)
}

// lower returns strings.ToLower(w), given t.buf = foldInto(w): for an ASCII
// word without digits that is the folded form itself, carved from the
// tagger's arena (the document's words are; Forget drops them) instead of
// allocated. A headline in title case has a dozen such words.
func (t *Tagger) lower(w string) string {
	if len(t.buf) != len(w) {
		return strings.ToLower(w) // an acronym's mark, or other runes
	}
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= utf8.RuneSelf || c >= '0' && c <= '9' {
			return strings.ToLower(w)
		}
	}
	return t.a.String(t.buf)
}

// NewTagger returns a tagger that uses m.
func (m *Model) NewTagger() *Tagger { return &Tagger{m: m} }

// Forget ends a document: it empties the tagger's word cache and the
// labels it gave the document's words (the prediction history, dochist.go),
// and keeps its memory for reuse. Call it between documents: the history
// is evidence within one article only. The cache holds what the model says
// of each word, which no document changes, so forgetting it changes no
// result: it bounds the memory a tagger holds and keeps one document's
// work from making another's look cheaper.
func (t *Tagger) Forget() {
	if t.cache.len() > maxKeep {
		// a long document's words should not stay in memory after it
		t.known, t.infos = nil, nil
	}
	if len(t.seen) > maxKeep {
		t.seen = nil
	}
	if cap(t.seenID) > maxKeep {
		t.seenID = nil // as the cache it is indexed by
	}
	t.cache.reset(maxKeep)
	t.shapes.reset(maxKeep)
	t.ctx.reset()
	if cap(t.ctxOf) > maxKeep {
		t.ctxOf = nil
	}
	t.ctxOf = t.ctxOf[:0]
	clear(t.seen)
	t.seenID = t.seenID[:0]
	t.a = arena.Strings{}
	t.clusters = [maxFine + 1]int32{}
	t.common = [len(commonShapes)][16][4]int32{}
	t.known, t.infos, t.groups = t.known[:0], t.infos[:0], t.groups[:0]
}

// ctxEntry returns the context-aggregation entry of word w, whose index in
// the cache is id (ctxAgg.entry), looked up once per cached word.
func (t *Tagger) ctxEntry(w string, id int32) *ctxEntry {
	if int(id) >= t.cache.len() {
		return t.ctx.entryOf(t.ctx.idx.get(w))
	}
	for len(t.ctxOf) <= int(id) {
		t.ctxOf = append(t.ctxOf, 0)
	}
	x := t.ctxOf[id]
	if x == 0 {
		x = -1
		if e, ok := t.ctx.idx.get(w); ok {
			x = e + 1
		}
		t.ctxOf[id] = x
	}
	if x < 0 {
		return nil
	}
	return t.ctx.entryOf(x-1, true)
}

// AddContext gives the tagger one sentence of the document it is about to
// tag, for the context-aggregation features (ctxagg.go): give it every
// sentence first (after Forget), then tag them. It does nothing unless the
// model was trained with those features. words are kept until Forget.
func (t *Tagger) AddContext(words []string) {
	if t.m.ctx {
		t.ctx.lex = &t.m.lex
		t.ctx.add(words)
	}
}

// maxKeep is the most words whose memory Forget keeps for reuse.
const maxKeep = 4096

// TokenSpan is a name found by the tagger: tokens [Start, End) of the
// sentence, of type Type (0 PER, 1 LOC, 2 ORG, 3 MISC).
type TokenSpan struct {
	Start, End int
	Type       int
	// Margin is how far the best label of the first token beat the best
	// label of another type or O, in weight units: a confidence.
	Margin float32
}

// Tag labels words and returns the names found, in order.
func (t *Tagger) Tag(words []string) []TokenSpan {
	return slices.Clone(t.tag(words, IsTitleCase(words)))
}

// tag is Tag given IsTitleCase(words), which Model.Annotate needs too; the
// spans it returns are the tagger's, valid until its next call (tagAll
// copies them at once).
func (t *Tagger) tag(words []string, title bool) []TokenSpan {
	if len(words) == 0 {
		return nil
	}
	n := len(words)
	t.toks, t.ids = t.toks[:0], t.ids[:0] // empty if no token is tagged (tagAll)
	t.lat.reset(n)
	// forced by the words as written: a headline's truecased "major" of
	// "Major League Baseball" is not a lower-case word of the text
	var all bool
	t.class, t.lat.forced, all, t.buf = markForced(words, t.class, t.lat.forced, t.buf)
	if all {
		return nil // no token can be in a name (constrain.go)
	}
	if title {
		words = t.truecase(words)
	}
	// drop the last sentence's uncached words
	t.known, t.infos = t.known[:t.cache.len()], t.infos[:t.cache.len()]
	for _, w := range words {
		id, ok, h, slot := t.cache.probe(w)
		if !ok {
			id = int32(len(t.infos))
			// its lexicon and gazetteer entries are looked up where it is
			// filled (fill): a word read by no score needs neither
			var ti tokInfo
			ti, t.buf = wordForm(w, t.buf, &t.a)
			t.known, t.infos = append(t.known, ti), append(t.infos, wordInfo{})
			if t.cache.len() < maxCache && int(id) == t.cache.len() {
				t.cache.putAt(w, h, slot, id)
			}
		}
		t.ids = append(t.ids, id)
	}
	// fill the words whose rows a score reads: every token within one of
	// a token that is not forced (that token's own scores, its
	// neighbours' and pair features, its history; decode reads a forced
	// token's history only right after a token that is not), and the
	// first two tokens (decode takes the first token's history whatever
	// it is). A word two tokens from the nearest such token is read in
	// two places only: as that token's asPrev2 or asNext2 neighbour
	// (its one key hashed where that token reads it) and, two
	// tokens after it, as the next word of the forced token between, whose
	// history decode may take (its T1Wp1 base, set here): it gets no shape
	// class, cluster, other hashes or history refs. A plain word farther
	// from any word that may be in a name is never scored.
	// A word that is not filled is not looked up in the lexicon and the
	// gazetteer either (fill does it): what they give (clusters,
	// capitalisation rate, name parts and gazetteer types) is read only of
	// a token within one of a token that is not forced, or of a capitalised
	// one, which is never forced.
	// TestTaggerScores and TestConstrainedDecode hold the scores and
	// labels to the model's.
	forced := t.lat.forced[:n]
	for j, id := range t.ids {
		wi := &t.infos[id]
		if wi.filled {
			continue
		}
		if j < 2 || !forced[j-1] || !forced[j] || j+1 < n && !forced[j+1] {
			t.fill(id)
		} else if j >= 2 && !forced[j-2] {
			wi.hWp1 = wordStarts[whT1Wp1].str(t.known[id].lower)
			wi.rWp1 = t.m.histRef(wi.hWp1)
		}
	}
	for _, id := range t.ids {
		t.toks = append(t.toks, t.known[id])
	}
	markGazetteer(t.toks, &t.m.gaz)
	markRuns(t.toks)
	sc := sentenceCase(t.toks)
	for i := range n {
		if t.lat.forced[i] {
			continue // every path labels it O: its row changes no decision
		}
		wi := &t.infos[t.ids[i]]
		if !wi.own {
			t.ownScores(&t.known[t.ids[i]], wi) // wi is filled: see above
		}
		// the rows summed: the word's own, its neighbours' before and
		// after (or the sentence's ends'), its shape class's
		// selfFeatures; added in one pass, each label's four in a row,
		// not four passes over s. The words two tokens away give a key
		// each, looked up with the token's other features: a row kept
		// per word and role cost two calls and a row to clear and add,
		// and most words are read there once
		var around [asNext + 1]*[numLabels]int32
		for role, j := range [2]int{i - 1, i + 1} {
			if j >= 0 && j < n {
				nb := &t.infos[t.ids[j]]
				if nb.roles&(1<<role) == 0 {
					t.fillRole(t.ids[j], role)
				}
				around[role] = &nb.around[role]
			} else {
				around[role] = &t.m.edge[role]
			}
		}
		t.feats = t.feats[:0]
		var far *[numLabels]int32 // the sentence's ends' rows for the roles two tokens away, if any
		for k, j := range [2]int{i - 2, i + 2} {
			role := asPrev2 + k
			if j < 0 || j >= n {
				if far == nil {
					far = &t.farEdge
					*far = t.m.edge[role]
				} else {
					addRow(far, &t.m.edge[role])
				}
				continue
			}
			id := t.ids[j]
			nb := &t.infos[id]
			if !nb.filled && nb.roles&(1<<role) == 0 {
				nb.roleKey[role] = wordStarts[whRole+role].str(t.known[id].lower).key()
				nb.roles |= 1 << role
			}
			t.feats = append(t.feats, nb.roleKey[role])
		}
		self := &t.zero
		if i > 0 && sc == caseNormal {
			self = &t.groups[wi.shape].self // selfFeatures, not first, caseNormal
		} else {
			t.feats = selfFeatures(&t.toks[i], i == 0, sc, t.feats)
		}
		s := &t.lat.static[i]
		own, a, b := &wi.scores, around[asPrev], around[asNext]
		sumRows4(s, own, a, b, self)
		if far != nil {
			addRow(s, far)
		}
		t.feats = t.pairFeatures(i, sc, t.feats)
		if t.toks[i].upper {
			if id := t.ids[i]; int(id) < t.cache.len() {
				if id := int(id); id < len(t.seenID) && t.seenID[id] != (docSeen{}) {
					t.feats = appendDocFeatures(&t.seenID[id], t.feats)
				}
			} else {
				t.feats = docFeatures(t.seen, words[i], &t.toks[i], t.feats)
			}
		}
		t.m.add(t.feats, s)
		if t.m.ctx && t.toks[i].upper && len(t.ctx.ents) > 0 {
			t.kctx = t.ctx.addScores(t.ctxEntry(words[i], t.ids[i]), t.m, s, t.kctx)
		}
	}
	if t.hist == nil {
		t.hist = t.history
	}
	labels := t.lat.decode(t.hist, beamWidth)
	t.noteLabels(words, labels)
	spans := spansInto(t.spans[:0], labels)
	t.spans = spans
	if len(spans) == 0 {
		return nil
	}
	for k := range spans {
		// confidence: how far the best path through the name's first
		// label beats the best path through any other label there
		// (the labels reached there, other than l, by their bits)
		i := spans[k].Start
		l := labels[i]
		best := &t.lat.best[i]
		var other int32
		found := false
		for m := t.lat.reached[i] &^ (1 << l); m != 0; m &= m - 1 {
			if o := bits.TrailingZeros32(m); !found || best[o] > other {
				other, found = best[o], true
			}
		}
		if found {
			spans[k].Margin = float32(best[l]-other) * t.m.unit
		}
	}
	return spans
}

// noteLabels records the labels given to the capitalised words of a
// sentence, as noteLabels does in a map by the word.
func (t *Tagger) noteLabels(words []string, labels []int) {
	for i, l := range labels {
		if !t.toks[i].upper {
			continue
		}
		id := int(t.ids[i])
		if id >= t.cache.len() {
			if t.seen == nil {
				t.seen = make(map[string]docSeen, 64)
			}
			c := t.seen[words[i]]
			c.note(l)
			t.seen[words[i]] = c
			continue
		}
		if len(t.seenID) <= id {
			// grown at once to the cache's words (one append a word cost
			// a test and a copy per capitalised token)
			t.seenID = append(t.seenID, make([]docSeen, t.cache.len()-len(t.seenID))...)
		}
		t.seenID[id].note(l)
	}
}

// pairFeatures is pairFeatures(t.toks, i, sc, out), each hash continued
// from the first string's, kept per word and shape class (wordHashes,
// shapeGroup): the second string is the only one hashed per token.
func (t *Tagger) pairFeatures(i int, sc int, out []uint32) []uint32 {
	toks := t.toks
	tk, wi := &toks[i], &t.infos[t.ids[i]]
	var wm1w0, shm1s0 hash
	prevShape := "_"
	if i > 0 {
		p := &t.infos[t.ids[i-1]]
		wm1w0, shm1s0, prevShape = p.pWm1W0, t.groups[p.shape].pShapem1S0, toks[i-1].shape
	} else {
		wm1w0, shm1s0 = newHash(fWm1W0).str("<s>"), newHash(fShapem1S0).str("_")
	}
	next, nextShape := "</s>", "_"
	if i+1 < len(toks) {
		next, nextShape = toks[i+1].lower, toks[i+1].shape
	}
	out = append(out,
		wm1w0.str(tk.lower).key(),
		wi.pW0Wp1.str(next).key(),
		shm1s0.str(tk.shape).key(),
		t.groups[wi.shape].pShape0p1.str(nextShape).key(),
		wi.pW0Shapem1.str(prevShape).key(),
	)
	return appendRunGazFeatures(toks, i, sc, out)
}

// fill sets what the tagger reads of the word of id (known and infos)
// besides its own scores (ownScores): its shape class and cluster, its
// hashes and history refs, and the keys of the rows it gives its
// neighbours, which fillRole sums role by role where a score reads them.
// It is done once per word of a document, where a score first needs it
// (tag).
func (t *Tagger) fill(id int32) {
	wi := &t.infos[id]
	if wi.filled {
		return
	}
	wi.filled = true
	tok := &t.known[id]
	wh := wordHashes(tok.lower)
	tok.lookUp(wh[whLex], &t.m.lex, &t.m.gaz)
	si, ci := t.shapeGroup(tok), t.clusterGroup(tok)
	sg := &t.groups[si]
	wi.shape, wi.cluster = int32(si), int32(ci)
	for role := range numRoles {
		wi.roleKey[role] = wh[whRole+role].key() // wordNeighbourFeatures
	}
	wi.w0 = wh[whW0]
	wi.hW0, wi.hWp1 = wh[whT1W0], wh[whT1Wp1]
	wi.pWm1W0, wi.pW0Wp1, wi.pW0Shapem1 = wh[whWm1W0], wh[whW0Wp1], wh[whW0Shapem1]
	wi.rW0, wi.rWp1 = t.m.histRef(wi.hW0), t.m.histRef(wi.hWp1)
	wi.hShape0, wi.rShape0 = sg.hShape0, sg.rShape0
}

// fillRole sets around[role] of the word of id, the row it gives the
// token it is role of (asPrev or asNext), where a score first reads it
// (tag). The word is filled.
func (t *Tagger) fillRole(id int32, role int) {
	wi := &t.infos[id]
	r := &wi.around[role]
	wi.roles |= 1 << role
	if role == asPrev {
		sumRows(r, &t.groups[wi.shape].prev, &t.groups[wi.cluster].prev)
	} else {
		sumRows(r, &t.groups[wi.shape].next, &t.groups[wi.cluster].next)
	}
	t.m.add(wi.roleKey[role:role+1], r)
}

// ownScores sets wi.scores, the scores of tok's wordFeatures; wi is filled.
func (t *Tagger) ownScores(tok *tokInfo, wi *wordInfo) {
	sumRows(&wi.scores, &t.groups[wi.shape].own, &t.groups[wi.cluster].own)
	t.feats = wordOwnFeaturesW0(tok, wi.w0, t.feats[:0])
	t.m.add(t.feats, &wi.scores)
	wi.own = true
}

// shapeGroup returns the index in t.groups of tok's shape class, scoring
// its rows on first sight.
func (t *Tagger) shapeGroup(tok *tokInfo) int {
	if tok.sid != 0 && tok.capr < 16 {
		// a common shape: its class by shapeID, capr and case, the same
		// key as below's
		c := &t.common[tok.sid-1][tok.capr][b2i(tok.upper)|b2i(tok.allCaps)<<1]
		if *c == 0 {
			*c = int32(t.newShapeGroup(tok) + 1)
		}
		return int(*c - 1)
	}
	k := shapeKey{tok.shape, tok.capr, tok.upper, tok.allCaps}.appendTo(t.kbuf[:0])
	t.kbuf = k
	// looked up by a view of kbuf, which the index does not keep
	if r, ok := t.shapes.get(unsafe.String(unsafe.SliceData(k), len(k))); ok {
		return int(r)
	}
	g := t.newShapeGroup(tok)
	t.shapes.put(string(k), int32(g))
	return g
}

// newShapeGroup scores the rows of tok's shape class, a new one, and
// returns its index in t.groups.
func (t *Tagger) newShapeGroup(tok *tokInfo) int {
	t.groups = append(t.groups, group{})
	g := &t.groups[len(t.groups)-1]
	t.m.add(shapeOwnFeatures(tok, t.feats[:0]), &g.own)
	t.m.add(selfFeatures(tok, false, caseNormal, t.feats[:0]), &g.self)
	t.m.add(shapeNeighbourFeatures(tok, asPrev, t.feats[:0]), &g.prev)
	t.m.add(shapeNeighbourFeatures(tok, asNext, t.feats[:0]), &g.next)
	g.hShape0 = newHash(fT1Shape0).str(tok.shape)
	g.pShapem1S0, g.pShape0p1 = newHash(fShapem1S0).str(tok.shape), newHash(fShape0p1).str(tok.shape)
	g.rShape0 = t.m.histRef(g.hShape0)
	return len(t.groups) - 1
}

// clusterGroup returns the index in t.groups of tok's fine cluster (at most
// maxFine, see LexEntry), scoring its rows on first sight.
func (t *Tagger) clusterGroup(tok *tokInfo) int {
	if r := t.clusters[tok.cl2]; r > 0 {
		return int(r - 1)
	}
	t.groups = append(t.groups, group{})
	g := &t.groups[len(t.groups)-1]
	t.m.add(clusterOwnFeatures(tok, t.feats[:0]), &g.own)
	t.m.add(clusterNeighbourFeatures(tok, asPrev, t.feats[:0]), &g.prev)
	t.m.add(clusterNeighbourFeatures(tok, asNext, t.feats[:0]), &g.next)
	t.clusters[tok.cl2] = int32(len(t.groups))
	return len(t.groups) - 1
}

// history sets out to the scores of token i's history features (see
// historyBase) given previous label p1: the label bigram's row, and the
// rows of T1W0 and T1Shape0 of this word and T1Wp1 of the next, from the
// refs found once per word (the model keeps a base's rows for every
// previous label together: Model.build). It is Model.historyScores with
// the calls written out (TestTaggerScores compares the two): in wasm a
// call costs more than the few reads it makes. (Keeping the rows per word
// and previous label was slower in wasm: most of these features are not in
// the model, and a miss costs less than adding a kept row.)
func (t *Tagger) history(i, p1 int, out *[numLabels]int32) {
	m := t.m
	*out = m.trans[p1]
	wi := &t.infos[t.ids[i]]
	next, nref := m.endWp1, m.endWp1Ref
	if i+1 < len(t.ids) {
		nx := &t.infos[t.ids[i+1]]
		next, nref = nx.hWp1, nx.rWp1
	}
	// uint, not uint32: wasm zero-extends a uint32 after each operation
	bit := uint(1) << p1
	for f, ref := range [3]uint{uint(wi.rW0), uint(wi.rShape0), uint(nref)} {
		switch ref & 31 {
		case noRows:
			continue
		case refSingle:
			if ref>>5&31 == uint(p1) {
				e := ref >> 10
				out[e>>8] += m.level[e&255]
			}
			continue
		case refBlock:
			b := m.ent[ref>>5:]
			mask := uint(b[0]) | uint(b[1])<<16
			if mask&bit == 0 {
				continue
			}
			j := 2 + 2*bits.OnesCount(mask&(bit-1))
			ref = uint(b[j]) | uint(b[j+1])<<16 // the row's ref
		default: // refFallback
			h := [3]hash{wi.hW0, wi.hShape0, next}[f]
			m.add([]uint32{h.num(p1).key()}, out)
			continue
		}
		if ref&inline != 0 {
			e1, e2 := ref&0x1fff, ref>>13&0x1fff
			out[e1>>8] += m.level[e1&255]
			out[e2>>8] += m.level[e2&255]
			continue
		}
		off := ref >> 5
		if ref&31 == refDense {
			addDense(out, (*[numLabels]uint8)(m.dense[off:off+numLabels]), &m.level)
			continue
		}
		for _, e := range m.ent[off : off+ref&31] {
			e := uint(e)
			out[e>>8] += m.level[e&255]
		}
	}
}

// The row sums below are written out label by label: a loop over the
// seventeen labels spent as many instructions on its counter and its test
// as on the sums (about 3 of 6.5 an element natively, more in wasm, where
// every integer operation is its own instruction). numLabels is 17 (this
// fails to compile otherwise).
const _ = uint(numLabels-17) + uint(17-numLabels)

// sumRows sets s to the sum of rows a and b, in one pass.
func sumRows(s, a, b *[numLabels]int32) {
	s[0] = a[0] + b[0]
	s[1] = a[1] + b[1]
	s[2] = a[2] + b[2]
	s[3] = a[3] + b[3]
	s[4] = a[4] + b[4]
	s[5] = a[5] + b[5]
	s[6] = a[6] + b[6]
	s[7] = a[7] + b[7]
	s[8] = a[8] + b[8]
	s[9] = a[9] + b[9]
	s[10] = a[10] + b[10]
	s[11] = a[11] + b[11]
	s[12] = a[12] + b[12]
	s[13] = a[13] + b[13]
	s[14] = a[14] + b[14]
	s[15] = a[15] + b[15]
	s[16] = a[16] + b[16]
}

// sumRows4 sets s to the sum of rows a, b, c and d, in one pass.
func sumRows4(s, a, b, c, d *[numLabels]int32) {
	s[0] = a[0] + b[0] + c[0] + d[0]
	s[1] = a[1] + b[1] + c[1] + d[1]
	s[2] = a[2] + b[2] + c[2] + d[2]
	s[3] = a[3] + b[3] + c[3] + d[3]
	s[4] = a[4] + b[4] + c[4] + d[4]
	s[5] = a[5] + b[5] + c[5] + d[5]
	s[6] = a[6] + b[6] + c[6] + d[6]
	s[7] = a[7] + b[7] + c[7] + d[7]
	s[8] = a[8] + b[8] + c[8] + d[8]
	s[9] = a[9] + b[9] + c[9] + d[9]
	s[10] = a[10] + b[10] + c[10] + d[10]
	s[11] = a[11] + b[11] + c[11] + d[11]
	s[12] = a[12] + b[12] + c[12] + d[12]
	s[13] = a[13] + b[13] + c[13] + d[13]
	s[14] = a[14] + b[14] + c[14] + d[14]
	s[15] = a[15] + b[15] + c[15] + d[15]
	s[16] = a[16] + b[16] + c[16] + d[16]
}

// addRow adds the scores of row to s.
func addRow(s, row *[numLabels]int32) {
	s[0] += row[0]
	s[1] += row[1]
	s[2] += row[2]
	s[3] += row[3]
	s[4] += row[4]
	s[5] += row[5]
	s[6] += row[6]
	s[7] += row[7]
	s[8] += row[8]
	s[9] += row[9]
	s[10] += row[10]
	s[11] += row[11]
	s[12] += row[12]
	s[13] += row[13]
	s[14] += row[14]
	s[15] += row[15]
	s[16] += row[16]
}

// beamWidth is the Viterbi beam in integer weight units: three times the
// largest weight of the model.
const beamWidth = 3 * weightOne

// startLabel stands for the label before the first token in history features.
const startLabel = numLabels

// Spans reads the names out of a label sequence. A name left open at the end
// of the sentence (B or I without L) ends there.
func Spans(labels []int) []TokenSpan { return spansInto(nil, labels) }

// spansInto is Spans appending to out.
func spansInto(out []TokenSpan, labels []int) []TokenSpan {
	start := -1
	for i, l := range labels {
		if l <= 0 {
			start = -1
			continue
		}
		typ, pos := labelType(l), labelPos(l)
		switch pos {
		case posU:
			out = append(out, TokenSpan{Start: i, End: i + 1, Type: typ})
			start = -1
		case posB:
			start = i
		case posI, posL:
			if start < 0 || labelType(labels[start]) != typ {
				start = i // tolerate a name that starts with I or L
			}
			if pos == posL {
				out = append(out, TokenSpan{Start: start, End: i + 1, Type: typ})
				start = -1
			}
		}
		if start >= 0 && i == len(labels)-1 {
			out = append(out, TokenSpan{Start: start, End: i + 1, Type: typ})
		}
	}
	return out
}

// prepare computes the per-token information the features use.
func prepare(toks []tokInfo, words []string, lex *lexicon, gaz *gazetteer, buf []byte) ([]tokInfo, []byte) {
	for _, w := range words {
		var ti tokInfo
		ti, buf = wordInfoOf(w, lex, gaz, buf, nil)
		toks = append(toks, ti)
	}
	markGazetteer(toks, gaz)
	markRuns(toks)
	return toks, buf
}

// wordInfoOf returns what the features know of a word alone: its folded
// form and shape, case, lexicon entry and name-part bits. The folded form
// is carved from a when it is not nil (see normalizeIn).
func wordInfoOf(w string, lex *lexicon, gaz *gazetteer, buf []byte, a *arena.Strings) (tokInfo, []byte) {
	ti, buf := wordForm(w, buf, a)
	ti.lookUp(newHash(0).str(ti.lower), lex, gaz)
	return ti, buf
}

// wordForm returns the part of wordInfoOf that reads the word alone: its
// folded form, shape and case.
func wordForm(w string, buf []byte, a *arena.Strings) (tokInfo, []byte) {
	var ti tokInfo
	ti.lower, buf = normalizeIn(w, buf, a)
	ti.shape = wordShape(w)
	ti.upper, ti.allCaps = caseOf(w)
	ti.capd = isCapitalised(w)
	ti.cased = caseBits(ti.lower, ti.shape, ti.allCaps)
	ti.sid = shapeID(ti.shape)
	return ti, buf
}

// lookUp sets the part of wordInfoOf that the lexicon and gazetteer give,
// h being newHash(0).str(ti.lower): the key of both.
func (ti *tokInfo) lookUp(h hash, lex *lexicon, gaz *gazetteer) {
	if e, ok := lex.getHash(uint32(h)); ok {
		ti.cl1, ti.cl2, ti.capr = e.Coarse, e.Fine, e.CapRate
	}
	if m, ok := gaz.get(uint64(h)); ok {
		ti.part, ti.whole = m>>4, m&0xf
	}
}

// markGazetteer marks the longest gazetteer match starting at each token,
// left to right without overlaps. A match must start and end with a
// capitalised token: "may" is not the month or the prime minister.
func markGazetteer(toks []tokInfo, gaz *gazetteer) {
	if gaz.n == 0 {
		return
	}
	for i := 0; i < len(toks); {
		if !toks[i].capd {
			i++
			continue
		}
		h := newHash(0)
		bestLen, bestMask := 0, uint8(0)
		for j := i; j < len(toks) && j < i+maxGazLen; j++ {
			h = h.str(toks[j].lower)
			if !toks[j].capd {
				continue // a match ends on a capitalised token: no lookup
			}
			// the word alone was looked up with the same key once per
			// word (lookUp), not per token and sentence
			mask := toks[i].whole
			if j > i {
				mask, _ = gaz.get(uint64(h))
			}
			if mask&0xf != 0 {
				bestLen, bestMask = j-i+1, mask
			}
		}
		if bestLen == 0 {
			i++
			continue
		}
		for typ := range numTypes {
			if bestMask&0xf&(1<<typ) == 0 {
				continue
			}
			if bestLen == 1 {
				toks[i].gaz[typ] = 1 + posU
				continue
			}
			for j := i; j < i+bestLen; j++ {
				p := posI
				switch j {
				case i:
					p = posB
				case i + bestLen - 1:
					p = posL
				}
				toks[j].gaz[typ] = uint8(1 + p)
			}
		}
		i += bestLen
	}
}

// lowerWord reports whether the lexicon knows a folded word, or failing
// that its stem ("restores" -> "restore"), as a lower-case word.
func (m *Model) lowerWord(low string) bool { return lowerRate(m.capRate(low)) }

// lowerRate reports whether a capitalisation-rate bucket is a lower-case
// word's: capitalised under a fifth of the time inside sentences, or only
// ever seen first in one.
func lowerRate(r uint8) bool { return r != 0 && r <= 2 || r == 7 }

// capRate returns the capitalisation-rate bucket (LexEntry.CapRate) of a
// folded word, or failing that of its stem; 0 if neither is known.
func (m *Model) capRate(low string) uint8 {
	if e, ok := m.lex.get(low); ok && e.CapRate != 0 {
		return e.CapRate
	}
	for _, suf := range []string{"s", "es", "ies", "ied", "ed", "d", "ing", "ly"} {
		if stem, ok := strings.CutSuffix(low, suf); ok && len(stem) >= 3 {
			if suf == "ies" || suf == "ied" {
				stem += "y" // "steadies" -> "steady"
			}
			if e, ok := m.lex.get(stem); ok && e.CapRate != 0 {
				return e.CapRate
			}
		}
	}
	return 0
}

// lowerCompound reports whether a folded hyphenated word is made of
// lower-case words only ("cost-of-living"): the lexicon
// knows few such compounds whole.
func (m *Model) lowerCompound(low string) bool {
	if !strings.Contains(low, "-") {
		return false
	}
	for rest, ok := low, true; ok; {
		var part string
		part, rest, ok = strings.Cut(rest, "-")
		if part == "" || !m.lowerWord(part) {
			return false
		}
	}
	return true
}

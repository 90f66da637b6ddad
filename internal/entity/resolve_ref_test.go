package entity

// The resolver as it was before the twelfth round (main at 20c0cbb,
// resolve.go), keyed by strings in Go maps: the plain reference that
// TestResolverMatchesReference holds the resolver to. Renamed (ref...),
// and without reset: the test makes a fresh reference for each document.
// Not used outside the tests.

import (
	"math"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/lede-news/lede/internal/arena"
	"github.com/lede-news/lede/internal/charref"
	"github.com/lede-news/lede/internal/doc"
	"github.com/lede-news/lede/internal/smallsort"
)

// refMention is one tagged name: tokens [first, last) of sentence sent.
type refMention struct {
	sent, first, last int
	typ               int // -1: a repeat found by the document pass, typed by vote
	margin            float32
	tally             int32  // its key's refTally (vote), by which group finds its key's groups
	key               string // folded tokens joined by spaces
	titleCase         bool   // found in a title-case headline
}

// refResolver turns the tagger's mentions into the document's entities.
type refResolver struct {
	m   *Model
	d   *doc.Document
	buf []byte
	// fold holds each token's folded form once asked for (done marks
	// which): addRepeats asks for the same tokens' keys many times over
	fold []string
	done []bool
	kbuf []byte
	a    arena.Strings // the folded forms
	// scratch of fullestForm: each form of a name and how often it occurs
	forms []refFormCount
	// vote's tallies and maps, kept for the next document with the tagger
	tallies []refTally
	votes   map[string]int32
	people  map[string][]*refTally
	// the tallies' and groups' words, one after the other, kept likewise
	vwords, gwords []string
	// dropJunk's, extend's and addRepeats' maps, kept likewise
	seen map[string]uint8
	keys map[string]bool
	// group's groups and maps, kept likewise
	groups []refNameGroup
	slots  [][numTypes]int32 // by refTally: 1 + the index of its key's group of each type, 0 none
	cand   map[string][]int
}

// refNameGroup is group's set of mentions of one name and type.
type refNameGroup struct {
	key    string
	tokens []string
	typ    int
	ms     []int // indices into ms
	parent int   // merged into this group; -1 for none
}

// keySet returns r's set of keys emptied, made for about n keys the first
// time: extend's and then addRepeats', neither kept past its return.
func (r *refResolver) keySet(n int) map[string]bool {
	if r.keys == nil {
		r.keys = make(map[string]bool, n)
	}
	clear(r.keys)
	return r.keys
}

// refTally is vote's count of one key's mentions by type.
type refTally struct {
	n       [numTypes]float64
	tokens  []string
	decided int
}

type refFormCount struct {
	s string
	n int
}

// folded is the folded form of token t. The form already made (most are:
// foldedAs) is read inline; foldToken makes the others.
func (r *refResolver) folded(t int) string {
	if len(r.done) == len(r.d.Tokens) && r.done[t] {
		return r.fold[t]
	}
	return r.foldToken(t)
}

// foldToken is folded for a token whose form is not made yet.
func (r *refResolver) foldToken(t int) string {
	r.sizeFold()
	if !r.done[t] {
		r.fold[t], r.buf = normalizeIn(r.d.TokenText(t), r.buf, &r.a)
		r.done[t] = true
	}
	return r.fold[t]
}

// sizeFold makes fold and done one a token of the document.
func (r *refResolver) sizeFold() {
	if n := len(r.d.Tokens); len(r.done) != n {
		// reset left them empty (cleared), or they were never made
		if cap(r.done) >= n {
			r.fold, r.done = r.fold[:n], r.done[:n]
		} else {
			r.fold, r.done = make([]string, n), make([]bool, n)
		}
	}
}

// appendKey appends the folded form of tokens [first, last) to b.
func (r *refResolver) appendKey(b []byte, first, last int) []byte {
	for t := first; t < last; t++ {
		if t > first {
			b = append(b, ' ')
		}
		b = append(b, r.folded(t)...)
	}
	return b
}

// key is the folded form of tokens [first, last).
func (r *refResolver) key(first, last int) string {
	if last-first == 1 {
		return r.folded(first)
	}
	r.kbuf = r.appendKey(r.kbuf[:0], first, last)
	return r.a.String(r.kbuf)
}

// hasKey reports whether the key of tokens [first, last) is in keys. It
// looks the key up without making a string (key makes one, for a hit).
func (r *refResolver) hasKey(keys map[string]bool, first, last int) bool {
	r.kbuf = r.appendKey(r.kbuf[:0], first, last)
	return keys[string(r.kbuf)]
}

// resolveAll merges the mentions ms of r.d into ranked entities, and also
// returns ms as the passes left it (they append the repeats they find), for
// its memory to be reused.
func (r *refResolver) resolveAll(ms []refMention) ([]doc.Entity, []refMention) {
	if len(ms) == 0 {
		return nil, ms
	}
	for i := range ms {
		ms[i].key = r.key(ms[i].first, ms[i].last)
	}
	ms = r.dropJunk(ms)
	ms = r.extend(ms)
	ms = r.addRepeats(ms)
	r.vote(ms)
	return r.group(ms), ms
}

// sentenceInitial reports whether token t opens its sentence (after any
// opening quotes or brackets).
func (r *refResolver) sentenceInitial(m refMention) bool {
	s := r.d.Sentences[m.sent]
	for t := s.First; t < m.first; t++ {
		if r.d.Tokens[t].Kind == doc.Word || r.d.Tokens[t].Kind == doc.Number {
			return false
		}
	}
	return true
}

// dropJunk removes one-word names at the start of a sentence that are
// common lower-case words elsewhere ("Additionally", "Meanwhile"), unless
// the same word is also a name inside a sentence.
func (r *refResolver) dropJunk(ms []refMention) []refMention {
	// what is known of each key: found inside a sentence (inner), found
	// outside title-case headlines (prose); one map, so one probe a key
	const inner, prose = 1, 2
	seen := r.seen
	if seen == nil {
		seen = make(map[string]uint8, len(ms)) // sized once: growing rehashes every key
		r.seen = seen
	}
	// "Mr.", "Mrs.", "Ms." are titles, not part of the name (the CoNLL
	// convention the tagger learned for "President"; Reuters wrote no
	// "Mr.", so eng.train has three, and the tagger keeps the title in US
	// papers' "Mr. Garrett" and tags "Mr." alone); every one of them, and
	// a name of titles alone is none (left empty here, dropped below).
	// And a lower-case word of four letters or more ends a name: greedy
	// decoding sometimes drags one on ("Lee remains committed"). Both
	// done first, so that seen holds the names as they are kept
	// (TestTitleOffBeforeSeen, TestCutBeforeSeen)
	for i := range ms {
		m := &ms[i]
		first, last := m.first, m.last
		for first < last && refHonorific(r.folded(first)) {
			first++
		}
		if first == last {
			m.first = first
			continue
		}
		for t := first + 1; t < last; t++ {
			w := r.d.TokenText(t)
			if c, _ := utf8.DecodeRuneInString(w); unicode.IsLower(c) && utf8.RuneCountInString(w) >= 4 && !strings.Contains(w, "-") {
				last = t
				break
			}
		}
		if first != m.first || last != m.last {
			m.first, m.last = first, last
			m.key = r.key(first, last)
		}
		var f uint8
		if !r.sentenceInitial(*m) {
			f |= inner
		}
		if !m.titleCase {
			f |= prose
		}
		if f != 0 {
			seen[m.key] |= f
		}
	}
	out := ms[:0]
	for _, m := range ms {
		if m.first == m.last {
			continue // titles alone
		}
		if m.last-m.first == 1 && seen[m.key]&inner == 0 && r.sentenceInitial(m) && m.margin < junkMargin {
			if e, ok := r.m.lex.get(m.key); ok && (e.CapRate >= 1 && e.CapRate <= 2 || e.CapRate == 7) {
				continue
			}
		}
		// in a title-case headline every word is capitalised, so a lone
		// word that the unlabelled text knows as a lower-case word and
		// that the tagger doubts (its label lost to another somewhere on
		// the way) is a word, not a name, unless the article names it
		// elsewhere ("Steadies" in "Dollar Steadies Ahead of ...")
		if m.titleCase && m.last-m.first == 1 && m.margin < 0 && seen[m.key]&prose == 0 && r.m.lowerWord(m.key) {
			if _, caps := caseOf(r.d.TokenText(m.first)); !caps {
				continue
			}
		}
		if !r.hasCapital(m.first, m.last) {
			continue // a name has at least one capital or digit
		}
		out = append(out, m)
	}
	return out
}

func (r *refResolver) hasCapital(first, last int) bool {
	for t := first; t < last; t++ {
		c, _ := utf8.DecodeRuneInString(r.d.TokenText(t))
		if unicode.IsUpper(c) || unicode.IsDigit(c) {
			return true
		}
	}
	return false
}

// extend widens a refMention that is part of a longer name tagged elsewhere in
// the document to that name, when the longer name's words are there around
// it, capitalised: "Wind" tagged alone in "Harbour Wind said" is the
// "Harbour Wind" of "shares in Harbour Wind", not a name of its own. The
// widened refMention takes the type the document's vote gives the longer name.
func (r *refResolver) extend(ms []refMention) []refMention {
	keys := r.keySet(len(ms))
	maxLen := 0
	for _, m := range ms {
		if m.last-m.first >= 2 {
			keys[m.key] = true
			maxLen = min(max(maxLen, m.last-m.first), 8)
		}
	}
	if len(keys) == 0 {
		return ms
	}
	changed := false
	for i := range ms {
		m := &ms[i]
		s := r.d.Sentences[m.sent]
		// the capitalised run around the refMention
		a, z := m.first, m.last
		for a > s.First && r.d.Tokens[a-1].Kind == doc.Word && isCapitalised(r.d.TokenText(a-1)) && m.last-(a-1) <= maxLen {
			a--
		}
		for z < s.Last && r.d.Tokens[z].Kind == doc.Word && isCapitalised(r.d.TokenText(z)) && z+1-m.first <= maxLen {
			z++
		}
		if a == m.first && z == m.last {
			continue
		}
		// the longest name of the document inside the run that holds the refMention
		bf, bl := m.first, m.last
		for f := a; f <= m.first; f++ {
			for l := z; l >= m.last && l-f > bl-bf; l-- {
				if l-f <= maxLen && r.hasKey(keys, f, l) {
					bf, bl = f, l
					break
				}
			}
		}
		if bf != m.first || bl != m.last {
			m.first, m.last, m.key, m.typ, m.margin = bf, bl, r.key(bf, bl), -1, 0
			changed = true
		}
	}
	if !changed {
		return ms
	}
	// drop the mentions now inside a widened one (or its duplicates)
	sort.SliceStable(ms, func(i, j int) bool {
		if ms[i].first != ms[j].first {
			return ms[i].first < ms[j].first
		}
		return ms[i].last > ms[j].last
	})
	out := ms[:0]
	end := -1
	for _, m := range ms {
		if m.first < end {
			continue
		}
		out = append(out, m)
		end = m.last
	}
	return out
}

// addRepeats finds the untagged repeats of names tagged elsewhere in the
// document: a name tagged once is a name wherever it recurs capitalised, and
// so is a person's first or last name alone. A one-word name tagged with a
// margin below junkMargin is found only where it is tagged.
func (r *refResolver) addRepeats(ms []refMention) []refMention {
	keys := r.keySet(len(ms))
	// the keys by byte length (63 for 63 or more) and first byte: most runs
	// of capitalised words are ruled out by their length and first letter
	// without building their key and probing the map (with wasm's slow
	// portable hash)
	var filter [64][4]uint64
	var firsts [4]uint64 // the keys' first bytes, whatever their length
	add := func(k string) {
		keys[k] = true
		if k != "" {
			filter[min(len(k), 63)][k[0]>>6] |= 1 << (k[0] & 63)
			firsts[k[0]>>6] |= 1 << (k[0] & 63)
		}
	}
	maxLen := 0
	for _, m := range ms {
		if m.last-m.first == 1 && m.margin < junkMargin {
			// a one-word name the tagger doubts is not spread: "SUV",
			// "CEO", "LED" tagged once would be names at every recurrence.
			// 5-fold CV through the document pass (go run ./cmd/train-ner
			// -cv 5 -cv-ranges 15 -seed 1/2/3): 90.17 / 90.10 / 89.73 ->
			// 90.27 / 90.20 / 89.81, 11 of 15 folds better; acronyms only,
			// 90.19 / 90.12 / 89.76; every name of any length (the earlier
			// proposal, docs/benchmarks.md) cost the keyphrases 0.3-0.6 F1
			continue
		}
		add(m.key)
		maxLen = min(max(maxLen, m.last-m.first), 8)
		if m.typ == 0 && m.last-m.first > 1 {
			// a person's first or last name alone: "Lee" of "Lee Jae Myung"
			add(r.key(m.first, m.first+1))
			add(r.key(m.last-1, m.last))
		}
	}
	var size [9]int // size[l]: the byte length of the key of tokens [t, t+l)
	covered := make([]bool, len(r.d.Tokens))
	for _, m := range ms {
		for t := m.first; t < m.last; t++ {
			covered[t] = true
		}
	}
	n := len(ms)
	for si, s := range r.d.Sentences {
		if s.Block < 0 || s.Block >= len(r.d.Blocks) || r.d.Blocks[s.Block].Role == doc.Boilerplate {
			continue
		}
		for t := s.First; t < s.Last; t++ {
			if covered[t] || r.d.Tokens[t].Kind != doc.Word || !isCapitalised(r.d.TokenText(t)) {
				continue
			}
			first := byte(' ') // the key's first byte; for an empty fold, the space after it
			if f := r.folded(t); f != "" {
				first = f[0]
			}
			if firsts[first>>6]&(1<<(first&63)) == 0 && first != ' ' {
				continue // no key starts with this byte (nor, with an empty fold, a space)
			}
			// the keys that may be here: of up to maxLen tokens of the
			// sentence, none of them covered (t is not)
			top := min(maxLen, s.Last-t)
			for l := 1; l <= top; l++ {
				if covered[t+l-1] {
					top = l - 1
					break
				}
				size[l] = size[l-1] + len(r.folded(t+l-1))
				if l > 1 {
					size[l]++ // the space
				}
			}
			for l := top; l >= 1; l-- {
				if n := size[l]; n > 0 && filter[min(n, 63)][first>>6]&(1<<(first&63)) == 0 {
					continue // no key of this length starts with this byte
				}
				if !isCapitalised(r.d.TokenText(t + l - 1)) {
					continue
				}
				if r.hasKey(keys, t, t+l) {
					ms = append(ms, refMention{sent: si, first: t, last: t + l, typ: -1, key: r.key(t, t+l)})
					for u := t; u < t+l; u++ {
						covered[u] = true
					}
					t += l - 1
					break
				}
			}
		}
	}
	if len(ms) > n {
		sort.SliceStable(ms, func(i, j int) bool { return ms[i].first < ms[j].first })
	}
	return ms
}

// vote gives every refMention of a name the type most of its tagged mentions
// have. A one-word name that is the first or last word of a longer person's
// name counts that person's mentions as votes too ("Trump" in "Trump
// administration" is still Donald Trump).
func (r *refResolver) vote(ms []refMention) {
	// the tallies in order of first refMention, so sums run in one order,
	// and by key
	tallies := r.tallies[:0]
	votes := r.votes
	if votes == nil {
		votes = make(map[string]int32, len(ms))
	}
	words := r.vwords[:0] // every refTally's tokens, one after the other
	defer func() { r.tallies, r.votes, r.vwords = tallies, votes, words }()
	for i := range ms {
		m := &ms[i]
		vi, ok := votes[m.key]
		if !ok {
			vi = int32(len(tallies))
			votes[m.key] = vi
			n := len(words)
			words = refSplitKey(words, m.key)
			tallies = append(tallies, refTally{tokens: words[n:len(words):len(words)]})
		}
		m.tally = vi
		v := &tallies[vi]
		if m.typ >= 0 {
			// a refMention counts by the tagger's confidence in it: 1 at a
			// margin of 0, toward 2 for a sure one, toward 0 for one whose
			// label lost at its first word (5-fold cross-validation on
			// eng.train through the document pass: +0.1 F1 over plain
			// counts, the same for scales 10 to 30)
			v.n[m.typ] += 1 + math.Tanh(float64(m.margin)/voteScale)
		}
	}
	// gazetteer evidence: a name of two words or more that opens with a
	// word known only as part of people's names ("Kim ...", "Nguyen ...")
	// and that is not itself a known name counts as one and a half votes
	// for a person, so one doubtful refMention typed otherwise is outvoted
	for i := range tallies {
		if v := &tallies[i]; len(v.tokens) >= 2 && r.personEvidence(v.tokens) {
			v.n[0] += 1.5
		}
	}
	// and a name of two words or more that ends in an organisation head
	// ("... Economic Cooperation", "... Development Bank") and is no known
	// name of another type counts one and a half votes for an
	// organisation: in CoNLL's training names such a name is an
	// organisation 638 times, other 79 (mostly sports leagues), a place 52
	for i := range tallies {
		if v := &tallies[i]; len(v.tokens) >= 2 && r.orgEvidence(v.tokens) {
			v.n[2] += 1.5
		}
	}
	// and a law's, a treaty's or a war's name counts one and a half votes
	// for other (sixteenth round)
	for i := range tallies {
		if v := &tallies[i]; len(v.tokens) >= 2 && r.miscEvidence(v.tokens) {
			v.n[3] += 1.5
		}
	}
	argmax := func(n [numTypes]float64) int {
		best := 0
		for t := 1; t < numTypes; t++ {
			if n[t] > n[best] {
				best = t
			}
		}
		return best
	}
	for i := range tallies {
		tallies[i].decided = argmax(tallies[i].n)
	}
	// the longer people's names by their first and last word, so a one-word
	// name finds its people without scanning every name
	people := r.people
	if people == nil {
		people = make(map[string][]*refTally, len(tallies))
		r.people = people
	}
	for i := range tallies {
		v := &tallies[i]
		if len(v.tokens) < 2 || v.decided != 0 {
			continue
		}
		first, last := v.tokens[0], v.tokens[len(v.tokens)-1]
		people[first] = append(people[first], v)
		if last != first {
			people[last] = append(people[last], v)
		}
	}
	for i := range tallies {
		v := &tallies[i]
		if len(v.tokens) != 1 {
			continue
		}
		n := v.n
		for _, lv := range people[v.tokens[0]] {
			n[0] += lv.n[0]
		}
		v.decided = argmax(n)
	}
	for i := range ms {
		if ms[i].typ >= 0 && ms[i].margin > keepMargin {
			// the tagger was sure of this refMention: it keeps its type.
			// One string may name two things in one article ("Milan" the
			// city and the club, "NEW YORK" the dateline and the team);
			// only the doubtful mentions, and the repeats, take the vote
			continue
		}
		ms[i].typ = tallies[ms[i].tally].decided
	}
}

// refSplitKey appends the space-separated words of a key to words: the
// refResolver's keys are folded tokens joined by single spaces.
func refSplitKey(words []string, key string) []string {
	for {
		i := strings.IndexByte(key, ' ')
		if i < 0 {
			return append(words, key)
		}
		words = append(words, key[:i])
		key = key[i+1:]
	}
}

// refHonorific reports whether folded is a title dropJunk takes off the front
// of a name.
func refHonorific(folded string) bool {
	switch folded {
	case "mr", "mr.", "mrs", "mrs.", "ms", "ms.":
		return true
	}
	return false
}

// group merges mentions into entities and ranks them.
func (r *refResolver) group(ms []refMention) []doc.Entity {
	// groups by value, and each group's mentions cut from one array: a
	// few allocations, not one per group and per refMention
	gs := r.groups[:0]
	if gs == nil {
		gs = make([]refNameGroup, 0, len(ms)/2+8) // most names recur
	}
	// a group by key and type: 1 + its index in gs, 0 for none (vote
	// has given every refMention a type), by the key's refTally (vote's, one a
	// key), not by the key in a map
	slots := slices.Grow(r.slots[:0], len(r.tallies))[:len(r.tallies)]
	clear(slots)
	defer func() { r.slots = slots }()
	words := r.gwords[:0] // every group's tokens, one after the other
	defer func() { r.groups, r.gwords = gs, words }()
	gOf := make([]int32, len(ms))
	for i, m := range ms {
		slot := &slots[m.tally]
		gi := int(slot[m.typ]) - 1
		if gi < 0 {
			gi = len(gs)
			slot[m.typ] = int32(gi + 1)
			n := len(words)
			words = refSplitKey(words, m.key)
			gs = append(gs, refNameGroup{key: m.key, tokens: words[n:len(words):len(words)], typ: m.typ, parent: -1})
		}
		gOf[i] = int32(gi)
		gs[gi].parent-- // counts the group's mentions for now: -1 - count
	}
	all := make([]int, len(ms))
	off := 0
	for gi := range gs {
		n := -1 - gs[gi].parent
		gs[gi].ms, gs[gi].parent = all[off:off:off+n], -1
		off += n
	}
	for i, gi := range gOf {
		gs[gi].ms = append(gs[gi].ms, i)
	}
	// short forms join the longer name they stand for: the one with the most
	// mentions, then the earliest.
	// candidates: longer names indexed by their first word, last word and
	// refInitials, so the search is not quadratic in the number of names
	cand := r.cand
	if cand == nil {
		cand = make(map[string][]int, len(gs))
		r.cand = cand
	}
	for li, l := range gs {
		if len(l.tokens) < 2 {
			continue
		}
		cand[l.tokens[0]] = append(cand[l.tokens[0]], li)
		if w := l.tokens[len(l.tokens)-1]; w != l.tokens[0] {
			cand[w] = append(cand[w], li)
		}
		if in := refInitials(l.tokens); in != "" && in != l.tokens[0] && in != l.tokens[len(l.tokens)-1] {
			cand[in] = append(cand[in], li)
		}
	}
	for gi := range gs {
		g := &gs[gi]
		best := -1
		look := g.tokens[0]
		if len(g.tokens) == 1 {
			look = strings.ReplaceAll(strings.TrimPrefix(look, "^"), ".", "")
		}
		for _, lis := range [2][]int{cand[g.tokens[0]], cand[look]} {
			for _, li := range lis {
				l := &gs[li]
				if li == gi || len(l.tokens) <= len(g.tokens) || !refShortFormOf(g.tokens, l.tokens, l.typ, g.typ) {
					continue
				}
				if best < 0 || len(l.ms) > len(gs[best].ms) {
					best = li
				}
			}
		}
		g.parent = best
	}
	root := func(i int) int {
		for n := 0; gs[i].parent >= 0 && n < len(gs); n++ {
			i = gs[i].parent
		}
		return i
	}
	// each root's groups, in order, cut from one array by their counts
	// (an append per group grew a slice per root); a root's entity is
	// made in the order of roots, and the sort below decides the order of
	// the entities
	rootOf := make([]int, 2*len(gs))
	count, memAll := rootOf[len(gs):], make([]int, len(gs))
	rootOf = rootOf[:len(gs)]
	roots := 0
	for i := range gs {
		ri := root(i)
		rootOf[i] = ri
		if count[ri] == 0 {
			roots++
		}
		count[ri]++
	}
	members := make([][]int, len(gs))
	off = 0
	for ri, n := range count {
		members[ri] = memAll[off : off : off+n]
		off += n
	}
	for i, ri := range rootOf {
		members[ri] = append(members[ri], i)
	}
	// salience: mentions (log), how early the first one is, and the title
	nSent := max(1, len(r.d.Sentences))
	out := make([]doc.Entity, 0, roots)
	var forms []string
	var idx []int
	// every entity's mentions, cut from one array (capped, so that no
	// append to one runs into the next)
	mentions := make([]doc.Mention, 0, len(ms))
	for ri, mem := range members {
		if len(mem) == 0 {
			continue
		}
		var e doc.Entity
		e.Type = doc.EntityType(gs[ri].typ)
		forms = forms[:0] // the mentions' texts
		n := 0
		for _, gi := range mem {
			n += len(gs[gi].ms)
		}
		idx = idx[:0]
		for _, gi := range mem {
			idx = append(idx, gs[gi].ms...)
		}
		e.Mentions = mentions[len(mentions) : len(mentions) : len(mentions)+n]
		mentions = mentions[:len(mentions)+n]
		smallsort.Sort(idx)
		inTitle := false
		for _, i := range idx {
			m := ms[i]
			sp := doc.Span{Start: r.d.Tokens[m.first].Start, End: r.d.Tokens[m.last-1].End}
			e.Mentions = append(e.Mentions, doc.Mention{Span: sp, Sentence: m.sent})
			forms = append(forms, r.form(sp))
			if r.d.Blocks[r.d.Sentences[m.sent].Block].Role == doc.Title {
				inTitle = true
			}
		}
		e.Name = r.fullestForm(ms, gs[ri].ms)
		// the other forms, sorted, once each
		smallsort.Sort(forms)
		for _, s := range slices.Compact(forms) {
			if s != e.Name {
				e.Aliases = append(e.Aliases, s)
			}
		}
		first := float64(ms[idx[0]].sent) / float64(nSent)
		e.Salience = (1 + math.Log(float64(len(idx)))) * (1.5 - 0.5*first)
		if inTitle {
			e.Salience *= 1.5
		}
		out = append(out, e)
	}
	top := 0.0
	for _, e := range out {
		top = max(top, e.Salience)
	}
	for i := range out {
		out[i].Salience = math.Round(out[i].Salience/top*1000) / 1000
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Salience != out[j].Salience {
			return out[i].Salience > out[j].Salience
		}
		return out[i].Mentions[0].Start < out[j].Mentions[0].Start
	})
	return out
}

// form is the text of a refMention as its entity's name or alias: in pasted
// text, with its character references decoded ("Ben & Jerry" for "Ben
// &amp; Jerry"; the text itself when it holds none).
func (r *refResolver) form(sp doc.Span) string {
	return charref.Read(sp.Of(r.d.Text), r.d.FromHTML)
}

// fullestForm is the name as most often written among the mentions of the
// longest key, preferring a form not set in capitals.
func (r *refResolver) fullestForm(ms []refMention, idx []int) string {
	// a name has few forms: a list searched in turn, not a map per name
	// (the best is the same in any order: ties go to the smaller string);
	// past formsListed forms (a page of one name in many spellings of
	// case) a map finds them, or the search is quadratic in the mentions
	count := r.forms[:0]
	var at map[string]int // form -> its place in count, once count is long
	for _, i := range idx {
		m := ms[i]
		s := r.form(doc.Span{Start: r.d.Tokens[m.first].Start, End: r.d.Tokens[m.last-1].End})
		k, ok := 0, false
		if at != nil {
			k, ok = at[s]
		} else {
			for k < len(count) && count[k].s != s {
				k++
			}
			ok = k < len(count)
		}
		if !ok {
			k = len(count)
			count = append(count, refFormCount{s: s})
			if at != nil {
				at[s] = k
			} else if len(count) > formsListed {
				at = make(map[string]int, 2*len(count))
				for j, c := range count {
					at[c.s] = j
				}
			}
		}
		count[k].n++
	}
	r.forms = count
	return refBestForm(count)
}

// refBestForm is the reference's choice among a name's written forms: the
// form not all in capitals over one that is, then the one written most
// often, then the first in byte order (so the order of counts is no matter).
func refBestForm(counts []refFormCount) string {
	best, bestScore := "", -1
	for _, c := range counts {
		score := 2 * c.n
		if _, caps := caseOf(c.s); !caps {
			score += 1000
		}
		if score > bestScore || (score == bestScore && c.s < best) {
			best, bestScore = c.s, score
		}
	}
	return best
}

// refShortFormOf reports whether a group's name is a short form of a longer
// name: for people the first or last words ("Trump", "Lee"), for other
// names an acronym of the capitalised words ("U.S." for "United States",
// "APEC" for "Asia-Pacific Economic Cooperation").
func refShortFormOf(short, long []string, longTyp, shortTyp int) bool {
	if longTyp == 0 && shortTyp == 0 {
		prefix, suffix := true, true
		for i, w := range short {
			prefix = prefix && long[i] == w
			suffix = suffix && long[len(long)-len(short)+i] == w
		}
		return prefix || suffix
	}
	if len(short) != 1 || longTyp == 0 {
		return false
	}
	return refIsAcronymOf(short[0], long)
}

// refIsAcronymOf reports whether acr ("u.s.", "apec") spells the refInitials of the
// significant words of long (folded tokens; hyphens split words).
func refIsAcronymOf(acr string, long []string) bool {
	letters := strings.ReplaceAll(strings.TrimPrefix(acr, "^"), ".", "")
	if len(letters) < 2 || len(letters) > 8 {
		return false
	}
	return refInitials(long) == letters
}

// refInitials are the first letters of the significant words of a folded name.
func refInitials(long []string) string {
	var b []byte
	for _, w := range long {
		for more := true; more; { // the parts of w between hyphens
			var part string
			part, w, more = strings.Cut(w, "-")
			switch part {
			case "", "of", "the", "and", "for", "&":
			default:
				b = append(b, part[0])
			}
		}
	}
	return string(b)
}

// orgEvidence reports whether a folded multi-word name ends in an
// organisation head and the gazetteer knows it as no name of another type.
func (r *refResolver) orgEvidence(tokens []string) bool {
	if !orgHeads[tokens[len(tokens)-1]] {
		return false
	}
	whole, _ := r.m.gaz.get(gazKey(tokens))
	return whole&0xf&^(1<<2) == 0
}

// miscEvidence reports whether a folded multi-word name ends in a law's,
// agreement's or war's head or opens with a document's followed by "of",
// and the gazetteer knows it as no name of another type.
func (r *refResolver) miscEvidence(tokens []string) bool {
	if !miscHeads[tokens[len(tokens)-1]] && !(len(tokens) >= 3 && tokens[1] == "of" && miscOpeners[tokens[0]]) {
		return false
	}
	whole, _ := r.m.gaz.get(gazKey(tokens))
	return whole&0xf&^(1<<3) == 0
}

// personEvidence reports whether the gazetteer says a folded multi-word name
// looks like a person's: its first word is known only as part of people's
// names, the whole is no known name, and its last word is not an
// organisation head ("Kim Jong Un" but not "Kim Foundation").
func (r *refResolver) personEvidence(tokens []string) bool {
	first, _ := r.m.gaz.get(gazKey(tokens[:1]))
	if first != 1<<4 || len(tokens[0]) < 2 || strings.HasSuffix(tokens[0], ".") {
		return false // not an initial ("N. Korea")
	}
	for _, w := range tokens[1:] {
		// every word a name's word: no "&" or "of", and none of the
		// common lower-case words that end place names ("Grace Road",
		// "Ellis Park"); short syllables of given names ("Jong Un") may
		// look like short words
		if c, _ := utf8.DecodeRuneInString(w); !unicode.IsLetter(c) || len(w) >= 4 && r.m.lowerWord(w) {
			return false
		}
	}
	if whole, _ := r.m.gaz.get(gazKey(tokens)); whole&0xf != 0 {
		return false
	}
	return !orgHeads[tokens[len(tokens)-1]]
}

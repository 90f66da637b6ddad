package entity

import (
	"math"
	"math/bits"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/lede-news/lede/internal/arena"
	"github.com/lede-news/lede/internal/charref"
	"github.com/lede-news/lede/internal/doc"
	"github.com/lede-news/lede/internal/smallsort"
)

// mention is one tagged name: tokens [first, last) of sentence sent.
type mention struct {
	sent, first, last int
	typ               int // -1: a repeat found by the document pass, typed by vote
	margin            float32
	tally             int32 // its name's tally (vote), by which group finds its name's groups
	name              int32 // its key's index in the resolver's names (resolver.span)
	titleCase         bool  // found in a title-case headline
}

// resolver turns the tagger's mentions into the document's entities.
//
// A name is known by its key, its tokens' folded forms joined by spaces
// ("donald trump"), and the passes ask many things of keys: whether a key
// was seen inside a sentence, is a longer name, is one that recurs; its
// tally; the people and the longer names a word starts or ends. Each key
// (and each word looked up alone) is held once, in names, and what the
// passes know of it in info, by its index: a question about a key is an
// index into a slice, not a lookup in a map by the key (in wasm a Go map
// hashes a string in software, memhashFallback, at every lookup). A run of
// tokens is looked up without writing its key out: its hash is made of
// its tokens' hashes (spanHash), each made once a document.
type resolver struct {
	m   *Model
	d   *doc.Document
	buf []byte
	// fold holds each token's folded form once asked for (done marks
	// which): addRepeats asks for the same tokens' keys many times over;
	// th holds the hash of each token's form once asked for (tokHash)
	fold []string
	done []bool
	th   []uint32
	// capw holds, for the tokens the tagger handed over (foldedAs), whether
	// each is capitalised as written (capYes, capNo; 0: not known): the
	// tagger has asked it of every word (tokInfo.capd), and addRepeats
	// asks it of every token
	capw []uint8
	kbuf []byte
	a    arena.Strings // the folded forms and keys
	// the document's keys and words, their index into info (a name) by
	// the key: a table keyed by wordHash (collision-safe: its point is
	// drawn at random), kept for the next document emptied; links holds
	// info's lists; pow the powers of the table's point (spanHash), for
	// powSeed
	names   wordIndex
	info    []nameInfo
	links   []link
	pow     []uint64
	powSeed uint64
	// scratch of fullestForm: each form of a name and how often it occurs
	forms []formCount
	// vote's tallies, kept for the next document with the tagger
	tallies []tally
	// the tallies' words, one after the other, kept likewise
	vwords []string
	// group's groups and slots, kept likewise
	groups  []nameGroup
	slots   [][numTypes]int32 // by tally: 1 + the index of its key's group of each type, 0 none
	covered []bool            // addRepeats' tokens inside a name, kept likewise
}

// nameInfo is what the passes know of one key or word of the document.
type nameInfo struct {
	key   string
	flags uint8 // seenInner, seenProse (dropJunk), longName (extend), recurs (addRepeats)
	tally int32 // 1 + its tally (vote), 0 none
	// lists in links (1 + index of the first and last item, 0 none): the
	// tallies of the longer people's names this word starts or ends
	// (vote), the groups of the longer names it starts or ends or is the
	// initials of (group)
	people, peopleEnd int32
	cand, candEnd     int32
}

// the bits of nameInfo.flags
const (
	seenInner = 1 << iota // dropJunk: the key is a mention inside a sentence
	seenProse             // dropJunk: the key is a mention outside title-case headlines
	longName              // extend: the key is a mention of two words or more
	recurs                // addRepeats: the key's recurrences are names
)

// link is an item of a list of nameInfo: a tally or a group, and 1 + the
// index of the next item (0: the last).
type link struct {
	v, next int32
}

// keyFilter is a set of keys by their byte length (63 for 63 or more) and
// first byte: most runs of tokens are ruled out as keys by their length
// and first letter, without hashing their tokens and probing the names.
type keyFilter [64][4]uint64

// add adds key k, not empty.
func (f *keyFilter) add(k string) {
	f[min(len(k), 63)][k[0]>>6] |= 1 << (k[0] & 63)
}

// may reports whether some key added is n bytes long and starts with c.
func (f *keyFilter) may(n int, c byte) bool {
	return f[min(n, 63)][c>>6]&(1<<(c&63)) != 0
}

// nameGroup is group's set of mentions of one name and type.
type nameGroup struct {
	tokens []string
	typ    int
	first  int32 // the name of its first word (a one-word group's: its key's)
	n      int   // its mentions
	parent int   // merged into this group; -1 for none
}

// tally is vote's count of one key's mentions by type.
type tally struct {
	n       [numTypes]float64
	tokens  []string
	name    int32
	decided int
}

// reset ends a document: it empties what r keeps for the next one, so that
// r holds none of this document's strings, and lets go of what a long
// document grew (more than maxKeep names, maxKeepTokens tokens).
func (r *resolver) reset() {
	r.d = nil
	r.a = arena.Strings{}
	r.fold = emptied(r.fold, maxKeepTokens)
	r.done = emptied(r.done, maxKeepTokens)
	r.th = emptied(r.th, maxKeepTokens)
	r.capw = emptied(r.capw, maxKeepTokens)
	r.covered = emptied(r.covered, maxKeepTokens)
	r.forms = emptied(r.forms, maxKeep)
	r.tallies = emptied(r.tallies, maxKeep)
	r.groups = emptied(r.groups, maxKeep)
	r.vwords = emptied(r.vwords, maxKeep)
	r.slots = emptied(r.slots, maxKeep)
	r.names.reset(maxKeep)
	r.info = emptied(r.info, maxKeep)
	r.links = emptied(r.links, maxKeep)
}

// emptied returns s cleared to its capacity and empty, or nil if it grew
// past max elements: kept for the next document without holding any of
// this one's strings or pointers.
func emptied[T any](s []T, max int) []T {
	clear(s[:cap(s)])
	if cap(s) > max {
		return nil
	}
	return s[:0]
}

// maxKeepTokens is the most tokens whose folded forms' memory a resolver
// keeps for reuse (21 bytes a token).
const maxKeepTokens = 1 << 14

type formCount struct {
	s string
	n int
}

// formsListed is the most forms of a name fullestForm searches in a list.
const formsListed = 32

// folded is the folded form of token t. The form already made (most are:
// foldedAs) is read inline; foldToken makes the others.
func (r *resolver) folded(t int) string {
	if len(r.done) == len(r.d.Tokens) && r.done[t] {
		return r.fold[t]
	}
	return r.foldToken(t)
}

// foldToken is folded for a token whose form is not made yet.
func (r *resolver) foldToken(t int) string {
	r.sizeFold()
	if !r.done[t] {
		r.fold[t], r.buf = normalizeIn(r.d.TokenText(t), r.buf, &r.a)
		r.done[t] = true
	}
	return r.fold[t]
}

// sizeFold makes fold, done, th and capw one a token of the document.
func (r *resolver) sizeFold() {
	if n := len(r.d.Tokens); len(r.done) != n {
		// reset left them empty (cleared), or they were never made
		if cap(r.fold) >= n && cap(r.done) >= n && cap(r.th) >= n && cap(r.capw) >= n {
			r.fold, r.done, r.th, r.capw = r.fold[:n], r.done[:n], r.th[:n], r.capw[:n]
		} else {
			r.fold, r.done, r.th, r.capw = make([]string, n), make([]bool, n), make([]uint32, n), make([]uint8, n)
		}
	}
}

// The values of resolver.capw.
const (
	capNo  = 1 // not capitalised as written
	capYes = 2 // capitalised as written (isCapitalised)
)

// foldedAs records the folded forms of toks, the tagger's for tokens
// [first, first+len(toks)) (tagAll), as those tokens': folding them again
// cost the resolver 2% of the entity pass (TestTaggerFoldsAsResolver).
// And, unless the tokens are a title-case headline's (title: the tagger
// truecased its words), whether each is capitalised
// (TestTaggerFoldsAsResolver).
func (r *resolver) foldedAs(first int, toks []tokInfo, title bool) {
	r.sizeFold()
	fold, done := r.fold[first:first+len(toks)], r.done[first:first+len(toks)]
	for i := range toks {
		fold[i], done[i] = toks[i].lower, true
	}
	if !title {
		capw := r.capw[first : first+len(toks)]
		for i := range toks {
			c := uint8(capNo)
			if toks[i].capd {
				c = capYes
			}
			capw[i] = c
		}
	}
}

// appendKey appends the folded form of tokens [first, last) to b.
func (r *resolver) appendKey(b []byte, first, last int) []byte {
	for t := first; t < last; t++ {
		if t > first {
			b = append(b, ' ')
		}
		b = append(b, r.folded(t)...)
	}
	return b
}

// key is the folded form of tokens [first, last).
func (r *resolver) key(first, last int) string {
	if last-first == 1 {
		return r.folded(first)
	}
	r.kbuf = r.appendKey(r.kbuf[:0], first, last)
	return r.a.String(r.kbuf)
}

// hashPrime is wordHash's modulus.
const hashPrime = 1<<31 - 1

// modPrime is x modulo hashPrime, for x < 2^63.
func modPrime(x uint64) uint64 {
	x = (x & hashPrime) + x>>31 // below 2^31 + 2^32
	x = (x & hashPrime) + x>>31 // at most hashPrime + 3
	if x >= hashPrime {
		x -= hashPrime
	}
	return x
}

// polyMod is wordHash(seed, w) before its last multiply: w's polynomial
// at seed modulo hashPrime (TestSpanHash holds the two together).
func polyMod(seed uint64, w string) uint64 {
	h := uint64(0)
	for i := 0; i < len(w); i++ {
		h = h*seed + uint64(w[i]) + 1
		h = (h & hashPrime) + h>>31
	}
	return modPrime(h)
}

// spreadHash is wordHash's last step: polyMod's residue spread over 32 bits.
func spreadHash(h uint64) uint32 {
	return uint32(h * 0x9E3779B97F4A7C15 >> 32)
}

// tokHash is polyMod of token t's folded form at the names' point, made
// once a document (th holds it with its top bit set: made).
func (r *resolver) tokHash(t int) uint64 {
	if h := r.th[t]; h != 0 {
		return uint64(h &^ (1 << 31))
	}
	h := polyMod(r.names.seed, r.folded(t))
	r.th[t] = uint32(h) | 1<<31
	return h
}

// spanHash is polyMod of the key of tokens [first, last) at the names'
// point, made of its tokens' (a polynomial's value over a string is the
// first part's times the point to the length of the rest, plus the rest's):
// no key is written out to be looked up.
func (r *resolver) spanHash(first, last int) uint64 {
	seed := r.names.seed
	if r.powSeed != seed {
		r.pow, r.powSeed = r.pow[:0], seed
	}
	h := r.tokHash(first)
	for t := first + 1; t < last; t++ {
		n := len(r.folded(t))
		for len(r.pow) <= n {
			p := uint64(1)
			if len(r.pow) > 0 {
				p = modPrime(r.pow[len(r.pow)-1] * seed)
			}
			r.pow = append(r.pow, p)
		}
		// the space (its byte plus one, as polyMod counts it), then the token
		h = modPrime(modPrime(h*seed+' '+1)*r.pow[n] + r.tokHash(t))
	}
	return h
}

// spanIs reports whether key is the key of tokens [first, last).
func (r *resolver) spanIs(key string, first, last int) bool {
	for t := first; t < last; t++ {
		if t > first {
			if key == "" || key[0] != ' ' {
				return false
			}
			key = key[1:]
		}
		w := r.folded(t)
		if len(key) < len(w) || key[:len(w)] != w {
			return false
		}
		key = key[len(w):]
	}
	return key == ""
}

// begin readies r's per-token slices and its names for the document.
func (r *resolver) begin() {
	r.sizeFold()
	if len(r.names.slots) == 0 {
		r.names.grow() // draws the hash's point
	}
}

// span returns the name of the key of tokens [first, last), held from now
// on if it was not.
func (r *resolver) span(first, last int) int32 {
	id, ok, slot, h := r.findSpan(first, last)
	if ok {
		return id
	}
	id = int32(len(r.info))
	k := r.key(first, last)
	r.info = append(r.info, nameInfo{key: k})
	r.names.putAt(k, h, slot, id)
	return id
}

// findSpan returns the name of the key of tokens [first, last) and whether
// it is held; if not, the free slot and the hash for putAt.
func (r *resolver) findSpan(first, last int) (id int32, ok bool, slot int32, h uint32) {
	x := &r.names
	h = spreadHash(r.spanHash(first, last))
	mask := uint32(len(x.slots) - 1)
	for i := h >> x.shift; ; i = (i + 1) & mask {
		s := &x.slots[i]
		if s.id == 0 {
			return 0, false, int32(i), h
		}
		if s.h == h && r.spanIs(s.w, first, last) {
			return s.id - 1, true, 0, h
		}
	}
}

// spanFlag reports whether the key of tokens [first, last) is held with
// every bit of flag set; its name if it is.
func (r *resolver) spanFlag(first, last int, flag uint8) (int32, bool) {
	id, ok, _, _ := r.findSpan(first, last)
	return id, ok && r.info[id].flags&flag == flag
}

// word returns the name of w, held from now on if it was not; scratch:
// w is a view of scratch bytes, copied to be held.
func (r *resolver) word(w string, scratch bool) int32 {
	id, ok, h, slot := r.names.probe(w)
	if ok {
		return id
	}
	if scratch {
		w = r.a.String(unsafe.Slice(unsafe.StringData(w), len(w)))
	}
	id = int32(len(r.info))
	r.info = append(r.info, nameInfo{key: w})
	r.names.putAt(w, h, slot, id)
	return id
}

// push appends v to the list (*head, *end) of links.
func (r *resolver) push(head, end *int32, v int32) {
	r.links = append(r.links, link{v: v})
	i := int32(len(r.links))
	if *end == 0 {
		*head = i
	} else {
		r.links[*end-1].next = i
	}
	*end = i
}

// resolveAll merges the mentions ms of r.d into ranked entities, and also
// returns ms as the passes left it (they append the repeats they find), for
// its memory to be reused.
func (r *resolver) resolveAll(ms []mention) ([]doc.Entity, []mention) {
	if len(ms) == 0 {
		return nil, ms
	}
	r.begin()
	ms = r.dropJunk(ms)
	ms = r.extend(ms)
	ms = r.addRepeats(ms)
	r.vote(ms)
	return r.group(ms), ms
}

// sentenceInitial reports whether token t opens its sentence (after any
// opening quotes or brackets).
func (r *resolver) sentenceInitial(m mention) bool {
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
func (r *resolver) dropJunk(ms []mention) []mention {
	// what is known of each key: found inside a sentence (seenInner),
	// found outside title-case headlines (seenProse), in its flags
	// "Mr.", "Mrs.", "Ms." are titles, not part of the name (the CoNLL
	// convention the tagger learned for "President"; Reuters wrote no
	// "Mr.", so eng.train has three, and the tagger keeps the title in US
	// papers' "Mr. Garrett" and tags "Mr." alone); every one of them, and
	// a name of titles alone is none (left empty here, dropped below).
	// And a lower-case word of four letters or more ends a name: greedy
	// decoding sometimes drags one on ("Lee remains committed"). Both
	// done first, so that the flags hold the names as they are kept
	// (TestTitleOffBeforeSeen, TestCutBeforeSeen); a mention's name is
	// found here, once it is cut
	for i := range ms {
		m := &ms[i]
		first, last := m.first, m.last
		for first < last && honorific(r.folded(first)) {
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
		m.first, m.last = first, last
		m.name = r.span(first, last)
		var f uint8
		if !r.sentenceInitial(*m) {
			f |= seenInner
		}
		if !m.titleCase {
			f |= seenProse
		}
		r.info[m.name].flags |= f
	}
	out := ms[:0]
	for _, m := range ms {
		if m.first == m.last {
			continue // titles alone
		}
		if m.last-m.first == 1 && r.info[m.name].flags&seenInner == 0 && r.sentenceInitial(m) && m.margin < junkMargin {
			if e, ok := r.m.lex.get(r.info[m.name].key); ok && (e.CapRate >= 1 && e.CapRate <= 2 || e.CapRate == 7) {
				continue
			}
		}
		// in a title-case headline every word is capitalised, so a lone
		// word that the unlabelled text knows as a lower-case word and
		// that the tagger doubts (its label lost to another somewhere on
		// the way) is a word, not a name, unless the article names it
		// elsewhere ("Steadies" in "Dollar Steadies Ahead of ...")
		if m.titleCase && m.last-m.first == 1 && m.margin < 0 && r.info[m.name].flags&seenProse == 0 && r.m.lowerWord(r.info[m.name].key) {
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

func (r *resolver) hasCapital(first, last int) bool {
	for t := first; t < last; t++ {
		c, _ := utf8.DecodeRuneInString(r.d.TokenText(t))
		if unicode.IsUpper(c) || unicode.IsDigit(c) {
			return true
		}
	}
	return false
}

// extend widens a mention that is part of a longer name tagged elsewhere in
// the document to that name, when the longer name's words are there around
// it, capitalised: "Wind" tagged alone in "Harbour Wind said" is the
// "Harbour Wind" of "shares in Harbour Wind", not a name of its own. The
// widened mention takes the type the document's vote gives the longer name.
func (r *resolver) extend(ms []mention) []mention {
	maxLen := 0
	var filter keyFilter
	for _, m := range ms {
		if m.last-m.first >= 2 {
			r.info[m.name].flags |= longName
			filter.add(r.info[m.name].key) // two words: not empty
			maxLen = min(max(maxLen, m.last-m.first), 8)
		}
	}
	if maxLen == 0 {
		return ms
	}
	var size [2*8 + 1]int // size[t-a]: the byte length of the folded forms of tokens [a, t)
	changed := false
	for i := range ms {
		m := &ms[i]
		s := r.d.Sentences[m.sent]
		// the capitalised run around the mention
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
		// the longest name of the document inside the run that holds the
		// mention (of two words or more: longer than the mention); the
		// keys ruled out by their length and first byte first (a key of
		// tokens [f, l) starts with the first byte of f's form, or with
		// the space after it if that is empty)
		for t := a; t < z; t++ {
			size[t+1-a] = size[t-a] + len(r.folded(t))
		}
		bf, bl, bn := m.first, m.last, m.name
		for f := a; f <= m.first; f++ {
			first := byte(' ')
			if w := r.folded(f); w != "" {
				first = w[0]
			}
			for l := z; l >= m.last && l-f > bl-bf; l-- {
				if l-f > maxLen || !filter.may(size[l-a]-size[f-a]+l-f-1, first) {
					continue
				}
				if id, ok := r.spanFlag(f, l, longName); ok {
					bf, bl, bn = f, l, id
					break
				}
			}
		}
		if bf != m.first || bl != m.last {
			m.first, m.last, m.name, m.typ, m.margin = bf, bl, bn, -1, 0
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
func (r *resolver) addRepeats(ms []mention) []mention {
	// the keys by byte length and first byte: most runs of capitalised
	// words are ruled out by their length and first letter
	var filter keyFilter
	var firsts [4]uint64 // the keys' first bytes, whatever their length
	add := func(id int32) {
		r.info[id].flags |= recurs
		if k := r.info[id].key; k != "" {
			filter.add(k)
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
		add(m.name)
		maxLen = min(max(maxLen, m.last-m.first), 8)
		if m.typ == 0 && m.last-m.first > 1 {
			// a person's first or last name alone: "Lee" of "Lee Jae Myung"
			add(r.span(m.first, m.first+1))
			add(r.span(m.last-1, m.last))
		}
	}
	var size [9]int // size[l]: the byte length of the key of tokens [t, t+l)
	covered := r.covered[:0]
	if cap(covered) < len(r.d.Tokens) {
		covered = make([]bool, len(r.d.Tokens))
	}
	covered = covered[:len(r.d.Tokens)]
	clear(covered)
	r.covered = covered
	for _, m := range ms {
		for t := m.first; t < m.last; t++ {
			covered[t] = true
		}
	}
	n := len(ms)
	capw := r.capw[:len(r.d.Tokens)]
	for si, s := range r.d.Sentences {
		if s.Block < 0 || s.Block >= len(r.d.Blocks) || r.d.Blocks[s.Block].Role == doc.Boilerplate {
			continue
		}
		for t := s.First; t < s.Last; t++ {
			if c := capw[t]; c == capNo || covered[t] || r.d.Tokens[t].Kind != doc.Word || c == 0 && !isCapitalised(r.d.TokenText(t)) {
				continue // the tagger's answer (capw) read first: most tokens
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
				if n := size[l]; n > 0 && !filter.may(n, first) {
					continue // no key of this length starts with this byte
				}
				if !isCapitalised(r.d.TokenText(t + l - 1)) {
					continue
				}
				if id, ok := r.spanFlag(t, t+l, recurs); ok {
					ms = append(ms, mention{sent: si, first: t, last: t + l, typ: -1, name: id})
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

// vote gives every mention of a name the type most of its tagged mentions
// have. A one-word name that is the first or last word of a longer person's
// name counts that person's mentions as votes too ("Trump" in "Trump
// administration" is still Donald Trump).
func (r *resolver) vote(ms []mention) {
	// the tallies in order of first mention, so sums run in one order,
	// and by name (nameInfo.tally)
	tallies := r.tallies[:0]
	words := r.vwords[:0] // every tally's tokens, one after the other
	defer func() { r.tallies, r.vwords = tallies, words }()
	for i := range ms {
		m := &ms[i]
		nm := &r.info[m.name]
		if nm.tally == 0 {
			n := len(words)
			words = splitKey(words, nm.key)
			tallies = append(tallies, tally{tokens: words[n:len(words):len(words)], name: m.name})
			nm.tally = int32(len(tallies))
		}
		vi := nm.tally - 1
		m.tally = vi
		v := &tallies[vi]
		if m.typ >= 0 {
			// a mention counts by the tagger's confidence in it: 1 at a
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
	// for a person, so one doubtful mention typed otherwise is outvoted
	//
	// and a name of two words or more that ends in an organisation head
	// ("... Economic Cooperation", "... Development Bank") and is no known
	// name of another type counts one and a half votes for an
	// organisation: in CoNLL's training names such a name is an
	// organisation 638 times, other 79 (mostly sports leagues), a place 52
	//
	// and a name of two words or more that is a law's, a treaty's or a
	// war's ("Treaty of Waitangi", "Clean Air Act", "Musket Wars") and no
	// known name of another type counts one and a half votes for other,
	// CoNLL's type for laws and events: a tagger that has not seen the
	// name reads "Declaration of Independence" as an organisation's
	// (sixteenth round, docs/models/ner.md)
	for i := range tallies {
		v := &tallies[i]
		if len(v.tokens) < 2 {
			continue
		}
		if r.personEvidence(v.tokens) {
			v.n[0] += 1.5
		}
		if r.orgEvidence(v.tokens) {
			v.n[2] += 1.5
		}
		if r.miscEvidence(v.tokens) {
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
	// the longer people's names by their first and last word (in lists
	// of the words' names), so a one-word name finds its people without
	// scanning every name
	for i := range tallies {
		v := &tallies[i]
		if len(v.tokens) < 2 || v.decided != 0 {
			continue
		}
		first, last := v.tokens[0], v.tokens[len(v.tokens)-1]
		w := &r.info[r.word(first, false)]
		r.push(&w.people, &w.peopleEnd, int32(i))
		if last != first {
			w := &r.info[r.word(last, false)]
			r.push(&w.people, &w.peopleEnd, int32(i))
		}
	}
	for i := range tallies {
		v := &tallies[i]
		if len(v.tokens) != 1 {
			continue
		}
		// its word is its key (one word has no space): its own name
		n := v.n
		for l := r.info[v.name].people; l != 0; l = r.links[l-1].next {
			n[0] += tallies[r.links[l-1].v].n[0]
		}
		v.decided = argmax(n)
	}
	for i := range ms {
		if ms[i].typ >= 0 && ms[i].margin > keepMargin {
			// the tagger was sure of this mention: it keeps its type.
			// One string may name two things in one article ("Milan" the
			// city and the club, "NEW YORK" the dateline and the team);
			// only the doubtful mentions, and the repeats, take the vote
			continue
		}
		ms[i].typ = tallies[ms[i].tally].decided
	}
}

// splitKey appends the space-separated words of a key to words: the
// resolver's keys are folded tokens joined by single spaces.
func splitKey(words []string, key string) []string {
	for {
		i := strings.IndexByte(key, ' ')
		if i < 0 {
			return append(words, key)
		}
		words = append(words, key[:i])
		key = key[i+1:]
	}
}

// honorific reports whether folded is a title dropJunk takes off the front
// of a name.
func honorific(folded string) bool {
	switch folded {
	case "mr", "mr.", "mrs", "mrs.", "ms", "ms.":
		return true
	}
	return false
}

// junkMargin is the margin below which dropJunk drops a sentence-initial
// one-word name that is a lower-case word elsewhere: a name the tagger is
// sure of stays ("Wolves" opening a line of results). 5-fold
// cross-validation on eng.train through the document pass, three seeds
// (go run ./cmd/train-ner -cv 5 -cv-ranges 15 -seed 1, 2, 3): 89.73 F1
// with the rule for every margin, 90.01 at 10, 90.03 without the rule;
// only 10 was tried. The rule stays for the words that open sentences in
// running news text ("Additionally", "Meanwhile"), which CoNLL lacks.
const junkMargin = 10

// keepMargin is the margin above which a tagged mention keeps its own
// type. Cross-validation through the document pass (go run ./cmd/train-ner
// -cv 5 -lexmin 0 -cv-ranges 15, epoch 4): 89.79 F1 at 0, 89.78 at 5,
// 89.74 at 15, 89.54 at 30, 89.35 at 50, 89.33 when every mention takes
// the vote. 15, the top of the flat part, was taken because below it a
// sure-looking mention outvotes the gazetteer's and the people's-names'
// evidence in the package's tests ("Kim Jong Un" tagged an organisation at
// a margin of 1, "Trump's" a place at 8 in the Korea sample).
const keepMargin = 15

// voteScale is the margin (in weight units) at which a mention's vote is
// 1 ± 0.76.
const voteScale = 20

// group merges mentions into entities and ranks them.
func (r *resolver) group(ms []mention) []doc.Entity {
	// groups by value: a few allocations, not one per group
	gs := r.groups[:0]
	if gs == nil {
		gs = make([]nameGroup, 0, len(ms)/2+8) // most names recur
	}
	// a group by key and type: 1 + its index in gs, 0 for none (vote
	// has given every mention a type), by the key's tally (vote's, one a
	// key), not by the key in a map
	slots := slices.Grow(r.slots[:0], len(r.tallies))[:len(r.tallies)]
	clear(slots)
	defer func() { r.slots = slots }()
	defer func() { r.groups = gs }()
	gOf := make([]int32, len(ms))
	for i, m := range ms {
		slot := &slots[m.tally]
		gi := int(slot[m.typ]) - 1
		if gi < 0 {
			gi = len(gs)
			slot[m.typ] = int32(gi + 1)
			v := &r.tallies[m.tally] // its key's words, and its name
			gs = append(gs, nameGroup{tokens: v.tokens, first: v.name, typ: m.typ, parent: -1})
		}
		gOf[i] = int32(gi)
		gs[gi].n++
	}
	// short forms join the longer name they stand for: the one with the most
	// mentions, then the earliest.
	// candidates: longer names listed by the names of their first word,
	// last word and initials, so the search is not quadratic in the
	// number of names (a one-word group's first word is its key: its
	// tally's name; a longer one's is found here)
	for li := range gs {
		l := &gs[li]
		if len(l.tokens) < 2 {
			continue
		}
		first := r.word(l.tokens[0], false)
		l.first = first
		r.push(&r.info[first].cand, &r.info[first].candEnd, int32(li))
		if w := l.tokens[len(l.tokens)-1]; w != l.tokens[0] {
			id := r.word(w, false)
			r.push(&r.info[id].cand, &r.info[id].candEnd, int32(li))
		}
		r.kbuf = appendInitials(r.kbuf[:0], l.tokens)
		if in := r.kbuf; len(in) > 0 && string(in) != l.tokens[0] && string(in) != l.tokens[len(l.tokens)-1] {
			id := r.word(unsafe.String(unsafe.SliceData(in), len(in)), true)
			r.push(&r.info[id].cand, &r.info[id].candEnd, int32(li))
		}
	}
	for gi := range gs {
		g := &gs[gi]
		best := -1
		look := g.first
		if len(g.tokens) == 1 {
			if w := strings.ReplaceAll(strings.TrimPrefix(g.tokens[0], "^"), ".", ""); w != g.tokens[0] {
				look = -1
				if id, ok := r.names.get(w); ok {
					look = id
				}
			}
		}
		if look == g.first {
			look = -1 // the same list again finds no better name
		}
		for _, lis := range [2]int32{g.first, look} {
			if lis < 0 {
				continue
			}
			for it := r.info[lis].cand; it != 0; it = r.links[it-1].next {
				li := int(r.links[it-1].v)
				l := &gs[li]
				if li == gi || len(l.tokens) <= len(g.tokens) || !shortFormOf(g.tokens, l.tokens, l.typ, g.typ) {
					continue
				}
				if best < 0 || l.n > gs[best].n {
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
	// the entities: one a root, in the order of the roots (the sort below
	// decides their order in the answer); a mention's is its group's
	// root's. entOf: by group, 1 + its entity if it is a root; rootOf: by
	// group, its root
	scratch := make([]int32, 3*len(gs))
	rootOf, entOf, cnt := scratch[:len(gs)], scratch[len(gs):2*len(gs)], scratch[2*len(gs):]
	for i := range gs {
		rootOf[i] = int32(root(i))
		entOf[rootOf[i]] = 1
	}
	nEnt := 0
	for ri, e := range entOf {
		if e != 0 {
			cnt[nEnt] = 0
			nEnt++
			entOf[ri] = int32(nEnt)
		}
	}
	cnt = cnt[:nEnt]
	for i := range gs {
		cnt[entOf[rootOf[i]]-1] += int32(gs[i].n)
	}
	// each entity's mentions, in order, a run of order (counted first:
	// the mentions in order fill each run in order)
	order := make([]int32, len(ms)+nEnt+1)
	off := order[len(ms):] // off[e]: where entity e's run starts, then its end
	order = order[:len(ms)]
	for e, n := range cnt {
		off[e+1] = off[e] + n
	}
	pos := cnt // cnt is spent: each run's next place
	copy(pos, off[:nEnt])
	for i, gi := range gOf {
		e := entOf[rootOf[gi]] - 1
		order[pos[e]] = int32(i)
		pos[e]++
	}
	// salience: mentions (log), how early the first one is, and the title;
	// then each entity's rank, by salience and then its first mention,
	// sorted as one integer each (the salience a whole number of
	// thousandths of the top's, the mention's start and the entity's place
	// packed; TestEntityOrder)
	nSent := max(1, len(r.d.Sentences))
	sal := make([]float64, nEnt)
	top := 0.0
	for e := range sal {
		run := order[off[e]:off[e+1]]
		inTitle := false
		for _, i := range run {
			if r.d.Blocks[r.d.Sentences[ms[i].sent].Block].Role == doc.Title {
				inTitle = true
				break
			}
		}
		first := float64(ms[run[0]].sent) / float64(nSent)
		sal[e] = (1 + math.Log(float64(len(run)))) * (1.5 - 0.5*first)
		if inTitle {
			sal[e] *= 1.5
		}
		top = max(top, sal[e])
	}
	starts := make([]int, nEnt)
	for e := range sal {
		sal[e] = math.Round(sal[e]/top*1000) / 1000
		starts[e] = r.d.Tokens[ms[order[off[e]]].first].Start
	}
	out := make([]doc.Entity, 0, nEnt)
	var forms, rootForms []string
	// every entity's mentions, cut from one array (capped, so that no
	// append to one runs into the next)
	mentions := make([]doc.Mention, 0, len(ms))
	for _, e := range entityOrder(sal, starts, true) {
		run := order[off[e]:off[e+1]]
		ri := rootOf[gOf[run[0]]]
		var ent doc.Entity
		ent.Type = doc.EntityType(gs[ri].typ)
		forms = forms[:0]         // the mentions' texts
		rootForms = rootForms[:0] // those of the root group's, for its name
		ent.Mentions = mentions[len(mentions) : len(mentions) : len(mentions)+len(run)]
		mentions = mentions[:len(mentions)+len(run)]
		for _, i := range run {
			m := &ms[i]
			sp := doc.Span{Start: r.d.Tokens[m.first].Start, End: r.d.Tokens[m.last-1].End}
			ent.Mentions = append(ent.Mentions, doc.Mention{Span: sp, Sentence: m.sent})
			f := r.form(sp)
			forms = append(forms, f)
			if gOf[i] == ri {
				rootForms = append(rootForms, f)
			}
		}
		ent.Name = r.fullestForm(rootForms)
		// the other forms, sorted, once each
		smallsort.Sort(forms)
		for _, s := range slices.Compact(forms) {
			if s != ent.Name {
				ent.Aliases = append(ent.Aliases, s)
			}
		}
		ent.Salience = sal[e]
		out = append(out, ent)
	}
	return out
}

// entityOrder returns the order of entities of saliences sal (each a
// whole number of thousandths, at most 1) whose first mentions start at
// starts: by salience, highest first, then by the first mention, then by
// their place, as a stable sort by salience and start gives them. Each
// entity is sorted as one integer (sort.SliceStable moves entities with
// reflection, write barriers and a call a comparison): its salience in
// thousandths, its start and its place packed, where they fit (pack; past
// 2^21 entities or a start past 2^32 bytes, a stable sort; TestEntityOrder).
func entityOrder(sal []float64, starts []int, pack bool) []int {
	rank := make([]int, len(sal))
	if pack && len(sal) < 1<<21 && bits.UintSize == 64 {
		// below 2^63: the keys are ints (smallsort's int sort, linked
		// anyway), on the 64-bit platforms that pack
		for e, s := range sal {
			k := math.Round(s * 1000)
			if !(k >= 0 && k <= 1000) || uint64(starts[e]) >= 1<<32 {
				pack = false
				break
			}
			rank[e] = (1000-int(k))<<53 | starts[e]<<21 | e
		}
		if pack {
			smallsort.Sort(rank)
			for i := range rank {
				rank[i] &= 1<<21 - 1
			}
			return rank
		}
	}
	for e := range rank {
		rank[e] = e
	}
	sort.SliceStable(rank, func(i, j int) bool {
		a, b := rank[i], rank[j]
		if sal[a] != sal[b] {
			return sal[a] > sal[b]
		}
		return starts[a] < starts[b]
	})
	return rank
}

// form is the text of a mention as its entity's name or alias: in pasted
// text, with its character references decoded ("Ben & Jerry" for "Ben
// &amp; Jerry"; the text itself when it holds none).
func (r *resolver) form(sp doc.Span) string {
	return charref.Read(sp.Of(r.d.Text), r.d.FromHTML)
}

// fullestForm is the name as most often written among forms, the texts of
// the mentions of the longest key (form), preferring a form not set in
// capitals.
func (r *resolver) fullestForm(forms []string) string {
	// a name has few forms: a list searched in turn, not a map per name
	// (the best is the same in any order: ties go to the smaller string);
	// past formsListed forms (a page of one name in many spellings of
	// case) a map finds them, or the search is quadratic in the mentions
	count := r.forms[:0]
	var at map[string]int // form -> its place in count, once count is long
	for _, s := range forms {
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
			count = append(count, formCount{s: s})
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
	best, bestScore := "", -1
	for _, c := range count {
		s, n := c.s, c.n
		score := 2 * n
		if _, caps := caseOf(s); !caps {
			score += 1000
		}
		if score > bestScore || (score == bestScore && s < best) {
			best, bestScore = s, score
		}
	}
	return best
}

// shortFormOf reports whether a group's name is a short form of a longer
// name: for people the first or last words ("Trump", "Lee"), for other
// names an acronym of the capitalised words ("U.S." for "United States",
// "APEC" for "Asia-Pacific Economic Cooperation").
func shortFormOf(short, long []string, longTyp, shortTyp int) bool {
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
	return isAcronymOf(short[0], long)
}

// isAcronymOf reports whether acr ("u.s.", "apec") spells the initials of the
// significant words of long (folded tokens; hyphens split words).
func isAcronymOf(acr string, long []string) bool {
	letters := strings.ReplaceAll(strings.TrimPrefix(acr, "^"), ".", "")
	if len(letters) < 2 || len(letters) > 8 {
		return false
	}
	var buf [16]byte
	return string(appendInitials(buf[:0], long)) == letters
}

// appendInitials appends the first letters of the significant words of a
// folded name to b.
func appendInitials(b []byte, long []string) []byte {
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
	return b
}

// orgEvidence reports whether a folded multi-word name ends in an
// organisation head and the gazetteer knows it as no name of another type.
func (r *resolver) orgEvidence(tokens []string) bool {
	return orgHeads[tokens[len(tokens)-1]] && r.noOtherType(tokens, 2)
}

// noOtherType reports whether the gazetteer knows the folded name as no
// name of a type other than typ.
func (r *resolver) noOtherType(tokens []string, typ int) bool {
	whole, _ := r.m.gaz.get(gazKey(tokens))
	return whole&0xf&^(1<<typ) == 0
}

// miscEvidence reports whether a folded multi-word name ends in a law's,
// agreement's or war's head ("… Act", "… Wars") or opens with a document's
// followed by "of" ("Treaty of …", "Declaration of …"), and the gazetteer
// knows it as no name of another type.
func (r *resolver) miscEvidence(tokens []string) bool {
	if !miscHeads[tokens[len(tokens)-1]] && !(len(tokens) >= 3 && tokens[1] == "of" && miscOpeners[tokens[0]]) {
		return false
	}
	return r.noOtherType(tokens, 3)
}

// miscHeads end the names of laws, agreements and wars, which CoNLL types
// other ("Clean Air Act", "Gulf War", "Musket Wars"); miscOpeners open the
// names of documents before "of" ("Treaty of Waitangi", "Declaration of
// Independence"). Only the document pass reads them; the model's features
// do not.
var (
	miscHeads   = buildHeads(`act treaty accord accords agreement declaration war wars`)
	miscOpeners = buildHeads(`treaty declaration statute charter act bill convention covenant proclamation`)
)

// personEvidence reports whether the gazetteer says a folded multi-word name
// looks like a person's: its first word is known only as part of people's
// names, the whole is no known name, and its last word is not an
// organisation head ("Kim Jong Un" but not "Kim Foundation").
func (r *resolver) personEvidence(tokens []string) bool {
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

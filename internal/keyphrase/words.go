package keyphrase

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Key is the form under which a word is counted and compared: lowercased,
// curly apostrophes straightened, a possessive dropped and a plural reduced
// to its singular by Harman's S-stemmer ("visas" -> "visa", "companies" ->
// "company"). It is deliberately light: "trade" and "trading" stay apart,
// which is what a reader expects of distinct keyphrases.
func Key(w string) string {
	lower := true
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' || c >= 0x80 {
			lower = false
			break
		}
	}
	if !lower {
		w = strings.ToLower(strings.ReplaceAll(w, "\u2019", "'"))
	}
	if strings.HasSuffix(w, "'s") {
		w = w[:len(w)-2]
	} else if strings.HasSuffix(w, "'") {
		w = w[:len(w)-1]
	}
	n := len(w)
	switch {
	case n < 4 || w == "news" || w == "series" || w == "species": // the S-stemmer would mangle them
	case strings.HasSuffix(w, "ies") && !strings.HasSuffix(w, "eies") && !strings.HasSuffix(w, "aies"):
		w = w[:n-3] + "y"
	case strings.HasSuffix(w, "es") && !strings.HasSuffix(w, "aes") && !strings.HasSuffix(w, "ees") && !strings.HasSuffix(w, "oes"):
		w = w[:n-1]
	case w[n-1] == 's' && w[n-2] != 'u' && w[n-2] != 's' && w[n-2] != 'i':
		w = w[:n-1]
	}
	return w
}

// isWordLike reports whether w has a letter: candidates never consist of
// numbers or marks alone.
func isWordLike(w string) bool {
	for _, r := range w {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// startsUpper reports whether w begins with an upper-case letter. An
// ASCII first byte is answered here, inlined (unicode.IsUpper's upper
// case below 0x80 is A to Z); a word that begins past ASCII, or an empty
// one, goes to startsUpperRune.
func startsUpper(w string) bool {
	if len(w) == 0 || w[0] >= utf8.RuneSelf {
		return startsUpperRune(w)
	}
	return w[0]-'A' < 26
}

// startsUpperRune is startsUpper for any first rune.
func startsUpperRune(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// wordSet is the set of the words of list, split at white space.
//
// Not inlined: it runs only at init, and inlined its loops would be
// charged to the package's whole init (docs/architecture.md, "Start-up in wasm").
//
//go:noinline
func wordSet(list string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(list) {
		m[w] = true
	}
	return m
}

// The four word lists below are what wordFlags (wordflags_gen.go) holds,
// a flag each; they are constants, not sets, because only the test that
// writes that file (TestWordFlagsTable) reads them: built at start as
// maps, they would cost every instance's start and serve nothing.

// stopwordsList: the stopwords, which end a candidate wherever they occur:
// function words, and the nouns of dates and counting ("monday",
// "percent", "year") that the tagger rightly calls nouns but no reader
// would call a topic.
const stopwordsList = `a about above across after afterwards again against all almost alone along
already also although always am among amongst an and another any anybody anyone anything anyway anywhere are
around as at back be became because become becomes been before beforehand behind being below beside besides
between beyond both but by can cannot could did do does doing done down due during each either else elsewhere
enough etc even ever every everyone everything everywhere except few for former formerly from further
had has have having he hence her here hereafter hereby herein hers herself him himself his how however i if in
indeed into is it its itself just latter latterly least less many may me meanwhile might mine more moreover
most mostly much must my myself namely neither never nevertheless no nobody none noone nor not nothing now
nowhere of off often on once one only onto or other others otherwise our ours ourselves out over own per
perhaps please rather same several she should since so some somehow someone something sometime sometimes
somewhere still such than that the their theirs them themselves then thence there thereafter thereby therefore
therein thereupon these they this those though through throughout thru thus to together too toward towards
under until up upon us very via was we well were what whatever when whence whenever where whereafter whereas
whereby wherein whereupon wherever whether which while whither who whoever whole whom whose why will with within
without would yet you your yours yourself yourselves
lot lots kind kinds sort sorts thing things way ways
time times year years day days week weeks month months today yesterday tomorrow tonight
monday tuesday wednesday thursday friday saturday sunday
january february march april june july august september october november december
percent cent said says say told ago
issue issues matter matters moment moments situation fact facts point points reason reasons`

// titlesList: the titles, dropped from the start of any candidate ("Mr
// Bush" -> "Bush").
const titlesList = `mr mrs ms dr prof sen sens rep reps gov gen col lt sgt st jr sr`

// titleNounsList: the offices that stand before a name ("President Lee",
// "Foreign Minister Park"); before a name they are part of it, not a
// topic.
const titleNounsList = `president minister secretary chairman chairwoman spokesman spokeswoman
leader senator governor mayor judge chancellor king queen prince princess pope ambassador director
chief commander premier vice executive`

// weakLeadList: vague modifiers and titles dropped from the start of a
// candidate ("recent talks" -> "talks", "Mr. Kelso" -> "Kelso"); a
// candidate of nothing else is no candidate.
const weakLeadList = `first second third fourth fifth last next new old recent certain various good great big small large little
high low long short major key main whole total overall general possible likely available current
previous early late earlier later additional further own same different similar particular specific
such many much several few more most less least other another top full real true entire
`

// packWord returns w lower-cased, its bytes in one integer, when w is
// ASCII with no NUL (which would read as the padding) and of 1 to 8 bytes.
func packWord(w string) (uint64, bool) {
	if len(w) == 0 || len(w) > 8 {
		return 0, false
	}
	var k uint64
	for i := len(w) - 1; i >= 0; i-- {
		c := w[i]
		if c == 0 || c >= 0x80 {
			return 0, false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		k = k<<8 | uint64(c)
	}
	return k, true
}

// isSubordinator reports whether w, lower-cased as strings.ToLower does,
// opens a clause of its own ("as Seoul and Washington struggle to finalize
// a deal"): missingVerbs looks for a clause's verb after it. It is asked of
// every word of the sentences read, so the words are written packed
// (packWord: their bytes, the first the lowest) and a word is a few integer
// compares: a map lookup of strings.ToLower(w) hashes in software in wasm
// (and allocates for a word with a capital), and a switch on the strings
// costs 5 KB of wasm. An ASCII word is lower-cased as it is packed; any
// other goes through strings.ToLower, which turns "İ" (U+0130) into "i"
// ("İf" is "if") and the Kelvin sign into "k". TestIsSubordinator holds the
// constants to the words.
func isSubordinator(w string) bool {
	// the longest: "whenever", "although", or a word of one "i" (the most
	// any has) written "İ", two bytes ("untİl")
	if len(w) < 2 || len(w) > 9 {
		return false
	}
	// most words are out by their first letter (any case): every
	// subordinator begins with one of "abistuwo"; a byte past ASCII may
	// lower-case to one ("İf")
	if c := w[0]; c < 0x80 && (c|0x20 < 'a' || c|0x20 > 'z' || subordinatorFirst&(1<<(c|0x20-'a')) == 0) {
		return false
	}
	k, ok := packWord(w)
	if !ok {
		if !hasNonASCII(w) { // nine bytes, or a NUL: lower-casing keeps either
			return false
		}
		if k, ok = packWord(strings.ToLower(w)); !ok {
			return false
		}
	}
	switch k {
	case 0x7361, // as
		0x65737561636562,   // because
		0x656c696877,       // while
		0x6867756f68746c61, // although
		0x6867756f6874,     // though
		0x65636e6973,       // since
		0x6669,             // if
		0x7373656c6e75,     // unless
		0x6c69746e75,       // until
		0x73616572656877,   // whereas
		0x6e656877,         // when
		0x726576656e656877, // whenever
		0x6572656877,       // where
		0x7265746661,       // after
		0x65726f666562,     // before
		0x65636e6f,         // once
		0x74616874,         // that
		0x6863696877,       // which
		0x6f6877,           // who
		0x6d6f6877,         // whom
		0x65736f6877:       // whose
		return true
	}
	return false
}

// subordinatorFirst has bit c-'a' set for each letter c that begins a
// subordinator (isSubordinator).
const subordinatorFirst = 1<<('a'-'a') | 1<<('b'-'a') | 1<<('i'-'a') | 1<<('o'-'a') |
	1<<('s'-'a') | 1<<('t'-'a') | 1<<('u'-'a') | 1<<('w'-'a')

// hasNonASCII reports whether s has a byte past ASCII.
func hasNonASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return true
		}
	}
	return false
}

// missingVerbs appends to dst the positions, among the n words of one
// sentence (at(i) gives the i-th word and its tag), of the nouns that are
// most likely the verb the tagger missed: in a clause with no finite verb
// (VBD, VBP, VBZ, MD) — a clause runs between the sentence's edges and the
// words that open one (subordinators, wh-words), and its subject ends at
// its first word that is no determiner, adjective or noun — the first
// lower-case common noun that follows another noun (a name too) and is
// followed by a preposition, "to", a determiner or a possessive pronoun:
// "Lyng meets with the", "as Seoul and Washington struggle to finalize a
// deal"; or, when a plural noun comes before it in the same run of nouns,
// after a noun, that plural ("unit covers parts of"). After an adjective a
// noun is far more often a noun ("The Oscar-winning star of"; 2 verbs in
// 17 such cases of a sample of 40), though "The stalemate centers on", its
// "stalemate" tagged an adjective, is then missed. A clause needs a finite verb; a noun phrase that
// takes one in runs on into the clause's next phrase, which is what the
// noun's successor shows. Only the first such noun of a clause: the verb
// follows its subject, and the nouns after it ("a pledge from Korea") are
// its objects'.
func missingVerbs(n int, at func(i int) (word, tag string), dst []int) []int {
	start, finite, cand := 0, false, -1
	end := func() {
		if !finite && cand >= 0 {
			dst = append(dst, cand)
		}
		finite, cand = false, -1
	}
	for i := 0; i < n; i++ {
		w, tag := at(i)
		switch {
		case tag == "WDT" || tag == "WP" || tag == "WRB" || isSubordinator(w):
			end()
			start = i + 1
			if tag == "IN" && i+1 < n && !strings.EqualFold(w, "that") {
				// "as", "after", "since" are prepositions too: before a
				// determiner they open a phrase ("as a potential bridge
				// to Kim", "after the recent arrests of"), not a clause
				if _, next := at(i + 1); next == "DT" || next == "PRP$" {
					start = -1
				}
			}
			continue
		case isClauseMark(tag):
			// what follows punctuation without a word that opens a clause
			// is a phrase, not a clause ("…, a child psychologist in
			// Jonesboro"): no subject there; the clause's verb may still
			// follow it ("The chief executive of the utility, Anders
			// Holm, said")
			start = -1
			continue
		case tag == "VBD" || tag == "VBP" || tag == "VBZ" || tag == "MD":
			finite = true
		}
		if start < 0 || cand >= 0 {
			continue
		}
		if !inSubject(tag) {
			// the clause's first phrase is over (a verb, a preposition):
			// its subject, where the verb would follow, is passed
			start = -1
			continue
		}
		if i == start || i+1 >= n || (tag != "NN" && tag != "NNS") || startsUpper(w) || !isWordLike(w) {
			continue
		}
		_, prev := at(i - 1)
		_, next := at(i + 1)
		if !isNoun(prev) || !(next == "IN" || next == "TO" || next == "DT" || next == "PRP$") {
			continue
		}
		cand = i
		// a plural noun inside the run, after a noun, is the verb rather
		// than the run's last noun ("unit covers parts of", "Acer pledges
		// efforts to"): English compounds seldom take a plural modifier
		for k := i - 1; k > start; k-- {
			w, tag := at(k)
			_, before := at(k - 1)
			if !isNoun(tag) || !isNoun(before) {
				break
			}
			if tag == "NNS" && !startsUpper(w) {
				cand = k
			}
		}
	}
	end()
	return dst
}

// atVerb advances verbs, token indices in ascending order (missingVerbs'
// finds), past those before token t, and reports whether t is one. The
// readers pass over some tokens (those inside a name read as one unit),
// so the list is not consumed one entry a token.
func atVerb(verbs []int, t int) ([]int, bool) {
	for len(verbs) > 0 && verbs[0] < t {
		verbs = verbs[1:]
	}
	return verbs, len(verbs) > 0 && verbs[0] == t
}

// inSubject reports whether a word tagged tag may be part of a clause's
// subject noun phrase: determiners, possessives, adjectives, nouns,
// numbers and "and".
func inSubject(tag string) bool {
	return tag == "DT" || tag == "PRP$" || tag == "POS" || tag == "CD" || tag == "CC" || isAdj(tag) || isNoun(tag)
}

// isClauseMark reports whether a Penn tag is punctuation that ends a
// clause (commas, colons and dashes, brackets, quotation marks, the full
// stop).
func isClauseMark(tag string) bool {
	switch tag {
	case ",", ":", ".", "(", ")", "``", "''", "\"", "-LRB-", "-RRB-":
		return true
	}
	return false
}

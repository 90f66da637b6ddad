package figure

import (
	"strings"
	"unicode"

	"github.com/lede-news/lede/internal/charref"
	"github.com/lede-news/lede/internal/doc"
)

// about returns the phrase that the figure over pieces [a, b) measures,
// trying in turn:
//
//  1. the noun phrase the figure modifies: "$350 billion investment pledge",
//     "an 8.3% increase", "28,500 U.S. troops";
//  2. a phrase after "in"/"of": "$6 million in humanitarian aid", "3.5% of GDP"
//     (for a percentage the object of "to"/"by" comes first: "raise defense
//     budgets to 3.5% of GDP" measures the budgets, as a share of GDP);
//  3. the object before "to"/"by": "cut rates by 0.25 percentage points";
//  4. the subject of the verb before the figure: "South Korea currently spends 2.3%".
//
// It gives "" when none applies: a wrong phrase is worse than none.
func (s *scanner) about(a, b int, kind doc.FigureKind) string {
	if s.is(b, "worth") && s.is(b+1, "of") {
		b++ // "$40 million worth of meat"
	}
	if x, y := s.forwardNP(b, kind == doc.Quantity, 4); x < y {
		return s.span(x, y)
	}
	switch kind {
	case doc.Money:
		if t := s.prepNP(b, "in", false); t != "" {
			return t
		}
		if t := s.prepNP(b, "of", true); t != "" {
			return t
		}
		if t := s.objectBefore(a); t != "" {
			return t
		}
	case doc.Percent:
		if t := s.objectBefore(a); t != "" {
			return t
		}
		if t := s.prepNP(b, "of", true); t != "" {
			return t
		}
	default:
		if t := s.objectBefore(a); t != "" {
			return t
		}
	}
	return s.subject(a)
}

// aboutAfter is the noun phrase right after a duration or measure: "the
// 72-year alliance".
func (s *scanner) aboutAfter(e int) string {
	x, y := s.forwardNP(e, false, 4)
	return s.span(x, y)
}

// span is the text of pieces [a, b), "" when empty: a phrase the report
// gives without offsets (a figure's About), so in pasted text with its
// character references decoded, as a piece's text (t), an entity's name
// and a keyphrase read them ("Jerry's firm" for "Jerry&#39;s firm").
func (s *scanner) span(a, b int) string {
	if a >= b {
		return ""
	}
	return charref.Read(s.text[s.p[a].start:s.p[b-1].end], s.fromHTML)
}

// head is the last word of the phrase ending before piece b: the unit of a count.
func (s *scanner) head(b int) string { return s.t(b - 1) }

// forwardNP returns the noun phrase of at most max words starting at j:
// nouns, adjectives and names, up to a function word, a mark, a verb or,
// when stopAtPlural, the first plural noun ("28,500 U.S. troops stationed").
func (s *scanner) forwardNP(j int, stopAtPlural bool, max int) (int, int) {
	k, words := j, 0
	for k < len(s.p) && words < max && s.nounish(k, words == 0) {
		words++
		k++
		if stopAtPlural && isPluralLower(s.t(k-1)) {
			break
		}
		// "U.S.–South Korea alliance": a dash glued on both sides joins words
		if s.isDash(k) && s.glued(k) && s.glued(k+1) && s.isWord(k+1) {
			k++
		}
	}
	for k > j && s.isDash(k-1) {
		k--
	}
	return j, k
}

// nounish reports whether piece k can be part of a noun phrase read left
// to right; first is true for the phrase's first word.
func (s *scanner) nounish(k int, first bool) bool {
	if !s.isWord(k) {
		return false
	}
	w := s.t(k)
	tag := s.p[k].tag
	if isPossessive(w) || in(stopWords, w) || in(forwardStops, w) || stopTag(tag) || isAdverb(w) ||
		isLowerWord(w) && in(lowerStops, w) {
		return false
	}
	lower := isLowerWord(w)
	if !lower {
		if _, ok := lookupI(months, trimDot(w)); ok {
			return false // "in March": a time, not what is measured
		}
	}
	if mayBeWeekday(w) {
		if _, ok := lookupI(weekdays, w); ok {
			return false
		}
	}
	if !lower {
		return true
	}
	if s.is(k+1, "than") {
		return false // "two inches wider than": a comparison, not a thing
	}
	if !first && (strings.HasSuffix(w, "ed") || verbTag(tag) || in(irregularVerbs, w) && !in(nounVerbs, w)) {
		return false // "troops stationed", "pledge was"
	}
	if first && strings.HasSuffix(w, "ed") && !s.nounish(k+1, false) {
		return false // "5% owned by"
	}
	return true
}

// prepNP is the noun phrase after the preposition prep at b: "$6 million
// in aid", "3.5% of the budget". After "in" a determiner means a place or
// a time ("in the plant"), not what the money is, so skipDet is false there.
func (s *scanner) prepNP(b int, prep string, skipDet bool) string {
	if !s.is(b, prep) {
		return ""
	}
	k := b + 1
	if skipDet {
		k = s.skipDeterminers(k)
	}
	x, y := s.forwardNP(k, false, 4)
	return s.span(x, y)
}

func (s *scanner) skipDeterminers(k int) int {
	for k < len(s.p) && s.in(k, articles) {
		k++
	}
	return k
}

// objectBefore is the noun phrase before "to"/"by" right before the
// figure: "raise defense budgets to 3.5%" gives "defense budgets", while
// "rose to 3.5%" gives "" (a verb, not a noun phrase).
func (s *scanner) objectBefore(a int) string {
	k := a - 1
	for n := 0; n < 3 && s.in(k, approximators); n++ {
		k--
	}
	if !s.is(k, "to") && !s.is(k, "by") {
		return ""
	}
	x, y := s.backwardNP(k)
	return s.span(x, y)
}

// subject is the noun phrase before the verb before the figure: "South
// Korea currently spends 2.3%", "the death toll rose to 25".
func (s *scanner) subject(a int) string {
	k, steps := a-1, 0
	for steps < 3 && (s.in(k, approximators) || s.is(k, "to") || s.is(k, "by") || s.is(k, "at") || s.is(k, "from")) {
		k--
		steps++
	}
	verb := false
loop:
	for k >= 0 && steps < 7 && s.isWord(k) && isLowerWord(s.t(k)) {
		w, tag := s.t(k), s.p[k].tag
		switch {
		case in(verbs, w) || verbTag(tag):
			verb = true
		case in(auxiliaries, w):
			verb = true // "is worth $5 billion", "has 300 staff"
		case isAdverb(w) || strings.HasPrefix(tag, "RB"):
		case !verb && !in(stopWords, w):
			verb = true // an unknown word where the verb stands
		default:
			break loop
		}
		k--
		steps++
	}
	if !verb {
		return ""
	}
	x, y := s.backwardNP(k + 1)
	return s.span(x, y)
}

// backwardNP returns the noun phrase of at most four words that ends just
// before piece end.
func (s *scanner) backwardNP(end int) (int, int) {
	k, words := end-1, 0
	for k >= 0 && words < 4 && s.p[k].end > s.floor {
		if isPossessive(s.t(k)) && s.glued(k) && s.isWord(k-1) {
			k-- // "Samsung’s profit"
			continue
		}
		if words > 0 && s.isDash(k) && s.glued(k) && s.glued(k+1) && s.isWord(k-1) {
			k--
			continue
		}
		if !s.isWord(k) {
			break
		}
		w, tag := s.t(k), s.p[k].tag
		if in(stopWords, w) || stopTag(tag) || isAdverb(w) || in(sentenceAdverbs, w) {
			break
		}
		if isLowerWord(w) {
			if s.in(k-1, infinitiveMarkers) {
				break // "to raise", "will pay": a verb
			}
			if (in(verbs, w) || verbTag(tag) || strings.HasSuffix(w, "ed")) && !(words == 0 && s.in(k-1, determiners)) {
				break
			}
		}
		words++
		k--
	}
	a := k + 1
	for a < end && (isPossessive(s.t(a)) || s.isDash(a)) {
		a++
	}
	return a, end
}

var determiners = set(`the a an its their his her our this these those that your my some`)

// articles are the determiners skipped before a phrase after "of": not
// "those", which is as often a pronoun ("60 percent of those occur").
var articles = set(`the a an its their his her our your my`)

// nounVerbs are irregular verb forms that are as often nouns after a
// figure: "a $5 billion tax cut".
var nounVerbs = set(`cut hit set put let shut won read left lost found led meant shot drawn`)

var auxiliaries = set(`is are was were be been being has have had will would could should may might
	must can do does did not also still currently now already reportedly expected due set`)

var sentenceAdverbs = set(`meanwhile however moreover furthermore nevertheless therefore thus
	instead additionally overall altogether`)

// forwardStops are verb forms that never belong to the noun phrase after a figure.
var forwardStops = set(`said says told rose fell grew came went stood sold bought paid made gave took
	sent held kept became spent lost brought built remains remained meanwhile however say think
	believe want expect agree know feel support oppose`)

// notAdverbs end in -ly but are nouns or adjectives that modify nouns.
var notAdverbs = set(`daily weekly monthly yearly quarterly early family supply assembly italy july
	rally ally monopoly anomaly reply holy only elderly friendly likely`)

func isAdverb(w string) bool {
	return len(w) > 4 && isLowerWord(w) && strings.HasSuffix(w, "ly") && !in(notAdverbs, w)
}

func isPossessive(w string) bool {
	return w == "’s" || w == "'s" || w == "’" || w == "'" || w == "’S" || w == "'S"
}

func isLowerWord(w string) bool {
	return w != "" && unicode.IsLower(firstRune(w))
}

// isPluralLower reports whether w looks like a lower-case plural noun.
func isPluralLower(w string) bool {
	if !isLowerWord(w) {
		return false
	}
	if in(irregularPlurals, w) {
		return true
	}
	n := len(w)
	if n < 4 || w[n-1] != 's' {
		return false
	}
	switch w[n-2] {
	case 's', 'u', 'i', '\'':
		return false
	}
	return true
}

var irregularPlurals = set(`people children men women police personnel staff cattle livestock feet
	geese mice teeth data media`)

// stopTag reports whether a Penn Treebank tag is a function word's.
func stopTag(t string) bool {
	switch t {
	case "IN", "DT", "CC", "TO", "MD", "PRP", "PRP$", "WDT", "WP", "WP$", "WRB", "EX", "PDT", "POS":
		return true
	}
	return false
}

// verbTag reports a finite verb tag. Nouns are never judged by tag alone:
// the tagger may be absent, and then every tag is "".
func verbTag(t string) bool {
	switch t {
	case "VB", "VBD", "VBZ", "VBP":
		return true
	}
	return false
}

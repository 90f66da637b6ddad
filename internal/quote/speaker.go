package quote

import (
	"sort"
	"strings"
	"unicode"

	"github.com/lede-news/lede/internal/charref"
	"github.com/lede-news/lede/internal/doc"
)

// speechStems are verbs that introduce what someone said, wrote or called
// something; their -s, -ed and -ing forms are added at init.
var speechStems = `say tell add ask state write tweet post declare argue insist explain note warn claim
	continue reply respond recall remark announce acknowledge admit concede testify shout urge predict
	suggest confirm complain joke observe demand call describe dub label brand vow promise pledge
	deny caution stress emphasize emphasise tout praise criticize criticise accuse threaten`

var speechIrregular = `said told wrote written`

// speechNouns name what was said: "Trump’s remarks", "the statement by X".
var speechNouns = words(`remarks remark comments comment statement statements words tweet tweets post
	posts speech message letter interview testimony`)

// pronouns that stand for the last person named.
var personPronouns = words(`he she`)

// skipBeforeVerb may stand between a speaker and the verb: "Trump has repeatedly said".
var skipBeforeVerb = words(`has have had also then later once again would will has repeatedly publicly
	previously earlier recently often told reporters`)

// notNames are capitalised words that begin a sentence or a clause but name no one.
var notNames = words(`the a an it this that they we i you but and or so yet meanwhile however
	additionally also in on at as if when while although though after before`)

var speech = map[string]bool{}

func init() {
	for _, w := range strings.Fields(speechStems) {
		speech[w] = true
		speech[w+"s"] = true
		if strings.HasSuffix(w, "e") {
			speech[w+"d"] = true
			speech[w[:len(w)-1]+"ing"] = true
		} else if strings.HasSuffix(w, "y") && w != "say" {
			speech[w[:len(w)-1]+"ied"] = true
			speech[w[:len(w)-1]+"ies"] = true
			speech[w+"ing"] = true
		} else {
			speech[w+"ed"] = true
			speech[w+"ing"] = true
		}
	}
	speech["says"] = true
	speech["saying"] = true
	for _, w := range strings.Fields(speechIrregular) {
		speech[w] = true
	}
	speech["dubbed"] = true
	speech["labelled"] = true
}

func words(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// in reports whether the lower-cased w is in m.
func in(m map[string]bool, w string) bool {
	if len(w) > 24 {
		return false
	}
	var buf [24]byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return m[string(buf[:len(w)])]
}

// speaker returns who said the quotation whose marks span [open, close),
// or "". The words after the quote come first ("…,” said Kim." / "…,”
// Kim said."), then the words before it in the same sentence ("Kim said:
// “…”", "according to Kim, “…”", "Trump’s remarks calling it a “…”").
func (a *annotator) speaker(open, close, blockEnd int) string {
	if len(a.d.Tokens) == 0 {
		return ""
	}
	start, end := a.sentenceBounds(open, close)
	// A quotation that ends its sentence ("…!” Trump tweeted.) is
	// attributed in the next one: read on to the end of the sentence that
	// holds the first token after it, within the block.
	reach := 8
	if k := a.tok(close); k < len(a.d.Tokens) && a.d.Tokens[k].Start < blockEnd {
		_, e := a.sentenceBounds(a.d.Tokens[k].Start, a.d.Tokens[k].End)
		if e > end {
			// only an attribution right at its start: "Trump tweeted", not
			// "And 70 percent of Americans say"
			end, reach = min(e, blockEnd), 3
		}
	}
	if s := a.after(close, end, reach); s != "" {
		return s
	}
	return a.before(start, open)
}

// sentenceBounds is the start of the sentence holding open and the end of
// the one holding close; without sentences, a window around the quote.
func (a *annotator) sentenceBounds(open, close int) (int, int) {
	ss := a.d.Sentences
	start, end := open-300, close+300
	if i := sort.Search(len(ss), func(i int) bool { return ss[i].End > open }); i < len(ss) && ss[i].Start <= open {
		start = ss[i].Start
	}
	if i := sort.Search(len(ss), func(i int) bool { return ss[i].End >= close }); i < len(ss) && ss[i].Start < close {
		end = ss[i].End
	}
	return start, end
}

// tok returns the index of the first token starting at or after pos.
func (a *annotator) tok(pos int) int {
	ts := a.d.Tokens
	return sort.Search(len(ts), func(i int) bool { return ts[i].Start >= pos })
}

// tt is the text of token k as the passes read it (Document.TokenText).
// Out of line: the speaker rules call it often, once a quote, and each
// inlined copy of TokenText's two cases cost the wasm some 100 bytes.
//
//go:noinline
func (a *annotator) tt(k int) string { return a.d.TokenText(k) }

func (a *annotator) isWord(k int) bool {
	return k >= 0 && k < len(a.d.Tokens) && a.d.Tokens[k].Kind == doc.Word
}

func isOpeningMark(w string) bool {
	switch w {
	case "“", "\"", "‘", "«", "„":
		return true
	}
	return false
}

// after reads the attribution that follows a quotation, up to end.
func (a *annotator) after(close, end, reach int) string {
	ts := a.d.Tokens
	k := a.tok(close)
	for k < len(ts) && ts[k].Start < end && ts[k].Kind == doc.Punct && !isOpeningMark(a.tt(k)) {
		k++ // the comma, a dash
	}
	if k >= len(ts) || ts[k].Start >= end || !a.isWord(k) {
		return ""
	}
	if in(speech, a.tt(k)) {
		return a.nameAt(k+1, end) // "…,” said Kim
	}
	if strings.EqualFold(a.tt(k), "according") && strings.EqualFold(a.wordAt(k+1), "to") {
		return a.nameAt(k+2, end)
	}
	// "…,” Mayer, Disney’s chairman of streaming, said.
	if isCap(a.tt(k)) && !in(notNames, a.tt(k)) {
		e := k + 1
		for e < len(ts) && e < k+4 && a.isWord(e) && isCap(a.tt(e)) {
			e++
		}
		if e < len(ts) && a.tt(e) == "," {
			for j := e + 1; j < len(ts) && j < e+25 && ts[j].Start < end; j++ {
				if w := a.tt(j); w == "." || isOpeningMark(w) {
					break
				} else if a.isWord(j) && isLower(w) && in(speech, w) && a.tt(j-1) == "," {
					return a.nameAt(k, end)
				}
			}
		}
	}
	// "…,” Kim said / "…,” the president told reporters
	for j := k + 1; j < len(ts) && j < k+reach && ts[j].Start < end; j++ {
		w := a.tt(j)
		if ts[j].Kind == doc.Punct && (w == "." || isOpeningMark(w)) {
			break
		}
		if a.isWord(j) && isLower(w) && in(speech, w) {
			return a.nameBefore(j, k) // "…” impeachment, Trump said"
		}
	}
	return ""
}

func (a *annotator) wordAt(k int) string {
	if !a.isWord(k) {
		return ""
	}
	return a.tt(k)
}

// before reads the attribution in the sentence before a quotation.
func (a *annotator) before(start, open int) string {
	ts := a.d.Tokens
	lo := a.tok(start)
	k := a.tok(open) - 1
	for j := k; j >= lo && j > k-25; j-- {
		if !a.isWord(j) {
			continue
		}
		w := a.tt(j)
		switch {
		case strings.EqualFold(w, "according") && strings.EqualFold(a.wordAt(j+1), "to"):
			return a.nameAt(j+2, ts[k].End)
		case isLower(w) && in(speech, w):
			if s := a.nameBefore(j, lo); s != "" {
				return s
			}
			return a.nameAt(j+1, ts[k].End) // "said Kim: “…”"
		case isLower(w) && in(speechNouns, w):
			if s := a.nameBefore(j, lo); s != "" {
				return s
			}
			if strings.EqualFold(a.wordAt(j+1), "by") {
				return a.nameAt(j+2, ts[k].End)
			}
		}
	}
	return ""
}

// nameBefore is the speaker that stands before the verb or noun at j:
// "Kim has said", "Trump’s remarks".
func (a *annotator) nameBefore(j, lo int) string {
	m := j - 1
	for n := 0; n < 3 && m >= lo && a.isWord(m) && isLower(a.tt(m)) && in(skipBeforeVerb, a.tt(m)); n++ {
		m--
	}
	if m >= lo && in(speechNouns, a.wordAt(m)) && isLower(a.tt(m)) {
		m-- // "Kim’s remarks calling it …"
	}
	if m >= lo && isPossessive(a.tt(m)) {
		m--
	}
	if m < lo || !a.isWord(m) {
		return ""
	}
	w := a.tt(m)
	if e := a.mentionAt(a.d.Tokens[m].Span); e != "" {
		return e
	}
	if in(personPronouns, w) {
		return a.lastPerson(a.d.Tokens[m].Start)
	}
	if !isCap(w) {
		return ""
	}
	// a capitalised name the entity pass missed: read it back to its start
	s := m
	for s > lo && s > m-3 && a.isWord(s-1) && isCap(a.tt(s-1)) {
		s--
	}
	for s < m && in(notNames, a.tt(s)) {
		s++
	}
	if in(notNames, a.tt(s)) {
		return ""
	}
	return a.name(a.d.Tokens[s].Start, a.d.Tokens[m].End)
}

// name is the text [s, e) read as a name: in pasted text, with its
// character references decoded.
func (a *annotator) name(s, e int) string { return charref.Read(a.text[s:e], !a.refs) }

// nameAt is the speaker named at token k, before position end: an entity
// mention, a pronoun, or a run of capitalised words.
func (a *annotator) nameAt(k, end int) string {
	ts := a.d.Tokens
	if k >= len(ts) || ts[k].Start >= end || !a.isWord(k) {
		return ""
	}
	// look through a title or determiner for a mention: "said President Lee"
	for j := k; j < len(ts) && j < k+3 && ts[j].Start < end; j++ {
		if e := a.mentionAt(ts[j].Span); e != "" {
			return e
		}
		if !a.isWord(j) {
			break
		}
	}
	w := a.tt(k)
	if in(personPronouns, w) {
		return a.lastPerson(ts[k].Start)
	}
	if !isCap(w) || in(notNames, w) {
		return ""
	}
	e := k + 1
	for e < len(ts) && e < k+4 && ts[e].Start < end && a.isWord(e) && isCap(a.tt(e)) {
		e++
	}
	return a.name(ts[k].Start, ts[e-1].End)
}

// mentionAt is the name of the entity with a mention overlapping sp.
func (a *annotator) mentionAt(sp doc.Span) string {
	ms := a.mentions
	i := sort.Search(len(ms), func(i int) bool { return ms[i].Start >= sp.End })
	for j := i - 1; j >= 0 && j > i-20; j-- {
		if ms[j].End > sp.Start && ms[j].Start < sp.End {
			return a.d.Entities[ms[j].entity].Name
		}
	}
	return ""
}

// lastPerson is the person mentioned last before pos: what "he" or "she"
// most often refers to in news copy.
func (a *annotator) lastPerson(pos int) string {
	if p := a.lastPersonMention(pos); p != "" {
		return p
	}
	if a.lastSpeakerBlock == a.curBlock {
		return a.lastSpeaker
	}
	return ""
}

func (a *annotator) lastPersonMention(pos int) string {
	ms := a.mentions
	i := sort.Search(len(ms), func(i int) bool { return ms[i].Start >= pos })
	for j := i - 1; j >= 0 && j > i-200; j-- {
		if e := a.d.Entities[ms[j].entity]; e.Type == doc.Person {
			return e.Name
		}
	}
	return ""
}

func isLower(w string) bool { return w != "" && unicode.IsLower(firstRune(w)) }
func isCap(w string) bool   { return w != "" && unicode.IsUpper(firstRune(w)) }

func isPossessive(w string) bool {
	return w == "’s" || w == "'s" || w == "’" || w == "'" || w == "’S" || w == "'S"
}

package lang

import (
	"github.com/lede-news/lede/internal/charref"
	"github.com/lede-news/lede/internal/doc"
)

// Read is the language lede's models read: every model of the engine
// (part-of-speech, entities, keyphrases, categories) is trained on English.
const Read = "en"

// MinOverride is the confidence a language guess needs before lede acts on
// it: a document is kept from the English-only passes only when it is
// confidently in another language, and one block of it goes the other way
// from the document (a German quotation in an English article, an English
// paragraph in a German one) only when the block itself is confidently in
// that language. The guess must also be Sure: resting on enough lower-case
// words, not on a headline or a list of names. Anything less sure is read
// as English, as lede always did: a short headline misread as German would
// otherwise lose its entities for nothing.
const MinOverride = 0.9

// Annotate sets d.Language, d.BlockLanguages and d.Skipped. Every block but
// boilerplate, bylines and datelines gets its own guess. The document's
// language is decided on the pooled evidence of its body paragraphs (of the
// title and listed headlines when there is no body): naive Bayes evidence
// adds up, so a document of forty short lines is judged as one text, not by
// a vote of forty noisy guesses; but unless its script decides it, the
// language must also be that of at least one block that is Sure by itself,
// or the best guess of blocks holding most of the letters.
// Its confidence is that guess's probability among the languages of its script, times the
// share of the letters that are in blocks agreeing with it (or too short to
// tell): a wholly German article scores near 1, an article half in German
// and half in Korean about 0.5. A guess that is not Sure is reported as
// Undetermined. d.Skipped is then set by the rule of MinOverride, nil when
// every block is to be read.
//
// A block other than the body's, in a document with a body, counts only
// through its own guess, and only when that guess is Sure (the pool of
// the other blocks is read when there is no body): such a block that
// cannot be Sure (mayBeSure) is reported Undetermined without being read,
// as its scores would have it (TestAnnotateSkipsSame): 12 of the 17 listed
// headlines of the 3.3 KB sample.
func Annotate(d *doc.Document) { annotate(d, false) }

// annotate is Annotate; every reads every block, even those whose guess
// cannot count (the reference TestAnnotateSkipsSame holds Annotate to).
func annotate(d *doc.Document, every bool) {
	d.BlockLanguages = make([]doc.Language, len(d.Blocks))
	d.Skipped = nil
	m, err := Default()
	if err != nil {
		d.Language = doc.Language{Code: Undetermined}
		return
	}
	type pool struct {
		sc      *Scores
		guesses []Guess
	}
	var body, other pool
	// the blocks' guesses and the two pools' lists, cut from one array
	// (grown by append, the lists took some eight allocations a page)
	nb, nbody, nother := len(d.Blocks), 0, 0
	for _, b := range d.Blocks {
		switch b.Role {
		case doc.Boilerplate, doc.Byline, doc.Dateline:
		case doc.Body:
			nbody++
		default:
			nother++
		}
	}
	guesses := make([]Guess, nb+nbody+nother)
	blocks := guesses[:nb:nb]
	body.guesses = guesses[nb : nb : nb+nbody]
	other.guesses = guesses[nb+nbody : nb+nbody : nb+nbody+nother]
	// each block's scores, read into one Scores and pooled by adding
	// (integer sums: the order does not matter)
	var sc *Scores
	var words []uint64
	hasBody := false
	for _, b := range d.Blocks {
		if b.Role == doc.Body {
			hasBody = true
			break
		}
	}
	for i, b := range d.Blocks {
		switch b.Role {
		case doc.Boilerplate, doc.Byline, doc.Dateline:
			continue
		}
		text := charref.Read(b.Of(d.Text), d.FromHTML) // pasted text's "&quot;" is a mark, not letters
		if hasBody && b.Role != doc.Body && !every && !mayBeSure(text) {
			// its guess is not Sure whatever its scores: reported
			// Undetermined, never acted on (blocks[i] stays the zero
			// Guess, which acts does not act on either), and the pool it
			// would join is not read
			d.BlockLanguages[i] = doc.Language{Code: Undetermined}
			continue
		}
		if sc == nil {
			sc, words = m.newScores(), m.newPacked()
		}
		m.scoreInto(sc, words, text)
		g := m.Decide(sc)
		blocks[i] = g
		d.BlockLanguages[i] = reported(g)
		p := &other
		if b.Role == doc.Body {
			p = &body
		}
		if p.sc == nil {
			p.sc = m.newScores()
		}
		p.sc.Add(sc)
		p.guesses = append(p.guesses, g)
	}
	p := body
	if p.sc == nil {
		p = other
	}
	if p.sc == nil {
		d.Language = doc.Language{Code: Undetermined}
		return
	}
	g := m.Decide(p.sc)
	agree, total, support, votes := 0, 0, 0, 0
	for _, b := range p.guesses {
		total += b.Letters
		if b.Code == g.Code {
			votes += b.Letters
		}
		switch reported(b).Code {
		case g.Code:
			support += b.Letters
			agree += b.Letters
		case Undetermined:
			agree += b.Letters
		}
	}
	if support == 0 && votes*2 <= total && !scriptDecided(g.Code) {
		// No block is surely in this language by itself, and most of the
		// letters are in blocks whose own best guess is another: the pooled
		// evidence is lines of names and numbers (a results table), whose
		// few small words repeat ("seconds", "at") and prove nothing.
		g.Sure = false
	}
	if total > 0 {
		// The share of letters in blocks of other scripts is already in
		// agree: scale the language's posterior within its script by it.
		g.Confidence = round(g.posterior * float64(agree) / float64(total))
	}
	d.Language = reported(g)
	// Short blocks follow the language most of the document is in, however
	// mixed the rest: the posterior within the script decides, not the
	// agreement-scaled confidence reported.
	docForeign := acts(Guess{Code: g.Code, Confidence: g.posterior, Sure: g.Sure}) && g.Code != Read
	for i, b := range d.Blocks {
		if b.Role == doc.Boilerplate {
			continue
		}
		foreign := docForeign
		if acts(blocks[i]) {
			foreign = blocks[i].Code != Read
		}
		if foreign {
			if d.Skipped == nil {
				d.Skipped = make([]bool, len(d.Blocks))
			}
			d.Skipped[i] = true
		}
	}
}

// scriptDecided reports whether code is a language its script decides.
func scriptDecided(code string) bool {
	for _, c := range scriptLanguage {
		if c != "" && c == code {
			return true
		}
	}
	return false
}

// reported is a guess as the report gives it: a guess that is not Sure (a
// headline, a line of names) is Undetermined, since on such text lang is
// wrong too often to be worth showing; its best guess is kept to itself.
func reported(g Guess) doc.Language {
	if !g.Sure || g.Code == "" {
		return doc.Language{Code: Undetermined}
	}
	return doc.Language{Code: g.Code, Confidence: g.Confidence}
}

// acts reports whether lede acts on a guess (see MinOverride).
func acts(g Guess) bool {
	return g.Sure && g.Confidence >= MinOverride && g.Code != Undetermined && g.Code != ""
}

// mayBeSure reports whether Decide could find text's guess Sure. It is
// false only for ASCII text whose words that begin with a lower-case
// letter hold fewer than MinSureTrigrams letters between them
// (lowerLetters): scoreInto counts one lower-case trigram a letter of such
// a word and none of the others', ASCII letters are all Latin, and Latin
// is no script that decides its language, so Decide's Sure
// (sc.lower[Latin] at least MinSureTrigrams) cannot hold. Any other byte
// may be of a script that decides its language on a few letters.
func mayBeSure(text string) bool {
	n, ascii := lowerLetters(text)
	return !ascii || n >= MinSureTrigrams
}

// lowerLetters returns how many letters of ASCII text are in words (runs
// of letters) that begin with a lower-case one, and whether text is
// ASCII (n is 0 when it is not). scoreInto's sc.lower[Latin] of an ASCII
// text is that count, less what falls past MaxLetters
// (TestLowerLetters).
func lowerLetters(text string) (n int, ascii bool) {
	word, lower := false, false
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c >= 0x80 {
			return 0, false
		}
		if l := c | 0x20; l >= 'a' && l <= 'z' {
			if !word {
				word, lower = true, c == l
			}
			if lower {
				n++
			}
			continue
		}
		word = false
	}
	return n, true
}

// Package doc is the vocabulary of lede's pipeline: one Document holds the
// text once, and every stage annotates spans of it.
//
// All offsets are byte offsets into Document.Text, half-open [Start, End).
// They are converted to the unit a caller asked for (UTF-16, code points)
// only when the report is written (see package report), so no stage ever
// thinks about encodings and nothing re-tokenises what another stage did.
//
// The order in which stages fill a Document is fixed by package engine:
//
//	article   -> Text, Blocks, Title/Byline/Published      (package article)
//	lang      -> Language, BlockLanguages                   (package lang)
//	segment   -> Sentences, Tokens                          (package segment)
//	pos       -> Token.Tag                                  (package pos)
//	entity    -> Entities                                   (package entity)
//	figure    -> Figures, quote -> Quotes                   (packages figure, quote)
//	keyphrase -> Keyphrases, summary -> Summary             (packages keyphrase, summary)
//	category  -> Categories                                 (package category)
package doc

// Span is a half-open byte range [Start, End) of Document.Text.
type Span struct {
	Start, End int
}

// Len is the span's length in bytes.
func (s Span) Len() int { return s.End - s.Start }

// Of returns the text the span covers.
func (s Span) Of(text string) string { return text[s.Start:s.End] }

// Role says what a block of the page is.
type Role uint8

const (
	Body        Role = iota // a paragraph of the article itself
	Title                   // the headline
	Byline                  // "By Jane Doe"
	Dateline                // a line that carries the publication date
	Related                 // a listed headline or link that is not part of the body
	Boilerplate             // menus, share buttons, footers: kept in Text, ignored by analysis
)

var roleNames = [...]string{"body", "title", "byline", "dateline", "related", "boilerplate"}

func (r Role) String() string {
	if int(r) < len(roleNames) {
		return roleNames[r]
	}
	return "unknown"
}

// Block is a paragraph-level piece of Text: a body paragraph, the title, one
// related headline, a menu line.
type Block struct {
	Span
	Role Role
	// Wrapped marks a paragraph of hard-wrapped text (wire copy, e-mail):
	// its line breaks fall wherever the width ran out, so a new line
	// there does not start a sentence.
	Wrapped bool
}

// Kind is the coarse class of a token, decided by its characters alone.
type Kind uint8

const (
	Word   Kind = iota // letters, possibly with inner apostrophes, hyphens or periods ("U.S.", "don't", "co-op")
	Number             // digits, possibly with inner , . ("28,500", "3.5")
	Punct              // . , ; : ! ? quotes brackets dashes
	Symbol             // $ % € & @ # and anything else
)

// Token is one word, number or mark of a sentence.
type Token struct {
	Span
	Kind Kind
	// Link marks a URL or an e-mail address, read as one Word token by
	// the tokeniser: its digits are an address, not numbers, and it is no
	// topic ("?id=12&page=2", "info@usef.org"). In Kind's padding too.
	Link bool
	// Ref is, for a token whose text holds an HTML character reference
	// of pasted plain text ("&quot;", "don&#39;t"), 1 + the index in
	// Document.Decoded of its text decoded, which TokenText gives; 0 for
	// every other token. Such a token's Kind is that of the character the
	// reference stands for; its span stays on the text as pasted
	// (package charref). A URL or e-mail token is the exception: it keeps
	// the "&amp;" between its parameters as pasted, with no Ref. "&nbsp;"
	// and the other spaces make no token, so Decoded may be empty in a
	// paste that holds references (Document.FromHTML tells the text apart).
	Ref int32 // in Kind's padding: a Token stays 40 bytes
	// Tag is the Penn Treebank part-of-speech tag, set by package pos
	// ("" before it runs, and in a text package lang found to be in
	// another language than English, where it does not run). The engine
	// tags only the sentences a later pass reads the tags of (the title's
	// and the body's up to the keyphrase pass's 20,000th word, and any
	// where a figure may start: engine.tagRead); the others' tokens keep "".
	Tag string
}

// Sentence is a span of one block with its tokens Tokens[First:Last].
type Sentence struct {
	Span
	Block       int // index into Document.Blocks
	First, Last int // token range
}

// EntityType is the coarse type of a named entity.
type EntityType uint8

const (
	Person EntityType = iota
	Place
	Organization
	Other
)

var entityTypeNames = [...]string{"person", "place", "organization", "other"}

func (t EntityType) String() string {
	if int(t) < len(entityTypeNames) {
		return entityTypeNames[t]
	}
	return "other"
}

// Mention is one occurrence of an entity or phrase in the text.
type Mention struct {
	Span
	Sentence int // index into Document.Sentences
}

// Entity is a named thing with all its mentions, aliases merged.
type Entity struct {
	Name     string // the fullest form found ("Donald Trump")
	Type     EntityType
	Aliases  []string // other surface forms ("Trump", "President Trump")
	Salience float64  // 0..1, how central to the article
	Mentions []Mention
}

// FigureKind is what a figure counts.
type FigureKind string

const (
	Money    FigureKind = "money"
	Percent  FigureKind = "percent"
	Quantity FigureKind = "quantity"
	Date     FigureKind = "date"
	Time     FigureKind = "time"
	Ordinal  FigureKind = "ordinal"
)

// Figure is a number with its unit and what it measures.
type Figure struct {
	Span
	Kind  FigureKind
	Value *float64 // numeric value in Unit; nil when not numeric
	Unit  string   // "USD", "%", "troops"; ISO date string for dates
	About string   // the phrase the figure measures ("investment pledge")
}

// Quote is a quoted span and, where the sentence names one, its speaker.
type Quote struct {
	Span
	Speaker string // "" when unknown
}

// Phrase is a ranked keyphrase with its mentions.
type Phrase struct {
	Text     string
	Score    float64
	Mentions []Mention
	// Name marks a phrase that is only a name ("Donald Trump", "Seoul"):
	// the entity panel shows those, the keyphrase panel the topics.
	Name bool
	// Panel is the topic's place (1, 2, …) in the page's keyphrase panel,
	// which spaces lone words out (keyphrase.PanelLone); 0 for names and
	// for topics the panel does not show.
	Panel int
}

// Label is a ranked category.
type Label struct {
	Name  string
	Score float64
}

// Language is a text's language as package lang tells it.
type Language struct {
	Code       string  // BCP 47 primary language subtag ("en", "de", "zh"); "und" when it cannot be told
	Confidence float64 // 0..1
}

// Notice is something the reader should know about the analysis itself,
// such as text lede's English models could not read.
type Notice struct {
	Code    string // stable, for programs: "language-unsupported", "language-mixed"
	Message string // one sentence for people
}

// Document is the article as every stage sees it.
type Document struct {
	// Text is the plain text every offset indexes: the input itself for
	// plain text, the extracted page text for HTML.
	Text string
	// FromHTML marks Text extracted from HTML: its parser decoded the
	// page's character references, so the tokeniser reads none in Text
	// (one left there was written out literally, "&amp;quot;" in the page).
	FromHTML bool

	Title, Byline, Published string // "" when absent; Published is ISO 8601

	Blocks    []Block
	Sentences []Sentence
	Tokens    []Token
	// Decoded holds the decoded text of each token with a Ref, in order.
	Decoded []string

	// Language is the language of the article as a whole; BlockLanguages
	// that of each block (parallel to Blocks; "und" for blocks too short to
	// tell, "" for boilerplate, which is not examined).
	Language       Language
	BlockLanguages []Language
	// Skipped marks, parallel to Blocks, the blocks that the English-only
	// passes (entity to digest) did not read because they are in another
	// language; nil when every block was read.
	Skipped []bool
	// Notices tell the reader what was not analysed and why.
	Notices []Notice

	Entities   []Entity
	Figures    []Figure
	Quotes     []Quote
	Keyphrases []Phrase
	Summary    []int   // indices into Sentences, best first
	Categories []Label // for the whole article
	// RelatedCategories holds the categories of each Related block, keyed by
	// block index.
	RelatedCategories map[int][]Label
	// Digest summarises the Related blocks; nil when there are none.
	Digest *Digest
}

// TokenText returns the text of token i as every pass reads it: its text,
// or for a token with a Ref, its text with the character references
// decoded ("don't" for "don&#39;t"), whose byte offsets are not the
// token's.
func (d *Document) TokenText(i int) string {
	t := &d.Tokens[i]
	if t.Ref != 0 {
		return d.Decoded[t.Ref-1]
	}
	return d.Text[t.Start:t.End]
}

// SentenceTokens returns the tokens of sentence i.
func (d *Document) SentenceTokens(i int) []Token {
	s := d.Sentences[i]
	return d.Tokens[s.First:s.Last]
}

// BodySentences returns the indices of the sentences in body blocks.
func (d *Document) BodySentences() []int {
	var out []int
	for i, s := range d.Sentences {
		if d.Blocks[s.Block].Role == Body {
			out = append(out, i)
		}
	}
	return out
}

// Digest summarises a list of headlines: the related block of an article,
// or a pasted list with no article at all.
type Digest struct {
	Headlines  int          // how many headlines were summarised
	Categories []CountedTag // categories with how many headlines carry each, most first
	Entities   []CountedTag // entities named in two or more headlines, most first
	Clusters   [][]int      // groups of Related block indices on the same story
}

// CountedTag is a name with how many headlines carry it and which (block
// indices).
type CountedTag struct {
	Name   string
	Type   string // entity type for entities, "" for categories
	Count  int
	Blocks []int
}

// NewText returns a Document of text with one Body block per non-blank
// line, trimmed: the plainest reading of text, for tests and tools that
// want the passes without article extraction.
func NewText(text string) *Document {
	d := &Document{Text: text}
	start := 0
	for start < len(text) {
		end := start
		for end < len(text) && text[end] != '\n' {
			end++
		}
		s, e := start, end
		for s < e && isSpace(text[s]) {
			s++
		}
		for e > s && isSpace(text[e-1]) {
			e--
		}
		if s < e {
			d.Blocks = append(d.Blocks, Block{Span: Span{Start: s, End: e}})
		}
		start = end + 1
	}
	return d
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' }

// FromParts returns a Document of a title (a Title block, when not "") and
// body paragraphs (Body blocks), joined by blank lines: for tools and tests
// that already know an article's structure and want the passes without
// article extraction.
func FromParts(title string, paragraphs ...string) *Document {
	d := &Document{Title: title}
	var b []byte
	add := func(s string, role Role) {
		if len(b) > 0 {
			b = append(b, "\n\n"...)
		}
		start := len(b)
		b = append(b, s...)
		d.Blocks = append(d.Blocks, Block{Span: Span{Start: start, End: len(b)}, Role: role})
	}
	if title != "" {
		add(title, Title)
	}
	for _, p := range paragraphs {
		add(p, Body)
	}
	d.Text = string(b)
	return d
}

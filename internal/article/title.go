package article

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/lede-news/lede/internal/doc"
	"github.com/lede-news/lede/internal/xnet/html"
)

// chooseTitle: which title (sixteenth round, docs/extraction.md "Which title"): the
// title is the headline the publisher declares for the article — its
// metadata (og:title, JSON-LD headline, twitter:title, …), else its
// <title> with the site's name cut — and the visible headline (the <h1>)
// only when that declaration is missing or lies: it is the site's name, a
// generic label, empty, or shares no word with the page. Readers compare
// lede with Readability, whose title follows the same convention, and
// issue 13 asks for the visible page "when meta tags lie or are missing".
//
// The declared title is read in Readability's order of sources (meta.go):
// JSON-LD (also inside CDATA or comment markers; its name, unless only its
// headline matches the <title>), then dc:title, then og:title, then
// name=title, twitter:title and the like; a meta tag naming several
// properties ("x:title dc:title") counts under each.
//
// It returns the document's title given the visible headline
// (the <h1> chosen in build, "" when none).
func (r *renderer) chooseTitle(visible string) string {
	m := &r.meta
	for _, t := range []string{m.declaredTitle(), r.docTitle()} {
		if strings.Contains(t, "&") {
			t = html.UnescapeString(t) // "&#8216;" left in JSON-LD and meta text
		}
		if strings.Contains(t, "  ") || strings.ContainsAny(t, "\t\n\r") {
			t = strings.Join(strings.Fields(t), " ") // "Column:  The …": spacing is markup's, not the headline's
		}
		if r.titleLies(t, visible) {
			continue
		}
		return cutLabel(t, visible)
	}
	if visible != "" {
		return visible
	}
	return m.title
}

// docTitle is the <title> with the site's name cut ("Headline | Site").
func (r *renderer) docTitle() string {
	if r.meta.docTitle == "" {
		return ""
	}
	return stripSiteName(cleanDocTitle(r.meta.docTitle), r.meta.siteName)
}

// titleLies reports a declared title that cannot be the article's
// headline: empty, the site's name (its og:site_name, or the text of a
// link to the site's home page: the logo), a generic label ("Home",
// "Untitled"), or a title that shares no word with the page while the
// page shows a headline of its own (three words or more): a template's
// stale og:title or another page's <title>.
func (r *renderer) titleLies(t, visible string) bool {
	f := foldTitle(t)
	if f == "" {
		return true
	}
	if f == foldTitle(r.meta.siteName) || genericTitles[f] {
		return true
	}
	for i := range r.blocks {
		if b := &r.blocks[i]; b.words <= 8 && b.linkChars >= b.chars && foldTitle(b.text) == f && r.homeLink(b) {
			return true
		}
	}
	if countWords(visible) < 3 {
		return false
	}
	// a title written without spaces (Japanese, Chinese) is one "word":
	// it is not judged this way
	words := titleWords(t)
	return len(words) >= 2 && !r.onPage(words, visible)
}

// onPage reports whether one of words (titleWords) is a word of the
// visible headline or of a body block; it stops at the first found.
func (r *renderer) onPage(words []string, visible string) bool {
	if hasWord(visible, words) {
		return true
	}
	for i := range r.blocks {
		if r.blocks[i].role == doc.Body && hasWord(r.blocks[i].text, words) {
			return true
		}
	}
	return false
}

// hasWord reports whether s holds one of words (lower-case, as titleWords
// gives them) as a whole word, case folded, without allocating.
func hasWord(s string, words []string) bool {
	start := -1
	for i, c := range s {
		if unicode.IsLetter(c) || unicode.IsDigit(c) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 && oneOf(s[start:i], words) {
			return true
		}
		start = -1
	}
	return start >= 0 && oneOf(s[start:], words)
}

func oneOf(w string, words []string) bool {
	for _, x := range words {
		if len(w) >= len(x)/2 && strings.EqualFold(w, x) {
			return true
		}
	}
	return false
}

// genericTitles are labels a template gives a page that has no title of
// its own: folded as foldTitle folds.
var genericTitles = map[string]bool{
	"home": true, "home page": true, "homepage": true, "untitled": true, "untitled document": true,
	"untitled page": true, "new page": true, "index": true, "article": true, "news": true, "blog": true,
	"post": true, "page": true, "document": true, "welcome": true, "no title": true,
}

// titleWords splits s into lower-case words of letters and digits, of
// three letters or more (short function words say nothing of a match).
func titleWords(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(c rune) bool {
		return !unicode.IsLetter(c) && !unicode.IsDigit(c)
	}) {
		if utf8.RuneCountInString(w) >= 3 {
			out = append(out, w)
		}
	}
	return out
}

// foldTitle lower-cases t and keeps its letters and digits, one space
// between words.
func foldTitle(t string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(t), func(c rune) bool {
		return !unicode.IsLetter(c) && !unicode.IsDigit(c)
	}), " ")
}

// cutLabel drops a label set off from a declared title by a separator —
// the site's or the section's name ("Headline - Site", "Opinion |
// Headline") — when the visible headline shows none of its words and at
// least three words remain. Meta titles carry such labels as the <title>
// does; the page's own headline does not.
func cutLabel(t, visible string) string {
	vis := map[string]bool{}
	for _, w := range titleWords(visible) {
		vis[w] = true
	}
	if len(vis) == 0 {
		return t
	}
	unseen := func(s string) bool {
		for _, w := range titleWords(s) {
			if vis[w] {
				return false
			}
		}
		return true
	}
	for _, sep := range []string{" | ", " - ", " – ", " — ", " :: ", " · "} {
		// the visible headline and a label: the headline ("About bugs –
		// Site" over an <h1> "About bugs"), however short
		if k := strings.LastIndex(t, sep); k > 0 && foldTitle(t[:k]) == foldTitle(visible) {
			return strings.TrimSpace(t[:k])
		}
		if k := strings.LastIndex(t, sep); k > 0 && unseen(t[k+len(sep):]) && countWords(t[:k]) >= 3 {
			t = strings.TrimSpace(t[:k])
		}
		// a leading label is a one-word section ("Opinion | …"); a
		// longer lead may be the headline itself
		if k := strings.Index(t, sep); k > 0 && countWords(t[:k]) == 1 && unseen(t[:k]) && countWords(t[k+len(sep):]) >= 3 {
			t = strings.TrimSpace(t[k+len(sep):])
		}
	}
	return t
}

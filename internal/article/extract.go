package article

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/lede-news/lede/internal/xnet/html/atom"

	"github.com/lede-news/lede/internal/doc"
)

// linkDensity is the share of a block's text that is link text.
func (b *hblock) linkDensity() float64 {
	if b.chars == 0 {
		return 0
	}
	return float64(b.linkChars) / float64(b.chars)
}

// assemble chooses the article container, gives every block its role and
// builds the Document.
func (r *renderer) assemble() *doc.Document {
	rule, ok := r.ruleRoles()
	if !ok {
		return r.fallback()
	}
	if m := r.model; m != nil {
		X := r.features(rule, m.baseReads())
		p := make([]float64, len(X))
		for i, x := range X {
			// generic structure the model may not overrule: the <h1> is
			// the headline, never a paragraph of the body, whatever its
			// size on a short page; navigation, asides, footers and
			// figures (captions, credits) are not the story
			if x != nil && r.blocks[i].heading != 1 && r.elems[r.blocks[i].owner].inherited&(fChrome|fFigure) == 0 {
				p[i] = m.Prob(x)
			}
		}
		lo, hi := 0, len(p)-1
		if m.Run {
			lo, hi = bestRun(len(p), func(i int) float64 {
				return float64(r.blocks[i].words+1) * (p[i] - m.Threshold)
			})
		}
		for i := range p {
			if p[i] >= m.Threshold && i >= lo && i <= hi {
				r.blocks[i].role = doc.Body
			} else {
				r.blocks[i].role = doc.Boilerplate
			}
		}
	}
	return r.build()
}

// bestRun returns the stretch [lo, hi] of 0..n-1 with the greatest sum of
// v (Kadane's maximum subarray); hi < lo when every v is negative.
func bestRun(n int, v func(int) float64) (lo, hi int) {
	lo, hi = 0, -1
	best, sum, start := 0.0, 0.0, 0
	for i := 0; i < n; i++ {
		if sum <= 0 {
			sum, start = 0, i
		}
		sum += v(i)
		if sum > best {
			best, lo, hi = sum, start, i
		}
	}
	return lo, hi
}

// classify marks the prose blocks: long enough, few links, outside page
// furniture, and not a teaser (a summary under a linked headline, as in
// lists of other stories).
func (r *renderer) classify() {
	for i := range r.blocks {
		b := &r.blocks[i]
		f := r.elems[b.owner].inherited
		b.good = b.heading == 0 && b.chars >= 70 && b.linkDensity() <= 0.33 &&
			f&(fChrome|fNeg) == 0 && !isBoilerplate(b.text, b.words) && !looksLikeMarkup(b.text) &&
			!isCaption(b.text, b.words)
	}
	goods, teasers := 0, 0
	for i := range r.blocks {
		if r.blocks[i].good {
			goods++
			if r.isTeaser(i) || r.blocks[i].leadsWithHeadline() {
				r.blocks[i].teaser = true
				teasers++
			}
		}
	}
	if teasers == goods {
		// a page of nothing but summaries: they are its content
		for i := range r.blocks {
			r.blocks[i].teaser = false
		}
		return
	}
	for i := range r.blocks {
		if r.blocks[i].teaser {
			r.blocks[i].good = false
		}
	}
}

// isTeaser reports whether block i sits in a small unit (up to three
// levels up, at most six blocks) that also holds a linked headline.
func (r *renderer) isTeaser(i int) bool {
	e := r.blocks[i].owner
	for level := 0; level < 3 && e > 0; level++ {
		e = r.elems[e].parent
		lo, hi := i, i
		for lo > 0 && hi-lo < 7 && r.blocks[lo-1].owner >= e && r.blocks[lo-1].owner < r.elems[e].end {
			lo--
		}
		for hi+1 < len(r.blocks) && hi-lo < 7 && r.blocks[hi+1].owner >= e && r.blocks[hi+1].owner < r.elems[e].end {
			hi++
		}
		if hi-lo+1 > 6 {
			return false
		}
		if hi == lo {
			continue
		}
		for k := lo; k < i; k++ {
			b := &r.blocks[k]
			if b.linkDensity() >= 0.6 && b.words >= 4 && b.words <= 30 && !b.listItem && !isBoilerplate(b.text, b.words) && !isShareBar(b.text) {
				return true
			}
		}
		return false
	}
	return false
}

// leadsWithHeadline reports whether a block starts with a linked phrase of
// several words: a story list's "Headline here NEW DELHI: summary...".
func (b *hblock) leadsWithHeadline() bool {
	if b.leadLink < 25 || b.leadLink >= b.chars {
		return false
	}
	lead := strings.TrimSpace(b.text[:b.leadLink])
	ends, _ := sentenceEnd(lead)
	// a linked sentence or phrase ("The attorney general is investigating
	// WeWork amid layoffs.") opens a paragraph of a round-up and the text
	// runs on; a linked headline stands apart, with no full stop
	rest := strings.TrimLeft(b.text[b.leadLink:], " ")
	next, _ := utf8.DecodeRuneInString(rest)
	return !ends && countWords(lead) >= 4 && !unicode.IsLower(next) && !strings.ContainsRune(",;:)", next)
}

// isBareURL reports whether a block is a web address printed as text: a
// reader sees it as part of the article.
func isBareURL(s string) bool {
	return (strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")) && !strings.ContainsAny(s, " \t")
}

// isShareBar reports whether s names social networks, as share buttons do.
func isShareBar(s string) bool {
	low := strings.ToLower(s)
	n := 0
	for _, w := range []string{"facebook", "twitter", "whatsapp", "pinterest", "linkedin", "reddit", "email", "telegram", "flipboard"} {
		if strings.Contains(low, w) {
			n++
		}
	}
	return n >= 2
}

// galleryCaptionLow reports a caption that says so: "1of4 Grass Valley's
// ...", "Image 3 of 8", "In this 2006 file photo, ..."; low is s
// lower-cased (its callers lower a line once for all their tests).
func galleryCaptionLow(s, low string) bool {
	if len(s) > 600 {
		return false
	}
	// the first "of", if it starts within the first 9 bytes: only those
	// bytes and the next are read
	if k := strings.Index(low[:min(len(low), 10)], "of"); k > 0 && k <= 8 && isDigits(strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(low[:k], "image"), "photo"))) {
		return true
	}
	return strings.HasPrefix(low, "in this ") && strings.Contains(low, "file photo,")
}

// isCaption reports whether a short block is a picture caption or credit:
// "Protesters in Hong Kong (Image: GETTY)", "Photo: Reuters".
func isCaption(s string, words int) bool {
	return captionLow(s, strings.ToLower(s), words)
}

// captionLow is isCaption given s lower-cased too.
func captionLow(s, low string, words int) bool {
	if words > 40 {
		return false
	}
	if galleryCaptionLow(s, low) {
		return true
	}
	return captionPhrases.in(low)
}

// captionPhrases mark a caption or a credit wherever they occur in a line;
// read in one pass over the line (phrases), not one pass a phrase.
var captionPhrases = newPhrases(captionList)

var captionList = []string{"(image:", "(photo:", "(picture:", "(pictured", "image caption", "photo credit",
	"image credit", "credit:", "getty images", "(getty", "photograph:", "photo by ", "picture:", "photo:", "image:"}

func looksLikeMarkup(s string) bool {
	return strings.HasPrefix(s, "<") && strings.Contains(s, ">") && (strings.Contains(s, "=\"") || strings.HasSuffix(s, ">"))
}

// container returns the element index with the best balance of prose
// against links and page furniture, or -1 when the page has no prose.
func (r *renderer) container() int {
	score := make([]float64, len(r.elems))
	goods := 0
	for i := range r.blocks {
		b := &r.blocks[i]
		var w float64
		switch {
		case b.good:
			w = float64(b.chars)
			goods++
		case b.teaser || r.elems[b.owner].inherited&(fChrome|fNeg) != 0:
			w = -float64(b.chars)
		case b.words >= 15 && b.heading == 0 && b.linkDensity() <= 0.7:
			// prose with many links (a news round-up): its plain text counts
			w = float64(b.chars) * (1 - 2*b.linkDensity())
		case b.linkDensity() > 0.5:
			w = -float64(b.chars)
		default:
			w = -0.25 * float64(b.chars)
		}
		for e := b.owner; e >= 0; e = r.elems[e].parent {
			score[e] += w
		}
	}
	if goods == 0 {
		return -1
	}
	best := -1
	for i, s := range score {
		e := &r.elems[i]
		if e.body || e.class > 0 || e.tag == atom.Article || e.tag == atom.Main {
			s *= 1.1
		}
		if s > 0 && (best < 0 || s > score[best]*bestBoost(r.elems[best])) {
			best = i
		}
	}
	return best
}

func bestBoost(e elem) float64 {
	if e.body || e.class > 0 || e.tag == atom.Article || e.tag == atom.Main {
		return 1.1
	}
	return 1
}

// inBody judges a block inside the container.
func (r *renderer) inBody(b *hblock, best int, title string) bool {
	// furniture between the block and the container
	for e := b.owner; e != best && e >= 0; e = r.elems[e].parent {
		if r.elems[e].own()&(fChrome|fNeg|fMeta|fFigure|fHeader) != 0 {
			return false
		}
	}
	if b.heading == 1 {
		return false
	}
	if b.linkDensity() > 0.5 && (b.words < 15 || b.linkDensity() > 0.7) && !isBareURL(b.text) {
		return false
	}
	if b.good {
		return true
	}
	if b.teaser {
		return false
	}
	if isBoilerplate(b.text, b.words) || isByline(b.text, b.words) || isCaption(b.text, b.words) || looksLikeMarkup(b.text) {
		return false
	}
	if b.words <= 10 && findDate(b.text) != "" {
		return false
	}
	if title != "" && strings.EqualFold(strings.TrimSpace(b.text), title) {
		return false
	}
	return true
}

// cutAtSectionEnd ends the body at a heading such as "You may also like"
// or "Related stories" when most of the body's prose came before it.
func (r *renderer) cutAtSectionEnd() {
	total := 0
	for i := range r.blocks {
		if r.blocks[i].role == doc.Body && r.blocks[i].good {
			total += r.blocks[i].chars
		}
	}
	before := 0
	for i := range r.blocks {
		b := &r.blocks[i]
		if b.role != doc.Body {
			continue
		}
		if b.good {
			before += b.chars
			continue
		}
		if before > 0 && b.words <= 8 && b.linkDensity() < 0.5 && isSectionEnd(b.text) {
			for k := i; k < len(r.blocks); k++ {
				if r.blocks[k].role == doc.Body {
					r.blocks[k].role = doc.Boilerplate
				}
			}
			return
		}
	}
}

var sectionEnds = []string{
	"you may also like", "you might also like", "more stories", "more from", "read next", "recommended",
	"most popular", "most read", "trending", "leave a comment", "leave a reply", "about the author",
	"share this", "tags:", "more on this", "what to read next", "você pode gostar", "veja também",
	"leia também", "te puede interesar", "vous aimerez", "lire aussi", "auch interessant",
	"weitere artikel", "potrebbe interessarti", "leggi anche", "ähnliche artikel", "artículos relacionados",
	"tag:", "filed under", "sign up for our",
	"more in ", "more on ", "also on ", "popular stories", "latest stories", "latest news", "editor's picks",
}

// isStrongSectionEnd reports a heading that always opens a list of other
// stories: nothing of the article follows it.
func isStrongSectionEnd(s string) bool {
	low := strings.ToLower(strings.TrimSpace(s))
	if strings.HasPrefix(low, "more ") && len(strings.Fields(low)) <= 4 && !strings.ContainsAny(low, ".,") {
		return true // "More Stories", "More Washington Examiner"
	}
	return strings.HasPrefix(low, "most read") || strings.HasPrefix(low, "most popular")
}

func isSectionEnd(s string) bool {
	low := strings.ToLower(s)
	if (strings.HasPrefix(low, "about ") || strings.HasPrefix(low, "sobre ") || strings.HasPrefix(low, "über ") || strings.HasPrefix(low, "à propos")) &&
		len(strings.Fields(low)) <= 4 && !strings.ContainsAny(low, ".,?") {
		return true // "About Ascom": a press release's company boilerplate
	}
	if (strings.HasPrefix(low, "more ") || strings.HasPrefix(low, "related ")) && len(strings.Fields(low)) <= 4 && !strings.ContainsAny(low, ".,") {
		return true // "More Stories", "More Washington Examiner", "Related Coverage"
	}
	if isCommentsHeading(s) {
		return true // "Top Rated Comments"
	}
	for _, p := range sectionEnds {
		if strings.HasPrefix(low, p) {
			return true
		}
	}
	return false
}

// trimEdges drops short blocks before the first and after the last prose
// block of the body: kickers, share counts, "Filed under" lines.
func (r *renderer) trimEdges() {
	first, last := -1, -1
	for i := range r.blocks {
		b := &r.blocks[i]
		if b.role == doc.Body && b.good {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	for i := range r.blocks {
		b := &r.blocks[i]
		if b.role != doc.Body || b.good {
			continue
		}
		if !b.listItem && (i < first && b.words < 4 || i > last && b.words < 6) {
			b.role = doc.Boilerplate
		}
	}
}

// build writes Document.Text from the blocks and sets the metadata.
func (r *renderer) build() *doc.Document {
	d := &doc.Document{}
	m := &r.meta
	// the headline's block: the <h1> like a title the page declares (in
	// any source), else the first <h1>
	titleAt := -1
	for i := range r.blocks {
		b := &r.blocks[i]
		if b.heading != 1 || b.role == doc.Body || b.words == 0 || b.words > 40 || r.homeLink(b) {
			continue
		}
		if titleAt < 0 || m.declares(b.text) && !m.declares(r.blocks[titleAt].text) {
			titleAt = i
		}
	}
	firstBody := len(r.blocks)
	for i := range r.blocks {
		if r.blocks[i].role == doc.Body {
			firstBody = i
			break
		}
	}
	// that <h1> shows the headline (the Title role, not body) when the
	// page declares no title but its <title>, when it is like a declared
	// title, or when it has three words or more and stands just above the
	// body: headlines for search engines and sharing are often rewritten
	// ("Prison guards charged…" over "Two federal prison officers
	// charged…"). Which text Document.Title carries is chooseTitle's
	// (title.go: the declared title unless it lies).
	nearBody := titleAt >= 0 && titleAt < firstBody && firstBody-titleAt <= 12 && r.blocks[titleAt].words >= 3
	visible := ""
	if titleAt >= 0 && (m.title == "" || m.titleRank >= 9 || nearBody || m.declares(r.blocks[titleAt].text)) {
		r.blocks[titleAt].role = doc.Title
		visible = r.blocks[titleAt].text
	}
	d.Title = r.chooseTitle(visible)
	// byline and date lines near the head of the article
	wide := "" // the first date of wideDate's forms, when nothing else dates the page
	for i := range r.blocks {
		b := &r.blocks[i]
		if b.role != doc.Boilerplate || b.words > 16 || i > firstBody+3 || i < firstBody-40 {
			continue
		}
		f := r.elems[b.owner].inherited
		if f&fChrome != 0 && f&fMeta == 0 {
			continue
		}
		if m.published == "" && wide == "" && b.words <= 12 {
			wide = wideDate(b.text)
		}
		switch {
		case isByline(b.text, b.words):
			b.role = doc.Byline
			if m.byline == "" {
				m.byline = bylineName(b.text)
			}
			if m.published == "" {
				m.published = findDate(b.text)
			}
		case b.words <= 12 && findDate(b.text) != "":
			b.role = doc.Dateline
			if m.published == "" {
				m.published = findDate(b.text)
			}
		}
	}
	if m.published == "" {
		m.published = wide
	}
	if m.published == "" && firstBody < len(r.blocks) && r.blocks[firstBody].words <= 12 {
		// a date line or dated byline the extraction kept as the body's
		// first paragraph ("Tuesday 15 October 2019 by Bradley M. Kuhn")
		m.published = wideDate(r.blocks[firstBody].text)
	}
	if m.published == "" && firstBody < len(r.blocks) {
		m.published = openingDate(r.blocks[firstBody].text)
	}
	// related headlines: link lines of a few words, outside menus and footers
	for i := range r.blocks {
		b := &r.blocks[i]
		if b.role != doc.Boilerplate {
			continue
		}
		f := r.elems[b.owner].inherited
		if b.linkDensity() >= 0.6 && b.words >= 4 && b.words <= 25 && f&(fHeader|fMeta) == 0 &&
			!insideTag(r, b.owner, atom.Nav, atom.Footer, atom.Header) && !isBoilerplate(b.text, b.words) && !isShareBar(b.text) {
			b.role = doc.Related
		}
	}
	// a headline listed twice (a teaser and a "read next" box) is one item
	seen := map[string]bool{}
	for i := range r.blocks {
		if b := &r.blocks[i]; b.role == doc.Related {
			if seen[b.text] {
				b.role = doc.Boilerplate
			}
			seen[b.text] = true
		}
	}
	d.Byline = bylineName(strings.TrimSpace(m.byline))
	d.Published = m.published
	var t strings.Builder
	prev := doc.Role(255)
	for i := range r.blocks {
		b := &r.blocks[i]
		if t.Len() > 0 {
			if b.role == doc.Body || prev == doc.Body || b.role != prev {
				t.WriteString("\n\n")
			} else {
				t.WriteByte('\n')
			}
		}
		start := t.Len()
		t.WriteString(b.text)
		d.Blocks = append(d.Blocks, doc.Block{Span: doc.Span{Start: start, End: t.Len()}, Role: b.role})
		prev = b.role
	}
	d.Text = t.String()
	return d
}

// homeLink reports a block that is all one link to the site's root: an
// <h1> so made is the site's logo ("<h1><a href="/">Site</a></h1>"), not
// the headline.
func (r *renderer) homeLink(b *hblock) bool {
	if b.linkChars < b.chars {
		return false
	}
	e := &r.elems[b.owner]
	for k := b.owner + 1; k < e.end; k++ {
		if r.elems[k].home {
			return true
		}
	}
	return e.home
}

func insideTag(r *renderer, e int, tags ...atom.Atom) bool {
	for ; e >= 0; e = r.elems[e].parent {
		for _, t := range tags {
			if r.elems[e].tag == t {
				return true
			}
		}
	}
	return false
}

// similar reports whether two titles share most of their words.
func similar(a, b string) bool {
	wa, wb := strings.Fields(strings.ToLower(a)), strings.Fields(strings.ToLower(b))
	if len(wa) == 0 || len(wb) == 0 {
		return false
	}
	set := make(map[string]bool, len(wb))
	for _, w := range wb {
		set[strings.Trim(w, ".,:;!?\"'“”‘’")] = true
	}
	n := 0
	for _, w := range wa {
		if set[strings.Trim(w, ".,:;!?\"'“”‘’")] {
			n++
		}
	}
	return n*10 >= len(wa)*7 && n*10 >= len(wb)*5
}

// fallback reads a page with no prose container as pasted text: its
// rendered blocks, one per line.
func (r *renderer) fallback() *doc.Document {
	var t strings.Builder
	for i := range r.blocks {
		if i > 0 {
			t.WriteByte('\n')
		}
		t.WriteString(r.blocks[i].text)
	}
	if t.Len() == 0 {
		return &doc.Document{Title: r.meta.title, Byline: r.meta.byline, Published: r.meta.published}
	}
	d := parseText(t.String())
	if r.meta.title != "" {
		d.Title = r.meta.title
	}
	if r.meta.byline != "" {
		d.Byline = r.meta.byline
	}
	if r.meta.published != "" {
		d.Published = r.meta.published
	}
	return d
}

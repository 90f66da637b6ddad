package article

import (
	"errors"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/lede-news/lede/internal/xnet/html"
	"github.com/lede-news/lede/internal/xnet/html/atom"

	"github.com/lede-news/lede/internal/doc"
)

// The HTML extractor works in three steps.
//
//  1. Render: walk the DOM once and cut the page's visible text into blocks
//     the way a browser lays it out (a new block at every block-level
//     element and <br>), remembering for each block its element, how much
//     of it is link text, and whether it sits in navigation, a footer, an
//     aside or an element whose class names say "share", "related",
//     "comment" and the like.
//  2. Choose the container: every prose block adds its length to all its
//     ancestors, every link-heavy or chrome block subtracts its length; the
//     element with the best balance holds the article.
//  3. Keep the container's blocks that read as article text, dropping the
//     title, bylines, dates, captions, share bars and link lists inside it.
//     Everything else on the page stays in Document.Text, as title, byline,
//     related headlines or boilerplate.

// elem is one element of the page, in document (pre-)order.
type elem struct {
	parent int
	end    int // index after the last element of its subtree
	tag    atom.Atom
	class  int8 // +1 article-like class or id, -1 boilerplate-like, 0 neither
	chrome bool // nav, aside, footer, form controls, ARIA landmarks that are not content
	header bool
	figure bool
	meta   bool // byline, date or author box
	body   bool // itemprop=articleBody or similar: a strong article mark
	home   bool // a link to the site's root: a logo or a "home" link
	// wrapper marks an element that holds most of the page's prose: its
	// class names describe the layout ("container penci_sidebar"), not
	// what it holds, so a weak negative class or a chrome tag is ignored.
	wrapper bool
	// inherited holds the flags of the element and all its ancestors.
	inherited flags
}

type flags uint8

const (
	fChrome flags = 1 << iota
	fHeader
	fFigure
	fMeta
	fNeg
	fBody
)

// own returns the element's own flags.
func (e *elem) own() flags {
	var f flags
	if e.chrome && !e.wrapper {
		f |= fChrome
	}
	if e.header {
		f |= fHeader
	}
	if e.figure {
		f |= fFigure
	}
	if e.meta {
		f |= fMeta
	}
	if e.class < -1 || e.class < 0 && !e.wrapper {
		f |= fNeg
	}
	if e.body {
		f |= fBody
	}
	return f
}

// hblock is one rendered block of the page.
type hblock struct {
	text      string
	owner     int // innermost block-level element
	chars     int
	linkChars int
	leadLink  int // characters of the link the block starts with
	words     int
	heading   int // 1..6 for h1..h6
	listItem  bool
	good      bool
	teaser    bool
	role      doc.Role
	keep      bool
}

type renderer struct {
	elems  []elem
	blocks []hblock
	stack  []int // open block-level elements
	buf    strings.Builder
	link   int // characters of link text in buf
	lead   int // characters of link text at the start of buf
	leadOn bool
	inLink int
	space  bool // a space is pending before the next word
	owner  int
	meta   pageMeta
	best   int         // the article container, once chosen
	model  *BlockModel // the block classifier; nil: the hand rules alone
}

var blockTags = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Aside: true, atom.Blockquote: true, atom.Dd: true,
	atom.Div: true, atom.Dl: true, atom.Dt: true, atom.Fieldset: true, atom.Figcaption: true,
	atom.Figure: true, atom.Footer: true, atom.Form: true, atom.H1: true, atom.H2: true, atom.H3: true,
	atom.H4: true, atom.H5: true, atom.H6: true, atom.Header: true, atom.Hr: true, atom.Li: true,
	atom.Main: true, atom.Nav: true, atom.Ol: true, atom.P: true, atom.Pre: true, atom.Section: true,
	atom.Table: true, atom.Tbody: true, atom.Thead: true, atom.Tfoot: true, atom.Tr: true, atom.Td: true,
	atom.Th: true, atom.Ul: true, atom.Center: true, atom.Details: true, atom.Summary: true,
	atom.Caption: true, atom.Body: true, atom.Html: true, atom.Dialog: true, atom.Menu: true,
}

var skipTags = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true, atom.Svg: true,
	atom.Math: true, atom.Iframe: true, atom.Object: true, atom.Embed: true, atom.Canvas: true,
	atom.Video: true, atom.Audio: true, atom.Select: true, atom.Option: true, atom.Button: true,
	atom.Input: true, atom.Textarea: true, atom.Head: true, atom.Link: true, atom.Meta: true,
	atom.Title: true, atom.Img: true, atom.Picture: true, atom.Source: true, atom.Map: true,
}

func parseHTML(input string) (*doc.Document, error) {
	return parseHTMLModel(input, defaultModel())
}

// parseHTMLModel extracts a page with block model m (nil: the hand rules
// alone). Its text is marked FromHTML: the parser decoded its character
// references, so the tokeniser must not read any again.
func parseHTMLModel(input string, m *BlockModel) (*doc.Document, error) {
	r, err := render(input)
	if err != nil {
		return nil, err
	}
	if r == nil {
		// x/net/html refuses pages nested deeper than 512 elements: read
		// the text between the tags instead.
		d := parseText(stripTags(input))
		d.FromHTML = true
		return d, nil
	}
	r.model = m
	d := r.assemble()
	if strings.TrimSpace(d.Text) == "" {
		return nil, errors.New("the page has no readable text: paste the article's text instead")
	}
	d.FromHTML = true
	return d, nil
}

// render parses a page and cuts its visible text into blocks; it returns
// nil when the parser refuses the page.
func render(input string) (*renderer, error) {
	root, err := html.Parse(strings.NewReader(input))
	if err != nil {
		return nil, nil
	}
	r := &renderer{}
	r.meta.read(root)
	r.elems = append(r.elems, elem{parent: -1, tag: atom.Html})
	r.stack = append(r.stack, 0)
	r.walk(root, 0, 0)
	r.flush()
	r.elems[0].end = len(r.elems)
	r.resolve()
	return r, nil
}

// walk renders n's children. parent is the element index of n.
func (r *renderer) walk(n *html.Node, parent, depth int) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			r.text(c.Data)
		case html.ElementNode:
			r.element(c, parent, depth)
		case html.DocumentNode:
			r.walk(c, parent, depth+1)
		}
	}
}

func (r *renderer) element(n *html.Node, parent, depth int) {
	if skipTags[n.DataAtom] || depth > 600 {
		return
	}
	var class, id, role, style, itemprop, href string
	hidden := false
	for _, a := range n.Attr {
		switch a.Key {
		case "class":
			class = a.Val
		case "id":
			id = a.Val
		case "role":
			role = a.Val
		case "style":
			style = a.Val
		case "itemprop":
			itemprop = a.Val
		case "href":
			href = a.Val
		case "hidden":
			hidden = true
		case "aria-hidden":
			hidden = hidden || a.Val == "true" && n.DataAtom != atom.I && n.DataAtom != atom.Span
		}
	}
	if hidden || style != "" && hiddenStyle(style) {
		return
	}
	if n.DataAtom == atom.Br {
		r.flush()
		return
	}
	if n.DataAtom == atom.Hr {
		r.flush()
		return
	}
	idx := len(r.elems)
	e := elem{parent: parent, tag: n.DataAtom}
	e.class, e.meta = classWeight(class + " " + id)
	if strings.EqualFold(itemprop, "articleBody") || strings.EqualFold(itemprop, "reviewBody") {
		e.body, e.class = true, 1
	}
	if itemprop == "author" || itemprop == "datePublished" {
		e.meta = true
	}
	switch n.DataAtom {
	case atom.A:
		e.home = href != "" && homeHref(href)
	case atom.Nav, atom.Aside, atom.Footer, atom.Dialog, atom.Menu:
		e.chrome = true
	case atom.Header:
		e.header = true
	case atom.Figure, atom.Figcaption:
		e.figure = true
	}
	switch strings.ToLower(role) {
	case "navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar", "dialog", "alert", "toolbar":
		e.chrome = true
	}
	if n.DataAtom == atom.Body || n.DataAtom == atom.Html {
		e.class, e.meta = 0, false // page-wide classes say nothing about the article
	}
	r.elems = append(r.elems, e)

	block := blockTags[n.DataAtom]
	if block {
		r.flush()
		r.stack = append(r.stack, idx)
	}
	if n.DataAtom == atom.A {
		r.inLink++
	}
	r.walk(n, idx, depth+1)
	if n.DataAtom == atom.A {
		r.inLink--
	}
	if block {
		r.flush()
		r.stack = r.stack[:len(r.stack)-1]
	} else if n.DataAtom == atom.Td || n.DataAtom == atom.Th {
		r.space = true
	}
	r.elems[idx].end = len(r.elems)
}

// homeHref reports a link to a site's root: "/", "./", "https://host",
// "https://host/", "//host/".
func homeHref(h string) bool {
	h = strings.TrimSpace(h)
	if h == "/" || h == "./" {
		return true
	}
	for _, p := range []string{"https://", "http://", "//"} {
		if strings.HasPrefix(h, p) {
			rest := strings.TrimSuffix(h[len(p):], "/")
			return rest != "" && !strings.ContainsAny(rest, "/?#")
		}
	}
	return false
}

// resolve marks the wrappers and fills each element's inherited flags.
// Elements are in pre-order, so a parent is always resolved before its
// children.
func (r *renderer) resolve() {
	prose := make([]int, len(r.elems))
	total := 0
	for i := range r.blocks {
		b := &r.blocks[i]
		if b.heading == 0 && b.chars >= 70 && b.linkDensity() <= 0.33 {
			total += b.chars
			for e := b.owner; e >= 0; e = r.elems[e].parent {
				prose[e] += b.chars
			}
		}
	}
	for i := range r.elems {
		e := &r.elems[i]
		e.wrapper = total > 0 && prose[i]*2 >= total
		e.inherited = e.own()
		if e.parent >= 0 {
			e.inherited |= r.elems[e.parent].inherited
		}
	}
}

func hiddenStyle(s string) bool {
	s = strings.ToLower(strings.ReplaceAll(s, " ", ""))
	return strings.Contains(s, "display:none") || strings.Contains(s, "visibility:hidden")
}

// text adds a text node's words to the current block, collapsing white space.
func (r *renderer) text(s string) {
	for len(s) > 0 {
		c, n := utf8.DecodeRuneInString(s)
		s = s[n:]
		if c == utf8.RuneError && n == 1 {
			c = '\uFFFD'
		}
		if unicode.IsSpace(c) || c == '\u200b' || c == '\ufeff' {
			if r.buf.Len() > 0 {
				r.space = true
			}
			continue
		}
		if unicode.IsControl(c) {
			continue
		}
		if r.buf.Len() == 0 {
			r.owner = r.stack[len(r.stack)-1]
			r.leadOn = r.inLink > 0
			r.lead = 0
		} else if r.space {
			r.buf.WriteByte(' ')
			if r.inLink > 0 {
				r.link++
			}
		}
		r.space = false
		r.buf.WriteRune(c)
		if r.inLink > 0 {
			r.link += utf8.RuneLen(c)
		}
		if r.leadOn {
			if r.inLink > 0 {
				r.lead = r.buf.Len()
			} else {
				r.leadOn = false
			}
		}
	}
}

// flush ends the current block.
func (r *renderer) flush() {
	r.space = false
	if r.buf.Len() == 0 {
		return
	}
	t := r.buf.String()
	r.buf.Reset()
	b := hblock{text: t, owner: r.owner, chars: len(t), linkChars: r.link, leadLink: r.lead, words: countWords(t)}
	r.link, r.lead, r.leadOn = 0, 0, false
	switch r.elems[r.owner].tag {
	case atom.H1:
		b.heading = 1
	case atom.H2:
		b.heading = 2
	case atom.H3:
		b.heading = 3
	case atom.H4:
		b.heading = 4
	case atom.H5:
		b.heading = 5
	case atom.H6:
		b.heading = 6
	case atom.Li, atom.Dd, atom.Dt:
		b.listItem = true
	}
	r.blocks = append(r.blocks, b)
}

// classWeight reads an element's class and id: +1 when they name article
// content, -1 when they name page furniture; meta reports a byline or date
// box.
func classWeight(s string) (w int8, meta bool) {
	if len(s) <= 1 {
		return 0, false
	}
	pos, neg, strong, embed := false, false, false, false
	forEachClassWord(s, func(word string) {
		switch classWords[word] {
		case 1:
			pos = true
		case -1:
			neg = true
		case -2:
			strong = true
		case 2:
			meta = true
		case 3:
			embed = true
		}
	})
	if embed {
		// an embedded post or quotation is part of the story, whatever
		// else its class says ("social-media-embed")
		return 0, false
	}
	switch {
	case strong:
		return -2, meta
	case neg:
		return -1, meta
	case pos:
		return 1, meta
	}
	return 0, meta
}

// forEachClassWord splits class names into lower-case words at
// punctuation and camelCase humps: "article-body storyShare" gives
// article, body, story, share.
func forEachClassWord(s string, fn func(string)) {
	var buf [32]byte
	n := 0
	prevLower := false
	emit := func() {
		if n > 0 && n < len(buf) {
			fn(string(buf[:n]))
		}
		n = 0
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
			if n < len(buf) {
				buf[n] = c
			}
			n++
			prevLower = true
		case 'A' <= c && c <= 'Z':
			if prevLower {
				emit()
			}
			if n < len(buf) {
				buf[n] = c + 'a' - 'A'
			}
			n++
			prevLower = false
		default:
			emit()
			prevLower = false
		}
	}
	emit()
}

var classWords = map[string]int8{}

func init() {
	for _, w := range strings.Fields(`article body content entry main post story text blog hentry prose`) {
		classWords[w] = 1
	}
	// Not "paywall": publishers mark the text a paywall gates with it (the
	// New Yorker's <p class="paywall">), which is the article on a page
	// read without scripts; the gate itself is a modal, an overlay or an
	// aside (docs/extraction.md, "HTML on Readability's pages: the losses").
	for _, w := range strings.Fields(`ad ads adv advert advertisement advertising banner breadcrumb breadcrumbs
		comment comments commentlist disqus footer menu nav navbar navigation newsletter outbrain taboola popup
		promo promotion related share sharing sharebar social sidebar sponsor sponsored subscribe subscription
		signup widget recirc recommended recommendations trending popular modal cookie cookies gdpr masthead
		toolbar pagination pager tags tag topics keywords rail skip print login overlay teaser teasers
		shoutbox donate donation jump consent follow`) {
		classWords[w] = -1
	}
	for _, w := range strings.Fields(`byline author authors dateline timestamp date published pubdate
		caption credit credits`) {
		classWords[w] = 2
	}
	for _, w := range strings.Fields(`embed embedded tweet blockquote pullquote`) {
		classWords[w] = 3
	}
	for _, w := range strings.Fields(`comment comments commentlist disqus respond replies`) {
		classWords[w] = -2
	}
}

// stripTags returns the text between the tags of s, for pages the parser
// refuses. Script and style contents are dropped.
func stripTags(s string) string {
	z := html.NewTokenizer(strings.NewReader(s))
	var b strings.Builder
	skip := 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			return b.String()
		case html.StartTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if a == atom.Script || a == atom.Style {
				skip++
			}
			if blockTags[a] || a == atom.Br {
				b.WriteByte('\n')
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if (a == atom.Script || a == atom.Style) && skip > 0 {
				skip--
			}
			if blockTags[a] {
				b.WriteByte('\n')
			}
		case html.TextToken:
			if skip == 0 {
				b.Write(z.Text())
			}
		}
	}
}

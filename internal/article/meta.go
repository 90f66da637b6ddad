package article

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/lede-news/lede/internal/jsonlite"
	"github.com/lede-news/lede/internal/xnet/html"
	"github.com/lede-news/lede/internal/xnet/html/atom"
)

// pageMeta is what a page says about itself: meta tags, JSON-LD and
// <time> elements. Each field keeps the most specific source found.
type pageMeta struct {
	title         string
	titleRank     int
	byline        string
	bylineRank    int
	published     string
	publishedRank int
	docTitle      string // <title>
	siteName      string // og:site_name
	ldBody        string // JSON-LD articleBody
	ldHeadline    string // JSON-LD headline and name of the first Article object
	ldName        string
	titles        []string // every declared title, of any source (declares)
}

// setTitle is set for a title source, which it also keeps in m.titles.
func (m *pageMeta) setTitle(v string, r int) {
	if v = strings.TrimSpace(v); v != "" && len(m.titles) < 16 {
		m.titles = append(m.titles, v)
	}
	set(&m.title, &m.titleRank, v, r)
}

// declaredTitle is the title the page's metadata gives (JSON-LD, meta
// tags), its site's name cut: "" when only the <title> names the page.
func (m *pageMeta) declaredTitle() string {
	if m.titleRank >= 9 {
		return ""
	}
	return m.title
}

// declares reports whether t is like (similar) one of the titles the page
// declares in any source (JSON-LD, meta tags, <title>): an <h1> like one
// shows the headline, whichever source the title is taken from.
func (m *pageMeta) declares(t string) bool {
	for _, d := range m.titles {
		if similar(t, d) {
			return true
		}
	}
	return false
}

// set keeps v in *dst when rank is better (lower) than the one held.
func set(dst *string, rank *int, v string, r int) {
	v = strings.TrimSpace(v)
	if v == "" {
		return
	}
	if *dst == "" || r < *rank {
		*dst, *rank = v, r
	}
}

func (m *pageMeta) read(root *html.Node) {
	m.walk(root, 0)
	if m.ldHeadline != "" || m.ldName != "" {
		m.setTitle(m.ldTitle(), 0)
		m.titles = append(m.titles, m.ldHeadline, m.ldName) // both declare it
	}
	if m.docTitle != "" {
		m.titles = append(m.titles, cleanDocTitle(m.docTitle))
	}
	if m.title == "" && m.docTitle != "" {
		m.title, m.titleRank = cleanDocTitle(m.docTitle), 9
	}
	m.title = stripSiteName(m.title, m.siteName)
}

// stripSiteName drops " - Site", " | Site" from a title when Site is the
// name the page gives itself (og:site_name): meta titles carry it too.
func stripSiteName(t, site string) string {
	site = strings.TrimSpace(site)
	if site == "" || len(site) >= len(t) {
		return t
	}
	for _, sep := range []string{" | ", " - ", " – ", " — ", " :: ", " : "} {
		if k := len(t) - len(sep) - len(site); k > 0 && strings.EqualFold(t[k:], sep+site) {
			return strings.TrimSpace(t[:k])
		}
	}
	return t
}

func (m *pageMeta) walk(n *html.Node, depth int) {
	if depth > 600 {
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			if c.Type == html.DocumentNode {
				m.walk(c, depth+1)
			}
			continue
		}
		switch c.DataAtom {
		case atom.Meta:
			m.metaTag(c)
		case atom.Title:
			if m.docTitle == "" && c.FirstChild != nil && c.FirstChild.Type == html.TextNode {
				m.docTitle = strings.Join(strings.Fields(c.FirstChild.Data), " ")
			}
			continue
		case atom.Script:
			if strings.EqualFold(attr(c, "type"), "application/ld+json") && c.FirstChild != nil {
				m.jsonLD(c.FirstChild.Data)
			}
			continue
		case atom.Time:
			dt := attr(c, "datetime")
			if dt == "" {
				dt = textOf(c)
			}
			rank := 6
			if attr(c, "pubdate") != "" || strings.EqualFold(attr(c, "itemprop"), "datePublished") {
				rank = 3
			}
			if v := normalizeDate(dt); v != "" {
				set(&m.published, &m.publishedRank, v, rank)
			}
		case atom.Style, atom.Noscript, atom.Template, atom.Svg:
			continue
		}
		if m.authorElement(c) {
			continue
		}
		if ip := attr(c, "itemprop"); ip != "" && c.DataAtom != atom.Meta {
			switch ip {
			case "datePublished":
				if v := normalizeDate(firstNonEmpty(attr(c, "content"), attr(c, "datetime"), textOf(c))); v != "" {
					set(&m.published, &m.publishedRank, v, 3)
				}
			case "author":
				// schema.org microdata: the Person's itemprop=name when
				// it has one ("by <span itemprop=name>Jane Doe</span>
				// Jan 5"); a lone "by" is no name and must not block
				// the weaker sources
				t := textOf(c)
				if nm := itemName(c, 0); nm != nil {
					t = textOf(nm)
				}
				if len(t) < 80 && bylineName(t) != "" {
					set(&m.byline, &m.bylineRank, t, 4)
				}
			case "headline":
				// a visible element, not a declaration: a list of stories
				// marks each of its headlines so (not in m.titles)
				if t := textOf(c); len(t) < 300 {
					set(&m.title, &m.titleRank, t, 2)
				}
			}
		}
		m.walk(c, depth+1)
	}
}

// authorElement reads a visible author name: a rel=author link or an
// element whose class or id says author or byline ("By Dan Evon", "Anna
// Menin"), first in the page. It is the weakest byline source (meta tags
// and JSON-LD come first), and comment threads are skipped. It reports
// whether n's subtree should be skipped (a comment thread).
func (m *pageMeta) authorElement(n *html.Node) (skip bool) {
	author, comment := strings.EqualFold(attr(n, "rel"), "author"), false
	forEachClassWord(attr(n, "class")+" "+attr(n, "id"), func(w string) {
		switch w {
		case "author", "byline", "byl":
			author = true
		case "comment", "comments", "commentlist", "disqus", "replies", "respond":
			comment = true
		}
	})
	if comment {
		return true
	}
	if !author || m.bylineRank <= 5 && m.byline != "" {
		return false
	}
	t := textOf(n)
	if len(t) > 120 || dateLabel(t) {
		return false
	}
	name := bylineName(t)
	if w := countWords(name); w == 0 || w > 8 || strings.ContainsAny(name, "@:") {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(name); !unicode.IsUpper(r) && !isByline(t, countWords(t)) {
		return false
	}
	set(&m.byline, &m.bylineRank, name, 5)
	return false
}

func (m *pageMeta) metaTag(n *html.Node) {
	key := strings.ToLower(firstNonEmpty(attr(n, "property"), attr(n, "name"), attr(n, "itemprop")))
	v := attr(n, "content")
	if v == "" {
		return
	}
	// a property attribute can hold a list of terms (RDFa): "dc:creator
	// twitter:site_name" names a creator, "x:title dc:title" a title. Each
	// term is read; a site name keeps to single keys.
	if strings.ContainsAny(key, " \t\n") {
		for _, k := range strings.Fields(key) {
			m.metaKey(k, v, true)
		}
		return
	}
	m.metaKey(key, v, false)
}

// metaKey reads one meta tag's value under its (lower-cased) name; inList
// says it came from a list of terms.
func (m *pageMeta) metaKey(key, v string, inList bool) {
	switch key {
	case "og:site_name":
		if !inList {
			m.siteName = v
		}
	case "og:title":
		m.setTitle(v, 2)
	case "dc:title", "dc.title", "dcterm:title", "dcterms.title", "dcterms:title":
		m.setTitle(v, 1)
	case "title", "twitter:title", "headline", "sailthru.title", "parsely-title":
		m.setTitle(v, 3)
	case "author", "article:author", "sailthru.author", "parsely-author", "byl", "dc.creator", "dc:creator", "dcterm:creator", "dcterms:creator", "byline":
		// "Jane Doe (https://example.org/jane)": the name without its
		// address; a bare address is no byline
		v = dropURLRemarks(v)
		if !strings.Contains(v, "://") && len(v) < 120 {
			set(&m.byline, &m.bylineRank, strings.TrimPrefix(strings.TrimPrefix(v, "By "), "by "), 2)
		}
	case "article:published_time", "og:article:published_time", "datepublished", "published_time",
		"article.published", "pubdate", "publishdate", "publish-date", "publish_date", "dc.date.issued",
		"dcterms.created", "sailthru.date", "parsely-pub-date", "date", "dc.date", "cxenseparse:recs:publishtime":
		if d := normalizeDate(v); d != "" {
			rank := 1
			if key == "date" || key == "dc.date" || key == "sailthru.date" {
				rank = 4
			}
			set(&m.published, &m.publishedRank, d, rank)
		}
	}
}

// ldTitle is the JSON-LD Article's title: its name, unless its headline
// differs and only the headline matches the <title> (Readability's
// reading; a name can be a topic, "New Zealand", and a headline the
// article's one-line description).
func (m *pageMeta) ldTitle() string {
	switch {
	case m.ldName == "":
		return m.ldHeadline
	case m.ldHeadline == "" || m.ldHeadline == m.ldName:
		return m.ldName
	}
	doc := cleanDocTitle(m.docTitle)
	if similar(m.ldHeadline, doc) && !similar(m.ldName, doc) {
		return m.ldHeadline
	}
	return m.ldName
}

// unwrapScript strips the markers old pages wrap a script in for XHTML
// parsers: "<![CDATA[ … ]]>" (also behind "//") and "<!-- … -->".
func unwrapScript(src string) string {
	s := strings.TrimSpace(src)
	for _, w := range [][2]string{{"//<![CDATA[", "//]]>"}, {"<![CDATA[", "]]>"}, {"<!--", "-->"}} {
		if strings.HasPrefix(s, w[0]) {
			s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s[len(w[0]):]), w[1]))
		}
	}
	return s
}

// jsonLD reads schema.org Article objects (also inside @graph and lists).
// A script wrapped for old parsers ("<![CDATA[ … ]]>", "<!-- … -->") is
// read for its author and its title only: such wrappers mostly come from
// the way a page was saved; its datePublished is often a date the page
// does not show (a wiki article's creation), which failed its check
// (docs/extraction.md, "Bylines, second pass"), and its title is read as
// ldTitle reads any (its name over a headline that is a section's blurb,
// "constitutional monarchy in Oceania"; "Which title").
func (m *pageMeta) jsonLD(src string) {
	if len(src) > 2<<20 {
		return
	}
	s := strings.TrimSpace(src)
	u := unwrapScript(s)
	v, err := jsonlite.Unmarshal([]byte(u))
	if err != nil {
		return
	}
	m.ldValue(v, 0, len(u) != len(s))
}

// ldValue reads one JSON-LD value; wrapped (see jsonLD) keeps to the
// author.
func (m *pageMeta) ldValue(v any, depth int, wrapped bool) {
	if depth > 8 {
		return
	}
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			m.ldValue(e, depth+1, wrapped)
		}
	case map[string]any:
		if g, ok := x["@graph"]; ok {
			m.ldValue(g, depth+1, wrapped)
		}
		if !isArticleType(x["@type"]) {
			return
		}
		// the first Article object's title, resolved in read (ldTitle);
		// a wrapped script's too (its name, not its blurb of a headline)
		if m.ldHeadline == "" && m.ldName == "" {
			m.ldHeadline, _ = x["headline"].(string)
			m.ldName, _ = x["name"].(string)
			m.ldHeadline, m.ldName = strings.TrimSpace(m.ldHeadline), strings.TrimSpace(m.ldName)
		}
		if s, ok := x["datePublished"].(string); ok && !wrapped {
			if d := normalizeDate(s); d != "" {
				set(&m.published, &m.publishedRank, d, 0)
			}
		}
		if a := ldNames(x["author"], 0); a != "" && !isHandle(a) {
			set(&m.byline, &m.bylineRank, a, 1)
		}
		if s, ok := x["articleBody"].(string); ok && !wrapped && len(s) > len(m.ldBody) {
			m.ldBody = s
		}
	}
}

func isArticleType(t any) bool {
	switch x := t.(type) {
	case string:
		return strings.Contains(x, "Article") || x == "BlogPosting" || x == "ReportageNews" || x == "Report" || x == "LiveBlogPosting"
	case []any:
		for _, e := range x {
			if isArticleType(e) {
				return true
			}
		}
	}
	return false
}

// ldNames joins the names of a JSON-LD author value.
func ldNames(v any, depth int) string {
	if depth > 3 {
		return ""
	}
	switch x := v.(type) {
	case string:
		if strings.Contains(x, "://") {
			return ""
		}
		return x
	case map[string]any:
		// an organisation named as author (a site's own name) is not a
		// byline the reader sees
		if t, _ := x["@type"].(string); strings.Contains(t, "Organization") {
			return ""
		}
		if s, ok := x["name"].(string); ok {
			return s
		}
	case []any:
		var names []string
		for _, e := range x {
			if s := ldNames(e, depth+1); s != "" {
				names = append(names, s)
			}
		}
		return strings.Join(names, ", ")
	}
	return ""
}

// isHandle reports a login name ("kevin-r", "site_admin"): one word with a
// hyphen or underscore and no capital, not a name a page prints.
func isHandle(s string) bool {
	return !strings.ContainsAny(s, " ,") && strings.ContainsAny(s, "-_") && strings.ToLower(s) == s
}

// itemName returns the first itemprop=name element inside n, or nil.
func itemName(n *html.Node, depth int) *html.Node {
	if depth > 12 {
		return nil
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if attr(c, "itemprop") == "name" {
			return c
		}
		if nm := itemName(c, depth+1); nm != nil {
			return nm
		}
	}
	return nil
}

// dateLabel reports a line that opens with a date label ("Updated: …",
// "Last updated …", "Published …", "Posted on …"): a date line inside an
// author box, not a name.
func dateLabel(s string) bool {
	low := strings.ToLower(s)
	for _, p := range []string{"updated", "last updated", "published", "posted on", "last modified", "modified"} {
		if strings.HasPrefix(low, p) {
			return true
		}
	}
	return false
}

// dropURLRemarks removes parenthesised remarks that hold an address:
// "Bradley M. Kuhn (http://ebb.org/bkuhn/)" gives "Bradley M. Kuhn".
func dropURLRemarks(v string) string {
	for {
		i := strings.IndexByte(v, '(')
		if i < 0 {
			return v
		}
		j := strings.IndexByte(v[i:], ')')
		if j < 0 || !strings.Contains(v[i:i+j], "://") {
			return v
		}
		v = strings.TrimSpace(v[:i] + v[i+j+1:])
	}
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func firstNonEmpty(v ...string) string {
	for _, s := range v {
		if s != "" {
			return s
		}
	}
	return ""
}

// textOf returns the collapsed text of n, up to a few hundred bytes.
func textOf(n *html.Node) string {
	var b strings.Builder
	var rec func(*html.Node, int)
	rec = func(n *html.Node, depth int) {
		if depth > 50 || b.Len() > 400 {
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.TextNode {
				b.WriteString(c.Data)
				b.WriteByte(' ')
			} else if c.Type == html.ElementNode && c.DataAtom != atom.Script && c.DataAtom != atom.Style {
				rec(c, depth+1)
			}
		}
	}
	rec(n, 0)
	return strings.Join(strings.Fields(b.String()), " ")
}

// cleanDocTitle drops the site name from a <title>: "Headline | Site".
func cleanDocTitle(t string) string {
	for _, sep := range []string{" | ", " - ", " – ", " — ", " :: ", " « ", " » "} {
		if k := strings.LastIndex(t, sep); k > 0 && k > len(t)/3 {
			t = t[:k]
		}
	}
	return strings.TrimSpace(t)
}

package article

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lede-news/lede/internal/doc"
)

func roleTexts(d *doc.Document, r doc.Role) []string {
	var out []string
	for _, b := range d.Blocks {
		if b.Role == r {
			out = append(out, b.Of(d.Text))
		}
	}
	return out
}

// checkSpans fails when a block lies outside the text or blocks overlap.
func checkSpans(t *testing.T, d *doc.Document) {
	t.Helper()
	prev := 0
	for _, b := range d.Blocks {
		if b.Start < prev || b.End > len(d.Text) || b.Start >= b.End {
			t.Fatalf("bad block span %+v (text length %d)", b, len(d.Text))
		}
		prev = b.End
	}
}

func TestDetect(t *testing.T) {
	tests := []struct {
		in   string
		want Kind
	}{
		{"<!DOCTYPE html><html><body><p>Hi</p></body></html>", HTML},
		{"  \n<html lang=en>", HTML},
		{"<p>One paragraph.</p><p>Another.</p>", HTML},
		{"The <b> tag makes text bold, said the teacher.", Text},
		{"Seoul and Washington agreed a deal on Wednesday.\nMore text here.", Text},
		{"Intro line\n<div class=a><span>x</span><a href=b>c</a><i>d</i><em>e</em><u>f</u><s>g</s><q>h</q></div>", HTML},
	}
	for _, tc := range tests {
		if got := Detect(tc.in); got != tc.want {
			t.Errorf("Detect(%.40q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

// The pasted sample of issue 2: five body paragraphs, then seventeen
// other headlines.
func TestSampleArticle(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", "..", "shared", "samples", "korea-us-summit.txt"))
	if err != nil {
		t.Skip("../shared/samples not found")
	}
	d, err := Parse(string(b), Auto)
	if err != nil {
		t.Fatal(err)
	}
	checkSpans(t, d)
	body, related := roleTexts(d, doc.Body), roleTexts(d, doc.Related)
	if len(body) != 5 || len(related) != 17 {
		t.Fatalf("got %d body paragraphs and %d related, want 5 and 17", len(body), len(related))
	}
	if !strings.HasPrefix(body[0], "South Korean President Lee Jae Myung") || related[16] != "Trump’s Inflation Claims Clash With Voters’ Cost-of-Living Reality" {
		t.Errorf("wrong blocks: %q ... %q", body[0][:30], related[16])
	}
}

func TestPlainText(t *testing.T) {
	in := `Home | World | Business | Sport
Share

Chinese hunter catches bubonic plague after eating wild rabbit
By Natalie Musumeci
November 18, 2019 | 4:10pm

A case of the bubonic plague was reported in China over the weekend, after two people there were diagnosed with the pneumonic plague last week.

Both diseases are associated with the Black Death pandemic that killed an estimated 25 million people in Europe in the 14th Century.

Authorities say that the cases appear to be unrelated.

Facebook
Twitter
120-year-old photo sparks Greta Thunberg conspiracy theories
Goodwin: Why Dems are so worried after latest round of impeachment hearings
Surgeons cut pounds of petroleum jelly out of bodybuilder's biceps
© 2019 NYP Holdings, Inc. All Rights Reserved`
	d, err := Parse(in, Text)
	if err != nil {
		t.Fatal(err)
	}
	checkSpans(t, d)
	if d.Text != in {
		t.Error("plain text must be kept as it is: offsets index the input")
	}
	if d.Title != "Chinese hunter catches bubonic plague after eating wild rabbit" {
		t.Errorf("title %q", d.Title)
	}
	if d.Byline != "Natalie Musumeci" || d.Published != "2019-11-18" {
		t.Errorf("byline %q, published %q", d.Byline, d.Published)
	}
	if body := roleTexts(d, doc.Body); len(body) != 3 || body[2] != "Authorities say that the cases appear to be unrelated." {
		t.Errorf("body %q", body)
	}
	if rel := roleTexts(d, doc.Related); len(rel) != 3 || !strings.HasPrefix(rel[0], "120-year-old photo") {
		t.Errorf("related %q", rel)
	}
	for _, b := range roleTexts(d, doc.Boilerplate) {
		if strings.Contains(b, "plague") {
			t.Errorf("article text marked boilerplate: %q", b)
		}
	}
}

// A hard-wrapped paste is joined into paragraphs; a short paste with no
// sentence end is still the body.
func TestPlainTextShapes(t *testing.T) {
	wrapped := "The committee met for three hours on Thursday and agreed to publish\nthe report before the end of the year, its chairman told reporters.\n\nIt will be the first such report since 2015."
	d, _ := Parse(wrapped, Text)
	if body := roleTexts(d, doc.Body); len(body) != 2 || !strings.Contains(body[0], "publish\nthe report") {
		t.Errorf("wrapped paragraphs: %q", body)
	}
	d, _ = Parse("Hello world", Text)
	if body := roleTexts(d, doc.Body); len(body) != 1 {
		t.Errorf("one short line: %q", body)
	}
	heads := "Trump Allows Commercial Fishing in Protected New England Waters\nFederal Judge Restores Funding for Gateway Rail Tunnel Project\nPentagon Ends Military Education Programs With Harvard University\n"
	d, _ = Parse(heads, Text)
	if len(roleTexts(d, doc.Related)) != 3 || len(roleTexts(d, doc.Body)) != 0 {
		t.Errorf("a list of headlines: body %q related %q", roleTexts(d, doc.Body), roleTexts(d, doc.Related))
	}
}

func readFixture(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestHTMLFixtures(t *testing.T) {
	tests := []struct {
		file                     string
		title, byline, published string
		titleBlock               string   // the Title block's text, when not the title
		bodyStarts               []string // each body paragraph's start, in order
		related                  int
		notInBody, mustBeInText  []string
	}{
		{
			file:  "meta.html",
			title: "Harbour council approves new sea wall", byline: "Maria Lopez", published: "2024-03-05T09:30:00Z",
			bodyStarts:   []string{"The harbour council voted", "The wall will cost", "Residents who had campaigned"},
			related:      3,
			notInBody:    []string{"Share on", "Photo:", "Home", "All rights reserved", "window.location", "display: none", "Storm damage"},
			mustBeInText: []string{"Storm damage bill for old town passes two million"},
		},
		{
			file:  "jsonld.html",
			title: "Valley farmers count the cost of the late frost", byline: "Tom Becker, Ana Ruiz", published: "2023-05-18T06:15:00+02:00",
			bodyStarts: []string{"Fruit growers across", "Several growers said", "The regional farmers' union"},
			notInBody:  []string{"This is terrible news", "Front page"},
		},
		{
			// the <title> is the declared headline; the <h1> ("… after two
			// years of repairs") is the headline's block (docs/extraction.md
			// "Which title")
			file:  "visible.html",
			title: "Library reopens after repairs", byline: "Sam O'Neill", published: "2022-11-02",
			titleBlock: "Library reopens after two years of repairs",
			bodyStarts: []string{"The town library reopened", "The librarian said"},
			notInBody:  []string{"By Sam", "November 2"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			d, err := Parse(readFixture(t, tc.file), Auto)
			if err != nil {
				t.Fatal(err)
			}
			checkSpans(t, d)
			if d.Title != tc.title || d.Byline != tc.byline || d.Published != tc.published {
				t.Errorf("title %q byline %q published %q\nwant  %q        %q           %q", d.Title, d.Byline, d.Published, tc.title, tc.byline, tc.published)
			}
			body := roleTexts(d, doc.Body)
			if len(body) != len(tc.bodyStarts) {
				t.Fatalf("body %q, want %d paragraphs", body, len(tc.bodyStarts))
			}
			for i, p := range tc.bodyStarts {
				if !strings.HasPrefix(body[i], p) {
					t.Errorf("paragraph %d = %q, want it to start %q", i, body[i], p)
				}
			}
			all := Body(d)
			for _, s := range tc.notInBody {
				if strings.Contains(all, s) {
					t.Errorf("body holds %q", s)
				}
			}
			for _, s := range tc.mustBeInText {
				if !strings.Contains(d.Text, s) {
					t.Errorf("text lacks %q", s)
				}
			}
			if got := len(roleTexts(d, doc.Related)); tc.related > 0 && got != tc.related {
				t.Errorf("%d related, want %d: %q", got, tc.related, roleTexts(d, doc.Related))
			}
			want := tc.title
			if tc.titleBlock != "" {
				want = tc.titleBlock
			}
			if titles := roleTexts(d, doc.Title); len(titles) != 1 || titles[0] != want {
				t.Errorf("title blocks %q", titles)
			}
		})
	}
}

// Pasted HTML is data: scripts stay unexecuted and out of the text, and
// hostile markup never panics or hangs.
func TestHostileHTML(t *testing.T) {
	inputs := []string{
		"<html><body>" + strings.Repeat("<div>", 5000) + "deep text in many divs" + strings.Repeat("</div>", 5000) + "</body></html>",
		"<html><body>" + strings.Repeat("<b><i>", 3000) + "unclosed tags everywhere",
		"<html><body><p>Before <script>alert('x')</script> after, a paragraph that reads like a sentence of an article.</p></body></html>",
		"<html><body><table><tr><td><table><tr><td><p>nested <a href=x>link</a></td></tr></table></td></tr></table>",
		"<html>\x00\xff\xfe<body><p>\xc3\x28 invalid utf-8</p>",
		"<html><head><script type=\"application/ld+json\">{\"@type\": [\"NewsArticle\"], \"author\": {\"name\": [1,2]}, \"datePublished\": 7}</script></head><body><p>x</p></body></html>",
		"<html><head><script type=\"application/ld+json\">[[[[[[[[[[[[[[[[[[[[{\"@graph\": [[[[[[[[[]]]]]]]]]}]]]]]]]]]]]]]]]]]]]</script></head><body><p>y</p></body></html>",
		"<!DOCTYPE html><html><body></body></html>",
		"<" + strings.Repeat("a ", 10000),
		strings.Repeat("<p>word</p>", 20000),
	}
	for i, in := range inputs {
		d, err := Parse(in, HTML)
		if err != nil {
			continue // a clear error is fine
		}
		checkSpans(t, d)
		if strings.Contains(d.Text, "alert(") {
			t.Errorf("input %d: script text reached the document", i)
		}
	}
}

func TestFindDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"November 18, 2019 | 4:10pm", "2019-11-18"},
		{"Chris Davies - Nov 19, 2019, 10:31 pm CST", "2019-11-19"},
		{"Published 19 November 2019 • 1:16pm", "2019-11-19"},
		{"By admin - 2018-09-16", "2018-09-16"},
		{"Updated 11/05/2020", "2020-11-05"},
		{"sexta-feira, 22.10.2010", "2010-10-22"},
		{"The 2019 season", ""},
		{"May I come in?", ""},
		{"Nov 19, 999", ""}, // three digits: no year (fourDigits)
		{"1/2/2019", "2019-01-02"},
		{"May 5 2019", "2019-05-05"},
	}
	for _, tc := range tests {
		if got := findDate(tc.in); got != tc.want {
			t.Errorf("findDate(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if got := normalizeDate("2019-11-19T08:57:40+01:00"); got != "2019-11-19T08:57:40+01:00" {
		t.Errorf("normalizeDate kept %q", got)
	}
}

func TestEmpty(t *testing.T) {
	for _, in := range []string{"", "   \n\t"} {
		if _, err := Parse(in, Auto); err == nil {
			t.Errorf("Parse(%q) gave no error", in)
		}
	}
}

func TestTidyName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"TOM KRISHER, AP Auto Writer", "Tom Krisher"},
		{"Jill Disis, CNN Business", "Jill Disis"},
		{"Rachael Link, MS, RD", "Rachael Link"},
		{"Tom Davies Associated Press", "Tom Davies"},
		{"MEG KINNARD and ERRIN HAINES, Associated Press", "Meg Kinnard and Errin Haines"},
		{"Tariq Malik , Mike Wall", "Tariq Malik , Mike Wall"},
		{"Reuters", "Reuters"},
		{"HNN Staff", "HNN Staff"},
	}
	for _, tc := range tests {
		if got := tidyName(tc.in); got != tc.want {
			t.Errorf("tidyName(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestStripSiteName(t *testing.T) {
	tests := []struct{ title, site, want string }{
		{"Simple Hiking Kit - The Anti-June Cleaver", "The Anti-June Cleaver", "Simple Hiking Kit"},
		{"Só quem se Ama... — Mensagens de Reflexão", "Mensagens de Reflexão", "Só quem se Ama..."},
		{"Take C.A.R.E. - comwrap auf der DMEXCO 2018", "comwrap", "Take C.A.R.E. - comwrap auf der DMEXCO 2018"},
		{"Headline", "", "Headline"},
	}
	for _, tc := range tests {
		if got := stripSiteName(tc.title, tc.site); got != tc.want {
			t.Errorf("stripSiteName(%q, %q) = %q, want %q", tc.title, tc.site, got, tc.want)
		}
	}
}

// The page's visible author line wins over meta tags that say otherwise;
// an organisation or a login handle is no byline. (The title is the
// declared one since the sixteenth round: TestWhichTitle.)
func TestVisibleMetadata(t *testing.T) {
	para := "<p>Officials said on Tuesday that the two guards had been charged with falsifying records, according to the indictment unsealed in court.</p>"
	tests := []struct {
		name, head, top, title, byline string
	}{
		{"og:title over a rewritten h1", `<meta property="og:title" content="Prison guards charged">`,
			`<h1>Two federal prison officers charged with falsifying records</h1>`, "Prison guards charged", ""},
		{"author element", ``, `<h1>Bridge opens on time</h1><div class="author-name">Anna Menin</div>`, "Bridge opens on time", "Anna Menin"},
		{"rel=author", ``, `<h1>Bridge opens on time</h1><a rel="author" href="/a">Dan Evon</a>`, "Bridge opens on time", "Dan Evon"},
		{"organisation author", `<script type="application/ld+json">{"@type":"NewsArticle","author":{"@type":"Organization","name":"Al Jazeera"}}</script>`,
			`<h1>Bridge opens on time</h1>`, "Bridge opens on time", ""},
		{"login handle", `<script type="application/ld+json">{"@type":"NewsArticle","author":{"@type":"Person","name":"kevin-r"}}</script><meta name="author" content="By David Jeans">`,
			`<h1>Bridge opens on time</h1>`, "Bridge opens on time", "David Jeans"},
		{"comment author skipped", ``, `<h1>Bridge opens on time</h1>`, "Bridge opens on time", ""},
	}
	for _, tc := range tests {
		page := "<html><head>" + tc.head + "</head><body><article>" + tc.top + para + para + para +
			`</article><div class="comments"><span class="author">Reader Name</span><p>Nice.</p></div></body></html>`
		wantMeta(t, tc.name, page, tc.title, tc.byline)
	}
}

// wantMeta parses page as HTML and checks the title and byline it gives.
func wantMeta(t *testing.T, name, page, title, byline string) {
	t.Helper()
	d, err := Parse(page, HTML)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if d.Title != title || d.Byline != byline {
		t.Errorf("%s: title %q byline %q, want %q, %q", name, d.Title, d.Byline, title, byline)
	}
}

// The embedded block model reads back to the same bytes it was written
// as, and a model that does not fit the features is refused.
func TestBlockModelFile(t *testing.T) {
	m := DefaultBlockModel()
	if got := m.String(); got != blocksModel {
		t.Errorf("the embedded model does not round-trip:\n%s\nwant\n%s", got, blocksModel)
	}
	bad := []string{
		"threshold 0.5\nbias 0\n",                         // weights missing
		blocksModel + "no_such_feature 1\n",               // unknown feature
		strings.Replace(blocksModel, "bias", "bias 1", 1), // two values
		strings.Replace(blocksModel, "threshold", "hidden 2\nthreshold", 1),
		"threshold 0.5\nbias 0\ntree chars<=0.5 =1\n",             // a node without its right subtree
		"threshold 0.5\nbias 0\ntree chars<=0.5 =1 =2 =3\n",       // a leaf too many
		"threshold 0.5\nbias 0\ntree no_such<=0.5 =1 =2\n",        // unknown feature
		"threshold 0.5\nbias 0\ntree chars<=0.5 =1 =2\nwords 1\n", // trees and weights mixed
	}
	for i, s := range bad {
		if _, err := ParseModel(s, FeatureNames()); err == nil {
			t.Errorf("bad model %d was accepted", i)
		}
	}
}

// A boosted model's trees read back from their text form and send a block
// left when its feature is at most the threshold.
func TestTreeModel(t *testing.T) {
	names := FeatureNames()
	src := "threshold 0.5\nbias -1\ntree chars<=0.5 =0.25 link<=0.3 =2 =-2\ntree words<=0.1 =-1 =0.5\n"
	m, err := ParseModel(src, names)
	if err != nil {
		t.Fatal(err)
	}
	at := map[string]int{}
	for i, n := range names {
		at[n] = i
	}
	tests := []struct {
		name              string
		chars, link, word float64
		want              float64 // the sum of the trees and the bias
	}{
		{"short: left leaf", 0.5, 0.9, 0.5, -1 + 0.25 + 0.5},
		{"long, few links", 0.6, 0.3, 0.5, -1 + 2 + 0.5},
		{"long, many links", 0.6, 0.31, 0.05, -1 - 2 - 1},
	}
	for _, tc := range tests {
		x := make([]float64, len(names))
		x[at["chars"]], x[at["link"]], x[at["words"]] = tc.chars, tc.link, tc.word
		want := 1 / (1 + math.Exp(-tc.want))
		if got := m.Prob(x); math.Abs(got-want) > 1e-12 {
			t.Errorf("%s: Prob %v, want %v", tc.name, got, want)
		}
	}
	m.Names = names
	back, err := ParseModel(m.String(), names)
	if err != nil || back.String() != m.String() {
		t.Errorf("tree model does not round-trip: %v\n%s", err, m.String())
	}
}

// The fifteenth round's metadata rules (docs/extraction.md, "Metadata on
// Readability's test pages"), each on a small hand-written page, with a
// case that must keep the old answer beside it.
func TestMetadataRules15(t *testing.T) {
	para := "<p>The council voted on Tuesday to reopen the bridge to traffic, after engineers said the repairs to its deck had been finished ahead of schedule.</p>"
	tests := []struct {
		name, head, top, title, byline string
	}{
		{"home-link h1 is the site's logo", `<title>Bridge opens on time | River Times</title>`,
			`<header><h1><a href="/">River <b>Times</b></a></h1></header>`, "Bridge opens on time", ""},
		{"home-link h1, absolute root", `<title>Bridge opens on time | River Times</title>`,
			`<h1><a href="https://rivertimes.example/">River Times</a></h1>`, "Bridge opens on time", ""},
		{"a headline linking to its own page stays", ``,
			`<h1><a href="/2019/05/bridge-opens">Bridge opens on time</a></h1>`, "Bridge opens on time", ""},
		{"a month name inside a name", ``,
			`<h1>Bridge opens on time</h1><div class="byline">By Laura June Topolsky</div>`, "Bridge opens on time", "Laura June Topolsky"},
		{"a month with a date still cuts", ``,
			`<h1>Bridge opens on time</h1><div class="byline">By Laura Topolsky June 5, 2019</div>`, "Bridge opens on time", "Laura Topolsky"},
		{"microdata author name", ``,
			`<h1>Bridge opens on time</h1><div itemprop="author" itemscope><span>by </span><a href="/p/jd"><span itemprop="name">Jane Doe</span></a> <time>May 5, 2019 10:00 PM</time></div>`,
			"Bridge opens on time", "Jane Doe"},
		{"a lone by-word blocks nothing", ``,
			`<h1>Bridge opens on time</h1><span itemprop="author">by</span> <a rel="author" href="/p/jd">Jane Doe</a>`, "Bridge opens on time", "Jane Doe"},
		{"meta author with an address", `<meta name="author" content="Jane Doe (https://example.org/jane/)">`,
			`<h1>Bridge opens on time</h1>`, "Bridge opens on time", "Jane Doe"},
		{"a bare address is no byline", `<meta name="author" content="https://example.org/jane/">`,
			`<h1>Bridge opens on time</h1>`, "Bridge opens on time", ""},
		{"a date label in an author box", ``,
			`<h1>Bridge opens on time</h1><div class="author-details"><em>Last Updated:</em> January 7, 2025</div>`, "Bridge opens on time", ""},
	}
	for _, tc := range tests {
		page := "<html><head>" + tc.head + "</head><body>" + tc.top + "<article>" + para + para + para + "</article></body></html>"
		wantMeta(t, tc.name, page, tc.title, tc.byline)
	}
}

func TestHomeHref(t *testing.T) {
	for _, tc := range []struct {
		href string
		want bool
	}{
		{"/", true}, {"./", true}, {"https://example.org", true}, {"https://example.org/", true}, {"//example.org/", true},
		{"/news/", false}, {"https://example.org/news", false}, {"https://example.org/?p=1", false}, {"#top", false}, {"", false},
	} {
		if got := homeHref(tc.href); got != tc.want {
			t.Errorf("homeHref(%q) = %v, want %v", tc.href, got, tc.want)
		}
	}
}

func TestBylineNameMonths(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"By Laura June Topolsky", "Laura June Topolsky"},
		{"April Ryan", "April Ryan"},
		{"By Jane Doe November 18, 2019", "Jane Doe"},
		{"Jane Doe 18 November 2019", "Jane Doe"},
		{"Jane Doe Nov. 5", "Jane Doe"},
	} {
		if got := bylineName(tc.in); got != tc.want {
			t.Errorf("bylineName(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// The sixteenth round's byline rules (docs/extraction.md, "Bylines, second
// pass"), each on a small hand-written page, with cases that must keep the
// old answer beside them: wrapped JSON-LD gives its author but not its
// date, and a list of property terms gives a creator and a date but no site
// name. The declared title (JSON-LD's, a property list's) wins over the
// <h1> since ti16 ("Which title"), wrapped or not.
func TestBylineRules16(t *testing.T) {
	para := "<p>The council voted on Tuesday to reopen the bridge to traffic, after engineers said the repairs to its deck had been finished ahead of schedule.</p>"
	ld := `{"@context":"http://schema.org","@type":"NewsArticle","headline":"Council story","datePublished":"2003-02-28T21:51:08Z","author":{"@type":"Person","name":"Jane Doe"}}`
	tests := []struct {
		name, head, title, byline, published string
	}{
		{"plain JSON-LD: author, date and headline", `<script type="application/ld+json">` + ld + `</script>`,
			"Council story", "Jane Doe", "2003-02-28T21:51:08Z"},
		{"JSON-LD in CDATA: no date", `<script type="application/ld+json"><![CDATA[` + ld + `]]></script>`,
			"Council story", "Jane Doe", ""},
		{"JSON-LD in a commented CDATA: no date", "<script type=\"application/ld+json\">//<![CDATA[\n" + ld + "\n//]]></script>",
			"Council story", "Jane Doe", ""},
		{"JSON-LD in an HTML comment: no date", `<script type="application/ld+json"><!-- ` + ld + ` --></script>`,
			"Council story", "Jane Doe", ""},
		{"wrapped JSON-LD naming an organisation gives no byline", `<script type="application/ld+json"><![CDATA[{"@type":"NewsArticle","author":{"@type":"Organization","name":"River Times"}}]]></script>`,
			"Bridge opens on time", "", ""},
		{"a list of property terms names a creator", `<meta property="dc:creator twitter:site_name" content="Jane Doe"><meta name="author" content="Site Desk">`,
			"Bridge opens on time", "Jane Doe", ""},
		{"dc:creator alone", `<meta property="dc:creator" content="Jane Doe">`,
			"Bridge opens on time", "Jane Doe", ""},
		{"a list of property terms dates the page", `<meta property="article:published_time og:updated_time" content="2019-05-05T10:00:00Z">`,
			"Bridge opens on time", "", "2019-05-05T10:00:00Z"},
		{"a list of property terms gives a title", `<title>Bridge opens on time</title><meta property="og:title twitter:title" content="Other headline">`,
			"Other headline", "", ""},
		{"a list of property terms gives no site name", `<meta property="og:title" content="Bridge opens on time - River Times"><meta property="og:site_name x:site" content="River Times">`,
			"Bridge opens on time - River Times", "", ""},
		{"a single og:site_name still cuts", `<meta property="og:title" content="Bridge opens on time - River Times"><meta property="og:site_name" content="River Times">`,
			"Bridge opens on time", "", ""},
	}
	for _, tc := range tests {
		h1 := "<h1>Bridge opens on time</h1>"
		if strings.Contains(tc.head, "title") {
			h1 = "" // the title comes from the head
		}
		page := "<html><head>" + tc.head + "</head><body>" + h1 + "<article>" + para + para + para + "</article></body></html>"
		d, err := Parse(page, HTML)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if d.Title != tc.title || d.Byline != tc.byline || d.Published != tc.published {
			t.Errorf("%s: title %q byline %q published %q, want %q, %q, %q", tc.name, d.Title, d.Byline, d.Published, tc.title, tc.byline, tc.published)
		}
	}
}

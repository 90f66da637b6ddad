package article

import (
	"strings"
	"testing"

	"github.com/lede-news/lede/internal/doc"
)

// Which title (sixteenth round, docs/extraction.md "Which title"): the
// declared title first, in Readability's order of sources, each skipped
// when it lies; the visible <h1> when every declaration lies or is missing.
// Each case is a small hand-written page; h1 is the <h1> above the body,
// which must keep the Title role whatever text the title carries.
func TestWhichTitle(t *testing.T) {
	para := "<p>The council voted on Tuesday to reopen the bridge to traffic, after engineers said the repairs to its deck had been finished ahead of schedule.</p>"
	const h1 = "Engineers finish the bridge repairs ahead of schedule"
	tests := []struct {
		name, head, top, want string
	}{
		// precedence
		{"og:title over a rewritten h1", `<meta property="og:title" content="Bridge reopens early">`,
			`<h1>` + h1 + `</h1>`, "Bridge reopens early"},
		{"JSON-LD over og:title", `<meta property="og:title" content="Bridge reopens early">` +
			`<script type="application/ld+json">{"@type":"NewsArticle","headline":"Council reopens the bridge"}</script>`,
			`<h1>` + h1 + `</h1>`, "Council reopens the bridge"},
		{"JSON-LD inside CDATA markers", `<script type="application/ld+json">//<![CDATA[
{"@type":"NewsArticle","headline":"Council reopens the bridge"}
//]]></script>`, `<h1>` + h1 + `</h1>`, "Council reopens the bridge"},
		{"JSON-LD name over a headline that is a description", `<title>Bridge repairs - River Times</title>` +
			`<script type="application/ld+json">{"@type":"Article","name":"Bridge repairs","headline":"works on the town's oldest crossing"}</script>`,
			`<h1>` + h1 + `</h1>`, "Bridge repairs"},
		{"JSON-LD headline when only it matches the <title>", `<title>Council reopens the bridge early - River Times</title>` +
			`<script type="application/ld+json">{"@type":"Article","name":"River Times","headline":"Council reopens the bridge early"}</script>`,
			`<h1>` + h1 + `</h1>`, "Council reopens the bridge early"},
		{"dc:title over og:title", `<meta property="og:title" content="Bridge reopens early"><meta property="dc:title" content="Council reopens the bridge">`,
			`<h1>` + h1 + `</h1>`, "Council reopens the bridge"},
		{"a meta tag naming several properties", `<meta property="og:title" content="Bridge reopens early"><meta property="x:title dc:title" content="Council reopens the bridge">`,
			`<h1>` + h1 + `</h1>`, "Council reopens the bridge"},
		{"markup's spacing folded", "<meta property=\"og:title\" content=\"Column:  Bridge\n reopens early\">",
			`<h1>` + h1 + `</h1>`, "Column: Bridge reopens early"},
		{"<title> over the h1, site cut", `<title>Bridge reopens early | River Times</title>`,
			`<h1>` + h1 + `</h1>`, "Bridge reopens early"},
		{"the h1 when nothing is declared", ``, `<h1>` + h1 + `</h1>`, h1},
		{"an h1 like any declared title is the headline's block", `<meta property="og:title" content="Bridge reopens">` +
			`<script type="application/ld+json">{"@type":"NewsArticle","headline":"Council reopens the old bridge early"}</script>`,
			`<h1>Bridge reopens</h1>`, "Council reopens the old bridge early"},
		// lie tests
		{"empty once folded", `<meta property="og:title" content="—"><title>Bridge reopens early</title>`,
			`<h1>` + h1 + `</h1>`, "Bridge reopens early"},
		{"the site's name (og:site_name)", `<meta property="og:site_name" content="River Times"><meta property="og:title" content="River Times">`,
			`<h1>` + h1 + `</h1>`, h1},
		{"the site's name (the logo's home link)", `<title>River Times</title>`,
			`<header><a href="/">River Times</a></header><h1>` + h1 + `</h1>`, h1},
		{"a generic label", `<meta property="og:title" content="Home"><title>Untitled Document</title>`,
			`<h1>` + h1 + `</h1>`, h1},
		{"shares no word with the page", `<meta property="og:title" content="Weekly recipes from our kitchen">`,
			`<h1>` + h1 + `</h1>`, h1},
		// (a one-word <h1> that matches no declared title is not taken for
		// the headline's block either, as before)
		{"not judged against a one-word h1", `<meta property="og:title" content="Weekly recipes from our kitchen">`,
			`<h2>Bridges</h2>`, "Weekly recipes from our kitchen"},
		{"not judged: a title written without spaces", `<meta property="og:title" content="橋の修理が予定より早く終わった">`,
			`<h1>` + h1 + `</h1>`, "橋の修理が予定より早く終わった"},
		// labels and entities
		{"a trailing label the h1 does not show", `<meta property="og:title" content="Engineers finish the repairs - River Times">`,
			`<h1>` + h1 + `</h1>`, "Engineers finish the repairs"},
		{"a leading one-word section", `<meta property="og:title" content="Opinion | Engineers finish the repairs">`,
			`<h1>` + h1 + `</h1>`, "Engineers finish the repairs"},
		{"a leading name of two words stays", `<meta property="og:title" content="River Times - Engineers finish the repairs">`,
			`<h1>` + h1 + `</h1>`, "River Times - Engineers finish the repairs"},
		{"a segment the h1 shows stays", `<meta property="og:title" content="Bridge review – engineers finish ahead of schedule">`,
			`<h1>Bridge review – engineers finish ahead of schedule</h1>`, "Bridge review – engineers finish ahead of schedule"},
		{"the h1 and a label, however short", `<title>About bugs – River Times</title>`,
			`<h1>About bugs</h1>`, "About bugs"},
		{"entities left in meta text", `<meta property="og:title" content="&amp;#8216;On time&amp;#8217;: bridge reopens">`,
			`<h1>` + h1 + `</h1>`, "‘On time’: bridge reopens"},
	}
	for _, tc := range tests {
		page := "<html><head>" + tc.head + "</head><body>" + tc.top + "<article>" + para + para + para + "</article></body></html>"
		d, err := Parse(page, HTML)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if d.Title != tc.want {
			t.Errorf("%s: title %q, want %q", tc.name, d.Title, tc.want)
		}
		// the <h1> above the body is the headline's block, not body
		if i := strings.Index(tc.top, "<h1>"); i >= 0 {
			shown := tc.top[i+4 : strings.Index(tc.top, "</h1>")]
			if got := roleTexts(d, doc.Title); len(got) != 1 || got[0] != shown {
				t.Errorf("%s: Title blocks %q, want the <h1> %q", tc.name, got, shown)
			}
			if strings.Contains(Body(d), shown) {
				t.Errorf("%s: the <h1> %q is in the body", tc.name, shown)
			}
		}
	}
}

// Pasted text has no meta tags: its title is still its first line.
func TestWhichTitlePasted(t *testing.T) {
	text := "Engineers finish the bridge repairs\n\nThe council voted on Tuesday to reopen the bridge to traffic, after engineers said the repairs to its deck had been finished ahead of schedule. The work cost less than planned."
	d, err := Parse(text, Text)
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != "Engineers finish the bridge repairs" {
		t.Errorf("pasted title %q", d.Title)
	}
}

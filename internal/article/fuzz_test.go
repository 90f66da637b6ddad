package article_test

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/lede-news/lede/internal/article"
	"github.com/lede-news/lede/internal/doccheck"
)

// FuzzParse feeds any text or HTML to article.Parse and checks what every
// later pass relies on: blocks in order, inside the text and on character
// boundaries; pasted text kept as it is (so the body is a part of it);
// valid UTF-8 out for valid UTF-8 in; the same input giving the same
// document. `./build.sh fuzz` explores; `go test` runs the seeds and
// testdata/fuzz.
func FuzzParse(f *testing.F) {
	seeds := []string{
		"Headline\n\nBy Jane Doe\n\nThe council met on Monday. It voted 5-4.\n\nRelated: Other story",
		"<html><head><title>T | Site</title><meta name=author content=\"Ann\"></head><body><nav><a href=/>Home</a></nav><article><h1>Big news</h1><p>First paragraph of the story, long enough to count.</p><p>Second.</p></article><footer>© 2025</footer></body></html>",
		"<p>" + strings.Repeat("<div>", 600) + "deep" + strings.Repeat("</div>", 600),
		"<svg onload=alert(1)><script>alert(2)</script><style>p{}</style><p>text</p>",
		"<html><body><table><tr><td>a<td>b</table><pre>x\ny</pre><br><br>z</body></html>",
		"\ufeffBOM, zero\u200bwidth and bidi \u202eoverride\u202c text.\n\nSecond \u2028line\u2029.",
		"<!DOCTYPE html><html><body><p>caf\u00e9 \U0001F642</p><p>&amp;&lt;&#x1F600;&#0;&#xD800;</p></body></html>",
		"<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"H\",\"author\":{\"name\":\"A\"},\"datePublished\":\"2025-10-29\"}</script><p>Body text here.</p>",
		"line\r\nwith\r\nCRLF\r\n\r\nparagraphs\r",
	}
	for _, s := range seeds {
		for k := range 3 {
			f.Add(s, uint8(k))
		}
	}
	f.Fuzz(func(t *testing.T, input string, k uint8) {
		kind := article.Kind(k % 3)
		// The engine hands Parse valid UTF-8 (it repairs the rest), so
		// this target does too.
		input = strings.ToValidUTF8(input, "\uFFFD")
		d, err := article.Parse(input, kind)
		if err != nil {
			if strings.TrimSpace(input) != "" && kind != article.HTML && article.Detect(input) != article.HTML {
				t.Fatalf("plain text refused: %v", err)
			}
			return
		}
		if err := doccheck.Check(d); err != nil {
			t.Fatal(err)
		}
		if !utf8.ValidString(d.Text) || !utf8.ValidString(d.Title) || !utf8.ValidString(d.Byline) {
			t.Fatalf("invalid UTF-8 out of valid UTF-8 in")
		}
		if kind == article.Text && d.Text != input {
			t.Fatalf("plain text changed: %q -> %q", input, d.Text)
		}
		// The body is made of pieces of the text: its paragraphs, joined
		// by blank lines (which need not be in the text: "0\n00").
		for _, p := range strings.Split(article.Body(d), "\n\n") {
			if !strings.Contains(d.Text, p) {
				t.Fatalf("body paragraph %q is not in the text", p)
			}
		}
		again, err := article.Parse(input, kind)
		if err != nil || !reflect.DeepEqual(d, again) {
			t.Fatalf("the same input gave a different document (err %v)", err)
		}
	})
}

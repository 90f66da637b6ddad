package main

import "testing"

func TestGoldText(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"paragraphs one a line", `<div id="readability-page-1" class="page"><p>One two.</p><p>Three  four.</p></div>`,
			"One two.\nThree four."},
		{"inline markup runs into its block", `<p>A <a href="#">link</a>, <em>em</em>pha<b>sis</b> and <span>a span</span>.</p>`,
			"A link, emphasis and a span."},
		{"white space collapsed and trimmed", "<p>\n   spaced \t\n out  </p>", "spaced out"},
		{"headings, lists and quotes are blocks", `<h2>Head</h2><ul><li>one</li><li>two</li></ul><blockquote>quote</blockquote>`,
			"Head\none\ntwo\nquote"},
		{"a block inside running text splits it", `<div>before<p>inside</p>after</div>`, "before\ninside\nafter"},
		{"br breaks a line", `<p>line one<br>line two</p>`, "line one\nline two"},
		{"pre keeps its lines (each trimmed) and inner spaces", "<pre>a  b\n  c</pre>", "a  b\nc"},
		{"table cells and captions", `<table><caption>Cap</caption><tr><th>h1</th><th>h2</th></tr><tr><td>x</td><td>y</td></tr></table>`,
			"Cap\nh1\nh2\nx\ny"},
		{"figure caption kept, image alt text not", `<figure><img alt="alt words" src="a.jpg"><figcaption>The caption</figcaption></figure>`,
			"The caption"},
		{"what a reader does not see as text", `<p>seen</p><script>var x = 1</script><style>p{}</style><svg><text>drawn</text></svg><iframe>framed</iframe><noscript>ns</noscript>`,
			"seen"},
		{"entities decoded", `<p>Tom &amp; Jerry&#39;s &#34;show&#34;</p>`, `Tom & Jerry's "show"`},
		{"empty article", `<div id="readability-page-1" class="page"></div>`, ""},
	} {
		if got := goldText(c.in); got != c.want {
			t.Errorf("%s: goldText = %q, want %q", c.name, got, c.want)
		}
	}
}

func TestCacheName(t *testing.T) {
	// bench/extraction/pasted.test.mjs checks pasted.mjs's cacheName against
	// the same values: the two must name a page's file alike.
	for _, c := range []struct{ name, source, want string }{
		{"bbc-1", "abc", "bbc-1-ba7816bf8f01cfea.txt"},
		{"x", "", "x-e3b0c44298fc1c14.txt"},
	} {
		if got := cacheName(c.name, c.source); got != c.want {
			t.Errorf("cacheName(%q, %q) = %q, want %q", c.name, c.source, got, c.want)
		}
	}
}

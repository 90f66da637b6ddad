package segment

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/lede-news/lede/internal/charref"
	"github.com/lede-news/lede/internal/doc"
)

// TestTokenizeCharRefs: in pasted text, a well-formed character reference
// reads as its character, with the token's span on the reference; a
// malformed one is text.
func TestTokenizeCharRefs(t *testing.T) {
	tests := []struct{ in, want string }{
		// token as pasted / kind / as read (when it differs)
		{"&quot;Super&quot; heroes", "&quot;/p/\"|Super/w|&quot;/p/\"|heroes/w"},
		{"Undersea volcanoes don&#39;t just ooze", "Undersea/w|volcanoes/w|don&#39;t/w/don't|just/w|ooze/w"},
		{"Haley Barbour&#39;s Wife", "Haley/w|Barbour/w|&#39;s/w/'s|Wife/w"},
		{"&#039;Dark Shadows&#039; update", "&#039;/p/'|Dark/w|Shadows/w|&#039;/p/'|update/w"},
		{"&lsquo;stability&rsquo;", "&lsquo;/p/‘|stability/w|&rsquo;/p/’"},
		{"DVD &amp; Blu-ray", "DVD/w|&amp;/s/&|Blu-ray/w"},
		{"AT&amp;T and AT&T", "AT&amp;T/w/AT&T|and/w|AT&T/w"},
		{"after &#xa3;1bn fraud", "after/w|&#xa3;/s/£|1bn/w|fraud/w"},
		{"a&nbsp;b&#160;c", "a/w|b/w|c/w"},
		{"caf&eacute; &Eacute;mile", "caf&eacute;/w/café|&Eacute;mile/w/Émile"},
		// a number's kind is its decoded text's
		{"sold 28&#44;500 cars, 3&#46;5 more", "sold/w|28&#44;500/n/28,500|cars/w|,/p|3&#46;5/n/3.5|more/w"},
		{"war&mdash;peace &hellip; end&period;", "war/w|&mdash;/p/—|peace/w|&hellip;/p/…|end/w|&period;/p/."},
		{"well-formed &#8220;quote&#8221;", "well-formed/w|&#8220;/p/“|quote/w|&#8221;/p/”"},
		{"see http://x.org/a?b=1&amp;c=2&quot; then", "see/w|http://x.org/a?b=1&amp;c=2/w|&quot;/p/\"|then/w"},
		// malformed: text as it stands
		{"&quot without", "&/s|quot/w|without/w"},
		{"&#xZZ; &#99999999;", "&/s|#/s|xZZ/w|;/p|&/s|#/s|99999999/n|;/p"},
		{"TGIF for D&G; The", "TGIF/w|for/w|D&G/w|;/p|The/w"},
		{"R&D; &copy 2024", "R&D/w|;/p|&/s|copy/w|2024/n"},
	}
	kinds := map[doc.Kind]string{doc.Word: "w", doc.Number: "n", doc.Punct: "p", doc.Symbol: "s"}
	for _, tc := range tests {
		var dec []string
		toks := tokenize(tc.in, 0, len(tc.in), nil, &dec)
		d := &doc.Document{Text: tc.in, Tokens: toks, Decoded: dec}
		var parts []string
		for i, tk := range toks {
			p := tk.Of(tc.in) + "/" + kinds[tk.Kind]
			if tk.Ref != 0 {
				p += "/" + d.TokenText(i)
			}
			parts = append(parts, p)
		}
		if got := strings.Join(parts, "|"); got != tc.want {
			t.Errorf("tokenize(%q)\n got %s\nwant %s", tc.in, got, tc.want)
		}
	}
}

// TestSegmentCharRefs: the splitter reads a reference as its mark (the
// closing &quot; stays with its sentence), and text from HTML is not read
// again: its parser already decoded it.
func TestSegmentCharRefs(t *testing.T) {
	text := "He said &quot;We agree.&quot; Then he left&#46; She stayed."
	d := doc.NewText(text)
	Segment(d)
	var got []string
	for _, s := range d.Sentences {
		got = append(got, s.Of(text))
	}
	want := []string{"He said &quot;We agree.&quot;", "Then he left&#46;", "She stayed."}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("sentences %q, want %q", got, want)
	}
	h := doc.NewText(text)
	h.FromHTML = true
	Segment(h)
	for i, tk := range h.Tokens {
		if tk.Ref != 0 || h.TokenText(i) != tk.Of(text) {
			t.Errorf("text from HTML: token %q read as %q", tk.Of(text), h.TokenText(i))
		}
	}
	if len(h.Decoded) != 0 {
		t.Errorf("text from HTML: %d decoded tokens", len(h.Decoded))
	}
}

// FuzzTokenizeCharRefs: with references read, every token lies in order
// inside the text, on character boundaries; a token with a Ref reads as its
// span decoded and holds a reference; and text without a well-formed
// reference tokenises exactly as when references are not read.
func FuzzTokenizeCharRefs(f *testing.F) {
	for _, s := range []string{
		"&quot;Super&quot; don&#39;t Barbour&#39;s &#xa3;1bn a&nbsp;b AT&amp;T caf&eacute;",
		"&quot &#xZZ; &#99999999; D&G; R&D; &copy &;&#;&#x;", "x&#39;&#39;s &#39;s&amp;amp; &period;&period;",
		"http://x.org/?a=1&amp;b=2&quot; mail a&amp;b@c.org", "&nGt;&Fr;&NotEqualTilde;&#1114111;&#146;",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		s = strings.ToValidUTF8(s, "\uFFFD")
		var dec []string
		toks := tokenize(s, 0, len(s), nil, &dec)
		d := &doc.Document{Text: s, Tokens: toks, Decoded: dec}
		end := 0
		for i, tk := range toks {
			if tk.Start < end || tk.End <= tk.Start || tk.End > len(s) {
				t.Fatalf("%q: token %d [%d,%d) after %d", s, i, tk.Start, tk.End, end)
			}
			if !utf8.RuneStart(s[tk.Start]) || tk.End < len(s) && !utf8.RuneStart(s[tk.End]) {
				t.Fatalf("%q: token %d [%d,%d) cuts a character", s, i, tk.Start, tk.End)
			}
			end = tk.End
			if tk.Ref != 0 {
				raw := tk.Of(s)
				if int(tk.Ref) > len(dec) || d.TokenText(i) != charref.Decode(raw) || d.TokenText(i) == raw {
					t.Fatalf("%q: token %q (Ref %d) reads as %q", s, raw, tk.Ref, d.TokenText(i))
				}
			}
		}
		if charref.Decode(s) == s {
			plain := tokenize(s, 0, len(s), nil, nil)
			if len(plain) != len(toks) {
				t.Fatalf("%q: %d tokens reading references, %d not", s, len(toks), len(plain))
			}
			for i := range plain {
				if plain[i] != toks[i] {
					t.Fatalf("%q: token %d %+v, without references %+v", s, i, toks[i], plain[i])
				}
			}
		}
	})
}

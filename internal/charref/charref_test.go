package charref

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestAt(t *testing.T) {
	tests := []struct {
		in     string
		r1, r2 rune
		n      int
	}{
		{"&quot;Super", '"', 0, 6},
		{"&#39;t", '\'', 0, 5},
		{"&#039;", '\'', 0, 6},
		{"&#x27;", '\'', 0, 6},
		{"&#xa3;1bn", '£', 0, 6},
		{"&#XA3;", '£', 0, 6},
		{"&amp; Blu-ray", '&', 0, 5},
		{"&AMP;", '&', 0, 5},
		{"&nbsp;", '\u00a0', 0, 6},
		{"&rsquo;", '’', 0, 7},
		{"&CounterClockwiseContourIntegral;", '∳', 0, 33},
		{"&NotEqualTilde;", '≂', '\u0338', 15},
		{"&#146;", '’', 0, 6}, // Windows-1252, as the HTML parser reads it
		{"&#151;", '—', 0, 6}, // Windows-1252
		{"&#1114111;", 0x10FFFF, 0, 10},
		{"&#9;", '\t', 0, 4},
		// not references: text as it stands
		{"&quot", 0, 0, 0},        // no semicolon
		{"&quot Super", 0, 0, 0},  // no semicolon
		{"&copy 2024", 0, 0, 0},   // the parser's legacy form, text here
		{"&G; The", 0, 0, 0},      // "D&G;": no such name
		{"&T", 0, 0, 0},           // AT&T
		{"&Quot;", 0, 0, 0},       // names are case-sensitive
		{"&#xZZ;", 0, 0, 0},       // no hex digits
		{"&#x;", 0, 0, 0},         // no digits
		{"&#;", 0, 0, 0},          // no digits
		{"&;", 0, 0, 0},           // no name
		{"&#99999999;", 0, 0, 0},  // past U+10FFFF
		{"&#1114112;", 0, 0, 0},   // past U+10FFFF
		{"&#xFFFFFFFF;", 0, 0, 0}, // past U+10FFFF (and past int32)
		{"&#000000039;", 0, 0, 0}, // more than 8 digits
		{"&#0;", 0, 0, 0},         // NUL
		{"&#xD800;", 0, 0, 0},     // a surrogate
		{"&#1;", 0, 0, 0},         // a control character
		{"&#127;", 0, 0, 0},       // DEL
		{"&#129;", 0, 0, 0},       // 0x81: undefined in Windows-1252
		{"&#39", 0, 0, 0},         // no semicolon
		{"&", 0, 0, 0},            //
		{"x&amp;", 0, 0, 0},       // not at the start
		{"&" + strings.Repeat("a", 40) + ";", 0, 0, 0},
	}
	for _, tc := range tests {
		r1, r2, n := At(tc.in)
		if r1 != tc.r1 || r2 != tc.r2 || n != tc.n {
			t.Errorf("At(%q) = %q, %q, %d; want %q, %q, %d", tc.in, r1, r2, n, tc.r1, tc.r2, tc.n)
		}
	}
}

func TestDecode(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"no reference", "no reference"},
		{"AT&T and D&G; R&D", "AT&T and D&G; R&D"},
		{"don&#39;t", "don't"},
		{"&quot;Super&quot; heroes", "\"Super\" heroes"},
		{"Rainn Wilson &amp; Ellen Page", "Rainn Wilson & Ellen Page"},
		{"&amp;amp;", "&amp;"}, // once: a page that wrote "&amp;" literally
		{"&#xa3;1bn &quot x &#99999999; &#xZZ;", "£1bn &quot x &#99999999; &#xZZ;"},
		{"caf&eacute;&NotEqualTilde;", "café≂\u0338"},
	}
	for _, tc := range tests {
		if got := Decode(tc.in); got != tc.want {
			t.Errorf("Decode(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestDecodeNoAlloc: text without a reference costs no allocation.
func TestDecodeNoAlloc(t *testing.T) {
	s := "Ben & Jerry, AT&T and no reference at all"
	if n := testing.AllocsPerRun(100, func() { _ = Decode(s) }); n != 0 {
		t.Errorf("Decode allocated %v times for text without a reference", n)
	}
}

// FuzzDecode: decoding gives valid UTF-8 for valid input, changes the text
// exactly when it holds a well-formed reference, and each reference At
// reads ends with its semicolon.
func FuzzDecode(f *testing.F) {
	for _, s := range []string{"don&#39;t", "&quot;x&quot;", "&#xa3;&#99999999;&quot", "&NotEqualTilde;&amp;amp;", "&nGt;&Fr;"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Decode(s)
		if utf8.ValidString(s) && !utf8.ValidString(got) {
			t.Fatalf("Decode(%q) = %q, not UTF-8", s, got)
		}
		hasRef := false
		for i := 0; i < len(s); i++ {
			if _, _, n := At(s[i:]); n > 0 {
				hasRef = true
				if n < 4 || s[i+n-1] != ';' {
					t.Fatalf("At(%q) read %d bytes", s[i:], n)
				}
			}
		}
		if hasRef == (got == s) {
			t.Fatalf("Decode(%q) = %q, with a reference: %v", s, got, hasRef)
		}
	})
}

// TestRead: pasted text is read decoded; the HTML parser's text as it is
// (a reference standing in it was written out literally).
func TestRead(t *testing.T) {
	const s = "Ben &amp; Jerry&#39;s"
	if got := Read(s, false); got != "Ben & Jerry's" {
		t.Errorf("Read(%q, pasted) = %q", s, got)
	}
	if got := Read(s, true); got != s {
		t.Errorf("Read(%q, from HTML) = %q", s, got)
	}
}

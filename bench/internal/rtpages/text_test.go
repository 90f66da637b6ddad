package rtpages

import "testing"

// TestText checks the plain text and the paragraph spans: a <p> outside
// tables is a paragraph, inline markup runs into it, a heading, a list item
// and a <p> inside a table cell are lines but not paragraphs.
func TestText(t *testing.T) {
	tests := []struct {
		html  string
		text  string
		paras []string
	}{
		{`<h2>History</h2><p>Mozilla is a <a href="#">free-software</a>
		community.</p><ul><li>Firefox</li></ul><p>Second one.</p>`,
			"History\nMozilla is a free-software community.\nFirefox\nSecond one.",
			[]string{"Mozilla is a free-software community.", "Second one."}},
		{`<table><tr><td><p>Founded 1998</p></td></tr></table><p>Lead <b>text</b>.</p>`,
			"Founded 1998\nLead text.",
			[]string{"Lead text."}},
		{`<p> </p><p>Only<br>lines</p>`,
			"Only\nlines",
			[]string{"Only", "lines"}},
	}
	for _, tt := range tests {
		text, spans := Text(tt.html)
		if text != tt.text {
			t.Errorf("%q: text %q, want %q", tt.html, text, tt.text)
			continue
		}
		var got []string
		for _, s := range spans {
			got = append(got, text[s.Start:s.End])
		}
		if len(got) != len(tt.paras) {
			t.Errorf("%q: paragraphs %q, want %q", tt.html, got, tt.paras)
			continue
		}
		for i := range got {
			if got[i] != tt.paras[i] {
				t.Errorf("%q: paragraphs %q, want %q", tt.html, got, tt.paras)
				break
			}
		}
	}
}

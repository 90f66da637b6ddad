package entity

import (
	"strings"
	"testing"
)

// TestTaggerFoldsAsResolver holds tagAll's handing of the tagger's folded
// words to the resolver (resolver.foldedAs) to the resolver's own folding:
// every token's form is normalizeIn's of the token as written, title-case
// headlines (whose words the tagger truecases first), acronyms, digits,
// typographic marks and other scripts' capitals included; and whether
// each token is capitalised (resolver.capw), handed over outside
// title-case headlines, to isCapitalised of the token as written.
func TestTaggerFoldsAsResolver(t *testing.T) {
	m, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		text   string
		handed bool // any token handed over: none where no word can be in a name (markForced), which tag does not tag
	}{
		{"Trump Allows Commercial Fishing in Protected New England Waters", true},
		{"Müller Meets İstanbul Officials as ǅemal Ödegaard Sees U.S. and NATO Gains in 2026", true},
		{"The UN’s “Blue Helmets” left Ürümqi on Monday — 1,200 of them.", true},
		{"ЕВРОПА Says Σωκράτης Backs WHO Plan", true},
		{"seoul and washington said nothing.", false},
	} {
		text := tt.text
		d := segmented(text)
		tg := m.tagger(d)
		tg.res.m, tg.res.d = m, d
		m.tagAll(tg, d, nil)
		n, known := 0, 0
		for i, done := range tg.res.done {
			if !done {
				continue
			}
			n++
			if want, _ := normalizeIn(d.TokenText(i), nil, nil); tg.res.fold[i] != want {
				t.Errorf("%q: token %q folded %q by the tagger, %q by the resolver", text, d.TokenText(i), tg.res.fold[i], want)
			}
			if c := tg.res.capw[i]; c != 0 {
				known++
				if want := isCapitalised(d.TokenText(i)); (c == capYes) != want {
					t.Errorf("%q: token %q capitalised %v by the tagger, %v as written", text, d.TokenText(i), c == capYes, want)
				}
			}
		}
		if n == 0 && tt.handed {
			t.Errorf("%q: no token handed over", text)
		}
		if known == 0 && tt.handed && !IsTitleCase(strings.Fields(text)) {
			t.Errorf("%q: no token's case handed over", text)
		}
		tg.res.reset()
		m.release(tg)
	}
}

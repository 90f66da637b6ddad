package entity

import (
	"strings"
	"testing"
)

// TestTruecase holds truecase to what the title-case rewrite of the
// cross-validation measured (docs/models/ner.md, "Title-case headlines, q10"):
// a hyphenated word of lower-case words is lowered, a quote that does not
// close keeps nothing capitalised, a word capitalised a fifth to four fifths
// of the time is lowered between two lower-case words and kept beside a
// capitalised one or at the headline's edge, and a closed quote keeps a
// title's case.
func TestTruecase(t *testing.T) {
	m, err := decodeEmbedded()
	if err != nil {
		t.Fatal(err)
	}
	// what the cases below rest on: the lexicon, which training does not
	// change (it comes from unlabelled text)
	for w, want := range map[string][2]uint8{"city": {3, ambiguousRate}, "station": {3, ambiguousRate}, "mayor": {3, ambiguousRate}, "cost": {1, 2}, "living": {1, 2}, "will": {1, 2}, "qzxblat": {0, 0}} {
		if r := m.capRate(w); r < want[0] || r > want[1] {
			t.Fatalf("capRate(%q) = %d, not in %v: pick other words", w, r, want)
		}
	}
	for _, c := range []struct{ in, want string }{
		{"Voters Fear Cost-Of-Living Squeeze", "voters fear cost-of-living squeeze"},
		{`Coach Says " We Will Win`, `coach says " we will win`},
		{"Rebels Seize City After Fighting", "rebels seize city after fighting"},
		{"Mexico City Mayor Resigns After Protest", "Mexico City Mayor resigns after protest"},
		// a third of the capitalised words lower case: names, not a headline
		{"Loren Roberts And Steve Stricker Win", "Loren Roberts And Steve Stricker Win"},
		{"Loren Roberts And Steve Stricker Win Again", "Loren Roberts and Steve Stricker win again"},
		{"Rebels Seize Qzxblat After Fighting", "rebels seize Qzxblat after fighting"}, // unknown: kept
		{"Police Storm Station", "police storm Station"},
		{"Critics Praise “ Little Women ” After Release", "critics praise “ Little Women ” after release"},
		{`Critics Praise " Little Women " After Release`, `critics praise " Little Women " after release`},
	} {
		got := strings.Join(m.NewTagger().truecase(strings.Fields(c.in)), " ")
		if got != c.want {
			t.Errorf("truecase(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestLowerCompound: every part must be a lower-case word.
func TestLowerCompound(t *testing.T) {
	m, err := decodeEmbedded()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		in   string
		want bool
	}{
		{"cost-of-living", true},
		{"single-engine", true},
		{"mexico-city", false},
		{"cost-", false},
		{"cost", false}, // not a compound: lowerWord's question
	} {
		if got := m.lowerCompound(c.in); got != c.want {
			t.Errorf("lowerCompound(%q) = %v, want %v", c.in, got, c.want)
		}
	}
}

// TestIsTitleCase: a headline that keeps articles, conjunctions and
// prepositions in lower case whatever their length (Chicago style) is title
// case; a sentence is not, whatever minor words it holds. The first form
// alone (IsCapitalisedHeadline, read by train-ner) lets no lower-case word
// of four letters or more in.
func TestIsTitleCase(t *testing.T) {
	for _, c := range []struct {
		in    string
		want  bool
		first bool // IsCapitalisedHeadline: no minor word of four letters or more in lower case
	}{
		{"Trump Allows Commercial Fishing in Protected New England Waters", true, true},
		{"Trump Meets Lee Ahead of Summit with Xi", true, false},
		{"Stocks Slide from Record Highs", true, false},
		{"Fed Holds Rates Steady into Year End", true, false},
		// many minor words, every other word capitalised
		{"Rebels Take the City of Kabul after a Week of Fighting", true, false},
		{"Man in the Middle of the Road", true, false},
		// sentences
		{"Trump met Lee ahead of a summit with Xi", false, false},
		{"The rebels took the city after a week of fighting", false, false},
		{"Stocks slide from record highs", false, false},
		// names and minor words, but a lower-case verb: a sentence
		{"Delegates of the Shanghai Cooperation Organisation met in Astana .", false, false},
		{"Delegates from the Shanghai Cooperation Organisation met in Astana .", false, false},
		// a capitalised minor word is a capitalised word
		{"The Fed Holds Rates Steady", true, true},
		// too few words once the minor ones are out
		{"Out of the Blue", false, false},
		{"Cuts to Rates", false, false},
	} {
		if got := IsTitleCase(strings.Fields(c.in)); got != c.want {
			t.Errorf("IsTitleCase(%q) = %v, want %v", c.in, got, c.want)
		}
		if got := IsCapitalisedHeadline(strings.Fields(c.in)); got != c.first {
			t.Errorf("IsCapitalisedHeadline(%q) = %v, want %v", c.in, got, c.first)
		}
	}
}

// TestTagMinorWordHeadline: a headline in Chicago style is tagged as a
// headline (truecased), so its capitalised common words are no name; as a
// sentence ("with" of four letters in lower case), they ran into one.
func TestTagMinorWordHeadline(t *testing.T) {
	m, err := decodeEmbedded()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"Hong Kong Shuts University after a Night of Violence", []string{"Hong Kong"}},
		{"Brad Pitt Alone with the Best Actor Trophy", []string{"Brad Pitt"}},
	} {
		words := strings.Fields(c.in)
		if !IsTitleCase(words) {
			t.Errorf("IsTitleCase(%q) = false", c.in)
		}
		got := tagNames(m, words)
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("Tag(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestCommonEnding: the suffixes of English common words after a stem of
// four letters or more; names with such an ending and a short stem, and
// names with the endings left out, are not taken.
func TestCommonEnding(t *testing.T) {
	for _, c := range []struct {
		in   string
		want bool
	}{
		{"prioritize", true},
		{"decarbonization", true},
		{"falsification", true},
		{"unmissable", true},
		{"instructive", true},
		{"weaponizing", true},
		{"clement", false},   // stem "cle"
		{"olive", false},     // stem "ol"
		{"belize", false},    // stem "bel"
		{"beijing", false},   // "-ing" left out
		{"florence", false},  // "-ence" left out
		{"louise", false},    // "-ise" alone left out
		{"marxist", false},   // "-ist" left out
		{"christian", false}, // "-ian" left out
		{"clinton", false},
	} {
		if got := commonEnding(c.in); got != c.want {
			t.Errorf("commonEnding(%q) = %v, want %v", c.in, got, c.want)
		}
	}
}

// TestTruecaseCommonEnding: a capitalised word of a title-case headline
// that the lexicon does not know is lowered when its ending marks a common
// word (docs/models/ner.md, "q10c"), and kept otherwise.
func TestTruecaseCommonEnding(t *testing.T) {
	m, err := decodeEmbedded()
	if err != nil {
		t.Fatal(err)
	}
	// what the cases rest on: the lexicon does not know these words
	for _, w := range []string{"prioritize", "falsification", "unmissable", "qzxblation", "qzxtion"} {
		if r := m.capRate(w); r != 0 {
			t.Fatalf("capRate(%q) = %d, not 0: pick other words", w, r)
		}
	}
	for _, c := range []struct{ in, want string }{
		{"Trump Moves to Prioritize Weapons Sales", "Trump moves to prioritize weapons sales"},
		{"Guards Charged With Conspiracy , Records Falsification", "guards charged with conspiracy , records falsification"},
		{"Rebels Seize Qzxblation After Fighting", "rebels seize qzxblation after fighting"},
		{"Rebels Seize Qzxtion After Fighting", "rebels seize Qzxtion after fighting"}, // stem too short: kept
	} {
		got := strings.Join(m.NewTagger().truecase(strings.Fields(c.in)), " ")
		if got != c.want {
			t.Errorf("truecase(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"MacBook Pro Features Adjustable Refresh Rate Below 60Hz", []string{"MacBook Pro"}},
		{"Pictures of Former Miss Universe Are Just Unmissable", []string{"Miss Universe"}},
	} {
		words := strings.Fields(c.in)
		got := tagNames(m, words)
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("Tag(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// tagNames returns the names a new tagger of m finds in words, as text.
func tagNames(m *Model, words []string) []string {
	var got []string
	for _, sp := range m.NewTagger().Tag(words) {
		got = append(got, strings.Join(words[sp.Start:sp.End], " "))
	}
	return got
}

package entity

import "testing"

// TestDoubtfulPeopleStay checks the vote on doubtful votes for a person:
// mentions typed with a margin of 1 (below junkMargin), a person's twice
// and another type's once, so the vote says person. A full name with no
// title or sure mention stays a person ("Taylor Swift", which D′ made an
// organisation), and so does a one-word name after a title ("Mr. Trump").
// Neither D′ nor D″ ships (sixteenth round, fourth pass,
// docs/models/ner.md: D″ failed its rule), so the vote's person stands in
// both; a later rule for doubtful people is held to these cases.
func TestDoubtfulPeopleStay(t *testing.T) {
	tests := []struct {
		name  string
		lines []string
		spans [][4]int // sentence, first, last token, type; margin 1
		want  string   // the first mention's entity: name/type
	}{
		{"full name, no cue", []string{
			"A row involving Taylor Swift has ended .",
			"Taylor Swift posted on Twitter .",
			"Fans of Taylor Swift waited .",
		}, [][4]int{{0, 3, 5, 0}, {1, 0, 2, 0}, {2, 2, 4, 2}}, "Taylor Swift/person"},
		{"title before a mention", []string{
			"Mr. Trump met reporters .",
			"Trump said the talks went well .",
			"Later Trump flew home .",
		}, [][4]int{{0, 1, 2, 0}, {1, 0, 1, 1}, {2, 1, 2, 0}}, "Trump/person"},
	}
	for _, tt := range tests {
		d := tokenDoc(tt.lines...)
		var ms []mention
		for _, s := range tt.spans {
			first := d.Sentences[s[0]].First
			ms = append(ms, mention{sent: s[0], first: first + s[1], last: first + s[2], typ: s[3], margin: 1})
		}
		m := &Model{lex: newLexicon(map[string]LexEntry{}), gaz: newGazetteer(nil)}
		r := resolver{m: m, d: d}
		ents := r.resolve(ms)
		got := ""
		for _, e := range ents {
			if e.Mentions[0].Start == d.Tokens[ms[0].first].Start {
				got = e.Name + "/" + e.Type.String()
			}
		}
		if got != tt.want {
			t.Errorf("%s: first mention's entity %q, want %q (entities %v)", tt.name, got, tt.want, names(ents))
		}
	}
}

// TestDoubtfulPeople checks that "Trump" alone stays a person after a
// title ("President Trump", "Mr. Trump", with and without its period) or
// the full name, through the embedded model: the case D and D′ (sixteenth
// round, docs/models/ner.md) had to guard, since the tagger's votes for
// "Trump" in these sentences are doubtful. Neither ships (ne16d: D″ failed
// its rule), so the vote's person stands; the test holds any later rule for
// doubtful people to it.
func TestDoubtfulPeople(t *testing.T) {
	if _, err := Embedded(); err != nil {
		t.Fatal(err)
	}
	const rest = " met reporters on Monday. Trump said the talks went well. Later Trump flew to Ohio, where Trump spoke at a rally."
	tests := []struct {
		text string
		want []string // name/type
	}{
		{"President Trump" + rest, []string{"Trump/person", "Ohio/place"}},
		{"Mr. Trump" + rest, []string{"Trump/person", "Ohio/place"}},
		{"Mr Trump" + rest, []string{"Trump/person", "Ohio/place"}},
		{"Donald Trump" + rest, []string{"Donald Trump/person", "Ohio/place"}},
	}
	for _, tt := range tests {
		wantEntities(t, tt.text, tt.want, nil)
	}
}

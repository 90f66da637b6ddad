package entity

import "testing"

// TestDoubtfulPeopleStay checks the vote's rule for people on doubtful
// votes as D″ has it (sixteenth round, fourth pass, docs/models/ner.md):
// mentions typed with a margin of 1 (doubtful, below junkMargin), a
// person's twice and another type's once, so that the vote says person and
// the rule decides. A full name keeps its person with no cue at all
// ("Taylor Swift", which D′ made an organisation); a one-word name keeps
// it after a title ("Mr. Trump") or when the gazetteer knows its word as
// part of people's names, here from one training name it ends ("Ann
// Clymer"); with neither, it takes its other type.
func TestDoubtfulPeopleStay(t *testing.T) {
	surname := map[uint64]uint8{}
	AddGaz(surname, []string{"Ann", "Clymer"}, 0)
	tests := []struct {
		name  string
		lines []string
		spans [][4]int // sentence, first, last token, type; margin 1
		gaz   map[uint64]uint8
		want  string // the first mention's entity: name/type
	}{
		{"full name, no cue", []string{
			"A row involving Taylor Swift has ended .",
			"Taylor Swift posted on Twitter .",
			"Fans of Taylor Swift waited .",
		}, [][4]int{{0, 3, 5, 0}, {1, 0, 2, 0}, {2, 2, 4, 2}}, nil, "Taylor Swift/person"},
		{"title before a mention", []string{
			"Mr. Trump met reporters .",
			"Trump said the talks went well .",
			"Later Trump flew home .",
		}, [][4]int{{0, 1, 2, 0}, {1, 0, 1, 1}, {2, 1, 2, 0}}, nil, "Trump/person"},
		{"surname the gazetteer knows", []string{
			"Clymer said the plan would work .",
			"Clymer spoke on Monday .",
			"The Clymer plan passed .",
		}, [][4]int{{0, 0, 1, 0}, {1, 0, 1, 0}, {2, 1, 2, 2}}, surname, "Clymer/person"},
		{"the same, no gazetteer", []string{
			"Clymer said the plan would work .",
			"Clymer spoke on Monday .",
			"The Clymer plan passed .",
		}, [][4]int{{0, 0, 1, 0}, {1, 0, 1, 0}, {2, 1, 2, 2}}, nil, "Clymer/organization"},
	}
	for _, tt := range tests {
		d := tokenDoc(tt.lines...)
		var ms []mention
		for _, s := range tt.spans {
			first := d.Sentences[s[0]].First
			ms = append(ms, mention{sent: s[0], first: first + s[1], last: first + s[2], typ: s[3], margin: 1})
		}
		m := &Model{lex: newLexicon(map[string]LexEntry{}), gaz: newGazetteer(tt.gaz)}
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

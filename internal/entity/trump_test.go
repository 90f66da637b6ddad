package entity

import "testing"

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
		d := segmented(tt.text)
		Annotate(d)
		found := map[string]bool{}
		for _, e := range d.Entities {
			found[e.Name+"/"+e.Type.String()] = true
		}
		for _, w := range tt.want {
			if !found[w] {
				t.Errorf("%q: want %s, got %v", tt.text, w, names(d.Entities))
			}
		}
	}
}

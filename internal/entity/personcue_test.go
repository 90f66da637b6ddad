package entity

import (
	"testing"

	"github.com/lede-news/lede/internal/doc"
	"github.com/lede-news/lede/internal/segment"
)

// TestDoubtfulPeople checks the vote's rule for people on doubtful votes
// (sixteenth round, third pass, docs/models/ner.md): a name the tagger
// typed a person only with doubt, and otherwise too, takes its best other
// type ("Arianespace", a company the tagger has not seen; "Maori", a
// people and a language) unless the document gives a person cue for it: a
// title before a mention ("President Trump", "Mr. Trump"), or a longer
// name with a cue that it ends ("Donald Trump", a known given name). The
// "Trump" texts differ only in the cue: without one, the tagger's doubtful
// votes for "Trump" in these sentences make it a place.
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
		{"Arianespace launched the satellite on Tuesday. Arianespace said the launch went well, and Arianespace plans two more this year.", []string{"Arianespace/organization"}},
		{"Maori is spoken across the North Island. The Maori make up 15 percent of the population, and Maori culture is taught in schools.", []string{"Maori/other"}},
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

// TestPersonCue checks which places mark a mention as a person's name: a
// title or honorific right before it (its period split off or not), the
// byline; not a word that is no title, nor a title in another sentence.
func TestPersonCue(t *testing.T) {
	tests := []struct {
		text        string
		byline      bool
		first, last int // the mention's tokens
		want        bool
	}{
		{"President Trump spoke .", false, 1, 2, true},
		{"Mr. Lee spoke .", false, 1, 2, true},
		{"Sen. Lee spoke .", false, 1, 2, true},
		{"Queen Elizabeth spoke .", false, 1, 2, true},
		{"Trump spoke .", false, 0, 1, false},
		{"Shares of Veltrano rose .", false, 2, 3, false},
		{"St Louis won .", false, 1, 2, false}, // "St" is Saint
		{"Vice Chairman Park spoke .", false, 2, 3, true},
		{"Jane Doe", true, 0, 2, true},
		{"Jane Doe", false, 0, 2, false},
	}
	for _, tt := range tests {
		d := doc.NewText(tt.text)
		if tt.byline {
			d.Blocks[0].Role = doc.Byline
		}
		segment.Segment(d)
		if len(d.Sentences) != 1 {
			t.Fatalf("%q: %d sentences", tt.text, len(d.Sentences))
		}
		s := d.Sentences[0]
		r := &resolver{d: d}
		m := mention{sent: 0, first: s.First + tt.first, last: s.First + tt.last}
		if got := r.personCue(m); got != tt.want {
			t.Errorf("%q tokens %d-%d: personCue = %v, want %v", tt.text, tt.first, tt.last, got, tt.want)
		}
	}
}

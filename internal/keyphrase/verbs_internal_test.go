package keyphrase

import (
	"slices"
	"strings"
	"testing"
)

// TestMissingVerbs: the noun that stands where a verbless clause's verb
// would, and no noun of a clause with a verb, of a phrase after a comma,
// or of a prepositional phrase that "as" or "after" opens.
func TestMissingVerbs(t *testing.T) {
	for _, tc := range []struct {
		tagged string // word/TAG ...
		want   []int
	}{
		{"The/DT counterterrorism/NN police/NN believe/NN that/IN the/DT case/NN is/VBZ closed/VBN", []int{3}},
		// after an adjective, a noun (at the cost of "The stalemate/JJ
		// centers on")
		{"The/DT stalemate/JJ centers/NNS on/IN a/DT pledge/NN ./.", nil},
		{"The/DT Oscar-winning/JJ star/NN of/IN the/DT film/NN", nil},
		// a plural inside the run is the verb
		{"Morgan/NNP Hill/NNP unit/NN covers/NNS parts/NNS of/IN Santa/NNP Clara/NNP", []int{3}},
		{"Talks/NNS remain/VBP stalled/VBN as/IN Seoul/NNP and/CC Washington/NNP struggle/NN to/TO finalize/VB a/DT deal/NN ./.", []int{7}},
		{"Lyng/NNP meets/NNS with/IN the/DT farmers/NNS", []int{1}},
		// a finite verb: the nouns are nouns
		{"Police/NN officers/NNS in/IN Boston/NNP said/VBD so/RB", nil},
		{"Defense/NN costs/NNS rose/VBD in/IN May/NNP ./.", nil},
		// after a comma, a phrase (an apposition), not a clause
		{"She/PRP met/VBD Prince/NNP ,/, a/DT child/NN psychologist/NN in/IN Jonesboro/NNP ./.", nil},
		// "as" and "after" before a determiner open a phrase
		{"He/PRP sees/VBZ Trump/NNP as/IN a/DT potential/JJ bridge/NN to/TO Kim/NNP ./.", nil},
		{"Workers/NNS left/VBD after/IN the/DT recent/JJ arrests/NNS of/IN hundreds/NNS ./.", nil},
		{"Seoul/NNP plans/NNS to/TO act/VB", []int{1}},
		// a clause's first word is its subject, not its verb
		{"Plans/NNS to/TO act/VB", nil},
		// a verb or preposition first: no subject to look in
		{"In/IN my/PRP$ personal/JJ celebration/NN of/IN this/DT", nil},
		{"", nil},
		// one word, punctuation only: no clause to look in
		{"meets/NNS", nil},
		{"Lyng/NNP meets/NNS", nil},
		{"./. ,/, ''/''", nil},
		// a capitalised subordinator opens a clause as a lower-case one
		{"As/IN Seoul/NNP and/CC Washington/NNP struggle/NN to/TO finalize/VB a/DT deal/NN", []int{4}},
		// non-ASCII: a capitalised word is a name, not the verb; a
		// lower-case one may be
		{"The/DT Paris/NNP Élan/NN with/IN the/DT", nil},
		{"Müller/NNP bets/NNS on/IN the/DT café/NN", []int{1}},
		{"Zoë/NNP garantit/NN à/IN ses/PRP$ élèves/NNS", []int{1}},
	} {
		var words, tags []string
		for _, wt := range strings.Fields(tc.tagged) {
			i := strings.LastIndex(wt, "/")
			words, tags = append(words, wt[:i]), append(tags, wt[i+1:])
		}
		got := missingVerbs(len(words), func(i int) (string, string) { return words[i], tags[i] }, nil)
		if !slices.Equal(got, tc.want) {
			t.Errorf("%q: %v, want %v", tc.tagged, got, tc.want)
		}
	}
}

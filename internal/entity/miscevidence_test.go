package entity

import "testing"

// TestMiscEvidence checks the vote's evidence for laws, treaties and wars
// (sixteenth round, docs/models/ner.md): a name headed by "… Act",
// "… Treaty", "… War(s)" or opened by "Treaty of", "Declaration of", "Bill
// of" … is other, CoNLL's type for laws and events, where the tagger alone
// types several of them as organisations; a name that merely opens with
// such a word and no "of" keeps its own type.
func TestMiscEvidence(t *testing.T) {
	if _, err := Embedded(); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text string
		want []string // name/type
	}{
		{"In 1840 the chiefs signed the Treaty of Waitangi with the Crown.", []string{"Treaty of Waitangi/other"}},
		{"The court struck down part of the Voting Rights Act on Tuesday.", []string{"Voting Rights Act/other"}},
		{"The Declaration of Independence was read aloud in Philadelphia.", []string{"Declaration of Independence/other", "Philadelphia/place"}},
		{"Madison wrote the Bill of Rights, and Congress debated it for months.", []string{"Bill of Rights/other"}},
		{"Thousands died in the Musket Wars before the settlers came.", []string{"Musket Wars/other"}},
		// no "of" after the word: not a document's name
		{"Charter Communications raised its prices in Ohio.", []string{"Charter Communications/organization", "Ohio/place"}},
		{"Bill Clinton signed the bill in Washington.", []string{"Bill Clinton/person"}},
	}
	for _, tt := range tests {
		wantEntities(t, tt.text, tt.want, nil)
	}
}

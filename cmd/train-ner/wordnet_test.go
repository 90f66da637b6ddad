package main

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/lede-news/lede/internal/entity"
)

func TestWordnetWords(t *testing.T) {
	for _, c := range []struct {
		lemma string
		want  []string
	}{
		{"Otto_Hahn", []string{"Otto", "Hahn"}},
		{"Jehovah's_Witnesses", []string{"Jehovah", "'s", "Witnesses"}},
		{"E._H._Harriman", []string{"E.", "H.", "Harriman"}},
		{"city", nil},
		{"", nil},
	} {
		if got := wordnetWords(c.lemma); !slices.Equal(got, c.want) {
			t.Errorf("wordnetWords(%q) = %q, want %q", c.lemma, got, c.want)
		}
	}
}

// miniWordNet is a WordNet database of a few synsets in the format of
// data.noun and index.noun (offsets are made up; only their references
// matter): organization and a few of its kinds, a city and an instance of
// it, a person, a language, a battle named after its place.
var miniWordNet = map[string]string{
	"data.noun": `  1 This software and database is being provided to you, the LICENSEE, by
00000100 14 n 01 organization 0 000 | a group of people
00000200 14 n 01 agency 0 001 @ 00000100 n 0000 | an administrative unit
00000300 14 n 02 Federal_Bureau_of_Investigation 0 FBI 0 001 @ 00000200 n 0000 | a federal agency
00000400 15 n 01 city 0 000 | a large town
00000500 15 n 02 Paris 0 City_of_Light 0 001 @i 00000400 n 0000 | the capital of France
00000600 18 n 01 person 0 000 | a human being
00000700 18 n 02 Hahn 0 Otto_Hahn 0 001 @i 00000600 n 0000 | a chemist
00000800 10 n 01 language 0 000 | a system of communication
00000900 10 n 01 Thai 0 001 @ 00000800 n 0000 | the language of Thailand
00001000 18 n 01 inhabitant 0 000 | a person who lives in a place
00001100 04 n 01 battle 0 000 | a fight
00001200 04 n 02 Lucknow 0 Siege_of_Lucknow 0 001 @i 00001100 n 0000 | a siege
00001300 14 n 01 Fall 0 001 @ 00000100 n 0000 | an organisation named by a common word
`,
	"index.noun": `  1 This software and database is being provided to you, the LICENSEE, by
organization n 1 1 @ 1 0 00000100
language n 1 1 @ 1 0 00000800
inhabitant n 1 1 @ 1 0 00001000
`,
}

func TestWordnetNames(t *testing.T) {
	dir := t.TempDir()
	for name, text := range miniWordNet {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// "fall" is mostly lower case in the unlabelled text: left out
	lex := map[string]entity.LexEntry{"fall": {CapRate: 1}}
	has := func(gaz map[uint64]uint8, typ int, words ...string) bool {
		want := map[uint64]uint8{}
		entity.AddGaz(want, words, typ)
		for k, v := range want {
			if gaz[k]&v != v {
				return false
			}
		}
		return true
	}
	for _, c := range []struct {
		classes []string
		typ     int
		in, out [][]string
	}{
		{[]string{"org"}, 2, [][]string{{"Federal", "Bureau", "of", "Investigation"}, {"FBI"}}, [][]string{{"Fall"}, {"Paris"}}},
		{[]string{"loc"}, 1, [][]string{{"Paris"}, {"City", "of", "Light"}}, [][]string{{"FBI"}, {"Hahn"}}},
		{[]string{"per"}, 0, [][]string{{"Hahn"}, {"Otto", "Hahn"}}, [][]string{{"Paris"}}},
		{[]string{"misc"}, 3, [][]string{{"Thai"}, {"Siege", "of", "Lucknow"}}, [][]string{{"Lucknow"}, {"Hahn"}}},
	} {
		gaz := map[uint64]uint8{}
		if _, err := wordnetNames(wnOptions{dir: dir, classes: c.classes, keys: "all", minWords: 1}, lex, gaz); err != nil {
			t.Fatal(err)
		}
		for _, w := range c.in {
			if !has(gaz, c.typ, w...) {
				t.Errorf("%v: %q missing", c.classes, w)
			}
		}
		for _, w := range c.out {
			if k := gazKeyOf(w); gaz[k]&0xf != 0 {
				t.Errorf("%v: %q in the gazetteer", c.classes, w)
			}
		}
	}
	// "new" leaves a key the gazetteer has alone
	gaz := map[uint64]uint8{}
	entity.AddGaz(gaz, []string{"Paris"}, 0)
	if _, err := wordnetNames(wnOptions{dir: dir, classes: []string{"loc"}, keys: "new", minWords: 1}, lex, gaz); err != nil {
		t.Fatal(err)
	}
	if k := gazKeyOf([]string{"Paris"}); gaz[k] != 1 {
		t.Errorf(`"new": Paris = %b, want the person bit only`, gaz[k])
	}
	if gaz[gazKeyOf([]string{"City", "of", "Light"})] != 1<<1 || gaz[gazKeyOf([]string{"City"})] != 0 {
		t.Errorf(`"new": City of Light should be a place, its words no parts`)
	}
}

// gazKeyOf is the key of a name alone in a gazetteer built by AddGaz.
func gazKeyOf(words []string) uint64 {
	g := map[uint64]uint8{}
	entity.AddGaz(g, words, 0)
	for k, v := range g {
		if v&1 != 0 {
			return k
		}
	}
	return 0
}

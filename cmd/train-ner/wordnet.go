package main

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/lede-news/lede/internal/entity"
)

// WordNet 3.0 (Princeton; a BSD-style licence), as Debian's wordnet-base
// installs it, names thousands of places, people, organisations, wars and
// works: its noun synsets whose lemmas are capitalised. Each synset has a
// lexicographer file (noun.location, noun.person …), instance pointers
// ("@i": Paris is an instance of city) and hypernym pointers ("@"), so a
// name's type follows from where it sits:
//
//   - loc: instances in noun.location and noun.object (cities, countries,
//     regions, rivers, mountains, islands) → LOC;
//   - per: instances in noun.person ("Otto Hahn", "Hahn") → PER;
//   - org: capitalised synsets under organization#1 (agencies, parties,
//     churches, armies: "Federal Bureau of Investigation", "FBI") → ORG;
//   - misc: capitalised synsets under language#1 and people of a place
//     (under inhabitant#1: "Canadian"), and instances in noun.act and
//     noun.communication (wars, battles, books, treaties) → MISC.
//
// wordnetClasses lists them in that order; -wordnet-classes picks some.
// None is in the committed model: each lost in cross-validation through the
// document pass (docs/models/ner.md, "Eighth round").
var wordnetClasses = []string{"loc", "per", "org", "misc"}

// wnOptions say which WordNet names the gazetteer takes and how.
type wnOptions struct {
	dir      string   // the database folder (data.noun, index.noun)
	classes  []string // of wordnetClasses
	minWords int      // fewest words of a name taken
	// keys: "all" adds every name as training names are added (its type
	// bits on keys already there too, and each word as a part of a name of
	// its type); "new" adds only the names the gazetteer has no key for,
	// as whole names; "newparts" also marks the words of a longer name
	// that the gazetteer has no key for as parts of a name of its type.
	keys string
}

// wnSynset is one noun synset of data.noun: its lexicographer file, its
// lemmas, whether it is an instance, and its hypernyms (instance or not).
type wnSynset struct {
	lex   int
	words []string
	inst  bool
	hyper []int
}

// readWordNet reads dir/data.noun and dir/index.noun: the noun synsets by
// offset, and the offset of each lemma's first sense.
func readWordNet(dir string) (map[int]*wnSynset, map[string]int, error) {
	f, err := os.Open(filepath.Join(dir, "data.noun"))
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	syn := map[int]*wnSynset{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "  ") {
			continue // the licence at the top of the file
		}
		data, _, _ := strings.Cut(line, " | ")
		fs := strings.Fields(data)
		if len(fs) < 5 {
			continue
		}
		off, err1 := strconv.Atoi(fs[0])
		lex, err2 := strconv.Atoi(fs[1])
		n, err3 := strconv.ParseInt(fs[3], 16, 0)
		if err1 != nil || err2 != nil || err3 != nil || len(fs) < 5+2*int(n) {
			return nil, nil, fmt.Errorf("data.noun: bad line %.40q", line)
		}
		s := &wnSynset{lex: lex}
		for i := range int(n) {
			s.words = append(s.words, fs[4+2*i])
		}
		rest := fs[4+2*n:]
		np, err := strconv.Atoi(rest[0])
		if err != nil || len(rest) < 1+4*np {
			return nil, nil, fmt.Errorf("data.noun: bad pointers in %.40q", line)
		}
		for i := range np {
			sym, target := rest[1+4*i], rest[2+4*i]
			if sym != "@" && sym != "@i" {
				continue
			}
			t, err := strconv.Atoi(target)
			if err != nil {
				return nil, nil, fmt.Errorf("data.noun: bad pointer in %.40q", line)
			}
			s.hyper = append(s.hyper, t)
			s.inst = s.inst || sym == "@i"
		}
		syn[off] = s
	}
	if err := sc.Err(); err != nil {
		return nil, nil, err
	}
	b, err := os.ReadFile(filepath.Join(dir, "index.noun"))
	if err != nil {
		return nil, nil, err
	}
	first := map[string]int{}
	for _, line := range strings.Split(string(b), "\n") {
		fs := strings.Fields(line)
		if len(fs) < 4 || strings.HasPrefix(line, " ") {
			continue
		}
		// lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset...
		np, err := strconv.Atoi(fs[3])
		if err != nil || len(fs) < 4+np+3 {
			continue
		}
		if off, err := strconv.Atoi(fs[4+np+2]); err == nil {
			first[fs[0]] = off
		}
	}
	return syn, first, nil
}

// under reports whether synset off is root or has it among its hypernyms.
func under(syn map[int]*wnSynset, off, root int, seen map[int]bool) bool {
	if off == root {
		return true
	}
	if seen[off] {
		return false
	}
	seen[off] = true
	s := syn[off]
	if s == nil {
		return false
	}
	for _, h := range s.hyper {
		if under(syn, h, root, seen) {
			return true
		}
	}
	return false
}

// wordnetNames adds the capitalised noun lemmas of the WordNet database in
// o.dir to gaz, for the classes asked, and returns how many names each
// class gave. A one-word name that the unlabelled text writes
// mostly in lower case (its capitalisation rate in lex: "Fall", "Labor")
// is left out: it is a common word more often than this name.
func wordnetNames(o wnOptions, lex map[string]entity.LexEntry, gaz map[uint64]uint8) (map[string]int, error) {
	syn, first, err := readWordNet(o.dir)
	if err != nil {
		return nil, err
	}
	want := map[string]bool{}
	for _, c := range o.classes {
		want[c] = true
	}
	roots := map[string]int{}
	for _, l := range []string{"organization", "language", "inhabitant"} {
		off, ok := first[l]
		if !ok {
			return nil, fmt.Errorf("index.noun has no %q", l)
		}
		roots[l] = off
	}
	isUnder := func(off int, root string) bool { return under(syn, off, roots[root], map[int]bool{}) }
	offs := make([]int, 0, len(syn))
	for off := range syn {
		offs = append(offs, off)
	}
	sort.Ints(offs)
	counts := map[string]int{}
	add := gaz
	if o.keys != "all" {
		add = map[uint64]uint8{}
	}
	for _, off := range offs {
		s := syn[off]
		class, typ := "", -1
		switch {
		case s.inst && (s.lex == 15 || s.lex == 17):
			class, typ = "loc", 1
		case s.inst && s.lex == 18:
			class, typ = "per", 0
		case isUnder(off, "organization"):
			class, typ = "org", 2
		case isUnder(off, "language") || s.lex == 18 && isUnder(off, "inhabitant") || s.inst && (s.lex == 4 || s.lex == 10):
			class, typ = "misc", 3
		}
		if !want[class] {
			continue
		}
		for _, lemma := range s.words {
			words := wordnetWords(lemma)
			if words == nil {
				continue
			}
			if len(words) < o.minWords || len(words) == 1 && s.inst && s.lex == 4 {
				continue // a battle named after its place ("Lucknow"): the place is meant more often
			}
			if len(words) == 1 {
				if e, ok := lex[entity.Fold(words[0])]; ok && e.CapRate >= 1 && e.CapRate <= 2 {
					continue
				}
			}
			entity.AddGaz(add, words, typ)
			counts[class]++
		}
	}
	if o.keys != "all" {
		for k, v := range add {
			if _, ok := gaz[k]; ok {
				continue
			}
			if o.keys == "new" {
				v &= 0xf
			}
			if v != 0 {
				gaz[k] = v
			}
		}
	}
	return counts, nil
}

// wordnetWords splits a capitalised lemma into tokens as CoNLL writes them
// ("Saint_Elmo's_fire" → Saint Elmo 's fire); nil for a lemma that does
// not open with a capital letter.
func wordnetWords(lemma string) []string {
	if lemma == "" || lemma[0] < 'A' || lemma[0] > 'Z' {
		return nil
	}
	var words []string
	for _, w := range strings.Split(lemma, "_") {
		if w == "" {
			continue
		}
		if b, ok := strings.CutSuffix(w, "'s"); ok && b != "" {
			words = append(words, b, "'s")
			continue
		}
		words = append(words, w)
	}
	return words
}

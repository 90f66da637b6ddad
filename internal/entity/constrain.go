package entity

import (
	"unicode"
	"unicode/utf8"
)

// The constrained decode. In news text most tokens are lower-case words or
// punctuation that the tagger labels O by a wide margin, and they are
// hardly ever inside a name: in eng.train's gold names a token with no
// capital and no digit is almost always one of a few connectors ("of",
// "and", "de", "&", "'s" ...). The tagger forces such a token to O
// (markForced): it computes no row of its own for it and the decoder extends
// only O there. Its word still serves its neighbours' features (around,
// pair and history features read it), so they score as before; and the
// static scores of a token every path labels O add the same to every
// path, so leaving them out changes no decision but the forced one. A
// sentence whose every token is forced has no name, and is not scored.

// connectors are the tokens with no capital and no digit that occur inside
// a gold name of eng.train at least minConnector times, folded (foldInto).
// TestConnectorsFromTrain derives the list again from eng.train and prints
// it: go test ./internal/entity -run ConnectorsFromTrain -v
var connectors = map[string]bool{
	"!": true, "&": true, "'": true, "'s": true, "(": true, ")": true,
	",": true, ".": true, "/": true, ":": true, "a.s.": true, "affairs": true,
	"against": true, "al": true, "al-": true, "alliance": true, "am": true,
	"and": true, "at": true, "bank": true, "bureau": true, "bypass": true,
	"central": true, "championship": true, "coast": true, "convention": true,
	"da": true, "dal": true, "de": true, "del": true, "della": true,
	"democracy": true, "den": true, "der": true, "des": true,
	"division": true, "do": true, "du": true, "et": true, "for": true,
	"free": true, "germany": true, "hospital": true, "i": true, "immi": true,
	"in": true, "interior": true, "is": true, "l": true, "la": true,
	"law": true, "les": true, "lovely": true, "magazine": true,
	"ministry": true, "motor": true, "n't": true, "no": true, "north": true,
	"of": true, "office": true, "on": true, "party": true, "pour": true,
	"program": true, "pvt": true, "radio": true, "self-rule": true,
	"serie": true, "telling": true, "the": true, "van": true,
	"vehicles": true, "wa": true, "wall": true, "winners": true,
	"zvezda": true,
}

// minConnector is how often a word must occur inside eng.train's gold names
// to be kept a connector: once. Over five folds of eng.train's documents,
// the list from four folds leaves a forced token in 0.23% of the fifth's
// names at 1, 0.43% at 5, and forces 46% of the tokens at 1, 49% at 5
// (TestConnectorsFromTrain prints these): the rare words cost more names
// than they save work.
const minConnector = 1

// The classes of a token for the constraint (wordClass).
const (
	mayName   = iota // has a capital or a digit
	connector        // in connectors
	plainWord        // neither: forced to O
)

// wordClass returns the class of token w. buf is scratch for the folded
// form; it is returned for reuse.
func wordClass(w string, buf []byte) (int, []byte) {
	if w == "" {
		return mayName, buf
	}
	for i := 0; i < len(w); {
		c := w[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
				return mayName, buf
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(w[i:])
		if unicode.IsUpper(r) || unicode.IsTitle(r) || unicode.IsDigit(r) {
			return mayName, buf
		}
		i += size
	}
	buf = foldInto(buf, w)
	if connectors[string(buf)] {
		return connector, buf
	}
	return plainWord, buf
}

// markForced sets forced, for each of words, to whether it can only be
// labelled O: a plain word, or a run of connectors with a plain word or
// the sentence's edge on both sides (a name around "of the" in "said of
// the plan" would need a word beside them that may be in a name). class is
// scratch. all reports whether every word is forced.
func markForced(words []string, class []uint8, forced []bool, buf []byte) (_ []uint8, _ []bool, all bool, _ []byte) {
	class, forced = class[:0], forced[:0]
	for _, w := range words {
		var c int
		c, buf = wordClass(w, buf)
		class = append(class, uint8(c))
		forced = append(forced, c == plainWord)
	}
	plain := func(i int) bool { return i < 0 || i >= len(class) || class[i] == plainWord }
	all = true
	for i := 0; i < len(class); {
		switch class[i] {
		case mayName:
			all = false
			i++
		case plainWord:
			i++
		default:
			j := i
			for j < len(class) && class[j] == connector {
				j++
			}
			if plain(i-1) && plain(j) {
				for k := i; k < j; k++ {
					forced[k] = true
				}
			} else {
				all = false
			}
			i = j
		}
	}
	return class, forced, all, buf
}

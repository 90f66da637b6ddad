package entity

import (
	"slices"
	"unicode"
	"unicode/utf8"
)

// The constrained decode. In news text most tokens are lower-case words or
// punctuation that the tagger labels O by a wide margin, and they are
// hardly ever inside a name: in eng.train's gold names a token with no
// capital and no digit is almost always one of a few connectors ("of",
// "and", "de", "&", "'s" ...). The tagger forces such a token to O
// (markForced; a connector too where no name can hold it): it computes no
// row of its own for it and the decoder extends only O there. Its word still serves its neighbours' features (around,
// pair and history features read it), so they score as before; and the
// static scores of a token every path labels O add the same to every
// path, so leaving them out changes no decision but the forced one. A
// sentence whose every token is forced has no name, and is not scored.

// connectorList holds the connectors: the tokens with no capital and no
// digit that occur inside a gold name of eng.train at least minConnector times, folded (foldInto),
// with connStart if one began a name there ("della Noce", "serie A") and
// connEnd if one ended a name ("Moody 's", "Air Cargo Newsroom )"); a
// connector without them was only ever inside a name. TestConnectorsFromTrain
// derives them again from eng.train and prints them:
// go test ./internal/entity -run ConnectorsFromTrain -v. A list, not a
// map: the start builds no map of them and iterates none
// (docs/speed-log.md, "Package inits and the start, fourteenth round").
var connectorList = []connectorBits{
	{"!", 2}, {"&", 0}, {"'", 2}, {"'s", 2}, {"(", 0}, {")", 2}, {",", 1}, {".", 2}, {"/", 0}, {":", 0},
	{"a.s.", 2}, {"affairs", 2}, {"against", 0}, {"al", 0}, {"al-", 2}, {"alliance", 2}, {"am", 0},
	{"and", 0}, {"at", 0}, {"bank", 0}, {"bureau", 2}, {"bypass", 2}, {"central", 0}, {"championship", 2},
	{"coast", 2}, {"convention", 2}, {"da", 0}, {"dal", 0}, {"de", 1}, {"del", 0}, {"della", 1},
	{"democracy", 2}, {"den", 0}, {"der", 0}, {"des", 0}, {"division", 2}, {"do", 0}, {"du", 0}, {"et", 0},
	{"for", 0}, {"free", 0}, {"germany", 3}, {"hospital", 2}, {"i", 0}, {"immi", 0}, {"in", 0},
	{"interior", 1}, {"is", 0}, {"l", 0}, {"la", 0}, {"law", 2}, {"les", 0}, {"lovely", 2}, {"magazine", 2},
	{"ministry", 2}, {"motor", 0}, {"n't", 0}, {"no", 0}, {"north", 2}, {"of", 0}, {"office", 2}, {"on", 0},
	{"party", 2}, {"pour", 0}, {"program", 2}, {"pvt", 0}, {"radio", 2}, {"self-rule", 0}, {"serie", 1},
	{"telling", 2}, {"the", 2}, {"van", 1}, {"vehicles", 2}, {"wa", 0}, {"wall", 1}, {"winners", 0},
	{"zvezda", 2},
}

// connectorBits is a connector and its bits (connStart, connEnd).
type connectorBits struct {
	w    string
	bits uint8
}

// The bits of a connector in connectorList.
const (
	connStart = 1 << iota
	connEnd
)

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
	connector        // in connectorList
	plainWord        // neither: forced to O
)

// wordClass returns the class of token w and, for a connector, its bits in
// connectors. *buf is scratch for the folded form of a word that is not
// ASCII.
func wordClass(w string, buf *[]byte) (class int, bits uint8) {
	if w == "" {
		return mayName, 0
	}
	ascii := true
	for i := 0; i < len(w); {
		c := w[i]
		if c < utf8.RuneSelf {
			if capOrDigit[c] {
				return mayName, 0
			}
			i++
			continue
		}
		ascii = false
		r, size := utf8.DecodeRuneInString(w[i:])
		if unicode.IsUpper(r) || unicode.IsTitle(r) || unicode.IsDigit(r) {
			return mayName, 0
		}
		i += size
	}
	if !ascii {
		*buf = foldInto(*buf, w)
		if b, ok := connectorIndex.get(string(*buf)); ok {
			return connector, uint8(b)
		}
		return plainWord, 0
	}
	// an ASCII word with no capital and no digit folds to itself
	if len(w) < 16 && connectorShapes[w[0]]&(1<<len(w)) == 0 {
		return plainWord, 0 // no connector has its first byte and length
	}
	if b, ok := connectorIndex.get(w); ok {
		return connector, uint8(b)
	}
	return plainWord, 0
}

// capOrDigit marks the ASCII capitals and digits, for wordClass's loop
// and isCapitalised: one load and test a byte, not two range tests.
var capOrDigit = buildCapOrDigit()

// buildCapOrDigit builds capOrDigit. Not inlined: inlined, its loop would be
// charged the package's whole init (docs/architecture.md, "Start-up in
// wasm").
//
//go:noinline
func buildCapOrDigit() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return t
}

// connectorIndex holds connectors' bits by the connector, for wordClass: a
// wordIndex, which in wasm costs less to ask than a map (wordindex.go).
// Built once, never written after.
var connectorIndex = buildConnectorIndex()

// buildConnectorIndex builds connectorIndex. Not inlined: inlined, its loop would be
// charged the package's whole init (docs/architecture.md, "Start-up in
// wasm").
//
//go:noinline
func buildConnectorIndex() (x wordIndex) {
	for _, c := range connectorList {
		x.put(c.w, int32(c.bits))
	}
	return x
}

// connectorShapes holds, for each first byte, the lengths (bit n: n bytes,
// below 16) of the connectors that begin with it: most plain words ("said",
// "to") are told from every connector by these two without hashing them for
// the map.
var connectorShapes = buildConnectorShapes()

// buildConnectorShapes builds connectorShapes. Not inlined: inlined, its loop would be
// charged the package's whole init (docs/architecture.md, "Start-up in
// wasm").
//
//go:noinline
func buildConnectorShapes() (s [256]uint16) {
	for _, c := range connectorList {
		if len(c.w) < 16 {
			s[c.w[0]] |= 1 << len(c.w)
		}
	}
	return s
}

// markForced sets forced, for each of words, to whether it can only be
// labelled O: a plain word, or a run of connectors that no name can hold.
// A name holding a connector begins at a word that may be in a name before
// the run, or at a connector that began a name in eng.train (connStart),
// and ends likewise after the run or at a connEnd connector: in "said on
// Tuesday", "on" is forced, no name having begun with it; in "Bank of
// England" "of" is not. class is scratch (each word's class and bits).
// all reports whether every word is forced.
func markForced(words []string, class []uint8, forced []bool, buf []byte) (_ []uint8, _ []bool, all bool, _ []byte) {
	n := len(words)
	class, forced = slices.Grow(class[:0], n)[:n], slices.Grow(forced[:0], n)[:n]
	for i, w := range words {
		c, b := wordClass(w, &buf)
		class[i], forced[i] = uint8(c)|b<<2, c == plainWord
	}
	name := func(i int) bool { return i >= 0 && i < len(class) && class[i]&3 == mayName }
	all = true
	for i := 0; i < len(class); {
		switch class[i] & 3 {
		case mayName:
			all = false
			i++
		case plainWord:
			i++
		default:
			j, bits := i, uint8(0)
			for j < len(class) && class[j]&3 == connector {
				bits |= class[j] >> 2
				j++
			}
			if (name(i-1) || bits&connStart != 0) && (name(j) || bits&connEnd != 0) {
				all = false
			} else {
				for k := i; k < j; k++ {
					forced[k] = true
				}
			}
			i = j
		}
	}
	return class, forced, all, buf
}

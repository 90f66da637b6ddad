package main

import (
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// The Porter (1980) stemmer as the benchmark's scorer runs it (npm
// "stemmer" 2.0.1, by wooorm): the same regular expressions, in the same
// order, so that matching a phrase to the gold here gives the scorer's
// answer. main_test.go checks it on words whose stems are known.

var step2list = map[string]string{"ational": "ate", "tional": "tion", "enci": "ence", "anci": "ance", "izer": "ize",
	"bli": "ble", "alli": "al", "entli": "ent", "eli": "e", "ousli": "ous", "ization": "ize", "ation": "ate",
	"ator": "ate", "alism": "al", "iveness": "ive", "fulness": "ful", "ousness": "ous", "aliti": "al",
	"iviti": "ive", "biliti": "ble", "logi": "log"}

var step3list = map[string]string{"icate": "ic", "ative": "", "alize": "al", "iciti": "ic", "ical": "ic", "ful": "", "ness": ""}

const (
	consonant  = `[^aeiou]`
	vowel      = `[aeiouy]`
	consonants = `(` + consonant + `[^aeiouy]*)`
	vowels     = `(` + vowel + `[aeiou]*)`
)

var (
	gt0            = regexp.MustCompile(`^` + consonants + `?` + vowels + consonants)
	eq1            = regexp.MustCompile(`^` + consonants + `?` + vowels + consonants + vowels + `?$`)
	gt1            = regexp.MustCompile(`^` + consonants + `?(` + vowels + consonants + `){2,}`)
	vowelInStem    = regexp.MustCompile(`^` + consonants + `?` + vowel)
	consonantLike  = regexp.MustCompile(`^` + consonants + vowel + `[^aeiouwxy]$`)
	sfxLl          = regexp.MustCompile(`ll$`)
	sfxE           = regexp.MustCompile(`^(.+?)e$`)
	sfxY           = regexp.MustCompile(`^(.+?)y$`)
	sfxIon         = regexp.MustCompile(`^(.+?(s|t))(ion)$`)
	sfxEdOrIng     = regexp.MustCompile(`^(.+?)(ed|ing)$`)
	sfxAtOrBlOrIz  = regexp.MustCompile(`(at|bl|iz)$`)
	sfxEED         = regexp.MustCompile(`^(.+?)eed$`)
	sfxS           = regexp.MustCompile(`^.+?[^s]s$`)
	sfxSsesOrIes   = regexp.MustCompile(`^.+?(ss|i)es$`)
	step2re        = regexp.MustCompile(`^(.+?)(ational|tional|enci|anci|izer|bli|alli|entli|eli|ousli|ization|ation|ator|alism|iveness|fulness|ousness|aliti|iviti|biliti|logi)$`)
	step3re        = regexp.MustCompile(`^(.+?)(icate|ative|alize|iciti|ical|ful|ness)$`)
	step4re        = regexp.MustCompile(`^(.+?)(al|ance|ence|er|ic|able|ible|ant|ement|ment|ent|ou|ism|ate|iti|ous|ive|ize)$`)
	notDoubleClass = "aeiouylsz"
)

// multiConsonantLike is /([^aeiouylsz])\1$/ (RE2 has no back-references).
func multiConsonantLike(s string) bool {
	if len(s) < 2 {
		return false
	}
	a, b := s[len(s)-2], s[len(s)-1]
	return a == b && !strings.ContainsRune(notDoubleClass, rune(b))
}

// utf16Len is JavaScript's String length.
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
	}
	return n
}

func stem(value string) string {
	result := strings.ToLower(value)
	if utf16Len(result) < 3 {
		return result
	}
	firstY := false
	if result[0] == 'y' {
		firstY = true
		result = "Y" + result[1:]
	}
	// step 1a
	if sfxSsesOrIes.MatchString(result) {
		result = result[:len(result)-2]
	} else if sfxS.MatchString(result) {
		result = result[:len(result)-1]
	}
	// step 1b
	if m := sfxEED.FindStringSubmatch(result); m != nil {
		if gt0.MatchString(m[1]) {
			result = result[:len(result)-1]
		}
	} else if m := sfxEdOrIng.FindStringSubmatch(result); m != nil && vowelInStem.MatchString(m[1]) {
		result = m[1]
		if sfxAtOrBlOrIz.MatchString(result) {
			result += "e"
		} else if multiConsonantLike(result) {
			result = result[:len(result)-1]
		} else if consonantLike.MatchString(result) {
			result += "e"
		}
	}
	// step 1c
	if m := sfxY.FindStringSubmatch(result); m != nil && vowelInStem.MatchString(m[1]) {
		result = m[1] + "i"
	}
	// step 2
	if m := step2re.FindStringSubmatch(result); m != nil && gt0.MatchString(m[1]) {
		result = m[1] + step2list[m[2]]
	}
	// step 3
	if m := step3re.FindStringSubmatch(result); m != nil && gt0.MatchString(m[1]) {
		result = m[1] + step3list[m[2]]
	}
	// step 4
	if m := step4re.FindStringSubmatch(result); m != nil {
		if gt1.MatchString(m[1]) {
			result = m[1]
		}
	} else if m := sfxIon.FindStringSubmatch(result); m != nil && gt1.MatchString(m[1]) {
		result = m[1]
	}
	// step 5
	if m := sfxE.FindStringSubmatch(result); m != nil &&
		(gt1.MatchString(m[1]) || eq1.MatchString(m[1]) && !consonantLike.MatchString(m[1])) {
		result = m[1]
	}
	if sfxLl.MatchString(result) && gt1.MatchString(result) {
		result = result[:len(result)-1]
	}
	if firstY {
		result = "y" + result[1:]
	}
	return result
}

// normalizer is the scorer's phrase normalisation: NFKC, lower case, split
// on every character that is not a letter or digit, each word stemmed,
// joined by one space. It caches stems.
type normalizer map[string]string

func (c normalizer) phrase(s string) string {
	s = strings.ToLower(norm.NFKC.String(s)) // the scorer: NFKC, then lower case
	var out []string
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) }) {
		st, ok := c[w]
		if !ok {
			st = stem(w)
			c[w] = st
		}
		out = append(out, st)
	}
	return strings.Join(out, " ")
}

package main

import (
	"regexp"
	"strings"
	"time"
	"unicode"
)

// The matchers forgive the conventions of a field, never an error. Each
// is symmetric: got and want pass through the same reading, so a tool is
// not rewarded or punished for writing "By Jane Doe" rather than "Jane
// Doe", and every tool is read the same way.

// fold keeps a string's letters and digits, lower-cased, one space apart:
// case, quotes, dashes and other punctuation are set aside.
func fold(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}), " ")
}

// titleSeps are the separators that join a headline and a site name in a
// <title> ("Headline | Site", "Site :: Headline", "标题_频道_网站"). A
// colon is not one: headlines use it ("Xbox One X review: A console…").
var titleSeps = []string{" | ", " - ", " – ", " — ", " :: ", " · ", " » ", " « ", " _ ", "_", " ｜ "}

// page is what the title matcher knows of a page: the affixes its own
// markup marks as a site's (or section's, or author's) name.
type page struct {
	affixes []string // folded
}

// pageAffixes returns the affixes a page marks: its og:site_name, and every
// segment of its <title> but the headline once the <title> is cut at
// titleSeps. "Headline | Eleanor Ainge Roy | World news | The Guardian"
// marks "Eleanor Ainge Roy", "World news" and "The Guardian". The headline
// is the first segment ("Mozilla - Wikipedia"), or, when the first is the
// og:site_name ("Site :: Headline"), the longest of the others. A segment
// "by Name" marks "Name" too.
func pageAffixes(siteName, docTitle string) page {
	var p page
	add := func(s string) {
		if f := fold(s); f != "" {
			p.affixes = append(p.affixes, f)
			if g := fold(bylineLead.ReplaceAllString(s, "")); g != "" && g != f {
				p.affixes = append(p.affixes, g)
			}
		}
	}
	add(siteName)
	segs := []string{docTitle}
	for _, sep := range titleSeps {
		var next []string
		for _, s := range segs {
			next = append(next, strings.Split(s, sep)...)
		}
		segs = next
	}
	headline := 0
	if len(segs) > 1 && fold(segs[0]) != "" && fold(segs[0]) == fold(siteName) {
		headline = 1
		for i := 2; i < len(segs); i++ {
			if len(strings.TrimSpace(segs[i])) > len(strings.TrimSpace(segs[headline])) {
				headline = i
			}
		}
	}
	for i, s := range segs {
		if i != headline {
			add(s)
		}
	}
	return p
}

// titleForms returns t folded, and t folded with the page's affixes cut
// from either end, one after the other, as long as something remains.
func (p page) titleForms(t string) map[string]bool {
	forms := map[string]bool{}
	var rec func(string, int)
	rec = func(f string, depth int) {
		if f == "" || forms[f] || depth > 6 {
			return
		}
		forms[f] = true
		for _, a := range p.affixes {
			if strings.HasSuffix(f, " "+a) {
				rec(strings.TrimSpace(strings.TrimSuffix(f, a)), depth+1)
			}
			if strings.HasPrefix(f, a+" ") {
				rec(strings.TrimSpace(strings.TrimPrefix(f, a)), depth+1)
			}
		}
	}
	rec(fold(t), 0)
	return forms
}

// titleMatch reports whether got and want are the same title: equal once
// folded, or once an affix the page marks is cut from either or both.
func (p page) titleMatch(got, want string) bool {
	if fold(got) == "" || fold(want) == "" {
		return false
	}
	g, w := p.titleForms(got), p.titleForms(want)
	for f := range g {
		if w[f] {
			return true
		}
	}
	return false
}

var (
	// a leading byline word: "By Jane Doe", "Par Sébastien Farcis"
	bylineLead = regexp.MustCompile(`(?i)^\s*(written by|by|par|von|por)\s*:?\s+`)
	// a date label, a month name or a digit starts the date or time that
	// ends a byline: "By Nathan Willis March 25, 2015", "Lucas Nolan22 Dec
	// 2016", "Last Updated: January 7, 2025"
	bylineDate = regexp.MustCompile(`(?i)((last )?updated|published|posted on)\b|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d|\d`)
	parens     = regexp.MustCompile(`\([^)]*\)`)
	nameSplit  = regexp.MustCompile(`(?i),|&|\band\b`)
)

// bylineNames reads a byline as the set of people it names: a
// parenthesised remark is dropped ("Bradley M. Kuhn (http://…)"), then a
// leading by-word, then everything from the first date or time on; what
// remains is split at commas, "&" and "and", each name folded.
func bylineNames(s string) map[string]bool {
	s = parens.ReplaceAllString(s, " ")
	s = bylineLead.ReplaceAllString(s, "")
	if loc := bylineDate.FindStringIndex(s); loc != nil {
		s = s[:loc[0]]
	}
	names := map[string]bool{}
	for _, p := range nameSplit.Split(s, -1) {
		if f := fold(p); f != "" {
			names[f] = true
		}
	}
	return names
}

// bylineMatch reports whether got and want name the same people.
func bylineMatch(got, want string) bool {
	g, w := bylineNames(got), bylineNames(want)
	if len(w) == 0 || len(g) != len(w) {
		return false
	}
	for n := range w {
		if !g[n] {
			return false
		}
	}
	return true
}

var isoDay = regexp.MustCompile(`^\s*(\d{4})-(\d{2})-(\d{2})`)

// day returns the calendar day a date string writes (YYYY-MM-DD), read
// before any time or zone: "2019-01-03T07:00:02.000Z" and "2019-01-03"
// are the same day, whatever the zone. A date written as in mail or HTTP
// ("Thu, 22 Dec 2016 10:43:37 -0800") is read in its own zone too. ""
// when s is neither.
func day(s string) string {
	if m := isoDay.FindStringSubmatch(s); m != nil {
		return m[1] + "-" + m[2] + "-" + m[3]
	}
	for _, layout := range []string{time.RFC1123Z, time.RFC1123, time.RFC850, time.ANSIC} {
		if t, err := time.Parse(layout, strings.TrimSpace(s)); err == nil {
			return t.Format("2006-01-02")
		}
	}
	return ""
}

// dateMatch reports whether got and want fall on the same calendar day.
func dateMatch(got, want string) bool {
	g, w := day(got), day(want)
	return g != "" && g == w
}

package article

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/lede-news/lede/internal/doc"
)

// line is one paragraph candidate of pasted text with the features the
// rules look at.
type line struct {
	doc.Span
	words       int
	ends        bool // ends like a sentence: . ! ? or a closing quote after one
	teaser      bool // ends with "..." (a cut-off teaser)
	stops       int  // sentence ends inside the line
	boiler      bool // menu, share, footer or advertising vocabulary
	byline      bool
	date        string // ISO date found on a short line
	headline    bool   // could be a listed headline: a short line with no final period
	body        bool   // reads like a paragraph of prose
	role        doc.Role
	blankBefore bool
}

// parseText reads pasted text. Each non-empty line is a block (a line that
// was hard-wrapped mid-sentence is joined to the next); the body is the run
// of prose lines with the most words, allowing short lines (subheadings,
// list items) inside it; short unpunctuated lines around it are related
// headlines when they come in runs, and the title, byline and date are
// looked for just above the body.
func parseText(input string) *doc.Document {
	d := &doc.Document{Text: input}
	lines := splitLines(input)
	seen := make(map[string]int, len(lines))
	for _, l := range lines {
		seen[l.Of(input)]++
	}
	described := make([]line, len(lines))
	for i := range lines {
		describe(input, &lines[i])
		described[i] = lines[i]
		if seen[lines[i].Of(input)] > 1 {
			// a line printed twice is a caption, a menu or a teaser: an
			// article does not repeat its paragraphs
			lines[i].body = false
			lines[i].boiler = true
			lines[i].headline = false
		}
	}
	classifyLines(d, lines)
	if !hasBody(lines) {
		// Everything repeats (a text pasted twice, a chant, a test): the
		// rule above would leave no article at all, so judge the lines
		// as if each stood once.
		lines = described
		classifyLines(d, lines)
	}
	for _, l := range lines {
		d.Blocks = append(d.Blocks, doc.Block{Span: l.Span, Role: l.role})
	}
	return d
}

func hasBody(ls []line) bool {
	for _, l := range ls {
		if l.role == doc.Body {
			return true
		}
	}
	return false
}

// splitLines returns the trimmed non-empty lines of text, joining a line
// that breaks mid-sentence (no final punctuation, the next line starting
// in lower case) with the next one.
func splitLines(text string) []line {
	var out []line
	start := 0
	blank := true
	for start <= len(text) {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		s, e := trimSpan(text, start, end)
		if s < e {
			if n := len(out); n > 0 && !blank && joinable(text, out[n-1].Span, s) {
				out[n-1].End = e
			} else {
				out = append(out, line{Span: doc.Span{Start: s, End: e}, blankBefore: blank})
			}
			blank = false
		} else {
			blank = true
		}
		start = end + 1
	}
	return out
}

// joinable reports whether the line at prev was hard-wrapped into the line
// starting at next.
func joinable(text string, prev doc.Span, next int) bool {
	if prev.Len() < 50 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(text[prev.Start:prev.End])
	if strings.ContainsRune(".!?:;\"”’)…|", last) {
		return false
	}
	first, _ := utf8.DecodeRuneInString(text[next:])
	return unicode.IsLower(first)
}

func trimSpan(text string, s, e int) (int, int) {
	for s < e {
		r, n := utf8.DecodeRuneInString(text[s:e])
		if !unicode.IsSpace(r) && r != '\u200b' && r != '\ufeff' {
			break
		}
		s += n
	}
	for e > s {
		r, n := utf8.DecodeLastRuneInString(text[s:e])
		if !unicode.IsSpace(r) && r != '\u200b' && r != '\ufeff' {
			break
		}
		e -= n
	}
	return s, e
}

func describe(text string, l *line) {
	s := l.Of(text)
	l.words = countWords(s)
	l.ends, l.teaser = sentenceEnd(s)
	l.stops = countStops(s)
	l.boiler = isBoilerplate(s, l.words)
	l.byline = isByline(s, l.words)
	if l.words <= 14 {
		l.date = findDate(s)
	}
	if l.words <= 20 && isCaption(s, l.words) || isGalleryCaption(s) {
		l.boiler = true
	}
	l.headline = !l.ends && !l.teaser && l.words >= 3 && l.words <= 25 && len(s) <= 220 && !l.boiler && !l.byline &&
		!(l.date != "" && l.words <= 8) && !strings.HasSuffix(s, ":") && !strings.HasSuffix(s, ",")
	if q, _ := utf8.DecodeLastRuneInString(s); q == '?' || q == '!' {
		// "Is this the end of cheap flights?" is a headline too
		l.headline = l.words >= 3 && l.words <= 20 && l.stops <= 1 && !l.boiler && titleCased(s)
	}
	l.body = !l.boiler && (l.ends && l.words >= 8 || l.words >= 30 && l.stops >= 1 || l.words >= 40 || l.teaser && l.words >= 25 ||
		l.words >= 20 && !titleCased(s))
}

// countWords counts the words of s; Chinese and Japanese, written without
// spaces, count one word per two characters.
func countWords(s string) int {
	n, cjk, in := 0, 0, false
	for _, r := range s {
		if r >= 0x3040 && (unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r)) {
			cjk++
			in = false
			continue
		}
		w := unicode.IsLetter(r) || unicode.IsDigit(r)
		if w && !in {
			n++
		}
		in = w || in && (r == '\'' || r == '’' || r == '-' || r == '.')
	}
	return n + cjk/2
}

// sentenceEnd reports whether s ends like a sentence, and whether it ends
// with an ellipsis (a teaser cut short).
func sentenceEnd(s string) (ends, teaser bool) {
	s = strings.TrimRight(s, "\"”’')]» \t")
	if strings.HasSuffix(s, "...") || strings.HasSuffix(s, "…") {
		return false, true
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return r == '.' || r == '!' || r == '?' || r == '。' || r == '！' || r == '？', false
}

func countStops(s string) int {
	n := 0
	for i := 0; i+1 < len(s); i++ {
		if (s[i] == '.' || s[i] == '!' || s[i] == '?') && s[i+1] == ' ' {
			n++
		}
	}
	return n
}

// allCaps reports whether the letters of s are (nearly) all capitals.
func allCaps(s string) bool {
	up, low := 0, 0
	for _, r := range s {
		if unicode.IsUpper(r) {
			up++
		} else if unicode.IsLower(r) {
			low++
		}
	}
	return up >= 8 && low*10 <= up
}

// titleCased reports whether most words of s start with a capital letter,
// as headlines in English usually do.
func titleCased(s string) bool {
	caps, words := 0, 0
	for _, f := range strings.Fields(s) {
		r, _ := utf8.DecodeRuneInString(f)
		if !unicode.IsLetter(r) {
			continue
		}
		words++
		if unicode.IsUpper(r) {
			caps++
		}
	}
	return words > 0 && caps*10 >= words*6
}

// classifyLines gives every line its role.
func classifyLines(d *doc.Document, ls []line) {
	if len(ls) == 0 {
		return
	}
	// The body: the run of lines with the best sum, prose lines counting
	// their words and other lines a cost, so a list of headlines or a menu
	// splits regions while a subheading does not.
	weights := make([]int, len(ls))
	for i, l := range ls {
		switch {
		case l.body:
			weights[i] = l.words
		case l.boiler:
			weights[i] = -(6 + l.words)
		case l.words >= 8 && !l.headline || l.blankBefore && (i+1 == len(ls) || ls[i+1].blankBefore) && l.words >= 2 && !l.headline:
			// a short paragraph of its own ("Now get prepping!"): pasted
			// page text sets paragraphs apart with blank lines, menus not
			weights[i] = -1
		default:
			weights[i] = -(5 + l.words)
		}
	}
	best, bestStart, bestEnd := 0, -1, -1
	sum, start := 0, 0
	for i, w := range weights {
		if sum <= 0 {
			sum, start = 0, i
		}
		sum += w
		if sum > best {
			best, bestStart, bestEnd = sum, start, i+1
		}
	}
	for i := range ls {
		ls[i].role = doc.Boilerplate
	}
	if bestStart < 0 {
		// no prose at all: a list of headlines, or a few short lines
		heads := 0
		for _, l := range ls {
			if l.headline {
				heads++
			}
		}
		for i := range ls {
			switch {
			case heads >= 2 && ls[i].headline:
				ls[i].role = doc.Related
			case heads < 2 && !ls[i].boiler:
				ls[i].role = doc.Body
			}
		}
		return
	}
	// a comments or "more stories" heading inside the run ends the body
	bodyLines := 0
	for i := bestStart; i < bestEnd; i++ {
		if ls[i].body {
			bodyLines++
		} else if bodyLines >= 2 && ls[i].words <= 8 && (isCommentsHeading(d.Text[ls[i].Start:ls[i].End]) || isStrongSectionEnd(d.Text[ls[i].Start:ls[i].End])) {
			bestEnd = i
			break
		} else if bodyLines >= 2 && ls[i].words <= 8 && isSectionEnd(d.Text[ls[i].Start:ls[i].End]) && bodyWords(ls[bestStart:i]) > 2*bodyWords(ls[i:bestEnd]) {
			bestEnd = i
			break
		}
	}
	// a run of "headline, one-paragraph summary" pairs after the body is a
	// list of other stories
	if k := teaserRun(ls, bestStart, bestEnd); k < bestEnd {
		bestEnd = k
	}
	for bestEnd > bestStart && !ls[bestEnd-1].body {
		bestEnd--
	}
	// a line ending in a colon introduces what follows: a list of tour
	// dates, ingredients or steps belongs to the body
	if bestEnd < len(ls) && !strings.HasSuffix(d.Text[ls[bestEnd-1].Start:ls[bestEnd-1].End], ":") &&
		strings.HasSuffix(d.Text[ls[bestEnd].Start:ls[bestEnd].End], ":") && !ls[bestEnd].boiler && ls[bestEnd].words >= 3 {
		bestEnd++ // "The tour's 2020 dates:" just after the last paragraph
	}
	if bestEnd < len(ls) && strings.HasSuffix(d.Text[ls[bestEnd-1].Start:ls[bestEnd-1].End], ":") {
		k := bestEnd
		for k < len(ls) && !ls[k].boiler && ls[k].words <= 40 && (k == bestEnd || !ls[k].blankBefore) {
			k++
		}
		bestEnd = k
	}
	for i := bestStart; i < bestEnd; i++ {
		l := &ls[i]
		switch {
		case l.body:
			l.role = doc.Body
		case l.boiler || l.words == 0:
			l.role = doc.Boilerplate
		case l.byline:
			l.role = doc.Byline
			if d.Byline == "" {
				d.Byline = bylineName(l.Of(d.Text))
			}
		case l.date != "" && l.words <= 8:
			l.role = doc.Dateline
			if d.Published == "" {
				d.Published = l.date
			}
		case isRelatedLead(d.Text[l.Start:l.End]) || l.words >= 4 && !l.ends && allCaps(d.Text[l.Start:l.End]):
			// "READ MORE: ..." or a capitalised link to another story
			l.role = doc.Related
		case l.words <= 3 && !l.blankBefore && !(i+1 < len(ls) && ls[i+1].blankBefore) && !l.ends:
			// a short line squeezed between others: a caption credit, a
			// time stamp, a button
			l.role = doc.Boilerplate
		default:
			l.role = doc.Body
		}
	}
	// above the body: date, byline, title
	titleAt := -1
	for i := bestStart - 1; i >= 0 && i >= bestStart-8; i-- {
		l := &ls[i]
		switch {
		case l.byline:
			l.role = doc.Byline
			if d.Byline == "" {
				d.Byline = bylineName(l.Of(d.Text))
			}
			if d.Published == "" && l.date != "" {
				d.Published = l.date
			}
			continue
		case l.date != "":
			l.role = doc.Dateline
			if d.Published == "" {
				d.Published = l.date
			}
			continue
		case l.words <= 2 || l.boiler:
			continue
		case l.words >= 3 && l.words <= 30 && !l.teaser && titleAt < 0 && (!l.ends || l.words <= 20):
			titleAt = i
		}
		break
	}
	if titleAt >= 0 {
		ls[titleAt].role = doc.Title
		d.Title = ls[titleAt].Of(d.Text)
	}
	// before and after the body: runs of headline lines are related items
	markRuns := func(from, to int) {
		for i := from; i < to; {
			if !ls[i].headline || ls[i].role != doc.Boilerplate {
				i++
				continue
			}
			j := i
			for j < to && ls[j].headline && ls[j].role == doc.Boilerplate {
				j++
			}
			if j-i >= 2 {
				for k := i; k < j; k++ {
					ls[k].role = doc.Related
				}
			}
			i = j
		}
	}
	markRuns(0, bestStart)
	markRuns(bestEnd, len(ls))
}

// teaserRun returns where, in ls[from:to], a run of at least three
// "short headline line, single summary paragraph" pairs begins that lasts
// to the end, or to when there is none. Articles with subheadings put
// several paragraphs under each; story lists put one short one.
func teaserRun(ls []line, from, to int) int {
	start, pairs := to, 0
	i := to - 1
	for i >= from {
		if !ls[i].body || ls[i].words > 60 {
			break
		}
		k := i - 1
		// a byline or a date may sit between headline and summary
		for skip := 0; skip < 2 && k > from && !ls[k].body && (ls[k].date != "" || ls[k].words <= 3 || ls[k].byline); skip++ {
			k--
		}
		if k < from || ls[k].body || ls[k].words < 3 || ls[k].words > 20 {
			break
		}
		pairs++
		start = k
		i = k - 1
	}
	if pairs >= 3 && start > from {
		return start
	}
	return to
}

func bodyWords(ls []line) int {
	n := 0
	for _, l := range ls {
		if l.body {
			n += l.words
		}
	}
	return n
}

// isCommentsHeading reports whether a line opens a comments section:
// "Comments", "[ 167 comments ]", "Top Rated Comments", "3 Comments".
func isCommentsHeading(s string) bool {
	low := strings.ToLower(strings.Trim(s, "[]() "))
	f := strings.Fields(low)
	if len(f) == 0 || len(f) > 5 {
		return false
	}
	last := f[len(f)-1]
	return last == "comments" || last == "comment" || last == "responses" || last == "replies" || strings.HasPrefix(low, "join the discussion") || strings.HasPrefix(low, "join the conversation")
}

// isRelatedLead reports whether a line inside the body is an inserted link
// ("Read more: ...", "RELATED: ...").
func isRelatedLead(s string) bool {
	low := strings.ToLower(s)
	for _, p := range []string{"read more", "related:", "related coverage", "see also", "read also", "also read", "more:", "watch:", "listen:", "recommended:"} {
		if strings.HasPrefix(low, p) {
			return true
		}
	}
	return false
}

// isByline reports whether s is a byline: "By Jane Doe", "Written by ...".
func isByline(s string, words int) bool {
	if words < 2 || words > 16 {
		return false
	}
	low := strings.ToLower(s)
	for _, p := range []string{"by ", "by: ", "written by ", "words by ", "story by ", "reporting by ", "posted by ", "von "} {
		if strings.HasPrefix(low, p) {
			r, _ := utf8.DecodeRuneInString(strings.TrimLeft(s[len(p):], " :"))
			return unicode.IsUpper(r) || strings.HasPrefix(low, "written") || strings.HasPrefix(low, "posted")
		}
	}
	return false
}

// bylineName returns the names of a byline line: "By Jane Doe | Nov 5,
// 2019" gives "Jane Doe".
func bylineName(s string) string {
	low := strings.ToLower(s)
	for _, p := range []string{"written by", "words by", "story by", "reporting by", "posted by", "by:", "by", "von"} {
		if strings.HasPrefix(low, p) {
			s = strings.TrimLeft(s[len(p):], " :")
			break
		}
	}
	for _, sep := range []string{" | ", " - ", " – ", " — ", " · ", " • ", "\n", "  ", ", updated", " updated", " published", " on "} {
		if k := strings.Index(strings.ToLower(s), sep); k > 0 {
			s = s[:k]
		}
	}
	// cut at a date: "Jane Doe November 18, 2019"
	fs := strings.Fields(s)
	for i, f := range fs {
		if i > 0 && monthNumber(strings.Trim(f, ".,")) > 0 {
			fs = fs[:i]
			break
		}
		// "Jane Doe 3 Comments"
		if i > 0 && isDigits(f) && i+1 < len(fs) && strings.HasPrefix(strings.ToLower(fs[i+1]), "comment") {
			fs = fs[:i]
			break
		}
	}
	return strings.TrimRight(strings.Join(fs, " "), " ,;")
}

// boilerplate vocabulary: matched against whole short lines or prefixes.
var boilerExact = map[string]bool{}

var boilerContains = []string{
	"©", "copyright", "all rights reserved", "privacy policy", "terms of use", "terms of service",
	"cookie", "subscribe", "newsletter", "sign up", "sign in", "log in", "skip to", "advertisement",
	"share this", "follow us", "download the app", "this story has been shared", "click here",
	"affiliate", "your inbox", "javascript", "filed under",
}

func init() {
	for _, w := range strings.Split(`home|menu|search|share|tweet|email|print|comments|comment|facebook|twitter|
	linkedin|pinterest|reddit|whatsapp|instagram|youtube|flipboard|copy|copy link|rss|more|next|previous|close|
	advertisement|ad|sponsored|related|trending|most read|most popular|popular|recommended|tags|topics|
	filed under|share on facebook|share on twitter|read more|continue reading|loading|subscribe|sign in|
	log in|login|register|contact|about|about us|contact us|sections|news|top stories|latest|latest news|
	you may also like|more stories|more from|see also|enlarge image|image|photo|video|play|watch|listen|
	back to top|skip to main content|caption|back to gallery|view gallery|shares|share this article|share this article:|sharing is caring!`, "|") {
		boilerExact[strings.TrimSpace(w)] = true
	}
}

// boilerAnyLength marks consent banners and legal notices, however long.
var boilerAnyLength = []string{
	"use cookies", "uses cookies", "cookie policy", "cookie settings", "accept cookies", "necessary cookies",
	"this website uses", "all rights reserved", "by continuing to use", "please enable javascript",
	"activation link", "your subscription", "unsubscribe", "stay up to date with", "subscribe to our",
	"sign up for our", "join our",
}

// isBoilerplate reports whether a line is navigation, sharing, advertising
// or footer text.
func isBoilerplate(s string, words int) bool {
	low := strings.ToLower(strings.TrimSpace(s))
	if boilerExact[strings.TrimRight(low, ":")] {
		return true
	}
	if words == 0 {
		return true
	}
	for _, c := range boilerAnyLength {
		if strings.Contains(low, c) {
			return true
		}
	}
	if words <= 14 {
		for _, c := range boilerContains {
			if strings.Contains(low, c) {
				return true
			}
		}
		// "About / Advertise / Contact", "Home | News | Sport"
		if strings.Count(s, " / ")+strings.Count(s, " | ") >= 2 {
			return true
		}
	}
	return false
}

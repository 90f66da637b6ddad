package article

import (
	"errors"
	"math"
	"strconv"
	"strings"

	"github.com/lede-news/lede/internal/doc"
)

// Pasted text can get the same treatment as HTML (blocks.go): the hand
// rules of text.go give every line a role, then a model learnt from the dev
// pastes (cmd/train-blocks -kind text) reads each line's features, what
// the rules made of it and of its neighbours, and its neighbourhood
// (tables, lists, repeats, the date or byline above), and says body or
// not; the best run or segment decoding keeps the lines whose scores pay
// for them. Under 5-fold cross-validation such a model has not beaten the
// rules by more than noise (three rounds now: 47 features, 83, then these
// 101 with segment decoding, whose nested CV fell below the rules), so
// none ships and parseText uses the rules alone; the features are kept so
// the experiment can be rerun (docs/models/blocks.md, "Pasted text").

// ParseLineModel reads a line model as LineModelText writes it: a
// BlockModel over the line features, and the segment decoding's cost per
// extra stretch (0 when the file has no "segments" line).
func ParseLineModel(s string) (*BlockModel, float64, error) {
	var b strings.Builder
	seg := 0.0
	for _, ln := range strings.SplitAfter(s, "\n") {
		if v, ok := strings.CutPrefix(ln, "segments "); ok {
			var err error
			seg, err = strconv.ParseFloat(strings.TrimSpace(v), 64)
			if err != nil || seg < 0 {
				return nil, 0, errors.New("line model: bad segments line " + strconv.Quote(ln))
			}
			continue
		}
		b.WriteString(ln)
	}
	m, err := ParseModel(b.String(), lineFeatureNames)
	return m, seg, err
}

// LineModelText writes a line model with its segment cost, as
// lines.model holds it.
func LineModelText(m *BlockModel, seg float64) string {
	s := m.String()
	if seg > 0 {
		s += "segments " + strconv.FormatFloat(seg, 'g', -1, 64) + "\n"
	}
	return s
}

var lineBase = []string{
	"words", "ends", "teaser", "stops", "boiler", "byline", "date", "headline", "prose",
	"blank_before", "wrapped", "repeated", "rule_body", "rule_related", "rule_title", "rule_meta",
	"position", "near_body", "punct", "stop_words", "capitals", "digits", "colon_end", "list_item",
	"body_share", "in_run", "run_dist",
	// generic context, added in the third round (no rule verdict among
	// them): the line's paragraph group (lines with no blank line between
	// them: menus and lists come as one group, copied paragraphs apart),
	// how often it is printed, the prose share of the words around it,
	// a section-ending heading since the densest run began, the prose
	// that follows it, a clock time or "ago" stamp, title case
	"blank_after", "group_lines", "rep_count", "win3_prose", "win8_prose", "after_end",
	"prose_after", "run_pos", "stamp", "title_case",
	// the first stage of the rules, their weighted Kadane run of prose
	// (before any heading, teaser or list rule cuts or extends it)
	"in_krun", "krun_dist",
	// comment threads and footers: short lines and stamps around, and
	// how many blank lines stand before the line
	"win_short", "win_stamp", "blank_lines",
	// a comments heading ("3 Comments", "Join the discussion") after
	// 100 words of prose
	"after_comments",
	// the neighbourhood, fourth round (issue 13: list and table articles):
	// table rows (tab or wide-gap columns) and the run of them the line is
	// in, digits and list markers around, the run of short lines it is in,
	// how many lines around are printed twice (a meal plan repeats its
	// items inside the article, a menu at its top and bottom), a colon
	// line just above (a list under its lead-in), the distance from the
	// last date or byline line above (the article starts under them), the
	// prose share of its paragraph group and the boilerplate still to come
	"columns", "table_run", "win_digits", "win_list", "short_run", "win_repeated",
	"colon_above", "anchor_dist", "group_prose", "boiler_after",
}

var lineNeighbour = []string{"rule_body", "prose", "words", "headline", "blank_before", "ends", "boiler", "group_lines", "colon_end", "list_item", "columns", "repeated"}

var lineFeatureNames, lineNeighbourIdx = withNeighbours(lineBase, lineNeighbour)

// ParseTextSegments reads pasted text with line model m and segment
// decoding (seg > 0: stretches of body, each costing seg; see segments),
// for training and cross-validation.
func ParseTextSegments(input string, m *BlockModel, seg float64) *doc.Document {
	return parseTextSeg(input, m, seg)
}

// LineSamples cuts a paste into lines by the hand rules and returns every
// line with its features, for training.
func LineSamples(input string) []BlockSample {
	_, lines := ruleLines(input)
	if !hasProse(lines) {
		return nil
	}
	X := lineFeatures(input, lines)
	out := make([]BlockSample, len(lines))
	for i := range lines {
		out[i] = BlockSample{Text: lines[i].Of(input), X: X[i]}
	}
	return out
}

// lineFeatures returns the feature vector of every line.
func lineFeatures(text string, ls []line) [][]float64 {
	n := len(ls)
	nb := len(lineBase)
	base := make([]float64, n*nb)
	near := make([]int, n)
	d := n + 10
	bodyWords := 0
	for i := range ls {
		if ls[i].role == doc.Body {
			d = 0
			bodyWords += ls[i].words
		} else {
			d++
		}
		near[i] = d
	}
	d = n + 10
	for i := n - 1; i >= 0; i-- {
		if ls[i].role == doc.Body {
			d = 0
		} else {
			d++
		}
		near[i] = min(near[i], d)
	}
	// the paste's longest stretch of prose, from the lines' words and
	// final punctuation alone (no rule's verdict): a line of 8+ words that
	// ends like a sentence counts its words, any other costs 2 + its words
	runLo, runHi := bestRun(n, func(i int) float64 {
		if ls[i].ends && ls[i].words >= 8 {
			return float64(ls[i].words)
		}
		return -2 - float64(ls[i].words)
	})
	ctx := lineContext(text, ls, runLo, runHi)
	hood := lineHood(text, ls)
	for i := range ls {
		l := &ls[i]
		s := l.Of(text)
		x := base[i*nb : (i+1)*nb]
		copy(x[27:], ctx[i*lineContextN:(i+1)*lineContextN])
		copy(x[27+lineContextN:], hood[i*lineHoodN:(i+1)*lineHoodN])
		stops, caps, digits, punct, letters := textStats(s)
		words := float64(max(l.words, 1))
		x[0] = math.Log1p(float64(l.words)) / 6
		x[1] = b2f(l.ends)
		x[2] = b2f(l.teaser)
		x[3] = math.Min(float64(l.stops), 10) / 10
		x[4] = b2f(l.boiler)
		x[5] = b2f(l.byline)
		x[6] = b2f(l.date != "")
		x[7] = b2f(l.headline)
		x[8] = b2f(l.prose)
		x[9] = b2f(l.blankBefore)
		x[10] = b2f(l.wrapped)
		x[11] = b2f(l.repeated)
		x[12] = b2f(l.role == doc.Body)
		x[13] = b2f(l.role == doc.Related)
		x[14] = b2f(l.role == doc.Title)
		x[15] = b2f(l.role == doc.Byline || l.role == doc.Dateline)
		x[16] = float64(i) / float64(max(n-1, 1))
		x[17] = math.Min(float64(near[i]), 10) / 10
		x[18] = math.Min(float64(punct)/words, 1)
		x[19] = float64(stops) / words
		x[20] = float64(caps) / words
		x[21] = float64(digits) / float64(max(letters+digits, 1))
		x[22] = b2f(strings.HasSuffix(s, ":"))
		x[23] = b2f(listItem(s))
		x[24] = float64(l.words) / float64(max(bodyWords, 1))
		x[25] = b2f(i >= runLo && i <= runHi)
		x[26] = math.Min(float64(max(runLo-i, i-runHi, 0)), 10) / 10
	}
	out := make([][]float64, n)
	nf := len(lineFeatureNames)
	flat := make([]float64, n*nf)
	for i := range out {
		x := flat[i*nf : (i+1)*nf]
		copy(x, base[i*nb:(i+1)*nb])
		k := nb
		for _, off := range []int{-1, 1, -2, 2} {
			j := i + off
			for _, f := range lineNeighbourIdx {
				if j >= 0 && j < n {
					x[k] = base[j*nb+f]
				}
				k++
			}
		}
		out[i] = x
	}
	return out
}

// lineContextN is the number of context features lineContext gives a line.
const lineContextN = 16

// lineContext returns, for every line, the context features that follow
// run_dist in lineBase; runLo..runHi is the paste's densest run of prose.
func lineContext(text string, ls []line, runLo, runHi int) []float64 {
	n := len(ls)
	out := make([]float64, n*lineContextN)
	count := make(map[string]int, n)
	for i := range ls {
		count[ls[i].Of(text)]++
	}
	// prefix sums of words and of prose words, for the windows
	words := make([]int, n+1)
	prose := make([]int, n+1)
	for i, l := range ls {
		words[i+1], prose[i+1] = words[i]+l.words, prose[i]
		if l.body {
			prose[i+1] += l.words
		}
	}
	share := func(lo, hi int) float64 {
		lo, hi = max(lo, 0), min(hi, n-1)
		w := words[hi+1] - words[lo]
		if w == 0 {
			return 0
		}
		return float64(prose[hi+1]-prose[lo]) / float64(w)
	}
	// groups of lines with no blank line between them
	group := make([]int, n)
	for i := 0; i < n; {
		j := i + 1
		for j < n && !ls[j].blankBefore {
			j++
		}
		for k := i; k < j; k++ {
			group[k] = j - i
		}
		i = j
	}
	kLo, kHi := proseRun(ls)
	short := make([]int, n+1)
	stamp := make([]int, n+1)
	for i, l := range ls {
		short[i+1], stamp[i+1] = short[i], stamp[i]
		if l.words <= 3 {
			short[i+1]++
		}
		if s := l.Of(text); l.words <= 10 && (strings.Contains(s, " ago") || clockTime(s)) {
			stamp[i+1]++
		}
	}
	frac := func(c []int, i, w int) float64 {
		lo, hi := max(i-w, 0), min(i+w, n-1)
		return float64(c[hi+1]-c[lo]) / float64(hi-lo+1)
	}
	// a section-ending heading ("Comments", "More stories", "Related")
	// inside or after the densest run, after some of its prose
	ended, comments := false, false
	for i := range ls {
		x := out[i*lineContextN : (i+1)*lineContextN]
		s := ls[i].Of(text)
		if i > runLo && ls[i].words <= 8 && !ls[i].body && prose[i]-prose[max(runLo, 0)] > 0 &&
			(isCommentsHeading(s) || isStrongSectionEnd(s) || isSectionEnd(s)) {
			ended = true
		}
		if ls[i].words <= 8 && !ls[i].body && prose[i] >= 100 && isCommentsHeading(s) {
			comments = true
		}
		x[15] = b2f(comments)
		x[0] = b2f(i+1 == n || ls[i+1].blankBefore)
		x[1] = math.Log1p(float64(group[i])) / 4
		x[2] = math.Log1p(float64(count[s]-1)) / 2
		x[3] = share(i-3, i+3)
		x[4] = share(i-8, i+8)
		x[5] = b2f(ended)
		if prose[n] > 0 {
			x[6] = float64(prose[n]-prose[i+1]) / float64(prose[n])
		}
		if runHi > runLo {
			x[7] = math.Max(-1, math.Min(2, float64(i-runLo)/float64(runHi-runLo)))
		}
		x[8] = float64(stamp[i+1] - stamp[i])
		x[9] = b2f(titleCased(s))
		if kLo >= 0 {
			x[10] = b2f(i >= kLo && i < kHi)
			x[11] = math.Min(float64(max(kLo-i, i-kHi+1, 0)), 10) / 10
		} else {
			x[11] = 1
		}
		x[12] = frac(short, i, 4)
		x[13] = frac(stamp, i, 4)
		if i > 0 {
			x[14] = math.Min(float64(strings.Count(text[ls[i-1].End:ls[i].Start], "\n")-1), 3) / 3
		}
	}
	return out
}

// lineHoodN is the number of neighbourhood features lineHood gives a line.
const lineHoodN = 10

// lineHood returns, for every line, the neighbourhood features that
// follow after_comments in lineBase: what kind of stretch of lines the
// line stands in (a table, a list, a block of repeated items, a menu),
// from the lines' shapes alone.
func lineHood(text string, ls []line) []float64 {
	n := len(ls)
	out := make([]float64, n*lineHoodN)
	cols := make([]int, n)
	// prefix counts: digits and characters, list items, repeated lines
	digits := make([]int, n+1)
	chars := make([]int, n+1)
	list := make([]int, n+1)
	rep := make([]int, n+1)
	boiler := make([]int, n+1)
	for i := range ls {
		s := ls[i].Of(text)
		cols[i] = columnCount(s)
		d := 0
		for k := 0; k < len(s); k++ {
			if isDigit(s[k]) {
				d++
			}
		}
		digits[i+1], chars[i+1] = digits[i]+d, chars[i]+len(s)
		list[i+1], rep[i+1], boiler[i+1] = list[i]+int(b2f(listItem(s))), rep[i]+int(b2f(ls[i].repeated)), boiler[i]+int(b2f(ls[i].boiler))
	}
	win := func(c []int, i, w int) float64 {
		lo, hi := max(i-w, 0), min(i+w, n-1)
		return float64(c[hi+1]-c[lo]) / float64(hi-lo+1)
	}
	// runs of lines sharing a shape: the length of the run holding line i
	runOf := func(is func(int) bool) []int {
		r := make([]int, n)
		for i := 0; i < n; {
			if !is(i) {
				i++
				continue
			}
			j := i
			for j < n && is(j) {
				j++
			}
			for k := i; k < j; k++ {
				r[k] = j - i
			}
			i = j
		}
		return r
	}
	table := runOf(func(i int) bool { return cols[i] >= 2 })
	short := runOf(func(i int) bool { return ls[i].words <= 5 })
	// paragraph groups' prose share
	gprose := make([]float64, n)
	for i := 0; i < n; {
		j, w, p := i+1, ls[i].words, 0
		if ls[i].body {
			p = ls[i].words
		}
		for j < n && !ls[j].blankBefore {
			w += ls[j].words
			if ls[j].body {
				p += ls[j].words
			}
			j++
		}
		for k := i; k < j; k++ {
			gprose[k] = float64(p) / float64(max(w, 1))
		}
		i = j
	}
	colon, anchor := -100, -100
	for i := range ls {
		x := out[i*lineHoodN : (i+1)*lineHoodN]
		x[0] = math.Min(float64(cols[i]), 8) / 8
		x[1] = math.Log1p(float64(table[i])) / 4
		if chars[min(i+5, n)]-chars[max(i-4, 0)] > 0 {
			x[2] = float64(digits[min(i+5, n)]-digits[max(i-4, 0)]) / float64(chars[min(i+5, n)]-chars[max(i-4, 0)])
		}
		x[3] = win(list, i, 4)
		x[4] = math.Log1p(float64(short[i])) / 4
		x[5] = win(rep, i, 4)
		x[6] = math.Min(float64(i-colon), 10) / 10
		x[7] = math.Min(float64(i-anchor), 40) / 40
		x[8] = gprose[i]
		if n-i-1 > 0 {
			x[9] = float64(boiler[n]-boiler[i+1]) / float64(n-i-1)
		}
		s := ls[i].Of(text)
		if strings.HasSuffix(s, ":") {
			colon = i
		}
		if ls[i].words <= 16 && (ls[i].byline || ls[i].date != "") {
			anchor = i
		}
	}
	return out
}

// columnCount returns how many columns s is laid out in beyond the first:
// tabs, or gaps of three spaces or more, as in a table row.
func columnCount(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '\t':
			n++
			for i+1 < len(s) && (s[i+1] == '\t' || s[i+1] == ' ') {
				i++
			}
		case s[i] == ' ' && i+2 < len(s) && s[i+1] == ' ' && s[i+2] == ' ':
			n++
			for i+1 < len(s) && s[i+1] == ' ' {
				i++
			}
		}
	}
	return n
}

// segments decodes a sequence of line values v (positive: body-like, in
// words) into stretches of body: the stretches with the greatest sum of
// their lines' values, less seg for each stretch after the first, found
// by a Viterbi pass over three states (before any body, in the body,
// after a stretch of it). With a large seg it is the best run; with a
// small one, every stretch of positive value. It returns which lines lie
// in a stretch.
func segments(n int, v func(int) float64, seg float64) []bool {
	in := make([]bool, n)
	if n == 0 {
		return in
	}
	// from[i]: how the body state at i was reached (0 from the body, 1
	// from before any body, 2 from after a stretch); bit 2, whether the
	// after state at i was reached from the body
	from := make([]uint8, n)
	body, after := math.Inf(-1), math.Inf(-1) // before any body: always 0
	for i := 0; i < n; i++ {
		var f uint8
		b := body
		if 0 > b {
			b, f = 0, 1
		}
		if after-seg > b {
			b, f = after-seg, 2
		}
		a := after
		if body > a {
			a = body
			f |= 4
		}
		body, after, from[i] = b+v(i), a, f
	}
	state := 0 // 0 before, 1 body, 2 after
	switch {
	case body >= after && body > 0:
		state = 1
	case after > 0:
		state = 2
	}
	for i := n - 1; i >= 0 && state != 0; i-- {
		switch state {
		case 1:
			in[i] = true
			switch from[i] & 3 {
			case 1:
				state = 0
			case 2:
				state = 2
			}
		case 2:
			if from[i]&4 != 0 {
				state = 1
			}
		}
	}
	return in
}

// hasProse reports whether the rules found prose: a paste without (a list
// of headlines, a few short lines) keeps the rules' answer, and the line
// model neither learns from it nor judges it.
func hasProse(ls []line) bool {
	for _, l := range ls {
		if l.body {
			return true
		}
	}
	return false
}

// clockTime reports whether s holds a time of day such as "08:12".
func clockTime(s string) bool {
	for i := 1; i+2 < len(s); i++ {
		if s[i] == ':' && isDigit(s[i-1]) && isDigit(s[i+1]) && isDigit(s[i+2]) && (i+3 == len(s) || !isDigit(s[i+3])) {
			return true
		}
	}
	return false
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

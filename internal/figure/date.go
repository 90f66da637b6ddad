package figure

import (
	"strconv"

	"github.com/lede-news/lede/internal/doc"
)

// date reads a date or time that starts with a word at i: "Oct. 29",
// "October 29, 2025", "October 2025", "in October", "Wednesday",
// "yesterday", "last year", "noon". It returns the pieces consumed.
func (s *scanner) date(i int) int {
	w := s.t(i)
	// a month or a weekday only capitalised, asked first: most start
	// words are not, and each lookup is a map probe
	if s.isCap(i) {
		if m, ok := lookupI(months, trimDot(w)); ok {
			return s.monthDate(i, m)
		}
		if wd, ok := lookupI(weekdays, w); ok {
			return s.weekday(i, wd)
		}
	}
	off, ok := 0, false
	if mayBeRelativeDay(w) {
		off, ok = lookupI(relativeDays, w)
	}
	if ok {
		unit := ""
		if s.hasPub {
			unit = isoDate(s.pub + day(off))
		}
		s.emit(i, i+1, doc.Date, nil, unit, "")
		return 1
	}
	if (s.is(i, "this") || s.is(i, "last") || s.is(i, "next")) && s.isWord(i+1) {
		var unit string
		dir := 0
		if s.is(i, "last") {
			dir = -1
		} else if s.is(i, "next") {
			dir = 1
		}
		switch {
		case s.is(i+1, "year"):
			if s.hasPub {
				y, _, _ := s.pub.date()
				unit = strconv.Itoa(y + dir)
			}
		case s.is(i+1, "month"):
			if s.hasPub {
				y, m, _ := s.pub.date()
				unit = isoMonth(dayOf(y, m+dir, 1))
			}
		case s.is(i+1, "week"):
			if s.hasPub {
				y, wk := (s.pub + day(7*dir)).isoWeek()
				unit = pad(y, 4) + "-W" + pad(wk, 2)
			}
		default:
			return 0
		}
		s.emit(i, i+2, doc.Date, nil, unit, "")
		return 2
	}
	if s.is(i, "noon") || s.is(i, "midday") {
		s.emit(i, i+1, doc.Time, nil, "12:00", "")
		return 1
	}
	if s.is(i, "midnight") {
		s.emit(i, i+1, doc.Time, nil, "00:00", "")
		return 1
	}
	return 0
}

// monthDate reads a date that starts with the month name at i.
func (s *scanner) monthDate(i, m int) int {
	k := i + 1
	if !hasDot(s.t(i)) && len(s.t(i)) <= 4 && s.is(k, ".") && s.glued(k) && s.isNum(k+1) {
		k++ // "Oct" "." "29" when the tokenizer left the period apart
	}
	// "October 29", "Oct. 29th", "October 29, 2025"
	if day, ok := s.smallInt(k, 1, 31); ok && !s.glued(k) && !s.timeAfter(k) {
		e := k + 1
		if s.isWord(e) && s.glued(e) && ordinalSuffix(s.t(e)) {
			e++
		}
		y := -1
		c := e
		if s.is(c, ",") {
			c++
		}
		if yr, ok := s.smallInt(c, 1000, 2999); ok && s.p[c].end-s.p[c].start == 4 {
			y, e = yr, c+1
		}
		s.emit(i, e, doc.Date, nil, s.isoDay(y, m, day), "")
		return e - i
	}
	// "October 2025"
	if yr, ok := s.smallInt(k, 1000, 2999); ok && s.p[k].end-s.p[k].start == 4 {
		s.emit(i, k+1, doc.Date, nil, pad(yr, 4)+"-"+pad(m, 2), "")
		return k + 1 - i
	}
	// a month alone only after a word that makes it a time: "in October",
	// "since March", "early May" — "May" alone is mostly a verb.
	if s.in(i-1, monthCues) && !s.glued(i) {
		unit := ""
		if s.hasPub && (s.is(i-1, "this") || s.is(i-1, "in")) && m == s.pubMonth() {
			unit = isoMonth(s.pub)
		}
		s.emit(i, i+1, doc.Date, nil, unit, "")
		return 1
	}
	return 0
}

var monthCues = set(`in since by until till early late mid last next this through from before after during
	of on end`)

func hasDot(w string) bool { return len(w) > 0 && w[len(w)-1] == '.' }

// smallInt returns the plain integer at piece k when it lies in [lo, hi].
func (s *scanner) smallInt(k, lo, hi int) (int, bool) {
	if !s.isNum(k) {
		return 0, false
	}
	w := s.t(k)
	if len(w) > 4 {
		return 0, false
	}
	v, err := strconv.Atoi(w)
	if err != nil || v < lo || v > hi {
		return 0, false
	}
	return v, true
}

// timeAfter reports whether the number at k is an hour ("10:30", "3 p.m.").
func (s *scanner) timeAfter(k int) bool {
	return s.is(k+1, ":") && s.glued(k+1) || s.isMeridiem(k+1)
}

func (s *scanner) isMeridiem(k int) bool {
	return s.is(k, "a.m.") || s.is(k, "p.m.") || s.is(k, "am") || s.is(k, "pm") || s.is(k, "a.m") || s.is(k, "p.m")
}

// dayMonth reads "29 October [2025]" at the day number i and returns the
// end piece, or 0.
func (s *scanner) dayMonth(i, day int) int {
	k := i + 1
	if s.isWord(k) && s.glued(k) && ordinalSuffix(s.t(k)) {
		k++
	}
	if s.is(k, "of") {
		k++
	}
	m, ok := lookupI(months, trimDot(s.wordAt(k)))
	if !ok || !s.isCap(k) {
		return 0
	}
	e := k + 1
	y := -1
	if yr, ok := s.smallInt(e, 1000, 2999); ok && s.p[e].end-s.p[e].start == 4 {
		y, e = yr, e+1
	}
	s.emit(i, e, doc.Date, nil, s.isoDay(y, m, day), "")
	return e
}

func (s *scanner) wordAt(k int) string {
	if !s.isWord(k) {
		return ""
	}
	return s.t(k)
}

// slashDate reads "10/29/2025" (month first, as US newsrooms write it).
func (s *scanner) slashDate(i int) int {
	if !(s.is(i+1, "/") && s.is(i+3, "/") && s.glued(i+1) && s.glued(i+2) && s.glued(i+3) && s.glued(i+4)) {
		return 0
	}
	m, ok1 := s.smallInt(i, 1, 12)
	d, ok2 := s.smallInt(i+2, 1, 31)
	y, ok3 := s.smallInt(i+4, 1000, 2999)
	if !ok1 || !ok2 || !ok3 || s.p[i+4].end-s.p[i+4].start != 4 {
		return 0
	}
	s.emit(i, i+5, doc.Date, nil, s.isoDay(y, m, d), "")
	return 5
}

// isoDay formats a day as ISO 8601. With no year it takes the year that
// puts the day closest to the article's date, or writes "--MM-DD" when
// the article has no date. An impossible day ("February 30") is kept
// unnormalised.
func (s *scanner) isoDay(y, m, d int) string {
	if y < 0 {
		if !s.hasPub {
			if d > daysIn(2024, m) {
				return ""
			}
			return "--" + pad(m, 2) + "-" + pad(d, 2)
		}
		best, bestDist := -1, day(1<<62)
		py, _, _ := s.pub.date()
		for _, cand := range []int{py - 1, py, py + 1} {
			if d > daysIn(cand, m) {
				continue
			}
			dist := dayOf(cand, m, d) - s.pub
			if dist < 0 {
				dist = -dist
			}
			if dist < bestDist {
				best, bestDist = cand, dist
			}
		}
		if best < 0 {
			return ""
		}
		y = best
	}
	if d > daysIn(y, m) {
		return ""
	}
	return pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2)
}

// weekday reads "Wednesday" (and "last Wednesday", "next Wednesday"). It is
// resolved only against the article's date: the same week, looking forward
// when the sentence speaks of the future ("will meet on Wednesday") and
// back otherwise, as news reports mostly do.
func (s *scanner) weekday(i int, wd int) int {
	a := i
	dir := 0
	if s.is(i-1, "last") {
		a, dir = i-1, -1
	} else if s.is(i-1, "next") {
		a, dir = i-1, 1
	} else if s.is(i-1, "this") || s.is(i-1, "coming") {
		a, dir = i-1, 2
	}
	unit := ""
	if s.hasPub {
		diff := wd - s.pub.weekday() // -6..6
		switch {
		case dir == -1:
			diff = (diff - 7) % 7
			if diff == 0 {
				diff = -7
			}
		case dir == 1:
			diff = (diff + 7) % 7
			if diff == 0 {
				diff = 7
			}
		case dir == 2 || s.futureSentence():
			diff = (diff + 7) % 7
		default:
			diff = (diff - 7) % 7
		}
		unit = isoDate(s.pub + day(diff))
	}
	if a < i && len(s.out) > 0 && s.out[len(s.out)-1].End > s.p[a].start {
		a = i // "last" already belongs to another figure
	}
	s.emit(a, i+1, doc.Date, nil, unit, "")
	return i + 1 - a
}

// futureSentence reports whether the sentence being read speaks of the future.
func (s *scanner) futureSentence() bool {
	if s.future < 0 {
		s.future = 0
		for k := range s.p {
			if s.in(k, futureCues) {
				s.future = 1
				break
			}
		}
	}
	return s.future == 1
}

// clock reads a time at the number i: "3 p.m.", "3pm", "10:30", "10:30
// a.m. ET". It returns the end piece and the time as "15:04".
func (s *scanner) clock(i int, n num) (int, string, bool) {
	if n.word || n.scaled {
		return 0, "", false
	}
	h, ok := s.smallInt(i, 0, 24)
	if !ok {
		return 0, "", false
	}
	e, mins := i+1, 0
	colon := false
	if s.is(e, ":") && s.glued(e) && s.glued(e+1) && s.isNum(e+1) && s.p[e+1].end-s.p[e+1].start == 2 {
		mm, ok := s.smallInt(e+1, 0, 59)
		if !ok {
			return 0, "", false
		}
		mins, e, colon = mm, e+2, true
	}
	mer := s.isMeridiem(e)
	if !mer && !colon {
		return 0, "", false
	}
	if mer {
		if h < 1 || h > 12 {
			return 0, "", false
		}
		pm := s.t(e)[0] == 'p' || s.t(e)[0] == 'P'
		if h == 12 {
			h = 0
		}
		if pm {
			h += 12
		}
		e++
	} else if h > 23 {
		return 0, "", false
	}
	if s.in(e, timeZones) && isAllUpper(s.t(e)) {
		e++
	}
	return e, pad(h, 2) + ":" + pad(mins, 2), true
}

// pad is n in decimal with zeros in front to width characters, as fmt's
// %0*d writes it (a minus sign counts towards the width). The figure pass
// formats with it and not fmt, which would add reflection-driven printing
// to the WebAssembly engine.
func pad(n, width int) string {
	s := strconv.Itoa(n)
	neg := n < 0
	if neg {
		s, width = s[1:], width-1
	}
	for len(s) < width {
		s = "0" + s
	}
	if neg {
		s = "-" + s
	}
	return s
}

// isoDate is t as time's Format("2006-01-02") writes it, for the years
// news speaks of (0–9999).
func isoDate(t day) string {
	y, m, d := t.date()
	return pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2)
}

// isoMonth is t as time's Format("2006-01") writes it.
func isoMonth(t day) string {
	y, m, _ := t.date()
	return pad(y, 4) + "-" + pad(m, 2)
}

// pubMonth is the month (1..12) of the article's date.
func (s *scanner) pubMonth() int {
	_, m, _ := s.pub.date()
	return m
}

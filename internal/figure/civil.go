package figure

// The figure pass resolves relative dates ("last week", "on Wednesday")
// against the article's date with whole-day arithmetic on the proleptic
// Gregorian calendar, which is all it needs of package time. Its own few
// lines keep time's zone and calendar code (time.Date, Location, the tz
// rule parser: 10.6 KB of the page's brotli download, docs/speed-log.md,
// "Page size, eighth round") out of the WebAssembly engine;
// TestCivilMatchesTime holds them to package time.

// day is a date as days since 1970-01-01 (negative before).
type day int64

// dayOf is the day y-m-d, normalised as time.Date normalises: a month
// outside 1..12 moves the year, a day outside the month moves the month.
func dayOf(y, m, d int) day {
	// months from March, so that the leap day ends the year (Hinnant's
	// days_from_civil), with floor division for years before 0
	mm := int64(m) - 1 // 0-based month; normalise it into the year
	yy := int64(y) + floorDiv(mm, 12)
	mm -= floorDiv(mm, 12) * 12
	mm = (mm + 10) % 12 // March = 0 … February = 11
	if mm >= 10 {
		yy-- // January and February count in the year before
	}
	era := floorDiv(yy, 400)
	yoe := yy - era*400                    // [0, 399]
	doy := (153*mm+2)/5 + int64(d) - 1     // day of the year from March 1st; d may overflow
	doe := yoe*365 + yoe/4 - yoe/100 + doy // day of the era
	return day(era*146097 + doe - 719468)  // 719468: 0000-03-01 to 1970-01-01
}

// date returns the year, month (1..12) and day of the month of t.
func (t day) date() (y, m, d int) {
	z := int64(t) + 719468
	era := floorDiv(z, 146097)
	doe := z - era*146097                                  // [0, 146096]
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365 // [0, 399]
	doy := doe - (365*yoe + yoe/4 - yoe/100)               // [0, 365]
	mp := (5*doy + 2) / 153                                // March = 0
	d = int(doy - (153*mp+2)/5 + 1)
	m = int(mp+2)%12 + 1
	yy := yoe + era*400
	if m <= 2 {
		yy++
	}
	return int(yy), m, d
}

// weekday is time.Weekday's number of t (Sunday = 0): 1970-01-01 was a Thursday.
func (t day) weekday() int { return int(floorMod(int64(t)+4, 7)) }

// isoWeek is time.Time.ISOWeek: the year and week (1..53) of t's
// Thursday-centred week, weeks starting on Monday.
func (t day) isoWeek() (year, week int) {
	th := t + day(3-(t.weekday()+6)%7) // the Thursday of t's week
	y, _, _ := th.date()
	return y, int(th-dayOf(y, 1, 1))/7 + 1
}

// daysIn is the number of days of month m (1..12) of year y.
func daysIn(y, m int) int { return int(dayOf(y, m+1, 1) - dayOf(y, m, 1)) }

func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

func floorMod(a, b int64) int64 { return a - floorDiv(a, b)*b }

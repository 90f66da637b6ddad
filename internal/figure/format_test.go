package figure

import (
	"fmt"
	"testing"
	"time"
)

// pad, isoDate, isoMonth and parsePublished replace fmt and time's layout
// code; they must give what those gave.
func TestFormattingMatchesFmtAndTime(t *testing.T) {
	for _, n := range []int{0, 1, 9, 10, 99, 100, 999, 1000, 2025, 12345, -1, -12, -123, -1234} {
		for _, w := range []int{2, 4} {
			if got, want := pad(n, w), fmt.Sprintf("%0*d", w, n); got != want {
				t.Errorf("pad(%d, %d) = %q, fmt %q", n, w, got, want)
			}
		}
	}
	for _, tm := range []time.Time{time.Date(2025, 10, 29, 0, 0, 0, 0, time.UTC), time.Date(999, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(2024, 2, 29, 0, 0, 0, 0, time.UTC), time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)} {
		if got, want := isoDate(dayOfTime(tm)), tm.Format("2006-01-02"); got != want {
			t.Errorf("isoDate = %q, Format %q", got, want)
		}
		if got, want := isoMonth(dayOfTime(tm)), tm.Format("2006-01"); got != want {
			t.Errorf("isoMonth = %q, Format %q", got, want)
		}
	}
	for _, s := range []string{"2025-10-29", "2025-10-29T10:00:00Z", "2024-02-29", "2023-02-29", "2025-13-01", "2025-00-10",
		"2025-1-029", "2025/10/29", "20x5-10-29", "2025-10-32", "2025-04-31", "0000-01-01", "+025-10-29", "2025-10-2a", "short"} {
		got, ok := parsePublished(s)
		var want time.Time
		var err error = fmt.Errorf("short")
		if len(s) >= 10 {
			want, err = time.Parse("2006-01-02", s[:10])
		}
		if ok != (err == nil) || ok && got != dayOfTime(want) {
			t.Errorf("parsePublished(%q) = %v, %v; time.Parse %v, %v", s, got, ok, want, err)
		}
	}
}

// dayOfTime is the day of t's date in UTC.
func dayOfTime(t time.Time) day { return day(floorDiv(t.Unix(), 86400)) }

// The calendar arithmetic of civil.go must give what package time gives,
// on every day the engine can meet (a published date has four digits of
// year, and relative dates move it by weeks or months) and beyond.
func TestCivilMatchesTime(t *testing.T) {
	for tm := time.Date(-2, 1, 1, 0, 0, 0, 0, time.UTC); tm.Year() < 10003; tm = tm.AddDate(0, 0, 1) {
		d := dayOfTime(tm)
		if y, m, dd := d.date(); y != tm.Year() || m != int(tm.Month()) || dd != tm.Day() {
			t.Fatalf("%v: date() = %d-%d-%d", tm, y, m, dd)
		}
		if got := dayOf(tm.Year(), int(tm.Month()), tm.Day()); got != d {
			t.Fatalf("%v: dayOf = %d, want %d", tm, got, d)
		}
		if d.weekday() != int(tm.Weekday()) {
			t.Fatalf("%v: weekday() = %d, want %d", tm, d.weekday(), tm.Weekday())
		}
		wy, ww := tm.ISOWeek()
		if y, w := d.isoWeek(); y != wy || w != ww {
			t.Fatalf("%v: isoWeek() = %d-W%d, want %d-W%d", tm, y, w, wy, ww)
		}
	}
	// months and days out of range normalise as time.Date's do
	for _, y := range []int{-401, -1, 0, 1, 1899, 1900, 1970, 2000, 2024, 2025, 2100, 9999, 10000} {
		for m := -14; m <= 27; m++ {
			for d := -40; d <= 70; d++ {
				want := dayOfTime(time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC))
				if got := dayOf(y, m, d); got != want {
					t.Fatalf("dayOf(%d, %d, %d) = %d, time.Date %d", y, m, d, got, want)
				}
			}
		}
		for m := 1; m <= 12; m++ {
			if got, want := daysIn(y, m), time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day(); got != want {
				t.Errorf("daysIn(%d, %d) = %d, want %d", y, m, got, want)
			}
		}
	}
}

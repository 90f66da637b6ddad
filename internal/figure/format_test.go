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
		if got, want := isoDate(tm), tm.Format("2006-01-02"); got != want {
			t.Errorf("isoDate = %q, Format %q", got, want)
		}
		if got, want := isoMonth(tm), tm.Format("2006-01"); got != want {
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
		if ok != (err == nil) || ok && !got.Equal(want) {
			t.Errorf("parsePublished(%q) = %v, %v; time.Parse %v, %v", s, got, ok, want, err)
		}
	}
}

package figure

import "testing"

// TestWordGuards holds the guards that skip a map probe to the maps'
// keys: each key passes its guard in lower case, capitalised and in
// capitals, so a guard rules out only words the map lacks.
func TestWordGuards(t *testing.T) {
	for _, tc := range []struct {
		name  string
		keys  map[string]int
		guard func(string) bool
	}{
		{"weekdays", weekdays, mayBeWeekday},
		{"relativeDays", relativeDays, mayBeRelativeDay},
	} {
		for k := range tc.keys {
			up := []byte(k)
			for i := range up {
				up[i] -= 'a' - 'A'
			}
			for _, w := range []string{k, string(up[:1]) + k[1:], string(up)} {
				if !tc.guard(w) {
					t.Errorf("%s: the guard rules out %q, a key", tc.name, w)
				}
			}
		}
	}
}

package strtab

import (
	"strconv"
	"testing"
)

// TestTableAsMap holds Table to a Go map numbering the same keys: the same
// ids in first-added order, through growth from the zero value and from
// Reset, and Find's -1 for a key never added.
func TestTableAsMap(t *testing.T) {
	for _, tc := range []struct {
		name  string
		reset int // -1: the zero Table
		keys  int
	}{
		{"zero, few", -1, 5},
		{"zero, grows", -1, 1000},
		{"reset small, grows", 4, 300},
		{"reset large", 500, 400},
		{"empty string too", 8, 20},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var tab Table
			if tc.reset >= 0 {
				tab.Reset(tc.reset)
			}
			want := map[string]int32{}
			for round := range 2 { // every key twice: the second finds it
				for i := range tc.keys {
					k := strconv.Itoa(i * 7919 % 1009)
					if tc.name == "empty string too" && i == 3 {
						k = ""
					}
					id, had := tab.Add(k)
					w, ok := want[k]
					if !ok {
						w = int32(len(want))
						want[k] = w
					}
					if id != w || had != ok {
						t.Fatalf("round %d: Add(%q) = %d, %v; want %d, %v", round, k, id, had, w, ok)
					}
					if got := tab.Find(k); got != w {
						t.Fatalf("Find(%q) = %d, want %d", k, got, w)
					}
					if tab.Key(id) != k {
						t.Fatalf("Key(%d) = %q, want %q", id, tab.Key(id), k)
					}
				}
			}
			if tab.Len() != len(want) {
				t.Errorf("Len %d, want %d", tab.Len(), len(want))
			}
			for _, k := range []string{"x", "-1", "1009", "10090"} {
				if got := tab.Find(k); got != -1 {
					t.Errorf("Find(%q) = %d for a key never added", k, got)
				}
			}
			tab.Reset(2)
			if tab.Len() != 0 || tab.Find("0") != -1 {
				t.Errorf("after Reset: Len %d, Find(\"0\") %d; want 0, -1", tab.Len(), tab.Find("0"))
			}
		})
	}
}

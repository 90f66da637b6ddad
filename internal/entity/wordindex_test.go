package entity

import (
	"strconv"
	"testing"
)

// TestWordIndex holds wordIndex to a map[string]int32: words put are found
// with their index, others are not, through growth and after reset.
func TestWordIndex(t *testing.T) {
	tests := []struct {
		name  string
		words []string
	}{
		{"none", nil},
		{"a few", []string{"Trump", "trump", "", "the", "Seoul"}},
		{"past growth", func() (w []string) {
			for i := range 1000 {
				w = append(w, "w"+strconv.Itoa(i))
			}
			return w
		}()},
	}
	var x wordIndex
	for _, tt := range tests {
		for round := range 2 { // the second after reset
			want := map[string]int32{}
			for i, w := range tt.words {
				x.put(w, int32(i))
				want[w] = int32(i)
			}
			if x.len() != len(want) {
				t.Errorf("%s: len %d, want %d", tt.name, x.len(), len(want))
			}
			for w, id := range want {
				if got, ok := x.get(w); !ok || got != id {
					t.Errorf("%s round %d: get(%q) = %d, %v; want %d", tt.name, round, w, got, ok, id)
				}
			}
			for _, w := range []string{"missing", "w1000", "Trum", "x"} {
				if _, ok := x.get(w); ok && want[w] == 0 {
					if _, in := want[w]; !in {
						t.Errorf("%s: get(%q) found a word never put", tt.name, w)
					}
				}
			}
			n := 0
			x.all(func(w string, id int32) {
				if want[w] != id {
					t.Errorf("%s: all gave %q %d, want %d", tt.name, w, id, want[w])
				}
				n++
			})
			if n != len(want) {
				t.Errorf("%s: all gave %d words, want %d", tt.name, n, len(want))
			}
			x.reset(100)
			if x.len() != 0 {
				t.Errorf("%s: len %d after reset", tt.name, x.len())
			}
		}
	}
}

package entity

import (
	"strings"
	"testing"
)

// TestFullestForm holds fullestForm, its list and (past formsListed forms)
// its map, to a count in a map: the same name for names written in a few
// forms and in hundreds (spellings of case), with repeats.
func TestFullestForm(t *testing.T) {
	ref := func(forms []string) string {
		count := map[string]int{}
		for _, s := range forms {
			count[s]++
		}
		counts := make([]refFormCount, 0, len(count))
		for s, n := range count {
			counts = append(counts, refFormCount{s: s, n: n})
		}
		return refBestForm(counts)
	}
	x := uint64(3)
	for _, n := range []int{1, 2, 5, formsListed, formsListed + 1, 300} {
		for _, spellings := range []int{1, 3, formsListed + 1, 1000} {
			var lines, forms []string
			for range n {
				x = x*6364136223846793005 + 1442695040888963407
				v := int(x>>33) % spellings
				// "Alexanderson Whitfield" with its letters after the first
				// in capitals by the bits of v
				name := []byte("Alexanderson Whitfield")
				for b := 0; b < 10; b++ {
					if v>>b&1 == 1 {
						name[b+1] -= 'a' - 'A'
					}
				}
				if v >= 1<<10 {
					name = []byte(strings.ToUpper(string(name)))
				}
				lines = append(lines, string(name)+" said .")
				forms = append(forms, string(name))
			}
			d := tokenDoc(lines...)
			var texts []string // the mentions' texts, as group gives them
			for s := range d.Sentences {
				first := d.Sentences[s].First
				texts = append(texts, d.Text[d.Tokens[first].Start:d.Tokens[first+1].End])
			}
			r := resolver{d: d}
			if got, want := r.fullestForm(texts), ref(forms); got != want {
				t.Errorf("%d mentions in %d spellings: %q, want %q", n, spellings, got, want)
			}
		}
	}
}

// BenchmarkFullestForm times fullestForm over a name in as many spellings
// as mentions (go test -run '^$' -bench FullestForm ./internal/entity):
// linear in the mentions, not quadratic.
func BenchmarkFullestForm(b *testing.B) {
	var lines []string
	for v := range 4000 {
		name := []byte("Alexanderson Whitfieldsworth")
		for k := 0; k < 12; k++ {
			if v>>k&1 == 1 {
				name[k+1] -= 'a' - 'A'
			}
		}
		lines = append(lines, string(name)+" said .")
	}
	var r resolver
	for b.Loop() {
		r.fullestForm(lines)
	}
}

package category

import (
	"reflect"
	"strings"
	"sync"
	"testing"
)

// TestDistributionScratch checks that Distribution's pooled buffers change
// no answer: the loaded model (with its pool), called after texts of every
// length (past maxScratch, whose buffers the pool lets go) and from several
// goroutines at once, answers as a copy without a pool, which allocates
// its buffers on every call.
func TestDistributionScratch(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if m.scratch == nil {
		t.Fatal("the loaded model has no scratch pool")
	}
	bare := *m
	bare.scratch = nil
	long := strings.Repeat("The central bank raised interest rates as inflation climbed and markets fell. ", 600)
	parts := [][]string{
		{"Lakers Beat Celtics 102-99 in Overtime Thriller"},
		{long},
		{"Scientists discover water ice on Mars", "with a new telescope, NASA said."},
		{""},
		{long[:maxScratch], "Police arrest suspect in downtown shooting"},
		{"Apple unveils new iPhone with faster chip and better camera"},
	}
	want := make([]any, len(parts))
	for i, p := range parts {
		want[i] = bare.Distribution(p...)
	}
	for _, order := range [][]int{{0, 1, 2, 3, 4, 5}, {5, 4, 3, 2, 1, 0}, {1, 0, 1, 2, 4, 2}} {
		for _, i := range order {
			if got := m.Distribution(parts[i]...); !reflect.DeepEqual(any(got), want[i]) {
				t.Errorf("parts %d after others: %v, want %v", i, got, want[i])
			}
		}
	}
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range 3 * len(parts) {
				i := (k + w) % len(parts)
				if got := m.Distribution(parts[i]...); !reflect.DeepEqual(any(got), want[i]) {
					t.Errorf("parts %d concurrently: %v, want %v", i, got, want[i])
				}
			}
		}()
	}
	wg.Wait()
}

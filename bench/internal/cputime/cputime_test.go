package cputime

import "testing"

func TestUsedGrows(t *testing.T) {
	start := Used()
	x := 0
	for i := 0; Used() == start && i < 1e9; i++ {
		x += i
	}
	if Used() <= start {
		t.Fatalf("CPU time did not grow after busy work (%d)", x)
	}
}

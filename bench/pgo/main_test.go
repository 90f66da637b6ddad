package main

import (
	"strings"
	"testing"
)

// TestArticles checks that the profile's inputs are found from the
// repository alone and that the engine takes every one of them, so that
// `go run ./bench/pgo` profiles analyses and not refusals.
func TestArticles(t *testing.T) {
	inputs, err := articles("../..")
	if err != nil {
		t.Fatal(err)
	}
	if len(inputs) < 3 {
		t.Fatalf("%d inputs, want the example and the test articles", len(inputs))
	}
	if !strings.HasPrefix(inputs[0], "Harbour Wind") || strings.Contains(inputs[0], "`") {
		t.Errorf("the example article is not what web/example.mjs holds between backquotes: %.60q", inputs[0])
	}
	for i, in := range inputs {
		if err := analyze(in); err != nil {
			t.Errorf("input %d: %v", i, err)
		}
	}
}

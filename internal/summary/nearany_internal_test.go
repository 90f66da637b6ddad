package summary

import (
	"testing"

	"github.com/lede-news/lede/internal/doc"
	"github.com/lede-news/lede/internal/segment"
)

// TestNearAny: a candidate is a near copy when it nearly copies any of
// the chosen sentences, wherever that one stands among them; Select's
// inputs (TestSelectLazy) seldom bring a copy out best after two choices,
// so this is held here.
func TestNearAny(t *testing.T) {
	d := doc.NewText("The city council voted on Tuesday to spend $42 million on repairs to the Harbour Bridge. " +
		"Engineers told councillors that the corroded cables could fail within five years. " +
		"Mayor Alice Brown said the city council voted on Tuesday to spend $42 million on repairs to the Harbour Bridge.")
	segment.Segment(d)
	if len(d.Sentences) != 3 {
		t.Fatalf("%d sentences, want 3", len(d.Sentences))
	}
	w := newWordSets(d, []int{0, 1, 2})
	for _, tt := range []struct {
		of   []int
		want bool
	}{
		{nil, false},
		{[]int{1}, false},
		{[]int{0}, true},
		{[]int{0, 1}, true},
		{[]int{1, 0}, true},
	} {
		if got := w.nearAny(2, tt.of); got != tt.want {
			t.Errorf("nearAny(the copy, %v) = %v, want %v", tt.of, got, tt.want)
		}
	}
}

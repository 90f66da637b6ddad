package main

import (
	"strings"
	"testing"
)

// TestRecaseWords: "headline" capitalises every word but the minor words
// written in lower case, which stay so whatever their length; "title"
// capitalises every word.
func TestRecaseWords(t *testing.T) {
	for _, c := range []struct{ how, in, want string }{
		{"title", "Trump meets Lee ahead of a summit with Xi", "Trump Meets Lee Ahead Of A Summit With Xi"},
		{"headline", "Trump meets Lee ahead of a summit with Xi", "Trump Meets Lee Ahead of a Summit with Xi"},
		{"headline", "stocks slide from record highs into the weekend", "Stocks Slide from Record Highs into the Weekend"},
		// a capitalised minor word stays capitalised ("The Hague")
		{"headline", "talks in The Hague", "Talks in The Hague"},
		{"upper", "in The Hague", "IN THE HAGUE"},
	} {
		if got := strings.Join(recaseWords(strings.Fields(c.in), c.how), " "); got != c.want {
			t.Errorf("recaseWords(%q, %s) = %q, want %q", c.in, c.how, got, c.want)
		}
	}
}

package segment

import "testing"

// TestIsLink: a token is a link when the tokeniser's link reading takes
// all of it.
func TestIsLink(t *testing.T) {
	for _, c := range []struct {
		tok  string
		want bool
	}{
		{"https://example.com/story?id=12&page=2", true},
		{"http://po.st/TP_615", true},
		{"www.acme2.com", true},
		{"jo3@example.com", true},
		{"HTTPS://EXAMPLE.COM/A1", true},
		{"28,500", false},
		{"3.5", false},
		{"www.", false},
		{"a@b", false},
		{"@handle2", false},
		{"http://x.org/a.", false}, // the tokeniser leaves the full stop out
	} {
		if got := IsLink(c.tok); got != c.want {
			t.Errorf("IsLink(%q) = %v, want %v", c.tok, got, c.want)
		}
	}
}

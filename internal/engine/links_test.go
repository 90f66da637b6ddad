package engine

import (
	"strings"
	"testing"
)

// TestLinksAreNoTopics: a paste whose lines end in links and e-mail
// addresses (a listings page, a press release's footer) gets none of them
// as a keyphrase, and none of their digits as a figure.
func TestLinksAreNoTopics(t *testing.T) {
	text := "Riders gather for the dressage finals\n\n" +
		"CHEER ON Juniors and Young Riders as they display their skills during the Show Jumping Talent " +
		"Search Finals East, Oct. 5–7, in Gladstone, NJ; www.usef.org.\n\n" +
		"VISIT the Pennsylvania National Horse Show, Oct. 11–21, in Harrisburg, PA; www.usef.org.\n\n" +
		"WATCH the dressage finals in Lexington, KY; www.hasslerdressage.com. Tickets at " +
		"https://tickets.example.com/event?id=4471&day=2 or from info@usef.org. Organisers expect 300 riders.\n"
	rep := analyzeUTF8(t, text, "text")
	for _, k := range rep.Keyphrases {
		if strings.Contains(k.Text, "://") || strings.Contains(k.Text, "www.") || strings.Contains(k.Text, "@") {
			t.Errorf("keyphrase %q is a link", k.Text)
		}
	}
	found := false
	for _, f := range rep.Figures {
		if f.Text == "4471" || f.Text == "2" {
			t.Errorf("figure %q comes from a link's digits", f.Text)
		}
		found = found || strings.HasPrefix(f.Text, "300")
	}
	if !found {
		t.Errorf("the figure 300 is missing: %+v", rep.Figures)
	}
}

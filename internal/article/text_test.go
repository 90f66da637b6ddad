package article

import (
	"strings"
	"testing"

	"github.com/lede-news/lede/internal/doc"
)

// paras returns n distinct paragraphs of prose about a topic.
func paras(topic string, n int) []string {
	var out []string
	for i := 0; i < n; i++ {
		out = append(out, "The "+topic+" report, part "+string(rune('A'+i))+", says the council spent more than it planned this year, and that the gap will grow unless the city raises fees or cuts services, officials said.")
	}
	return out
}

// TestPastedShapes checks the rules for copied page text, each on a paste
// of its own making: what is body, and what is set apart.
func TestPastedShapes(t *testing.T) {
	p := paras("budget", 4)
	q := paras("transport", 4)
	tests := []struct {
		name    string
		in      string
		title   string
		body    []string // the body paragraphs' first words, in order
		related int      // how many related blocks, or -1 not to check
	}{
		{
			name: "a tag cloud is not prose",
			in: "Home\nNews\n\n" + strings.Repeat("adote amigo agua alerta ambiente amizade atendimento cidade cultura esporte ", 4) +
				"\n\nCity report published\n\n" + p[0] + "\n\n" + p[1] + "\n\nFacebook\nTwitter\n",
			title:   "City report published",
			body:    []string{"The budget report, part A", "The budget report, part B"},
			related: -1,
		},
		{
			name: "story cards copied whole are other stories",
			in: "Council budget gap grows\n\n" + p[0] + "\n\n" + p[1] + "\n\n" + p[2] + "\n\n" +
				"Harvick Fails To Rally Overmatched Ford In NASCAR FinaleFord v Toyota flopped for the blue oval at the track this year.\n\n" +
				"The 4 Best Vegan Spots In DetroitHoodline crunched the numbers to find the top vegan spots around the city.\n\n" +
				"Is Violence In Sports On The Rise?Violence is part of the game in many sports but one player crossed a line.\n",
			title:   "Council budget gap grows",
			body:    []string{"The budget report, part A", "The budget report, part B", "The budget report, part C"},
			related: -1,
		},
		{
			name: "a most-read box set into the story",
			in: "Council budget gap grows\n\n" + p[0] + "\n\n" + p[1] + "\n\n" + p[2] + "\n\n" +
				"Most read in world news\nRANDY ANDY\nPrince parties in unearthed pictures despite his claims\nTIME TRAVELLER\nConspiracy theorists say they spotted a teenager in an old picture\nEYE POPPING\nRussian bodybuilder has arm surgery after injecting oil\n\n" +
				q[0] + "\n\n" + q[1] + "\n\n" + q[2] + "\n\n" + q[3] + "\n",
			title: "Council budget gap grows",
			body: []string{"The budget report, part A", "The budget report, part B", "The budget report, part C",
				"The transport report, part A", "The transport report, part B", "The transport report, part C", "The transport report, part D"},
			related: 4, // the heading and its three headlines
		},
		{
			name: "a most-read list at the end still ends the story",
			in: "Council budget gap grows\n\n" + p[0] + "\n\n" + p[1] + "\n\n" + p[2] + "\n\n" +
				"Most read in world news\nPrince parties in unearthed pictures despite his claims\nConspiracy theorists say they spotted a teenager in an old picture\n\n" + q[0] + "\n",
			title:   "Council budget gap grows",
			body:    []string{"The budget report, part A", "The budget report, part B", "The budget report, part C"},
			related: -1,
		},
		{
			name: "a numbered list after a colon runs over blank lines",
			in: "Ten gifts for collectors\n\n" + p[0] + "\n\n" + p[1] + "\n\nHere are the best deals on Amazon:\n\n" +
				"1) Lego Star Wars Bomber\nhttp://amzn.to/2iJFhRj\n\n2) Polistil Electric Track\nhttp://amzn.to/2hZfWFJ\n\n3) Blade Runner The Final Cut\nhttp://amzn.to/2hWEIX7\n\nShare\nLeave a comment\n",
			title: "Ten gifts for collectors",
			body: []string{"The budget report, part A", "The budget report, part B", "Here are the best deals",
				"1) Lego", "http://amzn.to/2iJFhRj", "2) Polistil", "http://amzn.to/2hZfWFJ", "3) Blade", "http://amzn.to/2hWEIX7"},
			related: -1,
		},
		{
			// a browser copies a table's cells with tabs between them;
			// its rows are content, though each is short and unpunctuated,
			// and they outweigh the longer prose of a sidebar
			name: "a table of standings is body",
			in: "Home\nNews\n\nFinal league standings of the season\n\n" + "The table is updated after every round of the season, as the clubs report their results.\n" +
				"Standings after 36 rounds:\n" + "Pos\tClub\tPoints\tWins\n1\tRiver City\t88\t27\n2\tPort Town\t80\t24\n3\tHill Rovers\t71\t21\n4\tLake United\t65\t19\n5\tOld Forge\t60\t17\n\n" +
				"More from the league\n\n" + q[0] + "\n\n" + q[1] + "\n",
			title:   "Final league standings of the season",
			body:    []string{"The table is updated", "Standings after 36 rounds:", "Pos", "1", "2", "3", "4", "5"},
			related: -1,
		},
		{
			name: "a standfirst between headline and byline is not body",
			in: "Menu\n\nSo Many Ways to Play and Pay\n\nThere are more devices, platforms and services to choose from than ever, so pick the best for your habits.\n\nBy Sarah E. Needleman\nNov. 19, 2019 8:03 am ET\n\n" +
				p[0] + "\n\n" + p[1] + "\n\nSubscribe\n",
			title:   "So Many Ways to Play and Pay",
			body:    []string{"The budget report, part A", "The budget report, part B"},
			related: -1,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := parseAndCheck(t, tc.in, Text, tc.title, tc.body)
			if rel := roleTexts(d, doc.Related); tc.related >= 0 && len(rel) != tc.related {
				t.Errorf("related = %q, want %d", rel, tc.related)
			}
		})
	}
}

func TestGluedHeadline(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"Harvick Fails To Rally Overmatched Ford In NASCAR FinaleFord v Toyota flopped for the blue oval at the track.", true},
		{"Say Cheese? Detroit's Top 3 Cheese ShopsWondering where to find the best cheese near you? Hoodline crunched the numbers.", true},
		{"Is Violence In Sports On The Rise?Violence is part of the game in many sports but one player crossed a line.", true},
		{"Following the 16-inch MacBook Pro, Apple plans to release a new 13-inch model next year, a report said.", false},
		{"Apple Releases New MacBook Pro With Better Keyboard And A Larger Screen For Professionals.", false},
		{"The McDonald Family Opens Its Doors To The Public for the first time in fifty years, the trust said.", false},
		{"Watch The YouTube Video That Everyone Is Talking About, the one that went viral last week.", false},
		{"the council met on Monday and agreed on the budget.", false},
	}
	for _, tc := range tests {
		if got := gluedHeadline(tc.in); got != tc.want {
			t.Errorf("gluedHeadline(%.50q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

func TestListItem(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"1) Lego Star Wars", true},
		{"12. Monopoly travel edition", true},
		{"• Two eggs", true},
		{"- a cup of flour", true},
		{"http://amzn.to/2iJFhRj", true},
		{"2019. It was a good year", false},
		{"1990s fashion is back", false},
		{"http://example.com is a reserved domain", false},
		{"The council met on Monday.", false},
	}
	for _, tc := range tests {
		if got := listItem(tc.in); got != tc.want {
			t.Errorf("listItem(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

// A paste whose every line repeats (an article pasted twice, a chant)
// still has a body: the lines are judged as if each stood once.
func TestRepeatedPaste(t *testing.T) {
	p := paras("budget", 3)
	once := "Council budget gap grows\n\n" + strings.Join(p, "\n\n") + "\n"
	tests := []struct {
		name  string
		in    string
		first string
	}{
		{"article pasted twice", once + "\n" + once, "The budget report, part A"},
		{"a chant", strings.Repeat("We want the park to stay open for every family in town!\n", 5), "We want the park"},
	}
	for _, tc := range tests {
		d, err := Parse(tc.in, Text)
		if err != nil {
			t.Fatal(err)
		}
		checkSpans(t, d)
		body := roleTexts(d, doc.Body)
		if len(body) == 0 || !strings.HasPrefix(body[0], tc.first) {
			t.Errorf("%s: body %q", tc.name, body)
		}
	}
}

// parseAndCheck parses in and checks the title and that the body
// paragraphs start with the given texts, in order.
func parseAndCheck(t *testing.T, in string, kind Kind, title string, body []string) *doc.Document {
	t.Helper()
	d, err := Parse(in, kind)
	if err != nil {
		t.Fatal(err)
	}
	checkSpans(t, d)
	got := roleTexts(d, doc.Body)
	if len(got) != len(body) {
		t.Fatalf("got %d body paragraphs, want %d: %q", len(got), len(body), got)
	}
	for i, b := range body {
		if !strings.HasPrefix(got[i], b) {
			t.Errorf("paragraph %d = %.50q, want it to start %q", i, got[i], b)
		}
	}
	if d.Title != title {
		t.Errorf("title = %q, want %q", d.Title, title)
	}
	return d
}

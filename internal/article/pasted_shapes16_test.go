package article

import (
	"strings"
	"testing"
)

// TestPastedPageShapes16 checks the sixteenth round's rules for copied
// page text (docs/extraction.md "Pasted text on Readability's pages,
// second pass"): a numbered list a sentence introduces, markup printed as
// text, and a comments heading with its count. Each case has a control
// beside it that the rule must leave alone; each rule's case fails with
// that rule switched off.
func TestPastedPageShapes16(t *testing.T) {
	p := paras("budget", 3)
	q := paras("transport", 3)
	// a tracking pixel as a scripts-off browser prints it: its address's
	// escaped fields count as words
	pixel := `<div style="position:absolute;"><img width=1 height=1 alt="" src="http://ads.example.com/b?P=4fa9c2&T=1a2b3c` +
		strings.Repeat("%2fX%3d1489053188%2fE%3d2078709551%2fR%3dnews_top%2fK%3d5%2fV%3d2.1", 4) + `"></div>`
	tests := []pastedCase{
		{
			// each item is a two-word line, a costly non-prose line to the
			// run; the list cut the story and the paragraphs after it
			// were lost
			name: "a numbered list under a colon joins the story",
			in: "Home\nMoney\n\nRich countries ranked\n\n" + p[0] + "\n\nThe overall rankings of the countries were as follows:\n" +
				"1. Finland\n2. Norway\n3. Australia\n4. Canada\n5. Germany\n6. France\n7. United Kingdom\n8. Italy\n\n" +
				"The low ranking was due to the high cost of housing, officials said.\n\n" + p[1] + "\n\nContact Us\nAdvertise\n",
			title: "Rich countries ranked",
			body: []string{"The budget report, part A", "The overall rankings", "1. Finland", "2. Norway", "3. Australia",
				"4. Canada", "5. Germany", "6. France", "7. United Kingdom", "8. Italy", "The low ranking", "The budget report, part B"},
		},
		{
			// the control: a ranking of other stories after the story,
			// with no sentence introducing it, stays out
			name: "a numbered ranking with no colon stays out",
			in: "Council budget gap grows\n\n" + p[0] + "\n\n" + p[1] + "\n\nMost read\n" +
				"1. Mayor opens new bridge\n2. Schools close for snow\n3. Train fares to rise\n4. Park wins award\n\n" + q[0] + "\n",
			title: "Council budget gap grows",
			body:  []string{"The budget report, part A", "The budget report, part B"},
		},
		{
			// a tracking pixel's <noscript> fallback, shown as text with
			// scripts off, read as a long line of prose and joined the
			// story to the other stories' summaries after it
			name: "markup printed as text is not body",
			in: "Council budget gap grows\n\n" + p[0] + "\n\n" + p[1] + "\n\n" + p[2] + "\n" + pixel + "\n" +
				q[0] + "\n\n" + q[1] + "\n",
			title: "Council budget gap grows",
			body:  []string{"The budget report, part A", "The budget report, part B", "The budget report, part C"},
		},
		{
			// the control: a paragraph that starts with inline markup but
			// is mostly words stays body
			name:  "a paragraph opening with a tag is still prose",
			in:    "Council budget gap grows\n\n" + p[0] + "\n\n<b>Update:</b> the council said on Monday that the gap had grown again and that fees will rise.<br>\n\n" + p[1] + "\n",
			title: "Council budget gap grows",
			body:  []string{"The budget report, part A", "<b>Update:</b>", "The budget report, part B"},
		},
		{
			// readers' comments are paragraphs too: only the heading
			// tells them from the story, and its count hid it
			name: "a comments heading with a count ends the story",
			in: "Council budget gap grows\n\n" + p[0] + "\n\n" + p[1] + "\n\n" + p[2] + "\n\nView comments (27)\n" +
				q[0] + "\n\n" + q[1] + "\n\n" + q[2] + "\n",
			title: "Council budget gap grows",
			body:  []string{"The budget report, part A", "The budget report, part B", "The budget report, part C"},
		},
		{
			// the control: a subheading with a number in brackets does not
			// end the story
			name: "a numbered subheading does not end the story",
			in: "Council budget gap grows\n\n" + p[0] + "\n\n" + p[1] + "\n\nWhat the council said (2)\n" +
				q[0] + "\n\n" + q[1] + "\n",
			title: "Council budget gap grows",
			body: []string{"The budget report, part A", "The budget report, part B", "What the council said (2)",
				"The transport report, part A", "The transport report, part B"},
		},
	}
	runPasted(t, tests)
}

func TestItemNumber(t *testing.T) {
	tests := []struct {
		s    string
		want int
	}{
		{"1. Finland", 1},
		{"10. United States", 10},
		{"3) Add the flour", 3},
		{"1.1 History", 0},  // an outline number, not a list item
		{"2016. A year", 0}, // four digits: a year, not an item
		{"1.", 0},
		{"Finland", 0},
	}
	for _, tc := range tests {
		if got := itemNumber(tc.s); got != tc.want {
			t.Errorf("itemNumber(%q) = %d, want %d", tc.s, got, tc.want)
		}
	}
}

func TestMarkupLine(t *testing.T) {
	tests := []struct {
		s    string
		want bool
	}{
		{`<div style="position:absolute;"><img width=1 height=1 alt="" src="http://b.example.com/b?P=x"></div>`, true},
		{`<div class="alertBox"> <div class="alert"> <i></i><p>JavaScript is off.</p> </div> </div>`, true},
		{"<html>", false}, // short: a line of a listing
		{"<b>Update:</b> the council said on Monday that the gap had grown again.<br>", false},
		{"<3 this recipe, it is the best one I have found in years and years and years>", false},
		{"The council met on Monday and said the budget gap had grown again, officials said.", false},
	}
	for _, tc := range tests {
		if got := markupLine(tc.s); got != tc.want {
			t.Errorf("markupLine(%.40q) = %v, want %v", tc.s, got, tc.want)
		}
	}
}

func TestCountedComments(t *testing.T) {
	tests := []struct {
		s    string
		want bool
	}{
		{"View comments (27)", true},
		{"Comments (0)", true},
		{"Show all comments (1024) ", true},
		{"What the council said (2)", false},
		{"Comments (see below)", false},
		{"View comments", false}, // isCommentsHeading's, not this one's
	}
	for _, tc := range tests {
		if got := countedComments(tc.s); got != tc.want {
			t.Errorf("countedComments(%q) = %v, want %v", tc.s, got, tc.want)
		}
	}
}

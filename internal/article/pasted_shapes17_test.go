package article

import "testing"

// TestPastedPageShapes17 checks the third pass's rules for copied page
// text (docs/extraction.md "Pasted text, third pass"): a "More …"
// subheading over prose, and a table of contents between an encyclopedia's
// lead and its first section. Each case has a control beside it that the
// rule must leave alone; each rule's case fails with that rule switched
// off.
func TestPastedPageShapes17(t *testing.T) {
	p := paras("budget", 3)
	q := paras("transport", 3)
	tests := []pastedCase{
		{
			// a sentence-case subheading starting "More" read as the
			// heading of a list of other stories, and the sections after
			// it were lost
			name: "a More subheading over prose does not end the story",
			in: "Home\nBlog\n\nWhat we learnt this year\n\n" + p[0] + "\n\n" + p[1] + "\n\nMore (remote) mentorship\n" +
				q[0] + "\n\nChanging the culture\n" + q[1] + "\n\nContact Us\nAdvertise\n",
			title: "What we learnt this year",
			body: []string{"The budget report, part A", "The budget report, part B", "More (remote) mentorship",
				"The transport report, part A", "Changing the culture", "The transport report, part B"},
		},
		{
			// the control: a title-cased "More …" over headlines still
			// ends it
			name: "More Stories over headlines ends the story",
			in: "Council budget gap grows\n\n" + p[0] + "\n\n" + p[1] + "\n\nMore Stories\n" +
				"Mayor opens new bridge\nSchools close for snow\nTrain fares to rise\n\n" + q[0] + "\n",
			title: "Council budget gap grows",
			body:  []string{"The budget report, part A", "The budget report, part B"},
		},
		{
			// the control: a fixed section end ("More from …") over a
			// paragraph still ends it, whatever its case
			name: "More from the author over prose ends the story",
			in: "Council budget gap grows\n\n" + p[0] + "\n\n" + p[1] + "\n\nMore from the author\n" +
				q[0] + "\n\n" + q[1] + "\n",
			title: "Council budget gap grows",
			body:  []string{"The budget report, part A", "The budget report, part B"},
		},
		{
			// each line of the table cost the run 5 + its words, so the
			// lead paragraph before it was cut off
			name: "a table of contents does not cut off the lead",
			in: "Home\nRandom article\n\nSpringfield council budget\n\n" + p[0] + "\n\n" +
				"Contents\n1 History\n1.1 Early years\n1.2 The gap\n2 Fees\n3 Services\n3.1 Transport\n4 See also\n5 References\n" +
				"History[edit]\n\n" + q[0] + "\n\nThe gap[edit]\n\n" + q[1] + "\n\n" + q[2] + "\n\nSee also[edit]\nCity council\nCity budget\n",
			title: "Springfield council budget",
			body: []string{"The budget report, part A", "History[edit]", "The transport report, part A", "The gap[edit]",
				"The transport report, part B", "The transport report, part C"},
		},
		{
			// the control: three numbered lines with no sub-number are
			// not a table of contents (quantities, a short list): they
			// still cost the run, and the paragraph after them stays apart
			name: "a short numbered list is not a table of contents",
			in: "Council budget gap grows\n\n" + p[0] + "\n\n" + p[1] + "\n\nThe plan needs\n1 Council vote\n2 Public meetings\n3 Mayor's signature\n\n" +
				q[0] + "\n",
			title: "Council budget gap grows",
			body:  []string{"The budget report, part A", "The budget report, part B"},
		},
	}
	runPasted(t, tests)
}

func TestTocNumber(t *testing.T) {
	tests := []struct {
		s          string
		top, depth int
	}{
		{"1 History", 1, 1},
		{"1.1 Eich CEO promotion controversy", 1, 2},
		{"3.7.7 pdf.js", 3, 3},
		{"12 External links", 12, 1},
		{"1. Finland", 0, 0},           // a numbered list item
		{"2 eggs, beaten.", 0, 0},      // ends like a sentence
		{"1  History", 0, 0},           // two spaces: a table's gap
		{"2016 was a good year", 0, 0}, // four digits: a year, not a section number
		{"History", 0, 0},
		{"1", 0, 0},
	}
	for _, tc := range tests {
		if top, depth := tocNumber(tc.s); top != tc.top || depth != tc.depth {
			t.Errorf("tocNumber(%q) = %d, %d, want %d, %d", tc.s, top, depth, tc.top, tc.depth)
		}
	}
}

package article

import (
	"strings"
	"testing"

	"github.com/lede-news/lede/internal/doc"
)

// TestPastedPageShapes checks the rules for page shapes the dev pastes
// lacked (fifteenth round): code listings between paragraphs, lists of
// typed "+ item" lines and tables whose cells a browser copies one a line.
// Each case has a control beside it that the rule must leave alone.
func TestPastedPageShapes(t *testing.T) {
	p := paras("budget", 3)
	q := paras("transport", 3)
	short := func(topic string) string {
		return "The " + topic + " step is short and it is the only one we need here."
	}
	tests := []pastedCase{
		{
			// code between short paragraphs: without the rule every code
			// line costs, and only the last paragraph was taken
			name: "a code listing joins the prose around it",
			in: "Home\nBlog\n\nTesting the parser at last\n\n" + short("first") + "\n\n" +
				"function add(a, b) {\n  var sum = a + b;\n  log(sum);\n  return sum;\n}\n\n\n" +
				short("second") + "\n\n" +
				"SELECT avg(n)\n  FROM series AS n;\n\n     avg\n──────────\n4.33\n\n\n" +
				q[0] + "\n\nAbout\nContact\n",
			title: "Testing the parser at last",
			body: []string{"The first step", "function add", "var sum", "log(sum)", "return sum", "}",
				"The second step", "SELECT avg(n)", "FROM series", "avg", "──", "4.33", "The transport report, part A"},
		},
		{
			// the control: a code-like line adds nothing, so code alone
			// beside the story does not join it
			name:  "code after the story is not body",
			in:    "Council budget gap grows\n\n" + p[0] + "\n\n" + p[1] + "\n\nvar ad = slot(1);\n  render(ad);\n}\n",
			title: "Council budget gap grows",
			body:  []string{"The budget report, part A", "The budget report, part B"},
		},
		{
			// a changelog: short unpunctuated items, each a "headline" to
			// the old rules, and two long enough to count as prose
			name: "typed list items are content",
			in: "Game News\nPowered by Blog\nVersion 1.8 - The Big Update\n\n" +
				"+ Added granite and andesite blocks\n+ Added slime block\n+ Added iron trapdoor\n+ Added banners\n" +
				"+ Added options for configuring which parts of the player skin are visible, and a new skin called Alex with smaller arms and legs\n" +
				"* Difficulty setting is saved per world\n* Villager trading has been rebalanced\n- Removed the ghost\n\n" +
				"Newer\nOlder\n\nOfficial links:\nForums\nSupport\n",
			title: "Version 1.8 - The Big Update",
			body: []string{"+ Added granite", "+ Added slime", "+ Added iron", "+ Added banners", "+ Added options",
				"* Difficulty", "* Villager", "- Removed"},
		},
		{
			// the control: two typed items are not yet a list of content
			name:  "two typed lines stay outside the story",
			in:    "Council budget gap grows\n\n" + p[0] + "\n\n" + p[1] + "\n\n+ Follow us on the city channel\n+ Get the morning paper delivered\n",
			title: "Council budget gap grows",
			body:  []string{"The budget report, part A", "The budget report, part B"},
		},
		{
			// a table whose cells hold paragraphs: a browser copies each
			// cell on its own line with a line holding a tab between
			name: "a table copied cell by cell is body",
			in: "Home\nNews\n\nSmaller updates for every phone\n\n" + p[0] + "\n\nHere are the results so far:\n\n\n\n" +
				"Application\n\t\nOriginal size in megabytes\n\t\nPatch size in megabytes\n\n\nFarm Heroes Super Saga\n\t\n71.1 MB\n\t\n8.0 MB\n\n\nCity Maps For Walkers\n\t\n32.7 MB\n\t\n9.6 MB\n\n\n" +
				p[1] + "\n\n" + "Related stories\nOther phones get smaller too\nA new camera for the city\n",
			title: "Smaller updates for every phone",
			body: []string{"The budget report, part A", "Here are the results", "Application", "Original size", "Patch size",
				"Farm Heroes Super Saga", "71.1 MB", "8.0 MB", "City Maps", "32.7 MB", "9.6 MB", "The budget report, part B"},
		},
		{
			// the control: the same short lines apart by blank lines, with
			// no tab between them, are a list of headlines as before
			name: "short lines without tabs still split the story",
			in: "Smaller updates for every phone\n\n" + p[0] + "\n\n" + p[1] + "\n\n" +
				"Farm Heroes Saga Gets New Levels\nCity Maps Adds A Night Mode\nNew Phones Ship With Less Storage\nWhy Updates Are So Large\n\n" +
				q[0] + "\n",
			title: "Smaller updates for every phone",
			body:  []string{"The budget report, part A", "The budget report, part B"},
		},
	}
	runPasted(t, tests)
}

func TestCodeLine(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"function f() {", true},
		{"});", true},
		{"}", true},
		{"n  │ is_anomaly", true},
		{"───┼────", true},
		{"    return sum", true}, // indented by spaces: pre-formatted
		{"\treturn sum", false},  // a tab starts table cells too
		{"Home", false},
		{"The council met on Monday.", false},
		{" Top stories", false}, // one space is a copying accident
	}
	for _, tc := range tests {
		text := "Intro line\n" + tc.text + "\n"
		s := strings.Index(text, tc.text)
		for s < len(text) && (text[s] == ' ' || text[s] == '\t') {
			s++
		}
		got := codeLine(text, doc.Span{Start: s, End: len(text) - 1})
		if got != tc.want {
			t.Errorf("codeLine(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}

// TestMarkPastedCode checks that markPasted, which finds box-drawing
// characters in one search over the text, marks exactly the lines
// codeLine marks one by one.
func TestMarkPastedCode(t *testing.T) {
	in := "Intro – with a dash “quoted”\n  indented line\n n  │ value\n───┼───\n 2 │ f\nplain ─ one rule\nends here;\n\nwrap {\n─\n─ ─\nlast line ──"
	ls := splitLines(in)
	markPasted(in, ls)
	for _, l := range ls {
		if want := codeLine(in, l.Span); l.code != want {
			t.Errorf("line %q: code = %v, codeLine says %v", l.Of(in), l.code, want)
		}
	}
}

func TestTypedItem(t *testing.T) {
	for s, want := range map[string]bool{
		"+ Added banners": true, "* Tweaked": true, "- Removed": true, "• Item": true, "– Item": true, "· Item": true,
		"+1 for this": false, "-5 degrees": false, "*": false, "Home": false, "—  Shay": false, "": false,
	} {
		if got := typedItem(s); got != want {
			t.Errorf("typedItem(%q) = %v, want %v", s, got, want)
		}
	}
}

// codeLine is markPasted's reading of one line, written plainly: the
// oracle its one-pass form is held to (TestMarkPastedCode).
func codeLine(text string, sp doc.Span) bool {
	return sp.Start < sp.End && (codeShape(text, sp) || nextBox(text[sp.Start:sp.End], 0) < sp.End-sp.Start)
}

// pastedCase is a pasted text and what its article should be: the title
// and the body paragraphs' first words, in order.
type pastedCase struct {
	name, in, title string
	body            []string
}

// runPasted parses each case as pasted text and checks its title and body.
func runPasted(t *testing.T, tests []pastedCase) {
	t.Helper()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			parseAndCheck(t, tc.in, Text, tc.title, tc.body)
		})
	}
}

package article

import (
	"strings"
	"testing"

	"github.com/lede-news/lede/internal/doc"
)

// Hard-wrapped text: news wire files, e-mail and the TREC/DUC collections
// break every line near a fixed width, so a wrapped line often starts with
// a capital ("announced\nWednesday"). Paragraphs end at a blank line, an
// indented first line or a short last line.
func TestHardWrapped(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		title string
		body  []string // the first words of each body paragraph
	}{
		{
			name: "wire story, indented paragraphs between blank lines",
			in: `Council Approves New Budget After Long Debate

   The city council approved a new budget on
Wednesday after a debate that lasted more than nine hours, with
the mayor casting the deciding vote shortly before midnight in
front of a crowd that had waited since the afternoon, officials
said.

   The budget raises spending on schools by 4 percent and cuts the
parks department by a tenth, a change that one council member
called ` + "``" + `a step backwards for every neighborhood.''

   Lee said the cuts were needed to close a gap of $40 million
left by falling tax receipts.
`,
			title: "Council Approves New Budget After Long Debate",
			body:  []string{"The city council approved", "The budget raises", "Lee said the cuts"},
		},
		{
			name: "indented paragraphs, no blank lines",
			in: `  It is already a multi-million pound problem for British
farming and now it threatens to become a political row between
European governments over the safety of beef exports. 
  Next week European health ministers will meet to discuss a
German call for a ban on British beef imports. Some German
politicians say the health risks are too grave to wait. 
  Meanwhile, the argument in Britain has reached new heights,
with the journal Nature calling for the herd to be replaced. 
`,
			body: []string{"It is already", "Next week European", "Meanwhile, the argument"},
		},
		{
			name: "no indentation: a short last line ends the paragraph",
			in: `How can six thousand civil servants, mostly based in Washington, best
promote development in the Third World? That is the question facing Mr
Lewis Preston, the former banker who takes over as president of the Bank
this September.
As bankers and finance ministers gathered in Washington this weekend for
the spring meetings of the Bank and the Fund, there was no shortage of
advice for the incoming president.
Mr Preston may relax on one count. Few in Washington now doubt that the
Bank has a role to play in the development of the poorest countries.
`,
			body: []string{"How can six", "As bankers", "Mr Preston may"},
		},
		{
			name: "e-mail at 72 columns with a heading line",
			in: `Subject: Road closures for the marathon on Sunday

Dear residents,

The annual city marathon will close several roads in the centre of
Springfield on Sunday morning between 6 a.m. and 2 p.m. Buses on routes
4, 7 and 12 will be diverted along Elm Street and Market Road for the day.

Residents of Oak Avenue will be able to leave by car before 7 a.m. only.
Parking permits issued for the event must be displayed on the windscreen
and will be checked by the stewards at each road block along the route.
`,
			title: "Subject: Road closures for the marathon on Sunday",
			body:  []string{"The annual city marathon", "Residents of Oak Avenue"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := parseAndCheck(t, tc.in, Auto, tc.title, tc.body)
			for _, b := range d.Blocks {
				if b.Role == doc.Body && strings.Contains(b.Of(d.Text), "\n") != b.Wrapped {
					t.Errorf("block %.40q: Wrapped = %v", b.Of(d.Text), b.Wrapped)
				}
			}
		})
	}
	// copied page text joins a line broken before a lower-case word, but
	// that is no hard wrap
	d, _ := Parse("Some pages break a long paragraph for no good reason at all, and\nthe reader pastes it like that.\n", Text)
	if len(d.Blocks) != 1 || d.Blocks[0].Wrapped {
		t.Errorf("pasted text: %+v", d.Blocks)
	}
}

// TestWrapWidth checks which texts count as hard-wrapped: pasted page text
// (one paragraph a line, menus and headline lists of short lines) must
// keep its lines as they are.
func TestWrapWidth(t *testing.T) {
	wire := strings.Repeat("The committee met again on Monday to discuss the plan for the\nnew bridge, and its chairman said that a decision would come\nbefore the end of the month.\n\n", 4)
	para := strings.Repeat("The committee met again on Monday to discuss the plan for the new bridge, and its chairman said that a decision would come before the end of the month, after the public hearing.\n", 4)
	heads := "Trump Allows Commercial Fishing in Protected New England Waters\nChina Warns US Arms Sales to Taiwan Could Disrupt Planned Visit\nFederal Judge Restores Funding for Gateway Rail Tunnel Project\nDollar Steadies Ahead of ECB and BoE Decisions as Markets Turn\nPentagon Ends Military Education Programs With Harvard University\n"
	menu := "Home\nWorld\nBusiness\nSport\nCulture\nTravel\n"
	tests := []struct {
		name    string
		in      string
		wrapped bool
	}{
		{"wire text", wire, true},
		{"one paragraph a line", para, false},
		{"headline list", heads, false},
		{"menu", menu, false},
		{"paragraphs then headlines", para + "\n" + heads, false},
		{"two lines", "One line that is here.\nAnother line.", false},
	}
	for _, tc := range tests {
		if got := wrapWidth(tc.in, rawLines(tc.in)) > 0; got != tc.wrapped {
			t.Errorf("%s: wrapped = %v, want %v", tc.name, got, tc.wrapped)
		}
	}
}

// A table in wrapped text keeps its rows apart, and a rule of dashes joins
// nothing.
func TestWrappedTable(t *testing.T) {
	in := strings.Repeat("The bank lent more to the poorest countries last year than in any\nyear before, according to figures published on Monday by its\nboard, which meets again in the spring.\n\n", 3) +
		"-----------------------------------------------------------------\nDisbursements      Gross      Net\nAfrica             3.91       2.07\nAsia               6.12       3.72\n-----------------------------------------------------------------\n"
	lines := splitLines(in)
	var got []string
	for _, l := range lines {
		got = append(got, l.Of(in))
	}
	if len(got) != 8 || got[3] != strings.Repeat("-", 65) || got[5] != "Africa             3.91       2.07" {
		t.Errorf("lines = %q", got)
	}
}

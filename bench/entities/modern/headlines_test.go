package main

import (
	"bytes"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
)

// TestAGTitle undoes AG News's escapes as its README describes them: an
// entity's "&" written as a space, a backslash for a line break or before
// "$", and the "&lt;b&gt;...&lt;/b&gt;" of a title cut short.
func TestAGTitle(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Iraq #39;s top cleric arrives", "Iraq's top cleric arrives"},
		{"Don #39;t mention the  #39;C #39; word", "Don't mention the 'C' word"},
		{"AT amp;T Wireless Sells Device", "AT&T Wireless Sells Device"},
		{"Owen  amp; Becks named", "Owen & Becks named"},
		{"US Trsy  quot;glad to see quot; UK idea", `US Trsy "glad to see" UK idea`},
		{`FCC Proposes \$1.2M Fine`, "FCC Proposes $1.2M Fine"},
		{`Line one\Line two`, "Line one Line two"},
		{"Nortel gets US #36;1B share", "Nortel gets US$1B share"},
		{"Putin to visit India &lt;b&gt;...&lt;/b&gt;", "Putin to visit India ..."},
		{"Sony #146;s PSP", "Sony’s PSP"},
		{"Plain title", "Plain title"},
	} {
		if got := agTitle(tc.in); got != tc.want {
			t.Errorf("agTitle(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestEligibleHeadline(t *testing.T) {
	for _, tc := range []struct {
		title string
		want  bool
	}{
		{"Absent Phelps Gets Eighth Medal", true},
		{"31 reported dead in Indonesia plane crash", true},
		{"Golf Capsules", true},
		{"Barroso Commission approved", true},
		{"Oil prices drop sharply", false}, // only its first word
		{"Briefly: hello, halitosis", false},
		{"", false},
	} {
		if got := eligibleHeadline(tc.title); got != tc.want {
			t.Errorf("eligibleHeadline(%q) = %v, want %v", tc.title, got, tc.want)
		}
	}
}

// TestSelectHeadlines checks the rule on a hand-written file: the lines
// sorted as strings, every step-th, the eligible ones, the largest step
// that gives headlineCount titles; ids are line numbers.
func TestSelectHeadlines(t *testing.T) {
	var lines []string
	titles := map[string]string{}
	const n = 2*headlineCount + 3
	for i := 0; i < n; i++ {
		// written out of order (7 is prime to n), so that sorting
		// matters: sorted, the titles alternate between eligible (an even
		// number) and not, so every 2nd from the first gives
		// headlineCount eligible ones and step 2
		k := i * 7 % n
		title := fmt.Sprintf("%04d only first word", k)
		if k%2 == 0 {
			title = fmt.Sprintf("%04d Title Case", k)
		}
		lines = append(lines, `"1","`+title+`","d"`)
		titles[strconv.Itoa(i+1)] = title
	}
	ids, step := selectHeadlines(titles, lines)
	if len(ids) != headlineCount || step != 2 || ids[0] != strconv.Itoa(1) {
		t.Fatalf("%d ids at step %d, want %d at step 2", len(ids), step, headlineCount)
	}
	for _, id := range ids {
		if !eligibleHeadline(titles[id]) {
			t.Errorf("id %s (%q) is not eligible", id, titles[id])
		}
	}
}

// TestLedeLists pastes hand-written headlines as a list and checks that
// every mention comes back inside its own title, at offsets of that title.
func TestLedeLists(t *testing.T) {
	heads := []string{
		"Trump Meets Lee Ahead of Summit in Seoul",
		"Microsoft Sets Target for Next Windows Version",
		"Federer Beats Agassi at US Open",
		"Oil Prices Fall as China Demand Slows",
	}
	var arts []article
	bodies := map[string]string{}
	for i, h := range heads {
		id := strconv.Itoa(i + 1)
		arts = append(arts, article{ID: id, Scope: len(h)})
		bodies[id] = h
	}
	for _, n := range []int{1, 3, 15} {
		got, err := runLedeLists(arts, bodies, n)
		if err != nil {
			t.Fatal(err)
		}
		found := 0
		for id, ms := range got {
			for _, m := range ms {
				if m.Start < 0 || m.End > len(bodies[id]) || m.Start >= m.End {
					t.Errorf("lists of %d: %s: mention %d-%d outside %q", n, id, m.Start, m.End, bodies[id])
				}
				found++
			}
		}
		if found == 0 || len(got) != len(heads) {
			t.Errorf("lists of %d: %d mentions over %d titles, want some over %d", n, found, len(got), len(heads))
		}
	}
	if _, err := runLedeLists([]article{{ID: "x"}}, map[string]string{"x": "two\nlines"}, 2); err == nil {
		t.Error("a text of two lines was pasted as one line of a list")
	}
}

// TestHeadlineLabels checks headlines.json against the titles it indexes
// and the selection rule of modern.md, "Headlines".
func TestHeadlineLabels(t *testing.T) {
	const train = "../../../../shared/data/categories/agnews/train.csv"
	if _, err := os.Stat(train); err != nil {
		t.Skip("no ../shared:", err)
	}
	titles, lines, err := readAGTitles(train)
	if err != nil {
		t.Fatal(err)
	}
	ids, step := selectHeadlines(titles, lines)
	if step != 54 {
		t.Errorf("step %d, want 54 (modern.md)", step)
	}
	arts, err := readLabelFiles("../headlines.json")
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) != len(ids) {
		t.Fatalf("%d labelled titles, %d chosen", len(arts), len(ids))
	}
	for i, a := range arts {
		if a.ID != ids[i] || a.Half != string("AB"[i%2]) || !isAGNews(a) || a.Scope != len(titles[a.ID]) {
			t.Errorf("title %d: id %s half %s scope %d, want id %s half %c scope %d", i, a.ID, a.Half, a.Scope, ids[i], "AB"[i%2], len(titles[a.ID]))
		}
		if err := checkLabels(a, titles[a.ID]); err != nil {
			t.Error(err)
		}
	}
	for half, want := range map[string]string{"": "300 articles, 300 sentences, 490 mentions (PER 92, LOC 90, ORG 228, MISC 80)", "A": "150 articles, 150 sentences, 247 mentions", "B": "150 articles, 150 sentences, 243 mentions"} {
		var out bytes.Buffer
		if err := run(&out, config{labels: "../headlines.json", gold: "../../../../shared/data/article-extraction/dev-pasted/ground-truth.json", agnews: train, half: half, header: true}); err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(out.String(), want) {
			t.Errorf("half %q: header %q, want %q", half, out.String(), want)
		}
	}
}

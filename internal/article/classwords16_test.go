package article

import (
	"fmt"
	"strings"
	"testing"

	"github.com/lede-news/lede/internal/doc"
)

// The class word "paywall" names the text a paywall gates, which is the
// article on a page read without scripts, so it is not furniture; the gate
// itself is furniture by its other words (modal, overlay) or its element
// (aside). docs/extraction.md, "HTML on Readability's pages: the losses
// (sixteenth round)", candidate B.
func TestClassWeightPaywall(t *testing.T) {
	tests := []struct {
		class string
		want  int8
	}{
		{"paywall", 0},
		{"ArticlePage-content paywall", 1},
		{"paywall-modal", -1},
		{"paywall overlay", -1},
		{"sidebar", -1},
		{"article-body", 1},
	}
	for _, tc := range tests {
		if got, _ := classWeight(tc.class); got != tc.want {
			t.Errorf("classWeight(%q) = %d, want %d", tc.class, got, tc.want)
		}
	}
}

var ordinal = []string{"", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth"}

// A story whose paragraphs below the gate are marked class="paywall" is
// read whole; the gate's prompt, in an aside, is not body.
func TestPaywallParagraphs(t *testing.T) {
	paras := []string{
		"The harbour council voted on Tuesday to approve a new sea wall along the old town's front, ending a decade of argument.",
		"The wall will cost about four million and take two years to build, the council's engineer told the meeting.",
		"Residents who had campaigned for the wall since the winter floods of 2014 said they were relieved by the vote.",
	}
	// below the gate, more paragraphs than the rules' six-block reach, as
	// a long gated story has (the New Yorker's marks every one of them)
	for i := 1; i <= 12; i++ {
		paras = append(paras, fmt.Sprintf("In the %s week of the works, the contractor said, the crews would move along the front "+
			"by about %d metres and keep one lane of the harbour road open to traffic.", ordinal[i], 40+i*5))
	}
	var b strings.Builder
	b.WriteString(`<html><head><title>Harbour council approves sea wall</title></head><body>` +
		`<nav><a href="/">Home</a> <a href="/news">News</a></nav><main><article class="article main-content">` +
		`<h1>Harbour council approves sea wall</h1><div class="body">`)
	for i, p := range paras {
		if i < 3 {
			fmt.Fprintf(&b, "<p>%s</p>", p)
		} else {
			fmt.Fprintf(&b, `<p class="paywall">%s</p>`, p)
		}
	}
	b.WriteString(`</div></article></main><aside class="paywall-bar"><p>You have read your last free article this month. ` +
		`Subscribe now to keep reading, from one dollar a week, cancel anytime.</p></aside></body></html>`)
	d, err := Parse(b.String(), HTML)
	if err != nil {
		t.Fatal(err)
	}
	body := roleTexts(d, doc.Body)
	if len(body) != len(paras) {
		t.Fatalf("body has %d paragraphs, want %d: %q", len(body), len(paras), body)
	}
	for i, p := range paras {
		if body[i] != p {
			t.Errorf("paragraph %d = %q, want %q", i, body[i], p)
		}
	}
	if strings.Contains(Body(d), "Subscribe") {
		t.Errorf("the paywall's prompt is body: %q", body)
	}
}

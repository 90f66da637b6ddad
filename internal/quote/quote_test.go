package quote_test

import (
	"os"
	"strings"
	"testing"

	"github.com/lede-news/lede/internal/doc"
	"github.com/lede-news/lede/internal/quote"
	"github.com/lede-news/lede/internal/segment"
)

// ent is an entity for a test: its fullest name and the forms it takes.
type ent struct {
	name  string
	typ   doc.EntityType
	forms []string // longest first
}

// newDoc builds a document with one body block per non-empty line, runs
// the real tokenizer and adds the entities' mentions wherever a form
// occurs as a whole word, as package entity would.
func newDoc(text string, ents ...ent) *doc.Document {
	d := doc.NewText(text)
	segment.Segment(d)
	taken := make([]bool, len(text))
	for _, e := range ents {
		de := doc.Entity{Name: e.name, Type: e.typ}
		for _, f := range e.forms {
			for i := 0; ; {
				k := strings.Index(text[i:], f)
				if k < 0 {
					break
				}
				s, en := i+k, i+k+len(f)
				i = en
				if s > 0 && isLetter(text[s-1]) || en < len(text) && isLetter(text[en]) || taken[s] {
					continue
				}
				for j := s; j < en; j++ {
					taken[j] = true
				}
				de.Mentions = append(de.Mentions, doc.Mention{Span: doc.Span{Start: s, End: en}})
			}
		}
		d.Entities = append(d.Entities, de)
	}
	return d
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

var (
	trump = ent{"Donald Trump", doc.Person, []string{"Donald Trump", "Trump"}}
	lee   = ent{"Lee Jae Myung", doc.Person, []string{"Lee Jae Myung", "President Lee", "Lee"}}
	kim   = ent{"Kim Jong Un", doc.Person, []string{"Kim Jong Un", "Kim"}}
)

type q struct{ text, speaker string }

func TestQuotes(t *testing.T) {
	tests := []struct {
		name string
		text string
		ents []ent
		want []q
	}{
		{"said X after", "“We will not pay up front,” said Lee Jae Myung.", []ent{lee},
			[]q{{"We will not pay up front", "Lee Jae Myung"}}},
		{"X said after, short form", "“We agree on most things,” Trump said on Friday.", []ent{trump},
			[]q{{"We agree on most things", "Donald Trump"}}},
		{"before with colon", "Trump told reporters: “It is a great deal for both of us.”", []ent{trump},
			[]q{{"It is a great deal for both of us.", "Donald Trump"}}},
		{"X said, then the quote", "Lee said, “We are ready to talk.”", []ent{lee},
			[]q{{"We are ready to talk.", "Lee Jae Myung"}}},
		{"according to before", "According to Kim, “the talks are over for now.”", []ent{kim},
			[]q{{"the talks are over for now.", "Kim Jong Un"}}},
		{"according to", "“Talks have stalled again,” according to Kim Jong Un.", []ent{kim},
			[]q{{"Talks have stalled again", "Kim Jong Un"}}},
		{"pronoun", "Trump spoke on Monday. “We are very close to a deal,” he said.", []ent{trump},
			[]q{{"We are very close to a deal", "Donald Trump"}}},
		{"pronoun takes the last person", "Trump met Lee on Monday. Lee was upbeat. “We are close,” he said.", []ent{trump, lee},
			[]q{{"We are close", "Lee Jae Myung"}}},
		{"scare quote with demand", "The stalemate centers on a pledge, with Trump demanding the amount be paid “up front” in cash.", []ent{trump},
			[]q{{"up front", "Donald Trump"}}},
		{"possessive remarks", "Trump’s remarks acknowledging Pyongyang as a “nuclear power” have raised concerns.", []ent{trump},
			[]q{{"nuclear power", "Donald Trump"}}},
		{"scare quote without speaker", "The plan was called a “bridge” by some.", nil,
			[]q{{"bridge", ""}}},
		{"straight quotes, name without entity", `"It was a difficult situation for us," Lopez said.`, nil,
			[]q{{"It was a difficult situation for us", "Lopez"}}},
		{"apposition", "“We had some issues,” Mayer, the head of streaming, said on Tuesday.", nil,
			[]q{{"We had some issues", "Mayer"}}},
		{"quote ends its sentence", "“Vote for him today!” Trump tweeted before Election Day.", []ent{trump},
			[]q{{"Vote for him today!", "Donald Trump"}}},
		{"next sentence is not an attribution", "Polls show that “the actions were wrong and he should go.” And 70 percent of Americans say the rest.", nil,
			[]q{{"the actions were wrong and he should go.", ""}}},
		{"curly single quotes", "Police call disappearance of bar owner ‘suspicious’", nil,
			[]q{{"suspicious", "Police"}}},
		{"straight single quotes", "He called the plan 'a bridge too far' on Monday.", nil,
			[]q{{"a bridge too far", ""}}},
		{"apostrophes are not quotes", "Trump’s aides don’t think it’s the workers’ fault, and it's Lee's call.", nil, nil},
		{"plural possessive inside single quotes", "He called it ‘the workers’ party line’ today.", nil,
			[]q{{"the workers’ party line", ""}}},
		{"elided decade", "Music from the ’90s is back, and it is ‘loud’.", nil,
			[]q{{"loud", ""}}},
		{"two single-quoted titles", "Fans of ‘Simpsons’ fans will like ‘Futurama’ too.", nil,
			[]q{{"Simpsons", ""}, {"Futurama", ""}}},
		{"quote over sentences", "“We came. We saw. We left,” she said.", nil,
			[]q{{"We came. We saw. We left", ""}}},
		{"consecutive statements share the speaker", "“It was a long day for all of us,” Lopez said. “We needed this win very much.”", nil,
			[]q{{"It was a long day for all of us", "Lopez"}, {"We needed this win very much.", "Lopez"}}},
		{"interrupted quote", "“We came,” Lee said, “and we will come back again.”", []ent{lee},
			[]q{{"We came", "Lee Jae Myung"}, {"and we will come back again.", "Lee Jae Myung"}}},
		{"quote over paragraphs", "Kim said: “This is the first part of what I have to say.\n\n“And this is the second part of it.”\n\nThe end.", []ent{kim},
			[]q{{"This is the first part of what I have to say.", "Kim Jong Un"}, {"And this is the second part of it.", "Kim Jong Un"}}},
		{"stray open mark", "He left “ without a word.\n\nNothing followed.", nil, nil},
		{"unclosed quote without continuation", "An unclosed “quote runs here\n\nThen another paragraph.", nil, nil},
		{"pronoun without entities, same paragraph", "“It is a good day for us,” Lopez said. Then he left. “We will be back soon,” he said.", nil,
			[]q{{"It is a good day for us", "Lopez"}, {"We will be back soon", "Lopez"}}},
		{"pronoun without entities, next paragraph", "“It is a good day for us,” Lopez said.\n\nKelso disagreed. “It was not,” he said.", nil,
			[]q{{"It is a good day for us", "Lopez"}, {"It was not", ""}}},
		{"TeX-style wire quotes", "``This is old wire copy,'' Kim said.", []ent{kim},
			[]q{{"This is old wire copy", "Kim Jong Un"}}},
		{"guillemets", "«Nous sommes prêts», a dit Macron.", nil,
			[]q{{"Nous sommes prêts", ""}}},
		{"empty quotes", "He said “” and “ , ” then left.", nil, nil},
		{"nested single inside double", "“He told me ‘never again’ twice,” Kim said.", []ent{kim},
			[]q{{"He told me ‘never again’ twice", "Kim Jong Un"}}},
		{"inches mark", `The screen is 6" wide and 3" tall.`, nil, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := newDoc(tc.text, tc.ents...)
			quote.Annotate(d)
			var got []q
			for _, x := range d.Quotes {
				got = append(got, q{x.Of(d.Text), x.Speaker})
			}
			if len(got) != len(tc.want) {
				t.Fatalf("got %q, want %q", got, tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Errorf("quote %d: got %q, want %q", i, got[i], tc.want[i])
				}
			}
		})
	}
}

// TestSample checks the sample article of ../shared: its two scare quotes.
func TestSample(t *testing.T) {
	b, err := os.ReadFile("../../../shared/samples/korea-us-summit.txt")
	if err != nil {
		t.Skip("../shared/samples not found")
	}
	d := newDoc(string(b), trump, lee, kim)
	quote.Annotate(d)
	found := map[string]string{}
	for _, x := range d.Quotes {
		found[x.Of(d.Text)] = x.Speaker
	}
	for _, w := range []string{"up front", "nuclear power"} {
		if sp, ok := found[w]; !ok {
			t.Errorf("no quote %q in %v", w, found)
		} else if sp != "Donald Trump" {
			t.Errorf("quote %q: speaker %q, want Donald Trump", w, sp)
		}
	}
}

package segment

import (
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/lede-news/lede/internal/doc"
)

// goldenRules are the 52 English "Golden Rules" of the pragmatic_segmenter
// project (MIT licence, github.com/diasks2/pragmatic_segmenter), written out
// here as test cases in the published order. Sentences are spans of the
// input, so a line break inside one stays in its text; the published
// answers of rules 40 and 41 print it as a space, and the test compares
// with runs of white space made one space.
var goldenRules = []struct {
	name string
	in   string
	want []string
}{
	{"simple period", "Hello World. My name is Jonas.", []string{"Hello World.", "My name is Jonas."}},
	{"question mark", "What is your name? My name is Jonas.", []string{"What is your name?", "My name is Jonas."}},
	{"exclamation point", "There it is! I found it.", []string{"There it is!", "I found it."}},
	{"one letter upper case abbreviation", "My name is Jonas E. Smith.", []string{"My name is Jonas E. Smith."}},
	{"one letter lower case abbreviation", "Please turn to p. 55.", []string{"Please turn to p. 55."}},
	{"two letter lower case abbreviation mid-sentence", "Were Jane and co. at the party?", []string{"Were Jane and co. at the party?"}},
	{"two letter upper case abbreviation mid-sentence", "They closed the deal with Pitt, Briggs & Co. at noon.", []string{"They closed the deal with Pitt, Briggs & Co. at noon."}},
	{"two letter lower case abbreviation at the end", "Let's ask Jane and co. They should know.", []string{"Let's ask Jane and co.", "They should know."}},
	{"two letter upper case abbreviation at the end", "They closed the deal with Pitt, Briggs & Co. It closed yesterday.", []string{"They closed the deal with Pitt, Briggs & Co.", "It closed yesterday."}},
	{"prepositive abbreviation", "I can see Mt. Fuji from here.", []string{"I can see Mt. Fuji from here."}},
	{"prepositive and postpositive abbreviations", "St. Michael's Church is on 5th st. near the light.", []string{"St. Michael's Church is on 5th st. near the light."}},
	{"possessive abbreviation", "That is JFK Jr.'s book.", []string{"That is JFK Jr.'s book."}},
	{"multi-period abbreviation mid-sentence", "I visited the U.S.A. last year.", []string{"I visited the U.S.A. last year."}},
	{"multi-period abbreviation at the end", "I live in the E.U. How about you?", []string{"I live in the E.U.", "How about you?"}},
	{"U.S. as a sentence end", "I live in the U.S. How about you?", []string{"I live in the U.S.", "How about you?"}},
	{"U.S. before a capitalised word", "I work for the U.S. Government in Virginia.", []string{"I work for the U.S. Government in Virginia."}},
	{"U.S. mid-sentence", "I have lived in the U.S. for 20 years.", []string{"I have lived in the U.S. for 20 years."}},
	{"a.m. and P.M.", "At 5 a.m. Mr. Smith went to the bank. He left the bank at 6 P.M. Mr. Smith then went to the store.",
		[]string{"At 5 a.m. Mr. Smith went to the bank.", "He left the bank at 6 P.M.", "Mr. Smith then went to the store."}},
	{"number mid-sentence", "She has $100.00 in her bag.", []string{"She has $100.00 in her bag."}},
	{"number at the end", "She has $100.00. It is in her bag.", []string{"She has $100.00.", "It is in her bag."}},
	{"parenthetical sentence", "He teaches science (He previously worked for 5 years as an engineer.) at the local University.",
		[]string{"He teaches science (He previously worked for 5 years as an engineer.) at the local University."}},
	{"e-mail address", "Her email is Jane.Doe@example.com. I sent her an email.", []string{"Her email is Jane.Doe@example.com.", "I sent her an email."}},
	{"web address", "The site is: https://www.example.50.com/new-site/awesome_content.html. Please check it out.",
		[]string{"The site is: https://www.example.50.com/new-site/awesome_content.html.", "Please check it out."}},
	{"single quotation inside", "She turned to him, 'This is great.' she said.", []string{"She turned to him, 'This is great.' she said."}},
	{"double quotation inside", `She turned to him, "This is great." she said.`, []string{`She turned to him, "This is great." she said.`}},
	{"double quotation at the end", `She turned to him, "This is great." She held the book out to show him.`,
		[]string{`She turned to him, "This is great."`, "She held the book out to show him."}},
	{"double exclamation", "Hello!! Long time no see.", []string{"Hello!!", "Long time no see."}},
	{"double question", "Hello?? Who is there?", []string{"Hello??", "Who is there?"}},
	{"exclamation and question", "Hello!? Is that you?", []string{"Hello!?", "Is that you?"}},
	{"question and exclamation", "Hello?! Is that you?", []string{"Hello?!", "Is that you?"}},
	{"list 1.) without periods", "1.) The first item 2.) The second item", []string{"1.) The first item", "2.) The second item"}},
	{"list 1.) with periods", "1.) The first item. 2.) The second item.", []string{"1.) The first item.", "2.) The second item."}},
	{"list 1) without periods", "1) The first item 2) The second item", []string{"1) The first item", "2) The second item"}},
	{"list 1) with periods", "1) The first item. 2) The second item.", []string{"1) The first item.", "2) The second item."}},
	{"list 1. without periods", "1. The first item 2. The second item", []string{"1. The first item", "2. The second item"}},
	{"list 1. with periods", "1. The first item. 2. The second item.", []string{"1. The first item.", "2. The second item."}},
	{"list with bullets", "• 9. The first item • 10. The second item", []string{"• 9. The first item", "• 10. The second item"}},
	{"list with hyphen bullets", "⁃9. The first item ⁃10. The second item", []string{"⁃9. The first item", "⁃10. The second item"}},
	{"alphabetical list", "a. The first item b. The second item c. The third list item",
		[]string{"a. The first item", "b. The second item", "c. The third list item"}},
	{"errant newline in the middle of a sentence (PDF)", "This is a sentence\ncut off in the middle because pdf.",
		[]string{"This is a sentence cut off in the middle because pdf."}},
	{"errant newline in the middle of a sentence", "It was a cold \nnight in the city.", []string{"It was a cold night in the city."}},
	{"lower case list separated by newline", "features\ncontact manager\nevents, activities\n", []string{"features", "contact manager", "events, activities"}},
	{"geo coordinates", "You can find it at N°. 1026.253.553. That is where the treasure is.",
		[]string{"You can find it at N°. 1026.253.553.", "That is where the treasure is."}},
	{"named entity with exclamation point", "She works at Yahoo! in the accounting department.", []string{"She works at Yahoo! in the accounting department."}},
	{"I as a sentence end and an initial", "We make a good team, you and I. Did you see Albert I. Jones yesterday?",
		[]string{"We make a good team, you and I.", "Did you see Albert I. Jones yesterday?"}},
	{"ellipsis at the end of a quotation", "Thoreau argues that by simplifying one’s life, “the laws of the universe will appear less complex. . . .”",
		[]string{"Thoreau argues that by simplifying one’s life, “the laws of the universe will appear less complex. . . .”"}},
	{"ellipsis with square brackets", `"Bohr [...] used the analogy of parallel stairways [...]" (Smith 55).`,
		[]string{`"Bohr [...] used the analogy of parallel stairways [...]" (Smith 55).`}},
	{"standard ellipsis at a sentence end", "If words are left off at the end of a sentence, and that is all that is omitted, indicate the omission with ellipsis marks (preceded and followed by a space) and then indicate the end of the sentence with a period . . . . Next sentence.",
		[]string{"If words are left off at the end of a sentence, and that is all that is omitted, indicate the omission with ellipsis marks (preceded and followed by a space) and then indicate the end of the sentence with a period . . . .", "Next sentence."}},
	{"non-standard ellipsis at a sentence end", "I never meant that.... She left the store.", []string{"I never meant that....", "She left the store."}},
	{"ellipsis inside a sentence", "I wasn’t really ... well, what I mean...see . . . what I'm saying, the thing is . . . I didn’t mean it.",
		[]string{"I wasn’t really ... well, what I mean...see . . . what I'm saying, the thing is . . . I didn’t mean it."}},
	{"4-dot ellipsis", "One further habit which was somewhat weakened . . . was that of combining words into self-interpreting compounds. . . . The practice was not abandoned. . . .",
		[]string{"One further habit which was somewhat weakened . . . was that of combining words into self-interpreting compounds.", ". . . The practice was not abandoned. . . ."}},
	{"no space between sentences", "Hello world.Today is Tuesday.Mr. Smith went to the store and bought 1,000.That is a lot.",
		[]string{"Hello world.", "Today is Tuesday.", "Mr. Smith went to the store and bought 1,000.", "That is a lot."}},
}

func TestGoldenRules(t *testing.T) {
	if len(goldenRules) != 52 {
		t.Fatalf("%d Golden Rules written out, the published list has 52", len(goldenRules))
	}
	for _, tc := range goldenRules {
		t.Run(tc.name, func(t *testing.T) {
			got := Sentences(tc.in)
			for i := range got {
				got[i] = strings.Join(strings.Fields(got[i]), " ")
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Sentences(%q)\n got %q\nwant %q", tc.in, got, tc.want)
			}
		})
	}
}

// News text: what the issue lists beyond the Golden Rules.
func TestNewsSentences(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"South Korean President Lee Jae Myung will meet U.S. President Donald Trump on Wednesday. The two leaders are expected to talk.",
			[]string{"South Korean President Lee Jae Myung will meet U.S. President Donald Trump on Wednesday.", "The two leaders are expected to talk."}},
		{"Gen. Mark Milley met Sen. Jack Reed. Apple Inc. said profit rose 3.5% to $1.5 billion.",
			[]string{"Gen. Mark Milley met Sen. Jack Reed.", "Apple Inc. said profit rose 3.5% to $1.5 billion."}},
		{"The vote ended at 8 p.m. Tuesday in Ohio. Results came later.",
			[]string{"The vote ended at 8 p.m. Tuesday in Ohio.", "Results came later."}},
		{"“We will pay,” he said. “Not now.” Officials declined to comment.",
			[]string{"“We will pay,” he said.", "“Not now.”", "Officials declined to comment."}},
		{"Sales fell (to 28,500 units). Analysts were surprised.",
			[]string{"Sales fell (to 28,500 units).", "Analysts were surprised."}},
		{"He moved to Washington, D.C. in 2019.", []string{"He moved to Washington, D.C. in 2019."}},
		{"Trump Signs Executive Order Threatening 25% Tariffs on Countries Trading With Iran",
			[]string{"Trump Signs Executive Order Threatening 25% Tariffs on Countries Trading With Iran"}},
		{"", nil},
		{"   ", nil},
	}
	for _, tc := range tests {
		got := Sentences(tc.in)
		if len(got) == 0 && len(tc.want) == 0 {
			continue
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Sentences(%q)\n got %q\nwant %q", tc.in, got, tc.want)
		}
	}
}

func TestTokens(t *testing.T) {
	tests := []struct {
		in   string
		want string // tokens joined by "|", each followed by its kind letter ("l": a Word marked Link)
	}{
		{"the U.S. military", "the/w|U.S./w|military/w"},
		{"28,500 troops and 3.5% of GDP", "28,500/n|troops/w|and/w|3.5/n|%/s|of/w|GDP/w"},
		{"a $350 billion pledge", "a/w|$/s|350/n|billion/w|pledge/w"},
		{"Trump’s remarks; Trump's too", "Trump/w|’s/w|remarks/w|;/p|Trump/w|'s/w|too/w"},
		{"don't stop, O'Brien", "don't/w|stop/w|,/p|O'Brien/w"},
		{"“up front” and \"cash\"", "“/p|up/w|front/w|”/p|and/w|\"/p|cash/w|\"/p"},
		{"in 2026—more than 10th in the 1990s", "in/w|2026/n|—/p|more/w|than/w|10th/n|in/w|the/w|1990s/n"},
		{"72-year U.S.–South Korea", "72-year/w|U.S./w|–/p|South/w|Korea/w"},
		{"Mr. Smith at 5 p.m. and AT&T", "Mr./w|Smith/w|at/w|5/n|p.m./w|and/w|AT&T/w"},
		{"see www.example.com/a. Or mail a.b@c.org!", "see/w|www.example.com/a/l|./p|Or/w|mail/w|a.b@c.org/l|!/p"},
		{"wait... no -- TrumpRx.gov", "wait/w|.../p|no/w|--/p|TrumpRx.gov/w"},
		{"No. 1 and no. Voters", "No./w|1/n|and/w|no/w|./p|Voters/w"},
		{"서울 and Gyeongju, 10:30", "서울/w|and/w|Gyeongju/w|,/p|10:30/n"},
		// a link whose '@' comes after an underscore (the '@' looked up
		// ahead), a second '@' later, and URLs in capitals
		{"mail first_x@foo.com or y@z.org; HTTP://A.B/c WWW.EX.COM",
			"mail/w|first_x@foo.com/l|or/w|y@z.org/l|;/p|HTTP://A.B/c/l|WWW.EX.COM/l"},
		// a link's digits are part of it; a domain without "www." is a word
		{"at https://x.org/s?id=12&p=2, jo3@ex.com or www.acme2.com", "at/w|https://x.org/s?id=12&p=2/l|,/p|jo3@ex.com/l|or/w|www.acme2.com/l"},
	}
	kinds := map[doc.Kind]string{doc.Word: "w", doc.Number: "n", doc.Punct: "p", doc.Symbol: "s"}
	for _, tc := range tests {
		toks := tokenize(tc.in, 0, len(tc.in), nil, nil)
		var parts []string
		for _, tk := range toks {
			k := kinds[tk.Kind]
			if tk.Link {
				k = "l"
			}
			parts = append(parts, tk.Of(tc.in)+"/"+k)
		}
		if got := strings.Join(parts, "|"); got != tc.want {
			t.Errorf("tokenize(%q)\n got %s\nwant %s", tc.in, got, tc.want)
		}
	}
}

func TestSegmentBlocks(t *testing.T) {
	text := "Menu Home World\nFirst one. Second one.\nA Related Headline"
	d := &doc.Document{Text: text, Blocks: []doc.Block{
		{Span: doc.Span{Start: 0, End: 15}, Role: doc.Boilerplate},
		{Span: doc.Span{Start: 16, End: 38}, Role: doc.Body},
		{Span: doc.Span{Start: 39, End: len(text)}, Role: doc.Related},
	}}
	Segment(d)
	var got []string
	for _, s := range d.Sentences {
		got = append(got, s.Of(text))
		if s.First >= s.Last || d.Tokens[s.First].Start != s.Start || d.Tokens[s.Last-1].End != s.End {
			t.Errorf("sentence %q: token range [%d,%d) does not match its span", s.Of(text), s.First, s.Last)
		}
	}
	want := []string{"First one.", "Second one.", "A Related Headline"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("sentences %q, want %q", got, want)
	}
	if d.Sentences[2].Block != 2 || d.Sentences[0].Block != 1 {
		t.Errorf("block indices wrong: %+v", d.Sentences)
	}
	for _, tk := range d.Tokens {
		if tk.Start < 16 {
			t.Errorf("boilerplate was tokenised: %q", tk.Of(text))
		}
	}
}

// Segment must never panic and keep every span inside the text, whatever
// it is given.
func TestSegmentHostile(t *testing.T) {
	inputs := []string{
		"....", ". . . .", "!!!???", "\xff\xfe.", "a.", "1.", "1.)", "•", "• •", "a. b. c.", "U.S.", "'s", "’s’s",
		strings.Repeat("a.", 1000), strings.Repeat("1) ", 500), strings.Repeat("http://x.y ", 100),
		"x@y.z", "(((((", "Mr.", "a.m.", "\n\n\n",
	}
	for _, in := range inputs {
		d := &doc.Document{Text: in, Blocks: []doc.Block{{Span: doc.Span{Start: 0, End: len(in)}}}}
		Segment(d)
		for _, s := range d.Sentences {
			if s.Start < 0 || s.End > len(in) || s.Start >= s.End || s.First >= s.Last || s.Last > len(d.Tokens) {
				t.Errorf("%q: bad sentence %+v", in, s)
			}
		}
		n := 0
		for _, s := range d.Sentences {
			n += s.Last - s.First
		}
		if n != len(d.Tokens) {
			t.Errorf("%q: sentences cover %d of %d tokens", in, n, len(d.Tokens))
		}
	}
}

// In a hard-wrapped paragraph a line break is only width: a capitalised
// word at the start of a wrapped line does not start a sentence.
func TestWrappedBlock(t *testing.T) {
	text := "The census count was challenged by members of Congress announced\nWednesday that they would sue. The suit was filed\nin Federal Court."
	for _, c := range []struct {
		wrapped bool
		want    int
	}{{true, 2}, {false, 3}} {
		d := &doc.Document{Text: text, Blocks: []doc.Block{{Span: doc.Span{Start: 0, End: len(text)}, Wrapped: c.wrapped}}}
		Segment(d)
		if len(d.Sentences) != c.want {
			var got []string
			for _, s := range d.Sentences {
				got = append(got, s.Of(text))
			}
			t.Errorf("wrapped=%v: %d sentences %q, want %d", c.wrapped, len(got), got, c.want)
		}
	}
}

// TestASCIIAlnum holds scanWord's table to isAlnum and isLetter.
func TestASCIIAlnum(t *testing.T) {
	for c := range asciiAlnum {
		if a, l := asciiAlnum[c] != 0, asciiAlnum[c]&1 == 1; a != isAlnum(rune(c)) || l != isLetter(rune(c)) {
			t.Errorf("%q: table says alnum %v letter %v", rune(c), a, l)
		}
	}
}

// TestWordStop holds scanWord's early end to the reading it skips: a byte
// wordStop marks ends a word before it, whatever follows, and each mark
// it leaves out joins some word.
func TestWordStop(t *testing.T) {
	for c := range 256 {
		for _, next := range []string{"cd", "12", "s", "", ".", "&amp;x"} {
			text := "ab" + string([]byte{byte(c)}) + next
			if j, _ := scanWord(text, 0, len(text), true); wordStop[c] && j != 2 {
				t.Errorf("%q: word ends at %d, want 2", text, j)
			}
		}
	}
	joins := []struct{ text string }{{"a-b"}, {"don't"}, {"U.S"}, {"3,5"}, {"10:30"}, {"1/2"}, {"AT&T"}, {"3.5"}}
	for _, tc := range joins {
		if j, _ := scanWord(tc.text, 0, len(tc.text), false); j != len(tc.text) {
			t.Errorf("%q: word ends at %d, want %d", tc.text, j, len(tc.text))
		}
	}
	for c := range utf8.RuneSelf {
		if want := !isAlnum(rune(c)) && !strings.ContainsRune("-'.,:/&", rune(c)); wordStop[c] != want {
			t.Errorf("%q: wordStop %v, want %v", rune(c), wordStop[c], want)
		}
	}
}

// TestSegmentLentSlices: the engine gives Segment the last analysis's token
// and sentence arrays (engine.Analyze). Segment must keep an array that is
// large enough and write every token and sentence it keeps whole, so that
// nothing of the last document (a Tag, a Ref, a Link mark, a sentence's
// range) shows through; an array too small for the text is replaced.
func TestSegmentLentSlices(t *testing.T) {
	texts := []struct{ name, text string }{
		{"news", "Officials met in Berlin on Monday. \"We agreed,\" said Anna Weber of the U.S. Treasury."},
		{"pasted references", "Caf&eacute; owners &amp; staff met. Prices rose 5&#37; on Friday."},
		{"links and numbers", "See https://example.org/a?id=12&page=2 or mail info@usef.org. It cost $28,500."},
	}
	junk := doc.Token{Span: doc.Span{Start: 1, End: 7}, Kind: doc.Symbol, Link: true, Ref: 3, Tag: "NNP"}
	for _, tc := range texts {
		t.Run(tc.name, func(t *testing.T) {
			newDoc := func() *doc.Document {
				return &doc.Document{Text: tc.text, Blocks: []doc.Block{{Span: doc.Span{Start: 0, End: len(tc.text)}, Role: doc.Body}}}
			}
			fresh := newDoc()
			Segment(fresh)
			for _, room := range []int{1, len(tc.text)*2/9 + 1, 4 * len(tc.text)} {
				lent := newDoc()
				toks := make([]doc.Token, room)
				for i := range toks {
					toks[i] = junk
				}
				sents := make([]doc.Sentence, room)
				for i := range sents {
					sents[i] = doc.Sentence{Span: doc.Span{Start: 2, End: 3}, Block: 5, First: 9, Last: 1}
				}
				lent.Tokens, lent.Sentences = toks[:room/2], sents[:room/2]
				Segment(lent)
				if !reflect.DeepEqual(lent.Tokens, fresh.Tokens) || !reflect.DeepEqual(lent.Sentences, fresh.Sentences) {
					t.Fatalf("room %d: tokens or sentences differ from a fresh document's:\n%v\n%v", room, lent.Tokens, fresh.Tokens)
				}
				// kept when it holds Segment's estimate and every token
				want := max(len(tc.text)*2/9+1, len(fresh.Tokens))
				if kept := &lent.Tokens[:1][0] == &toks[0]; kept != (room >= want) {
					t.Errorf("room %d: array kept %v, want kept only when it holds %d tokens", room, kept, want)
				}
			}
		})
	}
}

// TestGeneralPunctHoldsNoAlnum holds isAlnum's shortcut to the unicode
// tables: no rune of the General Punctuation block is a letter, a digit
// or a mark, and the block is where isGeneralPunct says.
func TestGeneralPunctHoldsNoAlnum(t *testing.T) {
	for r := rune(0x1fff); r <= 0x2070; r++ {
		alnum := unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
		if in := isGeneralPunct(r); in != (r >= 0x2000 && r <= 0x206f) || in && alnum {
			t.Errorf("%U: in the block %v, a letter, digit or mark %v", r, in, alnum)
		}
	}
}

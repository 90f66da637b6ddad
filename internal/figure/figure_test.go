package figure_test

import (
	"fmt"
	"math"
	"os"
	"strings"
	"testing"

	"github.com/lede-news/lede/internal/doc"
	"github.com/lede-news/lede/internal/figure"
	"github.com/lede-news/lede/internal/segment"
)

// newDoc builds a document with one body block per non-empty line and
// runs the real tokenizer, as the engine does before package figure.
func newDoc(text, published string) *doc.Document {
	d := doc.NewText(text)
	d.Published = published
	segment.Segment(d)
	return d
}

// want is one expected figure. Value NaN means "nil"; about "*" means any.
type want struct {
	text  string
	kind  doc.FigureKind
	value float64
	unit  string
	about string
}

const any = "*"

var none = math.NaN()

func describe(d *doc.Document) string {
	var b strings.Builder
	for _, f := range d.Figures {
		v := "nil"
		if f.Value != nil {
			v = fmt.Sprint(*f.Value)
		}
		fmt.Fprintf(&b, "\n  %s %q value=%s unit=%q about=%q", f.Kind, f.Of(d.Text), v, f.Unit, f.About)
	}
	return b.String()
}

func TestFigures(t *testing.T) {
	tests := []struct {
		name, text, published string
		want                  []want
		not                   []string // texts that must not be a figure (nor inside one)
	}{
		// money
		{"dollars with scale", "The stalemate centers on a $350 billion investment pledge from South Korea.", "",
			[]want{{"$350 billion", doc.Money, 3.5e11, "USD", "investment pledge"}}, nil},
		{"euro abbreviated scale", "The fund raised €2bn last year.", "",
			[]want{{"€2bn", doc.Money, 2e9, "EUR", "fund"}}, nil},
		{"pounds sterling", "Officials set aside £1.2 million for repairs.", "",
			[]want{{"£1.2 million", doc.Money, 1.2e6, "GBP", any}}, nil},
		{"won after the number", "Hyundai will invest 350 billion won in the plant.", "",
			[]want{{"350 billion won", doc.Money, 3.5e11, "KRW", "Hyundai"}}, nil},
		{"capitalised scale and in-phrase", "U.S. Announces Additional $6 Million in Humanitarian Aid to Cuba", "",
			[]want{{"$6 Million", doc.Money, 6e6, "USD", "Humanitarian Aid"}}, nil},
		{"US dollar prefix", "Each ticket costs US$5 at the gate.", "",
			[]want{{"US$5", doc.Money, 5, "USD", any}}, nil},
		{"other dollars", "The deal is worth A$40 million, or HK$200 million.", "",
			[]want{{"A$40 million", doc.Money, 4e7, "AUD", "deal"}, {"HK$200 million", doc.Money, 2e8, "HKD", any}}, nil},
		{"cents", "Shares rose 5 cents on Tuesday.", "",
			[]want{{"5 cents", doc.Money, 0.05, "USD", "Shares"}}, nil},
		{"code before number", "Revenue reached USD 5 million in March.", "",
			[]want{{"USD 5 million", doc.Money, 5e6, "USD", "Revenue"}}, nil},
		{"short scale glued", "Apple paid $3m to settle.", "",
			[]want{{"$3m", doc.Money, 3e6, "USD", "Apple"}}, nil},
		// a link's digits are its address, not counts
		{"digits in links", "Listen at http://po.st/TP_615 or https://example.com/story?id=12&page=2, write to jo3@example.com or see www.acme2.com: 3 plants closed.", "",
			[]want{{"3", doc.Quantity, 3, "plants", "plants"}}, []string{"615", "12", "2", "jo3", "acme2"}},
		// pasted text's character references: the figure's span is the
		// paste's, its About (a phrase without offsets) reads them decoded
		{"character references", "Shares of Jerry&#39;s firm rose 5% as it sold &pound;30 billion.", "",
			[]want{{"5%", doc.Percent, 5, "%", "Jerry's firm"}, {"&pound;30 billion", doc.Money, 3e10, "GBP", any}}, nil},
		{"yen sign", "Toyota earned ¥1.5 trillion in operating profit.", "",
			[]want{{"¥1.5 trillion", doc.Money, 1.5e12, "JPY", "operating profit"}}, nil},
		{"worth of", "Mexico can buy $40 million worth of meat.", "",
			[]want{{"$40 million", doc.Money, 4e7, "USD", "meat"}}, nil},
		{"range does not measure itself", "Prices rose from 2 percent to 4 percent.", "",
			[]want{{"2 percent", doc.Percent, 2, "%", "Prices"}, {"4 percent", doc.Percent, 4, "%", ""}}, nil},
		{"dollars word", "He was fined 500 dollars.", "",
			[]want{{"500 dollars", doc.Money, 500, "USD", any}}, nil},

		// percent
		{"percent of GDP", "Trump has called on allies to raise defense budgets to 3.5% of GDP.", "",
			[]want{{"3.5%", doc.Percent, 3.5, "%", "defense budgets"}}, nil},
		{"subject of spends", "South Korea currently spends 2.3% but plans an 8.3% increase in 2026.", "",
			[]want{{"2.3%", doc.Percent, 2.3, "%", "South Korea"}, {"8.3%", doc.Percent, 8.3, "%", "increase"},
				{"2026", doc.Date, none, "2026", ""}}, nil},
		{"percent word", "Unemployment fell 40 percent over the decade.", "",
			[]want{{"40 percent", doc.Percent, 40, "%", "Unemployment"}}, nil},
		{"per cent", "Inflation rose to 4.1 per cent in May.", "",
			[]want{{"4.1 per cent", doc.Percent, 4.1, "%", "Inflation"}, {"May", doc.Date, none, "", ""}}, nil},
		{"percent modifies noun", "Trump Signs Executive Order Threatening 25% Tariffs on Countries Trading With Iran", "",
			[]want{{"25%", doc.Percent, 25, "%", "Tariffs"}}, nil},
		{"percentage points", "The central bank cut rates by 0.25 percentage points.", "",
			[]want{{"0.25 percentage points", doc.Percent, 0.25, "percentage points", "rates"}}, nil},
		{"negative percent", "Output changed by -5% this quarter.", "",
			[]want{{"-5%", doc.Percent, -5, "%", "Output"}}, nil},
		{"of phrase", "About 60% of voters backed the plan.", "",
			[]want{{"60%", doc.Percent, 60, "%", "voters"}}, nil},

		// quantities
		{"counted troops", "Officials are considering the role of the 28,500 U.S. troops stationed in South Korea.", "",
			[]want{{"28,500", doc.Quantity, 28500, "troops", "U.S. troops"}}, nil},
		{"vague count", "It follows the arrests of hundreds of Hyundai workers.", "",
			[]want{{"hundreds", doc.Quantity, none, "workers", "Hyundai workers"}}, nil},
		{"hyphenated duration", "It marks a pivotal moment for the 72-year alliance.", "",
			[]want{{"72-year", doc.Quantity, 72, "year", "alliance"}}, nil},
		{"spelled duration", "They met for the second time in two months.", "",
			[]want{{"two months", doc.Quantity, 2, "month", any}, {"second", doc.Ordinal, 2, "", "time"}}, nil},
		{"scaled count", "About 2.5 million people fled the region.", "",
			[]want{{"2.5 million", doc.Quantity, 2.5e6, "people", "people"}}, nil},
		{"spelled count", "Three soldiers were wounded.", "",
			[]want{{"Three", doc.Quantity, 3, "soldiers", "soldiers"}}, nil},
		{"measure", "The storm moved 40 km inland and dumped 12 inches of rain.", "",
			[]want{{"40 km", doc.Quantity, 40, "km", any}, {"12 inches", doc.Quantity, 12, "inch", any}}, nil},
		{"measure of", "Crews pumped 200,000 gallons of crude oil from a slick seven miles long.", "",
			[]want{{"200,000 gallons", doc.Quantity, 2e5, "gallon", "crude oil"}, {"seven miles", doc.Quantity, 7, "mile", ""}}, nil},
		{"age", "The law requires 18-year-old men to register.", "",
			[]want{{"18-year-old", doc.Quantity, 18, "year", "men"}}, nil},
		{"compound unit", "The 28-nation bloc agreed.", "",
			[]want{{"28-nation", doc.Quantity, 28, "nation", "bloc"}}, nil},
		{"bare count with subject", "The death toll rose to 25.", "",
			[]want{{"25", doc.Quantity, 25, "", "death toll"}}, nil},
		{"hyphenated number word", "Twenty-five people attended.", "",
			[]want{{"Twenty-five", doc.Quantity, 25, "people", "people"}}, nil},

		// dates and times
		{"weekday unresolved", "Lee will meet Trump on Wednesday.", "",
			[]want{{"Wednesday", doc.Date, none, "", ""}}, nil},
		{"weekday forward", "Lee will meet Trump on Wednesday.", "2025-10-27",
			[]want{{"Wednesday", doc.Date, none, "2025-10-29", ""}}, nil},
		{"weekday back", "The talks collapsed on Friday.", "2025-10-27",
			[]want{{"Friday", doc.Date, none, "2025-10-24", ""}}, nil},
		{"last weekday", "The court ruled last Monday.", "2025-10-27T09:00:00Z",
			[]want{{"last Monday", doc.Date, none, "2025-10-20", ""}}, nil},
		{"month day", "The summit opens Oct. 29 in Gyeongju.", "",
			[]want{{"Oct. 29", doc.Date, none, "--10-29", ""}}, nil},
		{"month day with article year", "The summit opens Oct. 29 in Gyeongju.", "2025-10-27",
			[]want{{"Oct. 29", doc.Date, none, "2025-10-29", ""}}, nil},
		{"full date", "It was signed on October 29, 2025, in Seoul.", "",
			[]want{{"October 29, 2025", doc.Date, none, "2025-10-29", ""}}, nil},
		{"day month year", "Polls close on 4 July 2024.", "",
			[]want{{"4 July 2024", doc.Date, none, "2024-07-04", ""}}, nil},
		{"month year", "Prices peaked in June 2022.", "",
			[]want{{"June 2022", doc.Date, none, "2022-06", ""}}, nil},
		{"year", "Japan Election 2026: Takaichi Poised for Win", "",
			[]want{{"2026", doc.Date, none, "2026", ""}}, nil},
		{"mid year", "Work starts in mid-2026.", "",
			[]want{{"2026", doc.Date, none, "2026", ""}}, nil},
		{"decade", "Growth was faster in the 1990s.", "",
			[]want{{"1990s", doc.Date, none, "", ""}}, nil},
		{"relative days", "Markets fell yesterday and may recover tomorrow.", "2025-10-27",
			[]want{{"yesterday", doc.Date, none, "2025-10-26", ""}, {"tomorrow", doc.Date, none, "2025-10-28", ""}}, nil},
		{"this year", "It is more than double this year’s rise.", "2025-10-27",
			[]want{{"this year", doc.Date, none, "2025", ""}}, nil},
		{"slash date", "The order took effect 10/29/2025.", "",
			[]want{{"10/29/2025", doc.Date, none, "2025-10-29", ""}}, nil},
		{"clock pm", "The vote is at 3 p.m. ET.", "",
			[]want{{"3 p.m. ET", doc.Time, none, "15:00", ""}}, nil},
		{"clock colon", "Trading resumed at 10:30 on Monday.", "",
			[]want{{"10:30", doc.Time, none, "10:30", ""}, {"Monday", doc.Date, none, "", ""}}, nil},
		{"clock glued", "Doors open at 7pm.", "",
			[]want{{"7pm", doc.Time, none, "19:00", ""}}, nil},
		{"noon", "The deadline is noon.", "",
			[]want{{"noon", doc.Time, none, "12:00", ""}}, nil},

		// ordinals
		{"ordinal words", "It is the first visit and the third summit.", "",
			[]want{{"first", doc.Ordinal, 1, "", "visit"}, {"third", doc.Ordinal, 3, "", "summit"}}, nil},
		{"ordinal hyphenated", "It was the twenty-first summit.", "",
			[]want{{"twenty-first", doc.Ordinal, 21, "", "summit"}}, nil},
		{"pct and basis points", "Sales grew 25 pct while yields fell 50 basis points.", "",
			[]want{{"25 pct", doc.Percent, 25, "%", "Sales"}, {"50 basis points", doc.Percent, 50, "basis points", "yields"}}, nil},
		{"rupees and Taiwan dollars", "Entry costs Rs 300, or NT$300.", "",
			[]want{{"Rs 300", doc.Money, 300, "INR", any}, {"NT$300", doc.Money, 300, "TWD", any}}, nil},
		{"next week", "Talks resume next week.", "2025-10-27",
			[]want{{"next week", doc.Date, none, "2025-W45", ""}}, nil},
		{"in a month", "Prices rose in October.", "2025-10-27",
			[]want{{"October", doc.Date, none, "2025-10", ""}}, nil},
		{"ordinal digits", "It was the 21st meeting.", "",
			[]want{{"21st", doc.Ordinal, 21, "", "meeting"}}, nil},

		// things that are not figures
		{"names with numbers", "COVID-19 grounded the Boeing 737 fleet and the G7 met.", "",
			nil, []string{"19", "737", "7"}},
		{"hyphenated names", "U.S.-India Trade Framework Signals Major Shift", "", nil, []string{"U.S.-India"}},
		{"codes", "The F-35 and MP3 players were listed under No. 5.", "", nil, []string{"35", "3", "5"}},
		{"scores and ranges", "They won 3-1 and called 555-1234, open 24/7.", "", nil, []string{"3", "1", "555", "24"}},
		{"ordinal in a name", "Trump Signs America First Arms Transfer Strategy", "", nil, []string{"First"}},
		{"spelled one", "One of the leaders spoke.", "", nil, []string{"One"}},
		{"may as verb", "Officials may meet again.", "", nil, []string{"may"}},
		{"won as verb", "The team 3 won.", "", nil, []string{"3 won"}},
		{"dash is not a hyphen", "plans an increase in 2026—more than double.", "",
			[]want{{"2026", doc.Date, none, "2026", ""}}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := newDoc(tc.text, tc.published)
			figure.Annotate(d)
			got := map[string]doc.Figure{}
			for _, f := range d.Figures {
				got[f.Of(d.Text)] = f
			}
			for _, w := range tc.want {
				f, ok := got[w.text]
				if !ok {
					t.Errorf("no figure %q; got:%s", w.text, describe(d))
					continue
				}
				if f.Kind != w.kind || f.Unit != w.unit {
					t.Errorf("%q: kind %s unit %q, want %s %q", w.text, f.Kind, f.Unit, w.kind, w.unit)
				}
				switch {
				case math.IsNaN(w.value) && f.Value != nil:
					t.Errorf("%q: value %v, want nil", w.text, *f.Value)
				case !math.IsNaN(w.value) && (f.Value == nil || math.Abs(*f.Value-w.value) > 1e-9*math.Max(1, math.Abs(w.value))):
					t.Errorf("%q: value %v, want %v", w.text, f.Value, w.value)
				}
				if w.about != any && f.About != w.about {
					t.Errorf("%q: about %q, want %q", w.text, f.About, w.about)
				}
			}
			for _, n := range tc.not {
				for _, f := range d.Figures {
					if s := f.Of(d.Text); s == n || strings.Contains(n, s) && len(s) > 1 {
						t.Errorf("false figure %q (%s) for %q", s, f.Kind, n)
					}
				}
			}
		})
	}
}

// TestSample checks the figures issue 2 names for the sample article of ../shared.
func TestSample(t *testing.T) {
	b, err := os.ReadFile("../../../shared/samples/korea-us-summit.txt")
	if err != nil {
		t.Skip("../shared/samples not found")
	}
	d := newDoc(string(b), "")
	figure.Annotate(d)
	got := map[string]doc.Figure{}
	for _, f := range d.Figures {
		got[f.Of(d.Text)] = f
	}
	for _, w := range []want{
		{"$350 billion", doc.Money, 3.5e11, "USD", "investment pledge"},
		{"3.5%", doc.Percent, 3.5, "%", "defense budgets"},
		{"2.3%", doc.Percent, 2.3, "%", "South Korea"},
		{"8.3%", doc.Percent, 8.3, "%", "increase"},
		{"28,500", doc.Quantity, 28500, "troops", "U.S. troops"},
		{"$6 Million", doc.Money, 6e6, "USD", "Humanitarian Aid"},
		{"25%", doc.Percent, 25, "%", "Tariffs"},
	} {
		f, ok := got[w.text]
		if !ok {
			t.Errorf("no figure %q; got:%s", w.text, describe(d))
			continue
		}
		if f.Kind != w.kind || f.Unit != w.unit || f.Value == nil || *f.Value != w.value || f.About != w.about {
			t.Errorf("%q: got %s %v %q %q", w.text, f.Kind, f.Value, f.Unit, f.About)
		}
	}
	for _, f := range d.Figures {
		if s := f.Of(d.Text); strings.Contains(s, "India") || s == "First" {
			t.Errorf("false figure %q", s)
		}
	}
}

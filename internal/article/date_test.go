package article

import (
	"strings"
	"testing"
)

func TestShownDate(t *testing.T) {
	tests := []struct {
		in      string
		want    string
		updated bool
	}{
		{"Nov. 19, 2019 8:03 am ET", "2019-11-19", false},
		// the publication date after the update date
		{"Updated March 4, 2021, 9:41 AM; Posted March 3, 2021, 8:19 PM", "2021-03-03", false},
		{"By Ann Lee Updated May 2, 2020 / Original May 1, 2020", "2020-05-01", false},
		// a date before the first keyword is the publication date
		{"Jan. 7, 2022Updated: Jan. 8, 2022 1:35 a.m.", "2022-01-07", false},
		{"Published 2 June 2018 | Last modified 3 June 2018", "2018-06-02", false},
		// only an update date: returned, and said so
		{"Updated 10:01 pm PST, Tuesday, June 8, 2021", "2021-06-08", true},
		{"Zuletzt aktualisiert: 12.03.2019", "2019-03-12", true},
		{"Posted by Vortex", "", false},
		{"no date here", "", false},
	}
	for _, tc := range tests {
		got, upd := shownDate(tc.in)
		if got != tc.want || upd != tc.updated {
			t.Errorf("shownDate(%q) = %q, %v; want %q, %v", tc.in, got, upd, tc.want, tc.updated)
		}
	}
}

func TestWideDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"March 3, 2020", "2020-03-03"}, // findDate's forms first
		// other languages' month names, with their particles
		{"quinta-feira, 5 de março de 2015 às 10:00", "2015-03-05"},
		{"Publicado el 9 de diciembre de 2017", "2017-12-09"},
		{"Von Eva Kurz publiziert am 4. Juli 2016", "2016-07-04"},
		{"Posted on Agustus 17, 2016 by Admin", "2016-08-17"},
		{"12 ottobre 2012", "2012-10-12"},
		{"Текст: Иван Петров·3 марта 2017", "2017-03-03"},
		{"1 mei 2014", "2014-05-01"},
		// dotted year.month.day, and month.day.year when the middle is no month
		{"by Office ／ 2015.07.09", "2015-07-09"},
		{"06.25.2017 09:00 AM", "2017-06-25"},
		{"06.05.2017", "2017-05-06"}, // findDate's day.month.year
		// copied text runs elements together
		{"Sep.September 2, 2016 12:02 PM", "2016-09-02"},
		{"March 9, 2017/0 Comments/in News", "2017-03-09"},
		{"March 9, 20175:45 AM", ""}, // five digits are no year
		// the year, month and day signs of Chinese, Japanese and Korean
		{"2016年10月14日 09:15 科技", "2016-10-14"},
		{"新闻中心2016年10月14日腾讯网", "2016-10-14"},
		{"2019년 3월 7일 오후", "2019-03-07"},
		{"12016年10月14日", ""}, // five digits are no year
		{"2016年13月14日", ""},
		{"2016年10月", ""},
		// month/day/two-digit year, when a clock with am/pm says the order
		{"Mama Robotnik 9/11/13 10:00AM", "2013-09-11"},
		{"3/09/15 8:00am 3/09/15 8:00am", "2015-03-09"},
		{"Filed 12/31/19 11:45 PM", "2019-12-31"},
		{"9/11/13 10:00", ""},   // no am/pm: day or month first?
		{"9/11/13 13:00pm", ""}, // no clock
		{"score 9/11/13 in 2019", ""},
		{"13/11/13 10:00AM", ""}, // no month 13
		// not dates
		{"Mars 2020 rover", ""},
		{"the 2019 season de la liga", ""},
		{"13.14.2019", ""},
		{"Stand 11.2019.", ""}, // two parts once the last dot goes (found by fuzzing)
	}
	for _, tc := range tests {
		if got := wideDate(tc.in); got != tc.want {
			t.Errorf("wideDate(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestPastedDate checks which line dates pasted text: a date line by the
// headline, above the body, even past share buttons; a publication date
// before an update date; a byline with a date under the body, and a date
// line deep in the body, only when nothing above dates the article.
func TestPastedDate(t *testing.T) {
	body := "The council voted on Tuesday to close the old bridge to cars from next spring, after engineers said its steel was failing.\n\n" +
		"Residents will be able to cross on foot and by bicycle while the city plans a replacement, which could take four years to build.\n\n" +
		"The mayor said the decision was hard but that safety had to come first, and that buses would be rerouted over the northern crossing.\n\n"
	more := "Shops near the bridge fear losing trade, and their association asked the council for help with rents while the works go on.\n\n" +
		"Engineers first raised the alarm two years ago, when a routine survey found cracks in three of the bridge's main girders.\n\n" +
		"A public meeting on the replacement design is planned for the autumn, and the council has promised to publish the survey in full.\n\n"
	last := "The works are expected to cost about forty million, most of it from the regional budget.\n\n"
	share := strings.Repeat("Share\n\nFacebook\n\nTwitter\n\n", 4)
	tests := []struct{ name, in, want string }{
		{"above the title", "June 3, 2021\n\nCity to close old bridge to traffic\n\n" + body, "2021-06-03"},
		{"past share buttons", "City to close old bridge to traffic\n\nBy Ann Lee\n\nJune 3, 2021\n\n" + share + body, "2021-06-03"},
		{"posted over updated", "City to close old bridge to traffic\n\nPosted: June 3, 2021\n\nUpdated: June 4, 2021\n\n" + share + body, "2021-06-03"},
		{"updated only", "City to close old bridge to traffic\n\nUpdated: June 4, 2021\n\n" + share + body, "2021-06-04"},
		{"another language", "Cidade fecha ponte antiga\n\nquinta-feira, 3 de junho de 2021\n\n" + share + body, "2021-06-03"},
		{"deep date is a last resort", "City to close old bridge to traffic\n\n" + body + more + "June 9, 2021\n\n" + last, "2021-06-09"},
		{"head date before a deep one", "City to close old bridge to traffic\n\nJune 3, 2021\n\n" + body + more + "June 9, 2021\n\n" + last, "2021-06-03"},
		{"byline under the body", "City to close old bridge to traffic\n\n" + body + "Written by Ann Lee on June 3, 2021\n\nRelated stories\n\n", "2021-06-03"},
		{"none", "City to close old bridge to traffic\n\n" + body, ""},
	}
	for _, tc := range tests {
		d, err := Parse(tc.in, Text)
		if err != nil {
			t.Fatal(err)
		}
		if d.Published != tc.want {
			t.Errorf("%s: published %q, want %q", tc.name, d.Published, tc.want)
		}
	}
}

// TestHTMLWideDate: an HTML page with no date in its metadata takes the
// date of a visible line in another language (above the headline, so that
// it is not read as body text).
func TestHTMLWideDate(t *testing.T) {
	page := `<html><head><title>Ponte</title></head><body><div class="hero"><p class="about">Por Ana Lima, 3 de junho de 2021</p>
<h1>Cidade fecha ponte antiga ao trânsito</h1></div><article>
<p>A câmara votou na terça-feira o fecho da ponte velha aos carros a partir da próxima primavera, depois de os engenheiros dizerem que o aço estava a ceder.</p>
<p>Os moradores poderão atravessar a pé e de bicicleta enquanto a cidade planeia uma nova ponte, cuja construção pode levar quatro anos.</p>
<p>O presidente da câmara disse que a decisão foi difícil, mas que a segurança tinha de vir primeiro, e que os autocarros passarão pela travessia do norte.</p>
<p>Os comerciantes junto à ponte temem perder clientes, e a sua associação pediu ajuda à câmara com as rendas durante as obras.</p>` +
		`</article></body></html>`
	d, err := Parse(page, HTML)
	if err != nil {
		t.Fatal(err)
	}
	if d.Published != "2021-06-03" {
		t.Errorf("published %q, want 2021-06-03", d.Published)
	}
}

// FuzzDateLines: shownDate and wideDate read any line without panicking,
// and what they return is a valid ISO date or nothing.
func FuzzDateLines(f *testing.F) {
	for _, s := range []string{"Updated Nov 19, 2019; Posted Nov 18, 2019", "22 de outubro de 2010", "2016.12.01",
		"11.14.2019", "Nov.November 18, 2019", "2018/0 Comments", "Stand 11.2019.", "İUpdated 2019.1.1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, _ := shownDate(s)
		w := wideDate(s)
		for _, v := range []string{d, w} {
			if v != "" && isoPrefixDate(v) != v {
				t.Fatalf("%q gave %q, not an ISO date", s, v)
			}
		}
	})
}

func TestOpeningDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"WASHINGTON, Feb. 23, 2015 -- The council voted on Tuesday.", "2015-02-23"},
		{"NEW YORK, March 3, 2020 /PRNewswire/ -- Acme today announced", "2020-03-03"},
		{"Feb. 23, 2015 — The council voted.", "2015-02-23"},
		{"LONDON -- On March 3, 2020 the council voted.", ""}, // the date is the story's
		{"The council voted on March 3, 2020, to reopen the bridge.", ""},
		{"The council voted on Tuesday to reopen the bridge to traffic after engineers said repairs were done, on March 3, 2020 -- ahead", ""},
	}
	for _, tc := range tests {
		if got := openingDate(tc.in); got != tc.want {
			t.Errorf("openingDate(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// A wire dateline opening the first paragraph dates a page that shows no
// other date, on both paths.
func TestOpeningDateParse(t *testing.T) {
	para := "The council voted on Tuesday to reopen the bridge to traffic, after engineers said the repairs to its deck had been finished ahead of schedule."
	first := "WASHINGTON, Feb. 23, 2015 -- " + para
	page := "<html><body><h1>Bridge opens on time</h1><article><p>" + first + "</p><p>" + para + "</p><p>" + para + "</p></article></body></html>"
	text := "Bridge opens on time\n\n" + first + "\n\n" + para + "\n\n" + para + "\n"
	for _, tc := range []struct {
		in   string
		kind Kind
	}{{page, HTML}, {text, Text}} {
		d, err := Parse(tc.in, tc.kind)
		if err != nil {
			t.Fatal(err)
		}
		if d.Published != "2015-02-23" {
			t.Errorf("kind %v: published %q, want 2015-02-23", tc.kind, d.Published)
		}
	}
}

// A short date line or dated byline that the extraction keeps as the
// body's first paragraph dates a page that shows no other date (HTML); a
// long first paragraph that mentions a date does not, nor does metadata
// lose to it.
func TestOpeningLineDate(t *testing.T) {
	para := "The council voted on Tuesday to reopen the bridge to traffic, after engineers said the repairs to its deck had been finished ahead of schedule."
	page := func(head, first string) string {
		return "<html><head>" + head + "</head><body><h1>Bridge opens on time</h1><article><p>" + first + "</p><p>" + para + "</p><p>" + para + "</p><p>" + para + "</p></article></body></html>"
	}
	for _, tc := range []struct{ name, in, want string }{
		{"dated byline", page("", "Tuesday 15 October 2019 by Jane Doe"), "2019-10-15"},
		{"date line", page("", "March 3, 2020"), "2020-03-03"},
		{"long paragraph", page("", "The council first voted on March 3, 2020 to close the bridge to traffic, and engineers then began the long repairs to its deck."), ""},
		{"metadata first", page(`<meta property="article:published_time" content="2019-10-14T09:00:00Z">`, "Tuesday 15 October 2019 by Jane Doe"), "2019-10-14T09:00:00Z"},
	} {
		d, err := Parse(tc.in, HTML)
		if err != nil {
			t.Fatal(err)
		}
		if d.Published != tc.want {
			t.Errorf("%s: published %q, want %q", tc.name, d.Published, tc.want)
		}
	}
}

package main

import "testing"

func TestTitleMatch(t *testing.T) {
	guardian := pageAffixes("the Guardian", "'What is the sea telling us?': Māori tribes fearful | Eleanor Ainge Roy | World news | The Guardian")
	ehow := pageAffixes("eHow", "How to Build a Terrarium | eHow")
	qq := pageAffixes("", "DeepMind新电脑已可利用记忆自学 人工智能迈上新台阶_科技_腾讯网")
	none := pageAffixes("", "")
	wiki := pageAffixes("", "Mozilla - Wikipedia")
	prefix := pageAffixes("Example Times", "Example Times :: Rain in Spain stays mainly on the plain")
	medium := pageAffixes("Medium", "Samantha and The Great Big Lie | by John C. Welch | Medium")
	for _, c := range []struct {
		name      string
		p         page
		got, want string
		ok        bool
	}{
		{"same", none, "Hello, World", "Hello, World", true},
		{"case and punctuation", none, "Apple’s Vision Pro hands-on", "apple's vision pro hands on", true},
		{"site suffix on want", ehow, "How to Build a Terrarium", "How to Build a Terrarium | eHow", true},
		{"site suffix on got", ehow, "How to Build a Terrarium | eHow", "How to Build a Terrarium", true},
		{"several affixes", guardian, "'What is the sea telling us?': Māori tribes fearful", "'What is the sea telling us?': Māori tribes fearful | Eleanor Ainge Roy", true},
		{"underscore affixes", qq, "DeepMind新电脑已可利用记忆自学 人工智能迈上新台阶", "DeepMind新电脑已可利用记忆自学 人工智能迈上新台阶_科技_腾讯网", true},
		{"a short headline before the site", wiki, "Mozilla", "Mozilla - Wikipedia", true},
		{"site prefix", prefix, "Rain in Spain stays mainly on the plain", "Example Times :: Rain in Spain stays mainly on the plain", true},
		{"a by-line affix", medium, "Samantha and The Great Big Lie", "Samantha and The Great Big Lie - John C. Welch - Medium", true},
		// errors are not forgiven
		{"the site name alone, short headline", wiki, "Wikipedia", "Mozilla - Wikipedia", false},
		{"the site name alone, prefix", prefix, "Example Times", "Example Times :: Rain in Spain stays mainly on the plain", false},
		{"the site name alone", ehow, "eHow", "How to Build a Terrarium | eHow", false},
		{"another headline", ehow, "How to Build a Birdhouse", "How to Build a Terrarium", false},
		{"a shortened headline", none, "Vision Pro hands-on", "Apple’s Vision Pro hands-on", false},
		{"an affix the page does not mark", none, "How to Build a Terrarium", "How to Build a Terrarium | eHow", false},
		{"empty got", ehow, "", "How to Build a Terrarium", false},
		{"empty want", ehow, "x", "", false},
	} {
		if got := c.p.titleMatch(c.got, c.want); got != c.ok {
			t.Errorf("%s: titleMatch(%q, %q) = %v, want %v", c.name, c.got, c.want, got, c.ok)
		}
		if got := c.p.titleMatch(c.want, c.got); got != c.ok {
			t.Errorf("%s: not symmetric: titleMatch(%q, %q) = %v", c.name, c.want, c.got, got)
		}
	}
}

func TestBylineMatch(t *testing.T) {
	for _, c := range []struct {
		got, want string
		ok        bool
	}{
		{"Jane Doe", "Jane Doe", true},
		{"Jane Doe", "By Jane Doe", true},
		{"JANE DOE", "jane doe", true},
		{"Sébastien Farcis", "Par Sébastien Farcis", true},
		{"Nathan Willis", "By Nathan Willis March 25, 2015", true},
		{"Lucas Nolan", "by Lucas Nolan22 Dec 2016651", true},
		{"Gillian Mohney", "By GILLIAN MOHNEY March 11, 2015 3:46 PM", true},
		{"Stella Kim and Jennifer Jett", "Stella Kim, Jennifer Jett", true},
		{"Jennifer Jett & Stella Kim", "Stella Kim, Jennifer Jett", true},
		{"Bradley M. Kuhn", "Bradley M. Kuhn (http://ebb.org/bkuhn/)", true},
		// errors are not forgiven
		{"Stella Kim", "Stella Kim, Jennifer Jett", false},
		{"Stella Kim, Jennifer Jett, Bob Roe", "Stella Kim, Jennifer Jett", false},
		{"Jane", "Jane Doe", false},
		{"Jane Doe Staff Writer", "Jane Doe", false},
		{"", "Jane Doe", false},
		{"Jane Doe", "", false},
		{"Jane Doe", "April 28, 2019 at 6:01 am Updated April 29, 2019", false},
		{"Jane Doe", "Last Updated: January 7, 2025", false},
	} {
		if got := bylineMatch(c.got, c.want); got != c.ok {
			t.Errorf("bylineMatch(%q, %q) = %v, want %v (names %v / %v)", c.got, c.want, got, c.ok, bylineNames(c.got), bylineNames(c.want))
		}
		if got := bylineMatch(c.want, c.got); got != c.ok {
			t.Errorf("not symmetric: bylineMatch(%q, %q) = %v", c.want, c.got, got)
		}
	}
}

func TestHasByline(t *testing.T) {
	for _, c := range []struct {
		want string
		ok   bool
	}{
		{"Jane Doe", true},
		{"By Jane Doe", true},
		{"", false},
		{"April 28, 2019 at 6:01 am Updated April 29, 2019 at 3:33 pm", false},
		{"Last Updated: January 7, 2025", false},
		{"Follow Author", false},
		{"Contributors to Wikimedia projects", false},
	} {
		if got := hasByline(c.want); got != c.ok {
			t.Errorf("hasByline(%q) = %v, want %v", c.want, got, c.ok)
		}
	}
}

func TestDateMatch(t *testing.T) {
	for _, c := range []struct {
		got, want string
		ok        bool
	}{
		{"2019-01-03", "2019-01-03T07:00:02.000Z", true},
		{"2019-01-03T23:59:00-05:00", "2019-01-03", true},
		{"2018-12-21", "2018-12-21 12:55:00", true},
		{"Thu, 22 Dec 2016 10:43:37 -0800", "2016-12-22T10:43:37-08:00", true},
		// errors are not forgiven, and no zone conversion moves a day
		{"2019-01-04", "2019-01-03T23:00:00-05:00", false},
		{"2019-02-03", "2019-01-03", false},
		{"", "2019-01-03", false},
		{"2019-01-03", "", false},
		{"January 3, 2019", "2019-01-03", false},
	} {
		if got := dateMatch(c.got, c.want); got != c.ok {
			t.Errorf("dateMatch(%q, %q) = %v, want %v", c.got, c.want, got, c.ok)
		}
		if got := dateMatch(c.want, c.got); got != c.ok {
			t.Errorf("not symmetric: dateMatch(%q, %q) = %v", c.want, c.got, got)
		}
	}
}

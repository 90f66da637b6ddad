package segment_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/lede-news/lede/internal/article"
	"github.com/lede-news/lede/internal/doc"
	"github.com/lede-news/lede/internal/segment"
)

// TestPastedLineBreaks runs the line-break Golden Rules (40–42) the way the
// engine meets them: pasted text is cut into blocks by internal/article
// first, so a sentence broken across lines must come back whole and a list
// of short lower-case lines must stay a list.
func TestPastedLineBreaks(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"This is a sentence\ncut off in the middle because pdf.", []string{"This is a sentence cut off in the middle because pdf."}},
		{"It was a cold \nnight in the city.", []string{"It was a cold night in the city."}},
		{"features\ncontact manager\nevents, activities\n", []string{"features", "contact manager", "events, activities"}},
		{"Shares fell on Monday.\nanalysts expect more.", []string{"Shares fell on Monday.", "analysts expect more."}},
	}
	for _, tc := range tests {
		d, err := article.Parse(tc.in, article.Text)
		if err != nil {
			t.Fatal(err)
		}
		segment.Segment(d)
		var got []string
		for _, s := range d.Sentences {
			if d.Blocks[s.Block].Role == doc.Boilerplate {
				continue
			}
			got = append(got, strings.Join(strings.Fields(s.Of(d.Text)), " "))
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%q\n got %q\nwant %q", tc.in, got, tc.want)
		}
	}
}

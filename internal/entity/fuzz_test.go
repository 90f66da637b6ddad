package entity_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/lede-news/lede/internal/doc"
	"github.com/lede-news/lede/internal/doccheck"
	"github.com/lede-news/lede/internal/entity"
)

// FuzzAnnotate finds entities in any segmented, tagged text and checks
// that every entity has a name and mentions, each mention a non-empty span
// on character boundaries inside the block of the sentence it names,
// salience in [0,1], and that the same text gives the same entities.
func FuzzAnnotate(f *testing.F) {
	for _, s := range []string{
		"Donald Trump met Lee Jae Myung in Seoul. Trump said South Korea would pay.",
		"M. Atherton of the Royal Society spoke. Then he left for London, U.K.",
		"The vitamin is B. Then he left.",
		"APPLE INC. SUES SAMSUNG IN CALIFORNIA",
		"Mr. and Mrs. O'Neill-Smith of São Paulo met Dr. Müller at NATO's HQ.",
		strings.Repeat("Smith ", 300),
		"\u202eEvil\u202c Corp and Zero\u200bWidth Ltd.",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		run := func() *doc.Document {
			d := doccheck.Tagged(text)
			entity.Annotate(d)
			return d
		}
		d := run()
		if err := doccheck.Check(d); err != nil {
			t.Fatal(err)
		}
		if again := run(); !reflect.DeepEqual(d.Entities, again.Entities) {
			t.Fatal("the same text gave different entities")
		}
	})
}

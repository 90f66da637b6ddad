package category

import (
	"reflect"
	"strings"
	"testing"

	"github.com/lede-news/lede/internal/doc"
)

// TestAnnotateCharRefs: pasted text whose apostrophes, quotation marks,
// ampersands and accented letters are character references ("&#39;",
// "&quot;", "&amp;", "&eacute;") gets the categories and scores of the same
// text with the characters, in the article and in a related block
// ("caf&eacute;" is "café", not "caf" and "eacute").
func TestAnnotateCharRefs(t *testing.T) {
	plain := "Lakers' Win Over Celtics in Overtime\n" +
		"LeBron James scored 40 points as the Lakers beat the Celtics 102-99 in overtime on Sunday night. \"It's a big win,\" the coach said.\n" +
		"Apple & Google unveil new phones with faster chips at a café in São Paulo\n"
	pasted := strings.NewReplacer("'", "&#39;", "\"", "&quot;", "&", "&amp;", "é", "&eacute;", "ã", "&atilde;").Replace(plain)
	roles := []doc.Role{doc.Title, doc.Body, doc.Related}
	want, got := blockDoc(plain, roles), blockDoc(pasted, roles)
	Annotate(want)
	Annotate(got)
	if !reflect.DeepEqual(got.Categories, want.Categories) || !reflect.DeepEqual(got.RelatedCategories, want.RelatedCategories) {
		t.Errorf("pasted with references: %v %v, want %v %v", got.Categories, got.RelatedCategories, want.Categories, want.RelatedCategories)
	}
}

// blockDoc is text as a document of one block a line, with roles.
func blockDoc(text string, roles []doc.Role) *doc.Document {
	d := &doc.Document{Text: text}
	start := 0
	for i, line := range strings.SplitAfter(strings.TrimSuffix(text, "\n"), "\n") {
		l := strings.TrimSuffix(line, "\n")
		d.Blocks = append(d.Blocks, doc.Block{Span: doc.Span{Start: start, End: start + len(l)}, Role: roles[i]})
		start += len(line)
	}
	return d
}

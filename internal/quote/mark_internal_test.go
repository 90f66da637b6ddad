package quote

import (
	"sort"
	"testing"

	"github.com/lede-news/lede/internal/doc"
)

// TestNextMark holds markStarts to markAt: a byte a table leaves out
// starts no mark, whatever follows it (table 1 with the references of
// pasted text read); and nextMark to the first such byte.
func TestNextMark(t *testing.T) {
	for r, refs := range []bool{false, true} {
		for c := 0; c < 256; c++ {
			for _, rest := range []string{"", "`", "'", "\x80\x9c", "\x80\x98", "\xab", "\xbb", "\x80\x9e", "quot;", "#39;", "ldquo;", "raquo;"} {
				s := string([]byte{byte(c)}) + rest
				a := annotator{text: s, refs: refs}
				if k, _ := a.markAt(0); k != none && !markStarts[r][c] {
					t.Errorf("refs %v: %q starts a mark (%d), but markStarts[%d][%#x] is false", refs, s, k, r, c)
				}
			}
		}
		text := "He said: “no” and ‘yes’ — «oui» ``so'' \"x\" it's &quot;q&quot; &amp; &#8220;z&#8221;"
		a := annotator{text: text, refs: refs}
		for i := 0; i <= len(text); i++ {
			want := len(text)
			for j := i; j < len(text); j++ {
				if k, _ := a.markAt(j); k != none {
					want = j
					break
				}
			}
			got := nextMark(text, i, len(text), &markStarts[r])
			// nextMark may stop at a byte that starts no mark (an E2 of a
			// dash, the '&' of "&amp;"), never past one that does
			if got > want || got < want && !markStarts[r][text[got]] {
				t.Errorf("refs %v: nextMark from %d = %d, the first mark is at %d", refs, i, got, want)
			}
		}
		if got := nextMark(text, 5, 3, &markStarts[r]); got != 3 {
			t.Errorf("nextMark past its end = %d, want 3", got)
		}
	}
}

// TestIndexMentions: every entity's mentions, each once with its entity,
// in order of start, for interleaved entities of a few mentions and of
// more than smallsort sorts by insertion.
func TestIndexMentions(t *testing.T) {
	for _, n := range []int{0, 1, 7, 100, 700} {
		d := &doc.Document{Entities: make([]doc.Entity, 5)}
		for i := range n {
			e := &d.Entities[(i*7)%5]
			start := (i*389)%(7*n+1) + i*7*n + 3 // distinct
			e.Mentions = append(e.Mentions, doc.Mention{Span: doc.Span{Start: start, End: start + 2}})
		}
		for ei := range d.Entities { // each entity's mentions in text order, as the resolver gives them
			ms := d.Entities[ei].Mentions
			sort.Slice(ms, func(i, j int) bool { return ms[i].Start < ms[j].Start })
		}
		a := annotator{d: d}
		a.indexMentions()
		if len(a.mentions) != n {
			t.Fatalf("%d mentions: indexed %d", n, len(a.mentions))
		}
		seen := map[int]bool{}
		for k, m := range a.mentions {
			if k > 0 && a.mentions[k-1].Start >= m.Start {
				t.Fatalf("%d mentions: %d at %d follows %d", n, k, m.Start, a.mentions[k-1].Start)
			}
			found := false
			for _, em := range d.Entities[m.entity].Mentions {
				found = found || em.Span == m.Span
			}
			if !found || seen[m.Start] {
				t.Fatalf("%d mentions: %+v is not its entity's, or twice", n, m)
			}
			seen[m.Start] = true
		}
	}
}

// Package digest sums up a list of headlines (the Related blocks of a page,
// or a pasted list): which categories they fall in and how many carry each,
// which entities recur (named in two or more headlines), and which
// headlines tell the same story.
//
// It runs after package category (it reads d.RelatedCategories) and package
// entity (it reads d.Entities); with either missing it still counts what is
// there. Clustering is documented in docs/categories.md.
package digest

import (
	"math"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/lede-news/lede/internal/doc"
	"github.com/lede-news/lede/internal/smallsort"
	"github.com/lede-news/lede/internal/strtab"
)

// MaxClustered is the most headlines clustered: agglomerative clustering
// is cubic in their number (about 30 ms for 300 natively), and a list
// longer than this is not a list of related headlines a reader pasted.
const MaxClustered = 300

// Threshold is the least average similarity two groups of headlines need to
// merge (similarity: idf-weighted Jaccard of their content-word stems and
// entities; see docs/categories.md). Two headlines of eight content terms
// that share two or three of the rarer ones (a place and a topic word) score
// about 0.15 to 0.3.
const Threshold = 0.15

// MinShared is the fewest terms two headlines must share to be similar at
// all: one shared name or word ("Trump") is not one story.
const MinShared = 2

// Annotate sets d.Digest from the Related blocks; nil when there are none.
func Annotate(d *doc.Document) {
	var related []int
	for i, b := range d.Blocks {
		if b.Role == doc.Related {
			related = append(related, i)
		}
	}
	if len(related) == 0 {
		d.Digest = nil
		return
	}
	g := &doc.Digest{Headlines: len(related), Categories: []doc.CountedTag{}, Entities: []doc.CountedTag{}, Clusters: [][]int{}}

	// categories: every label shown for a headline counts once (a label's
	// tag found by a scan of the few so far, not a map: a model has at
	// most 16 labels); counted first, then each tag's blocks cut from one
	// array
	shown := 0
	for _, bi := range related {
		for _, l := range d.RelatedCategories[bi] {
			k := 0
			for k < len(g.Categories) && g.Categories[k].Name != l.Name {
				k++
			}
			if k == len(g.Categories) {
				g.Categories = append(g.Categories, doc.CountedTag{Name: l.Name})
			}
			g.Categories[k].Count++
			shown++
		}
	}
	all := make([]int, shown)
	for k := range g.Categories {
		c := g.Categories[k].Count
		g.Categories[k].Blocks, all = all[:0:c], all[c:]
	}
	for _, bi := range related {
		for _, l := range d.RelatedCategories[bi] {
			k := 0
			for g.Categories[k].Name != l.Name {
				k++
			}
			g.Categories[k].Blocks = append(g.Categories[k].Blocks, bi)
		}
	}
	sortTags(g.Categories)

	// entities: the related blocks each entity is mentioned in (a slice,
	// not a map: in wasm a map probe hashes its key the slow way)
	isRelated := make([]bool, len(d.Blocks))
	for _, bi := range related {
		isRelated[bi] = true
	}
	// each entity's blocks are a run of one array, appended to entity by
	// entity (a run already cut stays on the array it was cut from when
	// the array grows), not an array each
	entityBlocks := make([][]int, len(d.Entities))
	var runs []int
	for ei, e := range d.Entities {
		start := len(runs)
		for _, m := range e.Mentions {
			bi := blockOf(d, m)
			if bi >= 0 && isRelated[bi] && !slices.Contains(runs[start:], bi) {
				runs = append(runs, bi)
			}
		}
		var blocks []int
		if len(runs) > start {
			blocks = runs[start:len(runs):len(runs)]
		}
		smallsort.Sort(blocks)
		entityBlocks[ei] = blocks
		if len(blocks) >= 2 {
			g.Entities = append(g.Entities, doc.CountedTag{Name: e.Name, Type: e.Type.String(), Count: len(blocks), Blocks: blocks})
		}
	}
	sortTags(g.Entities)

	g.Clusters = cluster(d, related, entityBlocks)
	d.Digest = g
}

// blockOf returns the block a mention lies in: its sentence's block, or by
// its offsets when it has no sentence; -1 when none holds it.
func blockOf(d *doc.Document, m doc.Mention) int {
	if m.Sentence >= 0 && m.Sentence < len(d.Sentences) {
		return d.Sentences[m.Sentence].Block
	}
	for i, b := range d.Blocks {
		if m.Start >= b.Start && m.End <= b.End {
			return i
		}
	}
	return -1
}

// The digest sorts with package sort, not slices' generic sorts: the wasm
// engine links sort anyway, and each element type a generic sort is
// instantiated for adds some 10–20 KB of code (docs/speed-log.md, "Page
// size, eighth round"). A stable sort's order is the same either way.
// A list of up to 32 is sorted by insertion, which allocates nothing.
func sortTags(tags []doc.CountedTag) {
	before := func(a, b *doc.CountedTag) bool {
		if a.Count != b.Count {
			return a.Count > b.Count
		}
		return a.Blocks[0] < b.Blocks[0] // first named first
	}
	if len(tags) > 32 {
		sort.SliceStable(tags, func(i, j int) bool { return before(&tags[i], &tags[j]) })
		return
	}
	for i := 1; i < len(tags); i++ {
		for j := i; j > 0 && before(&tags[j], &tags[j-1]); j-- {
			tags[j], tags[j-1] = tags[j-1], tags[j]
		}
	}
}

// cluster groups headlines on the same story. Each headline is a set of
// terms: the stems of its content words outside entity mentions, plus one
// term per entity it names (so "Trump" and "Donald Trump" match). Two
// headlines' similarity is the idf-weighted Jaccard of their sets, where a
// term's idf is log(1 + n/df) over the n headlines, so a name in half the
// list ("Trump" in 7 of 17) counts for less than a rarer word they share.
// Headlines sharing fewer than MinShared terms have similarity 0.
// Average-link agglomerative clustering merges groups while their mean
// pairwise similarity reaches Threshold; groups of one are not reported.
// It returns block indices, biggest group first.
func cluster(d *doc.Document, related []int, entityBlocks [][]int) [][]int {
	if len(related) > MaxClustered {
		related = related[:MaxClustered]
	}
	n := len(related)
	// terms become sorted ids with an idf weight, so a pair's similarity is
	// one merge of two short lists (a strtab.Table, not a map: its probe
	// hashes the term in line, where wasm's map hashes it the slow way;
	// sized for a headline's words)
	var ids strtab.Table
	ids.Reset(8 * n)
	var df []int
	lists := make([][]int32, n)
	// the terms' text, copied into a few arrays rather than a string each
	var kept []byte
	add := func(i int, t string) {
		id := ids.Find(t)
		if id < 0 {
			if cap(kept)-len(kept) < len(t) {
				kept = make([]byte, 0, max(len(t), 1024))
			}
			k := len(kept)
			kept = append(kept, t...) // t may be a view of a buffer
			id, _ = ids.Add(unsafe.String(&kept[k], len(t)))
			df = append(df, 0)
		}
		lists[i] = append(lists[i], id)
	}
	// each headline's place in related by block, 0 for none, else 1 + it
	pos := make([]int32, len(d.Blocks))
	for i, bi := range related {
		pos[bi] = int32(i + 1)
	}
	at := func(bi int) int {
		if bi < 0 || bi >= len(pos) {
			return -1
		}
		return int(pos[bi]) - 1
	}
	// each headline's term ids cut from one array, not grown by append
	// from empty: room for a term an entity it names and a word term every
	// four bytes (three or more bytes and a break; a longer list grows on
	// its own)
	room := make([]int, n)
	total := 0
	for i, bi := range related {
		room[i] = (d.Blocks[bi].End-d.Blocks[bi].Start)/4 + 1
		total += room[i]
	}
	for _, blocks := range entityBlocks {
		for _, bi := range blocks {
			if i := at(bi); i >= 0 {
				room[i]++
				total++
			}
		}
	}
	terms := make([]int32, total)
	for i, r := range room {
		lists[i], terms = terms[:0:r], terms[r:]
	}
	// entity mentions: a term per entity, and their spans are not words
	// (each headline's spans cut from one array, counted first)
	covered := make([][]doc.Span, n)
	spans := make([]int, n)
	nspans := 0
	for ei := range entityBlocks {
		for _, m := range d.Entities[ei].Mentions {
			if i := at(blockOf(d, m)); i >= 0 {
				spans[i]++
				nspans++
			}
		}
	}
	cut := make([]doc.Span, nspans)
	for i, c := range spans {
		covered[i], cut = cut[:0:c], cut[c:]
	}
	var name []byte
	for ei, blocks := range entityBlocks {
		for _, bi := range blocks {
			if i := at(bi); i >= 0 {
				name = append(append(name[:0], 0), d.Entities[ei].Name...)
				add(i, unsafe.String(&name[0], len(name)))
			}
		}
		for _, m := range d.Entities[ei].Mentions {
			if i := at(blockOf(d, m)); i >= 0 {
				covered[i] = append(covered[i], m.Span)
			}
		}
	}
	var buf [32]byte
	for i, bi := range related {
		b := d.Blocks[bi]
		forWords(d.Text, b.Start, b.End, &buf, func(w string, start, end int) {
			for _, s := range covered[i] {
				if start < s.End && s.Start < end {
					return
				}
			}
			if t := stem(w); len(t) >= 3 && stopwords.Find(w) < 0 {
				add(i, t)
			}
		})
	}
	for i := range lists {
		smallsort.Sort(lists[i])
		lists[i] = slices.Compact(lists[i])
		for _, id := range lists[i] {
			df[id]++
		}
	}
	idf := make([]float64, len(df))
	for id, c := range df {
		idf[id] = math.Log(1 + float64(n)/float64(c))
	}
	weight := make([]float64, n)
	for i, l := range lists {
		for _, id := range l {
			weight[i] += idf[id]
		}
	}
	sim := make([][]float64, n)
	cells := make([]float64, n*n) // the rows cut from one array
	for i := range sim {
		sim[i], cells = cells[:n:n], cells[n:]
	}
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			a, b := lists[i], lists[j]
			inter, shared := 0.0, 0
			for x, y := 0, 0; x < len(a) && y < len(b); {
				switch {
				case a[x] < b[y]:
					x++
				case a[x] > b[y]:
					y++
				default:
					inter += idf[a[x]]
					shared++
					x++
					y++
				}
			}
			if union := weight[i] + weight[j] - inter; shared >= MinShared && union > 0 {
				sim[i][j], sim[j][i] = inter/union, inter/union
			}
		}
	}
	// average-link agglomeration: sim becomes the group-to-group matrix,
	// updated on each merge by the Lance-Williams formula for average link
	// (the size-weighted mean of the two merged rows), so no pair of
	// headlines is ever summed twice.
	groups := make([][]int, n)
	alive := make([]bool, n)
	one := make([]int, n) // the groups of one, capped: a merge's append copies
	for i := range groups {
		one[i] = i
		groups[i], alive[i] = one[i:i+1:i+1], true
	}
	for {
		bi, bj, best := -1, -1, Threshold
		for i := 0; i < n; i++ {
			if !alive[i] {
				continue
			}
			for j := i + 1; j < n; j++ {
				if alive[j] && sim[i][j] >= best {
					bi, bj, best = i, j, sim[i][j]
				}
			}
		}
		if bi < 0 {
			break
		}
		ni, nj := float64(len(groups[bi])), float64(len(groups[bj]))
		for k := 0; k < n; k++ {
			if alive[k] && k != bi && k != bj {
				s := (ni*sim[bi][k] + nj*sim[bj][k]) / (ni + nj)
				sim[bi][k], sim[k][bi] = s, s
			}
		}
		groups[bi] = append(groups[bi], groups[bj]...)
		alive[bj], groups[bj] = false, nil
	}
	var out [][]int
	for _, grp := range groups {
		if len(grp) < 2 {
			continue
		}
		blocks := make([]int, len(grp))
		for k, i := range grp {
			blocks[k] = related[i]
		}
		smallsort.Sort(blocks)
		out = append(out, blocks)
	}
	// the largest story first, then the first headline's; stable, by
	// insertion for a few stories (no allocation)
	before := func(a, b []int) bool { return len(a) > len(b) || len(a) == len(b) && a[0] < b[0] }
	if len(out) > 32 {
		sort.SliceStable(out, func(i, j int) bool { return before(out[i], out[j]) })
	} else {
		for i := 1; i < len(out); i++ {
			for j := i; j > 0 && before(out[j], out[j-1]); j-- {
				out[j], out[j-1] = out[j-1], out[j]
			}
		}
	}
	if out == nil {
		out = [][]int{}
	}
	return out
}

// forWords calls fn with each lower-cased word (letters and digits) of
// text[start:end] and its offsets.
//
// An ASCII word is lowered into buf, which the next word reuses: w is
// valid during fn only (fn copies what it keeps). Lowering a capitalised
// headline word then allocates nothing. (The caller's buf: one declared
// here moved to the heap on every call, as w escapes through fn.)
func forWords(text string, start, end int, buf *[32]byte, fn func(w string, s, e int)) {
	// an ASCII byte is classed in place, without decoding it or calling
	// isWordRune (the same answers): a headline is mostly ASCII
	i := start
	for i < end {
		if c := text[i]; c < utf8.RuneSelf {
			if !asciiWord(c) {
				i++
				continue
			}
		} else if r, size := utf8.DecodeRuneInString(text[i:end]); !isWordRune(r) {
			i += size
			continue
		}
		j := i
		ascii := true
		for j < end {
			if c := text[j]; c < utf8.RuneSelf {
				if !asciiWord(c) {
					break
				}
				j++
				continue
			}
			r, size := utf8.DecodeRuneInString(text[j:end])
			if !isWordRune(r) {
				break
			}
			ascii = false
			j += size
		}
		if w := text[i:j]; ascii && len(w) <= len(buf) {
			for k := 0; k < len(w); k++ {
				c := w[k]
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				buf[k] = c
			}
			fn(unsafe.String(&buf[0], len(w)), i, j)
		} else {
			fn(strings.ToLower(w), i, j)
		}
		i = j
	}
}

// isWordRune reports whether r is a letter or a digit, ASCII without the
// unicode calls (the same answers), which cost in wasm.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiWord(byte(r))
	}
	if r >= 0x2000 && r < 0x2070 {
		return false // General Punctuation (curly quotes, dashes): no letter or digit
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// asciiWord is isWordRune of an ASCII byte.
func asciiWord(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// stem strips the commonest English inflections, enough for "tariffs" to
// meet "tariff" and "trading" to meet "trade": not a linguistic stemmer,
// only a matching key.
//
// The suffixes are tried in the order "ing", "ies", "es", "ed", "s", each
// on a word of more than two letters besides it, and none on a word ending
// in "ss"; the first that applies is stripped. Written out as one switch
// (a loop over a list of suffixes cost about 270 instructions a word).
func stem(w string) string {
	if n := len(w); !strings.HasSuffix(w, "ss") {
		switch {
		case n > 5 && w[n-3:] == "ing":
			w = w[:n-3]
		case n > 5 && w[n-3:] == "ies":
			w = w[:n-3] + "y"
		case n > 4 && (w[n-2:] == "es" || w[n-2:] == "ed"):
			w = w[:n-2]
		case n > 3 && w[n-1] == 's':
			w = w[:n-1]
		}
	}
	return strings.TrimSuffix(w, "e")
}

// stopwords holds the words that make no term; filled once by init and
// only read after (a strtab.Table for the reason ids is one).
var stopwords strtab.Table

func init() {
	for _, w := range strings.Fields(`a about above after again against all also am an and any are as at be
		because been before being below between both but by can could did do does doing down during each
		few for from further had has have having he her here hers him his how i if in into is it its
		itself just me more most my new no nor not now of off on once only or other our out over own
		same says said she should so some such than that the their them then there these they this
		those through to too under until up very was we were what when where which while who whom why
		will with would you your amid after despite as via vs new news report reports`) {
		stopwords.Add(w)
	}
}

package category

import (
	"slices"
	"testing"

	"github.com/lede-news/lede/internal/doc"
)

// labelledByDistribution is Labelled as it was: the whole distribution,
// sorted, cut after the labels worth showing.
func labelledByDistribution(m *Model, parts ...string) []doc.Label {
	dist := m.Distribution(parts...)
	if len(dist) == 0 || dist[0].Score < MinConfidence {
		return []doc.Label{}
	}
	n := 1
	for n < len(dist) && n < MaxLabels && dist[n].Score >= MinScore {
		n++
	}
	return dist[:n:n]
}

// TestLabelledAsDistribution holds Labelled's picking to the sorted
// distribution: the same labels, scores and order, ties included (a model
// whose labels A and B have the same weights, so they tie everywhere; the
// tie goes to the first label), for the shipped model's headlines and
// articles and for texts the small model knows nothing or little of.
func TestLabelledAsDistribution(t *testing.T) {
	book := make([]float32, 4*16)
	for i := range book {
		book[i] = float32(i%16-8) / 4
	}
	tie := &Table{Labels: []string{"A", "B", "C", "D"}, Buckets: 1 << 10, Scale: []float32{1, 1, 1, 1},
		Bias: []float32{0, 0, 0, -1}, Book: book}
	fz := &Featurizer{Buckets: tie.Buckets}
	for _, w := range []string{"alpha", "beta", "gamma", "delta", "alpha beta", "beta gamma"} {
		for _, f := range fz.AppendFeatures(nil, w) {
			if i, ok := slices.BinarySearch(tie.Keys, f.Bucket); !ok {
				tie.Keys = slices.Insert(tie.Keys, i, f.Bucket)
				code := uint8(12)
				if w == "gamma" || w == "beta gamma" {
					code = 15
				}
				tie.Entries = slices.Insert(tie.Entries, i, []Entry{{0, code}, {1, code}, {3, 14}})
			}
		}
	}
	b, err := tie.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	small, err := Load(b)
	if err != nil {
		t.Fatal(err)
	}
	shipped, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name  string
		m     *Model
		parts []string
	}{
		{"tie", small, []string{"alpha beta gamma delta"}},
		{"tie, two parts", small, []string{"alpha beta", "gamma delta beta gamma"}},
		{"unknown words", small, []string{"zzz qqq"}},
		{"nothing", small, nil},
		{"headline", shipped, []string{"Fed raises interest rates by a quarter point as inflation lingers"}},
		{"two topics", shipped, []string{"Trump imposes tariffs on Chinese steel as Senate votes on the budget"}},
		{"article", shipped, []string{"Lakers beat Celtics in overtime", "The game went to overtime after a late three-pointer.",
			"Shares of the team's owner rose on the news, and the league's television deal was renewed."}},
		{"uncertain", shipped, []string{"Things happened today somewhere"}},
	} {
		got, want := tc.m.Labelled(tc.parts...), labelledByDistribution(tc.m, tc.parts...)
		if !slices.Equal(got, want) {
			t.Errorf("%s: Labelled = %v, want %v", tc.name, got, want)
		}
	}
	// the tie is real: A and B score the same, and A comes first
	if d := small.Distribution("alpha beta gamma delta"); len(d) < 2 || d[0].Score != d[1].Score || d[0].Name != "A" {
		t.Errorf("the tie model's distribution %v: want A and B tied, A first", d)
	}
}

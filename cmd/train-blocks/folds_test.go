package main

import (
	"slices"
	"testing"
)

func TestSiteOf(t *testing.T) {
	tests := []struct{ url, want string }{
		{"https://www.Example.com/news/a.html", "example.com"},
		{"http://blog.example.com?p=1", "blog.example.com"},
		{"https://example.com#top", "example.com"},
		{"example.com/a", "example.com"},
		{"", ""},
	}
	for _, tc := range tests {
		if got := siteOf(tc.url); got != tc.want {
			t.Errorf("siteOf(%q) = %q, want %q", tc.url, got, tc.want)
		}
	}
}

// Folds by site keep a site's pages together, are the same for the same
// seed, differ between seeds, and stay about equal in size; folds by id
// are page i mod k.
func TestAssignFolds(t *testing.T) {
	sites := []string{"a", "b", "a", "c", "d", "e", "b", "f", "g", "h", "i", "j", "k", "l", "a", "m"}
	mk := func() []page {
		p := make([]page, len(sites))
		for i, s := range sites {
			p[i].site = s
		}
		return p
	}
	folds := func(by string, seed uint64) []int {
		p := mk()
		if err := assignFolds(p, 3, by, seed); err != nil {
			t.Fatal(err)
		}
		f := make([]int, len(p))
		for i := range p {
			f[i] = p[i].fold
		}
		return f
	}
	for i, f := range folds("id", 0) {
		if f != i%3 {
			t.Fatalf("by id: page %d in fold %d", i, f)
		}
	}
	for _, seed := range []uint64{0, 1, 2} {
		f := folds("site", seed)
		at := map[string]int{}
		size := make([]int, 3)
		for i, s := range sites {
			if g, ok := at[s]; ok && g != f[i] {
				t.Errorf("seed %d: site %s in folds %d and %d", seed, s, g, f[i])
			}
			at[s] = f[i]
			size[f[i]]++
		}
		for _, n := range size {
			if n < 3 || n > 8 {
				t.Errorf("seed %d: fold sizes %v", seed, size)
			}
		}
		if g := folds("site", seed); !slices.Equal(f, g) {
			t.Errorf("seed %d: two runs give different folds", seed)
		}
	}
	if slices.Equal(folds("site", 1), folds("site", 2)) {
		t.Error("seeds 1 and 2 give the same folds")
	}
	if err := assignFolds(mk(), 3, "random", 0); err == nil {
		t.Error("-folds random was accepted")
	}
}

func TestParseGrid(t *testing.T) {
	g, err := parseGrid("50x2,100x3")
	if err != nil || len(g) != 2 || g[0] != [2]int{50, 2} || g[1] != [2]int{100, 3} {
		t.Errorf("parseGrid: %v %v", g, err)
	}
	for _, bad := range []string{"100", "x3", "100x0", "ax3", "100x99"} {
		if _, err := parseGrid(bad); err == nil {
			t.Errorf("parseGrid(%q) accepted", bad)
		}
	}
}

package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestMoreUnlabelledText: the 500N articles join the unlabelled text only
// with -text-500n, after every default source and with their HTML entities
// decoded; the State of the Union addresses only from the year asked on.
func TestMoreUnlabelledText(t *testing.T) {
	data := t.TempDir()
	write := func(path, text string) {
		t.Helper()
		p := filepath.Join(data, path)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("keyphrases/duc2001/docs/a.txt", "Duc text here.")
	write("keyphrases/500n-kpcrowd-dev/docs/b.txt", "Buble&#039;s wedding in Buenos Aires.")
	write("sotu/1945_harry_s_truman_d.txt", "Old address.")
	write("sotu/1946_harry_s_truman_d.txt", "The Congress met.")
	write("sotu/2017_donald_j_trump_r.txt", "Tonight we meet.")
	write("sotu/notes.txt", "Not an address.")

	collect := func(kpcrowd bool) []string {
		var got []string
		if _, err := unlabelled(data, kpcrowd, func(w []string, cased bool) { got = append(got, strings.Join(w, " ")) }); err != nil {
			t.Fatal(err)
		}
		return got
	}
	for _, tc := range []struct {
		kpcrowd bool
		want    []string
	}{
		{false, []string{"Duc text here ."}},
		{true, []string{"Duc text here .", "Buble 's wedding in Buenos Aires ."}},
	} {
		if got := collect(tc.kpcrowd); !slices.Equal(got, tc.want) {
			t.Errorf("unlabelled(kpcrowd %v) = %q, want %q", tc.kpcrowd, got, tc.want)
		}
	}

	for _, tc := range []struct {
		from int
		n    int
		want []string
		err  bool
	}{
		{1946, 2, []string{"The Congress met .", "Tonight we meet ."}, false},
		{1900, 3, []string{"Old address .", "The Congress met .", "Tonight we meet ."}, false},
		{2020, 0, nil, true},
	} {
		var got []string
		n, err := sotuText(filepath.Join(data, "sotu"), tc.from, func(w []string, cased bool) { got = append(got, strings.Join(w, " ")) })
		if (err != nil) != tc.err || n != tc.n || !slices.Equal(got, tc.want) {
			t.Errorf("sotuText(from %d) = %d addresses %q, err %v; want %d %q, error %v", tc.from, n, got, err, tc.n, tc.want, tc.err)
		}
	}

	if _, err := unlabelled(t.TempDir(), true, func([]string, bool) {}); err == nil {
		t.Error("unlabelled with -text-500n and no articles: no error")
	}
}

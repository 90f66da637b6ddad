package corpus

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

func TestSplitOf(t *testing.T) {
	n := map[Split]int{}
	for i := 0; i < 20000; i++ {
		key := fmt.Sprintf("headline number %d", i)
		s := SplitOf(key)
		if SplitOf(key) != s {
			t.Fatalf("SplitOf(%q) is not deterministic", key)
		}
		n[s]++
	}
	for s, want := range map[Split]int{Test: 2000, Validation: 2000, Train: 16000} {
		if n[s] < want*9/10 || n[s] > want*11/10 {
			t.Errorf("%s: %d of 20000 rows, want about %d", s, n[s], want)
		}
	}
}

func TestMapping(t *testing.T) {
	m := DefaultMapping()
	for _, tc := range []struct {
		row  Row
		want []string
	}{
		{Row{Source: "huffpost", Class: "TASTE"}, []string{"Lifestyle"}},
		{Row{Source: "huffpost", Class: "WORLDPOST"}, []string{"World"}},
		{Row{Source: "agnews", Class: "Sci/Tech"}, []string{"Technology", "Science", "Health", "Environment"}},
		{Row{Source: "huffpost", Class: "WEIRD NEWS"}, nil}, // left out
		{Row{Source: "huffpost", Class: "NO SUCH CLASS"}, nil},
	} {
		got, ok := m.Targets(tc.row)
		if ok != (tc.want != nil) || ok && !slices.Equal(got, tc.want) {
			t.Errorf("Targets(%s %s) = %v, %v; want %v", tc.row.Source, tc.row.Class, got, ok, tc.want)
		}
	}
	for _, tc := range []struct {
		row  Row
		want []string
	}{
		{Row{Source: "agnews", Class: "World", Text: "Troops were sent to the border."}, []string{"Defense & Security"}},
		{Row{Source: "agnews", Class: "World", Text: "NATO allies meet; an air strike is reported."}, []string{"Defense & Security"}},
		{Row{Source: "agnews", Class: "World", Text: "Elections were held in the capital."}, []string{"Politics"}},
		{Row{Source: "agnews", Class: "World", Text: "The president sent troops."}, []string{"Defense & Security", "Politics"}},
		{Row{Source: "agnews", Class: "World", Text: "A storm hit the coast."}, nil},
		{Row{Source: "agnews", Class: "Sports", Text: "Army beat Navy at football."}, nil}, // not a listed class
	} {
		if got, _ := m.WeakLabels(tc.row); !slices.Equal(got, tc.want) {
			t.Errorf("WeakLabels(%q) = %v, want %v", tc.row.Text, got, tc.want)
		}
	}
	if _, err := ParseMapping([]byte(`{"labels":["A"],"sources":{"x":{"c":["B"]}}}`)); err == nil {
		t.Error("ParseMapping accepted a class mapped to an unknown label")
	}
}

func TestReadAGNews(t *testing.T) {
	p := filepath.Join(t.TempDir(), "ag.csv")
	csv := `"3","Stocks Rise","Shares climbed\on Monday, analysts said."` + "\n" + `"2","Title ""quoted""",""` + "\n"
	if err := os.WriteFile(p, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	rows, err := ReadAGNews(p, AGNewsClasses)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || rows[0].Class != "Business" || rows[0].Text != "Stocks Rise\nShares climbed on Monday, analysts said." ||
		rows[1].Class != "Sports" || rows[1].Text != `Title "quoted"` {
		t.Errorf("rows = %+v", rows)
	}
	os.WriteFile(p, []byte(`"9","x","y"`+"\n"), 0o644)
	if _, err := ReadAGNews(p, AGNewsClasses); err == nil {
		t.Error("class 9 accepted")
	}
}

// TestHuffPostClassesMapped: every class of the shared HuffPost file is
// named in the mapping (kept or left out on purpose, never forgotten).
func TestHuffPostClassesMapped(t *testing.T) {
	rows, err := ReadJSONL(filepath.Join("..", "..", "..", "..", "shared", "data", "categories", "huffpost", "headlines.jsonl"), "huffpost")
	if err != nil {
		t.Skipf("../shared/data/categories not found (it sits beside the checkout on developers' machines): %v", err)
	}
	m := DefaultMapping()
	for _, r := range rows {
		if _, ok := m.Sources["huffpost"][r.Class]; !ok {
			t.Fatalf("HuffPost class %q is not in mapping.json", r.Class)
		}
	}
}

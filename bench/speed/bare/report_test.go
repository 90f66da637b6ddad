package bare

import (
	"encoding/json"
	"reflect"
	"sort"
	"testing"

	"github.com/lede-news/lede/internal/engine"
)

// keys lists the field names of a JSON object and, as "parent.child", of
// the objects in it (not of objects inside lists, which a bare report has
// none of).
func keys(t *testing.T, prefix string, v any) []string {
	t.Helper()
	m, ok := v.(map[string]any)
	if !ok {
		return nil
	}
	var out []string
	for k, x := range m {
		out = append(out, prefix+k)
		out = append(out, keys(t, prefix+k+".", x)...)
	}
	sort.Strings(out)
	return out
}

// TestReportIsAnEmptyReport checks that the bare report is one a caller of
// lede takes: valid JSON with exactly the engine's fields (so that when the
// report gains or loses one, the floor follows), the input as its text, and
// every list empty (the page draws its "nothing found" state). The inputs
// try the escaping; the fields are compared with the engine's report of an
// article (the engine refuses some of the inputs, as binary data).
func TestReportIsAnEmptyReport(t *testing.T) {
	var real map[string]any
	if err := json.Unmarshal(engine.AnalyzeJSON("Seoul — President Lee met President Trump on Monday.", ""), &real); err != nil {
		t.Fatalf("the engine's report is not JSON: %v", err)
	}
	if real["error"] != nil {
		t.Fatalf("the engine refused the article: %v", real["error"])
	}
	for _, tc := range []struct{ name, input string }{
		{"article", "Seoul — President Lee met President Trump on Monday.\n\nThey spoke for an hour."},
		{"quotes and backslashes", `He said "a\b" and left.`},
		{"control characters", "tab\there\r\nbell\x07 nul\x00 esc\x1b end"},
		{"non-ASCII", "Zürich, 東京, line\u2028separator, emoji 😀"},
		{"one word", "Hello."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got map[string]any
			b := Report([]byte("prefix"), tc.input)
			if string(b[:6]) != "prefix" {
				t.Fatalf("Report did not append to dst: %q", b[:6])
			}
			if err := json.Unmarshal(b[6:], &got); err != nil {
				t.Fatalf("not JSON: %v\n%s", err, b[6:])
			}
			if g, w := keys(t, "", got), keys(t, "", real); !reflect.DeepEqual(g, w) {
				t.Errorf("fields differ from the engine's report:\nbare:   %v\nengine: %v", g, w)
			}
			if got["text"] != tc.input {
				t.Errorf("text = %q, want the input %q", got["text"], tc.input)
			}
			if got["offsets"] != real["offsets"] {
				t.Errorf("offsets = %v, the engine's default is %v", got["offsets"], real["offsets"])
			}
			for _, k := range []string{"keyphrases", "entities", "figures", "quotes", "categories", "summary", "notices"} {
				if l, ok := got[k].([]any); !ok || len(l) != 0 {
					t.Errorf("%s = %v, want an empty list", k, got[k])
				}
			}
		})
	}
}

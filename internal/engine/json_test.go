package engine

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// stdMarshal is how the report was written before Report.JSON: the
// reference every front end's bytes must keep matching.
func stdMarshal(t testing.TB, v any) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n"))
}

// The reports of real articles (the repository's test articles and pages,
// and ../shared/samples when present), in every offset unit, are written
// exactly as encoding/json writes them.
func TestMarshalMatchesEncodingJSON(t *testing.T) {
	files, _ := filepath.Glob("../*/testdata/*.txt")
	html, _ := filepath.Glob("../*/testdata/*.html")
	shared, _ := filepath.Glob("../../../shared/samples/*.txt")
	files = append(append(files, html...), shared...)
	if len(files) < 3 {
		t.Fatalf("found only %v", files)
	}
	inputs := []string{"Caf\xe9 \u2028owners in \"Paris\" <said> sales rose 0.0000001%\x01.\n", "Seoul, Tuesday: Lee Jae-myung met Donald Trump. 😀 \u2029 \\ done."}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, string(b))
	}
	for i, in := range inputs {
		for _, unit := range []string{"utf8", "utf16", "codepoint"} {
			r, err := Analyze(in, Options{Offsets: unit})
			if err != nil {
				t.Fatalf("input %d: %v", i, err)
			}
			for _, id := range []any{nil, "req-1", 7.0, map[string]any{"a": []any{true, nil, "<x>"}}} {
				r.ID = id
				got, err := Marshal(r)
				if want := stdMarshal(t, r); err != nil || !bytes.Equal(got, want) {
					t.Fatalf("input %d (%s, id %v): Marshal differs from encoding/json (%v)\n got %.300s\nwant %.300s", i, unit, id, err, got, want)
				}
			}
		}
	}
}

func TestErrorJSON(t *testing.T) {
	for _, msg := range []string{"", "plain", "a \"quoted\" <b>\n\u2028 \xff"} {
		if got, want := ErrorJSON(msg), stdMarshal(t, map[string]string{"error": msg}); !bytes.Equal(got, want) {
			t.Errorf("ErrorJSON(%q) = %s, want %s", msg, got, want)
		}
	}
}

func TestParseOptions(t *testing.T) {
	cases := []struct {
		in      string
		want    Options
		wantErr string
	}{
		{"", Options{}, ""},
		{"null", Options{}, ""},
		{" {} ", Options{}, ""},
		{`{"input":"html","offsets":"utf8"}`, Options{Input: "html", Offsets: "utf8"}, ""},
		{`{"INPUT":"text","Offsets":null}`, Options{Input: "text"}, ""},
		{`{"input":"html","input":"text"}`, Options{Input: "text"}, ""},
		{`{"colour":"red"}`, Options{}, `unknown field "colour"`},
		{`{"input":3}`, Options{}, "must be a string"},
		{`[]`, Options{}, "not an object"},
		{`not json`, Options{}, "options are not valid JSON"},
		{`{"input":"html"`, Options{}, "options are not valid JSON"},
	}
	for _, c := range cases {
		got, err := ParseOptions(c.in)
		if c.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), c.wantErr) {
				t.Errorf("ParseOptions(%q) = %v, %v; want an error with %q", c.in, got, err, c.wantErr)
			}
			if _, ok := err.(*InputError); err != nil && !ok {
				t.Errorf("ParseOptions(%q): %T is not an InputError", c.in, err)
			}
			continue
		}
		if err != nil || got != c.want {
			t.Errorf("ParseOptions(%q) = %+v, %v; want %+v", c.in, got, err, c.want)
		}
		// encoding/json reads the same options the same way.
		var std Options
		if c.in != "" {
			if err := json.Unmarshal([]byte(c.in), &std); err != nil || std != got {
				t.Errorf("encoding/json reads %q as %+v (%v), ParseOptions %+v", c.in, std, err, got)
			}
		}
	}
}

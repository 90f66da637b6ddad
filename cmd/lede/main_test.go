package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	dir := t.TempDir()
	article := filepath.Join(dir, "a.txt")
	os.WriteFile(article, []byte("Mayor Ana Ruiz opened the bridge in Lisbon on Monday.\n\nIt cost $40 million, she said.\n"), 0o644)
	page := filepath.Join(dir, "p.html")
	os.WriteFile(page, []byte("<html><head><title>Bridge opens</title></head><body><article><p>Mayor Ana Ruiz opened the bridge in Lisbon on Monday.</p></article></body></html>"), 0o644)

	cases := []struct {
		name    string
		args    []string
		stdin   string
		wantErr string // part of the error; "" for success
		check   func(t *testing.T, out string)
	}{
		{name: "file", args: []string{"analyze", article}, check: isReport},
		{name: "stdin", args: []string{"analyze", "-"}, stdin: "Rain fell in Oslo on Tuesday.", check: isReport},
		{name: "html", args: []string{"analyze", "--input", "html", page}, check: isReport},
		{name: "codepoint offsets", args: []string{"analyze", "--offsets", "codepoint", article}, check: func(t *testing.T, out string) {
			if !strings.Contains(out, `"offsets":"codepoint"`) {
				t.Errorf("offsets unit not reported: %.200s", out)
			}
		}},
		{name: "jsonl", args: []string{"analyze", "--jsonl"},
			stdin: `{"id":1,"text":"Rain fell in Oslo."}` + "\n" + `not json` + "\n" + `{"id":"x","html":"<p>Snow in Bergen.</p>"}` + "\n" + `{"id":4}` + "\n",
			check: func(t *testing.T, out string) {
				lines := strings.Split(strings.TrimSpace(out), "\n")
				if len(lines) != 4 {
					t.Fatalf("got %d lines, want 4:\n%s", len(lines), out)
				}
				wantErr := []bool{false, true, false, true}
				for i, l := range lines {
					var m map[string]any
					if err := json.Unmarshal([]byte(l), &m); err != nil {
						t.Fatalf("line %d is not JSON: %v", i+1, err)
					}
					if _, isErr := m["error"]; isErr != wantErr[i] {
						t.Errorf("line %d: error=%v, want %v: %.200s", i+1, isErr, wantErr[i], l)
					}
				}
				if !strings.HasPrefix(lines[2], `{"id":"x",`) {
					t.Errorf("id not copied: %.80s", lines[2])
				}
			}},
		{name: "no command", args: nil, wantErr: "no command"},
		{name: "unknown command", args: []string{"analyse"}, wantErr: "unknown command"},
		{name: "missing file", args: []string{"analyze", filepath.Join(dir, "nope.txt")}, wantErr: "cannot read"},
		{name: "two files", args: []string{"analyze", article, article}, wantErr: "one FILE"},
		{name: "bad flag", args: []string{"analyze", "--colour", article}, wantErr: "lede help"},
		{name: "bad offsets", args: []string{"analyze", "--offsets", "bytes", article}, wantErr: "offset unit"},
		{name: "empty input", args: []string{"analyze"}, stdin: "  \n", wantErr: "empty"},
		{name: "help", args: []string{"help"}, check: func(t *testing.T, out string) {
			if !strings.Contains(out, "lede analyze") {
				t.Errorf("help does not show usage")
			}
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var out bytes.Buffer
			err := run(c.args, strings.NewReader(c.stdin), &out)
			if c.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), c.wantErr) {
					t.Fatalf("run(%v) error = %v, want one containing %q", c.args, err, c.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("run(%v): %v", c.args, err)
			}
			c.check(t, out.String())
		})
	}
}

func isReport(t *testing.T, out string) {
	t.Helper()
	var r struct {
		Text    *string         `json:"text"`
		Article json.RawMessage `json:"article"`
		Stats   json.RawMessage `json:"stats"`
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("output is not one JSON report: %v\n%.300s", err, out)
	}
	if r.Text == nil || r.Article == nil || r.Stats == nil {
		t.Errorf("report lacks text/article/stats: %.300s", out)
	}
}

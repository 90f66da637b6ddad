package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWranglerConfig(t *testing.T) {
	tests := []struct{ name, assets string }{
		{"lede", ".."},
		{"my-lede", "../site"},
	}
	for _, tc := range tests {
		// JSONC: drop the comment lines, the rest must be JSON.
		var b strings.Builder
		for _, line := range strings.Split(wranglerConfig(tc.name, tc.assets), "\n") {
			if !strings.HasPrefix(strings.TrimSpace(line), "//") {
				b.WriteString(line + "\n")
			}
		}
		var c struct {
			Name   string `json:"name"`
			Main   string `json:"main"`
			Date   string `json:"compatibility_date"`
			Assets struct {
				Directory      string   `json:"directory"`
				RunWorkerFirst []string `json:"run_worker_first"`
			} `json:"assets"`
		}
		if err := json.Unmarshal([]byte(b.String()), &c); err != nil {
			t.Fatalf("%s: not JSON once comments are gone: %v\n%s", tc.name, err, b.String())
		}
		if c.Name != tc.name || c.Main != "worker.mjs" || c.Date != CompatibilityDate || c.Assets.Directory != tc.assets {
			t.Errorf("%s: config %+v", tc.name, c)
		}
		if strings.Join(c.Assets.RunWorkerFirst, " ") != "/analyze /healthz" {
			t.Errorf("%s: run_worker_first %v: the API's paths must reach the worker", tc.name, c.Assets.RunWorkerFirst)
		}
	}
}

func TestBundleSize(t *testing.T) {
	dir := t.TempDir()
	var all bytes.Buffer
	for i, m := range modules {
		content := bytes.Repeat([]byte(m), 1000*(i+1))
		all.Write(content)
		if err := os.WriteFile(filepath.Join(dir, m), content, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	raw, gz, err := bundleSize(dir)
	if err != nil {
		t.Fatal(err)
	}
	if raw != all.Len() {
		t.Errorf("raw %d, want %d", raw, all.Len())
	}
	if gz <= 0 || gz >= raw {
		t.Errorf("gzip %d of %d repetitive bytes", gz, raw)
	}
	os.Remove(filepath.Join(dir, "app.wasm"))
	if _, _, err := bundleSize(dir); err == nil {
		t.Error("a missing module must be an error")
	}
}

// Package golden checks a generated Go file against what its generator
// writes today. Packages that lay a table out at compile time (a generated
// file) instead of building it at start keep the generator in a test; the
// test calls Check, so that a list edited without regenerating the file
// fails, and `go test -run TestX -update` rewrites it.
package golden

import (
	"bytes"
	"os"
	"testing"
)

// Check fails t unless the file at path holds want. With update it first
// writes want there (the calling test's -update flag). regen is the
// command that rewrites the file, for the failure message.
func Check(t testing.TB, path string, want []byte, update bool, regen string) {
	t.Helper()
	if update {
		if err := os.WriteFile(path, want, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("%s is not what its generator writes: run %s", path, regen)
	}
}

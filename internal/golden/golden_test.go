package golden

import (
	"os"
	"path/filepath"
	"testing"
)

// recorder is a testing.TB that records a failure instead of stopping
// the test, so that Check's verdicts can be checked.
type recorder struct {
	testing.TB
	failed bool
	msg    string
}

func (r *recorder) Helper() {}
func (r *recorder) Fatal(args ...any) {
	r.failed = true
	panic(r)
}
func (r *recorder) Fatalf(format string, args ...any) {
	r.failed, r.msg = true, format
	panic(r)
}

func check(t *testing.T, path string, want []byte, update bool) (r *recorder) {
	r = &recorder{TB: t}
	defer func() {
		if p := recover(); p != nil && p != r {
			panic(p)
		}
	}()
	Check(r, path, want, update, "go test -update")
	return r
}

func TestCheck(t *testing.T) {
	path := filepath.Join(t.TempDir(), "gen.go")
	if r := check(t, path, []byte("a"), false); !r.failed {
		t.Error("a missing file passed")
	}
	if r := check(t, path, []byte("a"), true); r.failed {
		t.Error("-update did not write the file")
	}
	if b, _ := os.ReadFile(path); string(b) != "a" {
		t.Errorf("-update wrote %q, want %q", b, "a")
	}
	if r := check(t, path, []byte("a"), false); r.failed {
		t.Error("a file holding what the generator writes failed")
	}
	if r := check(t, path, []byte("b"), false); !r.failed {
		t.Error("a file differing from the generator's output passed")
	}
}

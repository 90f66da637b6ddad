package main

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestWorkerLinksNoNetHTTP: the worker's wasm build must not import
// net/http or crypto/rand. Importing net/http at all links the package
// initialisers of crypto/tls, crypto/x509, crypto/hpke and the FIPS module
// (≈ 0.5 MB of the 3 MB gzipped free-plan budget, docs/worker.md "Size");
// crypto/rand links the FIPS DRBG. `GOOS=js GOARCH=wasm go list -deps
// ./wasm/worker` and `go build -ldflags=-dumpdep` show who imports them.
func TestWorkerLinksNoNetHTTP(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go list")
	}
	cmd := exec.Command("go", "list", "-deps", ".")
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.Output()
	if err != nil {
		t.Skipf("go list: %v", err)
	}
	pkgs := strings.Fields(string(out))
	if len(pkgs) < 10 {
		t.Fatalf("go list -deps gave %d packages: %q", len(pkgs), out)
	}
	for _, p := range pkgs {
		if p == "net/http" || p == "crypto/rand" || p == "crypto/tls" || p == "crypto/x509" {
			t.Errorf("the worker's wasm build links %s", p)
		}
	}
}

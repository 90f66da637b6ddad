// Command worker is lede's HTTP API as a Cloudflare Worker: the handler of
// internal/api served by github.com/syumai/workers. Build it with
//
//	go run ./wasm/worker/build -out dist/worker
//
// which also writes the JS glue, the wrangler config and checks the size
// limit; docs/worker.md says how to run it locally and deploy it.
//
// Built natively (go run ./wasm/worker) it serves the same API on :9900 (or
// $PORT), which is what syumai/workers does outside a JS runtime.
package main

import (
	"github.com/syumai/workers"

	"github.com/lede-news/lede/internal/api"
)

func main() {
	workers.Serve(api.Handler())
}

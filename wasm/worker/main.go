// Command worker is lede's HTTP API as a Cloudflare Worker: the API of
// internal/api/core (internal/api's, without net/http) compiled to
// WebAssembly and served by one live Go instance per isolate. Build it with
//
//	go run ./wasm/worker/build -out dist/worker
//
// which also writes the JS glue (worker.mjs), the wrangler config and checks
// the size limit; docs/worker.md says how to run it locally and deploy it.
//
// Why our own glue: github.com/syumai/workers, which this worker used before,
// starts a fresh Go instance for every request and ends it when the response
// has been read, so every request paid the Go runtime's start and the model
// load (260–300 ms of CPU on workerd against ≈ 15 ms for the analysis). Here
// main registers one function with the JS side and blocks; worker.mjs starts
// the instance on an isolate's first request and hands it every later one.
//
// Built natively (go run ./wasm/worker) it serves the same API on :9900 (or
// $PORT), for trying the handler outside a JS runtime.
package main

func main() {
	serve()
}

//go:build js && wasm

// Command lede is the engine compiled to WebAssembly for the page, the widget
// and Node: it registers globalThis.ledeAnalyze and then stays alive, so one
// Go instance serves every analysis (starting an instance costs 20–130 ms, a
// call on a live one well under a millisecond of overhead).
//
//	ledeAnalyze(input: string, optionsJSON: string) -> string
//
// returns the report as JSON, or {"error": "..."} for input the engine
// refuses. It deliberately uses syscall/js alone: net/http would add about
// 0.9 MB (brotli) to what every reader downloads.
package main

import (
	"runtime"
	"syscall/js"
	"unsafe"

	"github.com/lede-news/lede/internal/engine"
)

// heapFloor is the size of a block of memory held for as long as the
// instance lives and never read, so that the collector's heap goal
// (twice the live heap, at least 4 MB) counts it as live: the goal of an
// analysis of an article, about 1 MB live, goes from 4 to 10 MB, and it
// collects 29 times in 300 analyses of the sample instead of 74. In wasm
// the collector marks on the one thread that analyses, so collecting less
// often is about 5% of an analysis's CPU (docs/speed-log.md, "Allocation
// and the collector in wasm, seventh round"). A fixed GOGC would do the same
// but multiply a long paste's garbage too; this adds a constant: wasm memory
// 19 MB instead of 11.5 after a few analyses, the block's 4 MB included.
// The worker sets GOGC itself (wasm/worker/pace.go).
//
// The block is made by a timer that the first analysis sets, so once that
// analysis has returned and the engine is idle: made at the instance's
// start it cost the first result about 5.6 ms in Node (the Go start 16.1 ->
// 21.8 ms under node --liftoff-only, bench/speed/startup.mjs), and made at
// the start of the second analysis it cost that one as much or more, which
// in the page is the reader's first: lede-worker.js runs a throw-away
// analysis as the engine starts (web/e2e/heapfloor.test.mjs).
const heapFloor = 4 << 20

// job is one call of ledeAnalyze, handed to the goroutine that analyses.
type job struct{ input, opts string }

// analyst runs every analysis on one goroutine that lives as long as the
// instance. Go's wasm port calls each js.FuncOf callback on a goroutine of
// its own with a 2 KB stack, which an analysis grows to about 64 KB by
// doubling: five or six copies of the stack, each decoding the stack maps
// of every frame on it, about 1% of an analysis's CPU in Node (node
// --cpu-prof: runtime.copystack under keyphrase's intern and the tagger).
// This goroutine keeps its grown stack from one analysis to the next (the
// collector halves an idle goroutine's stack at most once a cycle, and
// wasm/lede collects about once in ten analyses of an article).
func analyst(jobs <-chan job, out chan<- []byte) {
	for j := range jobs {
		out <- engine.AnalyzeJSON(j.input, j.opts)
	}
}

func main() {
	jobs, out := make(chan job), make(chan []byte)
	go analyst(jobs, out)
	var floor []byte
	var makeFloor js.Func
	makeFloor = js.FuncOf(func(js.Value, []js.Value) any {
		floor = make([]byte, heapFloor)
		makeFloor.Release()
		return nil
	})
	first := true
	js.Global().Set("ledeAnalyze", js.FuncOf(func(this js.Value, args []js.Value) any {
		if first {
			// runs after this call has returned and its caller's task ended
			first = false
			js.Global().Call("setTimeout", makeFloor, 0)
		}
		runtime.KeepAlive(floor) // held by the function, which JS keeps
		if len(args) < 1 || args[0].Type() != js.TypeString {
			return string(engine.ErrorJSON("ledeAnalyze(input, optionsJSON): input must be a string"))
		}
		opts := ""
		if len(args) > 1 && args[1].Type() == js.TypeString {
			opts = args[1].String()
		}
		// waiting here blocks no JavaScript: the runtime runs the analyst
		// and comes back to this goroutine before it returns to JavaScript
		jobs <- job{args[0].String(), opts}
		// the report's bytes as a string without a copy: nothing writes
		// them again (AnalyzeJSON's buffer is the report's own), and
		// syscall/js copies the string into JavaScript before this call
		// returns; a copy was the report's size again (23 KB for the
		// sample) allocated and moved each call
		b := <-out
		return unsafe.String(unsafe.SliceData(b), len(b))
	}))
	select {}
}

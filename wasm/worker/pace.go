package main

import (
	"runtime"
	"runtime/debug"
)

// pacer sets the Go collector's pace for each request's body.
//
// Why: an analysis of a news article (3–30 KB) allocates about 1 MB and
// keeps about 1 MB live between requests, so with the default GOGC=100 the
// heap never leaves Go's 4 MB minimum and the collector runs every three or
// so analyses (62 collections in 203 analyses of the sample). In
// WebAssembly Go has one thread, so marking, sweeping and the write barriers
// of a running cycle all take turns with the analysis (a native build marks
// on other cores): 0.79 ms of GC an analysis by gctrace, of the 5.8 ms the
// analysis takes on Node's main thread. GOGC=400 lifts the minimum to 16 MB:
// 8 collections in 203 analyses, 0.44 ms, for about 12 MB more wasm memory
// (23 MB instead of 11.5 after 400 analyses of the sample; Workers allow
// 128 MB an isolate). docs/worker.md, "What a request costs beyond its analysis", has
// the commands.
//
// Not for large bodies: GOGC=400 lets the heap grow to five times what is
// live, and a 1 MB paste keeps tens of MB live (wasm memory after four
// analyses of one: 160 MB at 100, 293 MB at 400). So a body of largeBody bytes or more runs at Go's default,
// and after it a collection brings the goal (which GOGC scales from what the
// last cycle found live) back down before small bodies run at 400 again.
//
// The page's engine (wasm/lede) does not do this: runtime/debug links fmt
// and os into it, 22 KB more gzip for every reader; the worker already
// carries both through net/http.
type pacer struct {
	percent int // the GOGC last set; 0 before the first request
}

// largeBody is the body size, in bytes, from which a request runs at the
// default GOGC. Below it, at GOGC=400, 100 analyses of a 30 KB text leave
// wasm memory at 33 MB against 20.5 MB at 100 (`go run ./bench/speed -scale
// 30720 -dump F` of the DUC-2001 texts, then LEDE_WARM=0 LEDE_GOENV=GOGC=400
// node bench/speed/inproc.mjs engine dist F 100, memMB).
const largeBody = 32 << 10

const (
	smallGOGC = 400
	largeGOGC = 100 // Go's default
)

// before sets the pace for a body of n bytes; call it before the request
// and after once it is answered. Calls must not overlap (serve answers one
// request at a time).
func (p *pacer) before(n int) {
	want := smallGOGC
	if n >= largeBody {
		want = largeGOGC
	}
	if want != p.percent {
		debug.SetGCPercent(want)
		p.percent = want
	}
}

// after ends a request with a body of n bytes: after a large one it
// collects, so that the next small bodies' goal starts from what is live
// now, not from the large one's peak.
func (p *pacer) after(n int) {
	if n >= largeBody {
		runtime.GC()
	}
}

//go:build js && wasm

package main

import (
	"math/rand/v2"
	"syscall/js"

	"github.com/lede-news/lede/internal/api/core"
)

// serve registers globalThis.ledeWorker = {serve, maxBody, instance} for
// worker.mjs and blocks, keeping this Go instance alive for every later
// request of the isolate:
//
//	serve(head: string, body: Uint8Array | null) -> Uint8Array
//
// in the wire format of wire.go: one string and one byte array in, one byte
// array out, so that a request costs Go three js.Values, not one for every
// header.
//
// serve answers synchronously, in the goroutine that handles the call. It
// used to run the handler in a goroutine of its own and resolve a promise,
// but that bought nothing: Go hands control back to JS only once every
// goroutine is idle, so the handler ran to its end inside the call either
// way, and concurrent requests of the isolate were already answered one
// after the other. The price of answering inline is that the handler must
// not wait on JS (a timer, a fetch): lede's API is pure computation.
func serve() {
	h := handler(serveAPI)
	// The id only tells instances apart, it guards nothing: math/rand/v2
	// (seeded by the runtime from crypto.getRandomValues) is enough, and
	// crypto/rand would link the FIPS module's DRBG, SHA-2 and AES (≈ 60 KB).
	in := &instance{id: instanceID(rand.Uint64())}
	uint8Array := js.Global().Get("Uint8Array")
	var pace pacer // the collector's pace for each body's size
	serveFn := js.FuncOf(func(_ js.Value, args []js.Value) any {
		var wire []byte
		if len(args) != 2 || args[0].Type() != js.TypeString {
			wire = errorResponse(errBadCall)
		} else {
			var body []byte
			if b := args[1]; b.Truthy() {
				body = make([]byte, b.Length())
				js.CopyBytesToGo(body, b)
			}
			wire = in.answer(h, &pace, args[0].String(), body)
		}
		res := uint8Array.New(len(wire))
		js.CopyBytesToJS(res, wire)
		return res
	})
	glue := js.Global().Get("Object").New()
	glue.Set("serve", serveFn)
	glue.Set("maxBody", core.MaxBodyBytes)
	glue.Set("instance", in.id)
	js.Global().Set("ledeWorker", glue)
	select {}
}

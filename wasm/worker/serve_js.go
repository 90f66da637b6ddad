//go:build js && wasm

package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/http"
	"syscall/js"

	"github.com/lede-news/lede/internal/api"
)

// serve registers globalThis.ledeWorker = {serve, maxBody, instance} for
// worker.mjs and blocks, keeping this Go instance alive for every later
// request of the isolate:
//
//	serve(method, url, header: string[], body: Uint8Array | null)
//	  -> Promise<{status: number, header: string[], body: Uint8Array}>
//
// header lists are flat name, value pairs. Each call runs in its own
// goroutine, so concurrent requests of the isolate interleave in the one
// instance, and a handler that waits (on a timer, say) lets JS run.
func serve(h http.Handler) {
	var id [8]byte
	rand.Read(id[:])
	in := &instance{id: hex.EncodeToString(id[:])}
	promise := js.Global().Get("Promise")
	uint8Array := js.Global().Get("Uint8Array")
	serveFn := js.FuncOf(func(_ js.Value, args []js.Value) any {
		if len(args) < 4 {
			return promise.Call("reject", js.Global().Get("Error").New("ledeWorker.serve(method, url, header, body)"))
		}
		method, url := args[0].String(), args[1].String()
		hv := args[2]
		header := make([]string, hv.Length())
		for i := range header {
			header[i] = hv.Index(i).String()
		}
		var body []byte
		if b := args[3]; b.Truthy() {
			body = make([]byte, b.Length())
			js.CopyBytesToGo(body, b)
		}
		var executor js.Func
		executor = js.FuncOf(func(_ js.Value, pa []js.Value) any {
			executor.Release()
			resolve := pa[0]
			go func() {
				status, outHeader, out := in.exchange(context.Background(), h, method, url, header, body)
				hs := make([]any, len(outHeader))
				for i, s := range outHeader {
					hs[i] = s
				}
				b := uint8Array.New(len(out))
				js.CopyBytesToJS(b, out)
				res := js.Global().Get("Object").New()
				res.Set("status", status)
				res.Set("header", hs)
				res.Set("body", b)
				resolve.Invoke(res)
			}()
			return nil
		})
		return promise.New(executor)
	})
	glue := js.Global().Get("Object").New()
	glue.Set("serve", serveFn)
	glue.Set("maxBody", api.MaxBodyBytes)
	glue.Set("instance", in.id)
	js.Global().Set("ledeWorker", glue)
	select {}
}

//go:build js && wasm

// Command worker is the bare stand-in for wasm/worker (package bare says
// why): it registers globalThis.ledeWorker = {serve, maxBody, instance} for
// the same worker.mjs glue, in the same wire format (wasm/worker/wire.go),
// and answers POST /analyze with bare.Report of the body, GET /healthz with
// {"status":"ok"} and anything else with a 404. It reads no headers and
// checks no content type: the floor is the glue and Go's start, not the API.
package main

import (
	"syscall/js"

	"github.com/lede-news/lede/bench/speed/bare"
)

// maxBody is what the glue reads of a body at most (core.MaxBodyBytes, not
// imported: it would link the engine).
const maxBody = 8 << 20

const jsonHead = "\nContent-Type\napplication/json\nAccess-Control-Allow-Origin\n*\nCache-Control\nno-store\n\n"

func main() {
	uint8Array := js.Global().Get("Uint8Array")
	serve := js.FuncOf(func(_ js.Value, args []js.Value) any {
		var wire []byte
		method, path := "", ""
		if len(args) == 2 && args[0].Type() == js.TypeString {
			method, path = request(args[0].String())
		}
		switch {
		case method == "POST" && path == "/analyze":
			var body []byte
			if b := args[1]; b.Truthy() {
				body = make([]byte, b.Length())
				js.CopyBytesToGo(body, b)
			}
			wire = append(bare.Report(append(wire, "200"+jsonHead...), string(body)), '\n')
		case path == "/healthz":
			wire = append(wire, "200"+jsonHead+`{"status":"ok"}`+"\n"...)
		default:
			wire = append(wire, "404"+jsonHead+`{"error":"the bare worker answers POST /analyze and GET /healthz"}`+"\n"...)
		}
		res := uint8Array.New(len(wire))
		js.CopyBytesToJS(res, wire)
		return res
	})
	glue := js.Global().Get("Object").New()
	glue.Set("serve", serve)
	glue.Set("maxBody", maxBody)
	glue.Set("instance", "bare")
	js.Global().Set("ledeWorker", glue)
	select {}
}

// request reads the method and the URL's path from a head as worker.mjs
// writes it: method "\n" url "\n" ...
func request(head string) (method, path string) {
	i := 0
	for i < len(head) && head[i] != '\n' {
		i++
	}
	method, rest := head[:i], ""
	if i < len(head) {
		rest = head[i+1:]
	}
	j := 0
	for j < len(rest) && rest[j] != '\n' {
		j++
	}
	url := rest[:j]
	// skip "scheme://host"
	if k := index(url, "://"); k >= 0 {
		url = url[k+3:]
		s := 0
		for s < len(url) && url[s] != '/' {
			s++
		}
		url = url[s:]
	}
	for q := 0; q < len(url); q++ {
		if url[q] == '?' || url[q] == '#' {
			url = url[:q]
			break
		}
	}
	return method, url
}

func index(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	return -1
}

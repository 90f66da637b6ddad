//go:build js && wasm

// Command engine is the bare stand-in for wasm/lede (package bare says why):
// it registers globalThis.ledeAnalyze(input, optionsJSON) -> string as
// wasm/lede does and answers with bare.Report. Build it as lede-dist builds
// the engine: GOOS=js GOARCH=wasm go build -trimpath -ldflags=-s -w.
package main

import (
	"syscall/js"

	"github.com/lede-news/lede/bench/speed/bare"
)

func main() {
	js.Global().Set("ledeAnalyze", js.FuncOf(func(this js.Value, args []js.Value) any {
		if len(args) < 1 || args[0].Type() != js.TypeString {
			return `{"error":"ledeAnalyze(input, optionsJSON): input must be a string"}`
		}
		return string(bare.Report(nil, args[0].String()))
	}))
	select {}
}

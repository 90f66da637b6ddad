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
	"syscall/js"

	"github.com/lede-news/lede/internal/engine"
)

func main() {
	js.Global().Set("ledeAnalyze", js.FuncOf(func(this js.Value, args []js.Value) any {
		if len(args) < 1 || args[0].Type() != js.TypeString {
			return string(engine.ErrorJSON("ledeAnalyze(input, optionsJSON): input must be a string"))
		}
		opts := ""
		if len(args) > 1 && args[1].Type() == js.TypeString {
			opts = args[1].String()
		}
		return string(engine.AnalyzeJSON(args[0].String(), opts))
	}))
	select {}
}

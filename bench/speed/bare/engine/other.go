//go:build !(js && wasm)

package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Fprintln(os.Stderr, "bench/speed/bare/engine is a WebAssembly program: GOOS=js GOARCH=wasm go build -trimpath -ldflags='-s -w' -o lede.wasm ./bench/speed/bare/engine (or bench/speed/baredist.sh)")
	os.Exit(2)
}

//go:build !(js && wasm)

package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Fprintln(os.Stderr, "bench/speed/bare/worker is a WebAssembly program: GOOS=js GOARCH=wasm go build -trimpath -ldflags='-s -w' -o app.wasm ./bench/speed/bare/worker (or bench/speed/baredist.sh)")
	os.Exit(2)
}

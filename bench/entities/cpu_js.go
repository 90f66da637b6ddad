//go:build js

package main

import (
	"syscall/js"
	"time"
)

// cpuTime is Node's process.cpuUsage() (user+system) when the wasm build
// runs under Node, and 0 elsewhere.
func cpuTime() time.Duration {
	p := js.Global().Get("process")
	if p.IsUndefined() || p.Get("cpuUsage").IsUndefined() {
		return 0
	}
	u := p.Call("cpuUsage")
	return time.Duration(u.Get("user").Float()+u.Get("system").Float()) * time.Microsecond
}

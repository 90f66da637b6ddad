//go:build js

package cputime

import (
	"syscall/js"
	"time"
)

// Used is Node's process.cpuUsage() (user+system) when the wasm build runs
// under Node, and 0 where there is no process (a browser).
func Used() time.Duration {
	p := js.Global().Get("process")
	if p.IsUndefined() || p.Get("cpuUsage").IsUndefined() {
		return 0
	}
	u := p.Call("cpuUsage")
	return time.Duration(u.Get("user").Float()+u.Get("system").Float()) * time.Microsecond
}

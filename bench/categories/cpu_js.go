//go:build js

package main

import (
	"syscall/js"
	"time"
)

// cpuTime is Node's process.cpuUsage() (user and system time of the
// process), or 0 where there is no process (a browser).
func cpuTime() time.Duration {
	p := js.Global().Get("process")
	if p.IsUndefined() || p.Get("cpuUsage").IsUndefined() {
		return 0
	}
	u := p.Call("cpuUsage")
	return time.Duration(u.Get("user").Float()+u.Get("system").Float()) * time.Microsecond
}

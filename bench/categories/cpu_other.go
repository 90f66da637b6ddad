//go:build !js

package main

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time this process has used (user and system). On a
// machine shared with other work it is far steadier than the wall clock,
// which also counts the time spent waiting for a core.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

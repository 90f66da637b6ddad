//go:build unix

package main

import (
	"syscall"
	"time"
)

// cpuTime is the user+system CPU time of this process: on a shared, busy
// machine it measures the work where wall time measures the queue.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

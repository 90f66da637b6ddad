//go:build unix

package cputime

import (
	"syscall"
	"time"
)

// Used is the user+system CPU time of this process.
func Used() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

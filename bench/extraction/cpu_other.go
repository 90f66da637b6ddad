//go:build !unix

package main

import "time"

// cpuTime is unavailable here; the wall-clock rate is reported alone.
func cpuTime() time.Duration { return 0 }

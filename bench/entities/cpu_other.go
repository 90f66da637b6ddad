//go:build !unix && !js

package main

import "time"

// cpuTime is not available here; 0 makes the report print wall time only.
func cpuTime() time.Duration { return 0 }

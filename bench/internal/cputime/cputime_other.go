//go:build !unix && !js

package cputime

import "time"

// Used is not available here; 0 makes the reports print wall time only.
func Used() time.Duration { return 0 }

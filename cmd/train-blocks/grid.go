package main

import (
	"fmt"
	"strconv"
	"strings"
)

// parseGrid reads "30x2,60x3": tree counts and depths.
func parseGrid(s string) ([][2]int, error) {
	var out [][2]int
	for _, f := range strings.Split(s, ",") {
		if f == "" {
			continue
		}
		a, b, ok := strings.Cut(f, "x")
		t, err1 := strconv.Atoi(a)
		d, err2 := strconv.Atoi(b)
		if !ok || err1 != nil || err2 != nil || t <= 0 || d <= 0 || d > 8 {
			return nil, fmt.Errorf("%q is not trees x depth (as 100x3)", f)
		}
		out = append(out, [2]int{t, d})
	}
	return out, nil
}

package main

import (
	"bufio"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strconv"
)

// turbofanLine matches a line of `node --trace-wasm-compilation-times` for
// a function V8 re-compiled with its optimising compiler:
//
//	Compiled function 0x…#2236 using TurboFan, took 79 ms and … bytes; bodysize 28470 codesize …
var turbofanLine = regexp.MustCompile(`#(\d+) using TurboFan, took (\d+) ms.*bodysize (\d+)`)

// compiled is one function's TurboFan compiles in a trace.
type compiled struct {
	index int // in the module's function index space (imports first)
	ms    int // wall-clock ms, summed over its compiles (V8 prints whole ms)
	body  int // wasm body bytes
	times int // how many times it was compiled
}

// readTierUp sums a trace's TurboFan compiles by function, most ms first
// (then the larger body, then the index).
func readTierUp(r io.Reader) ([]compiled, error) {
	by := map[int]*compiled{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for sc.Scan() {
		m := turbofanLine.FindStringSubmatch(sc.Text())
		if m == nil {
			continue
		}
		idx, _ := strconv.Atoi(m[1])
		ms, _ := strconv.Atoi(m[2])
		body, _ := strconv.Atoi(m[3])
		c := by[idx]
		if c == nil {
			c = &compiled{index: idx, body: body}
			by[idx] = c
		}
		c.ms += ms
		c.times++
	}
	out := make([]compiled, 0, len(by))
	for _, c := range by {
		out = append(out, *c)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.ms != b.ms {
			return a.ms > b.ms
		}
		if a.body != b.body {
			return a.body > b.body
		}
		return a.index < b.index
	})
	return out, sc.Err()
}

// printTierUp writes the trace's totals and its top functions by TurboFan
// ms, named from m (a build of the same code that keeps its name section:
// the dist's stripped lede.wasm has the same function indices). A body
// size that differs from m's means the trace came from other code.
func printTierUp(w io.Writer, m *module, cs []compiled, top int) {
	ms, body, mismatch := 0, 0, 0
	for _, c := range cs {
		ms += c.ms
		body += c.body
		if i := c.index - m.imported; i < 0 || i >= len(m.bodies) || len(m.bodies[i]) != c.body {
			mismatch++
		}
	}
	fmt.Fprintf(w, "TurboFan: %d functions, %s of wasm, %d ms summed", len(cs), kb(body), ms)
	if mismatch > 0 {
		fmt.Fprintf(w, " (%d body sizes differ from this wasm's: another build?)", mismatch)
	}
	fmt.Fprintf(w, "\n\n| ms | wasm bytes | function |\n| ---: | ---: | --- |\n")
	for i, c := range cs {
		if i == top {
			break
		}
		fmt.Fprintf(w, "| %d | %d | %s |\n", c.ms, c.body, m.names[c.index])
	}
}

// Package cputime reads the CPU time the benchmarks' own process has used.
// On a machine shared with other work it is far steadier than the wall
// clock, which also counts the time spent waiting for a core.
package cputime

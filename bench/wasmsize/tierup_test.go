package main

import (
	"reflect"
	"strings"
	"testing"
)

func TestReadTierUp(t *testing.T) {
	tests := []struct {
		name  string
		trace string
		want  []compiled
	}{
		{"no lines", "", []compiled{}},
		{"Liftoff and wrappers are not counted", "Compiled function 0x7f#5 using Liftoff, took 0 ms and 16504 bytes; bodysize 37 codesize 172\n" +
			"Compiled WasmToJS wrapper wasm-to-js-5-i-, took 0 ms; codesize 120\n", []compiled{}},
		{"sorted by ms, then body, then index", "Compiled function 0x7f#20 using TurboFan, took 3 ms and 1 / 2 max/total bytes; bodysize 100 codesize 5\n" +
			"Compiled function 0x7f#21 using TurboFan, took 9 ms and 1 / 2 max/total bytes; bodysize 50 codesize 5\n" +
			"Compiled function 0x7f#22 using TurboFan, took 3 ms and 1 / 2 max/total bytes; bodysize 400 codesize 5\n" +
			"Compiled function 0x7f#19 using TurboFan, took 3 ms and 1 / 2 max/total bytes; bodysize 400 codesize 5\n",
			[]compiled{{21, 9, 50, 1}, {19, 3, 400, 1}, {22, 3, 400, 1}, {20, 3, 100, 1}}},
		{"a function compiled twice sums", "Compiled function 0x7f#7 using TurboFan, took 2 ms and 1 / 2 max/total bytes; bodysize 80 codesize 5\n" +
			"Compiled function 0x7e#7 using TurboFan, took 5 ms and 1 / 2 max/total bytes; bodysize 80 codesize 5\n",
			[]compiled{{7, 7, 80, 2}}},
	}
	for _, tt := range tests {
		got, err := readTierUp(strings.NewReader(tt.trace))
		if err != nil || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: readTierUp = %v, %v; want %v", tt.name, got, err, tt.want)
		}
	}
}

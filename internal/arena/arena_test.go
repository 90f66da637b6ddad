package arena_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/lede-news/lede/internal/arena"
)

// Strings handed out stay as they were when the caller reuses its buffer
// and when a new chunk starts.
func TestStringsStay(t *testing.T) {
	var a arena.Strings
	buf := []byte{}
	var got, want []string
	for i := 0; i < 3000; i++ {
		w := fmt.Sprintf("word%d", i)
		if i%500 == 0 {
			w = strings.Repeat("x", arena.Chunk+i) // longer than a chunk
		}
		buf = append(buf[:0], w...)
		got = append(got, a.String(buf))
		want = append(want, w)
		buf[0] = '#' // the caller writes over its buffer
	}
	for i := range got {
		if got[i] != want[i] {
			t.Fatalf("string %d = %.20q, want %.20q", i, got[i], want[i])
		}
	}
	if s := a.String(nil); s != "" {
		t.Errorf("String(nil) = %q", s)
	}
}

func ExampleStrings() {
	var a arena.Strings
	buf := []byte("Seoul")
	s := a.String(buf)
	copy(buf, "Tokyo")
	fmt.Println(s, string(buf))
	// Output: Seoul Tokyo
}

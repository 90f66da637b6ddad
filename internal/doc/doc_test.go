package doc

import (
	"testing"
	"unsafe"
)

// TestTokenSize: Ref lies in Kind's padding. Eight bytes more a token are
// eight more for every token of every analysis (the token slice is a fifth
// of the bytes the sample article's analysis allocates).
func TestTokenSize(t *testing.T) {
	if n := unsafe.Sizeof(Token{}); n > 40 {
		t.Errorf("a Token is %d bytes, want 40", n)
	}
}

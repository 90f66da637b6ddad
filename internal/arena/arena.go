// Package arena hands out strings carved from large byte chunks, so that a
// pass that makes many small strings per document (folded words, keys)
// makes a few allocations instead of one each.
//
// A chunk is never written again where a string was handed out, so the
// strings stay valid for as long as anything holds them; a chunk is freed
// by the collector when none of its strings is left. Dropping an arena
// (assigning Strings{}) starts a new chunk without touching the old ones.
package arena

import "unsafe"

// Chunk is the size of a chunk: the folded words of a 3 KB article fit one.
const Chunk = 4096

// Strings is an arena of strings. The zero value is ready to use.
type Strings struct{ b []byte }

// String returns a string with the bytes of b, which the caller may then
// overwrite.
func (a *Strings) String(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	if cap(a.b)-len(a.b) < len(b) {
		a.b = make([]byte, 0, max(Chunk, len(b)))
	}
	n := len(a.b)
	a.b = append(a.b, b...)
	return unsafe.String(&a.b[n], len(b))
}

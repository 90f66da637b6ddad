package entity

import (
	"encoding/binary"
	"unsafe"
)

// The model file is a header of little-endian uint32 fields and then the
// tables, each starting on an 8-byte boundary of the file, as they lie in
// memory on a little-endian machine (wasm, amd64, arm64). Loading takes
// slices over those bytes: nothing is decoded, copied or allocated but the
// Model itself. Where the embedded bytes are not aligned for their type, or
// the machine is big-endian, the tables are copied out instead (correct,
// just not free).

// littleEndian reports whether the machine stores integers as the file does.
var littleEndian = func() bool {
	x := uint16(1)
	return *(*byte)(unsafe.Pointer(&x)) == 1
}()

// section reads consecutive tables out of the model bytes.
type section struct {
	b   []byte
	p   int
	err bool
}

// take returns the next n bytes, after padding to 8 bytes.
func (s *section) take(n int) []byte {
	s.p = (s.p + 7) &^ 7
	if s.err || n < 0 || s.p > len(s.b) || n > len(s.b)-s.p {
		s.err = true
		return nil
	}
	out := s.b[s.p : s.p+n : s.p+n]
	s.p += n
	return out
}

func (s *section) u32(n int) []uint32 {
	b := s.take(4 * n)
	if s.err || n == 0 {
		return nil
	}
	if littleEndian && uintptr(unsafe.Pointer(&b[0]))%4 == 0 {
		return unsafe.Slice((*uint32)(unsafe.Pointer(&b[0])), n)
	}
	out := make([]uint32, n)
	for i := range out {
		out[i] = binary.LittleEndian.Uint32(b[4*i:])
	}
	return out
}

func (s *section) u16(n int) []uint16 {
	b := s.take(2 * n)
	if s.err || n == 0 {
		return nil
	}
	if littleEndian && uintptr(unsafe.Pointer(&b[0]))%2 == 0 {
		return unsafe.Slice((*uint16)(unsafe.Pointer(&b[0])), n)
	}
	out := make([]uint16, n)
	for i := range out {
		out[i] = binary.LittleEndian.Uint16(b[2*i:])
	}
	return out
}

// writer appends tables in the layout section reads.
type writer struct{ b []byte }

func (w *writer) pad() {
	for len(w.b)%8 != 0 {
		w.b = append(w.b, 0)
	}
}

func (w *writer) u32(v ...uint32) {
	w.pad()
	for _, x := range v {
		w.b = binary.LittleEndian.AppendUint32(w.b, x)
	}
}

func (w *writer) u16(v []uint16) {
	w.pad()
	for _, x := range v {
		w.b = binary.LittleEndian.AppendUint16(w.b, x)
	}
}

func (w *writer) bytes(v []byte) {
	w.pad()
	w.b = append(w.b, v...)
}

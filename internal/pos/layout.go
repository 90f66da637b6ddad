package pos

import (
	"encoding/binary"
	"unsafe"
)

// The model's tables lie in the file as in memory on a little-endian
// machine (wasm, amd64, arm64), so loading takes slices over the embedded
// bytes. Where the bytes are not aligned for their type, or the machine is
// big-endian, they are copied out instead (correct, just not free).

var littleEndian = func() bool {
	x := uint16(1)
	return *(*byte)(unsafe.Pointer(&x)) == 1
}()

// u32s returns the n uint32s at data[p:] and the position after them.
func u32s(data []byte, p, n int) ([]uint32, int, bool) {
	if p < 0 || n < 0 || p > len(data) || n > (len(data)-p)/4 {
		return nil, p, false
	}
	b := data[p : p+4*n]
	if n == 0 {
		return nil, p, true
	}
	if littleEndian && uintptr(unsafe.Pointer(&b[0]))%4 == 0 {
		return unsafe.Slice((*uint32)(unsafe.Pointer(&b[0])), n), p + 4*n, true
	}
	out := make([]uint32, n)
	for i := range out {
		out[i] = binary.LittleEndian.Uint32(b[4*i:])
	}
	return out, p + 4*n, true
}

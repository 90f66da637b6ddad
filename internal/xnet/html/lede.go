package html

import (
	"errors"
	"sort"
)

// panicError is what upstream's fmt.Errorf("%s", panicErr) gave for the
// values a parser panic carries (an error or a string), without fmt: lede's
// copy of the parser leaves fmt out of the wasm engine (see ../README.md).
func panicError(v any) error {
	switch v := v.(type) {
	case error:
		return errors.New(v.Error())
	case string:
		return errors.New(v)
	}
	return errors.New("html: parser panic")
}

// sortAttr is upstream's slices.SortFunc(attr, attrCompare) without a
// generic sort of its own for Attribute (some 20 KB of the wasm engine's
// code): an element's few attributes by insertion (no allocation), more
// than 16 by sort.Slice, which the engine links anyway. attrCompare orders
// by every field, so any sort gives the same order.
func sortAttr(attr []Attribute) {
	if len(attr) > 16 {
		sort.Slice(attr, func(i, j int) bool { return attrCompare(attr[i], attr[j]) < 0 })
		return
	}
	for i := 1; i < len(attr); i++ {
		for j := i; j > 0 && attrCompare(attr[j], attr[j-1]) < 0; j-- {
			attr[j], attr[j-1] = attr[j-1], attr[j]
		}
	}
}

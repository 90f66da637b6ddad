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

// sortAttr is upstream's slices.SortFunc(attr, attrCompare) with the sort
// the wasm engine already links (sort.Slice), not a generic sort of its own
// for Attribute (some 20 KB of code). attrCompare orders by every field, so
// any sort gives the same order.
func sortAttr(attr []Attribute) {
	sort.Slice(attr, func(i, j int) bool { return attrCompare(attr[i], attr[j]) < 0 })
}

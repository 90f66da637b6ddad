package html

import "errors"

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

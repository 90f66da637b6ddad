package main

import (
	"errors"
	"strconv"
	"strings"
)

// The glue hands a request to Go and a response back to JS as few values as
// it can: every js.Value Go keeps (a string, an array, an object) costs a
// reference and a finalizer, and on a small request those cost more than
// the handler (docs/worker.md, "What a request costs beyond its analysis").
//
// A request is one string, its head, and the body (a Uint8Array or null):
//
//	method "\n" url "\n" name "\n" value "\n" name "\n" value ...
//
// A response is one Uint8Array:
//
//	status "\n" name "\n" value "\n" ... "\n\n" body
//
// "\n" cannot occur in a method, a URL the Fetch API has parsed, a header
// name or a header value (the Headers class refuses CR and LF), so it
// separates them without escaping, and the first "\n\n" ends the head.

// errBadCall is what serve answers a call that is not (head, body).
var errBadCall = errors.New("ledeWorker.serve(head, body): head must be a string")

// parseHead reads a request head as worker.mjs writes it.
func parseHead(head string) (method, url string, header []string, err error) {
	f := strings.Split(head, "\n")
	if len(f) < 2 || len(f)%2 != 0 {
		return "", "", nil, errors.New("ledeWorker.serve: malformed request head")
	}
	return f[0], f[1], f[2:], nil
}

// appendResponse appends a response, as worker.mjs reads it, to b. A CR or
// LF in a header name or value becomes a space, as net/http's server writes
// it, so that no header can end the head early.
func appendResponse(b []byte, status int, header []string, body []byte) []byte {
	b = strconv.AppendInt(b, int64(status), 10)
	for _, s := range header {
		b = append(b, '\n')
		at := len(b)
		b = append(b, s...)
		for i := at; i < len(b); i++ {
			if b[i] == '\n' || b[i] == '\r' {
				b[i] = ' '
			}
		}
	}
	b = append(b, '\n', '\n')
	return append(b, body...)
}

// responseSize is how many bytes appendResponse adds.
func responseSize(status int, header []string, body []byte) int {
	n := len(strconv.Itoa(status)) + 2 + len(body)
	for _, s := range header {
		n += 1 + len(s)
	}
	return n
}

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
//	status "\n" name "\n" value "\n" ... name "\n" value "\n" "\n" body
//
// "\n" cannot occur in a method, a URL the Fetch API has parsed, a header
// name or a header value (the Headers class refuses CR and LF), so it
// separates them without escaping. A value may be empty, so the head ends
// at the first empty line where a name would stand (worker.mjs reads it
// pair by pair), not at the first "\n\n": a name is never empty.

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
// it, so that no header can end the head early; a pair with an empty name
// (which no HTTP header has, and which would end the head) is left out.
func appendResponse(b []byte, status int, header []string, body []byte) []byte {
	b = strconv.AppendInt(b, int64(status), 10)
	for i := 0; i+1 < len(header); i += 2 {
		if header[i] == "" {
			continue
		}
		for _, s := range header[i : i+2] {
			b = append(b, '\n')
			at := len(b)
			b = append(b, s...)
			for j := at; j < len(b); j++ {
				if b[j] == '\n' || b[j] == '\r' {
					b[j] = ' '
				}
			}
		}
	}
	b = append(b, '\n', '\n')
	return append(b, body...)
}

// responseSize is how many bytes appendResponse adds.
func responseSize(status int, header []string, body []byte) int {
	n := len(strconv.Itoa(status)) + 2 + len(body)
	for i := 0; i+1 < len(header); i += 2 {
		if header[i] != "" {
			n += 2 + len(header[i]) + len(header[i+1])
		}
	}
	return n
}

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

// errMalformedHead is what serve answers a head that is not a method, a URL
// and name, value pairs.
var errMalformedHead = errors.New("ledeWorker.serve: malformed request head")

// answer serves one request in the wire format: head as worker.mjs writes
// it, the body, and the response as appendResponse lays it out, with the
// collector paced for the body's size. A head that does not parse gets a
// JSON 500. It is plain Go, so that all of serve but the js.Value copies is
// tested natively.
func (in *instance) answer(h handler, pace *pacer, head string, body []byte) []byte {
	method, url, header, err := parseHead(head)
	if err != nil {
		return errorResponse(err)
	}
	pace.before(len(body))
	status, outHeader, out := in.exchange(h, method, url, header, body)
	pace.after(len(body))
	return appendResponse(make([]byte, 0, responseSize(status, outHeader, out)), status, outHeader, out)
}

// errorResponse is the JSON 500 for a call the glue could not read; err's
// text is one of this file's constants, which need no JSON escaping.
func errorResponse(err error) []byte {
	return appendResponse(nil, 500, []string{"Content-Type", "application/json"}, []byte(`{"error":"`+err.Error()+`"}`+"\n"))
}

// parseHead reads a request head as worker.mjs writes it.
func parseHead(head string) (method, url string, header []string, err error) {
	f := strings.Split(head, "\n")
	if len(f) < 2 || len(f)%2 != 0 {
		return "", "", nil, errMalformedHead
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

package engine

import (
	"strings"

	"github.com/lede-news/lede/internal/jsonlite"
	"github.com/lede-news/lede/internal/report"
)

// optionsForm is the shape every options error names.
const optionsForm = `options are not valid JSON of the form {"input": "auto|text|html", "offsets": "utf16|utf8|codepoint"}: `

// ParseOptions reads options from JSON ({"input": "html", "offsets": "utf8"});
// empty text and null mean the defaults. Field names match without regard to
// case and a null field is left at its default, as encoding/json's decoding
// into Options did; any other field is an error.
func ParseOptions(optionsJSON string) (Options, error) {
	var o Options
	if optionsJSON == "" {
		return o, nil
	}
	v, err := jsonlite.Unmarshal([]byte(optionsJSON))
	if err != nil {
		return o, &InputError{optionsForm + err.Error()}
	}
	if v == nil {
		return o, nil
	}
	m, ok := v.(map[string]any)
	if !ok {
		return o, &InputError{optionsForm + "not an object"}
	}
	for k, x := range m {
		var dst *string
		switch {
		case strings.EqualFold(k, "input"):
			dst = &o.Input
		case strings.EqualFold(k, "offsets"):
			dst = &o.Offsets
		default:
			return o, &InputError{optionsForm + `unknown field "` + k + `"`}
		}
		switch s := x.(type) {
		case nil:
		case string:
			*dst = s
		default:
			return o, &InputError{optionsForm + `"` + k + `" must be a string`}
		}
	}
	return o, nil
}

// Marshal writes a report as compact JSON without HTML escaping, so that
// every front end (CLI, wasm, HTTP) gives byte-identical output; it is
// report.Report.JSON, which matches encoding/json byte for byte.
func Marshal(r *report.Report) ([]byte, error) { return r.JSON() }

// ErrorJSON is {"error": msg} as JSON.
func ErrorJSON(msg string) []byte {
	b := append([]byte(`{"error":`), jsonlite.AppendString(nil, msg)...)
	return append(b, '}')
}

// AnalyzeJSON is Analyze for callers that speak JSON strings: the wasm entry
// and tests. Errors come back as {"error": "..."}.
func AnalyzeJSON(input, optionsJSON string) []byte {
	o, err := ParseOptions(optionsJSON)
	if err != nil {
		return ErrorJSON(err.Error())
	}
	r, err := Analyze(input, o)
	if err != nil {
		return ErrorJSON(err.Error())
	}
	out, err := Marshal(r)
	if err != nil {
		return ErrorJSON(err.Error())
	}
	return out
}

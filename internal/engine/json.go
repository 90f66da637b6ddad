package engine

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/lede-news/lede/internal/report"
)

// ParseOptions reads options from JSON ({"input": "html", "offsets": "utf8"});
// empty text means the defaults.
func ParseOptions(optionsJSON string) (Options, error) {
	var o Options
	if optionsJSON == "" {
		return o, nil
	}
	dec := json.NewDecoder(bytes.NewReader([]byte(optionsJSON)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&o); err != nil {
		return o, &InputError{fmt.Sprintf("options are not valid JSON of the form {\"input\": \"auto|text|html\", \"offsets\": \"utf16|utf8|codepoint\"}: %v", err)}
	}
	return o, nil
}

// Marshal writes a report as compact JSON without HTML escaping, so that
// every front end (CLI, wasm, HTTP) gives byte-identical output.
func Marshal(r *report.Report) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(r); err != nil {
		return nil, err
	}
	return bytes.TrimRight(b.Bytes(), "\n"), nil
}

// ErrorJSON is {"error": msg} as JSON.
func ErrorJSON(msg string) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.Encode(map[string]string{"error": msg})
	return bytes.TrimRight(b.Bytes(), "\n")
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

package core

import (
	"bytes"
	"encoding/json"
	"os"
	"reflect"
	"testing"

	"github.com/lede-news/lede/internal/engine"
)

// stdDecode is decode as it was written with encoding/json (before the
// thirteenth round), the reference for TestDecodeMatchesEncodingJSON.
func stdDecode(b []byte, base engine.Options) (input string, opt engine.Options, id any, ok bool) {
	var req struct {
		ID      any             `json:"id,omitempty"`
		Text    *string         `json:"text"`
		HTML    *string         `json:"html"`
		Options json.RawMessage `json:"options"`
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if dec.Decode(&req) != nil || dec.More() {
		return "", base, nil, false
	}
	opt = base
	if len(req.Options) > 0 && string(req.Options) != "null" {
		o, err := engine.ParseOptions(string(req.Options))
		if err != nil {
			return "", opt, nil, false
		}
		if o.Input != "" {
			opt.Input = o.Input
		}
		if o.Offsets != "" {
			opt.Offsets = o.Offsets
		}
	}
	switch {
	case req.Text != nil && req.HTML != nil:
		return "", opt, nil, false
	case req.Text != nil:
		input = *req.Text
		if opt.Input == "" {
			opt.Input = "text"
		}
	case req.HTML != nil:
		input = *req.HTML
		if opt.Input == "" {
			opt.Input = "html"
		}
	default:
		return "", opt, nil, false
	}
	return input, opt, req.ID, true
}

// TestDecodeMatchesEncodingJSON: the request decoder on jsonlite reads
// every body as the encoding/json one did (input, options, id), and refuses
// the same ones, with a message that says what to send.
func TestDecodeMatchesEncodingJSON(t *testing.T) {
	bodies := []string{
		`{"text":"Ada spoke."}`, `{"html":"<p>Ada</p>"}`, `{"id":3,"text":"a"}`, `{"id":"x\u00e9","text":"a"}`,
		`{"id":[1,{"a":null}],"text":"a"}`, `{"id":1e3,"text":"a"}`, `{"id":-0.5,"text":"a"}`, `{"id":null,"text":"a"}`,
		`{"ID":1,"Text":"a"}`, `{"TEXT":"a","options":{"offsets":"utf8"}}`, `{"text":"a","options":{"input":"html"}}`,
		`{"html":"a","options":{"input":"text","offsets":"codepoint"}}`, `{"text":"a","options":null}`, `{"text":"a","options":{}}`,
		`{"text":null,"html":"b"}`, `{"text":"a","html":null}`, `{"text":"a","html":"b"}`, `{}`, `null`, `[]`, `"text"`, `5`,
		`{"txt":"a"}`, `{"text":5}`, `{"text":"a","options":5}`, `{"text":"a","options":{"lang":"en"}}`,
		`{"text":"a","options":{"offsets":"bytes"}}`, `{"text":"a"} {"text":"b"}`, `{"text":"a"} x`, `{"text":"abc`, ``, `  `,
		` {"text" : "a\nb\u2028\ud800"} `, "{\"text\":\"\xff\"}", `{"text":"a","text":"b"}`,
	}
	base := engine.Options{Offsets: "utf8"}
	for _, b := range bodies {
		input, opt, id, err := decode([]byte(b), base)
		winput, wopt, wid, wok := stdDecode([]byte(b), base)
		if (err == nil) != wok {
			t.Errorf("%s: error %v, encoding/json ok %v", b, err, wok)
			continue
		}
		if err != nil {
			if len(err.Error()) < 20 {
				t.Errorf("%s: error %q says too little", b, err)
			}
			continue
		}
		if input != winput || opt != wopt || !reflect.DeepEqual(id, wid) {
			t.Errorf("%s: %q %+v %#v, encoding/json %q %+v %#v", b, input, opt, id, winput, wopt, wid)
		}
	}
}

// TestDecodeDifferences: where the two decoders part, on purpose.
func TestDecodeDifferences(t *testing.T) {
	tests := []struct{ body, errorHas string }{
		// encoding/json took the last; jsonlite keeps no order, so both is an error
		{`{"text":"a","TEXT":"b"}`, `"text" twice`},
		// json.Decoder.More is false before "}", so encoding/json read the first value
		{`{"text":"a"} }`, "more than one"},
	}
	for _, tc := range tests {
		_, _, _, err := decode([]byte(tc.body), engine.Options{})
		if err == nil || !bytes.Contains([]byte(err.Error()), []byte(tc.errorHas)) {
			t.Errorf("%s: error %v, want one that says %q", tc.body, err, tc.errorHas)
		}
	}
}

// TestAnalyzeLineError: an NDJSON error line is JSON with the id and the
// line number.
func TestAnalyzeLineError(t *testing.T) {
	tests := []struct {
		line string
		id   any
	}{
		{`{"id":"two","txt":"a"}`, nil}, // the id of a body that does not decode is not read
		{`{"id":[1,"<b>"]}`, []any{1.0, "<b>"}},
		{`{"id":7,"text":"   "}`, 7.0},
		{`not json`, nil},
	}
	for _, tc := range tests {
		var got struct {
			ID    any    `json:"id"`
			Error string `json:"error"`
		}
		b := analyzeLine([]byte(tc.line), 3, engine.Options{})
		if err := json.Unmarshal(b, &got); err != nil {
			t.Fatalf("%s: %s is not JSON: %v", tc.line, b, err)
		}
		if !reflect.DeepEqual(got.ID, tc.id) || !bytes.HasPrefix([]byte(got.Error), []byte("line 3: ")) {
			t.Errorf("%s: %s", tc.line, b)
		}
	}
}

// BenchmarkDecode: a JSON request holding the API's fixture article, read
// by decode (jsonlite) and by the encoding/json decoder it replaced.
func BenchmarkDecode(b *testing.B) {
	article, err := os.ReadFile("../testdata/article.txt")
	if err != nil {
		b.Fatal(err)
	}
	body, _ := json.Marshal(map[string]any{"id": 7, "text": string(article), "options": map[string]string{"offsets": "utf8"}})
	b.Run("jsonlite", func(b *testing.B) {
		b.SetBytes(int64(len(body)))
		for range b.N {
			if _, _, _, err := decode(body, engine.Options{}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("encoding_json", func(b *testing.B) {
		b.SetBytes(int64(len(body)))
		for range b.N {
			if _, _, _, ok := stdDecode(body, engine.Options{}); !ok {
				b.Fatal("refused")
			}
		}
	})
}

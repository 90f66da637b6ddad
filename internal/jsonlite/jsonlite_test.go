package jsonlite

import (
	"bytes"
	"encoding/json"
	"math"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
)

// stdEncode is what every lede front end used to write: encoding/json with
// HTML escaping off and no trailing newline.
func stdEncode(t testing.TB, v any) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		t.Fatalf("encoding/json: %v", err)
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n"))
}

// nasty are strings with every case the escaper distinguishes.
var nasty = []string{
	"", "plain", `quote " and \ backslash`, "<html> & 'single'", "tab\tnew\nline\rcr",
	"\b\f\x00\x01\x1f\x7f", "line\u2028para\u2029end", "bad \xff utf8 \xc3", "\xe2\x80", "\xed\xa0\x80 surrogate bytes",
	"émoji 😀 ünïcode 中文", "\uFFFD replacement", "trailing \\", "/slash/",
}

func randString(r *rand.Rand) string {
	pieces := []string{"a", "Z", " ", "\"", "\\", "/", "\n", "\t", "\x00", "\x1f", "\x7f", "<", ">", "&",
		"\u2028", "\u2029", "é", "😀", "\xff", "\xc3", "\xe2\x80", "\ufeff", "\u00a0"}
	var sb strings.Builder
	for n := r.IntN(12); n > 0; n-- {
		sb.WriteString(pieces[r.IntN(len(pieces))])
	}
	return sb.String()
}

func TestAppendStringMatchesEncodingJSON(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	cases := append([]string{}, nasty...)
	for i := 0; i < 5000; i++ {
		cases = append(cases, randString(r))
	}
	for c := 0; c < 256; c++ {
		cases = append(cases, string([]byte{byte(c)}), "x"+string(rune(c))+"y")
		// each byte at each place of the eight-byte words plain8 reads
		for at := 0; at < 16; at++ {
			w := []byte("abcdefghijklmnopqr")
			w[at] = byte(c)
			cases = append(cases, string(w))
		}
	}
	for _, s := range cases {
		if got, want := AppendString(nil, s), stdEncode(t, s); !bytes.Equal(got, want) {
			t.Fatalf("AppendString(%q) = %s, encoding/json %s", s, got, want)
		}
	}
}

// TestAppendStringWords holds AppendString's eight-byte test to
// encoding/json for every byte at every place of a word among fillers at
// the edges of the range it passes (' ', '!', '#', '[', ']', '~', DEL),
// and on random words of mostly printable ASCII.
func TestAppendStringWords(t *testing.T) {
	var words []string
	for _, fill := range []byte(" !#[]~\x7fa") {
		for c := 0; c < 256; c++ {
			for at := 0; at < 9; at++ {
				w := bytes.Repeat([]byte{fill}, 17)
				w[at] = byte(c)
				words = append(words, string(w))
			}
		}
	}
	r := rand.New(rand.NewPCG(3, 4))
	for i := 0; i < 20000; i++ {
		w := make([]byte, 8+r.IntN(17))
		for j := range w {
			w[j] = byte(r.IntN(256))
			if r.IntN(8) > 0 {
				w[j] = byte(0x20 + r.IntN(0x60))
			}
		}
		words = append(words, string(w))
	}
	for _, w := range words {
		if got, want := AppendString(nil, w), stdEncode(t, w); !bytes.Equal(got, want) {
			t.Fatalf("AppendString(%q) = %s, encoding/json %s", w, got, want)
		}
	}
}

func TestAppendFloatMatchesEncodingJSON(t *testing.T) {
	cases := []float64{0, math.Copysign(0, -1), 1, -1, 0.1, 0.2, 1.0 / 3, 1e-7, 1e-6, 9.99999e-7, 1e20, 1e21, 1e22,
		123456789.123, 0.0001, 0.12345, -0.5, 2.5e-9, 1e300, 5e-324, math.MaxFloat64, 238, 12.3}
	r := rand.New(rand.NewPCG(3, 4))
	for i := 0; i < 5000; i++ {
		cases = append(cases, math.Round(r.Float64()*1e4)/1e4, r.NormFloat64()*math.Pow(10, float64(r.IntN(60)-30)),
			math.Float64frombits(r.Uint64()))
	}
	for _, f := range cases {
		if math.IsNaN(f) || math.IsInf(f, 0) {
			continue
		}
		got, err := AppendFloat(nil, f)
		if want := stdEncode(t, f); err != nil || !bytes.Equal(got, want) {
			t.Fatalf("AppendFloat(%v) = %s, %v; encoding/json %s", f, got, err, want)
		}
	}
	for _, f := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		if _, err := AppendFloat(nil, f); err == nil {
			t.Errorf("AppendFloat(%v) gave no error", f)
		}
	}
}

// randValue builds a value of the kinds Unmarshal produces.
func randValue(r *rand.Rand, depth int) any {
	k := r.IntN(7)
	if depth > 3 {
		k = r.IntN(4)
	}
	switch k {
	case 0:
		return nil
	case 1:
		return r.IntN(2) == 0
	case 2:
		return math.Round(r.NormFloat64()*1e6) / 1e3
	case 3:
		return randString(r)
	case 4:
		a := []any{}
		for n := r.IntN(4); n > 0; n-- {
			a = append(a, randValue(r, depth+1))
		}
		return a
	default:
		m := map[string]any{}
		for n := r.IntN(4); n > 0; n-- {
			m[randString(r)] = randValue(r, depth+1)
		}
		return m
	}
}

func TestAppendValueAndUnmarshalRoundTrip(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for i := 0; i < 3000; i++ {
		v := randValue(r, 0)
		got, err := AppendValue(nil, v)
		want := stdEncode(t, v)
		if err != nil || !bytes.Equal(got, want) {
			t.Fatalf("AppendValue(%#v) = %s, %v; encoding/json %s", v, got, err, want)
		}
		back, err := Unmarshal(got)
		var std any
		json.Unmarshal(got, &std)
		if err != nil || !reflect.DeepEqual(back, std) {
			t.Fatalf("Unmarshal(%s) = %#v, %v; encoding/json %#v", got, back, err, std)
		}
	}
}

func TestUnmarshalMatchesEncodingJSON(t *testing.T) {
	cases := []string{
		``, ` `, `null`, `true`, `false`, `nul`, `truex`, `0`, `-0`, `01`, `-`, `1.`, `.5`, `1e`, `1e+`, `1E-2`, `-12.5e3`,
		`1e400`, `"a"`, `"\u00e9\uD83D\uDE00"`, `"\ud800"`, `"\ud800x"`, `"\ud800\u0041"`, `"\uDE00\uD83D"`, `"\u12"`,
		`"\x"`, `"a` + "\x01" + `"`, `"tab	in"`, "\"bad \xff\xfe utf8\"", `"\/\b\f\n\r\t\"\\"`, `[]`, `[1,]`, `[,1]`,
		`[1 2]`, `{}`, `{"a":1,}`, `{"a" 1}`, `{a:1}`, `{"a":1,"a":2}`, ` {"@type":"NewsArticle","author":[{"name":"A"}]} `,
		`[1] [2]`, `{"a":[{"b":null}]}x`, `[` + strings.Repeat(`[`, 50) + strings.Repeat(`]`, 51), `"unterminated`,
		strings.Repeat("[", 10001) + strings.Repeat("]", 10001), "\ufeff{}", `[1,2,3,"x",{"y":false}]`,
	}
	for _, c := range cases {
		checkUnmarshal(t, []byte(c))
	}
}

func checkUnmarshal(t *testing.T, data []byte) {
	t.Helper()
	got, err := Unmarshal(data)
	var want any
	stdErr := json.Unmarshal(data, &want)
	if (err == nil) != (stdErr == nil) {
		t.Fatalf("Unmarshal(%q): error %v, encoding/json's %v", data, err, stdErr)
	}
	if err == nil && !reflect.DeepEqual(got, want) {
		t.Fatalf("Unmarshal(%q) = %#v, encoding/json %#v", data, got, want)
	}
}

func FuzzUnmarshal(f *testing.F) {
	for _, s := range []string{`{"a":[1,"x\u00e9",null,true]}`, `"\ud83d\ude00"`, `-1.5e-3`, `[{}]`} {
		f.Add([]byte(s))
	}
	f.Fuzz(checkUnmarshal)
}

func FuzzAppendString(f *testing.F) {
	for _, s := range nasty {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := AppendString(nil, s), stdEncode(t, s); !bytes.Equal(got, want) {
			t.Fatalf("AppendString(%q) = %s, encoding/json %s", s, got, want)
		}
	})
}

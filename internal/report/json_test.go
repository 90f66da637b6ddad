package report

import (
	"bytes"
	"encoding/json"
	"math"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
)

// stdJSON is the reference: encoding/json as lede used it before
// Report.JSON (compact, no HTML escaping, no trailing newline).
func stdJSON(t testing.TB, r *Report) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(r); err != nil {
		t.Fatalf("encoding/json: %v", err)
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n"))
}

var strPieces = []string{"a", "Seoul", " ", "\"", "\\", "/", "\n", "\t", "\r", "\b", "\f", "\x00", "\x1f", "\x7f",
	"<", ">", "&", "\u2028", "\u2029", "é", "😀", "中", "\xff", "\xc3", "\xed\xa0\x80", "\ufeff", "\u00a0"}

var floats = []float64{0, 1, -1, 0.1, 0.5, 1e-7, 2.5e-9, 0.0001, 0.3333, 123456789.123, 1e21, 350e9, 4.2, -0.25, 238}

// filler sets every field of a value by reflection, so that a field the
// hand-written writer forgets shows up as a difference. With full set,
// nothing is left nil, empty or zero (omitempty fields included).
type filler struct {
	r    *rand.Rand
	full bool
}

func (f *filler) str() string {
	var sb strings.Builder
	n := f.r.IntN(6)
	if f.full {
		n++
	}
	for ; n > 0; n-- {
		sb.WriteString(strPieces[f.r.IntN(len(strPieces))])
	}
	return sb.String()
}

func (f *filler) any(depth int) any {
	k := f.r.IntN(6)
	if f.full && k == 0 {
		k = 3
	}
	switch {
	case k == 0:
		return nil
	case k == 1:
		return f.r.IntN(2) == 0
	case k == 2:
		return floats[f.r.IntN(len(floats))]
	case k == 3 || depth > 2:
		return f.str()
	case k == 4:
		return []any{f.any(depth + 1), f.any(depth + 1)}
	default:
		return map[string]any{f.str(): f.any(depth + 1), "id": f.any(depth + 1)}
	}
}

func (f *filler) fill(v reflect.Value) {
	switch v.Kind() {
	case reflect.String:
		v.SetString(f.str())
	case reflect.Bool:
		v.SetBool(f.full || f.r.IntN(2) == 0)
	case reflect.Int, reflect.Int64, reflect.Int32:
		n := f.r.Int64N(1 << 30)
		if !f.full && f.r.IntN(3) == 0 {
			n = 0
		}
		v.SetInt(n)
	case reflect.Float64, reflect.Float32:
		v.SetFloat(floats[f.r.IntN(len(floats))])
	case reflect.Pointer:
		if !f.full && f.r.IntN(3) == 0 {
			return
		}
		v.Set(reflect.New(v.Type().Elem()))
		f.fill(v.Elem())
	case reflect.Slice:
		if !f.full && f.r.IntN(4) == 0 {
			return // nil: null
		}
		n := f.r.IntN(3)
		if f.full {
			n++
		}
		v.Set(reflect.MakeSlice(v.Type(), n, n))
		for i := 0; i < n; i++ {
			f.fill(v.Index(i))
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			f.fill(v.Field(i))
		}
	case reflect.Interface:
		if x := f.any(0); x != nil {
			v.Set(reflect.ValueOf(x))
		}
	default:
		panic("report JSON test: no filler for " + v.Kind().String() + ": teach filler.fill and Report.JSON the new field")
	}
}

func TestJSONMatchesEncodingJSON(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	for i := 0; i < 2000; i++ {
		f := &filler{r: r, full: i%2 == 0}
		rep := &Report{}
		f.fill(reflect.ValueOf(rep).Elem())
		got, err := rep.JSON()
		if want := stdJSON(t, rep); err != nil || !bytes.Equal(got, want) {
			t.Fatalf("report %d (full=%v):\n Report.JSON   %s (%v)\n encoding/json %s", i, f.full, got, err, want)
		}
	}
}

// A fully filled report mentions every JSON field name of every report type:
// the check above can only miss a field if the filler leaves it out.
func TestFillerReachesEveryField(t *testing.T) {
	rep := &Report{}
	(&filler{r: rand.New(rand.NewPCG(1, 1)), full: true}).fill(reflect.ValueOf(rep).Elem())
	out := string(stdJSON(t, rep))
	seen := map[reflect.Type]bool{}
	var walk func(reflect.Type)
	walk = func(ty reflect.Type) {
		for ty.Kind() == reflect.Pointer || ty.Kind() == reflect.Slice {
			ty = ty.Elem()
		}
		if ty.Kind() != reflect.Struct || seen[ty] {
			return
		}
		seen[ty] = true
		for i := 0; i < ty.NumField(); i++ {
			name, _, _ := strings.Cut(ty.Field(i).Tag.Get("json"), ",")
			if !strings.Contains(out, `"`+name+`":`) {
				t.Errorf("%s.%s (%q) is not in a fully filled report", ty.Name(), ty.Field(i).Name, name)
			}
			walk(ty.Field(i).Type)
		}
	}
	walk(reflect.TypeOf(Report{}))
}

func TestJSONRefusesNaN(t *testing.T) {
	for _, f := range []float64{math.NaN(), math.Inf(1)} {
		rep := &Report{Keyphrases: []Keyphrase{{Text: "x", Score: f}}}
		if _, err := rep.JSON(); err == nil {
			t.Errorf("a score of %v gave no error", f)
		}
	}
}

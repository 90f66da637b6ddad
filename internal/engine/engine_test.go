package engine

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

func TestBadInput(t *testing.T) {
	cases := []struct {
		name, input string
		opt         Options
		want        string // part of the error message
	}{
		{"empty", "", Options{}, "empty"},
		{"blank", " \n\t ", Options{}, "empty"},
		{"binary", "\x00\x01\x02PNG\x00\x00data", Options{}, "binary"},
		{"control characters", strings.Repeat("\x01\x02\x03a", 100), Options{}, "binary"},
		{"too large", strings.Repeat("word ", MaxInputBytes/5+1), Options{}, "MB"},
		{"bad input kind", "text", Options{Input: "pdf"}, "input kind"},
		{"bad offsets", "text", Options{Offsets: "bytes"}, "offset unit"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Analyze(c.input, c.opt)
			var ie *InputError
			if !errors.As(err, &ie) {
				t.Fatalf("Analyze: got %v, want an InputError", err)
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %q does not mention %q", err, c.want)
			}
		})
	}
}

func TestInvalidUTF8IsRepaired(t *testing.T) {
	r, err := Analyze("Caf\xe9 owners in Paris said sales rose.\n", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(r.Text, "Caf\uFFFD") {
		t.Errorf("text %q: invalid byte not replaced by U+FFFD", r.Text)
	}
}

func TestAnalyzeJSON(t *testing.T) {
	cases := []struct {
		input, options string
		wantError      bool
	}{
		{"Officials met in Berlin on Monday.", "", false},
		{"Officials met in Berlin on Monday.", `{"offsets":"codepoint"}`, false},
		{"Officials met.", `{"colour":"red"}`, true},
		{"Officials met.", `not json`, true},
		{"", "", true},
	}
	for _, c := range cases {
		var got map[string]any
		if err := json.Unmarshal(AnalyzeJSON(c.input, c.options), &got); err != nil {
			t.Fatalf("AnalyzeJSON(%q, %q) is not JSON: %v", c.input, c.options, err)
		}
		if _, isErr := got["error"]; isErr != c.wantError {
			t.Errorf("AnalyzeJSON(%q, %q) = %v, want error=%v", c.input, c.options, got, c.wantError)
		}
	}
}

// Every offset must land inside the text, in order, for every unit.
func TestOffsetsIndexText(t *testing.T) {
	input := "Señor Ünal met 🙂 officials in Zürich.\n\nThey agreed on a “deal” worth €2bn."
	for _, unit := range []string{"utf8", "utf16", "codepoint"} {
		r, err := Analyze(input, Options{Offsets: unit})
		if err != nil {
			t.Fatal(err)
		}
		limit := map[string]int{"utf8": len(input), "utf16": 0, "codepoint": 0}[unit]
		for _, c := range input {
			switch unit {
			case "codepoint":
				limit++
			case "utf16":
				limit++
				if c >= 0x10000 {
					limit++
				}
			}
		}
		for _, p := range r.Article.Paragraphs {
			if p.Start < 0 || p.End > limit || p.Start >= p.End {
				t.Errorf("%s: paragraph %v outside [0,%d]", unit, p, limit)
			}
		}
		if r.Offsets != unit {
			t.Errorf("report says offsets %q, want %q", r.Offsets, unit)
		}
	}
}

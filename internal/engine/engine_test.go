package engine

import (
	"bytes"
	"encoding/json"
	"errors"
	"math/rand/v2"
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

// looksBinaryRef is looksBinary as it was, a byte at a time.
func looksBinaryRef(s string) bool {
	head := s
	if len(head) > 8192 {
		head = head[:8192]
	}
	if strings.IndexByte(head, 0) >= 0 {
		return true
	}
	ctrl := 0
	for i := 0; i < len(head); i++ {
		if c := head[i]; c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' {
			ctrl++
		}
	}
	return ctrl*20 > len(head)
}

// TestLooksBinaryWords holds looksBinary's eight-byte words to the byte
// loop it replaced: every byte at every place of a word among fillers at
// the edges of what the word test passes, random texts of control
// characters near the 5% line, and the 8 KB limit.
func TestLooksBinaryWords(t *testing.T) {
	var cases []string
	for _, fill := range []byte(" !\x1f\n~\x80\xffa") {
		for c := 0; c < 256; c++ {
			for at := 0; at < 9; at++ {
				w := bytes.Repeat([]byte{fill}, 17)
				w[at] = byte(c)
				cases = append(cases, string(w))
			}
		}
	}
	r := rand.New(rand.NewPCG(5, 6))
	for i := 0; i < 3000; i++ {
		b := make([]byte, r.IntN(400))
		for j := range b {
			b[j] = byte(0x20 + r.IntN(0x60))
			if r.IntN(20) == 0 {
				b[j] = byte(r.IntN(0x20))
			}
		}
		cases = append(cases, string(b))
	}
	long := strings.Repeat("a", 8190) + "\x01\x01\x01"
	cases = append(cases, long, strings.Repeat("\x01", 500)+strings.Repeat("a", 9000), strings.Repeat("a", 8192)+"\x00")
	for _, s := range cases {
		if got, want := looksBinary(s), looksBinaryRef(s); got != want {
			t.Fatalf("looksBinary(%q) = %v, the byte loop %v", s, got, want)
		}
	}
}

package main

import (
	"bytes"
	"io"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"
)

// repeat reads the letter a, left bytes of it: 50 MB on stdin without
// holding 50 MB in the test.
type repeat struct{ left int }

func (r *repeat) Read(p []byte) (int, error) {
	if r.left <= 0 {
		return 0, io.EOF
	}
	n := min(len(p), r.left)
	for i := range p[:n] {
		p[i] = 'a'
	}
	r.left -= n
	return n, nil
}

// Bad input on the command line: a message on stderr (an error from run),
// never a panic; and a result where there is text to read.
func TestBadInputCLI(t *testing.T) {
	dir := t.TempDir()
	rnd := rand.New(rand.NewSource(12))
	bin := make([]byte, 1<<20)
	rnd.Read(bin)
	binFile := filepath.Join(dir, "junk.bin")
	os.WriteFile(binFile, bin, 0o644)
	u16 := []byte{0xff, 0xfe}
	for _, u := range utf16.Encode([]rune("The mayor of Lisbon, Ana Ferreira, opened the bridge on Monday.")) {
		u16 = append(u16, byte(u), byte(u>>8))
	}
	u16File := filepath.Join(dir, "notepad.txt")
	os.WriteFile(u16File, u16, 0o644)

	cases := []struct {
		name    string
		args    []string
		stdin   io.Reader
		wantErr string
		wantOut string
	}{
		{"50 MB on stdin", []string{"analyze", "-"}, &repeat{left: 50 << 20}, "over 8 MB", ""},
		{"1 MB of binary", []string{"analyze", binFile}, nil, "binary", ""},
		{"UTF-16 with a BOM", []string{"analyze", "--offsets", "utf8", u16File}, nil, "", "Ana Ferreira"},
		{"invalid UTF-8", []string{"analyze", "-"}, strings.NewReader("Caf\xe9 in Z\xfcrich opened.\xff"), "", "\"text\":\"Caf\uFFFD in Z\uFFFDrich"},
		{"whitespace", []string{"analyze", "-"}, strings.NewReader(" \n\t\u00a0 "), "empty", ""},
		{"jsonl with a bad line", []string{"analyze", "--jsonl"}, strings.NewReader("{\"id\":1,\"text\":\"\\u0000\\u0001binary\\u0002\"}\n{\"id\":2,\"text\":" + strings.Repeat("[", 100000) + "\n"), "", `"error"`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := c.stdin
			if in == nil {
				in = strings.NewReader("")
			}
			var out bytes.Buffer
			err := run(c.args, in, &out)
			if c.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), c.wantErr) {
					t.Fatalf("error %v, want one saying %q", err, c.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(out.String(), c.wantOut) {
				t.Errorf("output lacks %q: %.300s", c.wantOut, out.String())
			}
		})
	}
}

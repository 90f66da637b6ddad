package main

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"testing"
)

func TestClean(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Could not open file %s - %s (%d: %s)", "Could not open file -"},
		{"l'option --fix-missing et l'échange", "l'option --fix-missing et l'échange"},
		{"Do you want to continue? [Y/n]\n", "Do you want to continue?"},
		{"E: %s\t<none>  &Quit", "E: Quit"},
	}
	for _, tt := range tests {
		if got := clean(tt.in); got != tt.want {
			t.Errorf("clean(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestReadMO writes a two-message catalogue in the GNU .mo layout and
// reads it back; the context-qualified message is left out.
func TestReadMO(t *testing.T) {
	pairs := [][2]string{{"ctx\x04Open", "Öffnen"}, {"Hello", "Hallo"}}
	n := len(pairs)
	head := 28
	orig, trans := head, head+8*n
	data := head + 16*n
	var strs []byte
	b := make([]byte, data)
	binary.LittleEndian.PutUint32(b[0:], 0x950412de)
	binary.LittleEndian.PutUint32(b[8:], uint32(n))
	binary.LittleEndian.PutUint32(b[12:], uint32(orig))
	binary.LittleEndian.PutUint32(b[16:], uint32(trans))
	for i, p := range pairs {
		for j, s := range p {
			table := orig
			if j == 1 {
				table = trans
			}
			binary.LittleEndian.PutUint32(b[table+8*i:], uint32(len(s)))
			binary.LittleEndian.PutUint32(b[table+8*i+4:], uint32(data+len(strs)))
			strs = append(append(strs, s...), 0)
		}
	}
	path := filepath.Join(t.TempDir(), "x.mo")
	if err := os.WriteFile(path, append(b, strs...), 0o644); err != nil {
		t.Fatal(err)
	}
	m, err := readMO(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(m) != 1 || m["Hello"] != "Hallo" {
		t.Errorf("readMO = %q, want only Hello -> Hallo", m)
	}
	if _, err := readMO(filepath.Join(t.TempDir(), "missing.mo")); err == nil {
		t.Error("no error for a missing catalogue")
	}
}

func TestSnippetsOf(t *testing.T) {
	got := snippetsOf("one two three four five six seven eight nine ten eleven twelve thirteen fourteen")
	if len(got) != 1 || len([]rune(got[0])) < 40 {
		t.Errorf("snippetsOf = %q, want one snippet of 40+ characters", got)
	}
}

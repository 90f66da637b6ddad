package engine

import "testing"

// BenchmarkAnalyze times the whole engine on the sample article
// (go test -bench Analyze ./internal/engine; skipped without ../shared).
func BenchmarkAnalyze(b *testing.B) {
	text := readShared(b, "samples/korea-us-summit.txt")
	b.SetBytes(int64(len(text)))
	for i := 0; i < b.N; i++ {
		if _, err := Analyze(text, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

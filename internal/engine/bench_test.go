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

// BenchmarkMarshal times writing the sample's report: Report.JSON, which
// every front end uses, against encoding/json, which it replaced.
func BenchmarkMarshal(b *testing.B) {
	text := readShared(b, "samples/korea-us-summit.txt")
	r, err := Analyze(text, Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Run("Report.JSON", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			if _, err := Marshal(r); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("encoding-json", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			stdMarshal(b, r)
		}
	})
}

// BenchmarkAnalyzeDUC times the engine on three DUC-2001 texts of the
// speed bar's 307 (the longest, about 15.7 KB; one near the mean, 5.3 KB;
// a short one, 1.5 KB), so that work growing faster than the text shows
// as fewer MB/s on the longest (skipped without ../shared).
func BenchmarkAnalyzeDUC(b *testing.B) {
	for _, name := range []string{"LA010890-0031", "FT933-8272", "AP880816-0234"} {
		text := readShared(b, "data/keyphrases/duc2001/docs/"+name+".txt")
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for i := 0; i < b.N; i++ {
				if _, err := Analyze(text, Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

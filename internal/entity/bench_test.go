package entity

import (
	"strings"
	"testing"
)

// BenchmarkDecode measures loading the embedded model (the first call's cost).
func BenchmarkDecode(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Decode(modelData); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTag measures tagging one news sentence.
func BenchmarkTag(b *testing.B) {
	m, err := Embedded()
	if err != nil {
		b.Fatal(err)
	}
	words := strings.Fields("South Korean President Lee Jae Myung will meet U.S. President Donald Trump for the second time in two months on Wednesday , ahead of the Asia-Pacific Economic Cooperation summit in Gyeongju .")
	tg := m.NewTagger()
	b.ReportAllocs()
	for b.Loop() {
		tg.Tag(words)
	}
}

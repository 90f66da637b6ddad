package entity

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// first returns the index of bucket b's first key.
func (x *keyIndex) first(b uint32) uint32 {
	if x.off8 != nil {
		return x.block[b>>x.blockBits] + uint32(x.off8[b])
	}
	return x.block[b>>x.blockBits] + uint32(x.off[b])
}

// keys returns the keys x indexes, in order.
func (x *keyIndex) keys() []uint32 {
	var out []uint32
	for b := range uint32(1 << keyBits) {
		i, end := x.first(b), x.first(b+1)
		for ; i < end; i++ {
			out = append(out, b<<keyBits|uint32(x.lows[i]))
		}
	}
	return out
}

// TestDenseRows holds the rows kept dense (refDense) to the same rows kept
// as entries: a model built from the same weights both ways adds the same
// row for every key and every history base and previous label, and tags
// the same, as written by Encode and read by Decode too; and a model
// written in the layout before dense rows (LEDENER4) is read as it was.
func TestDenseRows(t *testing.T) {
	gaz := map[uint64]uint8{}
	sents := tinySentences(gaz)
	w := Train(sents, map[string]LexEntry{}, TrainConfig{Epochs: 8, Seed: 1})
	// rows of 1 to numLabels non-zero labels of both signs, and a history
	// base whose rows are as long
	for n := 1; n <= numLabels; n++ {
		row := &[numLabels]float32{}
		for j := range n {
			row[(j*7+n)%numLabels] = float32(j-n/2) + 0.5
		}
		w.Rows[newHash(fW0).str(fmt.Sprint("dense", n)).key()] = row
	}
	base := newHash(fT1W0).str("densebase")
	for p := 0; p <= numLabels; p += 3 {
		row := &[numLabels]float32{}
		for j := range p {
			row[j] = float32(j) - 2.5
		}
		w.Rows[base.num(p).key()] = row
		w.Hist[base.num(p).key()] = HistKey{Base: uint64(base), Prev: uint8(p)}
	}
	dense, sparse := newModel(nil, gaz, w, 0, 1e4, denseMin), newModel(nil, gaz, w, 0, 1e4, numLabels+1)
	if len(dense.dense) == 0 || len(sparse.dense) != 0 {
		t.Fatalf("dense tables of %d and %d bytes", len(dense.dense), len(sparse.dense))
	}
	var b5, b4 bytes.Buffer
	if err := dense.Encode(&b5); err != nil {
		t.Fatal(err)
	}
	if err := sparse.Encode(&b4); err != nil {
		t.Fatal(err)
	}
	// LEDENER4: the magic, six header fields (no dense table's length)
	// and the same tables, which start on the next 8-byte boundary
	old := b4.Bytes()
	old = slices.Concat([]byte(modelMagic4), old[8:8+4*(headerFields-1)], old[8+4*headerFields+4:])
	decoded, err := Decode(b5.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	read4, err := Decode(old)
	if err != nil {
		t.Fatal(err)
	}
	if len(read4.dense) != 0 || len(decoded.dense) != len(dense.dense) {
		t.Fatalf("decoded dense tables of %d and %d bytes", len(read4.dense), len(decoded.dense))
	}
	keys := sparse.index.keys()
	bases := []hash{base}
	for _, h := range w.Hist {
		bases = append(bases, hash(h.Base))
	}
	for name, m := range map[string]*Model{"dense": dense, "decoded": decoded, "LEDENER4": read4} {
		if !slices.Equal(m.index.keys(), keys) {
			t.Fatalf("%s: other keys", name)
		}
		for _, k := range keys {
			var got, want [numLabels]int32
			m.add([]uint32{k}, &got)
			sparse.add([]uint32{k}, &want)
			if got != want {
				t.Fatalf("%s: key %#x adds %v, want %v", name, k, got, want)
			}
		}
		for _, h := range bases {
			for p := range numLabels + 1 {
				var got, want [numLabels]int32
				m.addHist(h, m.histRef(h), p, &got)
				sparse.addHist(h, sparse.histRef(h), p, &want)
				if got != want {
					t.Fatalf("%s: history base %#x after label %d adds %v, want %v", name, h, p, got, want)
				}
			}
		}
		for _, s := range append(sents, TrainSentence{Words: strings.Fields("Densebase Quint met Dense17 at Vexford .")}) {
			got, want := m.NewTagger().Tag(s.Words), sparse.NewTagger().Tag(s.Words)
			if !slices.Equal(got, want) {
				t.Fatalf("%s: Tag(%q) = %v, want %v", name, s.Words, got, want)
			}
		}
	}
}

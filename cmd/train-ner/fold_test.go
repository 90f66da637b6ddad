package main

import "testing"

// TestFoldSplit: the k folds of -cv (and -score-fold, which scores one of
// them) hold out every document exactly once, and a fold trains on the
// others only.
func TestFoldSplit(t *testing.T) {
	for _, tc := range []struct{ docs, k int }{{1, 2}, {7, 2}, {10, 5}, {23, 10}} {
		docs := make([]conllDoc, tc.docs)
		for i := range docs {
			docs[i] = conllDoc{make([]conllSent, i)} // each told apart by its length
		}
		held := make([]int, tc.docs)
		for f := range tc.k {
			test, train := foldSplit(docs, tc.k, f)
			if len(test)+len(train) != tc.docs {
				t.Fatalf("%d docs, fold %d of %d: %d held out + %d trained on", tc.docs, f, tc.k, len(test), len(train))
			}
			in := map[int]bool{}
			for _, d := range test {
				held[len(d.sents)]++
				in[len(d.sents)] = true
			}
			for _, d := range train {
				if in[len(d.sents)] {
					t.Errorf("%d docs, fold %d of %d: document %d held out and trained on", tc.docs, f, tc.k, len(d.sents))
				}
			}
		}
		for i, n := range held {
			if n != 1 {
				t.Errorf("%d docs in %d folds: document %d held out %d times", tc.docs, tc.k, i, n)
			}
		}
	}
}

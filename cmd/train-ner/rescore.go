package main

import (
	"bytes"
	"fmt"
	"os"

	"github.com/lede-news/lede/internal/entity"
)

// rescore scores a model file already written (-score FILE) on the dev
// file as -cv scores its folds: as written (with the history of the
// document's earlier sentences, alone, through the document pass) and
// rewritten in title case, headline case, capitals and "prose". The tagger's code
// outside the model — truecasing a title-case headline, the constrained
// decode — and the document pass change the figures without retraining;
// this measures such a change on the shipped model, or on one trained
// without the dev file (-extra none), in seconds.
func rescore(path string, devDocs []conllDoc) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	m, err := entity.Decode(b)
	if err != nil {
		return err
	}
	_, _, sent := scoreTagger(m, devDocs, false)
	_, _, alone := scoreTagger(m, devDocs, true)
	_, _, doc := scoreDocs(m, devDocs)
	fmt.Printf("| sentence | alone | doc |")
	for _, v := range []string{"title", "headline", "upper", "prose"} {
		fmt.Printf(" %s |", v)
	}
	fmt.Printf("\n|---|---|---|---|---|---|---|\n| %.2f | %.2f | %.2f |", sent, alone, doc)
	for _, v := range []string{"title", "headline", "upper", "prose"} {
		_, _, f := scoreTagger(m, recase(devDocs, v), false)
		fmt.Printf(" %.2f |", f)
	}
	fmt.Println()
	return nil
}

// saveModel writes m to path (the model trained, and each fold's for
// -cv-save) and returns its size in bytes.
func saveModel(m *entity.Model, path string) (int, error) {
	var buf bytes.Buffer
	if err := m.Encode(&buf); err != nil {
		return 0, err
	}
	return buf.Len(), os.WriteFile(path, buf.Bytes(), 0o644)
}

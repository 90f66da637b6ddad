package main

import (
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/lede-news/lede/internal/entity"
)

// crossValidate scores the training recipe on the training file alone: the
// documents are dealt into k folds (document i to fold i mod k, so a
// document's names never straddle train and test), and for each fold a
// tagger is trained on the others — gazetteer from their names only,
// jackknifed as in the real run — and scored on it after every epoch, for
// every weight range in o.cvRanges. It prints the mean F1 and its spread
// (standard deviation over folds) and the model's feature rows, so that the
// number of epochs and the range are chosen without looking at eng.testa.
//
// Every fold also trains on all of extra (documents of other labelled
// files, -extra) and is scored on docs' held-out fold only: what more
// labelled data gives on text it has not seen. With o.cvDrop > 0 each
// fold's training documents from docs lose that share, drawn at random
// (seeded by seed and the fold): the other way along the learning curve.
func crossValidate(docs, extra []conllDoc, lex map[string]entity.LexEntry, external map[uint64]uint8, o options, epochs int, seed uint64, jack int, prune float32) error {
	k := o.cv
	t0 := time.Now()
	type cell struct{ f1, rows []float64 }
	variants := []string{"title", "headline", "upper", "lower", "prose", "alone"}
	vres := make([][][]float64, epochs) // [epoch][variant]: F1 of the first range
	dres := make([][]float64, epochs)   // [epoch]: F1 of the first range through the document-level pass
	for e := range vres {
		vres[e] = make([][]float64, len(variants))
	}
	res := make([][]cell, epochs) // [epoch][range]
	for e := range res {
		res[e] = make([]cell, len(o.cvRanges))
	}
	for f := 0; f < k; f++ {
		test, train := foldSplit(docs, k, f)
		if o.cvDrop > 0 {
			rng := rand.New(rand.NewPCG(seed, uint64(f)))
			drop := rng.Perm(len(train))[:int(math.Round(o.cvDrop*float64(len(train))))]
			left := make([]bool, len(train))
			for _, i := range drop {
				left[i] = true
			}
			kept := train[:0:0]
			for i, d := range train {
				if !left[i] {
					kept = append(kept, d)
				}
			}
			train = kept
		}
		nTrain := len(train)
		train = append(train, extra...)
		full, sents := trainingSet(train, external, jack, o.augment, o.swap, seed)
		cfg := entity.TrainConfig{Epochs: epochs, Seed: seed, HistoryEpochs: o.histEpochs, Context: o.ctxAgg, ContextApart: o.ctxApart}
		cfg.AfterEpoch = func(epoch int, w entity.Weights) {
			for ri, r := range o.cvRanges {
				m := entity.NewModel(lex, full, w, prune, r)
				_, _, f1 := score(m, test)
				c := &res[epoch-1][ri]
				c.f1 = append(c.f1, f1)
				c.rows = append(c.rows, float64(m.Features()))
				if ri == 0 && epoch == epochs && o.cvSave != "" {
					if _, err := saveModel(m, filepath.Join(o.cvSave, fmt.Sprintf("fold%d.bin", f+1))); err != nil {
						fmt.Fprintln(os.Stderr, "train-ner: -cv-save:", err)
						os.Exit(1)
					}
				}
				if ri == 0 {
					_, _, df := scoreDocs(m, test)
					dres[epoch-1] = append(dres[epoch-1], df)
					for vi, v := range variants {
						_, _, f1 := scoreTagger(m, recase(test, v), v == "alone")
						vres[epoch-1][vi] = append(vres[epoch-1][vi], f1)
					}
				}
			}
		}
		entity.Train(sents, lex, cfg)
		fmt.Fprintf(os.Stderr, "fold %d/%d: %d training documents (%d of them -extra), %d held out (%s)\n", f+1, k, len(train), len(train)-nTrain, len(test), time.Since(t0).Round(time.Second))
	}
	fmt.Printf("%d-fold cross-validation on the training file (whole documents), entity F1 on gold tokens: mean ± standard deviation over folds; feature rows (mean)\n\n", k)
	head := []string{"epoch"}
	for _, r := range o.cvRanges {
		head = append(head, fmt.Sprintf("range %g", r))
	}
	fmt.Printf("| %s |\n|%s\n", strings.Join(head, " | "), strings.Repeat("---|", len(head)))
	for e := range res {
		row := []string{fmt.Sprint(e + 1)}
		for _, c := range res[e] {
			mu, sd := meanSD(c.f1)
			rows, _ := meanSD(c.rows)
			row = append(row, fmt.Sprintf("%.2f ± %.2f (%dk rows)", mu, sd, int(math.Round(rows/1000))))
		}
		fmt.Printf("| %s |\n", strings.Join(row, " | "))
	}
	fmt.Printf("\nThrough the document-level pass (range %g): each held-out document annotated whole (one type per name, repeats, short forms)\n\n| epoch | F1 |\n|---|---|\n", o.cvRanges[0])
	for e := range dres {
		mu, sd := meanSD(dres[e])
		fmt.Printf("| %d | %.2f ± %.2f |\n", e+1, mu, sd)
	}
	last := len(res) - 1
	fmt.Printf("\nPer fold at epoch %d, range %g (to compare two recipes fold by fold): sentence by sentence %s; through the document pass %s\n", last+1, o.cvRanges[0], folds(res[last][0].f1), folds(dres[last]))
	for vi, v := range variants {
		fmt.Printf("\nPer fold at epoch %d, %s: %s", last+1, v, folds(vres[last][vi]))
	}
	fmt.Println()
	fmt.Printf("\nThe held-out folds rewritten (range %g): every sentence in title case (each word capitalised), in headline case (each word but articles, conjunctions and prepositions written lower case), in capitals, in lower case; \"prose\": the sentences as written with three lower-case words or more (no headlines in capitals, no sports tables); \"alone\": every sentence tagged alone, without the prediction history of the sentences before it\n\n| epoch | %s |\n|%s\n", o.cvRanges[0], strings.Join(variants, " | "), strings.Repeat("---|", len(variants)+1))
	for e := range vres {
		row := []string{fmt.Sprint(e + 1)}
		for _, f := range vres[e] {
			mu, sd := meanSD(f)
			row = append(row, fmt.Sprintf("%.2f ± %.2f", mu, sd))
		}
		fmt.Printf("| %s |\n", strings.Join(row, " | "))
	}
	return nil
}

// recase returns docs with every word rewritten: "title" capitalises the
// first letter of each word; "headline" of each word but the minor words
// (entity.IsMinorWord: articles, "and", "but", "or", prepositions), which
// stay as written, as Chicago-style headlines keep them; "upper" and
// "lower" change the whole word.
// Headlines and text copied from elsewhere come like this; the tags stay.
// "prose" keeps, as written, only the sentences with three lower-case
// words or more: CoNLL's capitals headlines and sports tables are easy
// and frequent there, rare in running text such as Wikipedia's. "alone"
// returns docs as they are (the scorer then tags each sentence alone).
func recase(docs []conllDoc, how string) []conllDoc {
	if how == "alone" {
		return docs
	}
	out := make([]conllDoc, len(docs))
	for i, d := range docs {
		for _, s := range d.sents {
			if how == "prose" {
				if lowerWords(s.words) >= 3 {
					out[i].sents = append(out[i].sents, s)
				}
				continue
			}
			out[i].sents = append(out[i].sents, conllSent{words: recaseWords(s.words, how), tags: s.tags})
		}
	}
	return out
}

// lowerWords counts the words of letters only, all lower case.
func lowerWords(words []string) int {
	n := 0
	for _, w := range words {
		lower := w != ""
		for _, r := range w {
			if !unicode.IsLower(r) {
				lower = false
				break
			}
		}
		if lower {
			n++
		}
	}
	return n
}

// recaseWords rewrites words as recase does.
func recaseWords(words []string, how string) []string {
	ws := make([]string, len(words))
	for j, w := range words {
		switch how {
		case "upper":
			w = strings.ToUpper(w)
		case "lower":
			w = strings.ToLower(w)
		case "headline":
			if entity.IsMinorWord(w) {
				break // a minor word as written stays so
			}
			fallthrough // any other word as in title case
		default:
			if r, n := utf8.DecodeRuneInString(w); n > 0 {
				w = string(unicode.ToUpper(r)) + w[n:]
			}
		}
		ws[j] = w
	}
	return ws
}

// foldSplit returns the documents fold f (0 to k-1) of k holds out, every
// k-th from the f-th, and the rest: the one split of -cv and -score-fold,
// so that -score-fold scores a fold model of -cv-save on the documents it
// was not trained on.
func foldSplit(docs []conllDoc, k, f int) (test, train []conllDoc) {
	for i, d := range docs {
		if i%k == f {
			test = append(test, d)
		} else {
			train = append(train, d)
		}
	}
	return test, train
}

// folds formats per-fold F1 values for a paired comparison of recipes.
func folds(x []float64) string {
	parts := make([]string, len(x))
	for i, v := range x {
		parts[i] = fmt.Sprintf("%.2f", v)
	}
	return strings.Join(parts, " ")
}

func meanSD(x []float64) (mean, sd float64) {
	if len(x) == 0 {
		return 0, 0
	}
	for _, v := range x {
		mean += v
	}
	mean /= float64(len(x))
	for _, v := range x {
		sd += (v - mean) * (v - mean)
	}
	if len(x) > 1 {
		sd = math.Sqrt(sd / float64(len(x)-1))
	}
	return mean, sd
}

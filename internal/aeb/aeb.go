// Package aeb is the metric of the article-extraction benchmark (AEB,
// scrapinghub/article-extraction-benchmark) in Go, as
// ../shared/tools/eval_extraction.mjs implements it from its written
// description: word tokens (Unicode letters, digits, underscore), each text a
// multiset of 4-token shingles (a text of 1 to 3 tokens one shorter
// shingle), per page TP/FP/FN normalised to sum 1, precision and recall
// averaged over the pages that have them, F1 their harmonic mean (not a
// mean of per-page F1s). cmd/train-blocks scores its cross-validation with
// it and bench/rtp scores Readability's test pages, where no ../shared is
// needed. Neither the engine nor the wasm links it.
package aeb

import (
	"strings"
	"unicode"
)

// Tokens splits s into the metric's word tokens.
func Tokens(s string) []string {
	var out []string
	start := -1
	for i, c := range s {
		if unicode.IsLetter(c) || unicode.IsNumber(c) || c == '_' {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			out = append(out, s[start:i])
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, s[start:])
	}
	return out
}

// Shingles counts the 4-token shingles of t (one shorter shingle when t has
// 1 to 3 tokens, none when it is empty).
func Shingles(t []string) map[string]int {
	m := map[string]int{}
	last := max(1, len(t)-3)
	for i := 0; i < last && i < len(t); i++ {
		m[strings.Join(t[i:min(i+4, len(t))], " ")]++
	}
	return m
}

// PagePR returns one page's precision and recall as the benchmark counts
// them, and whether each counts (a page with no predicted shingle has no
// precision, one with no true shingle no recall).
func PagePR(truth, pred string) (prec, rec float64, hasP, hasR bool) {
	tc, pc := Shingles(Tokens(truth)), Shingles(Tokens(pred))
	var tp, fp, fn float64
	for k, t := range tc {
		q := pc[k]
		tp += float64(min(t, q))
		fn += float64(max(0, t-q))
	}
	for k, q := range pc {
		fp += float64(max(0, q-tc[k]))
	}
	s := tp + fp + fn
	if s > 0 {
		tp, fp, fn = tp/s, fp/s, fn/s
	}
	if fp == 0 && fn == 0 {
		prec, rec = 1, 1
	} else {
		if tp+fp > 0 {
			prec = tp / (tp + fp)
		}
		if tp+fn > 0 {
			rec = tp / (tp + fn)
		}
	}
	return prec, rec, tp+fp > 0, tp+fn > 0
}

// Score is the benchmark's figures over a set of pages: truths[i] is page
// i's true body, preds[i] the extractor's.
func Score(truths, preds []string) (f1, precision, recall float64) {
	var sp, sr float64
	var np, nr int
	for i := range truths {
		p, r, hasP, hasR := PagePR(truths[i], preds[i])
		if hasP {
			sp += p
			np++
		}
		if hasR {
			sr += r
			nr++
		}
	}
	if np > 0 {
		precision = sp / float64(np)
	}
	if nr > 0 {
		recall = sr / float64(nr)
	}
	if precision+recall > 0 {
		f1 = 2 * precision * recall / (precision + recall)
	}
	return f1, precision, recall
}

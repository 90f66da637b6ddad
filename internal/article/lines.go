package article

import (
	"math"
	"strings"

	"github.com/lede-news/lede/internal/doc"
)

// Pasted text can get the same treatment as HTML (blocks.go): the hand
// rules of text.go give every line a role, then a model learnt from the dev
// pastes (cmd/train-blocks -kind text) reads each line's features, what the
// rules made of it and of its neighbours, and says body or not. Under
// 5-fold cross-validation such a model has not beaten the rules yet, so
// none ships and parseText uses the rules alone; these features are kept
// so the experiment can be rerun.

var lineBase = []string{
	"words", "ends", "teaser", "stops", "boiler", "byline", "date", "headline", "prose",
	"blank_before", "wrapped", "repeated", "rule_body", "rule_related", "rule_title", "rule_meta",
	"position", "near_body", "punct", "stop_words", "capitals", "digits", "colon_end", "list_item",
	"body_share", "in_run", "run_dist",
}

var lineNeighbour = []string{"rule_body", "prose", "words", "headline", "blank_before"}

var lineFeatureNames = func() []string {
	n := append([]string(nil), lineBase...)
	for _, side := range []string{"prev", "next", "prev2", "next2"} {
		for _, f := range lineNeighbour {
			n = append(n, side+"."+f)
		}
	}
	return n
}()

var lineNeighbourIdx = func() []int {
	var ix []int
	for _, f := range lineNeighbour {
		for i, b := range lineBase {
			if b == f {
				ix = append(ix, i)
			}
		}
	}
	return ix
}()

// LineSamples cuts a paste into lines by the hand rules and returns every
// line with its features, for training.
func LineSamples(input string) []BlockSample {
	_, lines := ruleLines(input)
	if !hasBody(lines) {
		return nil
	}
	X := lineFeatures(input, lines)
	out := make([]BlockSample, len(lines))
	for i := range lines {
		out[i] = BlockSample{Text: lines[i].Of(input), X: X[i]}
	}
	return out
}

// lineFeatures returns the feature vector of every line.
func lineFeatures(text string, ls []line) [][]float64 {
	n := len(ls)
	nb := len(lineBase)
	base := make([]float64, n*nb)
	near := make([]int, n)
	d := n + 10
	bodyWords := 0
	for i := range ls {
		if ls[i].role == doc.Body {
			d = 0
			bodyWords += ls[i].words
		} else {
			d++
		}
		near[i] = d
	}
	d = n + 10
	for i := n - 1; i >= 0; i-- {
		if ls[i].role == doc.Body {
			d = 0
		} else {
			d++
		}
		near[i] = min(near[i], d)
	}
	// the paste's longest stretch of prose, from the lines' words and
	// final punctuation alone (no rule's verdict): a line of 8+ words that
	// ends like a sentence counts its words, any other costs 2 + its words
	runLo, runHi := bestRun(n, func(i int) float64 {
		if ls[i].ends && ls[i].words >= 8 {
			return float64(ls[i].words)
		}
		return -2 - float64(ls[i].words)
	})
	for i := range ls {
		l := &ls[i]
		s := l.Of(text)
		x := base[i*nb : (i+1)*nb]
		stops, caps, digits, punct, letters := textStats(s)
		words := float64(max(l.words, 1))
		x[0] = math.Log1p(float64(l.words)) / 6
		x[1] = b2f(l.ends)
		x[2] = b2f(l.teaser)
		x[3] = math.Min(float64(l.stops), 10) / 10
		x[4] = b2f(l.boiler)
		x[5] = b2f(l.byline)
		x[6] = b2f(l.date != "")
		x[7] = b2f(l.headline)
		x[8] = b2f(l.body)
		x[9] = b2f(l.blankBefore)
		x[10] = b2f(l.wrapped)
		x[11] = b2f(l.repeated)
		x[12] = b2f(l.role == doc.Body)
		x[13] = b2f(l.role == doc.Related)
		x[14] = b2f(l.role == doc.Title)
		x[15] = b2f(l.role == doc.Byline || l.role == doc.Dateline)
		x[16] = float64(i) / float64(max(n-1, 1))
		x[17] = math.Min(float64(near[i]), 10) / 10
		x[18] = math.Min(float64(punct)/words, 1)
		x[19] = float64(stops) / words
		x[20] = float64(caps) / words
		x[21] = float64(digits) / float64(max(letters+digits, 1))
		x[22] = b2f(strings.HasSuffix(s, ":"))
		x[23] = b2f(listItem(s))
		x[24] = float64(l.words) / float64(max(bodyWords, 1))
		x[25] = b2f(i >= runLo && i <= runHi)
		x[26] = math.Min(float64(max(runLo-i, i-runHi, 0)), 10) / 10
	}
	out := make([][]float64, n)
	nf := len(lineFeatureNames)
	flat := make([]float64, n*nf)
	for i := range out {
		x := flat[i*nf : (i+1)*nf]
		copy(x, base[i*nb:(i+1)*nb])
		k := nb
		for _, off := range []int{-1, 1, -2, 2} {
			j := i + off
			for _, f := range lineNeighbourIdx {
				if j >= 0 && j < n {
					x[k] = base[j*nb+f]
				}
				k++
			}
		}
		out[i] = x
	}
	return out
}

package entity

// Prediction history (Ratinov & Roth 2009, "extended prediction history"):
// a capitalised word's earlier occurrences in the same document, and the
// labels the tagger gave them, are evidence for this one. "Harbour Wind
// said" reads "Wind" as the last word of the organisation it was two
// sentences before; a sentence-initial "Aberdeen" reads as the place it was
// inside a sentence. The tagger keeps, per document, how often it gave each
// label to each capitalised word form (Tagger.seen, emptied by Forget), and
// adds two features to the word's static scores: the label it was given
// most often, and the set of types (O included) it was given. Training
// learns their rows after the others, on top of the frozen weights, visiting
// each document's sentences in order and building the same history from its
// own predictions (TrainConfig.HistoryEpochs), so that the model learns how
// far to trust it and a word without history is tagged as before.

// docSeen counts the labels a word form was given earlier in the document
// (saturating at 255).
type docSeen [numLabels]uint8

// docFeatures appends the prediction-history features of token i, whose
// word form is w, given the labels earlier occurrences were given: nothing
// for a word that is not capitalised or not seen before.
func docFeatures(seen map[string]docSeen, w string, t *tokInfo, out []uint32) []uint32 {
	if !t.upper || len(seen) == 0 {
		return out
	}
	c, ok := seen[w]
	if !ok {
		return out
	}
	return appendDocFeatures(&c, out)
}

// appendDocFeatures appends the prediction-history features of a word
// whose earlier occurrences were given the labels c (at least one).
func appendDocFeatures(c *docSeen, out []uint32) []uint32 {
	best, types := 0, 0 // ties go to the lower label, O first
	for l, n := range c {
		if n == 0 {
			continue
		}
		if n > c[best] {
			best = l
		}
		if l == 0 {
			types |= 1
		} else {
			types |= 2 << labelType(l)
		}
	}
	return append(out, newHash(fDocLabel).num(best).key(), newHash(fDocTypes).num(types).key())
}

// noteLabels records the labels given to the capitalised words of a
// sentence in seen.
func noteLabels(seen map[string]docSeen, words []string, toks []tokInfo, labels []int) {
	for i, l := range labels {
		if !toks[i].upper {
			continue
		}
		c := seen[words[i]]
		c.note(l)
		seen[words[i]] = c
	}
}

// note counts one more occurrence given label l, saturating at 255.
func (c *docSeen) note(l int) {
	if c[l] < 255 {
		c[l]++
	}
}

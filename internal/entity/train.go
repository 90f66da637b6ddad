package entity

import (
	"math/rand/v2"
	"reflect"
	"strings"
)

// TrainSentence is one labelled sentence for Train.
type TrainSentence struct {
	Words []string
	Tags  []string // IOB1, IOB2 or BILOU tags such as "B-PER", "I-LOC", "O"
	// Gaz is the gazetteer the sentence's features see in training. Give
	// each fold of the training data a gazetteer built without that fold
	// (jackknifing), or the tagger learns to trust the gazetteer blindly.
	Gaz map[uint64]uint8
	// Doc numbers the sentence's document; a document's sentences are
	// consecutive and in order. TrainConfig.HistoryEpochs and Context read
	// it.
	Doc int
}

// TrainConfig sets the perceptron's training run.
type TrainConfig struct {
	Epochs int
	Seed   uint64
	// AfterEpoch, when set, is called with the averaged weights after each
	// epoch (to follow a development score).
	AfterEpoch func(epoch int, w Weights)
	// HistoryEpochs, when above 0, also trains the prediction-history
	// features (dochist.go) apart: after Epochs epochs without them, the
	// averaged weights are frozen and HistoryEpochs more epochs visit the
	// documents in a shuffled order, each one's sentences in order, each
	// capitalised word seeing the labels the frozen weights plus the
	// history rows gave its earlier occurrences, and learn only the
	// history features' rows. A sentence with no history (the first
	// mentions of a document, a sentence tagged alone) is then tagged
	// exactly as by the weights without them: trained together with the
	// other features, the model leaned on the history and lost 0.7 F1 on
	// eng.testa's sentences tagged alone (docs/models/ner.md).
	HistoryEpochs int
	// Context adds the context-aggregation features (ctxagg.go), computed
	// per document (Doc) from all its sentences, to the static features,
	// and marks the weights as trained with them (Weights.Context).
	Context bool
	// ContextApart, with Context and HistoryEpochs, learns the
	// context-aggregation rows in the history epochs, on the frozen
	// weights, instead of with the others: a word without other mentions
	// in its document is then tagged as without them.
	ContextApart bool
}

// Labels converts IOB1/IOB2/BILOU tags to BILOU label numbers. Tags of
// unknown types are treated as O.
func Labels(tags []string) []int {
	typeOf := func(tag string) int {
		if len(tag) < 3 || tag[1] != '-' {
			return -1
		}
		for i, n := range TypeNames {
			if tag[2:] == n {
				return i
			}
		}
		return -1
	}
	out := make([]int, len(tags))
	for i := 0; i < len(tags); {
		typ := typeOf(tags[i])
		if typ < 0 {
			i++
			continue
		}
		j := i + 1
		for j < len(tags) && typeOf(tags[j]) == typ && !strings.HasPrefix(tags[j], "B-") && !strings.HasPrefix(tags[j], "U-") &&
			!strings.HasPrefix(tags[j-1], "L-") && !strings.HasPrefix(tags[j-1], "U-") {
			j++
		}
		if j == i+1 {
			out[i] = label(typ, posU)
		} else {
			out[i] = label(typ, posB)
			for k := i + 1; k < j-1; k++ {
				out[k] = label(typ, posI)
			}
			out[j-1] = label(typ, posL)
		}
		i = j
	}
	return out
}

type trainRow struct {
	w   [numLabels]float32
	acc [numLabels]float64 // sum of step * update, for averaging
	// what updated the row: static features, history features (and then
	// the base and previous label of the first history feature), or a
	// history feature of another base or label too (a collision): only
	// a row that one history feature alone updated is laid out in its
	// base's block (NewModel)
	static, hist, mixed bool
	base                hash
	prev                uint8
}

// averaged is the row's averaged-perceptron weights after step updates
// (the weights less the mean of step·update), and whether any is not 0.
func (r *trainRow) averaged(step float64) (a [numLabels]float32, nz bool) {
	for l := range numLabels {
		a[l] = r.w[l] - float32(r.acc[l]/step)
		nz = nz || a[l] != 0
	}
	return a, nz
}

// Train fits a structured averaged perceptron (Collins 2002) with Viterbi
// decoding, visiting the sentences in a shuffled
// order fixed by cfg.Seed, and returns the averaged weights.
func Train(sents []TrainSentence, lex map[string]LexEntry, cfg TrainConfig) Weights {
	rows := make(map[uint32]*trainRow, 1<<20)
	step := 1.0
	rng := rand.New(rand.NewPCG(cfg.Seed, cfg.Seed^0x9e3779b97f4a7c15))
	order := make([]int, len(sents))
	for i := range order {
		order[i] = i
	}
	// the static features of every token are computed once
	type prepared struct {
		toks  []tokInfo
		feats [][]uint32
		bases []histBase
		gold  []int
	}
	prep := make([]prepared, len(sents))
	var buf []byte
	lx := newLexicon(lex)
	gazOf := map[uintptr]*gazetteer{} // the sentences share a few gazetteers
	for i, s := range sents {
		var p prepared
		gp := reflect.ValueOf(s.Gaz).Pointer()
		g := gazOf[gp]
		if g == nil {
			gz := newGazetteer(s.Gaz)
			g = &gz
			gazOf[gp] = g
		}
		p.toks, buf = prepare(nil, s.Words, &lx, g, buf)
		sc := sentenceCase(p.toks)
		for j := range p.toks {
			p.feats = append(p.feats, staticFeatures(p.toks, j, sc, nil))
			p.bases = append(p.bases, historyBase(p.toks, j))
		}
		p.gold = Labels(s.Tags)
		prep[i] = p
	}
	var ctxf [][][]uint32 // per sentence and token, with ContextApart
	apart := cfg.Context && cfg.ContextApart && cfg.HistoryEpochs > 0
	if apart {
		ctxf = make([][][]uint32, len(sents))
	}
	if cfg.Context {
		agg := ctxAgg{lex: &lx}
		for start := 0; start < len(sents); {
			end := start + 1
			for end < len(sents) && sents[end].Doc == sents[start].Doc {
				end++
			}
			agg.reset()
			for si := start; si < end; si++ {
				agg.add(sents[si].Words)
			}
			for si := start; si < end; si++ {
				p := &prep[si]
				for j := range p.toks {
					if apart {
						ctxf[si] = append(ctxf[si], agg.features(sents[si].Words[j], &p.toks[j], nil))
					} else {
						p.feats[j] = agg.features(sents[si].Words[j], &p.toks[j], p.feats[j])
					}
				}
			}
			start = end
		}
	}
	average := func() Weights {
		// a history row whose key is also a static feature's (a hash
		// collision) stays where the static feature finds it
		for i := range prep {
			for _, fs := range prep[i].feats {
				for _, f := range fs {
					if r := rows[f]; r != nil && r.hist {
						r.static = true
					}
				}
			}
		}
		out := Weights{Rows: make(map[uint32]*[numLabels]float32, len(rows)), Hist: map[uint32]HistKey{}, Context: cfg.Context}
		for k, r := range rows {
			if a, nz := r.averaged(step); nz {
				out.Rows[k] = &a
				if r.hist && !r.static && !r.mixed {
					out.Hist[k] = HistKey{Base: uint64(r.base), Prev: r.prev}
				}
			}
		}
		return out
	}
	row := func(f uint32) *trainRow {
		r := rows[f]
		if r == nil {
			r = &trainRow{}
			rows[f] = r
		}
		return r
	}
	update := func(feats []uint32, l int, d float32) {
		for _, f := range feats {
			r := row(f)
			r.static = true
			r.w[l] += d
			r.acc[l] += step * float64(d)
		}
	}
	// updateHist updates the history features of base b given previous
	// label p1, noting which base and label each row belongs to
	updateHist := func(b *histBase, p1, l int, d float32) {
		f := b.history(p1)
		for fam, k := range f {
			r := row(k)
			if fam == 0 {
				r.static = true // the label bigram: cached as a matrix, not blocked
			} else if !r.hist {
				r.hist, r.base, r.prev = true, b[fam], uint8(p1)
			} else if r.base != b[fam] || r.prev != uint8(p1) {
				r.mixed = true
			}
			r.w[l] += d
			r.acc[l] += step * float64(d)
		}
	}
	var lt lattice[float32]
	addRows := func(feats []uint32, out *[numLabels]float32) {
		for _, f := range feats {
			if r := rows[f]; r != nil {
				for l := range numLabels {
					out[l] += r.w[l]
				}
			}
		}
	}
	prevOf := func(labels []int, i int) int {
		if i == 0 {
			return startLabel
		}
		return labels[i-1]
	}
	var pred []int
	for epoch := 1; epoch <= cfg.Epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, si := range order {
			p := &prep[si]
			lt.reset(len(p.toks))
			for i := range p.toks {
				addRows(p.feats[i], &lt.static[i])
			}
			pred = append(pred[:0], lt.decode(func(i, p1 int, out *[numLabels]float32) {
				f := p.bases[i].history(p1)
				addRows(f[:], out)
			}, 0)...)
			for i, g := range p.gold {
				gp, pp := prevOf(p.gold, i), prevOf(pred, i)
				if g != pred[i] {
					update(p.feats[i], g, 1)
					update(p.feats[i], pred[i], -1)
				}
				if g != pred[i] || gp != pp {
					updateHist(&p.bases[i], gp, g, 1)
					updateHist(&p.bases[i], pp, pred[i], -1)
				}
			}
			step++
		}
		if cfg.AfterEpoch != nil && (cfg.HistoryEpochs <= 0 || epoch < cfg.Epochs) {
			cfg.AfterEpoch(epoch, average())
		}
	}
	w := average()
	if cfg.HistoryEpochs <= 0 {
		return w
	}
	frozen := func(feats []uint32, out *[numLabels]float32) {
		for _, f := range feats {
			if r := w.Rows[f]; r != nil {
				for l := range numLabels {
					out[l] += r[l]
				}
			}
		}
	}
	// the documents as runs [start, end) of sentences
	var docs [][2]int
	for i := range sents {
		if i == 0 || sents[i].Doc != sents[i-1].Doc {
			docs = append(docs, [2]int{i, i})
		}
		docs[len(docs)-1][1] = i + 1
	}
	// the frozen weights' static scores of every token: the same in each
	// history epoch, so summed once
	fixed := make([][][numLabels]float32, len(prep))
	for si := range prep {
		fixed[si] = make([][numLabels]float32, len(prep[si].toks))
		for i := range fixed[si] {
			frozen(prep[si].feats[i], &fixed[si][i])
		}
	}
	clear(rows) // from here on, the history features' rows alone
	step = 1
	seen := map[string]docSeen{}
	var dyn [][]uint32
	for range cfg.HistoryEpochs {
		rng.Shuffle(len(docs), func(i, j int) { docs[i], docs[j] = docs[j], docs[i] })
		for _, d := range docs {
			clear(seen)
			for si := d[0]; si < d[1]; si++ {
				p := &prep[si]
				lt.reset(len(p.toks))
				dyn = dyn[:0]
				for i := range p.toks {
					lt.static[i] = fixed[si][i]
					f := docFeatures(seen, sents[si].Words[i], &p.toks[i], nil)
					if apart {
						f = append(f, ctxf[si][i]...)
					}
					addRows(f, &lt.static[i])
					dyn = append(dyn, f)
				}
				pred = append(pred[:0], lt.decode(func(i, p1 int, out *[numLabels]float32) {
					f := p.bases[i].history(p1)
					frozen(f[:], out)
				}, 0)...)
				for i, g := range p.gold {
					if g != pred[i] {
						update(dyn[i], g, 1)
						update(dyn[i], pred[i], -1)
					}
				}
				noteLabels(seen, sents[si].Words, p.toks, pred)
				step++
			}
		}
	}
	for k, r := range rows {
		a, nz := r.averaged(step)
		if !nz {
			continue
		}
		if b := w.Rows[k]; b != nil { // a hash collision with a frozen row
			for l := range numLabels {
				a[l] += b[l]
			}
			delete(w.Hist, k)
		}
		w.Rows[k] = &a
	}
	if cfg.AfterEpoch != nil {
		cfg.AfterEpoch(cfg.Epochs, w)
	}
	return w
}

// Command train-categories trains lede's topic-category model
// (internal/category/model.bin) from ../shared/data/categories.
//
//	go run ./cmd/train-categories            # what ./build.sh models runs
//	go run ./cmd/train-categories -h         # flags: data paths, buckets, epochs, ...
//
// It is reproducible: rows are read in file order, shuffled with a fixed
// seed, and trained single-threaded, so the same data gives the same bytes.
// The model is softmax logistic regression on hashed unigram, bigram and
// word-prefix features (internal/category), trained by SGD with feature
// dropout on the train split; then only the -nnz weights (bucket, label)
// that matter most are kept (selectWeights), retrained alone and quantised
// to 4-bit codes in the sparse layout the engine reads in place
// (category.Table), with its
// temperature fitted on the validation split; the final model is retrained
// on train+validation with the same settings. The test split (10% of each
// data set, by hash of the row) is never trained on; it is what
// ./build.sh bench categories scores. See docs/models/categories.md.
//
// Flags for choosing settings, which never write the embedded model:
// -validate scores on the validation split, or with -cv-fold F on fold F of
// a 5-fold split of the train and validation rows; -nnz-grid scores several
// -nnz from one dense training; -ft-dims and the other
// -ft- flags also score a fastText-style model (fasttext.go), alone and
// averaged with the regression (tried; not shipped: the model card says why).
package main

import (
	"cmp"
	"encoding/json"
	"flag"
	"fmt"
	"hash/fnv"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/lede-news/lede/internal/category"
	"github.com/lede-news/lede/internal/category/corpus"
)

type config struct {
	data, extra, mapping, agMap, out string
	buckets                          uint
	epochs, keep                     int
	lr, l2, dropout, balance, nb     float64
	seed                             uint64
	seeds, prefix, nnz, nnzSteps     int
	nnzFreq                          float64
	nnzGrid                          string
	titles                           float64
	validate                         bool
	nbGrid                           string
	ft                               ftConfig
	lrModel                          string
	cvFold                           int
}

func main() {
	var c config
	flag.StringVar(&c.data, "data", "../shared/data/categories", "folder with agnews/train.csv and huffpost/headlines.jsonl")
	flag.StringVar(&c.extra, "extra", "", "optional JSON-lines file of other labelled data ({\"text\",\"label\"}, labels from the taxonomy or listed under source \"extra\" in the mapping)")
	flag.StringVar(&c.mapping, "mapping", "", "class-to-taxonomy mapping (default: the committed internal/category/corpus/mapping.json)")
	flag.StringVar(&c.agMap, "agnews-map", "bench/agnews-map.json", "taxonomy label -> AG News class, for reporting AG accuracy")
	flag.StringVar(&c.out, "out", "internal/category/model.bin", "model file to write")
	flag.UintVar(&c.buckets, "buckets", 1<<20, "hash buckets features are taken modulo")
	flag.IntVar(&c.epochs, "epochs", 60, "passes over the training rows")
	flag.Float64Var(&c.lr, "lr", 1, "initial SGD learning rate (decays linearly to 0)")
	flag.Float64Var(&c.l2, "l2", 1e-6, "L2 penalty per example")
	flag.IntVar(&c.keep, "keep", 118000, "with -nnz 0: buckets the model keeps whole (the weights of the others are dropped); 0 keeps all")
	flag.Float64Var(&c.dropout, "dropout", 0.4, "drop each feature with this probability in each pass (regularises)")
	flag.Float64Var(&c.balance, "balance", 0, "weight rows by (mean/label count)^balance: 0 none, 1 every label the same total weight")
	flag.Uint64Var(&c.seed, "seed", 1, "shuffle seed")
	flag.IntVar(&c.prefix, "prefix", 6, "also a feature for the first this many letters of longer words (0: none)")
	flag.Float64Var(&c.titles, "titles", 0, "also train on each titled row's title alone, with this weight (0: not)")
	flag.IntVar(&c.nnz, "nnz", 75000, "keep only this many weights (bucket, label) in all, the ones that matter most, instead of whole buckets (-keep); 0: whole buckets")
	flag.IntVar(&c.nnzSteps, "nnz-steps", 3, "with -nnz: select and retrain this many times, halving the weights kept each time down to -nnz (1: select once from the dense model)")
	flag.Float64Var(&c.nnzFreq, "nnz-freq", 0, "with -nnz: rank weights by |weight| x (rows with the feature)^this")
	flag.StringVar(&c.nnzGrid, "nnz-grid", "", "with -validate: comma-separated -nnz values to score (one dense training shared)")
	flag.IntVar(&c.seeds, "seeds", 1, "average the weights of this many runs (seeds seed, seed+1, ...) after pruning")
	flag.Float64Var(&c.nb, "nb", 0, "add this times the naive Bayes log-probability weights to the logistic regression's")
	flag.BoolVar(&c.validate, "validate", false, "stop after scoring the validation rows (for choosing settings); write nothing")
	flag.StringVar(&c.nbGrid, "nb-grid", "", "with -validate: comma-separated -nb values to score")
	flag.IntVar(&c.ft.dims, "ft-dims", 0, "with -validate: also score a fastText-style model of this many dimensions (0: not)")
	flag.IntVar(&c.ft.buckets, "ft-buckets", 1<<17, "fastText-style model: embedding buckets (a power of two at most -buckets)")
	flag.IntVar(&c.ft.epochs, "ft-epochs", 10, "fastText-style model: passes")
	flag.Float64Var(&c.ft.lr, "ft-lr", 0.5, "fastText-style model: initial learning rate")
	flag.Float64Var(&c.ft.dropout, "ft-dropout", 0, "fastText-style model: feature dropout")
	flag.IntVar(&c.ft.pretrain, "ft-pretrain", 0, "fastText-style model: skip-gram passes over unlabelled text first (0: none)")
	flag.IntVar(&c.cvFold, "cv-fold", -1, "with -validate: score on fold 0-4 of the train+validation rows (5-fold cross-validation by hash of the text) instead of the validation split")
	flag.StringVar(&c.lrModel, "ft-with", "", "with -ft-dims: average with this validation model (written by -validate -out) instead of training one")
	flag.Parse()
	c.ft.seed = c.seed
	if err := run(c); err != nil {
		fmt.Fprintln(os.Stderr, "train-categories:", err)
		os.Exit(1)
	}
}

// example is one training row as features and targets.
type example struct {
	fs        []category.Feature
	allowed   []int // label indices: one = the label; several = one of them
	weak      []int
	share     []float64
	split     corpus.Split
	weight    float64 // balances the labels: see -balance
	source    string
	gold      string // AG class (agnews) or taxonomy label (single-label rows), for reports
	text      string
	titleOnly bool // an extra row made of a titled row's title (see -titles)
}

func run(c config) error {
	start := time.Now()
	m := corpus.DefaultMapping()
	if c.mapping != "" {
		b, err := os.ReadFile(c.mapping)
		if err != nil {
			return err
		}
		if m, err = corpus.ParseMapping(b); err != nil {
			return err
		}
	}
	agMap := map[string]string{}
	if b, err := os.ReadFile(c.agMap); err == nil {
		if err := json.Unmarshal(b, &agMap); err != nil {
			return fmt.Errorf("%s: %v", c.agMap, err)
		}
	}
	ag, err := corpus.ReadAGNews(filepath.Join(c.data, "agnews", "train.csv"), corpus.AGNewsClasses)
	if err != nil {
		return fmt.Errorf("%v (the data sets sit in ../shared beside the checkout; see -h)", err)
	}
	hp, err := corpus.ReadJSONL(filepath.Join(c.data, "huffpost", "headlines.jsonl"), "huffpost")
	if err != nil {
		return err
	}
	rows := append(ag, hp...)
	if c.extra != "" {
		ex, err := corpus.ReadJSONL(c.extra, "extra")
		if err != nil {
			return err
		}
		rows = append(rows, ex...)
	}
	index := map[string]int{}
	for i, l := range m.Labels {
		index[l] = i
	}
	fz := &category.Featurizer{Buckets: uint32(c.buckets), Prefix: c.prefix}
	var exs []example
	dropped := 0
	for _, r := range rows {
		ls, ok := m.Targets(r)
		if !ok && r.Source == "extra" {
			if _, known := index[r.Class]; known {
				ls, ok = []string{r.Class}, true
			}
		}
		if !ok {
			dropped++
			continue
		}
		e := example{fs: fz.AppendFeatures(nil, r.Text), split: r.Split, source: r.Source, text: r.Text}
		for _, l := range ls {
			e.allowed = append(e.allowed, index[l])
		}
		wl, ws := m.WeakLabels(r)
		for i, l := range wl {
			e.weak, e.share = append(e.weak, index[l]), append(e.share, ws[i])
		}
		if r.Source == "agnews" {
			e.gold = r.Class
		} else if len(ls) == 1 {
			e.gold = ls[0]
		}
		exs = append(exs, e)
		if c.titles > 0 && r.Title != "" && r.Title != r.Text && r.Split != corpus.Test {
			// the headline alone, as lede also classifies headlines: never
			// scored (gold empty), and on the same side of the split as its row
			t := e
			t.fs, t.gold, t.text, t.titleOnly = fz.AppendFeatures(nil, r.Title), "", r.Title, true
			exs = append(exs, t)
		}
	}
	// label balance: a row's weight is (mean count / its target's count)^balance
	byTarget := map[string]int{}
	key := func(e *example) string { return fmt.Sprint(e.allowed) }
	for i := range exs {
		byTarget[key(&exs[i])]++
	}
	mean := float64(len(exs)) / float64(len(byTarget))
	for i := range exs {
		exs[i].weight = math.Pow(mean/float64(byTarget[key(&exs[i])]), c.balance)
		if exs[i].titleOnly {
			exs[i].weight *= c.titles
		}
	}
	if c.cvFold >= 0 {
		if !c.validate {
			return fmt.Errorf("-cv-fold needs -validate")
		}
		for i := range exs {
			if exs[i].split == corpus.Test {
				continue
			}
			h := fnv.New64a()
			h.Write([]byte("cv:" + exs[i].text))
			if int(h.Sum64()%5) == c.cvFold {
				exs[i].split = corpus.Validation
			} else {
				exs[i].split = corpus.Train
			}
		}
	}
	counts := map[corpus.Split]int{}
	for _, e := range exs {
		counts[e.split]++
	}
	fmt.Printf("rows: %d used (%d train, %d validation, %d test), %d in left-out classes\n",
		len(exs), counts[corpus.Train], counts[corpus.Validation], counts[corpus.Test], dropped)

	// 1. train on train, fit the temperature on validation
	isTrain := func(s corpus.Split) bool { return s == corpus.Train }
	if c.validate && c.nbGrid != "" {
		w, b, kept, nbw, nbb := fit(c, exs, len(m.Labels), isTrain)
		for _, f := range strings.Split(c.nbGrid, ",") {
			var beta float64
			fmt.Sscan(f, &beta)
			w2, b2 := combine(w, b, nbw, nbb, beta)
			q := load(quantize(c, w2, b2, m.Labels, 1, kept))
			temp := fitTemperature(q, exs)
			fmt.Printf("validation, nb %.3g, temperature %.2f:\n", beta, temp)
			report(q, exs, corpus.Validation, agMap, temp)
		}
		return nil
	}
	if c.validate && c.ft.dims > 0 && c.lrModel != "" {
		bin, err := os.ReadFile(c.lrModel)
		if err != nil {
			return err
		}
		q, err := category.Load(bin)
		if err != nil {
			return err
		}
		if c.ft.pretrain > 0 {
			c.ft.init = pretrain(c.ft, fz, unlabelledTexts(exs, c.data), c.ft.pretrain)
		}
		ftExperiment(c.ft, exs, m.Labels, q, 1, agMap)
		return nil
	}
	if c.validate && c.nnzGrid != "" {
		w0, b0 := train(c, exs, len(m.Labels), isTrain, nil)
		for _, f := range strings.Split(c.nnzGrid, ",") {
			cn := c
			fmt.Sscan(f, &cn.nnz)
			w, b, kept, _, _ := refit(cn, exs, len(m.Labels), isTrain, w0, b0)
			t := quantize(cn, w, b, m.Labels, 1, kept)
			q := load(t)
			temp := fitTemperature(q, exs)
			keys, nw := q.Size()
			bin, _ := t.MarshalBinary()
			fmt.Printf("validation, nnz %d (freq^%.2g), temperature %.2f: %d buckets, %d weights, %d bytes\n", cn.nnz, c.nnzFreq, temp, keys, nw, len(bin))
			report(q, exs, corpus.Validation, agMap, temp)
			if c.out != "internal/category/model.bin" {
				for i := range t.Scale {
					t.Scale[i] /= float32(temp)
					t.Bias[i] /= float32(temp)
				}
				bin, _ = t.MarshalBinary()
				os.WriteFile(fmt.Sprintf("%s.%d", c.out, cn.nnz), bin, 0o644)
			}
		}
		return nil
	}
	w, b, kept, nbw, nbb := fit(c, exs, len(m.Labels), isTrain)
	w, b = combine(w, b, nbw, nbb, c.nb)
	t := quantize(c, w, b, m.Labels, 1, kept)
	q := load(t)
	temp := fitTemperature(q, exs)
	keys, nw := q.Size()
	fmt.Printf("validation (trained on train; %d buckets, %d weights):\n", keys, nw)
	report(q, exs, corpus.Validation, agMap, temp)
	fmt.Printf("temperature %.2f\n", temp)
	if c.validate && c.ft.dims > 0 {
		ftExperiment(c.ft, exs, m.Labels, q, temp, agMap)
	}
	if c.validate {
		if c.out != "internal/category/model.bin" {
			// a look at the validation model (e.g. with a sample text); never the embedded file
			for i := range t.Scale {
				t.Scale[i] /= float32(temp)
				t.Bias[i] /= float32(temp)
			}
			if bin, err := t.MarshalBinary(); err == nil {
				os.WriteFile(c.out, bin, 0o644)
			}
		}
		return nil
	}

	// 2. the shipped model: train+validation, same settings, same temperature
	w, b, kept, nbw, nbb = fit(c, exs, len(m.Labels), func(s corpus.Split) bool { return s != corpus.Test })
	w, b = combine(w, b, nbw, nbb, c.nb)
	t = quantize(c, w, b, m.Labels, temp, kept)
	bin, err := t.MarshalBinary()
	if err != nil {
		return err
	}
	q = load(t)
	keys, nw = q.Size()
	fmt.Printf("test (held out; the bench scores the same rows through the scorer; %d buckets, %d weights):\n", keys, nw)
	report(q, exs, corpus.Test, agMap, 1)
	if err := os.WriteFile(c.out, bin, 0o644); err != nil {
		return err
	}
	fmt.Printf("wrote %s: %d bytes, %d labels x %d buckets, in %.1fs\n", c.out, len(bin), len(m.Labels), c.buckets, time.Since(start).Seconds())
	return nil
}

// train runs SGD on softmax regression over the examples whose split use
// accepts, in an order shuffled by the seed, with the learning rate decaying
// linearly to zero. Each pass drops each feature of a row with probability
// -dropout (scaling the rest up), which regularises like an adaptive L2
// (Wager, Wang & Liang, "Dropout Training as Adaptive Regularization", 2013)
// and was worth about 1.5 points on the AG News validation rows. Rows with several allowed labels are trained towards the model's
// own distribution restricted to them (uniform in the first pass); weak
// labels take their share of the target.
func train(c config, exs []example, k int, use func(corpus.Split) bool, mask []bool) (w []float32, b []float64) {
	var order []int
	for i, e := range exs {
		if use(e.split) {
			order = append(order, i)
		}
	}
	w = make([]float32, int(c.buckets)*k)
	b = make([]float64, k)
	rng := rand.New(rand.NewPCG(c.seed, 0x1ede))
	p := make([]float64, k)
	t := make([]float64, k)
	var tmp example
	total := float64(c.epochs * len(order))
	step := 0.0
	for ep := 0; ep < c.epochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, i := range order {
			e0 := &exs[i]
			e := e0
			if c.dropout > 0 {
				tmp.fs = tmp.fs[:0]
				for _, f := range e0.fs {
					if rng.Float64() >= c.dropout {
						tmp.fs = append(tmp.fs, category.Feature{Bucket: f.Bucket, Value: f.Value / float32(1-c.dropout)})
					}
				}
				tmp.allowed, tmp.weak, tmp.share = e0.allowed, e0.weak, e0.share
				e = &tmp
			}
			lr := c.lr * (1 - step/total)
			step++
			probs(w, b, e.fs, k, p)
			target(e, p, t, ep == 0)
			// t becomes the gradient of the loss with respect to the logits
			for l := 0; l < k; l++ {
				g := (p[l] - t[l]) * e0.weight
				b[l] -= lr * g * 0.1 // biases move slowly: they see every row
				t[l] = g
			}
			decay := float32(1 - lr*c.l2)
			for _, f := range e.fs {
				row := w[int(f.Bucket)*k : int(f.Bucket)*k+k]
				if mask != nil {
					// only the selected weights move; the others stay 0
					for l, on := range mask[int(f.Bucket)*k : int(f.Bucket)*k+k] {
						if on {
							row[l] = row[l]*decay - float32(lr*t[l])*f.Value
						}
					}
					continue
				}
				for l := range row {
					row[l] = row[l]*decay - float32(lr*t[l])*f.Value
				}
			}
		}
	}
	return w, b
}

func probs(w []float32, b []float64, fs []category.Feature, k int, p []float64) {
	for c := range p {
		p[c] = b[c]
	}
	for _, f := range fs {
		row := w[int(f.Bucket)*k : int(f.Bucket)*k+k]
		for c, x := range row {
			p[c] += float64(x * f.Value)
		}
	}
	hi := slices.Max(p)
	sum := 0.0
	for c := range p {
		p[c] = math.Exp(p[c] - hi)
		sum += p[c]
	}
	for c := range p {
		p[c] /= sum
	}
}

// quantize returns the model's table: the kept buckets (all buckets with a
// weight when kept is nil), each with its nonzero weights as 4-bit codes of
// a per-label codebook (see codebook), scales and biases divided by the
// temperature. Whole buckets (-keep) put zero in the codebook and store no
// weight whose code is zero; selected weights (-nnz) are all nonzero, so
// their codebook spends no code on zero.
func quantize(cfg config, w []float32, b []float64, labels []string, temp float64, kept []bool) *category.Table {
	k := len(labels)
	buckets := uint32(cfg.buckets)
	t := &category.Table{Labels: slices.Clone(labels), Buckets: buckets, Prefix: cfg.prefix,
		Scale: make([]float32, k), Bias: make([]float32, k), Book: make([]float32, 16*k)}
	var keys []uint32
	for i := 0; i < int(buckets); i++ {
		if kept != nil && kept[i] || kept == nil && slices.ContainsFunc(w[i*k:i*k+k], func(x float32) bool { return x != 0 }) {
			keys = append(keys, uint32(i))
		}
	}
	codes := make([]int, len(keys)*k) // -1: not stored
	for c := 0; c < k; c++ {
		var xs []float64
		for _, key := range keys {
			if x := w[int(key)*k+c]; x != 0 || cfg.nnz == 0 {
				xs = append(xs, float64(x))
			}
		}
		book := codebook(xs, cfg.nnz == 0)
		for j, x := range book {
			t.Book[c*16+j] = float32(x)
		}
		for i, key := range keys {
			x := float64(w[int(key)*k+c])
			codes[i*k+c] = -1
			if j := nearest(book, x); x != 0 && book[j] != 0 {
				codes[i*k+c] = j
			}
		}
		t.Scale[c] = float32(1 / temp)
		t.Bias[c] = float32(b[c] / temp)
	}
	for i, key := range keys {
		var es []category.Entry
		for c := 0; c < k; c++ {
			if j := codes[i*k+c]; j >= 0 {
				es = append(es, category.Entry{Label: uint8(c), Code: uint8(j)})
			}
		}
		if len(es) > 0 {
			t.Keys = append(t.Keys, key)
			t.Entries = append(t.Entries, es)
		}
	}
	return t
}

// load returns the model a table makes, read as the engine reads it.
func load(t *category.Table) *category.Model {
	b, err := t.MarshalBinary()
	if err != nil {
		panic(err) // quantize built it: a bug
	}
	m, err := category.Load(b)
	if err != nil {
		panic(err)
	}
	return m
}

// rowsWith returns, for each of n buckets, how many rows of the split use
// accepts have a feature in it.
func rowsWith(exs []example, n int, use func(corpus.Split) bool) []float64 {
	df := make([]float64, n)
	for i := range exs {
		if use(exs[i].split) {
			for _, f := range exs[i].fs {
				df[f.Bucket]++
			}
		}
	}
	return df
}

// selectWeights picks the nnz weights of the dense model w that matter
// most, and returns them as a mask over w and the buckets that keep any.
// A softmax ignores a constant added to all of one feature's weights, so
// each bucket's weights are first moved by their median: the labels a
// feature says little about come to zero, and only the ones it argues for
// or against stand out. Weights are then ranked by |weight| x df^alpha (df:
// rows with the feature, so that alpha > 0 favours weights that decide
// many rows over large weights of rare words); ties go to the lower index,
// so the result is stable.
func selectWeights(w []float32, k, nnz int, df []float64, alpha float64) (mask, kept []bool) {
	n := len(w) / k
	score := make([]float32, len(w))
	row := make([]float32, k)
	var cand []int32
	for i := range n {
		copy(row, w[i*k:i*k+k])
		slices.Sort(row)
		med := (row[(k-1)/2] + row[k/2]) / 2
		f := float32(math.Pow(df[i], alpha))
		for c := range k {
			x := w[i*k+c]
			if x == 0 {
				continue
			}
			if s := abs32(x-med) * f; s > 0 {
				score[i*k+c] = s
				cand = append(cand, int32(i*k+c))
			}
		}
	}
	slices.SortFunc(cand, func(a, b int32) int {
		if c := cmp.Compare(score[b], score[a]); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	mask = make([]bool, len(w))
	kept = make([]bool, n)
	for _, j := range cand[:min(nnz, len(cand))] {
		mask[j] = true
		kept[int(j)/k] = true
	}
	return mask, kept
}

func abs32(x float32) float32 { return max(x, -x) }

// fitTemperature picks the temperature that minimises the validation
// negative log-likelihood (of the row's allowed labels), by a grid search.
func fitTemperature(m *category.Model, exs []example) float64 {
	best, bestT := math.Inf(1), 1.0
	p := make([]float64, len(m.Labels))
	for t := 0.3; t <= 4.001; t += 0.05 {
		mt := *m
		mt.Scale, mt.Bias = slices.Clone(m.Scale), slices.Clone(m.Bias)
		for c := range mt.Scale {
			mt.Scale[c] /= float32(t)
			mt.Bias[c] /= float32(t)
		}
		nll := 0.0
		for i := range exs {
			e := &exs[i]
			if e.split != corpus.Validation {
				continue
			}
			p, _ = mt.Probabilities(p, e.fs)
			s := 0.0
			for _, a := range e.allowed {
				s += p[a]
			}
			nll -= math.Log(max(s, 1e-12))
		}
		if nll < best {
			best, bestT = nll, t
		}
	}
	return math.Round(bestT*100) / 100
}

// report prints AG News accuracy (labels mapped to AG's classes), HuffPost
// accuracy and macro-F1 over the taxonomy, and a reliability table.
func report(m0 *category.Model, exs []example, split corpus.Split, agMap map[string]string, temp float64) {
	m := *m0
	m.Scale, m.Bias = slices.Clone(m0.Scale), slices.Clone(m0.Bias)
	for c := range m.Scale {
		m.Scale[c] /= float32(temp)
		m.Bias[c] /= float32(temp)
	}
	p := make([]float64, len(m.Labels))
	type tally struct{ n, ok int }
	var ag, hp tally
	unknown := 0 // rows too few of whose words the model knows: lede calls them uncertain
	tp, fp, fn := map[string]int{}, map[string]int{}, map[string]int{}
	var bins [10]tally
	agConf := map[string]int{}
	defer func() {
		keys := make([]string, 0, len(agConf))
		for k := range agConf {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			fmt.Printf("    %s: %d\n", k, agConf[k])
		}
	}()
	for i := range exs {
		e := &exs[i]
		if e.split != split || e.gold == "" {
			continue
		}
		p, _ = m.Probabilities(p, e.fs)
		if m.Distribution(strings.ReplaceAll(e.text, "\n", " ")) == nil {
			unknown++
		}
		top := 0
		for c := range p {
			if p[c] > p[top] {
				top = c
			}
		}
		pred := m.Labels[top]
		var ok bool
		if e.source == "agnews" {
			ok = agMap[pred] == e.gold
			agConf[e.gold+" -> "+pred]++
			if !ok && os.Getenv("CATERR") != "" {
				fmt.Printf("ERR %s -> %s %.2f: %.150s\n", e.gold, pred, p[top], e.text)
			}
			ag.n++
			if ok {
				ag.ok++
			}
		} else {
			ok = pred == e.gold
			hp.n++
			if ok {
				hp.ok++
				tp[pred]++
			} else {
				fp[pred]++
				fn[e.gold]++
			}
		}
		bin := min(int(p[top]*10), 9)
		bins[bin].n++
		if ok {
			bins[bin].ok++
		}
	}
	f1sum, nl := 0.0, 0
	for _, l := range m.Labels {
		if tp[l]+fn[l] == 0 {
			continue
		}
		nl++
		if tp[l] > 0 {
			pr := float64(tp[l]) / float64(tp[l]+fp[l])
			rc := float64(tp[l]) / float64(tp[l]+fn[l])
			f1sum += 2 * pr * rc / (pr + rc)
		}
	}
	pct := func(a, b int) float64 { return 100 * float64(a) / float64(max(b, 1)) }
	fmt.Printf("  AG News (4 classes, mapped): %.2f%% of %d\n", pct(ag.ok, ag.n), ag.n)
	fmt.Printf("  HuffPost (taxonomy): %.2f%% of %d, macro-F1 %.2f%% over %d labels\n", pct(hp.ok, hp.n), hp.n, 100*f1sum/float64(max(nl, 1)), nl)
	var sb strings.Builder
	for i, t := range bins {
		if t.n > 0 {
			fmt.Fprintf(&sb, " [%.1f,%.1f) %d: %.0f%%;", float64(i)/10, float64(i+1)/10, t.n, pct(t.ok, t.n))
		}
	}
	fmt.Printf("  top-label confidence -> accuracy:%s\n", sb.String())
	fmt.Printf("  rows with too few known words (uncertain whatever the scores): %d of %d\n", unknown, ag.n+hp.n)
}

// prune keeps the keep buckets whose largest weight (over the labels) is
// largest, zeroes the others' weights and returns which were kept; nil when
// every bucket fits. Ties go to the lower bucket, so the result is stable.
func prune(w []float32, k, keep int) (kept []bool) {
	n := len(w) / k
	if keep <= 0 || keep >= n {
		return nil
	}
	score := make([]float32, n)
	for i := range n {
		for _, x := range w[i*k : i*k+k] {
			score[i] = max(score[i], x, -x)
		}
	}
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(score[b], score[a]) })
	kept = make([]bool, n)
	for _, i := range order[:keep] {
		kept[i] = score[i] > 0
	}
	for i := range n {
		if !kept[i] {
			clear(w[i*k : i*k+k])
		}
	}
	return kept
}

// restrict returns copies of the examples without the features of buckets
// that were not kept.
func restrict(exs []example, kept []bool) []example {
	out := slices.Clone(exs)
	for i := range out {
		var fs []category.Feature
		for _, f := range out[i].fs {
			if kept[f.Bucket] {
				fs = append(fs, f)
			}
		}
		out[i].fs = fs
	}
	return out
}

// fit trains on the rows whose split use accepts: a dense model, pruned to
// -keep buckets, retrained on those with -seeds seeds and the weights
// averaged (the average of linear models' logits is a linear model, so the
// ensemble costs nothing at run time). It also returns naive Bayes weights
// over the kept buckets (see naiveBayes) for combine.
func fit(c config, exs []example, k int, use func(corpus.Split) bool) (w []float32, b []float64, kept []bool, nbw []float32, nbb []float64) {
	w, b = train(c, exs, k, use, nil)
	return refit(c, exs, k, use, w, b)
}

// refit is fit after the dense training (w, b): with -nnz it selects the
// weights to keep (selectWeights) and retrains only those; else it prunes
// to -keep buckets and retrains those.
func refit(c config, exs []example, k int, use func(corpus.Split) bool, w []float32, b []float64) (_ []float32, _ []float64, kept []bool, nbw []float32, nbb []float64) {
	var mask []bool
	if c.nnz > 0 {
		df := rowsWith(exs, len(w)/k, use)
		for s := max(c.nnzSteps, 1) - 1; s > 0; s-- {
			// gradual pruning: keep nnz * 2^s, retrain those, select again
			mask, kept = selectWeights(w, k, c.nnz<<s, df, c.nnzFreq)
			w, b = train(c, restrict(exs, kept), k, use, mask)
		}
		mask, kept = selectWeights(w, k, c.nnz, df, c.nnzFreq)
	} else {
		kept = prune(slices.Clone(w), k, c.keep)
	}
	if kept == nil && c.seeds <= 1 {
		return w, b, nil, naiveBayes(w, b, exs, k, use, nil), nbPrior(exs, w, b, k, use)
	}
	rex := exs
	if kept != nil {
		rex = restrict(exs, kept)
	}
	n := max(c.seeds, 1)
	for s := 0; s < n; s++ {
		cs := c
		cs.seed = c.seed + uint64(s)
		ws, bs := train(cs, rex, k, use, mask)
		if s == 0 {
			w, b = ws, bs
			continue
		}
		for i := range w {
			w[i] += ws[i]
		}
		for i := range b {
			b[i] += bs[i]
		}
	}
	for i := range w {
		w[i] /= float32(n)
	}
	for i := range b {
		b[i] /= float64(n)
	}
	return w, b, kept, naiveBayes(w, b, rex, k, use, kept), nbPrior(rex, w, b, k, use)
}

// target writes into t a row's training target: its label, or for a row
// with several allowed labels the model's distribution p restricted to
// them (uniform when first is set), with weak labels taking their shares.
func target(e *example, p, t []float64, first bool) {
	clear(t)
	if len(e.allowed) == 1 {
		t[e.allowed[0]] = 1
	} else {
		sum := 0.0
		for _, a := range e.allowed {
			sum += p[a]
		}
		for _, a := range e.allowed {
			if first || sum == 0 {
				t[a] = 1 / float64(len(e.allowed))
			} else {
				t[a] = p[a] / sum
			}
		}
	}
	for j, weak := range e.weak {
		for l := range t {
			t[l] *= 1 - e.share[j]
		}
		t[weak] += e.share[j]
	}
}

// naiveBayes returns multinomial naive Bayes weights over the buckets
// (only kept ones when kept is set): each row's length-normalised feature
// values count towards its target labels (partial labels resolved by the
// trained model w, b), smoothed by add-one-tenth; a bucket's weight for a
// label is the log probability minus its mean over the labels (softmax
// ignores a per-feature constant), with the sign of the bucket's dominant
// hash sign, so that it applies to Feature.Value as the regression's does.
func naiveBayes(w []float32, b []float64, exs []example, k int, use func(corpus.Split) bool, kept []bool) []float32 {
	n := len(w) / k
	cnt := make([]float64, n*k)
	sign := make([]float64, n)
	tot := make([]float64, k)
	p := make([]float64, k)
	t := make([]float64, k)
	for i := range exs {
		e := &exs[i]
		if !use(e.split) {
			continue
		}
		probs(w, b, e.fs, k, p)
		target(e, p, t, false)
		for _, f := range e.fs {
			v := math.Abs(float64(f.Value))
			sign[f.Bucket] += float64(f.Value)
			for l := range k {
				cnt[int(f.Bucket)*k+l] += v * t[l] * e.weight
				tot[l] += v * t[l] * e.weight
			}
		}
	}
	vocab := 0
	for i := range n {
		if kept == nil || kept[i] {
			vocab++
		}
	}
	const alpha = 0.1
	out := make([]float32, n*k)
	lt := make([]float64, k)
	for i := range n {
		if kept != nil && !kept[i] || sign[i] == 0 {
			continue
		}
		mean := 0.0
		for l := range k {
			lt[l] = math.Log((cnt[i*k+l] + alpha) / (tot[l] + alpha*float64(vocab)))
			mean += lt[l]
		}
		mean /= float64(k)
		s := 1.0
		if sign[i] < 0 {
			s = -1
		}
		for l := range k {
			out[i*k+l] = float32(s * (lt[l] - mean))
		}
	}
	return out
}

// nbPrior returns the naive Bayes log prior of each label (centred).
func nbPrior(exs []example, w []float32, b []float64, k int, use func(corpus.Split) bool) []float64 {
	pr := make([]float64, k)
	p := make([]float64, k)
	t := make([]float64, k)
	for i := range exs {
		e := &exs[i]
		if !use(e.split) {
			continue
		}
		probs(w, b, e.fs, k, p)
		target(e, p, t, false)
		for l := range k {
			pr[l] += t[l] * e.weight
		}
	}
	mean := 0.0
	for l := range pr {
		pr[l] = math.Log(pr[l] + 1)
		mean += pr[l]
	}
	for l := range pr {
		pr[l] -= mean / float64(k)
	}
	return pr
}

// combine returns w + beta*nbw and b + beta*nbb (new slices).
func combine(w []float32, b []float64, nbw []float32, nbb []float64, beta float64) ([]float32, []float64) {
	if beta == 0 {
		return w, b
	}
	w2 := slices.Clone(w)
	for i := range w2 {
		w2[i] += float32(beta) * nbw[i]
	}
	b2 := slices.Clone(b)
	for i := range b2 {
		b2[i] += beta * nbb[i]
	}
	return w2, b2
}

// codebook returns 16 ascending values that represent xs with the least
// squared error, by Lloyd's algorithm (1-D k-means) started from 16 evenly
// spaced values from the least to the greatest; deterministic. With zero
// set, zero is one of them, so a weight the model barely uses is not
// stored at all.
func codebook(xs []float64, zero bool) []float64 {
	sorted := slices.Clone(xs)
	slices.Sort(sorted)
	book := make([]float64, 16)
	if len(sorted) == 0 {
		return book
	}
	lo, hi := sorted[0], sorted[len(sorted)-1]
	for j := range book {
		book[j] = lo + (hi-lo)*float64(j)/15
	}
	sum := make([]float64, 16)
	cnt := make([]int, 16)
	for it := 0; it < 30; it++ {
		clear(sum)
		clear(cnt)
		for _, x := range sorted {
			j := nearest(book, x)
			sum[j] += x
			cnt[j]++
		}
		for j := range book {
			if cnt[j] > 0 {
				book[j] = sum[j] / float64(cnt[j])
			}
		}
		slices.Sort(book)
	}
	if zero {
		// the code nearest zero becomes exactly zero
		book[nearest(book, 0)] = 0
	}
	return book
}

// nearest returns the index of the value of book (ascending) closest to x.
func nearest(book []float64, x float64) int {
	j, _ := slices.BinarySearch(book, x)
	if j == len(book) || j > 0 && x-book[j-1] <= book[j]-x {
		j--
	}
	return j
}

package main

import (
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode"

	"github.com/lede-news/lede/internal/category"
	"github.com/lede-news/lede/internal/category/corpus"
)

// ftModel is a fastText-style classifier (Joulin et al., "Bag of Tricks for
// Efficient Text Classification", 2016): each hashed feature has a small
// embedding; a text is the value-weighted sum of its features' embeddings
// (the values are already unit length), and a k x dims layer maps it to
// the label logits. Tried as an alternative and as an ensemble partner of
// the regression (see docs/models/categories.md).
type ftModel struct {
	buckets, dims, k int
	emb              []float32 // buckets x dims
	out              []float32 // k x dims
	bias             []float64
}

func (m *ftModel) hidden(fs []category.Feature, h []float64) {
	clear(h)
	for _, f := range fs {
		e := m.emb[int(f.Bucket)%m.buckets*m.dims:][:m.dims]
		for d, x := range e {
			h[d] += float64(f.Value * x)
		}
	}
}

func (m *ftModel) probs(fs []category.Feature, h, p []float64) {
	m.hidden(fs, h)
	for c := range p {
		z := m.bias[c]
		for d, x := range m.out[c*m.dims : c*m.dims+m.dims] {
			z += float64(x) * h[d]
		}
		p[c] = z
	}
	hi := slices.Max(p)
	s := 0.0
	for c := range p {
		p[c] = math.Exp(p[c] - hi)
		s += p[c]
	}
	for c := range p {
		p[c] /= s
	}
}

type ftConfig struct {
	buckets, dims, epochs int
	lr, dropout           float64
	seed                  uint64
	pretrain              int // skip-gram passes over unlabelled text before training (0: none)
	init                  []float32
}

func trainFT(fc ftConfig, exs []example, k int, use func(corpus.Split) bool) *ftModel {
	m := &ftModel{buckets: fc.buckets, dims: fc.dims, k: k,
		emb: make([]float32, fc.buckets*fc.dims), out: make([]float32, k*fc.dims), bias: make([]float64, k)}
	rng := rand.New(rand.NewPCG(fc.seed, 0xfa57))
	for i := range m.emb {
		m.emb[i] = float32((rng.Float64()*2 - 1) / float64(fc.dims))
	}
	if fc.init != nil {
		copy(m.emb, fc.init)
	}
	var order []int
	for i, e := range exs {
		if use(e.split) {
			order = append(order, i)
		}
	}
	h := make([]float64, fc.dims)
	gh := make([]float64, fc.dims)
	p := make([]float64, k)
	t := make([]float64, k)
	var fs []category.Feature
	total := float64(fc.epochs * len(order))
	step := 0.0
	for ep := 0; ep < fc.epochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, i := range order {
			e := &exs[i]
			fs = fs[:0]
			for _, f := range e.fs {
				if fc.dropout == 0 || rng.Float64() >= fc.dropout {
					fs = append(fs, category.Feature{Bucket: f.Bucket % uint32(fc.buckets), Value: f.Value / float32(1-fc.dropout)})
				}
			}
			lr := fc.lr * (1 - step/total)
			step++
			m.probs(fs, h, p)
			target(e, p, t, ep == 0)
			clear(gh)
			for c := 0; c < k; c++ {
				g := (p[c] - t[c]) * e.weight
				m.bias[c] -= lr * g * 0.1
				o := m.out[c*fc.dims : c*fc.dims+fc.dims]
				for d := range o {
					gh[d] += g * float64(o[d])
					o[d] -= float32(lr * g * h[d])
				}
			}
			for _, f := range fs {
				em := m.emb[int(f.Bucket)*fc.dims:][:fc.dims]
				for d := range em {
					em[d] -= float32(lr * gh[d] * float64(f.Value))
				}
			}
		}
	}
	return m
}

// ftExperiment scores the fastText-style model alone and averaged with the
// regression q (at temperature temp) on the validation rows.
func ftExperiment(fc ftConfig, exs []example, labels []string, q *category.Model, temp float64, agMap map[string]string) {
	k := len(labels)
	m := trainFT(fc, exs, k, func(s corpus.Split) bool { return s == corpus.Train })
	h := make([]float64, fc.dims)
	pf := make([]float64, k)
	pl := make([]float64, k)
	mix := make([]float64, k)
	ws := []float64{0, 0.3, 0.5, 0.7, 1}
	agOK := make([]int, len(ws))
	hpOK := make([]int, len(ws))
	agN, hpN := 0, 0
	nll := 0.0
	for i := range exs {
		e := &exs[i]
		if e.split != corpus.Validation || e.gold == "" {
			continue
		}
		m.probs(e.fs, h, pf)
		pl, _ = q.Probabilities(pl, e.fs)
		// temperature on the regression
		for c := range pl {
			pl[c] = math.Log(max(pl[c], 1e-30)) / temp
		}
		hi := slices.Max(pl)
		s := 0.0
		for c := range pl {
			pl[c] = math.Exp(pl[c] - hi)
			s += pl[c]
		}
		for c := range pl {
			pl[c] /= s
		}
		sa := 0.0
		for _, a := range e.allowed {
			sa += pf[a]
		}
		nll -= math.Log(max(sa, 1e-12))
		for j, w := range ws {
			for c := range mix {
				mix[c] = w*pf[c] + (1-w)*pl[c]
			}
			top := 0
			for c := range mix {
				if mix[c] > mix[top] {
					top = c
				}
			}
			if e.source == "agnews" {
				if agMap[labels[top]] == e.gold {
					agOK[j]++
				}
			} else if labels[top] == e.gold {
				hpOK[j]++
			}
		}
		if e.source == "agnews" {
			agN++
		} else {
			hpN++
		}
	}
	fmt.Printf("fastText %d buckets x %d dims, %d epochs, lr %.2f, dropout %.2f: FT NLL %.1f\n", fc.buckets, fc.dims, fc.epochs, fc.lr, fc.dropout, nll)
	for j, w := range ws {
		fmt.Printf("  FT weight %.1f: AG %.2f%%  HuffPost %.2f%%\n", w, 100*float64(agOK[j])/float64(agN), 100*float64(hpOK[j])/float64(hpN))
	}
}

// unlabelledTexts returns the texts word vectors are learned from: the
// training and validation rows (never the test rows), the DUC 2001
// documents and the CoNLL 2003 training sentences, when present.
func unlabelledTexts(exs []example, data string) []string {
	var out []string
	for i := range exs {
		if exs[i].split != corpus.Test && !exs[i].titleOnly {
			out = append(out, exs[i].text)
		}
	}
	root := filepath.Dir(data)
	if files, err := filepath.Glob(filepath.Join(root, "keyphrases", "duc2001", "raw", "*.sgml")); err == nil {
		slices.Sort(files)
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				continue
			}
			// drop the markup: anything between < and >
			var sb strings.Builder
			in := false
			for _, c := range string(b) {
				switch {
				case c == '<':
					in = true
				case c == '>':
					in = false
					sb.WriteByte(' ')
				case !in:
					sb.WriteRune(c)
				}
			}
			out = append(out, sb.String())
		}
	}
	if b, err := os.ReadFile(filepath.Join(root, "ner", "conll2003", "eng.train")); err == nil {
		var sent []string
		for _, line := range strings.Split(string(b), "\n") {
			f := strings.Fields(line)
			if len(f) == 0 || f[0] == "-DOCSTART-" {
				if len(sent) > 0 {
					out = append(out, strings.Join(sent, " "))
					sent = sent[:0]
				}
				continue
			}
			sent = append(sent, f[0])
		}
	}
	return out
}

// pretrain learns the embeddings of word (unigram and prefix) buckets by
// skip-gram with negative sampling (Mikolov et al., 2013) over texts, a
// word's input vector being the value-weighted sum of its features'
// embeddings, as in the classifier. Deterministic for a seed.
func pretrain(fc ftConfig, fz *category.Featurizer, texts []string, epochs int) []float32 {
	dims := fc.dims
	ids := map[string]int{}
	var feats [][]category.Feature
	var counts []int
	var docs [][]int
	for _, t := range texts {
		words := strings.FieldsFunc(strings.ToLower(t), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		var doc []int
		for _, w := range words {
			id, ok := ids[w]
			if !ok {
				fs := fz.AppendFeatures(nil, w)
				if len(fs) == 0 {
					continue
				}
				for j := range fs {
					fs[j].Bucket %= uint32(fc.buckets)
				}
				id = len(feats)
				ids[w] = id
				feats = append(feats, fs)
				counts = append(counts, 0)
			}
			counts[id]++
			doc = append(doc, id)
		}
		docs = append(docs, doc)
	}
	// negative-sampling table: word ids by count^0.75
	var table []int32
	tot := 0.0
	for _, n := range counts {
		tot += math.Pow(float64(n), 0.75)
	}
	const tableSize = 1 << 22
	for id, n := range counts {
		m := int(math.Pow(float64(n), 0.75) / tot * tableSize)
		for range m {
			table = append(table, int32(id))
		}
	}
	rng := rand.New(rand.NewPCG(fc.seed, 0x5e9))
	emb := make([]float32, fc.buckets*dims)
	for i := range emb {
		emb[i] = float32((rng.Float64()*2 - 1) / float64(dims))
	}
	outv := make([]float32, len(feats)*dims)
	h := make([]float64, dims)
	gh := make([]float64, dims)
	ntok := 0
	for _, d := range docs {
		ntok += len(d)
	}
	fmt.Printf("pretraining: %d texts, %d tokens, %d words\n", len(docs), ntok, len(feats))
	const window, neg = 5, 5
	lr0 := 0.05
	step, total := 0.0, float64(epochs*ntok)
	for ep := 0; ep < epochs; ep++ {
		for _, d := range docs {
			for i, w := range d {
				lr := lr0 * (1 - step/total)
				step++
				// subsample frequent words
				f := float64(counts[w]) / float64(ntok)
				if keep := (math.Sqrt(f/1e-4) + 1) * 1e-4 / f; keep < rng.Float64() {
					continue
				}
				clear(h)
				for _, ft := range feats[w] {
					for j, x := range emb[int(ft.Bucket)*dims:][:dims] {
						h[j] += float64(ft.Value * x)
					}
				}
				clear(gh)
				win := 1 + rng.IntN(window)
				for c := max(0, i-win); c <= min(len(d)-1, i+win); c++ {
					if c == i {
						continue
					}
					for s := 0; s <= neg; s++ {
						tgt, label := d[c], 1.0
						if s > 0 {
							tgt, label = int(table[rng.IntN(len(table))]), 0
							if tgt == d[c] {
								continue
							}
						}
						o := outv[tgt*dims : tgt*dims+dims]
						z := 0.0
						for j := range o {
							z += float64(o[j]) * h[j]
						}
						g := (label - 1/(1+math.Exp(-z))) * lr
						for j := range o {
							gh[j] += g * float64(o[j])
							o[j] += float32(g * h[j])
						}
					}
				}
				for _, ft := range feats[w] {
					e := emb[int(ft.Bucket)*dims:][:dims]
					for j := range e {
						e[j] += float32(gh[j] * float64(ft.Value))
					}
				}
			}
		}
	}
	return emb
}

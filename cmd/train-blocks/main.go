// Command train-blocks learns the block classifiers of package article
// from the extraction benchmark's dev split, chooses their settings by
// k-fold cross-validation over the dev pages, and writes the model.
//
//	go run ./cmd/train-blocks [-kind html|text] [-family lr,gbdt] [-data DIR] [-k 5] [-out FILE] [-drop f1,f2|rules|vocab] [-nested] [-hidden N] [-oof FILE] [-thresholds 0.4,0.5] [-gaps 3] [-segs 10,30] [-only ROW]
//
// With no flags it rebuilds the shipped HTML model: boosted trees without
// the hand rules' verdicts or vocabulary tests (-family gbdt -drop vocab).
//
// -kind html reads the pages' HTML (../shared/data/article-extraction/dev)
// and writes internal/article/blocks.model; -kind text reads the same pages
// as pasted text (dev-pasted) and writes internal/article/lines.model
// (not embedded: no line model has beaten the rules by more than noise).
//
// A block's (or line's) label is whether its text belongs to the page's
// true article body: at least half of its 4-token shingles (the
// benchmark's own unit) occur in the ground truth. Pages fall into k folds
// by their place in id order; for every setting (boosted trees, a logistic
// regression or a small tanh network, their size or L2 strength, sample
// weighting, threshold, best-run decoding, for pasted text a gap cost in
// the run or segment decoding with a cost per extra stretch) a model is
// trained on k-1 folds and the whole extractor (the hand rules, then the
// model) is scored on the fold it did not see, with the benchmark's
// metric. The setting with the best mean over folds is compared with the
// hand rules page by page (a paired bootstrap over the pages: is the
// difference more than noise?), trained on all pages, timed against the
// rules alone, and written. Trees grow on fixed quantile cuts; the
// regression and the network train by full-batch gradient descent (Adam)
// from fixed starting weights; all in a fixed order, so the output is the
// same byte for byte on every run. See docs/models/blocks.md and
// docs/models/lines.md.
package main

import (
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/lede-news/lede/internal/aeb"
	"github.com/lede-news/lede/internal/article"
)

func main() {
	kind := flag.String("kind", "html", "html: blocks of pages (dev/html, blocks.model); text: lines of pastes (dev-pasted/text, lines.model)")
	data := flag.String("data", "", "benchmark folder with ground-truth.json and html/ or text/ (default: ../shared/data/article-extraction/dev or dev-pasted)")
	out := flag.String("out", "-", "model file to write (default: internal/article/blocks.model or lines.model; empty: do not write)")
	k := flag.Int("k", 5, "cross-validation folds")
	drop := flag.String("drop", "-", `comma-separated features to leave out (their weights stay 0): names, "rules" (the hand rules' verdicts), "vocab" (those and the vocabulary tests), "linerules" (the text rules' verdicts); "-": the shipped choice, vocab for html, none for text; "": none`)
	oof := flag.String("oof", "", "write the chosen setting's out-of-fold bodies here, as eval_extraction.mjs --predictions reads them")
	hidden := flag.Int("hidden", 0, "also try a network with this many tanh hidden units (slow; it did not beat the logistic regression)")
	family := flag.String("family", "gbdt", "model families to try: lr (logistic regression), gbdt (boosted trees of depth <= 3), or lr,gbdt")
	nested := flag.Bool("nested", false, "also report nested cross-validation: each outer fold's setting chosen by an inner CV over the other folds")
	only := flag.String("only", "", "score only the row of this name, as the table prints it (a diagnosis or a timing of one setting)")
	thresholds := flag.String("thresholds", "", "comma-separated thresholds to try (default 0.3,0.4,0.5,0.6,0.7 for html, 0.4,0.5,0.6 for text)")
	gaps := flag.String("gaps", "", "comma-separated gap costs to try with the best run and with segments (pasted text; default 3)")
	segs := flag.String("segs", "", `comma-separated segment costs to try (pasted text; default 10,30; "0": none)`)
	var treeOpts setting // -lambda, -minhess, -rate
	treeGrid := flag.String("trees", "50x2,50x3,100x2,100x3", "boosted trees to try, as trees x depth")
	flag.Float64Var(&treeOpts.lambda, "lambda", 1, "boosted trees: the leaves' L2 penalty")
	flag.Float64Var(&treeOpts.minHess, "minhess", 1, "boosted trees: the least hessian on either side of a split")
	flag.Float64Var(&treeOpts.rate, "rate", 0.1, "boosted trees: the learning rate")
	seed := flag.Uint64("seed", 0, "with -folds site: 0 deals the sites out in id order, another number in an order shuffled by it")
	folds := flag.String("folds", "", "how pages fall into folds: site (the pages of one host name share a fold) or id (page i in fold i mod k, ids sorted); default site for html, id for text")
	flag.Parse()
	k0 := kinds[*kind]
	if k0 == nil {
		fmt.Fprintln(os.Stderr, "train-blocks: -kind is html or text")
		os.Exit(2)
	}
	if *data == "" {
		*data = k0.data
	}
	if *out == "-" {
		*out = k0.out
	}
	if *drop == "-" {
		*drop = k0.drop
	}
	var err error
	grid := grid{only: *only, thresholds: k0.thresholds}
	if *thresholds != "" {
		grid.thresholds, err = floats(*thresholds)
	}
	if err == nil && *gaps != "" {
		k0.gaps, err = floats(*gaps)
	}
	if err == nil && *segs != "" {
		k0.segs, err = floats(*segs)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "train-blocks:", err)
		os.Exit(2)
	}
	if *folds == "" {
		*folds = k0.folds
	}
	trees, err := parseGrid(*treeGrid)
	if err == nil {
		err = run(k0, *data, *out, *k, *folds, *seed, expandDrop(*drop), *hidden, *oof, *family, *nested, grid, trees, treeOpts)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "train-blocks:", err)
		os.Exit(1)
	}
}

// kind is what a model reads: the blocks of HTML pages or the lines of pastes.
type kind struct {
	data, out string
	drop      string // features left out by default
	folds     string // how pages fall into folds by default (-folds)
	names     []string
	samples   func(string) ([]article.BlockSample, error)
	// extract reads an input with a model (nil: the rules alone) and a
	// segment cost (0: none) and returns its body
	extract    func(string, *article.BlockModel, float64) string
	file       string    // the input file of an id: html/%s.html.gz or text/%s.txt
	gaps       []float64 // best-run gap costs to try (pasted text only)
	segs       []float64 // segment costs to try (pasted text only): several stretches of body
	thresholds []float64 // thresholds to try
}

var kinds = map[string]*kind{
	"html": {
		data: "../shared/data/article-extraction/dev", out: "internal/article/blocks.model", drop: "vocab", folds: "site",
		thresholds: []float64{0.3, 0.4, 0.5, 0.6, 0.7},
		names:      article.FeatureNames(), samples: article.BlockSamples, file: "html/%s.html.gz",
		extract: func(in string, m *article.BlockModel, _ float64) string {
			d, err := article.ParseHTMLWith(in, m)
			if err != nil {
				return ""
			}
			return article.Body(d)
		},
	},
	"text": {
		data: "../shared/data/article-extraction/dev-pasted", out: "internal/article/lines.model", folds: "id",
		names: article.LineFeatureNames(), file: "text/%s.txt", gaps: []float64{3}, segs: []float64{10, 30},
		thresholds: []float64{0.4, 0.5, 0.6},
		samples:    func(in string) ([]article.BlockSample, error) { return article.LineSamples(in), nil },
		extract: func(in string, m *article.BlockModel, seg float64) string {
			return article.Body(article.ParseTextSegments(in, m, seg))
		},
	},
}

type page struct {
	id    string
	html  string
	truth string
	site  string // the page's host name without "www.", for -folds site
	fold  int    // its cross-validation fold
	X     [][]float64
	y     []float64
	toks  []float64 // tokens per block, for weighting
}

// decoding is how scores become body blocks: the threshold alone, or
// with the best run (and, for pasted text, a gap cost per line below the
// threshold inside it).
type decoding struct {
	run bool
	gap float64
	seg float64 // > 0: segments, each after the first costing seg, in place of the best run
}

func (d decoding) String() string {
	switch {
	case d.seg != 0 && d.gap != 0:
		return fmt.Sprintf(", segments %g, gap %g", d.seg, d.gap)
	case d.seg != 0:
		return fmt.Sprintf(", segments %g", d.seg)
	case d.gap != 0:
		return fmt.Sprintf(", best run, gap %g", d.gap)
	case d.run:
		return ", best run"
	}
	return ""
}

type setting struct {
	lambda    float64
	weighting string // "uniform" or "tokens"
	hidden    int    // hidden units; 0: a logistic regression
	trees     int    // boosted trees; 0: not a tree model
	depth     int    // depth of each tree
	minHess   float64
	rate      float64 // learning rate of the trees
}

// expandDrop reads -drop: feature names, or "rules" for the hand rules'
// verdicts on the block and its neighbours (what the page-fitted rules
// decided), or "vocab" for the verdicts and the hand-written vocabulary
// tests besides (teaser, boilerplate, caption, byline, section end, share
// bar); for lines, "linerules" drops the text rules' verdicts.
func expandDrop(s string) string {
	lineRules := "rule_body,rule_related,rule_title,rule_meta,near_body,body_share,prev.rule_body,next.rule_body,prev2.rule_body,next2.rule_body"
	s = strings.ReplaceAll(s, "linerules", lineRules)
	rules := "rule_body,prev.rule_body,next.rule_body,prev2.rule_body,next2.rule_body,near_body"
	vocab := rules + ",teaser,boilerplate,caption,byline,section_end,share_bar"
	s = strings.ReplaceAll(s, "vocab", vocab)
	return strings.ReplaceAll(s, "rules", rules)
}

func (s setting) String() string {
	if s.trees > 0 {
		return fmt.Sprintf("boosted trees, %d of depth %d, λ=%g, rate %g, min hessian %g, %s weights", s.trees, s.depth, s.lambda, s.rate, s.minHess, s.weighting)
	}
	kind := "logistic regression"
	if s.hidden > 0 {
		kind = fmt.Sprintf("%d tanh hidden units", s.hidden)
	}
	return fmt.Sprintf("%s, λ=%g, %s weights", kind, s.lambda, s.weighting)
}

// grid narrows the settings tried: the thresholds, and only (when set)
// the one row of that name.
type grid struct {
	thresholds []float64
	only       string
}

// floats reads a comma-separated list of numbers; "0" in it is kept (a
// segment cost of 0 is the plain best run).
func floats(s string) ([]float64, error) {
	var out []float64
	for _, f := range strings.Split(s, ",") {
		v, err := strconv.ParseFloat(strings.TrimSpace(f), 64)
		if err != nil {
			return nil, fmt.Errorf("bad number %q in a list", f)
		}
		out = append(out, v)
	}
	return out, nil
}

func run(kd *kind, data, out string, k int, folds string, seed uint64, drop string, hidden int, oof, family string, nested bool, g grid, trees [][2]int, treeOpts setting) error {
	pages, err := load(kd, data)
	if err != nil {
		return err
	}
	if err := assignFolds(pages, k, folds, seed); err != nil {
		return err
	}
	names := kd.names
	nf := len(names)
	extract := kd.extract
	if drop != "" {
		off := map[string]bool{}
		for _, d := range strings.Split(drop, ",") {
			off[d] = true
		}
		for j, n := range names {
			if !off[n] {
				continue
			}
			for _, p := range pages {
				for _, x := range p.X {
					x[j] = 0
				}
			}
		}
	}
	fold := func(i int) int { return pages[i].fold }

	// the hand rules alone, scored per fold: the baseline
	rules := make([]string, len(pages))
	for i, p := range pages {
		rules[i] = extract(p.html, nil, 0)
	}
	how := fmt.Sprintf("page i is in fold i mod %d, ids sorted", k)
	if folds == "site" {
		how = "the pages of a site share a fold, sites dealt out in id order"
		if seed > 0 {
			how = fmt.Sprintf("the pages of a site share a fold, sites dealt out shuffled by seed %d", seed)
		}
	}
	fmt.Printf("%d pages, %d features, %d folds (%s)\n\n", len(pages), nf, k, how)
	fmt.Println("| setting | fold F1s | CV mean | spread (sd) | min–max | out-of-fold F1 (all pages) |")
	fmt.Println("| --- | --- | --- | --- | --- | --- |")
	printRow("hand rules alone (no training)", pages, rules, k)

	var settings []setting
	if strings.Contains(family, "lr") {
		for _, l := range []float64{1e-4, 1e-3, 1e-2} {
			for _, w := range []string{"uniform", "tokens"} {
				settings = append(settings, setting{lambda: l, weighting: w})
			}
		}
	}
	if hidden > 0 {
		for _, l := range []float64{1e-4, 1e-3} {
			settings = append(settings, setting{lambda: l, weighting: "uniform", hidden: hidden})
		}
	}
	if strings.Contains(family, "gbdt") {
		for _, td := range trees {
			for _, w := range []string{"uniform", "tokens"} {
				s := treeOpts
				s.weighting, s.trees, s.depth = w, td[0], td[1]
				settings = append(settings, s)
			}
		}
	}
	if g.only != "" {
		settings = slices.DeleteFunc(settings, func(s setting) bool { return !strings.HasPrefix(g.only, s.String()+",") })
	}
	thresholds := g.thresholds
	runs := []decoding{{}, {run: true}}
	for _, g := range kd.gaps {
		runs = append(runs, decoding{run: true, gap: g})
	}
	for _, sg := range kd.segs {
		if sg == 0 {
			continue
		}
		runs = append(runs, decoding{seg: sg})
		for _, g := range kd.gaps {
			runs = append(runs, decoding{seg: sg, gap: g})
		}
	}
	type result struct {
		s      setting
		t      float64
		run    decoding
		mean   float64
		preds  []string              // out-of-fold bodies
		models []*article.BlockModel // the fold models
	}
	var best result
	best.mean = -1
	for _, s := range settings {
		models := make([]*article.BlockModel, k)
		for f := 0; f < k; f++ {
			var train []*page
			for i := range pages {
				if fold(i) != f {
					train = append(train, &pages[i])
				}
			}
			models[f] = fit(train, s, names)
		}
		for _, t := range thresholds {
			for _, run := range runs {
				preds := make([]string, len(pages))
				for i, p := range pages {
					m := *models[fold(i)]
					m.Threshold, m.Run, m.Gap = t, run.run, run.gap
					preds[i] = extract(p.html, &m, run.seg)
				}
				name := fmt.Sprintf("%v, threshold %.1f%v", s, t, run)
				if g.only != "" && name != g.only {
					continue
				}
				mean := printRow(name, pages, preds, k)
				if mean > best.mean+1e-9 {
					best = result{s, t, run, mean, preds, models}
				}
			}
		}
	}
	fmt.Printf("\nchosen by CV mean: %v, threshold %.1f%v (CV mean %.4f)\n", best.s, best.t, best.run, best.mean)
	d, lo, hi := pairedBootstrap(pages, best.preds, rules, 2000)
	fmt.Printf("its out-of-fold bodies against the hand rules', pages resampled 2000 times: F1 difference %+.4f (95%% interval %+.4f … %+.4f)\n", d, lo, hi)
	if os.Getenv("TRAIN_BLOCKS_PAGES") != "" {
		// a diagnosis: pages where the chosen setting and the rules differ most
		for i, p := range pages {
			one := func(j int) bool { return j == i }
			a, _, _ := score(pages, best.preds, one)
			b, _, _ := score(pages, rules, one)
			match := strings.HasPrefix(p.id, os.Getenv("TRAIN_BLOCKS_PAGES"))
			if math.Abs(a-b) > 0.05 || match {
				fmt.Printf("page %s fold %d: model %.3f rules %.3f\n", p.id, fold(i), a, b)
				if match {
					fmt.Printf("  truth: %q\n  model: %q\n  rules: %q\n", p.truth, best.preds[i], rules[i])
					// every block's label and out-of-fold score
					samples, _ := kd.samples(p.html)
					for j, x := range p.X {
						t := samples[j].Text
						if len(t) > 70 {
							t = t[:70]
						}
						fmt.Printf("  y=%.0f p=%.2f %q\n", p.y[j], best.models[fold(i)].Prob(x), t)
					}
				}
			}
		}
	}
	if nested {
		nestedCV(pages, k, settings, thresholds, runs, names, extract)
	}
	if oof != "" {
		type body struct {
			ArticleBody string `json:"articleBody"`
		}
		m := make(map[string]body, len(pages))
		for i, p := range pages {
			m[p.id] = body{best.preds[i]}
		}
		b, err := json.MarshalIndent(m, "", " ")
		if err != nil {
			return err
		}
		if err := os.WriteFile(oof, b, 0o644); err != nil {
			return err
		}
	}
	all := make([]*page, len(pages))
	for i := range pages {
		all[i] = &pages[i]
	}
	m := fit(all, best.s, names)
	m.Threshold, m.Run, m.Gap = best.t, best.run.run, best.run.gap
	preds := make([]string, len(pages))
	for i, p := range pages {
		preds[i] = extract(p.html, m, best.run.seg)
	}
	f1, _, _ := score(pages, preds, nil)
	r1, _, _ := score(pages, rules, nil)
	fmt.Printf("final model on all %d pages: dev F1 %.4f (hand rules alone %.4f); this is fitted, the CV figures above are the honest ones\n", len(pages), f1, r1)
	// what the model costs: extraction rate with and without it, the
	// fastest of five passes each, interleaved (a shared machine is noisy)
	rate := func(m *article.BlockModel) float64 {
		t0 := time.Now()
		for _, p := range pages {
			extract(p.html, m, best.run.seg)
		}
		return float64(len(pages)) / time.Since(t0).Seconds()
	}
	var withModel, rulesOnly float64
	for pass := 0; pass < 5; pass++ {
		rulesOnly = math.Max(rulesOnly, rate(nil))
		withModel = math.Max(withModel, rate(m))
	}
	text := article.LineModelText(m, best.run.seg) // m.String() when there is no segment cost
	fmt.Printf("extraction rate (fastest of 5 passes): %.0f pages/s with the model, %.0f with the hand rules alone; model %d bytes\n", withModel, rulesOnly, len(text))
	if out == "" {
		return nil
	}
	return os.WriteFile(out, []byte(text), 0o644)
}

// printRow scores predictions per fold and over all pages and prints a row;
// it returns the mean of the fold F1s.
func printRow(name string, pages []page, preds []string, k int) float64 {
	fs := make([]float64, k)
	var parts []string
	for f := 0; f < k; f++ {
		in := func(i int) bool { return pages[i].fold == f }
		fs[f], _, _ = score(pages, preds, in)
		parts = append(parts, fmt.Sprintf("%.3f", fs[f]))
	}
	mean, sd := meanSD(fs)
	lo, hi := fs[0], fs[0]
	for _, v := range fs {
		lo, hi = math.Min(lo, v), math.Max(hi, v)
	}
	all, _, _ := score(pages, preds, nil)
	fmt.Printf("| %s | %s | %.4f | %.4f | %.3f–%.3f | %.4f |\n", name, strings.Join(parts, " "), mean, sd, lo, hi, all)
	return mean
}

func meanSD(v []float64) (float64, float64) {
	var s float64
	for _, x := range v {
		s += x
	}
	m := s / float64(len(v))
	var q float64
	for _, x := range v {
		q += (x - m) * (x - m)
	}
	return m, math.Sqrt(q / float64(max(len(v)-1, 1)))
}

// fit trains the setting's model on the pages: boosted trees (s.trees),
// a one-hidden-layer network (s.hidden) or else a logistic regression.
func fit(pages []*page, s setting, names []string) *article.BlockModel {
	X, y, w := samples(pages, s)
	var m *article.BlockModel
	if s.trees > 0 {
		m = fitGBDT(X, y, w, s)
	} else if s.hidden > 0 {
		m = fitMLP(X, y, w, s, len(names))
	} else {
		m = fitLR(X, y, w, s, len(names))
	}
	m.Names = names
	return m
}

// samples gathers the training blocks with their labels and weights.
func samples(pages []*page, s setting) (X [][]float64, y, w []float64) {
	for _, p := range pages {
		var total float64
		for _, t := range p.toks {
			total += 1 + t
		}
		for i := range p.X {
			X = append(X, p.X[i])
			y = append(y, p.y[i])
			if s.weighting == "tokens" {
				// every page weighs the same, as in the metric; within a
				// page a block weighs by its tokens
				w = append(w, (1+p.toks[i])/total*float64(len(p.X)))
			} else {
				w = append(w, 1)
			}
		}
	}
	return X, y, w
}

// fitLR trains a logistic regression by full-batch gradient descent (Adam
// steps, a fixed number of epochs, from zero weights).
func fitLR(X [][]float64, y, w []float64, s setting, nf int) *article.BlockModel {
	var sw float64
	for _, v := range w {
		sw += v
	}
	W := make([]float64, nf+1) // last: bias
	mom := make([]float64, nf+1)
	vel := make([]float64, nf+1)
	g := make([]float64, nf+1)
	const epochs, lr, b1, b2, eps = 400, 0.05, 0.9, 0.999, 1e-8
	for ep := 1; ep <= epochs; ep++ {
		clear(g)
		for i, x := range X {
			z := W[nf]
			for j, v := range x {
				z += W[j] * v
			}
			d := (1/(1+math.Exp(-z)) - y[i]) * w[i] / sw
			for j, v := range x {
				g[j] += d * v
			}
			g[nf] += d
		}
		for j := 0; j < nf; j++ {
			g[j] += s.lambda * W[j]
		}
		for j := range W {
			mom[j] = b1*mom[j] + (1-b1)*g[j]
			vel[j] = b2*vel[j] + (1-b2)*g[j]*g[j]
			mh := mom[j] / (1 - math.Pow(b1, float64(ep)))
			vh := vel[j] / (1 - math.Pow(b2, float64(ep)))
			W[j] -= lr * mh / (math.Sqrt(vh) + eps)
		}
	}
	// round as the model file does, so that the model used in CV and the
	// one written behave alike
	m := &article.BlockModel{W: make([]float64, nf), Bias: round(W[nf]), Threshold: 0.5}
	for j := 0; j < nf; j++ {
		m.W[j] = round(W[j])
	}
	return m
}

// adam is one Adam optimiser over a flat parameter vector.
type adam struct{ m, v []float64 }

func (a *adam) step(p, g []float64, ep int, lr float64) {
	const b1, b2, eps = 0.9, 0.999, 1e-8
	if a.m == nil {
		a.m, a.v = make([]float64, len(p)), make([]float64, len(p))
	}
	for j := range p {
		a.m[j] = b1*a.m[j] + (1-b1)*g[j]
		a.v[j] = b2*a.v[j] + (1-b2)*g[j]*g[j]
		mh := a.m[j] / (1 - math.Pow(b1, float64(ep)))
		vh := a.v[j] / (1 - math.Pow(b2, float64(ep)))
		p[j] -= lr * mh / (math.Sqrt(vh) + eps)
	}
}

// fitMLP trains one hidden layer of tanh units by full-batch Adam from a
// fixed pseudo-random start (a linear congruential generator with a fixed
// seed), so that every run gives the same weights.
func fitMLP(X [][]float64, y, w []float64, s setting, nf int) *article.BlockModel {
	H := s.hidden
	// layout: H rows of nf input weights, H biases, H output weights, output bias
	np := H*nf + 2*H + 1
	p := make([]float64, np)
	seed := uint64(1)
	for j := 0; j < H*nf; j++ {
		seed = seed*6364136223846793005 + 1442695040888963407
		p[j] = (float64(seed>>11)/float64(1<<53) - 0.5) * 0.2
	}
	for j := 0; j < H; j++ {
		seed = seed*6364136223846793005 + 1442695040888963407
		p[H*nf+H+j] = (float64(seed>>11)/float64(1<<53) - 0.5) * 0.2
	}
	var sw float64
	for _, v := range w {
		sw += v
	}
	g := make([]float64, np)
	h := make([]float64, H)
	var opt adam
	const epochs, lr = 400, 0.01
	for ep := 1; ep <= epochs; ep++ {
		clear(g)
		for i, x := range X {
			z := p[np-1]
			for j := 0; j < H; j++ {
				a := p[H*nf+j]
				row := p[j*nf : (j+1)*nf]
				for k, v := range x {
					a += row[k] * v
				}
				h[j] = math.Tanh(a)
				z += p[H*nf+H+j] * h[j]
			}
			d := (1/(1+math.Exp(-z)) - y[i]) * w[i] / sw
			g[np-1] += d
			for j := 0; j < H; j++ {
				g[H*nf+H+j] += d * h[j]
				da := d * p[H*nf+H+j] * (1 - h[j]*h[j])
				g[H*nf+j] += da
				grow := g[j*nf : (j+1)*nf]
				for k, v := range x {
					grow[k] += da * v
				}
			}
		}
		for j := 0; j < H*nf; j++ {
			g[j] += s.lambda * p[j]
		}
		for j := 0; j < H; j++ {
			g[H*nf+H+j] += s.lambda * p[H*nf+H+j]
		}
		opt.step(p, g, ep, lr)
	}
	m := &article.BlockModel{H: make([][]float64, H), HB: make([]float64, H), Out: make([]float64, H), Bias: round(p[np-1]), Threshold: 0.5}
	for j := 0; j < H; j++ {
		m.H[j] = make([]float64, nf)
		for k := 0; k < nf; k++ {
			m.H[j][k] = round(p[j*nf+k])
		}
		m.HB[j] = round(p[H*nf+j])
		m.Out[j] = round(p[H*nf+H+j])
	}
	return m
}

func round(v float64) float64 { return math.Round(v*1e5) / 1e5 }

func load(kd *kind, dir string) ([]page, error) {
	raw, err := os.ReadFile(filepath.Join(dir, "ground-truth.json"))
	if err != nil {
		return nil, fmt.Errorf("%v (the benchmark data sits in ../shared beside the checkout)", err)
	}
	var truth map[string]struct {
		ArticleBody string `json:"articleBody"`
		URL         string `json:"url"`
	}
	if err := json.Unmarshal(raw, &truth); err != nil {
		return nil, err
	}
	ids := make([]string, 0, len(truth))
	for id := range truth {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	pages := make([]page, 0, len(ids))
	for _, id := range ids {
		b, err := readInput(filepath.Join(dir, fmt.Sprintf(kd.file, id)))
		if err != nil {
			return nil, err
		}
		p := page{id: id, html: b, truth: truth[id].ArticleBody, site: siteOf(truth[id].URL)}
		samples, err := kd.samples(p.html)
		if err != nil {
			return nil, err
		}
		gt := aeb.Shingles(aeb.Tokens(p.truth))
		gtJoined := " " + strings.Join(aeb.Tokens(p.truth), " ") + " "
		for _, s := range samples {
			t := aeb.Tokens(s.Text)
			p.X = append(p.X, s.X)
			p.toks = append(p.toks, float64(len(t)))
			p.y = append(p.y, label(t, gt, gtJoined))
		}
		pages = append(pages, p)
	}
	return pages, nil
}

// readInput reads a page, gunzipping a .gz file.
func readInput(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".gz") {
		z, err := gzip.NewReader(f)
		if err != nil {
			return "", err
		}
		r = z
	}
	b, err := io.ReadAll(r)
	return string(b), err
}

// label is 1 when a block belongs to the true body: half its shingles
// occur there (a block of under four tokens: the whole of it does).
func label(t []string, gt map[string]int, gtJoined string) float64 {
	if len(t) == 0 {
		return 0
	}
	if len(t) < 4 {
		if strings.Contains(gtJoined, " "+strings.Join(t, " ")+" ") {
			return 1
		}
		return 0
	}
	in := 0
	for i := 0; i+4 <= len(t); i++ {
		if gt[strings.Join(t[i:i+4], " ")] > 0 {
			in++
		}
	}
	if 2*in >= len(t)-3 {
		return 1
	}
	return 0
}

// pairedBootstrap compares two extractors' predictions on the same pages:
// it resamples pages with replacement (a fixed-seed generator, so the
// figures repeat) and returns the mean difference of the benchmark's F1
// (a minus b) over the resamples and its 2.5th and 97.5th percentiles. A
// difference whose interval holds 0 is noise.
func pairedBootstrap(pages []page, a, b []string, n int) (mean, lo, hi float64) {
	type pr struct {
		p, r       float64
		hasP, hasR bool
	}
	pa, pb := make([]pr, len(pages)), make([]pr, len(pages))
	for i := range pages {
		p, r, hp, hr := aeb.PagePR(pages[i].truth, a[i])
		pa[i] = pr{p, r, hp, hr}
		p, r, hp, hr = aeb.PagePR(pages[i].truth, b[i])
		pb[i] = pr{p, r, hp, hr}
	}
	f1 := func(v []pr, idx []int) float64 {
		var sp, sr float64
		var np, nr int
		for _, i := range idx {
			if v[i].hasP {
				sp += v[i].p
				np++
			}
			if v[i].hasR {
				sr += v[i].r
				nr++
			}
		}
		p, r := sp/float64(max(np, 1)), sr/float64(max(nr, 1))
		if p+r == 0 {
			return 0
		}
		return 2 * p * r / (p + r)
	}
	seed := uint64(1)
	diffs := make([]float64, n)
	idx := make([]int, len(pages))
	for k := range diffs {
		for j := range idx {
			seed = seed*6364136223846793005 + 1442695040888963407
			idx[j] = int((seed >> 33) % uint64(len(pages)))
		}
		diffs[k] = f1(pa, idx) - f1(pb, idx)
		mean += diffs[k]
	}
	sort.Float64s(diffs)
	return mean / float64(n), diffs[n*25/1000], diffs[n*975/1000-1]
}

// score is the benchmark's metric over the pages in (all when nil):
// per-page shingle TP/FP/FN normalised to 1, precision and recall averaged
// over pages, F1 their harmonic mean.
func score(pages []page, preds []string, in func(int) bool) (f1, p, r float64) {
	var ps, rs []float64
	for i := range pages {
		if in != nil && !in(i) {
			continue
		}
		prec, rec, hasP, hasR := aeb.PagePR(pages[i].truth, preds[i])
		if hasP {
			ps = append(ps, prec)
		}
		if hasR {
			rs = append(rs, rec)
		}
	}
	p, _ = meanSD(ps)
	r, _ = meanSD(rs)
	if p+r > 0 {
		f1 = 2 * p * r / (p + r)
	}
	return f1, p, r
}

// nestedCV estimates the whole procedure, the choice of setting included:
// for each outer fold, every setting, threshold and run choice is scored
// by an inner cross-validation over the other folds (each of them left out
// in turn), the best is trained on all of them and scored on the outer
// fold. It prints the outer folds' row and each fold's choice.
func nestedCV(pages []page, k int, settings []setting, thresholds []float64, runs []decoding, names []string, extract func(string, *article.BlockModel, float64) string) {
	preds := make([]string, len(pages))
	var chosen []string
	for f := 0; f < k; f++ {
		type cand struct {
			s   setting
			t   float64
			run decoding
		}
		sums := map[cand]float64{}
		var order []cand
		for _, s := range settings {
			for _, t := range thresholds {
				for _, run := range runs {
					c := cand{s, t, run}
					order = append(order, c)
				}
			}
		}
		for g := 0; g < k; g++ {
			if g == f {
				continue
			}
			var train []*page
			for i := range pages {
				if pages[i].fold != f && pages[i].fold != g {
					train = append(train, &pages[i])
				}
			}
			for _, s := range settings {
				m0 := fit(train, s, names)
				for _, t := range thresholds {
					for _, run := range runs {
						pr := make([]string, len(pages))
						for i := range pages {
							if pages[i].fold == g {
								m := *m0
								m.Threshold, m.Run, m.Gap = t, run.run, run.gap
								pr[i] = extract(pages[i].html, &m, run.seg)
							}
						}
						f1, _, _ := score(pages, pr, func(i int) bool { return pages[i].fold == g })
						sums[cand{s, t, run}] += f1
					}
				}
			}
		}
		best := order[0]
		for _, c := range order {
			if sums[c] > sums[best]+1e-9 {
				best = c
			}
		}
		var train []*page
		for i := range pages {
			if pages[i].fold != f {
				train = append(train, &pages[i])
			}
		}
		m := fit(train, best.s, names)
		m.Threshold, m.Run, m.Gap = best.t, best.run.run, best.run.gap
		for i := range pages {
			if pages[i].fold == f {
				preds[i] = extract(pages[i].html, m, best.run.seg)
			}
		}
		chosen = append(chosen, fmt.Sprintf("fold %d: %v, threshold %.1f%v", f, best.s, best.t, best.run))
	}
	fmt.Println()
	fmt.Println("nested cross-validation (each outer fold's setting chosen by an inner CV on the other folds):")
	fmt.Println()
	fmt.Println("| setting | fold F1s | CV mean | spread (sd) | min–max | out-of-fold F1 (all pages) |")
	fmt.Println("| --- | --- | --- | --- | --- | --- |")
	printRow("nested CV, setting chosen inside each fold", pages, preds, k)
	rules := make([]string, len(pages))
	for i := range pages {
		rules[i] = extract(pages[i].html, nil, 0)
	}
	d, lo, hi := pairedBootstrap(pages, preds, rules, 2000)
	fmt.Printf("against the hand rules, pages resampled 2000 times: F1 difference %+.4f (95%% interval %+.4f … %+.4f)\n", d, lo, hi)
	for _, c := range chosen {
		fmt.Println("  " + c)
	}
}

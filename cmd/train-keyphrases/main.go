// Command train-keyphrases trains and cross-validates the learned keyphrase
// ranker (docs/keyphrases.md, step 6; card docs/models/keyphrases.md): two
// experts of boosted trees over the features of keyphrase.Candidates, mixed
// by a gate of boosted trees that reads the article's style (its log-odds
// moved towards 500N's expert by -gate-shift), with two logistic experts
// and a logistic gate that shortlist what the trees score; trained on the documents of
// both development sets, DUC-2001 and the 500N-KPCrowd dev half; at run time
// the model is never told which set a document is from.
//
//	go run ./cmd/train-keyphrases [-duc DIR] [-kp DIR] [-folds 5] [-l2 1] [-gate-l2 30]
//		[-ranker trees|logistic|one] [-trees 50] [-depth 3] [-rate 0.2] [-lambda 1] [-min-hess 1]
//		[-shortlist 30] [-tree-gate 30] [-tree-gate-rate 0.3] [-gate-shift 0.75]
//		[-mode engine|stage|both] [-fold-seed N] [-name-parts] [-recall] [-diag] [-dump FILE]
//		[-overlap SUBS/SUPS] [-hedge P] [-cross W] [-drop FEATURES] [-lone-by-gate] [-micro] [-panel] [-keep-verbs] [-out FILE]
//
// It reads each article through the whole engine, as a user pasting the file
// would (or as the benchmark lays it out, or both: -mode), deals each set's
// documents into folds (sorted ids, round robin, as
// bench/keyphrases/cv.mjs), trains on the other folds of both sets
// and scores the held fold of each with the benchmark's protocol
// (Porter-stemmed exact match, as ../shared/tools/eval_keyphrases.mjs:
// DUC-2001 macro F1@10, 500N micro F1@10), beside the hand method on the
// same folds. Then it trains on every document and writes the model
// (keyphrase.Ranker.Encode; only -ranker trees ships) to -out. The output is
// the same on every run. -recall prints instead how much of the gold the
// candidates can reach and what an oracle ranking of them would score.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"hash/fnv"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/lede-news/lede/internal/doc"
	"github.com/lede-news/lede/internal/engine"
	"github.com/lede-news/lede/internal/keyphrase"
)

const nf = keyphrase.NumFeatures

// limits on lone words set by the gate (-lone-by-gate), in place of a number
const (
	byGate6    = -6
	byGateNone = -100
)

// example is one document: its candidates, their labels, the hand method's
// list, and its gold.
type example struct {
	set   int
	id    string
	mode  string // how the document was read: "stage" or "engine"
	fold  int
	texts []string
	feats [][nf]float64
	label []bool
	hand  []string
	gold  [][]string  // normalised variants of each gold keyphrase
	raw   []string    // each gold keyphrase as the readers wrote it (its first variant)
	words [][2]string // every word read and its tag (for -recall)
}

func main() {
	ducDir := flag.String("duc", "../shared/data/keyphrases/duc2001", "DUC-2001 folder (docs/, keys/)")
	kpDir := flag.String("kp", "../shared/data/keyphrases/500n-kpcrowd-dev", "500N-KPCrowd dev folder")
	folds := flag.Int("folds", 5, "cross-validation folds")
	cross := flag.Float64("cross", 0, "experiment: each tree expert also learns from the other set's articles, at this weight (0: its own set only)")
	seed := flag.Int("fold-seed", 0, "deal the folds by a hash of each id and this seed instead of round robin over sorted ids (0), to see how much a figure owes to one dealing")
	l2 := flag.Float64("l2", 1, "L2 penalty on the experts' standardised weights, in units of 1e-4 of the data (which weigh 1 in all)")
	gateL2 := flag.Float64("gate-l2", 30, "the same for the gate (30 by cross-validation over 1, 30, 100, 300: docs/keyphrases.md)")
	modes := flag.String("mode", "engine", "read each article through the whole engine, as a user pasting the file (engine: the default, what the shipped model is trained on), as the benchmark lays it out (stage: headline line, body), or both, each a training document")
	kind := flag.String("ranker", "trees", "trees: two boosted-tree experts and a logistic gate (shipped); logistic: two logistic experts and the gate (the model before); one: one boosted-tree model over every feature and the gate's output (only -trees trees ships: the others are for comparison)")
	nTrees := flag.Int("trees", 50, "boosted trees per model (-ranker trees, one)")
	depth := flag.Int("depth", 3, "their depth")
	lambda := flag.Float64("lambda", 1, "their leaves' L2 penalty")
	rate := flag.Float64("rate", 0.2, "their learning rate")
	minHess := flag.Float64("min-hess", 1, "the least hessian in a leaf")
	short := flag.Int("shortlist", keyphrase.Shortlist, "the trees score the best this many by the logistic experts (-1: all)")
	pw := flag.Int("pairwise", 0, "experiment: train the tree experts by LambdaRank, NDCG to this depth")
	tg := flag.Int("tree-gate", 30, "a gate of this many boosted trees of depth 2 over the article-level features (0: the logistic gate, the model before)")
	tgRate := flag.Float64("tree-gate-rate", 0.3, "the tree gate's learning rate")
	drop := flag.String("drop", "", "experiment: features (by name, comma-separated) set to 0 for every candidate")
	trainShort := flag.Bool("train-short", false, "experiment: train the tree experts on the shortlisted candidates only")
	diagF := flag.Bool("diag", false, "experiment: print the held folds' top ten by kind of candidate")
	hedge := flag.Float64("hedge", 0, "experiment: interleave the experts' rankings by the gate's weight sharpened to this power (0: off)")
	nameParts := flag.Bool("name-parts", keyphrase.Defaults().NameParts, "each capitalised word of a longer name a candidate of its own (keyphrase.Options.NameParts)")
	overF := flag.String("overlap", "", "experiment: psub values/psup values (comma-separated each): score the held folds re-ranked with each pair (overlapRanked)")
	dumpF := flag.String("dump", "", "experiment: write each held document's first twenty, gold marked, and its gold, to this file")
	gShift := flag.Float64("gate-shift", 0.75, "added to the gate's log-odds: towards the second expert, 500N's (0.75 by cross-validation: docs/keyphrases.md)")
	byGate := flag.Bool("lone-by-gate", false, "experiment: also score a limit on lone words set by the gate (4 for a DUC-style article, 6 or none for a 500N-style one)")
	micro := flag.Bool("micro", false, "experiment: weigh each 500N article in its expert's training by its gold keyphrases, as micro F1@10 weighs it (docs/keyphrases.md, the sixth round)")
	keepVerbs := flag.Bool("keep-verbs", false, "keep the nouns that stand where a verbless clause's verb would as words of topics (keyphrase.Options.KeepVerbs: the candidates before the eleventh round)")
	panelF := flag.Bool("panel", false, "also score the page panel's first ten topics (precision@10, keyphrase.Panel) on the held folds for each rule of panelRules")
	fam := flag.Bool("family", false, "experiment: how many other candidates hold a candidate's words, and how many it holds, as two features in the slots NameParts leaves 0 (family)")
	rec := flag.Bool("recall", false, "print the candidates' oracle recall and an oracle ranking's F1, then stop")
	out := flag.String("out", "internal/keyphrase/ranker.bin", "write the model trained on every document here (\"\": do not)")
	flag.Parse()

	opt := keyphrase.Defaults()
	opt.NameParts = *nameParts
	opt.KeepVerbs = *keepVerbs
	c := config{gateShift: *gShift, trainShort: *trainShort, pairwise: *pw, treeGate: gbdtSetting{trees: *tg, depth: 2, lambda: 1, rate: *tgRate, minHess: 1}, short: *short, l2: *l2, gateL2: *gateL2, kind: *kind, cross: *cross, gbdt: gbdtSetting{trees: *nTrees, depth: *depth, lambda: *lambda, rate: *rate, minHess: *minHess}}
	nz := normalizer{}
	var exs []*example
	for si, dir := range []string{*ducDir, *kpDir} {
		e, err := load(dir, si, *folds, *seed, *modes, nz, opt)
		if err != nil {
			fmt.Fprintln(os.Stderr, "train-keyphrases:", err)
			os.Exit(1)
		}
		exs = append(exs, e...)
	}
	label(exs, nz)
	if *fam {
		if opt.NameParts {
			fmt.Fprintln(os.Stderr, "train-keyphrases: -family uses the slots of -name-parts: choose one")
			os.Exit(2)
		}
		for _, e := range exs {
			family(e)
		}
	}
	if *micro {
		n := 0
		for _, e := range exs {
			if e.set == 1 {
				c.meanGold += float64(len(e.gold))
				n++
			}
		}
		c.meanGold /= float64(max(n, 1))
	}
	if *drop != "" {
		for _, name := range strings.Split(*drop, ",") {
			j := slices.Index(keyphrase.FeatureNames[:], name)
			if j < 0 {
				fmt.Fprintln(os.Stderr, "train-keyphrases: no feature", name)
				os.Exit(2)
			}
			for _, e := range exs {
				for i := range e.feats {
					e.feats[i][j] = 0
				}
			}
		}
	}
	fmt.Printf("%d documents; features: %s\n", len(exs), strings.Join(keyphrase.FeatureNames[:], " "))
	var ms []string
	for _, m := range []string{"stage", "engine"} {
		if *modes == "both" || *modes == m {
			ms = append(ms, m)
		}
	}
	hand := func(e *example) []string { return e.hand }
	if *rec {
		m := fitRanker(exs, func(*example) bool { return true }, c)
		for _, mode := range ms {
			recall(exs, m, nz, mode)
		}
		return
	}
	for _, mode := range ms {
		hd, hk := score(exs, hand, nz, -1, mode)
		fmt.Printf("%s, hand method, all documents: DUC macro F1@10 %.2f, 500N micro F1@10 %.2f\n", mode, hd, hk)
	}
	type figs struct{ cvD, cvK, hdD, hdK, gate []float64 }
	res := map[string]*figs{}
	lones := []int{0, 1, 2, 3, 4, 5, 6, -1}
	if *byGate {
		lones = append(lones, byGate6, byGateNone)
	}
	diagAcc := map[string]*[3]int{}
	var dumpBuf bytes.Buffer
	overAcc := map[string]*[2][]float64{}
	loneRes := map[string]*[2][]float64{}
	chosenL := map[string][]int{}
	chosenD, chosenK := map[string][]float64{}, map[string][]float64{}
	for k := 0; k < *folds; k++ {
		m := fitRanker(exs, func(e *example) bool { return e.fold != k }, c)
		for _, mode := range ms {
			r := res[mode]
			if r == nil {
				r = &figs{}
				res[mode] = r
			}
			d, kp := score(exs, ranked(m, -1), nz, k, mode) // the report's order: no limit
			if *hedge > 0 {
				hd, hk := score(exs, hedgeRanked(m, *hedge), nz, k, mode)
				add(overAcc, "hedge", hd, hk)
			}
			if *overF != "" {
				overlapCV(exs, m, nz, k, mode, *overF, overAcc)
			}
			if *panelF && m.kind == "trees" {
				for _, pr := range panelRules {
					p := panelPrecision(exs, m, pr.rule, nz, k, mode)
					add(overAcc, mode+pr.name, p[0], p[1])
				}
			}
			if *dumpF != "" {
				dump(&dumpBuf, exs, m, nz, k, mode)
			}
			if *diagF {
				for _, l := range []int{keyphrase.PanelLone, -1} {
					diag(exs, m, l, nz, k, mode, diagAcc)
				}
			}
			// the limit on lone words (keyphrase.PanelLone): each value on
			// the held fold, and the one the other folds would choose by the
			// objective alone, which knows nothing of the page
			bestL, bestObj := 0, math.Inf(-1)
			for li, l := range lones {
				td, tk := scoreOf(exs, ranked(m, l), nz, func(e *example) bool { return e.fold != k }, mode)
				if o := objective(td, tk); o > bestObj {
					bestL, bestObj = li, o
				}
				hd, hk := score(exs, ranked(m, l), nz, k, mode)
				add(loneRes, mode+fmt.Sprint(l), hd, hk)
			}
			cd, ck := score(exs, ranked(m, lones[bestL]), nz, k, mode)
			chosenL[mode] = append(chosenL[mode], lones[bestL])
			chosenD[mode], chosenK[mode] = append(chosenD[mode], cd), append(chosenK[mode], ck)
			h1, h2 := score(exs, hand, nz, k, mode)
			right, all := 0, 0
			for _, e := range exs {
				if e.fold == k && e.mode == mode && len(e.feats) > 0 {
					all++
					if (m.Style(&e.feats[0]) > 0.5) == (e.set == 1) {
						right++
					}
				}
			}
			acc := 100 * float64(right) / float64(all)
			fmt.Printf("fold %d, %s: learned DUC %.2f 500N %.2f | hand DUC %.2f 500N %.2f | gate right on %.1f%%\n", k, mode, d, kp, h1, h2, acc)
			r.cvD, r.cvK, r.hdD, r.hdK, r.gate = append(r.cvD, d), append(r.cvK, kp), append(r.hdD, h1), append(r.hdK, h2), append(r.gate, acc)
		}
	}
	if *diagF {
		printDiag(diagAcc)
	}
	if *hedge > 0 {
		fmt.Printf("hedge: DUC %s, 500N %s\n", spread(overAcc["hedge"][0]), spread(overAcc["hedge"][1]))
	}
	if *overF != "" {
		printOverlap(overAcc, *overF)
	}
	if *dumpF != "" {
		if err := os.WriteFile(*dumpF, dumpBuf.Bytes(), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "train-keyphrases:", err)
			os.Exit(1)
		}
	}
	for _, mode := range ms {
		if *panelF {
			printPanel(overAcc, mode)
		}
		r := res[mode]
		fmt.Printf("%s, held folds, learned: DUC %s, 500N %s\n", mode, spread(r.cvD), spread(r.cvK))
		fmt.Printf("%s, held folds, hand:    DUC %s, 500N %s\n", mode, spread(r.hdD), spread(r.hdK))
		fmt.Printf("%s, gate, articles of the held folds put with their own set: %s %%\n", mode, spread(r.gate))
		for _, l := range lones {
			lr := loneRes[mode+fmt.Sprint(l)]
			limit := fmt.Sprintf("at most %d lone words in the first ten topics", l)
			switch l {
			case byGate6:
				limit = "lone words by the gate, 4 or 6"
			case byGateNone:
				limit = "lone words by the gate, 4 or no limit"
			}
			if l == -1 {
				limit = "no limit on lone words (the report)"
			}
			if l == keyphrase.PanelLone {
				limit += " (the page's panel)"
			}
			fmt.Printf("%s, held folds, learned, %s: DUC %s, 500N %s\n", mode, limit, spread(lr[0]), spread(lr[1]))
		}
		fmt.Printf("%s, held folds, learned, the limit the other folds choose by the objective alone (geometric mean of DUC F1/29 and 500N F1/15; -1: none) %v: DUC %s, 500N %s\n", mode, chosenL[mode], spread(chosenD[mode]), spread(chosenK[mode]))
	}

	m := fitRanker(exs, func(*example) bool { return true }, c)
	for _, mode := range ms {
		d, kp := score(exs, ranked(m, -1), nz, -1, mode)
		fmt.Printf("%s, trained on all, in sample: DUC %.2f 500N %.2f\n", mode, d, kp)
	}
	fmt.Print("gate:")
	for i, x := range m.lin.Gate {
		fmt.Printf(" %s=%.3f", keyphrase.FeatureNames[keyphrase.GateFeatures[i]], x)
	}
	for set, w := range m.lin.Expert {
		fmt.Printf("\nexpert %d:", set)
		for i, x := range w {
			fmt.Printf(" %s=%.3f", keyphrase.FeatureNames[i], x)
		}
	}
	fmt.Println()
	if *out != "" && m.kind == "trees" {
		b := m.dec.Encode()
		if err := os.WriteFile(*out, b, 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "train-keyphrases:", err)
			os.Exit(1)
		}
		fmt.Printf("wrote %s (%d bytes)\n", *out, len(b))
	}
}

func spread(xs []float64) string {
	m, lo, hi := 0.0, math.Inf(1), math.Inf(-1)
	for _, x := range xs {
		m += x / float64(len(xs))
		lo, hi = min(lo, x), max(hi, x)
	}
	v := 0.0
	for _, x := range xs {
		v += (x - m) * (x - m) / float64(len(xs)-1)
	}
	return fmt.Sprintf("%.2f ± %.2f (%.2f..%.2f)", m, math.Sqrt(v), lo, hi)
}

// objective is what the other folds choose a setting by: the geometric
// mean of DUC F1/29 and 500N F1/15.
func objective(duc, kp float64) float64 { return math.Sqrt(duc / 29 * kp / 15) }

// load reads a set's documents in the benchmark layout and their candidates.
func load(dir string, set, folds, seed int, modes string, nz normalizer, opt keyphrase.Options) ([]*example, error) {
	keys, err := filepath.Glob(filepath.Join(dir, "keys", "*.key"))
	if err != nil || len(keys) == 0 {
		return nil, fmt.Errorf("no keys in %s/keys", dir)
	}
	var ids []string
	for _, k := range keys {
		id := strings.TrimSuffix(filepath.Base(k), ".key")
		if _, err := os.Stat(filepath.Join(dir, "docs", id+".txt")); err == nil {
			ids = append(ids, id)
		}
	}
	sort.Strings(ids) // JavaScript's default sort: code units; ids are ASCII
	var exs []*example
	for i, id := range ids {
		text, err := os.ReadFile(filepath.Join(dir, "docs", id+".txt"))
		if err != nil {
			return nil, err
		}
		g, err := os.ReadFile(filepath.Join(dir, "keys", id+".key"))
		if err != nil {
			return nil, err
		}

		for _, mode := range []string{"stage", "engine"} {
			if modes != "both" && modes != mode {
				continue
			}
			ex, err := read(string(text), string(g), mode, nz, opt)
			if err != nil {
				return nil, fmt.Errorf("%s: %v", id, err)
			}
			ex.set, ex.fold, ex.id = set, i%folds, id
			if seed > 0 { // another dealing: by a hash of the id and the seed
				h := fnv.New32a()
				fmt.Fprintf(h, "%d/%s", seed, id)
				ex.fold = int(h.Sum32() % uint32(folds))
			}
			exs = append(exs, ex)
		}
	}
	return exs, nil
}

// read makes one training document of an article and its gold.
func read(text, g, mode string, nz normalizer, opt keyphrase.Options) (*example, error) {
	var d *doc.Document
	if mode == "stage" {
		d = engine.Stage(text, false)
	} else {
		var err error
		if d, err = engine.Document(text, engine.Options{Input: "text"}); err != nil {
			return nil, err
		}
	}
	hand := keyphrase.Defaults()
	hand.KeepVerbs = opt.KeepVerbs
	ex := &example{mode: mode}
	for i, t := range d.Tokens {
		if t.Kind == doc.Word && t.Tag != "" { // the engine tags only the sentences a pass reads
			ex.words = append(ex.words, [2]string{d.TokenText(i), t.Tag})
		}
	}
	for _, c := range keyphrase.Candidates(d, opt) {
		ex.texts = append(ex.texts, c.Text)
		ex.feats = append(ex.feats, c.Features)
	}
	for _, p := range keyphrase.Extract(d, hand) {
		ex.hand = append(ex.hand, p.Text)
	}
	seen := map[string]bool{}
	for _, l := range strings.Split(strings.ReplaceAll(string(g), "\r", ""), "\n") {
		if strings.TrimSpace(l) == "" {
			continue
		}
		var vs []string
		have := map[string]bool{}
		for _, v := range strings.Split(l, "\t") {
			if n := nz.phrase(v); n != "" && !have[n] {
				have[n] = true
				vs = append(vs, n)
			}
		}
		sig := strings.Join(vs, "|")
		if len(vs) > 0 && !seen[sig] {
			seen[sig] = true
			ex.gold = append(ex.gold, vs)
			ex.raw = append(ex.raw, strings.TrimSpace(strings.Split(l, "\t")[0]))
		}
	}
	return ex, nil
}

// label marks the candidates whose normalised text is a gold keyphrase.
func label(exs []*example, nz normalizer) {
	for _, e := range exs {
		g := map[string]bool{}
		for _, vs := range e.gold {
			for _, v := range vs {
				g[v] = true
			}
		}
		e.label = make([]bool, len(e.texts))
		for i, t := range e.texts {
			e.label[i] = g[nz.phrase(t)]
		}
	}
}

// ranked returns the ranking by model m.
func ranked(m *ranker, lone int) func(e *example) []string {
	return func(e *example) []string {
		cs := e.candidates()
		var s []float64
		if m.kind == "trees" {
			s = m.dec.Scores(cs, m.short) // as keyphrase.ExtractLearned ranks
		} else {
			s = make([]float64, len(cs))
			for i := range s {
				s[i] = m.Score(&e.feats[i])
			}
		}
		if lone == byGate6 || lone == byGateNone {
			// experiment (-lone-by-gate): the page's four lone words where
			// the gate reads the article as DUC-style, six or no limit
			// where it reads it as 500N-style
			hi := 6
			if lone == byGateNone {
				hi = -1
			}
			lone = keyphrase.PanelLone
			if m.Style(&e.feats[0]) >= 0.5 {
				lone = hi
			}
		}
		return e.top20(keyphrase.Order(cs, s, lone))
	}
}

// candidates is e's candidates as package keyphrase ranks them.
func (e *example) candidates() []keyphrase.Candidate {
	cs := make([]keyphrase.Candidate, len(e.texts))
	for i := range cs {
		cs[i] = keyphrase.Candidate{Text: e.texts[i], Features: e.feats[i]}
	}
	return cs
}

// top20 is the texts of the first 20 candidates of ranking idx: what the
// scorer reads (F1@10) and more.
func (e *example) top20(idx []int) []string {
	out := make([]string, 0, 20)
	for _, i := range idx[:min(20, len(idx))] {
		out = append(out, e.texts[i])
	}
	return out
}

// score is F1@10 of DUC-2001 (macro) and 500N (micro), over the documents
// of fold k (every document with k < 0), as the scorer computes them.
func score(exs []*example, rank func(*example) []string, nz normalizer, k int, mode string) (duc, kp float64) {
	return scoreOf(exs, rank, nz, func(e *example) bool { return k < 0 || e.fold == k }, mode)
}

// scoreOf is score over the documents keep accepts.
func scoreOf(exs []*example, rank func(*example) []string, nz normalizer, keep func(*example) bool, mode string) (duc, kp float64) {
	f1 := func(p, r float64) float64 {
		if p+r == 0 {
			return 0
		}
		return 2 * p * r / (p + r)
	}
	var macro float64
	var nDUC, c, e, g int
	for _, ex := range exs {
		if !keep(ex) || ex.mode != mode {
			continue
		}
		top := topTen(rank(ex), nz)
		hit := hits(top, ex.gold)
		if ex.set == 0 {
			p, r := 0.0, 0.0
			if len(top) > 0 {
				p = float64(hit) / float64(len(top))
			}
			if len(ex.gold) > 0 {
				r = float64(hit) / float64(len(ex.gold))
			}
			macro += f1(p, r)
			nDUC++
		} else {
			c, e, g = c+hit, e+len(top), g+len(ex.gold)
		}
	}
	if nDUC > 0 {
		duc = 100 * macro / float64(nDUC)
	}
	if e > 0 && g > 0 {
		kp = 100 * f1(float64(c)/float64(e), float64(c)/float64(g))
	}
	return duc, kp
}

// topTen is the first ten distinct phrases of ranked, normalised as the
// scorer matches them (nz.phrase; a phrase that normalises to "" is
// skipped).
func topTen(ranked []string, nz normalizer) []string {
	seen := map[string]bool{}
	var top []string
	for _, p := range ranked {
		if n := nz.phrase(p); n != "" && !seen[n] {
			seen[n] = true
			if top = append(top, n); len(top) == 10 {
				break
			}
		}
	}
	return top
}

// hits is how many of the normalised phrases top match a gold keyphrase
// (one of its normalised variants), each gold keyphrase matched once.
func hits(top []string, gold [][]string) int {
	used := make([]bool, len(gold))
	hit := 0
	for _, t := range top {
		for i, vs := range gold {
			if !used[i] && slices.Contains(vs, t) {
				used[i] = true
				hit++
				break
			}
		}
	}
	return hit
}

// fit trains the model on the documents keep accepts: the gate learns to
// tell the two sets' articles apart from the article-level features alone
// (each set weighing the same), and each expert ranks the candidates of one
// set (within a set each document weighs the same).
func fit(exs []*example, keep func(*example) bool, l2, gateL2 float64) keyphrase.Model {
	var m keyphrase.Model
	var xs [][]float64
	var ys, ws []float64
	var n [2]float64
	for _, e := range exs {
		if keep(e) && len(e.feats) > 0 {
			n[e.set]++
		}
	}
	for _, e := range exs {
		if !keep(e) || len(e.feats) == 0 {
			continue
		}
		x := make([]float64, len(keyphrase.GateFeatures))
		for j, f := range keyphrase.GateFeatures {
			x[j] = e.feats[0][f]
		}
		xs, ys, ws = append(xs, x), append(ys, float64(e.set)), append(ws, 1/n[e.set])
	}
	copy(m.Gate[:], logreg(xs, ys, ws, gateL2))
	for set := range m.Expert {
		xs, ys, ws = xs[:0], ys[:0], ws[:0]
		for _, e := range exs {
			if !keep(e) || e.set != set || len(e.feats) == 0 {
				continue
			}
			for i := range e.feats {
				y := 0.0
				if e.label[i] {
					y = 1
				}
				xs, ys, ws = append(xs, e.feats[i][:]), append(ys, y), append(ws, 1/float64(len(e.feats))/n[set])
			}
		}
		copy(m.Expert[set][:], logreg(xs, ys, ws, l2))
	}
	return m
}

// logreg fits a logistic regression of ys on xs (instance weights ws) by
// Newton's method, x[0] being the bias. The features are standardised for
// the fit, so the L2 penalty (l2 × 1e-4 of the data, which weigh 1 in all;
// not on the bias or a constant feature) treats them alike; the weights
// returned act on the raw features.
func logreg(xs [][]float64, ys, ws []float64, l2 float64) []float64 {
	d := len(xs[0])
	tw := 0.0
	for _, w := range ws {
		tw += w
	}
	mean, sd := make([]float64, d), make([]float64, d)
	for i, x := range xs {
		for j, v := range x {
			mean[j] += ws[i] / tw * v
		}
	}
	for i, x := range xs {
		for j, v := range x {
			sd[j] += ws[i] / tw * (v - mean[j]) * (v - mean[j])
		}
	}
	for j := range sd {
		sd[j] = math.Sqrt(sd[j])
		if j == 0 || sd[j] < 1e-9 {
			sd[j], mean[j] = 1, 0
		}
	}
	w := make([]float64, d)
	z := make([]float64, d)
	for it := 0; it < 30; it++ {
		grad := make([]float64, d)
		hess := make([][]float64, d)
		for j := range hess {
			hess[j] = make([]float64, d)
		}
		for i, x := range xs {
			s := 0.0
			for j, v := range x {
				z[j] = (v - mean[j]) / sd[j]
				s += w[j] * z[j]
			}
			p := 1 / (1 + math.Exp(-s))
			c := ws[i] / tw
			for j := range z {
				if z[j] == 0 {
					continue
				}
				grad[j] += c * (p - ys[i]) * z[j]
				for k := j; k < d; k++ {
					hess[j][k] += c * p * (1 - p) * z[j] * z[k]
				}
			}
		}
		reg := l2 * 1e-4
		for j := range grad {
			if j > 0 {
				grad[j] += reg * w[j]
				hess[j][j] += reg
			}
			if hess[j][j] == 0 {
				hess[j][j] = 1 // a feature that is always 0 here
			}
			for k := 0; k < j; k++ {
				hess[j][k] = hess[k][j]
			}
		}
		step := solve(hess, grad)
		change := 0.0
		for j := range w {
			w[j] -= step[j]
			change += math.Abs(step[j])
		}
		if change < 1e-9 {
			break
		}
	}
	raw := make([]float64, d)
	for j := range w {
		raw[j] = w[j] / sd[j]
		if j > 0 {
			raw[0] -= w[j] * mean[j] / sd[j]
		}
	}
	raw[0] += w[0]
	return raw
}

// solve returns x with a x = b (Gaussian elimination, partial pivoting).
func solve(a [][]float64, b []float64) []float64 {
	n := len(b)
	for c := 0; c < n; c++ {
		p := c
		for r := c + 1; r < n; r++ {
			if math.Abs(a[r][c]) > math.Abs(a[p][c]) {
				p = r
			}
		}
		a[c], a[p] = a[p], a[c]
		b[c], b[p] = b[p], b[c]
		for r := c + 1; r < n; r++ {
			f := a[r][c] / a[c][c]
			for k := c; k < n; k++ {
				a[r][k] -= f * a[c][k]
			}
			b[r] -= f * b[c]
		}
	}
	x := make([]float64, n)
	for c := n - 1; c >= 0; c-- {
		s := b[c]
		for k := c + 1; k < n; k++ {
			s -= a[c][k] * x[k]
		}
		x[c] = s / a[c][c]
	}
	return x
}

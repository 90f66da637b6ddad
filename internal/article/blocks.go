package article

import (
	_ "embed"
	"errors"
	"math"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/lede-news/lede/internal/xnet/html/atom"

	"github.com/lede-news/lede/internal/doc"
	"github.com/lede-news/lede/internal/gbdt"
)

// The block classifier has the last word on which blocks of a page are the
// article's body. The hand rules (extract.go) choose a container and the
// candidate blocks; a learnt model then reads every candidate's generic
// features — its size, link and text density and their smoothing over the
// neighbours, punctuation, stop words, tag and ancestors' class words,
// position, the page's densest run of text, and the same for its
// neighbours — and says body or not. What the hand rules decided about a
// block is not among the features: those rules were written on the 102 dev
// pages and scored less on pages nobody saw, while a model chosen by
// cross-validation is scored on pages it did not see (docs/models/blocks.md).

//go:embed blocks.model
var blocksModel string

// defaultModel returns the embedded model of HTML blocks, read on first
// use (only HTML input needs it: parsing it at init cost every start, and
// V8 compiled the parser a second time, optimised, for that one run). The
// model is never written after. (sync.Once rather than sync.OnceValue: the
// generic one added 20 KB to the wasm.)
func defaultModel() *BlockModel {
	blockModelOnce.Do(func() { blockModel = mustModel(blocksModel, featureNames) })
	return blockModel
}

var (
	blockModelOnce sync.Once
	blockModel     *BlockModel
)

// BlockModel scores a block's features x: boosted trees,
// sigmoid(Bias + Σ tree(x)); or, with no trees and no hidden layer, a
// logistic regression, sigmoid(Bias + W·x); or, with a hidden layer, a
// small network, sigmoid(Bias + Σ_j Out[j]·tanh(HB[j] + H[j]·x)). A block
// is body when the score is at least Threshold (and, with Run, inside the
// best run).
type BlockModel struct {
	Names     []string    // the features, in the order of x
	W         []float64   // input weights of a logistic regression
	Trees     []Tree      // boosted trees: sigmoid(Bias + Σ tree(x)), when set
	H         [][]float64 // hidden units' input weights, one row per unit
	HB        []float64   // hidden units' biases
	Out       []float64   // output weights of the hidden units
	Bias      float64
	Threshold float64
	// Run keeps only the body blocks of the page's best run: the stretch
	// of blocks with the greatest sum of (words+1)·(score−Threshold), so
	// stray blocks far from the article (a comment, a teaser in a side
	// column) are dropped while a box set into the story is bridged.
	Run bool
	// Gap, for pasted text with Run, is what each line scored below the
	// threshold costs the run besides: a comment thread's name and time
	// stamp lines are short, so by their words alone they would not keep
	// its prose apart from the article's.
	Gap float64
}

// ParseModel reads a model in the text format String writes: "threshold
// t", "bias b", "hidden n" and, for each feature, its name and its weights
// (one, or one per hidden unit); "hidden.bias" and "hidden.out" give the
// hidden units' biases and output weights.
func ParseModel(s string, names []string) (*BlockModel, error) {
	m := &BlockModel{Names: names}
	featureNames := names
	idx := make(map[string]int, len(featureNames))
	for i, n := range featureNames {
		idx[n] = i
	}
	hidden := 0
	seen := 0
	for _, ln := range strings.Split(s, "\n") {
		f := strings.Fields(ln)
		if len(f) == 0 || strings.HasPrefix(f[0], "#") {
			continue
		}
		if f[0] == "tree" {
			t, rest, err := parseTree(f[1:], idx)
			if err != nil || len(rest) > 0 {
				return nil, errors.New("block model: bad tree line " + strconv.Quote(ln))
			}
			m.Trees = append(m.Trees, t)
			continue
		}
		v := make([]float64, len(f)-1)
		for i, t := range f[1:] {
			x, err := strconv.ParseFloat(t, 64)
			if err != nil {
				return nil, errors.New("block model: " + err.Error())
			}
			v[i] = x
		}
		want := max(hidden, 1)
		switch f[0] {
		case "threshold", "bias", "hidden", "run", "gap":
			want = 1
		}
		if len(v) != want {
			return nil, errors.New("block model: wrong number of values on line " + strconv.Quote(ln))
		}
		switch f[0] {
		case "threshold":
			m.Threshold = v[0]
		case "run":
			m.Run = v[0] != 0
		case "gap":
			m.Gap = v[0]
		case "bias":
			m.Bias = v[0]
		case "hidden":
			hidden = int(v[0])
			if hidden < 0 || hidden > 256 || seen > 0 {
				return nil, errors.New("block model: bad hidden line " + strconv.Quote(ln))
			}
			m.H = make([][]float64, hidden)
			for j := range m.H {
				m.H[j] = make([]float64, len(featureNames))
			}
		case "hidden.bias":
			m.HB = v
		case "hidden.out":
			m.Out = v
		default:
			i, ok := idx[f[0]]
			if !ok {
				return nil, errors.New("block model: unknown feature " + strconv.Quote(f[0]) + " (rebuild it with go run ./cmd/train-blocks)")
			}
			if hidden == 0 {
				if m.W == nil {
					m.W = make([]float64, len(featureNames))
				}
				m.W[i] = v[0]
			} else {
				for j := range v {
					m.H[j][i] = v[j]
				}
			}
			seen++
		}
	}
	if len(m.Trees) > 0 {
		if seen > 0 || hidden > 0 {
			return nil, errors.New("block model: trees and weights mixed (rebuild it with go run ./cmd/train-blocks)")
		}
		return m, nil
	}
	if seen != len(featureNames) || hidden > 0 && (len(m.HB) != hidden || len(m.Out) != hidden) {
		return nil, errors.New("block model: weights missing (rebuild it with go run ./cmd/train-blocks)")
	}
	return m, nil
}

// Tree is a regression tree as package gbdt grows and walks it, its nodes
// in pre-order: node 0 is the root; an inner node sends x to Left when
// x[Feat] <= Thr, else to Right. The engine links only the walk: Fit and
// its helpers are dropped by the linker.
type Tree = gbdt.Tree

// TreeNode is one node of a Tree; a leaf (Feat < 0) gives Value.
type TreeNode = gbdt.Node

// parseTree reads a tree in pre-order: "name<=thr" for an inner node (its
// left subtree, then its right follow), "=v" for a leaf.
func parseTree(tok []string, idx map[string]int) (Tree, []string, error) {
	var t Tree
	var node func(depth int) (int, error)
	node = func(depth int) (int, error) {
		if len(tok) == 0 || depth > 32 {
			return 0, errors.New("short tree")
		}
		s := tok[0]
		tok = tok[1:]
		i := len(t)
		if v, ok := strings.CutPrefix(s, "="); ok {
			x, err := strconv.ParseFloat(v, 64)
			t = append(t, TreeNode{Feat: -1, Value: x})
			return i, err
		}
		name, thr, ok := strings.Cut(s, "<=")
		f, known := idx[name]
		if !ok || !known {
			return 0, errors.New("bad node " + s)
		}
		x, err := strconv.ParseFloat(thr, 64)
		if err != nil {
			return 0, err
		}
		t = append(t, TreeNode{Feat: f, Thr: x})
		l, err := node(depth + 1)
		if err != nil {
			return 0, err
		}
		r, err := node(depth + 1)
		t[i].Left, t[i].Right = l, r
		return i, err
	}
	_, err := node(0)
	return t, tok, err
}

// writeTree appends node i of t and its subtrees in the format parseTree reads.
func writeTree(b *strings.Builder, t Tree, i int, names []string) {
	n := t[i]
	b.WriteByte(' ')
	if n.Feat < 0 {
		b.WriteString("=" + strconv.FormatFloat(n.Value, 'f', -1, 64))
		return
	}
	b.WriteString(names[n.Feat] + "<=" + strconv.FormatFloat(n.Thr, 'g', -1, 64))
	writeTree(b, t, n.Left, names)
	writeTree(b, t, n.Right, names)
}

func mustModel(s string, names []string) *BlockModel {
	m, err := ParseModel(s, names)
	if err != nil {
		panic(err)
	}
	return m
}

// String writes the model as text with fixed precision, so that training
// twice gives the same bytes.
func (m *BlockModel) String() string {
	var b strings.Builder
	b.WriteString("# lede block classifier; built by go run ./cmd/train-blocks, see docs/models/blocks.md\n")
	num := func(v float64, prec int) {
		b.WriteByte(' ')
		b.WriteString(strconv.FormatFloat(v, 'f', prec, 64))
	}
	b.WriteString("threshold")
	num(m.Threshold, 4)
	if m.Run {
		b.WriteString("\nrun 1")
	}
	if m.Gap != 0 {
		b.WriteString("\ngap")
		num(m.Gap, 2)
	}
	b.WriteString("\nbias")
	num(m.Bias, 5)
	b.WriteByte('\n')
	for _, t := range m.Trees {
		b.WriteString("tree")
		writeTree(&b, t, 0, m.Names)
		b.WriteByte('\n')
	}
	if len(m.Trees) > 0 {
		return b.String()
	}
	if len(m.H) > 0 {
		b.WriteString("hidden " + strconv.Itoa(len(m.H)) + "\nhidden.bias")
		for _, v := range m.HB {
			num(v, 5)
		}
		b.WriteString("\nhidden.out")
		for _, v := range m.Out {
			num(v, 5)
		}
		b.WriteByte('\n')
	}
	for i, n := range m.Names {
		b.WriteString(n)
		if len(m.H) == 0 {
			num(m.W[i], 5)
		}
		for j := range m.H {
			num(m.H[j][i], 5)
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// Prob returns the model's score (a probability) that a block with
// features x is body.
func (m *BlockModel) Prob(x []float64) float64 {
	z := m.Bias
	if len(m.Trees) > 0 {
		for _, t := range m.Trees {
			z += t.Eval(x)
		}
	} else if len(m.H) == 0 {
		for i, w := range m.W {
			z += w * x[i]
		}
	} else {
		for j, row := range m.H {
			a := m.HB[j]
			for i, w := range row {
				a += w * x[i]
			}
			z += m.Out[j] * math.Tanh(a)
		}
	}
	return 1 / (1 + math.Exp(-z))
}

// baseReads returns which base features (baseNames) a model over the
// HTML features reads, itself or from a neighbour; nil (all) for a model
// that is not trees. The shipped trees read none of the vocabulary tests
// (boilerplate, caption, byline, date line, section end, share bar: they
// were dropped in training), which cost a few per cent of a page's time.
func (m *BlockModel) baseReads() []bool {
	if len(m.Trees) == 0 {
		return nil
	}
	nb := len(baseNames)
	reads := make([]bool, nb)
	for _, t := range m.Trees {
		for _, n := range t {
			switch {
			case n.Feat < 0:
			case n.Feat < nb:
				reads[n.Feat] = true
			default:
				reads[neighbourIdx[(n.Feat-nb)%len(neighbourIdx)]] = true
			}
		}
	}
	return reads
}

// DefaultBlockModel returns the embedded model.
func DefaultBlockModel() *BlockModel { return defaultModel() }

// ParseHTMLWith extracts an HTML page with the given block model; nil
// means the hand rules alone. Parse uses the embedded model; this entry
// is for training and cross-validation.
func ParseHTMLWith(input string, m *BlockModel) (*doc.Document, error) {
	return parseHTMLModel(input, m)
}

// BlockSample is one rendered block of a page with its features, for training.
type BlockSample struct {
	Text string
	X    []float64
}

// BlockSamples renders a page and returns every block the model judges
// (see features) with its features.
func BlockSamples(input string) ([]BlockSample, error) {
	r, err := render(input)
	if err != nil || r == nil {
		return nil, err
	}
	rule, ok := r.ruleRoles()
	if !ok {
		return nil, nil
	}
	X := r.features(rule, nil)
	out := make([]BlockSample, 0, len(r.blocks))
	for i := range r.blocks {
		if X[i] != nil {
			out = append(out, BlockSample{Text: r.blocks[i].text, X: X[i]})
		}
	}
	return out, nil
}

// FeatureNames lists the features of HTML blocks in the order of BlockSample.X.
func FeatureNames() []string { return append([]string(nil), featureNames...) }

// LineFeatureNames lists the features of pasted-text lines in the order of
// LineSamples' X.
func LineFeatureNames() []string { return append([]string(nil), lineFeatureNames...) }

// ParseTextWith reads pasted text with the given line model; nil means the
// hand rules alone.
func ParseTextWith(input string, m *BlockModel) *doc.Document {
	return parseTextModel(input, m)
}

// base features of a block; the neighbours' features are a subset of these.
var baseNames = []string{
	"chars", "words", "link", "lead_link", "h1", "h2_3", "h4_6", "list_item",
	"prose", "teaser", "in_container", "rule_body",
	"chrome", "neg_class", "meta", "figure", "header", "article_mark", "pos_class",
	"boilerplate", "caption", "byline", "date_line", "sentence_end", "punct", "stop_words",
	"digits", "capitals", "position", "near_body", "tag_p", "tag_div", "tag_li", "tag_td",
	"tag_quote", "section_end", "share_bar", "repeated", "prose_share",
	"own_density", "anc1_density", "anc2_density", "anc3_density", "depth_below_container",
	"smooth_density", "smooth_link", "in_run", "run_dist", "after_section_end",
	// where the page's prose lies around the block: the share of it under
	// the block's parent and grandparent, and how many blocks the parent holds
	"parent_share", "gparent_share", "parent_blocks",
}

// neighbourNames are the base features read again from the blocks around.
var neighbourNames = []string{"rule_body", "prose", "link", "chars", "h2_3", "own_density", "sentence_end", "stop_words"}

var featureNames, neighbourIdx = withNeighbours(baseNames, neighbourNames)

// withNeighbours names a unit's features (base, then the neighbours' subset
// of them from each side in turn) and returns where the subset lies in base.
// Blocks of HTML and lines of pasted text are read the same way.
//
// Not inlined: it runs only at init, and inlined its loops would be
// charged to the package's whole init (docs/architecture.md, "Start-up in wasm").
//
//go:noinline
func withNeighbours(base, neighbour []string) (names []string, idx []int) {
	names = append([]string(nil), base...)
	for _, side := range []string{"prev", "next", "prev2", "next2"} {
		for _, f := range neighbour {
			names = append(names, side+"."+f)
		}
	}
	for _, f := range neighbour {
		for i, b := range base {
			if b == f {
				idx = append(idx, i)
			}
		}
	}
	return names, idx
}

// stopWords are the commonest function words of the languages news comes
// in most; a paragraph is full of them, a menu or a headline list is not.
var stopWords = buildStopWords()

// buildStopWords builds stopWords. Not inlined: inlined, its loop would be
// charged the package's whole init (docs/architecture.md, "Start-up in
// wasm").
//
//go:noinline
func buildStopWords() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`the a an and or but of to in on at for with from by as is are was were be been
		has have had it its this that these those he she they we i you his her their our not no will would
		said says can could there which who what when than then also after about into more over
		de la le les el los las y e et en un une des du der die das und ist im den zu mit von il lo che di
		per non da del que se por para con o em os um uma no na do`) {
		m[w] = true
	}
	return m
}

// ruleRoles runs the hand rules and returns each block's rule decision
// (body or not); ok is false when the page has no prose container.
func (r *renderer) ruleRoles() (rule []bool, ok bool) {
	r.classify()
	best := r.container()
	if best < 0 {
		return nil, false
	}
	r.best = best
	title := r.meta.title
	lo, hi := best, r.elems[best].end
	for i := range r.blocks {
		b := &r.blocks[i]
		b.role = doc.Boilerplate
		if b.owner >= lo && b.owner < hi && r.inBody(b, best, title) {
			b.role = doc.Body
		}
	}
	r.cutAtSectionEnd()
	r.trimEdges()
	rule = make([]bool, len(r.blocks))
	for i := range r.blocks {
		rule[i] = r.blocks[i].role == doc.Body
	}
	return rule, true
}

func b2f(v bool) float64 {
	if v {
		return 1
	}
	return 0
}

// features returns the feature vector of every candidate block (nil for
// the others). reads (baseReads) says which base features the model
// reads; the text tests of the others are skipped and give 0 (nil: every
// feature is computed, as training needs).
func (r *renderer) features(rule, reads []bool) [][]float64 {
	read := func(f int) bool { return reads == nil || reads[f] }
	n := len(r.blocks)
	nb := len(baseNames)
	base := make([]float64, n*nb)
	count := make(map[string]int, n)
	proseChars := 0
	for i := range r.blocks {
		count[r.blocks[i].text]++
		if r.blocks[i].good {
			proseChars += r.blocks[i].chars
		}
	}
	// distance (in blocks) to the nearest rule-body block
	near := make([]int, n)
	d := n + 10
	for i := 0; i < n; i++ {
		if rule[i] {
			d = 0
		} else {
			d++
		}
		near[i] = d
	}
	d = n + 10
	for i := n - 1; i >= 0; i-- {
		if rule[i] {
			d = 0
		} else {
			d++
		}
		near[i] = min(near[i], d)
	}
	// The model judges only candidates: blocks within six of a rule-body
	// block, and prose anywhere. Menus and footers far from the article
	// keep the rules' verdict (not body), which saves most of the work.
	cand := make([]bool, n)
	need := make([]bool, n)
	for i := range cand {
		cand[i] = near[i] <= 6 || r.blocks[i].good
		if cand[i] {
			for j := max(i-2, 0); j <= min(i+2, n-1); j++ {
				need[j] = true
			}
		}
	}
	lo, hi := r.best, r.elems[r.best].end
	// text density of every element: the share of its subtree's text
	// that is prose (boilerpipe's and CETD's signal, read on the DOM)
	all := make([]float64, len(r.elems))
	prose := make([]float64, len(r.elems))
	held := make([]int, len(r.elems)) // blocks in the subtree
	for i := range r.blocks {
		b := &r.blocks[i]
		for e := b.owner; e >= 0; e = r.elems[e].parent {
			all[e] += float64(b.chars)
			held[e]++
			if b.good {
				prose[e] += float64(b.chars)
			}
		}
	}
	parent := func(e int) int {
		if e >= 0 {
			return r.elems[e].parent
		}
		return -1
	}
	share := func(e int) float64 {
		if e < 0 || proseChars == 0 {
			return 0
		}
		return prose[e] / float64(proseChars)
	}
	density := func(e int) float64 {
		if e < 0 || all[e] == 0 {
			return 0
		}
		return prose[e] / all[e]
	}
	depth := func(e int) int {
		d := 0
		for ; e > 0; e = r.elems[e].parent {
			d++
		}
		return d
	}
	cdepth := depth(r.best)
	// the page's densest run of text, found from the blocks' words and
	// links alone (Kadane's maximum subarray: a block of 8+ words counts
	// its unlinked words, a short one costs 2 + its words), and every
	// block's distance to it: generic, no rule's verdict
	runLo, runHi := bestRun(n, func(i int) float64 {
		b := &r.blocks[i]
		if b.words >= 8 {
			return float64(b.words) * (1 - 2*b.linkDensity())
		}
		return -2 - float64(b.words)
	})
	// blocks below a heading that ends a story ("You may also like",
	// "Comments") seen after the page's largest unlinked text block
	anchor, most := 0, -1.0
	for i := range r.blocks {
		b := &r.blocks[i]
		if v := float64(b.chars) * (1 - b.linkDensity()); v > most {
			anchor, most = i, v
		}
	}
	after := make([]bool, n)
	ended := false
	for i := anchor + 1; i < n; i++ {
		after[i] = ended
		b := &r.blocks[i]
		if b.words <= 8 && b.linkDensity() < 0.5 && isSectionEnd(b.text) {
			ended = true
		}
	}
	// the element text density of every block, and its mean over the two
	// blocks either side weighted by their size (the neighbourhood
	// smoothing of CETD and boilerpipe)
	own := make([]float64, n)
	for i := range r.blocks {
		own[i] = density(r.blocks[i].owner)
	}
	smooth := func(i int, v func(j int) float64) float64 {
		var s, w float64
		for j := max(i-2, 0); j <= min(i+2, n-1); j++ {
			c := float64(r.blocks[j].chars) + 1
			s += c * v(j)
			w += c
		}
		return s / w
	}
	for i := range r.blocks {
		if !need[i] {
			continue
		}
		b := &r.blocks[i]
		x := base[i*nb : (i+1)*nb]
		e := &r.elems[b.owner]
		f := e.inherited
		stops, caps, digits, punct, letters := textStats(b.text)
		words := float64(max(b.words, 1))
		ends, _ := sentenceEnd(strings.TrimRight(b.text, "\"”’)"))
		tag := e.tag
		x[0] = math.Log1p(float64(b.chars)) / 8
		x[1] = math.Log1p(float64(b.words)) / 6
		x[2] = b.linkDensity()
		x[3] = float64(b.leadLink) / float64(max(b.chars, 1))
		x[4] = b2f(b.heading == 1)
		x[5] = b2f(b.heading == 2 || b.heading == 3)
		x[6] = b2f(b.heading >= 4)
		x[7] = b2f(b.listItem)
		x[8] = b2f(b.good)
		x[9] = b2f(b.teaser)
		x[10] = b2f(b.owner >= lo && b.owner < hi)
		x[11] = b2f(rule[i])
		x[12] = b2f(f&fChrome != 0)
		x[13] = b2f(f&fNeg != 0)
		x[14] = b2f(f&fMeta != 0)
		x[15] = b2f(f&fFigure != 0)
		x[16] = b2f(f&fHeader != 0)
		x[17] = b2f(f&fBody != 0)
		x[18] = b2f(e.class > 0)
		// prose (b.good) is neither boilerplate nor a caption by definition
		x[19] = b2f(read(19) && !b.good && isBoilerplate(b.text, b.words))
		x[20] = b2f(read(20) && !b.good && isCaption(b.text, b.words))
		x[21] = b2f(read(21) && isByline(b.text, b.words))
		x[22] = b2f(read(22) && b.words <= 10 && findDate(b.text) != "")
		x[23] = b2f(ends)
		x[24] = math.Min(float64(punct)/words, 1)
		x[25] = float64(stops) / words
		x[26] = float64(digits) / float64(max(letters+digits, 1))
		x[27] = float64(caps) / words
		x[28] = float64(i) / float64(max(n-1, 1))
		x[29] = math.Min(float64(near[i]), 10) / 10
		x[30] = b2f(tag == atom.P)
		x[31] = b2f(tag == atom.Div || tag == atom.Section || tag == atom.Article || tag == atom.Main)
		x[32] = b2f(tag == atom.Li || tag == atom.Dd || tag == atom.Dt)
		x[33] = b2f(tag == atom.Td || tag == atom.Th)
		x[34] = b2f(tag == atom.Blockquote)
		x[35] = b2f(read(35) && b.words <= 8 && isSectionEnd(b.text))
		x[36] = b2f(read(36) && b.words <= 40 && isShareBar(b.text))
		x[37] = b2f(count[b.text] > 1)
		x[38] = float64(b.chars) / float64(max(proseChars, 1))
		anc := b.owner
		x[39] = density(anc)
		for k := 40; k <= 42; k++ {
			if anc >= 0 {
				anc = r.elems[anc].parent
			}
			x[k] = density(anc)
		}
		if x[10] == 1 {
			x[43] = math.Min(float64(depth(b.owner)-cdepth), 10) / 10
		}
		x[44] = smooth(i, func(j int) float64 { return own[j] })
		x[45] = smooth(i, func(j int) float64 { return r.blocks[j].linkDensity() })
		x[46] = b2f(i >= runLo && i <= runHi)
		x[47] = math.Min(float64(max(runLo-i, i-runHi, 0)), 10) / 10
		x[48] = b2f(after[i])
		p1 := parent(b.owner)
		x[49] = share(p1)
		x[50] = share(parent(p1))
		if p1 >= 0 {
			x[51] = math.Log1p(float64(held[p1])) / 6
		}
	}
	out := make([][]float64, n)
	flat := make([]float64, n*len(featureNames))
	for i := range out {
		if !cand[i] {
			continue
		}
		x := flat[i*len(featureNames) : (i+1)*len(featureNames)]
		copy(x, base[i*nb:(i+1)*nb])
		k := nb
		for _, off := range []int{-1, 1, -2, 2} {
			j := i + off
			for _, f := range neighbourIdx {
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

// textStats counts a block's stop words, capitalised words, digits,
// punctuation marks and letters.
func textStats(s string) (stops, caps, digits, punct, letters int) {
	start := -1
	word := func(end int) {
		if start < 0 {
			return
		}
		w := s[start:end]
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsUpper(r) {
			caps++
		}
		if len(w) <= 5 && stopWords[strings.ToLower(w)] {
			stops++
		}
		start = -1
	}
	for i, c := range s {
		switch {
		case unicode.IsLetter(c):
			letters++
			if start < 0 {
				start = i
			}
			continue
		case unicode.IsDigit(c):
			digits++
		case strings.ContainsRune(".,;:!?", c):
			punct++
		}
		word(i)
	}
	word(len(s))
	return
}

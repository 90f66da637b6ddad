package entity

import (
	"math"
	"math/bits"
)

// lattice finds the best-scoring well-formed BILOU sequence for a sentence
// (Viterbi over first-order label history). T is int32 for the quantised
// model and float32 while training.
type lattice[T int32 | float32] struct {
	static []([numLabels]T) // scores of the static features, per token
	best   []([numLabels]T) // best path score ending in each label
	// reached holds, for each token, the set of labels some path reaches
	// there (bit l: best[l] is set): the loops visit those alone
	reached []uint32
	back    []([numLabels]int8)
	labels  []int
	// forced marks the tokens that can only be labelled O (markForced): the
	// decoder extends only O there. Nil when none is (training).
	forced []bool
	h      [numLabels]T // hist's scores: here, not on decode's stack, from which passing it to hist would move it to the heap every sentence
	low    [numLabels]T // T's lowest value (lowest), where decode starts a row
}

// lowest returns the lowest value of T: math.MinInt32, or -Inf.
func lowest[T int32 | float32]() T {
	var x T
	switch p := any(&x).(type) {
	case *int32:
		*p = math.MinInt32
	case *float32:
		*p = float32(math.Inf(-1))
	}
	return x
}

// reset sizes the lattice for n tokens and clears the static scores, and
// the back pointers: decode follows them from label O where no label is
// reachable at the last token (a forced token that finds no path to
// extend, as when int32 path scores wrapped before rebase), and a reused
// lattice must then read what a new one reads, not the last sentence's
// pointers (a pooled tagger gave a document other names than a new one
// did).
func (lt *lattice[T]) reset(n int) {
	if cap(lt.static) < n {
		lt.static = make([][numLabels]T, n)
		lt.best = make([][numLabels]T, n)
		lt.reached = make([]uint32, n)
		lt.back = make([][numLabels]int8, n)
	}
	lt.static, lt.best, lt.reached, lt.back = lt.static[:n], lt.best[:n], lt.reached[:n], lt.back[:n]
	clear(lt.static)
	clear(lt.reached)
	clear(lt.back)
	lt.forced = lt.forced[:0]
	if lt.low[0] == 0 {
		for l := range lt.low {
			lt.low[l] = lowest[T]()
		}
	}
}

// decode returns the best labels; hist adds to out the scores of token i's
// history features given previous label p1.
//
// beam > 0 prunes the search: a previous label whose best path trails the
// best by more than beam is not extended. With a beam of a few times the
// largest weight the labels almost never change, and most tokens extend
// one to three previous labels instead of seventeen.
func (lt *lattice[T]) decode(hist func(i, p1 int, out *[numLabels]T), beam T) []int {
	n := len(lt.static)
	lt.labels = lt.labels[:0]
	if n == 0 {
		return lt.labels
	}
	h := &lt.h
	*h = [numLabels]T{}
	hist(0, startLabel, h)
	// reach is the set of labels reached at the last token (reached):
	// the loops below visit those alone, in label order as a scan of the
	// seventeen would, so the ties break as before; top is the best score
	// among them, kept as the row is filled (any path's score is below
	// the best of its label's). The label sets are uint, not uint32, in
	// the loops: wasm zero-extends a uint32 after each operation on it
	var reach uint
	var top T
	// the first token's labels: those a sentence may open with (O alone
	// if it is forced), by their bits
	first := uint(startLabels)
	if lt.isForced(0) {
		first &= 1
	}
	best0, back0, static0 := &lt.best[0], &lt.back[0], &lt.static[0]
	for m := first; m != 0; m &= m - 1 {
		l := bits.TrailingZeros(m)
		v := static0[l] + h[l]
		best0[l] = v
		back0[l] = -1
		if reach == 0 || v > top {
			top = v
		}
		reach |= 1 << l
	}
	lt.reached[0] = uint32(reach)
	for i := 1; i < n; i++ {
		// the rows of this token and the last, taken once (fewer bounds
		// checks in the loops, which wasm pays for)
		prevBest := &lt.best[i-1]
		best, back, static := &lt.best[i], &lt.back[i], &lt.static[i]
		forced := lt.isForced(i)
		// before a forced O, only the closed labels may be extended (an
		// open name cannot go on), and the beam is measured from the best
		// of them (it must not push the paths that can out of the beam)
		ext := reach // the labels that may be extended
		if forced {
			ext &= uint(closedLabels)
		}
		// rebase's common case written out (a call a token): every
		// reached label may be extended and top is in range; with none
		// reached no loop below reads floor
		floor := top
		if ext != reach || top >= rebaseAt || top <= -rebaseAt {
			floor = rebase(prevBest, reach, ext, top)
		}
		if beam > 0 {
			floor -= beam
		}
		if forced {
			// one label to extend into O (after a forced token, always):
			// every path takes the same step, whose score then decides
			// nothing, and hist is not called
			only, k := -1, 0
			for m := ext; m != 0; m &= m - 1 {
				p := bits.TrailingZeros(m)
				if beam <= 0 || prevBest[p] >= floor {
					only, k = p, k+1
				}
			}
			if k == 1 {
				best[0], back[0] = prevBest[only], int8(only)
				reach, top = 1, prevBest[only]
				lt.reached[i] = uint32(reach)
				continue
			}
		}
		// the row starts below any path's score (lt.low), so that a
		// label's first path is taken by the test that keeps its best,
		// with no test of whether it was reached; and the row's best
		// likewise. A path's score is far above it: below rebaseAt in
		// size, plus a token's rows and the beam. The labels reached are
		// the successors' sets, one OR a previous label
		*best = lt.low
		reach = 0
		rowTop := lt.low[0]
		for m := ext; m != 0; m &= m - 1 {
			p := bits.TrailingZeros(m)
			if beam > 0 && prevBest[p] < floor {
				continue
			}
			succ := successors[p]
			if forced {
				succ = succ[:1] // O alone
				reach |= 1
			} else {
				reach |= uint(successorSet[p])
			}
			*h = [numLabels]T{}
			hist(i, p, h)
			from := prevBest[p]
			for _, l := range succ {
				v := from + h[l] + static[l]
				if v > best[l] {
					best[l], back[l] = v, int8(p)
				}
				if v > rowTop {
					rowTop = v
				}
			}
		}
		if reach != 0 {
			top = rowTop
		}
		lt.reached[i] = uint32(reach)
	}
	// the sentence must end outside a name or on its last token
	// (the labels reached there that may end it, by their bits, in label
	// order as a scan of the seventeen would)
	last := -1
	lastBest := &lt.best[n-1]
	for m := uint(lt.reached[n-1] & endLabels); m != 0; m &= m - 1 {
		if l := bits.TrailingZeros(m); last < 0 || lastBest[l] > lastBest[last] {
			last = l
		}
	}
	if last < 0 {
		last = 0
	}
	lt.labels = append(lt.labels[:0], make([]int, n)...)
	for i := n - 1; i >= 0; i-- {
		lt.labels[i] = last
		last = int(lt.back[i][last])
	}
	return lt.labels
}

// rebaseAt is how far a path score may drift from zero before rebase
// moves the row back: a quarter of int32's range, so that a token's scores
// and the beam can be added to it without overflowing.
const rebaseAt = 1 << 29

// rebase subtracts top, the best score of the labels in reach (the labels
// a row reached), from each of them once it has drifted past ±rebaseAt,
// and returns the best score of the labels in ext (those that may be
// extended, a subset of reach; 0 if ext is empty) after it. Subtracting
// one number from every path keeps their order and their differences
// exactly (integers), so the decode is the same; without it the int32 path
// scores of a very long sentence (thousands of tokens, as a page's run-on
// table gives) wrap around and the decode loses every path. Sentences of
// news never reach it, and float32 training scores are far smaller.
func rebase[T int32 | float32](best *[numLabels]T, reach, ext uint, top T) T {
	if reach == 0 {
		return 0
	}
	if top >= rebaseAt || top <= -rebaseAt {
		for m := reach; m != 0; m &= m - 1 {
			best[bits.TrailingZeros(m)] -= top
		}
		top = 0
	}
	if ext == reach {
		return top // the common case: every reached label may be extended
	}
	var floor T
	for m, first := ext, true; m != 0; m &= m - 1 {
		if l := bits.TrailingZeros(m); first || best[l] > floor {
			floor, first = best[l], false
		}
	}
	return floor
}

// isForced reports whether token i can only be labelled O.
func (lt *lattice[T]) isForced(i int) bool { return i < len(lt.forced) && lt.forced[i] }

// closedLabels is the set of labels (bit l) after which O is allowed: O
// and the last or only token of a name. Only they are extended into a
// forced O.
var closedLabels = func() (m uint32) {
	for p := range numLabels {
		if allowed(p, 0) {
			m |= 1 << p
		}
	}
	return m
}()

// startLabels is the set of labels (bit l) a sentence may open with.
var startLabels = func() (m uint32) {
	for l := range numLabels {
		if allowed(-1, l) {
			m |= 1 << l
		}
	}
	return m
}()

// endLabels is the set of labels (bit l) a sentence may end on: O and the
// last or only token of a name.
var endLabels = func() (m uint32) {
	for l := range numLabels {
		if l == 0 || labelPos(l) == posL || labelPos(l) == posU {
			m |= 1 << l
		}
	}
	return m
}()

// successors lists, for each label, the labels allowed to follow it: two
// after an open name (B or I), nine after any other label, so the decoder
// does not test the seventeen.
var successors = buildSuccessors()

// successorSet is successors as sets (bit l).
var successorSet = func() (s [numLabels]uint32) {
	for p, succ := range successors {
		for _, l := range succ {
			s[p] |= 1 << l
		}
	}
	return s
}()

// buildSuccessors builds successors. Not inlined: inlined, its loop would be
// charged the package's whole init (docs/architecture.md, "Start-up in
// wasm").
//
//go:noinline
func buildSuccessors() (s [numLabels][]uint8) {
	for p := range numLabels {
		for l := range numLabels {
			if allowed(p, l) {
				s[p] = append(s[p], uint8(l))
			}
		}
	}
	return s
}

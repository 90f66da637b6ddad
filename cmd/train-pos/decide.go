package main

import (
	"sort"

	"github.com/lede-news/lede/internal/pos"
)

// hit is one token's use of a bucket: the token (index into the scores)
// and how many of its features fell in the bucket.
type hit struct{ tok, n int32 }

// pruneByDecisions drops the nonzero weights of q (2^bits buckets of nt
// tags, q[b*nt+t]) whose removal changes no decision of the greedy tagger
// on sents (tags read by the tagger itself, not the gold): a weight goes
// if, with it and every weight dropped before it gone, every token's
// highest-scoring tag (the first of equals, as the tagger takes it) stays
// the same and wins by at least min(margin, its margin before). Weights
// are tried smallest magnitude first (ties by index), so the result is
// the same on every run. With every decision kept, the previous tags each
// feature reads are kept too, so the tags of sents are exactly those of
// the model before. It returns the number of weights dropped.
func pruneByDecisions(q []int8, nt int, bits uint, sents []sentence, tags []string, margin int32) int {
	mask := uint32(1)<<bits - 1
	var scores []int32 // token k's scores: scores[k*nt:][:nt]
	var dec []int32    // token k's decision
	hits := make([][]hit, 1<<bits)
	var feats []uint32
	row := make([]int32, nt)
	var bs []uint32
	for _, s := range sents {
		fz := pos.NewFeaturizer(s.words)
		p1, p2 := "-START-", "-START2-"
		for i := range s.words {
			feats = fz.Features(i, p1, p2, feats[:0])
			clear(row)
			bs = bs[:0]
			for _, f := range feats {
				b := f & mask
				bs = append(bs, b)
				for t, v := range q[int(b)*nt:][:nt] {
					row[t] += int32(v)
				}
			}
			best := 0
			for t, v := range row {
				if v > row[best] {
					best = t
				}
			}
			tok := int32(len(dec))
			scores = append(scores, row...)
			dec = append(dec, int32(best))
			sort.Slice(bs, func(a, b int) bool { return bs[a] < bs[b] })
			for j := 0; j < len(bs); {
				k := j
				for k < len(bs) && bs[k] == bs[j] {
					k++
				}
				hits[bs[j]] = append(hits[bs[j]], hit{tok, int32(k - j)})
				j = k
			}
			p2, p1 = p1, tags[best]
		}
	}
	// the winner's lead over the best other tag, ties counted as the tagger
	// breaks them (an earlier tag wins a tie): a lead of 0 still wins
	// against a later tag, and a later winner needs a lead of 1 over an
	// earlier one, so lead = s[d] - max(s[u] + [u < d]) ≥ 0 keeps d
	lead := func(s []int32, d int) int32 {
		worst := int32(-1 << 30)
		for u, v := range s {
			if u == d {
				continue
			}
			if u < d {
				v++
			}
			worst = max(worst, v)
		}
		return s[d] - worst
	}
	need := make([]int32, len(dec)) // the least lead each token must keep
	for k := range dec {
		need[k] = min(margin, lead(scores[k*nt:][:nt], int(dec[k])))
	}
	var cand []int
	for k, v := range q {
		if v != 0 {
			cand = append(cand, k)
		}
	}
	sort.SliceStable(cand, func(a, b int) bool { return abs8(q[cand[a]]) < abs8(q[cand[b]]) })
	dropped := 0
	for _, k := range cand {
		b, t := k/nt, k%nt
		w := int32(q[k])
		ok := true
		for _, h := range hits[b] {
			s := scores[int(h.tok)*nt:][:nt]
			d := int(dec[h.tok])
			old := s[t]
			s[t] -= h.n * w
			if t == d && w > 0 || t != d && w < 0 {
				ok = lead(s, d) >= need[h.tok]
			}
			s[t] = old
			if !ok {
				break
			}
		}
		if !ok {
			continue
		}
		for _, h := range hits[b] {
			scores[int(h.tok)*nt+t] -= h.n * w
		}
		q[k] = 0
		dropped++
	}
	return dropped
}

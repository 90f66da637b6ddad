package entity

import (
	"math/bits"
	"slices"
)

// The tagger's fast path scores contextFeatures in parts, so that what
// depends on one word alone is looked up once per distinct word of the
// document instead of once per token (Tagger.Tag):
//
//   - neighbourFeatures: what token j gives the tokens around it (its
//     word, shape, cluster and capitalisation as seen from i = j+1, j-1,
//     j+2, j-2), cached per word in four rows;
//   - edgeFeatures: the same at the sentence's ends ("<s>", "</s>", "_"),
//     constant rows of the Model;
//   - selfFeatures: a token's own case features, cached per shape class
//     for the usual case (not first, in a normally cased sentence);
//   - pairFeatures: the rest, which join two tokens or look at the run and
//     gazetteer match around a token, looked up per token.
//
// wordFeatures (a word's own features, cached per word already) and
// neighbourFeatures are split again: what reads only a word's shape class
// (shapeKey) or only its cluster is scored once per class and cluster,
// the rest (wordOwnFeatures, wordNeighbourFeatures) once per word, so a
// new word costs about half the lookups.
//
// Together the parts are exactly contextFeatures and wordFeatures
// (TestSplitFeatures checks the multisets of keys on many sentences):
// training keeps using those, and the sums of integer weights do not
// depend on the order they are added in, so the tags are the same to the
// bit. A feature added to contextFeatures or wordFeatures must be added to
// one of these parts too, or TestSplitFeatures fails.

// Roles of a word seen from another token, and of the sentence's ends.
const (
	asPrev  = iota // the word is token i-1 of token i
	asNext         // token i+1
	asPrev2        // token i-2
	asNext2        // token i+2
	numRoles
)

// neighbourFeatures appends the features of token i that read only token
// i-1 (role asPrev), i+1 (asNext), i-2 or i+2, when that token is t.
func neighbourFeatures(t *tokInfo, role int, out []uint32) []uint32 {
	out = wordNeighbourFeatures(t, role, out)
	out = shapeNeighbourFeatures(t, role, out)
	return clusterNeighbourFeatures(t, role, out)
}

// wordNeighbourFeatures are the neighbour features that read the word.
func wordNeighbourFeatures(t *tokInfo, role int, out []uint32) []uint32 {
	switch role {
	case asPrev:
		return append(out, newHash(fWm1).str(t.lower).key())
	case asNext:
		return append(out, newHash(fWp1).str(t.lower).key())
	case asPrev2:
		return append(out, newHash(fWm2).str(t.lower).key())
	default:
		return append(out, newHash(fWp2).str(t.lower).key())
	}
}

// The templates whose features hash a word's folded form alone: the
// word's own (W0), as a neighbour (roles asPrev, asNext, asPrev2, asNext2)
// and its history bases (T1W0, T1Wp1); and the pair features that hash it
// first (Wm1W0 as the word before, W0Wp1, W0Shapem1), whose hash the
// tagger then continues with the other token's string
// (Tagger.pairFeatures); and template 0, the lexicon's and the
// gazetteer's key, which Tagger.fill looks up. wordHashes hashes the word
// under all of them at once.
var wordTemplates = [numWordHashes]byte{fW0, fWm1, fWp1, fWm2, fWp2, fT1W0, fT1Wp1, fWm1W0, fW0Wp1, fW0Shapem1, 0}

// Indices in wordTemplates.
const (
	whW0          = 0
	whRole        = 1 // whRole + role: the neighbour features
	whT1W0        = whRole + numRoles
	whT1Wp1       = whT1W0 + 1
	whWm1W0       = whT1Wp1 + 1
	whW0Wp1       = whWm1W0 + 1
	whW0Shapem1   = whW0Wp1 + 1
	whLex         = whW0Shapem1 + 1
	numWordHashes = whLex + 1
)

// wordStarts are newHash of each template of wordTemplates.
var wordStarts = func() (h [numWordHashes]hash) {
	for k, tmpl := range wordTemplates {
		h[k] = newHash(tmpl)
	}
	return h
}()

// wordHashes returns newHash(tmpl).str(w) for each template of
// wordTemplates, hashing five side by side in each of two passes over w's
// bytes: one chain's multiplications wait for each other, five chains' do
// not, and five chains, the byte and the index stay in registers where
// ten were stored and loaded at every byte (TestWordHashes holds it to
// str).
func wordHashes(w string) (h [numWordHashes]hash) {
	// (the lexicon's key a sixth chain of the first pass, where a pass of
	// its own cost the loop over the bytes again)
	h0, h1, h2, h3, h4, h5 := wordStarts[0], wordStarts[1], wordStarts[2], wordStarts[3], wordStarts[4], wordStarts[whLex]
	for i := 0; i < len(w); i++ {
		c := hash(w[i])
		h0, h1, h2, h3, h4, h5 = (h0^c)*fnvPrime, (h1^c)*fnvPrime, (h2^c)*fnvPrime, (h3^c)*fnvPrime, (h4^c)*fnvPrime, (h5^c)*fnvPrime
	}
	// str's separator, added in registers (a loop over h stored and
	// loaded each hash again)
	h[0], h[1], h[2], h[3], h[4], h[whLex] = (h0^0xff)*fnvPrime, (h1^0xff)*fnvPrime, (h2^0xff)*fnvPrime, (h3^0xff)*fnvPrime, (h4^0xff)*fnvPrime, (h5^0xff)*fnvPrime
	h0, h1, h2, h3, h4 = wordStarts[5], wordStarts[6], wordStarts[7], wordStarts[8], wordStarts[9]
	for i := 0; i < len(w); i++ {
		c := hash(w[i])
		h0, h1, h2, h3, h4 = (h0^c)*fnvPrime, (h1^c)*fnvPrime, (h2^c)*fnvPrime, (h3^c)*fnvPrime, (h4^c)*fnvPrime
	}
	h[5], h[6], h[7], h[8], h[9] = (h0^0xff)*fnvPrime, (h1^0xff)*fnvPrime, (h2^0xff)*fnvPrime, (h3^0xff)*fnvPrime, (h4^0xff)*fnvPrime
	return h
}

// wordHashes fills all of its answer (this fails to compile otherwise).
const _ = uint(numWordHashes-11) + uint(11-numWordHashes)

// shapeNeighbourFeatures are the neighbour features that read only the
// word's shape class (shapeKey).
func shapeNeighbourFeatures(t *tokInfo, role int, out []uint32) []uint32 {
	switch role {
	case asPrev:
		return append(out, newHash(fShapem1).str(t.shape).key(), newHash(fCapm1).num(int(t.capr)).str(t.shape).key())
	case asNext:
		return append(out, newHash(fShapep1).str(t.shape).key(), newHash(fCapp1).num(int(t.capr)).str(t.shape).key())
	}
	return out
}

// clusterNeighbourFeatures are the neighbour features that read only the
// word's fine cluster.
func clusterNeighbourFeatures(t *tokInfo, role int, out []uint32) []uint32 {
	switch role {
	case asPrev:
		return append(out, newHash(fClm1).num(int(t.cl2)).key())
	case asNext:
		return append(out, newHash(fClp1).num(int(t.cl2)).key())
	}
	return out
}

// shapeKey is what shapeNeighbourFeatures, shapeOwnFeatures and
// selfFeatures read of a word: many words share it.
type shapeKey struct {
	shape          string
	capr           uint8
	upper, allCaps bool
}

// appendTo appends k written out to b: the shape, then capr and the two
// bits. The tagger keys its map of shape classes by this string: a string
// key hashes faster than a struct with a string in it, most of all in wasm.
func (k shapeKey) appendTo(b []byte) []byte {
	bits := uint8(0)
	if k.upper {
		bits |= 1
	}
	if k.allCaps {
		bits |= 2
	}
	return append(append(b, k.shape...), k.capr, bits)
}

// shapeOwnFeatures are the wordFeatures that read only the shape class.
func shapeOwnFeatures(t *tokInfo, out []uint32) []uint32 {
	return append(out, newHash(fBias).key(), newHash(fShape0).str(t.shape).key())
}

// clusterOwnFeatures are the wordFeatures that read only the fine cluster
// (the coarse one is a function of it, see newLexicon).
func clusterOwnFeatures(t *tokInfo, out []uint32) []uint32 {
	if t.cl1 == 0 {
		return out
	}
	return append(out, newHash(fCl0).num(1).num(int(t.cl1)).key(), newHash(fCl0).num(2).num(int(t.cl2)).key())
}

// wordOwnFeatures are the rest of wordFeatures.
func wordOwnFeatures(t *tokInfo, out []uint32) []uint32 {
	return wordOwnFeaturesW0(t, newHash(fW0).str(t.lower), out)
}

// wordOwnFeaturesW0 is wordOwnFeatures given the hash of its W0 feature
// (wordHashes). The keys are made in a local array and appended at once,
// and a word of four bytes or more has its eight prefix and suffix hashes
// made side by side in one pass (affixKeys); the shape's two features
// likewise: in wasm an append and a hash loop each cost more than the
// multiplications they hold.
func wordOwnFeaturesW0(t *tokInfo, w0 hash, out []uint32) []uint32 {
	// the keys written in place after out's, not into an array then
	// copied (a call of memmove a word)
	n0 := len(out)
	out = slices.Grow(out, 1+8+2+numTypes)
	f := (*[1 + 8 + 2 + numTypes]uint32)(out[n0 : n0+1+8+2+numTypes])
	f[0] = w0.key()
	w, n := t.lower, len(t.lower)
	k := 1
	if n >= 4 {
		affixKeys(w, (*[8]uint32)(f[1:9]))
		k = 9
	} else {
		for j := 1; j <= n; j++ {
			f[k], f[k+1] = newHash(fPre).num(j).str(w[:j]).key(), newHash(fSuf).num(j).str(w[n-j:]).key()
			k += 2
		}
	}
	// fLen and, for a word with a cluster, fCl0 (3): both end in the shape
	hl := newHash(fLen).num(min(n, 12))
	if t.cl1 != 0 {
		hc := newHash(fCl0).num(3).num(int(t.cl2))
		for i := 0; i < len(t.shape); i++ {
			c := hash(t.shape[i])
			hl, hc = (hl^c)*fnvPrime, (hc^c)*fnvPrime
		}
		f[k], f[k+1] = ((hl ^ 0xff) * fnvPrime).key(), ((hc ^ 0xff) * fnvPrime).key()
		k += 2
	} else {
		f[k] = hl.str(t.shape).key()
		k++
	}
	// the types whose names the word is part of, by their bits
	for m := uint(t.part) & (1<<numTypes - 1); m != 0; m &= m - 1 {
		f[k] = newHash(fPart).num(bits.TrailingZeros(m)).num(b2i(t.upper)).key()
		k++
	}
	return out[:n0+k]
}

// affixStart holds newHash(fPre).num(k) (index k-1) and newHash(fSuf).num(k)
// (index 3+k) for k = 1..4.
var affixStart = func() (h [8]hash) {
	for k := 1; k <= 4; k++ {
		h[k-1], h[3+k] = newHash(fPre).num(k), newHash(fSuf).num(k)
	}
	return h
}()

// affixKeys sets f to the keys of w's prefix and suffix features of 1 to 4
// bytes, in wordOwnFeatures' order (prefix 1, suffix 1, prefix 2, ...);
// len(w) >= 4. Chain k of the prefixes reads w[:k], of the suffixes
// w[n-k:]: each byte is mixed into the chains that read it, side by side
// (TestAffixKeys holds it to str).
func affixKeys(w string, f *[8]uint32) {
	n := len(w)
	h := affixStart
	p1, p2, p3, p4 := h[0], h[1], h[2], h[3]
	s1, s2, s3, s4 := h[4], h[5], h[6], h[7]
	c := hash(w[0])
	p1, p2, p3, p4 = (p1^c)*fnvPrime, (p2^c)*fnvPrime, (p3^c)*fnvPrime, (p4^c)*fnvPrime
	c = hash(w[1])
	p2, p3, p4 = (p2^c)*fnvPrime, (p3^c)*fnvPrime, (p4^c)*fnvPrime
	c = hash(w[2])
	p3, p4 = (p3^c)*fnvPrime, (p4^c)*fnvPrime
	c = hash(w[3])
	p4 = (p4 ^ c) * fnvPrime
	c = hash(w[n-4])
	s4 = (s4 ^ c) * fnvPrime
	c = hash(w[n-3])
	s3, s4 = (s3^c)*fnvPrime, (s4^c)*fnvPrime
	c = hash(w[n-2])
	s2, s3, s4 = (s2^c)*fnvPrime, (s3^c)*fnvPrime, (s4^c)*fnvPrime
	c = hash(w[n-1])
	s1, s2, s3, s4 = (s1^c)*fnvPrime, (s2^c)*fnvPrime, (s3^c)*fnvPrime, (s4^c)*fnvPrime
	f[0], f[1] = ((p1 ^ 0xff) * fnvPrime).key(), ((s1 ^ 0xff) * fnvPrime).key()
	f[2], f[3] = ((p2 ^ 0xff) * fnvPrime).key(), ((s2 ^ 0xff) * fnvPrime).key()
	f[4], f[5] = ((p3 ^ 0xff) * fnvPrime).key(), ((s3 ^ 0xff) * fnvPrime).key()
	f[6], f[7] = ((p4 ^ 0xff) * fnvPrime).key(), ((s4 ^ 0xff) * fnvPrime).key()
}

// edgeFeatures appends the features that neighbourFeatures(role) gives
// when that neighbour lies outside the sentence.
func edgeFeatures(role int, out []uint32) []uint32 {
	switch role {
	case asPrev:
		return append(out, newHash(fWm1).str("<s>").key(), newHash(fShapem1).str("_").key())
	case asNext:
		return append(out, newHash(fWp1).str("</s>").key(), newHash(fShapep1).str("_").key())
	case asPrev2:
		return append(out, newHash(fWm2).str("<s>").key())
	default:
		return append(out, newHash(fWp2).str("</s>").key())
	}
}

// selfFeatures appends the context features of a token that read only the
// token itself, whether it opens the sentence, and the sentence's case.
func selfFeatures(t *tokInfo, first bool, sc int, out []uint32) []uint32 {
	return append(out,
		newHash(fCaps).num(sc).str(t.shape).num(b2i(first)).key(),
		newHash(fFirstShape).num(b2i(first)).str(t.shape).num(int(t.capr)).key(),
		newHash(fCap0).num(int(t.capr)).num(b2i(t.upper)).num(b2i(t.allCaps)).num(sc).key(),
	)
}

// pairFeatures appends the context features of token i that the other
// parts leave out.
func pairFeatures(toks []tokInfo, i int, sc int, out []uint32) []uint32 {
	t := &toks[i]
	prev, next, prevShape, nextShape := "<s>", "</s>", "_", "_"
	if i > 0 {
		prev, prevShape = toks[i-1].lower, toks[i-1].shape
	}
	if i+1 < len(toks) {
		next, nextShape = toks[i+1].lower, toks[i+1].shape
	}
	out = append(out,
		newHash(fWm1W0).str(prev).str(t.lower).key(),
		newHash(fW0Wp1).str(t.lower).str(next).key(),
		newHash(fShapem1S0).str(prevShape).str(t.shape).key(),
		newHash(fShape0p1).str(t.shape).str(nextShape).key(),
		newHash(fW0Shapem1).str(t.lower).str(prevShape).key(),
	)
	return appendRunGazFeatures(toks, i, sc, out)
}

// appendRunGazFeatures appends the features of token i that read its
// capitalised run, the name-part bits of its neighbours and the gazetteer
// matches around it: the tail of contextFeatures, which calls it.
func appendRunGazFeatures(toks []tokInfo, i int, sc int, out []uint32) []uint32 {
	t := &toks[i]
	if sc == caseNormal && t.runEnd-t.runStart >= 2 {
		// where the token sits in its run (B, I, L) and what the run's
		// ends say: its last word ("... Cooperation") and whether that is
		// an organisation head, its first word's name-part and gazetteer
		// bits ("Kim ..." starts people's names)
		rp := posI
		switch int32(i) {
		case t.runStart:
			rp = posB
		case t.runEnd - 1:
			rp = posL
		}
		last, first := &toks[t.runEnd-1], &toks[t.runStart]
		rl := min(int(t.runEnd-t.runStart), 4)
		var g uint8
		for typ := range numTypes {
			if first.gaz[typ] != 0 {
				g |= 1 << typ
			}
		}
		out = append(out,
			newHash(fRunHead).num(rp).num(b2i(orgHeads[last.lower])).num(rl).key(),
			newHash(fRunFirst).num(rp).num(int(first.part)).num(int(g)).key(),
		)
	}
	if i > 0 || i+1 < len(toks) {
		var pm, pp uint8
		if i > 0 && toks[i-1].upper {
			pm = toks[i-1].part
		}
		if i+1 < len(toks) && toks[i+1].upper {
			pp = toks[i+1].part
		}
		if pm|pp != 0 {
			out = append(out, newHash(fPartCtx).num(int(pm)).num(int(pp)).num(b2i(t.upper)).key())
		}
	}
	// the gazetteer marks of the token and its neighbours, each type's
	// three read once; most tokens have none, and skip the loop
	g0 := t.gaz
	var gm, gp [numTypes]uint8
	if i > 0 {
		gm = toks[i-1].gaz
	}
	if i+1 < len(toks) {
		gp = toks[i+1].gaz
	}
	if g0 == ([numTypes]uint8{}) && gm == g0 && gp == g0 {
		return out
	}
	for typ := range numTypes {
		if g := g0[typ]; g != 0 {
			out = append(out, newHash(fGaz0).num(typ).num(int(g)).key(), newHash(fGazW0).num(typ).num(int(g)).str(t.shape).key())
		}
		if g := gm[typ]; g != 0 {
			out = append(out, newHash(fGazm1).num(typ).num(int(g)).key())
		}
		if g := gp[typ]; g != 0 {
			out = append(out, newHash(fGazp1).num(typ).num(int(g)).key())
		}
	}
	return out
}

// splitFeatures appends the keys of contextFeatures(toks, i, sc) from the
// parts, in another order: the fast path's definition, for the test.
func splitFeatures(toks []tokInfo, i int, sc int, out []uint32) []uint32 {
	for role, j := range [numRoles]int{i - 1, i + 1, i - 2, i + 2} {
		if j >= 0 && j < len(toks) {
			out = neighbourFeatures(&toks[j], role, out)
		} else {
			out = edgeFeatures(role, out)
		}
	}
	out = selfFeatures(&toks[i], i == 0, sc, out)
	return pairFeatures(toks, i, sc, out)
}

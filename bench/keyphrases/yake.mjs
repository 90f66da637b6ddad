#!/usr/bin/env node
// yake.mjs is a reference re-implementation of YAKE (Campos et al.,
// Information Sciences 2020) for bench/keyphrases.sh only: it is not shipped.
// It speaks the scorer's --batch protocol (paths on stdin; for each, its
// ranked keyphrases one a line, then an empty line).
//
// Settings are YAKE's published defaults: n-grams up to 3 words, a
// co-occurrence window of 1, and near-duplicates dropped when their
// character-trigram similarity to a better keyphrase is 0.9 or more (the
// original uses a sequence-matcher ratio; trigram Jaccard is the cheap
// stand-in here). Stop words: the scorer's list.
import fs from 'node:fs';
import readline from 'node:readline';

const STOP = new Set(`a about above across after afterwards again against all almost alone along already also although always am
among amongst an and another any anybody anyhow anyone anything anyway anywhere are around as at back be became because become
becomes becoming been before beforehand behind being below beside besides between beyond both but by can cannot could did do does
doing done down during each either else elsewhere enough etc even ever every everyone everything everywhere except few first for
former formerly from further had has have having he hence her here hereafter hereby herein hers herself him himself his how however
i ie if in indeed into is it its itself just last latter latterly least less many may me meanwhile might mine more moreover most
mostly much must my myself namely neither never nevertheless next no nobody none noone nor not nothing now nowhere of off often on
once one only onto or other others otherwise our ours ourselves out over own per perhaps please rather re said same say says she
should since so some somehow someone something sometime sometimes somewhere still such than that the their theirs them themselves
then thence there thereafter thereby therefore therein thereupon these they this those though through throughout thru thus to
together too toward towards under until up upon us very via was we well were what whatever when whence whenever where whereafter
whereas whereby wherein whereupon wherever whether which while whither who whoever whole whom whose why will with within without
would yet you your yours yourself yourselves`.split(/\s+/));

const N = 3, WINDOW = 1, DEDUP = 0.9, TOP = 20;

// sentences of tokens; a token is a word or a punctuation mark
function sentences(text) {
  const out = [];
  for (const s of text.replace(/\s+/g, ' ').split(/(?<=[.!?])\s+(?=["'“(]?[A-Z0-9])/)) {
    const toks = s.match(/[\p{L}\p{N}]+(?:['’.&-][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu) || [];
    if (toks.length) out.push(toks);
  }
  return out;
}
const isWord = t => /[\p{L}\p{N}]/u.test(t);

function yake(text) {
  const sents = sentences(text);
  const terms = new Map(); // lower-case word -> statistics
  const term = w => {
    let t = terms.get(w);
    if (!t) terms.set(w, t = { tf: 0, upper: 0, acro: 0, sents: [], left: new Map(), right: new Map(), stop: STOP.has(w) || w.length < 3 });
    return t;
  };
  sents.forEach((toks, si) => {
    // chunks: runs of words between punctuation
    let chunk = [];
    const flush = () => {
      chunk.forEach((w, i) => {
        const t = term(w.toLowerCase());
        t.tf++;
        if (t.sents[t.sents.length - 1] !== si) t.sents.push(si);
        if (/^[\p{Lu}\p{N}]+$/u.test(w) && w.length > 1 && /\p{L}/u.test(w)) t.acro++;
        else if (/^\p{Lu}/u.test(w) && i > 0) t.upper++;
        for (let j = Math.max(0, i - WINDOW); j < i; j++) {
          const l = chunk[j].toLowerCase(), lt = term(l);
          t.left.set(l, (t.left.get(l) || 0) + 1);
          lt.right.set(w.toLowerCase(), (lt.right.get(w.toLowerCase()) || 0) + 1);
        }
      });
      chunk = [];
    };
    for (const tok of toks) { if (isWord(tok)) chunk.push(tok); else flush(); }
    flush();
  });
  const content = [...terms.values()].filter(t => !t.stop);
  const tfs = content.map(t => t.tf);
  const mean = tfs.reduce((a, b) => a + b, 0) / (tfs.length || 1);
  const sd = Math.sqrt(tfs.reduce((a, b) => a + (b - mean) ** 2, 0) / (tfs.length || 1));
  const maxTF = Math.max(1, ...[...terms.values()].map(t => t.tf));
  const nS = sents.length || 1;
  for (const t of terms.values()) {
    const sum = m => [...m.values()].reduce((a, b) => a + b, 0);
    const wl = t.left.size ? t.left.size / sum(t.left) : 0, wr = t.right.size ? t.right.size / sum(t.right) : 0;
    const cas = Math.max(t.upper, t.acro) / (1 + Math.log(t.tf));
    const med = t.sents[Math.floor((t.sents.length - 1) / 2)] ?? 0;
    const pos = Math.log(3 + med);
    const freq = t.tf / (mean + sd || 1);
    const rel = 1 + (wl + wr) * (t.tf / maxTF);
    const dif = t.sents.length / nS;
    t.h = (pos * rel) / (cas + freq / rel + dif / rel);
  }
  // candidates: n-grams inside chunks, not starting or ending with a stop word
  const cands = new Map();
  for (const toks of sents) {
    let chunk = [];
    const flush = () => {
      for (let i = 0; i < chunk.length; i++) {
        for (let n = 1; n <= N && i + n <= chunk.length; n++) {
          const ws = chunk.slice(i, i + n), low = ws.map(w => w.toLowerCase());
          if (terms.get(low[0]).stop || terms.get(low[n - 1]).stop || low.some(w => /^\p{N}+$/u.test(w))) continue;
          const key = low.join(' ');
          const c = cands.get(key);
          if (c) c.tf++; else cands.set(key, { text: ws.join(' '), words: low, tf: 1 });
        }
      }
      chunk = [];
    };
    for (const tok of toks) { if (isWord(tok)) chunk.push(tok); else flush(); }
    flush();
  }
  const scored = [];
  for (const [key, c] of cands) {
    let prod = 1, sum = 0;
    c.words.forEach((w, i) => {
      const t = terms.get(w);
      if (!t.stop) { prod *= t.h; sum += t.h; return; }
      // a stop word inside: the probability of the bigrams around it
      const l = c.words[i - 1], r = c.words[i + 1];
      const pl = (terms.get(w).left.get(l) || 0) / terms.get(l).tf, pr = (terms.get(r).left.get(w) || 0) / t.tf;
      const p = pl * pr;
      prod *= 1 + (1 - p); sum -= 1 - p;
    });
    scored.push({ key, text: c.text, s: prod / (c.tf * (1 + sum)) });
  }
  scored.sort((a, b) => a.s - b.s);
  const out = [], grams = [];
  const tri = s => { const g = new Set(); for (let i = 0; i + 3 <= s.length; i++) g.add(s.slice(i, i + 3)); return g; };
  for (const c of scored) {
    const g = tri(c.key);
    if (grams.some(h => { let i = 0; for (const x of g) if (h.has(x)) i++; return i / (g.size + h.size - i || 1) >= DEDUP; })) continue;
    grams.push(g); out.push(c.text);
    if (out.length === TOP) break;
  }
  return out;
}

const rl = readline.createInterface({ input: process.stdin });
for await (const line of rl) {
  const p = line.trim();
  if (!p) continue;
  let ks = [];
  try { ks = yake(fs.readFileSync(p, 'utf8')); } catch (e) { console.error('yake:', p, e.message); }
  process.stdout.write(ks.join('\n') + (ks.length ? '\n' : '') + '\n');
}

// Baseline for bench/speed.sh: compromise (npm) extracting people, places,
// organisations and topics from the same articles, timed the same way.
import fs from 'node:fs';
import nlp from 'compromise';

const n = Number(process.env.N || 50);
const inputs = process.argv.slice(2).map((f) => fs.readFileSync(f, 'utf8'));
const run = (t) => {
  const d = nlp(t);
  return [d.people().out('array'), d.places().out('array'), d.organizations().out('array'), d.topics().out('array')];
};
let t0 = performance.now();
run(inputs[0]);
const first = performance.now() - t0;
t0 = performance.now();
for (let i = 0; i < n; i++) for (const t of inputs) run(t);
const el = (performance.now() - t0) / 1000;
const docs = n * inputs.length;
console.log(`first call: ${first.toFixed(1)} ms`);
console.log(`${docs} analyses in ${el.toFixed(2)} s: ${(docs / el).toFixed(1)} articles/s, ${(el / docs * 1000).toFixed(2)} ms/article`);

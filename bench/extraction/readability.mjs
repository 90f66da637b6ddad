// Mozilla Readability (npm @mozilla/readability with linkedom as the DOM) over
// a benchmark folder of ../shared/data/article-extraction, side by side with
// lede: writes predictions in the format eval_extraction.mjs --predictions
// reads, and prints the in-process extraction rate on stderr (wall clock and
// process CPU time).
//
//   node bench/extraction/readability.mjs DIR OUT.json
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

const [dir, out] = process.argv.slice(2);
const truth = JSON.parse(fs.readFileSync(path.join(dir, 'ground-truth.json'), 'utf8'));
const ids = Object.keys(truth).sort();
const output = {};
let ms = 0;
let cpuUs = 0;
for (const id of ids) {
  const gz = path.join(dir, 'html', `${id}.html.gz`);
  const html = fs.existsSync(gz) ? zlib.gunzipSync(fs.readFileSync(gz)).toString('utf8')
    : fs.readFileSync(path.join(dir, 'html', `${id}.html`), 'utf8');
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  let body = '';
  try {
    const { document } = parseHTML(html);
    const article = new Readability(document).parse();
    body = article && article.textContent ? article.textContent : '';
  } catch (e) {
    process.stderr.write(`${id}: ${e.message}\n`);
  }
  ms += performance.now() - t0;
  const c = process.cpuUsage(c0);
  cpuUs += c.user + c.system;
  output[id] = { articleBody: body };
}
fs.writeFileSync(out, JSON.stringify({ version: 'readability.js 0.6.0 + linkedom 0.18.15', output }));
process.stderr.write(`extract_ms=${ms.toFixed(1)} pages=${ids.length} pages_per_s=${(ids.length / (ms / 1000)).toFixed(1)} cpu_pages_per_s=${(ids.length / (cpuUs / 1e6)).toFixed(1)}\n`);

// Mozilla Readability (npm @mozilla/readability with linkedom as the DOM,
// as bench/extraction/readability.mjs runs it) over Readability's own
// regression pages: writes {page: {title, byline, publishedTime}} for
// bench/metadata -js to score.
//
//   node bench/metadata/readability.mjs TEST-PAGES-DIR OUT.json
import fs from 'node:fs';
import path from 'node:path';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

const [dir, out] = process.argv.slice(2);
const output = {};
for (const name of fs.readdirSync(dir).sort()) {
  const src = path.join(dir, name, 'source.html');
  if (!fs.existsSync(src) || !fs.existsSync(path.join(dir, name, 'expected-metadata.json'))) continue;
  let m = { title: '', byline: '', publishedTime: '' };
  try {
    const { document } = parseHTML(fs.readFileSync(src, 'utf8'));
    const a = new Readability(document).parse();
    if (a) m = { title: a.title || '', byline: a.byline || '', publishedTime: a.publishedTime || '' };
  } catch (e) {
    process.stderr.write(`${name}: ${e.message}\n`);
  }
  output[name] = m;
}
fs.writeFileSync(out, JSON.stringify(output));

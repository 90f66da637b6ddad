// compromise.mjs — the compromise peer for ../shared/tools/eval_ner.mjs:
// the JSON-lines protocol on stdin/stdout, offsets in UTF-16 code units
// (--offsets utf16). People, places and organizations map to PER, LOC, ORG;
// compromise has no MISC class, so compare it on "overall-noMISC" too.
import { createInterface } from 'node:readline';
import nlp from 'compromise';

const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of rl) {
  if (!line.trim()) continue;
  const req = JSON.parse(line);
  const doc = nlp(req.text);
  const entities = [];
  for (const [method, type] of [['people', 'PER'], ['places', 'LOC'], ['organizations', 'ORG']]) {
    for (const m of doc[method]().json({ offset: true })) {
      // compromise's offsets cover the matched terms; trim surrounding punctuation
      let { start, length } = m.offset;
      let text = req.text.slice(start, start + length);
      const lead = text.length - text.replace(/^[\s"'(\[]+/, '').length;
      const trail = text.length - text.replace(/[\s"'.,;:!?)\]]+$/, '').length;
      start += lead;
      text = text.slice(lead, text.length - trail);
      if (text) entities.push({ start, end: start + text.length, type, text });
    }
  }
  process.stdout.write(JSON.stringify({ id: req.id, entities }) + '\n');
}

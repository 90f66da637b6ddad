// view.mjs's report logic that needs no DOM, in plain Node:
//
//   node --test web/view.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { panelTopics } from './view.mjs';

// panelTopics: the page's and the widget's keyphrase panel, in the
// engine's panel order, never a name, each topic with its index in the
// report's list (which the highlights key on).
test('panelTopics', () => {
  const topic = (text, panel) => (panel ? { text, kind: 'topic', panel } : { text, kind: 'topic' });
  const name = (text) => ({ text, kind: 'name' });
  const many = Array.from({ length: 20 }, (_, k) => topic('t' + k));
  const tests = [
    { name: 'no keyphrases', report: { keyphrases: [] }, want: [] },
    { name: 'no keyphrases field', report: {}, want: [] },
    { name: 'names only', report: { keyphrases: [name('Seoul'), name('Donald Trump')] }, want: [] },
    {
      name: 'the panel order, names and unplaced topics left out',
      report: { keyphrases: [name('Seoul'), topic('trade', 5), topic('defense costs', 1), topic('amount'), topic('nuclear cooperation', 2), name('Trump'), topic('cash', 3), topic('pledge', 4)] },
      want: [['defense costs', 2], ['nuclear cooperation', 4], ['cash', 6], ['pledge', 7], ['trade', 1]],
    },
    {
      name: 'fewer topics than the panel holds',
      report: { keyphrases: [topic('trade', 2), name('Seoul'), topic('defense costs', 1)] },
      want: [['defense costs', 2], ['trade', 0]],
    },
    {
      name: 'a report without places (an older engine): its first 15 topics',
      report: { keyphrases: [name('Seoul'), ...many] },
      want: many.slice(0, 15).map((k, j) => [k.text, j + 1]),
    },
  ];
  for (const tc of tests) {
    assert.deepEqual(panelTopics(tc.report).map((k) => [k.text, k.i]), tc.want, tc.name);
  }
});

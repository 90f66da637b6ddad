// view.mjs's report logic that needs no DOM, in plain Node:
//
//   node --test web/view.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { byParagraph, groupEntities, panelTopics, titleSpan } from './view.mjs';

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

// The numbers beside names and topics count the mentions in the body, the
// places the page lights up; a name said only in the other headlines is
// left out of the groups and counted in outside.
test('groupEntities and panelTopics count the body only', () => {
  const at = (...starts) => starts.map((s) => ({ start: s, end: s + 3 }));
  const body = { paragraphs: [{ start: 100, end: 200 }, { start: 300, end: 400 }] };
  const ent = (name, type, salience, mentions) => ({ name, type, salience, mentions });
  const tests = [
    {
      name: 'mentions in the other headlines are not counted, names only there are left out',
      report: {
        article: body,
        entities: [ent('Trump', 'person', 0.9, at(10, 110, 500, 510)), ent('Cuba', 'place', 0.2, at(500, 250, 98)), ent('Lee', 'person', 0.5, at(120, 310, 390)), ent('Seoul', 'place', 0.4, at(198, 150))],
      },
      // Lee before Trump: three mentions in the body against one. Seoul's
      // mention at 198 runs past its paragraph's end.
      want: [['person', [['Lee', 2, 3], ['Trump', 0, 1]]], ['place', [['Seoul', 3, 1]]]],
      outside: 1,
    },
    {
      name: 'a report without paragraphs is all body',
      report: { article: { paragraphs: [] }, entities: [ent('Trump', 'person', 0.9, at(10, 500)), ent('Acme', 'org', 0.1, at(7))] },
      want: [['person', [['Trump', 0, 2]]], ['other', [['Acme', 1, 1]]]],
      outside: 0,
    },
    { name: 'no entities', report: { article: body }, want: [], outside: 0 },
  ];
  for (const tc of tests) {
    const got = groupEntities(tc.report);
    assert.deepEqual(got.map((g) => [g.type, g.entities.map((e) => [e.name, e.i, e.count])]), tc.want, tc.name);
    assert.equal(got.outside, tc.outside, tc.name + ': outside');
  }
  const topics = panelTopics({ article: body, keyphrases: [{ text: 'trade', kind: 'topic', panel: 1, mentions: at(110, 150, 310, 600) }, { text: 'cash', kind: 'topic', panel: 2, mentions: at(600) }] });
  assert.deepEqual(topics.map((k) => [k.text, k.count]), [['trade', 3], ['cash', 0]]);
});

// byParagraph hands each paragraph the marks that overlap it, as cutting it
// against every mark would (the slow way it replaces), in start order.
test('byParagraph', () => {
  const naive = (paras, marks) => paras.map((p) => marks.filter((m) => m.end > p.start && m.start < p.end).sort((x, y) => x.start - y.start));
  const paras = [{ start: 0, end: 10 }, { start: 12, end: 30 }, { start: 30, end: 31 }, { start: 40, end: 60 }, { start: 70, end: 71 }];
  const tests = [
    { name: 'no marks', marks: [] },
    { name: 'one mark a paragraph', marks: [{ start: 2, end: 5 }, { start: 14, end: 20 }, { start: 45, end: 50 }] },
    { name: 'unsorted, nested, at the edges', marks: [{ start: 45, end: 60 }, { start: 0, end: 10 }, { start: 46, end: 47 }, { start: 10, end: 12 }, { start: 29, end: 30 }, { start: 60, end: 70 }] },
    { name: 'a long mark across paragraphs, short ones after it', marks: [{ start: 5, end: 45 }, { start: 6, end: 7 }, { start: 13, end: 14 }, { start: 41, end: 42 }] },
  ];
  // and a few hundred made-up ones
  let seed = 7;
  const rnd = (n) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
  for (let k = 0; k < 50; k++) {
    const marks = Array.from({ length: rnd(12) }, () => { const s = rnd(75); return { start: s, end: s + 1 + rnd(k % 5 ? 6 : 40) }; });
    tests.push({ name: 'random ' + k, marks });
  }
  for (const tc of tests) {
    const want = naive(paras, tc.marks.slice());
    assert.deepEqual(byParagraph(paras, tc.marks.slice()), want, tc.name + ': ' + JSON.stringify(tc.marks));
  }
});

// The title counts as the article where the text says it before the body:
// the page draws it with its marks ("$2.4 billion" in the example's
// headline only).
test('titleSpan', () => {
  const text = 'Wind deal\nMenu\nWind deal for Acme\n\nAcme wins. Wind deal for Acme\nMore: Acme falls';
  const body = [{ start: 35, end: 64 }];
  const tests = [
    { name: 'the last time the text says it before the body', title: 'Wind deal for Acme', paragraphs: body, want: { start: 15, end: 33 } },
    { name: 'said only after the body start', title: 'More: Acme falls', paragraphs: body, want: null },
    { name: 'no title', title: null, paragraphs: body, want: null },
    { name: 'no body', title: 'Wind deal', paragraphs: [], want: null },
    { name: 'not in the text', title: 'Gone', paragraphs: body, want: null },
  ];
  for (const tc of tests) {
    const report = { text, article: { title: tc.title, paragraphs: tc.paragraphs } };
    assert.deepEqual(titleSpan(report), tc.want, tc.name);
  }
  // Acme's mention in the title counts; the one in "More: Acme falls" does not
  const report = { text, article: { title: 'Wind deal for Acme', paragraphs: body }, entities: [{ name: 'Acme', type: 'organization', salience: 1, mentions: [{ start: 29, end: 33 }, { start: 35, end: 39 }, { start: 71, end: 75 }] }] };
  assert.deepEqual(groupEntities(report).map((g) => g.entities.map((e) => e.count)), [[2]]);
});

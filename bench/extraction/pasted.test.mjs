// pasted.test.mjs: the page-rendering helper makes the text a reader pastes
// (document.body.innerText, scripts and network off), on hand-written pages.
// Skips without Debian's Chromium or playwright-core (./build.sh test
// installs both).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import { openRenderer, cacheName, chromium } from './pasted.mjs';

const require = createRequire(import.meta.url);
let missing = '';
if (!fs.existsSync(chromium)) missing = `${chromium} is missing (./build.sh test installs Debian's chromium)`;
try {
  require.resolve('playwright-core');
} catch {
  missing ||= 'playwright-core is missing: run npm ci';
}

let renderer;
let server;
let hits = 0;
before(async () => {
  // a local server that counts requests: the renderer must make none
  server = http.createServer((req, res) => {
    hits++;
    res.end('body { display: none }');
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  if (!missing) renderer = await openRenderer();
});
after(async () => {
  if (renderer) await renderer.close();
  await new Promise((r) => server.close(r));
});

const cases = [
  ['paragraphs one a line', '<p>One two.</p><p>Three four.</p>', 'One two.\n\nThree four.'],
  ['inline markup runs into its line', '<p>A <a href="#">link</a> and <b>bold</b> text.</p>', 'A link and bold text.'],
  ['menus and footers are kept, as a copy keeps them', '<nav>Home | News</nav><p>Body.</p><footer>© Site</footer>',
    'Home | News\n\nBody.\n\n© Site'],
  ['CSS in the page applies', '<style>.x { display: none } .u { text-transform: uppercase }</style><p class="x">hidden</p><p class="u">loud</p>',
    'LOUD'],
  ['scripts do not run', '<p id="p">static</p><script>document.getElementById("p").textContent = "scripted"</script>', 'static'],
  ['noscript shows, as with scripts off', '<p>a</p><noscript>no script</noscript>', 'a\n\nno script'],
  ['a meta refresh goes nowhere', '<meta http-equiv="refresh" content="0;url=https://example.com/"><p>stay</p>', 'stay'],
  ['an empty body', '', ''],
];

for (const [name, html, want] of cases) {
  test(`render: ${name}`, { skip: missing || false }, async () => {
    assert.equal(await renderer.render(html), want);
  });
}

test('render: no request leaves the page', { skip: missing || false }, async () => {
  const base = `http://127.0.0.1:${server.address().port}`;
  const text = await renderer.render(`<link rel="stylesheet" href="${base}/a.css"><img src="${base}/b.png"><iframe src="${base}/c"></iframe><p>offline</p>`);
  assert.equal(text, 'offline');
  assert.equal(hits, 0);
});

test('cacheName: the name and the first 16 hex digits of the source SHA-256 (as bench/rtp reads it)', () => {
  assert.equal(cacheName('bbc-1', Buffer.from('abc')), 'bbc-1-ba7816bf8f01cfea.txt');
  assert.equal(cacheName('x', Buffer.from('')), 'x-e3b0c44298fc1c14.txt');
});

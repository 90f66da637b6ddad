// pasted.mjs: a page as a reader pastes it. The AEB dev-pasted set
// (../shared/data/article-extraction/dev-pasted/README.md) is each page's
// document.body.innerText in headless Chromium with scripts and network off:
// "select all, copy" of the page, menus, bylines and footers included. This
// module makes the same text for any HTML, with Debian's Chromium through
// playwright-core as the browser tests launch it (web/e2e/helpers.mjs; no
// browser is ever downloaded): JavaScript disabled, every request aborted
// (stylesheets, images, frames; a meta refresh goes nowhere), the HTML loaded
// with setContent.
//
// As a command it renders Readability's test pages for bench/extraction-rtp.sh
// into a cache folder (never the repository), one file a page named after its
// folder and the SHA-256 of its source.html, so a changed page is rendered
// again and an unchanged one never:
//
//   node bench/extraction/pasted.mjs TEST-PAGES-DIR CACHE-DIR NAME...
//
// It prints "rendered N, cached M" on stderr. With --check-aeb it checks
// the method instead: it renders the AEB dev pages (DEV/html/ID.html.gz)
// and counts the texts equal byte for byte to the dev-pasted set's
// (PASTED/text/ID.txt), which was made the same way:
//
//   node bench/extraction/pasted.mjs --check-aeb DEV-DIR DEV-PASTED-DIR
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

/** chromium is where the browser must be; the tests skip when it is not. */
export const chromium = '/usr/bin/chromium';

/**
 * openRenderer starts one headless Chromium (scripts off, a fresh profile)
 * and returns render(html) → the page's document.body.innerText, and close().
 * Pages render one after another in one tab, each loaded afresh.
 */
export async function openRenderer() {
  const pw = require('playwright-core');
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lede-pasted-'));
  const context = await pw.chromium.launchPersistentContext(userDataDir, {
    executablePath: chromium,
    headless: true,
    javaScriptEnabled: false,
    viewport: { width: 1280, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  context.setDefaultTimeout(120000);
  // Network off: every subresource request fails. A navigation the page
  // starts itself (a meta refresh, JavaScript being off) is answered "204 No
  // Content", which leaves the page in place, as an offline reader sees it;
  // aborting it would swap the page for Chromium's error page.
  await context.route('**/*', (route) =>
    route.request().isNavigationRequest() ? route.fulfill({ status: 204 }) : route.abort());
  const page = context.pages()[0] || (await context.newPage());
  return {
    async render(html) {
      await page.setContent(html, { waitUntil: 'load' });
      // innerText in the page's own frame: Chromium's rendering of the text
      // a reader selects (display:none and <template> left out, blocks on
      // their own lines, CSS text-transform applied)
      return page.evaluate(() => (document.body ? document.body.innerText : ''));
    },
    async close() {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** cacheName is the cache file of a page: its name and its source's hash. */
export function cacheName(name, source) {
  const h = crypto.createHash('sha256').update(source).digest('hex').slice(0, 16);
  return `${name}-${h}.txt`;
}

// checkAEB renders every AEB dev page and prints how many texts equal the
// dev-pasted set's, and the first few that differ.
async function checkAEB(dev, pasted) {
  const ids = Object.keys(JSON.parse(fs.readFileSync(path.join(dev, 'ground-truth.json'), 'utf8'))).sort();
  const renderer = await openRenderer();
  const differ = [];
  try {
    for (const id of ids) {
      const html = zlib.gunzipSync(fs.readFileSync(path.join(dev, 'html', `${id}.html.gz`))).toString('utf8');
      const want = fs.readFileSync(path.join(pasted, 'text', `${id}.txt`), 'utf8');
      if ((await renderer.render(html)) !== want) differ.push(id);
    }
  } finally {
    await renderer.close();
  }
  const some = differ.length ? ` (differ: ${differ.slice(0, 5).join(' ')}${differ.length > 5 ? ' …' : ''})` : '';
  console.log(`renderer check: ${ids.length - differ.length} of ${ids.length} AEB dev-pasted texts reproduced byte for byte${some}`);
}

async function main() {
  if (process.argv[2] === '--check-aeb') {
    const [dev, pasted] = process.argv.slice(3);
    if (!dev || !pasted) {
      process.stderr.write('usage: node bench/extraction/pasted.mjs --check-aeb DEV-DIR DEV-PASTED-DIR\n');
      process.exit(2);
    }
    return checkAEB(dev, pasted);
  }
  const [suite, cache, ...names] = process.argv.slice(2);
  if (!suite || !cache) {
    process.stderr.write('usage: node bench/extraction/pasted.mjs TEST-PAGES-DIR CACHE-DIR NAME...\n');
    process.exit(2);
  }
  fs.mkdirSync(cache, { recursive: true });
  let renderer = null;
  let rendered = 0;
  let cached = 0;
  try {
    for (const name of names) {
      const source = fs.readFileSync(path.join(suite, name, 'source.html'));
      const out = path.join(cache, cacheName(name, source));
      if (fs.existsSync(out)) {
        cached++;
        continue;
      }
      renderer ??= await openRenderer();
      const text = await renderer.render(source.toString('utf8'));
      fs.writeFileSync(out + '.tmp', text);
      fs.renameSync(out + '.tmp', out);
      rendered++;
    }
  } finally {
    if (renderer) await renderer.close();
  }
  process.stderr.write(`rendered ${rendered}, cached ${cached}\n`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    process.stderr.write(`pasted.mjs: ${e.stack || e}\n`);
    process.exit(1);
  });
}

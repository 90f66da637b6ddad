// The Cloudflare Worker, run locally on workerd through wrangler dev, as a
// deployment would run it: the Go API handler in app.wasm behind our glue
// (worker.mjs + serve_js.go: one live Go instance per isolate), and the site
// from Workers static assets on the same origin.
//
//   node --test wasm/worker/worker.test.mjs      (after ./build.sh dist)
//
//   LEDE_DIST=/tmp/dist node --test wasm/worker/worker.test.mjs   (another build)
//
// It starts and stops wrangler itself, on a free loopback port, with no login
// and no network. It skips only when dist/worker has not been built.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
// LEDE_DIST points the test at another build than dist/ (a copy, say).
const dist = process.env.LEDE_DIST || join(root, 'dist');
const workerDir = join(dist, 'worker');
const built = existsSync(join(workerDir, 'wrangler.jsonc')) && existsSync(join(workerDir, 'app.wasm'));
const skip = built ? false : 'dist/worker is not built: run ./build.sh dist (or go run ./wasm/worker/build -out dist/worker)';
const fixture = join(root, 'internal', 'api', 'testdata', 'article.txt');
const sample = join(root, '..', 'shared', 'samples', 'korea-us-summit.txt');

const START_TIMEOUT_MS = 90_000;
const REQUEST_TIMEOUT_MS = 30_000;
const STALE = ' (is dist/ older than the source? ./build.sh dist rebuilds it)';

let wrangler; // the child process
let base; // http://127.0.0.1:PORT
let state; // wrangler's local state, outside the repository
const log = [];

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function req(path, init = {}) {
  return fetch(base + path, { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
}

// cli runs `lede analyze FILE` as the native CLI, the reference the worker must match.
function cli(file) {
  return execFileSync('go', ['run', './cmd/lede', 'analyze', file], { cwd: root, maxBuffer: 64 << 20 });
}

before(async () => {
  if (skip) return;
  const [port, inspector] = [await freePort(), await freePort()];
  state = mkdtempSync(join(tmpdir(), 'lede-wrangler-'));
  base = `http://127.0.0.1:${port}`;
  // The CLI itself, not bin/wrangler.js: the pinned wrangler (4.86.0) runs
  // on Node 20 either way, and so would a newer one whose bin refuses Node 20.
  const cliJS = join(root, 'node_modules', 'wrangler', 'wrangler-dist', 'cli.js');
  assert.ok(existsSync(cliJS), 'node_modules/wrangler is missing: run npm ci');
  const env = { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false', NO_COLOR: '1' };
  delete env.NODE_TEST_CONTEXT; // or the child Node takes itself for a test process
  wrangler = spawn(process.execPath, [cliJS, 'dev', '--local', '--ip', '127.0.0.1', '--port', String(port),
    '--inspector-port', String(inspector), '--persist-to', state, '--show-interactive-dev-session=false'], {
    cwd: workerDir,
    detached: true, // its own process group, so that workerd stops with it
    stdio: ['ignore', 'pipe', 'pipe'],
    env,
  });
  wrangler.stdout.on('data', (d) => log.push(String(d)));
  wrangler.stderr.on('data', (d) => log.push(String(d)));
  let exited = null;
  wrangler.on('exit', (code) => { exited = code; });
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (exited !== null) throw new Error(`wrangler dev exited with ${exited}:\n${log.join('')}`);
    if (Date.now() > deadline) throw new Error(`wrangler dev was not ready in ${START_TIMEOUT_MS / 1000} s:\n${log.join('')}`);
    try {
      const r = await fetch(base + '/healthz', { signal: AbortSignal.timeout(5000) });
      if (r.status === 200) break;
    } catch { /* not listening yet */ }
    await sleep(250);
  }
});

after(async () => {
  if (wrangler && wrangler.exitCode === null) {
    const gone = new Promise((r) => wrangler.once('exit', r));
    try { process.kill(-wrangler.pid, 'SIGTERM'); } catch { /* already gone */ }
    const t = setTimeout(() => { try { process.kill(-wrangler.pid, 'SIGKILL'); } catch { /* gone */ } }, 5000);
    await gone;
    clearTimeout(t);
  }
  if (state) rmSync(state, { recursive: true, force: true });
});

test('GET /healthz', { skip }, async () => {
  const r = await req('/healthz');
  assert.equal(r.status, 200);
  assert.deepEqual(await r.json(), { status: 'ok' });
});

test('POST /analyze text/plain gives the CLI report byte for byte (fixture)', { skip }, async () => {
  const want = cli(fixture);
  const r = await req('/analyze', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: readFileSync(fixture) });
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-type'), /^application\/json/);
  assert.equal(r.headers.get('access-control-allow-origin'), '*');
  const got = Buffer.from(await r.arrayBuffer());
  assert.ok(got.equals(want), `worker and CLI differ${STALE}:\n${got.subarray(0, 300)}\n${want.subarray(0, 300)}`);
  const rep = JSON.parse(got);
  assert.ok(rep.entities.length > 0 && rep.article.paragraphs.length > 0, 'the report is not empty');
});

test('POST /analyze gives the CLI report byte for byte (../shared sample)',
  { skip: skip || (existsSync(sample) ? false : '../shared/samples/korea-us-summit.txt not found') }, async () => {
    const want = cli(sample);
    const r = await req('/analyze', { method: 'POST', headers: { 'content-type': 'text/plain; charset=utf-8' }, body: readFileSync(sample) });
    assert.equal(r.status, 200);
    const got = Buffer.from(await r.arrayBuffer());
    assert.ok(got.equals(want), `worker and CLI differ on the sample article${STALE}`);
  });

test('POST /analyze application/json is the same report', { skip }, async () => {
  const text = readFileSync(fixture, 'utf8');
  const plain = await (await req('/analyze', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: text })).text();
  const r = await req('/analyze', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text }) });
  assert.equal(r.status, 200);
  assert.equal(await r.text(), plain);
  const r8 = await req('/analyze', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id: 7, text, options: { offsets: 'utf8' } }) });
  const rep = await r8.json();
  assert.equal(rep.id, 7);
  assert.equal(rep.offsets, 'utf8');
});

test('bad requests: 400, 413, 415, 405 with a JSON error', { skip }, async () => {
  const cases = [
    ['malformed JSON', 'POST', 'application/json', '{"text": "abc', 400],
    ['empty text', 'POST', 'text/plain', '   ', 400],
    ['over the body limit', 'POST', 'text/plain', 'x'.repeat(8 * 1024 * 1024 + 1), 413],
    ['form content type', 'POST', 'application/x-www-form-urlencoded', 'text=abc', 415],
    ['GET /analyze', 'GET', null, null, 405],
  ];
  for (const [name, method, type, body, status] of cases) {
    const r = await req('/analyze', { method, headers: type ? { 'content-type': type } : {}, body });
    assert.equal(r.status, status, name);
    assert.match(r.headers.get('content-type'), /^application\/json/, name);
    assert.equal(r.headers.get('access-control-allow-origin'), '*', name);
    const e = await r.json();
    assert.equal(typeof e.error, 'string', name);
    assert.ok(e.error.length > 10, `${name}: the error says what to do`);
  }
});

test('CORS preflight from another origin', { skip }, async () => {
  const r = await req('/analyze', {
    method: 'OPTIONS',
    headers: { origin: 'https://news.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
  });
  assert.equal(r.status, 204);
  assert.equal(r.headers.get('access-control-allow-origin'), '*');
  assert.match(r.headers.get('access-control-allow-methods'), /POST/);
  assert.match(r.headers.get('access-control-allow-headers'), /content-type/i);
});

test('the static page is served from the same origin, the worker files are not', { skip }, async () => {
  const index = join(dist, 'index.html');
  assert.ok(existsSync(index), 'dist/index.html is missing: ./build.sh dist writes the site before the worker');
  const r = await req('/');
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-type'), /^text\/html/);
  assert.equal(await r.text(), readFileSync(index, 'utf8'));
  const w = await req('/worker/app.wasm');
  assert.equal(w.status, 404, 'the worker folder must not be uploaded as static assets');
  await w.arrayBuffer();
});

// instanceOf reads which Go instance answered and how many requests it had
// answered then (headers the Go side of the glue sets from its own memory).
function instanceOf(r) {
  const id = r.headers.get('lede-instance');
  const served = Number(r.headers.get('lede-instance-requests'));
  assert.match(id || '', /^[0-9a-f]{16}$/, 'Lede-Instance header');
  assert.ok(Number.isInteger(served) && served > 0, 'Lede-Instance-Requests header');
  return { id, served };
}

test('one Go instance answers every request of the isolate', { skip }, async () => {
  const body = readFileSync(fixture);
  const seen = [];
  for (let i = 0; i < 4; i++) {
    const a = await req('/analyze', { method: 'POST', headers: { 'content-type': 'text/plain' }, body });
    assert.equal(a.status, 200);
    await a.arrayBuffer();
    seen.push(instanceOf(a));
    const h = await req('/healthz');
    assert.equal(h.status, 200);
    await h.arrayBuffer();
    seen.push(instanceOf(h));
  }
  assert.equal(new Set(seen.map((s) => s.id)).size, 1, `one instance, not ${JSON.stringify(seen)}`);
  for (let i = 1; i < seen.length; i++) {
    assert.ok(seen[i].served > seen[i - 1].served, `the instance's request count goes up: ${JSON.stringify(seen)}`);
  }
  assert.ok(seen.at(-1).served >= 8, 'it has answered all eight requests');
});

test('concurrent requests all succeed with the same report, from the one instance', { skip }, async () => {
  const body = readFileSync(fixture);
  const want = cli(fixture);
  const rs = await Promise.all(Array.from({ length: 8 }, () =>
    req('/analyze', { method: 'POST', headers: { 'content-type': 'text/plain' }, body }).then(async (r) => [r.status, Buffer.from(await r.arrayBuffer()), instanceOf(r)])));
  for (const [status, got] of rs) {
    assert.equal(status, 200);
    assert.ok(got.equals(want), `a concurrent answer differs from the CLI's report${STALE}`);
  }
  assert.equal(new Set(rs.map(([, , i]) => i.id)).size, 1, 'one instance answered them all');
  assert.equal(new Set(rs.map(([, , i]) => i.served)).size, 8, 'each request was counted once');
});

test('concurrent requests with different inputs each get their own report', { skip }, async () => {
  // Every request of the isolate is handed to one long-lived goroutine
  // (serve_js.go, server): an answer must reach the request it belongs to.
  const text = readFileSync(fixture, 'utf8');
  const half = text.slice(0, text.indexOf('\n', text.length >> 1) + 1);
  const run = (args, input) => execFileSync('go', ['run', './cmd/lede', 'analyze', ...args], { cwd: root, input, maxBuffer: 64 << 20 });
  const kinds = [
    { query: '', body: text, want: cli(fixture) },
    { query: '?offsets=utf8', body: text, want: run(['--offsets', 'utf8', fixture]) },
    { query: '?input=text', body: half, want: run(['--input', 'text', '-'], half) },
  ];
  assert.ok(!kinds[0].want.equals(kinds[1].want) && !kinds[0].want.equals(kinds[2].want) && !kinds[1].want.equals(kinds[2].want),
    'the three inputs give three different reports, so a mixed-up answer would show');
  const sent = Array.from({ length: 12 }, (_, i) => kinds[i % kinds.length]);
  const rs = await Promise.all(sent.map((k) =>
    req('/analyze' + k.query, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: k.body }).then(async (r) => [r.status, Buffer.from(await r.arrayBuffer())])));
  rs.forEach(([status, got], i) => {
    assert.equal(status, 200);
    assert.ok(got.equals(sent[i].want), `concurrent request ${i} (${sent[i].query || 'no query'}) got another report${STALE}`);
  });
});

test('POST /analyze application/x-ndjson: one report a line, as `lede analyze --jsonl`', { skip }, async () => {
  const text = readFileSync(fixture, 'utf8');
  const body = JSON.stringify({ id: 1, text }) + '\n' + JSON.stringify({ id: 'b', text: '' }) + '\n' + JSON.stringify({ id: 3, text }) + '\n';
  const want = execFileSync('go', ['run', './cmd/lede', 'analyze', '--jsonl'], { cwd: root, input: body, maxBuffer: 64 << 20 }).toString().split('\n');
  const r = await req('/analyze', { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body });
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-type'), /^application\/x-ndjson/);
  const got = (await r.text()).split('\n');
  assert.equal(got.length, 4, 'three lines and the final newline');
  assert.ok(got[0] === want[0] && got[2] === want[2], `worker and CLI --jsonl differ${STALE}:\n${got[0].slice(0, 300)}\n${want[0].slice(0, 300)}`);
  assert.equal(JSON.parse(got[1]).id, 'b');
  assert.equal(typeof JSON.parse(got[1]).error, 'string');
});

test('the worker\'s answers and the site\'s static assets carry a Content-Security-Policy (docs/security.md)', { skip }, async () => {
  for (const path of ['/healthz', '/nope']) {
    const r = await req(path);
    await r.arrayBuffer();
    assert.match(r.headers.get('content-security-policy') || '', /^default-src 'none'/, path);
  }
  const a = await req('/analyze', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'Rain fell in Oslo.' });
  await a.arrayBuffer();
  assert.match(a.headers.get('content-security-policy') || '', /^default-src 'none'/, '/analyze');
  // Static assets: dist/_headers, written by cmd/lede-dist.
  for (const path of ['/', '/demo.html', '/lede-worker.js']) {
    const r = await req(path);
    await r.arrayBuffer();
    const csp = r.headers.get('content-security-policy') || '';
    assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/, path);
    assert.doesNotMatch(csp, /unsafe-inline|'unsafe-eval'/, path);
  }
  // lede.html has its own <meta> policy; a second one from a header would block its inline module.
  const one = await req('/lede.html');
  assert.match(await one.text(), /<meta http-equiv="Content-Security-Policy"/);
  assert.equal(one.headers.get('content-security-policy'), null);
});

// The same requests to the worker on workerd and to `lede serve` over real
// HTTP: status, body and the API's headers alike (TestExchangeMatchesHandler
// compares the Go halves; this includes what workerd and Fetch do to a
// request and an answer: HEAD, chunked bodies, headers joined by Fetch).
test('edge requests: the worker answers as `lede serve` does', { skip }, async () => {
  const bin = join(state, 'lede');
  execFileSync('go', ['build', '-o', bin, './cmd/lede'], { cwd: root });
  const port = await freePort();
  const serve = spawn(bin, ['serve', '--addr', `127.0.0.1:${port}`, '--dir', dist], { stdio: 'ignore' });
  try {
    const native = `http://127.0.0.1:${port}`;
    for (let i = 0; ; i++) {
      try { if ((await fetch(native + '/healthz')).ok) break; } catch { /* not yet */ }
      if (i > 200) throw new Error('lede serve did not start');
      await sleep(50);
    }
    const over = 'x'.repeat(8 * 1024 * 1024 + 1);
    // a stream is read once: each case makes its request afresh
    const chunked = (s) => ({
      body: new ReadableStream({ start(c) { c.enqueue(new TextEncoder().encode(s)); c.close(); } }),
      duplex: 'half',
    });
    const post = (type, body) => () => ({ method: 'POST', headers: [['content-type', type]], body });
    const cases = [
      ['HEAD /healthz', '/healthz', () => ({ method: 'HEAD' })],
      ['HEAD /analyze', '/analyze', () => ({ method: 'HEAD' })],
      ['OPTIONS /healthz', '/healthz', () => ({ method: 'OPTIONS' })],
      ['PUT /analyze', '/analyze', () => ({ method: 'PUT', headers: { 'content-type': 'text/plain' }, body: 'x' })],
      ['bad option', '/analyze?offsets=bogus', post('text/plain', 'Ada spoke.')],
      ['percent-encoded path', '/analy%7Ae?offsets=codepoint', post('text/plain', 'Ada spoke in Zürich.')],
      ['bad charset', '/analyze', post('text/plain; charset=latin1', 'x')],
      ['two content types', '/analyze', () => ({ method: 'POST', headers: [['content-type', 'text/plain'], ['content-type', 'text/html']], body: 'Ada spoke.' })],
      ['chunked text', '/analyze', () => ({ method: 'POST', headers: { 'content-type': 'text/plain' }, ...chunked('Ada Lovelace spoke in London.') })],
      ['one over, declared', '/analyze', post('application/json', over)],
      ['one over, chunked', '/analyze', () => ({ method: 'POST', headers: { 'content-type': 'application/json' }, ...chunked(over) })],
    ];
    // the API's headers; Content-Length is framing, which workerd sets its
    // own way (it drops the handler's on some answers): the bodies compare
    const names = ['content-type', 'allow', 'cache-control', 'content-security-policy', 'referrer-policy',
      'access-control-allow-origin', 'access-control-allow-methods', 'access-control-allow-headers',
      'access-control-max-age', 'x-content-type-options'];
    for (const [name, path, init] of cases) {
      const [w, n] = [await req(path, init()), await fetch(native + path, init())];
      assert.equal(w.status, n.status, `${name}: status`);
      for (const h of names) assert.equal(w.headers.get(h), n.headers.get(h), `${name}: ${h}`);
      assert.equal(await w.text(), await n.text(), `${name}: body`);
    }
  } finally {
    serve.kill();
  }
});

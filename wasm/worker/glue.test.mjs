// The JS half of the worker's glue (worker.mjs) alone, in plain Node: the
// head it writes for a request, how it reads serve's answer (wire.go's
// format), and which failures start a fresh instance. A fake Go instance
// stands in for app.wasm, so this needs no build and no wrangler
// (worker.test.mjs runs the real one on workerd).
//
//   node --test wasm/worker/glue.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const enc = new TextEncoder();

// fake plays the Go program: serve answers with whatever fake.answer
// returns for the head and body it was given.
const fake = { starts: 0, calls: [], answer: null };

class FakeGo {
  constructor() {
    this.importObject = {};
  }
  run() {
    fake.starts++;
    globalThis.ledeWorker = {
      serve: (head, body) => {
        fake.calls.push({ head, body: body && new TextDecoder().decode(body) });
        return fake.answer(head, body);
      },
      maxBody: 1 << 20,
      instance: 'fake',
    };
    return new Promise(() => {}); // the program never exits
  }
}

let worker;
let dir;

before(async () => {
  // worker.mjs as go run ./wasm/worker/build copies it, with its two
  // imports replaced: the fake Go for wasm_exec.js, an empty module for
  // app.wasm
  const src = readFileSync(join(here, 'worker.mjs'), 'utf8');
  const patched = src
    .replace(/^import "\.\/wasm_exec\.js";$/m, '')
    .replace(/^import mod from "\.\/app\.wasm";$/m, 'const mod = globalThis.__ledeAppWasm;');
  assert.notEqual(patched, src, 'worker.mjs no longer imports wasm_exec.js and app.wasm as this test expects');
  globalThis.Go = FakeGo;
  globalThis.__ledeAppWasm = new WebAssembly.Module(new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
  dir = mkdtempSync(join(tmpdir(), 'lede-glue-'));
  writeFileSync(join(dir, 'worker.mjs'), patched);
  worker = (await import(pathToFileURL(join(dir, 'worker.mjs')).href)).default;
});

after(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const call = (url, init) => worker.fetch(new Request(url, init), {}, { waitUntil() {} });

test('a request crosses as one head string and its body', async () => {
  fake.answer = () => enc.encode('200\nContent-Type\ntext/plain\n\nok');
  fake.calls = [];
  const res = await call('https://w.example/analyze?offsets=utf8', { method: 'POST', headers: { 'X-A': '1', 'Content-Type': 'text/plain' }, body: 'the text' });
  assert.equal(res.status, 200);
  assert.equal(await res.text(), 'ok');
  // the Headers class gives its pairs lower-cased and sorted
  assert.deepEqual(fake.calls, [{ head: 'POST\nhttps://w.example/analyze?offsets=utf8\ncontent-type\ntext/plain\nx-a\n1', body: 'the text' }]);
});

test('answers are read pair by pair: empty values, a body that opens with blank lines', async () => {
  const tests = [
    {
      name: 'headers and a body',
      wire: '200\nContent-Type\napplication/json\nLede-Instance\nab12\n\n{"a":1}\n',
      status: 200, headers: { 'content-type': 'application/json', 'lede-instance': 'ab12' }, body: '{"a":1}\n',
    },
    {
      name: 'an empty value, first',
      wire: '200\nX-Empty\n\nB\n2\n\n\nx',
      status: 200, headers: { 'x-empty': '', b: '2' }, body: '\nx',
    },
    {
      name: 'an empty value, last',
      wire: '201\nA\n1\nX-Empty\n\n\n{}',
      status: 201, headers: { a: '1', 'x-empty': '' }, body: '{}',
    },
    {
      name: 'no headers, a body of blank lines',
      wire: '200\n\n\n\n',
      status: 200, headers: {}, body: '\n\n',
    },
    {
      name: 'no body',
      wire: '204\nA\n1\n\n',
      status: 204, headers: { a: '1' }, body: '',
    },
  ];
  for (const tc of tests) {
    fake.answer = () => enc.encode(tc.wire);
    const res = await call('https://w.example/healthz');
    assert.equal(res.status, tc.status, tc.name);
    const headers = Object.fromEntries([...res.headers].filter(([k]) => k !== 'content-length'));
    assert.deepEqual(headers, tc.headers, tc.name);
    assert.equal(await res.text(), tc.body, tc.name);
  }
});

test('a malformed answer is a 500 and the instance lives on; a failed call starts a fresh one', async () => {
  fake.answer = () => enc.encode('200\nA\n1\nB\n2\n');
  const starts = fake.starts;
  let res = await call('https://w.example/healthz');
  assert.equal(res.status, 500);
  assert.match((await res.json()).error, /could not pass on/);
  fake.answer = () => enc.encode('200\n\nok');
  res = await call('https://w.example/healthz');
  assert.equal(await res.text(), 'ok');
  assert.equal(fake.starts, starts, 'the instance was started again after an answer it gave');

  fake.answer = () => {
    throw new Error('Go program has already exited');
  };
  res = await call('https://w.example/healthz');
  assert.equal(res.status, 500);
  assert.match((await res.json()).error, /failed on this request/);
  fake.answer = () => enc.encode('200\n\nok');
  res = await call('https://w.example/healthz');
  assert.equal(await res.text(), 'ok');
  assert.equal(fake.starts, starts + 1, 'a stopped instance was not replaced');
});

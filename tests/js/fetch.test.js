// fetch() beyond the differential corpus (tests/js/diff/fetch.cases.js):
// large bodies both ways with backpressure, many requests at once through
// the pool, the parser's WebAssembly compiled only at the first connection
// and once, and a packed app calling fetch at its top level (NODE_DEBUG
// still read at its start). The server is
// tests/js/diff/lib/raw_http.js (raw net). Under plain node the same
// checks run on node (the packed-app part only under jspack).
'use strict';

const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync, execFileSync } = require('child_process');
const { serve, response } = require('./diff/lib/raw_http');

const isJspack = typeof process.versions.jspack === 'string';

async function largeBodies() {
  const size = 8 * 1024 * 1024;
  const server = await serve(async (req, socket) => {
    if (req.target === '/upload') {
      socket.write(response(200, 'OK', [], `${req.body.length}:${req.body[12345]}`));
      return;
    }
    // 8 MiB in 64 KiB chunks, each written after the previous drained.
    socket.write('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n');
    const chunk = Buffer.alloc(65536, 'z');
    for (let sent = 0; sent < size; sent += chunk.length) {
      if (!socket.write(`${chunk.length.toString(16)}\r\n`)) await new Promise((r) => socket.once('drain', r));
      socket.write(chunk);
      socket.write('\r\n');
    }
    socket.write('0\r\n\r\n');
  });
  // Download, read slowly through the stream: all bytes arrive, in order.
  const res = await fetch(`${server.origin}/download`);
  let total = 0;
  let chunks = 0;
  for await (const part of res.body) {
    assert.ok(part instanceof Uint8Array);
    assert.ok(part.every((b) => b === 0x7a));
    total += part.length;
    if (++chunks % 16 === 0) await new Promise((r) => setImmediate(r));
  }
  assert.strictEqual(total, size);
  // Upload from a ReadableStream that produces on demand (pull).
  let produced = 0;
  const upload = new ReadableStream({
    pull(controller) {
      if (produced >= size) {
        controller.close();
        return;
      }
      const part = new Uint8Array(65536);
      for (let i = 0; i < part.length; i++) part[i] = (produced + i) & 0xff;
      produced += part.length;
      controller.enqueue(part);
    },
  });
  const up = await fetch(`${server.origin}/upload`, { method: 'POST', body: upload, duplex: 'half' });
  assert.strictEqual(await up.text(), `${size}:${12345 & 0xff}`);
  // And a Buffer body of the same size.
  const big = Buffer.alloc(size, 1);
  const up2 = await fetch(`${server.origin}/upload`, { method: 'PUT', body: big });
  assert.strictEqual(await up2.text(), `${size}:1`);
  server.stop();
}

async function concurrent() {
  const server = await serve((req, socket) => {
    socket.write(response(200, 'OK', [['Content-Type', 'application/json']], JSON.stringify({ path: req.target })));
  });
  const n = 100;
  const results = await Promise.all(Array.from({ length: n }, (_, i) =>
    fetch(`${server.origin}/item/${i}`).then((r) => r.json())));
  assert.deepStrictEqual(results.map((r) => r.path), Array.from({ length: n }, (_, i) => `/item/${i}`));
  // undici's pool opens a socket per concurrent request (no limit by
  // default), then keeps them alive.
  assert.ok(server.accepted <= n, `${server.accepted} connections for ${n} requests`);
  // undici frees a socket one loop turn after its response (setImmediate).
  await new Promise((r) => setImmediate(r));
  const before = server.accepted;
  for (let i = 0; i < 5; i++) await fetch(`${server.origin}/again`).then((r) => r.text());
  assert.strictEqual(server.accepted, before, 'sequential requests reuse an idle socket');
  server.stop();
}

// The llhttp WebAssembly module: not compiled by merely using the classes,
// compiled at the first connection (in jspack), and only once.
async function parserCompile(counter) {
  const h = new Headers({ a: '1' });
  await new Response('x').text();
  assert.strictEqual(h.get('a'), '1');
  // (Node's undici starts its compile as it loads; jspack's waits.)
  if (isJspack) assert.strictEqual(counter.compiles, 0, 'no WebAssembly compile without a connection');
  const server = await serve((req, socket) => socket.write(response(200, 'OK', [], 'ok')));
  assert.strictEqual(await (await fetch(server.origin)).text(), 'ok');
  const afterFirst = counter.compiles;
  assert.strictEqual(await (await fetch(server.origin)).text(), 'ok');
  server.stop();
  return afterFirst;
}

function packedApp() {
  if (!isJspack) return;
  const jspack = path.join(path.dirname(process.execPath), 'jspack');
  if (!fs.existsSync(jspack)) return;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jspack-fetch-pack-'));
  try {
    const app = path.join(dir, 'app.js');
    // Top level: touches the globals and starts a fetch before anything else.
    fs.writeFileSync(app, `
      const net = require('net');
      const kinds = [typeof fetch, typeof Headers, typeof Request, typeof Response, typeof FormData,
        require('util').debuglog('fetchtest').enabled];
      const server = net.createServer((s) => s.once('data', (d) => {
        s.end('HTTP/1.1 200 OK\\r\\nContent-Length: 6\\r\\nConnection: close\\r\\n\\r\\npacked');
      }));
      server.listen(0, '127.0.0.1');
      const pending = new Promise((r) => server.once('listening', r))
        .then(() => fetch('http://127.0.0.1:' + server.address().port + '/'))
        .then((res) => res.text());
      pending.then((text) => { console.log(kinds.join(), text); server.close(); });
    `);
    const out = path.join(dir, 'app');
    execFileSync(jspack, [app, '--libs=system', '-o', out], { stdio: 'pipe' });
    // NODE_DEBUG is read at run time, never frozen into the snapshot (undici
    // reads its debuglog switches as it loads: it must not load at pack time).
    const r = spawnSync(out, [], { encoding: 'utf8', timeout: 20000, env: { ...process.env, NODE_DEBUG: 'fetchtest' } });
    assert.strictEqual(r.status, 0, r.stderr);
    assert.strictEqual(r.stdout.trim(), 'function,function,function,function,function,true packed');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

(async () => {
  // Count WebAssembly.Module constructions and compile() calls from here on.
  const counter = { compiles: 0 };
  const real = WebAssembly;
  const Module = new Proxy(real.Module, {
    construct(target, args) {
      counter.compiles++;
      return Reflect.construct(target, args);
    },
  });
  globalThis.WebAssembly = Object.create(real, {
    Module: { value: Module },
    compile: { value: (...args) => { counter.compiles++; return real.compile(...args); } },
  });
  const compiles = await parserCompile(counter);
  globalThis.WebAssembly = real;
  assert.strictEqual(compiles, 1, 'one parser compile for the first connection');
  await largeBodies();
  await concurrent();
  packedApp();
  console.log('fetch: ok');
})().catch((err) => {
  console.error(err);
  process.exit(1);
});

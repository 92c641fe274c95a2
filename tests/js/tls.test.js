// node:tls against real peers (openssl s_server and s_client, run here) and
// against itself: large transfers with backpressure, keylog lines,
// exported keying material and Finished messages seen from both sides,
// server-side session caches (newSession/resumeSession), ticket keys,
// NODE_EXTRA_CA_CERTS and the system store, handshake timeouts, and
// TLSSocket over a socket that is already open.
'use strict';

const assert = require('assert');
const tls = require('tls');
const net = require('net');
const { spawn, execFileSync } = require('child_process');
const { listen, makeCerts, runTests } = require('./support/tls_certs');

const certs = makeCerts();
const srv = { key: certs.srvKey, cert: certs.srv };
const ca = { ca: certs.ca, servername: 'localhost' };
const tests = [];
const test = (name, fn) => tests.push([name, fn]);


function once(emitter, event) {
  return new Promise((resolve, reject) => {
    emitter.once(event, (...args) => resolve(args));
    if (event !== 'error') emitter.once('error', reject);
  });
}

// A free port for a peer that cannot listen on port 0 and tell us.
async function freePort() {
  const probe = net.createServer();
  const port = await listen(probe);
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

test('client against openssl s_server', async () => {
  const port = await freePort();
  const fs = require('fs');
  const path = require('path');
  fs.writeFileSync(path.join(certs.dir, 'srv.pem.key'), certs.srvKey);
  const peer = spawn('openssl', ['s_server', '-accept', String(port), '-4', '-cert', 'srv.pem',
    '-key', 'srv.key', '-alpn', 'h2,http/1.1', '-www', '-tls1_3'], { cwd: certs.dir, stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  peer.stdout.on('data', (d) => { out += d; });
  while (!out.includes('ACCEPT')) await new Promise((r) => setTimeout(r, 20));
  const sock = tls.connect({ port, host: '127.0.0.1', ...ca, ALPNProtocols: ['http/1.1'] });
  await once(sock, 'secureConnect');
  assert.strictEqual(sock.authorized, true);
  assert.strictEqual(sock.alpnProtocol, 'http/1.1');
  assert.strictEqual(sock.getProtocol(), 'TLSv1.3');
  sock.end('GET / HTTP/1.0\r\n\r\n');
  let body = '';
  sock.setEncoding('utf8');
  sock.on('data', (d) => { body += d; });
  await once(sock, 'close');
  peer.kill();
  assert.match(body, /^HTTP\/1\.0 200 ok/);
  assert.match(body, /Ciphers supported in s_server binary/);
});

test('server against openssl s_client', async () => {
  let seen;
  const server = tls.createServer({ ...srv, ALPNProtocols: ['h2', 'echo'] }, (s) => {
    seen = [s.servername, s.alpnProtocol];
    s.on('data', (d) => s.end(`echo:${d}`));
  });
  const port = await listen(server);
  const peer = spawn('openssl', ['s_client', '-connect', `127.0.0.1:${port}`, '-servername', 'localhost',
    '-CAfile', 'ca.pem', '-alpn', 'echo', '-verify_return_error', '-ign_eof'], { cwd: certs.dir });
  let out = '';
  peer.stdout.on('data', (d) => { out += d; });
  peer.stdin.end('ping\n');
  await once(peer, 'close');
  server.close();
  assert.deepStrictEqual(seen, ['localhost', 'echo']);
  assert.match(out, /Verify return code: 0 \(ok\)/);
  assert.match(out, /ALPN protocol: echo/);
  assert.match(out, /echo:ping/);
});

test('large transfer both ways with backpressure', async () => {
  const size = 8 * 1024 * 1024;
  const server = tls.createServer(srv, (s) => s.pipe(s));
  const port = await listen(server);
  const sock = tls.connect({ port, host: '127.0.0.1', ...ca });
  const chunk = Buffer.alloc(64 * 1024, 'x');
  let sent = 0;
  const pump = () => {
    while (sent < size) {
      sent += chunk.length;
      if (!sock.write(chunk)) {
        sock.once('drain', pump);
        return;
      }
    }
    sock.end();
  };
  sock.once('secureConnect', pump);
  let got = 0;
  sock.on('data', (d) => { got += d.length; });
  await once(sock, 'end');
  server.close();
  assert.strictEqual(got, size);
});

test('keylog, keying material, finished messages', async () => {
  const serverLines = [];
  let serverSide;
  const server = tls.createServer(srv, (s) => { serverSide = s; });
  server.on('keylog', (line) => serverLines.push(line.toString()));
  const port = await listen(server);
  const clientLines = [];
  const sock = tls.connect({ port, host: '127.0.0.1', ...ca });
  sock.on('keylog', (line) => clientLines.push(line.toString()));
  await once(sock, 'secureConnect');
  while (serverSide === undefined) await new Promise((r) => setImmediate(r));
  assert.ok(clientLines.length >= 4);
  assert.ok(clientLines.every((l) => /^[A-Z0-9_]+ [0-9a-f]{64} [0-9a-f]+\n$/.test(l)));
  assert.deepStrictEqual(new Set(serverLines), new Set(clientLines));
  const a = sock.exportKeyingMaterial(32, 'EXPORTER-test', Buffer.from('ctx'));
  const b = serverSide.exportKeyingMaterial(32, 'EXPORTER-test', Buffer.from('ctx'));
  assert.strictEqual(a.length, 32);
  assert.ok(a.equals(b));
  assert.ok(sock.getFinished().equals(serverSide.getPeerFinished()));
  assert.ok(sock.getPeerFinished().equals(serverSide.getFinished()));
  assert.strictEqual(sock.setMaxSendFragment(1024), true);
  assert.strictEqual(sock.setMaxSendFragment(100), false);
  assert.ok(Array.isArray(sock.getSharedSigalgs()));
  assert.strictEqual(serverSide.getEphemeralKeyInfo(), null);
  assert.strictEqual(sock.getEphemeralKeyInfo().type, 'ECDH');
  const fresh = new tls.TLSSocket(new net.Socket());
  assert.throws(() => fresh.exportKeyingMaterial(8, 'x'), { code: 'ERR_TLS_INVALID_STATE' });
  fresh.destroy();
  sock.end();
  await once(sock, 'close');
  server.close();
});

test('server session cache: newSession and resumeSession (TLS 1.2)', async () => {
  const store = new Map();
  // No tickets: the session id is all the client has.
  const noTicket = require('crypto').constants.SSL_OP_NO_TICKET;
  const server = tls.createServer({ ...srv, maxVersion: 'TLSv1.2', secureOptions: noTicket }, (s) => s.end());
  server.on('newSession', (id, data, done) => {
    store.set(id.toString('hex'), data);
    done();
  });
  let asked = 0;
  server.on('resumeSession', (id, done) => {
    asked++;
    done(null, store.get(id.toString('hex')) ?? null);
  });
  const port = await listen(server);
  const first = tls.connect({ port, host: '127.0.0.1', ...ca });
  const [session] = await once(first, 'session');
  first.resume();
  await once(first, 'close');
  assert.ok(store.size >= 1);
  const plain = tls.connect({ port, host: '127.0.0.1', ...ca, session });
  await once(plain, 'secureConnect');
  assert.strictEqual(plain.isSessionReused(), true);
  plain.resume();
  await once(plain, 'close');
  assert.ok(asked >= 1);
  server.close();
});

test('ticket keys shared between servers resume sessions', async () => {
  const keys = Buffer.alloc(48, 3);
  const a = tls.createServer({ ...srv, ticketKeys: keys, maxVersion: 'TLSv1.2' }, (s) => s.end());
  const b = tls.createServer({ ...srv, maxVersion: 'TLSv1.2' }, (s) => s.end());
  b.setTicketKeys(keys);
  const portA = await listen(a);
  const portB = await listen(b);
  const first = tls.connect({ port: portA, host: '127.0.0.1', ...ca });
  let session;
  first.on('session', (s) => { session = s; });
  first.resume();
  await once(first, 'close');
  assert.ok(Buffer.isBuffer(session));
  const second = tls.connect({ port: portB, host: '127.0.0.1', ...ca, session });
  await once(second, 'secureConnect');
  assert.strictEqual(second.isSessionReused(), true);
  assert.ok(second.getTLSTicket() === undefined || Buffer.isBuffer(second.getTLSTicket()));
  second.resume();
  await once(second, 'close');
  a.close();
  b.close();
});

test('handshake timeout', async () => {
  const server = tls.createServer({ ...srv, handshakeTimeout: 100 });
  const port = await listen(server);
  const raw = net.connect(port, '127.0.0.1');
  const [err, sock] = await once(server, 'tlsClientError');
  assert.strictEqual(err.code, 'ERR_TLS_HANDSHAKE_TIMEOUT');
  assert.strictEqual(err.message, 'TLS handshake timeout');
  assert.ok(sock instanceof tls.TLSSocket);
  sock.destroy();
  await once(raw, 'close');
  server.close();
});

test('NODE_EXTRA_CA_CERTS and the system store', async () => {
  const fs = require('fs');
  const path = require('path');
  const file = path.join(certs.dir, 'extra.pem');
  fs.writeFileSync(file, certs.ca);
  const script = `
    const tls = require('tls');
    const roots = tls.rootCertificates;
    if (!Array.isArray(roots) || !Object.isFrozen(roots)) throw new Error('roots');
    const server = tls.createServer({ key: process.env.K, cert: process.env.C }, (s) => s.end());
    server.listen(0, '127.0.0.1', () => {
      const c = tls.connect({ port: server.address().port, host: '127.0.0.1', servername: 'localhost' }, () => {
        console.log('authorized', c.authorized, roots.every((p) => p.startsWith('-----BEGIN CERTIFICATE-----')));
        c.end(); server.close();
      });
      c.on('error', (e) => { console.log('error', e.code); server.close(); });
    });`;
  const run = (env) => execFileSync(process.execPath, ['-e', script],
    { env: { ...process.env, K: certs.srvKey, C: certs.srv, ...env } }).toString().trim();
  assert.strictEqual(run({ NODE_EXTRA_CA_CERTS: file }), 'authorized true true');
  assert.strictEqual(run({ NODE_EXTRA_CA_CERTS: '' }), 'error UNABLE_TO_VERIFY_LEAF_SIGNATURE');
});

test('tls.connect over an open socket and new TLSSocket on both ends', async () => {
  const server = net.createServer((raw) => {
    const s = new tls.TLSSocket(raw, { isServer: true, secureContext: tls.createSecureContext(srv) });
    s.on('secure', () => s.end('hello over wrapped socket'));
  });
  const port = await listen(server);
  const raw = net.connect(port, '127.0.0.1');
  await once(raw, 'connect');
  const sock = tls.connect({ socket: raw, ...ca });
  assert.strictEqual(sock.encrypted, true);
  assert.ok(sock instanceof net.Socket);
  await once(sock, 'secureConnect');
  assert.strictEqual(sock.remotePort, port);
  assert.strictEqual(sock.remoteAddress, '127.0.0.1');
  let got = '';
  sock.on('data', (d) => { got += d; });
  await once(sock, 'end');
  assert.strictEqual(got, 'hello over wrapped socket');
  server.close();
});

test('write before the handshake and destroy during it', async () => {
  const server = tls.createServer(srv, (s) => s.on('data', (d) => s.end(d)));
  const port = await listen(server);
  const sock = tls.connect({ port, host: '127.0.0.1', ...ca });
  sock.write('early bird');
  let got = '';
  sock.on('data', (d) => { got += d; });
  await once(sock, 'end');
  assert.strictEqual(got, 'early bird');
  const doomed = tls.connect({ port, host: '127.0.0.1', ...ca });
  doomed.destroy();
  await once(doomed, 'close');
  server.close();
});

test('enableTrace writes OpenSSL\'s trace to stderr', async () => {
  const script = `
    const tls = require('tls');
    const server = tls.createServer({ key: process.env.K, cert: process.env.C }, (s) => s.end());
    server.listen(0, '127.0.0.1', () => {
      const c = tls.connect({ port: server.address().port, host: '127.0.0.1', rejectUnauthorized: false });
      c.enableTrace();
      c.resume();
      c.on('close', () => server.close());
    });`;
  const { spawnSync } = require('child_process');
  const run = spawnSync(process.execPath, ['-e', script],
    { env: { ...process.env, K: certs.srvKey, C: certs.srv }, encoding: 'utf8' });
  assert.strictEqual(run.status, 0);
  assert.match(run.stderr, /Sent Record\nHeader:\n {2}Version = TLS 1\.0 \(0x301\)/);
  assert.match(run.stderr, /ClientHello/);
});

test('an unreachable port', async () => {
  const port = await freePort();
  const sock = tls.connect({ port, host: '127.0.0.1' });
  const [err] = await once(sock, 'error');
  assert.strictEqual(err.code, 'ECONNREFUSED');
});

runTests(tests, certs.cleanup);

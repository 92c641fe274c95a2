// fetch() over https: a raw TLS server (tls.createServer speaking HTTP/1.1
// bytes itself) with certificates made by openssl at test time
// (support/tls_certs.js). A child process trusts the test CA through
// NODE_EXTRA_CA_CERTS and fetches GET/POST/gzip over https; without the CA,
// and against a self-signed and an expired certificate, fetch fails with
// TypeError 'fetch failed' and the certificate error as its cause, as in
// Node. Under plain node the same checks run on node.
'use strict';

const assert = require('assert');
const fs = require('fs');
const path = require('path');
const tls = require('tls');
const zlib = require('zlib');
const { spawn } = require('child_process');
const { makeCerts } = require('./support/tls_certs');

const certs = makeCerts();

function httpsServer(cert, key) {
  const server = tls.createServer({ cert, key, ALPNProtocols: ['h2', 'http/1.1'] }, (socket) => {
    let buf = Buffer.alloc(0);
    socket.on('error', () => {});
    socket.on('data', (data) => {
      buf = Buffer.concat([buf, data]);
      const end = buf.indexOf('\r\n\r\n');
      if (end === -1) return;
      const head = buf.toString('latin1', 0, end);
      const length = Number((/content-length: (\d+)/i.exec(head) || [0, 0])[1]);
      if (buf.length < end + 4 + length) return;
      const body = buf.subarray(end + 4, end + 4 + length).toString();
      buf = buf.subarray(end + 4 + length);
      const [method, target] = head.split(' ');
      let payload = Buffer.from(`${method} ${target} ${body} alpn=${socket.alpnProtocol}`);
      const extra = [];
      if (target === '/gzip') {
        payload = zlib.gzipSync(payload);
        extra.push('Content-Encoding: gzip');
      }
      socket.write([`HTTP/1.1 200 OK`, `Content-Length: ${payload.length}`, ...extra, '', ''].join('\r\n'));
      socket.write(payload);
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const childSource = `
'use strict';
const [good, self, expired] = process.argv.slice(2);
const describe = (e) => [e.name, e.message, e.cause && e.cause.code];
async function attempt(url, init) {
  try {
    const res = await fetch(url, init);
    return ['ok', res.status, await res.text()];
  } catch (e) {
    return ['throws', ...describe(e)];
  }
}
(async () => {
  const out = {};
  out.localhost = await attempt('https://localhost:' + good + '/a?b=1');
  out.ip = await attempt('https://127.0.0.1:' + good + '/ip');
  out.post = await attempt('https://localhost:' + good + '/post', { method: 'POST', body: 'sent over tls' });
  out.gzip = await attempt('https://localhost:' + good + '/gzip');
  out.selfSigned = await attempt('https://localhost:' + self + '/');
  out.expired = await attempt('https://localhost:' + expired + '/');
  console.log(JSON.stringify(out));
})();
`;

function runChild(env, ports) {
  const file = path.join(certs.dir, 'child.js');
  fs.writeFileSync(file, childSource);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [file, ...ports.map(String)], {
      env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { err += d; });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`child exited ${code}: ${err}`));
      else resolve(JSON.parse(out));
    });
  });
}

(async () => {
  const servers = await Promise.all([
    httpsServer(certs.srv, certs.srvKey),
    httpsServer(certs.self, certs.selfKey),
    httpsServer(certs.exp, certs.expKey),
  ]);
  const ports = servers.map((s) => s.address().port);
  try {
    fs.writeFileSync(path.join(certs.dir, 'extra-ca.pem'), certs.ca);
    const env = { NODE_EXTRA_CA_CERTS: path.join(certs.dir, 'extra-ca.pem') };
    delete process.env.NODE_TLS_REJECT_UNAUTHORIZED;
    const trusted = await runChild(env, ports);
    assert.deepStrictEqual(trusted.localhost, ['ok', 200, 'GET /a?b=1  alpn=http/1.1']);
    assert.deepStrictEqual(trusted.ip, ['ok', 200, 'GET /ip  alpn=http/1.1']);
    assert.deepStrictEqual(trusted.post, ['ok', 200, 'POST /post sent over tls alpn=http/1.1']);
    assert.deepStrictEqual(trusted.gzip, ['ok', 200, 'GET /gzip  alpn=http/1.1']);
    assert.deepStrictEqual(trusted.selfSigned, ['throws', 'TypeError', 'fetch failed', 'DEPTH_ZERO_SELF_SIGNED_CERT']);
    assert.deepStrictEqual(trusted.expired, ['throws', 'TypeError', 'fetch failed', 'CERT_HAS_EXPIRED']);

    const untrusted = await runChild({ NODE_EXTRA_CA_CERTS: '' }, ports);
    assert.deepStrictEqual(untrusted.localhost,
      ['throws', 'TypeError', 'fetch failed', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE']);
    console.log('fetch_https: ok');
  } finally {
    for (const s of servers) s.close();
    certs.cleanup();
  }
})().catch((err) => {
  console.error(err);
  process.exit(1);
});

// node:https: our server against curl and our client, keep-alive reuse and
// TLS session reuse through the Agent, the Agent's pool names, a request to
// openssl s_server, and certificate errors reaching the request.
'use strict';

const assert = require('assert');
const https = require('https');
const http = require('http');
const tls = require('tls');
const net = require('net');
const { spawn, execFile } = require('child_process');
const { listen, makeCerts, runTests } = require('./support/tls_certs');

const certs = makeCerts();
const srv = { key: certs.srvKey, cert: certs.srv };
const tests = [];
const test = (name, fn) => tests.push([name, fn]);


function fetchText(options, body) {
  return new Promise((resolve, reject) => {
    let socket = null;
    const req = https.request(options, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => { text += d; });
      res.on('end', () => resolve({ res, text, req, socket }));
    });
    req.on('socket', (s) => { socket = s; });
    req.on('error', reject);
    req.end(body);
  });
}

function app(req, res) {
  let body = '';
  req.on('data', (d) => { body += d; });
  req.on('end', () => {
    if (req.url === '/missing') {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('no such page');
      return;
    }
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({
      method: req.method, url: req.url, body, encrypted: req.socket.encrypted === true,
      alpn: req.socket.alpnProtocol,
    }));
  });
}

test('server basics', async () => {
  const server = https.createServer(srv, app);
  assert.ok(server instanceof tls.Server);
  assert.ok(server instanceof net.Server);
  assert.strictEqual(server.headersTimeout, 60000);
  assert.strictEqual(server.requestTimeout, 300000);
  assert.strictEqual(server.keepAliveTimeout, 5000);
  assert.strictEqual(typeof server.closeAllConnections, 'function');
  assert.strictEqual(server.setTimeout(1000), server);
  assert.strictEqual(server.timeout, 1000);
});

test('curl against the server', async () => {
  const server = https.createServer(srv, app);
  const port = await listen(server);
  const run = (...args) => new Promise((resolve, reject) => {
    execFile('curl', ['-sS', '--cacert', `${certs.dir}/ca.pem`, ...args], (err, stdout) => {
      if (err) reject(err);
      else resolve(stdout);
    });
  });
  const posted = JSON.parse(await run('-X', 'POST', '-H', 'content-type: application/json',
    '--data', '{"a":1}', `https://localhost:${port}/json?q=1`));
  assert.deepStrictEqual(posted, {
    method: 'POST', url: '/json?q=1', body: '{"a":1}', encrypted: true, alpn: 'http/1.1',
  });
  const status = await run('-o', '/dev/null', '-w', '%{http_code}', `https://localhost:${port}/missing`);
  assert.strictEqual(status, '404');
  // Two requests over one connection.
  const both = await run('-w', ' %{num_connects}\\n', `https://localhost:${port}/a`, `https://localhost:${port}/b`);
  assert.match(both, /"url":"\/a".* 1\n.*"url":"\/b".* 0\n/s);
  server.close();
});

test('client: keep-alive reuse and TLS session reuse through the agent', async () => {
  const server = https.createServer(srv, app);
  const port = await listen(server);
  const agent = new https.Agent({ keepAlive: true, ca: certs.ca, maxSockets: 1 });
  const first = await fetchText({ host: 'localhost', port, path: '/1', agent, method: 'POST' }, 'one');
  assert.strictEqual(first.res.statusCode, 200);
  assert.deepStrictEqual(JSON.parse(first.text).body, 'one');
  assert.strictEqual(first.req.reusedSocket, false);
  const second = await fetchText({ host: 'localhost', port, path: '/2', agent });
  assert.strictEqual(second.req.reusedSocket, true);
  // A new connection resumes the cached TLS session.
  const name = agent.getName({ host: 'localhost', port, servername: 'localhost' });
  assert.ok(Buffer.isBuffer(agent._sessionCache.map[Object.keys(agent._sessionCache.map)[0]]));
  for (const list of Object.values(agent.freeSockets)) for (const s of list) s.destroy();
  await new Promise((r) => setTimeout(r, 50));
  const third = await fetchText({ host: 'localhost', port, path: '/3', agent });
  assert.strictEqual(third.req.reusedSocket, false);
  assert.strictEqual(third.socket.isSessionReused(), true);
  // Closed sockets answer null, as in Node.
  assert.strictEqual(first.socket.isSessionReused(), null);
  assert.strictEqual(typeof name, 'string');
  agent.destroy();
  server.close();
});

test('client: https.get with a URL, certificate errors, rejectUnauthorized', async () => {
  const server = https.createServer(srv, app);
  const port = await listen(server);
  const err = await new Promise((resolve) => {
    https.get(`https://localhost:${port}/`, { agent: false }, () => resolve(null)).on('error', resolve);
  });
  assert.strictEqual(err.code, 'UNABLE_TO_VERIFY_LEAF_SIGNATURE');
  const wrongHost = await new Promise((resolve) => {
    https.get({ host: '127.0.0.1', port, ca: certs.ca, servername: 'example.com', agent: false },
      () => resolve(null)).on('error', resolve);
  });
  assert.strictEqual(wrongHost.code, 'ERR_TLS_CERT_ALTNAME_INVALID');
  const loose = await new Promise((resolve, reject) => {
    https.get(`https://127.0.0.1:${port}/loose`, { rejectUnauthorized: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode));
    }).on('error', reject);
  });
  assert.strictEqual(loose, 200);
  assert.throws(() => https.request('http://localhost/'), { code: 'ERR_INVALID_PROTOCOL' });
  https.globalAgent.destroy();
  server.close();
});

test('agent pool names carry the TLS options', () => {
  const agent = new https.Agent();
  assert.strictEqual(agent.defaultPort, 443);
  assert.strictEqual(agent.protocol, 'https:');
  assert.strictEqual(agent.maxCachedSessions, 100);
  assert.strictEqual(agent.getName({ host: 'a', port: 1 }), 'a:1:::::::::::::::::::::');
  assert.strictEqual(agent.getName({ host: 'a', port: 1, ca: 'X', rejectUnauthorized: false,
    servername: 's', ciphers: 'c' }), 'a:1::X:::c:::false:s::::::::::::');
  assert.ok(https.globalAgent instanceof https.Agent);
  assert.ok(https.globalAgent instanceof http.Agent);
});

test('request to openssl s_server', async () => {
  const probe = net.createServer();
  const port = await listen(probe);
  await new Promise((r) => probe.close(r));
  const peer = spawn('openssl', ['s_server', '-accept', String(port), '-4', '-cert', 'srv.pem',
    '-key', 'srv.key', '-www'], { cwd: certs.dir });
  let out = '';
  peer.stdout.on('data', (d) => { out += d; });
  while (!out.includes('ACCEPT')) await new Promise((r) => setTimeout(r, 20));
  const { res, text } = await fetchText({ host: 'localhost', port, path: '/', ca: certs.ca, agent: false });
  peer.kill();
  assert.strictEqual(res.statusCode, 200);
  assert.match(text, /Ciphers supported in s_server binary/);
});

runTests(tests, certs.cleanup);

// node:http's server against real clients on 127.0.0.1: raw net sockets
// writing exact bytes, and curl. Robustness (malformed and oversized
// requests, slow headers, a client resetting mid-body, many idle keep-alive
// connections), keep-alive and pipelining, upgrade and CONNECT, expect
// 100-continue, backpressure on a large response, maxRequestsPerSocket and
// closing. Every wait is for an event; the scenarios run one after another.
'use strict';

const assert = require('assert');
const http = require('http');
const net = require('net');
const { execFile } = require('child_process');
const { runSteps, step } = require('./support/steps');

function listen(server) {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server.address().port)));
}

function close(server) {
  return new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}

// Sends `parts` on a new connection; resolves with everything received
// once the server closes it (or `until(text)` is true).
function raw(port, parts, until) {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let got = '';
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      socket.destroy();
      resolve(got);
    };
    socket.on('data', (d) => {
      got += d.toString('latin1');
      if (until && until(got)) finish();
    });
    socket.on('error', (err) => (err.code === 'ECONNRESET' ? finish() : reject(err)));
    socket.on('close', finish);
    socket.on('connect', () => {
      for (const p of [].concat(parts)) socket.write(p);
    });
  });
}

function curl(args) {
  return new Promise((resolve, reject) => {
    execFile('curl', ['-sS', '--max-time', '10', ...args], (err, stdout, stderr) => {
      if (err) reject(new Error(`curl failed: ${stderr}`));
      else resolve(stdout);
    });
  });
}

const R = (s) => s.replace(/\n/g, '\r\n');

step('malformed request lines and headers get 400 and close', async () => {
  const server = http.createServer((req, res) => res.end('ok'));
  const port = await listen(server);
  for (const bad of ['GE T / HTTP/1.1\n\n', 'GET / HTTP/1.1\nHost: x\nBad Header: 1\n\n',
    'GET / HTTP/1.1\nHost: x\nContent-Length: abc\n\n', '\x00\x01\x02\n\n',
    'GET / HTTP/1.1\nHost: x\nContent-Length: 1\nContent-Length: 2\n\n']) {
    assert.strictEqual(await raw(port, R(bad)), 'HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
  }
  const after = await raw(port, R('GET / HTTP/1.1\nHost: x\nConnection: close\n\n'));
  assert.match(after, /^HTTP\/1.1 200 OK\r\n[^]*\r\n\r\nok$/);
  await close(server);
});

step('oversized headers get 431', async () => {
  const server = http.createServer((req, res) => res.end('ok'));
  const port = await listen(server);
  const big = R(`GET / HTTP/1.1\nHost: x\nX-Big: ${'a'.repeat(17000)}\n\n`);
  assert.strictEqual(await raw(port, big),
    'HTTP/1.1 431 Request Header Fields Too Large\r\nConnection: close\r\n\r\n');
  await close(server);
});

step('a client sending headers slowly is cut off at headersTimeout', async () => {
  const server = http.createServer({ headersTimeout: 200, requestTimeout: 400,
    connectionsCheckingInterval: 50 }, (req, res) => res.end('ok'));
  const errors = [];
  const port = await listen(server);
  server.on('clientError', (err, socket) => {
    errors.push(err.code);
    socket.end('HTTP/1.1 408 Request Timeout\r\nConnection: close\r\n\r\n');
  });
  const got = await raw(port, 'GET / HTTP/1.1\r\nHost: x\r\n');
  assert.strictEqual(got, 'HTTP/1.1 408 Request Timeout\r\nConnection: close\r\n\r\n');
  assert.deepStrictEqual(errors, ['ERR_HTTP_REQUEST_TIMEOUT']);
  await close(server);
  // Without a clientError listener the server writes the 408 itself.
  const quiet = http.createServer({ headersTimeout: 150, requestTimeout: 300,
    connectionsCheckingInterval: 50 }, (req, res) => res.end('ok'));
  const port2 = await listen(quiet);
  assert.strictEqual(await raw(port2, 'GET / HTTP/1.1\r\nHost: x\r\n'),
    'HTTP/1.1 408 Request Timeout\r\nConnection: close\r\n\r\n');
  await close(quiet);
});

step('a client that resets mid-body leaves the server serving', async () => {
  let aborted;
  const sawAbort = new Promise((resolve) => { aborted = resolve; });
  const server = http.createServer((req, res) => {
    if (req.url === '/upload') {
      req.on('aborted', () => aborted(req.aborted));
      req.on('data', () => {});
      return;
    }
    res.end('still here');
  });
  const port = await listen(server);
  const socket = net.connect(port, '127.0.0.1');
  await new Promise((resolve) => socket.on('connect', resolve));
  socket.write(R('POST /upload HTTP/1.1\nHost: x\nContent-Length: 1000\n\n') + 'x'.repeat(100));
  await new Promise((resolve) => setTimeout(resolve, 20));
  socket.resetAndDestroy();
  assert.strictEqual(await sawAbort, true);
  const body = await curl([`http://127.0.0.1:${port}/`]);
  assert.strictEqual(body, 'still here');
  await close(server);
});

step('curl: keep-alive reuse, a JSON POST, a chunked stream, a 404, HEAD', async () => {
  const sockets = new Set();
  const server = http.createServer((req, res) => {
    sockets.add(req.socket);
    if (req.method === 'POST') {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (d) => { body += d; });
      req.on('end', () => {
        res.setHeader('Content-Type', 'application/json');
        res.end(JSON.stringify({ got: JSON.parse(body), type: req.headers['content-type'] }));
      });
    } else if (req.url === '/stream') {
      let n = 0;
      const tick = () => {
        if (n === 5) return res.end('end');
        res.write(`part${n++}\n`);
        setImmediate(tick);
      };
      tick();
    } else if (req.url === '/missing') {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('not found');
    } else {
      res.end(`hello ${req.url}`);
    }
  });
  const port = await listen(server);
  const base = `http://127.0.0.1:${port}`;
  assert.strictEqual(await curl([`${base}/a`, `${base}/b`]), 'hello /ahello /b');
  assert.strictEqual(sockets.size, 1);
  const posted = await curl(['-H', 'Content-Type: application/json', '--data', '{"x":[1,2]}', `${base}/p`]);
  assert.deepStrictEqual(JSON.parse(posted), { got: { x: [1, 2] }, type: 'application/json' });
  assert.strictEqual(await curl([`${base}/stream`]), 'part0\npart1\npart2\npart3\npart4\nend');
  const missing = await curl(['-i', `${base}/missing`]);
  assert.match(missing, /^HTTP\/1.1 404 Not Found\r\n/);
  assert.match(missing, /\r\n\r\nnot found$/);
  const head = await curl(['-I', `${base}/x`]);
  assert.match(head, /^HTTP\/1.1 200 OK\r\n/);
  assert.doesNotMatch(head, /Transfer-Encoding|Content-Length/);
  await close(server);
});

step('pipelined requests are answered in order', async () => {
  const server = http.createServer((req, res) => {
    if (req.url === '/slow') setTimeout(() => res.end('slow'), 30);
    else res.end(req.url);
  });
  const port = await listen(server);
  const got = await raw(port, R('GET /slow HTTP/1.1\nHost: x\n\nGET /b HTTP/1.1\nHost: x\n\n' +
    'GET /c HTTP/1.1\nHost: x\nConnection: close\n\n'));
  const bodies = got.split(/HTTP\/1.1 200 OK\r\n[^]*?\r\n\r\n/).filter(Boolean);
  assert.deepStrictEqual(bodies, ['slow', '/b', '/c']);
  await close(server);
});

step('upgrade hands over the socket and the bytes after the head', async () => {
  const server = http.createServer((req, res) => res.end('plain'));
  server.on('upgrade', (req, socket, head) => {
    assert.strictEqual(req.headers.upgrade, 'echo');
    socket.write('HTTP/1.1 101 Switching Protocols\r\nUpgrade: echo\r\nConnection: Upgrade\r\n\r\n');
    socket.write(`head=${head.toString()};`);
    socket.on('data', (d) => socket.end(`more=${d};`));
  });
  const port = await listen(server);
  const socket = net.connect(port, '127.0.0.1');
  let got = '';
  socket.on('data', (d) => {
    got += d;
    if (got.endsWith('head=AB;')) socket.write('CD');
  });
  socket.write(R('GET / HTTP/1.1\nHost: x\nConnection: Upgrade\nUpgrade: echo\n\n') + 'AB');
  await new Promise((resolve) => socket.on('close', resolve));
  assert.match(got, /^HTTP\/1.1 101 Switching Protocols\r\n[^]*\r\n\r\nhead=AB;more=CD;$/);
  await close(server);
});

step('CONNECT goes to the connect listener; without one an upgrade is a plain request', async () => {
  const server = http.createServer((req, res) => res.end(`plain upgrade=${req.upgrade}`));
  server.on('connect', (req, socket, head) => {
    socket.end(`HTTP/1.1 200 Connection Established\r\n\r\ntunnel to ${req.url} head=${head}`);
  });
  const port = await listen(server);
  const tunnel = await raw(port, R('CONNECT example.com:443 HTTP/1.1\nHost: example.com:443\n\n') + 'hi');
  assert.match(tunnel, /tunnel to example.com:443 head=hi$/);
  const plain = await raw(port, R('GET / HTTP/1.1\nHost: x\nConnection: Upgrade, close\nUpgrade: ws\n\n'));
  assert.match(plain, /plain upgrade=false$/);
  await close(server);
});

step('expect: 100-continue and checkContinue', async () => {
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d) => { body += d; });
    req.on('end', () => res.end(`got ${body}`));
  });
  const port = await listen(server);
  const socket = net.connect(port, '127.0.0.1');
  let got = '';
  socket.on('data', (d) => {
    got += d;
    if (got === 'HTTP/1.1 100 Continue\r\n\r\n') socket.write('hi');
  });
  await new Promise((resolve) => socket.on('connect', resolve));
  socket.write(R('POST / HTTP/1.1\nHost: x\nExpect: 100-continue\nContent-Length: 2\nConnection: close\n\n'));
  await new Promise((resolve) => socket.on('close', resolve));
  assert.match(got, /^HTTP\/1.1 100 Continue\r\n\r\nHTTP\/1.1 200 OK\r\n[^]*got hi$/);
  server.removeAllListeners('request');
  server.on('checkContinue', (req, res) => {
    res.writeHead(403);
    res.end('no');
  });
  const refused = await raw(port, R('POST / HTTP/1.1\nHost: x\nExpect: 100-continue\nContent-Length: 2\n\n'),
    (text) => text.endsWith('no'));
  assert.match(refused, /^HTTP\/1.1 403 Forbidden\r\n/);
  await close(server);
});

step('a 1 MB response with backpressure and drain', async () => {
  const chunk = Buffer.alloc(64 * 1024, 'z');
  let drains = 0;
  const server = http.createServer((req, res) => {
    let left = 16;
    const more = () => {
      while (left > 0) {
        left--;
        if (!res.write(chunk)) {
          res.once('drain', () => {
            drains++;
            more();
          });
          return;
        }
      }
      res.end();
    };
    more();
  });
  const port = await listen(server);
  const socket = net.connect(port, '127.0.0.1');
  let bytes = 0;
  socket.on('data', (d) => { bytes += d.length; });
  socket.pause();
  socket.write(R('GET / HTTP/1.1\nHost: x\nConnection: close\n\n'));
  await new Promise((resolve) => setTimeout(resolve, 50));
  socket.resume();
  await new Promise((resolve) => socket.on('end', resolve));
  assert.ok(bytes > 16 * 64 * 1024, `got ${bytes}`);
  assert.ok(drains > 0);
  socket.destroy();
  await close(server);
});

step('maxRequestsPerSocket: Keep-Alive max, then 503 and dropRequest', async () => {
  const server = http.createServer((req, res) => res.end('ok'));
  server.maxRequestsPerSocket = 2;
  const dropped = [];
  server.on('dropRequest', (req) => dropped.push(req.url));
  const port = await listen(server);
  const got = await raw(port, R('GET /1 HTTP/1.1\nHost: x\n\nGET /2 HTTP/1.1\nHost: x\n\nGET /3 HTTP/1.1\nHost: x\n\n'));
  assert.match(got, /Keep-Alive: timeout=5, max=2\r\n/);
  assert.match(got, /HTTP\/1.1 503 Service Unavailable\r\n/);
  assert.deepStrictEqual(dropped, ['/3']);
  await close(server);
});

step('2,000 idle keep-alive connections are held, then closeIdleConnections', async () => {
  const server = http.createServer((req, res) => res.end('k'));
  const port = await listen(server);
  const sockets = [];
  const answered = [];
  for (let i = 0; i < 2000; i++) {
    const socket = net.connect(port, '127.0.0.1');
    sockets.push(socket);
    answered.push(new Promise((resolve, reject) => {
      socket.on('error', reject);
      socket.once('data', (d) => resolve(d.toString()));
      socket.on('connect', () => socket.write('GET / HTTP/1.1\r\nHost: x\r\n\r\n'));
    }));
  }
  const replies = await Promise.all(answered);
  assert.ok(replies.every((r) => r.endsWith('\r\n\r\nk')));
  assert.strictEqual(await new Promise((r) => server.getConnections((e, n) => r(n))), 2000);
  const closed = sockets.map((s) => new Promise((resolve) => s.on('close', resolve)));
  server.closeIdleConnections();
  await Promise.all(closed);
  await close(server);
});

step('close() ends idle keep-alive connections and emits close', async () => {
  const server = http.createServer((req, res) => res.end('x'));
  const port = await listen(server);
  const socket = net.connect(port, '127.0.0.1');
  socket.write('GET / HTTP/1.1\r\nHost: x\r\n\r\n');
  await new Promise((resolve) => socket.once('data', resolve));
  const ended = new Promise((resolve) => socket.on('close', resolve));
  await new Promise((resolve) => server.close(resolve));
  await ended;
});

step('--max-http-header-size sets http.maxHeaderSize', async () => {
  const out = await new Promise((resolve, reject) => {
    execFile(process.execPath, ['--max-http-header-size=100', '-p', "require('http').maxHeaderSize"],
      (err, stdout) => (err ? reject(err) : resolve(stdout.trim())));
  });
  assert.strictEqual(out, '100');
});

step('request fields and response header API', async () => {
  const server = http.createServer((req, res) => {
    assert.strictEqual(req.method, 'PUT');
    assert.strictEqual(req.url, '/u?x=1');
    assert.strictEqual(req.httpVersion, '1.1');
    assert.deepStrictEqual(req.rawHeaders, ['Host', 'x', 'X-A', '1', 'x-a', '2', 'Connection', 'close']);
    assert.strictEqual(req.headers['x-a'], '1, 2');
    assert.deepStrictEqual(req.headersDistinct['x-a'], ['1', '2']);
    assert.strictEqual(req.socket, req.connection);
    assert.strictEqual(res.req, req);
    res.setHeader('X-List', ['a', 'b']);
    assert.deepStrictEqual(res.getHeaderNames(), ['x-list']);
    assert.throws(() => res.setHeader('bad name', 1), { code: 'ERR_INVALID_HTTP_TOKEN' });
    assert.throws(() => res.setHeader('x', 'a\r\nb'), { code: 'ERR_INVALID_CHAR' });
    res.end();
    assert.throws(() => res.setHeader('late', 1), { code: 'ERR_HTTP_HEADERS_SENT' });
  });
  const port = await listen(server);
  const got = await raw(port, R('PUT /u?x=1 HTTP/1.1\nHost: x\nX-A: 1\nx-a: 2\nConnection: close\n\n'));
  assert.match(got, /X-List: a\r\nX-List: b\r\n/);
  assert.match(got, /Content-Length: 0\r\n/);
  await close(server);
});

runSteps();

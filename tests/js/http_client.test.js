// The http client against real servers on 127.0.0.1 (and a Unix socket):
// a raw TCP server for exact bytes, and node:http's own server for round
// trips. Streaming in both directions with backpressure, many requests
// through a limited agent, keep-alive reuse, socketPath, localAddress, a
// custom Duplex from an agent's createConnection, and errors that must not
// take the process down. The differential corpus (diff/http_client.cases.js)
// covers event order and exact bytes; this file covers volume and plumbing.
'use strict';

const assert = require('assert');
const fs = require('fs');
const http = require('http');
const net = require('net');
const os = require('os');
const path = require('path');
const { Duplex } = require('stream');

const steps = [];
function step(name, fn) {
  steps.push([name, fn]);
}

function listen(server, ...args) {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(...args, () => {
      server.removeListener('error', reject);
      resolve(server.address());
    });
  });
}

// Resolves with [res, body as a Buffer].
function fetchAll(options, body) {
  return new Promise((resolve, reject) => {
    const req = http.request(options, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => resolve([res, Buffer.concat(chunks), req]));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

// A node:http server that echoes method, url, headers and the body size.
function echoServer() {
  return http.createServer((req, res) => {
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
    });
    req.on('end', () => {
      const reply = JSON.stringify({
        method: req.method, url: req.url, headers: req.headers, size,
        remotePort: req.socket.remotePort,
      });
      res.setHeader('Content-Type', 'application/json');
      res.end(reply);
    });
  });
}

step('round trip with the http server, keep-alive reuse', async () => {
  const server = echoServer();
  const { port } = await listen(server, 0, '127.0.0.1');
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const ports = new Set();
  for (let i = 0; i < 5; i++) {
    const [res, body, req] = await fetchAll({
      port, host: '127.0.0.1', path: `/n/${i}?x=y`, method: 'POST', agent,
      headers: { 'X-Count': String(i) },
    }, 'z'.repeat(i * 1000));
    assert.strictEqual(res.statusCode, 200);
    assert.strictEqual(res.headers['content-type'], 'application/json');
    const echo = JSON.parse(body);
    assert.strictEqual(echo.method, 'POST');
    assert.strictEqual(echo.url, `/n/${i}?x=y`);
    assert.strictEqual(echo.headers['x-count'], String(i));
    assert.strictEqual(echo.headers.host, `127.0.0.1:${port}`);
    assert.strictEqual(echo.size, i * 1000);
    assert.strictEqual(req.reusedSocket, i > 0);
    ports.add(echo.remotePort);
  }
  assert.strictEqual(ports.size, 1);
  agent.destroy();
  server.close();
});

step('many concurrent requests through maxSockets 4', async () => {
  let open = 0;
  let most = 0;
  const server = http.createServer((req, res) => {
    setImmediate(() => res.end(req.url));
  });
  server.on('connection', (socket) => {
    open++;
    most = Math.max(most, open);
    socket.on('close', () => open--);
  });
  const { port } = await listen(server, 0, '127.0.0.1');
  const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
  const results = await Promise.all(Array.from({ length: 40 }, (_, i) =>
    fetchAll({ port, host: '127.0.0.1', path: `/${i}`, agent })));
  results.forEach(([res, body], i) => {
    assert.strictEqual(res.statusCode, 200);
    assert.strictEqual(body.toString(), `/${i}`);
  });
  assert.ok(most <= 4, `at most 4 connections, saw ${most}`);
  assert.strictEqual(agent.totalSocketCount, 4);
  agent.destroy();
  server.close();
});

step('streamed upload with backpressure', async () => {
  let received = 0;
  const server = http.createServer((req, res) => {
    req.on('data', (chunk) => {
      received += chunk.length;
    });
    req.on('end', () => res.end(String(received)));
  });
  const { port } = await listen(server, 0, '127.0.0.1');
  const total = 8 * 1024 * 1024;
  const piece = Buffer.alloc(64 * 1024, 'u');
  const answer = await new Promise((resolve, reject) => {
    const req = http.request({ port, host: '127.0.0.1', method: 'PUT', agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => {
        text += chunk;
      });
      res.on('end', () => resolve([text, drains]));
    });
    req.on('error', reject);
    let sent = 0;
    let drains = 0;
    const pump = () => {
      while (sent < total) {
        sent += piece.length;
        if (!req.write(piece)) {
          req.once('drain', () => {
            drains++;
            pump();
          });
          return;
        }
      }
      req.end();
    };
    pump();
  });
  assert.strictEqual(answer[0], String(total));
  assert.ok(answer[1] > 0, 'write() returned false at least once');
  server.close();
});

step('streamed download, paused and resumed', async () => {
  const total = 16 * 1024 * 1024;
  const server = http.createServer((req, res) => {
    res.writeHead(200, { 'Content-Length': total });
    const piece = Buffer.alloc(256 * 1024, 'd');
    let left = total;
    const pump = () => {
      while (left > 0) {
        left -= piece.length;
        if (!res.write(piece)) {
          res.once('drain', pump);
          return;
        }
      }
      res.end();
    };
    pump();
  });
  const { port } = await listen(server, 0, '127.0.0.1');
  const got = await new Promise((resolve, reject) => {
    http.get({ port, host: '127.0.0.1', agent: false }, (res) => {
      let size = 0;
      let pauses = 0;
      res.on('data', (chunk) => {
        size += chunk.length;
        if (pauses < 5 && size > pauses * 2 * 1024 * 1024) {
          pauses++;
          res.pause();
          setTimeout(() => res.resume(), 5);
        }
      });
      res.on('end', () => resolve([size, pauses, res.complete]));
      res.on('error', reject);
    }).on('error', reject);
  });
  assert.deepStrictEqual(got, [total, 5, true]);
  server.close();
});

step('socketPath and localAddress', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jspack-httpc-'));
  const sock = path.join(dir, 's.sock');
  const server = echoServer();
  await listen(server, sock);
  const [res, body] = await fetchAll({ socketPath: sock, path: '/unix' });
  assert.strictEqual(res.statusCode, 200);
  const echo = JSON.parse(body);
  assert.strictEqual(echo.url, '/unix');
  assert.strictEqual(echo.headers.host, 'localhost');
  server.close();
  fs.rmSync(dir, { recursive: true, force: true });

  const tcp = echoServer();
  const { port } = await listen(tcp, 0, '127.0.0.1');
  const [, local] = await fetchAll({ port, host: '127.0.0.1', localAddress: '127.0.0.1', agent: false });
  assert.strictEqual(JSON.parse(local).url, '/');
  tcp.close();
});

step('an agent whose createConnection returns a plain Duplex', async () => {
  class FakeAgent extends http.Agent {
    createConnection() {
      let sent = false;
      const stream = new Duplex({
        read() {
          if (sent) return;
          sent = true;
          this.push('HTTP/1.1 200 Ok\r\nTransfer-Encoding: chunked\r\n\r\nb\r\nhello world\r\n0\r\n\r\n');
        },
        write(data, encoding, cb) {
          cb();
        },
      });
      return stream;
    }
  }
  const [res, body] = await fetchAll({ agent: new FakeAgent() });
  assert.strictEqual(res.statusCode, 200);
  assert.strictEqual(res.statusMessage, 'Ok');
  assert.strictEqual(body.toString(), 'hello world');
});

step('errors reach the request, never the process', async () => {
  const raw = net.createServer((socket) => {
    socket.on('error', () => {});
    socket.on('data', (data) => {
      const text = data.toString('latin1');
      if (text.startsWith('GET /reset')) socket.resetAndDestroy();
      else if (text.startsWith('GET /bad-length')) socket.end('HTTP/1.1 200 OK\r\nContent-Length: x\r\n\r\n');
      else if (text.startsWith('GET /huge')) socket.end(`HTTP/1.1 200 OK\r\nContent-Length: 0\r\nX-Big: ${'b'.repeat(20000)}\r\n\r\n`);
      else socket.end('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok');
    });
  });
  const { port } = await listen(raw, 0, '127.0.0.1');
  const failure = (p, extra = {}) => new Promise((resolve) => {
    const req = http.get({ port, host: '127.0.0.1', path: p, agent: false, ...extra }, (res) => {
      res.resume();
      res.on('end', () => resolve('no error'));
    });
    req.on('error', (err) => resolve(err.code));
  });
  assert.strictEqual(await failure('/reset'), 'ECONNRESET');
  assert.strictEqual(await failure('/bad-length'), 'HPE_INVALID_CONTENT_LENGTH');
  assert.strictEqual(await failure('/huge'), 'HPE_HEADER_OVERFLOW');
  assert.strictEqual(await failure('/huge', { maxHeaderSize: 64 * 1024 }), 'no error');
  assert.strictEqual(await failure('/fine'), 'no error');
  raw.close();
});

(async () => {
  for (const [name, fn] of steps) {
    try {
      await fn();
    } catch (err) {
      console.error(`FAIL ${name}`);
      console.error(err);
      process.exit(1);
    }
    console.log(`ok ${name}`);
  }
})();

// node:net and dns.lookup against real sockets on 127.0.0.1 (and a Unix
// socket): echo, many connections, half-open, backpressure, a peer that
// resets, refused connections, busy ports, timeouts and ref/unref. Every
// wait is for an event; the scenarios run one after another.
'use strict';

const assert = require('assert');
const dns = require('dns');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');

const steps = [];
const done = [];

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

function once(emitter, name) {
  return new Promise((resolve) => emitter.once(name, (...args) => resolve(args)));
}

function closeServer(server) {
  return new Promise((resolve) => server.close(resolve));
}

step('echo over TCP', async () => {
  const server = net.createServer((socket) => socket.pipe(socket));
  const { port, address, family } = await listen(server, 0, '127.0.0.1');
  assert.strictEqual(address, '127.0.0.1');
  assert.strictEqual(family, 'IPv4');
  assert.ok(port > 0);
  const client = net.connect(port, '127.0.0.1');
  assert.strictEqual(client.connecting, true);
  assert.strictEqual(client.readyState, 'opening');
  assert.strictEqual(client.pending, true);
  const events = [];
  client.on('lookup', () => events.push('lookup'));
  client.on('connect', () => events.push('connect'));
  client.on('ready', () => events.push('ready'));
  await once(client, 'connect');
  assert.strictEqual(client.readyState, 'open');
  assert.strictEqual(client.remoteAddress, '127.0.0.1');
  assert.strictEqual(client.remotePort, port);
  assert.strictEqual(client.remoteFamily, 'IPv4');
  assert.strictEqual(client.localAddress, '127.0.0.1');
  assert.strictEqual(typeof client.localPort, 'number');
  assert.deepStrictEqual(client.address(), {
    address: '127.0.0.1', family: 'IPv4', port: client.localPort,
  });
  const chunks = [];
  client.on('data', (chunk) => {
    assert.ok(Buffer.isBuffer(chunk));
    chunks.push(chunk);
  });
  client.write('hello ');
  client.write(Buffer.from('wörld'));
  client.end('!', 'latin1');
  const [hadError] = await once(client, 'close');
  assert.strictEqual(hadError, false);
  assert.strictEqual(Buffer.concat(chunks).toString(), 'hello wörld!');
  assert.strictEqual(client.bytesRead, Buffer.byteLength('hello wörld!'));
  assert.strictEqual(client.bytesWritten, Buffer.byteLength('hello wörld!'));
  assert.deepStrictEqual(events, ['connect', 'ready']);
  assert.strictEqual(client.readyState, 'closed');
  await closeServer(server);
});

step('a string written with encoding \'buffer\' is a TypeError', async () => {
  const server = net.createServer((socket) => socket.resume());
  const { port } = await listen(server, 0, '127.0.0.1');
  const client = net.connect(port, '127.0.0.1');
  await once(client, 'connect');
  assert.throws(() => client.write('broken', 'buffer'), {
    name: 'TypeError',
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'Second argument must be a buffer',
  });
  client.destroy();
  await closeServer(server);
});

step('localhost through dns.lookup, with a lookup event', async () => {
  const server = net.createServer((socket) => socket.end('hi'));
  const { port } = await listen(server, 0, '127.0.0.1');
  const client = net.connect({ port, host: 'localhost', family: 4 });
  const [err, ip, family, host] = await once(client, 'lookup');
  assert.strictEqual(err, null);
  assert.strictEqual(ip, '127.0.0.1');
  assert.strictEqual(family, 4);
  assert.strictEqual(host, 'localhost');
  let text = '';
  client.setEncoding('utf8');
  client.on('data', (d) => { text += d; });
  await once(client, 'end');
  assert.strictEqual(text, 'hi');
  await closeServer(server);
});

step('many connections at once', async () => {
  const server = net.createServer((socket) => socket.pipe(socket));
  const { port } = await listen(server, 0, '127.0.0.1');
  const count = 40;
  const results = await Promise.all(Array.from({ length: count }, (_, i) => new Promise((resolve, reject) => {
    const client = net.connect(port, '127.0.0.1', () => client.end(`client ${i}`));
    let text = '';
    client.on('data', (d) => { text += d; });
    client.on('error', reject);
    client.on('close', () => resolve(text));
  })));
  results.forEach((text, i) => assert.strictEqual(text, `client ${i}`));
  const connections = await new Promise((resolve) => server.getConnections((err, n) => resolve(n)));
  assert.strictEqual(connections, 0);
  await closeServer(server);
});

step('half-open: the server answers after the client ended', async () => {
  const server = net.createServer({ allowHalfOpen: true }, (socket) => {
    let request = '';
    socket.on('data', (d) => { request += d; });
    socket.on('end', () => {
      // The client's side is closed; ours still writes.
      assert.strictEqual(socket.writable, true);
      socket.end(`got ${request}`);
    });
  });
  const { port } = await listen(server, 0, '127.0.0.1');
  const client = net.connect({ port, host: '127.0.0.1', allowHalfOpen: true });
  client.end('question');
  let answer = '';
  client.on('data', (d) => { answer += d; });
  await once(client, 'end');
  await once(client, 'close');
  assert.strictEqual(answer, 'got question');
  await closeServer(server);
});

step('without allowHalfOpen the socket ends its side after end', async () => {
  const server = net.createServer((socket) => socket.end('bye'));
  const { port } = await listen(server, 0, '127.0.0.1');
  const client = net.connect(port, '127.0.0.1');
  client.resume();
  const order = [];
  client.on('end', () => order.push('end'));
  client.on('finish', () => order.push('finish'));
  await once(client, 'close');
  assert.deepStrictEqual(order, ['end', 'finish']);
  await closeServer(server);
});

step('backpressure: a paused reader makes the writer wait for drain', async () => {
  const total = 8 * 1024 * 1024;
  const block = Buffer.alloc(64 * 1024, 'x');
  let writer;
  let sawFull = false;
  let drains = 0;
  const server = net.createServer((socket) => {
    writer = socket;
    let sent = 0;
    const pump = () => {
      while (sent < total) {
        sent += block.length;
        if (!socket.write(block)) {
          sawFull = true;
          socket.once('drain', () => {
            drains++;
            pump();
          });
          return;
        }
      }
      socket.end();
    };
    pump();
  });
  const { port } = await listen(server, 0, '127.0.0.1');
  const client = net.connect(port, '127.0.0.1');
  let received = 0;
  client.on('data', (d) => {
    received += d.length;
  });
  client.pause();
  await once(client, 'connect');
  // Wait until the writer is blocked: its buffer fills while we read nothing.
  while (!sawFull) await new Promise((resolve) => setImmediate(resolve));
  assert.strictEqual(received, 0);
  assert.ok(writer.writableLength > 0);
  client.resume();
  await once(client, 'end');
  assert.strictEqual(received, total);
  assert.ok(drains > 0);
  await once(client, 'close');
  await closeServer(server);
});

step('a peer that resets gives ECONNRESET', async () => {
  const server = net.createServer((socket) => {
    socket.on('data', () => socket.resetAndDestroy());
  });
  const { port } = await listen(server, 0, '127.0.0.1');
  const client = net.connect(port, '127.0.0.1', () => client.write('x'));
  const [err] = await once(client, 'error');
  assert.strictEqual(err.code, 'ECONNRESET');
  assert.strictEqual(err.syscall, 'read');
  assert.strictEqual(err.errno, os.constants.errno.ECONNRESET * -1);
  assert.strictEqual(err.message, 'read ECONNRESET');
  const [hadError] = await once(client, 'close');
  assert.strictEqual(hadError, true);
  assert.strictEqual(client.destroyed, true);
  await closeServer(server);
});

step('writing to a reset connection fails without crashing', async () => {
  const server = net.createServer((socket) => socket.resetAndDestroy());
  const { port } = await listen(server, 0, '127.0.0.1');
  const client = net.connect(port, '127.0.0.1');
  const errors = [];
  client.on('error', (err) => errors.push(err.code));
  // Writes start while connecting; the reset may come before 'connect'.
  const block = Buffer.alloc(1024 * 1024);
  const writeUntilClosed = () => {
    if (!client.destroyed) client.write(block, () => setImmediate(writeUntilClosed));
  };
  writeUntilClosed();
  await once(client, 'close');
  assert.ok(errors.length >= 1);
  assert.ok(['ECONNRESET', 'EPIPE'].includes(errors[0]), errors[0]);
  await closeServer(server);
});

step('ECONNREFUSED carries address and port', async () => {
  const probe = net.createServer();
  const { port } = await listen(probe, 0, '127.0.0.1');
  await closeServer(probe);
  const client = net.connect(port, '127.0.0.1');
  const [err] = await once(client, 'error');
  assert.strictEqual(err.code, 'ECONNREFUSED');
  assert.strictEqual(err.syscall, 'connect');
  assert.strictEqual(err.address, '127.0.0.1');
  assert.strictEqual(err.port, port);
  assert.strictEqual(err.message, `connect ECONNREFUSED 127.0.0.1:${port}`);
  assert.ok(err.errno < 0);
});

step('EADDRINUSE on a busy port', async () => {
  const first = net.createServer();
  const { port } = await listen(first, 0, '127.0.0.1');
  const second = net.createServer();
  second.listen(port, '127.0.0.1');
  const [err] = await once(second, 'error');
  assert.strictEqual(err.code, 'EADDRINUSE');
  assert.strictEqual(err.syscall, 'listen');
  assert.strictEqual(err.address, '127.0.0.1');
  assert.strictEqual(err.port, port);
  assert.strictEqual(err.message, `listen EADDRINUSE: address already in use 127.0.0.1:${port}`);
  assert.strictEqual(second.listening, false);
  assert.throws(() => first.listen(0), { code: 'ERR_SERVER_ALREADY_LISTEN' });
  await closeServer(first);
  const [closeErr] = await new Promise((resolve) => first.close((...args) => resolve(args)));
  assert.strictEqual(closeErr.code, 'ERR_SERVER_NOT_RUNNING');
});

step('a host that does not resolve', async () => {
  const client = net.connect(80, 'no-such-host.invalid');
  const [err] = await once(client, 'error');
  assert.strictEqual(err.code, 'ENOTFOUND');
  assert.strictEqual(err.syscall, 'getaddrinfo');
  assert.strictEqual(err.hostname, 'no-such-host.invalid');
  assert.strictEqual(err.message, 'getaddrinfo ENOTFOUND no-such-host.invalid');
});

step('Unix domain socket', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jspack-net-'));
  const socketPath = path.join(dir, 'server.sock');
  const server = net.createServer((socket) => {
    socket.on('data', (d) => socket.end(`echo ${d}`));
  });
  const address = await listen(server, socketPath);
  assert.strictEqual(address, socketPath);
  const client = net.connect(socketPath, () => client.write('ping'));
  let text = '';
  client.on('data', (d) => { text += d; });
  await once(client, 'close');
  assert.strictEqual(text, 'echo ping');
  // A second server on the same path: EADDRINUSE with the path.
  const second = net.createServer();
  second.listen(socketPath);
  const [err] = await once(second, 'error');
  assert.strictEqual(err.code, 'EADDRINUSE');
  assert.strictEqual(err.message, `listen EADDRINUSE: address already in use ${socketPath}`);
  await closeServer(server);
  // Nobody listens any more.
  const refused = net.connect(path.join(dir, 'missing.sock'));
  const [missing] = await once(refused, 'error');
  assert.strictEqual(missing.code, 'ENOENT');
  assert.strictEqual(missing.syscall, 'connect');
  fs.rmSync(dir, { recursive: true, force: true });
});

step('idle timeout emits timeout and can be cleared', async () => {
  const server = net.createServer(() => {});
  const { port } = await listen(server, 0, '127.0.0.1');
  const client = net.connect(port, '127.0.0.1');
  await once(client, 'connect');
  client.setTimeout(20);
  assert.strictEqual(client.timeout, 20);
  await once(client, 'timeout');
  // A timeout does not close the socket.
  assert.strictEqual(client.destroyed, false);
  client.setTimeout(0);
  assert.strictEqual(client.timeout, 0);
  client.destroy();
  await once(client, 'close');
  await closeServer(server);
});

step('setNoDelay, setKeepAlive and maxConnections with drop', async () => {
  const server = net.createServer((socket) => {
    socket.setNoDelay(true).setKeepAlive(true, 1000);
    socket.end('kept');
  });
  server.maxConnections = 1;
  const drops = [];
  server.on('drop', (data) => drops.push(data));
  const { port } = await listen(server, 0, '127.0.0.1');
  const first = net.connect(port, '127.0.0.1');
  first.setNoDelay();
  first.resume();
  await once(first, 'connect');
  const second = net.connect(port, '127.0.0.1');
  second.on('error', () => {});
  second.resume();
  await once(second, 'close');
  await once(first, 'close');
  assert.ok(drops.length <= 1);
  if (drops.length === 1) assert.strictEqual(drops[0].remoteAddress, '127.0.0.1');
  await closeServer(server);
});

step('new Socket({ fd }) adopts an open descriptor; destroy before connect', async () => {
  const s = new net.Socket();
  assert.strictEqual(s.timeout, undefined);
  assert.strictEqual(s.readyState, 'open');
  s.destroy();
  const [hadError] = await once(s, 'close');
  // Without a handle there is no hadError argument.
  assert.strictEqual(hadError, undefined);
  assert.strictEqual(s.readyState, 'closed');
  assert.throws(() => new net.Socket({ fd: -1 }), { code: 'ERR_OUT_OF_RANGE' });
});

step('pauseOnConnect: the socket reads only after resume', async () => {
  let serverSocket;
  const server = net.createServer({ pauseOnConnect: true }, (socket) => {
    serverSocket = socket;
  });
  const { port } = await listen(server, 0, '127.0.0.1');
  const client = net.connect(port, '127.0.0.1', () => client.end('late'));
  while (serverSocket === undefined) await once(server, 'connection');
  let text = '';
  serverSocket.on('data', (d) => { text += d; });
  serverSocket.resume();
  await once(serverSocket, 'end');
  assert.strictEqual(text, 'late');
  client.destroy();
  serverSocket.destroy();
  await closeServer(server);
});

step('dns.lookup, lookupService and the promise API', async () => {
  const [err, address, family] = await new Promise((resolve) => {
    dns.lookup('localhost', { family: 4 }, (...args) => resolve(args));
  });
  assert.strictEqual(err, null);
  assert.strictEqual(address, '127.0.0.1');
  assert.strictEqual(family, 4);
  const all = await dns.promises.lookup('127.0.0.1', { all: true });
  assert.deepStrictEqual(all, [{ address: '127.0.0.1', family: 4 }]);
  await assert.rejects(dns.promises.lookup('no-such-host.invalid'), { code: 'ENOTFOUND' });
  const service = await dns.promises.lookupService('127.0.0.1', 22);
  assert.strictEqual(typeof service.hostname, 'string');
  assert.strictEqual(service.service, 'ssh');
});

step('ref/unref: unref\'d servers and sockets do not hold the loop', async () => {
  const server = net.createServer((socket) => socket.unref());
  server.unref();
  server.ref();
  server.unref();
  const { port } = await listen(server, 0, '127.0.0.1');
  const client = net.connect(port, '127.0.0.1');
  client.unref();
  await once(client, 'connect');
  assert.strictEqual(client._handle.hasRef(), false);
  // Left open on purpose: if one of them kept the loop alive this test
  // would never end (the last step).
  done.push('unref');
});

async function main() {
  for (const [name, fn] of steps) {
    await fn();
    done.push(name);
  }
}

process.on('exit', (code) => {
  if (code === 0) assert.strictEqual(done.length, steps.length + 1, `ran ${done.join(', ')}`);
});

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});

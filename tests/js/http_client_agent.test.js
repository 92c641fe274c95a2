// http.Agent on its own, against a real TCP server on 127.0.0.1: requests
// are stand-ins that take the socket the agent hands them (onSocket), so the
// pool (reuse, limits, queueing, scheduling, free-socket errors and
// timeouts, destroy) is checked without any HTTP parsing. Runs under node
// too, which is how the expectations were made.
'use strict';

const assert = require('assert');
const http = require('http');
const net = require('net');

const steps = [];
function step(name, fn) {
  steps.push([name, fn]);
}

// A request as the agent sees one: it receives a socket in a later tick.
class FakeRequest {
  constructor(keepAlive = true) {
    this.shouldKeepAlive = keepAlive;
    this.reusedSocket = false;
    this.socket = null;
    this.headers = {};
    this.got = new Promise((resolve) => {
      this.onSocket = (socket, err) => {
        this.socket = socket;
        if (socket) socket._httpMessage = this;
        resolve({ socket, err });
      };
    });
  }
}

FakeRequest.prototype.getHeader = function getHeader(name) {
  return this.headers[name.toLowerCase()];
};

// The request is done with its socket: it goes back to the agent.
function release(req) {
  req.socket.emit('free');
}

const tick = () => new Promise((resolve) => setImmediate(resolve));
// Resolves after the socket's 'close' event (listen before closing it).
const closed = (socket) => new Promise((resolve) => socket.once('close', () => setImmediate(resolve)));
const counts = (table) => Object.fromEntries(Object.entries(table).map(([k, v]) => [k, v.length]));

let port;
let accepted = 0;
const live = new Set();
const server = net.createServer((conn) => {
  accepted++;
  live.add(conn);
  conn.on('close', () => live.delete(conn));
  conn.on('error', () => {});
  conn.resume();
});

step('construction and getName', () => {
  const agent = new http.Agent();
  assert.strictEqual(agent.defaultPort, 80);
  assert.strictEqual(agent.protocol, 'http:');
  assert.strictEqual(agent.keepAlive, false);
  assert.strictEqual(agent.keepAliveMsecs, 1000);
  assert.strictEqual(agent.maxSockets, Infinity);
  assert.strictEqual(agent.maxFreeSockets, 256);
  assert.strictEqual(agent.maxTotalSockets, Infinity);
  assert.strictEqual(agent.scheduling, 'lifo');
  assert.strictEqual(agent.totalSocketCount, 0);
  assert.deepStrictEqual({ ...agent.options }, { noDelay: true, path: null });
  assert.strictEqual(Object.getPrototypeOf(agent.sockets), null);
  assert.strictEqual(agent.getName(), 'localhost::');
  assert.strictEqual(agent.getName({ host: 'h', port: 8, localAddress: '::1', family: 6 }), 'h:8:::1:6');
  assert.strictEqual(agent.getName({ socketPath: '/s', family: 'x' }), 'localhost:::/s');
  assert.ok(http.Agent() instanceof http.Agent);
  assert.strictEqual(http.Agent.defaultMaxSockets, Infinity);
  assert.throws(() => new http.Agent({ scheduling: 'random' }), {
    code: 'ERR_INVALID_ARG_VALUE', name: 'TypeError',
    message: "The argument 'scheduling' must be one of: 'fifo', 'lifo'. Received 'random'",
  });
  assert.throws(() => new http.Agent({ maxTotalSockets: 0 }), {
    code: 'ERR_OUT_OF_RANGE',
    message: 'The value of "maxTotalSockets" is out of range. It must be >= 1. Received 0',
  });
  assert.throws(() => new http.Agent({ maxTotalSockets: '2' }), { code: 'ERR_INVALID_ARG_TYPE' });
  const g = http.globalAgent;
  assert.ok(g instanceof http.Agent);
  assert.strictEqual(g.keepAlive, true);
  assert.deepStrictEqual({ ...g.options },
    { keepAlive: true, scheduling: 'lifo', timeout: 5000, noDelay: true, path: null });
});

step('keep-alive reuse', async () => {
  const agent = new http.Agent({ keepAlive: true });
  const opts = { host: '127.0.0.1', port };
  const name = `127.0.0.1:${port}:`;
  const first = new FakeRequest();
  agent.addRequest(first, opts);
  // The socket exists at once; the request gets it a tick later.
  assert.deepStrictEqual(counts(agent.sockets), { [name]: 1 });
  assert.strictEqual(agent.totalSocketCount, 1);
  const { socket } = await first.got;
  assert.ok(socket instanceof net.Socket);
  await new Promise((resolve) => socket.once('connect', resolve));
  release(first);
  assert.deepStrictEqual(counts(agent.sockets), {});
  assert.deepStrictEqual(counts(agent.freeSockets), { [name]: 1 });
  assert.strictEqual(agent.totalSocketCount, 1);
  const second = new FakeRequest();
  agent.addRequest(second, opts);
  const again = await second.got;
  assert.strictEqual(again.socket, socket);
  assert.strictEqual(second.reusedSocket, true);
  assert.strictEqual(first.reusedSocket, false);
  // A request that will not keep the connection alive closes it when done.
  second.shouldKeepAlive = false;
  const gone = closed(socket);
  release(second);
  await gone;
  assert.strictEqual(agent.totalSocketCount, 0);
  assert.deepStrictEqual(counts(agent.freeSockets), {});
});

step('no keepAlive: sockets close when free', async () => {
  const agent = new http.Agent();
  const req = new FakeRequest();
  agent.addRequest(req, { host: '127.0.0.1', port });
  const { socket } = await req.got;
  await new Promise((resolve) => socket.once('connect', resolve));
  const gone = closed(socket);
  release(req);
  assert.strictEqual(socket.destroyed, true);
  await gone;
  assert.strictEqual(agent.totalSocketCount, 0);
});

step('maxSockets queues requests and hands sockets over', async () => {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 2 });
  const opts = { host: '127.0.0.1', port };
  const name = `127.0.0.1:${port}:`;
  const reqs = [0, 1, 2, 3].map(() => new FakeRequest());
  for (const r of reqs) agent.addRequest(r, opts);
  assert.deepStrictEqual(counts(agent.sockets), { [name]: 2 });
  assert.deepStrictEqual(counts(agent.requests), { [name]: 2 });
  const [a, b] = await Promise.all([reqs[0].got, reqs[1].got]);
  assert.notStrictEqual(a.socket, b.socket);
  release(reqs[0]);
  const c = await reqs[2].got;
  assert.strictEqual(c.socket, a.socket);
  // Handed straight over (it never was idle): not counted as reused.
  assert.strictEqual(reqs[2].reusedSocket, false);
  assert.deepStrictEqual(counts(agent.requests), { [name]: 1 });
  // A socket that closes makes room: the queued request gets a new one.
  b.socket.destroy();
  const d = await reqs[3].got;
  assert.notStrictEqual(d.socket, b.socket);
  assert.notStrictEqual(d.socket, a.socket);
  assert.deepStrictEqual(counts(agent.requests), {});
  assert.strictEqual(agent.totalSocketCount, 2);
  const gone = Promise.all([closed(a.socket), closed(d.socket)]);
  agent.destroy();
  await gone;
  assert.strictEqual(agent.totalSocketCount, 0);
});

step('maxTotalSockets across origins', async () => {
  const agent = new http.Agent({ keepAlive: true, maxTotalSockets: 1 });
  const one = new FakeRequest();
  const two = new FakeRequest();
  agent.addRequest(one, { host: '127.0.0.1', port });
  agent.addRequest(two, { host: 'localhost', port, family: 4 });
  assert.strictEqual(agent.totalSocketCount, 1);
  assert.deepStrictEqual(counts(agent.requests), { [`localhost:${port}::4`]: 1 });
  const first = await one.got;
  first.socket.destroy();
  const second = await two.got;
  assert.ok(second.socket);
  assert.notStrictEqual(second.socket, first.socket);
  await new Promise((resolve) => second.socket.once('connect', resolve));
  assert.strictEqual(second.socket.remotePort, port);
  assert.deepStrictEqual(counts(agent.requests), {});
  agent.destroy();
});

step('maxFreeSockets and scheduling', async () => {
  for (const scheduling of ['lifo', 'fifo']) {
    const agent = new http.Agent({ keepAlive: true, maxFreeSockets: 2, scheduling });
    const opts = { host: '127.0.0.1', port };
    const reqs = [0, 1, 2].map(() => new FakeRequest());
    for (const r of reqs) agent.addRequest(r, opts);
    const got = await Promise.all(reqs.map((r) => r.got));
    await Promise.all(got.map(({ socket }) => new Promise((resolve) => socket.once('connect', resolve))));
    for (const r of reqs) release(r);
    // The third free socket is one too many.
    assert.strictEqual(got[2].socket.destroyed, true);
    assert.strictEqual(agent.freeSockets[`127.0.0.1:${port}:`].length, 2);
    const next = new FakeRequest();
    agent.addRequest(next, opts);
    const { socket } = await next.got;
    assert.strictEqual(socket, scheduling === 'lifo' ? got[1].socket : got[0].socket);
    agent.destroy();
  }
});

step('a free socket that errors or times out leaves the pool', async () => {
  const agent = new http.Agent({ keepAlive: true, timeout: 50 });
  const opts = { host: '127.0.0.1', port };
  const req = new FakeRequest();
  agent.addRequest(req, opts);
  const { socket } = await req.got;
  await new Promise((resolve) => socket.once('connect', resolve));
  assert.strictEqual(socket.timeout, 50);
  release(req);
  assert.strictEqual(agent.totalSocketCount, 1);
  const gone = closed(socket);
  socket.emit('error', new Error('reset by peer'));
  assert.strictEqual(socket.destroyed, true);
  assert.deepStrictEqual(counts(agent.freeSockets), {});
  await gone;
  assert.strictEqual(agent.totalSocketCount, 0);

  const other = new FakeRequest();
  agent.addRequest(other, opts);
  const next = await other.got;
  await new Promise((resolve) => next.socket.once('connect', resolve));
  const timedOut = closed(next.socket);
  release(other);
  await timedOut;
  assert.strictEqual(agent.totalSocketCount, 0);
});

step('createConnection override and addRequest(req, host, port)', async () => {
  const made = [];
  class Custom extends http.Agent {
    createConnection(options, cb) {
      made.push(options._agentKey);
      // A connection given through the callback, later.
      setImmediate(() => cb(null, net.connect(options.port, options.host)));
    }
  }
  const agent = new Custom();
  const req = new FakeRequest();
  agent.addRequest(req, '127.0.0.1', port);
  const { socket } = await req.got;
  assert.deepStrictEqual(made, [`127.0.0.1:${port}:`]);
  assert.strictEqual(agent.totalSocketCount, 1);
  socket.destroy();

  class Failing extends http.Agent {
    createConnection(options, cb) {
      cb(new Error('no route'));
    }
  }
  const failing = new FakeRequest();
  new Failing().addRequest(failing, { host: '127.0.0.1', port });
  const result = await failing.got;
  assert.strictEqual(result.err.message, 'no route');
});

step('agentRemove takes a busy socket out of the pool', async () => {
  const agent = new http.Agent({ keepAlive: true });
  const req = new FakeRequest();
  agent.addRequest(req, { host: '127.0.0.1', port });
  const { socket } = await req.got;
  socket.emit('agentRemove');
  assert.strictEqual(agent.totalSocketCount, 0);
  assert.deepStrictEqual(counts(agent.sockets), {});
  socket.emit('free');
  assert.deepStrictEqual(counts(agent.freeSockets), {});
  socket.destroy();
});

(async () => {
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = server.address().port;
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
  for (const conn of live) conn.destroy();
  server.close();
  assert.ok(accepted > 0);
})();

// node:dgram against real UDP sockets on 127.0.0.1 (and ::1 when the host
// has it): datagrams both ways, lists and slices, connected sockets, busy
// ports, bad arguments, a peer in a child process, unref. Every wait is for
// an event; the scenarios run one after another.
'use strict';

const assert = require('assert');
const dgram = require('dgram');
const { spawn } = require('child_process');

const steps = [];
function step(name, fn) {
  steps.push([name, fn]);
}

function once(emitter, name) {
  return new Promise((resolve, reject) => {
    const onError = (err) => {
      emitter.removeListener(name, onEvent);
      reject(err);
    };
    const onEvent = (...args) => {
      if (name !== 'error') emitter.removeListener('error', onError);
      resolve(args);
    };
    emitter.once(name, onEvent);
    if (name !== 'error') emitter.once('error', onError);
  });
}

async function bound(type, address = type === 'udp4' ? '127.0.0.1' : '::1') {
  const sock = dgram.createSocket(type);
  sock.bind(0, address);
  await once(sock, 'listening');
  return sock;
}

function close(sock) {
  return new Promise((resolve) => sock.close(resolve));
}

step('datagrams both ways with rinfo', async () => {
  const a = await bound('udp4');
  const b = await bound('udp4');
  const { port } = a.address();
  assert.deepStrictEqual(a.address(), { address: '127.0.0.1', family: 'IPv4', port });
  const got = once(a, 'message');
  const sent = await new Promise((resolve, reject) => {
    b.send('hello', port, '127.0.0.1', (err, bytes) => (err ? reject(err) : resolve(bytes)));
  });
  assert.strictEqual(sent, 5);
  const [msg, rinfo] = await got;
  assert.ok(Buffer.isBuffer(msg));
  assert.strictEqual(msg.toString(), 'hello');
  assert.deepStrictEqual(rinfo, {
    address: '127.0.0.1', family: 'IPv4', port: b.address().port, size: 5,
  });
  // The reply goes back to where the datagram came from.
  const reply = once(b, 'message');
  a.send(Buffer.from('back'), rinfo.port, rinfo.address);
  assert.strictEqual((await reply)[0].toString(), 'back');
  await close(a);
  await close(b);
});

step('lists, slices, typed arrays and empty datagrams', async () => {
  const a = await bound('udp4');
  const { port } = a.address();
  const c = dgram.createSocket('udp4');
  const seen = [];
  const all = new Promise((resolve) => {
    a.on('message', (msg) => {
      seen.push(msg.toString('latin1'));
      if (seen.length === 6) resolve();
    });
  });
  // The first send binds the socket implicitly; the others queue behind it.
  c.send(['ab', Buffer.from('cd'), new Uint8Array([101])], port, '127.0.0.1');
  c.send(Buffer.from('xhelloy'), 1, 5, port, '127.0.0.1');
  c.send('', port, '127.0.0.1');
  // An empty list is an empty datagram too.
  c.send([], port, '127.0.0.1');
  c.send(new DataView(new Uint8Array([70, 71]).buffer), port);
  c.send('wörld', port, 'localhost');
  await all;
  seen.sort();
  assert.deepStrictEqual(seen, ['', '', 'FG', 'abcde', 'hello', Buffer.from('wörld').toString('latin1')]);
  assert.strictEqual(typeof c.address().port, 'number');
  await close(a);
  await close(c);
});

step('connected sockets', async () => {
  const a = await bound('udp4');
  const { port } = a.address();
  const c = dgram.createSocket('udp4');
  const events = [];
  c.on('listening', () => events.push('listening'));
  c.connect(port, () => events.push('connect'));
  await once(c, 'connect');
  assert.deepStrictEqual(events, ['listening', 'connect']);
  assert.deepStrictEqual(c.remoteAddress(), { address: '127.0.0.1', family: 'IPv4', port });
  assert.throws(() => c.connect(port), { code: 'ERR_SOCKET_DGRAM_IS_CONNECTED' });
  assert.throws(() => c.send('x', 0, 1, port), { code: 'ERR_SOCKET_DGRAM_IS_CONNECTED' });
  const got = once(a, 'message');
  const bytes = await new Promise((resolve, reject) => {
    c.send('abcdef', 1, 3, (err, n) => (err ? reject(err) : resolve(n)));
  });
  assert.strictEqual(bytes, 3);
  assert.strictEqual((await got)[0].toString(), 'bcd');
  c.disconnect();
  assert.throws(() => c.remoteAddress(), { code: 'ERR_SOCKET_DGRAM_NOT_CONNECTED', message: 'Not connected' });
  assert.throws(() => c.disconnect(), { code: 'ERR_SOCKET_DGRAM_NOT_CONNECTED' });
  await close(a);
  await close(c);
});

step('busy ports, failed lookups and bad arguments', async () => {
  const a = await bound('udp4');
  const { port } = a.address();
  const b = dgram.createSocket('udp4');
  b.bind(port, '127.0.0.1');
  const [err] = await once(b, 'error');
  assert.strictEqual(err.code, 'EADDRINUSE');
  assert.strictEqual(err.syscall, 'bind');
  assert.strictEqual(err.address, '127.0.0.1');
  assert.strictEqual(err.port, port);
  assert.strictEqual(err.message, `bind EADDRINUSE 127.0.0.1:${port}`);
  await close(b);

  // The custom lookup serves the implicit bind too; only 'anything' fails.
  const lookup = (host, family, cb) => {
    if (host !== 'anything') return require('dns').lookup(host, family, cb);
    cb(Object.assign(new Error('nope'), { code: 'EX' }));
  };
  const c = dgram.createSocket({ type: 'udp4', lookup });
  const lookupErr = await new Promise((resolve) => c.send('x', port, 'anything', resolve));
  assert.strictEqual(lookupErr.code, 'EX');
  await close(c);

  const d = dgram.createSocket('udp4');
  assert.throws(() => d.send('x'), { code: 'ERR_SOCKET_BAD_PORT', name: 'RangeError' });
  assert.throws(() => d.send('x', 70000), { message: 'Port should be > 0 and < 65536. Received type number (70000).' });
  assert.throws(() => d.send(5, 1234), { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => d.send(Buffer.alloc(2), 3, 1, 1234, '127.0.0.1'), { code: 'ERR_BUFFER_OUT_OF_BOUNDS' });
  assert.throws(() => d.address(), { code: 'EBADF', syscall: 'getsockname' });
  assert.throws(() => d.setTTL('a'), { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => d.getRecvBufferSize(), { code: 'ERR_SOCKET_BUFFER_SIZE', name: 'SystemError' });
  assert.throws(() => d.addMembership(), { code: 'ERR_MISSING_ARGS' });
  assert.throws(() => dgram.createSocket('udp5'), { code: 'ERR_SOCKET_BAD_TYPE' });
  assert.throws(() => dgram.createSocket({ type: 'udp4', recvBufferSize: -1 }), { code: 'ERR_OUT_OF_RANGE' });
  d.close();
  assert.throws(() => d.close(), { code: 'ERR_SOCKET_DGRAM_NOT_RUNNING', message: 'Not running' });
  await once(d, 'close');
  await close(a);
});

step('options on a bound socket', async () => {
  const s = await bound('udp4');
  s.setBroadcast(true);
  assert.strictEqual(s.setTTL(12), 12);
  assert.throws(() => s.setTTL(0), { code: 'EINVAL', syscall: 'setTTL', message: 'setTTL EINVAL' });
  assert.strictEqual(s.setMulticastTTL(3), 3);
  assert.strictEqual(s.setMulticastLoopback(true), true);
  s.setRecvBufferSize(16384);
  s.setSendBufferSize(16384);
  assert.ok(s.getRecvBufferSize() >= 16384);
  assert.ok(s.getSendBufferSize() >= 16384);
  assert.throws(() => s.setRecvBufferSize(-1), { code: 'ERR_SOCKET_BAD_BUFFER_SIZE' });
  assert.throws(() => s.addMembership('1.2.3.4'), { code: 'EINVAL', syscall: 'addMembership' });
  assert.strictEqual(s.getSendQueueSize(), 0);
  assert.strictEqual(s.getSendQueueCount(), 0);
  assert.strictEqual(s.ref(), s);
  assert.throws(() => s.bind(0), { code: 'ERR_SOCKET_ALREADY_BOUND' });
  await s[Symbol.asyncDispose]();
  assert.throws(() => s.address(), { code: 'ERR_SOCKET_DGRAM_NOT_RUNNING' });
});

step('an abort signal closes the socket', async () => {
  const ac = new AbortController();
  const s = dgram.createSocket({ type: 'udp4', signal: ac.signal });
  s.bind(0, '127.0.0.1');
  await once(s, 'listening');
  const closed = once(s, 'close');
  ac.abort();
  await closed;
});

step('IPv6 when the host has it', async () => {
  let s;
  try {
    s = await bound('udp6');
  } catch {
    return;
  }
  const { port } = s.address();
  const got = once(s, 'message');
  const c = dgram.createSocket('udp6');
  c.send('six', port);
  const [msg, rinfo] = await got;
  assert.strictEqual(msg.toString(), 'six');
  assert.strictEqual(rinfo.family, 'IPv6');
  assert.strictEqual(rinfo.address, '::1');
  // A udp6 socket cannot reach an IPv4 address.
  const err = await new Promise((resolve) => c.send('x', port, '127.0.0.1', resolve));
  assert.strictEqual(err.code, 'EINVAL');
  assert.strictEqual(err.message, `send EINVAL 127.0.0.1:${port}`);
  await close(s);
  await close(c);
});

step('a peer in another process', async () => {
  const a = await bound('udp4');
  const { port } = a.address();
  const code = `
    const s = require('dgram').createSocket('udp4');
    s.on('message', (m, r) => s.send(m.toString().toUpperCase(), r.port, r.address, () => s.close()));
    s.bind(0, '127.0.0.1', () => process.stdout.write(String(s.address().port)));`;
  const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [chunk] = await once(child.stdout, 'data');
  const got = once(a, 'message');
  a.send('ping', Number(chunk.toString()), '127.0.0.1');
  assert.strictEqual((await got)[0].toString(), 'PING');
  const [exitCode] = await once(child, 'exit');
  assert.strictEqual(exitCode, 0);
  await close(a);
});

step('an unref socket does not keep the process alive', async () => {
  const code = `
    const s = require('dgram').createSocket('udp4');
    s.bind(0, '127.0.0.1', () => { s.unref(); console.log('bound'); });`;
  const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d) => { out += d; });
  const [exitCode] = await once(child, 'exit');
  assert.strictEqual(exitCode, 0);
  assert.strictEqual(out, 'bound\n');
});

(async () => {
  for (const [name, fn] of steps) {
    await fn();
    console.log(`ok - ${name}`);
  }
})().catch((err) => {
  console.error(err);
  process.exit(1);
});

// node:cluster: workers are this same file run again with NODE_UNIQUE_ID;
// CLUSTER_TEST names what a worker does. The primary checks round-robin
// distribution, SCHED_NONE (in a second primary, this file again under
// NODE_CLUSTER_SCHED_POLICY=none), handles sent to workers, internal
// messages staying internal, and the lifecycle bookkeeping.
'use strict';
const assert = require('assert');
const cluster = require('cluster');
const net = require('net');
const { spawnSync } = require('child_process');

const role = process.env.CLUSTER_TEST;

function echoServer(options) {
  const server = net.createServer((c) => c.end(`${cluster.worker.id}`));
  server.listen(options, () => process.send({ port: server.address().port }));
  return server;
}

if (cluster.isWorker) {
  assert.strictEqual('NODE_UNIQUE_ID' in process.env, false);
  assert.strictEqual(cluster.isPrimary, false);
  assert.strictEqual(cluster.worker.state, 'online');
  if (role === 'echo') echoServer({ port: 0, host: '127.0.0.1' });
  if (role === 'echo-any') echoServer(0);
  if (role === 'handle') {
    process.on('message', (message, socket) => {
      if (message !== 'take') return;
      socket.end(`worker ${cluster.worker.id} got it`);
    });
    process.send('ready');
  }
  if (role === 'udp') {
    const socket = require('dgram').createSocket('udp4');
    socket.on('message', (m, r) => socket.send(`${cluster.worker.id}`, r.port, r.address));
    socket.bind(0, '127.0.0.1', () => process.send({ port: socket.address().port }));
  }
  if (role === 'chatty') {
    // Many messages, and an exit right after the last: none may be lost.
    for (let i = 0; i < 200; i++) process.send({ n: i });
    process.exit(0);
  }
  return;
}

function request(port) {
  return new Promise((resolve, reject) => {
    let text = '';
    net.connect(port, '127.0.0.1')
      .setEncoding('utf8')
      .on('data', (d) => { text += d; })
      .on('end', () => resolve(text))
      .on('error', reject);
  });
}

function firstMessage(worker) {
  return new Promise((resolve) => worker.once('message', resolve));
}

function exited(worker) {
  return new Promise((resolve) => {
    if (worker.isDead()) resolve();
    else worker.once('exit', () => resolve());
  });
}

async function sharedPort(kind) {
  const workers = [1, 2, 3].map(() => cluster.fork({ CLUSTER_TEST: kind }));
  const ports = await Promise.all(workers.map(firstMessage));
  assert.ok(ports.every((m) => m.port === ports[0].port), `one port for all: ${JSON.stringify(ports)}`);
  const served = [];
  for (let i = 0; i < 6; i++) served.push(await request(ports[0].port));
  if (cluster.schedulingPolicy === cluster.SCHED_RR) {
    // In turn: each worker once per round.
    assert.deepStrictEqual(served.slice(0, 3).sort(), served.slice(3).sort());
    assert.strictEqual(new Set(served).size, 3, served.join());
  } else {
    assert.ok(served.every((id) => workers.some((w) => `${w.id}` === id)));
  }
  await new Promise((resolve) => cluster.disconnect(resolve));
  await Promise.all(workers.map(exited));
  for (const w of workers) {
    assert.strictEqual(w.exitedAfterDisconnect, true);
    assert.strictEqual(w.state, 'dead');
  }
  assert.deepStrictEqual(Object.keys(cluster.workers), []);
}

async function handToWorker() {
  const worker = cluster.fork({ CLUSTER_TEST: 'handle' });
  const internal = [];
  const user = [];
  worker.process.on('internalMessage', (m) => internal.push(m.act));
  cluster.on('message', (w, m) => user.push(m));
  assert.strictEqual(await firstMessage(worker), 'ready');
  const server = net.createServer((socket) => worker.send('take', socket));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const text = await request(server.address().port);
  assert.strictEqual(text, `worker ${worker.id} got it`);
  server.close();
  worker.kill();
  await exited(worker);
  assert.deepStrictEqual(user, ['ready']);
  assert.ok(internal.includes('online'), internal.join());
  assert.strictEqual(worker.exitedAfterDisconnect, false);
  assert.strictEqual(worker.process.signalCode, 'SIGTERM');
}

async function noMessageLost() {
  const worker = cluster.fork({ CLUSTER_TEST: 'chatty' });
  let count = 0;
  worker.on('message', () => count++);
  const code = await new Promise((resolve) => worker.on('exit', resolve));
  assert.strictEqual(code, 0);
  await new Promise((resolve) => setImmediate(resolve));
  assert.strictEqual(count, 200);
}

// dgram in workers: one socket bound by the primary, shared; a worker's
// disconnect closes it, so the workers exit.
async function sharedUdp() {
  const dgram = require('dgram');
  const workers = [1, 2].map(() => cluster.fork({ CLUSTER_TEST: 'udp' }));
  const ports = await Promise.all(workers.map(firstMessage));
  assert.strictEqual(ports[0].port, ports[1].port);
  const client = dgram.createSocket('udp4');
  const id = await new Promise((resolve) => {
    client.once('message', (m) => resolve(`${m}`));
    client.send('ping', ports[0].port, '127.0.0.1');
  });
  assert.ok(workers.some((w) => `${w.id}` === id), id);
  client.close();
  await new Promise((resolve) => cluster.disconnect(resolve));
  await Promise.all(workers.map(exited));
  assert.deepStrictEqual(workers.map((w) => w.process.exitCode), [0, 0]);
}

// A packed ES module app with top-level await (no app snapshot: it runs as
// a module) forks itself as a worker. Only under jspack (the packer sits
// next to the runtime).
function packedModuleApp() {
  const fs = require('fs');
  const os = require('os');
  const path = require('path');
  const jspack = path.join(path.dirname(process.execPath), 'jspack');
  if (!fs.existsSync(jspack)) return;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jspack-cluster-esm-'));
  try {
    fs.writeFileSync(path.join(dir, 'app.mjs'), [
      "import cluster from 'node:cluster';",
      "import net from 'node:net';",
      'await Promise.resolve();',
      'if (cluster.isPrimary) {',
      '  const w = cluster.fork();',
      "  w.on('listening', (a) => { console.log('listening', a.addressType); w.disconnect(); });",
      "  w.on('exit', (code) => console.log('exit', code, w.exitedAfterDisconnect));",
      '} else {',
      "  net.createServer().listen(0, '127.0.0.1');",
      '}',
      '',
    ].join('\n'));
    const app = path.join(dir, 'app');
    const packed = spawnSync(jspack, [path.join(dir, 'app.mjs'), '-o', app, '--libs=system'],
                             { encoding: 'utf8' });
    assert.strictEqual(packed.status, 0, packed.stderr);
    const run = spawnSync(app, [], { encoding: 'utf8', timeout: 20000 });
    assert.strictEqual(run.stdout, 'listening 4\nexit 0 true\n', run.stderr);
    assert.strictEqual(run.status, 0);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  if (process.env.CLUSTER_POLICY === 'none') {
    assert.strictEqual(cluster.schedulingPolicy, cluster.SCHED_NONE);
    await sharedPort('echo');
    await sharedPort('echo-any');
    console.log('SCHED_NONE ok');
    return;
  }
  assert.strictEqual(cluster.schedulingPolicy, cluster.SCHED_RR);
  const events = [];
  cluster.on('fork', (w) => events.push(`fork ${w.id}`));
  await sharedPort('echo');
  await sharedPort('echo-any');
  assert.deepStrictEqual(events.slice(0, 6), ['fork 1', 'fork 2', 'fork 3', 'fork 4', 'fork 5', 'fork 6']);
  await handToWorker();
  await noMessageLost();
  await sharedUdp();
  packedModuleApp();

  const sub = spawnSync(process.execPath, [...process.execArgv, __filename], {
    env: { ...process.env, CLUSTER_POLICY: 'none', NODE_CLUSTER_SCHED_POLICY: 'none' },
    encoding: 'utf8',
  });
  assert.strictEqual(sub.status, 0, sub.stderr);
  assert.strictEqual(sub.stdout, 'SCHED_NONE ok\n');
  console.log('cluster ok');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

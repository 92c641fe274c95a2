// Differential corpus for node:cluster. The primary runs the scenarios one
// after another; each forks workers that run this same file with
// CLUSTER_CASE naming their part, and report over IPC. Only the primary
// prints. Scenarios that need SCHED_NONE (fixed at the first fork) run in a
// second primary, this file again under CLUSTER_POLICY=none, whose records
// are passed through. Ports and pids are replaced by what is comparable.
'use strict';

const cluster = require('cluster');
const net = require('net');
const path = require('path');
const os = require('os');
const { spawnSync } = require('child_process');
const { makeEmit, attempt } = require('./lib/emit');

const scenario = process.env.CLUSTER_CASE;

function report(value) {
  process.send({ report: value });
}

// Worker parts, by scenario ---------------------------------------------------

const workerParts = {
  facts() {
    const keys = Object.keys(cluster).filter((k) => !k.startsWith('_'));
    const w = cluster.worker;
    report({
      keys,
      flags: [cluster.isPrimary, cluster.isMaster, cluster.isWorker],
      uniqueIdInEnv: 'NODE_UNIQUE_ID' in process.env,
      workerKeys: Object.keys(w),
      state: w.state,
      dead: w.isDead(),
      connected: w.isConnected(),
      same: w.process === process,
      idType: typeof w.id,
      argv: process.argv.slice(2),
    });
    report({ sendResult: w.send({ plain: true }) });
  },
  lifecycle() {
    const server = net.createServer((c) => c.end(`served by ${cluster.worker.id}`));
    server.listen(0, '127.0.0.1', () => report({ port: server.address().port }));
    process.on('message', (m) => {
      if (m === 'bye') cluster.worker.disconnect();
    });
    cluster.worker.on('disconnect', () => {
      // The channel is gone: what is left to say goes in the exit code.
      process.exitCode = 1;
    });
  },
  exitCode() {
    process.exit(7);
  },
  waitForKill() {
    report('ready');
  },
  shared() {
    const a = net.createServer((c) => c.end(`${cluster.worker.id}`));
    const b = net.createServer((c) => c.end(`${cluster.worker.id}`));
    let done = 0;
    const listened = () => {
      done++;
      if (done === 2) report({ a: a.address().port, b: b.address().port });
    };
    a.listen(0, '127.0.0.1', listened);
    b.listen(0, '127.0.0.1', listened);
  },
  exclusive() {
    const s = net.createServer();
    s.listen({ port: 0, host: '127.0.0.1', exclusive: true }, () => report({ port: s.address().port }));
  },
  portInUse() {
    const s = net.createServer();
    s.on('error', (err) => {
      report({ code: err.code, syscall: err.syscall, errno: err.errno,
               message: err.message.replace(/:\d+$/, ':PORT'), listening: s.listening });
      process.exit(0);
    });
    s.listen(Number(process.env.BUSY_PORT), '127.0.0.1');
  },
  pipe() {
    const file = path.join(os.tmpdir(), `jspack-cluster-${process.ppid}.sock`);
    const s = net.createServer();
    s.listen(file, () => {
      report({ address: s.address() === file });
      s.close(() => {
        report('closed');
        cluster.worker.disconnect();
      });
    });
  },
  closeServer() {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      s.close(() => {
        report({ closed: true, listening: s.listening });
        process.disconnect();
      });
    });
  },
  destroySelf() {
    cluster.worker.destroy();
  },
  disconnectTwice() {
    const errors = [];
    cluster.worker.on('error', () => {});
    process.on('error', (err) => errors.push([err.code, err.message]));
    process.on('disconnect', () => {
      process.disconnect();
      setImmediate(() => {
        cluster.worker.send('late', (err) => {
          errors.push([err && err.code, err && err.message]);
          // Nothing to report to any more: the exit code says it.
          process.exit(errors.length === 2 && errors[0][0] === 'ERR_IPC_DISCONNECTED' &&
            errors[1][0] === 'ERR_IPC_CHANNEL_CLOSED' ? 3 : 4);
        });
      });
    });
    const w = cluster.worker.disconnect();
    if (w !== cluster.worker) process.exit(5);
  },
  idle() {},
  udp() {
    const dgram = require('dgram');
    const s = dgram.createSocket('udp4');
    s.on('message', (m, r) => s.send(`${cluster.worker.id}`, r.port, r.address));
    s.on('error', (err) => {
      report({ code: err.code, syscall: err.syscall, message: err.message.replace(/:\d+$/, ':PORT') });
    });
    s.bind(Number(process.env.UDP_PORT || 0), '127.0.0.1', () => report({ port: s.address().port }));
  },
  udpHanded() {
    process.on('message', (m, socket) => {
      if (m !== 'udp') return;
      report({ type: socket.constructor.name, port: socket.address().port });
      socket.on('message', (data, r) => socket.send(`got ${data}`, r.port, r.address));
    });
    report('ready');
  },
};

if (cluster.isWorker) {
  workerParts[scenario]();
  return;
}

// Primary --------------------------------------------------------------------

const emitRecord = makeEmit();
const prefix = process.env.CLUSTER_POLICY === 'none' ? 'SCHED_NONE: ' : '';
const emit = (label, value) => emitRecord(prefix + label, value);

// Runs fork(env) and resolves with the worker's reports and its events.
function watch(worker, extra) {
  const events = [];
  const reports = [];
  for (const name of ['online', 'listening', 'disconnect', 'exit', 'error']) {
    worker.on(name, (...args) => {
      const entry = [name];
      if (name === 'listening') {
        entry.push(Object.keys(args[0]), args[0].addressType, typeof args[0].port);
      }
      if (name === 'exit') entry.push(args[0], args[1], worker.state, worker.exitedAfterDisconnect, worker.isDead(), worker.isConnected());
      if (name === 'error') entry.push(args[0] && args[0].code);
      events.push(entry);
    });
  }
  worker.on('message', (message) => {
    if (message && message.report !== undefined) reports.push(message.report);
    else events.push(['message', message]);
    if (extra) extra(message);
  });
  return new Promise((resolve) => {
    worker.on('exit', () => setImmediate(() => resolve({ events, reports })));
  });
}

function fork(name, env) {
  return cluster.fork({ CLUSTER_CASE: name, ...env });
}

function connectText(port) {
  return new Promise((resolve, reject) => {
    let text = '';
    const c = net.connect(port, '127.0.0.1');
    c.setEncoding('utf8');
    c.on('data', (d) => { text += d; });
    c.on('end', () => resolve(text));
    c.on('error', reject);
  });
}

async function settings() {
  emit('settings before setup', cluster.settings);
  emit('flags', [cluster.isPrimary, cluster.isMaster, cluster.isWorker]);
  emit('constants', [cluster.SCHED_NONE, cluster.SCHED_RR, cluster.schedulingPolicy]);
  emit('workers empty', Object.keys(cluster.workers));
  emit('keys', Object.keys(cluster).filter((k) => !k.startsWith('_')));
  const setups = [];
  cluster.on('setup', (s) => setups.push(Object.keys(s)));
  cluster.setupPrimary();
  const s = cluster.settings;
  emit('defaults', [Object.keys(s), s.exec === process.argv[1], s.args, s.silent,
                    s.execArgv === process.execArgv]);
  cluster.setupPrimary({ args: ['one', 'two'] });
  cluster.setupMaster({ silent: false });
  emit('cumulative', [cluster.settings.args, Object.keys(cluster.settings)]);
  emit('setup sync', setups.length);
  await new Promise((r) => setImmediate(r));
  emit('setup events', setups);
  emit('setupPrimary number', attempt(() => cluster.setupPrimary(5)));
  emit('Worker', [typeof cluster.Worker, Object.keys(new cluster.Worker()),
                  new cluster.Worker({ id: '3', state: 'x' }).id]);
  cluster.setupPrimary({ args: [] });
}

async function facts() {
  const order = [];
  cluster.once('fork', (w) => order.push(['fork', w.id, w.state]));
  cluster.once('online', (w) => order.push(['online', w.id, w.state]));
  const worker = fork('facts');
  order.push(['forked', worker.id, worker.state, Object.keys(worker), worker.isDead(),
              worker.isConnected(), cluster.workers[worker.id] === worker]);
  const messages = [];
  cluster.on('message', function onMessage(w, message, handle) {
    messages.push([w === worker, message.report ? 'report' : message, handle]);
    if (message.plain) cluster.off('message', onMessage);
  });
  const done = watch(worker, (m) => {
    if (m && m.report && m.report.sendResult !== undefined) worker.kill();
  });
  const { events, reports } = await done;
  emit('worker view', reports);
  emit('facts events', events);
  emit('facts order', order);
  emit('cluster messages', messages);
  emit('workers after', Object.keys(cluster.workers));
}

async function lifecycle() {
  const seen = [];
  for (const name of ['fork', 'online', 'listening', 'disconnect', 'exit']) {
    cluster.on(name, function record(w, ...rest) {
      seen.push([name, w.id, name === 'listening' ? rest[0].address : rest]);
      if (name === 'exit') cluster.off(name, record);
    });
  }
  const worker = fork('lifecycle');
  let served;
  const done = watch(worker, async (m) => {
    if (m && m.report && m.report.port) {
      served = await connectText(m.report.port);
      worker.send('bye');
    }
  });
  const { events, reports } = await done;
  emit('lifecycle served', served && served.replace(/\d+$/, 'N'));
  emit('lifecycle events', events);
  emit('lifecycle reports', reports.map((r) => (typeof r === 'string' ? r : Object.keys(r))));
  emit('lifecycle cluster events', seen.filter((e) => e[1] === worker.id).map((e) => [e[0], e[2]]));
}

async function exits() {
  const a = await watch(fork('exitCode'));
  emit('process.exit(7)', a.events);
  const w = fork('waitForKill');
  const b = await watch(w, (m) => {
    if (m && m.report === 'ready') w.kill('SIGKILL');
  });
  emit('kill SIGKILL', b.events.filter((e) => e[0] === 'exit'));
  const w2 = fork('waitForKill');
  const c = await watch(w2, (m) => {
    if (m && m.report === 'ready') w2.process.kill();
  });
  emit('process.kill', c.events.filter((e) => e[0] === 'exit'));
  const w3 = fork('waitForKill');
  const d = await watch(w3, (m) => {
    if (m && m.report === 'ready') w3.disconnect();
  });
  emit('primary disconnect()', d.events);
  const e = await watch(fork('destroySelf'));
  emit('worker destroy()', e.events);
  const f = await watch(fork('disconnectTwice'));
  emit('worker disconnect twice', f.events);
  const w4 = fork('idle');
  const late = await new Promise((resolve) => {
    w4.on('exit', () => {
      w4.send('x', (err) => resolve([err && err.code, err && err.message]));
    });
    w4.on('online', () => w4.kill());
  });
  emit('send after exit', late);
}

async function shared() {
  const workers = [fork('shared'), fork('shared')];
  const results = await new Promise((resolve) => {
    const got = [];
    for (const w of workers) {
      w.on('message', (m) => {
        if (m && m.report) got.push(m.report);
        if (got.length === 2) resolve(got);
      });
    }
  });
  emit('same n-th listen, same port', [results[0].a === results[1].a, results[0].b === results[1].b,
                                       results[0].a === results[0].b]);
  const servedBy = [];
  for (let i = 0; i < 4; i++) servedBy.push(await connectText(results[0].a));
  // With SCHED_NONE the kernel picks the accepting worker.
  if (cluster.schedulingPolicy === cluster.SCHED_RR) emit('served by both', [...new Set(servedBy)].sort());
  await new Promise((resolve) => cluster.disconnect(resolve));
  emit('after disconnect', [Object.keys(cluster.workers), workers.map((w) => w.exitedAfterDisconnect)]);
  await new Promise((resolve) => setTimeout(resolve, 50));
}

async function exclusive() {
  const workers = [fork('exclusive'), fork('exclusive')];
  const ports = await Promise.all(workers.map((w) => new Promise((resolve) => {
    w.on('message', (m) => resolve(m.report.port));
  })));
  emit('exclusive ports differ', ports[0] !== ports[1]);
  await Promise.all(workers.map((w) => new Promise((resolve) => {
    w.on('exit', resolve);
    w.kill();
  })));
}

async function portInUse() {
  const busy = net.createServer();
  await new Promise((resolve) => busy.listen(0, '127.0.0.1', resolve));
  const r = await watch(fork('portInUse', { BUSY_PORT: String(busy.address().port) }));
  emit(`port in use (${cluster.schedulingPolicy})`, r);
  busy.close();
}

async function pipe() {
  const r = await watch(fork('pipe'));
  emit('pipe', r);
}

async function closeServer() {
  const r = await watch(fork('closeServer'));
  emit('close then process.disconnect', r);
}

async function udp() {
  const dgram = require('dgram');
  const workers = [fork('udp'), fork('udp')];
  const listened = workers.map((w) => new Promise((resolve) => {
    w.once('listening', (a) => resolve([Object.keys(a), a.addressType, a.address, a.fd, w.state]));
  }));
  const ports = await Promise.all(workers.map(firstReport));
  emit('udp: one port for both', ports[0].port === ports[1].port);
  emit('udp: listening', await Promise.all(listened));
  const busy = await firstReport(fork('udp', { UDP_PORT: String(ports[0].port) }));
  emit('udp: port held by others', busy);
  const client = dgram.createSocket('udp4');
  const answer = await new Promise((resolve) => {
    client.once('message', (m) => resolve(typeof `${m}`));
    client.send('x', ports[0].port, '127.0.0.1');
  });
  emit('udp: answered', answer);
  client.close();
  await new Promise((resolve) => cluster.disconnect(resolve));
  await new Promise((resolve) => setTimeout(resolve, 50));

  // A dgram socket sent to a worker like any handle.
  const w = fork('udpHanded');
  await firstReport(w);
  const own = dgram.createSocket('udp4');
  await new Promise((resolve) => own.bind(0, '127.0.0.1', resolve));
  const got = new Promise((resolve) => w.once('message', (m) => resolve(m.report)));
  w.send('udp', own);
  const seen = await got;
  emit('udp: handed socket', [seen.type, seen.port === own.address().port]);
  own.close();
  const reply = await new Promise((resolve) => {
    const c = dgram.createSocket('udp4');
    c.once('message', (m) => {
      c.close();
      resolve(`${m}`);
    });
    c.send('y', seen.port, '127.0.0.1');
  });
  emit('udp: handed socket answers', reply);
  w.kill();
  await new Promise((resolve) => w.once('exit', resolve));
}

function firstReport(worker) {
  return new Promise((resolve) => {
    const onMessage = (m) => {
      if (m && m.report !== undefined) {
        worker.off('message', onMessage);
        resolve(m.report);
      }
    };
    worker.on('message', onMessage);
  });
}

async function disconnectNone() {
  let called = 0;
  await new Promise((resolve) => cluster.disconnect(() => {
    called++;
    resolve();
  }));
  emit('disconnect with no workers', called);
}

async function primary() {
  await settings();
  await facts();
  await lifecycle();
  await exits();
  await shared();
  await exclusive();
  await portInUse();
  await pipe();
  await closeServer();
  await udp();
  await disconnectNone();
  const sub = spawnSync(process.execPath, [...process.execArgv, __filename],
                        { env: { ...process.env, CLUSTER_POLICY: 'none', NODE_CLUSTER_SCHED_POLICY: 'none' } });
  process.stdout.write(sub.stdout);
  emit('SCHED_NONE primary exit', [sub.status, sub.signal, sub.stderr.toString()]);
}

async function primaryNone() {
  emit('none policy', cluster.schedulingPolicy);
  await shared();
  await portInUse();
  await pipe();
  await closeServer();
}

(process.env.CLUSTER_POLICY === 'none' ? primaryNone : primary)();

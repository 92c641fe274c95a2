'use strict';
// node:worker_threads with real threads: round trips, workerData, transfer
// of ArrayBuffers and ports, MessageChannel details, errors and
// process.exit in workers, terminate() of a busy worker, resource limits,
// stdout from workers, and many workers in a row. Each step starts when
// the previous one's events arrived; nothing waits on the clock.
const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const {
  Worker, MessageChannel, MessagePort, BroadcastChannel, isMainThread,
  threadId, parentPort, workerData, receiveMessageOnPort,
  markAsUntransferable, SHARE_ENV, setEnvironmentData, getEnvironmentData,
} = require('worker_threads');

assert.strictEqual(isMainThread, true);
assert.strictEqual(threadId, 0);
assert.strictEqual(parentPort, null);
assert.strictEqual(workerData, null);
assert.strictEqual(typeof SHARE_ENV, 'symbol');
assert.strictEqual(globalThis.MessageChannel, MessageChannel);
assert.strictEqual(globalThis.MessagePort, MessagePort);
assert.strictEqual(globalThis.BroadcastChannel, BroadcastChannel);

// Synchronous checks of the API surface.
assert.throws(() => new MessagePort(), { code: 'ERR_CONSTRUCT_CALL_INVALID' });
assert.throws(() => new Worker('nope.js'), { code: 'ERR_WORKER_PATH' });
assert.throws(() => new Worker(1), { code: 'ERR_INVALID_ARG_TYPE' });
{
  const { port1, port2 } = new MessageChannel();
  assert.ok(port1 instanceof EventTarget);
  assert.throws(() => port1.postMessage(port2), {
    code: 'ERR_MISSING_TRANSFERABLE_IN_TRANSFER_LIST',
  });
  assert.throws(() => port1.postMessage(1, [port1]), { name: 'DataCloneError' });
  assert.throws(() => port1.postMessage(() => 1), { name: 'DataCloneError' });
  // Untransferable buffers are copied, not moved.
  const kept = new ArrayBuffer(8);
  markAsUntransferable(kept);
  port1.postMessage(kept, [kept]);
  assert.strictEqual(kept.byteLength, 8);
  const moved = new ArrayBuffer(4);
  port1.postMessage(moved, [moved]);
  assert.strictEqual(moved.byteLength, 0);
  assert.strictEqual(receiveMessageOnPort(port2).message.byteLength, 8);
  assert.strictEqual(receiveMessageOnPort(port2).message.byteLength, 4);
  assert.strictEqual(receiveMessageOnPort(port2), undefined);
  port1.close();
  port2.close();
}

const steps = [];
function step(name, fn) {
  steps.push({ name, fn });
}
const passed = [];
let current = null;
function next() {
  const s = steps.shift();
  current = s === undefined ? null : s.name;
  if (s === undefined) {
    console.log(`worker_threads: ${passed.length} async steps passed`);
    return;
  }
  s.fn(() => {
    passed.push(s.name);
    next();
  });
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jspack-worker-'));
process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));

step('eval worker: online, workerData, argv, round trip, exit 0', (done) => {
  const events = [];
  const w = new Worker(`
    const { parentPort, workerData, isMainThread, threadId } =
      require('worker_threads');
    parentPort.postMessage({ isMainThread, threadId, workerData,
      argv: process.argv.slice(2) });
    parentPort.on('message', (m) => {
      if (m === 'bye') { parentPort.close(); return; }
      parentPort.postMessage(m * 2);
    });
  `, { eval: true, workerData: { a: [1, 2], m: new Map([[1, 2]]) },
    argv: ['x', 3] });
  assert.ok(w.threadId > 0);
  const id = w.threadId;
  w.on('online', () => events.push('online'));
  w.on('message', (m) => {
    if (typeof m === 'object') {
      assert.strictEqual(m.isMainThread, false);
      assert.strictEqual(m.threadId, id);
      assert.deepStrictEqual(m.workerData.a, [1, 2]);
      assert.strictEqual(m.workerData.m.get(1), 2);
      assert.deepStrictEqual(m.argv, ['x', '3']);
      events.push('info');
      w.postMessage(21);
    } else {
      assert.strictEqual(m, 42);
      events.push('reply');
      w.postMessage('bye');
    }
  });
  w.on('exit', (code) => {
    assert.strictEqual(code, 0);
    assert.deepStrictEqual(events, ['online', 'info', 'reply']);
    assert.strictEqual(w.threadId, -1);
    done();
  });
});

step('file worker runs a script by path', (done) => {
  const file = path.join(tmp, 'w.js');
  fs.writeFileSync(file, `
    const { parentPort } = require('worker_threads');
    parentPort.postMessage(require('path').basename(__filename));
  `);
  const w = new Worker(file);
  let got;
  w.on('message', (m) => { got = m; });
  w.on('exit', (code) => {
    assert.strictEqual(code, 0);
    assert.strictEqual(got, 'w.js');
    done();
  });
});

step('file worker loads its own modules; .mjs runs as ESM', (done) => {
  fs.writeFileSync(path.join(tmp, 'dep.js'), 'module.exports = 6 * 7;');
  const cjs = path.join(tmp, 'uses-dep.js');
  fs.writeFileSync(cjs, `
    require('worker_threads').parentPort.postMessage(require('./dep'));
  `);
  const esm = path.join(tmp, 'esm.mjs');
  fs.writeFileSync(esm, `
    import { parentPort } from 'worker_threads';
    parentPort.postMessage(typeof require + ' ' + import.meta.url.slice(-7));
  `);
  const got = [];
  const first = new Worker(cjs);
  first.on('message', (m) => got.push(m));
  first.on('exit', () => {
    const second = new Worker(new URL(`file://${esm}`));
    second.on('message', (m) => got.push(m));
    second.on('exit', (code) => {
      assert.strictEqual(code, 0);
      assert.deepStrictEqual(got, [42, 'undefined esm.mjs']);
      done();
    });
  });
});

step('a missing worker file is an error event (MODULE_NOT_FOUND)', (done) => {
  const w = new Worker(path.join(tmp, 'missing.js'));
  let code;
  w.on('error', (err) => { code = err.code; });
  w.on('exit', (exitCode) => {
    assert.strictEqual(exitCode, 1);
    assert.strictEqual(code, 'MODULE_NOT_FOUND');
    done();
  });
});

step('transfer detaches the sender\'s buffer; the worker owns it', (done) => {
  const w = new Worker(`
    const { parentPort } = require('worker_threads');
    parentPort.once('message', (buf) => {
      const view = new Uint8Array(buf);
      view[0] += 1;
      parentPort.postMessage(buf, [buf]);
      parentPort.postMessage(buf.byteLength);
    });
  `, { eval: true });
  const buf = new Uint8Array([41, 2, 3]).buffer;
  w.postMessage(buf, [buf]);
  assert.strictEqual(buf.byteLength, 0);
  const got = [];
  w.on('message', (m) => got.push(m));
  w.on('exit', () => {
    assert.strictEqual(new Uint8Array(got[0])[0], 42);
    assert.strictEqual(got[0].byteLength, 3);
    assert.strictEqual(got[1], 0);
    done();
  });
});

step('a port passed to a worker carries messages both ways', (done) => {
  const { port1, port2 } = new MessageChannel();
  const w = new Worker(`
    const { workerData } = require('worker_threads');
    const port = workerData.port;
    port.on('message', (m) => {
      port.postMessage('echo ' + m);
      port.close();
    });
  `, { eval: true, workerData: { port: port2 }, transferList: [port2] });
  const seen = [];
  port1.on('message', (m) => seen.push(m));
  port1.on('close', () => seen.push('close'));
  port1.postMessage('ping');
  w.on('exit', (code) => {
    assert.strictEqual(code, 0);
    // 'close' may trail the exit: wait for both.
    const check = () => {
      if (seen.length < 2) return setImmediate(check);
      assert.deepStrictEqual(seen, ['echo ping', 'close']);
      done();
    };
    check();
  });
});

step('MessagePort: addEventListener, onmessage, close on both ends', (done) => {
  const { port1, port2 } = new MessageChannel();
  const seen = [];
  port2.addEventListener('message', (e) => {
    seen.push(['event', e.data, e.target === port2]);
  });
  port2.onmessage = (e) => seen.push(['onmessage', e.data]);
  let closes = 0;
  const closed = () => {
    if (++closes === 2) {
      assert.deepStrictEqual(seen, [['event', 'x', true], ['onmessage', 'x']]);
      done();
    }
  };
  port1.on('close', closed);
  port2.on('close', closed);
  port1.postMessage('x');
  port2.once('message', () => port1.close());
});

step('an uncaught error is the Worker\'s error event, exit code 1', (done) => {
  const w = new Worker('null; throw new RangeError("boom in worker")',
                       { eval: true });
  const events = [];
  w.on('error', (err) => {
    assert.ok(err instanceof RangeError);
    assert.strictEqual(err.message, 'boom in worker');
    assert.match(err.stack, /RangeError: boom in worker/);
    events.push('error');
  });
  w.on('exit', (code) => {
    assert.strictEqual(code, 1);
    assert.deepStrictEqual(events, ['error']);
    done();
  });
});

step('process.exit in a worker ends only the worker', (done) => {
  const w = new Worker(`
    process.on('exit', (c) => require('worker_threads').parentPort
      .postMessage('exit event ' + c));
    process.exit(5);
    require('worker_threads').parentPort.postMessage('not reached');
  `, { eval: true });
  const got = [];
  w.on('message', (m) => got.push(m));
  w.on('exit', (code) => {
    assert.strictEqual(code, 5);
    assert.deepStrictEqual(got, ['exit event 5']);
    done();
  });
});

step('terminate() stops a busy while(true) worker', (done) => {
  const w = new Worker('require("worker_threads").parentPort.postMessage(1);' +
                       'while (true) {}', { eval: true });
  w.once('message', () => {
    w.terminate().then((code) => {
      assert.strictEqual(code, 1);
      done();
    });
  });
});

step('resourceLimits: a worker over its heap limit stops with ' +
     'ERR_WORKER_OUT_OF_MEMORY', (done) => {
  const w = new Worker(`
    const keep = [];
    while (true) keep.push(new Array(10000).fill({ x: keep.length }));
  `, { eval: true, resourceLimits: { maxOldGenerationSizeMb: 16 } });
  let error;
  w.on('error', (err) => { error = err; });
  w.on('exit', (code) => {
    assert.strictEqual(code, 1);
    assert.strictEqual(error.code, 'ERR_WORKER_OUT_OF_MEMORY');
    done();
  });
});

step('env is a copy unless SHARE_ENV; environment data is inherited',
     (done) => {
  process.env.JSPACK_WORKER_TEST = 'parent';
  setEnvironmentData('k', { v: 1 });
  const w = new Worker(`
    const { parentPort, getEnvironmentData } = require('worker_threads');
    parentPort.postMessage([process.env.JSPACK_WORKER_TEST,
      getEnvironmentData('k')]);
    process.env.JSPACK_WORKER_TEST = 'worker';
  `, { eval: true });
  let got;
  w.on('message', (m) => { got = m; });
  w.on('exit', () => {
    assert.deepStrictEqual(got, ['parent', { v: 1 }]);
    assert.strictEqual(process.env.JSPACK_WORKER_TEST, 'parent');
    assert.deepStrictEqual(getEnvironmentData('k'), { v: 1 });
    const shared = new Worker(
      'process.env.JSPACK_WORKER_TEST = "shared";',
      { eval: true, env: SHARE_ENV });
    shared.on('exit', () => {
      assert.strictEqual(process.env.JSPACK_WORKER_TEST, 'shared');
      done();
    });
  });
});

step('stdout: true gives the worker\'s output to worker.stdout', (done) => {
  const w = new Worker('console.log("from worker"); process.stdout.write("2\\n")',
                       { eval: true, stdout: true });
  let text = '';
  w.stdout.on('data', (chunk) => { text += chunk; });
  w.stdout.on('end', () => {
    assert.strictEqual(text, 'from worker\n2\n');
    done();
  });
});

step('without stdout: true the output goes through the parent, in order, ' +
     'and none is lost at process.exit', (done) => {
  // A real process: its stdout must hold the worker's lines, then the
  // parent's 'exit' line; worker.stdout sees the same while it is read.
  const { spawn } = require('child_process');
  const script = `
    const { Worker } = require('worker_threads');
    const w = new Worker(\`
      for (let i = 0; i < 300; i++) console.log('line ' + i);
      console.error('to stderr');
      process.stdout.write('no newline');
      process.exit(0);\`, { eval: true });
    let seen = 0;
    w.stdout.on('data', (d) => { seen += d.length; });
    w.on('exit', (code) => console.log('|exit ' + code + ' seen ' + seen));`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => { out += d; });
  child.stderr.on('data', (d) => { err += d; });
  child.on('close', (code) => {
    assert.strictEqual(code, 0);
    const lines = Array.from({ length: 300 }, (_, i) => `line ${i}\n`).join('');
    const size = Buffer.byteLength(`${lines}no newline`);
    assert.strictEqual(out, `${lines}no newline|exit 0 seen ${size}\n`);
    assert.strictEqual(err, 'to stderr\n');
    done();
  });
});

step('stdin: true feeds the worker\'s process.stdin', (done) => {
  const w = new Worker(`
    let text = '';
    process.stdin.on('data', (d) => { text += d; });
    process.stdin.on('end', () =>
      require('worker_threads').parentPort.postMessage(text));
  `, { eval: true, stdin: true });
  let got;
  w.on('message', (m) => { got = m; });
  w.on('online', () => {
    w.stdin.write('ab');
    w.stdin.end('c');
  });
  w.on('exit', (code) => {
    assert.strictEqual(code, 0);
    assert.strictEqual(got, 'abc');
    done();
  });
});

step('BroadcastChannel reaches a worker and back', (done) => {
  const bc = new BroadcastChannel('jspack-test');
  const w = new Worker(`
    const bc = new BroadcastChannel('jspack-test');
    bc.onmessage = (e) => { bc.postMessage('got ' + e.data); bc.close(); };
    require('worker_threads').parentPort.postMessage('ready');
  `, { eval: true });
  w.on('message', () => bc.postMessage('hello'));
  bc.onmessage = (e) => {
    assert.strictEqual(e.data, 'got hello');
    bc.close();
    done();
  };
});

step('unref: an unref\'d worker does not keep the process alive', (done) => {
  const w = new Worker('setInterval(() => {}, 1000)', { eval: true });
  w.unref();
  w.ref();
  w.once('online', () => w.terminate().then(() => done()));
});

step('many workers in a row', (done) => {
  let left = 20;
  const one = () => {
    const w = new Worker(
      'require("worker_threads").parentPort.postMessage(new Uint8Array(1e5))',
      { eval: true });
    let got = 0;
    w.on('message', (m) => { got = m.length; });
    w.on('exit', (code) => {
      assert.strictEqual(code, 0);
      assert.strictEqual(got, 1e5);
      if (--left === 0) done();
      else one();
    });
  };
  one();
});

next();
process.on('exit', (code) => {
  if (code === 0 && current !== null) {
    console.error(`unfinished: ${current}`);
    process.exitCode = 1;
  }
});

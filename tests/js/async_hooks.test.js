'use strict';
// node:async_hooks: AsyncLocalStorage through promises, ticks, timers, fs,
// a real TCP connection and a real child process; AsyncResource; createHook
// events for our resources; EventEmitterAsyncResource.
const assert = require('assert');
const {
  AsyncLocalStorage, AsyncResource, createHook, executionAsyncId,
  triggerAsyncId, executionAsyncResource,
} = require('async_hooks');
const { EventEmitterAsyncResource } = require('events');
const fs = require('fs');
const net = require('net');
const dns = require('dns');
const { spawn } = require('child_process');

const als = new AsyncLocalStorage();
const seen = new Map();
const pending = [];
function expectStore(tag, want) {
  let resolve;
  pending.push(new Promise((r) => { resolve = r; }));
  return () => {
    seen.set(tag, als.getStore());
    assert.strictEqual(als.getStore(), want, tag);
    resolve();
  };
}

assert.strictEqual(als.getStore(), undefined);
assert.strictEqual(als.run(7, (a, b) => a + b + als.getStore(), 1, 2), 10);
assert.strictEqual(als.getStore(), undefined);

als.run('A', () => {
  setTimeout(expectStore('timeout', 'A'), 1);
  setImmediate(expectStore('immediate', 'A'));
  process.nextTick(expectStore('tick', 'A'));
  queueMicrotask(expectStore('microtask', 'A'));
  Promise.resolve().then(expectStore('then', 'A'));
  const done = expectStore('await', 'A');
  (async () => {
    await null;
    await new Promise((r) => setTimeout(r, 1));
    done();
  })();
  fs.readFile(__filename, expectStore('fs callback', 'A'));
  fs.promises.stat(__filename).then(expectStore('fs promise', 'A'));
  dns.lookup('127.0.0.1', expectStore('dns', 'A'));
  const iv = setInterval(() => {
    expectStore('interval', 'A')();
    clearInterval(iv);
  }, 1);
  // Nested run and exit.
  als.run('B', () => setTimeout(expectStore('nested', 'B'), 1));
  als.exit(() => setTimeout(expectStore('exit', undefined), 1));
  // snapshot() and bind() carry the context to code run elsewhere.
  const snap = AsyncLocalStorage.snapshot();
  const bound = AsyncLocalStorage.bind(() => als.getStore());
  als.run('C', () => {
    assert.strictEqual(snap(() => als.getStore()), 'A');
    assert.strictEqual(bound(), 'A');
  });
});

// enterWith holds for the rest of the callback, not beyond it.
setTimeout(() => {
  als.enterWith('E');
  setTimeout(expectStore('enterWith', 'E'), 1);
}, 1);
setTimeout(expectStore('outside', undefined), 2);

// A socket's events see the context current when it was made; the
// server's connection handler sees the server's.
{
  const doneConn = expectStore('connection', 'S');
  const doneConnect = expectStore('connect', 'K');
  const doneData = expectStore('client data', 'K');
  const doneClose = expectStore('client close', 'K');
  als.run('S', () => {
    const server = net.createServer((sock) => {
      doneConn();
      sock.end('hello');
    });
    server.listen(0, '127.0.0.1', () => {
      als.run('K', () => {
        const c = net.connect(server.address().port, '127.0.0.1', doneConnect);
        c.on('data', doneData);
        c.on('close', () => {
          doneClose();
          server.close();
        });
      });
    });
  });
}

// A child process: exit and stdout events in the spawning context.
{
  const doneOut = expectStore('child stdout', 'P');
  const doneExit = expectStore('child exit', 'P');
  als.run('P', () => {
    const child = spawn(process.execPath, ['-e', 'console.log(1)']);
    child.stdout.once('data', doneOut);
    child.on('exit', (code) => {
      assert.strictEqual(code, 0);
      doneExit();
    });
  });
}

// A child that is killed still reports in its context.
{
  const doneKilled = expectStore('child killed', 'Q');
  als.run('Q', () => {
    const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)']);
    child.on('exit', (code, signal) => {
      assert.strictEqual(signal, 'SIGKILL');
      doneKilled();
    });
    child.kill('SIGKILL');
  });
}

// disable(): the store is gone until the next run.
{
  const other = new AsyncLocalStorage();
  other.enterWith(1);
  assert.strictEqual(other.getStore(), 1);
  other.disable();
  assert.strictEqual(other.getStore(), undefined);
  assert.strictEqual(other.run(2, () => other.getStore()), 2);
}

// AsyncResource: its own id, scope and bind.
{
  const r = new AsyncResource('MY_RESOURCE');
  assert.strictEqual(typeof r.asyncId(), 'number');
  assert.strictEqual(r.triggerAsyncId(), executionAsyncId());
  r.runInAsyncScope(function(x) {
    assert.strictEqual(executionAsyncId(), r.asyncId());
    assert.strictEqual(triggerAsyncId(), r.triggerAsyncId());
    assert.strictEqual(executionAsyncResource(), r);
    assert.strictEqual(this.t, 1);
    assert.strictEqual(x, 2);
  }, { t: 1 }, 2);
  const fn = r.bind(function(a, b) { return executionAsyncId(); });
  assert.strictEqual(fn.length, 2);
  assert.strictEqual(fn(), r.asyncId());
  assert.strictEqual(r.emitDestroy(), r);
  assert.throws(() => new AsyncResource(1), { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => new AsyncResource('X', { triggerAsyncId: -2 }), {
    code: 'ERR_INVALID_ASYNC_ID',
    message: 'Invalid triggerAsyncId value: -2',
  });
  assert.throws(() => AsyncResource.bind(1), { code: 'ERR_INVALID_ARG_TYPE' });
  const withStore = als.run('R', () => new AsyncResource('R'));
  assert.strictEqual(withStore.runInAsyncScope(() => als.getStore()), 'R');
}

// EventEmitterAsyncResource: listeners run in the emitter's context.
{
  const ee = als.run('EE', () => new EventEmitterAsyncResource({ name: 'X' }));
  let inListener;
  ee.on('ev', () => { inListener = als.getStore(); });
  ee.emit('ev');
  assert.strictEqual(inListener, 'EE');
  assert.strictEqual(typeof ee.asyncId, 'number');
  assert.ok(ee.asyncResource instanceof AsyncResource);
  ee.emitDestroy();
}

// createHook: init/before/after/destroy for a Timeout and an fs request,
// promiseResolve for promises.
assert.throws(() => createHook({ init: 1 }), {
  code: 'ERR_ASYNC_CALLBACK', message: 'hook.init must be a function',
});
{
  const types = new Map();
  const events = [];
  let resolved = 0;
  const hook = createHook({
    init(id, type, trigger, resource) {
      types.set(id, type);
      events.push(`init ${type}`);
    },
    before(id) { events.push(`before ${types.get(id)}`); },
    after(id) { events.push(`after ${types.get(id)}`); },
    destroy(id) { events.push(`destroy ${types.get(id)}`); },
    promiseResolve() { resolved++; },
  });
  assert.strictEqual(hook.enable(), hook);
  const finished = expectStore('hooks', undefined);
  setTimeout(() => {
    const timeoutId = executionAsyncId();
    assert.strictEqual(types.get(timeoutId), 'Timeout');
    fs.stat(__filename, () => {
      assert.strictEqual(types.get(executionAsyncId()), 'FSREQCALLBACK');
      Promise.resolve(1).then(() => {
        setImmediate(() => {
          hook.disable();
          assert.ok(events.includes('init Timeout'));
          assert.ok(events.includes('before Timeout'));
          assert.ok(events.includes('after Timeout'));
          assert.ok(events.includes('destroy Timeout'));
          assert.ok(events.includes('init FSREQCALLBACK'));
          assert.ok(events.includes('init PROMISE'));
          assert.ok(resolved > 0);
          finished();
        });
      });
    });
  }, 1);
}

process.on('exit', () => {
  assert.strictEqual(seen.size, pending.length, [...seen.keys()].join(','));
  console.log(`async_hooks: ok (${seen.size} contexts checked)`);
});

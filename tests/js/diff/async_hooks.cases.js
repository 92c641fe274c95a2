'use strict';
// Differential corpus for node:async_hooks: which AsyncLocalStorage value
// each kind of callback sees (timers, ticks, microtasks, promises, await,
// fs, a TCP connection, a child process, EventEmitterAsyncResource), the
// exports, and the errors for bad arguments.

const {
  AsyncLocalStorage, AsyncResource, createHook, executionAsyncId,
} = require('async_hooks');
const { EventEmitterAsyncResource } = require('events');
const fs = require('fs');
const net = require('net');
const { spawn } = require('child_process');
const { makeEmit, attempt } = require('./lib/emit');

const emit = makeEmit();
const als = new AsyncLocalStorage();
const results = {};
const note = (tag) => { results[tag] = als.getStore() ?? null; };

emit('exports', Object.keys(require('async_hooks')));
emit('store outside', als.getStore() ?? null);
emit('run result', als.run('r', (a, b) => [a, b, als.getStore()], 1, 2));
emit('exit result', als.run('r', () => als.exit(() => als.getStore() ?? null)));
emit('errors', [
  attempt(() => createHook({ before: 'x' })),
  attempt(() => new AsyncResource()),
  attempt(() => new AsyncResource('T', { triggerAsyncId: -5 })),
  attempt(() => new AsyncResource('T', { triggerAsyncId: 1.5 })),
  attempt(() => AsyncResource.bind(null)),
  attempt(() => new AsyncResource('T').bind(5)),
  attempt(() => new EventEmitterAsyncResource()),
  attempt(() => new EventEmitterAsyncResource({ name: 3 })),
].map((r) => r[0] === 'ok' ? 'ok' : r));

als.run('A', () => {
  setTimeout(() => note('timeout'), 1);
  setImmediate(() => note('immediate'));
  process.nextTick(() => note('nextTick'));
  queueMicrotask(() => note('queueMicrotask'));
  Promise.resolve().then(() => note('then'));
  Promise.reject(new Error('x')).catch(() => note('catch'));
  (async () => {
    await undefined;
    note('await 1');
    await new Promise((r) => setImmediate(r));
    note('await 2');
  })();
  fs.stat(__filename, () => note('fs.stat'));
  fs.readFile(__filename, () => note('fs.readFile'));
  fs.promises.readFile(__filename).then(() => note('fs.promises'));
  const iv = setInterval(() => { note('setInterval'); clearInterval(iv); }, 1);
  als.run('B', () => setTimeout(() => note('nested run'), 1));
  const ee = new EventEmitterAsyncResource({ name: 'E' });
  setTimeout(() => als.run('other', () => {
    ee.on('x', () => note('EventEmitterAsyncResource'));
    ee.emit('x');
  }), 1);
  const res = new AsyncResource('R');
  setTimeout(() => als.run('other', () =>
    res.runInAsyncScope(() => note('runInAsyncScope'))), 1);
  const bound = AsyncResource.bind(() => note('AsyncResource.bind'));
  setTimeout(() => als.run('other', bound), 1);
  const snap = AsyncLocalStorage.snapshot();
  setTimeout(() => als.run('other', () => snap(() => note('snapshot'))), 1);
});

als.run('S', () => {
  const server = net.createServer((sock) => {
    note('connection');
    sock.on('data', () => { note('server data'); sock.end('bye'); });
  });
  server.listen(0, '127.0.0.1', () => {
    note('listening');
    als.run('C', () => {
      const c = net.connect(server.address().port, '127.0.0.1', () => {
        note('connect');
        c.write('hi');
      });
      c.on('data', () => note('client data'));
      c.on('end', () => note('client end'));
      c.on('close', () => {
        note('client close');
        server.close(() => note('server close'));
      });
    });
  });
});

als.run('P', () => {
  const child = spawn(process.execPath, ['-e', 'process.stdout.write("x")']);
  child.stdout.on('data', () => note('child stdout'));
  child.on('exit', () => note('child exit'));
  child.on('close', () => note('child close'));
});

// createHook: the kinds of resources and the order of events for a timer.
{
  const kinds = new Map();
  const order = [];
  let mine = 0;
  const hook = createHook({
    init(id, type) { kinds.set(id, type); },
    before(id) { if (kinds.get(id) === 'Timeout') order.push('before'); },
    after(id) { if (kinds.get(id) === 'Timeout') order.push('after'); },
    destroy(id) { if (kinds.get(id) === 'Timeout') order.push('destroy'); },
  });
  hook.enable();
  setTimeout(() => {
    mine = executionAsyncId();
    order.push('callback');
    setImmediate(() => setImmediate(() => {
      hook.disable();
      results['hook order'] = order;
      results['hook timer type'] = kinds.get(mine);
      results['hook kinds'] = [...new Set(kinds.values())].filter((k) =>
        ['Timeout', 'Immediate', 'PROMISE', 'TickObject'].includes(k)).sort();
    }));
  }, 1);
  Promise.resolve().then(() => {});
  process.nextTick(() => {});
}

process.on('exit', () => {
  for (const key of Object.keys(results).sort()) emit(key, results[key]);
});

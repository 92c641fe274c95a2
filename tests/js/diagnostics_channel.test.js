'use strict';
// node:diagnostics_channel: channels, subscribers, bound stores and tracing
// channels, including a subscriber that throws and a traced real fs call.
const assert = require('assert');
const dc = require('diagnostics_channel');
const fs = require('fs');
const { AsyncLocalStorage } = require('async_hooks');

// One channel object per name while it is in use.
const a = dc.channel('test:a');
assert.strictEqual(dc.channel('test:a'), a);
assert.ok(a instanceof dc.Channel);
assert.strictEqual(a.hasSubscribers, false);
assert.strictEqual(dc.hasSubscribers('test:a'), false);
a.publish('nobody listens');

const seen = [];
const first = (msg, name) => seen.push(['first', msg, name]);
a.subscribe(first);
dc.subscribe('test:a', (msg) => seen.push(['second', msg]));
assert.strictEqual(a.hasSubscribers, true);
assert.strictEqual(dc.hasSubscribers('test:a'), true);
a.publish(1);
assert.deepStrictEqual(seen, [['first', 1, 'test:a'], ['second', 1]]);
assert.strictEqual(a.unsubscribe(first), true);
assert.strictEqual(a.unsubscribe(first), false);
assert.strictEqual(dc.unsubscribe('test:none', first), false);

// Symbols name channels too; anything else is rejected.
const sym = Symbol('s');
assert.strictEqual(dc.channel(sym).name, sym);
assert.throws(() => dc.channel(1), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "channel" argument must be one of type string or symbol. ' +
    'Received type number (1)',
});
assert.throws(() => a.subscribe('x'), { code: 'ERR_INVALID_ARG_TYPE' });

// A throwing subscriber does not stop the others; its error is uncaught
// later.
const thrower = dc.channel('test:throw');
const after = [];
thrower.subscribe(() => { throw new Error('boom'); });
thrower.subscribe((m) => after.push(m));
let uncaught = null;
process.once('uncaughtException', (err) => { uncaught = err; });
thrower.publish('x');
assert.deepStrictEqual(after, ['x']);

// runStores: the store is entered with the transformed message, the message
// is published inside it, then fn runs with its this and arguments.
const als = new AsyncLocalStorage();
const storeCh = dc.channel('test:store');
storeCh.bindStore(als, (msg) => ({ wrapped: msg }));
assert.strictEqual(storeCh.hasSubscribers, true);
let publishedStore;
storeCh.subscribe(() => { publishedStore = als.getStore(); });
const ret = storeCh.runStores(5, function(x) {
  return [this.tag, x, als.getStore()];
}, { tag: 't' }, 7);
assert.deepStrictEqual(ret, ['t', 7, { wrapped: 5 }]);
assert.deepStrictEqual(publishedStore, { wrapped: 5 });
assert.strictEqual(als.getStore(), undefined);
assert.strictEqual(storeCh.unbindStore(als), true);
assert.strictEqual(storeCh.unbindStore(als), false);

// Tracing channels.
const tc = dc.tracingChannel('test:trace');
assert.strictEqual(tc.start.name, 'tracing:test:trace:start');
assert.strictEqual(tc.hasSubscribers, false);
// Without subscribers the function's own result comes back untouched.
assert.strictEqual(tc.tracePromise(() => 5), 5);
const trace = [];
const handlers = {};
for (const ev of ['start', 'end', 'asyncStart', 'asyncEnd', 'error']) {
  handlers[ev] = (ctx) => trace.push([ev, { ...ctx }]);
}
tc.subscribe(handlers);
assert.strictEqual(tc.hasSubscribers, true);
assert.strictEqual(tc.traceSync((x) => x * 2, { id: 1 }, null, 4), 8);
assert.throws(() => tc.traceSync(() => { throw new Error('sync'); }, { id: 2 }),
  /sync/);
assert.deepStrictEqual(trace.map(([ev, c]) => `${ev}:${c.id}`),
  ['start:1', 'end:1', 'start:2', 'error:2', 'end:2']);
assert.strictEqual(trace[1][1].result, 8);
assert.throws(() => dc.tracingChannel(1), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => tc.traceCallback(() => {}, -1, {}, null, 'nope'),
  { code: 'ERR_INVALID_ARG_TYPE' });

trace.length = 0;
// traceCallback around a real fs.stat: asyncStart/asyncEnd wrap the callback.
const cbDone = new Promise((resolve) => {
  tc.traceCallback(fs.stat, -1, { id: 3 }, fs, __filename, (err, st) => {
    trace.push(['callback', { isFile: st.isFile() }]);
    resolve();
  });
});

cbDone.then(async () => {
  assert.deepStrictEqual(trace.map(([ev]) => ev),
    ['start', 'end', 'asyncStart', 'callback', 'asyncEnd']);
  assert.ok(!('error' in trace[2][1]) && trace[2][1].result.isFile());
  trace.length = 0;
  const value = await tc.tracePromise(async (x) => x + 1, { id: 4 }, null, 1);
  assert.strictEqual(value, 2);
  await assert.rejects(tc.tracePromise(async () => { throw new Error('np'); },
    { id: 5 }), /np/);
  assert.deepStrictEqual(trace.map(([ev, c]) => `${ev}:${c.id}`),
    ['start:4', 'end:4', 'asyncStart:4', 'asyncEnd:4',
      'start:5', 'end:5', 'error:5', 'asyncStart:5', 'asyncEnd:5']);
  assert.strictEqual(tc.unsubscribe(handlers), true);
  assert.strictEqual(tc.hasSubscribers, false);
  assert.ok(uncaught instanceof Error && uncaught.message === 'boom');
  console.log('diagnostics_channel: ok');
});

'use strict';
// Differential corpus for node:diagnostics_channel: channel identity and
// state, publish/subscribe order, bound stores and runStores, the event
// order and context fields of tracingChannel's traceSync, tracePromise and
// traceCallback, and the errors for bad arguments.

const dc = require('diagnostics_channel');
const { AsyncLocalStorage } = require('async_hooks');
const { makeEmit, attempt } = require('./lib/emit');

const emit = makeEmit();
const shown = (v) => (typeof v === 'symbol' ? String(v) : v);

emit('exports', Object.keys(dc));
const ch = dc.channel('c1');
emit('identity', [dc.channel('c1') === ch, ch instanceof dc.Channel,
  ch.hasSubscribers, dc.hasSubscribers('c1'), dc.hasSubscribers('none')]);
emit('own keys idle', Object.keys(ch));
const log = [];
const s1 = (m, n) => log.push(['s1', m, shown(n)]);
const s2 = (m) => log.push(['s2', m]);
ch.subscribe(s1);
dc.subscribe('c1', s2);
emit('own keys active', Object.keys(ch));
ch.publish({ v: 1 });
emit('unsubscribe', [ch.unsubscribe(s1), ch.unsubscribe(s1),
  dc.unsubscribe('c1', s2), ch.hasSubscribers]);
ch.publish('lost');
emit('published', log);

const sym = Symbol('sym');
const sc = dc.channel(sym);
sc.subscribe((m, n) => log.push(['sym', m, shown(n)]));
sc.publish(2);
emit('symbol channel', [shown(sc.name), log[log.length - 1]]);

emit('errors', [
  attempt(() => dc.channel(1)),
  attempt(() => dc.channel({})),
  attempt(() => dc.channel(null)),
  attempt(() => ch.subscribe(null)),
  attempt(() => dc.subscribe('c1', 'x')),
  attempt(() => dc.tracingChannel(1)),
  attempt(() => dc.tracingChannel(null)),
]);

const als = new AsyncLocalStorage();
const store = dc.channel('store');
store.bindStore(als, (m) => `t:${m}`);
emit('bound', [store.hasSubscribers, Object.keys(store)]);
const inside = [];
store.subscribe((m) => inside.push(['sub', m, als.getStore()]));
const r = store.runStores('m', function(a, b) {
  inside.push(['fn', this && this.k, a, b, als.getStore()]);
  return 'ret';
}, { k: 'this' }, 1, 2);
emit('runStores', [r, inside, als.getStore() ?? null]);
emit('unbind', [store.unbindStore(als), store.unbindStore(als)]);
const plain = dc.channel('plain-store');
plain.bindStore(als);
emit('runStores no transform', plain.runStores('raw', () => als.getStore()));

const tc = dc.tracingChannel('tc');
emit('tracing names', ['start', 'end', 'asyncStart', 'asyncEnd', 'error']
  .map((k) => tc[k].name));
emit('tracing idle', [tc.hasSubscribers, tc.traceSync(() => 1),
  tc.tracePromise(() => 'not a promise'),
  tc.traceCallback((x) => x * 2, 0, {}, null, 4)]);
const events = [];
const handlers = {};
for (const ev of ['start', 'end', 'asyncStart', 'asyncEnd', 'error']) {
  handlers[ev] = (ctx) => events.push([ev, JSON.parse(JSON.stringify(ctx))]);
}
tc.subscribe(handlers);
emit('traceSync ok', [tc.traceSync((a) => a + 1, { id: 's' }, null, 1), events.splice(0)]);
emit('traceSync throws', [attempt(() => tc.traceSync(() => {
  throw new RangeError('bad');
}, { id: 't' })), events.splice(0).map(([ev]) => ev)]);
emit('traceCallback sync cb', [tc.traceCallback((v, cb) => cb(null, v),
  -1, { id: 'c' }, null, 5, (err, v) => events.push(['cb', err, v])),
events.splice(0)]);
emit('traceCallback error cb', [tc.traceCallback((cb) => cb(new Error('e')),
  0, { id: 'd' }, null, (err) => events.push(['cb', err.message])),
events.splice(0).map(([ev]) => ev)]);
emit('traceCallback bad', attempt(() => tc.traceCallback(() => {}, -1, {}, null, 1)));

(async () => {
  const v = await tc.tracePromise(async (x) => x * 3, { id: 'p' }, null, 2);
  emit('tracePromise ok', [v, events.splice(0).map(([ev]) => ev)]);
  try {
    await tc.tracePromise(async () => { throw new Error('no'); }, { id: 'q' });
  } catch (err) {
    emit('tracePromise rejects', [err.message, events.splice(0).map(([ev]) => ev)]);
  }
  emit('tracing unsubscribe', [tc.unsubscribe(handlers), tc.unsubscribe(handlers),
    tc.hasSubscribers]);
  const thrower = dc.channel('thrower');
  thrower.subscribe(() => { throw new Error('sub failed'); });
  const after = [];
  thrower.subscribe((m) => after.push(m));
  process.once('uncaughtException', (err) => {
    emit('subscriber error', [err.message, after]);
  });
  thrower.publish('still delivered');
})();

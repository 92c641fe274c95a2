// node:events: EventEmitter semantics, once/on helpers and error handling.
'use strict';

const assert = require('assert');
const EventEmitter = require('events');

const { once, on, errorMonitor, getEventListeners } = EventEmitter;

assert.strictEqual(EventEmitter.EventEmitter, EventEmitter);
assert.strictEqual(EventEmitter.defaultMaxListeners, 10);

// on/emit order, arguments and this.
const e = new EventEmitter();
const calls = [];
e.on('x', function(a, b) { calls.push(['first', a, b, this === e]); });
e.prependListener('x', () => calls.push(['prepended']));
e.once('x', () => calls.push(['once']));
assert.strictEqual(e.emit('x', 1, 2), true);
assert.strictEqual(e.emit('x', 3, 4), true);
assert.strictEqual(e.emit('nothing'), false);
assert.deepStrictEqual(calls, [
  ['prepended'], ['first', 1, 2, true], ['once'],
  ['prepended'], ['first', 3, 4, true],
]);

// listeners / rawListeners / listenerCount / eventNames.
const h = () => {};
const e2 = new EventEmitter();
e2.once('a', h);
e2.on('b', h);
e2.on(Symbol.for('s'), h);
assert.deepStrictEqual(e2.listeners('a'), [h]);
assert.notStrictEqual(e2.rawListeners('a')[0], h);
assert.strictEqual(e2.rawListeners('a')[0].listener, h);
assert.strictEqual(e2.listenerCount('a'), 1);
assert.strictEqual(e2.listenerCount('a', h), 1);
assert.strictEqual(e2.listenerCount('zzz'), 0);
assert.deepStrictEqual(e2.eventNames(), ['a', 'b', Symbol.for('s')]);
e2.off('a', h);
assert.deepStrictEqual(e2.eventNames(), ['b', Symbol.for('s')]);
e2.removeAllListeners();
assert.deepStrictEqual(e2.eventNames(), []);
assert.deepStrictEqual(getEventListeners(e2, 'b'), []);

// newListener / removeListener events.
const e3 = new EventEmitter();
const meta = [];
e3.on('newListener', (name) => meta.push(`new:${String(name)}`));
e3.on('removeListener', (name) => meta.push(`remove:${String(name)}`));
e3.on('foo', h);
e3.removeListener('foo', h);
e3.on('bar', h);
e3.on('bar', () => {});
e3.removeAllListeners('bar');
assert.deepStrictEqual(meta, ['new:removeListener', 'new:foo', 'remove:foo', 'new:bar', 'new:bar', 'remove:bar', 'remove:bar']);

// 'error' without listeners.
const err = new Error('boom');
assert.throws(() => new EventEmitter().emit('error', err), (thrown) => thrown === err);
assert.throws(() => new EventEmitter().emit('error', 'text'), {
  code: 'ERR_UNHANDLED_ERROR',
  message: "Unhandled error. ('text')",
});
assert.throws(() => new EventEmitter().emit('error'), {
  code: 'ERR_UNHANDLED_ERROR',
  message: 'Unhandled error. (undefined)',
});
const e4 = new EventEmitter();
let monitored;
e4.on(errorMonitor, (er) => { monitored = er; });
assert.throws(() => e4.emit('error', err));
assert.strictEqual(monitored, err);

// Max listeners.
const e5 = new EventEmitter();
assert.strictEqual(e5.getMaxListeners(), 10);
e5.setMaxListeners(1);
assert.strictEqual(e5.getMaxListeners(), 1);
assert.throws(() => e5.setMaxListeners(-1), { code: 'ERR_OUT_OF_RANGE' });
assert.throws(() => e5.on('x', 'not a function'), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "listener" argument must be of type function. Received type string (\'not a function\')',
});

// Subclassing and EventEmitter.call(this).
class Sub extends EventEmitter {}
const s = new Sub();
let got;
s.on('ev', (v) => { got = v; });
s.emit('ev', 5);
assert.strictEqual(got, 5);
function Legacy() { EventEmitter.call(this); }
Object.setPrototypeOf(Legacy.prototype, EventEmitter.prototype);
const legacy = new Legacy();
assert.strictEqual(legacy.emit('none'), false);

const pending = [];

// static once().
const e6 = new EventEmitter();
pending.push(once(e6, 'ready').then((args) => assert.deepStrictEqual(args, [1, 2])));
e6.emit('ready', 1, 2);
const e7 = new EventEmitter();
pending.push(once(e7, 'ready').then(
  () => assert.fail('should reject'),
  (error) => assert.strictEqual(error.message, 'failed')));
e7.emit('error', new Error('failed'));

// static on() async iterator.
const e8 = new EventEmitter();
pending.push((async () => {
  const seen = [];
  const iter = on(e8, 'data');
  setTimeout(() => {
    e8.emit('data', 'a');
    e8.emit('data', 'b');
  }, 1);
  for await (const [value] of iter) {
    seen.push(value);
    if (seen.length === 2) break;
  }
  assert.deepStrictEqual(seen, ['a', 'b']);
  assert.strictEqual(e8.listenerCount('data'), 0);
})());

// captureRejections.
const e9 = new EventEmitter({ captureRejections: true });
pending.push(new Promise((resolve) => {
  e9.on('error', (error) => {
    assert.strictEqual(error.message, 'async failure');
    resolve();
  });
}));
e9.on('go', async () => { throw new Error('async failure'); });
e9.emit('go');

let done = false;
Promise.all(pending).then(() => { done = true; });
process.on('exit', () => {
  assert.strictEqual(done, true);
});

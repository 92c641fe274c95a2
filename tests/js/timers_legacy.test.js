'use strict';
// node:timers' deprecated object scheduling (enroll, unenroll, active,
// _unrefActive), Symbol.dispose on timers, timers losing their callback, and
// clearing a later immediate from an earlier one of the same turn.
const assert = require('assert');
const timers = require('timers');

const warnings = [];
process.on('warning', (w) => warnings.push(`${w.name} ${w.code}`));
const done = new Set();

// enroll validates msecs like Node.
for (const bad of [{}, 'foo', Symbol('s'), () => {}]) {
  assert.throws(() => timers.enroll({}, bad),
                { code: 'ERR_INVALID_ARG_TYPE', name: 'TypeError' });
}
for (const bad of [-1, Infinity, NaN]) {
  assert.throws(() => timers.enroll({}, bad), {
    code: 'ERR_OUT_OF_RANGE',
    name: 'RangeError',
    message: 'The value of "msecs" is out of range. It must be a ' +
      `non-negative finite number. Received ${bad}`,
  });
}

// An enrolled object is a ring of one until activated; active() starts it.
const item = {
  _onTimeout() {
    assert.strictEqual(this, item);
    done.add('active fired');
  },
};
timers.enroll(item, 2);
assert.strictEqual(item._idleTimeout, 2);
assert.strictEqual(item._idleNext, item);
timers.active(item);
assert.ok(Number.isInteger(item._idleStart));

// Objects without a usable _idleTimeout are left alone.
for (const bogus of [{ _idleTimeout: -1 }, { _idleTimeout: undefined }]) {
  const before = bogus._idleTimeout;
  timers.active(bogus);
  assert.deepStrictEqual(bogus, { _idleTimeout: before });
}

// unenroll cancels, and marks even a never-scheduled object.
const cancelled = { _onTimeout() { done.add('cancelled fired (bug)'); } };
timers.enroll(cancelled, 1);
timers.active(cancelled);
timers.unenroll(cancelled);
assert.strictEqual(cancelled._idleTimeout, -1);
assert.strictEqual(cancelled._destroyed, true);
assert.strictEqual(cancelled._idleNext, null);
const plain = {};
timers.unenroll(plain);
assert.strictEqual(plain._idleTimeout, -1);

// An _unrefActive object re-arming itself from its callback, five times,
// while a ref'd timer keeps the process alive.
let unrefRuns = 0;
const again = {
  _onTimeout() {
    unrefRuns++;
    if (unrefRuns === 5) {
      timers.unenroll(again);
      done.add('unref rearmed');
    }
    timers._unrefActive(again);
  },
};
timers.enroll(again, 1);
timers._unrefActive(again);
const keepAlive = setInterval(() => {
  if (unrefRuns >= 5 && done.has('intervals')) clearInterval(keepAlive);
}, 1);

// Intervals that end from their own callback in each of Node's ways.
let endedIntervals = 0;
const stops = [
  (t) => clearTimeout(t),
  (t) => t.close(),
  (t) => timers.unenroll(t),
  (t) => { t._idleTimeout = -1; },
  (t) => { t._onTimeout = null; },
];
for (const stop of stops) {
  let runs = 0;
  const t = setInterval(() => {
    runs++;
    assert.strictEqual(runs, 1);
    stop(t);
    if (++endedIntervals === stops.length) {
      // Each gets a chance to run again before this one ends them all.
      setTimeout(() => done.add('intervals'), 5);
    }
  }, 1);
}

// Symbol.dispose clears timers and immediates.
const disposed = [setTimeout(() => done.add('timeout (bug)'), 1),
                  setInterval(() => done.add('interval (bug)'), 1),
                  setImmediate(() => done.add('immediate (bug)'))];
for (const t of disposed) t[Symbol.dispose]();

// Clearing the next immediate of this turn skips only that one.
const order = [];
setImmediate(() => {
  order.push('a');
  clearImmediate(second);
});
const second = setImmediate(() => order.push('b (bug)'));
setImmediate((x, y) => order.push(`c ${x}${y}`), 1, 2);
setImmediate(() => order.push('d'));

process.on('exit', () => {
  assert.deepStrictEqual(order, ['a', 'c 12', 'd']);
  for (const t of disposed) assert.strictEqual(t._destroyed, true);
  assert.strictEqual(unrefRuns, 5);
  assert.deepStrictEqual([...done].sort(),
                         ['active fired', 'intervals', 'unref rearmed']);
  assert.deepStrictEqual(warnings.sort(), [
    'DeprecationWarning DEP0095', 'DeprecationWarning DEP0096',
    'DeprecationWarning DEP0126', 'DeprecationWarning DEP0127',
  ]);
});

'use strict';
// node:timers and timers/promises: ordering, intervals, clearing, unref,
// refresh, arguments, numeric ids, and errors thrown by timer callbacks.
const assert = require('assert');
const timersPromises = require('timers/promises');
const { setTimeout: setTimeoutFromModule } = require('timers');

assert.strictEqual(setTimeoutFromModule, setTimeout);
assert.throws(() => setTimeout('not a function'), { code: 'ERR_INVALID_ARG_TYPE' });

const events = [];
const done = new Set();

// Same delay: insertion order. Shorter delays first.
setTimeout(() => events.push('b10'), 10);
setTimeout(() => events.push('a1'), 1);
setTimeout(() => events.push('c10'), 10);
setTimeout((x, y) => events.push(`args ${x} ${y}`), 2, 'x', 'y');

// Cleared timers and immediates never run.
clearTimeout(setTimeout(() => events.push('cleared timeout (bug)'), 1));
clearImmediate(setImmediate(() => events.push('cleared immediate (bug)')));
const byNumber = setTimeout(() => events.push('cleared by number (bug)'), 1);
clearTimeout(+byNumber);

// Interval, cleared from inside after 3 runs.
let count = 0;
const interval = setInterval(() => {
  count++;
  if (count === 3) {
    clearInterval(interval);
    done.add('interval');
  }
}, 1);

// An immediate queued from a timer runs before a 0 ms timer queued there.
setTimeout(() => {
  const seen = [];
  setTimeout(() => {
    seen.push('timeout');
    assert.deepStrictEqual(seen, ['immediate', 'timeout']);
    done.add('check-phase');
  }, 0);
  setImmediate(() => seen.push('immediate'));
}, 3);

// unref'd timers alone do not keep the process alive; hasRef reports it.
const unrefd = setTimeout(() => events.push('unref fired (bug)'), 60000);
assert.strictEqual(unrefd.unref().hasRef(), false);
assert.strictEqual(unrefd.ref().hasRef(), true);
unrefd.unref();

// refresh restarts the countdown.
const startRefresh = Date.now();
const refreshed = setTimeout(() => {
  // Without the refresh at 10 ms it would fire at 15 ms; the loop's cached
  // clock may lag Date.now() by a few ms.
  assert.ok(Date.now() - startRefresh >= 20, 'refreshed timer waited');
  done.add('refresh');
}, 15);
setTimeout(() => refreshed.refresh(), 10);

// A throwing timer goes to 'uncaughtException'; the other due timers run.
process.once('uncaughtException', (err, origin) => {
  assert.strictEqual(err.message, 'timer boom');
  assert.strictEqual(origin, 'uncaughtException');
  done.add('uncaught');
});
setTimeout(() => { throw new Error('timer boom'); }, 20);
setTimeout(() => done.add('after-throw'), 20);

(async () => {
  assert.strictEqual(await timersPromises.setTimeout(1, 'value'), 'value');
  assert.strictEqual(await timersPromises.setImmediate('imm'), 'imm');
  done.add('promises');
})().catch((err) => { throw err; });

process.on('exit', () => {
  assert.deepStrictEqual(events, ['a1', 'args x y', 'b10', 'c10']);
  assert.deepStrictEqual([...done].sort(),
    ['after-throw', 'check-phase', 'interval', 'promises', 'refresh', 'uncaught']);
});

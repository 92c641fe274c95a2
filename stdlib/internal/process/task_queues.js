'use strict';
// process.nextTick, queueMicrotask and the tick/microtask drain C++ runs after
// every callback from the event loop (Node's processTicksAndRejections).

const { runMicrotasks, enqueueMicrotask } = internalBinding('task_queue');
const { validateFunction } = require('../validators');
const { processPromiseRejections, hasRejectionToWarn } = require('./promises');

// A growable ring of pending ticks: shift() must stay O(1) under load.
let ticks = new Array(64);
let head = 0;
let tail = 0;

function hasTickScheduled() {
  return head !== tail;
}

function push(tick) {
  ticks[tail] = tick;
  tail = (tail + 1) & (ticks.length - 1);
  if (tail === head) {
    const grown = new Array(ticks.length * 2);
    const n = ticks.length;
    for (let i = 0; i < n; i++) grown[i] = ticks[(head + i) & (n - 1)];
    ticks = grown;
    head = 0;
    tail = n;
  }
}

function shift() {
  if (head === tail) return undefined;
  const tick = ticks[head];
  ticks[head] = undefined;
  head = (head + 1) & (ticks.length - 1);
  return tick;
}

function nextTick(callback, ...args) {
  validateFunction(callback, 'callback');
  const process = require('../../process');
  if (process._exiting) return;
  push({ callback, args: args.length === 0 ? undefined : args });
}

// Runs every queued tick, then the microtasks they queued, until both are
// empty; then reports unhandled rejections. A throwing callback propagates to
// C++, which reports it and calls this again for the rest of the queue.
function processTicksAndRejections() {
  let tick;
  do {
    while ((tick = shift()) !== undefined) {
      const { callback, args } = tick;
      if (args === undefined) {
        callback();
      } else {
        switch (args.length) {
          case 1: callback(args[0]); break;
          case 2: callback(args[0], args[1]); break;
          case 3: callback(args[0], args[1], args[2]); break;
          default: callback(...args);
        }
      }
    }
    runMicrotasks();
  } while (hasTickScheduled() || processPromiseRejections());
}

// Between two timers or two immediates: Node drains ticks and microtasks.
function runNextTicks() {
  if (!hasTickScheduled() && !hasRejectionToWarn()) runMicrotasks();
  if (!hasTickScheduled() && !hasRejectionToWarn()) return;
  processTicksAndRejections();
}

function queueMicrotask(callback) {
  validateFunction(callback, 'callback');
  enqueueMicrotask(() => {
    try {
      callback();
    } catch (err) {
      // Like Node: an exception in a queued microtask is uncaught.
      require('./execution').triggerUncaughtException(err, false);
    }
  });
}

module.exports = {
  nextTick,
  queueMicrotask,
  processTicksAndRejections,
  runNextTicks,
  hasTickScheduled,
};

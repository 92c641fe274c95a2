'use strict';
// Unhandled promise rejections in Node's default mode ('throw'). V8 tells us
// when a rejected promise has no handler and when one is added later; after
// the ticks and microtasks of a turn have run, every rejection still without
// a handler emits 'unhandledRejection', or, with no listener, becomes an
// uncaught exception.

const process = require('./object');
const { nextTick, pendingQueues } = require('./ticks');
const { reportUncaught } = require('./execution');
const { inspect } = require('../util/inspect');

// V8's PromiseRejectEvent values that matter here.
const kRejectWithNoHandler = 0;
const kHandlerAddedAfterReject = 1;

// promise -> { reason, reported }. `queue` keeps the order of rejections.
const unhandled = new WeakMap();
let queue = [];

function promiseRejectHandler(event, promise, reason) {
  if (event === kRejectWithNoHandler) {
    unhandled.set(promise, { reason, reported: false });
    queue.push(promise);
    pendingQueues[1] = 1;
    return;
  }
  if (event !== kHandlerAddedAfterReject) return;
  const entry = unhandled.get(promise);
  if (entry === undefined) return;
  unhandled.delete(promise);
  if (entry.reported) {
    nextTick(() => process.emit('rejectionHandled', promise));
  }
}

function hasPendingRejections() {
  return queue.length !== 0;
}

// The error Node throws for a rejection whose reason is not an Error.
function wrapReason(reason) {
  const wrapped = new Error(
    'This error originated either by throwing inside of an async function ' +
    'without a catch block, or by rejecting a promise which was not handled ' +
    `with .catch(). The promise rejected with the reason "${inspect(reason)}".`);
  wrapped.name = 'UnhandledPromiseRejection';
  wrapped.code = 'ERR_UNHANDLED_REJECTION';
  // Node prints it without a stack: no user code is behind it.
  delete wrapped.stack;
  return wrapped;
}

// Reports the rejections queued so far. Returns whether there were any, as
// their listeners may have queued more ticks or microtasks.
function reportUnhandledRejections() {
  if (queue.length === 0) return false;
  const batch = queue;
  queue = [];
  pendingQueues[1] = 0;
  for (const promise of batch) {
    const entry = unhandled.get(promise);
    if (entry === undefined) continue;
    entry.reported = true;
    const { reason } = entry;
    if (process.emit('unhandledRejection', reason, promise)) continue;
    const errorLike = typeof reason === 'object' && reason !== null &&
      typeof reason.stack === 'string';
    reportUncaught(errorLike ? reason : wrapReason(reason), true);
  }
  return true;
}

module.exports = {
  promiseRejectHandler,
  reportUnhandledRejections,
  hasPendingRejections,
};

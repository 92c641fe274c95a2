'use strict';
// Unhandled promise rejections with Node's default mode ('throw'): an
// unhandled rejection emits 'unhandledRejection', or without a listener
// becomes an uncaught exception.

const kNoHandler = 0;
const kHandlerAdded = 1;

// promise -> { reason, warned }; pending keeps the order they happened in.
const maybeUnhandled = new WeakMap();
let pending = [];

function promiseRejectHandler(type, promise, reason) {
  if (type === kNoHandler) {
    maybeUnhandled.set(promise, { reason, warned: false });
    pending.push(promise);
  } else if (type === kHandlerAdded) {
    const info = maybeUnhandled.get(promise);
    if (info === undefined) return;
    maybeUnhandled.delete(promise);
    if (info.warned) {
      const process = require('../../process');
      process.nextTick(() => process.emit('rejectionHandled', promise));
    }
  }
}

function hasRejectionToWarn() {
  return pending.length !== 0;
}

function isErrorLike(value) {
  return typeof value === 'object' && value !== null &&
    typeof value.stack === 'string';
}

function unhandledRejectionError(reason) {
  const { inspect } = require('../util/inspect');
  const err = new Error(
    'This error originated either by throwing inside of an async function ' +
    'without a catch block, or by rejecting a promise which was not handled ' +
    `with .catch(). The promise rejected with the reason "${inspect(reason)}".`);
  err.name = 'UnhandledPromiseRejection';
  err.code = 'ERR_UNHANDLED_REJECTION';
  // Node shows this error without a stack: it points at no user code.
  delete err.stack;
  return err;
}

// Returns true if it may have queued ticks or microtasks.
function processPromiseRejections() {
  if (pending.length === 0) return false;
  const process = require('../../process');
  const { triggerUncaughtException } = require('./execution');
  const list = pending;
  pending = [];
  for (let i = 0; i < list.length; i++) {
    const promise = list[i];
    const info = maybeUnhandled.get(promise);
    if (info === undefined) continue;
    info.warned = true;
    const { reason } = info;
    if (!process.emit('unhandledRejection', reason, promise)) {
      const err = isErrorLike(reason) ? reason : unhandledRejectionError(reason);
      triggerUncaughtException(err, true);
    }
  }
  return true;
}

module.exports = {
  promiseRejectHandler,
  processPromiseRejections,
  hasRejectionToWarn,
};

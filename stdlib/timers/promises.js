'use strict';
// node:timers/promises: promise-returning timers with AbortSignal support.

const { Timeout, Immediate, clearTimer, clearImmediate } =
  require('../internal/timers');
const { validateObject, validateBoolean, validateAbortSignal } =
  require('../internal/validators');
const { AbortError } = require('../internal/errors');

// Node's checks, in Node's order: options, then options.signal, options.ref.
function checkOptions(options) {
  validateObject(options, 'options');
  const checked = { signal: options.signal, ref: options.ref };
  if (checked.signal !== undefined) {
    validateAbortSignal(checked.signal, 'options.signal');
  }
  if (checked.ref === undefined) checked.ref = true;
  validateBoolean(checked.ref, 'options.ref');
  return checked;
}

// The rejection of an aborted wait: an AbortError caused by the reason.
function abortedBy(signal) {
  return new AbortError(undefined, { cause: signal.reason });
}

// Validates options and wraps a one-shot timer (made by `schedule(onFire)`,
// cancelled by `cancel(handle)`) in a promise for `value` that an
// AbortSignal rejects. It resolves in the timer's callback, as in Node.
function settleAfter(options, value, schedule, cancel) {
  let signal;
  let ref;
  try {
    ({ signal, ref } = checkOptions(options));
  } catch (err) {
    return Promise.reject(err);
  }
  if (signal && signal.aborted) {
    return Promise.reject(abortedBy(signal));
  }
  const settle = (resolve, reject) => {
    function onAbort() {
      cancel(handle);
      reject(abortedBy(signal));
    }
    const handle = schedule(() => {
      if (signal) signal.removeEventListener('abort', onAbort);
      resolve(value);
    }, ref);
    if (signal) signal.addEventListener('abort', onAbort, { once: true });
  };
  return new Promise(settle);
}

function setTimeout(after, value, options = {}) {
  return settleAfter(
    options, value,
    (onFire, ref) => new Timeout(onFire, after, undefined, false, ref),
    clearTimer);
}

function setImmediate(value, options = {}) {
  return settleAfter(
    options, value,
    (onFire, ref) => (ref ? new Immediate(onFire, undefined) :
      new Immediate(onFire, undefined).unref()),
    clearImmediate);
}

// An async iterator yielding `value` every `after` ms until the loop ends.
async function* setInterval(after, value, options = {}) {
  const { signal, ref } = checkOptions(options);
  if (signal && signal.aborted) {
    throw abortedBy(signal);
  }
  let pending = 0;
  let wake = null;
  const tick = () => {
    pending++;
    if (wake) {
      wake();
      wake = null;
    }
  };
  const timer = new Timeout(tick, after, undefined, /* repeats= */ true, ref);
  let onAbort;
  if (signal) {
    onAbort = () => {
      clearTimer(timer);
      if (wake) {
        wake();
        wake = null;
      }
    };
    signal.addEventListener('abort', onAbort, { once: true });
  }
  try {
    for (;;) {
      if (signal && signal.aborted) {
        throw abortedBy(signal);
      }
      if (pending === 0) {
        await new Promise((resolve) => { wake = resolve; });
        continue;
      }
      pending--;
      yield value;
    }
  } finally {
    clearTimer(timer);
    if (signal) signal.removeEventListener('abort', onAbort);
  }
}

const scheduler = {
  wait: (delay, options) => setTimeout(delay, undefined, options),
  yield: () => setImmediate(),
};

module.exports = { setTimeout, setImmediate, setInterval, scheduler };

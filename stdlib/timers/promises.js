'use strict';
// node:timers/promises: promise-returning timers with AbortSignal support.

const { Timeout, Immediate, clearTimer, clearImmediate } =
  require('../internal/timers');
const { validateObject, validateBoolean, validateAbortSignal } =
  require('../internal/validators');
const { AbortError } = require('../internal/errors');

function checkOptions(options) {
  validateObject(options, 'options');
  const { signal, ref = true } = options;
  if (signal !== undefined) validateAbortSignal(signal, 'options.signal');
  validateBoolean(ref, 'options.ref');
  return { signal, ref };
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
    return Promise.reject(new AbortError(undefined, { cause: signal.reason }));
  }
  return new Promise((resolve, reject) => {
    function onAbort() {
      cancel(handle);
      reject(new AbortError(undefined, { cause: signal.reason }));
    }
    const handle = schedule(() => {
      if (signal) signal.removeEventListener('abort', onAbort);
      resolve(value);
    }, ref);
    if (signal) signal.addEventListener('abort', onAbort, { once: true });
  });
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
    (onFire, ref) => {
      const immediate = new Immediate(onFire, undefined);
      if (!ref) immediate.unref();
      return immediate;
    },
    clearImmediate);
}

// An async iterator yielding `value` every `after` ms until the loop ends.
async function* setInterval(after, value, options = {}) {
  const { signal, ref } = checkOptions(options);
  if (signal && signal.aborted) {
    throw new AbortError(undefined, { cause: signal.reason });
  }
  let pending = 0;
  let wake = null;
  const timer = new Timeout(() => {
    pending++;
    if (wake) {
      wake();
      wake = null;
    }
  }, after, undefined, true, ref);
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
        throw new AbortError(undefined, { cause: signal.reason });
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

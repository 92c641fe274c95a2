// events.once(), events.on() and addAbortListener(): awaiting emitter events.
'use strict';

const {
  AbortError,
  codes: {
    ERR_INVALID_ARG_TYPE,
  },
} = require('../errors');
const {
  validateAbortSignal,
  validateFunction,
  validateInteger,
} = require('../validators');
const { kResistStopPropagation } = require('./symbols');

// Streams read an iterator's buffering state through this key.
const kWatermarkData = Symbol.for('nodejs.watermarkData');
const kDispose = typeof Symbol.dispose === 'symbol' ?
  Symbol.dispose : Symbol.for('nodejs.dispose');
const kAsyncIteratorPrototype = Object.getPrototypeOf(
  Object.getPrototypeOf(async function* () {}).prototype);

// Signals are duck-typed (anything with `aborted`, `reason` and the two
// listener methods), as validateAbortSignal() accepts them. These are the
// options of every one-shot listener put on a signal or an EventTarget.
function abortFlags() {
  return { __proto__: null, once: true, [kResistStopPropagation]: true };
}

function abortErrorFor(signal) {
  return new AbortError(undefined, { cause: signal?.reason });
}

// Validates an optional signal and refuses one that has already fired.
function usableSignal(candidate) {
  validateAbortSignal(candidate, 'options.signal');
  if (candidate?.aborted) throw abortErrorFor(candidate);
  return candidate;
}

function notAnEmitter(source) {
  return new ERR_INVALID_ARG_TYPE('emitter', 'EventEmitter', source);
}

// Emitters are driven through on()/once()/removeListener(); an object that
// only has addEventListener() is treated as an EventTarget. The flags go to
// EventTarget methods as their third argument, even when undefined.
function subscribe(source, eventName, fn, flags) {
  if (typeof source.on === 'function') {
    if (flags?.once) source.once(eventName, fn);
    else source.on(eventName, fn);
  } else if (typeof source.addEventListener === 'function') {
    source.addEventListener(eventName, fn, flags);
  } else {
    throw notAnEmitter(source);
  }
}

function unsubscribe(source, eventName, fn) {
  if (typeof source.removeListener === 'function') {
    source.removeListener(eventName, fn);
  } else if (typeof source.removeEventListener === 'function') {
    source.removeEventListener(eventName, fn, undefined);
  } else {
    throw notAnEmitter(source);
  }
}

function deferred() {
  const out = {};
  out.promise = new Promise((resolve, reject) => {
    out.resolve = resolve;
    out.reject = reject;
  });
  return out;
}

// Calls `onAbort` once `signal` aborts (on a microtask if it already has).
// The returned disposable unregisters it.
function addAbortListener(signal, onAbort) {
  // Unlike the optional signals of once() and on(), this one is required.
  if (signal !== undefined) validateAbortSignal(signal, 'signal');
  else throw new ERR_INVALID_ARG_TYPE('signal', 'AbortSignal', signal);
  validateFunction(onAbort, 'listener');
  const pending = !signal.aborted;
  if (pending) signal.addEventListener('abort', onAbort, abortFlags());
  else queueMicrotask(() => onAbort());
  return {
    __proto__: null,
    [kDispose]() {
      if (pending) signal.removeEventListener('abort', onAbort);
    },
  };
}

// Resolves with the argument array of the next `eventName` event. An 'error'
// event rejects instead (unless 'error' is the one awaited), as does an
// abort of `options.signal`.
async function once(emitter, eventName, options = {}) {
  const signal = usableSignal(options?.signal);
  const outcome = deferred();

  function stopAbortWatch() {
    if (signal) signal.removeEventListener('abort', onAbort);
  }
  // Kept as named methods: their names show through emitter.listeners().
  const handlers = {
    resolver(...args) {
      if (typeof emitter.removeListener === 'function') {
        emitter.removeListener('error', handlers.errorListener);
      }
      stopAbortWatch();
      outcome.resolve(args);
    },
    errorListener(failure) {
      emitter.removeListener(eventName, handlers.resolver);
      stopAbortWatch();
      outcome.reject(failure);
    },
  };
  function onAbort() {
    unsubscribe(emitter, eventName, handlers.resolver);
    unsubscribe(emitter, 'error', handlers.errorListener);
    outcome.reject(abortErrorFor(signal));
  }

  subscribe(emitter, eventName, handlers.resolver, abortFlags());
  if (eventName !== 'error' && typeof emitter.once === 'function') {
    emitter.once('error', handlers.errorListener);
  }
  if (signal) signal.addEventListener('abort', onAbort, abortFlags());
  return outcome.promise;
}

function readResult(value) {
  return { value, done: false };
}

function endResult() {
  return { value: undefined, done: true };
}

function watermark(value, fallback, name) {
  const mark = value ?? fallback;
  validateInteger(mark, name, 1);
  return mark;
}

// An async iterator over `eventName`'s argument arrays. Events that arrive
// while nobody awaits are buffered, pausing an emitter that supports it above
// the high watermark; 'error', a `close` event, an abort or return() end it.
function on(emitter, eventName, options = {}) {
  const signal = usableSignal(options.signal);
  const high = watermark(options.highWaterMark ?? options.highWatermark,
                         Number.MAX_SAFE_INTEGER, 'options.highWaterMark');
  const low = watermark(options.lowWaterMark ?? options.lowWatermark, 1,
                        'options.lowWaterMark');

  // Argument arrays nobody asked for yet, and next() calls still waiting
  // for an event: at most one of the two is non-empty.
  const unread = [];
  const readers = [];
  let failure = null;
  let closed = false;
  let paused = false;
  let abortHook = null;
  // What was subscribed, undone newest first when the iterator closes.
  const subscriptions = [];

  function follow(name, fn) {
    subscribe(emitter, name, fn);
    subscriptions.push([name, fn]);
  }

  function accept(args) {
    if (readers.length > 0) {
      readers.shift().resolve(readResult(args));
      return;
    }
    unread.push(args);
    if (!paused && unread.length > high) {
      paused = true;
      emitter.pause();
    }
  }

  // Named methods: they are registered as listeners, where names show.
  const handlers = {
    // An error goes to the oldest waiting next(), or to the next one if none
    // waits; either way the iteration ends.
    errorHandler(reason) {
      if (readers.length > 0) readers.shift().reject(reason);
      else failure = reason;
      handlers.closeHandler();
    },
    closeHandler() {
      abortHook?.[kDispose]();
      while (subscriptions.length > 0) {
        const [name, fn] = subscriptions.pop();
        unsubscribe(emitter, name, fn);
      }
      closed = true;
      while (readers.length > 0) readers.shift().resolve(endResult());
      return Promise.resolve(endResult());
    },
  };

  const iterator = {
    next() {
      if (unread.length > 0) {
        const args = unread.shift();
        if (paused && unread.length < low) {
          emitter.resume();
          paused = false;
        }
        return Promise.resolve(readResult(args));
      }
      if (failure !== null) {
        // Reported once; later reads see the end.
        const reason = failure;
        failure = null;
        return Promise.reject(reason);
      }
      if (closed) return handlers.closeHandler();
      const reader = deferred();
      readers.push(reader);
      return reader.promise;
    },

    return() {
      return handlers.closeHandler();
    },

    throw(reason) {
      if (!(reason instanceof Error)) {
        throw new ERR_INVALID_ARG_TYPE('EventEmitter.AsyncIterator',
                                       'Error', reason);
      }
      handlers.errorHandler(reason);
    },

    [Symbol.asyncIterator]() {
      return this;
    },

    [kWatermarkData]: {
      get size() {
        return unread.length;
      },
      get low() {
        return low;
      },
      get high() {
        return high;
      },
      get isPaused() {
        return paused;
      },
    },
  };
  Object.setPrototypeOf(iterator, kAsyncIteratorPrototype);

  follow(eventName, function(...args) {
    accept(args);
  });
  if (eventName !== 'error' && typeof emitter.on === 'function') {
    follow('error', handlers.errorHandler);
  }
  const closers = options.close;
  if (closers?.length) {
    for (let i = 0; i < closers.length; i++) {
      follow(closers[i], handlers.closeHandler);
    }
  }
  if (signal) {
    abortHook = addAbortListener(signal, function abortListener() {
      handlers.errorHandler(abortErrorFor(signal));
    });
  }
  return iterator;
}

module.exports = {
  addAbortListener,
  on,
  once,
};

'use strict';
// AbortController and AbortSignal. A signal is an EventTarget that fires
// one trusted 'abort' event; AbortSignal.timeout() uses an unref'd timer (it
// must not keep the process alive) and AbortSignal.any() follows its
// sources, holding only what it needs to.

const {
  Event, EventTarget, AbortSignalBase, dispatchTrusted,
} = require('./event_target');
const { DOMException } = require('./dom_exception');
const { Timeout } = require('./timers');
const { codes } = require('./errors');
const { validateUint32 } = require('./validators');

const kInspect = Symbol.for('nodejs.util.inspect.custom');
// Only this module may make signals.
const kCreate = Symbol('create');
// Whether a signal fired and why live in a record under a symbol, not in
// private fields: a Proxy of a signal then still answers `aborted` and
// `reason` (the getters run with the proxy as `this`), as Node's signals do.
const kState = Symbol('abort state');

// Brand check, set by a static block: a class that names itself inside its
// body is renamed by esbuild, which V8 messages would then show.
let checkSignal;
class AbortSignal extends AbortSignalBase {
  #onabort = null;
  // Signals made by any() that follow this one.
  #followers = null;

  constructor(key) {
    if (key !== kCreate) throw new codes.ERR_ILLEGAL_CONSTRUCTOR();
    super();
    // Writable, so that a Proxy may hand out a wrapped record (a frozen
    // slot would bind the proxy to return the record itself).
    Object.defineProperty(this, kState, {
      value: { fired: false, why: undefined }, writable: true,
    });
  }

  static {
    checkSignal = (self) => {
      if (!(self !== null && typeof self === 'object' &&
        self[kState] !== undefined)) {
        throw new codes.ERR_INVALID_THIS('AbortSignal');
      }
    };
  }

  get aborted() {
    checkSignal(this);
    return this[kState].fired;
  }

  get reason() {
    checkSignal(this);
    return this[kState].why;
  }

  throwIfAborted() {
    checkSignal(this);
    if (this[kState].fired) throw this[kState].why;
  }

  get onabort() {
    checkSignal(this);
    return this.#onabort === null ? null : this.#onabort.handler;
  }

  // An event handler attribute: it holds any value, and one listener,
  // registered the first time it is set, calls the value when it is a
  // function.
  set onabort(handler) {
    checkSignal(this);
    if (this.#onabort === null) {
      const slot = {
        handler,
        call: (event) => {
          const current = slot.handler;
          if (typeof current === 'function') return current.call(this, event);
          return undefined;
        },
      };
      this.#onabort = slot;
      this.addEventListener('abort', slot.call);
      return;
    }
    this.#onabort.handler = handler;
  }

  static abort(reason = new DOMException('This operation was aborted',
                                         'AbortError')) {
    const signal = makeSignal();
    signal[kState].fired = true;
    signal[kState].why = reason;
    return signal;
  }

  static timeout(delay) {
    validateUint32(delay, 'delay', false);
    const signal = makeSignal();
    const timer = new Timeout(() => {
      signalAbort(signal, new DOMException(
        'The operation was aborted due to timeout', 'TimeoutError'));
    }, delay, undefined, false, false);
    void timer;
    return signal;
  }

  static any(signals) {
    if (!Array.isArray(signals)) {
      throw new codes.ERR_INVALID_ARG_TYPE('signals', 'Array', signals);
    }
    signals.forEach((s, i) => {
      if (!isSignal(s)) {
        throw new codes.ERR_INVALID_ARG_TYPE(`signals[${i}]`, 'AbortSignal', s);
      }
    });
    const combined = makeSignal();
    const done = signals.find((s) => s[kState].fired);
    if (done !== undefined) {
      combined[kState].fired = true;
      combined[kState].why = done[kState].why;
      return combined;
    }
    for (const source of signals) {
      (source.#followers || (source.#followers = [])).push(combined);
    }
    return combined;
  }

  static abortNow(signal, reason) {
    if (signal[kState].fired) return;
    signal[kState].fired = true;
    signal[kState].why = reason;
    dispatchTrusted(signal, new Event('abort'));
    const followers = signal.#followers;
    signal.#followers = null;
    if (followers !== null) {
      for (const follower of followers) signalAbort(follower, reason);
    }
  }

  [kInspect](depth, options, inspect) {
    if (depth < 0) return '[AbortSignal]';
    return `AbortSignal ${inspect({ aborted: this[kState].fired }, options)}`;
  }
}

function makeSignal() {
  return new AbortSignal(kCreate);
}

function isSignal(value) {
  return value instanceof AbortSignal;
}

const signalAbort = AbortSignal.abortNow;
delete AbortSignal.abortNow;

// Brand check, set by a static block: a class that names itself inside its
// body is renamed by esbuild, which V8 messages would then show.
let checkController;
class AbortController {
  #signal = makeSignal();

  static {
    checkController = (self) => {
      if (!(self !== null && typeof self === 'object' && #signal in self)) {
        throw new codes.ERR_INVALID_THIS('AbortController');
      }
    };
  }

  get signal() {
    checkController(this);
    return this.#signal;
  }

  abort(reason = new DOMException('This operation was aborted',
                                  'AbortError')) {
    checkController(this);
    signalAbort(this.#signal, reason);
  }

  [kInspect](depth, options, inspect) {
    const nested = { ...options,
      depth: options.depth === null ? null : options.depth - 1 };
    return `AbortController ${inspect({ signal: this.#signal }, nested)}`;
  }
}

for (const [cls, names] of [
  [AbortSignal, ['aborted', 'reason', 'throwIfAborted', 'onabort']],
  [AbortController, ['signal', 'abort']]]) {
  for (const name of names) {
    const d = Object.getOwnPropertyDescriptor(cls.prototype, name);
    Object.defineProperty(cls.prototype, name, { ...d, enumerable: true });
  }
  Object.defineProperty(cls.prototype, Symbol.toStringTag, {
    value: cls.name, configurable: true,
  });
}

module.exports = { AbortController, AbortSignal, EventTarget };

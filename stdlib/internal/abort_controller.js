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

class AbortSignal extends AbortSignalBase {
  #aborted = false;
  #reason = undefined;
  #onabort = null;
  // Signals made by any() that follow this one.
  #followers = null;

  constructor(key) {
    if (key !== kCreate) throw new codes.ERR_ILLEGAL_CONSTRUCTOR();
    super();
  }

  static #check(self) {
    if (!(self !== null && typeof self === 'object' && #aborted in self)) {
      throw new codes.ERR_INVALID_THIS('AbortSignal');
    }
  }

  get aborted() {
    AbortSignal.#check(this);
    return this.#aborted;
  }

  get reason() {
    AbortSignal.#check(this);
    return this.#reason;
  }

  throwIfAborted() {
    AbortSignal.#check(this);
    if (this.#aborted) throw this.#reason;
  }

  get onabort() {
    AbortSignal.#check(this);
    return this.#onabort === null ? null : this.#onabort.handler;
  }

  // An event handler attribute: one listener slot, registered the first
  // time a handler is set, that calls whatever handler is current.
  set onabort(handler) {
    AbortSignal.#check(this);
    const value = typeof handler === 'function' ||
      (handler !== null && typeof handler === 'object') ? handler : null;
    if (this.#onabort === null) {
      if (value === null) return;
      const slot = {
        handler: value,
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
    this.#onabort.handler = value;
  }

  static abort(reason = new DOMException('This operation was aborted',
                                         'AbortError')) {
    const signal = new AbortSignal(kCreate);
    signal.#aborted = true;
    signal.#reason = reason;
    return signal;
  }

  static timeout(delay) {
    validateUint32(delay, 'delay', false);
    const signal = new AbortSignal(kCreate);
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
      if (!(s instanceof AbortSignal)) {
        throw new codes.ERR_INVALID_ARG_TYPE(`signals[${i}]`, 'AbortSignal', s);
      }
    });
    const combined = new AbortSignal(kCreate);
    const done = signals.find((s) => s.#aborted);
    if (done !== undefined) {
      combined.#aborted = true;
      combined.#reason = done.#reason;
      return combined;
    }
    for (const source of signals) {
      (source.#followers || (source.#followers = [])).push(combined);
    }
    return combined;
  }

  static abortNow(signal, reason) {
    if (signal.#aborted) return;
    signal.#aborted = true;
    signal.#reason = reason;
    dispatchTrusted(signal, new Event('abort'));
    const followers = signal.#followers;
    signal.#followers = null;
    if (followers !== null) {
      for (const follower of followers) signalAbort(follower, reason);
    }
  }

  [kInspect](depth, options, inspect) {
    if (depth < 0) return '[AbortSignal]';
    return `AbortSignal ${inspect({ aborted: this.#aborted }, options)}`;
  }
}

const signalAbort = AbortSignal.abortNow;
delete AbortSignal.abortNow;

class AbortController {
  #signal = new AbortSignal(kCreate);

  static #check(self) {
    if (!(self !== null && typeof self === 'object' && #signal in self)) {
      throw new codes.ERR_INVALID_THIS('AbortController');
    }
  }

  get signal() {
    AbortController.#check(this);
    return this.#signal;
  }

  abort(reason = new DOMException('This operation was aborted',
                                  'AbortError')) {
    AbortController.#check(this);
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

'use strict';
// node:async_hooks: AsyncLocalStorage, AsyncResource, createHook and the
// execution ids, on top of the frames internal/async_hooks/context.js keeps.

const ctx = require('./internal/async_hooks/context');
const { codes } = require('./internal/errors');
const { validateFunction, validateString } = require('./internal/validators');
const { deprecate } = require('./internal/util/common');

const { ERR_ASYNC_CALLBACK, ERR_INVALID_ASYNC_ID } = codes;
const { state, Frame, kFrame, capture, callIn, destroy, emit } = ctx;

// Loading this module is the signal that contexts matter: from now on every
// resource the stdlib makes records the frame it was made in.
state.active = true;

// V8's promise hooks cost on every promise, so they are installed only
// while an AsyncLocalStorage has been used or a hook is enabled.
let promiseHooksOn = false;
let storageInUse = false;
const reactionStack = [];

function onPromiseInit(promise, parent) {
  if (state.hooks.length === 0) {
    promise[kFrame] = state.current;
    return;
  }
  const parentFrame = parent === undefined ? undefined : parent[kFrame];
  promise[kFrame] = capture('PROMISE', promise,
    parentFrame === undefined ? undefined : parentFrame.asyncId);
}

function onPromiseBefore(promise) {
  reactionStack.push(state.current);
  const frame = promise[kFrame];
  if (frame === undefined) return;
  state.current = frame;
  if (state.hooks.length !== 0) emit('before', frame);
}

function onPromiseAfter(promise) {
  const frame = promise[kFrame];
  if (frame !== undefined && state.hooks.length !== 0) emit('after', frame);
  if (reactionStack.length !== 0) state.current = reactionStack.pop();
}

function onPromiseResolve(promise) {
  const frame = promise[kFrame];
  if (frame !== undefined && state.hooks.length !== 0) {
    emit('promiseResolve', frame);
  }
}

function updatePromiseHooks() {
  const want = storageInUse || state.hooks.length !== 0;
  if (want === promiseHooksOn) return;
  promiseHooksOn = want;
  const hooks = want ?
    [onPromiseInit, onPromiseBefore, onPromiseAfter, onPromiseResolve] : [];
  internalBinding('async_wrap').setPromiseHooks(...hooks);
}

// The running frame's view, for the three exported getters.
const current = {
  executionAsyncId: () => state.current.asyncId,
  triggerAsyncId: () => state.current.triggerAsyncId,
  executionAsyncResource: () => state.current.resource,
};

const kHookNames = ['init', 'before', 'after', 'destroy', 'promiseResolve'];

class AsyncHook {
  constructor(callbacks) {
    for (const name of kHookNames) {
      const fn = callbacks[name];
      if (fn !== undefined && typeof fn !== 'function') {
        throw new ERR_ASYNC_CALLBACK(`hook.${name}`);
      }
      this[name] = fn;
    }
  }

  enable() {
    if (!state.hooks.includes(this)) {
      // A new array: an emit in progress keeps its own list.
      state.hooks = [...state.hooks, this];
      updatePromiseHooks();
    }
    return this;
  }

  disable() {
    if (state.hooks.includes(this)) {
      state.hooks = state.hooks.filter((hook) => hook !== this);
      updatePromiseHooks();
    }
    return this;
  }
}

function createHook(callbacks) {
  return new AsyncHook(callbacks === undefined ? {} : callbacks);
}

// Resources nobody destroyed by hand are destroyed when collected.
const collected = new FinalizationRegistry((frame) => destroy(frame));

const kAsyncIdSymbol = Symbol('async_id_symbol');
const kTriggerIdSymbol = Symbol('trigger_async_id_symbol');

class AsyncResource {
  // Private, so util.inspect and Reflect.ownKeys do not see them, and plain
  // stores (Object.defineProperties per resource was a slow path: on-finished
  // makes one per request in every Express and Koa app).
  #frame;
  #done = false;

  constructor(kind, opts = {}) {
    validateString(kind, 'type');
    let trigger;
    let manualDestroy = false;
    if (typeof opts === 'number') {
      trigger = opts;
    } else if (opts !== null && typeof opts === 'object') {
      trigger = opts.triggerAsyncId;
      manualDestroy = Boolean(opts.requireManualDestroy);
    }
    if (trigger === undefined) trigger = state.current.asyncId;
    if (!Number.isSafeInteger(trigger) || trigger < -1) {
      throw new ERR_INVALID_ASYNC_ID('triggerAsyncId', trigger);
    }
    const frame = capture(kind, this, trigger);
    // The ids show in util.inspect under Node's symbol names; the rest is
    // hidden.
    this[kAsyncIdSymbol] = frame.asyncId;
    this[kTriggerIdSymbol] = frame.triggerAsyncId;
    this.#frame = frame;
    if (!manualDestroy && state.hooks.length !== 0) {
      collected.register(this, frame, this);
    }
  }

  runInAsyncScope(work, receiver, ...rest) {
    return callIn(this.#frame, work, receiver, ...rest);
  }

  emitDestroy() {
    if (!this.#done) {
      this.#done = true;
      collected.unregister(this);
      destroy(this.#frame);
    }
    return this;
  }

  asyncId() {
    return this.#frame.asyncId;
  }

  triggerAsyncId() {
    return this.#frame.triggerAsyncId;
  }

  bind(target, receiver) {
    validateFunction(target, 'fn');
    const resource = this;
    // Without a receiver the bound function passes on its own `this`.
    const bound = receiver !== undefined ?
      (...rest) => resource.runInAsyncScope(target, receiver, ...rest) :
      function(...rest) {
        return resource.runInAsyncScope(target, this, ...rest);
      };
    const getResource = deprecate(() => resource,
      'The asyncResource property on bound functions is deprecated',
      'DEP0172');
    Object.defineProperties(bound, {
      length: { value: target.length, configurable: true },
      asyncResource: {
        get: getResource,
        set: getResource,
        enumerable: true,
        configurable: true,
      },
    });
    return bound;
  }

  static bind(target, kind, receiver) {
    // The name is read first: bind(null) fails reading it, as in Node.
    const label = kind || target.name || 'bound-anonymous-fn';
    validateFunction(target, 'fn');
    return new AsyncResource(label).bind(target, receiver);
  }
}

// A frame like `frame` whose stores map `storage` to `value` (or drops it
// when `remove`).
function withStore(frame, storage, value, remove) {
  const stores = new Map(frame.stores === null ? undefined : frame.stores);
  if (remove) stores.delete(storage);
  else stores.set(storage, value);
  return new Frame(frame.asyncId, frame.triggerAsyncId, frame.resource,
    stores.size === 0 ? null : stores);
}

// Runs work(...rest) with `frame` current, then puts the old one back.
function runWith(frame, work, rest) {
  const saved = state.current;
  state.current = frame;
  try {
    return Reflect.apply(work, undefined, rest);
  } finally {
    state.current = saved;
  }
}

class AsyncLocalStorage {
  constructor() {
    this.enabled = false;
  }

  static bind(target) {
    return AsyncResource.bind(target);
  }

  static snapshot() {
    const frame = state.current;
    return function runInAsyncScope(fn, ...args) {
      return callIn(frame, fn, this, ...args);
    };
  }

  _enable() {
    this.enabled = true;
    if (!storageInUse) {
      storageInUse = true;
      updatePromiseHooks();
    }
  }

  disable() {
    if (!this.enabled) return;
    this.enabled = false;
    const stores = state.current.stores;
    if (stores !== null && stores.has(this)) {
      state.current = withStore(state.current, this, undefined, true);
    }
  }

  getStore() {
    if (!this.enabled) return undefined;
    const stores = state.current.stores;
    return stores === null ? undefined : stores.get(this);
  }

  enterWith(store) {
    this._enable();
    state.current = withStore(state.current, this, store, false);
  }

  run(value, work, ...rest) {
    this._enable();
    return runWith(withStore(state.current, this, value, false), work, rest);
  }

  exit(work, ...rest) {
    if (!this.enabled) return Reflect.apply(work, undefined, rest);
    return runWith(withStore(state.current, this, undefined, true), work, rest);
  }
}

// Node's provider names and numbers (informational: our resources report
// these type names to init hooks).
const asyncWrapProviders = Object.freeze({
  __proto__: null,
  ...Object.fromEntries([
    'NONE', 'DIRHANDLE', 'DNSCHANNEL', 'ELDHISTOGRAM', 'FILEHANDLE',
    'FILEHANDLECLOSEREQ', 'BLOBREADER', 'FSEVENTWRAP', 'FSREQCALLBACK',
    'FSREQPROMISE', 'GETADDRINFOREQWRAP', 'GETNAMEINFOREQWRAP',
    'HEAPSNAPSHOT', 'HTTP2SESSION', 'HTTP2STREAM', 'HTTP2PING',
    'HTTP2SETTINGS', 'HTTPINCOMINGMESSAGE', 'HTTPCLIENTREQUEST', 'JSSTREAM',
    'JSUDPWRAP', 'MESSAGEPORT', 'PIPECONNECTWRAP', 'PIPESERVERWRAP',
    'PIPEWRAP', 'PROCESSWRAP', 'PROMISE', 'QUERYWRAP', 'QUIC_LOGSTREAM',
    'QUIC_PACKET', 'SHUTDOWNWRAP', 'SIGNALWRAP', 'STATWATCHER', 'STREAMPIPE',
    'TCPCONNECTWRAP', 'TCPSERVERWRAP', 'TCPWRAP', 'TTYWRAP', 'UDPSENDWRAP',
    'UDPWRAP', 'SIGINTWATCHDOG', 'WORKER', 'WORKERHEAPSNAPSHOT', 'WRITEWRAP',
    'ZLIB',
  ].map((name, i) => [name, i])),
});

module.exports = {
  AsyncLocalStorage,
  createHook,
  executionAsyncId: current.executionAsyncId,
  triggerAsyncId: current.triggerAsyncId,
  executionAsyncResource: current.executionAsyncResource,
  asyncWrapProviders,
  AsyncResource,
};

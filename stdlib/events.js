// node:events: the EventEmitter class, its listener table and static helpers.
'use strict';

// Layout contract (libraries read these fields directly, so they are kept):
// `_events` is a null-prototype table from event name to a slot, which holds
// either one listener function or an array of two or more; `_eventsCount`
// counts the names in the table; `_maxListeners` stays undefined until
// setMaxListeners() is called.

const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_UNHANDLED_ERROR,
  },
} = require('./internal/errors');
const {
  validateBoolean,
  validateFunction,
  validateNumber,
} = require('./internal/validators');
const { inspect } = require('./internal/util/inspect');
const { nextTick } = require('./internal/util/common');
const waiting = require('./internal/events/waiting');
const {
  kCapture,
  kErrorMonitor,
  kMaxEventTargetListeners,
  kMaxEventTargetListenersWarned,
  kShapeMode,
  kListenersOf,
} = require('./internal/events/symbols');

// EventTargets carry kListenersOf (internal/event_target.js).
function isEventTarget(value) {
  return value !== null && typeof value === 'object' &&
    typeof value[kListenersOf] === 'function';
}

const kRejection = Symbol.for('nodejs.rejection');

// The limit for emitters that never had setMaxListeners() called lives in
// limits.js, since EventTargets follow it too.
const {
  getDefaultLimit, setDefaultLimit, warnOfLeak,
} = require('./internal/events/limits');

// Object.create(null) rather than a `__proto__: null` literal: optimized
// code allocates the former inline, the latter through a builtin call.
function emptyTable() {
  return Object.create(null);
}

// For the short lists emit() copies, this loop measured faster than
// slice() under V8 10.2.
function copyList(list) {
  const length = list.length;
  const copy = new Array(length);
  for (let i = 0; i < length; i++) copy[i] = list[i];
  return copy;
}

function limitOf(emitter) {
  const own = emitter._maxListeners;
  return own === undefined ? getDefaultLimit() : own;
}

function checkListener(fn) {
  validateFunction(fn, 'listener');
}

function checkLimit(limit, what) {
  validateNumber(limit, what, 0);
}

// Domains and old-style subclasses replace or call init, so construction
// goes through the property rather than a local function.
function EventEmitter(options) {
  EventEmitter.init.call(this, options);
}

// ---- Rejection capture ----------------------------------------------------

// With capture on, a thenable returned by a listener is watched; a rejection
// reaches the emitter on a later tick.
function watchResult(emitter, result, name, args) {
  try {
    const then = result.then;
    if (typeof then !== 'function') return;
    Reflect.apply(then, result, [undefined, (reason) => {
      nextTick(routeRejection, emitter, reason, name, args);
    }]);
  } catch (thrown) {
    emitter.emit('error', thrown);
  }
}

// Prefers the emitter's Symbol.for('nodejs.rejection') method, and falls
// back to an 'error' event.
function routeRejection(emitter, reason, name, args) {
  const custom = emitter[kRejection];
  if (typeof custom === 'function') {
    Reflect.apply(custom, emitter, [reason, name, ...args]);
    return;
  }
  // Capture is paused while 'error' is emitted so that an async 'error'
  // listener that rejects cannot feed back into this function forever.
  const saved = emitter[kCapture];
  emitter[kCapture] = false;
  try {
    emitter.emit('error', reason);
  } finally {
    emitter[kCapture] = saved;
  }
}

// ---- Delivering events ----------------------------------------------------

// What to throw for an 'error' event nobody handles: the value itself when
// it is an Error, otherwise ERR_UNHANDLED_ERROR describing it.
function unhandled(value) {
  if (value instanceof Error) return value;
  let shown = value;
  try {
    shown = inspect(value);
  } catch {
    // An unprintable value is described by its string conversion instead.
  }
  const failure = new ERR_UNHANDLED_ERROR(shown);
  failure.context = value;
  return failure;
}

// The slot of an 'error' event, after the monitors have seen it; throws
// when nobody handles it.
function errorSlot(emitter, table, args) {
  if (table !== undefined) {
    if (table[kErrorMonitor] !== undefined) {
      emitter.emit(kErrorMonitor, ...args);
    }
    const slot = table.error;
    if (slot !== undefined) return slot;
  }
  throw unhandled(args[0]);
}

// Calls the listeners of `name` with the remaining arguments and says
// whether there were any. This is the hot path (process, streams, sockets):
// the calls stay in this function because handing `args` to a helper
// measured about twice as slow under V8 10.2.
function emit(name, ...args) {
  const table = this._events;
  let slot;
  if (name === 'error') slot = errorSlot(this, table, args);
  else if (table !== undefined) slot = table[name];
  if (slot === undefined) return false;

  if (typeof slot === 'function') {
    const result = slot.apply(this, args);
    if (result != null && this[kCapture]) {
      watchResult(this, result, name, args);
    }
    return true;
  }
  // Listeners added or removed by a listener take effect from the next
  // emit, so the loop runs over a copy.
  const snapshot = copyList(slot);
  for (let i = 0; i < snapshot.length; i++) {
    const result = snapshot[i].apply(this, args);
    if (result != null && this[kCapture]) {
      watchResult(this, result, name, args);
    }
  }
  return true;
}

// ---- Adding listeners -----------------------------------------------------

function warnAboutLeak(emitter, name, count, limit) {
  warnOfLeak('EventEmitter', { emitter }, inspect(emitter, { depth: -1 }),
             name, count, limit);
}

function register(emitter, name, listener, atFront) {
  checkListener(listener);
  let table = emitter._events;
  if (table === undefined) {
    table = emptyTable();
    emitter._events = table;
    emitter._eventsCount = 0;
  } else if (table.newListener !== undefined) {
    // Announced before the listener is in place, naming the user's function
    // rather than a once() wrapper. The listener may replace the table.
    emitter.emit('newListener', name, listener.listener || listener);
    table = emitter._events;
  }

  const slot = table[name];
  if (slot === undefined) {
    table[name] = listener;
    emitter._eventsCount++;
    return emitter;
  }
  let list;
  if (typeof slot === 'function') {
    list = atFront ? [listener, slot] : [slot, listener];
    table[name] = list;
  } else {
    list = slot;
    if (atFront) list.unshift(listener);
    else list.push(listener);
  }
  // The warned flag lives on the array: one warning per name until the
  // array is replaced.
  const limit = limitOf(emitter);
  if (limit > 0 && list.length > limit && !list.warned) {
    list.warned = true;
    warnAboutLeak(emitter, name, list.length, limit);
  }
  return emitter;
}

// A once() listener is stored as a bound wrapper carrying the user's
// function as `.listener`, so removeListener(original) still finds it.
function onceWrapper(...args) {
  if (this.done) return undefined;
  this.emitter.removeListener(this.name, this.wrapper);
  this.done = true;
  return Reflect.apply(this.listener, this.emitter, args);
}

function wrapOnce(emitter, name, listener) {
  const state = {
    done: false, emitter, name, listener, wrapper: undefined,
  };
  const bound = onceWrapper.bind(state);
  bound.listener = listener;
  state.wrapper = bound;
  return bound;
}

function addListener(name, listener) {
  return register(this, name, listener, false);
}

function prependListener(name, listener) {
  return register(this, name, listener, true);
}

// Both go through the (overridable) on() and prependListener() methods.
function once(name, listener) {
  checkListener(listener);
  this.on(name, wrapOnce(this, name, listener));
  return this;
}

function prependOnceListener(name, listener) {
  checkListener(listener);
  this.prependListener(name, wrapOnce(this, name, listener));
  return this;
}

// ---- Removing listeners ---------------------------------------------------

function matches(stored, listener) {
  return stored === listener || stored.listener === listener;
}

// Takes `name` out of the table after its last listener went. Returns
// whether the table lives on with other names, i.e. whether a removal can
// still be announced. In shape mode the key is kept with an undefined slot.
function clearSlot(emitter, table, name) {
  emitter._eventsCount--;
  if (emitter[kShapeMode]) {
    table[name] = undefined;
    return false;
  }
  if (emitter._eventsCount === 0) {
    emitter._events = emptyTable();
    return false;
  }
  delete table[name];
  return true;
}

// Forgets every name; a fresh table also ends shape mode.
function resetTable(emitter) {
  emitter._events = emptyTable();
  emitter._eventsCount = 0;
  emitter[kShapeMode] = false;
}

function removeListener(name, listener) {
  checkListener(listener);
  const table = this._events;
  const slot = table === undefined ? undefined : table[name];
  if (slot === undefined) return this;

  if (matches(slot, listener)) {
    if (clearSlot(this, table, name) && table.removeListener !== undefined) {
      this.emit('removeListener', name, slot.listener || listener);
    }
    return this;
  }
  if (typeof slot === 'function') return this;

  // The most recently added match goes first.
  let at = slot.length - 1;
  while (at >= 0 && !matches(slot[at], listener)) at--;
  if (at < 0) return this;
  slot.splice(at, 1);
  if (slot.length === 1) table[name] = slot[0];
  if (table.removeListener !== undefined) {
    this.emit('removeListener', name, listener);
  }
  return this;
}

// With no 'removeListener' listeners the table is just trimmed. Otherwise
// every listener goes through removeListener() so each removal is announced,
// newest first, and the 'removeListener' listeners themselves go last.
function removeAllListeners(name) {
  const table = this._events;
  if (table === undefined) return this;
  const everything = arguments.length === 0;

  if (table.removeListener === undefined) {
    if (everything) {
      resetTable(this);
    } else {
      this[kShapeMode] = false;
      if (table[name] !== undefined) clearSlot(this, table, name);
    }
    return this;
  }

  if (everything) {
    for (const key of Reflect.ownKeys(table)) {
      if (key !== 'removeListener') this.removeAllListeners(key);
    }
    this.removeAllListeners('removeListener');
    resetTable(this);
    return this;
  }

  const slot = table[name];
  if (slot === undefined) return this;
  if (typeof slot === 'function') {
    this.removeListener(name, slot);
  } else {
    for (let i = slot.length - 1; i >= 0; i--) {
      this.removeListener(name, slot[i]);
    }
  }
  return this;
}

// ---- Reading the table ----------------------------------------------------

function slotOf(emitter, name) {
  const table = emitter._events;
  return table === undefined ? undefined : table[name];
}

function unwrapped(fn) {
  return typeof fn.listener === 'function' ? fn.listener : fn;
}

// The user's functions, once() wrappers unwrapped. A single listener is
// unwrapped by truthiness, an array entry only when its `.listener` is a
// function: Node differs between the two and callers can see it.
function listeners(name) {
  const slot = slotOf(this, name);
  if (slot === undefined) return [];
  if (typeof slot === 'function') return [slot.listener || slot];
  return slot.map(unwrapped);
}

// The stored functions, once() wrappers included.
function rawListeners(name) {
  const slot = slotOf(this, name);
  if (slot === undefined) return [];
  return typeof slot === 'function' ? [slot] : slot.slice();
}

// With `listener` (not null or undefined), counts only its registrations.
function listenerCount(name, listener) {
  const slot = slotOf(this, name);
  if (slot === undefined) return 0;
  const all = listener === undefined || listener === null;
  if (typeof slot === 'function') return all || matches(slot, listener) ? 1 : 0;
  if (all) return slot.length;
  let count = 0;
  for (const fn of slot) {
    if (matches(fn, listener)) count++;
  }
  return count;
}

function eventNames() {
  return this._eventsCount > 0 ? Reflect.ownKeys(this._events) : [];
}

function setMaxListeners(limit) {
  checkLimit(limit, 'setMaxListeners');
  this._maxListeners = limit;
  return this;
}

function getMaxListeners() {
  return limitOf(this);
}

// Prototype properties stay plain enumerable data in Node's order: for-in
// over an emitter and mixin helpers see them.
const proto = EventEmitter.prototype;
Object.assign(proto, {
  _events: undefined,
  _eventsCount: 0,
  _maxListeners: undefined,
  setMaxListeners,
  getMaxListeners,
  emit,
  addListener,
  on: addListener,
  prependListener,
  once,
  prependOnceListener,
  removeListener,
  off: removeListener,
  removeAllListeners,
  listeners,
  rawListeners,
  listenerCount,
  eventNames,
});
Object.defineProperty(proto, kCapture, {
  value: false, writable: true, enumerable: false, configurable: false,
});

// ---- Static API -----------------------------------------------------------

function notAnEmitter(name, value) {
  return new ERR_INVALID_ARG_TYPE(name, ['EventEmitter', 'EventTarget'], value);
}

// A plain static property, as an assignment would make it.
function plain(value) {
  return { value, writable: true, enumerable: true, configurable: true };
}

function hidden(value) {
  return { value, writable: false, enumerable: false, configurable: false };
}

// Names and order follow Node's, as util.inspect(EventEmitter) shows them.
// EventTarget support (its listeners and limits) arrives with EventTarget.
Object.defineProperties(EventEmitter, {
  addAbortListener: plain(waiting.addAbortListener),
  once: plain(waiting.once),
  on: plain(waiting.on),
  getEventListeners: plain(function getEventListeners(target, name) {
    if (isEventTarget(target)) return target[kListenersOf](name);
    if (typeof target.listeners !== 'function') {
      throw notAnEmitter('emitter', target);
    }
    return target.listeners(name);
  }),
  // Reads the limit directly, whatever the emitter's own method returns.
  getMaxListeners: plain(function getMaxListeners(target) {
    if (isEventTarget(target)) return target[kMaxEventTargetListeners];
    if (target == null || typeof target.getMaxListeners !== 'function') {
      throw notAnEmitter('emitter', target);
    }
    return limitOf(target);
  }),
  EventEmitter: plain(EventEmitter),
  usingDomains: plain(false),
  captureRejectionSymbol: plain(kRejection),
  captureRejections: {
    enumerable: true,
    configurable: false,
    get() {
      return proto[kCapture];
    },
    set(enabled) {
      validateBoolean(enabled, 'EventEmitter.captureRejections');
      proto[kCapture] = enabled;
    },
  },
  errorMonitor: plain(kErrorMonitor),
  defaultMaxListeners: {
    enumerable: true,
    configurable: false,
    get() {
      return getDefaultLimit();
    },
    set(limit) {
      checkLimit(limit, 'defaultMaxListeners');
      setDefaultLimit(limit);
    },
  },
  kMaxEventTargetListeners: hidden(kMaxEventTargetListeners),
  kMaxEventTargetListenersWarned: hidden(kMaxEventTargetListenersWarned),
});

// With no emitters given, changes the default limit of all of them.
EventEmitter.setMaxListeners = function(limit = getDefaultLimit(),
                                        ...targets) {
  checkLimit(limit, 'setMaxListeners');
  if (targets.length === 0) {
    setDefaultLimit(limit);
    return;
  }
  for (const target of targets) {
    if (isEventTarget(target)) {
      target[kMaxEventTargetListeners] = limit;
      target[kMaxEventTargetListenersWarned] = false;
    } else if (typeof target.setMaxListeners === 'function') {
      target.setMaxListeners(limit);
    } else {
      throw notAnEmitter('eventTargets', target);
    }
  }
};

// A table inherited from the prototype (or none) is replaced by a fresh one.
// A table the object already owns is adopted, which puts the emitter in
// shape mode.
EventEmitter.init = function(options) {
  const adopted = this._events !== undefined &&
    this._events !== Object.getPrototypeOf(this)._events;
  if (!adopted) {
    this._events = emptyTable();
    this._eventsCount = 0;
  }
  const limit = this._maxListeners;
  this._maxListeners = limit || undefined;
  this[kShapeMode] = adopted;
  const capture = options == null ? undefined : options.captureRejections;
  if (capture) validateBoolean(capture, 'options.captureRejections');
  this[kCapture] = capture ? true : proto[kCapture];
};

// The legacy static form; an emitter's own listenerCount() decides.
EventEmitter.listenerCount = function(emitter, name) {
  if (typeof emitter.listenerCount !== 'function') {
    return Reflect.apply(listenerCount, emitter, [name]);
  }
  return emitter.listenerCount(name);
};

// Made on first use: loading it loads node:async_hooks.
let eventEmitterAsyncResource;
Object.defineProperty(EventEmitter, 'EventEmitterAsyncResource', {
  get: function lazyEventEmitterAsyncResource() {
    eventEmitterAsyncResource ??= require('./internal/async_hooks/event_emitter')
      .makeEventEmitterAsyncResource(EventEmitter);
    return eventEmitterAsyncResource;
  },
  enumerable: true,
  configurable: true,
});

module.exports = EventEmitter;

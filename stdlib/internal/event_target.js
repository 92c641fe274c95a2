'use strict';
// Event, CustomEvent and EventTarget as Node has them: the DOM's dispatch
// model without a tree (there is no capture or bubble path, so every
// listener runs at the target), listener options once/capture/passive/
// signal, and Node's additions: a max-listeners warning per event type and
// exceptions from listeners reported as uncaught.

const { codes } = require('./errors');
const { nextTick } = require('./process/ticks');
const { emitProcessWarning } = require('./process/warning');
const { getDefaultLimit, warnOfLeak } = require('./events/limits');
const {
  kListenersOf, kMaxEventTargetListeners, kMaxEventTargetListenersWarned,
} = require('./events/symbols');
const { uptime } = internalBinding('process');

const kInspect = Symbol.for('nodejs.util.inspect.custom');
const kPhases = { NONE: 0, CAPTURING_PHASE: 1, AT_TARGET: 2, BUBBLING_PHASE: 3 };

function invalidThis(type) {
  return new codes.ERR_INVALID_THIS(type);
}

// Brand check, set by a static block: a class that names itself inside its
// body is renamed by esbuild, which V8 messages would then show.
let checkEvent;
class Event {
  #type;
  #bubbles;
  #cancelable;
  #composed;
  #canceled = false;
  #dispatching = false;
  #stopped = false;
  #stoppedImmediately = false;
  #trusted = false;
  #target = null;
  #currentTarget = null;
  #phase = kPhases.NONE;
  #timeStamp = uptime() * 1000;

  constructor(type, options = undefined) {
    if (arguments.length === 0) throw new codes.ERR_MISSING_ARGS('type');
    if (options !== undefined && options !== null &&
        typeof options !== 'object') {
      throw new codes.ERR_INVALID_ARG_TYPE('options', 'object', options);
    }
    this.#type = `${type}`;
    this.#bubbles = !!(options && options.bubbles);
    this.#cancelable = !!(options && options.cancelable);
    this.#composed = !!(options && options.composed);
  }

  static {
    checkEvent = (self) => {
      if (!(self !== null && typeof self === 'object' && #type in self)) {
        throw invalidThis('Event');
      }
    };
  }

  // Hooks for EventTarget's dispatch; plain functions, not methods, so that
  // they stay out of user sight.
  static beginDispatch(event, target, trusted) {
    if (event.#dispatching) {
      throw new codes.ERR_EVENT_RECURSION(event.#type);
    }
    event.#dispatching = true;
    event.#target = target;
    event.#currentTarget = target;
    event.#phase = kPhases.AT_TARGET;
    if (trusted) event.#trusted = true;
  }

  static endDispatch(event) {
    event.#dispatching = false;
    event.#currentTarget = null;
    event.#phase = kPhases.NONE;
    return !event.#canceled;
  }

  static stoppedImmediately(event) {
    return event.#stoppedImmediately;
  }

  initEvent(type, bubbles = false, cancelable = false) {
    checkEvent(this);
    if (arguments.length === 0) throw new codes.ERR_MISSING_ARGS('type');
    if (this.#dispatching) return;
    this.#type = `${type}`;
    this.#bubbles = !!bubbles;
    this.#cancelable = !!cancelable;
  }

  stopImmediatePropagation() {
    checkEvent(this);
    this.#stopped = true;
    this.#stoppedImmediately = true;
  }

  // Node 20 honours preventDefault() in passive listeners as well.
  preventDefault() {
    checkEvent(this);
    if (this.#cancelable) this.#canceled = true;
  }

  get target() {
    checkEvent(this);
    return this.#target;
  }

  get currentTarget() {
    checkEvent(this);
    return this.#currentTarget;
  }

  get srcElement() {
    checkEvent(this);
    return this.#target;
  }

  get type() {
    checkEvent(this);
    return this.#type;
  }

  get cancelable() {
    checkEvent(this);
    return this.#cancelable;
  }

  get defaultPrevented() {
    checkEvent(this);
    return this.#cancelable && this.#canceled;
  }

  get timeStamp() {
    checkEvent(this);
    return this.#timeStamp;
  }

  composedPath() {
    checkEvent(this);
    return this.#dispatching ? [this.#currentTarget] : [];
  }

  // Read-only in Node 20 (no legacy setter).
  get returnValue() {
    checkEvent(this);
    return !this.defaultPrevented;
  }

  get bubbles() {
    checkEvent(this);
    return this.#bubbles;
  }

  get composed() {
    checkEvent(this);
    return this.#composed;
  }

  get eventPhase() {
    checkEvent(this);
    return this.#phase;
  }

  get cancelBubble() {
    checkEvent(this);
    return this.#stopped;
  }

  set cancelBubble(value) {
    checkEvent(this);
    if (value) this.#stopped = true;
  }

  stopPropagation() {
    checkEvent(this);
    this.#stopped = true;
  }

  get isTrusted() {
    checkEvent(this);
    return this.#trusted;
  }

  [kInspect](depth, options, inspect) {
    const name = this.constructor.name;
    if (depth < 0) return name;
    const shown = {
      type: this.#type,
      defaultPrevented: this.defaultPrevented,
      cancelable: this.#cancelable,
      timeStamp: this.#timeStamp,
    };
    const nested = { ...options, depth: options.depth === null ? null :
      options.depth - 1 };
    return `${name} ${inspect(shown, nested)}`;
  }
}

const { beginDispatch, endDispatch, stoppedImmediately } = Event;
delete Event.beginDispatch;
delete Event.endDispatch;
delete Event.stoppedImmediately;

for (const [name, value] of Object.entries(kPhases)) {
  const constant = { value, writable: false, enumerable: true,
    configurable: false };
  Object.defineProperty(Event, name, constant);
}
Object.defineProperty(Event.prototype, Symbol.toStringTag, {
  value: 'Event', configurable: true,
});
for (const name of Object.getOwnPropertyNames(Event.prototype)) {
  if (name === 'constructor') continue;
  const d = Object.getOwnPropertyDescriptor(Event.prototype, name);
  if (d.get || typeof d.value === 'function') {
    Object.defineProperty(Event.prototype, name, { ...d, enumerable: true });
  }
}

class CustomEvent extends Event {
  #detail;

  constructor(type, options = undefined) {
    if (arguments.length === 0) throw new codes.ERR_MISSING_ARGS('type');
    super(type, options);
    this.#detail = options && options.detail !== undefined ?
      options.detail : null;
  }

  get detail() {
    if (!(this !== null && typeof this === 'object' && #detail in this)) {
      throw invalidThis('CustomEvent');
    }
    return this.#detail;
  }
}
Object.defineProperty(CustomEvent.prototype, Symbol.toStringTag, {
  value: 'CustomEvent', configurable: true,
});

// One registration: the listener with the options that identify it. The
// registrations of a type form a doubly linked list; an unlinked node keeps
// its `next`, so a dispatch in progress walks on past it, and listeners
// added meanwhile (appended) are reached by that same dispatch, as in Node.
class Registration {
  constructor(callback, capture, once, passive) {
    this.callback = callback;
    this.capture = capture;
    this.once = once;
    this.passive = passive;
    this.removed = false;
    this.dropSignal = null;
    this.prev = null;
    this.next = null;
  }
}

class RegistrationList {
  constructor() {
    this.head = null;
    this.tail = null;
    this.size = 0;
  }

  find(callback, capture) {
    for (let r = this.head; r !== null; r = r.next) {
      if (r.callback === callback && r.capture === capture) return r;
    }
    return null;
  }

  append(registration) {
    registration.prev = this.tail;
    if (this.tail === null) this.head = registration;
    else this.tail.next = registration;
    this.tail = registration;
    this.size++;
  }

  unlink(registration) {
    registration.removed = true;
    if (registration.prev === null) this.head = registration.next;
    else registration.prev.next = registration.next;
    if (registration.next === null) this.tail = registration.prev;
    else registration.next.prev = registration.prev;
    this.size--;
  }

  callbacks() {
    const out = [];
    for (let r = this.head; r !== null; r = r.next) out.push(r.callback);
    return out;
  }
}

function readListenerOptions(options) {
  if (typeof options === 'boolean' || options === undefined ||
      options === null || typeof options !== 'object') {
    return { capture: !!options, once: false, passive: false,
      signal: undefined };
  }
  const signal = options.signal;
  if (signal !== undefined && !(signal instanceof AbortSignalBase)) {
    throw new codes.ERR_INVALID_ARG_TYPE('options.signal', 'AbortSignal',
                                         signal);
  }
  return { capture: !!options.capture, once: !!options.once,
    passive: !!options.passive, signal };
}

// Reports an exception a listener threw as uncaught, after the dispatch.
function reportListenerError(err) {
  nextTick(() => { throw err; });
}

// Brand check, set by a static block: a class that names itself inside its
// body is renamed by esbuild, which V8 messages would then show.
let checkTarget;
class EventTarget {
  // type -> RegistrationList (in registration order).
  #listeners = new Map();
  #warned = new Set();

  constructor() {
    // events.setMaxListeners(n, target) changes these (events.js); the
    // limit starts at events.defaultMaxListeners as it is now.
    this[kMaxEventTargetListeners] = getDefaultLimit();
    this[kMaxEventTargetListenersWarned] = false;
  }

  static {
    checkTarget = (self) => {
      if (!(self !== null && typeof self === 'object' && #listeners in self)) {
        throw invalidThis('EventTarget');
      }
    };
  }

  addEventListener(type, listener, options = undefined) {
    checkTarget(this);
    if (arguments.length < 2) {
      throw new codes.ERR_MISSING_ARGS('type', 'listener');
    }
    const { capture, once, passive, signal } = readListenerOptions(options);
    if (listener === null || listener === undefined) {
      const warning = new Error(`addEventListener called with ${listener} ` +
        'which has no effect.');
      Object.assign(warning, {
        name: 'AddEventListenerArgumentTypeWarning', target: this, type,
      });
      emitProcessWarning(warning);
      return;
    }
    if (typeof listener !== 'function' && typeof listener !== 'object') {
      throw new codes.ERR_INVALID_ARG_TYPE('listener', 'EventListener',
                                           listener);
    }
    if (signal !== undefined && signal.aborted) return;
    const key = `${type}`;
    let list = this.#listeners.get(key);
    if (list === undefined) {
      list = new RegistrationList();
      this.#listeners.set(key, list);
    }
    if (list.find(listener, capture) !== null) return;
    const registration = new Registration(listener, capture, once, passive);
    list.append(registration);
    this.#warnIfTooMany(key, list.size);
    if (signal !== undefined) {
      const drop = () => this.removeEventListener(key, listener, { capture });
      signal.addEventListener('abort', drop, { once: true });
      registration.dropSignal = () => signal.removeEventListener('abort', drop);
    }
  }

  #warnIfTooMany(type, count) {
    const max = this[kMaxEventTargetListeners];
    if (max <= 0 || count <= max) return;
    if (this[kMaxEventTargetListenersWarned] === false) this.#warned.clear();
    if (this.#warned.has(type)) return;
    this.#warned.add(type);
    this[kMaxEventTargetListenersWarned] = true;
    warnOfLeak('EventTarget', { target: this }, targetDescription(this), type,
               count, max);
  }

  removeEventListener(type, listener, options = undefined) {
    checkTarget(this);
    if (arguments.length < 2) {
      throw new codes.ERR_MISSING_ARGS('type', 'listener');
    }
    const key = `${type}`;
    const list = this.#listeners.get(key);
    if (list === undefined) return;
    const capture = typeof options === 'boolean' ? options :
      !!(options && options.capture);
    const registration = list.find(listener, capture);
    if (registration === null) return;
    list.unlink(registration);
    if (registration.dropSignal !== null) registration.dropSignal();
    if (list.size === 0) this.#listeners.delete(key);
  }

  dispatchEvent(event) {
    checkTarget(this);
    if (!(event instanceof Event)) {
      throw new codes.ERR_INVALID_ARG_TYPE('event', 'Event', event);
    }
    return this.#dispatch(event, false);
  }

  #dispatch(event, trusted) {
    beginDispatch(event, this, trusted);
    const list = this.#listeners.get(event.type);
    if (list !== undefined) {
      for (let registration = list.head; registration !== null;
        registration = registration.next) {
        if (registration.removed) continue;
        if (registration.once) {
          this.removeEventListener(event.type, registration.callback,
                                   { capture: registration.capture });
        }
        try {
          const { callback } = registration;
          const result = typeof callback === 'function' ?
            callback.call(this, event) : callback.handleEvent(event);
          if (result !== undefined && result !== null &&
              typeof result.then === 'function') {
            result.then(undefined, reportListenerError);
          }
        } catch (err) {
          reportListenerError(err);
        }
        if (stoppedImmediately(event)) break;
      }
    }
    return endDispatch(event);
  }

  // For AbortSignal: dispatches an event the runtime made (isTrusted).
  static dispatchTrusted(target, event) {
    return target.#dispatch(event, true);
  }

  static listenersOf(target, type) {
    checkTarget(target);
    const list = target.#listeners.get(`${type}`);
    return list === undefined ? [] : list.callbacks();
  }

  [kListenersOf](type) {
    return listenersOf(this, type);
  }

  [kInspect](depth, options, inspect) {
    const name = this.constructor.name;
    if (depth < 0) return name;
    return `${name} ${inspect({}, options)}`;
  }
}

// How the warning names a target: its inspect form at depth -1
// (`EventTarget`, `MyTarget`, `[AbortSignal]`).
function targetDescription(target) {
  const custom = target[kInspect];
  return typeof custom === 'function' ? `${custom.call(target, -1, {})}` :
    target.constructor.name;
}

const { dispatchTrusted, listenersOf } = EventTarget;
delete EventTarget.dispatchTrusted;
delete EventTarget.listenersOf;

for (const name of ['addEventListener', 'removeEventListener',
  'dispatchEvent']) {
  const d = Object.getOwnPropertyDescriptor(EventTarget.prototype, name);
  Object.defineProperty(EventTarget.prototype, name, { ...d, enumerable: true });
}
Object.defineProperty(EventTarget.prototype, Symbol.toStringTag, {
  value: 'EventTarget', configurable: true,
});

// AbortSignal's base, so listener options can recognize signals without a
// require cycle with abort_controller.js (which builds on EventTarget).
class AbortSignalBase extends EventTarget {}

module.exports = {
  Event,
  CustomEvent,
  EventTarget,
  AbortSignalBase,
  dispatchTrusted,
};

'use strict';
// MessagePort, MessageChannel, BroadcastChannel and the message helpers of
// worker_threads. A port object is made by the native 'messaging' binding
// (an API object, so that V8's serializer hands it back to C++ when it is
// posted) and given MessagePort.prototype; its listeners live in a plain
// symbol-keyed record, since the object never ran a JS constructor.

const asyncContext = require('../async_hooks/context');
const {
  ERR_CONSTRUCT_CALL_INVALID, ERR_INVALID_ARG_TYPE, ERR_INVALID_THIS,
  ERR_INVALID_TRANSFER_OBJECT, ERR_MISSING_ARGS,
} = require('../errors').codes;
const { validateFunction, validateString } = require('../validators');
const { Event, EventTarget } = require('../event_target');
const { nextTick } = require('../process/ticks');
const { DOMException } = require('../dom_exception');
const { inspect } = require('../util/inspect');

const kListeners = Symbol('kListeners');
const kMaxListeners = Symbol('kMaxListeners');
const kIsBroadcast = Symbol('kIsBroadcast');
const kInspect = Symbol.for('nodejs.util.inspect.custom');
// Lets `new MessagePort()` fail for users while the module makes ports.
const kConstructToken = Symbol('kConstructToken');

let native;
function binding() {
  if (native === undefined) {
    // eslint-disable-next-line no-undef
    native = internalBinding('messaging');
    native.setup(emitFromNative, MessagePort.prototype);
  }
  return native;
}

// V8's clone errors are DataCloneError DOMExceptions; a port found in the
// value but not in the transfer list is Node's coded TypeError.
function makeCloneError(message, code) {
  if (code === 'ERR_MISSING_TRANSFERABLE_IN_TRANSFER_LIST') {
    const coded = new TypeError(message);
    coded.code = code;
    return coded;
  }
  return new DOMException(message, 'DataCloneError');
}

class MessageEvent extends Event {
  #data;
  #ports;
  #origin;
  #lastEventId;
  #source;

  constructor(type, eventInit = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('type');
    super(type, eventInit);
    const init = eventInit === undefined || eventInit === null ? {} :
      eventInit;
    this.#data = init.data === undefined ? null : init.data;
    this.#origin = init.origin === undefined ? '' : `${init.origin}`;
    this.#lastEventId = init.lastEventId === undefined ? '' :
      `${init.lastEventId}`;
    this.#source = init.source === undefined ? null : init.source;
    this.#ports = init.ports === undefined ? [] : [...init.ports];
  }

  get data() { return this.#data; }
  get origin() { return this.#origin; }
  get lastEventId() { return this.#lastEventId; }
  get source() { return this.#source; }
  get ports() { return this.#ports; }
}

// --- listeners -------------------------------------------------------------
// One list per event type; an entry is either an EventEmitter-style
// listener (called with the message data) or a DOM listener (called with a
// MessageEvent), as NodeEventTarget mixes both in Node.

function listenersOf(target) {
  let record = target[kListeners];
  if (record === undefined) {
    record = new Map();
    Object.defineProperty(target, kListeners, { value: record });
  }
  return record;
}

function checkPortLike(self) {
  if (self === null || typeof self !== 'object' ||
      !(self instanceof NodeEventTarget)) {
    throw new ERR_INVALID_THIS('NodeEventTarget');
  }
}

function addEntry(target, type, entry) {
  const record = listenersOf(target);
  const key = `${type}`;
  const list = record.get(key) || [];
  record.set(key, list);
  if (entry.dom && list.some((e) => e.dom && e.fn === entry.fn)) return;
  list.push(entry);
  if (typeof target[kListenerAdded] === 'function') {
    target[kListenerAdded](key, list.length);
  }
}

function removeEntry(target, type, fn, dom) {
  const record = listenersOf(target);
  const key = `${type}`;
  const list = record.get(key);
  if (list === undefined) return;
  // The most recent registration goes first, as EventEmitter's off().
  const at = list.findLastIndex((e) => e.fn === fn && e.dom === dom);
  if (at < 0) return;
  list.splice(at, 1);
  if (list.length === 0) record.delete(key);
  if (typeof target[kListenerRemoved] === 'function') {
    target[kListenerRemoved](key, list.length);
  }
}

const kListenerAdded = Symbol('kListenerAdded');
const kListenerRemoved = Symbol('kListenerRemoved');

// Reports what a listener threw the way EventTarget does: as uncaught, on
// a later tick, so the other listeners still run.
function reportListenerError(err) {
  nextTick(() => { throw err; });
}

// Calls the listeners of `type`; `makeEvent()` builds the DOM event and
// `plain` is what EventEmitter-style listeners get.
function dispatch(target, type, plain, makeEvent) {
  const list = listenersOf(target).get(type);
  const onProperty = target[kHandlerProperty]?.get(type);
  if (list === undefined && onProperty === undefined) return;
  let event;
  const eventFor = () => {
    if (!event) {
      event = makeEvent();
      Object.defineProperty(event, 'target', { value: target });
      Object.defineProperty(event, 'currentTarget', { value: target });
    }
    return event;
  };
  for (const entry of list === undefined ? [] : [...list]) {
    if (entry.once) removeEntry(target, type, entry.fn, entry.dom);
    try {
      if (!entry.dom) {
        entry.fn.call(target, plain);
      } else if (typeof entry.fn === 'function') {
        entry.fn.call(target, eventFor());
      } else {
        entry.fn.handleEvent(eventFor());
      }
    } catch (err) {
      reportListenerError(err);
    }
  }
  if (onProperty !== undefined) {
    try {
      onProperty.call(target, eventFor());
    } catch (err) {
      reportListenerError(err);
    }
  }
}

const kHandlerProperty = Symbol('kHandlerProperty');

function emitterEntry(fn, once) {
  validateFunction(fn, 'listener');
  return { fn, dom: false, once };
}

// Node's NodeEventTarget: an EventTarget that also speaks EventEmitter.
class NodeEventTarget extends EventTarget {
  addEventListener(type, listener, options = undefined) {
    checkPortLike(this);
    if (arguments.length < 2) throw new ERR_MISSING_ARGS('type', 'listener');
    if (listener === null || listener === undefined) return;
    const once = typeof options === 'object' && options !== null &&
      !!options.once;
    addEntry(this, type, { fn: listener, dom: true, once });
  }

  removeEventListener(type, listener, options = undefined) {
    checkPortLike(this);
    if (arguments.length < 2) throw new ERR_MISSING_ARGS('type', 'listener');
    removeEntry(this, type, listener, true);
  }

  dispatchEvent(event) {
    checkPortLike(this);
    if (!(event instanceof Event)) {
      throw new ERR_INVALID_ARG_TYPE('event', 'Event', event);
    }
    dispatch(this, event.type, event, () => event);
    return !event.defaultPrevented;
  }

  setMaxListeners(n) {
    this[kMaxListeners] = n;
  }

  getMaxListeners() {
    return this[kMaxListeners] === undefined ? 10 : this[kMaxListeners];
  }

  eventNames() {
    return [...listenersOf(this).keys()];
  }

  listenerCount(type) {
    const list = listenersOf(this).get(`${type}`);
    return list === undefined ? 0 : list.length;
  }

  off(type, listener) {
    removeEntry(this, type, listener, false);
    return this;
  }

  removeListener(type, listener) {
    return this.off(type, listener);
  }

  on(type, fn) {
    addEntry(this, type, emitterEntry(fn, false));
    return this;
  }

  addListener(type, fn) {
    return this.on(type, fn);
  }

  emit(type, arg) {
    validateString(type, 'type');
    const had = this.listenerCount(type) > 0;
    dispatch(this, type, arg, () => new Event(type));
    return had;
  }

  once(type, fn) {
    addEntry(this, type, emitterEntry(fn, true));
    return this;
  }

  removeAllListeners(which) {
    const record = listenersOf(this);
    const types = which === undefined ? [...record.keys()] : [`${which}`];
    for (const key of types) {
      const list = record.get(key);
      if (list === undefined) continue;
      for (const entry of [...list]) removeEntry(this, key, entry.fn, entry.dom);
    }
    return this;
  }
}

// onmessage/onmessageerror: setting onmessage starts the port, as in Node.
function defineHandlerProperty(proto, name) {
  const type = name.slice(2);
  Object.defineProperty(proto, name, {
    get() {
      const handlers = this[kHandlerProperty];
      const fn = handlers === undefined ? undefined : handlers.get(type);
      return fn === undefined ? null : fn;
    },
    set(handler) {
      let handlers = this[kHandlerProperty];
      if (handlers === undefined) {
        handlers = new Map();
        Object.defineProperty(this, kHandlerProperty, { value: handlers });
      }
      const had = handlers.has(type);
      if (typeof handler === 'function') {
        handlers.set(type, handler);
        if (!had && typeof this[kListenerAdded] === 'function') {
          this[kListenerAdded](type, 1);
        }
      } else {
        handlers.delete(type);
        if (had && typeof this[kListenerRemoved] === 'function') {
          this[kListenerRemoved](type, this.listenerCount(type));
        }
      }
    },
    enumerable: true,
    configurable: true,
  });
}

// --- transfer lists --------------------------------------------------------

// Node makes these in C++: plain TypeErrors with a code and their own text.
function nativeStyleError(code, message) {
  const err = new TypeError(message);
  err.code = code;
  return err;
}

const untransferable = new WeakSet();

function markAsUntransferable(object) {
  if ((typeof object !== 'object' && typeof object !== 'function') ||
      object === null) {
    return;
  }
  untransferable.add(object);
}

function isMarkedAsUntransferable(object) {
  return (typeof object === 'object' || typeof object === 'function') &&
    object !== null && untransferable.has(object);
}

const kArrayBufferTag = '[object ArrayBuffer]';

function isArrayBuffer(value) {
  return value !== null && typeof value === 'object' &&
    Object.prototype.toString.call(value) === kArrayBufferTag;
}

// Splits a transfer list (an array, or { transfer }) into ArrayBuffers and
// ports; `source` is the posting port, which may not move itself.
function splitTransferList(list, source) {
  const buffers = [];
  const ports = [];
  if (list === undefined || list === null) return { buffers, ports };
  if (typeof list === 'object' && !Array.isArray(list) &&
      typeof list[Symbol.iterator] !== 'function') {
    list = list.transfer;
    if (list === undefined || list === null) return { buffers, ports };
  }
  if (typeof list !== 'object' || typeof list[Symbol.iterator] !== 'function') {
    throw nativeStyleError('ERR_INVALID_ARG_TYPE',
                           'Optional transferList argument must be an iterable');
  }
  for (const item of list) {
    if (isMarkedAsUntransferable(item)) continue;
    if (isArrayBuffer(item)) {
      if (buffers.includes(item)) {
        throw new DOMException('Transfer list contains duplicate ArrayBuffer',
                               'DataCloneError');
      }
      buffers.push(item);
    } else if (item instanceof MessagePort && binding().isPort(item)) {
      if (item === source) {
        throw new DOMException('Transfer list contains source port',
                               'DataCloneError');
      }
      if (ports.includes(item)) {
        throw new DOMException('Transfer list contains duplicate MessagePort',
                               'DataCloneError');
      }
      ports.push(item);
    } else if (item instanceof MessagePort) {
      throw new DOMException('MessagePort in transfer list is already ' +
                             'detached', 'DataCloneError');
    } else {
      throw new ERR_INVALID_TRANSFER_OBJECT();
    }
  }
  return { buffers, ports };
}

// --- MessagePort -----------------------------------------------------------

function checkPort(self) {
  if (!(self instanceof MessagePort)) throw new ERR_INVALID_THIS('MessagePort');
}

class MessagePort extends NodeEventTarget {
  constructor(token = undefined) {
    if (token !== kConstructToken) throw new ERR_CONSTRUCT_CALL_INVALID();
    super();
  }

  postMessage(value, transferList = undefined) {
    checkPort(this);
    if (arguments.length === 0) {
      throw nativeStyleError('ERR_MISSING_ARGS',
                             'Not enough arguments to MessagePort.postMessage');
    }
    const { buffers, ports } = splitTransferList(transferList, this);
    const io = binding();
    if (this[kIsBroadcast]) {
      io.broadcast(this, value, buffers, ports, makeCloneError);
      return;
    }
    io.postMessage(this, value, buffers, ports, makeCloneError);
  }

  start() {
    checkPort(this);
    binding().start(this);
  }

  close() {
    checkPort(this);
    binding().close(this);
  }

  ref() {
    checkPort(this);
    binding().setRef(this, true);
    return this;
  }

  unref() {
    checkPort(this);
    binding().setRef(this, false);
    return this;
  }

  hasRef() {
    checkPort(this);
    return binding().hasRef(this);
  }

  // A 'message' listener (or onmessage) starts the port and makes it keep
  // the loop alive; when the last one goes it no longer does (messages
  // still queue), as in Node.
  [kListenerAdded](type) {
    if (type !== 'message') return;
    const io = binding();
    io.start(this);
    io.setRef(this, true);
  }

  [kListenerRemoved](type) {
    if (type === 'message' && this.listenerCount('message') === 0 &&
        this.onmessage === null) {
      binding().setRef(this, false);
    }
  }

  [kInspect](depth, inspectOptions) {
    if (depth < 0) return 'MessagePort';
    return `MessagePort ${inspect({ active: binding().isPort(this),
      refed: binding().hasRef(this) }, inspectOptions)}`;
  }
}
defineHandlerProperty(MessagePort.prototype, 'onmessage');
defineHandlerProperty(MessagePort.prototype, 'onmessageerror');
Object.defineProperty(MessagePort.prototype, Symbol.toStringTag, {
  value: 'MessagePort', configurable: true,
});

// What the native side calls for every event of a port (kind: 0 message,
// 1 messageerror, 2 close).
function emitFromNative(port, kind, value) {
  // A port's events run in the async context its channel was made in.
  const frame = port[asyncContext.kFrame];
  if (frame !== undefined) return asyncContext.callIn(frame, deliverEvent, undefined, port, kind, value);
  deliverEvent(port, kind, value);
}

function deliverEvent(port, kind, value) {
  if (kind === 0) {
    dispatch(port, 'message', value, () => new MessageEvent('message', {
      data: value,
    }));
  } else if (kind === 1) {
    dispatch(port, 'messageerror', value, () => new MessageEvent(
      'messageerror', { data: value }));
  } else {
    dispatch(port, 'close', undefined, () => new Event('close'));
  }
}

// --- MessageChannel --------------------------------------------------------

class MessageChannel {
  #port1;
  #port2;

  constructor() {
    [this.#port1, this.#port2] = binding().createChannel();
    asyncContext.attach(this.#port1, 'MESSAGEPORT');
    asyncContext.attach(this.#port2, 'MESSAGEPORT');
  }

  get port1() { return this.#port1; }
  get port2() { return this.#port2; }
}

// The next queued message of `port`, now, as { message }; undefined if none.
const receiveMessageOnPort = (port) => {
  if (!(port instanceof MessagePort)) {
    throw nativeStyleError('ERR_INVALID_ARG_TYPE',
                           'The "port" argument must be a MessagePort instance');
  }
  const got = binding().receive(port);
  return got && { message: got[0] };
};

// --- BroadcastChannel ------------------------------------------------------

class BroadcastChannel extends EventTarget {
  #name;
  #port;

  constructor(name) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('name');
    super();
    this.#name = `${name}`;
    const port = binding().openBroadcast(this.#name);
    port[kIsBroadcast] = true;
    // Events arrive on the hidden port; listeners see them on the channel.
    port.on('message', (data) => {
      this.dispatchEvent(new MessageEvent('message', { data }));
    });
    port.on('messageerror', (data) => {
      this.dispatchEvent(new MessageEvent('messageerror', { data }));
    });
    this.#port = port;
  }

  get name() {
    return this.#name;
  }

  close() {
    if (this.#port === undefined) return;
    this.#port.close();
    this.#port = undefined;
  }

  postMessage(message) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('message');
    if (this.#port === undefined) {
      throw new DOMException('BroadcastChannel is closed.',
                             'InvalidStateError');
    }
    this.#port.postMessage(message);
  }

  ref() {
    if (this.#port !== undefined) this.#port.ref();
    return this;
  }

  unref() {
    if (this.#port !== undefined) this.#port.unref();
    return this;
  }
}
for (const name of ['onmessage', 'onmessageerror']) {
  const type = name.slice(2);
  const kSlot = Symbol(name);
  Object.defineProperty(BroadcastChannel.prototype, name, {
    get() { return this[kSlot] === undefined ? null : this[kSlot]; },
    set(value) {
      if (this[kSlot] !== undefined) {
        this.removeEventListener(type, this[kSlot]);
      }
      this[kSlot] = typeof value === 'function' ? value : undefined;
      if (this[kSlot] !== undefined) this.addEventListener(type, this[kSlot]);
    },
    enumerable: true,
    configurable: true,
  });
}

module.exports = {
  BroadcastChannel,
  MessageChannel,
  MessageEvent,
  MessagePort,
  NodeEventTarget,
  binding,
  isMarkedAsUntransferable,
  makeCloneError,
  markAsUntransferable,
  nativeStyleError,
  receiveMessageOnPort,
  splitTransferList,
};

// Differential corpus for node:events: one JSON line per case, compared
// between Node 20 and jspack by run_diff.py.
'use strict';

const EventEmitter = require('events');
const util = require('util');

const kDispose = Symbol.for('nodejs.dispose');
const cases = [];

// ---- Recording helpers ----------------------------------------------------

function errorInfo(err) {
  const info = {
    error: err.name,
    ctor: err.constructor === undefined ? null : err.constructor.name,
    code: err.code === undefined ? null : err.code,
    message: err.message,
  };
  if (Object.prototype.hasOwnProperty.call(err, 'context')) {
    info.context = describe(err.context);
  }
  if (Object.prototype.hasOwnProperty.call(err, 'cause')) {
    info.cause = describe(err.cause);
  }
  return info;
}

// A JSON-safe rendering that keeps functions, symbols and errors apart.
function describe(value) {
  if (value === undefined) return 'undefined';
  if (typeof value === 'function') return `fn:${value.name}`;
  if (typeof value === 'symbol') return String(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'number' && !Number.isFinite(value)) {
    return String(value);
  }
  if (value instanceof Error) return errorInfo(value);
  if (Array.isArray(value)) return value.map(describe);
  if (value !== null && typeof value === 'object') {
    return util.inspect(value, { depth: 4 });
  }
  return value;
}

function attempt(fn) {
  try {
    return describe(fn());
  } catch (err) {
    return ['threw', describe(err)];
  }
}

// A sync case's result is what `fn` returns (or throws).
function add(label, fn) {
  cases.push({ label, run: () => attempt(fn) });
}

// An async case awaits `fn`; a promise still pending after `ms` shows as
// 'pending'. Cases that expect to stay pending pass a short `ms`; the long
// default keeps a loaded machine from cutting a settling case short.
function addAsync(label, fn, ms = 3000) {
  cases.push({
    label,
    run: async () => {
      let timer;
      const pending = new Promise((resolve) => {
        timer = setTimeout(() => resolve('pending'), ms);
      });
      try {
        const value = await Promise.race([Promise.resolve().then(fn), pending]);
        return describe(value);
      } catch (err) {
        return ['rejected', describe(err)];
      } finally {
        clearTimeout(timer);
      }
    },
  });
}

function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function named(name, log, result) {
  const holder = {
    [name](...args) {
      log.push([name, ...args.map(describe)]);
      return result;
    },
  };
  return holder[name];
}

// Symbols of an emitter: description and value.
function ownSymbols(obj) {
  return Object.getOwnPropertySymbols(obj).map((s) => [String(s), describe(obj[s])]);
}

// The listener table as [name, kind] pairs.
function tableShape(emitter) {
  const table = emitter._events;
  if (table === undefined) return 'no table';
  return Reflect.ownKeys(table).map((key) => {
    const slot = table[key];
    let kind = typeof slot;
    if (Array.isArray(slot)) kind = `array(${slot.length})${slot.warned ? ' warned' : ''}`;
    return [String(key), kind];
  });
}

function state(emitter) {
  return {
    names: emitter.eventNames().map(String),
    count: emitter._eventsCount,
    table: tableShape(emitter),
  };
}

// A duck-typed AbortSignal that logs how it is used.
function fakeSignal(aborted = false, reason = undefined) {
  const log = [];
  const signal = {
    aborted,
    reason,
    log,
    listeners: [],
    addEventListener(type, fn, flags) {
      log.push(['add', type, typeof fn, flags === undefined ? 'none' : Boolean(flags.once)]);
      signal.listeners.push(fn);
    },
    removeEventListener(type, fn) {
      log.push(['remove', type, signal.listeners.includes(fn)]);
      signal.listeners = signal.listeners.filter((f) => f !== fn);
    },
    abort(why) {
      signal.aborted = true;
      signal.reason = why;
      for (const fn of signal.listeners.slice()) fn({ type: 'abort' });
    },
  };
  return signal;
}

// A duck-typed EventTarget (no on()) that logs its calls.
function fakeTarget() {
  const log = [];
  const handlers = new Map();
  return {
    log,
    addEventListener(type, fn, flags) {
      log.push(['add', type, describe(fn), flags === undefined ? 'none' : Boolean(flags.once)]);
      handlers.set(type, fn);
    },
    removeEventListener(type, fn, flags) {
      log.push(['remove', type, describe(fn), describe(flags)]);
      if (handlers.get(type) === fn) handlers.delete(type);
    },
    dispatch(type, event) {
      const fn = handlers.get(type);
      if (fn) fn(event);
    },
  };
}

const warnings = [];
process.on('warning', (w) => {
  if (w.name === 'MaxListenersExceededWarning') warnings.push(w);
});

function warningInfo(w) {
  return {
    name: w.name,
    message: w.message,
    type: describe(w.type),
    count: w.count,
    emitterIs: typeof w.emitter,
    keys: Object.keys(w),
  };
}

// Collects MaxListenersExceededWarning warnings raised while `fn` runs.
async function collectWarnings(fn) {
  warnings.length = 0;
  const extra = fn();
  await delay(2);
  const seen = warnings.map(warningInfo);
  warnings.length = 0;
  return extra === undefined ? seen : [seen, describe(extra)];
}

// ---- Module shape ---------------------------------------------------------

add('module: export is the class', () => [
  typeof EventEmitter, EventEmitter.EventEmitter === EventEmitter,
  EventEmitter.name, EventEmitter.length,
]);

add('module: static keys (no EventEmitterAsyncResource)', () =>
  Object.keys(EventEmitter).filter((k) => k !== 'EventEmitterAsyncResource'));

add('module: static descriptors', () => {
  const out = [];
  for (const key of Reflect.ownKeys(EventEmitter)) {
    if (key === 'EventEmitterAsyncResource' || key === 'prototype' ||
        key === 'length' || key === 'name') continue;
    const d = Object.getOwnPropertyDescriptor(EventEmitter, key);
    out.push([String(key), 'value' in d ? typeof d.value : 'accessor',
      Boolean(d.writable), d.enumerable, d.configurable]);
  }
  return out;
});

add('module: static function names and lengths', () =>
  ['once', 'on', 'getEventListeners', 'getMaxListeners', 'addAbortListener',
    'setMaxListeners', 'init', 'listenerCount'].map((k) =>
    [k, EventEmitter[k].name, EventEmitter[k].length]));

add('module: once is async, on is not', () => [
  EventEmitter.once.constructor.name, EventEmitter.on.constructor.name,
]);

add('module: symbols', () => [
  String(EventEmitter.errorMonitor),
  EventEmitter.captureRejectionSymbol === Symbol.for('nodejs.rejection'),
  String(EventEmitter.kMaxEventTargetListeners),
  String(EventEmitter.kMaxEventTargetListenersWarned),
  EventEmitter.usingDomains,
]);

add('module: prototype keys', () => Object.keys(EventEmitter.prototype));

add('module: prototype descriptors', () =>
  Reflect.ownKeys(EventEmitter.prototype).map((key) => {
    const d = Object.getOwnPropertyDescriptor(EventEmitter.prototype, key);
    return [String(key), typeof d.value, d.writable, d.enumerable, d.configurable];
  }));

add('module: prototype method names and lengths', () =>
  Object.keys(EventEmitter.prototype)
    .filter((k) => typeof EventEmitter.prototype[k] === 'function')
    .map((k) => [k, EventEmitter.prototype[k].name, EventEmitter.prototype[k].length]));

add('module: aliases', () => {
  const p = EventEmitter.prototype;
  return [p.on === p.addListener, p.off === p.removeListener, p.once === p.addListener];
});

add('module: prototype defaults', () => {
  const p = EventEmitter.prototype;
  return [describe(p._events), p._eventsCount, describe(p._maxListeners), ownSymbols(p)];
});

add('module: process is an emitter', () => [
  process instanceof EventEmitter, typeof process.on, typeof process.emit,
  process.emit === EventEmitter.prototype.emit,
]);

add('module: defaults', () => [
  EventEmitter.defaultMaxListeners, EventEmitter.captureRejections,
  new EventEmitter().getMaxListeners(),
]);

// ---- Construction ---------------------------------------------------------

add('ctor: own keys', () => Reflect.ownKeys(new EventEmitter()).map(String));
add('ctor: own values', () => {
  const e = new EventEmitter();
  return [Object.getPrototypeOf(e._events), e._eventsCount, describe(e._maxListeners), ownSymbols(e)];
});
add('ctor: for-in order', () => {
  const keys = [];
  for (const k in new EventEmitter()) keys.push(k);
  return keys;
});
add('ctor: without new', () => EventEmitter());
add('ctor: call with undefined this', () => EventEmitter.call(undefined));
add('ctor: call with null prototype object', () => EventEmitter.call(Object.create(null)));

const ctorOptions = [
  ['undefined', undefined], ['null', null], ['empty', {}],
  ['capture true', { captureRejections: true }],
  ['capture false', { captureRejections: false }],
  ['capture 0', { captureRejections: 0 }],
  ['capture empty string', { captureRejections: '' }],
  ['capture null', { captureRejections: null }],
  ['capture 1', { captureRejections: 1 }],
  ['capture string', { captureRejections: 'yes' }],
  ['capture object', { captureRejections: {} }],
  ['number', 5], ['string', 'opts'], ['boolean', true],
  ['array', []], ['function', () => {}],
];
for (const [name, opts] of ctorOptions) {
  add(`ctor: options ${name}`, () => ownSymbols(new EventEmitter(opts)));
}

add('ctor: option getter read', () => {
  let reads = 0;
  const opts = { get captureRejections() { reads++; return true; } };
  const e = new EventEmitter(opts);
  return [ownSymbols(e), reads > 0];
});

const initTargets = [
  ['plain object', () => ({})],
  ['own _events', () => ({ _events: { a: 1 } })],
  ['own _maxListeners 0', () => ({ _maxListeners: 0 })],
  ['own _maxListeners 3', () => ({ _maxListeners: 3 })],
  ['own _maxListeners NaN', () => ({ _maxListeners: NaN })],
  ['own _maxListeners null', () => ({ _maxListeners: null })],
  ['own _eventsCount', () => ({ _eventsCount: 7 })],
  ['from prototype', () => Object.create(EventEmitter.prototype)],
  ['prototype with table', () => Object.create({ _events: { x: 1 } })],
];
for (const [name, make] of initTargets) {
  add(`init: ${name}`, () => {
    const obj = make();
    EventEmitter.call(obj);
    return [Reflect.ownKeys(obj).map(String), util.inspect(obj)];
  });
}

add('init: again keeps listeners (shape mode)', () => {
  const e = new EventEmitter();
  const table = e._events;
  e.on('a', () => {});
  e.setMaxListeners(4);
  EventEmitter.call(e, { captureRejections: true });
  return [e._events === table, e._eventsCount, e._maxListeners, ownSymbols(e)];
});

add('init: again on an empty emitter', () => {
  const e = new EventEmitter();
  EventEmitter.init.call(e);
  return ownSymbols(e);
});

add('init: constructor goes through EventEmitter.init', () => {
  const saved = EventEmitter.init;
  const log = [];
  EventEmitter.init = function(opts) {
    log.push(['init', describe(opts)]);
    return saved.call(this, opts);
  };
  try {
    const e = new EventEmitter({ x: 1 });
    class Sub extends EventEmitter {}
    const s = new Sub();
    return [log, e._eventsCount, s._eventsCount];
  } finally {
    EventEmitter.init = saved;
  }
});

add('init: bad capture option message', () => new EventEmitter({ captureRejections: 'x' }));
add('init: bad capture option number', () => new EventEmitter({ captureRejections: 2 }));

add('subclass: class extends', () => {
  class Bus extends EventEmitter {
    constructor() {
      super();
      this.extra = 1;
    }
  }
  const b = new Bus();
  const log = [];
  b.on('x', (v) => log.push(v));
  b.emit('x', 1);
  return [b instanceof EventEmitter, b.constructor.name, log, util.inspect(b)];
});

add('subclass: util.inherits', () => {
  function Legacy(name) {
    EventEmitter.call(this);
    this.name = name;
  }
  util.inherits(Legacy, EventEmitter);
  const l = new Legacy('n');
  const log = [];
  l.on('x', function(v) { log.push([v, this === l]); });
  return [l.emit('x', 2), log, Legacy.super_ === EventEmitter, util.inspect(l)];
});

add('subclass: setPrototypeOf without init', () => {
  function Bare() {}
  Object.setPrototypeOf(Bare.prototype, EventEmitter.prototype);
  const b = new Bare();
  const before = [Reflect.ownKeys(b).map(String), b.emit('x'), b.listenerCount('x'), b.eventNames()];
  b.on('x', () => {});
  return [before, Reflect.ownKeys(b).map(String), b.listenerCount('x'), b.emit('x')];
});

add('subclass: overriding on is used by once', () => {
  const log = [];
  class Tracked extends EventEmitter {
    on(name, fn) {
      log.push(['on', name, fn.name]);
      return super.on(name, fn);
    }
    prependListener(name, fn) {
      log.push(['prepend', name, fn.name]);
      return super.prependListener(name, fn);
    }
  }
  const t = new Tracked();
  t.once('a', function first() {});
  t.prependOnceListener('b', function second() {});
  t.addListener('c', function third() {});
  return log;
});

add('subclass: class with toStringTag', () => {
  class Tagged extends EventEmitter {
    get [Symbol.toStringTag]() { return 'Tag'; }
  }
  return util.inspect(new Tagged());
});

// ---- Emitting -------------------------------------------------------------

add('emit: no listeners returns false', () => {
  const e = new EventEmitter();
  return [e.emit('x'), e.emit('x', 1), e.emit(Symbol('s')), e.emit(undefined)];
});

add('emit: with listener returns true', () => {
  const e = new EventEmitter();
  e.on('x', () => 'ignored');
  return [e.emit('x'), e.emit('x', 1, 2, 3)];
});

for (let argc = 0; argc <= 6; argc++) {
  const values = [1, 'two', null, undefined, { five: 5 }, [6]].slice(0, argc);
  add(`emit: ${argc} args to one listener`, () => {
    const e = new EventEmitter();
    let seen;
    e.on('x', function(...args) { seen = [arguments.length, args.map(describe), this === e]; });
    e.emit('x', ...values);
    return seen;
  });
  add(`emit: ${argc} args to three listeners`, () => {
    const e = new EventEmitter();
    const seen = [];
    for (let i = 0; i < 3; i++) {
      e.on('x', function(...args) { seen.push([i, arguments.length, args.map(describe), this === e]); });
    }
    e.emit('x', ...values);
    return seen;
  });
}

add('emit: arrow listener this', () => {
  const e = new EventEmitter();
  const self = this;
  let same;
  e.on('x', () => { same = this === self; });
  e.emit('x');
  return same;
});

add('emit: order of on and prepend', () => {
  const e = new EventEmitter();
  const log = [];
  e.on('x', () => log.push('on1'));
  e.prependListener('x', () => log.push('pre1'));
  e.on('x', () => log.push('on2'));
  e.prependListener('x', () => log.push('pre2'));
  e.addListener('x', () => log.push('add3'));
  e.emit('x');
  return log;
});

add('emit: same function twice', () => {
  const e = new EventEmitter();
  let n = 0;
  const f = () => n++;
  e.on('x', f);
  e.on('x', f);
  e.emit('x');
  return [n, e.listenerCount('x'), e.listenerCount('x', f)];
});

const oddNames = ['__proto__', 'constructor', 'hasOwnProperty', 'toString',
  'valueOf', '', ' ', '0', 'newListener', 'removeListener', 'error'];
for (const name of oddNames) {
  add(`emit: name ${JSON.stringify(name)}`, () => {
    const e = new EventEmitter();
    const log = [];
    const before = name === 'error' ? 'skip' : e.emit(name, 1);
    e.on(name, (v) => log.push(describe(v)));
    const after = e.emit(name, 2);
    return [before, after, log, e.listenerCount(name), state(e)];
  });
}

add('emit: numeric and string names share a slot', () => {
  const e = new EventEmitter();
  const log = [];
  e.on(1, () => log.push('number'));
  e.on('1', () => log.push('string'));
  e.emit(1);
  return [log, e.eventNames(), e.listenerCount(1)];
});

add('emit: symbol names', () => {
  const e = new EventEmitter();
  const a = Symbol('a');
  const b = Symbol('a');
  const log = [];
  e.on(a, () => log.push('a'));
  e.on(b, () => log.push('b'));
  e.emit(a);
  return [log, e.eventNames().map(String), e.listenerCount(a), e.listenerCount(Symbol('a'))];
});

add('emit: undefined and null names', () => {
  const e = new EventEmitter();
  const log = [];
  e.on(undefined, () => log.push('undef'));
  e.on(null, () => log.push('null'));
  e.emit('undefined');
  e.emit('null');
  return [log, e.eventNames()];
});

add('emit: listener throws stops the rest', () => {
  const e = new EventEmitter();
  const log = [];
  e.on('x', () => log.push(1));
  e.on('x', () => { throw new RangeError('stop'); });
  e.on('x', () => log.push(3));
  let thrown;
  try {
    e.emit('x');
  } catch (err) {
    thrown = describe(err);
  }
  return [log, thrown, e.listenerCount('x')];
});

add('emit: single listener throws a string', () => {
  const e = new EventEmitter();
  e.on('x', () => { throw 'plain'; });
  return e.emit('x');
});

add('emit: uninitialised emitter', () => {
  const e = Object.create(EventEmitter.prototype);
  return [e.emit('x'), e.emit('x', 1, 2), e.listenerCount('x'), e.eventNames(), e.listeners('x'), e.rawListeners('x')];
});

add('emit: return values of all methods', () => {
  const e = new EventEmitter();
  const f = () => {};
  return [
    e.on('a', f) === e, e.addListener('a', f) === e, e.prependListener('a', f) === e,
    e.once('a', f) === e, e.prependOnceListener('a', f) === e,
    e.removeListener('a', f) === e, e.off('a', f) === e,
    e.removeAllListeners('a') === e, e.removeAllListeners() === e,
    e.setMaxListeners(3) === e,
  ];
});

add('emit: method borrowed onto plain object', () => {
  const obj = { on: EventEmitter.prototype.on, emit: EventEmitter.prototype.emit };
  const log = [];
  obj.on('x', (v) => log.push(v));
  obj.emit('x', 'v');
  return [log, Reflect.ownKeys(obj).map(String), typeof obj._events];
});

// ---- Snapshot semantics ---------------------------------------------------

add('snapshot: removing a later listener during emit', () => {
  const e = new EventEmitter();
  const log = [];
  const b = () => log.push('b');
  e.on('x', () => { log.push('a'); e.removeListener('x', b); });
  e.on('x', b);
  e.emit('x');
  e.emit('x');
  return log;
});

add('snapshot: adding a listener during emit', () => {
  const e = new EventEmitter();
  const log = [];
  e.on('x', () => { log.push('a'); e.on('x', () => log.push('late')); });
  e.on('x', () => log.push('b'));
  e.emit('x');
  e.emit('x');
  return [log, e.listenerCount('x')];
});

add('snapshot: single listener adds another', () => {
  const e = new EventEmitter();
  const log = [];
  e.on('x', () => { log.push('a'); e.on('x', () => log.push('added')); });
  e.emit('x');
  e.emit('x');
  return log;
});

add('snapshot: listener removes itself', () => {
  const e = new EventEmitter();
  const log = [];
  function self() { log.push('self'); e.off('x', self); }
  e.on('x', self);
  e.on('x', () => log.push('other'));
  e.emit('x');
  e.emit('x');
  return [log, e.listenerCount('x')];
});

add('snapshot: removeAllListeners during emit', () => {
  const e = new EventEmitter();
  const log = [];
  e.on('x', () => { log.push(1); e.removeAllListeners('x'); });
  e.on('x', () => log.push(2));
  e.on('x', () => log.push(3));
  e.emit('x');
  return [log, e.emit('x'), state(e)];
});

add('snapshot: re-entrant emit', () => {
  const e = new EventEmitter();
  const log = [];
  let depth = 0;
  e.on('x', () => {
    log.push(`a${depth}`);
    if (depth++ < 2) e.emit('x');
  });
  e.on('x', () => log.push(`b${depth}`));
  e.emit('x');
  return log;
});

add('snapshot: once fires once under re-entrant emit', () => {
  const e = new EventEmitter();
  const log = [];
  e.once('x', () => { log.push('once'); e.emit('x'); });
  e.on('x', () => log.push('on'));
  e.emit('x');
  return [log, e.listenerCount('x')];
});

add('snapshot: several once listeners', () => {
  const e = new EventEmitter();
  const log = [];
  e.once('x', () => log.push(1));
  e.on('x', () => log.push(2));
  e.once('x', () => log.push(3));
  e.emit('x');
  e.emit('x');
  return [log, state(e)];
});

add('snapshot: listener array identity after emit', () => {
  const e = new EventEmitter();
  e.on('x', () => {});
  e.on('x', () => {});
  const before = e._events.x;
  e.emit('x');
  return [before === e._events.x, before.length];
});

// ---- once -----------------------------------------------------------------

add('once: fires once with args and this', () => {
  const e = new EventEmitter();
  const log = [];
  e.once('x', function(...args) { log.push([args, this === e]); return 'r'; });
  return [e.emit('x', 1, 2), e.emit('x', 3), log];
});

add('once: wrapper shape', () => {
  const e = new EventEmitter();
  function user() {}
  e.once('x', user);
  const [w] = e.rawListeners('x');
  return [typeof w, w.name, w.length, w.listener === user, Object.keys(w),
    e.listeners('x')[0] === user, typeof e._events.x, util.inspect(w)];
});

add('once: calling the wrapper directly', () => {
  const e = new EventEmitter();
  const log = [];
  e.once('x', (v) => { log.push(v); return v * 2; });
  const [w] = e.rawListeners('x');
  const first = w(21);
  const second = w(5);
  return [first, describe(second), log, e.listenerCount('x'), e.emit('x', 1)];
});

add('once: wrapper with no args', () => {
  const e = new EventEmitter();
  let seen;
  e.once('x', function() { seen = [arguments.length, this === e]; });
  e.emit('x');
  return seen;
});

add('once: removeListener by original', () => {
  const e = new EventEmitter();
  const f = () => {};
  e.once('x', f);
  e.removeListener('x', f);
  return [e.listenerCount('x'), e.emit('x'), state(e)];
});

add('once: removeListener by wrapper', () => {
  const e = new EventEmitter();
  const f = () => {};
  e.once('x', f);
  e.removeListener('x', e.rawListeners('x')[0]);
  return [e.listenerCount('x'), state(e)];
});

add('once: removeListener by original in an array', () => {
  const e = new EventEmitter();
  const log = [];
  const f = () => log.push('f');
  e.on('x', () => log.push('on'));
  e.once('x', f);
  e.off('x', f);
  e.emit('x');
  return [log, state(e)];
});

add('once: prependOnceListener order', () => {
  const e = new EventEmitter();
  const log = [];
  e.on('x', () => log.push('on'));
  e.prependOnceListener('x', () => log.push('pre-once'));
  e.once('x', () => log.push('once'));
  e.emit('x');
  e.emit('x');
  return log;
});

add('once: removal announces the original (single)', () => {
  const e = new EventEmitter();
  const log = [];
  e.on('removeListener', (name, fn) => log.push([name, fn.name]));
  e.once('x', function orig() {});
  e.emit('x');
  return log;
});

add('once: removal announces the wrapper (array)', () => {
  const e = new EventEmitter();
  const log = [];
  e.on('removeListener', (name, fn) => log.push([name, fn.name]));
  e.on('x', function keep() {});
  e.once('x', function orig() {});
  e.emit('x');
  return log;
});

add('once: removeListener by wrapper announces (single and array)', () => {
  const e = new EventEmitter();
  const log = [];
  e.on('removeListener', (name, fn) => log.push([name, fn.name]));
  e.once('b', function f() {});
  e.removeListener('b', e.rawListeners('b')[0]);
  e.once('c', function g() {});
  e.once('c', function h() {});
  e.removeListener('c', e.rawListeners('c')[0]);
  e.removeListener('c', function notThere() {});
  return log;
});

add('once: newListener sees the original', () => {
  const e = new EventEmitter();
  const log = [];
  e.on('newListener', (name, fn) => log.push([name, fn.name]));
  e.once('x', function orig() {});
  e.prependOnceListener('y', function other() {});
  return log;
});

add('once: listenerCount with original and wrapper', () => {
  const e = new EventEmitter();
  const f = () => {};
  e.once('x', f);
  e.on('x', f);
  const w = e.rawListeners('x')[0];
  return [e.listenerCount('x'), e.listenerCount('x', f), e.listenerCount('x', w)];
});

add('once: listener removing itself via original inside', () => {
  const e = new EventEmitter();
  const log = [];
  function f() { log.push('f'); e.removeListener('x', f); }
  e.once('x', f);
  e.on('x', () => log.push('g'));
  e.emit('x');
  e.emit('x');
  return [log, state(e)];
});

add('once: same function with once twice', () => {
  const e = new EventEmitter();
  let n = 0;
  const f = () => n++;
  e.once('x', f);
  e.once('x', f);
  e.emit('x');
  e.emit('x');
  return n;
});

add('once: wrapper throws through', () => {
  const e = new EventEmitter();
  e.once('x', () => { throw new Error('once throws'); });
  let first;
  try {
    e.emit('x');
  } catch (err) {
    first = err.message;
  }
  return [first, e.listenerCount('x'), e.emit('x')];
});

for (const bad of [undefined, null, 1, 'str', {}, [], true, Symbol('s')]) {
  for (const method of ['on', 'addListener', 'prependListener', 'once', 'prependOnceListener', 'removeListener', 'off']) {
    add(`validation: ${method}(${describe(bad)})`, () => new EventEmitter()[method]('x', bad));
  }
}

add('validation: on with no listener at all', () => new EventEmitter().on('x'));

// ---- removeListener -------------------------------------------------------

add('remove: unknown name and function', () => {
  const e = new EventEmitter();
  const f = () => {};
  e.on('x', f);
  e.removeListener('nope', f);
  e.removeListener('x', () => {});
  return state(e);
});

add('remove: last occurrence first', () => {
  const e = new EventEmitter();
  const log = [];
  const f = () => log.push('f');
  e.on('x', f);
  e.on('x', () => log.push('mid'));
  e.on('x', f);
  e.removeListener('x', f);
  e.emit('x');
  return log;
});

add('remove: array to single to none', () => {
  const e = new EventEmitter();
  const a = () => {};
  const b = () => {};
  const c = () => {};
  e.on('x', a).on('x', b).on('x', c);
  const steps = [state(e)];
  e.off('x', b);
  steps.push(state(e));
  e.off('x', a);
  steps.push(state(e), e._events.x === c);
  e.off('x', c);
  steps.push(state(e));
  return steps;
});

add('remove: table replaced when the last name goes', () => {
  const e = new EventEmitter();
  const f = () => {};
  const table = e._events;
  e.on('x', f);
  e.off('x', f);
  return [e._events === table, Object.getPrototypeOf(e._events), e._eventsCount];
});

add('remove: table kept while other names remain', () => {
  const e = new EventEmitter();
  const f = () => {};
  e.on('y', () => {});
  const table = e._events;
  e.on('x', f);
  e.off('x', f);
  return [e._events === table, state(e)];
});

add('remove: removeListener event arguments and timing', () => {
  const e = new EventEmitter();
  const log = [];
  e.on('removeListener', (name, fn) => log.push([String(name), fn.name, e.listenerCount(name)]));
  function a() {}
  function b() {}
  e.on('x', a);
  e.on('x', b);
  e.off('x', a);
  e.off('x', b);
  const s = Symbol('sym');
  e.on(s, a);
  e.off(s, a);
  return log;
});

add('remove: removing the removeListener listener', () => {
  const e = new EventEmitter();
  const log = [];
  function watcher(name) { log.push(String(name)); }
  e.on('removeListener', watcher);
  e.on('other', () => {});
  e.off('removeListener', watcher);
  return [log, state(e)];
});

add('remove: last removeListener listener with nothing else', () => {
  const e = new EventEmitter();
  const log = [];
  function watcher(name) { log.push(String(name)); }
  e.on('removeListener', watcher);
  e.off('removeListener', watcher);
  return [log, state(e)];
});

add('remove: uninitialised emitter', () => {
  const e = Object.create(EventEmitter.prototype);
  return [e.removeListener('x', () => {}) === e, Reflect.ownKeys(e)];
});

add('remove: during removeListener event', () => {
  const e = new EventEmitter();
  const log = [];
  const b = () => {};
  e.on('removeListener', (name, fn) => {
    log.push([name, fn.name]);
    if (name === 'x' && fn.name === 'a') e.off('x', b);
  });
  function a() {}
  e.on('x', a);
  e.on('x', b);
  e.off('x', a);
  return [log, state(e)];
});

// ---- removeAllListeners ---------------------------------------------------

add('removeAll: everything without watchers', () => {
  const e = new EventEmitter();
  e.on('a', () => {}).on('b', () => {}).on(Symbol('c'), () => {});
  const table = e._events;
  e.removeAllListeners();
  return [state(e), e._events === table];
});

add('removeAll: one name', () => {
  const e = new EventEmitter();
  e.on('a', () => {}).on('a', () => {}).on('b', () => {});
  e.removeAllListeners('a');
  return state(e);
});

add('removeAll: the only name resets the table', () => {
  const e = new EventEmitter();
  e.on('a', () => {});
  const table = e._events;
  e.removeAllListeners('a');
  return [state(e), e._events === table];
});

add('removeAll: explicit undefined', () => {
  const e = new EventEmitter();
  e.on('undefined', () => {}).on('x', () => {});
  e.removeAllListeners(undefined);
  return state(e);
});

add('removeAll: absent name', () => {
  const e = new EventEmitter();
  e.on('x', () => {});
  e.removeAllListeners('y');
  return state(e);
});

add('removeAll: uninitialised emitter', () => {
  const e = Object.create(EventEmitter.prototype);
  return [e.removeAllListeners() === e, e.removeAllListeners('x') === e, Reflect.ownKeys(e)];
});

add('removeAll: announces every removal, watchers last', () => {
  const e = new EventEmitter();
  const log = [];
  e.on('removeListener', function w1(name, fn) { log.push(['w1', String(name), fn.name]); });
  e.on('a', function a1() {});
  e.on('a', function a2() {});
  e.once('b', function b1() {});
  e.on(Symbol('s'), function s1() {});
  e.on('removeListener', function w2(name, fn) { log.push(['w2', String(name), fn.name]); });
  e.removeAllListeners();
  return [log, state(e)];
});

add('removeAll: one name with watchers, newest first', () => {
  const e = new EventEmitter();
  const log = [];
  e.on('removeListener', (name, fn) => log.push([name, fn.name]));
  e.on('a', function a1() {});
  e.on('a', function a2() {});
  e.on('a', function a3() {});
  e.on('b', function b1() {});
  e.removeAllListeners('a');
  e.removeAllListeners('b');
  e.removeAllListeners('zzz');
  return [log, state(e)];
});

add('removeAll: removeListener name itself', () => {
  const e = new EventEmitter();
  const log = [];
  e.on('removeListener', function w1(name, fn) { log.push(['w1', name, fn.name]); });
  e.on('removeListener', function w2(name, fn) { log.push(['w2', name, fn.name]); });
  e.on('x', () => {});
  e.removeAllListeners('removeListener');
  return [log, state(e)];
});

add('removeAll: watcher adds listeners while clearing', () => {
  const e = new EventEmitter();
  const log = [];
  let added = false;
  e.on('removeListener', (name) => {
    log.push(String(name));
    if (!added) {
      added = true;
      e.on('late', () => {});
    }
  });
  e.on('a', () => {});
  e.removeAllListeners();
  return [log, state(e)];
});

// ---- Shape mode -----------------------------------------------------------

function shaped() {
  const e = new EventEmitter();
  e.on('a', function a() {});
  EventEmitter.call(e);
  return e;
}

add('shape: removal keeps the key', () => {
  const e = shaped();
  const f = () => {};
  e.on('b', f);
  e.removeListener('b', f);
  return [state(e), 'b' in e._events, ownSymbols(e)];
});

add('shape: removal is not announced', () => {
  const e = shaped();
  const log = [];
  e.on('removeListener', (name) => log.push(name));
  const f = () => {};
  e.on('b', f);
  e.removeListener('b', f);
  return [log, state(e)];
});

add('shape: re-adding after removal', () => {
  const e = shaped();
  const f = () => {};
  e.on('b', f);
  e.removeListener('b', f);
  e.on('b', f);
  return [state(e), e.listenerCount('b'), e.emit('b')];
});

add('shape: removeAll of the last name', () => {
  const e = shaped();
  e.removeAllListeners('a');
  return [state(e), ownSymbols(e)];
});

add('shape: removeAll clears shape mode', () => {
  const e = shaped();
  e.on('b', () => {});
  e.removeAllListeners('b');
  const f = () => {};
  e.on('c', f);
  e.off('c', f);
  return [state(e), ownSymbols(e)];
});

add('shape: removing the last listener', () => {
  const e = shaped();
  e.off('a', e.listeners('a')[0]);
  return [state(e), e.emit('a'), util.inspect(e)];
});

add('shape: inspect', () => util.inspect(shaped()));

// ---- Reading listeners ----------------------------------------------------

add('read: listeners and rawListeners copies', () => {
  const e = new EventEmitter();
  const f = () => {};
  e.on('x', f);
  e.on('x', f);
  const l = e.listeners('x');
  const r = e.rawListeners('x');
  l.push(1);
  r.pop();
  return [e.listenerCount('x'), l !== e._events.x, r !== e._events.x, e.listeners('x').length];
});

add('read: unknown name', () => {
  const e = new EventEmitter();
  return [e.listeners('x'), e.rawListeners('x'), e.listenerCount('x'), e.listenerCount('x', () => {})];
});

add('read: mixed once and on', () => {
  const e = new EventEmitter();
  function a() {}
  function b() {}
  e.on('x', a);
  e.once('x', b);
  return [e.listeners('x').map((f) => f.name), e.rawListeners('x').map((f) => f.name),
    e.rawListeners('x')[1].listener === b];
});

add('read: non-function .listener property', () => {
  const e = new EventEmitter();
  const f = () => {};
  f.listener = 5;
  const g = () => {};
  g.listener = 'six';
  e.on('single', f);
  e.on('many', f);
  e.on('many', g);
  return [describe(e.listeners('single')), describe(e.listeners('many')),
    e.listenerCount('single', 5), e.listenerCount('many', 'six')];
});

add('read: function .listener property', () => {
  const e = new EventEmitter();
  const inner = function innerListener() {};
  const outer = function outerWrapper() {};
  outer.listener = inner;
  e.on('x', outer);
  const log = [];
  e.on('removeListener', (n, fn) => log.push(fn.name));
  e.removeListener('x', inner);
  return [log, e.listenerCount('x')];
});

const countFilters = [
  ['undefined', undefined], ['null', null], ['0', 0], ['false', false],
  ['string', 'x'], ['unknown function', () => {}],
];
for (const [name, filter] of countFilters) {
  add(`read: listenerCount filter ${name}`, () => {
    const e = new EventEmitter();
    const f = () => {};
    e.on('one', f);
    e.on('two', f);
    e.on('two', () => {});
    return [e.listenerCount('one', filter), e.listenerCount('two', filter)];
  });
}

add('read: listenerCount counts duplicates', () => {
  const e = new EventEmitter();
  const f = () => {};
  e.on('x', f);
  e.on('x', () => {});
  e.once('x', f);
  e.prependListener('x', f);
  return [e.listenerCount('x'), e.listenerCount('x', f)];
});

add('read: static listenerCount', () => {
  const e = new EventEmitter();
  e.on('x', () => {});
  e.on('x', () => {});
  return [EventEmitter.listenerCount(e, 'x'), EventEmitter.listenerCount(e, 'y')];
});

add('read: static listenerCount on a plain object', () => [
  EventEmitter.listenerCount({ _events: { a: [1, 2, 3], b: () => {} } }, 'a'),
  EventEmitter.listenerCount({ _events: { a: [1, 2, 3], b: () => {} } }, 'b'),
  EventEmitter.listenerCount({}, 'a'),
]);

add('read: static listenerCount defers to the method', () =>
  EventEmitter.listenerCount({ listenerCount: (n) => `counted ${n}` }, 'q'));

add('read: static listenerCount on null', () => EventEmitter.listenerCount(null, 'x'));

add('read: eventNames order', () => {
  const e = new EventEmitter();
  for (const n of ['b', '2', '1', Symbol('s1'), 'a', '-1', '10', Symbol('s2'), '01', '4294967295']) {
    e.on(n, () => {});
  }
  return e.eventNames().map(String);
});

add('read: eventNames after removals', () => {
  const e = new EventEmitter();
  const f = () => {};
  e.on('a', f).on('b', f).on('c', f);
  e.off('b', f);
  e.on('b', f);
  return e.eventNames();
});

add('read: eventNames is a fresh array', () => {
  const e = new EventEmitter();
  e.on('a', () => {});
  const n = e.eventNames();
  n.push('z');
  return e.eventNames();
});

add('read: eventNames with zero count', () => {
  const e = new EventEmitter();
  e.on('a', () => {});
  e._eventsCount = 0;
  return e.eventNames();
});

add('read: getEventListeners', () => {
  const e = new EventEmitter();
  function a() {}
  function b() {}
  e.on('x', a);
  e.once('x', b);
  return [EventEmitter.getEventListeners(e, 'x').map((f) => f.name),
    EventEmitter.getEventListeners(e, 'none')];
});

add('read: getEventListeners uses listeners()', () =>
  EventEmitter.getEventListeners({ listeners: (n) => [`for ${n}`] }, 'q'));

for (const [name, value] of [['plain object', {}], ['number', 1], ['string', 's'], ['null', null], ['undefined', undefined]]) {
  add(`read: getEventListeners on ${name}`, () => EventEmitter.getEventListeners(value, 'x'));
  add(`read: getMaxListeners on ${name}`, () => EventEmitter.getMaxListeners(value));
}

add('read: static getMaxListeners reads the field', () => {
  const e = new EventEmitter();
  e.getMaxListeners = () => 99;
  const before = EventEmitter.getMaxListeners(e);
  e._maxListeners = 3;
  return [before, EventEmitter.getMaxListeners(e), e.getMaxListeners()];
});

add('read: static getMaxListeners on a duck', () =>
  EventEmitter.getMaxListeners({ getMaxListeners() {}, _maxListeners: 7 }));

// ---- newListener ----------------------------------------------------------

add('newListener: fired before adding', () => {
  const e = new EventEmitter();
  const log = [];
  e.on('newListener', (name, fn) => log.push([String(name), fn.name, e.listenerCount(name)]));
  e.on('x', function first() {});
  e.prependListener('x', function second() {});
  e.on(Symbol('y'), function third() {});
  return log;
});

add('newListener: first newListener is not announced', () => {
  const e = new EventEmitter();
  const log = [];
  e.on('newListener', (name) => log.push(['one', name]));
  e.on('newListener', (name) => log.push(['two', name]));
  e.on('x', () => {});
  return log;
});

add('newListener: handler adds to the same event', () => {
  const e = new EventEmitter();
  const log = [];
  let once = true;
  e.on('newListener', (name) => {
    if (name === 'x' && once) {
      once = false;
      e.on('x', () => log.push('from handler'));
    }
  });
  e.on('x', () => log.push('original'));
  e.emit('x');
  return log;
});

add('newListener: handler removes itself', () => {
  const e = new EventEmitter();
  const log = [];
  function h(name) {
    log.push(name);
    e.off('newListener', h);
  }
  e.on('newListener', h);
  e.on('a', () => {});
  e.on('b', () => {});
  return [log, state(e)];
});

add('newListener: handler throws', () => {
  const e = new EventEmitter();
  e.on('newListener', () => { throw new Error('no new listeners'); });
  let thrown;
  try {
    e.on('x', () => {});
  } catch (err) {
    thrown = err.message;
  }
  return [thrown, e.listenerCount('x'), state(e)];
});

add('newListener: handler replaces the table', () => {
  const e = new EventEmitter();
  e.on('newListener', (name) => {
    if (name === 'x') e.removeAllListeners();
  });
  e.on('x', () => {});
  return state(e);
});

add('newListener: removeListener watcher added', () => {
  const e = new EventEmitter();
  const log = [];
  e.on('newListener', (name) => log.push(name));
  e.on('removeListener', () => {});
  return log;
});

// ---- Max listeners --------------------------------------------------------

const limitValues = [
  ['0', 0], ['1', 1], ['Infinity', Infinity], ['1.5', 1.5], ['-1', -1],
  ['NaN', NaN], ['string', '3'], ['undefined', undefined], ['null', null],
  ['true', true], ['-0', -0], ['-Infinity', -Infinity], ['object', {}],
];
for (const [name, value] of limitValues) {
  add(`limit: setMaxListeners(${name})`, () => {
    const e = new EventEmitter();
    e.setMaxListeners(value);
    return [describe(e.getMaxListeners()), describe(e._maxListeners)];
  });
  add(`limit: defaultMaxListeners = ${name}`, () => {
    const saved = EventEmitter.defaultMaxListeners;
    try {
      EventEmitter.defaultMaxListeners = value;
      return [describe(EventEmitter.defaultMaxListeners), new EventEmitter().getMaxListeners()];
    } finally {
      EventEmitter.defaultMaxListeners = saved;
    }
  });
  add(`limit: static setMaxListeners(${name})`, () => {
    const saved = EventEmitter.defaultMaxListeners;
    try {
      return [describe(EventEmitter.setMaxListeners(value)), describe(EventEmitter.defaultMaxListeners)];
    } finally {
      EventEmitter.defaultMaxListeners = saved;
    }
  });
}

add('limit: static setMaxListeners() keeps the default', () => {
  const saved = EventEmitter.defaultMaxListeners;
  try {
    EventEmitter.defaultMaxListeners = 4;
    EventEmitter.setMaxListeners();
    return EventEmitter.defaultMaxListeners;
  } finally {
    EventEmitter.defaultMaxListeners = saved;
  }
});

add('limit: static setMaxListeners on emitters', () => {
  const a = new EventEmitter();
  const b = new EventEmitter();
  const r = EventEmitter.setMaxListeners(3, a, b);
  return [describe(r), a.getMaxListeners(), b.getMaxListeners(), EventEmitter.defaultMaxListeners];
});

add('limit: static setMaxListeners stops at a bad target', () => {
  const a = new EventEmitter();
  const c = new EventEmitter();
  let thrown;
  try {
    EventEmitter.setMaxListeners(2, a, {}, c);
  } catch (err) {
    thrown = describe(err);
  }
  return [thrown, a.getMaxListeners(), c.getMaxListeners()];
});

for (const [name, target] of [['null', null], ['number', 5], ['string', 'x'], ['duck', { setMaxListeners: (n) => n }]]) {
  add(`limit: static setMaxListeners target ${name}`, () => EventEmitter.setMaxListeners(1, target));
}

add('limit: default change reaches existing emitters', () => {
  const saved = EventEmitter.defaultMaxListeners;
  const e = new EventEmitter();
  const own = new EventEmitter().setMaxListeners(2);
  try {
    EventEmitter.defaultMaxListeners = 7;
    return [e.getMaxListeners(), own.getMaxListeners(), describe(e._maxListeners)];
  } finally {
    EventEmitter.defaultMaxListeners = saved;
  }
});

add('limit: setMaxListeners own property', () => {
  const e = new EventEmitter();
  e.setMaxListeners(5);
  return [Object.prototype.hasOwnProperty.call(e, '_maxListeners'), e._maxListeners, util.inspect(e)];
});

add('limit: defaultMaxListeners descriptor', () => {
  const d = Object.getOwnPropertyDescriptor(EventEmitter, 'defaultMaxListeners');
  return [typeof d.get, typeof d.set, d.enumerable, d.configurable];
});

addAsync('warning: eleventh listener', () => collectWarnings(() => {
  const e = new EventEmitter();
  for (let i = 0; i < 11; i++) e.on('foo', () => {});
  return state(e);
}));

addAsync('warning: tenth listener is fine', () => collectWarnings(() => {
  const e = new EventEmitter();
  for (let i = 0; i < 10; i++) e.on('foo', () => {});
}));

addAsync('warning: once per name', () => collectWarnings(() => {
  const e = new EventEmitter();
  for (let i = 0; i < 15; i++) e.on('foo', () => {});
  for (let i = 0; i < 12; i++) e.on('bar', () => {});
}));

addAsync('warning: emitter identity and array flag', async () => {
  warnings.length = 0;
  const e = new EventEmitter();
  for (let i = 0; i < 11; i++) e.on('foo', () => {});
  await delay(2);
  const w = warnings[0];
  const r = [warnings.length, w && w.emitter === e, e._events.foo.warned,
    Object.keys(e._events.foo).length, util.inspect(e)];
  warnings.length = 0;
  return r;
});

addAsync('warning: again after the array is replaced', () => collectWarnings(() => {
  const e = new EventEmitter();
  e.setMaxListeners(2);
  const fns = [1, 2, 3].map(() => () => {});
  for (const f of fns) e.on('x', f);
  e.off('x', fns[0]);
  e.off('x', fns[1]);
  for (const f of fns) e.on('x', f);
  return state(e);
}));

addAsync('warning: not again while the array lives', () => collectWarnings(() => {
  const e = new EventEmitter();
  e.setMaxListeners(2);
  const fns = [1, 2, 3, 4].map(() => () => {});
  for (const f of fns) e.on('x', f);
  e.off('x', fns[3]);
  e.off('x', fns[2]);
  e.on('x', fns[2]);
  return state(e);
}));

addAsync('warning: after removeAllListeners', () => collectWarnings(() => {
  const e = new EventEmitter();
  e.setMaxListeners(1);
  e.on('x', () => {});
  e.on('x', () => {});
  e.removeAllListeners('x');
  e.on('x', () => {});
  e.on('x', () => {});
}));

addAsync('warning: limit 0 disables', () => collectWarnings(() => {
  const e = new EventEmitter();
  e.setMaxListeners(0);
  for (let i = 0; i < 30; i++) e.on('x', () => {});
}));

addAsync('warning: limit Infinity disables', () => collectWarnings(() => {
  const e = new EventEmitter();
  e.setMaxListeners(Infinity);
  for (let i = 0; i < 30; i++) e.on('x', () => {});
}));

addAsync('warning: limit 1 with prepend and once', () => collectWarnings(() => {
  const e = new EventEmitter();
  e.setMaxListeners(1);
  e.prependListener('p', () => {});
  e.prependListener('p', () => {});
  e.once('o', () => {});
  e.prependOnceListener('o', () => {});
}));

addAsync('warning: symbol and number names', () => collectWarnings(() => {
  const e = new EventEmitter();
  e.setMaxListeners(1);
  const s = Symbol('leaky');
  e.on(s, () => {});
  e.on(s, () => {});
  e.on(42, () => {});
  e.on(42, () => {});
}));

addAsync('warning: emitter kinds in the message', () => collectWarnings(() => {
  class Sub extends EventEmitter {}
  function Legacy() { EventEmitter.call(this); }
  util.inherits(Legacy, EventEmitter);
  class Tagged extends EventEmitter {
    get [Symbol.toStringTag]() { return 'Tg'; }
  }
  const bare = Object.create(EventEmitter.prototype);
  EventEmitter.call(bare);
  const nullProto = Object.create(EventEmitter.prototype);
  for (const e of [new Sub(), new Legacy(), new Tagged(), bare, nullProto]) {
    e.setMaxListeners(1);
    e.on('k', () => {});
    e.on('k', () => {});
  }
}));

addAsync('warning: default limit change', () => collectWarnings(() => {
  const saved = EventEmitter.defaultMaxListeners;
  try {
    EventEmitter.defaultMaxListeners = 2;
    const e = new EventEmitter();
    for (let i = 0; i < 3; i++) e.on('d', () => {});
  } finally {
    EventEmitter.defaultMaxListeners = saved;
  }
}));

addAsync('warning: static setMaxListeners default', () => collectWarnings(() => {
  const saved = EventEmitter.defaultMaxListeners;
  try {
    EventEmitter.setMaxListeners(1);
    const e = new EventEmitter();
    e.on('s', () => {});
    e.on('s', () => {});
  } finally {
    EventEmitter.defaultMaxListeners = saved;
  }
}));

addAsync('warning: _maxListeners set directly', () => collectWarnings(() => {
  const e = new EventEmitter();
  e._maxListeners = 1;
  e.on('direct', () => {});
  e.on('direct', () => {});
  const n = new EventEmitter();
  n._maxListeners = NaN;
  n.on('nan', () => {});
  n.on('nan', () => {});
}));

addAsync('warning: is delivered asynchronously', async () => {
  warnings.length = 0;
  const e = new EventEmitter();
  e.setMaxListeners(1);
  e.on('a', () => {});
  e.on('a', () => {});
  const sync = warnings.length;
  await delay(2);
  const later = warnings.length;
  warnings.length = 0;
  return [sync, later];
});

addAsync('warning: emitter with custom inspect', () => collectWarnings(() => {
  const e = new EventEmitter();
  e[util.inspect.custom] = (depth) => `custom at ${depth}`;
  e.setMaxListeners(1);
  e.on('c', () => {});
  e.on('c', () => {});
}));

// ---- error events ---------------------------------------------------------

class CustomError extends Error {
  constructor(message) {
    super(message);
    this.name = 'CustomError';
  }
}

const errorValues = [
  ['undefined', undefined], ['null', null], ['string', 'text'], ['number', 42],
  ['zero', 0], ['NaN', NaN], ['boolean', false], ['bigint', 10n],
  ['object', { a: 1 }], ['nested object', { a: { b: { c: { d: {} } } } }],
  ['array', [1, 'two']], ['symbol', Symbol('err')], ['function', function boom() {}],
  ['message-like object', { message: 'm', code: 'E' }],
  ['null prototype object', Object.create(null)],
  ['Error', new Error('plain')], ['TypeError', new TypeError('typed')],
  ['RangeError', new RangeError('ranged')], ['CustomError', new CustomError('mine')],
  ['Date', new Date(0)], ['Map', new Map([[1, 2]])], ['long string', 'x'.repeat(50)],
  ['string with quote', "it's"],
];
for (const [name, value] of errorValues) {
  add(`error: unhandled ${name}`, () => {
    try {
      new EventEmitter().emit('error', value);
      return 'no throw';
    } catch (err) {
      return [err === value, describe(err), err instanceof Error];
    }
  });
  add(`error: handled ${name}`, () => {
    const e = new EventEmitter();
    const seen = [];
    e.on('error', (v, ...rest) => seen.push(v === value, rest.length));
    return [e.emit('error', value, 'extra'), seen];
  });
}

add('error: no arguments', () => new EventEmitter().emit('error'));

add('error: custom inspect', () => new EventEmitter().emit('error', {
  [util.inspect.custom]() { return 'CUSTOM'; },
}));

add('error: inspect throws', () => {
  try {
    new EventEmitter().emit('error', { [util.inspect.custom]() { throw new Error('no'); } });
    return 'no throw';
  } catch (err) {
    return [err.code, err.message, typeof err.context];
  }
});

add('error: unhandled error keys', () => {
  try {
    new EventEmitter().emit('error', 'k');
    return 'no throw';
  } catch (err) {
    return [Object.keys(err), err.name, err.code, Object.getOwnPropertyDescriptor(err, 'context').enumerable];
  }
});

add('error: thrown Error keeps its own keys', () => {
  const err = new Error('own');
  err.extra = 1;
  try {
    new EventEmitter().emit('error', err);
    return 'no throw';
  } catch (thrown) {
    return [thrown === err, Object.keys(thrown)];
  }
});

add('error: uninitialised emitter throws', () => Object.create(EventEmitter.prototype).emit('error', 'u'));

add('error: once error listener', () => {
  const e = new EventEmitter();
  const seen = [];
  e.once('error', (v) => seen.push(v));
  const first = e.emit('error', 'one');
  let second;
  try {
    e.emit('error', 'two');
  } catch (err) {
    second = err.message;
  }
  return [first, seen, second];
});

add('error: listener array', () => {
  const e = new EventEmitter();
  const seen = [];
  e.on('error', (v) => seen.push(['a', v]));
  e.on('error', (v) => seen.push(['b', v]));
  return [e.emit('error', 'x'), seen];
});

add('error: monitor before listeners', () => {
  const e = new EventEmitter();
  const seen = [];
  e.on('error', (v) => seen.push(['listener', v]));
  e.on(EventEmitter.errorMonitor, (v, w) => seen.push(['monitor', v, w]));
  return [e.emit('error', 'x', 'y'), seen];
});

add('error: monitor without listeners still throws', () => {
  const e = new EventEmitter();
  const seen = [];
  e.on(EventEmitter.errorMonitor, (...args) => seen.push(args.map(describe)));
  let thrown;
  try {
    e.emit('error', 'm', 2);
  } catch (err) {
    thrown = err.code;
  }
  return [seen, thrown];
});

add('error: monitor adds a listener', () => {
  const e = new EventEmitter();
  const seen = [];
  e.on(EventEmitter.errorMonitor, () => {
    seen.push('monitor');
    e.on('error', (v) => seen.push(`late ${v}`));
  });
  return [e.emit('error', 1), seen];
});

add('error: monitor with an Error', () => {
  const e = new EventEmitter();
  const err = new Error('watched');
  let seen;
  e.on(EventEmitter.errorMonitor, (v) => { seen = v === err; });
  try {
    e.emit('error', err);
  } catch (thrown) {
    return [seen, thrown === err];
  }
  return 'no throw';
});

add('error: monitor is a normal event name', () => {
  const e = new EventEmitter();
  const seen = [];
  e.on(EventEmitter.errorMonitor, (v) => seen.push(v));
  return [e.emit(EventEmitter.errorMonitor, 'direct'), seen, e.eventNames().map(String)];
});

add('error: monitor throws', () => {
  const e = new EventEmitter();
  const seen = [];
  e.on(EventEmitter.errorMonitor, () => { throw new Error('monitor failed'); });
  e.on('error', () => seen.push('listener'));
  let thrown;
  try {
    e.emit('error', 'x');
  } catch (err) {
    thrown = err.message;
  }
  return [thrown, seen];
});

add('error: listener rethrows', () => {
  const e = new EventEmitter();
  e.on('error', (err) => { throw err; });
  return e.emit('error', new Error('again'));
});

add('error: emit override sees monitor emit', () => {
  const log = [];
  class Spy extends EventEmitter {
    emit(name, ...args) {
      log.push(String(name));
      return super.emit(name, ...args);
    }
  }
  const s = new Spy();
  s.on(EventEmitter.errorMonitor, () => {});
  s.on('error', () => {});
  s.emit('error', 1);
  return log;
});

add('error: unhandled error is an instance of Error', () => {
  try {
    new EventEmitter().emit('error', 'q');
    return 'no throw';
  } catch (err) {
    return [err instanceof Error, err instanceof TypeError, err.constructor === Error, err.name];
  }
});

// ---- inspect ----------------------------------------------------------------

const inspectStates = [
  ['new', () => new EventEmitter()],
  ['one listener', () => new EventEmitter().on('a', () => {})],
  ['named listener', () => new EventEmitter().on('a', function handler() {})],
  ['two listeners', () => new EventEmitter().on('a', () => {}).on('a', function b() {})],
  ['once listener', () => new EventEmitter().once('a', function q() {})],
  ['symbol name', () => new EventEmitter().on(Symbol('s'), () => {})],
  ['several names', () => new EventEmitter().on('a', () => {}).on('b', () => {}).on('c', () => {})],
  ['after removal', () => {
    const e = new EventEmitter();
    const f = () => {};
    return e.on('a', f).on('b', f).off('a', f);
  }],
  ['after removeAllListeners', () => new EventEmitter().on('a', () => {}).removeAllListeners()],
  ['limit', () => new EventEmitter().setMaxListeners(3)],
  ['capture', () => new EventEmitter({ captureRejections: true })],
  ['extra own property', () => Object.assign(new EventEmitter(), { x: 1 })],
  ['uninitialised', () => Object.create(EventEmitter.prototype)],
  ['uninitialised with listener', () => Object.create(EventEmitter.prototype).on('z', () => {})],
  ['many listeners', () => {
    const e = new EventEmitter();
    e.setMaxListeners(0);
    for (let i = 0; i < 8; i++) e.on('m', () => {});
    return e;
  }],
  ['array and single', () => new EventEmitter().on('a', () => {}).on('a', () => {}).on('b', () => {})],
  ['newListener watcher', () => new EventEmitter().on('newListener', function watch() {})],
];
for (const [name, make] of inspectStates) {
  add(`inspect: ${name}`, () => util.inspect(make()));
  add(`inspect: ${name}, depth 0`, () => util.inspect(make(), { depth: 0 }));
}
add('inspect: showHidden', () => util.inspect(new EventEmitter(), { showHidden: true }));
add('inspect: depth -1', () => util.inspect(new EventEmitter(), { depth: -1 }));
add('inspect: compact false', () => util.inspect(new EventEmitter().on('a', () => {}), { compact: false }));
add('inspect: nested in an object', () => util.inspect({ bus: new EventEmitter() }));

// ---- captureRejections ------------------------------------------------------

const rejected = [];
process.on('unhandledRejection', (reason) => {
  rejected.push(describe(reason));
});

async function settle() {
  await delay(5);
  await delay(5);
}

addAsync('capture: async listener rejection becomes an error event', async () => {
  const log = [];
  const e = new EventEmitter({ captureRejections: true });
  e.on('error', (err) => log.push(['error', err.message, e.listenerCount('x')]));
  e.on('x', async (v) => {
    log.push(['listener', v]);
    throw new Error('async fail');
  });
  log.push(['emit', e.emit('x', 1)]);
  await settle();
  return log;
});

addAsync('capture: ordering against ticks and microtasks', async () => {
  const log = [];
  const e = new EventEmitter({ captureRejections: true });
  e.on('error', (err) => log.push(`error ${err.message}`));
  e.on('x', async () => { throw new Error('late'); });
  e.emit('x');
  process.nextTick(() => log.push('tick'));
  Promise.resolve().then(() => log.push('microtask'));
  await settle();
  return log;
});

addAsync('capture: rejection method', async () => {
  const log = [];
  const e = new EventEmitter({ captureRejections: true });
  e[Symbol.for('nodejs.rejection')] = function(err, name, ...args) {
    log.push([err.message, name, args, this === e]);
  };
  e.on('error', () => log.push('error listener'));
  e.on('y', async () => { throw new Error('to method'); });
  e.emit('y', 1, 2);
  await settle();
  return log;
});

addAsync('capture: class rejection method', async () => {
  const log = [];
  class Catcher extends EventEmitter {
    constructor() {
      super({ captureRejections: true });
    }
    [EventEmitter.captureRejectionSymbol](err, name) {
      log.push([err.message, name]);
    }
  }
  const c = new Catcher();
  c.on('q', async () => { throw new Error('in class'); });
  c.emit('q');
  await settle();
  return log;
});

addAsync('capture: static switch', async () => {
  const log = [];
  const saved = EventEmitter.captureRejections;
  let e;
  let off;
  try {
    EventEmitter.captureRejections = true;
    e = new EventEmitter();
    off = new EventEmitter({ captureRejections: false });
  } finally {
    EventEmitter.captureRejections = saved;
  }
  const later = new EventEmitter();
  e.on('error', (err) => log.push(err.message));
  e.on('x', async () => { throw new Error('static'); });
  e.emit('x');
  await settle();
  return [log, ownSymbols(e), ownSymbols(off), ownSymbols(later), EventEmitter.captureRejections];
});

add('capture: static setter validation', () => { EventEmitter.captureRejections = 'yes'; });
add('capture: static setter 1', () => { EventEmitter.captureRejections = 1; });
add('capture: static descriptor', () => {
  const d = Object.getOwnPropertyDescriptor(EventEmitter, 'captureRejections');
  return [typeof d.get, typeof d.set, d.enumerable, d.configurable];
});

add('capture: then getter that throws', () => {
  const log = [];
  const e = new EventEmitter({ captureRejections: true });
  e.on('error', (err) => log.push(`error ${err.message}`));
  e.on('z', () => ({ get then() { throw new Error('then getter'); } }));
  log.push(`emit ${e.emit('z')}`);
  return log;
});

add('capture: then getter not read without capture', () => {
  let reads = 0;
  const e = new EventEmitter();
  e.on('z', () => ({ get then() { reads++; return undefined; } }));
  e.emit('z');
  return reads;
});

add('capture: synchronous custom thenable', () => {
  const log = [];
  const e = new EventEmitter({ captureRejections: true });
  e.on('error', (err) => log.push(`error ${err.message}`));
  e.on('z', () => ({
    then(onFulfilled, onRejected) {
      log.push(['then', typeof onFulfilled, typeof onRejected]);
      onRejected(new Error('thenable'));
    },
  }));
  e.emit('z');
  log.push('after emit');
  return log;
});

addAsync('capture: synchronous custom thenable delivery', async () => {
  const log = [];
  const e = new EventEmitter({ captureRejections: true });
  e.on('error', (err) => log.push(`error ${err.message}`));
  e.on('z', () => ({ then(ok, fail) { fail(new Error('thenable')); } }));
  e.emit('z');
  log.push('after emit');
  await settle();
  return log;
});

addAsync('capture: resolved promises are ignored', async () => {
  const log = [];
  const e = new EventEmitter({ captureRejections: true });
  e.on('error', (err) => log.push(err.message));
  e.on('x', async () => 5);
  e.on('x', () => 5);
  e.on('x', () => 'str');
  e.on('x', () => ({}));
  e.on('x', () => ({ then: 5 }));
  e.emit('x');
  await settle();
  return log;
});

for (const [name, reason] of [['null', null], ['undefined', undefined], ['string', 'str'], ['number', 7], ['object', { o: 1 }]]) {
  addAsync(`capture: rejection reason ${name}`, async () => {
    const log = [];
    const e = new EventEmitter({ captureRejections: true });
    e.on('error', (err) => log.push(describe(err)));
    e.on('x', () => Promise.reject(reason));
    e.emit('x');
    await settle();
    return log;
  });
}

addAsync('capture: several rejecting listeners', async () => {
  const log = [];
  const e = new EventEmitter({ captureRejections: true });
  e.on('error', (err) => log.push(err.message));
  e.on('x', async () => { throw new Error('first'); });
  e.on('x', async () => { throw new Error('second'); });
  e.on('x', () => log.push('sync listener'));
  e.emit('x');
  await settle();
  return log;
});

addAsync('capture: once listener rejecting', async () => {
  const log = [];
  const e = new EventEmitter({ captureRejections: true });
  e.on('error', (err) => log.push([err.message, e.listenerCount('x')]));
  e.once('x', async () => { throw new Error('once async'); });
  e.emit('x');
  await settle();
  return log;
});

addAsync('capture: many arguments reach the rejection method', async () => {
  const log = [];
  const e = new EventEmitter({ captureRejections: true });
  e[EventEmitter.captureRejectionSymbol] = (err, name, ...args) => log.push([name, args.length, args]);
  e.on('x', async () => { throw new Error('args'); });
  e.emit('x', 1, 2, 3, 4);
  e.emit('x');
  await settle();
  return log;
});

addAsync('capture: async error listener rejecting is not captured', async () => {
  rejected.length = 0;
  const log = [];
  const e = new EventEmitter({ captureRejections: true });
  e.on('error', async (err) => {
    log.push(['error listener', err.message, ownSymbols(e)]);
    throw new Error('from error listener');
  });
  e.on('x', async () => { throw new Error('source'); });
  e.emit('x');
  await settle();
  const r = [log, rejected.slice(), ownSymbols(e)];
  rejected.length = 0;
  return r;
});

addAsync('capture: off leaves rejections unhandled', async () => {
  rejected.length = 0;
  const log = [];
  const e = new EventEmitter();
  e.on('error', () => log.push('error listener'));
  e.on('x', async () => { throw new Error('not captured'); });
  e.emit('x');
  await settle();
  const r = [log, rejected.slice()];
  rejected.length = 0;
  return r;
});

addAsync('capture: option false leaves rejections unhandled', async () => {
  rejected.length = 0;
  const log = [];
  const e = new EventEmitter({ captureRejections: false });
  e.on('error', () => log.push('error listener'));
  e.on('x', async () => { throw new Error('option false'); });
  e.emit('x');
  await settle();
  const r = [log, rejected.slice()];
  rejected.length = 0;
  return r;
});

addAsync('capture: error emit with capture on', async () => {
  const log = [];
  const e = new EventEmitter({ captureRejections: true });
  e.on(EventEmitter.errorMonitor, (err) => log.push(['monitor', describe(err)]));
  e.on('error', (err) => log.push(['error', describe(err)]));
  e.on('x', async () => { throw 'raw'; });
  e.emit('x');
  await settle();
  return log;
});

addAsync('capture: toggled on an existing emitter', async () => {
  const log = [];
  const e = new EventEmitter();
  const key = Object.getOwnPropertySymbols(e).find((s) => String(s) === 'Symbol(kCapture)');
  e[key] = true;
  e.on('error', (err) => log.push(err.message));
  e.on('x', async () => { throw new Error('toggled'); });
  e.emit('x');
  await settle();
  return log;
});

// ---- events.once ------------------------------------------------------------

const { once, on } = EventEmitter;

addAsync('once(): resolves with the arguments', () => {
  const e = new EventEmitter();
  const p = once(e, 'x');
  e.emit('x', 1, 'b', null);
  return p;
});

addAsync('once(): no arguments', () => {
  const e = new EventEmitter();
  const p = once(e, 'x');
  e.emit('x');
  return p;
});

addAsync('once(): listeners while waiting and after', async () => {
  const e = new EventEmitter();
  const p = once(e, 'x');
  const during = [e.listenerCount('x'), e.listenerCount('error'),
    e.listeners('x').map((f) => f.name), e.listeners('error').map((f) => f.name),
    e.rawListeners('x').map((f) => f.name)];
  e.emit('x', 'v');
  const value = await p;
  return [during, value, e.listenerCount('x'), e.listenerCount('error')];
});

addAsync('once(): rejects on error', async () => {
  const e = new EventEmitter();
  const p = once(e, 'x');
  e.emit('error', new Error('boom'));
  try {
    await p;
    return 'resolved';
  } catch (err) {
    return [describe(err), e.listenerCount('x'), e.listenerCount('error')];
  }
});

addAsync('once(): rejects on a non-Error error', () => {
  const e = new EventEmitter();
  const p = once(e, 'x');
  e.emit('error', 'just text');
  return p;
});

addAsync('once(): waiting for error itself', async () => {
  const e = new EventEmitter();
  const p = once(e, 'error');
  const during = e.listenerCount('error');
  e.emit('error', 'err value', 2);
  return [during, await p, e.listenerCount('error')];
});

addAsync('once(): symbol name', () => {
  const e = new EventEmitter();
  const s = Symbol('ready');
  const p = once(e, s);
  e.emit(s, 'sym');
  return p;
});

addAsync('once(): two waiters', async () => {
  const e = new EventEmitter();
  const a = once(e, 'x');
  const b = once(e, 'x');
  const counts = [e.listenerCount('x'), e.listenerCount('error')];
  e.emit('x', 1);
  e.emit('x', 2);
  return [counts, await a, await b];
});

addAsync('once(): returns a promise without throwing', () => {
  let p;
  try {
    p = once(null, 'x');
  } catch (err) {
    return ['sync throw', describe(err)];
  }
  return p.then(() => 'resolved', (err) => ['async', p instanceof Promise, describe(err)]);
});

addAsync('once(): not an emitter', () => once({}, 'x'));
addAsync('once(): number emitter', () => once(5, 'x'));
addAsync('once(): options null waits', () => once(new EventEmitter(), 'x', null), 30);
addAsync('once(): options number waits', () => once(new EventEmitter(), 'x', 5), 30);
addAsync('once(): options string waits', () => once(new EventEmitter(), 'x', 'opts'), 30);
addAsync('once(): options without signal', () => {
  const e = new EventEmitter();
  const p = once(e, 'x', {});
  e.emit('x', 'plain');
  return p;
});

for (const [name, signal] of [['number', 5], ['plain object', {}], ['null', null], ['string', 'x'], ['true', true], ['function', () => {}]]) {
  addAsync(`once(): bad signal ${name}`, () => once(new EventEmitter(), 'x', { signal }));
  add(`on(): bad signal ${name}`, () => on(new EventEmitter(), 'x', { signal }));
}

for (const [name, reason] of [['no reason', undefined], ['string reason', 'why'], ['Error reason', new Error('because')]]) {
  addAsync(`once(): already aborted, ${name}`, async () => {
    const s = fakeSignal(true, reason);
    const e = new EventEmitter();
    try {
      await once(e, 'x', { signal: s });
      return 'resolved';
    } catch (err) {
      return [describe(err), s.log, e.listenerCount('x')];
    }
  });
  add(`on(): already aborted, ${name}`, () => on(new EventEmitter(), 'x', { signal: fakeSignal(true, reason) }));
}

addAsync('once(): abort while waiting', async () => {
  const s = fakeSignal();
  const e = new EventEmitter();
  const p = once(e, 'x', { signal: s });
  const during = [e.listenerCount('x'), e.listenerCount('error'), s.log.slice()];
  s.abort('stopped');
  try {
    await p;
    return 'resolved';
  } catch (err) {
    return [during, describe(err), s.log, e.listenerCount('x'), e.listenerCount('error')];
  }
});

addAsync('once(): resolve removes the abort listener', async () => {
  const s = fakeSignal();
  const e = new EventEmitter();
  const p = once(e, 'x', { signal: s });
  e.emit('x', 'ok');
  return [await p, s.log, s.listeners.length];
});

addAsync('once(): error removes the abort listener', async () => {
  const s = fakeSignal();
  const e = new EventEmitter();
  const p = once(e, 'x', { signal: s });
  e.emit('error', new Error('bad'));
  const r = await p.then(() => 'resolved', (err) => err.message);
  return [r, s.log];
});

addAsync('once(): abort after resolve does nothing', async () => {
  const s = fakeSignal();
  const e = new EventEmitter();
  const p = once(e, 'x', { signal: s });
  e.emit('x', 1);
  s.abort('late');
  return [await p, s.log];
});

addAsync('once(): EventTarget-like source', async () => {
  const t = fakeTarget();
  const p = once(t, 'ping');
  t.dispatch('ping', { type: 'ping' });
  return [await p, t.log];
});

addAsync('once(): EventTarget-like source aborted', async () => {
  const t = fakeTarget();
  const s = fakeSignal();
  const p = once(t, 'ping', { signal: s });
  s.abort();
  const r = await p.then(() => 'resolved', (err) => describe(err));
  return [r, t.log, s.log];
});

addAsync('once(): source with only on/once/removeListener', async () => {
  const log = [];
  let fire;
  const source = {
    on(name) { log.push(['on', name]); },
    once(name, fn) {
      log.push(['once', name, fn.name]);
      if (name === 'x') fire = fn;
    },
    removeListener(name, fn) { log.push(['removeListener', name, fn.name]); },
  };
  const p = once(source, 'x');
  fire('value');
  return [await p, log];
});

addAsync('once(): source without removeListener', async () => {
  const log = [];
  let fire;
  const source = {
    on() {},
    once(name, fn) {
      log.push(['once', name]);
      if (name === 'x') fire = fn;
    },
  };
  const p = once(source, 'x');
  fire(1, 2);
  return [await p, log];
});

addAsync('once(): newListener sees the resolver', async () => {
  const e = new EventEmitter();
  const log = [];
  e.on('newListener', (name, fn) => log.push([String(name), fn.name]));
  const p = once(e, 'x');
  e.emit('x');
  await p;
  return log;
});

addAsync('once(): removeListener events on resolve', async () => {
  const e = new EventEmitter();
  const log = [];
  e.on('removeListener', (name, fn) => log.push([String(name), fn.name]));
  const p = once(e, 'x');
  e.emit('x');
  await p;
  return log;
});

addAsync('once(): removeListener events on reject', async () => {
  const e = new EventEmitter();
  const log = [];
  e.on('removeListener', (name, fn) => log.push([String(name), fn.name]));
  const p = once(e, 'x');
  e.emit('error', 'e');
  await p.catch(() => {});
  return log;
});

addAsync('once(): settles after other microtasks', async () => {
  const log = [];
  const e = new EventEmitter();
  once(e, 'x').then(() => log.push('once resolved'));
  e.emit('x');
  Promise.resolve().then(() => log.push('micro 1')).then(() => log.push('micro 2'))
    .then(() => log.push('micro 3'));
  await settle();
  return log;
});

// ---- events.on --------------------------------------------------------------

addAsync('on(): buffered events', async () => {
  const e = new EventEmitter();
  const it = on(e, 'd');
  e.emit('d', 1);
  e.emit('d', 2, 3);
  e.emit('d');
  const r = [await it.next(), await it.next(), await it.next()];
  r.push(e.listenerCount('d'), e.listenerCount('error'));
  r.push(await it.return());
  r.push(e.listenerCount('d'), e.listenerCount('error'), await it.next());
  return r;
});

addAsync('on(): waiting reads resolve in order', async () => {
  const e = new EventEmitter();
  const it = on(e, 'd');
  const a = it.next();
  const b = it.next();
  const c = it.next();
  e.emit('d', 'first');
  e.emit('d', 'second');
  const r = [await a, await b];
  await it.return();
  r.push(await c);
  return r;
});

addAsync('on(): for await with break', async () => {
  const e = new EventEmitter();
  const seen = [];
  setTimeout(() => {
    e.emit('d', 'a');
    e.emit('d', 'b');
    e.emit('d', 'c');
  }, 1);
  for await (const args of on(e, 'd')) {
    seen.push(args);
    if (seen.length === 2) break;
  }
  return [seen, e.listenerCount('d'), e.listenerCount('error')];
});

addAsync('on(): error after buffered events', async () => {
  const e = new EventEmitter();
  const it = on(e, 'd');
  e.emit('d', 1);
  e.emit('error', new Error('x'));
  e.emit('d', 2);
  const r = [await it.next()];
  r.push(await it.next().then(() => 'resolved', (err) => err.message));
  r.push(await it.next(), e.listenerCount('d'), e.listenerCount('error'));
  return r;
});

addAsync('on(): error rejects the oldest waiting read', async () => {
  const e = new EventEmitter();
  const it = on(e, 'd');
  const p1 = it.next();
  const p2 = it.next();
  e.emit('error', 'failure');
  return [await p1.catch((err) => ['rejected', describe(err)]), await p2];
});

addAsync('on(): error in a for await loop', async () => {
  const e = new EventEmitter();
  const seen = [];
  setTimeout(() => {
    e.emit('d', 1);
    e.emit('error', new Error('loop error'));
  }, 1);
  try {
    for await (const args of on(e, 'd')) seen.push(args);
  } catch (err) {
    seen.push(`caught ${err.message}`);
  }
  return [seen, e.listenerCount('d')];
});

addAsync('on(): throw()', async () => {
  const e = new EventEmitter();
  const it = on(e, 'd');
  const r = [];
  for (const bad of [5, undefined, null, 'str', { message: 'fake' }]) {
    try {
      r.push(['returned', describe(it.throw(bad))]);
    } catch (err) {
      r.push(describe(err));
    }
  }
  r.push(describe(it.throw(new TypeError('thrown in'))));
  r.push(await it.next().then(() => 'resolved', (err) => err.message));
  r.push(await it.next(), e.listenerCount('d'));
  return r;
});

addAsync('on(): throw() with a waiting read', async () => {
  const e = new EventEmitter();
  const it = on(e, 'd');
  const p = it.next();
  it.throw(new Error('to the reader'));
  return [await p.catch((err) => err.message), await it.next()];
});

addAsync('on(): return() while reads wait', async () => {
  const e = new EventEmitter();
  const it = on(e, 'd');
  const p = it.next();
  const q = it.return('ignored');
  return [await p, await q, await it.next()];
});

addAsync('on(): return() value', async () => {
  const it = on(new EventEmitter(), 'd');
  return [await it.return(5), await it.return()];
});

addAsync('on(): close events', async () => {
  const e = new EventEmitter();
  const it = on(e, 'd', { close: ['end', 'finish'] });
  const during = [e.listenerCount('end'), e.listenerCount('finish'), e.listeners('end').map((f) => f.name)];
  e.emit('d', 1);
  e.emit('finish');
  e.emit('d', 2);
  const r = [during, e.listenerCount('end'), e.listenerCount('finish'), e.listenerCount('d')];
  r.push(await it.next(), await it.next());
  return r;
});

addAsync('on(): close while a read waits', async () => {
  const e = new EventEmitter();
  const it = on(e, 'd', { close: ['end'] });
  const p = it.next();
  e.emit('end');
  return [await p, await it.next()];
});

for (const [name, close] of [['empty array', []], ['string', 'end'], ['object', {}], ['null', null]]) {
  addAsync(`on(): close option ${name}`, async () => {
    const e = new EventEmitter();
    let it;
    try {
      it = on(e, 'd', { close });
    } catch (err) {
      return ['threw', describe(err)];
    }
    const r = [e.eventNames().map(String)];
    await it.return();
    r.push(e.eventNames().map(String));
    return r;
  });
}

addAsync('on(): removal order', async () => {
  const e = new EventEmitter();
  const log = [];
  e.on('removeListener', (name, fn) => log.push([String(name), fn.name]));
  const it = on(e, 'd', { close: ['end', 'stop'] });
  await it.return();
  await it.return();
  return log;
});

addAsync('on(): registration order and names', async () => {
  const e = new EventEmitter();
  const log = [];
  e.on('newListener', (name, fn) => log.push([String(name), fn.name]));
  const it = on(e, 'd', { close: ['end'] });
  await it.return();
  return log;
});

addAsync('on(): listening for error', async () => {
  const e = new EventEmitter();
  const it = on(e, 'error');
  const during = e.listenerCount('error');
  e.emit('error', 'as data');
  const r = [during, await it.next()];
  await it.return();
  r.push(e.listenerCount('error'));
  return r;
});

addAsync('on(): watermarks pause and resume', async () => {
  const e = new EventEmitter();
  const log = [];
  e.pause = () => log.push('pause');
  e.resume = () => log.push('resume');
  const it = on(e, 'd', { highWaterMark: 2, lowWaterMark: 1 });
  for (let i = 0; i < 4; i++) {
    e.emit('d', i);
    log.push(`emitted ${i}`);
  }
  for (let i = 0; i < 4; i++) log.push((await it.next()).value[0]);
  await it.return();
  return log;
});

addAsync('on(): watermark aliases', async () => {
  const e = new EventEmitter();
  const log = [];
  e.pause = () => log.push('pause');
  e.resume = () => log.push('resume');
  const it = on(e, 'd', { highWatermark: 1, lowWatermark: 1 });
  e.emit('d', 'a');
  e.emit('d', 'b');
  log.push((await it.next()).value[0], (await it.next()).value[0]);
  await it.return();
  return log;
});

addAsync('on(): watermark data', async () => {
  const e = new EventEmitter();
  e.pause = () => {};
  e.resume = () => {};
  const it = on(e, 'd', { highWaterMark: 3, lowWaterMark: 2 });
  const data = it[Symbol.for('nodejs.watermarkData')];
  const snap = () => [data.size, data.low, data.high, data.isPaused];
  const r = [Object.keys(data), snap()];
  for (let i = 0; i < 5; i++) e.emit('d', i);
  r.push(snap());
  await it.next();
  await it.next();
  r.push(snap());
  await it.next();
  r.push(snap());
  await it.return();
  return r;
});

addAsync('on(): default watermark data', async () => {
  const it = on(new EventEmitter(), 'd');
  const data = it[Symbol.for('nodejs.watermarkData')];
  const r = [data.size, data.low, data.high, data.isPaused];
  await it.return();
  return r;
});

const watermarkOptions = [
  ['high 0', { highWaterMark: 0 }], ['high -1', { highWaterMark: -1 }],
  ['high 1.5', { highWaterMark: 1.5 }], ['high string', { highWaterMark: '2' }],
  ['high NaN', { highWaterMark: NaN }], ['high Infinity', { highWaterMark: Infinity }],
  ['high null', { highWaterMark: null }], ['high alias bad', { highWatermark: 'x' }],
  ['low 0', { lowWaterMark: 0 }], ['low 1.5', { lowWaterMark: 1.5 }],
  ['low string', { lowWaterMark: 'x' }], ['low alias bad', { lowWatermark: -3 }],
  ['both bad', { highWaterMark: 0, lowWaterMark: 0 }],
  ['bad signal and high', { signal: 5, highWaterMark: 'x' }],
  ['aborted and bad high', { signal: { aborted: true }, highWaterMark: 0 }],
  ['high max', { highWaterMark: Number.MAX_SAFE_INTEGER }],
  ['high above max', { highWaterMark: Number.MAX_SAFE_INTEGER + 2 }],
];
for (const [name, options] of watermarkOptions) {
  add(`on(): options ${name}`, () => {
    const it = on(new EventEmitter(), 'd', options);
    const data = it[Symbol.for('nodejs.watermarkData')];
    it.return();
    return [data.low, data.high];
  });
}

add('on(): options null', () => on(new EventEmitter(), 'd', null));
add('on(): options number', () => {
  const it = on(new EventEmitter(), 'd', 5);
  it.return();
  return typeof it.next;
});
add('on(): not an emitter', () => on({}, 'd'));
add('on(): null emitter', () => on(null, 'd'));

add('on(): iterator shape', () => {
  const it = on(new EventEmitter(), 'd');
  const asyncIteratorProto = Object.getPrototypeOf(
    Object.getPrototypeOf(async function* () {}).prototype);
  const r = [Object.keys(it), Reflect.ownKeys(it).map(String),
    Object.getPrototypeOf(it) === asyncIteratorProto, it[Symbol.asyncIterator]() === it,
    Object.prototype.toString.call(it), util.inspect(it)];
  it.return();
  return r;
});

add('on(): listener names', () => {
  const e = new EventEmitter();
  const it = on(e, 'd', { close: ['c'] });
  const r = [e.listeners('d').map((f) => f.name), e.listeners('error').map((f) => f.name),
    e.listeners('c').map((f) => f.name)];
  it.return();
  return r;
});

addAsync('on(): abort while a read waits', async () => {
  const s = fakeSignal(false);
  const e = new EventEmitter();
  const it = on(e, 'd', { signal: s });
  const during = s.log.slice();
  const p = it.next();
  s.abort('rr');
  const r = [during, await p.then(() => 'resolved', (err) => describe(err))];
  r.push(await it.next(), e.listenerCount('d'), e.listenerCount('error'), s.log);
  return r;
});

addAsync('on(): abort with nothing waiting', async () => {
  const s = fakeSignal(false);
  const e = new EventEmitter();
  const it = on(e, 'd', { signal: s });
  e.emit('d', 'kept');
  s.abort();
  const r = [await it.next()];
  r.push(await it.next().then(() => 'resolved', (err) => describe(err)));
  r.push(await it.next(), s.log);
  return r;
});

addAsync('on(): return removes the abort listener', async () => {
  const s = fakeSignal(false);
  const it = on(new EventEmitter(), 'd', { signal: s });
  await it.return();
  await it.return();
  return s.log;
});

addAsync('on(): EventTarget-like source', async () => {
  const t = fakeTarget();
  const it = on(t, 'msg', { close: ['done'] });
  t.dispatch('msg', { n: 1 });
  const first = await it.next();
  await it.return();
  return [first, t.log];
});

addAsync('on(): emit with many arguments', async () => {
  const e = new EventEmitter();
  const it = on(e, 'd');
  e.emit('d', 1, 2, 3, 4, 5);
  const r = await it.next();
  await it.return();
  return r;
});

addAsync('on(): two iterators on one event', async () => {
  const e = new EventEmitter();
  const a = on(e, 'd');
  const b = on(e, 'd');
  e.emit('d', 'both');
  const r = [await a.next(), await b.next(), e.listenerCount('d')];
  await a.return();
  r.push(e.listenerCount('d'));
  await b.return();
  r.push(e.listenerCount('d'));
  return r;
});

// ---- addAbortListener -------------------------------------------------------

add('addAbortListener: registers once', () => {
  const s = fakeSignal(false);
  const d = EventEmitter.addAbortListener(s, () => {});
  return [s.log, Reflect.ownKeys(d).map(String), Object.getPrototypeOf(d), typeof d[kDispose]];
});

add('addAbortListener: dispose removes', () => {
  const s = fakeSignal(false);
  const fn = () => {};
  const d = EventEmitter.addAbortListener(s, fn);
  d[kDispose]();
  d[kDispose]();
  return s.log;
});

add('addAbortListener: fires on abort', () => {
  const s = fakeSignal(false);
  const log = [];
  EventEmitter.addAbortListener(s, (ev) => log.push(describe(ev)));
  s.abort('why');
  return log;
});

addAsync('addAbortListener: already aborted runs on a microtask', async () => {
  const s = fakeSignal(true, 'done');
  const log = [];
  const d = EventEmitter.addAbortListener(s, (...args) => log.push(['called', args.length]));
  log.push('sync');
  await Promise.resolve();
  d[kDispose]();
  return [log, s.log];
});

for (const [name, signal] of [['undefined', undefined], ['null', null], ['plain object', {}], ['number', 3]]) {
  add(`addAbortListener: signal ${name}`, () => EventEmitter.addAbortListener(signal, () => {}));
}
for (const [name, listener] of [['undefined', undefined], ['number', 5], ['object', {}]]) {
  add(`addAbortListener: listener ${name}`, () => EventEmitter.addAbortListener(fakeSignal(), listener));
}

// ---- Generated interleavings ----------------------------------------------

// Deterministic sequences of operations on one emitter, checked after each
// step: a small linear congruential generator picks the operations.
function lcg(seed) {
  let x = seed >>> 0;
  return () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x;
  };
}

for (let seed = 1; seed <= 24; seed++) {
  add(`sequence: seed ${seed}`, () => {
    const next = lcg(seed);
    const e = new EventEmitter();
    const log = [];
    const fns = [0, 1, 2, 3].map((i) => {
      const f = (...args) => log.push(`f${i}(${args.join(',')})`);
      return f;
    });
    const names = ['a', 'b', 'c'];
    const steps = [];
    for (let i = 0; i < 14; i++) {
      const op = next() % 8;
      const name = names[next() % names.length];
      const fn = fns[next() % fns.length];
      const idx = fns.indexOf(fn);
      let what;
      switch (op) {
        case 0: e.on(name, fn); what = `on ${name} f${idx}`; break;
        case 1: e.prependListener(name, fn); what = `prepend ${name} f${idx}`; break;
        case 2: e.once(name, fn); what = `once ${name} f${idx}`; break;
        case 3: e.off(name, fn); what = `off ${name} f${idx}`; break;
        case 4: what = `emit ${name} ${e.emit(name, i)}`; break;
        case 5: e.removeAllListeners(name); what = `removeAll ${name}`; break;
        case 6: e.prependOnceListener(name, fn); what = `prependOnce ${name} f${idx}`; break;
        default: what = `count ${name} ${e.listenerCount(name)} ${e.listenerCount(name, fn)}`;
      }
      steps.push([what, e.eventNames().join(''), e._eventsCount]);
    }
    return [steps, log, tableShape(e)];
  });
}

// ---- Run --------------------------------------------------------------------

async function main() {
  const seen = new Set();
  for (const c of cases) {
    if (seen.has(c.label)) throw new Error(`duplicate label ${c.label}`);
    seen.add(c.label);
    const result = await c.run();
    console.log(JSON.stringify([c.label, result]));
  }
}

main();

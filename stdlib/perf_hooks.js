'use strict';
// node:perf_hooks: the performance timeline (marks, measures, function
// timings), its observers, and event loop utilization, on the clocks of the
// native 'perf' binding.

const { codes } = require('./internal/errors');
const { inspect } = require('./internal/util/inspect');
const { EventTarget } = require('./internal/event_target');
const { DOMException } = require('./internal/dom_exception');
// Histograms are loaded on first use, so the snapshot holds none of them.
const histograms = () => require('./internal/perf/histogram');
function createHistogram(options = undefined) {
  return histograms().createHistogram(options);
}
function monitorEventLoopDelay(options = undefined) {
  return histograms().monitorEventLoopDelay(options);
}
const {
  validateFunction,
  validateNumber,
  validateObject,
} = require('./internal/validators');

let clocks;
function perf() {
  // eslint-disable-next-line no-undef
  if (clocks === undefined) clocks = internalBinding('perf');
  return clocks;
}

const now = () => perf().now();

// Only the constructors below may make entries; user code calling
// `new PerformanceEntry()` gets Illegal constructor.
const kMayConstruct = Symbol('kMayConstruct');

// Node shows these objects one level shallower than plain ones: at depth 0
// a mark is "PerformanceMark [Object]".
function describe(self, fields, depth, options) {
  const name = self.constructor.name;
  if (depth < 0) return `[${name}]`;
  const inner = options.depth === null || options.depth === undefined ?
    options.depth : options.depth - 1;
  return `${name} ${inspect(fields, { ...options, depth: inner })}`;
}

let detailOf;
class PerformanceEntry {
  #name;
  #type;
  #start;
  #duration;
  #detail;

  constructor(token, name, type, start, duration, detail) {
    if (token !== kMayConstruct) throw new codes.ERR_ILLEGAL_CONSTRUCTOR();
    this.#name = name;
    this.#type = type;
    this.#start = start;
    this.#duration = duration;
    this.#detail = detail;
  }

  static {
    detailOf = (entry) => entry.#detail;
  }

  get name() { return this.#name; }
  get entryType() { return this.#type; }
  get startTime() { return this.#start; }
  get duration() { return this.#duration; }

  toJSON() {
    return { name: this.#name, entryType: this.#type,
      startTime: this.#start, duration: this.#duration };
  }
}

// The subclasses that carry a detail show it last.
function withDetail(cls) {
  Object.defineProperties(cls.prototype, {
    detail: {
      get: function detail() { return detailOf(this); },
      enumerable: true, configurable: true,
    },
    toJSON: {
      value: function toJSON() {
        return { ...PerformanceEntry.prototype.toJSON.call(this),
          detail: detailOf(this) };
      },
      writable: true, enumerable: true, configurable: true,
    },
  });
  Object.defineProperty(Object.getOwnPropertyDescriptor(cls.prototype,
    'detail').get, 'name', { value: 'get detail' });
}

// Marks copy their detail (structuredClone), so later changes to the
// caller's object do not show in the timeline.
function cloneDetail(detail) {
  if (detail === undefined || detail === null) return null;
  return globalThis.structuredClone(detail);
}

function checkTimestamp(value, name) {
  validateNumber(value, name);
  if (value < 0) throw new codes.ERR_PERFORMANCE_INVALID_TIMESTAMP(value);
}

class PerformanceMark extends PerformanceEntry {
  constructor(name, options = undefined) {
    if (arguments.length === 0) throw new codes.ERR_MISSING_ARGS('name');
    const given = options === null ? undefined : options;
    if (given !== undefined) validateObject(given, 'options');
    const startTime = given === undefined || given.startTime === undefined ?
      now() : given.startTime;
    checkTimestamp(startTime, 'startTime');
    const detail = given === undefined ? null : cloneDetail(given.detail);
    super(kMayConstruct, `${name}`, 'mark', startTime, 0, detail);
  }
}

class PerformanceMeasure extends PerformanceEntry {
  constructor(token, name, start, duration, detail) {
    if (token !== kMayConstruct) throw new codes.ERR_ILLEGAL_CONSTRUCTOR();
    super(kMayConstruct, name, 'measure', start, duration, detail);
  }
}

// Entries Node makes itself (function timings); the class is not exported.
class PerformanceNodeEntry extends PerformanceEntry {}

for (const cls of [PerformanceMark, PerformanceMeasure, PerformanceNodeEntry]) {
  withDetail(cls);
}

// --- The timeline --------------------------------------------------------

// Marks and measures are kept until cleared; other types only reach
// observers (and the buffered records of new ones, up to a limit).
const timeline = { mark: [], measure: [] };
const kObservedTypes = ['dns', 'function', 'gc', 'http', 'http2', 'mark',
  'measure', 'net', 'resource'];
const kBufferLimit = 1000;
const observerBuffers = { function: [] };

function byStartTime(a, b) {
  return a.startTime - b.startTime;
}

function entriesNamed(list, name, type) {
  const wanted = `${name}`;
  const kind = type === undefined ? undefined : `${type}`;
  return list.filter((entry) => entry.name === wanted &&
    (kind === undefined || entry.entryType === kind));
}

function entriesOfType(list, type) {
  const kind = `${type}`;
  return list.filter((entry) => entry.entryType === kind);
}

function allEntries() {
  return [...timeline.mark, ...timeline.measure].sort(byStartTime);
}

function clearEntries(list, name) {
  if (name === undefined) {
    list.length = 0;
    return;
  }
  const key = `${name}`;
  const kept = list.filter((entry) => entry.name !== key);
  list.length = 0;
  list.push(...kept);
}

// Each timestamp a measure is given: a mark's name, a number, or the
// default when absent.
function resolvePoint(point, fallback, optionName) {
  if (point === undefined) return fallback;
  if (typeof point === 'number') {
    checkTimestamp(point, optionName);
    return point;
  }
  const name = `${point}`;
  const marks = timeline.mark;
  for (let i = marks.length - 1; i >= 0; --i) {
    if (marks[i].name === name) return marks[i].startTime;
  }
  throw new DOMException(`The "${name}" performance mark has not been set`,
                         'SyntaxError');
}

function makeMeasure(name, startOrOptions, endMark) {
  let start;
  let end;
  let detail = null;
  const optionsGiven = startOrOptions !== null &&
    typeof startOrOptions === 'object';
  if (optionsGiven) {
    const { start: from, end: to, duration } = startOrOptions;
    if (endMark !== undefined) {
      throw new codes.ERR_PERFORMANCE_MEASURE_INVALID_OPTIONS(
        'endMark must not be specified');
    }
    if (from !== undefined && to !== undefined && duration !== undefined) {
      throw new codes.ERR_PERFORMANCE_MEASURE_INVALID_OPTIONS(
        'Must not have options.start, options.end, and options.duration ' +
        'specified');
    }
    // Node resolves a duration the way it resolves a start or an end: a
    // string names a mark.
    const span = duration === undefined ? undefined :
      resolvePoint(duration, 0, 'duration');
    end = to !== undefined ? resolvePoint(to, 0, 'end') :
      from !== undefined && span !== undefined ?
        resolvePoint(from, 0, 'start') + span : now();
    start = from !== undefined ? resolvePoint(from, 0, 'start') :
      span !== undefined ? end - span : 0;
    detail = cloneDetail(startOrOptions.detail);
  } else {
    end = endMark !== undefined ? resolvePoint(endMark, 0, 'endMark') : now();
    // Only a string names a start mark; anything else counts from 0.
    start = typeof startOrOptions === 'string' ?
      resolvePoint(startOrOptions, 0, 'startMark') : 0;
  }
  return new PerformanceMeasure(kMayConstruct, `${name}`, start, end - start,
                                detail);
}

// --- Observers -----------------------------------------------------------

const observers = new Set();

function enqueueEntry(entry) {
  const type = entry.entryType;
  const buffer = observerBuffers[type];
  if (buffer !== undefined && buffer.length < kBufferLimit) buffer.push(entry);
  for (const observer of observers) observer[kDeliver](entry);
}

const kDeliver = Symbol('kDeliver');

let listEntries;
class PerformanceObserverEntryList {
  #entries;

  constructor(token, entries) {
    if (token !== kMayConstruct) throw new codes.ERR_ILLEGAL_CONSTRUCTOR();
    // A batch reaches the callback in start time order (a stable sort).
    this.#entries = entries.slice().sort(byStartTime);
  }

  getEntries() {
    return this.#entries.slice();
  }

  getEntriesByType(type) {
    return entriesOfType(this.#entries, type);
  }

  static {
    listEntries = (list) => list.#entries;
  }

  // The optional type is read from arguments so that length stays 1.
  getEntriesByName(name) {
    return entriesNamed(this.#entries, name, arguments[1]);
  }
}

let observerState;
class PerformanceObserver {
  #callback;
  #types = new Set();
  #pending = [];
  #scheduled = false;
  // 'entryTypes' or 'type': the first observe() call fixes the style.
  #mode;

  constructor(callback) {
    validateFunction(callback, 'callback');
    this.#callback = callback;
  }

  static get supportedEntryTypes() {
    return kObservedTypes.slice();
  }

  observe(options = {}) {
    validateObject(options, 'options');
    const { entryTypes, type, buffered } = options;
    if (entryTypes === undefined && type === undefined) {
      throw new codes.ERR_MISSING_ARGS('options.entryTypes', 'options.type');
    }
    if (entryTypes !== undefined && type !== undefined) {
      throw new codes.ERR_INVALID_ARG_VALUE('options.entryTypes', entryTypes,
                                            'options.entryTypes can not set ' +
                                            'with options.type together');
    }
    if (entryTypes !== undefined) {
      if (!Array.isArray(entryTypes)) {
        throw new codes.ERR_INVALID_ARG_TYPE('options.entryTypes', 'string[]',
                                             entryTypes);
      }
      this.#mode = 'entryTypes';
      this.#types.clear();
      for (const one of entryTypes) {
        if (kObservedTypes.includes(one)) this.#types.add(one);
      }
    } else {
      const one = `${type}`;
      if (!kObservedTypes.includes(one)) return;
      this.#mode = 'type';
      this.#types.add(one);
      if (buffered) {
        const kept = timeline[one] || observerBuffers[one] || [];
        for (const entry of kept) this.#pending.push(entry);
        this.#schedule();
      }
    }
    if (this.#types.size === 0) {
      observers.delete(this);
    } else {
      observers.add(this);
    }
  }

  disconnect() {
    observers.delete(this);
    this.#types.clear();
    this.#pending = [];
  }

  takeRecords() {
    const records = this.#pending;
    this.#pending = [];
    return records;
  }

  [kDeliver](entry) {
    if (!this.#types.has(entry.entryType)) return;
    this.#pending.push(entry);
    this.#schedule();
  }

  // Entries reach the callback in one batch per turn, as in Node.
  #schedule() {
    if (this.#scheduled || this.#pending.length === 0) return;
    this.#scheduled = true;
    globalThis.setImmediate(() => {
      this.#scheduled = false;
      if (this.#pending.length === 0) return;
      const list = new PerformanceObserverEntryList(kMayConstruct,
                                                    this.takeRecords());
      this.#callback.call(this, list, this);
    });
  }

  static {
    observerState = (self) => ({
      connected: observers.has(self),
      pending: self.#pending.length > 0,
      entryTypes: [...self.#types],
      buffer: self.#pending,
    });
  }
}

// --- performance ---------------------------------------------------------

function eventLoopUtilization(previous, older) {
  const [loopStart, idleTotal] = perf().loopTimes();
  if (loopStart < 0) return { idle: 0, active: 0, utilization: 0 };
  const idle = idleTotal;
  const active = now() - loopStart - idle;
  if (previous === undefined) {
    const utilization = active / (idle + active);
    return { idle, active, utilization };
  }
  // Two results: the utilization between them; one: since that one.
  const base = older === undefined ? { idle, active } : previous;
  const from = older === undefined ? previous : older;
  const deltaIdle = base.idle - from.idle;
  const deltaActive = base.active - from.active;
  const total = deltaIdle + deltaActive;
  return { idle: deltaIdle, active: deltaActive,
    utilization: total === 0 ? 0 : deltaActive / total };
}

function timerify(fn, options = {}) {
  validateFunction(fn, 'fn');
  validateObject(options, 'options');
  const timed = function(...args) {
    const start = now();
    const result = new.target ? Reflect.construct(fn, args, fn) :
      Reflect.apply(fn, this, args);
    const finish = () => {
      enqueueEntry(new PerformanceNodeEntry(kMayConstruct, fn.name, 'function',
                                            start, now() - start, args));
    };
    if (result !== null && typeof result === 'object' &&
        typeof result.finally === 'function') {
      return result.finally(finish);
    }
    finish();
    return result;
  };
  Object.defineProperties(timed, {
    name: { value: `timerified ${fn.name}`, configurable: true },
    length: { value: fn.length, configurable: true },
  });
  return timed;
}

class Performance extends EventTarget {
  constructor(token) {
    if (token !== kMayConstruct) throw new codes.ERR_ILLEGAL_CONSTRUCTOR();
    super();
  }

  // Without a name everything of the type goes (length 0, as in Node).
  clearMarks(...name) {
    clearEntries(timeline.mark, name[0]);
  }

  clearMeasures(...name) {
    clearEntries(timeline.measure, name[0]);
  }

  clearResourceTimings() {}

  getEntries() {
    return allEntries();
  }

  getEntriesByName(name) {
    return entriesNamed(allEntries(), name, arguments[1]);
  }

  getEntriesByType(type) {
    const list = timeline[`${type}`];
    return list === undefined ? [] : list.slice().sort(byStartTime);
  }

  mark(name, options = undefined) {
    if (arguments.length === 0) throw new codes.ERR_MISSING_ARGS('name');
    const entry = new PerformanceMark(name, options);
    timeline.mark.push(entry);
    enqueueEntry(entry);
    return entry;
  }

  measure(name, startOrOptions = undefined, endMark = undefined) {
    if (arguments.length === 0) throw new codes.ERR_MISSING_ARGS('name');
    const entry = makeMeasure(name, startOrOptions, endMark);
    timeline.measure.push(entry);
    enqueueEntry(entry);
    return entry;
  }

  now() {
    return now();
  }

  setResourceTimingBufferSize() {}

  get timeOrigin() {
    return perf().timeOrigin();
  }

  toJSON() {
    const json = {};
    for (const key of ['nodeTiming', 'timeOrigin']) json[key] = this[key];
    json.eventLoopUtilization = eventLoopUtilization();
    return json;
  }
}

// The milestones this runtime knows; the others read as Node's do before
// they happen (loopExit -1) or as 0 where jspack has no such phase.
class PerformanceNodeTiming {
  constructor(token) {
    if (token !== kMayConstruct) throw new codes.ERR_ILLEGAL_CONSTRUCTOR();
    // Node's fields are own accessors, in this order.
    const fields = {
      name: () => 'node',
      entryType: () => 'node',
      startTime: () => 0,
      duration: now,
      nodeStart: () => 0,
      v8Start: () => 0,
      environment: () => 0,
      loopStart: () => perf().loopTimes()[0],
      loopExit: () => -1,
      bootstrapComplete: () => 0,
      idleTime: () => perf().loopTimes()[1],
    };
    for (const [key, get] of Object.entries(fields)) {
      Object.defineProperty(this, key, { get, enumerable: true,
        configurable: true });
    }
  }

  toJSON() {
    const json = {};
    for (const key of kNodeTimingFields) json[key] = this[key];
    return json;
  }
}
const kNodeTimingFields = ['name', 'entryType', 'startTime', 'duration',
  'nodeStart', 'v8Start', 'bootstrapComplete', 'environment', 'loopStart',
  'loopExit', 'idleTime'];

// WebIDL members are enumerable; Node's own additions follow, not.
for (const name of ['clearMarks', 'clearMeasures', 'clearResourceTimings',
  'getEntries', 'getEntriesByName', 'getEntriesByType', 'mark', 'measure',
  'now', 'setResourceTimingBufferSize', 'timeOrigin', 'toJSON']) {
  Object.defineProperty(Performance.prototype, name, { enumerable: true });
}
let onBufferFull = null;
Object.defineProperties(Performance.prototype, {
  eventLoopUtilization: { value: eventLoopUtilization, writable: true,
    configurable: true },
  nodeTiming: { value: new PerformanceNodeTiming(kMayConstruct),
    writable: true, configurable: true },
  markResourceTiming: { value: function markResourceTiming() {},
    writable: true, configurable: true },
  timerify: { value: timerify, writable: true, configurable: true },
  onresourcetimingbufferfull: {
    get: function onresourcetimingbufferfull() { return onBufferFull; },
    set: function onresourcetimingbufferfull(value) { onBufferFull = value; },
    enumerable: true, configurable: true,
  },
  [Symbol.toStringTag]: { value: 'Performance', configurable: true },
});

for (const cls of [PerformanceEntry, PerformanceMark, PerformanceMeasure,
  PerformanceObserver, PerformanceObserverEntryList]) {
  Object.defineProperty(cls.prototype, Symbol.toStringTag, {
    value: cls.name, configurable: true,
  });
}

// What util.inspect shows of each class: its JSON form, or its entries.
const shownFields = new Map([
  [PerformanceEntry, (self) => self.toJSON()],
  [Performance, (self) => self.toJSON()],
  [PerformanceNodeTiming, (self) => self.toJSON()],
  [PerformanceObserverEntryList, (self) => listEntries(self)],
  [PerformanceObserver, (self) => observerState(self)],
]);
for (const [cls, fields] of shownFields) {
  Object.defineProperty(cls.prototype, inspect.custom, {
    value: function showPerformanceObject(depth, options) {
      return describe(this, fields(this), depth, options);
    },
    writable: true, configurable: true,
  });
}

const performance = new Performance(kMayConstruct);

module.exports = {
  Performance,
  PerformanceEntry,
  PerformanceMark,
  PerformanceMeasure,
  PerformanceObserver,
  PerformanceObserverEntryList,
  monitorEventLoopDelay,
  createHistogram,
  performance,
  constants: Object.freeze({
    __proto__: null,
    NODE_PERFORMANCE_GC_MAJOR: 4,
    NODE_PERFORMANCE_GC_MINOR: 1,
    NODE_PERFORMANCE_GC_INCREMENTAL: 8,
    NODE_PERFORMANCE_GC_WEAKCB: 16,
    NODE_PERFORMANCE_GC_FLAGS_NO: 0,
    NODE_PERFORMANCE_GC_FLAGS_CONSTRUCT_RETAINED: 2,
    NODE_PERFORMANCE_GC_FLAGS_FORCED: 4,
    NODE_PERFORMANCE_GC_FLAGS_SYNCHRONOUS_PHANTOM_PROCESSING: 8,
    NODE_PERFORMANCE_GC_FLAGS_ALL_AVAILABLE_GARBAGE: 16,
    NODE_PERFORMANCE_GC_FLAGS_ALL_EXTERNAL_MEMORY: 32,
    NODE_PERFORMANCE_GC_FLAGS_SCHEDULE_IDLE: 64,
  }),
};

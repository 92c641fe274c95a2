'use strict';
// Differential corpus for performance / node:perf_hooks: entry shapes and
// inspect output (with fixed timestamps), measure resolution, timeline
// queries, argument errors, observers and class surfaces. Times that differ
// by nature are replaced with 'N' by the corpus itself.

const util = require('util');
const perfHooks = require('perf_hooks');

const { PerformanceObserver, PerformanceEntry, PerformanceMark } = perfHooks;

const { makeEmit, attempt } = require('./lib/emit');

const emit = makeEmit();

const fuzz = (text) => text.replace(/\d+\.\d+(e-?\d+)?/g, 'N');

function markCases() {
  const options = [undefined, {}, { startTime: 5 }, { startTime: 0 },
    { detail: { a: [1, 2] }, startTime: 1 }, { detail: null, startTime: 2 },
    { detail: 'text', startTime: 3 }, { startTime: -1 }, { startTime: 'x' },
    { startTime: NaN }, 5, 'x', null, { detail: () => 1, startTime: 1 }];
  options.forEach((option, i) => {
    emit(`mark ${i}`, attempt(() => {
      const mark = performance.mark(`m${i}`, option);
      return [fuzz(util.inspect(mark)), fuzz(JSON.stringify(mark))];
    }));
  });
  emit('mark no name', attempt(() => performance.mark()));
  emit('mark number name', attempt(() => performance.mark(42, { startTime: 1 }).name));
  emit('mark detail copied', attempt(() => {
    const detail = { n: 1 };
    const mark = performance.mark('copy', { detail, startTime: 1 });
    detail.n = 2;
    return [mark.detail.n, mark.detail !== detail];
  }));
  emit('new mark', attempt(() => util.inspect(new PerformanceMark('made',
    { startTime: 7, detail: 1 }))));
  emit('new mark no name', attempt(() => new PerformanceMark()));
  emit('new entry', attempt(() => new PerformanceEntry()));
  emit('new measure', attempt(() => new perfHooks.PerformanceMeasure()));
  performance.clearMarks();
}

function measureCases() {
  // Marks lie in the first milliseconds so that measures to "now" are
  // positive on any runtime, however fast it starts.
  performance.mark('a', { startTime: 1 });
  performance.mark('b', { startTime: 3 });
  performance.mark('a', { startTime: 2 });
  const calls = [
    ['plain', ['x', 'a', 'b']], ['start only', ['x', 'b']],
    ['options start end', ['x', { start: 1, end: 4 }]],
    ['options marks', ['x', { start: 'a', end: 'b', detail: { d: 1 } }]],
    ['options duration', ['x', { start: 2, duration: 5 }]],
    ['options end duration', ['x', { end: 20, duration: 5 }]],
    ['options all three', ['x', { start: 1, end: 2, duration: 1 }]],
    ['options with endMark', ['x', { start: 1 }, 'b']],
    ['missing mark', ['x', 'nope']], ['missing end mark', ['x', 'a', 'nope']],
    ['missing option mark', ['x', { start: 'nope', end: 3 }]],
    ['negative start', ['x', { start: -5, end: 1 }]],
    ['end before start', ['x', 'b', 'a']], ['numbers', ['x', 1, 2]],
    ['bad duration', ['x', { start: 1, duration: 'q' }]],
    ['no name', []], ['number start only', ['x', 1]],
    ['number start mark end', ['x', 5, 'b']], ['mark start number end', ['x', 'a', 5]],
    ['duration names mark', ['x', { start: 1, duration: 'a' }]],
    ['end and mark duration', ['x', { end: 40, duration: 'a' }]],
    ['mark start duration', ['x', { start: 'a', duration: 5 }]],
    ['end mark only', ['x', { end: 'b' }]], ['null start', ['x', null, 'b']],
    ['undefined start', ['x', undefined, 'b']], ['end only', ['x', { end: 35 }]],
    ['boolean start', ['x', true]],
  ];
  for (const [label, args] of calls) {
    emit(`measure ${label}`, attempt(() => {
      const entry = performance.measure(...args);
      return fuzz(util.inspect(entry));
    }));
  }
  performance.clearMeasures();
  performance.clearMarks();
}

function timelineCases() {
  performance.mark('late', { startTime: 50 });
  performance.mark('early', { startTime: 5 });
  performance.measure('span', { start: 20, end: 25 });
  performance.measure('late', { start: 1, end: 2 });
  const names = (list) => list.map((e) => `${e.entryType}:${e.name}`);
  emit('entries', names(performance.getEntries()));
  emit('by type mark', names(performance.getEntriesByType('mark')));
  emit('by type measure', names(performance.getEntriesByType('measure')));
  emit('by type other', names(performance.getEntriesByType('function')));
  emit('by name', names(performance.getEntriesByName('late')));
  emit('by name and type', names(performance.getEntriesByName('late', 'mark')));
  performance.clearMarks('late');
  emit('after clear one mark', names(performance.getEntries()));
  performance.clearMeasures('span');
  emit('after clear one measure', names(performance.getEntries()));
  performance.clearMarks();
  performance.clearMeasures();
  emit('after clear all', names(performance.getEntries()));
}

function surfaceCases() {
  emit('module keys', Object.keys(perfHooks).filter((key) =>
    key !== 'PerformanceResourceTiming'));
  emit('same object', perfHooks.performance === performance);
  emit('supported types', PerformanceObserver.supportedEntryTypes);
  emit('tags', [performance, performance.mark('t', { startTime: 1 })]
    .map((o) => Object.prototype.toString.call(o)));
  emit('lengths', ['clearMarks', 'clearMeasures', 'getEntriesByName',
    'getEntriesByType', 'mark', 'measure', 'timerify', 'eventLoopUtilization',
    'now', 'toJSON'].map((name) => `${name}:${performance[name].length}`));
  emit('entry proto', Object.getOwnPropertyNames(PerformanceEntry.prototype));
  emit('mark proto', Object.getOwnPropertyNames(PerformanceMark.prototype));
  emit('observer proto', Object.getOwnPropertyNames(PerformanceObserver.prototype));
  emit('list proto', Object.getOwnPropertyNames(
    perfHooks.PerformanceObserverEntryList.prototype));
  emit('performance json keys', Object.keys(performance.toJSON()));
  emit('elu keys', Object.keys(performance.eventLoopUtilization()));
  emit('timeOrigin type', typeof performance.timeOrigin);
  emit('now type', typeof performance.now());
  emit('inspect depth 0', fuzz(util.inspect(performance.mark('d',
    { startTime: 1 }), { depth: 0 })));
  emit('inspect nested', fuzz(util.inspect({ list: [performance.mark('e',
    { startTime: 2, detail: { deep: { deeper: { deepest: 1 } } } })] })));
  emit('constants', perfHooks.constants);
  performance.clearMarks();
}

function timerifyCases() {
  emit('timerify name', attempt(() => {
    const fn = performance.timerify(function work(a, b) { return a + b; });
    return [fn.name, fn.length, fn(1, 2)];
  }));
  emit('timerify bad', attempt(() => performance.timerify(5)));
  emit('timerify bad options', attempt(() => performance.timerify(() => 1, 5)));
  emit('timerify constructs', attempt(() => {
    class Thing { constructor(x) { this.x = x; } }
    const Timed = performance.timerify(Thing);
    const made = new Timed(3);
    return [made instanceof Thing, made.x];
  }));
}

function observerErrorCases() {
  const make = () => new PerformanceObserver(() => {});
  emit('observer no callback', attempt(() => new PerformanceObserver()));
  emit('observe nothing', attempt(() => make().observe()));
  emit('observe empty', attempt(() => make().observe({})));
  emit('observe both', attempt(() => make().observe({ type: 'mark',
    entryTypes: ['mark'] })));
  emit('observe entryTypes number', attempt(() => make().observe({ entryTypes: 5 })));
  emit('observe unknown type', attempt(() => make().observe({ type: 'nope' })));
  emit('observe unknown entryTypes', attempt(() => make().observe({
    entryTypes: ['nope'] })));
  emit('observe not object', attempt(() => make().observe(5)));
  emit('observer inspect', util.inspect(make()));
  emit('take records empty', make().takeRecords());
}

// Observers deliver after the current turn; results are emitted in a fixed
// order from a timer.
function observerCases(done) {
  const log = [];
  const byType = new PerformanceObserver((list, self) => {
    log.push(['type', list.getEntries().map((e) => e.name),
      list.getEntriesByName('o2').length, list.getEntriesByType('mark').length,
      self === byType]);
  });
  byType.observe({ type: 'mark' });
  const byList = new PerformanceObserver((list) => {
    log.push(['list', list.getEntries().map((e) => `${e.entryType}:${e.name}`)]);
  });
  byList.observe({ entryTypes: ['mark', 'measure'] });
  performance.mark('o1', { startTime: 1 });
  performance.mark('o2', { startTime: 2 });
  performance.measure('o3', { start: 1, end: 2 });
  log.push(['sync', byType.takeRecords().map((e) => e.name)]);
  performance.mark('o4', { startTime: 3 });
  setTimeout(() => {
    byType.disconnect();
    byList.disconnect();
    performance.mark('o5', { startTime: 4 });
    const buffered = new PerformanceObserver((list) => {
      log.push(['buffered', list.getEntries().map((e) => e.name)]);
      buffered.disconnect();
    });
    buffered.observe({ type: 'mark', buffered: true });
    const timed = performance.timerify(function timedWork(x) { return x; });
    const fnObserver = new PerformanceObserver((list) => {
      const entry = list.getEntries()[0];
      log.push(['function', fuzz(util.inspect(entry)), entry.detail]);
      fnObserver.disconnect();
    });
    fnObserver.observe({ entryTypes: ['function'] });
    timed('arg');
    setTimeout(() => {
      // Each observer's deliveries in their order; how deliveries of
      // different observers interleave with these timers depends on the
      // machine's load, so the kinds are compared one after the other.
      const kinds = [...new Set(log.map((item) => item[0]))].sort();
      for (const kind of kinds) {
        log.filter((item) => item[0] === kind)
          .forEach((item, i) => emit(`observer log ${kind} ${i}`, item));
      }
      done();
    }, 20);
  }, 20);
}

// Histograms: HdrHistogram's bucketing shows in min, max, mean, stddev and
// the percentiles, so seeded random data across scales and precisions.
function histogramCases() {
  const { createHistogram, monitorEventLoopDelay } = perfHooks;
  const summary = (h) => [util.inspect(h, { breakLength: 200 }),
    [1, 50, 90, 99.9, 100].map((p) => h.percentile(p)),
    String(h.minBigInt), String(h.maxBigInt), String(h.percentileBigInt(50)),
    String(h.countBigInt), String(h.exceedsBigInt), JSON.stringify(h)];
  let seed = 7;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  emit('histogram empty', summary(createHistogram()));
  const fixed = createHistogram();
  for (const v of [1, 2, 3, 100, 1000, 12345]) fixed.record(v);
  emit('histogram fixed', summary(fixed));
  for (const figures of [1, 2, 3, 4, 5]) {
    for (const scale of [10, 1000, 1e6, 1e9, 1e15]) {
      const h = createHistogram({ figures });
      for (let i = 0; i < 200; ++i) h.record(1 + Math.floor(random() * scale));
      emit(`histogram figures ${figures} scale ${scale}`, summary(h));
    }
  }
  const lowest = createHistogram({ lowest: 1000 });
  for (const v of [1, 500, 1000, 5000, 123456]) lowest.record(v);
  emit('histogram lowest', summary(lowest));
  const capped = createHistogram({ highest: 100 });
  capped.record(1000);
  capped.record(50);
  emit('histogram highest', summary(capped));
  emit('histogram bigint record', attempt(() => {
    const h = createHistogram();
    h.record(5n);
    return summary(h);
  }));
  emit('histogram add reset', attempt(() => {
    const a = createHistogram();
    const b = createHistogram();
    a.record(5);
    b.record(7000);
    a.add(b);
    const merged = summary(a);
    a.reset();
    return [merged, summary(a)];
  }));
  const bad = [
    ['record 0', (h) => h.record(0)], ['record 1.5', (h) => h.record(1.5)],
    ['record string', (h) => h.record('x')], ['record huge', (h) => h.record(2 ** 53)],
    ['record 0n', (h) => h.record(0n)], ['percentile 0', (h) => h.percentile(0)],
    ['percentile 101', (h) => h.percentile(101)],
    ['percentile string', (h) => h.percentile('x')], ['add number', (h) => h.add(5)],
    ['options number', () => createHistogram(5)],
    ['options lowest 0', () => createHistogram({ lowest: 0 })],
    ['options lowest 1.5', () => createHistogram({ lowest: 1.5 })],
    ['options highest low', () => createHistogram({ lowest: 5, highest: 6 })],
    ['options figures 6', () => createHistogram({ figures: 6 })],
    ['options figures 0', () => createHistogram({ figures: 0 })],
    ['delay resolution 0', () => monitorEventLoopDelay({ resolution: 0 })],
    ['delay options', () => monitorEventLoopDelay(5)],
  ];
  for (const [label, fn] of bad) {
    emit(`histogram error ${label}`, attempt(() => String(fn(createHistogram()))));
  }
  emit('histogram delta', attempt(() => {
    const h = createHistogram();
    h.recordDelta();
    h.recordDelta();
    return h.count;
  }));
  emit('histogram protos', [
    Object.getOwnPropertyNames(Object.getPrototypeOf(createHistogram())),
    Object.getOwnPropertyNames(Object.getPrototypeOf(
      Object.getPrototypeOf(createHistogram()))),
    Object.getOwnPropertyNames(Object.getPrototypeOf(monitorEventLoopDelay())),
  ]);
  emit('histogram delay toggles', attempt(() => {
    const m = monitorEventLoopDelay({ resolution: 20 });
    return [m.enable(), m.enable(), m.disable(), m.disable(), m.count,
      util.inspect(m, { breakLength: 200 })];
  }));
}

markCases();
histogramCases();
measureCases();
timelineCases();
surfaceCases();
timerifyCases();
observerErrorCases();
observerCases(() => {
  performance.clearMarks();
});

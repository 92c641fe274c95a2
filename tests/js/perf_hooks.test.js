// performance and node:perf_hooks: the clock, marks and measures, the
// timeline queries, observers, timerify and event loop utilization.
'use strict';

const assert = require('assert');
const util = require('util');
const perfHooks = require('perf_hooks');
const {
  performance: perf, PerformanceEntry, PerformanceMark, PerformanceMeasure,
  PerformanceObserver,
} = perfHooks;

assert.strictEqual(perf, performance);

// The clock runs from this run's start; timeOrigin is the wall time then.
const t0 = performance.now();
assert.ok(t0 > 0 && t0 < 60000);
assert.ok(performance.now() >= t0);
assert.ok(Math.abs(performance.timeOrigin + performance.now() - Date.now()) < 1000);

// Marks and measures.
const mark = performance.mark('start', { startTime: 10, detail: { step: 1 } });
assert.ok(mark instanceof PerformanceMark);
assert.ok(mark instanceof PerformanceEntry);
assert.deepStrictEqual(mark.toJSON(), {
  name: 'start', entryType: 'mark', startTime: 10, duration: 0,
  detail: { step: 1 },
});
performance.mark('end', { startTime: 25 });
const between = performance.measure('span', 'start', 'end');
assert.ok(between instanceof PerformanceMeasure);
assert.strictEqual(between.startTime, 10);
assert.strictEqual(between.duration, 15);
const viaOptions = performance.measure('opts', { start: 2, duration: 3, detail: 'd' });
assert.deepStrictEqual([viaOptions.startTime, viaOptions.duration, viaOptions.detail],
                       [2, 3, 'd']);
assert.strictEqual(util.inspect(viaOptions),
                   "PerformanceMeasure {\n  name: 'opts',\n  entryType: 'measure',\n" +
                   "  startTime: 2,\n  duration: 3,\n  detail: 'd'\n}");

// Timeline queries are sorted by start time; clearing removes by name.
assert.deepStrictEqual(performance.getEntries().map((e) => e.name),
                       ['opts', 'start', 'span', 'end']);
assert.deepStrictEqual(performance.getEntriesByType('mark').map((e) => e.name),
                       ['start', 'end']);
assert.strictEqual(performance.getEntriesByName('span', 'measure').length, 1);
performance.clearMarks('start');
assert.deepStrictEqual(performance.getEntriesByType('mark').map((e) => e.name), ['end']);
performance.clearMeasures();
assert.deepStrictEqual(performance.getEntriesByType('measure'), []);

// Errors.
assert.throws(() => performance.mark(), { code: 'ERR_MISSING_ARGS' });
assert.throws(() => performance.mark('x', { startTime: -1 }), {
  code: 'ERR_PERFORMANCE_INVALID_TIMESTAMP', message: '-1 is not a valid timestamp',
});
assert.throws(() => performance.measure('x', 'no-such-mark'), {
  name: 'SyntaxError', message: 'The "no-such-mark" performance mark has not been set',
});
assert.throws(() => performance.measure('x', { start: 1, end: 2, duration: 1 }), {
  code: 'ERR_PERFORMANCE_MEASURE_INVALID_OPTIONS',
});
assert.throws(() => new PerformanceEntry(), { code: 'ERR_ILLEGAL_CONSTRUCTOR' });
assert.ok(PerformanceObserver.supportedEntryTypes.includes('mark'));

// Histograms keep HdrHistogram's buckets: exact below 2048, three
// significant digits above.
const histogram = perfHooks.createHistogram();
for (const v of [1, 2, 3, 100, 1000, 12345]) histogram.record(v);
assert.deepStrictEqual([histogram.min, histogram.max, histogram.count,
  histogram.percentile(50), histogram.percentile(99)], [1, 12351, 6, 3, 12351]);
assert.deepStrictEqual([...histogram.percentiles],
                       [[0, 1], [50, 3], [75, 1000], [87.5, 12344], [100, 12344]]);
assert.strictEqual(histogram.mean, 13454 / 6);
assert.throws(() => histogram.record(0), { code: 'ERR_OUT_OF_RANGE' });
const delay = perfHooks.monitorEventLoopDelay({ resolution: 5 });
assert.strictEqual(delay.enable(), true);
assert.strictEqual(delay.enable(), false);

// Observers get batches after the current turn; takeRecords empties them.
const seen = [];
const observer = new PerformanceObserver((list, self) => {
  assert.strictEqual(self, observer);
  seen.push(...list.getEntries().map((e) => e.name));
});
observer.observe({ type: 'mark' });
performance.mark('a');
assert.deepStrictEqual(observer.takeRecords().map((e) => e.name), ['a']);
performance.mark('b');
assert.deepStrictEqual(seen, []);

// timerify reports function entries.
const timed = performance.timerify(function double(x) { return x * 2; });
assert.strictEqual(timed.name, 'timerified double');
const functions = [];
const fnObserver = new PerformanceObserver((list) => {
  functions.push(...list.getEntries());
});
fnObserver.observe({ entryTypes: ['function'] });
assert.strictEqual(timed(4), 8);

setTimeout(() => {
  assert.deepStrictEqual(seen, ['b']);
  assert.strictEqual(functions.length, 1);
  assert.strictEqual(functions[0].name, 'double');
  assert.deepStrictEqual(functions[0].detail, [4]);
  observer.disconnect();
  fnObserver.disconnect();
  assert.strictEqual(delay.disable(), true);
  assert.ok(delay.count >= 1, 'the delay monitor sampled the loop');
  assert.ok(delay.min >= 1 && delay.max >= delay.min);
  const elu = performance.eventLoopUtilization();
  assert.deepStrictEqual(Object.keys(elu), ['idle', 'active', 'utilization']);
  assert.ok(elu.idle >= 0 && elu.active >= 0);
  assert.ok(elu.utilization >= 0 && elu.utilization <= 1);
  const later = performance.eventLoopUtilization(elu);
  assert.ok(later.utilization >= 0 && later.utilization <= 1);
  assert.deepStrictEqual(Object.keys(performance.toJSON()),
                         ['nodeTiming', 'timeOrigin', 'eventLoopUtilization']);
  console.log('perf_hooks ok');
}, 20);

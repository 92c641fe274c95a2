'use strict';
// perf_hooks histograms (createHistogram, monitorEventLoopDelay): counts
// kept in HdrHistogram's layout (values grouped into buckets that keep
// `figures` significant digits), so min, max, mean and the percentiles come
// out as Node's HdrHistogram-backed ones do.

const { codes } = require('../errors');
const { inspect } = require('../util/inspect');
const {
  validateInteger,
  validateNumber,
  validateObject,
} = require('../validators');

// What an empty histogram reports as its minimum: INT64_MAX.
const kEmptyMin = 9223372036854775807n;

// Node shows percentiles in its own Map subclass; the name is part of what
// util.inspect prints.
class SafeMap extends Map {}

function bitLength(value) {
  let bits = value === 0 ? 0 : Math.floor(Math.log2(value)) + 1;
  // log2 can be one off near powers of two.
  while (bits > 0 && 2 ** (bits - 1) > value) --bits;
  while (2 ** bits <= value) ++bits;
  return bits;
}

// The bucket geometry for one (lowest, figures) pair.
class Layout {
  constructor(lowest, figures) {
    const largestSingleUnit = 2 * 10 ** figures;
    this.subBucketCount = 2 ** Math.ceil(Math.log2(largestSingleUnit));
    this.halfCountMagnitude = Math.log2(this.subBucketCount) - 1;
    this.unitMagnitude = Math.floor(Math.log2(lowest));
    this.mask = (this.subBucketCount - 1) * 2 ** this.unitMagnitude;
  }

  // [bucket, sub-bucket] of a value.
  locate(value) {
    const widened = value > this.mask ? value : this.mask;
    const bucket = bitLength(widened) - this.unitMagnitude -
      (this.halfCountMagnitude + 1);
    const sub = Math.floor(value / 2 ** (bucket + this.unitMagnitude));
    return [bucket, sub];
  }

  lowestEquivalent(value) {
    const [bucket, sub] = this.locate(value);
    return sub * 2 ** (bucket + this.unitMagnitude);
  }

  rangeSize(value) {
    const [bucket, sub] = this.locate(value);
    const widened = sub >= this.subBucketCount ? bucket + 1 : bucket;
    return 2 ** (this.unitMagnitude + widened);
  }

  highestEquivalent(value) {
    return this.lowestEquivalent(value) + this.rangeSize(value) - 1;
  }

  median(value) {
    return this.lowestEquivalent(value) + Math.floor(this.rangeSize(value) / 2);
  }
}

let internals;
class Histogram {
  #layout;
  #highest;
  // Count per bucket, keyed by the bucket's lowest value.
  #counts = new Map();
  #total = 0;
  #min = Infinity;
  #max = 0;
  #exceeds = 0;

  constructor(token, lowest, highest, figures) {
    if (token !== kMayConstruct) throw new codes.ERR_ILLEGAL_CONSTRUCTOR();
    this.#layout = new Layout(lowest, figures);
    this.#highest = highest;
  }

  static {
    internals = {
      record(self, value) {
        if (value > self.#highest) {
          ++self.#exceeds;
          return;
        }
        const key = self.#layout.lowestEquivalent(value);
        self.#counts.set(key, (self.#counts.get(key) || 0) + 1);
        ++self.#total;
        if (value < self.#min) self.#min = value;
        if (value > self.#max) self.#max = value;
      },
      merge(self, other) {
        for (const [key, count] of other.#counts) {
          self.#counts.set(key, (self.#counts.get(key) || 0) + count);
        }
        self.#total += other.#total;
        self.#exceeds += other.#exceeds;
        if (other.#min < self.#min) self.#min = other.#min;
        if (other.#max > self.#max) self.#max = other.#max;
      },
      reset(self) {
        self.#counts.clear();
        self.#total = 0;
        self.#min = Infinity;
        self.#max = 0;
        self.#exceeds = 0;
      },
    };
  }

  #buckets() {
    return [...this.#counts].sort((a, b) => a[0] - b[0]);
  }

  get count() { return this.#total; }
  get countBigInt() { return BigInt(this.#total); }

  get min() {
    return this.#total === 0 ? Number(kEmptyMin) :
      this.#layout.lowestEquivalent(this.#min);
  }

  get minBigInt() {
    return this.#total === 0 ? kEmptyMin : BigInt(this.min);
  }

  get max() {
    return this.#total === 0 ? 0 : this.#layout.highestEquivalent(this.#max);
  }

  get maxBigInt() { return BigInt(this.max); }

  // HdrHistogram sums bucket medians as 64-bit integers, in bucket order;
  // the deviations are summed in doubles, in the same order.
  get mean() {
    let sum = 0n;
    for (const [key, count] of this.#buckets()) {
      sum += BigInt(count) * BigInt(this.#layout.median(key));
    }
    return Number(sum) / this.#total;
  }

  get exceeds() { return this.#exceeds; }
  get exceedsBigInt() { return BigInt(this.#exceeds); }

  get stddev() {
    const mean = this.mean;
    let sum = 0;
    for (const [key, count] of this.#buckets()) {
      const deviation = this.#layout.median(key) - mean;
      sum += (deviation * deviation) * count;
    }
    return Math.sqrt(sum / this.#total);
  }

  percentile(percentile) {
    validateNumber(percentile, 'percentile');
    if (!(percentile > 0 && percentile <= 100)) {
      throw new codes.ERR_OUT_OF_RANGE('percentile', '> 0 && <= 100',
                                       percentile);
    }
    if (this.#total === 0) return 0;
    const wanted = Math.max(1, Math.floor(percentile / 100 * this.#total + 0.5));
    let seen = 0;
    for (const [key, count] of this.#buckets()) {
      seen += count;
      if (seen >= wanted) return this.#layout.highestEquivalent(key);
    }
    return 0;
  }

  percentileBigInt(percentile) {
    return BigInt(this.percentile(percentile));
  }

  // The percentile ladder HdrHistogram reports (0, 50, 75, 87.5, ... and
  // 100), each with the lowest value of the first bucket that reaches it.
  // The bucket holding the last count reports one step, then 100.
  #ladder(convert) {
    const out = new SafeMap();
    const buckets = this.#buckets();
    let index = -1;
    let seen = 0;
    let value = 0;
    let step = 0;
    while (seen < this.#total) {
      if (index === -1) {
        index = 0;
        [value, seen] = buckets[0];
      }
      for (;;) {
        if (step <= 100 * seen / this.#total) {
          out.set(step, convert(value));
          step += 100 / 2 ** Math.floor(Math.log2(100 / (100 - step)) + 1);
          break;
        }
        if (seen >= this.#total) break;
        ++index;
        value = buckets[index][0];
        seen += buckets[index][1];
      }
    }
    out.set(100, convert(value));
    return out;
  }

  get percentiles() {
    return this.#ladder((value) => value);
  }

  get percentilesBigInt() {
    return this.#ladder((value) => BigInt(value));
  }

  reset() {
    internals.reset(this);
  }

  toJSON() {
    return {
      count: this.count, min: this.min, max: this.max, mean: this.mean,
      exceeds: this.exceeds, stddev: this.stddev,
      percentiles: Object.fromEntries(this.percentiles),
    };
  }

  [inspect.custom](depth, options) {
    if (depth < 0) return '[Histogram]';
    const shown = {
      min: this.min, max: this.max, mean: this.mean, exceeds: this.exceeds,
      stddev: this.stddev, count: this.count, percentiles: this.percentiles,
    };
    const inner = options.depth === null || options.depth === undefined ?
      options.depth : options.depth - 1;
    return `Histogram ${inspect(shown, { ...options, depth: inner })}`;
  }
}

const kMayConstruct = Symbol('kMayConstruct');

function checkValue(value, name) {
  if (typeof value === 'bigint') {
    if (value < 1n || value > BigInt(Number.MAX_SAFE_INTEGER)) {
      // Node checks BigInts in C++, with a shorter message.
      const err = new RangeError('value is out of range');
      err.code = 'ERR_OUT_OF_RANGE';
      throw err;
    }
    return Number(value);
  }
  validateInteger(value, name, 1);
  return value;
}

class RecordableHistogram extends Histogram {
  #lastDelta;

  record(val) {
    internals.record(this, checkValue(val, 'val'));
  }

  // Records the nanoseconds since the previous call (the first call only
  // starts the clock).
  recordDelta() {
    const now = globalThis.process.hrtime.bigint();
    if (this.#lastDelta !== undefined) {
      const delta = Number(now - this.#lastDelta);
      internals.record(this, delta < 1 ? 1 : delta);
    }
    this.#lastDelta = now;
  }

  add(other) {
    if (!(other instanceof RecordableHistogram)) {
      throw new codes.ERR_INVALID_ARG_TYPE('other', 'RecordableHistogram',
                                           other);
    }
    internals.merge(this, other);
  }
}

function createHistogram(options = {}) {
  validateObject(options, 'options');
  const { lowest = 1, highest = Number.MAX_SAFE_INTEGER, figures = 3 } = options;
  const low = typeof lowest === 'bigint' ? Number(lowest) : lowest;
  validateInteger(low, 'options.lowest', 1);
  const high = typeof highest === 'bigint' ? Number(highest) : highest;
  validateInteger(high, 'options.highest', 2 * low);
  validateInteger(figures, 'options.figures', 1, 5);
  return new RecordableHistogram(kMayConstruct, low, high, figures);
}

// Samples how late a repeating timer fires: each lateness, in nanoseconds,
// is one record.
class IntervalHistogram extends Histogram {
  #resolution;
  #timer = null;
  #last = 0n;

  constructor(token, resolution) {
    super(token, 1, Number.MAX_SAFE_INTEGER, 3);
    this.#resolution = resolution;
  }

  enable() {
    if (this.#timer !== null) return false;
    const { hrtime } = globalThis.process;
    this.#last = hrtime.bigint();
    const expected = BigInt(this.#resolution) * 1000000n;
    this.#timer = globalThis.setInterval(() => {
      const now = hrtime.bigint();
      const late = Number(now - this.#last - expected);
      this.#last = now;
      internals.record(this, late < 1 ? 1 : late);
    }, this.#resolution);
    this.#timer.unref();
    return true;
  }

  disable() {
    if (this.#timer === null) return false;
    globalThis.clearInterval(this.#timer);
    this.#timer = null;
    return true;
  }
}

function monitorEventLoopDelay(options = {}) {
  validateObject(options, 'options');
  const { resolution = 10 } = options;
  validateInteger(resolution, 'options.resolution', 1);
  return new IntervalHistogram(kMayConstruct, resolution);
}

module.exports = { createHistogram, monitorEventLoopDelay, RecordableHistogram };

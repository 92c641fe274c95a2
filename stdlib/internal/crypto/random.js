'use strict';
// randomBytes, randomFill(Sync), randomInt, randomUUID, getRandomValues: OpenSSL's RAND_bytes through the binding.

const { Buffer } = require('../../buffer');
const { codes } = require('../errors');
const types = require('../util/types');
const process = require('../process/object');
const { binding, expectObject, expectType } = require('./util');

const { ERR_INVALID_ARG_TYPE, ERR_OUT_OF_RANGE } = codes;

const kMaxSize = 2 ** 31 - 1;
// randomInt draws 48-bit numbers (6 bytes each).
const kMaxRange = 2 ** 48 - 1;

function inRange(value, name, low, high) {
  if (!(value >= low && value <= high)) {
    throw new ERR_OUT_OF_RANGE(name, `>= ${low} && <= ${high}`, value);
  }
}

function fillTarget(buf) {
  if (!types.isArrayBufferView(buf) && !types.isAnyArrayBuffer(buf)) {
    throw new ERR_INVALID_ARG_TYPE('buf', ['ArrayBuffer', 'ArrayBufferView'],
      buf);
  }
}

// [start, length] in bytes of the part of `buf` to fill. Offsets and sizes
// count elements of a typed array (bytes for other views and buffers).
function byteSpan(buf, offset, size) {
  const unit = buf.BYTES_PER_ELEMENT || 1;
  const total = buf.byteLength;
  expectType(offset, 'offset', 'number');
  const start = offset * unit;
  inRange(start, 'offset', 0, total);
  if (size === undefined) return [Math.floor(start), total - Math.floor(start)];
  expectType(size, 'size', 'number');
  const length = size * unit;
  inRange(length, 'size', 0, kMaxSize);
  if (length + start > total) {
    throw new ERR_OUT_OF_RANGE('size + offset', `<= ${total}`, length + start);
  }
  return [Math.floor(start), Math.floor(length)];
}

// Fills now, or on the thread pool with done(err) called later.
function fill(buf, start, length, done) {
  if (done === undefined) {
    if (length > 0) binding().randomFill(buf, start, length);
    return;
  }
  if (length === 0) {
    process.nextTick(done, null);
    return;
  }
  binding().randomFill(buf, start, length, done);
}

// randomInt's numbers come from a pool refilled a few KB at a time: one
// binding call per number would cost more than the number.
const kPoolBytes = 6 * 1024;
const intPool = { bytes: undefined, at: kPoolBytes };

function next48() {
  if (intPool.bytes === undefined) intPool.bytes = Buffer.allocUnsafe(kPoolBytes);
  if (intPool.at === kPoolBytes) {
    binding().randomFill(intPool.bytes, 0, kPoolBytes);
    intPool.at = 0;
  }
  const value = intPool.bytes.readUIntBE(intPool.at, 6);
  intPool.at += 6;
  return value;
}

// Uniform in [min, max): values from the last incomplete multiple of the
// range are drawn again.
function drawInt(min, range) {
  const limit = (kMaxRange + 1) - ((kMaxRange + 1) % range);
  let x = next48();
  while (x >= limit) x = next48();
  return min + (x % range);
}

function safeInteger(value, name) {
  if (!Number.isSafeInteger(value)) {
    throw new ERR_INVALID_ARG_TYPE(name, 'a safe integer', value);
  }
}

// randomUUID: version 4, from a cache of 128 UUIDs' worth of bytes unless
// disableEntropyCache asks for fresh ones.
const kUuidCache = 128 * 16;
const uuidBytes = { cache: undefined, at: kUuidCache };
let byteHex;

function uuidText(bytes, at) {
  if (byteHex === undefined) {
    byteHex = Array.from({ length: 256 },
      (_, i) => i.toString(16).padStart(2, '0'));
  }
  let out = '';
  for (let i = 0; i < 16; i++) {
    let byte = bytes[at + i];
    // The version nibble is 4 and the variant bits 10.
    if (i === 6) byte = (byte & 0x0f) | 0x40;
    else if (i === 8) byte = (byte & 0x3f) | 0x80;
    if (i === 4 || i === 6 || i === 8 || i === 10) out += '-';
    out += byteHex[byte];
  }
  return out;
}

const api = {
  randomBytes(size, callback) {
    expectType(size, 'size', 'number');
    inRange(size, 'size', 0, kMaxSize);
    if (callback !== undefined) expectType(callback, 'callback', 'function');
    const buf = Buffer.allocUnsafe(size);
    if (callback === undefined) {
      fill(buf, 0, size);
      return buf;
    }
    fill(buf, 0, size, (err) => (err ? callback(err) : callback(null, buf)));
  },

  randomFillSync(buf, offset = 0, size = undefined) {
    fillTarget(buf);
    const [start, length] = byteSpan(buf, offset, size);
    fill(buf, start, length);
    return buf;
  },

  // randomFill(buf[, offset[, size]], callback)
  randomFill(buf, ...rest) {
    fillTarget(buf);
    const callback = rest.pop();
    expectType(callback, 'callback', 'function');
    const [offset = 0, size] = rest;
    const [start, length] = byteSpan(buf, offset, size);
    fill(buf, start, length,
      (err) => (err ? callback(err) : callback(null, buf)));
  },

  // randomInt([min, ]max[, callback])
  randomInt(...args) {
    const callback = typeof args[args.length - 1] === 'function' &&
      args.length > 1 ? args.pop() : undefined;
    const onlyMax = args.length < 2;
    const min = onlyMax ? 0 : args[0];
    const max = onlyMax ? args[0] : args[1];
    if (args.length > 2) expectType(args[2], 'callback', 'function');
    safeInteger(min, 'min');
    safeInteger(max, 'max');
    if (max <= min) {
      throw new ERR_OUT_OF_RANGE('max',
        `greater than the value of "min" (${min})`, max);
    }
    if (max - min > kMaxRange) {
      throw new ERR_OUT_OF_RANGE('max - min', `<= ${kMaxRange}`, max - min);
    }
    if (callback === undefined) return drawInt(min, max - min);
    // The callback form answers on a later tick, as in Node.
    process.nextTick(() => callback(null, drawInt(min, max - min)));
  },

  randomUUID(options) {
    if (options !== undefined) expectObject(options);
    const fresh = options === undefined ? false : options.disableEntropyCache;
    if (fresh !== undefined) {
      expectType(fresh, 'options.disableEntropyCache', 'boolean');
    }
    if (fresh) {
      const bytes = Buffer.allocUnsafe(16);
      fill(bytes, 0, 16);
      return uuidText(bytes, 0);
    }
    if (uuidBytes.cache === undefined) {
      uuidBytes.cache = Buffer.allocUnsafe(kUuidCache);
    }
    if (uuidBytes.at === kUuidCache) {
      fill(uuidBytes.cache, 0, kUuidCache);
      uuidBytes.at = 0;
    }
    uuidBytes.at += 16;
    return uuidText(uuidBytes.cache, uuidBytes.at - 16);
  },

  // Web Crypto's: integer typed arrays only, at most 64 KiB.
  getRandomValues(data) {
    const { DOMException } = require('../dom_exception');
    const integers = types.isTypedArray(data) && !types.isFloat32Array(data) &&
      !types.isFloat64Array(data);
    if (!integers) {
      throw new DOMException(
        'The data argument must be an integer-type TypedArray',
        'TypeMismatchError');
    }
    if (data.byteLength > 65536) {
      throw new DOMException('The requested length exceeds 65,536 bytes',
        'QuotaExceededError');
    }
    fill(data, 0, data.byteLength);
    return data;
  },
};

// The lengths Node's functions report.
Object.defineProperty(api.randomFill, 'length', { value: 4 });
Object.defineProperty(api.randomInt, 'length', { value: 3 });

module.exports = api;

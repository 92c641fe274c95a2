'use strict';
// randomBytes, randomFill(Sync), randomInt, randomUUID, getRandomValues: OpenSSL's RAND_bytes through the binding.

const { Buffer } = require('../../buffer');
const { codes } = require('../errors');
const types = require('../util/types');
const {
  validateBoolean, validateFunction, validateNumber, validateObject,
} = require('../validators');
const { binding } = require('./util');

const { ERR_INVALID_ARG_TYPE, ERR_OUT_OF_RANGE } = codes;

const kMaxSize = 2 ** 31 - 1;
// randomInt's range: 48 bits, read as 6 bytes.
const kMaxRange = 2 ** 48 - 1;

function checkSize(size, name, max) {
  validateNumber(size, name);
  if (Number.isNaN(size) || size < 0 || size > max) {
    throw new ERR_OUT_OF_RANGE(name, `>= 0 && <= ${max}`, size);
  }
}

function randomBytes(size, callback) {
  checkSize(size, 'size', kMaxSize);
  if (callback !== undefined) validateFunction(callback, 'callback');
  const buf = Buffer.allocUnsafe(size);
  if (callback === undefined) {
    binding().randomFill(buf, 0, size);
    return buf;
  }
  binding().randomFill(buf, 0, size, (err) => {
    if (err) callback(err);
    else callback(null, buf);
  });
}

// The byte range [offset, offset + size) of `buf`; offsets and sizes count
// elements of a typed array (bytes for other views and ArrayBuffers).
function fillRange(buf, offset, size) {
  if (!types.isArrayBufferView(buf) && !types.isAnyArrayBuffer(buf)) {
    throw new ERR_INVALID_ARG_TYPE('buf', ['ArrayBuffer', 'ArrayBufferView'],
      buf);
  }
  const unit = buf.BYTES_PER_ELEMENT || 1;
  const total = buf.byteLength;
  validateNumber(offset, 'offset');
  offset *= unit;
  if (!(offset >= 0 && offset <= kMaxSize)) {
    throw new ERR_OUT_OF_RANGE('offset', `>= 0 && <= ${kMaxSize}`, offset);
  }
  if (offset > total) {
    throw new ERR_OUT_OF_RANGE('offset', `>= 0 && <= ${total}`, offset);
  }
  offset = Math.floor(offset);
  if (size === undefined) {
    size = total - offset;
  } else {
    validateNumber(size, 'size');
    size *= unit;
    checkSize(size, 'size', kMaxSize);
    size = Math.floor(size);
    if (size + offset > total) {
      throw new ERR_OUT_OF_RANGE('size + offset', `<= ${total}`, size + offset);
    }
  }
  return [offset, size];
}

function randomFillSync(buf, offset = 0, size) {
  const [start, length] = fillRange(buf, offset, size);
  if (length > 0) binding().randomFill(buf, start, length);
  return buf;
}

function randomFill(buf, offset, size, callback) {
  if (typeof offset === 'function') {
    callback = offset;
    offset = 0;
    size = undefined;
  } else if (typeof size === 'function') {
    callback = size;
    size = undefined;
  }
  if (!types.isArrayBufferView(buf) && !types.isAnyArrayBuffer(buf)) {
    throw new ERR_INVALID_ARG_TYPE('buf', ['ArrayBuffer', 'ArrayBufferView'],
      buf);
  }
  validateFunction(callback, 'callback');
  const [start, length] = fillRange(buf, offset, size);
  if (length === 0) {
    process.nextTick(callback, null, buf);
    return;
  }
  binding().randomFill(buf, start, length, (err) => {
    if (err) callback(err);
    else callback(null, buf);
  });
}

// Random 48-bit numbers come from a pool refilled a few KB at a time: a
// call per randomInt would cost more than the number.
const kPoolSize = 1024 * 6;
let intPool;
let intPoolOffset = kPoolSize;
let intPoolRefill;  // Callbacks waiting for an async refill.

function takeFromPool() {
  const value = intPool.readUIntBE(intPoolOffset, 6);
  intPoolOffset += 6;
  return value;
}

function checkSafeInteger(value, name) {
  if (!Number.isSafeInteger(value)) {
    throw new ERR_INVALID_ARG_TYPE(name, 'a safe integer', value);
  }
}

function randomInt(min, max, callback) {
  const minGiven = !(max === undefined || typeof max === 'function');
  if (!minGiven) {
    callback = max;
    max = min;
    min = 0;
  }
  if (callback !== undefined) validateFunction(callback, 'callback');
  checkSafeInteger(min, 'min');
  checkSafeInteger(max, 'max');
  if (max <= min) {
    throw new ERR_OUT_OF_RANGE('max',
      `greater than the value of "min" (${min})`, max);
  }
  const range = max - min;
  if (range > kMaxRange) {
    throw new ERR_OUT_OF_RANGE(`max${minGiven ? '' : ' - min'}`,
      `<= ${kMaxRange}`, range);
  }
  // Values at or past the last whole multiple of range are retried: what
  // is left is uniform.
  const limit = (kMaxRange + 1) - ((kMaxRange + 1) % range);
  const pick = () => {
    for (;;) {
      if (intPool === undefined) intPool = Buffer.allocUnsafe(kPoolSize);
      if (intPoolOffset >= kPoolSize) {
        binding().randomFill(intPool, 0, kPoolSize);
        intPoolOffset = 0;
      }
      const x = takeFromPool();
      if (x < limit) return min + (x % range);
    }
  };
  if (callback === undefined) return pick();
  // The callback form still answers asynchronously.
  if (intPoolRefill === undefined) intPoolRefill = [];
  intPoolRefill.push(() => callback(null, pick()));
  if (intPoolRefill.length === 1) {
    process.nextTick(() => {
      const waiting = intPoolRefill;
      intPoolRefill = undefined;
      for (const fn of waiting) fn();
    });
  }
}

// randomUUID: version 4 from a cache of 128 UUIDs' worth of bytes, unless
// disableEntropyCache asks for fresh bytes.
const kUuidBatch = 128;
let uuidCache;
let uuidOffset = kUuidBatch * 16;
let hexTable;

function formatUuid(bytes, at) {
  if (hexTable === undefined) {
    hexTable = [];
    for (let i = 0; i < 256; i++) hexTable.push((i + 0x100).toString(16).slice(1));
  }
  const h = hexTable;
  const b = (i) => h[bytes[at + i]];
  return `${b(0)}${b(1)}${b(2)}${b(3)}-${b(4)}${b(5)}-` +
    `${h[(bytes[at + 6] & 0x0f) | 0x40]}${b(7)}-` +
    `${h[(bytes[at + 8] & 0x3f) | 0x80]}${b(9)}-` +
    `${b(10)}${b(11)}${b(12)}${b(13)}${b(14)}${b(15)}`;
}

function randomUUID(options) {
  if (options !== undefined) validateObject(options, 'options');
  const { disableEntropyCache = false } = options || {};
  validateBoolean(disableEntropyCache, 'options.disableEntropyCache');
  if (disableEntropyCache) {
    const bytes = Buffer.allocUnsafe(16);
    binding().randomFill(bytes, 0, 16);
    return formatUuid(bytes, 0);
  }
  if (uuidCache === undefined) uuidCache = Buffer.allocUnsafe(kUuidBatch * 16);
  if (uuidOffset >= kUuidBatch * 16) {
    binding().randomFill(uuidCache, 0, kUuidBatch * 16);
    uuidOffset = 0;
  }
  const uuid = formatUuid(uuidCache, uuidOffset);
  uuidOffset += 16;
  return uuid;
}

function getRandomValues(data) {
  const { DOMException } = require('../dom_exception');
  if (!types.isTypedArray(data) || types.isFloat32Array(data) ||
      types.isFloat64Array(data)) {
    throw new DOMException(
      'The data argument must be an integer-type TypedArray',
      'TypeMismatchError');
  }
  if (data.byteLength > 65536) {
    throw new DOMException('The requested length exceeds 65,536 bytes',
      'QuotaExceededError');
  }
  if (data.byteLength > 0) binding().randomFill(data, 0, data.byteLength);
  return data;
}

module.exports = {
  getRandomValues,
  randomBytes,
  randomFill,
  randomFillSync,
  randomInt,
  randomUUID,
};

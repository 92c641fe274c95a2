'use strict';
// node:buffer: Buffer, a Uint8Array subclass that knows string encodings and
// number layouts, the pool that backs small allocations, atob/btoa, Blob and
// File. The byte work is native (internalBinding('buffer')); this file
// validates arguments the way Node does and decides what to call.

const binding = internalBinding('buffer');
const { isAnyArrayBuffer } = internalBinding('types');
const {
  codes: {
    ERR_BUFFER_OUT_OF_BOUNDS, ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE,
    ERR_INVALID_BUFFER_SIZE, ERR_MISSING_ARGS, ERR_OUT_OF_RANGE,
    ERR_STRING_TOO_LONG, ERR_UNKNOWN_ENCODING,
  },
} = require('./internal/errors');
const { validateInteger, validateNumber } = require('./internal/validators');
const encodings = require('./internal/buffer/encodings');
const { addNumberMethods } = require('./internal/buffer/numbers');
const { Blob, File, resolveObjectURL } = require('./internal/buffer/blob');

const { findEncoding, kUtf8, kUcs2, kLatin1, kBase64 } = encodings;
const kMaxLength = binding.kMaxLength;
const kStringMaxLength = binding.kStringMaxLength;
const kInspectCustom = Symbol.for('nodejs.util.inspect.custom');
// Buffer.prototype.fill is ours; the typed-array one fills numbers.
const fillBytes = Uint8Array.prototype.fill;

let inspectMaxBytes = 50;

// ---- the classes ------------------------------------------------------------

// Every Buffer is made by this class. Buffer itself is a plain function so
// that it can still be called without `new`; it shares this prototype.
class Bytes extends Uint8Array {}

function Buffer(input, encodingOrOffset, length) {
  warnBufferCall();
  if (typeof input !== 'number') return from(input, encodingOrOffset, length);
  if (typeof encodingOrOffset !== 'string') return alloc(input);
  // Buffer(10, 'utf8') mixes up the two forms; Node blames the string.
  throw new ERR_INVALID_ARG_TYPE('string', 'string', input);
}

Buffer.prototype = Bytes.prototype;
Object.defineProperty(Bytes.prototype, 'constructor', {
  value: Buffer, writable: true, enumerable: false, configurable: true,
});
Object.setPrototypeOf(Buffer, Uint8Array);

// Deprecated since Node 6; still works, like Buffer.allocUnsafeSlow.
function SlowBuffer(length) {
  return allocUnsafeSlow(length);
}
Object.setPrototypeOf(SlowBuffer.prototype, Uint8Array.prototype);
Object.setPrototypeOf(SlowBuffer, Uint8Array);

const kDep0005 = 'Buffer() is deprecated due to security and usability ' +
  'issues. Please use the Buffer.alloc(), Buffer.allocUnsafe(), or ' +
  'Buffer.from() methods instead.';
let dep0005Done = false;

// DEP0005, once per process, and not for code under node_modules (whose
// authors the app's user cannot fix).
function warnBufferCall() {
  if (dep0005Done) return;
  const probe = {};
  Error.captureStackTrace(probe, Buffer);
  const stack = `${probe.stack}`.split('\n');
  if (stack.length > 1 && /[\\/]node_modules[\\/]/.test(stack[1])) return;
  dep0005Done = true;
  require('./internal/process/warning')
    .emitWarning(kDep0005, 'DeprecationWarning', 'DEP0005');
}

// ---- small helpers ---------------------------------------------------------

const typedArrayTag = Object.getOwnPropertyDescriptor(
  Object.getPrototypeOf(Uint8Array.prototype), Symbol.toStringTag).get;

// Buffers and any other Uint8Array (a cross-realm one too).
const isBytes = (value) => typedArrayTag.call(value) === 'Uint8Array';

function requireBytes(value, name) {
  if (isBytes(value)) return;
  throw new ERR_INVALID_ARG_TYPE(name, ['Buffer', 'Uint8Array'], value);
}

const checkSize = (size) => validateNumber(size, 'size', 0, kMaxLength);

// The encoding named by a user argument (undefined meaning UTF-8).
function encodingArg(name) {
  if (name === undefined || name === 'utf8') return kUtf8;
  const found = findEncoding(name);
  if (found === undefined) throw new ERR_UNKNOWN_ENCODING(name);
  return found;
}

// Errors thrown the way Node's native layer throws them: a plain TypeError
// or RangeError with an own `code`.
function plainError(Ctor, code, message) {
  const err = new Ctor(message);
  err.code = code;
  return err;
}

// The prototype methods can be called on anything (Buffer.prototype.x.call);
// what reaches the binding must be a view, as Node's native layer demands.
function requireView(value) {
  if (!ArrayBuffer.isView(value)) {
    throw plainError(TypeError, 'ERR_INVALID_ARG_TYPE', 'argument must be a buffer');
  }
}

function decodeRange(buf, start, end, encoding) {
  requireView(buf);
  const text = binding.decode(buf, start, end, encoding.id);
  if (text === undefined) {
    throw new ERR_STRING_TOO_LONG(kStringMaxLength.toString(16));
  }
  return text;
}

// ---- the pool --------------------------------------------------------------
// Small unsafe allocations and small from() results are carved out of a
// shared ArrayBuffer, as in Node. It is made on first use: nothing is
// allocated while the snapshot is built or by apps that never need it.

let pool = null;
let poolBytes = null;
let poolUsed = 0;

function poolFits(size) {
  return size < (Buffer.poolSize >>> 1);
}

function reservePool(size) {
  if (pool === null || pool.byteLength - poolUsed < size) {
    pool = new ArrayBuffer(Buffer.poolSize);
    poolBytes = new Uint8Array(pool);
    poolUsed = 0;
  }
}

// Hands out the next `size` bytes of the pool, keeping 8-byte alignment.
function takeFromPool(size) {
  const out = new Bytes(pool, poolUsed, size);
  poolUsed += (size + 7) & ~7;
  if (poolUsed > pool.byteLength) poolUsed = pool.byteLength;
  return out;
}

// Below this, zeroing costs less than asking for memory that is not zeroed.
const kUninitializedMin = 4096;

// --zero-fill-buffers (on the command line or in NODE_OPTIONS): every
// Buffer starts zeroed, as in Node.
let zeroFillOption;
function zeroFillBuffers() {
  zeroFillOption ??= require('./internal/process/flags').nodeFlagGiven('--zero-fill-buffers');
  return zeroFillOption;
}

// `size` bytes that are not zeroed (allocUnsafeSlow, and allocUnsafe past
// the pool).
function uninitializedBytes(size) {
  if (size < kUninitializedMin || zeroFillBuffers()) return new Bytes(size);
  return new Bytes(binding.uninitialized(size), 0, size);
}

function unsafeBytes(size) {
  if (size > 0 && poolFits(size)) {
    reservePool(size);
    return takeFromPool(size);
  }
  return uninitializedBytes(size);
}

// ---- creating buffers -------------------------------------------------------

function alloc(size, fill, encoding) {
  checkSize(size);
  const buf = new Bytes(size);
  if (fill !== undefined && fill !== 0 && buf.length > 0) {
    fillRange(buf, fill, 0, buf.length, encoding);
  }
  return buf;
}

function allocUnsafe(size) {
  checkSize(size);
  return unsafeBytes(size);
}

function allocUnsafeSlow(size) {
  checkSize(size);
  return uninitializedBytes(size);
}

function fromString(text, encoding) {
  let enc = kUtf8;
  if (typeof encoding === 'string' && encoding.length !== 0 &&
      encoding !== 'utf8') {
    enc = findEncoding(encoding);
    if (enc === undefined) throw new ERR_UNKNOWN_ENCODING(encoding);
  }
  const size = enc.size(text);
  if (size === 0) return new Bytes(0);
  if (!poolFits(size)) {
    const buf = uninitializedBytes(size);
    const written = binding.write(buf, text, 0, size, enc.id);
    return written === size ? buf : new Bytes(buf.buffer, 0, written);
  }
  reservePool(size);
  const written = binding.write(poolBytes, text, poolUsed, size, enc.id);
  return takeFromPool(written);
}

function fromArrayLike(source) {
  const length = source.length;
  if (!(length > 0)) return new Bytes(0);
  const count = Math.min(Math.floor(length), Number.MAX_SAFE_INTEGER);
  const buf = unsafeBytes(count);
  buf.set(source);
  return buf;
}

// Shares the memory of `source`. The offset defaults to 0 (so does NaN);
// a length that is not positive means 0.
function fromArrayBuffer(source, byteOffset, length) {
  const start = byteOffset === undefined ? 0 : (+byteOffset || 0);
  const room = source.byteLength - start;
  if (room < 0) throw new ERR_BUFFER_OUT_OF_BOUNDS('offset');
  const wanted = length === undefined ? room : +length;
  const count = wanted > 0 ? wanted : 0;
  if (count > room) throw new ERR_BUFFER_OUT_OF_BOUNDS('length');
  return new Bytes(source, start, count);
}

// from() for objects: undefined when `value` is none of the accepted kinds.
function fromObject(value, encodingOrOffset, length) {
  if (isAnyArrayBuffer(value)) {
    return fromArrayBuffer(value, encodingOrOffset, length);
  }
  // Boxed strings and other wrappers stand for their primitive.
  const inner = typeof value.valueOf === 'function' ? value.valueOf() : null;
  const innerKind = inner === null ? 'null' : typeof inner;
  if (inner !== value && (innerKind === 'string' || innerKind === 'object')) {
    return from(inner, encodingOrOffset, length);
  }
  // Array-likes; an object with a non-numeric length gives an empty Buffer.
  if (value.length !== undefined || isAnyArrayBuffer(value.buffer)) {
    return typeof value.length === 'number' ? fromArrayLike(value) :
      new Bytes(0);
  }
  // The shape toJSON() produces.
  if (value.type === 'Buffer' && Array.isArray(value.data)) {
    return fromArrayLike(value.data);
  }
  const toPrimitive = value[Symbol.toPrimitive];
  if (typeof toPrimitive !== 'function') return undefined;
  const text = toPrimitive.call(value, 'string');
  return typeof text === 'string' ? fromString(text, encodingOrOffset) :
    undefined;
}

const kFromTypes =
  ['string', 'Buffer', 'ArrayBuffer', 'Array', 'Array-like Object'];

function from(value, encodingOrOffset, length) {
  let made;
  switch (typeof value) {
    case 'string':
      return fromString(value, encodingOrOffset);
    case 'object':
      if (value !== null) made = fromObject(value, encodingOrOffset, length);
      break;
  }
  if (made !== undefined) return made;
  throw new ERR_INVALID_ARG_TYPE('first argument', kFromTypes, value);
}

function of(...items) {
  return Uint8Array.of.apply(Bytes, items);
}

// A copy of the bytes of view's elements [offset, offset + length).
function copyBytesFrom(view, offset, length) {
  if (!ArrayBuffer.isView(view) || view instanceof DataView) {
    throw new ERR_INVALID_ARG_TYPE('view', ['TypedArray'], view);
  }
  const count = view.length;
  if (count === 0) return new Bytes(0);
  const first = offset === undefined ? 0 : offset;
  if (first !== 0) validateInteger(first, 'offset', 0);
  if (first >= count) return new Bytes(0);
  const end = Math.min(first + positionArg(length, 'length', count,
                                          Number.MAX_SAFE_INTEGER), count);
  const width = view.BYTES_PER_ELEMENT;
  const bytes = new Uint8Array(view.buffer, view.byteOffset + first * width,
                               (end - first) * width);
  const out = unsafeBytes(bytes.length);
  out.set(bytes);
  return out;
}

function concat(list, totalLength) {
  if (!Array.isArray(list)) {
    throw new ERR_INVALID_ARG_TYPE('list', 'Array', list);
  }
  if (list.length === 0) return new Bytes(0);
  // Every part is checked, even parts past an explicit totalLength.
  const parts = list.map((part, i) => {
    requireBytes(part, `list[${i}]`);
    return part;
  });
  let total;
  if (totalLength === undefined) {
    total = parts.reduce((sum, part) => sum + part.length, 0);
  } else {
    validateInteger(totalLength, 'length', 0, kMaxLength);
    total = totalLength;
  }
  const out = unsafeBytes(total);
  let at = 0;
  for (const part of parts) {
    if (at === total) break;
    const taken = Math.min(part.length, total - at);
    out.set(taken === part.length ? part : part.subarray(0, taken), at);
    at += taken;
  }
  // A totalLength beyond the parts leaves zeros, never stale pool bytes.
  if (at < total) fillBytes.call(out, 0, at, total);
  return out;
}

const kByteLengthTypes = ['string', 'Buffer', 'ArrayBuffer'];

function byteLength(value, encoding) {
  if (ArrayBuffer.isView(value) || isAnyArrayBuffer(value)) {
    return value.byteLength;
  }
  if (typeof value === 'string') {
    // An unknown encoding counts as UTF-8 here, as in Node.
    const enc = encoding === undefined ? kUtf8 :
      (findEncoding(encoding) || kUtf8);
    return value.length === 0 ? 0 : enc.size(value);
  }
  throw new ERR_INVALID_ARG_TYPE('string', kByteLengthTypes, value);
}

function compare(a, b) {
  requireBytes(a, 'buf1');
  requireBytes(b, 'buf2');
  if (a === b) return 0;
  return binding.compare(a, 0, a.length, b, 0, b.length);
}

function isBuffer(value) {
  return value instanceof Buffer;
}

function isEncoding(name) {
  return typeof name === 'string' && name.length !== 0 &&
    findEncoding(name) !== undefined;
}

// Statics, as enumerable writable properties, in Node's order.
Object.assign(Buffer, {
  poolSize: 8 * 1024,
  from,
  copyBytesFrom,
  of,
  alloc,
  allocUnsafe,
  allocUnsafeSlow,
  isBuffer,
  compare,
  isEncoding,
  concat,
  byteLength,
});
Object.defineProperty(Buffer, Symbol.species, {
  get() { return Bytes; }, enumerable: false, configurable: true,
});

// ---- reading and writing strings --------------------------------------------

// toString's range: whole-number positions clamped into [0, length].
function clampPosition(value, length, fallback) {
  if (value === undefined) return fallback;
  const n = Math.trunc(+value);
  if (!(n > 0)) return 0;
  return n < length ? n : length;
}

function toString(encoding, start, end) {
  if (arguments.length === 0) return decodeRange(this, 0, this.byteLength, kUtf8);
  const length = this.byteLength;
  const from = clampPosition(start, length, 0);
  const to = clampPosition(end, length, length);
  if (to <= from) return '';
  return decodeRange(this, from, to, encodingArg(encoding));
}

// write()'s optional arguments: (encoding), (offset[, encoding]) or
// (offset, length[, encoding]). Returns [start, room, encoding name].
function writePlan(size, offset, length, encoding) {
  // Without an offset, the rest is ignored: all of the buffer, UTF-8.
  if (offset === undefined) return [0, size, undefined];
  if (typeof offset === 'string' && length === undefined) {
    return [0, size, offset];
  }
  validateInteger(offset, 'offset', 0, size);
  const room = size - offset;
  if (typeof length === 'string') return [offset, room, length];
  if (length === undefined) return [offset, room, encoding];
  validateInteger(length, 'length', 0, size);
  return [offset, Math.min(length, room), encoding];
}

const notAString = () => plainError(TypeError, 'ERR_INVALID_ARG_TYPE',
                                    'argument must be a string');

function write(text, offset, length, encoding) {
  requireView(this);
  if (typeof text !== 'string') throw notAString();
  const [start, room, name] = writePlan(this.byteLength, offset, length, encoding);
  // Any falsy encoding means UTF-8 here.
  const enc = name ? encodingArg(name) : kUtf8;
  return binding.write(this, text, start, room, enc.id);
}

// Node's lower-level per-encoding methods (asciiSlice(), hexWrite()...),
// which some libraries call directly. Their positions are whole numbers
// and never negative.
function lowIndex(value, fallback) {
  const n = value === undefined ? fallback : (Math.trunc(+value) || 0);
  if (n >= 0) return n;
  throw plainError(RangeError, 'ERR_OUT_OF_RANGE', 'Index out of range');
}

// Methods named `${encoding}Slice` and `${encoding}Write`, with no
// declared parameters, as Node's native ones.
function lowLevelMethods(prefix, enc) {
  const methods = {
    [`${prefix}Slice`](...args) {
      requireView(this);
      // Any view's bytes, as in Node (a Uint16Array has two per element).
      const size = this.byteLength;
      const from = lowIndex(args[0], 0);
      const to = lowIndex(args[1], size);
      if (to > size) lowIndex(-1);
      return to > from ? decodeRange(this, from, to, enc) : '';
    },
    [`${prefix}Write`](...args) {
      requireView(this);
      if (typeof args[0] !== 'string') throw notAString();
      const size = this.byteLength;
      const start = lowIndex(args[1], 0);
      if (start > size) throw new ERR_BUFFER_OUT_OF_BOUNDS('offset');
      const room = Math.min(lowIndex(args[2], size), size - start);
      return binding.write(this, args[0], start, room, enc.id);
    },
  };
  return methods;
}

// ---- fill -------------------------------------------------------------------

// fill() and alloc() take null or '' for UTF-8, and only strings besides.
function fillEncoding(encoding) {
  if (encoding == null || encoding === '') return kUtf8;
  if (typeof encoding !== 'string') {
    throw new ERR_INVALID_ARG_TYPE('encoding', 'string', encoding);
  }
  return encodingArg(encoding);
}

// Repeats the bytes of `pattern` (a string or a view) natively; an empty
// pattern is an error.
function fillPattern(buf, pattern, start, end, id) {
  if (binding.fill(buf, pattern, start, end, id)) return;
  throw new ERR_INVALID_ARG_VALUE('value', pattern);
}

// Fills buf[start, end) with `value` (validated range, start < end).
function fillRange(buf, value, start, end, encoding) {
  let byte;
  switch (typeof value) {
    case 'string': {
      const enc = fillEncoding(encoding);
      const first = value.length === 0 ? 0 : value.charCodeAt(0);
      // Empty strings fill zeros; one-byte characters are a plain fill.
      if (value.length === 0 || (value.length === 1 &&
          (enc === kLatin1 || (enc === kUtf8 && first < 0x80)))) {
        byte = first & 0xff;
      } else {
        fillPattern(buf, value, start, end, enc.id);
        return;
      }
      break;
    }
    case 'object':
      if (ArrayBuffer.isView(value)) {
        fillPattern(buf, value, start, end, 0);
        return;
      }
      byte = (+value) & 0xff;
      break;
    default:
      byte = (+value) & 0xff;
  }
  fillBytes.call(buf, byte, start, end);
}

function positionArg(value, name, fallback, max) {
  if (value === undefined) return fallback;
  validateInteger(value, name, 0, max);
  return value;
}

function fill(value, offset, end, encoding) {
  requireView(this);
  // A string value may take its encoding early: fill(text, encoding) or
  // fill(text, offset, encoding); fill(text) is always UTF-8.
  const early = typeof value !== 'string' ? 0 :
    (offset === undefined || typeof offset === 'string' ? 1 :
      (typeof end === 'string' ? 2 : 0));
  const args = [[offset, end, encoding], [undefined, undefined, offset],
    [offset, undefined, end]][early];
  const start = positionArg(args[0], 'offset', 0, kMaxLength);
  const stop = positionArg(args[1], 'end', this.byteLength, this.byteLength);
  encoding = args[2];
  if (start >= stop) {
    // Nothing to fill, but a bad encoding is still an error.
    if (typeof value === 'string') fillEncoding(encoding);
    return this;
  }
  fillRange(this, value, start, stop, encoding);
  return this;
}

// ---- search -----------------------------------------------------------------

// Where a search starts: byteOffset made a whole number, negative counting
// from the end of `length` bytes; NaN (and undefined) means everything.
function searchStart(byteOffset, length, forward) {
  let at = +byteOffset;
  if (Number.isNaN(at)) return forward ? 0 : length;
  at = Math.trunc(at);
  if (at < 0) at += length;
  return at;
}

// What a search looks for: a byte (number), or a byte sequence and whether
// it is UTF-16 (found at whole units only).
const kNeedleTypes = ['number', 'string', 'Buffer', 'Uint8Array'];

function needleOf(value, encoding) {
  switch (typeof value) {
    case 'number':
      return { byte: value >>> 0 };
    case 'string': {
      const enc = encodingArg(encoding);
      return {
        bytes: value.length === 0 ? null : fromString(value, enc.name),
        utf16: enc === kUcs2,
      };
    }
    default:
      if (isBytes(value)) {
        return {
          bytes: value,
          utf16: encoding !== undefined && findEncoding(encoding) === kUcs2,
        };
      }
      throw new ERR_INVALID_ARG_TYPE('value', kNeedleTypes, value);
  }
}

function search(buf, value, byteOffset, encoding, forward) {
  // The methods can be called on anything; only views reach the binding.
  if (!ArrayBuffer.isView(buf)) {
    throw new ERR_INVALID_ARG_TYPE('buffer', ['Buffer', 'TypedArray', 'DataView'], buf);
  }
  // search(value, encoding) skips the offset.
  const offset = typeof byteOffset === 'string' ? undefined : byteOffset;
  const needle = needleOf(value, typeof byteOffset === 'string' ?
    byteOffset : encoding);
  let size = buf.byteLength;
  if (needle.byte !== undefined) {
    const at = searchStart(offset, size, forward);
    if (forward ? at >= size : at < 0) return -1;
    return binding.indexOfByte(buf, needle.byte, Math.max(0, Math.min(at,
      size)), forward);
  }
  let bytes = needle.bytes;
  if (bytes !== null && needle.utf16) {
    // Whole units only: an odd last byte on either side is not data.
    size -= size % 2;
    if (bytes.length === 1) return -1;
    if (bytes.length % 2 === 1) bytes = bytes.subarray(0, bytes.length - 1);
  }
  const at = searchStart(offset, size, forward);
  // An empty needle is found right where the search starts.
  if (bytes === null || bytes.length === 0) {
    return Math.max(0, Math.min(at, size));
  }
  const step = needle.utf16 ? 2 : 1;
  if (!forward) {
    return at < 0 ? -1 :
      binding.indexOfBytes(buf, bytes, Math.min(at, size), false, step);
  }
  if (at + bytes.length > size) return -1;
  return binding.indexOfBytes(buf, bytes, Math.max(at, 0), true, step);
}

function indexOf(value, byteOffset, encoding) {
  return search(this, value, byteOffset, encoding, true);
}

function lastIndexOf(value, byteOffset, encoding) {
  return search(this, value, byteOffset, encoding, false);
}

// Documented as buf.indexOf() !== -1, and it is: called on another view,
// that view's own indexOf decides.
function includes(value, byteOffset, encoding) {
  return this.indexOf(value, byteOffset, encoding) !== -1;
}

// ---- comparing and copying --------------------------------------------------

function equals(other) {
  requireView(this);
  requireBytes(other, 'otherBuffer');
  if (this === other) return true;
  if (this.byteLength !== other.byteLength) return false;
  return binding.compare(this, 0, this.byteLength, other, 0, other.length) === 0;
}

function compareMethod(target, targetStart, targetEnd, sourceStart,
                       sourceEnd) {
  requireView(this);
  requireBytes(target, 'target');
  if (arguments.length === 1) {
    return binding.compare(this, 0, this.byteLength, target, 0, target.length);
  }
  const tStart = positionArg(targetStart, 'targetStart', 0, kMaxLength);
  const tEnd = positionArg(targetEnd, 'targetEnd', target.length, target.length);
  const sStart = positionArg(sourceStart, 'sourceStart', 0, kMaxLength);
  const sEnd = positionArg(sourceEnd, 'sourceEnd', this.byteLength, this.byteLength);
  if (sStart >= sEnd) return tStart >= tEnd ? 0 : -1;
  if (tStart >= tEnd) return 1;
  // Both ranges are now inside their buffers: the ends were checked.
  return binding.compare(this, sStart, sEnd, target, tStart, tEnd);
}

// copy()'s positions: numbers rounded down; NaN and infinities count as 0.
function copyPosition(value, fallback) {
  if (value === undefined) return fallback;
  const n = +value;
  return Number.isFinite(n) ? Math.floor(n) : 0;
}

function copy(target, targetStart, sourceStart, sourceEnd) {
  requireBytes(this, 'source');
  requireBytes(target, 'target');
  const tStart = copyPosition(targetStart, 0);
  if (tStart < 0) throw new ERR_OUT_OF_RANGE('targetStart', '>= 0', tStart);
  const sStart = copyPosition(sourceStart, 0);
  if (sStart < 0 || sStart > this.length) {
    throw new ERR_OUT_OF_RANGE('sourceStart', `>= 0 && <= ${this.length}`,
                               sStart);
  }
  const sEnd = copyPosition(sourceEnd, this.length);
  if (sEnd < 0) throw new ERR_OUT_OF_RANGE('sourceEnd', '>= 0', sEnd);
  if (tStart >= target.length || sStart >= sEnd) return 0;
  const count = Math.min(sEnd, this.length) - sStart;
  const room = target.length - tStart;
  const n = count < room ? count : room;
  if (n <= 0) return 0;
  target.set(new Uint8Array(this.buffer, this.byteOffset + sStart, n), tStart);
  return n;
}

// ---- views and byte order ---------------------------------------------------

// slice() and subarray(): a Buffer over the same memory. Negative positions
// count from the end; NaN means 0.
function viewPosition(value, length, fallback) {
  if (value === undefined) return fallback;
  let n = Math.trunc(+value);
  if (Number.isNaN(n)) return 0;
  if (n < 0) {
    n += length;
    return n > 0 ? n : 0;
  }
  return n < length ? n : length;
}

function subarray(start, end) {
  const length = this.length;
  const from = viewPosition(start, length, 0);
  const to = viewPosition(end, length, length);
  return new Bytes(this.buffer, this.byteOffset + from,
                   to > from ? to - from : 0);
}

function slice(start, end) {
  return subarray.call(this, start, end);
}

function swapper(width) {
  return function() {
    requireView(this);
    if (this.length % width !== 0) {
      throw new ERR_INVALID_BUFFER_SIZE(`${width * 8}-bits`);
    }
    if (this.length !== 0) binding.swap(this, width);
    return this;
  };
}

function toJSON() {
  return { type: 'Buffer', data: Array.prototype.slice.call(this) };
}

// Own non-index properties, as `key: value, ...` on one line ('' if none).
function extraProperties(buf, options, nested) {
  const keys = Reflect.ownKeys(buf).filter((key) => {
    if (typeof key === 'string' && isIndexKey(key)) return false;
    return options.showHidden ||
      Object.prototype.propertyIsEnumerable.call(buf, key);
  });
  if (keys.length === 0) return '';
  const extra = { __proto__: null };
  for (const key of keys) extra[key] = buf[key];
  const format = typeof nested === 'function' ? nested :
    require('./internal/util/inspect').inspect;
  const text = format(extra, {
    ...options, breakLength: Infinity, compact: true,
  });
  // Drop "[Object: null prototype] {" and " }".
  return text.slice(text.indexOf('{') + 2, -2);
}

// util.inspect(buf): `<Buffer 68 69 ... 3 more bytes, extra: 1>`.
function inspect(depth, options, nested) {
  const max = inspectMaxBytes;
  const shown = Math.max(0, Math.floor(Math.min(max, this.length)));
  const hex = shown > 0 ? decodeRange(this, 0, shown, encodings.kHex) : '';
  let body = hex.replace(/(..)(?!$)/g, '$1 ');
  const rest = this.length - max;
  if (rest > 0) body += ` ... ${rest} more byte${rest > 1 ? 's' : ''}`;
  const extra = options === undefined ? '' :
    extraProperties(this, options, nested);
  if (extra !== '') body += `${this.length !== 0 ? ', ' : ''}${extra}`;
  return `<${this.constructor.name} ${body}>`;
}

function isIndexKey(key) {
  const n = Number(key);
  return Number.isInteger(n) && n >= 0 && `${n}` === key;
}

// Prototype methods, in Node's order (the number methods come first).
const proto = Buffer.prototype;
addNumberMethods(proto);
const kLowLevel = [
  ['ascii', encodings.kAscii], ['base64', kBase64],
  ['base64url', encodings.kBase64Url], ['latin1', kLatin1],
  ['hex', encodings.kHex], ['ucs2', kUcs2], ['utf8', kUtf8]];
for (const kind of ['Slice', 'Write']) {
  for (const [prefix, enc] of kLowLevel) {
    const name = `${prefix}${kind}`;
    proto[name] = lowLevelMethods(prefix, enc)[name];
  }
}
Object.defineProperty(proto, 'parent', {
  enumerable: true,
  get() { return this instanceof Buffer ? this.buffer : undefined; },
});
Object.defineProperty(proto, 'offset', {
  enumerable: true,
  get() { return this instanceof Buffer ? this.byteOffset : undefined; },
});
const swap16 = swapper(2);
const swap32 = swapper(4);
const swap64 = swapper(8);
Object.assign(proto, {
  copy,
  toString,
  equals,
  inspect,
  compare: compareMethod,
  indexOf,
  lastIndexOf,
  includes,
  fill,
  write,
  toJSON,
  subarray,
  slice,
  swap16,
  swap32,
  swap64,
  toLocaleString: toString,
  [kInspectCustom]: inspect,
});
for (const [fn, name] of [[compareMethod, 'compare'], [swap16, 'swap16'],
  [swap32, 'swap32'], [swap64, 'swap64']]) {
  Object.defineProperty(fn, 'name', { value: name });
}

// ---- atob and btoa ----------------------------------------------------------

// Base64 text, then at most two '=' of padding.
const kBase64Text = /^[A-Za-z0-9+/]*={0,2}$/;
const kAsciiWhitespace = /[\t\n\f\r ]+/g;

// atob and btoa fail with DOMExceptions (loaded on the first failure).
function domException(message) {
  const { DOMException } = require('./internal/dom_exception');
  return new DOMException(message, 'InvalidCharacterError');
}

const invalidCharacter = () => domException('Invalid character');

function btoa(input) {
  if (arguments.length === 0) throw new ERR_MISSING_ARGS('input');
  const text = `${input}`;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) > 0xff) throw invalidCharacter();
  }
  const bytes = fromString(text, 'latin1');
  return decodeRange(bytes, 0, bytes.length, kBase64);
}

// The WHATWG forgiving-base64 decode, with Node's choice of error when
// several rules are broken at once.
function atob(input) {
  if (arguments.length === 0) throw new ERR_MISSING_ARGS('input');
  const text = `${input}`.replace(kAsciiWhitespace, '');
  if (!kBase64Text.test(text)) throw invalidCharacter();
  let data = text.length;
  while (data > 0 && text.charCodeAt(data - 1) === 61) data--;
  if (data % 4 === 1) {
    throw domException('The string to be decoded is not correctly encoded.');
  }
  if (data !== text.length && text.length % 4 !== 0) throw invalidCharacter();
  const bytes = fromString(text, 'base64');
  return decodeRange(bytes, 0, bytes.length, kLatin1);
}

// ---- the rest of the module -------------------------------------------------

// The bytes isUtf8() and isAscii() look at.
function bytesToCheck(input) {
  const whole = isAnyArrayBuffer(input);
  if (!whole && !ArrayBuffer.isView(input)) {
    throw new ERR_INVALID_ARG_TYPE('input', kCheckTypes, input);
  }
  const memory = whole ? input : input.buffer;
  if (input.byteLength === 0 && isDetached(memory)) {
    const { ERR_INVALID_STATE } = require('./internal/errors').codes;
    throw new ERR_INVALID_STATE('Cannot validate on a detached buffer');
  }
  return whole ? new Uint8Array(input) :
    new Uint8Array(memory, input.byteOffset, input.byteLength);
}

const kCheckTypes = ['ArrayBuffer', 'Buffer', 'TypedArray'];

function isDetached(arrayBuffer) {
  try {
    new Uint8Array(arrayBuffer);
    return false;
  } catch {
    return true;
  }
}

function isUtf8(input) {
  return binding.isUtf8(bytesToCheck(input));
}

function isAscii(input) {
  return binding.isAscii(bytesToCheck(input));
}

// transcode(): decode with one encoding, encode with another. Code points a
// one-byte target cannot hold become '?', as ICU's converters do.
const kTranscodable = new Set(['ascii', 'latin1', 'utf16le', 'utf8']);

function transcode(source, fromEncoding, toEncoding) {
  if (!isBytes(source)) {
    throw new ERR_INVALID_ARG_TYPE('source', ['Buffer', 'Uint8Array'], source);
  }
  if (source.length === 0) return new Bytes(0);
  const fromEnc = findEncoding(fromEncoding);
  const toEnc = findEncoding(toEncoding);
  if (fromEnc === undefined || toEnc === undefined ||
      !kTranscodable.has(fromEnc.name) || !kTranscodable.has(toEnc.name)) {
    const err = new Error(
      'Unable to transcode Buffer [U_ILLEGAL_ARGUMENT_ERROR]');
    err.code = 'U_ILLEGAL_ARGUMENT_ERROR';
    err.errno = 1;
    throw err;
  }
  let text = decodeRange(source, 0, source.length,
                         fromEnc.name === 'ascii' ? kLatin1 : fromEnc);
  // Bytes above 0x7f are not ASCII: they decode as U+FFFD, except into
  // UTF-16, where ICU passes them through as Latin-1.
  if (fromEnc.name === 'ascii' && toEnc !== kUcs2) {
    text = text.replace(/[\x80-\xff]/g, '\ufffd');
  }
  if (toEnc.name === 'ascii') {
    text = text.replace(/[^\x00-\x7f]/gu, '?');
  } else if (toEnc.name === 'latin1') {
    text = text.replace(/[^\x00-\xff]/gu, '?');
  }
  return fromString(text, toEnc.name);
}

const constants = Object.defineProperties({}, {
  MAX_LENGTH: { value: kMaxLength, writable: false, enumerable: true },
  MAX_STRING_LENGTH: {
    value: kStringMaxLength, writable: false, enumerable: true,
  },
});

module.exports = {
  Buffer,
  SlowBuffer,
  transcode,
  isUtf8,
  isAscii,
  kMaxLength,
  kStringMaxLength,
  btoa,
  atob,
  constants,
  INSPECT_MAX_BYTES: undefined,
  Blob,
  resolveObjectURL,
  File,
};

Object.defineProperty(module.exports, 'INSPECT_MAX_BYTES', {
  enumerable: true,
  configurable: true,
  get() { return inspectMaxBytes; },
  set(value) {
    validateNumber(value, 'INSPECT_MAX_BYTES', 0);
    inspectMaxBytes = value;
  },
});

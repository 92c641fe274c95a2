'use strict';
// node:zlib: deflate, inflate, gzip, brotli streams and their one-shot forms,
// over the native 'zlib' binding (runtime/bindings/zlib.cc).

const { Buffer, kMaxLength } = require('./buffer');
const { Transform, finished } = require('./stream');
const {
  codes: {
    ERR_BROTLI_INVALID_PARAM, ERR_INTERNAL_ASSERTION, ERR_INVALID_ARG_TYPE,
    ERR_OUT_OF_RANGE, ERR_ZLIB_INITIALIZATION_FAILED,
  },
} = require('./internal/errors');
const {
  validateFunction, validateUint32,
} = require('./internal/validators');
const { deprecate } = require('./internal/util/common');
const { isAnyArrayBuffer } = require('./internal/util/types');
const {
  binding, constants, onStepDone, kOwner, kStep, kEnded, closeHandle,
  startStep, runSync, fail, Collector, resetNow,
} = require('./internal/zlib/engine');

const {
  Z_NO_FLUSH, Z_SYNC_FLUSH, Z_FULL_FLUSH, Z_FINISH, Z_BLOCK,
  Z_DEFAULT_COMPRESSION, Z_DEFAULT_STRATEGY, Z_FIXED,
  Z_MIN_WINDOWBITS, Z_MAX_WINDOWBITS, Z_DEFAULT_WINDOWBITS,
  Z_MIN_CHUNK, Z_DEFAULT_CHUNK, Z_MIN_MEMLEVEL, Z_MAX_MEMLEVEL,
  Z_DEFAULT_MEMLEVEL, Z_MIN_LEVEL, Z_MAX_LEVEL,
  DEFLATE, INFLATE, GZIP, GUNZIP, DEFLATERAW, INFLATERAW, UNZIP, BROTLI_DECODE,
  BROTLI_ENCODE,
  BROTLI_OPERATION_PROCESS, BROTLI_OPERATION_FLUSH, BROTLI_OPERATION_FINISH,
  BROTLI_OPERATION_EMIT_METADATA,
} = constants;

// zlib.codes: the return codes both ways, name -> number and number -> name.
const codes = {};
for (const name of ['Z_OK', 'Z_STREAM_END', 'Z_NEED_DICT', 'Z_ERRNO',
  'Z_STREAM_ERROR', 'Z_DATA_ERROR', 'Z_MEM_ERROR', 'Z_BUF_ERROR',
  'Z_VERSION_ERROR']) {
  codes[name] = constants[name];
  codes[constants[name]] = name;
}
Object.freeze(codes);

// The keys brotli's `params` may use: every encoder and decoder parameter.
const kBrotliParamKeys = new Set();
for (const name of Object.keys(constants)) {
  if (/^BROTLI_(DECODER_)?PARAM_/.test(name)) {
    kBrotliParamKeys.add(constants[name]);
  }
}

const kEmpty = Buffer.alloc(0);
// flush(kind) writes one of these marker chunks; _transform knows them by
// identity and runs that flush instead of the default one.
const kFlushMarkers = [];
for (let kind = 0; kind <= Z_BLOCK; kind++) kFlushMarkers.push(Buffer.alloc(0));
const kMarkerKind = new Map(kFlushMarkers.map((b, kind) => [b, kind]));

// An option's number: undefined and NaN give the default; anything else must
// be a finite number within [lower, upper].
function numberOption(opts, key, lower, upper, fallback) {
  return checkedNumber(opts[key], `options.${key}`, lower, upper, fallback);
}

function checkedNumber(value, name, lower, upper, fallback) {
  if (value === undefined || Number.isNaN(value)) return fallback;
  const kind = typeof value;
  if (kind !== 'number') throw new ERR_INVALID_ARG_TYPE(name, 'number', value);
  if (!Number.isFinite(value)) {
    throw new ERR_OUT_OF_RANGE(name, 'a finite number', value);
  }
  if (value < lower || value > upper) {
    const range = upper === Infinity ? `>= ${lower}` :
      `>= ${lower} and <= ${upper}`;
    throw new ERR_OUT_OF_RANGE(name, range, value);
  }
  return value;
}


// What a one-shot call compresses: strings as UTF-8, any binary view as is.
// (The callback forms name the input `chunk`, as Node's do: their check is
// the one a stream write makes.)
function inputBytes(data, async = false) {
  if (typeof data === 'string') return Buffer.from(data);
  if (ArrayBuffer.isView(data)) {
    return Buffer.isBuffer(data) ? data :
      Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  }
  if (isAnyArrayBuffer(data)) return Buffer.from(data);
  if (async) {
    throw new ERR_INVALID_ARG_TYPE('chunk',
      ['string', 'Buffer', 'TypedArray', 'DataView'], data);
  }
  throw new ERR_INVALID_ARG_TYPE('buffer',
    ['string', 'Buffer', 'TypedArray', 'DataView', 'ArrayBuffer'], data);
}

// Shared by the zlib and brotli streams: the Transform that feeds the native
// stream one chunk at a time and pushes what comes out.
function ZlibBase(opts, mode, flushes) {
  const options = opts !== null && typeof opts === 'object' ? opts : {};
  const [defaultFlush, , finishFlush, maxFlush] = flushes;
  const chunkSize = numberOption(options, 'chunkSize', Z_MIN_CHUNK, Infinity,
                                 Z_DEFAULT_CHUNK);
  this._defaultFlushFlag = numberOption(options, 'flush', 0, maxFlush,
                                        defaultFlush);
  this._finishFlushFlag = numberOption(options, 'finishFlush', 0, maxFlush,
                                       finishFlush);
  this._defaultFullFlushFlag = flushes[1];
  this._maxOutputLength = numberOption(options, 'maxOutputLength', 1,
                                       kMaxLength, kMaxLength);
  Transform.call(this, { autoDestroy: true, ...options });
  this._chunkSize = Math.trunc(chunkSize);
  this._info = options.info;
  this._outBuffer = Buffer.allocUnsafe(this._chunkSize);
  this._outOffset = 0;
  this.bytesWritten = 0;
  this._writeState = new Uint32Array(3);
  this[kEnded] = false;
  this[kStep] = null;
  this._handle = binding.create(mode, this._writeState, onStepDone);
  this._handle[kOwner] = this;
}
Object.setPrototypeOf(ZlibBase.prototype, Transform.prototype);
Object.setPrototypeOf(ZlibBase, Transform);

Object.defineProperty(ZlibBase.prototype, '_closed', {
  get() { return this._handle === null; },
  configurable: true,
  enumerable: true,
});

{
  // DEP0108: bytesRead was renamed; the old name reads and writes the new.
  const get = deprecate(function() { return this.bytesWritten; },
                        'zlib.bytesRead is deprecated and will change its ' +
                        'meaning in the future. Use zlib.bytesWritten instead.',
                        'DEP0108');
  const set = deprecate(function(value) { this.bytesWritten = value; },
                        'Setting zlib.bytesRead is deprecated. This feature ' +
                        'will be removed in the future.', 'DEP0108');
  Object.defineProperty(ZlibBase.prototype, 'bytesRead', {
    get, set, configurable: true, enumerable: true,
  });
}

ZlibBase.prototype.reset = function reset() {
  if (this._handle === null) {
    throw new ERR_INTERNAL_ASSERTION('zlib binding closed');
  }
  // During a step the native state is the thread pool's: the reset waits
  // for the chunk in flight to be done.
  if (this[kStep]) {
    this[kStep].resetAfter = true;
    return;
  }
  resetNow(this);
};

ZlibBase.prototype.flush = function flush(kind, callback) {
  if (typeof kind === 'function') [kind, callback] = [undefined, kind];
  if (kind === undefined) kind = this._defaultFullFlushFlag;
  const ws = this._writableState;
  if (ws.finished) {
    if (callback) process.nextTick(callback);
  } else if (ws.ending) {
    if (callback) this.once('end', callback);
  } else {
    this.write(kFlushMarkers[kind], '', callback);
  }
};

ZlibBase.prototype.close = function close(callback) {
  if (typeof callback === 'function') finished(this, callback);
  this.destroy();
};

ZlibBase.prototype._destroy = function _destroy(err, callback) {
  closeHandle(this);
  callback(err);
};


ZlibBase.prototype._transform = function _transform(chunk, encoding, cb) {
  let flush = kMarkerKind.get(chunk);
  if (flush === undefined) {
    flush = this._defaultFlushFlag;
    // The last chunk of an ended stream finishes it at once.
    const ws = this._writableState;
    if ((ws.ending || ws.ended) && ws.length === chunk.byteLength) {
      flush = this._finishFlushFlag;
    }
  }
  this._processChunk(chunk, flush, cb);
};

// 'finish' comes as soon as the writable side is done, before the
// finishing flush (run from 'prefinish' by Transform) is over, as in Node.
ZlibBase.prototype._final = function _final(cb) {
  cb();
};

ZlibBase.prototype._flush = function _flush(cb) {
  this._processChunk(kEmpty, this._finishFlushFlag, cb);
};

// With a callback: one chunk through the thread pool, its output pushed.
// Without: the whole chunk at once, its output returned (Node's
// _processChunk both ways).
ZlibBase.prototype._processChunk = function _processChunk(chunk, flush, cb) {
  // Bytes only reach the binding (an object-mode stream or a direct call
  // may hand anything else).
  if (!ArrayBuffer.isView(chunk)) chunk = inputBytes(chunk, true);
  if (typeof cb !== 'function') return runSync(this, chunk, flush);
  if (this._handle === null || this[kEnded]) {
    // Input after the end of the compressed data ends the output (as if
    // trailing bytes had come with the last chunk).
    if (this[kEnded] && chunk.byteLength > 0) this.push(null);
    process.nextTick(cb);
    return;
  }
  startStep(this, {
    input: chunk, inOffset: 0, inLength: chunk.byteLength, flush,
    sink: (bytes) => this.push(bytes), done: cb,
    // The compressed data is complete and bytes follow it: the readable
    // side ends now, even if more input comes, as in Node. Otherwise the
    // finishing flush ends it.
    onEnd: (left) => {
      if (left > 0) this.push(null);
    },
  });
};






// --- zlib streams ---------------------------------------------------------

const kZlibFlushes = [Z_NO_FLUSH, Z_FULL_FLUSH, Z_FINISH, Z_BLOCK];

function windowBitsOption(options, mode) {
  // Inflating may take the window size from the stream's header (0); gzip
  // output needs at least 9 bits, as zlib asks.
  const lower = mode === GZIP ? 9 : Z_MIN_WINDOWBITS;
  if (options.windowBits === 0 &&
      (mode === INFLATE || mode === GUNZIP || mode === UNZIP)) {
    return 0;
  }
  let bits = numberOption(options, 'windowBits', lower, Z_MAX_WINDOWBITS,
                          Z_DEFAULT_WINDOWBITS);
  bits = Math.trunc(bits);
  // zlib refuses 8 for raw deflate; 9 is what it would use anyway.
  if (bits === 8 && mode === DEFLATERAW) bits = 9;
  return bits;
}

function Zlib(given, mode) {
  const options = given !== null && typeof given === 'object' ? given : {};
  const windowBits = windowBitsOption(options, mode);
  const level = numberOption(options, 'level', Z_MIN_LEVEL, Z_MAX_LEVEL,
                             Z_DEFAULT_COMPRESSION);
  const memLevel = numberOption(options, 'memLevel', Z_MIN_MEMLEVEL,
                                Z_MAX_MEMLEVEL, Z_DEFAULT_MEMLEVEL);
  const strategy = numberOption(options, 'strategy', Z_DEFAULT_STRATEGY,
                                Z_FIXED, Z_DEFAULT_STRATEGY);
  let { dictionary } = options;
  if (isAnyArrayBuffer(dictionary)) {
    dictionary = new Uint8Array(dictionary);
  } else if (dictionary !== undefined && !ArrayBuffer.isView(dictionary)) {
    throw new ERR_INVALID_ARG_TYPE('options.dictionary',
      ['Buffer', 'TypedArray', 'DataView', 'ArrayBuffer'], dictionary);
  }
  ZlibBase.call(this, given, mode, kZlibFlushes);
  Object.assign(this, { _level: level, _strategy: strategy });
  const ret = binding.initZlib(this._handle, windowBits, Math.trunc(level),
                               Math.trunc(memLevel), Math.trunc(strategy),
                               dictionary);
  if (ret !== 0) {
    closeHandle(this);
    throw new ERR_ZLIB_INITIALIZATION_FAILED();
  }
}
Object.setPrototypeOf(Zlib.prototype, ZlibBase.prototype);
Object.setPrototypeOf(Zlib, ZlibBase);

Zlib.prototype.params = function params(newLevel, newStrategy, callback) {
  const level = checkedNumber(newLevel, 'level', Z_MIN_LEVEL, Z_MAX_LEVEL,
                              Z_DEFAULT_COMPRESSION);
  const strategy = checkedNumber(newStrategy, 'strategy', Z_DEFAULT_STRATEGY,
                                 Z_FIXED, Z_DEFAULT_STRATEGY);
  if (this._level === level && this._strategy === strategy) {
    if (callback) process.nextTick(callback);
    return;
  }
  // What was written so far is compressed with the old settings first.
  this.flush(Z_SYNC_FLUSH, () => {
    if (this._handle === null) throw new Error('zlib binding closed');
    const ret = binding.params(this._handle, Math.trunc(level),
                               Math.trunc(strategy));
    if (ret !== 0) {
      fail(this, [ret, 'Failed to set parameters', codes[ret] || 'Z_ERRNO']);
      return;
    }
    Object.assign(this, { _level: level, _strategy: strategy });
    if (typeof callback === 'function') callback();
  });
};

// --- brotli streams -------------------------------------------------------

const kBrotliFlushes = [BROTLI_OPERATION_PROCESS, BROTLI_OPERATION_FLUSH,
  BROTLI_OPERATION_FINISH, BROTLI_OPERATION_EMIT_METADATA];

function Brotli(given, mode) {
  const options = given !== null && typeof given === 'object' ? given : {};
  const pairs = [];
  const params = options.params;
  if (params !== null && typeof params === 'object') {
    const seen = new Set();
    for (const key of Object.keys(params)) {
      const id = Number(key);
      // '0' and '00' both name parameter 0: the second one is refused.
      if (!kBrotliParamKeys.has(id) || seen.has(id)) {
        throw new ERR_BROTLI_INVALID_PARAM(key);
      }
      const setting = params[key];
      const kind = typeof setting;
      if (kind !== 'number' && kind !== 'boolean') {
        throw new ERR_INVALID_ARG_TYPE('options.params[key]', 'number',
                                       setting);
      }
      seen.add(id);
      pairs.push(id, Number(setting) >>> 0);
    }
  }
  ZlibBase.call(this, given, mode, kBrotliFlushes);
  if (!binding.initBrotli(this._handle, new Uint32Array(pairs))) {
    closeHandle(this);
    throw new ERR_ZLIB_INITIALIZATION_FAILED();
  }
}
// Node's Brotli inherits from Zlib (params() and all), so the same here.
Object.setPrototypeOf(Brotli.prototype, Zlib.prototype);
Object.setPrototypeOf(Brotli, Zlib);

// --- the public classes -----------------------------------------------------

// Each class is callable without `new`, as in Node.
function defineClass(name, Base, mode) {
  // A plain function (not a method) so that it has a prototype and
  // constructs; the computed key gives it its name.
  const Class = {
    [name]: function(opts) {
      if (!(this instanceof Class)) return new Class(opts);
      Base.call(this, opts, mode);
    },
  }[name];
  Object.setPrototypeOf(Class.prototype, Base.prototype);
  Object.setPrototypeOf(Class, Base);
  return Class;
}

const Deflate = defineClass('Deflate', Zlib, DEFLATE);
const Inflate = defineClass('Inflate', Zlib, INFLATE);
const Gzip = defineClass('Gzip', Zlib, GZIP);
const Gunzip = defineClass('Gunzip', Zlib, GUNZIP);
const DeflateRaw = defineClass('DeflateRaw', Zlib, DEFLATERAW);
const InflateRaw = defineClass('InflateRaw', Zlib, INFLATERAW);
const Unzip = defineClass('Unzip', Zlib, UNZIP);
const BrotliCompress = defineClass('BrotliCompress', Brotli, BROTLI_ENCODE);
const BrotliDecompress = defineClass('BrotliDecompress', Brotli,
                                     BROTLI_DECODE);

// --- one-shot forms ---------------------------------------------------------

function oneShotSync(engine, buffer) {
  const bytes = inputBytes(buffer);
  const result = engine._processChunk(bytes, engine._finishFlushFlag);
  closeHandle(engine);
  return engine._info ? { buffer: result, engine } : result;
}

// The callback form drives the native stream directly (no stream events).
function oneShot(engine, buffer, done) {
  validateFunction(done, 'callback');
  const bytes = inputBytes(buffer, true);
  const finish = (err, result) => {
    closeHandle(engine);
    process.nextTick(done, err, result);
  };
  const into = new Collector(engine._chunkSize, engine._maxOutputLength);
  startStep(engine, {
    input: bytes, inOffset: 0, inLength: bytes.byteLength,
    flush: engine._finishFlushFlag, collector: into,
    onError: (err) => finish(err),
    done() {
      const result = into.result();
      finish(null, engine._info ? { buffer: result, engine } : result);
    },
  });
}

const kOneShots = [
  ['deflate', Deflate], ['gzip', Gzip], ['deflateRaw', DeflateRaw],
  ['unzip', Unzip], ['inflate', Inflate], ['gunzip', Gunzip],
  ['inflateRaw', InflateRaw], ['brotliCompress', BrotliCompress],
  ['brotliDecompress', BrotliDecompress],
];

function crc32(data, initial = 0) {
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  if (!ArrayBuffer.isView(bytes)) {
    throw new ERR_INVALID_ARG_TYPE('data',
      ['string', 'Buffer', 'TypedArray', 'DataView'], data);
  }
  validateUint32(initial, 'value');
  return binding.crc32(bytes, initial);
}

module.exports = {
  crc32,
  Deflate, Inflate, Gzip, Gunzip, DeflateRaw, InflateRaw, Unzip,
  BrotliCompress, BrotliDecompress,
};

for (const [name, Class] of kOneShots) {
  const async = {
    [name](buffer, options, callback) {
      if (typeof options === 'function') {
        oneShot(new Class({}), buffer, options);
      } else {
        oneShot(new Class(options), buffer, callback);
      }
    },
  }[name];
  const sync = {
    [`${name}Sync`](buffer, opts) {
      return oneShotSync(new Class(opts), buffer);
    },
  }[`${name}Sync`];
  module.exports[name] = async;
  module.exports[`${name}Sync`] = sync;
}

for (const Class of [Deflate, Inflate, DeflateRaw, InflateRaw, Gzip, Gunzip,
  Unzip, BrotliCompress, BrotliDecompress]) {
  const create = `create${Class.name}`;
  module.exports[create] = {
    [create](opts) { return new Class(opts); },
  }[create];
}

Object.defineProperty(module.exports, 'constants', {
  value: constants, enumerable: true, configurable: false, writable: false,
});
Object.defineProperty(module.exports, 'codes', {
  value: codes, enumerable: true, configurable: false, writable: false,
});
// The legacy top-level Z_* names (and the mode numbers): hidden, fixed.
for (const name of Object.keys(constants)) {
  if (name.startsWith('BROTLI_')) continue;
  Object.defineProperty(module.exports, name, {
    value: constants[name], enumerable: false, writable: false,
    configurable: false,
  });
}

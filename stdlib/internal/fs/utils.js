'use strict';
// Shared pieces of node:fs and fs/promises: argument checks and conversions
// (paths, flags, modes, positions, times), the system errors, and the calls
// into the fs binding in their blocking, callback and promise forms.

const asyncContext = require('../async_hooks/context');
const { codes, uvException, SystemError } = require('../errors');
const {
  validateInteger,
  validateInt32,
  validateFunction,
  validateObject,
  validateBoolean,
  parseFileMode,
} = require('../validators');

const types = require('../util/types');

let fsBinding;
// The binding is looked up on first use: nothing here runs at snapshot time.
function binding() {
  if (fsBinding === undefined) fsBinding = internalBinding('fs');
  return fsBinding;
}

// The numbers of fs.constants, as the binding lists them.
let constantsObject;
function constants() {
  if (constantsObject === undefined) {
    const b = binding();
    constantsObject = { __proto__: null };
    for (const key of Object.keys(b)) {
      if (typeof b[key] === 'number') constantsObject[key] = b[key];
    }
    Object.freeze(constantsObject);
  }
  return constantsObject;
}

// Paths ---------------------------------------------------------------------

const kPathTypes = ['string', 'Buffer', 'URL'];

const isUint8Array = types.isUint8Array;

// A file: URL's path, decoded. url.fileURLToPath does this once node:url is
// in the stdlib; until then the rules of Node 20 on Linux are applied here.
function urlToPath(url) {
  if (url.protocol !== 'file:') throw new codes.ERR_INVALID_URL_SCHEME('file');
  if (url.hostname !== '' && url.hostname !== undefined) {
    throw new codes.ERR_INVALID_FILE_URL_HOST('linux');
  }
  const raw = url.pathname;
  if (/%2f/i.test(raw)) {
    throw new codes.ERR_INVALID_FILE_URL_PATH('must not include encoded / characters');
  }
  return decodeURIComponent(raw);
}

function looksLikeUrl(value) {
  return value !== null && typeof value === 'object' &&
    typeof value.href === 'string' && typeof value.protocol === 'string' &&
    value.auth === undefined && value.path === undefined;
}

// Accepts a string, a Uint8Array or a file: URL and returns a string or a
// Uint8Array for the binding. Rejects NUL bytes as Node does.
function toPath(value, name = 'path') {
  let path = value;
  if (looksLikeUrl(path)) path = urlToPath(path);
  const isText = typeof path === 'string';
  if (!isText && !isUint8Array(path)) {
    throw new codes.ERR_INVALID_ARG_TYPE(name, kPathTypes, value);
  }
  const hasNul = isText ? path.includes('\u0000') : path.includes(0);
  if (hasNul) {
    throw new codes.ERR_INVALID_ARG_VALUE(name, path,
      'must be a string, Uint8Array, or URL without null bytes');
  }
  return path;
}

// The path as text, for error messages and path arithmetic.
function pathText(path) {
  if (typeof path === 'string') return path;
  return Buffer.from(path.buffer, path.byteOffset, path.byteLength).toString();
}

// Open flags ----------------------------------------------------------------

// Node's flag strings and the O_* bits they stand for.
const kFlagBits = {
  __proto__: null,
  'r': ['O_RDONLY'],
  'rs': ['O_RDONLY', 'O_SYNC'],
  'sr': ['O_RDONLY', 'O_SYNC'],
  'r+': ['O_RDWR'],
  'rs+': ['O_RDWR', 'O_SYNC'],
  'sr+': ['O_RDWR', 'O_SYNC'],
  'w': ['O_TRUNC', 'O_CREAT', 'O_WRONLY'],
  'wx': ['O_TRUNC', 'O_CREAT', 'O_WRONLY', 'O_EXCL'],
  'xw': ['O_TRUNC', 'O_CREAT', 'O_WRONLY', 'O_EXCL'],
  'w+': ['O_TRUNC', 'O_CREAT', 'O_RDWR'],
  'wx+': ['O_TRUNC', 'O_CREAT', 'O_RDWR', 'O_EXCL'],
  'xw+': ['O_TRUNC', 'O_CREAT', 'O_RDWR', 'O_EXCL'],
  'a': ['O_APPEND', 'O_CREAT', 'O_WRONLY'],
  'ax': ['O_APPEND', 'O_CREAT', 'O_WRONLY', 'O_EXCL'],
  'xa': ['O_APPEND', 'O_CREAT', 'O_WRONLY', 'O_EXCL'],
  'as': ['O_APPEND', 'O_CREAT', 'O_WRONLY', 'O_SYNC'],
  'sa': ['O_APPEND', 'O_CREAT', 'O_WRONLY', 'O_SYNC'],
  'a+': ['O_APPEND', 'O_CREAT', 'O_RDWR'],
  'ax+': ['O_APPEND', 'O_CREAT', 'O_RDWR', 'O_EXCL'],
  'xa+': ['O_APPEND', 'O_CREAT', 'O_RDWR', 'O_EXCL'],
  'as+': ['O_APPEND', 'O_CREAT', 'O_RDWR', 'O_SYNC'],
  'sa+': ['O_APPEND', 'O_CREAT', 'O_RDWR', 'O_SYNC'],
};

// Flags as a number: a number is used as given, a string looked up, and
// null/undefined means 'r'.
function toFlags(flags, fallback = 'r') {
  if (typeof flags === 'number') {
    validateInt32(flags, 'flags');
    return flags;
  }
  const name = flags == null ? fallback : flags;
  const bits = typeof name === 'string' ? kFlagBits[name] : undefined;
  if (bits === undefined) throw new codes.ERR_INVALID_ARG_VALUE('flags', flags);
  const c = constants();
  return bits.reduce((sum, key) => sum | c[key], 0);
}

// Numbers -------------------------------------------------------------------

// Node's fd check prints the received value with String(), bigints too.
function checkFd(fd) {
  if (typeof fd === 'bigint') {
    const err = new codes.ERR_INVALID_ARG_TYPE('fd', 'number', fd);
    err.message = `The "fd" argument must be of type number. Received type bigint (${fd})`;
    throw err;
  }
  if (Number.isInteger(fd) && (fd < 0 || fd > 2 ** 31 - 1)) {
    const err = new codes.ERR_OUT_OF_RANGE('fd', '>= 0 && <= 2147483647', fd);
    err.message = 'The value of "fd" is out of range. It must be >= 0 && ' +
      `<= 2147483647. Received ${fd}`;
    throw err;
  }
  validateInt32(fd, 'fd', 0);
  return fd;
}

const toMode = parseFileMode;

// fs/promises' FileHandle carries this brand, so that the streams and
// watchers can recognise one without requiring fs/promises (no cycle).
const kFileHandle = Symbol('kFileHandle');

function isFileHandle(value) {
  return value !== null && typeof value === 'object' && value[kFileHandle] === true;
}

// A read/write position: null or undefined (and -1) mean "current".
function toPosition(position) {
  if (position == null) return -1;
  if (typeof position === 'bigint') {
    if (position < -(2n ** 63n) || position > 2n ** 63n - 1n) {
      throw new codes.ERR_OUT_OF_RANGE('position',
        '>= -9223372036854775808 && <= 9223372036854775807', position);
    }
    return Number(position);
  }
  if (typeof position !== 'number') {
    throw new codes.ERR_INVALID_ARG_TYPE('position', ['bigint', 'integer'], position);
  }
  validateInteger(position, 'position', -1);
  return position;
}

// Seconds since the epoch from a Date, a number or a numeric string.
function toSeconds(time, name = 'time') {
  if (typeof time === 'number') return time;
  if (typeof time === 'string' && Number.isFinite(+time)) return +time;
  if (time instanceof Date) return time.getTime() / 1000;
  throw new codes.ERR_INVALID_ARG_TYPE(name, ['Date', 'Time in seconds'], time);
}

function isArrayBufferView(value) {
  return ArrayBuffer.isView(value);
}

// A Uint8Array over any ArrayBufferView's bytes.
function asBytes(view) {
  if (isUint8Array(view)) return view;
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

// Options -------------------------------------------------------------------

// A string option is the encoding; null/undefined take the defaults.
function readOptions(options, defaults) {
  if (options == null) return { ...defaults };
  switch (typeof options) {
    case 'string':
      checkEncoding(options);
      return { ...defaults, encoding: options };
    case 'object':
      break;
    default:
      throw new codes.ERR_INVALID_ARG_TYPE('options', ['string', 'Object'],
        options);
  }
  const out = { ...defaults, ...options };
  checkEncoding(out.encoding);
  return out;
}

function checkEncoding(encoding) {
  if (encoding == null || encoding === 'buffer') return;
  if (!Buffer.isEncoding(encoding)) {
    throw new codes.ERR_INVALID_ARG_VALUE('encoding', encoding, 'is invalid encoding');
  }
}

// Whether names from the binding should come as bytes: every encoding but
// UTF-8 decodes the name's own bytes, which need not be UTF-8 at all.
function wantsBytes(encoding) {
  return !(encoding == null || encoding === 'utf8' || encoding === 'utf-8');
}

// A name or path from the binding (a string, or a Uint8Array when
// wantsBytes said so) in the caller's encoding (a Buffer for 'buffer').
function encodeResult(value, encoding) {
  if (typeof value === 'string') {
    if (!wantsBytes(encoding)) return value;
    const bytes = Buffer.from(value);
    return encoding === 'buffer' ? bytes : bytes.toString(encoding);
  }
  const bytes = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  if (encoding === 'buffer') return bytes;
  return bytes.toString(encoding == null ? 'utf8' : encoding);
}

function checkCallback(cb) {
  validateFunction(cb, 'cb');
  return cb;
}

// Errors ----------------------------------------------------------------------

// A system error for a failed binding call: errno is libuv's (negative).
function systemError(errno, syscall, path, dest) {
  const ctx = { errno, syscall };
  if (path !== undefined) ctx.path = pathText(path);
  if (dest !== undefined) ctx.dest = pathText(dest);
  return uvException(ctx);
}

// Node's ERR_FS_EISDIR and friends: SystemErrors with positive errno.
function fsSystemError(code, name, message, errno, syscall, path) {
  return new SystemError(code, { code: name, message, path, syscall, errno });
}

// Calling the binding ---------------------------------------------------------

// Runs `<op>Sync` and throws the system error on failure. `where` is
// [syscall, path, dest].
// The blocking binding functions by operation name, looked up once: a
// name built per call would be hashed at every stat of a directory walk.
const syncFunctions = { __proto__: null };

function callSync(op, args, syscall, path, dest) {
  let fn = syncFunctions[op];
  if (fn === undefined) fn = syncFunctions[op] = binding()[`${op}Sync`];
  const result = fn(...args);
  if (typeof result === 'number' && result < 0) {
    const err = systemError(result, syscall, path, dest);
    Error.captureStackTrace(err, callSync);
    throw err;
  }
  return result;
}

// Starts `<op>` on the thread pool and calls done(err, result) later, never
// before this returns.
function callAsync(op, args, syscall, path, dest, done) {
  const finish = asyncContext.bind((errno, result) => {
    if (errno < 0) done(systemError(errno, syscall, path, dest));
    else done(null, result);
  }, 'FSREQCALLBACK');
  const started = binding()[op](...args, finish);
  if (started < 0) process.nextTick(finish, started);
}

module.exports = {
  asBytes,
  binding,
  callAsync,
  callSync,
  checkCallback,
  checkEncoding,
  checkFd,
  constants,
  encodeResult,
  wantsBytes,
  kFileHandle,
  fsSystemError,
  isArrayBufferView,
  isFileHandle,
  isUint8Array,
  pathText,
  readOptions,
  systemError,
  toFlags,
  toMode,
  toPath,
  toPosition,
  toSeconds,
  validateBoolean,
  validateInteger,
  validateObject,
};

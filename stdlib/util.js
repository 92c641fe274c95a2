// node:util: the public facade over inspect, formatting, promisify/callbackify, deprecate, debuglog and type checks.
'use strict';

const errors = require('./internal/errors');
// The formatting half of util is inspect.js's own API, re-exported as is.
const inspectApi = require('./internal/util/inspect');
const { isDeepStrictEqual } = require('./internal/util/comparisons');
const {
  callbackify,
  deprecate,
  inherits,
  promisify,
  toUSVString,
} = require('./internal/util/common');
const { debuglog } = require('./internal/util/debuglog');
const { parseEnv } = require('./internal/util/parse_env');
const types = require('./internal/util/types');
const {
  validateBoolean,
  validateNumber,
  validateString,
} = require('./internal/validators');

const { codes } = errors;
const { format, inspect } = inspectApi;

// --- Legacy type predicates (deprecated in Node, still exported) ----------

const legacyChecks = {
  isBoolean: (value) => typeof value === 'boolean',
  isNull: (value) => value === null,
  isNullOrUndefined: (value) => value === undefined || value === null,
  isNumber: (value) => typeof value === 'number',
  isString: (value) => typeof value === 'string',
  isSymbol: (value) => typeof value === 'symbol',
  isUndefined: (value) => value === undefined,
  isObject: (value) => typeof value === 'object' && value !== null,
  isFunction: (value) => typeof value === 'function',
  isPrimitive: (value) => value === null ||
    (typeof value !== 'function' && typeof value !== 'object'),
  isRegExp: (value) => types.isRegExp(value),
  isDate: (value) => types.isDate(value),
  isError: (value) => value instanceof Error || types.isNativeError(value),
  // Buffer is not a builtin of this runtime yet; it is found when present.
  isBuffer(value) {
    const { Buffer } = globalThis;
    return Buffer !== undefined && typeof Buffer.isBuffer === 'function' &&
      Buffer.isBuffer(value);
  },
};

// --- util.log -------------------------------------------------------------

const kMonthNames = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');

// "26 Feb 16:19:34": day, month name and local time, read when logging.
function logTimestamp() {
  const now = new Date();
  const clock = [now.getHours(), now.getMinutes(), now.getSeconds()]
    .map((part) => String(part).padStart(2, '0'))
    .join(':');
  return `${now.getDate()} ${kMonthNames[now.getMonth()]} ${clock}`;
}

function log(...args) {
  console.log('%s - %s', logTimestamp(), format(...args));
}

// Copies the own enumerable properties of an object source onto target;
// any other source leaves target as it was.
function _extend(target, source) {
  const copyable = typeof source === 'object' && source !== null;
  const keys = copyable ? Object.keys(source) : [];
  for (const key of keys) target[key] = source[key];
  return target;
}

// --- System errors --------------------------------------------------------

// System error numbers are negative integers; the argument is named "err".
function checkErrno(errno) {
  validateNumber(errno, 'err');
  if (!(errno < 0 && Number.isSafeInteger(errno))) {
    throw new codes.ERR_OUT_OF_RANGE('err', 'a negative integer', errno);
  }
}

function getSystemErrorName(errno) {
  checkErrno(errno);
  return errors.getSystemErrorName(errno);
}

function getSystemErrorMessage(errno) {
  checkErrno(errno);
  return errors.getSystemErrorMessage(errno);
}

// Every libuv error: errno -> [name, message], in libuv's order.
function getSystemErrorMap() {
  // eslint-disable-next-line no-undef
  const rows = internalBinding('uv').getErrorMap();
  return new Map(rows.map(([errno, name, message]) => [errno, [name, message]]));
}

// --- styleText ------------------------------------------------------------

// Colour decisions for a stream, as console's colorMode 'auto' makes them.
function streamHasColors(stream) {
  const env = globalThis.process ? globalThis.process.env : undefined;
  const forced = env ? env.FORCE_COLOR : undefined;
  if (forced !== undefined) return forced !== '0' && forced !== 'false';
  if (!stream || !stream.isTTY) return false;
  return typeof stream.getColorDepth !== 'function' ||
    stream.getColorDepth() > 2;
}

// This runtime has no Stream classes; anything that can be written to or
// piped from passes for one.
function isStreamLike(value) {
  return value !== null && typeof value === 'object' &&
    (typeof value.write === 'function' || typeof value.pipe === 'function');
}

function escapesFor(name) {
  const pair = inspect.colors[name];
  if (pair === undefined) {
    const allowed = Object.keys(inspect.colors).map((key) => `'${key}'`);
    throw new codes.ERR_INVALID_ARG_VALUE('format', name,
                                          `must be one of: ${allowed.join(', ')}`);
  }
  return pair;
}

// Wraps text in the escape codes of one format name or a list of them; the
// closing codes come in reverse order. Node 20 leaves a single format out
// when the target stream (stdout by default) shows no colours; a list is
// always applied.
function styleText(format, text, { validateStream = true, stream } = {}) {
  validateString(text, 'text');
  validateBoolean(validateStream, 'options.validateStream');
  let target = stream;
  if (validateStream) {
    if (target === undefined) target = globalThis.process.stdout;
    if (!isStreamLike(target)) {
      throw new codes.ERR_INVALID_ARG_TYPE(
        'stream', ['ReadableStream', 'WritableStream', 'Stream'], target);
    }
  }

  if (!Array.isArray(format)) {
    const [open, close] = escapesFor(format);
    if (validateStream && !streamHasColors(target)) return text;
    return `\u001b[${open}m${text}\u001b[${close}m`;
  }
  let opening = '';
  let closing = '';
  for (const name of format) {
    const [open, close] = escapesFor(name);
    opening += `\u001b[${open}m`;
    closing = `\u001b[${close}m${closing}`;
  }
  return opening + text + closing;
}

// --- aborted --------------------------------------------------------------

// Resolves once the signal aborts (at once if it already has).
function aborted(signal, resource) {
  if (signal === null || typeof signal !== 'object' || !('aborted' in signal)) {
    throw new codes.ERR_INVALID_ARG_TYPE('signal', 'AbortSignal', signal);
  }
  if (resource === null ||
      (typeof resource !== 'object' && typeof resource !== 'function')) {
    throw new codes.ERR_INVALID_ARG_TYPE('resource', 'Object', resource);
  }
  if (signal.aborted) return Promise.resolve();
  let settle;
  const whenAborted = new Promise((done) => { settle = done; });
  signal.addEventListener('abort', () => settle(), { once: true });
  return whenAborted;
}

// --- Transferable abort signals ---------------------------------------------

// Node hands back a new signal in the state the given one has now (aborted
// with its reason, or not yet), which is what this does; there is no
// MessagePort yet to move it through.
function transferableAbortSignal(signal) {
  const { AbortController, AbortSignal } = globalThis;
  if (signal === null || typeof signal !== 'object' ||
      !(signal instanceof AbortSignal)) {
    throw new codes.ERR_INVALID_ARG_TYPE('signal', 'AbortSignal', signal);
  }
  if (signal.aborted) return AbortSignal.abort(signal.reason);
  return new AbortController().signal;
}

function transferableAbortController() {
  return new globalThis.AbortController();
}

module.exports = {
  _errnoException: errors.errnoException,
  _exceptionWithHostPort: errors.exceptionWithHostPort,
  _extend,
  aborted,
  callbackify,
  debug: debuglog,
  debuglog,
  deprecate,
  format: inspectApi.format,
  formatWithOptions: inspectApi.formatWithOptions,
  getSystemErrorMap,
  getSystemErrorMessage,
  getSystemErrorName,
  inherits,
  inspect,
  isArray: Array.isArray,
  isDeepStrictEqual,
  ...legacyChecks,
  log,
  parseEnv,
  promisify,
  stripVTControlCharacters: inspectApi.stripVTControlCharacters,
  styleText,
  toUSVString,
  types,
};

// As in Node, these are accessors that load their module on first use (the
// snapshot then holds none of their objects); assigning one replaces it
// with a plain value.
function named(fn, name) {
  return Object.defineProperty(fn, 'name', { value: name });
}

function defineLazy(name, load, settable = true) {
  const replace = (value) => {
    Object.defineProperty(module.exports, name, {
      value, writable: true, enumerable: true, configurable: true,
    });
  };
  Object.defineProperty(module.exports, name, {
    get: named(() => load()[name], `get ${name}`),
    set: settable ? named(replace, `set ${name}`) : undefined,
    enumerable: true,
    configurable: true,
  });
}
for (const name of ['MIMEParams', 'MIMEType']) {
  defineLazy(name, () => require('./internal/util/mime'));
}
defineLazy('parseArgs', () => require('./internal/util/parse_args'));
for (const name of ['TextDecoder', 'TextEncoder']) {
  defineLazy(name, () => require('./internal/encoding'));
}
const transferable = { transferableAbortController, transferableAbortSignal };
for (const name of Object.keys(transferable)) {
  defineLazy(name, () => transferable, false);
}



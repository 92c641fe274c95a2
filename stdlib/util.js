// node:util: formatting, inspection, promisify/callbackify, deprecate, debuglog and type checks.
'use strict';

const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_OUT_OF_RANGE },
  getSystemErrorName: systemErrorName,
  getSystemErrorMessage: systemErrorMessage,
  errnoException,
  exceptionWithHostPort,
} = require('./internal/errors');
const {
  format,
  formatWithOptions,
  inspect,
  stripVTControlCharacters,
} = require('./internal/util/inspect');
const { isDeepStrictEqual } = require('./internal/util/comparisons');
const {
  callbackify,
  deprecate,
  inherits,
  promisify,
  toUSVString,
} = require('./internal/util/common');
const { debuglog } = require('./internal/util/debuglog');
const types = require('./internal/util/types');
const { validateNumber, validateString } = require('./internal/validators');

function isBoolean(arg) {
  return typeof arg === 'boolean';
}

function isBuffer(arg) {
  const B = globalThis.Buffer;
  return B !== undefined && typeof B.isBuffer === 'function' ? B.isBuffer(arg) : false;
}

function isNull(arg) {
  return arg === null;
}

function isNullOrUndefined(arg) {
  return arg === null || arg === undefined;
}

function isNumber(arg) {
  return typeof arg === 'number';
}

function isString(arg) {
  return typeof arg === 'string';
}

function isSymbol(arg) {
  return typeof arg === 'symbol';
}

function isUndefined(arg) {
  return arg === undefined;
}

function isRegExp(arg) {
  return types.isRegExp(arg);
}

function isObject(arg) {
  return arg !== null && typeof arg === 'object';
}

function isDate(arg) {
  return types.isDate(arg);
}

function isError(e) {
  return types.isNativeError(e) || e instanceof Error;
}

function isFunction(arg) {
  return typeof arg === 'function';
}

function isPrimitive(arg) {
  return arg === null ||
         (typeof arg !== 'object' && typeof arg !== 'function');
}

function pad(n) {
  return `${n}`.padStart(2, '0');
}

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep',
  'Oct', 'Nov', 'Dec'];

function timestamp() {
  const d = new Date();
  const t = [
    pad(d.getHours()),
    pad(d.getMinutes()),
    pad(d.getSeconds()),
  ].join(':');
  return `${d.getDate()} ${months[d.getMonth()]} ${t}`;
}

// Prints "26 Feb 16:19:34 - message" to stdout.
function log(...args) {
  console.log('%s - %s', timestamp(), format(...args));
}

function _extend(target, source) {
  if (source === null || typeof source !== 'object') return target;
  const keys = Object.keys(source);
  let i = keys.length;
  while (i--) {
    target[keys[i]] = source[keys[i]];
  }
  return target;
}

function getSystemErrorName(err) {
  validateNumber(err, 'err');
  if (err >= 0 || !Number.isSafeInteger(err)) {
    throw new ERR_OUT_OF_RANGE('err', 'a negative integer', err);
  }
  return systemErrorName(err);
}

function getSystemErrorMessage(err) {
  validateNumber(err, 'err');
  if (err >= 0 || !Number.isSafeInteger(err)) {
    throw new ERR_OUT_OF_RANGE('err', 'a negative integer', err);
  }
  return systemErrorMessage(err);
}

// Wraps text in the ANSI codes of one or more inspect.colors names.
function styleText(formatName, text) {
  validateString(text, 'text');
  const formats = Array.isArray(formatName) ? formatName : [formatName];
  let left = '';
  let right = '';
  for (const key of formats) {
    const code = inspect.colors[key];
    if (code === undefined) {
      const { codes } = require('./internal/errors');
      throw new codes.ERR_INVALID_ARG_VALUE('format', key,
        `must be one of: ${Object.keys(inspect.colors).join(', ')}`);
    }
    left += `\u001b[${code[0]}m`;
    right = `\u001b[${code[1]}m${right}`;
  }
  return `${left}${text}${right}`;
}

function aborted(signal, resource) {
  if (signal === undefined || signal === null || typeof signal !== 'object' ||
      !('aborted' in signal)) {
    throw new ERR_INVALID_ARG_TYPE('signal', 'AbortSignal', signal);
  }
  if (resource === null ||
      (typeof resource !== 'object' && typeof resource !== 'function')) {
    throw new ERR_INVALID_ARG_TYPE('resource', 'Object', resource);
  }
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

module.exports = {
  _errnoException: errnoException,
  _exceptionWithHostPort: exceptionWithHostPort,
  _extend,
  aborted,
  callbackify,
  debug: debuglog,
  debuglog,
  deprecate,
  format,
  formatWithOptions,
  getSystemErrorMessage,
  getSystemErrorName,
  inherits,
  inspect,
  isArray: Array.isArray,
  isBoolean,
  isBuffer,
  isDeepStrictEqual,
  isNull,
  isNullOrUndefined,
  isNumber,
  isString,
  isSymbol,
  isUndefined,
  isRegExp,
  isObject,
  isDate,
  isError,
  isFunction,
  isPrimitive,
  log,
  promisify,
  stripVTControlCharacters,
  styleText,
  toUSVString,
  types,
};

// The Web encoding classes are globals installed by other modules; they are
// looked up when used, not when this module loads.
for (const name of ['TextEncoder', 'TextDecoder']) {
  Object.defineProperty(module.exports, name, {
    get() {
      return globalThis[name];
    },
    enumerable: true,
    configurable: true,
  });
}

// Argument checks shared by the stdlib, throwing the ERR_* errors Node's public APIs throw.
'use strict';

const { captureCallSite, codes } = require('./errors');

const {
  ERR_INVALID_ARG_TYPE,
  ERR_INVALID_ARG_VALUE,
  ERR_OUT_OF_RANGE,
  ERR_SOCKET_BAD_PORT,
  ERR_UNKNOWN_SIGNAL,
} = codes;

// Every check throws through `reject`, so the stack starts at the public API
// that called the check (as in Node), not inside this file.
function reject(check, err) {
  throw captureCallSite(err, check);
}

// Linux signal numbers with their aliases, in os.constants.signals order.
const signals = { __proto__: null };
for (const entry of ('HUP:1 INT:2 QUIT:3 ILL:4 TRAP:5 ABRT:6 IOT:6 BUS:7 FPE:8 ' +
    'KILL:9 USR1:10 SEGV:11 USR2:12 PIPE:13 ALRM:14 TERM:15 CHLD:17 STKFLT:16 ' +
    'CONT:18 STOP:19 TSTP:20 TTIN:21 TTOU:22 URG:23 XCPU:24 XFSZ:25 VTALRM:26 ' +
    'PROF:27 WINCH:28 IO:29 POLL:29 PWR:30 SYS:31').split(' ')) {
  const [short, number] = entry.split(':');
  signals[`SIG${short}`] = Number(number);
}

// Bits of validateObject's third argument (exported as kValidateObject*).
const kObjectFlags = { none: 0, nullable: 1, array: 2, fn: 4 };

function isInt32(value) {
  return (value | 0) === value;
}

function isUint32(value) {
  return (value >>> 0) === value;
}

// Checks that only look at the value's type share one shape: a predicate and
// the type ERR_INVALID_ARG_TYPE names when it fails.
function typeCheck(expected, accepts, defaultName) {
  const check = (value, name = defaultName) => {
    if (!accepts(value)) reject(check, new ERR_INVALID_ARG_TYPE(name, expected, value));
  };
  return check;
}

const isString = (v) => typeof v === 'string';
const isBoolean = (v) => typeof v === 'boolean';
const isAsyncFunction = (fn) =>
  Object.prototype.toString.call(fn) === '[object AsyncFunction]';

const validateString = typeCheck('string', isString);
const validateBoolean = typeCheck('boolean', isBoolean);
const validateFunction = typeCheck('Function', (v) => typeof v === 'function');
const validatePlainFunction = typeCheck('Function',
  (v) => typeof v === 'function' && !isAsyncFunction(v));
const validateUndefined = typeCheck('undefined', (v) => v === undefined);
// Anything the "in" operator can be used on, or nothing at all.
const validateDictionary = typeCheck('a dictionary',
  (v) => v === null || v === undefined || typeof v === 'object' || typeof v === 'function');
// Duck-typed: our runtime may get signals that are not AbortSignal instances.
const validateAbortSignal = typeCheck('AbortSignal',
  (v) => v === undefined || (v !== null && typeof v === 'object' && 'aborted' in v));
const validateBuffer = typeCheck(['Buffer', 'TypedArray', 'DataView'],
  (v) => ArrayBuffer.isView(v), 'buffer');

// An array whose items all pass `accepts`; a bad item is named "name[i]".
function arrayOf(expected, accepts) {
  const check = (value, name) => {
    if (!Array.isArray(value)) {
      reject(check, new ERR_INVALID_ARG_TYPE(name, 'Array', value));
    }
    const bad = value.findIndex((item) => !accepts(item));
    if (bad !== -1) {
      reject(check, new ERR_INVALID_ARG_TYPE(`${name}[${bad}]`, expected, value[bad]));
    }
  };
  return check;
}

const validateStringArray = arrayOf('string', isString);
const validateBooleanArray = arrayOf('boolean', isBoolean);

// What is wrong with an integer argument, if anything: its type, then its
// integrality, then the [min, max] range.
function integerProblem(value, name, min, max) {
  if (typeof value !== 'number') return new ERR_INVALID_ARG_TYPE(name, 'number', value);
  if (!Number.isInteger(value)) return new ERR_OUT_OF_RANGE(name, 'an integer', value);
  if (value >= min && value <= max) return undefined;
  return new ERR_OUT_OF_RANGE(name, `>= ${min} && <= ${max}`, value);
}

function validateInteger(value, name, min = Number.MIN_SAFE_INTEGER,
                         max = Number.MAX_SAFE_INTEGER) {
  const problem = integerProblem(value, name, min, max);
  if (problem) reject(validateInteger, problem);
}

function validateInt32(value, name, min = -(2 ** 31), max = 2 ** 31 - 1) {
  const problem = integerProblem(value, name, min, max);
  if (problem) reject(validateInt32, problem);
}

function validateUint32(value, name, positive = false) {
  const problem = integerProblem(value, name, positive ? 1 : 0, 2 ** 32 - 1);
  if (problem) reject(validateUint32, problem);
}

// Any number, within the bounds that are given (NaN fails once one is).
function validateNumber(value, name, min = undefined, max = undefined) {
  if (typeof value !== 'number') reject(validateNumber, new ERR_INVALID_ARG_TYPE(name, 'number', value));
  const hasMin = min !== null && min !== undefined;
  const hasMax = max !== null && max !== undefined;
  if (!hasMin && !hasMax) return;
  if ((hasMin && value < min) || (hasMax && value > max) || Number.isNaN(value)) {
    // The text only for a failure: Buffer's size check passes here on every
    // allocation, and a bound such as kMaxLength is a double whose text V8
    // would make anew each time.
    const bounds = [];
    if (hasMin) bounds.push(`>= ${min}`);
    if (hasMax) bounds.push(`<= ${max}`);
    reject(validateNumber, new ERR_OUT_OF_RANGE(name, bounds.join(' && '), value));
  }
}

// `options` is a mask of kValidateObject* flags, or the older object form
// { nullable, allowArray, allowFunction }.
function objectFlags(options) {
  if (options === null || options === undefined) return kObjectFlags.none;
  if (typeof options !== 'object') return options;
  return (options.nullable ? kObjectFlags.nullable : 0) |
    (options.allowArray ? kObjectFlags.array : 0) |
    (options.allowFunction ? kObjectFlags.fn : 0);
}

function validateObject(value, name, options = kObjectFlags.none) {
  const flags = objectFlags(options);
  let ok;
  if (value === null) {
    ok = (flags & kObjectFlags.nullable) !== 0;
  } else if (Array.isArray(value)) {
    ok = (flags & kObjectFlags.array) !== 0;
  } else if (typeof value === 'function') {
    ok = (flags & kObjectFlags.fn) !== 0;
  } else {
    ok = typeof value === 'object';
  }
  if (!ok) reject(validateObject, new ERR_INVALID_ARG_TYPE(name, 'Object', value));
}

function validateArray(value, name, minLength = 0) {
  if (!Array.isArray(value)) {
    reject(validateArray, new ERR_INVALID_ARG_TYPE(name, 'Array', value));
  }
  if (value.length >= minLength) return;
  reject(validateArray, new ERR_INVALID_ARG_VALUE(name, value, `must be longer than ${minLength}`));
}

// Lists the allowed values the way Node's messages do: 'a', 1, true.
function showChoices(choices) {
  return choices.map((c) => (typeof c === 'string' ? `'${c}'` : String(c))).join(', ');
}

function validateOneOf(value, name, oneOf) {
  if (oneOf.includes(value)) return;
  reject(validateOneOf, new ERR_INVALID_ARG_VALUE(name, value,
    `must be one of: ${showChoices(oneOf)}`));
}

function validateUnion(value, name, members) {
  if (members.includes(value)) return;
  reject(validateUnion, new ERR_INVALID_ARG_TYPE(name, `('${members.join('|')}')`, value));
}

function validateSignalName(signal, name = 'signal') {
  if (typeof signal !== 'string') {
    reject(validateSignalName, new ERR_INVALID_ARG_TYPE(name, 'string', signal));
  }
  if (signals[signal] !== undefined) return;
  const hint = signals[signal.toUpperCase()] === undefined ? '' :
    ' (signals must use all capital letters)';
  reject(validateSignalName, new ERR_UNKNOWN_SIGNAL(`${signal}${hint}`));
}

// Hex text must have an even length; the other encodings take any length.
function validateEncoding(data, encoding) {
  const isHex = encoding !== null && encoding !== undefined &&
    `${encoding}`.toLowerCase() === 'hex';
  if (isHex && data.length % 2 !== 0) {
    reject(validateEncoding, new ERR_INVALID_ARG_VALUE('encoding', encoding,
      `is invalid for data of length ${data.length}`));
  }
}

// A port given as a number or a numeric string, 0 to 65535 (1 to 65535
// without allowZero). Returns it as a number.
function validatePort(port, name = 'Port', allowZero = true) {
  const kind = typeof port;
  const usable = (kind === 'number' || (kind === 'string' && port.trim() !== '')) &&
    +port === (+port >>> 0) && port <= 0xFFFF && !(port === 0 && !allowZero);
  if (!usable) reject(validatePort, new ERR_SOCKET_BAD_PORT(name, port, allowZero));
  return port | 0;
}

const kOctal = /^[0-7]+$/;

// A file mode as a number or an octal string ('755'); `fallback` stands in for
// null or undefined. Returns the number.
function parseFileMode(value, name, fallback) {
  let mode = value === null || value === undefined ? fallback : value;
  if (typeof mode === 'string') {
    if (!kOctal.test(mode)) {
      reject(parseFileMode, new ERR_INVALID_ARG_VALUE(name, mode,
        'must be a 32-bit unsigned integer or an octal string'));
    }
    mode = Number.parseInt(mode, 8);
  }
  const problem = integerProblem(mode, name, 0, 2 ** 32 - 1);
  if (problem) reject(parseFileMode, problem);
  return mode;
}

module.exports = {
  isInt32,
  isUint32,
  kValidateObjectAllowArray: kObjectFlags.array,
  kValidateObjectAllowFunction: kObjectFlags.fn,
  kValidateObjectAllowNullable: kObjectFlags.nullable,
  kValidateObjectNone: kObjectFlags.none,
  parseFileMode,
  signals,
  validateAbortSignal,
  validateArray,
  validateBoolean,
  validateBooleanArray,
  validateBuffer,
  validateDictionary,
  validateEncoding,
  validateFunction,
  validateInt32,
  validateInteger,
  validateNumber,
  validateObject,
  validateOneOf,
  validatePlainFunction,
  validatePort,
  validateSignalName,
  validateString,
  validateStringArray,
  validateUint32,
  validateUndefined,
  validateUnion,
};

'use strict';
// Odds and ends of node:crypto's key side: generatePrime/checkPrime (+Sync),
// generateKey(Sync) for HMAC and AES secret keys, and the legacy SPKAC
// Certificate class.

const binding = internalBinding('crypto_keys');
const { Buffer } = require('../../buffer');
const { codes } = require('../errors');
const types = require('../util/types');
const {
  validateBoolean, validateFunction, validateInt32, validateInteger,
  validateObject, validateString,
} = require('../validators');
const { createSecretKey, toBuffer } = require('./keys');
const { errorWith } = require('./util');

const kBinaryNames = ['ArrayBuffer', 'TypedArray', 'Buffer', 'DataView'];

// A bigint or bytes as big-endian bytes.
function bigBytes(value, name) {
  if (typeof value === 'bigint') {
    if (value < 0n) throw new codes.ERR_OUT_OF_RANGE(name, '>= 0', value);
    let hex = value.toString(16);
    if (hex.length % 2) hex = `0${hex}`;
    return Buffer.from(hex, 'hex');
  }
  if (types.isArrayBufferView(value) || types.isAnyArrayBuffer(value)) {
    return toBuffer(value);
  }
  throw new codes.ERR_INVALID_ARG_TYPE(name, ['bigint', ...kBinaryNames],
    value);
}

function toBigInt(bytes) {
  return bytes.length === 0 ? 0n : BigInt(`0x${bytes.toString('hex')}`);
}

// Runs `work` now; with a callback its outcome arrives on a later tick.
// `ok` is what the callback gets as its error when there is none (Node
// gives the prime functions undefined, generateKey null).
function now(work, callback, ok) {
  if (callback === undefined) return work();
  let result;
  let failure = ok;
  try {
    result = work();
  } catch (err) {
    failure = err;
  }
  process.nextTick(callback, failure, result);
}

// The async twin of a job maker: (subject[, options], callback), the
// callback checked first.
function callbackForm(makeJob, ok, optionsOptional) {
  return function(subject, options, callback) {
    if (optionsOptional && typeof options === 'function') {
      callback = options;
      options = undefined;
    }
    validateFunction(callback, 'callback');
    now(makeJob(subject, options), callback, ok);
  };
}

const syncForm = (makeJob) => (subject, options) =>
  makeJob(subject, options)();

function primeJob(bits, options = {}) {
  validateInt32(bits, 'size', 1);
  validateObject(options, 'options');
  const flags = {};
  for (const name of ['safe', 'bigint']) {
    flags[name] = options[name] === undefined ? false : options[name];
    validateBoolean(flags[name], `options.${name}`);
  }
  const add = options.add === undefined ? undefined :
    bigBytes(options.add, 'options.add');
  const rem = options.rem === undefined ? undefined :
    bigBytes(options.rem, 'options.rem');
  if (add !== undefined) {
    // OpenSSL needs add to fit in the prime and rem to be below add.
    const modulus = toBigInt(add);
    if (modulus.toString(2).length > bits) {
      throw errorWith(RangeError, 'invalid options.add', 'ERR_OUT_OF_RANGE');
    }
    if (rem !== undefined && toBigInt(rem) >= modulus) {
      throw errorWith(RangeError, 'invalid options.rem', 'ERR_OUT_OF_RANGE');
    }
  }
  return () => {
    const bytes = Buffer.from(binding.generatePrime(bits, flags.safe, add,
      rem));
    if (flags.bigint) return toBigInt(bytes);
    return bytes.buffer.slice(bytes.byteOffset,
      bytes.byteOffset + bytes.length);
  };
}

function primeCheckJob(candidate, options = {}) {
  const bytes = bigBytes(candidate, 'candidate');
  validateObject(options, 'options');
  if (options.checks !== undefined) {
    validateInt32(options.checks, 'options.checks', 0);
  }
  return () => binding.checkPrime(bytes);
}

// The secret key generateKey makes, after checking type and length.
function secretKeyJob(kind, options) {
  validateString(kind, 'type');
  validateObject(options, 'options');
  const bits = options.length;
  if (kind === 'hmac') {
    validateInteger(bits, 'options.length', 8, 2 ** 31 - 1);
  } else if (kind !== 'aes') {
    throw new codes.ERR_INVALID_ARG_VALUE('type', kind,
      'must be a supported key type');
  } else if (![128, 192, 256].includes(bits)) {
    throw new codes.ERR_INVALID_ARG_VALUE('options.length', bits,
      'must be one of: 128, 192, 256');
  }
  const { randomBytes } = require('./random');
  // HMAC keys of a length that is no multiple of 8 are cut to whole bytes.
  return () => createSecretKey(randomBytes(Math.floor(bits / 8)));
}

// Functions made above are anonymous; the exports carry Node's names.
const named = (name, fn) => Object.defineProperty(fn, 'name', { value: name });
const generatePrimeSync = named('generatePrimeSync', syncForm(primeJob));
const generatePrime = named('generatePrime',
  callbackForm(primeJob, undefined, true));
const checkPrimeSync = named('checkPrimeSync', syncForm(primeCheckJob));
const checkPrime = named('checkPrime',
  callbackForm(primeCheckJob, undefined, true));
const generateKeySync = named('generateKeySync', syncForm(secretKeyJob));
const generateKey = named('generateKey',
  callbackForm(secretKeyJob, null, false));

function spkacBytes(spkac, encoding) {
  if (typeof spkac === 'string') return Buffer.from(spkac, encoding);
  if (types.isArrayBufferView(spkac) || types.isAnyArrayBuffer(spkac)) {
    return toBuffer(spkac);
  }
  throw new codes.ERR_INVALID_ARG_TYPE('spkac',
    ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'], spkac);
}

// The SPKAC helpers, as statics and (legacy) as methods of instances.
const spkac = {
  verifySpkac(value, encoding) {
    return binding.spkacVerify(spkacBytes(value, encoding));
  },
  exportChallenge(value, encoding) {
    const out = binding.spkacChallenge(spkacBytes(value, encoding));
    return out === undefined ? '' : Buffer.from(out);
  },
  exportPublicKey(value, encoding) {
    const out = binding.spkacPublicKey(spkacBytes(value, encoding));
    return out === undefined ? '' : Buffer.from(out);
  },
};

function Certificate() {
  if (new.target === undefined) return new Certificate();
}
for (const [name, fn] of Object.entries(spkac)) {
  Certificate[name] = fn;
  Certificate.prototype[name] = fn;
}

module.exports = {
  Certificate,
  checkPrime,
  checkPrimeSync,
  generateKey,
  generateKeySync,
  generatePrime,
  generatePrimeSync,
};

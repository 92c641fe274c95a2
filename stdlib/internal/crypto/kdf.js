'use strict';
// pbkdf2, scrypt and hkdf (with Sync twins): arguments checked here, the derivation on libuv's thread pool.

const { Buffer } = require('../../buffer');
const { codes } = require('../errors');
const {
  validateFunction, validateInt32, validateInteger, validateObject,
  validateString,
} = require('../validators');
const { binding, asBuffer, errorWith, isBytes, secretBytes } = require('./util');

const {
  ERR_CRYPTO_INVALID_DIGEST, ERR_CRYPTO_INVALID_KEYLEN, ERR_INVALID_ARG_TYPE,
  ERR_OUT_OF_RANGE,
} = codes;

const kMaxInt = 2 ** 31 - 1;

// password/salt style inputs: strings (utf8) or any bytes.
function bytesArg(value, name) {
  if (typeof value === 'string') return Buffer.from(value, 'utf8');
  if (isBytes(value)) return value;
  throw new ERR_INVALID_ARG_TYPE(name,
    ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'], value);
}

function pbkdf2Args(password, salt, iterations, keylen, digest) {
  password = bytesArg(password, 'password');
  salt = bytesArg(salt, 'salt');
  validateInt32(iterations, 'iterations', 1);
  validateInt32(keylen, 'keylen', 0);
  validateString(digest, 'digest');
  return [password, salt, iterations, keylen, digest];
}

function pbkdf2Sync(password, salt, iterations, keylen, digest) {
  const args = pbkdf2Args(password, salt, iterations, keylen, digest);
  const out = binding().pbkdf2(...args);
  if (out === undefined) throw new ERR_CRYPTO_INVALID_DIGEST(digest);
  return asBuffer(out);
}

function pbkdf2(password, salt, iterations, keylen, digest, callback) {
  if (typeof digest === 'function') {
    callback = digest;
    digest = undefined;
  }
  const args = pbkdf2Args(password, salt, iterations, keylen, digest);
  validateFunction(callback, 'callback');
  const started = binding().pbkdf2(...args, (err, out) => {
    if (err) callback(err);
    else callback(null, asBuffer(out));
  });
  if (started === undefined) throw new ERR_CRYPTO_INVALID_DIGEST(digest);
}

// N (alias cost), r (blockSize), p (parallelization), maxmem, as Node
// defaults them.
const kScryptDefaults = { N: 16384, r: 8, p: 1, maxmem: 32 << 20 };

function scryptOption(options, name, alias) {
  const a = options[name];
  const b = options[alias];
  if (a !== undefined && b !== undefined) {
    throw new codes.ERR_INCOMPATIBLE_OPTION_PAIR(name, alias);
  }
  const value = a !== undefined ? a : b;
  if (value === undefined) return kScryptDefaults[name];
  validateInt32(value, a !== undefined ? name : alias);
  return value;
}

function scryptArgs(password, salt, keylen, options) {
  password = bytesArg(password, 'password');
  salt = bytesArg(salt, 'salt');
  validateInt32(keylen, 'keylen', 0);
  let { N, r, p, maxmem } = kScryptDefaults;
  if (options !== undefined && options !== null) {
    validateObject(options, 'options');
    N = scryptOption(options, 'N', 'cost');
    r = scryptOption(options, 'r', 'blockSize');
    p = scryptOption(options, 'p', 'parallelization');
    if (options.maxmem !== undefined) {
      maxmem = options.maxmem;
      validateInteger(maxmem, 'maxmem', 0);
    }
    if (maxmem === 0) maxmem = kScryptDefaults.maxmem;
  }
  // N must be a power of two above 1.
  if (N < 2 || (N & (N - 1)) !== 0) {
    throw errorWith(RangeError, 'Invalid scrypt params',
      'ERR_CRYPTO_INVALID_SCRYPT_PARAMS');
  }
  const problem = binding().scryptCheck(N, r, p, maxmem);
  if (problem !== undefined) {
    throw errorWith(RangeError,
      problem === '' ? 'Invalid scrypt params' : `Invalid scrypt params: ${problem}`,
      'ERR_CRYPTO_INVALID_SCRYPT_PARAMS');
  }
  return [password, salt, N, r, p, maxmem, keylen];
}

function scryptSync(password, salt, keylen, options) {
  return asBuffer(binding().scrypt(...scryptArgs(password, salt, keylen,
    options)));
}

function scrypt(password, salt, keylen, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  const args = scryptArgs(password, salt, keylen, options);
  validateFunction(callback, 'callback');
  binding().scrypt(...args, (err, out) => {
    if (err) callback(err);
    else callback(null, asBuffer(out));
  });
}

function hkdfArgs(digest, ikm, salt, info, keylen) {
  validateString(digest, 'digest');
  if (typeof ikm !== 'string' && !isBytes(ikm) &&
      !(ikm !== null && typeof ikm === 'object' && ikm.type === 'secret')) {
    throw new ERR_INVALID_ARG_TYPE('ikm', ['string', 'SecretKeyObject',
      'ArrayBuffer', 'TypedArray', 'DataView', 'Buffer'], ikm);
  }
  const key = secretBytes(ikm, 'ikm');
  salt = bytesArg(salt, 'salt');
  info = bytesArg(info, 'info');
  validateInteger(keylen, 'length', 0, kMaxInt);
  if (info.byteLength > 1024) {
    throw new ERR_OUT_OF_RANGE('info', 'must not contain more than 1024 bytes',
      info.byteLength);
  }
  const size = binding().digestSize(digest);
  if (size < 0) throw new ERR_CRYPTO_INVALID_DIGEST(digest);
  if (keylen > size * 255) throw new ERR_CRYPTO_INVALID_KEYLEN();
  return [digest, key, salt, info, keylen];
}

// hkdf's result is an ArrayBuffer, as in Node.
function hkdfSync(digest, ikm, salt, info, keylen) {
  const out = binding().hkdf(...hkdfArgs(digest, ikm, salt, info, keylen));
  return out.buffer;
}

function hkdf(digest, ikm, salt, info, keylen, callback) {
  const args = hkdfArgs(digest, ikm, salt, info, keylen);
  validateFunction(callback, 'callback');
  binding().hkdf(...args, (err, out) => {
    if (err) callback(err);
    else callback(null, out.buffer);
  });
}

module.exports = {
  hkdf, hkdfSync, pbkdf2, pbkdf2Sync, scrypt, scryptSync,
};

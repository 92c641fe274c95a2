'use strict';
// pbkdf2, scrypt and hkdf with their Sync twins: arguments checked here, the derivation on libuv's thread pool (or now, for Sync).

const { codes } = require('../errors');
const { validateInt32, validateInteger } = require('../validators');
const {
  asBuffer, binding, errorWith, expectObject, expectType, isBytes,
  secretBytes, toBytes,
} = require('./util');

const {
  ERR_CRYPTO_INVALID_DIGEST, ERR_CRYPTO_INVALID_KEYLEN,
  ERR_CRYPTO_SCRYPT_INVALID_PARAMETER, ERR_INVALID_ARG_TYPE, ERR_OUT_OF_RANGE,
} = codes;

// Password- and salt-like inputs: utf8 strings or any bytes.
const binary = (value, name) => toBytes(value, name);

// Each KDF: `check` turns the user's arguments into the binding's, `wrap`
// the binding's Uint8Array into what the user gets. One definition makes
// both the callback and the Sync form.
function defineKdf({ check, run, wrap, arity }) {
  const sync = (...args) => wrap(run(check(...args)));
  const async = (...args) => {
    // The callback comes after `arity` arguments, or earlier when the
    // optional ones before it are left out.
    let callback;
    if (args.length > arity) {
      callback = args[arity];
    } else if (typeof args[args.length - 1] === 'function') {
      callback = args.pop();
    }
    args.length = arity;
    const native = check(...args);
    expectType(callback, 'callback', 'function');
    const user = callback;
    callback = (err, out) => (err ? user(err) : user(null, wrap(out)));
    run(native, callback);
  };
  return { sync, async };
}

const pbkdf2Kdf = defineKdf({
  arity: 5,
  check(password, salt, iterations, keylen, digest) {
    const args = [binary(password, 'password'), binary(salt, 'salt')];
    validateInt32(iterations, 'iterations', 1);
    validateInt32(keylen, 'keylen', 0);
    expectType(digest, 'digest', 'string');
    return [...args, iterations, keylen, digest];
  },
  run(args, callback) {
    const out = callback === undefined ? binding().pbkdf2(...args) :
      binding().pbkdf2(...args, callback);
    if (out === undefined) throw new ERR_CRYPTO_INVALID_DIGEST(args[4]);
    return out;
  },
  wrap: asBuffer,
});

// scrypt's cost parameters, each with its long alias, and Node's defaults.
const kScryptParams = [['N', 'cost', 16384], ['r', 'blockSize', 8],
  ['p', 'parallelization', 1]];
const kScryptMaxmem = 32 << 20;

function scryptInvalid(detail) {
  return errorWith(RangeError,
    detail ? `Invalid scrypt params: ${detail}` : 'Invalid scrypt params',
    'ERR_CRYPTO_INVALID_SCRYPT_PARAMS');
}

const scryptKdf = defineKdf({
  arity: 4,
  check(password, salt, keylen, options) {
    const args = [binary(password, 'password'), binary(salt, 'salt')];
    validateInt32(keylen, 'keylen', 0);
    const opts = options == null ? {} : options;
    expectObject(opts);
    const cost = kScryptParams.map(([short, long, fallback]) => {
      const a = opts[short];
      const b = opts[long];
      if (a !== undefined && b !== undefined) {
        throw new ERR_CRYPTO_SCRYPT_INVALID_PARAMETER();
      }
      if (a === undefined && b === undefined) return fallback;
      validateInt32(a === undefined ? b : a, a === undefined ? long : short);
      return a === undefined ? b : a;
    });
    let maxmem = opts.maxmem === undefined ? kScryptMaxmem : opts.maxmem;
    validateInteger(maxmem, 'maxmem', 0);
    if (maxmem === 0) maxmem = kScryptMaxmem;
    // N: a power of two above 1.
    const [N] = cost;
    if (N < 2 || (N & (N - 1)) !== 0) throw scryptInvalid();
    const problem = binding().scryptCheck(...cost, maxmem);
    if (problem !== undefined) throw scryptInvalid(problem);
    return [...args, ...cost, maxmem, keylen];
  },
  run: (args, callback) => (callback === undefined ?
    binding().scrypt(...args) : binding().scrypt(...args, callback)),
  wrap: asBuffer,
});

const hkdfKdf = defineKdf({
  arity: 5,
  check(digest, ikm, salt, info, keylen) {
    expectType(digest, 'digest', 'string');
    const secretKeyObject = ikm !== null && typeof ikm === 'object' &&
      ikm.type === 'secret';
    if (typeof ikm !== 'string' && !isBytes(ikm) && !secretKeyObject) {
      throw new ERR_INVALID_ARG_TYPE('ikm', ['string', 'SecretKeyObject',
        'ArrayBuffer', 'TypedArray', 'DataView', 'Buffer'], ikm);
    }
    const args = [digest, secretKeyObject ? secretBytes(ikm, 'ikm') :
      binary(ikm, 'ikm'), binary(salt, 'salt'), binary(info, 'info')];
    validateInteger(keylen, 'length', 0, 2 ** 31 - 1);
    if (args[3].byteLength > 1024) {
      throw new ERR_OUT_OF_RANGE('info', 'must not contain more than 1024 bytes',
        args[3].byteLength);
    }
    const size = binding().digestSize(digest);
    if (size < 0) throw new ERR_CRYPTO_INVALID_DIGEST(digest);
    // RFC 5869: at most 255 blocks.
    if (keylen > 255 * size) throw new ERR_CRYPTO_INVALID_KEYLEN();
    return [...args, keylen];
  },
  run: (args, callback) => (callback === undefined ?
    binding().hkdf(...args) : binding().hkdf(...args, callback)),
  // hkdf gives an ArrayBuffer, as in Node (the binding's is exactly sized).
  wrap: (out) => out.buffer,
});

module.exports = {
  hkdf: hkdfKdf.async,
  hkdfSync: hkdfKdf.sync,
  pbkdf2: pbkdf2Kdf.async,
  pbkdf2Sync: pbkdf2Kdf.sync,
  scrypt: scryptKdf.async,
  scryptSync: scryptKdf.sync,
};

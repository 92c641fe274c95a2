'use strict';
// SubtleCrypto's methods and the per-algorithm table they dispatch through; HMAC, AES, PBKDF2, HKDF and the digests are here, the asymmetric algorithms register from subtle_asymmetric.js.

const { Buffer } = require('../../buffer');
const { DOMException } = require('../dom_exception');
const types = require('../util/types');
const { binding, isBytes } = require('./util');

// name (canonical spelling) -> { generateKey, importKey, exportKey, sign,
// verify, encrypt, decrypt, deriveBits, getKeyLength }; each optional.
// Every function may be async; see registerAlgorithm for the signatures.
const kAlgorithms = { __proto__: null };
// Lower-cased name -> canonical name, for Web Crypto's case-insensitive
// algorithm names.
const kCanonical = { __proto__: null };

// registerAlgorithm(name, entry): entry functions are
//   generateKey(algorithm, extractable, usages) -> CryptoKey | {publicKey, privateKey}
//   importKey(format, keyData, algorithm, extractable, usages) -> CryptoKey
//   exportKey(format, key) -> ArrayBuffer | JWK object
//   sign(algorithm, key, data) -> ArrayBuffer
//   verify(algorithm, key, signature, data) -> boolean
//   encrypt/decrypt(algorithm, key, data) -> ArrayBuffer
//   deriveBits(algorithm, baseKey, length) -> ArrayBuffer
//   getKeyLength(algorithm) -> bits (for deriveKey's derivedKeyType)
// `algorithm` arrives normalized: a copy of the caller's object whose name
// is canonical and whose `hash` (if any) is { name } with a canonical name.
// `data` arrives as a Buffer copy of the caller's bytes.
function registerAlgorithm(name, entry) {
  kAlgorithms[name] = entry;
  kCanonical[name.toLowerCase()] = name;
}

let asymmetricLoaded = false;
// h-keys' algorithms are registered on the first look-up that misses.
function loadAsymmetric() {
  if (asymmetricLoaded) return;
  asymmetricLoaded = true;
  require('./subtle_asymmetric');
}

function notSupported(message = 'Unrecognized algorithm name') {
  return new DOMException(message, 'NotSupportedError');
}

function lookup(name) {
  let canonical = kCanonical[`${name}`.toLowerCase()];
  if (canonical === undefined) {
    loadAsymmetric();
    canonical = kCanonical[`${name}`.toLowerCase()];
  }
  return canonical;
}

const kHashes = { __proto__: null, 'sha-1': 'SHA-1', 'sha-256': 'SHA-256',
  'sha-384': 'SHA-384', 'sha-512': 'SHA-512' };
// Web Crypto hash name -> OpenSSL digest name.
const kDigestNames = { __proto__: null, 'SHA-1': 'sha1', 'SHA-256': 'sha256',
  'SHA-384': 'sha384', 'SHA-512': 'sha512' };

function normalizeHash(hash) {
  const name = typeof hash === 'string' ? hash :
    hash !== null && typeof hash === 'object' ? hash.name : undefined;
  const canonical = name === undefined ? undefined : kHashes[`${name}`.toLowerCase()];
  if (canonical === undefined) throw notSupported();
  return { name: canonical };
}

// A string or { name, ... } as { name: canonical, ...rest }, the hash
// normalized too; throws NotSupportedError for an unknown name or one the
// operation has no entry for.
function normalizeAlgorithm(algorithm, op) {
  let input = algorithm;
  if (typeof input === 'string') input = { name: input };
  if (input === null || typeof input !== 'object') {
    throw new TypeError('Algorithm must be a string or an object');
  }
  if (input.name === undefined) {
    throw new TypeError('Algorithm: name: Missing or not a string');
  }
  const name = lookup(input.name);
  if (name === undefined || (op !== undefined &&
      typeof kAlgorithms[name][op] !== 'function')) {
    throw notSupported();
  }
  const out = { ...input, name };
  if (input.hash !== undefined) out.hash = normalizeHash(input.hash);
  return out;
}

function bufferSource(value, method, position) {
  if (isBytes(value)) {
    const view = types.isAnyArrayBuffer(value) ? new Uint8Array(value) :
      new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
    return Buffer.from(view);
  }
  const err = new TypeError(`Failed to execute '${method}' on ` +
    `'SubtleCrypto': ${position} argument is not instance of ArrayBuffer, ` +
    'Buffer, TypedArray, or DataView.');
  err.code = 'ERR_INVALID_ARG_TYPE';
  throw err;
}

function toArrayBuffer(buffer) {
  return buffer.buffer.slice(buffer.byteOffset,
    buffer.byteOffset + buffer.byteLength);
}

function checkKey(key, method, position = '2nd') {
  const { isCryptoKey } = require('./webcrypto');
  if (!isCryptoKey(key)) {
    const err = new TypeError(`Failed to execute '${method}' on ` +
      `'SubtleCrypto': ${position} argument is not of type CryptoKey.`);
    err.code = 'ERR_INVALID_ARG_TYPE';
    throw err;
  }
}

function invalidAccess(message = 'The requested operation is not valid for ' +
  'the provided key') {
  return new DOMException(message, 'InvalidAccessError');
}

// The key may serve `usage` with the algorithm named in `algorithm`.
function checkUsage(key, algorithm, usage) {
  const w = require('./webcrypto');
  if (key[w.kAlgorithm].name !== algorithm.name) throw invalidAccess();
  if (!key[w.kUsages].includes(usage)) throw invalidAccess();
}

// Web Crypto methods run later (a promise), and argument errors become
// rejections.
function later(fn) {
  return new Promise((resolve) => resolve(fn()));
}

function makeMethods() {
  const w = require('./webcrypto');
  return {
    digest(algorithm, data) {
      return later(() => {
        const alg = normalizeHash(algorithm);
        const bytes = bufferSource(data, 'digest', '2nd');
        const out = binding().hashOneShot(kDigestNames[alg.name], bytes,
          false, -1);
        return out.buffer;
      });
    },
    generateKey(algorithm, extractable, keyUsages) {
      return later(() => {
        const alg = normalizeAlgorithm(algorithm, 'generateKey');
        return kAlgorithms[alg.name].generateKey(alg, !!extractable,
          usagesList(keyUsages));
      });
    },
    importKey(format, keyData, algorithm, extractable, keyUsages) {
      return later(() => {
        const alg = normalizeAlgorithm(algorithm, 'importKey');
        const data = format === 'jwk' ? keyData :
          bufferSource(keyData, 'importKey', '2nd');
        return kAlgorithms[alg.name].importKey(`${format}`, data, alg,
          !!extractable, usagesList(keyUsages));
      });
    },
    exportKey(format, key) {
      return later(() => {
        checkKey(key, 'exportKey');
        if (!key[w.kExtractable]) {
          throw new DOMException('key is not extractable',
            'InvalidAccessException');
        }
        const entry = kAlgorithms[key[w.kAlgorithm].name];
        if (entry === undefined || entry.exportKey === undefined) {
          throw notSupported();
        }
        return entry.exportKey(`${format}`, key);
      });
    },
    sign(algorithm, key, data) {
      return later(() => {
        const alg = normalizeAlgorithm(algorithm, 'sign');
        checkKey(key, 'sign');
        const bytes = bufferSource(data, 'sign', '3rd');
        if (key[w.kAlgorithm].name !== alg.name ||
            !key[w.kUsages].includes('sign')) {
          throw invalidAccess('Unable to use this key to sign');
        }
        return kAlgorithms[alg.name].sign(alg, key, bytes);
      });
    },
    verify(algorithm, key, signature, data) {
      return later(() => {
        const alg = normalizeAlgorithm(algorithm, 'verify');
        checkKey(key, 'verify');
        const sig = bufferSource(signature, 'verify', '3rd');
        const bytes = bufferSource(data, 'verify', '4th');
        if (key[w.kAlgorithm].name !== alg.name ||
            !key[w.kUsages].includes('verify')) {
          throw invalidAccess('Unable to use this key to verify');
        }
        return kAlgorithms[alg.name].verify(alg, key, sig, bytes);
      });
    },
    encrypt(algorithm, key, data) {
      return later(() => {
        const alg = normalizeAlgorithm(algorithm, 'encrypt');
        checkKey(key, 'encrypt');
        const bytes = bufferSource(data, 'encrypt', '3rd');
        checkUsage(key, alg, 'encrypt');
        return kAlgorithms[alg.name].encrypt(alg, key, bytes);
      });
    },
    decrypt(algorithm, key, data) {
      return later(() => {
        const alg = normalizeAlgorithm(algorithm, 'decrypt');
        checkKey(key, 'decrypt');
        const bytes = bufferSource(data, 'decrypt', '3rd');
        checkUsage(key, alg, 'decrypt');
        return kAlgorithms[alg.name].decrypt(alg, key, bytes);
      });
    },
    deriveBits(algorithm, baseKey, length) {
      return later(() => {
        const alg = normalizeAlgorithm(algorithm, 'deriveBits');
        checkKey(baseKey, 'deriveBits');
        checkUsage(baseKey, alg, 'deriveBits');
        return kAlgorithms[alg.name].deriveBits(alg, baseKey, length);
      });
    },
    deriveKey(algorithm, baseKey, derivedKeyType, extractable, keyUsages) {
      return later(async () => {
        const alg = normalizeAlgorithm(algorithm, 'deriveBits');
        checkKey(baseKey, 'deriveKey');
        const target = normalizeAlgorithm(derivedKeyType, 'importKey');
        const entry = kAlgorithms[target.name];
        if (typeof entry.getKeyLength !== 'function') throw notSupported();
        checkUsage(baseKey, alg, 'deriveKey');
        const length = entry.getKeyLength(target);
        const bits = await kAlgorithms[alg.name].deriveBits(alg, baseKey,
          length);
        return entry.importKey('raw', Buffer.from(bits), target, !!extractable,
          usagesList(keyUsages));
      });
    },
    wrapKey(format, key, wrappingKey, wrapAlgorithm) {
      return later(async () => {
        const alg = normalizeAlgorithm(wrapAlgorithm, 'encrypt');
        checkKey(wrappingKey, 'wrapKey', '3rd');
        checkUsage(wrappingKey, alg, 'wrapKey');
        let exported = await this.exportKey(format, key);
        if (format === 'jwk') {
          exported = Buffer.from(JSON.stringify(exported), 'utf8');
        } else {
          exported = Buffer.from(exported);
        }
        return kAlgorithms[alg.name].encrypt(alg, wrappingKey, exported);
      });
    },
    unwrapKey(format, wrappedKey, unwrappingKey, unwrapAlgorithm,
      unwrappedKeyAlgorithm, extractable, keyUsages) {
      return later(async () => {
        const alg = normalizeAlgorithm(unwrapAlgorithm, 'decrypt');
        checkKey(unwrappingKey, 'unwrapKey', '3rd');
        checkUsage(unwrappingKey, alg, 'unwrapKey');
        const bytes = bufferSource(wrappedKey, 'unwrapKey', '2nd');
        const plain = await kAlgorithms[alg.name].decrypt(alg, unwrappingKey,
          bytes);
        const keyData = format === 'jwk' ?
          JSON.parse(Buffer.from(plain).toString('utf8')) : plain;
        return this.importKey(format, keyData, unwrappedKeyAlgorithm,
          extractable, keyUsages);
      });
    },
  };
}

function usagesList(keyUsages) {
  if (!Array.isArray(keyUsages)) {
    throw new TypeError('keyUsages must be a sequence');
  }
  return Array.from(new Set(keyUsages.map(String)));
}

// Puts the methods on SubtleCrypto.prototype (webcrypto.js calls this).
function install(SubtleCrypto) {
  const methods = makeMethods();
  const { ERR_INVALID_THIS } = require('../errors').codes;
  for (const name of Object.keys(methods)) {
    const impl = methods[name];
    const fn = {
      [name](...args) {
        if (!(this instanceof SubtleCrypto)) {
          return Promise.reject(new ERR_INVALID_THIS('SubtleCrypto'));
        }
        return impl.apply(this, args);
      },
    }[name];
    Object.defineProperty(fn, 'length', { value: impl.length });
    Object.defineProperty(SubtleCrypto.prototype, name, {
      value: fn, writable: true, enumerable: true, configurable: true,
    });
  }
}

module.exports = {
  bufferSource,
  install,
  kDigestNames,
  normalizeAlgorithm,
  normalizeHash,
  registerAlgorithm,
  toArrayBuffer,
};

require('./subtle_symmetric');

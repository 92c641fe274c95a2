'use strict';
// Web Crypto's per-algorithm table and the argument normalization every algorithm shares (subtle.js dispatches through it; subtle_symmetric.js and h-keys' subtle_asymmetric.js register into it).

const { Buffer } = require('../../buffer');
const { DOMException } = require('../dom_exception');
const types = require('../util/types');
const { isBytes } = require('./util');

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

// subtle.js sets this: it loads the algorithms registered elsewhere
// (h-keys' asymmetric ones) on the first look-up that misses.
let onMiss = () => {};
function setLookupMiss(fn) {
  onMiss = fn;
}

function notSupported(message = 'Unrecognized algorithm name') {
  return new DOMException(message, 'NotSupportedError');
}

function lookup(name) {
  let canonical = kCanonical[`${name}`.toLowerCase()];
  if (canonical === undefined) {
    onMiss();
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

module.exports = {
  bufferSource,
  kAlgorithms,
  kDigestNames,
  normalizeAlgorithm,
  normalizeHash,
  notSupported,
  registerAlgorithm,
  setLookupMiss,
  toArrayBuffer,
};

'use strict';
// Helpers every node:crypto file shares: the binding, byte views of inputs, encodings of outputs, OpenSSL's lists.

const { Buffer } = require('../../buffer');
const { codes } = require('../errors');
const types = require('../util/types');

const { ERR_INVALID_ARG_TYPE } = codes;

let bindingObject;
// The binding is looked up on first use, so loading node:crypto into the
// snapshot touches nothing native.
function binding() {
  if (bindingObject === undefined) bindingObject = internalBinding('crypto');
  return bindingObject;
}

// An Error carrying a code but with a message of its own (Node makes some of
// these in C++, e.g. "Invalid state" with ERR_CRYPTO_INVALID_STATE).
function errorWith(Base, message, code) {
  const err = new Base(message);
  if (code !== undefined) err.code = code;
  return err;
}

// Node's spellings of the encodings, lowercased once; undefined for
// anything else.
function normalizeEncoding(encoding) {
  if (encoding === undefined || encoding === null) return undefined;
  switch (encoding) {
    case 'utf8': case 'hex': case 'base64': case 'latin1': case 'buffer':
      return encoding;
  }
  const lower = `${encoding}`.toLowerCase();
  switch (lower) {
    case 'utf8': case 'utf-8': return 'utf8';
    case 'binary': case 'latin1': return 'latin1';
    case 'ucs2': case 'ucs-2': case 'utf16le': case 'utf-16le': return 'utf16le';
    case 'hex': case 'base64': case 'base64url': case 'ascii': case 'buffer':
      return lower;
  }
  return undefined;
}

// A Buffer over the bytes of a Uint8Array the binding returned (no copy).
function asBuffer(bytes) {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

// The binding's bytes as `encoding` would give them: a string, or a Buffer
// for 'buffer' and unknown encodings, as in Node.
function encodeOutput(bytes, encoding) {
  const buffer = asBuffer(bytes);
  const enc = normalizeEncoding(encoding);
  if (enc === undefined || enc === 'buffer') return buffer;
  return buffer.toString(enc);
}

// Throws ERR_INVALID_ARG_TYPE unless typeof value is `type`.
function expectType(value, name, type) {
  if (typeof value === type) return;
  const shown = type === 'function' ? 'Function' : type;
  throw new ERR_INVALID_ARG_TYPE(name, shown, value);
}

function isBytes(value) {
  return types.isArrayBufferView(value) || types.isAnyArrayBuffer(value);
}

const kBytesNames = ['string', 'ArrayBuffer', 'Buffer', 'TypedArray',
  'DataView'];

// A string (in `encoding`, utf8 by default) or bytes, as a view the binding
// reads; anything else is ERR_INVALID_ARG_TYPE naming `name` and, as the
// accepted types, `accepted`.
function toBytes(value, name, encoding, accepted = kBytesNames) {
  if (isBytes(value)) return value;
  if (typeof value !== 'string') {
    throw new ERR_INVALID_ARG_TYPE(name, accepted, value);
  }
  return Buffer.from(value, normalizeEncoding(encoding) || 'utf8');
}

function expectObject(value, name = 'options') {
  if (value === null || typeof value !== 'object') {
    throw new ERR_INVALID_ARG_TYPE(name, 'Object', value);
  }
}

// The bytes of a key argument: strings, views, secret CryptoKeys and
// KeyObjects (told apart by their type and export()).
function secretBytes(key, name = 'key', encoding) {
  const { isCryptoKey, keyMaterial } = require('./webcrypto_key');
  const keyObject = key !== null && typeof key === 'object' &&
    typeof key.type === 'string' && typeof key.export === 'function';
  if (isCryptoKey(key) || keyObject) {
    if (key.type !== 'secret') {
      throw new codes.ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(key.type, 'secret');
    }
    return isCryptoKey(key) ? keyMaterial(key) : key.export();
  }
  return toBytes(key, name, encoding, [...kBytesNames, 'KeyObject',
    'CryptoKey']);
}

// Node's lists as it prints them on Debian's OpenSSL 3.0 (they come from
// OpenSSL's name tables, filtered the way Node filters them).
const kHashes = ('RSA-MD5 RSA-RIPEMD160 RSA-SHA1 RSA-SHA1-2 RSA-SHA224 ' +
  'RSA-SHA256 RSA-SHA3-224 RSA-SHA3-256 RSA-SHA3-384 RSA-SHA3-512 ' +
  'RSA-SHA384 RSA-SHA512 RSA-SHA512/224 RSA-SHA512/256 RSA-SM3 blake2b512 ' +
  'blake2s256 id-rsassa-pkcs1-v1_5-with-sha3-224 ' +
  'id-rsassa-pkcs1-v1_5-with-sha3-256 id-rsassa-pkcs1-v1_5-with-sha3-384 ' +
  'id-rsassa-pkcs1-v1_5-with-sha3-512 md5 md5-sha1 md5WithRSAEncryption ' +
  'ripemd ripemd160 ripemd160WithRSA rmd160 sha1 sha1WithRSAEncryption ' +
  'sha224 sha224WithRSAEncryption sha256 sha256WithRSAEncryption sha3-224 ' +
  'sha3-256 sha3-384 sha3-512 sha384 sha384WithRSAEncryption sha512 ' +
  'sha512-224 sha512-224WithRSAEncryption sha512-256 ' +
  'sha512-256WithRSAEncryption sha512WithRSAEncryption shake128 shake256 ' +
  'sm3 sm3WithRSAEncryption ssl3-md5 ssl3-sha1').split(' ');

function expandModes(prefix, sizes, modes) {
  const out = [];
  for (const size of sizes) {
    for (const mode of modes) out.push(`${prefix}-${size}-${mode}`);
  }
  return out;
}

let cipherList;
function ciphers() {
  if (cipherList !== undefined) return cipherList;
  const aesModes = 'cbc cbc-hmac-sha1 cbc-hmac-sha256 ccm cfb cfb1 cfb8 ctr ' +
    'ecb gcm ocb ofb xts';
  const names = [];
  for (const size of [128, 192, 256]) {
    for (const mode of aesModes.split(' ')) {
      if (size === 192 && (mode.startsWith('cbc-') || mode === 'xts')) continue;
      names.push(`aes-${size}-${mode}`);
    }
  }
  for (const size of [128, 192, 256]) names.push(`aes${size}`, `aes${size}-wrap`);
  names.push(...expandModes('aria', [128, 192, 256],
    'cbc ccm cfb cfb1 cfb8 ctr ecb gcm ofb'.split(' ')));
  names.push('aria128', 'aria192', 'aria256');
  names.push(...expandModes('camellia', [128, 192, 256],
    'cbc cfb cfb1 cfb8 ctr ecb ofb'.split(' ')));
  names.push('camellia128', 'camellia192', 'camellia256', 'chacha20',
    'chacha20-poly1305', 'des-ede', 'des-ede-cbc', 'des-ede-cfb',
    'des-ede-ecb', 'des-ede-ofb', 'des-ede3', 'des-ede3-cbc', 'des-ede3-cfb',
    'des-ede3-cfb1', 'des-ede3-cfb8', 'des-ede3-ecb', 'des-ede3-ofb', 'des3',
    'des3-wrap');
  for (const size of [128, 192, 256]) {
    names.push(`id-aes${size}-CCM`, `id-aes${size}-GCM`, `id-aes${size}-wrap`,
      `id-aes${size}-wrap-pad`);
  }
  names.push('id-smime-alg-CMS3DESwrap', 'sm4', 'sm4-cbc', 'sm4-cfb',
    'sm4-ctr', 'sm4-ecb', 'sm4-ofb');
  cipherList = names;
  return names;
}

const kCurves = ('Oakley-EC2N-3 Oakley-EC2N-4 SM2 brainpoolP160r1 ' +
  'brainpoolP160t1 brainpoolP192r1 brainpoolP192t1 brainpoolP224r1 ' +
  'brainpoolP224t1 brainpoolP256r1 brainpoolP256t1 brainpoolP320r1 ' +
  'brainpoolP320t1 brainpoolP384r1 brainpoolP384t1 brainpoolP512r1 ' +
  'brainpoolP512t1 c2pnb163v1 c2pnb163v2 c2pnb163v3 c2pnb176v1 c2pnb208w1 ' +
  'c2pnb272w1 c2pnb304w1 c2pnb368w1 c2tnb191v1 c2tnb191v2 c2tnb191v3 ' +
  'c2tnb239v1 c2tnb239v2 c2tnb239v3 c2tnb359v1 c2tnb431r1 prime192v1 ' +
  'prime192v2 prime192v3 prime239v1 prime239v2 prime239v3 prime256v1 ' +
  'secp112r1 secp112r2 secp128r1 secp128r2 secp160k1 secp160r1 secp160r2 ' +
  'secp192k1 secp224k1 secp224r1 secp256k1 secp384r1 secp521r1 sect113r1 ' +
  'sect113r2 sect131r1 sect131r2 sect163k1 sect163r1 sect163r2 sect193r1 ' +
  'sect193r2 sect233k1 sect233r1 sect239k1 sect283k1 sect283r1 sect409k1 ' +
  'sect409r1 sect571k1 sect571r1').split(' ');
for (const n of [1, 10, 11, 12, 3, 4, 5, 6, 7, 8, 9]) {
  kCurves.push(`wap-wsg-idm-ecid-wtls${n}`);
}

module.exports = {
  asBuffer,
  binding,
  ciphers,
  encodeOutput,
  errorWith,
  expectObject,
  expectType,
  getCiphers: () => ciphers().slice(),
  getCurves: () => kCurves.slice(),
  getHashes: () => kHashes.slice(),
  isBytes,
  normalizeEncoding,
  secretBytes,
  toBytes,
};

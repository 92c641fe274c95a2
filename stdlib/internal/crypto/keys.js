'use strict';
// KeyObject (secret, public, private), createSecretKey/createPublicKey/
// createPrivateKey, key export (PEM, DER, JWK) and the key-argument parsing
// that sign, verify, publicEncrypt and friends share.

const binding = internalBinding('crypto_keys');
const { Buffer } = require('../../buffer');
const { codes } = require('../errors');
const { isArrayBufferView, isAnyArrayBuffer } = require('../util/types');
const { validateObject, validateString } = require('../validators');


// Own properties, so inspect shows them as Node does.
const kKeyType = Symbol('kKeyType');
const kAsymmetricKeyType = Symbol('kAsymmetricKeyType');
const kAsymmetricKeyDetails = Symbol('kAsymmetricKeyDetails');
const kDetails = Symbol('kDetails');
// Hidden: the native handle (asymmetric) or the key bytes (secret).
const kHandle = Symbol('kHandle');

const kBinaryLike = ['ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'];
const kKeyLike = ['string', ...kBinaryLike, 'KeyObject', 'CryptoKey'];

// CryptoKeys (webcrypto_key.js is a leaf module: no cycle through subtle).
const cryptoKeyHooks = {
  isCryptoKey(value) {
    return require('./webcrypto_key').isCryptoKey(value);
  },
  // A CryptoKey's KeyObject: asymmetric keys hold one, secret keys bytes.
  keyObjectOf(key) {
    const material = require('./webcrypto_key').keyMaterial(key);
    if (material instanceof KeyObject) return material;
    return new SecretKeyObject(Buffer.from(material));
  },
};

function hide(target, key, value) {
  Object.defineProperty(target, key, { value, writable: false,
    enumerable: false, configurable: false });
}

// Only this file makes key objects: the token proves a handle is one of
// ours (anything else would reach the binding as a bad handle).
const kOwnHandle = Symbol('kOwnHandle');

class KeyObject {
  constructor(type, handle, token) {
    if (type !== 'secret' && type !== 'public' && type !== 'private') {
      throw new codes.ERR_INVALID_ARG_VALUE('type', type);
    }
    if (token !== kOwnHandle) {
      throw new codes.ERR_INVALID_ARG_TYPE('handle', 'object', handle);
    }
    this[kKeyType] = type;
    hide(this, kHandle, handle);
  }

  get type() {
    return this[kKeyType];
  }

  static from(key) {
    if (!cryptoKeyHooks.isCryptoKey(key)) {
      throw new codes.ERR_INVALID_ARG_TYPE('key', 'CryptoKey', key);
    }
    return cryptoKeyHooks.keyObjectOf(key);
  }

  equals(other) {
    if (!(other instanceof KeyObject)) {
      throw new codes.ERR_INVALID_ARG_TYPE('otherKeyObject', 'KeyObject', other);
    }
    if (other.type !== this.type) return false;
    if (this.type === 'secret') {
      const a = handleOf(this);
      const b = handleOf(other);
      if (a.length !== b.length) return false;
      let diff = 0;
      for (let i = 0; i < a.length; i++) diff |= a[i] ^ b[i];
      return diff === 0;
    }
    return binding.keysEqual(handleOf(this), handleOf(other));
  }
}

Object.defineProperty(KeyObject.prototype, Symbol.toStringTag, {
  value: 'KeyObject', configurable: true,
});

class SecretKeyObject extends KeyObject {
  constructor(bytes) {
    super('secret', bytes, kOwnHandle);
  }

  get symmetricKeySize() {
    return handleOf(this).length;
  }

  export(options) {
    if (options !== undefined) {
      validateObject(options, 'options');
      const { format } = options;
      if (format === 'jwk') {
        return { kty: 'oct', k: handleOf(this).toString('base64url') };
      }
      if (format !== undefined && format !== 'buffer') {
        throw new codes.ERR_INVALID_ARG_VALUE('options.format', format,
          "must be one of: undefined, 'buffer', 'jwk'");
      }
    }
    return Buffer.from(handleOf(this));
  }
}

const kDetailNames = ['modulusLength', 'publicExponent', 'namedCurve',
  'hashAlgorithm', 'mgf1HashAlgorithm', 'saltLength', 'divisorLength'];

// Reads type and details from the handle once; both are immutable.
function describeKey(handle) {
  const info = binding.keyInfo(handle);
  const details = {};
  const values = [info[1], info[2] === undefined ? undefined :
    BigInt(`0x${info[2]}`), info[3], info[4], info[5], info[6], info[7]];
  for (let i = 0; i < kDetailNames.length; i++) {
    if (values[i] !== undefined) details[kDetailNames[i]] = values[i];
  }
  return { type: info[0] || undefined, details };
}

class AsymmetricKeyObject extends KeyObject {
  constructor(type, handle) {
    super(type, handle, kOwnHandle);
    hide(this, kDetails, describeKey(handle));
  }

  // Both getters leave what they read on the object, where inspect shows
  // it, as Node's do.
  get asymmetricKeyType() {
    const { type } = this[kDetails];
    if (type !== undefined && !Object.hasOwn(this, kAsymmetricKeyType)) {
      this[kAsymmetricKeyType] = type;
    }
    return type;
  }

  get asymmetricKeyDetails() {
    const { type, details } = this[kDetails];
    if (type === undefined) return undefined;
    if (Object.keys(details).length > 0 &&
        !Object.hasOwn(this, kAsymmetricKeyDetails)) {
      this[kAsymmetricKeyDetails] = details;
    }
    // A copy each time: callers may change what they get.
    return { ...details };
  }
}

class PublicKeyObject extends AsymmetricKeyObject {
  constructor(handle) {
    super('public', handle);
  }

  export(options) {
    return exportAsymmetric(this, options, false);
  }
}

class PrivateKeyObject extends AsymmetricKeyObject {
  constructor(handle) {
    super('private', handle);
  }

  export(options) {
    return exportAsymmetric(this, options, true);
  }
}

function toPassphrase(value, name) {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return Buffer.from(value, 'utf8');
  if (isArrayBufferView(value)) {
    return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  }
  if (isAnyArrayBuffer(value)) return Buffer.from(value);
  throw new codes.ERR_INVALID_ARG_TYPE(name, ['string', ...kBinaryLike], value);
}

// Checks an encoding ({format, type, cipher, passphrase}) for output; `where`
// is the option path for messages ('options', 'options.publicKeyEncoding').
function parseOutputEncoding(enc, isPrivate, keyType, where) {
  const { format, type } = enc;
  if (format === 'jwk') return { format };
  if (format !== 'pem' && format !== 'der') {
    throw new codes.ERR_INVALID_ARG_VALUE(`${where}.format`, format);
  }
  const allowed = isPrivate ? ['pkcs1', 'pkcs8', 'sec1'] : ['pkcs1', 'spki'];
  if (!allowed.includes(type)) {
    throw new codes.ERR_INVALID_ARG_VALUE(`${where}.type`, type);
  }
  if (keyType !== undefined) {
    if (type === 'pkcs1' && keyType !== 'rsa') {
      throw new codes.ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS(type,
        'can only be used for RSA keys');
    }
    if (type === 'sec1' && keyType !== 'ec') {
      throw new codes.ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS(type,
        'can only be used for EC keys');
    }
  }
  const out = { format, type, cipher: null, passphrase: null };
  if (isPrivate && enc.cipher !== undefined) {
    validateString(enc.cipher, `${where}.cipher`);
    if (format === 'der' && type !== 'pkcs8') {
      throw new codes.ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS(type,
        'does not support encryption');
    }
    if (!binding.cipherKnown(enc.cipher)) throw new codes.ERR_CRYPTO_UNKNOWN_CIPHER();
    if (enc.passphrase === undefined) {
      throw new codes.ERR_INVALID_ARG_VALUE(`${where}.passphrase`, enc.passphrase);
    }
    out.cipher = enc.cipher;
    out.passphrase = toPassphrase(enc.passphrase, `${where}.passphrase`);
  }
  return out;
}

function encodeHandle(handle, isPrivate, enc) {
  const bytes = Buffer.from(binding.exportKey(handle, isPrivate,
    enc.format === 'pem', enc.type, enc.cipher, enc.passphrase));
  return enc.format === 'pem' ? bytes.toString('latin1') : bytes;
}

function exportAsymmetric(key, options, isPrivate) {
  validateObject(options, 'options');
  const enc = parseOutputEncoding(options, isPrivate, key.asymmetricKeyType,
    'options');
  if (enc.format === 'jwk') return exportJwk(key, isPrivate);
  return encodeHandle(handleOf(key), isPrivate, enc);
}

// JWK curve names by OpenSSL's short names, and back.
const kJwkCurves = {
  __proto__: null,
  prime256v1: 'P-256', secp384r1: 'P-384', secp521r1: 'P-521',
  secp256k1: 'secp256k1',
};
const kCurvesOfJwk = {
  __proto__: null,
  'P-256': 'prime256v1', 'P-384': 'secp384r1', 'P-521': 'secp521r1',
  'secp256k1': 'secp256k1',
};
const kOkpNames = {
  __proto__: null,
  ed25519: 'Ed25519', ed448: 'Ed448', x25519: 'X25519', x448: 'X448',
};

function b64(ab) {
  return Buffer.from(ab).toString('base64url');
}

function exportJwk(key, isPrivate) {
  const type = key.asymmetricKeyType;
  const parts = binding.exportJwk(handleOf(key), isPrivate);
  if (type === 'rsa') {
    const jwk = { kty: 'RSA', n: b64(parts[0]), e: b64(parts[1]) };
    if (isPrivate) {
      const names = ['d', 'p', 'q', 'dp', 'dq', 'qi'];
      for (let i = 0; i < names.length; i++) {
        jwk[names[i]] = b64(parts[i + 2]);
      }
    }
    return jwk;
  }
  if (type === 'ec') {
    const crv = kJwkCurves[parts[0]];
    if (crv === undefined) throw new codes.ERR_CRYPTO_JWK_UNSUPPORTED_CURVE(parts[0]);
    const jwk = { kty: 'EC', x: b64(parts[1]), y: b64(parts[2]), crv };
    if (isPrivate) jwk.d = b64(parts[3]);
    return jwk;
  }
  if (kOkpNames[type] !== undefined) {
    const jwk = { crv: kOkpNames[type] };
    if (isPrivate) jwk.d = b64(parts[1]);
    jwk.x = b64(parts[0]);
    jwk.kty = 'OKP';
    return jwk;
  }
  throw new codes.ERR_CRYPTO_JWK_UNSUPPORTED_KEY_TYPE();
}

function jwkField(jwk, name) {
  validateString(jwk[name], `key.${name}`);
  return Buffer.from(jwk[name], 'base64url');
}

// A handle for a JWK; `isPrivate` asks for the private key (d required).
function importJwk(jwk, isPrivate) {
  validateObject(jwk, 'key');
  const { kty } = jwk;
  if (kty !== 'RSA' && kty !== 'EC' && kty !== 'OKP') {
    throw new codes.ERR_INVALID_ARG_VALUE('key.kty', kty,
      "must be one of: 'RSA', 'EC', 'OKP'");
  }
  const wantPrivate = isPrivate || jwk.d !== undefined;
  if (isPrivate) validateString(jwk.d, 'key.d');
  let handle;
  if (kty === 'RSA') {
    const fields = [jwkField(jwk, 'n'), jwkField(jwk, 'e')];
    if (wantPrivate) {
      for (const name of ['d', 'p', 'q', 'dp', 'dq', 'qi']) {
        fields.push(jwkField(jwk, name));
      }
    }
    try {
      handle = binding.importRsa(...fields);
    } catch {
      throw new codes.ERR_CRYPTO_INVALID_JWK('RSA key');
    }
  } else if (kty === 'EC') {
    const curve = kCurvesOfJwk[jwk.crv];
    if (curve === undefined) {
      throw new codes.ERR_INVALID_ARG_VALUE('key.crv', jwk.crv,
        "must be one of: 'P-256', 'secp256k1', 'P-384', 'P-521'");
    }
    const x = jwkField(jwk, 'x');
    const y = jwkField(jwk, 'y');
    const d = wantPrivate ? jwkField(jwk, 'd') : undefined;
    handle = binding.importEc(curve, x, y, d);
    if (handle === undefined) throw new codes.ERR_CRYPTO_INVALID_JWK('EC key');
  } else {
    const names = { Ed25519: 'ED25519', Ed448: 'ED448', X25519: 'X25519',
      X448: 'X448' };
    if (typeof jwk.crv !== 'string' || !Object.hasOwn(names, jwk.crv)) {
      throw new codes.ERR_INVALID_ARG_VALUE('key.crv', jwk.crv,
        "must be one of: 'Ed25519', 'Ed448', 'X25519', 'X448'");
    }
    const x = jwkField(jwk, 'x');
    const raw = wantPrivate ? jwkField(jwk, 'd') : x;
    handle = binding.importRaw(names[jwk.crv], raw, wantPrivate);
    if (handle === undefined) throw new codes.ERR_CRYPTO_INVALID_JWK('data');
  }
  return { handle, isPrivate: wantPrivate };
}

function toBuffer(data, encoding) {
  if (typeof data === 'string') return Buffer.from(data, encoding);
  if (isArrayBufferView(data)) {
    return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  }
  return Buffer.from(data);
}

function isKeyData(value) {
  return typeof value === 'string' || isArrayBufferView(value) ||
    isAnyArrayBuffer(value);
}

// The handle and kind behind a key argument of createPrivateKey (kind
// 'private'), createPublicKey ('public') or an operation (sign: 'private',
// verify/encrypt: 'public', which also takes private keys and certificates).
// Returns { handle, isPrivate } and, for KeyObject inputs, the object.
function prepareAsymmetricKey(key, kind, forCreate) {
  const names = forCreate && kind === 'private' ?
    ['string', ...kBinaryLike] : kKeyLike;
  if (key instanceof KeyObject) {
    if (forCreate && kind === 'private') {
      throw new codes.ERR_INVALID_ARG_TYPE('key', names, key);
    }
    return fromKeyObject(key, kind);
  }
  if (cryptoKeyHooks.isCryptoKey(key)) {
    if (forCreate && kind === 'private') {
      throw new codes.ERR_INVALID_ARG_TYPE('key', names, key);
    }
    return fromKeyObject(cryptoKeyHooks.keyObjectOf(key), kind);
  }
  if (isKeyData(key)) {
    return decode(toBuffer(key), 'pem', undefined, null, kind);
  }
  if (typeof key !== 'object' || key === null) {
    throw new codes.ERR_INVALID_ARG_TYPE('key', names, key);
  }
  const { key: data, format, type, passphrase, encoding } = key;
  if (data instanceof KeyObject || cryptoKeyHooks.isCryptoKey(data)) {
    if (!forCreate) {
      const object = data instanceof KeyObject ? data :
        cryptoKeyHooks.keyObjectOf(data);
      return fromKeyObject(object, kind);
    }
  }
  if (format === 'jwk') {
    return importJwk(data, kind === 'private');
  }
  if (!isKeyData(data)) {
    throw new codes.ERR_INVALID_ARG_TYPE('key.key',
      forCreate ? ['string', ...kBinaryLike] : kKeyLike, data);
  }
  if (format !== undefined && format !== 'pem' && format !== 'der') {
    throw new codes.ERR_INVALID_ARG_VALUE('options.format', format);
  }
  const isDer = format === 'der';
  if (isDer) {
    const allowed = kind === 'private' ? ['pkcs1', 'pkcs8', 'sec1'] :
      ['pkcs1', 'spki', 'pkcs8', 'sec1'];
    if (!allowed.includes(type)) {
      throw new codes.ERR_INVALID_ARG_VALUE('options.type', type);
    }
  }
  const pass = toPassphrase(passphrase, 'key.passphrase');
  return decode(toBuffer(data, encoding), isDer ? 'der' : 'pem',
    isDer ? type : undefined, pass, kind);
}

function decode(bytes, format, type, passphrase, kind) {
  const handle = binding.parseKey(bytes, format === 'pem', type || '',
    passphrase, kind === 'private');
  return { handle, isPrivate: kind === 'private' };
}

function fromKeyObject(object, kind) {
  if (object.type === 'secret') {
    throw new codes.ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(object.type,
      kind === 'private' ? 'private' : 'private or public');
  }
  if (kind === 'private' && object.type !== 'private') {
    throw new codes.ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(object.type, 'private');
  }
  return { handle: handleOf(object), isPrivate: object.type === 'private',
    object };
}

// createPrivateKey(key) and createPublicKey(key).
const createPrivateKey = (key) =>
  new PrivateKeyObject(prepareAsymmetricKey(key, 'private', true).handle);
const createPublicKey = (key) =>
  new PublicKeyObject(prepareAsymmetricKey(key, 'public', true).handle);

function createSecretKey(key, encoding) {
  if (typeof key === 'string') {
    return new SecretKeyObject(Buffer.from(key, encoding));
  }
  if (!isArrayBufferView(key) && !isAnyArrayBuffer(key)) {
    throw new codes.ERR_INVALID_ARG_TYPE('key', kBinaryLike, key);
  }
  // A copy: later writes to the caller's buffer must not change the key.
  return new SecretKeyObject(Buffer.from(toBuffer(key)));
}

// The bytes of a secret key, for the symmetric side (hmac, ciphers).
function secretKeyBytes(key) {
  return handleOf(key);
}

// The handle of one of our key objects; anything else (a prototype method
// called on a look-alike) is refused before it reaches the binding.
function handleOf(key) {
  const handle = key === null || typeof key !== 'object' ? undefined :
    key[kHandle];
  if (handle === undefined) throw new codes.ERR_INVALID_THIS('KeyObject');
  return handle;
}

module.exports = {
  KeyObject,
  SecretKeyObject,
  PublicKeyObject,
  PrivateKeyObject,
  createPrivateKey,
  createPublicKey,
  createSecretKey,
  cryptoKeyHooks,
  encodeHandle,
  exportJwk,
  handleOf,
  importJwk,
  kBinaryLike,
  parseOutputEncoding,
  prepareAsymmetricKey,
  secretKeyBytes,
  toBuffer,
};

'use strict';
// createCipheriv/createDecipheriv and getCipherInfo over the binding's EVP cipher contexts.

const { StringDecoder } = require('../../string_decoder');
const { codes } = require('../errors');
const {
  validateBoolean, validateInt32, validateObject, validateString,
} = require('../validators');
const { LazyTransform } = require('./lazy_transform');
const {
  asBuffer, binding, errorWith, isBytes, normalizeEncoding, secretBytes,
} = require('./util');
const { Buffer } = require('../../buffer');

const {
  ERR_CRYPTO_INVALID_KEYLEN, ERR_CRYPTO_INVALID_STATE,
  ERR_CRYPTO_UNKNOWN_CIPHER, ERR_INVALID_ARG_TYPE,
} = codes;

const kHandle = Symbol('kHandle');
const kState = Symbol('kState');

// EVP mode numbers (openssl/evp.h) of the AEAD modes.
const kGcm = 6;
const kCcm = 7;
const kOcb = 0x10003;

function invalidIv() {
  return errorWith(TypeError, 'Invalid initialization vector',
    'ERR_CRYPTO_INVALID_IV');
}

function invalidTag(message) {
  return errorWith(TypeError, message, 'ERR_CRYPTO_INVALID_AUTH_TAG');
}

function validGcmTag(length) {
  return length === 4 || length === 8 || (length >= 12 && length <= 16);
}

function cipherInfoOf(name) {
  const info = binding().cipherInfo(name);
  if (info === undefined) return undefined;
  const [nid, mode, keyLength, ivLength, blockSize, flags, canonical] = info;
  return { nid, mode, keyLength, ivLength, blockSize, flags, canonical };
}

function ivArg(iv) {
  if (iv === null) return null;
  if (typeof iv === 'string') return Buffer.from(iv, 'utf8');
  if (isBytes(iv)) return iv;
  throw new ERR_INVALID_ARG_TYPE('iv',
    ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'], iv);
}

function CipherBase(encrypt, cipher, key, iv, options) {
  validateString(cipher, 'cipher');
  const keyBytes = secretBytes(key, 'key');
  const ivBytes = ivArg(iv);
  if (options !== undefined && options !== null) {
    validateObject(options, 'options');
  }
  const info = cipherInfoOf(cipher);
  if (info === undefined) throw new ERR_CRYPTO_UNKNOWN_CIPHER();
  const chacha = info.canonical === 'ChaCha20-Poly1305';
  const aead = info.mode === kGcm || info.mode === kCcm ||
    info.mode === kOcb || chacha;
  let tagLength = -1;
  if (options && options.authTagLength !== undefined) {
    validateInt32(options.authTagLength, 'options.authTagLength', 0);
    tagLength = options.authTagLength;
  }
  if (aead) {
    if (tagLength === -1 && info.mode === kCcm) {
      throw invalidTag(`authTagLength required for ${cipher}`);
    }
    if (tagLength !== -1) {
      const ok = info.mode === kGcm ? validGcmTag(tagLength) :
        info.mode === kCcm ? tagLength >= 4 && tagLength <= 16 &&
          tagLength % 2 === 0 :
          tagLength >= 1 && tagLength <= 16;
      if (!ok) invalidTagLength(tagLength);
    }
  }
  const result = binding().cipherNew(cipher, keyBytes, ivBytes, encrypt,
    tagLength);
  if (typeof result === 'string') {
    if (result === 'cipher') throw new ERR_CRYPTO_UNKNOWN_CIPHER();
    if (result === 'key') throw new ERR_CRYPTO_INVALID_KEYLEN();
    if (result === 'iv') throw invalidIv();
    invalidTagLength(tagLength);
  }
  this[kHandle] = result;
  this[kState] = {
    encrypt, aead, mode: info.mode, finalized: false, updated: false,
    tagLength: tagLength === -1 ? 16 : tagLength, tagFixed: tagLength !== -1,
    tag: undefined, tagSet: false, decoder: undefined, decoderEncoding: '',
  };
  LazyTransform.call(this, options);
}

function invalidTagLength(length) {
  throw invalidTag(`Invalid authentication tag length: ${length}`);
}

Object.setPrototypeOf(CipherBase.prototype, LazyTransform.prototype);

// Output bytes as the caller's encoding; text output goes through a
// StringDecoder so characters split across calls come out whole.
function output(state, bytes, outputEncoding, ending) {
  const enc = normalizeEncoding(outputEncoding);
  const buffer = asBuffer(bytes);
  if (enc === undefined || enc === 'buffer') return buffer;
  if (state.decoder === undefined || state.decoderEncoding !== enc) {
    state.decoder = new StringDecoder(enc);
    state.decoderEncoding = enc;
  }
  return ending ? state.decoder.end(buffer) : state.decoder.write(buffer);
}

CipherBase.prototype.update = function update(data, inputEncoding,
  outputEncoding) {
  const state = this[kState];
  if (typeof data === 'string') {
    data = Buffer.from(data, normalizeEncoding(inputEncoding) || 'utf8');
  } else if (!isBytes(data)) {
    throw new ERR_INVALID_ARG_TYPE('data',
      ['string', 'Buffer', 'TypedArray', 'DataView'], data);
  }
  const out = state.finalized ? undefined :
    binding().cipherUpdate(this[kHandle], data);
  if (out === undefined) {
    throw errorWith(Error, 'Trying to add data in unsupported state');
  }
  state.updated = true;
  return output(state, out, outputEncoding, false);
};

CipherBase.prototype.final = function final(outputEncoding) {
  const state = this[kState];
  if (state.finalized) {
    throw errorWith(Error, 'Invalid state', 'ERR_CRYPTO_INVALID_STATE');
  }
  state.finalized = true;
  if (state.aead && !state.encrypt && !state.tagSet &&
      state.mode !== kCcm) {
    throw errorWith(Error, 'Unsupported state or unable to authenticate data');
  }
  const out = binding().cipherFinal(this[kHandle]);
  if (out === undefined) {
    throw errorWith(Error, 'Unsupported state or unable to authenticate data');
  }
  if (state.aead && state.encrypt) {
    state.tag = binding().cipherGetAuthTag(this[kHandle], state.tagLength);
  }
  return output(state, out, outputEncoding, true);
};

CipherBase.prototype.setAutoPadding = function setAutoPadding(autoPadding) {
  const state = this[kState];
  if (state.finalized ||
      !binding().cipherSetAutoPadding(this[kHandle], autoPadding !== false)) {
    throw new ERR_CRYPTO_INVALID_STATE('setAutoPadding');
  }
  return this;
};

CipherBase.prototype.setAAD = function setAAD(buffer, options) {
  const state = this[kState];
  if (!isBytes(buffer)) {
    throw new ERR_INVALID_ARG_TYPE('buffer',
      ['ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'], buffer);
  }
  let plaintextLength = -1;
  if (options !== undefined) {
    validateObject(options, 'options');
    if (options.plaintextLength !== undefined) {
      validateInt32(options.plaintextLength, 'options.plaintextLength', 0);
      plaintextLength = options.plaintextLength;
    }
  }
  if (state.finalized || state.updated || !state.aead ||
      !binding().cipherSetAAD(this[kHandle], buffer, plaintextLength)) {
    throw new ERR_CRYPTO_INVALID_STATE('setAAD');
  }
  return this;
};

CipherBase.prototype._transform = function _transform(chunk, encoding,
  callback) {
  this.push(this.update(chunk, encoding));
  callback();
};

CipherBase.prototype._flush = function _flush(callback) {
  try {
    this.push(this.final());
  } catch (err) {
    callback(err);
    return;
  }
  callback();
};

function Cipheriv(cipher, key, iv, options) {
  if (!(this instanceof Cipheriv)) return new Cipheriv(cipher, key, iv, options);
  CipherBase.call(this, true, cipher, key, iv, options);
}
Object.setPrototypeOf(Cipheriv.prototype, CipherBase.prototype);
Object.setPrototypeOf(Cipheriv, LazyTransform);

Cipheriv.prototype.getAuthTag = function getAuthTag() {
  const state = this[kState];
  if (state.tag === undefined) {
    throw new ERR_CRYPTO_INVALID_STATE('getAuthTag');
  }
  return asBuffer(state.tag);
};

function Decipheriv(cipher, key, iv, options) {
  if (!(this instanceof Decipheriv)) {
    return new Decipheriv(cipher, key, iv, options);
  }
  CipherBase.call(this, false, cipher, key, iv, options);
}
Object.setPrototypeOf(Decipheriv.prototype, CipherBase.prototype);
Object.setPrototypeOf(Decipheriv, LazyTransform);

Decipheriv.prototype.setAuthTag = function setAuthTag(tagbuf, encoding) {
  const state = this[kState];
  if (typeof tagbuf === 'string') {
    tagbuf = Buffer.from(tagbuf, normalizeEncoding(encoding) || 'utf8');
  } else if (!isBytes(tagbuf)) {
    throw new ERR_INVALID_ARG_TYPE('buffer',
      ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'], tagbuf);
  }
  if (!state.aead || state.finalized || state.tagSet) {
    throw new ERR_CRYPTO_INVALID_STATE('setAuthTag');
  }
  const length = tagbuf.byteLength;
  const ok = state.mode === kGcm ?
    validGcmTag(length) && (!state.tagFixed || length === state.tagLength) :
    length >= 1 && length <= 16 &&
      (!state.tagFixed || length === state.tagLength);
  if (!ok) invalidTagLength(length);
  if (!binding().cipherSetAuthTag(this[kHandle], tagbuf)) {
    throw new ERR_CRYPTO_INVALID_STATE('setAuthTag');
  }
  state.tagSet = true;
  return this;
};

function createCipheriv(cipher, key, iv, options) {
  return new Cipheriv(cipher, key, iv, options);
}

function createDecipheriv(cipher, key, iv, options) {
  return new Decipheriv(cipher, key, iv, options);
}

const kModeNames = {
  __proto__: null, 0: 'stream', 1: 'ecb', 2: 'cbc', 3: 'cfb', 4: 'ofb',
  5: 'ctr', 6: 'gcm', 7: 'ccm', 0x10001: 'xts', 0x10002: 'wrap', 0x10003: 'ocb',
};

// getCipherInfo(nameOrNid[, { keyLength, ivLength }]).
function getCipherInfo(nameOrNid, options) {
  if (typeof nameOrNid !== 'string' && typeof nameOrNid !== 'number') {
    throw new ERR_INVALID_ARG_TYPE('nameOrNid', ['string', 'number'],
      nameOrNid);
  }
  if (options !== undefined) validateObject(options, 'options');
  if (typeof nameOrNid === 'number') return undefined;
  const info = cipherInfoOf(nameOrNid);
  if (info === undefined) return undefined;
  const { keyLength, ivLength } = options || {};
  if (keyLength !== undefined && keyLength !== info.keyLength) return undefined;
  if (ivLength !== undefined && ivLength !== info.ivLength) return undefined;
  const result = {
    mode: kModeNames[info.mode],
    name: info.canonical.toLowerCase(),
    nid: info.nid,
  };
  if (info.mode !== 0) result.blockSize = info.blockSize;
  if (info.ivLength !== 0) result.ivLength = info.ivLength;
  result.keyLength = info.keyLength;
  return result;
}

module.exports = {
  Cipheriv, Decipheriv, createCipheriv, createDecipheriv, getCipherInfo,
};

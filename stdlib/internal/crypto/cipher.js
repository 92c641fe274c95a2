'use strict';
// createCipheriv/createDecipheriv and getCipherInfo over the binding's EVP cipher contexts.

const { StringDecoder } = require('../../string_decoder');
const { codes } = require('../errors');
const { validateInt32 } = require('../validators');
const { LazyTransform } = require('./lazy_transform');
const {
  asBuffer, binding, errorWith, expectObject, expectType, isBytes,
  normalizeEncoding, secretBytes, toBytes,
} = require('./util');

const {
  ERR_CRYPTO_INVALID_KEYLEN, ERR_CRYPTO_INVALID_STATE,
  ERR_CRYPTO_UNKNOWN_CIPHER, ERR_INVALID_ARG_TYPE,
} = codes;

// Per object: the native context and where the operation stands.
const kCipherState = Symbol('kCipherState');

// EVP mode numbers (openssl/evp.h).
const kModes = { __proto__: null, 0: 'stream', 1: 'ecb', 2: 'cbc', 3: 'cfb',
  4: 'ofb', 5: 'ctr', 6: 'gcm', 7: 'ccm', 0x10001: 'xts', 0x10002: 'wrap',
  0x10003: 'ocb' };

const kBytesTypes = ['string', 'ArrayBuffer', 'Buffer', 'TypedArray',
  'DataView'];

const authFailure = () =>
  errorWith(Error, 'Unsupported state or unable to authenticate data');
const badTagLength = (length) => errorWith(TypeError,
  `Invalid authentication tag length: ${length}`, 'ERR_CRYPTO_INVALID_AUTH_TAG');

// Which tag lengths (bytes) each AEAD mode takes.
const kTagRules = {
  gcm: (n) => n === 4 || n === 8 || (n >= 12 && n <= 16),
  ccm: (n) => n >= 4 && n <= 16 && n % 2 === 0,
  other: (n) => n >= 1 && n <= 16,
};

function describeCipher(name) {
  const info = binding().cipherInfo(name);
  if (info === undefined) return undefined;
  const [nid, modeNumber, keyLength, ivLength, blockSize, , canonical] = info;
  return { nid, mode: kModes[modeNumber], keyLength, ivLength, blockSize,
    canonical };
}

const bytesOf = toBytes;

// Makes the native context and the state both classes share.
function openCipher(self, encrypt, name, key, iv, options) {
  expectType(name, 'cipher', 'string');
  const keyBytes = secretBytes(key, 'key');
  const ivBytes = iv === null ? null : bytesOf(iv, 'iv');
  if (options != null) expectObject(options);
  const info = describeCipher(name);
  if (info === undefined) throw new ERR_CRYPTO_UNKNOWN_CIPHER();
  const aead = info.mode === 'gcm' || info.mode === 'ccm' ||
    info.mode === 'ocb' || info.canonical === 'ChaCha20-Poly1305';
  const requested = options == null ? undefined : options.authTagLength;
  if (requested !== undefined) {
    validateInt32(requested, 'options.authTagLength', 0);
  }
  if (aead && requested === undefined && info.mode === 'ccm') {
    throw errorWith(TypeError, `authTagLength required for ${name}`,
      'ERR_CRYPTO_INVALID_AUTH_TAG');
  }
  const rule = kTagRules[info.mode] || kTagRules.other;
  if (aead && requested !== undefined && !rule(requested)) {
    throw badTagLength(requested);
  }
  const native = binding().cipherNew(name, keyBytes, ivBytes, encrypt,
    requested === undefined ? -1 : requested);
  switch (native) {
    case 'cipher': throw new ERR_CRYPTO_UNKNOWN_CIPHER();
    case 'key': throw new ERR_CRYPTO_INVALID_KEYLEN();
    case 'iv':
      throw errorWith(TypeError, 'Invalid initialization vector',
        'ERR_CRYPTO_INVALID_IV');
    case 'tag': throw badTagLength(requested);
  }
  self[kCipherState] = {
    native, encrypt, aead, mode: info.mode, rule,
    tagLength: requested === undefined ? 16 : requested,
    fixedTag: requested !== undefined,
    // 'open' -> 'updated' -> 'final'
    phase: 'open',
    tag: undefined, tagGiven: false, decoder: undefined,
  };
  LazyTransform.call(self, options);
}

// Output in the caller's encoding; text goes through a StringDecoder so a
// character or base64 group split across calls comes out whole.
function emit(state, bytes, encoding, last) {
  const enc = normalizeEncoding(encoding);
  const buffer = asBuffer(bytes);
  if (enc === undefined || enc === 'buffer') return buffer;
  if (state.decoder === undefined || state.decoder.encoding !== enc) {
    state.decoder = new StringDecoder(enc);
  }
  return last ? state.decoder.end(buffer) : state.decoder.write(buffer);
}

const shared = {
  update(data, inputEncoding, outputEncoding) {
    const state = this[kCipherState];
    const input = bytesOf(data, 'data', inputEncoding,
      ['string', 'Buffer', 'TypedArray', 'DataView']);
    const out = state.phase === 'final' ? undefined :
      binding().cipherUpdate(state.native, input);
    if (out === undefined) {
      throw errorWith(Error, 'Trying to add data in unsupported state');
    }
    state.phase = 'updated';
    return emit(state, out, outputEncoding, false);
  },
  final(outputEncoding) {
    const state = this[kCipherState];
    if (state.phase === 'final') {
      throw errorWith(Error, 'Invalid state', 'ERR_CRYPTO_INVALID_STATE');
    }
    state.phase = 'final';
    // Decrypting without a tag cannot authenticate anything (CCM checks
    // its tag in update()).
    const tagMissing = state.aead && !state.encrypt && !state.tagGiven &&
      state.mode !== 'ccm';
    const out = tagMissing ? undefined : binding().cipherFinal(state.native);
    if (out === undefined) throw authFailure();
    if (state.aead && state.encrypt) {
      state.tag = binding().cipherGetAuthTag(state.native, state.tagLength);
    }
    return emit(state, out, outputEncoding, true);
  },
  setAutoPadding(autoPadding) {
    const state = this[kCipherState];
    const ok = state.phase !== 'final' &&
      binding().cipherSetAutoPadding(state.native, autoPadding !== false);
    if (!ok) throw new ERR_CRYPTO_INVALID_STATE('setAutoPadding');
    return this;
  },
  setAAD(aad, options) {
    const state = this[kCipherState];
    if (!isBytes(aad)) {
      throw new ERR_INVALID_ARG_TYPE('buffer', kBytesTypes.slice(1), aad);
    }
    if (options !== undefined) expectObject(options);
    const plaintextLength = options === undefined ? undefined :
      options.plaintextLength;
    if (plaintextLength !== undefined) {
      validateInt32(plaintextLength, 'options.plaintextLength', 0);
    }
    const ok = state.phase === 'open' && state.aead &&
      binding().cipherSetAAD(state.native, aad,
        plaintextLength === undefined ? -1 : plaintextLength);
    if (!ok) throw new ERR_CRYPTO_INVALID_STATE('setAAD');
    return this;
  },
  _transform(chunk, encoding, callback) {
    this.push(this.update(chunk, encoding));
    callback();
  },
  _flush(callback) {
    let last;
    try {
      last = this.final();
    } catch (err) {
      return callback(err);
    }
    this.push(last);
    callback();
  },
};

// Cipheriv and Decipheriv: callable without `new`, as in Node.
function defineCipherClass(name, encrypt, extra) {
  const Class = {
    [name]: function(cipher, key, iv, options) {
      if (!new.target) return new Class(cipher, key, iv, options);
      openCipher(this, encrypt, cipher, key, iv, options);
    },
  }[name];
  Object.setPrototypeOf(Class.prototype, LazyTransform.prototype);
  Object.setPrototypeOf(Class, LazyTransform);
  for (const [key, value] of Object.entries({ ...shared, ...extra })) {
    Object.defineProperty(Class.prototype, key, {
      value, writable: true, enumerable: false, configurable: true,
    });
  }
  return Class;
}

const Cipheriv = defineCipherClass('Cipheriv', true, {
  getAuthTag() {
    const { tag } = this[kCipherState];
    if (tag === undefined) throw new ERR_CRYPTO_INVALID_STATE('getAuthTag');
    return asBuffer(tag);
  },
});

const Decipheriv = defineCipherClass('Decipheriv', false, {
  setAuthTag(tag, encoding) {
    const state = this[kCipherState];
    const bytes = bytesOf(tag, 'buffer', encoding);
    if (!state.aead || state.phase === 'final' || state.tagGiven) {
      throw new ERR_CRYPTO_INVALID_STATE('setAuthTag');
    }
    const length = bytes.byteLength;
    if (!state.rule(length) || (state.fixedTag && length !== state.tagLength)) {
      throw badTagLength(length);
    }
    if (!binding().cipherSetAuthTag(state.native, bytes)) {
      throw new ERR_CRYPTO_INVALID_STATE('setAuthTag');
    }
    state.tagGiven = true;
    return this;
  },
});

const createCipheriv = (cipher, key, iv, options) =>
  new Cipheriv(cipher, key, iv, options);
const createDecipheriv = (cipher, key, iv, options) =>
  new Decipheriv(cipher, key, iv, options);

// getCipherInfo(nameOrNid[, { keyLength, ivLength }]): undefined for an
// unknown cipher or one whose lengths differ from those asked for.
function getCipherInfo(nameOrNid, options) {
  const kind = typeof nameOrNid;
  if (kind !== 'string' && kind !== 'number') {
    throw new ERR_INVALID_ARG_TYPE('nameOrNid', ['string', 'number'],
      nameOrNid);
  }
  if (options !== undefined) expectObject(options);
  const info = kind === 'string' ? describeCipher(nameOrNid) : undefined;
  if (info === undefined) return undefined;
  const want = options || {};
  if ((want.keyLength !== undefined && want.keyLength !== info.keyLength) ||
      (want.ivLength !== undefined && want.ivLength !== info.ivLength)) {
    return undefined;
  }
  const result = { mode: info.mode, name: info.canonical.toLowerCase(),
    nid: info.nid };
  if (info.mode !== 'stream') result.blockSize = info.blockSize;
  if (info.ivLength !== 0) result.ivLength = info.ivLength;
  result.keyLength = info.keyLength;
  return result;
}

module.exports = {
  Cipheriv, Decipheriv, createCipheriv, createDecipheriv, getCipherInfo,
};

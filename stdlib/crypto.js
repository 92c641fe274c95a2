'use strict';
// node:crypto: hashes, HMAC, ciphers, random numbers and key derivation on OpenSSL 3, plus webcrypto; the asymmetric half comes from internal/crypto/asymmetric.js.

const { codes } = require('./internal/errors');
const { validateBoolean } = require('./internal/validators');
const hash = require('./internal/crypto/hash');
const random = require('./internal/crypto/random');
const kdf = require('./internal/crypto/kdf');
const cipher = require('./internal/crypto/cipher');
const util = require('./internal/crypto/util');
const asymmetric = require('./internal/crypto/asymmetric');

const { ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH } = codes;

function timingSafeEqual(buf1, buf2) {
  for (const [name, value] of [['buf1', buf1], ['buf2', buf2]]) {
    if (!util.isBytes(value)) {
      throw util.errorWith(TypeError, `The "${name}" argument must be an ` +
        'instance of ArrayBuffer, Buffer, TypedArray, or DataView.',
      'ERR_INVALID_ARG_TYPE');
    }
  }
  if (buf1.byteLength !== buf2.byteLength) {
    throw new ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH();
  }
  return util.binding().timingSafeEqual(buf1, buf2);
}

// TLS and engine constants Node exports whatever the build; the OpenSSL
// version number is the loaded library's, filled in on first load.
const constants = {
  __proto__: null,
  OPENSSL_VERSION_NUMBER: 0,
  SSL_OP_ALL: 2147485776,
  SSL_OP_ALLOW_NO_DHE_KEX: 1024,
  SSL_OP_ALLOW_UNSAFE_LEGACY_RENEGOTIATION: 262144,
  SSL_OP_CIPHER_SERVER_PREFERENCE: 4194304,
  SSL_OP_CISCO_ANYCONNECT: 32768,
  SSL_OP_COOKIE_EXCHANGE: 8192,
  SSL_OP_CRYPTOPRO_TLSEXT_BUG: 2147483648,
  SSL_OP_DONT_INSERT_EMPTY_FRAGMENTS: 2048,
  SSL_OP_LEGACY_SERVER_CONNECT: 4,
  SSL_OP_NO_COMPRESSION: 131072,
  SSL_OP_NO_ENCRYPT_THEN_MAC: 524288,
  SSL_OP_NO_QUERY_MTU: 4096,
  SSL_OP_NO_RENEGOTIATION: 1073741824,
  SSL_OP_NO_SESSION_RESUMPTION_ON_RENEGOTIATION: 65536,
  SSL_OP_NO_SSLv2: 0,
  SSL_OP_NO_SSLv3: 33554432,
  SSL_OP_NO_TICKET: 16384,
  SSL_OP_NO_TLSv1: 67108864,
  SSL_OP_NO_TLSv1_1: 268435456,
  SSL_OP_NO_TLSv1_2: 134217728,
  SSL_OP_NO_TLSv1_3: 536870912,
  SSL_OP_PRIORITIZE_CHACHA: 2097152,
  SSL_OP_TLS_ROLLBACK_BUG: 8388608,
  ENGINE_METHOD_RSA: 1,
  ENGINE_METHOD_DSA: 2,
  ENGINE_METHOD_DH: 4,
  ENGINE_METHOD_RAND: 8,
  ENGINE_METHOD_EC: 2048,
  ENGINE_METHOD_CIPHERS: 64,
  ENGINE_METHOD_DIGESTS: 128,
  ENGINE_METHOD_PKEY_METHS: 512,
  ENGINE_METHOD_PKEY_ASN1_METHS: 1024,
  ENGINE_METHOD_ALL: 65535,
  ENGINE_METHOD_NONE: 0,
  DH_CHECK_P_NOT_SAFE_PRIME: 2,
  DH_CHECK_P_NOT_PRIME: 1,
  DH_UNABLE_TO_CHECK_GENERATOR: 4,
  DH_NOT_SUITABLE_GENERATOR: 8,
  RSA_PKCS1_PADDING: 1,
  RSA_NO_PADDING: 3,
  RSA_PKCS1_OAEP_PADDING: 4,
  RSA_X931_PADDING: 5,
  RSA_PKCS1_PSS_PADDING: 6,
  RSA_PSS_SALTLEN_DIGEST: -1,
  RSA_PSS_SALTLEN_MAX_SIGN: -2,
  RSA_PSS_SALTLEN_AUTO: -2,
  defaultCoreCipherList: '',
  TLS1_VERSION: 769,
  TLS1_1_VERSION: 770,
  TLS1_2_VERSION: 771,
  TLS1_3_VERSION: 772,
  POINT_CONVERSION_COMPRESSED: 2,
  POINT_CONVERSION_UNCOMPRESSED: 4,
  POINT_CONVERSION_HYBRID: 6,
  defaultCipherList: '',
};
constants.defaultCoreCipherList = 'TLS_AES_256_GCM_SHA384:' +
  'TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256:' +
  'ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES128-GCM-SHA256:' +
  'ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-AES256-GCM-SHA384:' +
  'DHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-SHA256:DHE-RSA-AES128-SHA256:' +
  'ECDHE-RSA-AES256-SHA384:DHE-RSA-AES256-SHA384:ECDHE-RSA-AES256-SHA256:' +
  'DHE-RSA-AES256-SHA256:HIGH:!aNULL:!eNULL:!EXPORT:!DES:!RC4:!MD5:!PSK:' +
  '!SRP:!CAMELLIA';
// defaultCipherList is an accessor in Node (--tls-cipher-list can change it).
{
  let cipherList = constants.defaultCoreCipherList;
  Object.defineProperty(constants, 'defaultCipherList', {
    get() { return cipherList; },
    set(value) { cipherList = value; },
    enumerable: true, configurable: true,
  });
}
constants.OPENSSL_VERSION_NUMBER = util.binding().getOpenSslVersion()[1];

function webcrypto() {
  return require('./internal/crypto/webcrypto');
}

const exported = {
  // The order of Node's own export list, so Object.keys() matches.
  createCipheriv: cipher.createCipheriv,
  createDecipheriv: cipher.createDecipheriv,
  createHash: hash.createHash,
  createHmac: hash.createHmac,
  getCiphers: util.getCiphers,
  getCipherInfo: cipher.getCipherInfo,
  getCurves: util.getCurves,
  getHashes: util.getHashes,
  hkdf: kdf.hkdf,
  hkdfSync: kdf.hkdfSync,
  pbkdf2: kdf.pbkdf2,
  pbkdf2Sync: kdf.pbkdf2Sync,
  randomBytes: random.randomBytes,
  randomFill: random.randomFill,
  randomFillSync: random.randomFillSync,
  randomInt: random.randomInt,
  randomUUID: random.randomUUID,
  scrypt: kdf.scrypt,
  scryptSync: kdf.scryptSync,
  timingSafeEqual,
  getFips() { return 0; },
  setFips(value) {
    validateBoolean(value, 'fips');
    if (value) {
      throw util.errorWith(Error, 'Cannot set FIPS mode in a non-FIPS build.',
        'ERR_CRYPTO_FIPS_UNAVAILABLE');
    }
  },
  setEngine() {
    throw new codes.ERR_CRYPTO_CUSTOM_ENGINE_NOT_SUPPORTED();
  },
  secureHeapUsed() {
    return { total: 0, used: 0, utilization: 0, min: 0 };
  },
  hash: hash.hash,
  getRandomValues: random.getRandomValues,
  Cipheriv: cipher.Cipheriv,
  Decipheriv: cipher.Decipheriv,
  Hash: hash.Hash,
  Hmac: hash.Hmac,
  constants,
};

// h-keys' half (keys, sign/verify, DH, X509) joins in: it may override
// nothing of the above but adds its own names.
for (const name of Object.keys(asymmetric)) {
  if (!(name in exported)) exported[name] = asymmetric[name];
}

Object.defineProperties(exported, {
  webcrypto: {
    get() { return webcrypto().crypto; },
    enumerable: true, configurable: true,
  },
  subtle: {
    get() { return webcrypto().crypto.subtle; },
    enumerable: true, configurable: true,
  },
});

module.exports = exported;

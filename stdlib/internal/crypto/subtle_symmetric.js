'use strict';
// Web Crypto's secret-key algorithms: HMAC, AES-GCM/CBC/CTR/KW, PBKDF2 and HKDF, registered into subtle.js's table.

const { Buffer } = require('../../buffer');
const { DOMException } = require('../dom_exception');
const { binding } = require('./util');
const {
  bufferSource, kDigestNames, normalizeHash, registerAlgorithm,
} = require('./subtle_table');
const w = require('./webcrypto_key');

function syntaxError(message) {
  return new DOMException(message, 'SyntaxError');
}

function dataError(message) {
  return new DOMException(message, 'DataError');
}

function operationError(message = 'The operation failed for an ' +
  'operation-specific reason') {
  return new DOMException(message, 'OperationError');
}

function material(key) {
  return w.keyMaterial(key);
}

function randomKey(bytes) {
  const buf = Buffer.allocUnsafe(bytes);
  binding().randomFill(buf, 0, bytes);
  return buf;
}

function checkUsages(usages, allowed, message) {
  for (const usage of usages) {
    if (!allowed.includes(usage)) throw syntaxError(message);
  }
}

// A JWK's `k` for an oct key, checked; returns the key bytes.
function jwkSecret(jwk, usages, extractable, alg) {
  if (jwk === null || typeof jwk !== 'object') {
    throw dataError('Invalid keyData');
  }
  if (jwk.kty !== 'oct') throw dataError('Invalid JWK "kty" Parameter');
  if (typeof jwk.k !== 'string') throw dataError('Invalid JWK "k" Parameter');
  if (jwk.use !== undefined && jwk.use !== 'enc' && jwk.use !== 'sig') {
    throw dataError('Invalid JWK "use" Parameter');
  }
  if (Array.isArray(jwk.key_ops)) {
    for (const usage of usages) {
      if (!jwk.key_ops.includes(usage)) {
        throw dataError('Key operations and usage mismatch');
      }
    }
  }
  if (jwk.ext === false && extractable) {
    throw dataError('JWK "ext" Parameter and extractable mismatch');
  }
  if (alg !== undefined && jwk.alg !== undefined && jwk.alg !== alg) {
    throw dataError('JWK "alg" does not match the requested algorithm');
  }
  return Buffer.from(jwk.k, 'base64url');
}

function exportSecret(format, key, alg) {
  const bytes = material(key);
  if (format === 'raw') {
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length);
  }
  if (format === 'jwk') {
    const jwk = {
      key_ops: key.usages,
      ext: key.extractable,
      kty: 'oct',
      k: bytes.toString('base64url'),
    };
    if (alg !== undefined) jwk.alg = alg;
    return jwk;
  }
  throw new DOMException('Unsupported export format', 'NotSupportedError');
}

function arrayBuffer(bytes) {
  const buf = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength);
}

// ---- HMAC -------------------------------------------------------------------

// The block size of each hash in bits: HMAC's default key length.
const kBlockBits = { 'SHA-1': 512, 'SHA-256': 512, 'SHA-384': 1024,
  'SHA-512': 1024 };

function hmacLength(algorithm) {
  if (algorithm.hash === undefined) {
    throw new TypeError('HmacKeyAlgorithm: hash: Missing or not a ' +
      'AlgorithmIdentifier');
  }
  if (algorithm.length === undefined) return kBlockBits[algorithm.hash.name];
  const length = Number(algorithm.length);
  if (length === 0) throw operationError('Zero-length key is not supported');
  return length;
}

// generateKey's keys show length before hash, imported keys after it (as
// Node's do).
function hmacKey(algorithm, bytes, extractable, usages, length, imported) {
  const hash = { name: algorithm.hash.name };
  const shape = imported ? { name: 'HMAC', hash, length } :
    { name: 'HMAC', length, hash };
  return w.newCryptoKey('secret', shape, extractable, usages, bytes);
}

const kHmacUsages = ['sign', 'verify'];

registerAlgorithm('HMAC', {
  generateKey(algorithm, extractable, usages) {
    checkUsages(usages, kHmacUsages, 'Unsupported key usage for an HMAC key');
    const length = hmacLength(algorithm);
    const bytes = randomKey(Math.ceil(length / 8));
    return hmacKey(algorithm, bytes, extractable, usages, length);
  },
  importKey(format, keyData, algorithm, extractable, usages) {
    checkUsages(usages, kHmacUsages, 'Unsupported key usage for an HMAC key');
    if (algorithm.hash === undefined) hmacLength(algorithm);
    let bytes;
    if (format === 'raw') {
      bytes = keyData;
    } else if (format === 'jwk') {
      const alg = `HS${algorithm.hash.name.slice(4)}`;
      bytes = jwkSecret(keyData, usages, extractable,
        algorithm.hash.name === 'SHA-1' ? 'HS1' : alg);
    } else {
      throw new DOMException('Unable to import HMAC key with format ' + format,
        'NotSupportedError');
    }
    if (bytes.length === 0) throw dataError('Zero-length key is not supported');
    let length = bytes.length * 8;
    if (algorithm.length !== undefined) {
      if (algorithm.length > length || algorithm.length <= length - 8) {
        throw dataError('Invalid key length');
      }
      length = algorithm.length;
    }
    return hmacKey(algorithm, bytes, extractable, usages, length, true);
  },
  exportKey(format, key) {
    const hashName = key.algorithm.hash.name;
    return exportSecret(format, key,
      hashName === 'SHA-1' ? 'HS1' : `HS${hashName.slice(4)}`);
  },
  sign(algorithm, key, data) {
    return arrayBuffer(hmac(key, data));
  },
  verify(algorithm, key, signature, data) {
    const mac = hmac(key, data);
    return mac.length === signature.length &&
      binding().timingSafeEqual(mac, signature);
  },
  getKeyLength(algorithm) {
    return hmacLength(algorithm);
  },
});

function hmac(key, data) {
  const handle = binding().hmacNew(kDigestNames[key.algorithm.hash.name],
    material(key));
  binding().hmacUpdate(handle, data, false);
  return binding().hmacDigest(handle);
}

// ---- AES --------------------------------------------------------------------

function aesLength(algorithm) {
  const { length } = algorithm;
  if (length !== 128 && length !== 192 && length !== 256) {
    throw operationError('AES key length must be 128, 192, or 256 bits');
  }
  return length;
}

function aesKey(name, bytes, extractable, usages) {
  return w.newCryptoKey('secret',
    { name, length: bytes.length * 8 }, extractable, usages, bytes);
}

function registerAes(name, suffix, usagesAllowed, ops) {
  const message = 'Unsupported key usage for an AES key';
  registerAlgorithm(name, {
    generateKey(algorithm, extractable, usages) {
      checkUsages(usages, usagesAllowed, message);
      const length = aesLength(algorithm);
      return aesKey(name, randomKey(length / 8), extractable, usages);
    },
    importKey(format, keyData, algorithm, extractable, usages) {
      checkUsages(usages, usagesAllowed, message);
      let bytes;
      if (format === 'raw') {
        bytes = keyData;
      } else if (format === 'jwk') {
        const peek = keyData !== null && typeof keyData === 'object' &&
          typeof keyData.k === 'string' ?
          Buffer.from(keyData.k, 'base64url').length * 8 : 0;
        bytes = jwkSecret(keyData, usages, extractable, `A${peek}${suffix}`);
      } else {
        throw new DOMException(`Unable to import AES key with format ${format}`,
          'NotSupportedError');
      }
      if (![16, 24, 32].includes(bytes.length)) {
        throw dataError('Invalid key length');
      }
      return aesKey(name, bytes, extractable, usages);
    },
    exportKey(format, key) {
      return exportSecret(format, key, `A${key.algorithm.length}${suffix}`);
    },
    getKeyLength(algorithm) {
      return aesLength(algorithm);
    },
    ...ops,
  });
}

function ivBytes(value, name) {
  if (value === undefined) {
    throw new TypeError(`${name}: Missing or not a BufferSource`);
  }
  return bufferSource(value, 'encrypt', name);
}

function runCipher(cipherName, key, iv, data, encrypt, setup) {
  const b = binding();
  const handle = b.cipherNew(cipherName, material(key), iv, encrypt,
    setup && setup.tagLength !== undefined ? setup.tagLength : -1);
  if (typeof handle === 'string') throw operationError();
  if (setup && setup.aad !== undefined &&
      !b.cipherSetAAD(handle, setup.aad, -1)) {
    throw operationError();
  }
  if (setup && setup.tag !== undefined && !b.cipherSetAuthTag(handle,
    setup.tag)) {
    throw operationError();
  }
  const head = b.cipherUpdate(handle, data);
  if (head === undefined) throw operationError();
  let tail;
  try {
    tail = b.cipherFinal(handle);
  } catch {
    throw operationError();
  }
  if (tail === undefined) throw operationError();
  const parts = [Buffer.from(head.buffer, head.byteOffset, head.length),
    Buffer.from(tail.buffer, tail.byteOffset, tail.length)];
  if (setup && setup.getTag) {
    parts.push(Buffer.from(b.cipherGetAuthTag(handle, setup.tagLength)));
  }
  return Buffer.concat(parts);
}

function aesName(key, mode) {
  return `aes-${key.algorithm.length}-${mode}`;
}

const kGcmTags = [32, 64, 96, 104, 112, 120, 128];

function gcm(encrypt) {
  return (algorithm, key, data) => {
    const iv = ivBytes(algorithm.iv, 'AesGcmParams: iv');
    const tagBits = algorithm.tagLength === undefined ? 128 :
      Number(algorithm.tagLength);
    if (!kGcmTags.includes(tagBits)) {
      throw operationError(`${tagBits} is not a valid AES-GCM tag length`);
    }
    const tagLength = tagBits / 8;
    const aad = algorithm.additionalData === undefined ? undefined :
      ivBytes(algorithm.additionalData, 'AesGcmParams: additionalData');
    if (encrypt) {
      return arrayBuffer(runCipher(aesName(key, 'gcm'), key, iv, data, true,
        { tagLength, aad, getTag: true }));
    }
    if (data.length < tagLength) {
      throw operationError('The provided data is too small.');
    }
    const tag = data.subarray(data.length - tagLength);
    const body = data.subarray(0, data.length - tagLength);
    return arrayBuffer(runCipher(aesName(key, 'gcm'), key, iv, body, false,
      { tagLength, aad, tag }));
  };
}

function cbc(encrypt) {
  return (algorithm, key, data) => {
    const iv = ivBytes(algorithm.iv, 'AesCbcParams: iv');
    if (iv.length !== 16) {
      throw operationError('algorithm.iv must contain exactly 16 bytes');
    }
    return arrayBuffer(runCipher(aesName(key, 'cbc'), key, iv, data, encrypt));
  };
}

function ctr(encrypt) {
  return (algorithm, key, data) => {
    const counter = ivBytes(algorithm.counter, 'AesCtrParams: counter');
    if (counter.length !== 16) {
      throw operationError('algorithm.counter must contain exactly 16 bytes');
    }
    const { length } = algorithm;
    if (!(length > 0 && length <= 128)) {
      throw operationError('AES-CTR algorithm.length must be between 1 and ' +
        '128');
    }
    return arrayBuffer(runCipher(aesName(key, 'ctr'), key, counter, data,
      encrypt));
  };
}

const kAesUsages = ['encrypt', 'decrypt', 'wrapKey', 'unwrapKey'];
registerAes('AES-GCM', 'GCM', kAesUsages,
  { encrypt: gcm(true), decrypt: gcm(false) });
registerAes('AES-CBC', 'CBC', kAesUsages,
  { encrypt: cbc(true), decrypt: cbc(false) });
registerAes('AES-CTR', 'CTR', kAesUsages,
  { encrypt: ctr(true), decrypt: ctr(false) });
registerAes('AES-KW', 'KW', ['wrapKey', 'unwrapKey'], {
  encrypt(algorithm, key, data) {
    return arrayBuffer(runCipher(`id-aes${key.algorithm.length}-wrap`, key,
      null, data, true));
  },
  decrypt(algorithm, key, data) {
    return arrayBuffer(runCipher(`id-aes${key.algorithm.length}-wrap`, key,
      null, data, false));
  },
});

// ---- PBKDF2 and HKDF ----------------------------------------------------------

function registerKdf(name, derive) {
  registerAlgorithm(name, {
    importKey(format, keyData, algorithm, extractable, usages) {
      if (format !== 'raw') {
        throw new DOMException(`Unable to import ${name} key with format ` +
          format, 'NotSupportedError');
      }
      checkUsages(usages, ['deriveKey', 'deriveBits'],
        `Unsupported key usage for a ${name} key`);
      if (extractable) throw syntaxError(`${name} keys are not extractable`);
      return w.newCryptoKey('secret', { name }, false, usages,
        Buffer.from(keyData));
    },
    deriveBits(algorithm, baseKey, length) {
      if (length === null || length === undefined || length % 8 !== 0) {
        throw operationError('length must be a multiple of 8');
      }
      if (algorithm.hash === undefined) normalizeHash(undefined);
      return new Promise((resolve, reject) => {
        derive(algorithm, material(baseKey), length / 8, (err, out) => {
          if (err) reject(operationError());
          else resolve(out.buffer);
        });
      });
    },
  });
}

registerKdf('PBKDF2', (algorithm, key, bytes, done) => {
  const salt = bufferSource(algorithm.salt, 'deriveBits', 'salt');
  const iterations = Number(algorithm.iterations);
  if (!(iterations > 0)) throw operationError('iterations cannot be zero');
  binding().pbkdf2(key, salt, iterations, bytes,
    kDigestNames[algorithm.hash.name], done);
});

registerKdf('HKDF', (algorithm, key, bytes, done) => {
  const salt = bufferSource(algorithm.salt, 'deriveBits', 'salt');
  const info = bufferSource(algorithm.info, 'deriveBits', 'info');
  binding().hkdf(kDigestNames[algorithm.hash.name], key, salt, info, bytes,
    done);
});

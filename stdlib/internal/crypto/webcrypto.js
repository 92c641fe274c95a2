'use strict';
// The Web Crypto global: globalThis.crypto, a Crypto whose subtle is subtle.js's SubtleCrypto.

const { codes } = require('../errors');
const random = require('./random');
const { CryptoKey } = require('./webcrypto_key');
const { SubtleCrypto, subtle } = require('./subtle');

const { ERR_INVALID_THIS, ERR_ILLEGAL_CONSTRUCTOR } = codes;

const kConstructing = Symbol('kConstructing');

class Crypto {
  constructor(token) {
    if (token !== kConstructing) throw new ERR_ILLEGAL_CONSTRUCTOR();
  }

  get subtle() {
    if (!(this instanceof Crypto)) throw new ERR_INVALID_THIS('Crypto');
    return subtle;
  }

  getRandomValues(array) {
    if (!(this instanceof Crypto)) throw new ERR_INVALID_THIS('Crypto');
    return random.getRandomValues(array);
  }

  randomUUID() {
    if (!(this instanceof Crypto)) throw new ERR_INVALID_THIS('Crypto');
    return random.randomUUID();
  }
}
Object.defineProperty(Crypto.prototype, Symbol.toStringTag, {
  value: 'Crypto', configurable: true,
});
Object.defineProperty(Crypto.prototype, 'subtle', { enumerable: true });
const crypto = new Crypto(kConstructing);

module.exports = {
  Crypto, CryptoKey, SubtleCrypto, crypto, subtle,
};

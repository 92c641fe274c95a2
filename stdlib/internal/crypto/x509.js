'use strict';
// X509Certificate: a parsed certificate's fields (read once from OpenSSL),
// host/IP/email checks, signature and issuer checks, and the legacy object
// tls.TLSSocket#getPeerCertificate() hands out.

const binding = internalBinding('crypto_keys');
const { Buffer } = require('../../buffer');
const { codes } = require('../errors');
const { isArrayBufferView } = require('../util/types');
const { validateObject, validateString, validateBoolean } =
  require('../validators');
const { KeyObject, PublicKeyObject, handleOf } = require('./keys');


const kHandle = Symbol('kX509Handle');
const kInfo = Symbol('kInfo');
const kInspect = Symbol.for('nodejs.util.inspect.custom');

// The boolean options of checkHost/checkEmail: [name, default, the
// X509_CHECK_FLAG_* bit (x509v3.h) set when the option differs from the
// default].
const kFlagOptions = [
  ['wildcards', true, 0x2],
  ['partialWildcards', true, 0x4],
  ['multiLabelWildcards', false, 0x8],
  ['singleLabelSubdomains', false, 0x10],
];
// subject: 'default', 'always' (ALWAYS_CHECK_SUBJECT) or 'never'.
const kSubjectFlags = new Map([['default', 0], ['always', 0x1],
  ['never', 0x20]]);

const kFields = ['subject', 'issuer', 'subjectAltName', 'infoAccess',
  'validFrom', 'validTo', 'fingerprint', 'fingerprint256', 'fingerprint512',
  'serialNumber', 'raw', 'pem', 'ca', 'keyUsage', 'publicKeyHandle'];

function fieldsOf(cert) {
  let info = cert[kInfo];
  if (info === undefined) {
    const values = binding.x509Info(certHandle(cert));
    info = {};
    for (let i = 0; i < kFields.length; i++) info[kFields[i]] = values[i];
    info.raw = Buffer.from(info.raw);
    cert[kInfo] = info;
  }
  return info;
}

function checkFlags(options) {
  if (options === undefined) return 0;
  validateObject(options, 'options');
  let flags = 0;
  for (const [name, fallback, bit] of kFlagOptions) {
    const value = options[name] === undefined ? fallback : options[name];
    validateBoolean(value, `options.${name}`);
    if (value !== fallback) flags |= bit;
  }
  const subject = options.subject === undefined ? 'default' : options.subject;
  const subjectFlag = kSubjectFlags.get(subject);
  if (subjectFlag === undefined) {
    throw new codes.ERR_INVALID_ARG_VALUE('options.subject', subject);
  }
  return flags | subjectFlag;
}

// "C=US\nO=Org" as a null-prototype object; repeated keys become arrays.
function parseName(text) {
  const out = { __proto__: null };
  if (text === undefined) return out;
  for (const line of text.split('\n')) {
    const at = line.indexOf('=');
    if (at <= 0) continue;
    const key = line.slice(0, at);
    const value = line.slice(at + 1);
    if (key in out) {
      out[key] = Array.isArray(out[key]) ? [...out[key], value] :
        [out[key], value];
    } else {
      out[key] = value;
    }
  }
  return out;
}

const kNistNames = { __proto__: null, prime256v1: 'P-256',
  secp384r1: 'P-384', secp521r1: 'P-521', secp224r1: 'P-224',
  prime192v1: 'P-192' };

// The parsed certificate behind `cert`; a look-alike `this` is refused
// before it reaches the binding.
function certHandle(cert) {
  const handle = cert === null || typeof cert !== 'object' ? undefined :
    cert[kHandle];
  if (handle === undefined) throw new codes.ERR_INVALID_THIS('X509Certificate');
  return handle;
}

function stringArg(value, name) {
  validateString(value, name);
  return value;
}

// A KeyObject argument of the given type (`pkey` in Node's messages).
function keyOfType(pkey, type) {
  if (!(pkey instanceof KeyObject)) {
    throw new codes.ERR_INVALID_ARG_TYPE('pkey', 'KeyObject', pkey);
  }
  if (pkey.type !== type) throw new codes.ERR_INVALID_ARG_VALUE('pkey', pkey);
  return pkey;
}

class X509Certificate {
  constructor(buffer) {
    const isText = typeof buffer === 'string';
    if (!isText && !isArrayBufferView(buffer)) {
      throw new codes.ERR_INVALID_ARG_TYPE('buffer',
        ['string', 'Buffer', 'TypedArray', 'DataView'], buffer);
    }
    const handle = binding.x509Parse(isText ? Buffer.from(buffer) : buffer);
    Object.defineProperty(this, kHandle, { value: handle });
    Object.defineProperty(this, kInfo, { value: undefined, writable: true });
  }

  [kInspect](depth, options, inspect) {
    // Past the depth limit, as inspect shows any other object.
    if (depth < 0) return this;
    const shown = {};
    for (const name of ['subject', 'subjectAltName', 'issuer', 'infoAccess',
      'validFrom', 'validTo', 'fingerprint', 'fingerprint256',
      'fingerprint512', 'keyUsage', 'serialNumber']) {
      shown[name] = this[name];
    }
    const body = inspect(shown, { ...options, depth: options.depth });
    return `X509Certificate ${body}`;
  }

  get subject() { return fieldsOf(this).subject; }
  get subjectAltName() { return fieldsOf(this).subjectAltName; }
  get issuer() { return fieldsOf(this).issuer; }
  // Set only by TLS, for peer certificates whose chain it has.
  get issuerCertificate() { return undefined; }
  get infoAccess() { return fieldsOf(this).infoAccess; }
  get validFrom() { return fieldsOf(this).validFrom; }
  get validTo() { return fieldsOf(this).validTo; }
  get fingerprint() { return fieldsOf(this).fingerprint; }
  get fingerprint256() { return fieldsOf(this).fingerprint256; }
  get fingerprint512() { return fieldsOf(this).fingerprint512; }
  get keyUsage() { return fieldsOf(this).keyUsage; }
  get serialNumber() { return fieldsOf(this).serialNumber; }
  get raw() { return fieldsOf(this).raw; }

  get publicKey() {
    const handle = fieldsOf(this).publicKeyHandle;
    return handle === undefined ? undefined : new PublicKeyObject(handle);
  }

  toString() { return fieldsOf(this).pem; }
  toJSON() { return this.toString(); }
  get ca() { return fieldsOf(this).ca; }

  checkHost(name, options) {
    return binding.x509CheckHost(certHandle(this), stringArg(name, 'name'),
      checkFlags(options));
  }

  checkEmail(email, options) {
    stringArg(email, 'email');
    const matched = binding.x509CheckEmail(certHandle(this), email,
      checkFlags(options));
    return matched ? email : undefined;
  }

  checkIP(ip) {
    const { isIP } = require('../../net');
    if (isIP(stringArg(ip, 'ip')) === 0) {
      throw new codes.ERR_INVALID_ARG_VALUE('ip', ip);
    }
    return binding.x509CheckIP(certHandle(this), ip) ? ip : undefined;
  }

  checkIssued(otherCert) {
    if (!(otherCert instanceof X509Certificate)) {
      throw new codes.ERR_INVALID_ARG_TYPE('otherCert', 'X509Certificate',
        otherCert);
    }
    return binding.x509CheckIssued(certHandle(this), certHandle(otherCert));
  }

  checkPrivateKey(pkey) {
    return binding.x509CheckPrivateKey(certHandle(this),
      handleOf(keyOfType(pkey, 'private')));
  }

  verify(pkey) {
    return binding.x509Verify(certHandle(this),
      handleOf(keyOfType(pkey, 'public')));
  }

  toLegacyObject() {
    const info = fieldsOf(this);
    const out = {
      subject: parseName(info.subject),
      issuer: parseName(info.issuer),
    };
    if (info.subjectAltName !== undefined) {
      out.subjectaltname = info.subjectAltName;
    }
    if (info.infoAccess !== undefined) {
      const access = { __proto__: null };
      // "OCSP - URI:http://..." lines: the method and name type, then
      // the name.
      for (const line of info.infoAccess.split('\n')) {
        const at = line.indexOf(':');
        if (at < 0) continue;
        const key = line.slice(0, at);
        (access[key] || (access[key] = [])).push(line.slice(at + 1));
      }
      out.infoAccess = access;
    }
    out.ca = info.ca;
    const key = this.publicKey;
    if (key !== undefined) {
      const type = key.asymmetricKeyType;
      const details = key.asymmetricKeyDetails;
      if (type === 'rsa' || type === 'rsa-pss') {
        const jwk = key.export({ format: 'jwk' });
        out.modulus = Buffer.from(jwk.n, 'base64url').toString('hex')
          .toUpperCase();
        out.bits = details.modulusLength;
        out.exponent = `0x${details.publicExponent.toString(16)}`;
        out.pubkey = key.export({ format: 'der', type: 'spki' });
      } else if (type === 'ec') {
        const jwk = key.export({ format: 'jwk' });
        const x = Buffer.from(jwk.x, 'base64url');
        out.bits = x.length * 8 === 528 ? 521 : x.length * 8;
        out.pubkey = Buffer.concat([Buffer.from([4]), x,
          Buffer.from(jwk.y, 'base64url')]);
        out.asn1Curve = details.namedCurve;
        if (kNistNames[details.namedCurve] !== undefined) {
          out.nistCurve = kNistNames[details.namedCurve];
        }
      }
    }
    out.valid_from = info.validFrom;
    out.valid_to = info.validTo;
    out.fingerprint = info.fingerprint;
    out.fingerprint256 = info.fingerprint256;
    out.fingerprint512 = info.fingerprint512;
    if (info.keyUsage !== undefined) out.ext_key_usage = info.keyUsage;
    out.serialNumber = info.serialNumber;
    out.raw = info.raw;
    return out;
  }
}

module.exports = { X509Certificate };

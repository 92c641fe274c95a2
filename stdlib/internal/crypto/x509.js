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

const {
  ERR_INVALID_ARG_TYPE,
  ERR_INVALID_ARG_VALUE,
} = codes;

const kHandle = Symbol('kHandle');
const kInfo = Symbol('kInfo');
const kInspect = Symbol.for('nodejs.util.inspect.custom');

// X509_CHECK_FLAG_* from OpenSSL's x509v3.h.
const kAlwaysCheckSubject = 0x1;
const kNoWildcards = 0x2;
const kNoPartialWildcards = 0x4;
const kMultiLabelWildcards = 0x8;
const kSingleLabelSubdomains = 0x10;
const kNeverCheckSubject = 0x20;

const kFields = ['subject', 'issuer', 'subjectAltName', 'infoAccess',
  'validFrom', 'validTo', 'fingerprint', 'fingerprint256', 'fingerprint512',
  'serialNumber', 'raw', 'pem', 'ca', 'keyUsage', 'publicKeyHandle'];

function fieldsOf(cert) {
  let info = cert[kInfo];
  if (info === undefined) {
    const values = binding.x509Info(cert[kHandle]);
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
  const {
    subject = 'default',
    wildcards = true,
    partialWildcards = true,
    multiLabelWildcards = false,
    singleLabelSubdomains = false,
  } = options;
  validateBoolean(wildcards, 'options.wildcards');
  validateBoolean(partialWildcards, 'options.partialWildcards');
  validateBoolean(multiLabelWildcards, 'options.multiLabelWildcards');
  validateBoolean(singleLabelSubdomains, 'options.singleLabelSubdomains');
  let flags = 0;
  if (subject === 'always') flags |= kAlwaysCheckSubject;
  else if (subject === 'never') flags |= kNeverCheckSubject;
  else if (subject !== 'default') {
    throw new ERR_INVALID_ARG_VALUE('options.subject', subject);
  }
  if (!wildcards) flags |= kNoWildcards;
  if (!partialWildcards) flags |= kNoPartialWildcards;
  if (multiLabelWildcards) flags |= kMultiLabelWildcards;
  if (singleLabelSubdomains) flags |= kSingleLabelSubdomains;
  return flags;
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

class X509Certificate {
  constructor(buffer) {
    let bytes;
    if (typeof buffer === 'string') {
      bytes = Buffer.from(buffer);
    } else if (isArrayBufferView(buffer)) {
      bytes = buffer;
    } else {
      throw new ERR_INVALID_ARG_TYPE('buffer',
        ['string', 'Buffer', 'TypedArray', 'DataView'], buffer);
    }
    Object.defineProperty(this, kHandle, {
      value: binding.x509Parse(bytes), enumerable: false,
    });
    Object.defineProperty(this, kInfo, {
      value: undefined, writable: true, enumerable: false,
    });
  }

  [kInspect](depth, options, inspect) {
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
    validateString(name, 'name');
    return binding.x509CheckHost(this[kHandle], name, checkFlags(options));
  }

  checkEmail(email, options) {
    validateString(email, 'email');
    const flags = checkFlags(options);
    return binding.x509CheckEmail(this[kHandle], email, flags) ?
      email : undefined;
  }

  checkIP(ip) {
    validateString(ip, 'ip');
    const { isIP } = require('../../net');
    if (isIP(ip) === 0) throw new ERR_INVALID_ARG_VALUE('ip', ip);
    return binding.x509CheckIP(this[kHandle], ip) ? ip : undefined;
  }

  checkIssued(otherCert) {
    if (!(otherCert instanceof X509Certificate)) {
      throw new ERR_INVALID_ARG_TYPE('otherCert', 'X509Certificate',
        otherCert);
    }
    return binding.x509CheckIssued(this[kHandle], otherCert[kHandle]);
  }

  checkPrivateKey(pkey) {
    if (!(pkey instanceof KeyObject)) {
      throw new ERR_INVALID_ARG_TYPE('pkey', 'KeyObject', pkey);
    }
    if (pkey.type !== 'private') throw new ERR_INVALID_ARG_VALUE('pkey', pkey);
    return binding.x509CheckPrivateKey(this[kHandle], handleOf(pkey));
  }

  verify(pkey) {
    if (!(pkey instanceof KeyObject)) {
      throw new ERR_INVALID_ARG_TYPE('pkey', 'KeyObject', pkey);
    }
    if (pkey.type !== 'public') throw new ERR_INVALID_ARG_VALUE('pkey', pkey);
    return binding.x509Verify(this[kHandle], handleOf(pkey));
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

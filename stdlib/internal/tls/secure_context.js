'use strict';
// tls.createSecureContext and SecureContext: one OpenSSL SSL_CTX configured
// from the documented options (keys, certificates, CAs, protocol range,
// ciphers, groups, DH, session settings). The system's root certificates
// and NODE_EXTRA_CA_CERTS are read on the first context that needs them.

const binding = internalBinding('tls_wrap');
const { Buffer } = require('../../buffer');
const { codes } = require('../errors');
const { isArrayBufferView } = require('../util/types');
const { validateInteger, validateNumber, validateObject, validateString } =
  require('../validators');

const kDefaultCiphers = [
  'TLS_AES_256_GCM_SHA384', 'TLS_CHACHA20_POLY1305_SHA256',
  'TLS_AES_128_GCM_SHA256', 'ECDHE-RSA-AES128-GCM-SHA256',
  'ECDHE-ECDSA-AES128-GCM-SHA256', 'ECDHE-RSA-AES256-GCM-SHA384',
  'ECDHE-ECDSA-AES256-GCM-SHA384', 'DHE-RSA-AES128-GCM-SHA256',
  'ECDHE-RSA-AES128-SHA256', 'DHE-RSA-AES128-SHA256',
  'ECDHE-RSA-AES256-SHA384', 'DHE-RSA-AES256-SHA384',
  'ECDHE-RSA-AES256-SHA256', 'DHE-RSA-AES256-SHA256', 'HIGH', '!aNULL',
  '!eNULL', '!EXPORT', '!DES', '!RC4', '!MD5', '!PSK', '!SRP', '!CAMELLIA',
].join(':');

// Protocol names and their wire versions.
const kVersions = new Map([
  ['TLSv1', 0x301], ['TLSv1.1', 0x302], ['TLSv1.2', 0x303], ['TLSv1.3', 0x304],
]);

// secureProtocol method names: [min, max] versions (0 means open).
const kMethods = new Map([
  ['TLS_method', [0, 0]], ['TLS_client_method', [0, 0]],
  ['TLS_server_method', [0, 0]], ['SSLv23_method', [0, 0]],
  ['SSLv23_client_method', [0, 0]], ['SSLv23_server_method', [0, 0]],
  ['TLSv1_method', [0x301, 0x301]], ['TLSv1_client_method', [0x301, 0x301]],
  ['TLSv1_server_method', [0x301, 0x301]],
  ['TLSv1_1_method', [0x302, 0x302]],
  ['TLSv1_1_client_method', [0x302, 0x302]],
  ['TLSv1_1_server_method', [0x302, 0x302]],
  ['TLSv1_2_method', [0x303, 0x303]],
  ['TLSv1_2_client_method', [0x303, 0x303]],
  ['TLSv1_2_server_method', [0x303, 0x303]],
]);

// What tls.DEFAULT_* hold now (apps may assign them).
const defaults = {
  ciphers: kDefaultCiphers,
  ecdhCurve: 'auto',
  minVersion: 'TLSv1.2',
  maxVersion: 'TLSv1.3',
};

// SSL_OP_CIPHER_SERVER_PREFERENCE.
const kServerPreference = 0x400000;

let extraCa;
// NODE_EXTRA_CA_CERTS as bytes, read once; a failure is a warning only.
function extraCaCerts() {
  if (extraCa !== undefined) return extraCa;
  extraCa = null;
  const file = process.env.NODE_EXTRA_CA_CERTS;
  if (file) {
    try {
      extraCa = require('../../fs').readFileSync(file);
    } catch (err) {
      process.emitWarning(`Ignoring extra certs from \`${file}\`, load failed: ${err.message}`);
    }
  }
  return extraCa;
}

let roots;
function rootCertificates() {
  if (roots === undefined) roots = Object.freeze(binding.rootCertificates());
  return roots;
}

function versionOf(name, which) {
  const value = kVersions.get(name);
  if (value === undefined) {
    throw new codes.ERR_TLS_INVALID_PROTOCOL_VERSION(name, which);
  }
  return value;
}

// Bytes for OpenSSL: strings become UTF-8, views are used as they are.
function bytesOf(value, name) {
  if (typeof value === 'string') return Buffer.from(value);
  if (isArrayBufferView(value)) return value;
  throw new codes.ERR_INVALID_ARG_TYPE(name,
    ['string', 'Buffer', 'TypedArray', 'DataView'], value);
}

function listOf(value) {
  return Array.isArray(value) ? value : [value];
}

// The TLS 1.2 list and the TLS 1.3 suites of one `ciphers` string: names
// starting with TLS_ are TLS 1.3 suites.
function splitCiphers(text) {
  const older = [];
  const suites = [];
  for (const name of text.split(':')) {
    if (name.startsWith('TLS_')) suites.push(name);
    else if (name !== '') older.push(name);
  }
  return [older.join(':'), suites.join(':')];
}

function protocolRange(options) {
  const { secureProtocol } = options;
  let min = options.minVersion;
  let max = options.maxVersion;
  if (secureProtocol !== undefined && secureProtocol !== null) {
    validateString(secureProtocol, 'options.secureProtocol');
    if (min !== undefined) {
      throw new codes.ERR_TLS_PROTOCOL_VERSION_CONFLICT(min, secureProtocol);
    }
    if (max !== undefined) {
      throw new codes.ERR_TLS_PROTOCOL_VERSION_CONFLICT(max, secureProtocol);
    }
    const range = kMethods.get(secureProtocol);
    if (range === undefined) {
      if (/^SSLv[23]/.test(secureProtocol)) {
        throw new codes.ERR_TLS_INVALID_PROTOCOL_METHOD(`${secureProtocol} methods disabled`);
      }
      throw new codes.ERR_TLS_INVALID_PROTOCOL_METHOD(`Unknown method: ${secureProtocol}`);
    }
    return range;
  }
  if (min === undefined) min = defaults.minVersion;
  if (max === undefined) max = defaults.maxVersion;
  return [versionOf(min, 'minimum'), versionOf(max, 'maximum')];
}

// A key option entry: a PEM, or { pem, passphrase }.
function addKeys(ctx, key, passphrase) {
  for (const entry of listOf(key)) {
    if (entry !== null && typeof entry === 'object' && !isArrayBufferView(entry)) {
      const pem = entry.pem;
      const pass = entry.passphrase === undefined ? passphrase : entry.passphrase;
      if (pass !== undefined && pass !== null) validateString(pass, 'options.passphrase');
      binding.ctxSetKey(ctx, bytesOf(pem, 'options.key'), pass ?? undefined);
    } else {
      binding.ctxSetKey(ctx, bytesOf(entry, 'options.key'), passphrase ?? undefined);
    }
  }
}

function addPfx(ctx, pfx, passphrase) {
  for (const entry of listOf(pfx)) {
    let data = entry;
    let pass = passphrase;
    if (entry !== null && typeof entry === 'object' && !isArrayBufferView(entry)) {
      data = entry.buf;
      if (entry.passphrase !== undefined) pass = entry.passphrase;
    }
    binding.ctxLoadPKCS12(ctx, bytesOf(data, 'options.pfx'), pass ?? undefined);
  }
}

class SecureContext {
  constructor(secureProtocol, secureOptions, minVersion, maxVersion) {
    const [min, max] = protocolRange({ secureProtocol, minVersion, maxVersion });
    this.context = binding.ctxNew(min, max);
    if (secureOptions) {
      validateInteger(secureOptions, 'secureOptions');
      binding.ctxSetOptions(this.context, secureOptions);
    }
  }
}

// The handle of a SecureContext made here (or of a look-alike holding one).
function contextHandle(ctx) {
  return ctx instanceof SecureContext ? ctx.context : undefined;
}

function createSecureContext(options = {}) {
  validateObject(options, 'options');
  const {
    ca, cert, key, passphrase, pfx, crl, ciphers, ecdhCurve, dhparam,
    honorCipherOrder, sessionIdContext, ticketKeys, sessionTimeout, sigalgs,
    privateKeyEngine, privateKeyIdentifier, clientCertEngine,
  } = options;
  let { secureOptions } = options;
  if (honorCipherOrder) secureOptions = (secureOptions || 0) | kServerPreference;
  const sc = new SecureContext(options.secureProtocol, secureOptions,
    options.minVersion, options.maxVersion);
  const ctx = sc.context;

  if (ca !== undefined && ca !== null) {
    for (const entry of listOf(ca)) binding.ctxAddCACert(ctx, bytesOf(entry, 'options.ca'));
  } else {
    binding.ctxUseRoots(ctx, extraCaCerts() ?? undefined);
  }
  if (cert !== undefined && cert !== null) {
    for (const entry of listOf(cert)) binding.ctxSetCert(ctx, bytesOf(entry, 'options.cert'));
  }
  if (key !== undefined && key !== null) addKeys(ctx, key, passphrase);
  if (privateKeyEngine !== undefined || privateKeyIdentifier !== undefined ||
      clientCertEngine !== undefined) {
    throw new codes.ERR_CRYPTO_CUSTOM_ENGINE_NOT_SUPPORTED();
  }

  const cipherText = ciphers === undefined ? defaults.ciphers : ciphers;
  validateString(cipherText, 'options.ciphers');
  const [older, suites] = splitCiphers(cipherText);
  binding.ctxSetCiphers(ctx, older, suites);

  if (sigalgs !== undefined) {
    validateString(sigalgs, 'options.sigalgs');
    if (sigalgs === '') throw new codes.ERR_INVALID_ARG_VALUE('options.sigalgs', sigalgs);
    binding.ctxSetSigalgs(ctx, sigalgs);
  }

  const curve = ecdhCurve === undefined ? defaults.ecdhCurve : ecdhCurve;
  validateString(curve, 'options.ecdhCurve');
  if (curve !== 'auto') {
    try {
      binding.ctxSetGroups(ctx, curve);
    } catch {
      throw new codes.ERR_CRYPTO_OPERATION_FAILED('Failed to set ECDH curve');
    }
  }

  if (dhparam !== undefined && dhparam !== null) {
    if (dhparam === 'auto') {
      binding.ctxSetDHParam(ctx, undefined);
    } else {
      let bits;
      try {
        bits = binding.ctxSetDHParam(ctx, bytesOf(dhparam, 'options.dhparam'));
      } catch (err) {
        if (err.code === 'ERR_INVALID_ARG_TYPE') throw err;
      }
      if (bits !== undefined && bits < 2048) {
        process.emitWarning(`DH parameter is less than 2048 bits`, 'SecurityWarning');
      }
    }
  }

  if (crl !== undefined && crl !== null) {
    for (const entry of listOf(crl)) {
      try {
        binding.ctxAddCRL(ctx, bytesOf(entry, 'options.crl'));
      } catch (err) {
        if (err.code === 'ERR_INVALID_ARG_TYPE') throw err;
        throw new codes.ERR_CRYPTO_OPERATION_FAILED('Failed to parse CRL');
      }
    }
  }

  if (sessionIdContext !== undefined) {
    validateString(sessionIdContext, 'options.sessionIdContext');
    binding.ctxSetSessionIdContext(ctx, sessionIdContext);
  }
  if (pfx !== undefined && pfx !== null) addPfx(ctx, pfx, passphrase);
  if (ticketKeys !== undefined && ticketKeys !== null) {
    setTicketKeys(sc, ticketKeys, 'options.ticketKeys');
  }
  if (sessionTimeout !== undefined) {
    validateNumber(sessionTimeout, 'options.sessionTimeout');
    binding.ctxSetSessionTimeout(ctx, sessionTimeout);
  }
  return sc;
}

function setTicketKeys(sc, keys, name = 'keys') {
  if (!isArrayBufferView(keys)) {
    throw new codes.ERR_INVALID_ARG_TYPE(name, ['Buffer', 'TypedArray', 'DataView'], keys);
  }
  if (keys.byteLength !== 48) {
    throw new codes.ERR_INVALID_ARG_VALUE(name, keys.byteLength, 'must be exactly 48 bytes');
  }
  binding.ctxTicketKeys(sc.context, keys);
}

function getTicketKeys(sc) {
  return Buffer.from(binding.ctxTicketKeys(sc.context, undefined));
}

module.exports = {
  SecureContext,
  contextHandle,
  createSecureContext,
  defaults,
  getTicketKeys,
  rootCertificates,
  setTicketKeys,
};

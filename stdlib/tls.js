'use strict';
// node:tls: TLS on OpenSSL (the engine is runtime/bindings/tls_wrap.cc):
// secure contexts, client and server sockets over any duplex, and the
// name checks of RFC 6125. Root certificates are the system's store.

const { codes } = require('./internal/errors');
const contexts = require('./internal/tls/secure_context');
const identity = require('./internal/tls/identity');
const sockets = require('./internal/tls/socket');
const servers = require('./internal/tls/server');

let ciphers;
function getCiphers() {
  ciphers ??= internalBinding('tls_wrap').getCiphers();
  return ciphers.slice();
}

function createSecurePair() {
  throw new codes.ERR_METHOD_NOT_IMPLEMENTED('createSecurePair');
}

const { defaults } = contexts;

module.exports = {
  CLIENT_RENEG_LIMIT: 3,
  CLIENT_RENEG_WINDOW: 600,
  getCiphers,
  convertALPNProtocols: identity.convertALPNProtocols,
  checkServerIdentity: identity.checkServerIdentity,
  createSecureContext: contexts.createSecureContext,
  SecureContext: contexts.SecureContext,
  TLSSocket: sockets.TLSSocket,
  Server: servers.Server,
  createServer: servers.createServer,
  connect: sockets.connect,
  createSecurePair,
};

for (const [name, key] of [['DEFAULT_CIPHERS', 'ciphers'], ['DEFAULT_ECDH_CURVE', 'ecdhCurve'],
  ['DEFAULT_MIN_VERSION', 'minVersion'], ['DEFAULT_MAX_VERSION', 'maxVersion']]) {
  Object.defineProperty(module.exports, name, {
    get: () => defaults[key],
    set: (value) => { defaults[key] = value; },
    enumerable: true, configurable: true,
  });
}
Object.defineProperty(module.exports, 'rootCertificates', {
  get: contexts.rootCertificates, enumerable: true, configurable: true,
});

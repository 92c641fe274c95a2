'use strict';
// tls.Server: a net.Server whose connections become server-side TLSSockets,
// handed out on 'secureConnection' once their handshake is done. Contexts
// per server name (addContext) answer SNI when no SNICallback is given.

const { Server: NetServer } = require('../net/server');
const { codes } = require('../errors');
const { validateFunction, validateObject, validateString } = require('../validators');
const { TLSSocket } = require('./socket');
const { createSecureContext, contextHandle, getTicketKeys, setTicketKeys } =
  require('./secure_context');
const { alpnWire } = require('./identity');

const kContexts = Symbol('sniContexts');

// The options of the context a server makes for itself.
const kContextOptions = ['ca', 'cert', 'key', 'passphrase', 'pfx', 'crl',
  'ciphers', 'ecdhCurve', 'dhparam', 'honorCipherOrder', 'secureOptions',
  'secureProtocol', 'minVersion', 'maxVersion', 'sessionIdContext',
  'ticketKeys', 'sessionTimeout', 'sigalgs', 'privateKeyEngine',
  'privateKeyIdentifier', 'clientCertEngine'];

// A pattern of addContext ('*.example.com') as a RegExp over names.
function hostPattern(name) {
  const escaped = name.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^.]*');
  return new RegExp(`^${escaped}$`, 'i');
}

function onConnection(raw) {
  const server = this;
  const opts = server._tlsServerOptions;
  const sock = new TLSSocket(raw, {
    ...opts,
    isServer: true,
    server,
    secureContext: server._sharedCreds,
    requestCert: server.requestCert,
    rejectUnauthorized: server.rejectUnauthorized,
    SNICallback: server._SNICallback,
    ALPNProtocols: server.ALPNProtocols,
    ALPNCallback: server.ALPNCallback,
    handshakeTimeout: server._handshakeTimeout,
  });
  sock.on('error', (err) => {
    if (!sock._controlReleased) return;
    if (sock.listenerCount('error') === 1) server.emit('tlsClientError', err, sock);
  });
}

function Server(options, listener) {
  if (!(this instanceof Server)) return new Server(options, listener);
  if (typeof options === 'function') {
    listener = options;
    options = {};
  } else if (options === undefined || options === null) {
    options = {};
  } else {
    validateObject(options, 'options');
  }
  NetServer.call(this, options);
  if (options.ALPNCallback !== undefined) {
    validateFunction(options.ALPNCallback, 'options.ALPNCallback');
    if (options.ALPNProtocols !== undefined) {
      throw new codes.ERR_TLS_ALPN_CALLBACK_WITH_PROTOCOLS();
    }
  }
  this._tlsServerOptions = { ...options };
  this._contexts = [];
  this[kContexts] = this._contexts;
  this.requestCert = options.requestCert === true;
  this.rejectUnauthorized = options.rejectUnauthorized !== false;
  this.ALPNCallback = options.ALPNCallback;
  if (options.ALPNProtocols !== undefined) {
    this.ALPNProtocols = alpnWire(options.ALPNProtocols);
  }
  const timeout = options.handshakeTimeout === undefined ? 120000 : options.handshakeTimeout;
  this._handshakeTimeout = timeout;
  if (options.sessionTimeout !== undefined) this.sessionTimeout = options.sessionTimeout;
  if (options.ticketKeys !== undefined) this.ticketKeys = options.ticketKeys;
  this.setSecureContext(options);
  if (options.SNICallback !== undefined) {
    validateFunction(options.SNICallback, 'options.SNICallback');
    this._SNICallback = options.SNICallback;
  } else {
    this._SNICallback = (servername, cb) => cb(null, this._contextFor(servername));
  }
  if (typeof listener === 'function') this.on('secureConnection', listener);
  this.on('connection', onConnection);
}

Object.setPrototypeOf(Server.prototype, NetServer.prototype);
Object.setPrototypeOf(Server, NetServer);

Server.prototype.setSecureContext = function setSecureContext(options) {
  validateObject(options, 'options');
  const picked = {};
  for (const name of kContextOptions) {
    if (options[name] !== undefined) picked[name] = options[name];
  }
  // A server's own context has an id context, so sessions can resume.
  if (picked.sessionIdContext === undefined) picked.sessionIdContext = 'jspack-tls';
  this._sharedCreds = createSecureContext(picked);
  for (const name of kContextOptions) {
    if (options[name] !== undefined) this[name] = options[name];
  }
};

Server.prototype.addContext = function addContext(servername, context) {
  if (!servername) throw new codes.ERR_TLS_REQUIRED_SERVER_NAME();
  validateString(servername, 'servername');
  const made = contextHandle(context) === undefined ? createSecureContext(context) : context;
  this._contexts.push([hostPattern(servername), made]);
};

Server.prototype._contextFor = function contextFor(servername) {
  for (let i = this._contexts.length - 1; i >= 0; i--) {
    const [pattern, context] = this._contexts[i];
    if (pattern.test(servername)) return context;
  }
  return undefined;
};

Server.prototype.getTicketKeys = function getTicketKeys_() {
  return getTicketKeys(this._sharedCreds);
};

Server.prototype.setTicketKeys = function setTicketKeys_(keys) {
  setTicketKeys(this._sharedCreds, keys);
};

function createServer(options, listener) {
  return new Server(options, listener);
}

module.exports = { Server, createServer };

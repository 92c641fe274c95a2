'use strict';
// tls.Server: a net.Server whose connections become server-side TLSSockets,
// handed out on 'secureConnection' once their handshake is done. Contexts
// per server name (addContext) answer SNI when no SNICallback is given.

const { Server: NetServer } = require('../net/server');
const validators = require('../validators');
const { codes } = require('../errors');
const TLSSocket = require('./socket').TLSSocket;
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

function Server(config, onSecure) {
  if (!(this instanceof Server)) return Reflect.construct(Server, [config, onSecure]);
  let opts = config;
  let listener = onSecure;
  if (typeof config === 'function') {
    listener = config;
    opts = {};
  } else if (config == null) {
    opts = {};
  }
  validators.validateObject(opts, 'options');
  NetServer.call(this, opts);
  const { ALPNCallback: pickAlpn, SNICallback: pickContext } = opts;
  if (pickAlpn !== undefined) {
    validators.validateFunction(pickAlpn, 'options.ALPNCallback');
    if (opts.ALPNProtocols !== undefined) throw new codes.ERR_TLS_ALPN_CALLBACK_WITH_PROTOCOLS();
  }
  if (pickContext !== undefined) validators.validateFunction(pickContext, 'options.SNICallback');
  this._tlsServerOptions = { ...opts };
  this._contexts = [];
  this[kContexts] = this._contexts;
  Object.assign(this, {
    requestCert: opts.requestCert === true,
    rejectUnauthorized: opts.rejectUnauthorized !== false,
    ALPNCallback: pickAlpn,
    _handshakeTimeout: opts.handshakeTimeout ?? 120000,
    _SNICallback: pickContext ??
      ((servername, cb) => cb(null, this._contextFor(servername))),
  });
  if (opts.ALPNProtocols !== undefined) this.ALPNProtocols = alpnWire(opts.ALPNProtocols);
  for (const name of ['sessionTimeout', 'ticketKeys']) {
    if (opts[name] !== undefined) this[name] = opts[name];
  }
  this.setSecureContext(opts);
  if (typeof listener === 'function') this.on('secureConnection', listener);
  this.on('connection', onConnection);
}

Object.setPrototypeOf(Server.prototype, NetServer.prototype);
Object.setPrototypeOf(Server, NetServer);

Server.prototype.setSecureContext = function setSecureContext(options) {
  validators.validateObject(options, 'options');
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
  validators.validateString(servername, 'servername');
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

function createServer(config, onSecure) {
  return new Server(config, onSecure);
}

module.exports = { Server, createServer };

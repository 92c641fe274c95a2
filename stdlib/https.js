'use strict';
// node:https: HTTP over TLS. The server is a tls.Server whose secure
// connections go to http.Server's connection handling; the client is
// http.request with an Agent that opens tls.connect sockets, names its pools
// by the TLS options too, and keeps recent sessions per pool to resume.

const http = require('./http');
const tls = require('./tls');
const httpServer = require('./internal/http/server');
const { Agent: HttpAgent } = require('./internal/http/agent');
const { ClientRequest } = require('./internal/http/client');
const { isIP } = require('./internal/net/ip');

// ---- Server ----------------------------------------------------------------

function Server(options, requestListener) {
  if (!(this instanceof Server)) return new Server(options, requestListener);
  if (typeof options === 'function') {
    requestListener = options;
    options = {};
  } else if (options === undefined || options === null) {
    options = {};
  }
  const settings = { ...options };
  settings.ALPNProtocols ??= ['http/1.1'];
  tls.Server.call(this, settings);
  // The HTTP side: http.Server's state and its 'connection' handling, fed
  // the TLS sockets once they are secure.
  const httpSide = new httpServer.Server(settings, requestListener);
  const connectionListener = httpSide.listeners('connection')[0];
  for (const key of Reflect.ownKeys(httpSide)) {
    if (key === '_events' || key === '_eventsCount' || key === '_maxListeners') continue;
    if (key === '_handle' || key === '_connections') continue;
    if (!(key in this) || typeof key === 'symbol' || this[key] === undefined) this[key] = httpSide[key];
  }
  for (const event of ['request', 'listening', 'close']) {
    for (const fn of httpSide.listeners(event)) this.on(event, fn);
  }
  this.on('secureConnection', connectionListener);
  this.on('tlsClientError', (err, sock) => {
    if (this.listenerCount('tlsClientError') === 1 && !sock.destroyed) sock.destroy(err);
  });
  this.timeout = 0;
  this.maxHeadersCount = null;
}
Object.setPrototypeOf(Server.prototype, tls.Server.prototype);
Object.setPrototypeOf(Server, tls.Server);

// http.Server's methods (setTimeout, closeAllConnections, ...) on top of
// tls.Server's.
for (const key of Reflect.ownKeys(httpServer.Server.prototype)) {
  if (key === 'constructor' || Object.prototype.hasOwnProperty.call(Server.prototype, key)) continue;
  if (Object.prototype.hasOwnProperty.call(tls.Server.prototype, key)) continue;
  const desc = Object.getOwnPropertyDescriptor(httpServer.Server.prototype, key);
  Object.defineProperty(Server.prototype, key, desc);
}

function createServer(options, requestListener) {
  return new Server(options, requestListener);
}

// ---- Agent -------------------------------------------------------------------

// The TLS options that make two connections different, in the order Node
// puts them in the pool name.
const kNameOptions = ['ca', 'cert', 'clientCertEngine', 'ciphers', 'key', 'pfx',
  'rejectUnauthorized', 'servername', 'minVersion', 'maxVersion', 'secureProtocol',
  'crl', 'honorCipherOrder', 'ecdhCurve', 'dhparam', 'secureOptions',
  'sessionIdContext', 'sigalgs', 'privateKeyIdentifier', 'privateKeyEngine'];

function Agent(options) {
  if (!(this instanceof Agent)) return new Agent(options);
  HttpAgent.call(this, options);
  this.defaultPort = 443;
  this.protocol = 'https:';
  this.maxCachedSessions = this.options.maxCachedSessions;
  if (this.maxCachedSessions === undefined) this.maxCachedSessions = 100;
  this._sessionCache = { map: {}, list: [] };
}
Object.setPrototypeOf(Agent.prototype, HttpAgent.prototype);
Object.setPrototypeOf(Agent, HttpAgent);

Agent.prototype.getName = function getName(options = {}) {
  let name = HttpAgent.prototype.getName.call(this, options);
  name += ':';
  for (let i = 0; i < kNameOptions.length; i++) {
    if (i > 0) name += ':';
    const value = options[kNameOptions[i]];
    if (value !== undefined && value !== null) name += value;
  }
  return name;
};

Agent.prototype.createConnection = function createConnection(port, host, options, cb) {
  let opts = options;
  if (port !== null && typeof port === 'object') {
    opts = port;
    cb = host;
  } else if (host !== null && typeof host === 'object') {
    opts = { ...host, port };
    cb = options;
  } else {
    opts = { ...options, port, host };
  }
  if (typeof cb !== 'function') cb = undefined;
  opts = { ...opts };
  if (opts.servername === undefined && opts.host && !isIP(opts.host)) opts.servername = opts.host;
  if (opts.servername === '') delete opts.servername;
  const key = opts._agentKey;
  if (key !== undefined) {
    const session = this._getSession(key);
    if (session !== undefined) opts.session = session;
  }
  const sock = tls.connect(opts);
  if (key !== undefined) {
    sock.on('session', (session) => this._cacheSession(key, session));
    sock.once('close', (hadError) => {
      if (hadError) this._evictSession(key);
    });
  }
  return sock;
};

Agent.prototype._getSession = function getSession(key) {
  return this._sessionCache.map[key];
};

Agent.prototype._cacheSession = function cacheSession(key, session) {
  if (this.maxCachedSessions === 0) return;
  const cache = this._sessionCache;
  if (cache.map[key] === undefined) {
    if (cache.list.length >= this.maxCachedSessions) {
      const oldest = cache.list.shift();
      delete cache.map[oldest];
    }
    cache.list.push(key);
  }
  cache.map[key] = session;
};

Agent.prototype._evictSession = function evictSession(key) {
  const cache = this._sessionCache;
  const at = cache.list.indexOf(key);
  if (at < 0) return;
  cache.list.splice(at, 1);
  delete cache.map[key];
};

const globalAgent = new Agent({ keepAlive: true, scheduling: 'lifo', timeout: 5000 });

// ---- request / get -----------------------------------------------------------

// http.request's arguments with https' default agent and protocol.
function request(...args) {
  let url;
  let options = {};
  let cb;
  for (const arg of args) {
    if (typeof arg === 'function') cb = arg;
    else if (typeof arg === 'string' || arg instanceof URL) url = arg;
    else if (arg !== null && typeof arg === 'object') options = { ...arg };
  }
  options._defaultAgent = module.exports.globalAgent;
  if (url !== undefined) return new ClientRequest(url, options, cb);
  return new ClientRequest(options, cb);
}

function get(...args) {
  const req = request(...args);
  req.end();
  return req;
}

module.exports = {
  Agent,
  globalAgent,
  Server,
  createServer,
  get,
  request,
};
void http;

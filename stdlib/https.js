'use strict';
// node:https: HTTP over TLS. The server is a tls.Server whose secure
// connections go to http.Server's connection handling; the client is
// http.request with an Agent that opens tls.connect sockets, names its pools
// by the TLS options too, and keeps recent sessions per pool to resume.

const tls = require('./tls');
const httpServer = require('./internal/http/server');
const HttpAgent = require('./internal/http/agent').Agent;
const client = require('./internal/http/client');
const ip = require('./internal/net/ip');

// ---- Server ----------------------------------------------------------------

function Server(config, onRequest) {
  if (!(this instanceof Server)) return Reflect.construct(Server, [config, onRequest]);
  const settings = typeof config === 'function' || config == null ? {} : { ...config };
  const requestListener = typeof config === 'function' ? config : onRequest;
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
  Object.assign(this, { timeout: 0, maxHeadersCount: null });
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

function Agent(settings) {
  if (!(this instanceof Agent)) return Reflect.construct(Agent, [settings]);
  HttpAgent.call(this, settings);
  const cached = this.options.maxCachedSessions;
  Object.assign(this, {
    defaultPort: 443,
    protocol: 'https:',
    maxCachedSessions: cached === undefined ? 100 : cached,
    _sessionCache: { map: {}, list: [] },
  });
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

// (options), (port, options) or (port, host, options), each maybe with a
// callback last.
function connectionArgs(list) {
  const objects = list.filter((a) => typeof a === 'object' && a !== null);
  const opts = Object.assign({}, ...objects);
  if (typeof list[0] === 'number' || typeof list[0] === 'string') opts.port = list[0];
  if (typeof list[1] === 'string') opts.host = list[1];
  return opts;
}

Agent.prototype.createConnection = function createConnection(...list) {
  const opts = connectionArgs(list);
  if (opts.servername === undefined && opts.host && !ip.isIP(opts.host)) opts.servername = opts.host;
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
  const { map } = this._sessionCache;
  return map[key];
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

const globalAgent = new Agent({ timeout: 5000, scheduling: 'lifo', keepAlive: true });

// ---- request / get -----------------------------------------------------------

// http.request's arguments with https' default agent and protocol.
function request(...list) {
  const callback = list.find((a) => typeof a === 'function');
  const target = list.find((a) => typeof a === 'string' || a instanceof URL);
  const given = list.find((a) => a !== null && typeof a === 'object' && !(a instanceof URL));
  // Object.assign, not spread: a spread literal with a field after it costs
  // about 600 ns under V8 10.2, on every request.
  const settings = Object.assign({}, given, { _defaultAgent: https.globalAgent });
  return target === undefined ? new client.ClientRequest(settings, callback) :
    new client.ClientRequest(target, settings, callback);
}

function get(...args) {
  const req = request(...args);
  req.end();
  return req;
}

const https = module.exports = {
  Agent,
  globalAgent,
  Server,
  createServer,
  get,
  request,
};

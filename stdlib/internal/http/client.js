'use strict';
// http.ClientRequest, http.request() and http.get().
//
// A request is an OutgoingMessage (headers and body writing are shared with
// the server's responses). Its life: the constructor reads and checks the
// options, renders nothing yet, and asks an Agent (or createConnection, or
// net) for a socket. The socket arrives a tick later (attachSocket): a
// response parser is set up on it and whatever was written so far is
// flushed. The parser produces IncomingMessages; 1xx heads become
// 'information'/'continue', 101 and CONNECT answers 'upgrade'/'connect', the
// rest is the 'response'. When the response ended and the request was fully
// sent, a kept-alive socket goes back to the agent ('free'), else it is closed.

const { Buffer } = require('../../buffer');
const {
  AbortError,
  connResetError,
  codes: {
    ERR_HTTP_HEADERS_SENT,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_HTTP_TOKEN,
    ERR_INVALID_PROTOCOL,
    ERR_UNESCAPED_CHARACTERS,
  },
} = require('../errors');
const {
  validateAbortSignal,
  validateBoolean,
  validateFunction,
  validateInteger,
  validateNumber,
  validateString,
} = require('../validators');
const { urlToHttpOptions } = require('../url/file');
const agents = require('./agent');
const { OutgoingMessage, kNeedDrain, kOutHeaders } = require('./outgoing');
const { IncomingMessage, joinedHeaders } = require('./incoming');
const { HTTPParser, consumeSocket, isToken } = require('./common');

const dc = require('../../diagnostics_channel');
const channels = {
  start: dc.channel('http.client.request.start'),
  error: dc.channel('http.client.request.error'),
  response: dc.channel('http.client.response.finish'),
};

let net;
function netModule() {
  net ??= require('../../net');
  return net;
}

// Set on a socket once its request was given an error (Node also marks
// socket._hadError, which net resets when the socket closes).
const kErrorGiven = Symbol('kErrorGiven');
function markErrored(conn) {
  conn[kErrorGiven] = true;
  conn._hadError = true;
}

// What an 'information' event tells of a 1xx head.
const kInfoFields = ['statusCode', 'statusMessage', 'httpVersion', 'httpVersionMajor',
  'httpVersionMinor', 'headers', 'rawHeaders'];
// Methods whose requests carry no body unless one is written.
const kNoBodyByDefault = new Set(['GET', 'HEAD', 'DELETE', 'OPTIONS', 'TRACE', 'CONNECT']);
// What may appear in a request path: visible latin1, no space or controls.
const kBadPathChars = /[^\u0021-\u00ff]/;

// Something http.request() takes for a URL: a WHATWG URL, or anything
// shaped like one (it has an href and a protocol, no auth or path).
function urlLike(value) {
  return Boolean(value && typeof value === 'object' && value.href && value.protocol &&
    value.auth === undefined && value.path === undefined);
}

// (url[, opts][, cb]) or (opts[, cb]) -> [opts, cb].
function readArguments(input, opts, cb) {
  let fromUrl = null;
  const kind = typeof input;
  if (kind === 'string') {
    fromUrl = urlToHttpOptions(new URL(input));
  } else if (urlLike(input)) {
    fromUrl = urlToHttpOptions(input);
  } else {
    cb = opts;
    opts = input;
    input = null;
  }
  if (opts instanceof Function) {
    cb = opts;
    opts = fromUrl ?? {};
  } else {
    // A copy: the caller's object is never changed.
    opts = Object.assign(fromUrl ?? {}, opts);
  }
  return [opts, typeof cb === 'function' ? cb : undefined];
}

function checkHost(value, name) {
  if (value !== null && value !== undefined && typeof value !== 'string') {
    throw new ERR_INVALID_ARG_TYPE(`options.${name}`, ['string', 'undefined', 'null'], value);
  }
  return value;
}

// The Host header of a request to host:port: IPv6 literals in brackets,
// the port only when it is not the protocol's default.
function hostHeaderOf(host, port, defaultPort) {
  let value = host;
  const colon = value.indexOf(':');
  if (colon !== -1 && value.includes(':', colon + 1) && value[0] !== '[') value = `[${value}]`;
  if (port && +port !== defaultPort) value += `:${port}`;
  return value;
}

// A request without an agent: its own connection, closed after it. The
// options are read as an agent would read them (the request path is not a
// socket path).
function connectAlone(creq, opts, connectOptions) {
  creq._last = true;
  creq.shouldKeepAlive = false;
  Object.assign(connectOptions, {
    path: opts.socketPath || null,
    socketPath: opts.socketPath || null,
    agent: null,
    _defaultAgent: null,
  });
  const make = opts.createConnection;
  if (typeof make !== 'function') {
    creq.onSocket(netModule().createConnection(connectOptions));
    return;
  }
  let settled = false;
  const done = (err, conn) => {
    if (settled) return;
    settled = true;
    creq.onSocket(conn, err);
  };
  const made = make(connectOptions, done);
  if (made) done(null, made);
}

// The agent a request goes through: `false` is a one-off agent of the
// default kind, none is the default one (unless createConnection is given).
function pickAgent(opts, fallback) {
  const chosen = opts.agent;
  if (chosen === false) return new fallback.constructor();
  if (chosen === null || chosen === undefined) {
    // createConnection without an agent: a connection for this request only.
    return typeof opts.createConnection === 'function' ? undefined : fallback;
  }
  if (typeof chosen.addRequest === 'function') return chosen;
  throw new ERR_INVALID_ARG_TYPE('options.agent', ['Agent-like Object', 'undefined', 'false'], chosen);
}

function optional(value) {
  return value !== undefined && value !== null;
}

// Checks the options that only need a type check, in Node's order.
function checkOptionTypes(opts) {
  if (opts.timeout !== undefined) validateNumber(opts.timeout, 'timeout', 0);
  if (optional(opts.method)) validateString(opts.method, 'options.method');
  if (opts.maxHeaderSize !== undefined) validateInteger(opts.maxHeaderSize, 'maxHeaderSize', 0);
  for (const flag of ['insecureHTTPParser', 'joinDuplicateHeaders']) {
    if (opts[flag] !== undefined) validateBoolean(opts[flag], `options.${flag}`);
  }
  if (optional(opts.lookup)) validateFunction(opts.lookup, 'options.lookup');
  if (optional(opts.socketPath)) validateString(opts.socketPath, 'options.path');
}

class ClientRequest extends OutgoingMessage {
  constructor(input, maybeOptions, maybeCallback) {
    const [opts, cb] = readArguments(input, maybeOptions, maybeCallback);
    // OutgoingMessage reads uniqueHeaders.
    super(opts);
    const fallback = opts._defaultAgent || agents.globalAgent;
    const agent = pickAgent(opts, fallback);
    if (agent === undefined) opts._defaultAgent = undefined;

    const protocol = opts.protocol || fallback.protocol;
    const expected = (agent && agent.protocol) || fallback.protocol;
    if (opts.path && kBadPathChars.test(String(opts.path))) {
      throw new ERR_UNESCAPED_CHARACTERS('Request path');
    }
    if (protocol !== expected) throw new ERR_INVALID_PROTOCOL(protocol, expected);

    const defaultPort = opts.defaultPort || (agent && agent.defaultPort);
    opts.port ||= defaultPort || 80;
    opts.host = checkHost(opts.hostname, 'hostname') || checkHost(opts.host, 'host') || 'localhost';
    const { host, port } = opts;
    checkOptionTypes(opts);
    const method = (opts.method || 'GET').toUpperCase();
    if (!isToken(method)) throw new ERR_INVALID_HTTP_TOKEN('Method', method);

    // A keep-alive agent, or one that limits its sockets, keeps
    // connections open; anything else asks the server to close.
    const reuse = Boolean(agent && (agent.keepAlive || Number.isFinite(agent.maxSockets)));
    Object.assign(this, {
      agent,
      socketPath: opts.socketPath,
      method,
      maxHeaderSize: opts.maxHeaderSize,
      insecureHTTPParser: opts.insecureHTTPParser,
      joinDuplicateHeaders: opts.joinDuplicateHeaders,
      path: opts.path || '/',
      useChunkedEncodingByDefault: !kNoBodyByDefault.has(method),
      _ended: false,
      res: null,
      aborted: false,
      timeoutCb: null,
      upgradeOrConnect: false,
      parser: null,
      maxHeadersCount: null,
      reusedSocket: false,
      host,
      protocol,
      _last: !reuse,
      shouldKeepAlive: reuse,
    });
    if (opts.timeout !== undefined) this.timeout = opts.timeout;
    if (cb) this.once('response', cb);

    const firstLine = `${method} ${this.path} HTTP/1.1\r\n`;
    const given = opts.headers;
    if (Array.isArray(given)) {
      // A flat [name, value, ...] list is sent as given, nothing added.
      if (given.length % 2 !== 0) throw new ERR_INVALID_ARG_VALUE('headers', given);
      this._storeHeader(firstLine, given);
    } else {
      for (const name of Object.keys(given || {})) this.setHeader(name, given[name]);
      const setHost = opts.setHost === undefined || Boolean(opts.setHost);
      if (host && setHost && !this.getHeader('host')) {
        this.setHeader('Host', hostHeaderOf(host, port, defaultPort));
      }
      if (opts.auth && !this.getHeader('authorization')) {
        this.setHeader('Authorization', `Basic ${Buffer.from(opts.auth).toString('base64')}`);
      }
      // Expect: 100-continue must go out before any body: the head is
      // rendered now and sent as soon as there is a socket.
      if (this.getHeader('expect')) {
        if (this._header) throw new ERR_HTTP_HEADERS_SENT('render');
        this._storeHeader(firstLine, this[kOutHeaders]);
      }
    }

    // Object.assign, not spread: the agent adds to this copy, and a spread
    // copy takes new fields slowly under V8 10.2.
    const connectOptions = Object.assign({}, opts);
    const { signal } = opts;
    if (signal !== undefined && signal !== null) {
      validateAbortSignal(signal, 'signal');
      delete connectOptions.signal;
      followSignal(this, signal);
    }
    if (agent) {
      agent.addRequest(this, connectOptions);
    } else {
      connectAlone(this, opts, connectOptions);
    }
  }

  // The whole request went to the socket.
  _finish() {
    if (channels.start.hasSubscribers) channels.start.publish({ request: this });
    super._finish();
  }

  _implicitHeader() {
    if (this._header) throw new ERR_HTTP_HEADERS_SENT('render');
    this._storeHeader(`${this.method} ${this.path} HTTP/1.1\r\n`, this[kOutHeaders]);
  }

  abort() {
    if (this.aborted) return;
    this.aborted = true;
    process.nextTick(() => this.emit('abort'));
    this.destroy();
  }

  destroy(err) {
    if (this.destroyed) return this;
    this.destroyed = true;
    // Whatever the server still sends is of no interest now.
    if (this.res) this.res._dump();
    this._destroyError = err;
    if (this.socket) this.socket.destroy(err);
    return this;
  }

  // Called by the agent (or the constructor) with the request's socket, or
  // with the error that kept it from getting one.
  onSocket(conn, err) {
    process.nextTick(() => attachSocket(this, conn, err));
  }

  setTimeout(msecs, onTimeout) {
    if (this._ended) return this;
    validateNumber(msecs, 'msecs', 0);
    if (onTimeout) this.once('timeout', onTimeout);
    if (this.socket) {
      applyTimeout(this, this.socket, msecs);
    } else {
      this.once('socket', (conn) => applyTimeout(this, conn, msecs));
    }
    return this;
  }

  setNoDelay(noDelay) {
    this._whenSocket((conn) => conn.setNoDelay(noDelay));
  }

  setSocketKeepAlive(enable, initialDelay) {
    this._whenSocket((conn) => conn.setKeepAlive(enable, initialDelay));
  }

  // Runs fn with the socket now, or when it is connected.
  _whenSocket(fn) {
    const conn = this.socket;
    if (conn && !conn.connecting) {
      fn(conn);
    } else if (conn) {
      conn.once('connect', () => fn(conn));
    } else {
      this.once('socket', (s) => {
        if (s.connecting) s.once('connect', () => fn(s));
        else fn(s);
      });
    }
  }
}

function followSignal(creq, signal) {
  const abort = () => creq.destroy(new AbortError(undefined, { cause: signal.reason }));
  if (signal.aborted) {
    process.nextTick(abort);
    return;
  }
  signal.addEventListener('abort', abort, { once: true });
  creq.once('close', () => signal.removeEventListener('abort', abort));
}

function emitTimeout() {
  const creq = this._httpMessage;
  if (creq) creq.emit('timeout');
}

// The socket's idle timer drives the request's 'timeout' event; it starts
// once the socket is connected.
function applyTimeout(creq, conn, msecs) {
  if (creq.timeoutCb === null) {
    creq.timeoutCb = emitTimeout;
    conn.on('timeout', emitTimeout);
  }
  if (conn.connecting) conn.once('connect', () => conn.setTimeout(msecs));
  else conn.setTimeout(msecs);
}

// A request's 'error', told first to http.client.request.error subscribers.
function raise(creq, err) {
  if (channels.error.hasSubscribers) channels.error.publish({ request: creq, error: err });
  creq.emit('error', err);
}

function finishClosed(creq, err) {
  if (err) raise(creq, err);
  creq._closed = true;
  creq.emit('close');
}

function attachSocket(creq, conn, err) {
  if (!creq.destroyed && !err) {
    useSocket(creq, conn);
    creq._flush();
    return;
  }
  // Destroyed (or failed) before it could use the socket.
  creq.destroyed = true;
  let failure = err || creq._destroyError;
  if (!failure && !creq.aborted) failure = connResetError('socket hang up');
  if (conn && !err && creq.agent && !conn.destroyed) {
    // The agent's socket is fine: it goes back to the pool.
    conn.emit('free');
    finishClosed(creq, failure);
    return;
  }
  if (conn && !conn.destroyed) {
    // The request reports the failure; the socket's own error is not a
    // second, uncaught one.
    conn.on('error', () => {});
    conn.once('close', () => finishClosed(creq, failure));
    conn.destroy(err || creq._destroyError);
    return;
  }
  finishClosed(creq, failure);
}

// Reads the responses on a request's socket: its bytes go to an llhttp
// response parser (common.js), whose calls become IncomingMessages.
class ResponseReader {
  constructor(creq, conn) {
    this.creq = creq;
    this.conn = conn;
    this.current = null;
    this.upgraded = null;
    const limit = creq.maxHeadersCount;
    this.headerLimit = typeof limit === 'number' && limit > 0 ? limit * 2 : 0;
    const parser = new HTTPParser('response', {
      insecure: Boolean(creq.insecureHTTPParser),
      // Unset, it is http.maxHeaderSize (--max-http-header-size).
      maxHeaderSize: creq.maxHeaderSize ?? require('./server').defaultMaxHeaderSize(),
    });
    // Bound, not arrows: the image's --keep-names would name an arrow on
    // every call (an Object.defineProperty each), and there is one reader
    // per request.
    parser.onHeaders = this.onHeaders.bind(this);
    parser.onBody = this.onBody.bind(this);
    parser.onComplete = this.onComplete.bind(this);
    this.parser = parser;
    this.input = consumeSocket(conn, this.feed.bind(this));
  }

  onHeaders(rawHeaders, statusMessage, statusCode, major, minor, upgrade, keepAlive) {
    const res = new IncomingMessage(this.conn);
    res._setHead(rawHeaders, major, minor);
    res.statusCode = statusCode;
    res.statusMessage = statusMessage;
    res.upgrade = upgrade;
    if (this.creq.joinDuplicateHeaders) res.joinDuplicateHeaders = true;
    if (this.headerLimit > 0 && rawHeaders.length > this.headerLimit) {
      // maxHeadersCount: headers has the first ones, rawHeaders all.
      res.headers = joinedHeaders(rawHeaders.slice(0, this.headerLimit), res.joinDuplicateHeaders);
    }
    const choice = onResponseHead(this.creq, res, keepAlive);
    if (res.upgrade) {
      this.upgraded = res;
    } else if (statusCode >= 200) {
      this.current = res;
    }
    return choice;
  }

  onBody(chunk) {
    const res = this.current;
    if (res === null) return;
    if (!res._pushBody(chunk)) {
      // The reader is behind: no more bytes until it asks for them.
      this.input.pause();
      res._onDrain = () => {
        if (this.parser !== null) this.input.resume();
      };
    }
  }

  onComplete(rawTrailers) {
    const res = this.current;
    if (res === null) return;
    this.current = null;
    res._finish(rawTrailers);
  }

  feed(chunk) {
    if (this.parser === null) return;
    const used = this.parser.execute(chunk);
    if (used instanceof Error) {
      onParseError(this.creq, used);
      return;
    }
    if (this.upgraded !== null) {
      const res = this.upgraded;
      this.upgraded = null;
      onUpgradeHead(this.creq, res, chunk.subarray(used));
    }
  }

  // The connection ended: a body that runs until EOF is complete now.
  finish() {
    if (this.parser !== null) this.parser.finish();
  }

  release() {
    if (this.parser === null) return;
    this.input.detach();
    this.parser.free();
    this.parser = null;
  }
}

function useSocket(creq, conn) {
  creq.socket = conn;
  conn._httpMessage = creq;
  const parser = new ResponseReader(creq, conn);
  conn.parser = parser;
  creq.parser = parser;
  conn.on('error', onSocketError);
  conn.on('end', onSocketEnd);
  conn.on('close', onSocketClose);
  conn.on('drain', onSocketDrain);
  const agentTimeout = creq.agent && creq.agent.options && creq.agent.options.timeout;
  if (creq.timeout !== undefined) {
    applyTimeout(creq, conn, creq.timeout);
  } else if (agentTimeout) {
    creq.timeoutCb = emitTimeout;
    conn.on('timeout', emitTimeout);
  }
  creq.emit('socket', conn);
}

function onSocketDrain() {
  const creq = this._httpMessage;
  if (creq && !creq.finished && creq[kNeedDrain]) {
    creq[kNeedDrain] = false;
    creq.emit('drain');
  }
}

function releaseParser(creq, conn) {
  if (creq.parser) {
    creq.parser.release();
    creq.parser = null;
  }
  if (conn) conn.parser = null;
}

// A head from the parser: returns what the parser should do with the body
// (0 read it, 1 skip it: HEAD, 1xx; 2 stop: CONNECT, the socket is handed over).
function onResponseHead(creq, res, keepAlive) {
  const conn = creq.socket;
  if (creq.res) {
    // A second response to one request: the connection is not usable.
    conn.destroy();
    return 0;
  }
  if (creq.method === 'CONNECT') {
    res.upgrade = true;
    return 2;
  }
  const status = res.statusCode;
  if (status >= 100 && status < 200 && status !== 101) {
    if (status === 100) creq.emit('continue');
    const info = {};
    for (const key of kInfoFields) info[key] = res[key];
    creq.emit('information', info);
    return 1;
  }
  if (creq.shouldKeepAlive && !keepAlive && !creq.upgradeOrConnect) {
    // The server closes after this response.
    creq.shouldKeepAlive = false;
  }
  creq.res = res;
  res.req = creq;
  if (res.upgrade) return 2;
  res.once('end', onResponseEnd);
  // res.setTimeout(): the socket's timeout is the response's too.
  creq.socket.on('timeout', onResponseTimeout);
  if (channels.response.hasSubscribers) channels.response.publish({ request: creq, response: res });
  // Nobody reads it (or the request was aborted): the body is thrown away.
  if (creq.aborted || !creq.emit('response', res)) res._dump();
  return creq.method === 'HEAD' ? 1 : 0;
}

function onResponseTimeout() {
  const creq = this._httpMessage;
  if (creq && creq.res) creq.res.emit('timeout');
}

function onResponseEnd() {
  const creq = this.req;
  const conn = creq.socket;
  if (conn) {
    if (creq.timeoutCb) conn.removeListener('timeout', creq.timeoutCb);
    conn.removeListener('timeout', onResponseTimeout);
  }
  creq._ended = true;
  if (!creq.shouldKeepAlive) {
    if (conn && conn.writable) {
      if (typeof conn.destroySoon === 'function') conn.destroySoon();
      else conn.end();
    }
    return;
  }
  if (creq.writableFinished && !this.aborted) {
    returnToAgent(creq);
  } else {
    // The body is still being sent: the socket is free once it is.
    creq.once('finish', () => {
      if (!this.aborted && creq.socket === conn && !conn.destroyed) returnToAgent(creq);
    });
  }
}

// The response is complete and the request sent: the socket is no longer
// this request's. Its 'free' (the agent's cue) comes after the user's 'end'
// handlers and the request's 'close'.
function returnToAgent(creq) {
  const conn = creq.socket;
  if (creq.timeoutCb) {
    conn.removeListener('timeout', creq.timeoutCb);
    conn.setTimeout(0);
    creq.timeoutCb = null;
  }
  conn.removeListener('close', onSocketClose);
  conn.removeListener('error', onSocketError);
  conn.removeListener('end', onSocketEnd);
  conn.removeListener('drain', onSocketDrain);
  releaseParser(creq, conn);
  // An idle socket keeps reading (and drops what it reads), so that the
  // server closing it is seen and the agent lets it go.
  conn.resume();
  creq.destroyed = true;
  if (creq.res) creq.res.socket = null;
  process.nextTick(() => {
    creq._closed = true;
    creq.emit('close');
    if (creq.socket) creq.socket.emit('free');
  });
}

function onParseError(creq, err) {
  const conn = creq.socket;
  releaseParser(creq, conn);
  markErrored(conn);
  conn.destroy();
  raise(creq, err);
}

// 101 Switching Protocols or a CONNECT answer: the socket leaves HTTP.
function onUpgradeHead(creq, res, rest) {
  const conn = creq.socket;
  creq.res = res;
  releaseParser(creq, conn);
  conn.removeListener('end', onSocketEnd);
  conn.removeListener('drain', onSocketDrain);
  const event = creq.method === 'CONNECT' ? 'connect' : 'upgrade';
  if (creq.listenerCount(event) === 0) {
    // Nobody takes the socket: the upgrade is refused by closing it.
    conn.destroy();
    return;
  }
  creq.upgradeOrConnect = true;
  conn.emit('agentRemove');
  conn.removeListener('close', onSocketClose);
  conn.removeListener('error', onSocketError);
  if (creq.timeoutCb) {
    conn.removeListener('timeout', creq.timeoutCb);
    creq.timeoutCb = null;
  }
  conn._httpMessage = null;
  conn.readableFlowing = null;
  creq.emit(event, res, conn, rest);
  creq.destroyed = true;
  creq._closed = true;
  creq.emit('close');
}

function onSocketError(err) {
  const conn = this;
  const creq = conn._httpMessage;
  if (creq) {
    markErrored(conn);
    raise(creq, err);
  }
  if (creq) releaseParser(creq, conn);
  conn.removeListener('end', onSocketEnd);
  conn.destroy();
}

function onSocketEnd() {
  const conn = this;
  const creq = conn._httpMessage;
  if (creq && !creq.res && !conn[kErrorGiven]) {
    markErrored(conn);
    raise(creq, connResetError('socket hang up'));
  }
  if (creq && creq.parser) creq.parser.finish();
  if (creq) releaseParser(creq, conn);
  conn.destroy();
}

function onSocketClose() {
  const conn = this;
  const creq = conn._httpMessage;
  if (!creq) return;
  const parser = creq.parser;
  const res = creq.res;
  creq.destroyed = true;
  if (parser) parser.finish();
  if (res) {
    if (!res.complete) res._abort(connResetError('aborted'));
    creq._closed = true;
    creq.emit('close');
    if (!res.aborted && res.readable) res.push(null);
  } else {
    if (!conn[kErrorGiven]) {
      markErrored(conn);
      raise(creq, connResetError('socket hang up'));
    }
    creq._closed = true;
    creq.emit('close');
  }
  if (creq.outputData) creq.outputData.length = 0;
  releaseParser(creq, conn);
}

function request(url, opts, cb) {
  return new ClientRequest(url, opts, cb);
}

function get(url, opts, cb) {
  const creq = request(url, opts, cb);
  creq.end();
  return creq;
}

module.exports = { ClientRequest, request, get };

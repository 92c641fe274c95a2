'use strict';
// http.Server and http.ServerResponse: a net.Server whose connections are
// parsed by llhttp (common.js), requests in order, responses in order
// (pipelining), keep-alive, upgrades and the timeouts Node has.
//
// Each connection has one state object (kConn on the socket): its parser,
// the request whose body is arriving, the responses waiting for the
// socket, and counters. Reads go straight from the socket's handle to the
// parser (consumeSocket), never through 'data' events.

const net = require('../../net');
const timers = require('../../timers');
const {
  codes: {
    ERR_HTTP_HEADERS_SENT,
    ERR_HTTP_INVALID_STATUS_CODE,
    ERR_HTTP_REQUEST_TIMEOUT,
    ERR_HTTP_SOCKET_ASSIGNED,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_CHAR,
    ERR_OUT_OF_RANGE,
  },
} = require('../errors');
const {
  validateBoolean, validateInteger, validateObject,
} = require('../validators');
const { STATUS_CODES, HTTPParser, consumeSocket, hasBadValueChar } = require('./common');
const { IncomingMessage } = require('./incoming');
const { OutgoingMessage, kNeedDrain, kOutHeaders } = require('./outgoing');

const kConn = Symbol('httpConnection');
const kConnections = Symbol('httpConnections');
const kChecker = Symbol('connectionsChecker');
const kIncomingMessage = Symbol('IncomingMessage');
const kServerResponse = Symbol('ServerResponse');
const kClosing = Symbol('closing');
const kOptions = Symbol('httpOptions');

const kBadRequest = 'HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n';
const kTooLarge = 'HTTP/1.1 431 Request Header Fields Too Large\r\nConnection: close\r\n\r\n';
const kTimedOut = 'HTTP/1.1 408 Request Timeout\r\nConnection: close\r\n\r\n';

// --max-http-header-size, from the command line or NODE_OPTIONS.
let maxHeaderSizeOption;
function defaultMaxHeaderSize() {
  if (maxHeaderSizeOption === undefined) {
    maxHeaderSizeOption = 16384;
    const words = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)];
    for (let i = 0; i < words.length; i++) {
      const m = /^--max-http-header-size(?:=(\d+))?$/.exec(words[i]);
      if (m === null) continue;
      const text = m[1] ?? words[i + 1];
      if (/^\d+$/.test(text ?? '')) maxHeaderSizeOption = Number(text);
    }
  }
  return maxHeaderSizeOption;
}

let insecureOption;
function insecureByDefault() {
  insecureOption ??= process.execArgv.includes('--insecure-http-parser') ||
    /(?:^|\s)--insecure-http-parser(?:\s|$)/.test(process.env.NODE_OPTIONS ?? '');
  return insecureOption;
}

// ---- ServerResponse ----------------------------------------------------------

function ServerResponse(req, options) {
  OutgoingMessage.call(this, options);
  if (req.method === 'HEAD') this._hasBody = false;
  this.req = req;
  this.sendDate = true;
  this._sent100 = false;
  this._expect_continue = false;
  this.statusCode = 200;
  this.statusMessage = undefined;
  if (req.httpVersionMajor < 1 || req.httpVersionMinor < 1) {
    this.useChunkedEncodingByDefault = /(?:^|\W)chunked(?:$|\W)/i.test(req.headers.te);
    this.shouldKeepAlive = false;
  }
}
Object.setPrototypeOf(ServerResponse.prototype, OutgoingMessage.prototype);
Object.setPrototypeOf(ServerResponse, OutgoingMessage);

ServerResponse.prototype._finish = function _finish() {
  OutgoingMessage.prototype._finish.call(this);
};

ServerResponse.prototype.assignSocket = function assignSocket(socket) {
  if (socket._httpMessage) throw new ERR_HTTP_SOCKET_ASSIGNED();
  socket._httpMessage = this;
  this.socket = socket;
  this.emit('socket', socket);
  this._flush();
};

ServerResponse.prototype.detachSocket = function detachSocket(socket) {
  socket._httpMessage = null;
  this.socket = null;
};

ServerResponse.prototype.writeContinue = function writeContinue(callback) {
  this._writeRaw('HTTP/1.1 100 Continue\r\n\r\n', 'ascii', callback);
  this._sent100 = true;
};

ServerResponse.prototype.writeProcessing = function writeProcessing(callback) {
  this._writeRaw('HTTP/1.1 102 Processing\r\n\r\n', 'ascii', callback);
};

ServerResponse.prototype.writeEarlyHints = function writeEarlyHints(hints, callback) {
  validateObject(hints, 'hints');
  if (hints.link === null || hints.link === undefined) return;
  const link = Array.isArray(hints.link) ? hints.link.join(', ') : String(hints.link);
  if (hasBadValueChar(link)) throw new ERR_INVALID_ARG_VALUE('hints.link', hints.link);
  let head = `HTTP/1.1 103 Early Hints\r\nLink: ${link}\r\n`;
  for (const key of Object.keys(hints)) {
    if (key === 'link') continue;
    head += `${key}: ${hints[key]}\r\n`;
  }
  this._writeRaw(`${head}\r\n`, 'ascii', callback);
};

ServerResponse.prototype._implicitHeader = function _implicitHeader() {
  this.writeHead(this.statusCode);
};

ServerResponse.prototype.writeHead = function writeHead(statusCode, reason, obj) {
  if (this._header) throw new ERR_HTTP_HEADERS_SENT('write');
  const given = statusCode;
  statusCode |= 0;
  if (statusCode < 100 || statusCode > 999) throw new ERR_HTTP_INVALID_STATUS_CODE(given);
  if (typeof reason === 'string') {
    this.statusMessage = reason;
  } else {
    this.statusMessage ||= STATUS_CODES[statusCode] || 'unknown';
    obj ??= reason;
  }
  this.statusCode = statusCode;
  let headers;
  if (this[kOutHeaders] !== null) {
    if (obj) {
      if (Array.isArray(obj)) {
        if (obj.length > 0 && Array.isArray(obj[0])) {
          for (const [k, v] of obj) this.appendHeader(k, v);
        } else {
          if (obj.length % 2 !== 0) throw new ERR_INVALID_ARG_VALUE('headers', obj);
          for (let i = 0; i < obj.length; i += 2) this.appendHeader(obj[i], obj[i + 1]);
        }
      } else {
        for (const key of Object.keys(obj)) if (key) this.setHeader(key, obj[key]);
      }
    }
    headers = this[kOutHeaders];
  } else {
    headers = obj;
  }
  if (hasBadValueChar(this.statusMessage)) throw new ERR_INVALID_CHAR('statusMessage');
  const line = `HTTP/1.1 ${statusCode} ${this.statusMessage}\r\n`;
  if (statusCode === 204 || statusCode === 304 || (statusCode >= 100 && statusCode <= 199)) {
    this._hasBody = false;
  }
  if (this._expect_continue && !this._sent100) this.shouldKeepAlive = false;
  this._storeHeader(line, headers);
  return this;
};

ServerResponse.prototype.writeHeader = ServerResponse.prototype.writeHead;

// ---- Server ----------------------------------------------------------------

function validateTimeout(value, name, fallback) {
  if (value === undefined) return fallback;
  validateInteger(value, name, 0);
  return value;
}

function Server(options, requestListener) {
  if (!(this instanceof Server)) return new Server(options, requestListener);
  if (typeof options === 'function') {
    requestListener = options;
    options = {};
  } else if (options == null) {
    options = {};
  } else {
    validateObject(options, 'options');
  }
  this[kIncomingMessage] = options.IncomingMessage || IncomingMessage;
  this[kServerResponse] = options.ServerResponse || ServerResponse;
  const maxHeaderSize = options.maxHeaderSize;
  if (maxHeaderSize !== undefined) validateInteger(maxHeaderSize, 'maxHeaderSize', 0);
  const insecure = options.insecureHTTPParser;
  if (insecure !== undefined) validateBoolean(insecure, 'options.insecureHTTPParser');
  const join = options.joinDuplicateHeaders;
  if (join !== undefined) validateBoolean(join, 'options.joinDuplicateHeaders');
  const requireHost = options.requireHostHeader;
  if (requireHost !== undefined) validateBoolean(requireHost, 'options.requireHostHeader');
  this.requestTimeout = validateTimeout(options.requestTimeout, 'requestTimeout', 300000);
  this.headersTimeout = validateTimeout(options.headersTimeout, 'headersTimeout', 60000);
  if (this.requestTimeout > 0 && this.headersTimeout > 0 &&
      this.headersTimeout > this.requestTimeout) {
    throw new ERR_OUT_OF_RANGE('headersTimeout', '<= requestTimeout', this.headersTimeout);
  }
  this.connectionsCheckingInterval =
    validateTimeout(options.connectionsCheckingInterval, 'connectionsCheckingInterval', 30000);
  this.keepAliveTimeout = validateTimeout(options.keepAliveTimeout, 'keepAliveTimeout', 5000);
  this[kOptions] = {
    maxHeaderSize,
    insecure,
    join: join === true,
    requireHost: requireHost !== false,
    uniqueHeaders: options.uniqueHeaders,
    highWaterMark: options.highWaterMark,
    rejectNonStandardBodyWrites: options.rejectNonStandardBodyWrites === true,
  };
  net.Server.call(this, {
    allowHalfOpen: true,
    noDelay: options.noDelay ?? true,
    keepAlive: options.keepAlive,
    keepAliveInitialDelay: options.keepAliveInitialDelay,
    highWaterMark: options.highWaterMark,
  });
  if (requestListener) this.on('request', requestListener);
  this.httpAllowHalfOpen = false;
  this.on('connection', connectionListener);
  this.on('listening', startChecking);
  this.on('close', stopChecking);
  this.timeout = 0;
  this.maxHeadersCount = null;
  this.maxRequestsPerSocket = 0;
  this[kConnections] = new Set();
  this[kChecker] = null;
  this[kClosing] = false;
}
Object.setPrototypeOf(Server.prototype, net.Server.prototype);
Object.setPrototypeOf(Server, net.Server);

Server.prototype.setTimeout = function setTimeout(msecs, callback) {
  this.timeout = msecs;
  if (callback) this.on('timeout', callback);
  return this;
};

Server.prototype.close = function close(callback) {
  this[kClosing] = true;
  this.closeIdleConnections();
  stopChecking.call(this);
  return net.Server.prototype.close.call(this, callback);
};

Server.prototype[Symbol.asyncDispose] = function asyncDispose() {
  return new Promise((resolve, reject) => {
    this.close((err) => (err ? reject(err) : resolve()));
  });
};

Server.prototype.closeAllConnections = function closeAllConnections() {
  for (const conn of [...this[kConnections]]) conn.socket.destroy();
};

Server.prototype.closeIdleConnections = function closeIdleConnections() {
  for (const conn of [...this[kConnections]]) {
    if (isIdle(conn)) conn.socket.destroy();
  }
};

function isIdle(conn) {
  return conn.current === null && conn.socket._httpMessage == null && conn.waiting.length === 0;
}

function startChecking() {
  if (this[kChecker] !== null) return;
  if (this.headersTimeout <= 0 && this.requestTimeout <= 0) return;
  const interval = this.connectionsCheckingInterval;
  if (!(interval > 0)) return;
  this[kChecker] = timers.setInterval(checkConnections, interval, this);
  this[kChecker].unref();
}

function stopChecking() {
  if (this[kChecker] !== null) {
    timers.clearInterval(this[kChecker]);
    this[kChecker] = null;
  }
}

// Connections whose head (headersTimeout) or whole request (requestTimeout)
// takes too long get a 408 and are closed.
function checkConnections(server) {
  const now = Date.now();
  for (const conn of [...server[kConnections]]) {
    if (conn.started === 0) continue;
    const elapsed = now - conn.started;
    const headers = server.headersTimeout > 0 && elapsed > server.headersTimeout &&
      !conn.parser.headersDone();
    const whole = server.requestTimeout > 0 && elapsed > server.requestTimeout;
    if (headers || whole) {
      conn.started = 0;
      socketError(conn, new ERR_HTTP_REQUEST_TIMEOUT());
    }
  }
}

// ---- connections -----------------------------------------------------------

function connectionListener(socket) {
  const server = this;
  const opts = server[kOptions];
  const parser = new HTTPParser('request', {
    insecure: opts.insecure ?? insecureByDefault(),
    maxHeaderSize: opts.maxHeaderSize ?? defaultMaxHeaderSize(),
  });
  const conn = {
    server,
    socket,
    parser,
    reader: null,
    current: null,       // the request whose body is arriving
    waiting: [],         // responses waiting for the socket (pipelining)
    unfinished: [],      // requests whose response has not finished
    requests: 0,
    started: 0,
    idleTimer: false,
    upgrade: null,
    closed: false,
  };
  socket[kConn] = conn;
  server[kConnections].add(conn);
  parser.onHeaders = (raw, url, method, major, minor, upgrade, keepAlive) =>
    onHeaders(conn, raw, url, method, major, minor, upgrade, keepAlive);
  parser.onBody = (chunk) => onBody(conn, chunk);
  parser.onComplete = (trailers) => onComplete(conn, trailers);
  socket.on('error', onSocketError);
  socket.on('end', onSocketEnd);
  socket.on('close', onSocketClose);
  socket.on('drain', onSocketDrain);
  socket.on('timeout', onSocketTimeout);
  if (server.timeout > 0) socket.setTimeout(server.timeout);
  conn.reader = consumeSocket(socket, (chunk) => onData(conn, chunk));
}

function onData(conn, chunk) {
  if (conn.started === 0) conn.started = Date.now();
  const n = conn.parser.execute(chunk);
  if (n instanceof Error) {
    socketError(conn, n);
    return;
  }
  if (conn.upgrade !== null) startUpgrade(conn, chunk.subarray(n));
}

function hasField(raw, name) {
  for (let i = 0; i < raw.length; i += 2) {
    const field = raw[i];
    if (field.length === name.length && field.toLowerCase() === name) return true;
  }
  return false;
}

function onHeaders(conn, raw, url, method, major, minor, upgrade, keepAlive) {
  const { server, socket } = conn;
  conn.requests++;
  const max = server.maxHeadersCount;
  if (typeof max === 'number' && max > 0 && raw.length > max * 2) raw = raw.slice(0, max * 2);
  const req = new server[kIncomingMessage](socket);
  req.joinDuplicateHeaders = server[kOptions].join;
  req._setHead(raw, major, minor);
  req.url = url;
  req.method = method;
  conn.current = req;
  if (upgrade) {
    const event = method === 'CONNECT' ? 'connect' : 'upgrade';
    if (method === 'CONNECT' || server.listenerCount(event) > 0) {
      req.upgrade = true;
      conn.upgrade = req;
      return 2;
    }
  }
  req.upgrade = false;
  onRequest(conn, req, keepAlive);
  return upgrade ? 3 : 0;
}

function onRequest(conn, req, keepAlive) {
  const { server, socket } = conn;
  if (conn.idleTimer) {
    conn.idleTimer = false;
    socket.setTimeout(server.timeout);
  }
  const opts = server[kOptions];
  const res = new server[kServerResponse](req, {
    highWaterMark: opts.highWaterMark ?? socket.writableHighWaterMark,
    rejectNonStandardBodyWrites: opts.rejectNonStandardBodyWrites,
    uniqueHeaders: opts.uniqueHeaders,
  });
  res.shouldKeepAlive = keepAlive;
  res._keepAliveTimeout = server.keepAliveTimeout;
  res._maxRequestsPerSocket = server.maxRequestsPerSocket;
  const maxRequests = server.maxRequestsPerSocket;
  if (maxRequests > 0 && conn.requests >= maxRequests) res.maxRequestsOnConnectionReached = true;
  if (server[kClosing]) res.shouldKeepAlive = false;
  conn.unfinished.push(req);
  res.once('finish', () => onResponseFinish(conn, req, res));
  if (socket._httpMessage) conn.waiting.push(res);
  else res.assignSocket(socket);
  if (maxRequests > 0 && conn.requests > maxRequests) {
    server.emit('dropRequest', req, socket);
    res.writeHead(503);
    res.end();
    return;
  }
  const raw = req.rawHeaders;
  if (opts.requireHost && req.httpVersionMajor === 1 && req.httpVersionMinor === 1 &&
      !hasField(raw, 'host')) {
    res.writeHead(400, ['Connection', 'close']);
    res.end();
    return;
  }
  if (req.httpVersionMajor === 1 && req.httpVersionMinor === 1 && hasField(raw, 'expect')) {
    const expect = req.headers.expect;
    if (/(?:^|\W)100-continue(?:$|\W)/i.test(expect)) {
      res._expect_continue = true;
      if (server.listenerCount('checkContinue') > 0) {
        server.emit('checkContinue', req, res);
      } else {
        res.writeContinue();
        server.emit('request', req, res);
      }
    } else if (server.listenerCount('checkExpectation') > 0) {
      server.emit('checkExpectation', req, res);
    } else {
      res.writeHead(417);
      res.end();
    }
    return;
  }
  server.emit('request', req, res);
}

function onBody(conn, chunk) {
  const req = conn.current;
  if (req === null || req._dumped) return;
  if (!req._pushBody(chunk) && !conn.reader.paused) {
    conn.reader.pause();
    req._onDrain = () => {
      if (!conn.closed) conn.reader.resume();
    };
  }
}

function onComplete(conn, trailers) {
  const req = conn.current;
  conn.current = null;
  conn.started = 0;
  if (req === null) return;
  req._finish(trailers);
  if (conn.reader.paused && req._dumped) conn.reader.resume();
}

function onResponseFinish(conn, req, res) {
  const { socket, server } = conn;
  // A body nobody read is thrown away so the next request can come.
  if (!req._consuming && !req._readableState.resumeScheduled) req._dump();
  if (req._dumped && conn.reader.paused && conn.current === req) conn.reader.resume();
  const i = conn.unfinished.indexOf(req);
  if (i >= 0) conn.unfinished.splice(i, 1);
  res.detachSocket(socket);
  process.nextTick(emitClose, res);
  if (res._last) {
    if (typeof socket.destroySoon === 'function') socket.destroySoon();
    else socket.end();
    return;
  }
  if (conn.waiting.length > 0) {
    conn.waiting.shift().assignSocket(socket);
    return;
  }
  if (server[kClosing] && conn.current === null) {
    socket.destroy();
    return;
  }
  if (server.keepAliveTimeout > 0 && server.timeout === 0 && conn.current === null) {
    conn.idleTimer = true;
    socket.setTimeout(server.keepAliveTimeout);
  }
}

function emitClose(res) {
  if (res._closed) return;
  res._closed = true;
  res.emit('close');
}

function startUpgrade(conn, head) {
  const { server, socket } = conn;
  const req = conn.upgrade;
  conn.upgrade = null;
  detach(conn);
  const event = req.method === 'CONNECT' ? 'connect' : 'upgrade';
  if (server.listenerCount(event) > 0) server.emit(event, req, socket, head);
  else socket.destroy();
}

// The socket leaves HTTP (an upgrade): our listeners and parser go.
function detach(conn) {
  const { socket, server } = conn;
  conn.reader.detach();
  socket.removeListener('error', onSocketError);
  socket.removeListener('end', onSocketEnd);
  socket.removeListener('close', onSocketClose);
  socket.removeListener('drain', onSocketDrain);
  socket.removeListener('timeout', onSocketTimeout);
  socket[kConn] = undefined;
  server[kConnections].delete(conn);
  conn.parser.free();
  conn.closed = true;
}

function noop() {}

// Parse errors, timeouts and socket errors: 'clientError', or by default an
// error response (when nothing was sent yet) and the socket destroyed.
function socketError(conn, err) {
  const { socket, server } = conn;
  if (socket.listenerCount('error') <= 1) socket.on('error', noop);
  if (server.emit('clientError', err, socket)) return;
  if (socket.writable && socket.bytesWritten === 0) {
    const code = err.code;
    socket.write(code === 'HPE_HEADER_OVERFLOW' ? kTooLarge :
      code === 'ERR_HTTP_REQUEST_TIMEOUT' ? kTimedOut : kBadRequest);
  }
  socket.destroy(err);
}

function onSocketError(err) {
  const conn = this[kConn];
  if (conn === undefined) return;
  this.removeListener('error', onSocketError);
  socketError(conn, err);
}

function onSocketEnd() {
  const conn = this[kConn];
  if (conn === undefined) return;
  const ret = conn.parser.finish();
  if (ret instanceof Error) {
    socketError(conn, ret);
    return;
  }
  if (conn.current !== null) {
    abortRequest(conn.current);
    conn.current = null;
  }
  if (!this.writable) return;
  const last = conn.waiting.length > 0 ? conn.waiting[conn.waiting.length - 1] : this._httpMessage;
  if (last) last._last = true;
  else this.end();
}

function abortRequest(req) {
  if (req.complete) return;
  const err = new Error('aborted');
  err.code = 'ECONNRESET';
  req._abort(err);
}

function onSocketClose() {
  const conn = this[kConn];
  if (conn === undefined) return;
  conn.closed = true;
  this[kConn] = undefined;
  conn.server[kConnections].delete(conn);
  for (const req of conn.unfinished) abortRequest(req);
  conn.unfinished.length = 0;
  const res = this._httpMessage;
  if (res) {
    res.destroyed = true;
    emitClose(res);
  }
  for (const waiting of conn.waiting) {
    waiting.destroyed = true;
    emitClose(waiting);
  }
  conn.waiting.length = 0;
  conn.parser.free();
}

function onSocketDrain() {
  const res = this._httpMessage;
  if (res && res[kNeedDrain]) {
    res[kNeedDrain] = false;
    res.emit('drain');
  }
}

function onSocketTimeout() {
  const conn = this[kConn];
  if (conn === undefined) return;
  if (conn.idleTimer && isIdle(conn)) {
    this.destroy();
    return;
  }
  const req = conn.current;
  const reqTimeout = req !== null && !req.complete && req.emit('timeout', this);
  const res = this._httpMessage;
  const resTimeout = res && res.emit('timeout', this);
  const serverTimeout = conn.server.emit('timeout', this);
  if (!reqTimeout && !resTimeout && !serverTimeout) this.destroy();
}

function createServer(options, requestListener) {
  return new Server(options, requestListener);
}

module.exports = {
  Server,
  ServerResponse,
  createServer,
  defaultMaxHeaderSize,
};

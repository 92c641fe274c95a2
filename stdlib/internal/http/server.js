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
const { codes, connResetError } = require('../errors');
const {
  validateBoolean, validateInteger, validateObject,
} = require('../validators');
const { method, STATUS_CODES, HTTPParser, consumeSocket, hasBadValueChar } = require('./common');
const { IncomingMessage } = require('./incoming');
const { Prototypes } = require('./prototypes');
const { drainBetweenCallbacks } = require('../process/task_queues');
const { nodeFlagGiven } = require('../process/flags');
const { OutgoingMessage, kFinishHook, kNeedDrain, kOutHeaders } = require('./outgoing');

const kConn = Symbol('httpConnection');
const kConnections = Symbol('httpConnections');
const kChecker = Symbol('connectionsChecker');
const kIncomingMessage = Symbol('server.IncomingMessage');
const kServerResponse = Symbol('server.ServerResponse');
const kClosing = Symbol('closing');
const kOptions = Symbol('httpOptions');
const kRequestPrototypes = Symbol('requestPrototypes');
const kResponsePrototypes = Symbol('responsePrototypes');

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
  insecureOption ??= nodeFlagGiven('--insecure-http-parser');
  return insecureOption;
}

// ---- ServerResponse ----------------------------------------------------------

function ServerResponse(inc, config) {
  OutgoingMessage.call(this, config);
  if (inc.method === 'HEAD') this._hasBody = false;
  this.req = inc; this.sendDate = true; this._sent100 = false; this._expect_continue = false;
  this.statusCode = 200; this.statusMessage = undefined;
  if (inc.httpVersionMajor < 1 || inc.httpVersionMinor < 1) {
    this.useChunkedEncodingByDefault = /(?:^|\W)chunked(?:$|\W)/i.test(inc.headers.te);
    this.shouldKeepAlive = false;
  }
}
Object.setPrototypeOf(ServerResponse.prototype, OutgoingMessage.prototype);
Object.setPrototypeOf(ServerResponse, OutgoingMessage);

method(ServerResponse, function _finish() {
  OutgoingMessage.prototype._finish.call(this);
});

method(ServerResponse, function assignSocket(sock) {
  if (sock._httpMessage) throw new codes.ERR_HTTP_SOCKET_ASSIGNED();
  sock._httpMessage = this;
  this.socket = sock;
  this.emit('socket', sock);
  this._flush();
});

method(ServerResponse, function detachSocket(sock) {
  sock._httpMessage = null;
  this.socket = null;
});

// 'close' of a socket that a response holds (`this` is the socket).
function onHolderSocketClose() {
  const out = this._httpMessage;
  if (out == null || typeof out.emit !== 'function') return;
  out.destroyed = true;
  emitClose(out);
}

method(ServerResponse, function writeContinue(done) {
  this._writeRaw('HTTP/1.1 100 Continue\r\n\r\n', 'ascii', done);
  this._sent100 = true;
});

method(ServerResponse, function writeProcessing(done) {
  this._writeRaw('HTTP/1.1 102 Processing\r\n\r\n', 'ascii', done);
});

method(ServerResponse, function writeEarlyHints(hintMap, done) {
  validateObject(hintMap, 'hints');
  if (hintMap.link === null || hintMap.link === undefined) return;
  const link = Array.isArray(hintMap.link) ? hintMap.link.join(', ') : String(hintMap.link);
  if (hasBadValueChar(link)) throw new codes.ERR_INVALID_ARG_VALUE('hints.link', hintMap.link);
  let head = `HTTP/1.1 103 Early Hints\r\nLink: ${link}\r\n`;
  for (const key of Object.keys(hintMap)) {
    if (key === 'link') continue;
    head += `${key}: ${hintMap[key]}\r\n`;
  }
  this._writeRaw(`${head}\r\n`, 'ascii', done);
});

method(ServerResponse, function _implicitHeader() {
  this.writeHead(this.statusCode);
});

method(ServerResponse, function writeHead(code, text, extra) {
  if (this._header) throw new codes.ERR_HTTP_HEADERS_SENT('write');
  const given = code;
  code |= 0;
  if (code < 100 || code > 999) throw new codes.ERR_HTTP_INVALID_STATUS_CODE(given);
  if (typeof text === 'string') {
    this.statusMessage = text;
  } else {
    this.statusMessage ||= STATUS_CODES[code] || 'unknown';
    extra ??= text;
  }
  this.statusCode = code;
  let hdrs;
  if (this[kOutHeaders] !== null) {
    if (extra) {
      if (Array.isArray(extra)) {
        if (extra.length > 0 && Array.isArray(extra[0])) {
          for (const [k, v] of extra) this.appendHeader(k, v);
        } else {
          if (extra.length % 2 !== 0) throw new codes.ERR_INVALID_ARG_VALUE('headers', extra);
          for (let i = 0; i < extra.length; i += 2) this.appendHeader(extra[i], extra[i + 1]);
        }
      } else {
        for (const key of Object.keys(extra)) if (key) this.setHeader(key, extra[key]);
      }
    }
    hdrs = this[kOutHeaders];
  } else {
    hdrs = extra;
  }
  const line = statusLine(code, this.statusMessage);
  if (code === 204 || code === 304 || (code >= 100 && code <= 199)) {
    this._hasBody = false;
  }
  if (this._expect_continue && !this._sent100) this.shouldKeepAlive = false;
  this._storeHeader(line, hdrs);
  return this;
});

// `HTTP/1.1 <code> <message>\r\n`; the lines of the standard messages are
// made once each.
const standardLines = [];

function statusLine(code, message) {
  if (message === STATUS_CODES[code]) {
    return standardLines[code] ??= `HTTP/1.1 ${code} ${message}\r\n`;
  }
  if (hasBadValueChar(message)) throw new codes.ERR_INVALID_CHAR('statusMessage');
  return `HTTP/1.1 ${code} ${message}\r\n`;
}

// The old name of writeHead.
method(ServerResponse, function writeHeader(...args) {
  return this.writeHead(...args);
});

// ---- Server ----------------------------------------------------------------

function validateTimeout(value, name, fallback) {
  if (value === undefined) return fallback;
  validateInteger(value, name, 0);
  return value;
}

function Server(config, listener) {
  if (!(this instanceof Server)) return new Server(config, listener);
  if (typeof config === 'function') {
    listener = config;
    config = {};
  } else if (config == null) {
    config = {};
  } else {
    validateObject(config, 'options');
  }
  this[kIncomingMessage] = config.IncomingMessage || IncomingMessage;
  this[kServerResponse] = config.ServerResponse || ServerResponse;
  const maxHeaderSize = config.maxHeaderSize;
  if (maxHeaderSize !== undefined) validateInteger(maxHeaderSize, 'maxHeaderSize', 0);
  const insecure = config.insecureHTTPParser;
  if (insecure !== undefined) validateBoolean(insecure, 'options.insecureHTTPParser');
  const join = config.joinDuplicateHeaders;
  if (join !== undefined) validateBoolean(join, 'options.joinDuplicateHeaders');
  const requireHost = config.requireHostHeader;
  if (requireHost !== undefined) validateBoolean(requireHost, 'options.requireHostHeader');
  this.requestTimeout = validateTimeout(config.requestTimeout, 'requestTimeout', 300000);
  this.headersTimeout = validateTimeout(config.headersTimeout, 'headersTimeout', 60000);
  if (this.requestTimeout > 0 && this.headersTimeout > 0 &&
      this.headersTimeout > this.requestTimeout) {
    throw new codes.ERR_OUT_OF_RANGE('headersTimeout', '<= requestTimeout', this.headersTimeout);
  }
  this.connectionsCheckingInterval =
    validateTimeout(config.connectionsCheckingInterval, 'connectionsCheckingInterval', 30000);
  this.keepAliveTimeout = validateTimeout(config.keepAliveTimeout, 'keepAliveTimeout', 5000);
  this[kOptions] = {
    maxHeaderSize,
    insecure,
    join: join === true,
    requireHost: requireHost !== false,
    uniqueHeaders: config.uniqueHeaders,
    highWaterMark: config.highWaterMark,
    rejectNonStandardBodyWrites: config.rejectNonStandardBodyWrites === true,
  };
  net.Server.call(this, {
    allowHalfOpen: true,
    noDelay: config.noDelay ?? true,
    keepAlive: config.keepAlive,
    keepAliveInitialDelay: config.keepAliveInitialDelay,
    highWaterMark: config.highWaterMark,
  });
  if (listener) this.on('request', listener);
  this.on('connection', onConnection);
  this.on('listening', startChecking);
  this.on('close', stopChecking);
  this.httpAllowHalfOpen = false; this.timeout = 0; this.maxHeadersCount = null;
  this.maxRequestsPerSocket = 0; this[kConnections] = new Set();
  this[kChecker] = null;
  this[kClosing] = false;
}
Object.setPrototypeOf(Server.prototype, net.Server.prototype);
Object.setPrototypeOf(Server, net.Server);

method(Server, function setTimeout(msecs, done) {
  this.timeout = msecs;
  if (done) this.on('timeout', done);
  return this;
});

method(Server, function close(done) {
  this[kClosing] = true;
  this.closeIdleConnections();
  stopChecking.call(this);
  return net.Server.prototype.close.call(this, done);
});

Server.prototype[Symbol.asyncDispose] = function asyncDispose() {
  return new Promise((resolve, reject) => {
    this.close((failure) => (failure ? reject(failure) : resolve()));
  });
};

method(Server, function closeAllConnections() {
  for (const conn of [...this[kConnections]]) conn.socket.destroy();
});

method(Server, function closeIdleConnections() {
  for (const conn of [...this[kConnections]]) {
    if (isIdle(conn)) conn.socket.destroy();
  }
});

function isIdle(conn) {
  return conn.current === null && conn.socket._httpMessage == null && conn.waiting.length === 0;
}

function startChecking() {
  if (this[kChecker] !== null && !this[kChecker]._destroyed) return;
  if (this.headersTimeout <= 0 && this.requestTimeout <= 0) return;
  const interval = this.connectionsCheckingInterval;
  if (!(interval > 0)) return;
  this[kChecker] = timers.setInterval(checkConnections, interval, this);
  this[kChecker].unref();
}

function stopChecking() {
  // The cleared timer stays readable (as kConnectionsCheckingInterval).
  if (this[kChecker] !== null) timers.clearInterval(this[kChecker]);
}

// Connections whose head (headersTimeout) or whole request (requestTimeout)
// takes too long get a 408 and are closed.
function checkConnections(srv) {
  for (const conn of [...srv[kConnections]]) {
    const elapsed = conn.parser.elapsed();
    if (elapsed < 0) continue;
    const hdrs = srv.headersTimeout > 0 && elapsed > srv.headersTimeout &&
      !conn.parser.headersDone();
    const whole = srv.requestTimeout > 0 && elapsed > srv.requestTimeout;
    if (hdrs || whole) {
      conn.parser.expire();
      socketError(conn, new codes.ERR_HTTP_REQUEST_TIMEOUT());
    }
  }
}

// ---- connections -----------------------------------------------------------

// What the server listens for on each connection's socket (the response
// that holds the socket closes with it: onHolderSocketClose).
let handlers;
function socketHandlers() {
  handlers ??= [
    ['error', onSocketError], ['end', onSocketEnd], ['close', onSocketClose],
    ['close', onHolderSocketClose], ['drain', onSocketDrain], ['timeout', onSocketTimeout],
  ];
  return handlers;
}

function refuseEncoding() {
  throw new codes.ERR_HTTP_SOCKET_ENCODING();
}

function onConnection(sock) {
  const srv = this;
  const opts = srv[kOptions];
  // As in Node, a socket handed to the server (a cluster worker's, an
  // emitted 'connection') belongs to it from now on, and its bytes stay
  // bytes: HTTP has no socket encoding.
  sock.server = srv;
  sock.setEncoding = refuseEncoding;
  const parser = new HTTPParser('request', {
    insecure: opts.insecure ?? insecureByDefault(),
    maxHeaderSize: opts.maxHeaderSize ?? defaultMaxHeaderSize(),
  });
  const conn = {
    server: srv,
    socket: sock,
    parser,
    reader: null,
    current: null,       // the request whose body is arriving
    waiting: [],         // responses waiting for the socket (pipelining)
    unfinished: [],      // requests whose response has not finished
    requests: 0,
    idleTimer: false,
    upgrade: null,
    closed: false,
  };
  sock[kConn] = conn;
  srv[kConnections].add(conn);
  // As in Node, a piece of body read straight from the handle is a callback
  // of its own: ticks and microtasks run after it (so the request's
  // 'data' listeners see the piece before a response ended in the handler
  // finishes); the head and the end are not.
  parser.onHeaders = (raw, url, method, major, minor, upgrade, persist, bodiless) =>
    onHeaders(conn, raw, url, method, major, minor, upgrade, persist, bodiless);
  parser.onBody = (chunk) => {
    // A parser reading the socket itself: the socket saw no read.
    if (conn.reader.native) sock._unrefTimer();
    onBody(conn, chunk);
    if (conn.reader.viaHandle === true) drainBetweenCallbacks();
  };
  parser.onComplete = (trailers) => onComplete(conn, trailers);
  parser.onExecute = (result, bytes) => {
    sock._unrefTimer();
    afterExecute(conn, result, bytes);
  };
  for (const [event, handler] of socketHandlers()) sock.on(event, handler);
  if (srv.timeout > 0) sock.setTimeout(srv.timeout);
  conn.reader = consumeSocket(sock, (chunk) => onData(conn, chunk), parser);
}

function onData(conn, chunk) {
  afterExecute(conn, conn.parser.execute(chunk), chunk);
}

function afterExecute(conn, n, chunk) {
  if (n instanceof Error) {
    socketError(conn, n);
    return;
  }
  if (conn.upgrade !== null) startUpgrade(conn, chunk.subarray(n));
}

// The server's Prototypes (prototypes.js) for its request and response
// classes, made on first use and again if the class was replaced. One
// function per class, so that each property read sees one key (a read
// site given several keys goes megamorphic).
function requestPrototypes(srv) {
  const p = srv[kRequestPrototypes];
  if (p !== undefined && p.Class === srv[kIncomingMessage]) return p;
  return newPrototypes(srv, kRequestPrototypes, srv[kIncomingMessage]);
}

function responsePrototypes(srv) {
  const p = srv[kResponsePrototypes];
  if (p !== undefined && p.Class === srv[kServerResponse]) return p;
  return newPrototypes(srv, kResponsePrototypes, srv[kServerResponse]);
}

function newPrototypes(srv, key, Class) {
  const p = new Prototypes(Class, Class === IncomingMessage || Class === ServerResponse);
  srv[key] = p;
  return p;
}

function hasField(raw, name) {
  for (let i = 0; i < raw.length; i += 2) {
    const field = raw[i];
    if (field.length === name.length && field.toLowerCase() === name) return true;
  }
  return false;
}

function onHeaders(conn, raw, url, method, major, minor, upgrade, persist, bodiless) {
  const { server: srv, socket: sock } = conn;
  if (conn.reader.native) sock._unrefTimer();
  conn.requests++;
  const max = srv.maxHeadersCount;
  if (typeof max === 'number' && max > 0 && raw.length > max * 2) raw = raw.slice(0, max * 2);
  const inc = requestPrototypes(srv).make1(sock);
  inc.joinDuplicateHeaders = srv[kOptions].join;
  inc._setHead(raw, major, minor);
  inc.url = url;
  inc.method = method;
  conn.current = inc;
  if (upgrade) {
    const event = method === 'CONNECT' ? 'connect' : 'upgrade';
    if (method === 'CONNECT' || srv.listenerCount(event) > 0) {
      inc.upgrade = true;
      conn.upgrade = inc;
      return 2;
    }
  }
  inc.upgrade = false;
  onRequest(conn, inc, persist);
  if (upgrade) return 3;
  // A request that cannot have a body ends with its head: one call from
  // the parser instead of two.
  if (bodiless && !conn.closed && conn.current === inc) {
    onComplete(conn, undefined);
    return 4;
  }
  return 0;
}

function onRequest(conn, inc, persist) {
  const { server: srv, socket: sock } = conn;
  if (conn.idleTimer && srv.timeout !== 0) {
    conn.idleTimer = false;
    sock.setTimeout(srv.timeout);
  }
  const opts = srv[kOptions];
  const out = responsePrototypes(srv).make2(inc, {
    highWaterMark: opts.highWaterMark ?? sock.writableHighWaterMark,
    rejectNonStandardBodyWrites: opts.rejectNonStandardBodyWrites,
    uniqueHeaders: opts.uniqueHeaders,
  });
  out.shouldKeepAlive = persist;
  out._keepAliveTimeout = srv.keepAliveTimeout;
  out._maxRequestsPerSocket = srv.maxRequestsPerSocket;
  const maxRequests = srv.maxRequestsPerSocket;
  if (maxRequests > 0 && conn.requests >= maxRequests) out.maxRequestsOnConnectionReached = true;
  if (srv[kClosing]) out.shouldKeepAlive = false;
  conn.unfinished.push(inc);
  out[kFinishHook] = onResponseFinished;
  if (sock._httpMessage) conn.waiting.push(out);
  else out.assignSocket(sock);
  if (maxRequests > 0 && conn.requests > maxRequests) {
    srv.emit('dropRequest', inc, sock);
    out.writeHead(503);
    out.end();
    return;
  }
  const raw = inc.rawHeaders;
  if (opts.requireHost && inc.httpVersionMajor === 1 && inc.httpVersionMinor === 1 &&
      !hasField(raw, 'host')) {
    out.writeHead(400, ['Connection', 'close']);
    out.end();
    return;
  }
  if (inc.httpVersionMajor === 1 && inc.httpVersionMinor === 1 && hasField(raw, 'expect')) {
    const expect = inc.headers.expect;
    if (/(?:^|\W)100-continue(?:$|\W)/i.test(expect)) {
      out._expect_continue = true;
      if (srv.listenerCount('checkContinue') > 0) {
        srv.emit('checkContinue', inc, out);
      } else {
        out.writeContinue();
        srv.emit('request', inc, out);
      }
    } else if (srv.listenerCount('checkExpectation') > 0) {
      srv.emit('checkExpectation', inc, out);
    } else {
      out.writeHead(417);
      out.end();
    }
    return;
  }
  srv.emit('request', inc, out);
}

function onBody(conn, chunk) {
  const inc = conn.current;
  if (inc === null || inc._dumped) return;
  if (!inc._pushBody(chunk) && !conn.reader.paused) {
    conn.reader.pause();
    inc._onDrain = () => {
      if (!conn.closed) conn.reader.resume();
    };
  }
}

function onComplete(conn, trailers) {
  const inc = conn.current;
  conn.current = null;
  if (inc === null) return;
  inc._finish(trailers);
  if (conn.reader.paused && inc._dumped) conn.reader.resume();
}

function onResponseFinished(out) {
  const conn = out.socket !== null ? out.socket[kConn] : undefined;
  if (conn !== undefined) onResponseFinish(conn, out.req, out);
}

function onResponseFinish(conn, inc, out) {
  const { socket: sock, server: srv } = conn;
  srv[kRequestPrototypes]?.observe(inc);
  srv[kResponsePrototypes]?.observe(out);
  // A body nobody read is thrown away so the next request can come. A
  // request that came whole and that nobody listens to is settled in the
  // tick that closes the response instead (settleUnread).
  let settle = null;
  if (!inc._consuming && !inc._readableState.resumeScheduled) {
    if (inc.complete && inc._eventsCount === 0 && !inc._dumped) {
      inc._dumped = true;
      settle = inc;
    } else {
      inc._dump();
    }
  }
  if (inc._dumped && conn.reader.paused && conn.current === inc) conn.reader.resume();
  // Responses finish in order, so this is nearly always the first: shift()
  // is V8's fast path, splice() a C++ builtin.
  const unfinished = conn.unfinished;
  if (unfinished[0] === inc) {
    unfinished.shift();
  } else {
    const i = unfinished.indexOf(inc);
    if (i >= 0) unfinished.splice(i, 1);
  }
  out.detachSocket(sock);
  process.nextTick(afterResponse, out, settle);
  if (out._last) {
    if (typeof sock.destroySoon === 'function') sock.destroySoon();
    else sock.end();
    return;
  }
  if (conn.waiting.length > 0) {
    conn.waiting.shift().assignSocket(sock);
    return;
  }
  armIdleTimer(conn);
}

// The keep-alive timeout: armed once and left running (socket activity
// restarts it), so that a request costs no timer work; when it fires on a
// busy connection it is armed again (see onSocketTimeout).
function armIdleTimer(conn) {
  const { server: srv, socket: sock } = conn;
  if (conn.idleTimer || srv.keepAliveTimeout <= 0 || srv.timeout !== 0) return;
  conn.idleTimer = true;
  sock.setTimeout(srv.keepAliveTimeout);
}

function afterResponse(out, settle) {
  emitClose(out);
  if (settle !== null) settleUnread(settle);
}

// Ends and closes a request nobody read: resume() would take four ticks to
// emit 'resume', 'end' and 'close' to no one. When someone has started
// listening (or reading) since, it flows the usual way.
function settleUnread(inc) {
  const rs = inc._readableState;
  if (inc._eventsCount === 0 && rs.flowing === null && rs.length === 0 && !rs.destroyed &&
      rs.pipes.length === 0) {
    rs.flowing = true;
    rs.endEmitted = true;
    rs.destroyed = true;
    rs.closed = true;
    rs.closeEmitted = true;
    return;
  }
  inc._dumped = false;
  inc._dump();
}

function emitClose(out) {
  if (out._closed) return;
  out._closed = true;
  out.emit('close');
}

function startUpgrade(conn, head) {
  const { server: srv, socket: sock } = conn;
  const inc = conn.upgrade;
  conn.upgrade = null;
  detach(conn);
  const event = inc.method === 'CONNECT' ? 'connect' : 'upgrade';
  if (srv.listenerCount(event) > 0) srv.emit(event, inc, sock, head);
  else sock.destroy();
}

// The socket leaves HTTP (an upgrade): our listeners and parser go.
function detach(conn) {
  const { socket: sock, server: srv } = conn;
  conn.reader.detach();
  for (const [event, handler] of socketHandlers()) sock.removeListener(event, handler);
  sock[kConn] = undefined;
  srv[kConnections].delete(conn);
  conn.parser.free();
  conn.closed = true;
}

function noop() {}

// Parse errors, timeouts and socket errors: 'clientError', or by default an
// error response (when nothing was sent yet) and the socket destroyed.
function socketError(conn, failure) {
  const { socket: sock, server: srv } = conn;
  if (sock.listenerCount('error') <= 1) sock.on('error', noop);
  if (srv.emit('clientError', failure, sock)) return;
  if (sock.writable && sock.bytesWritten === 0) {
    const code = failure.code;
    sock.write(code === 'HPE_HEADER_OVERFLOW' ? kTooLarge :
      code === 'ERR_HTTP_REQUEST_TIMEOUT' ? kTimedOut : kBadRequest);
  }
  sock.destroy(failure);
}

function onSocketError(failure) {
  const conn = this[kConn];
  if (conn === undefined) return;
  this.removeListener('error', onSocketError);
  socketError(conn, failure);
}

function onSocketEnd() {
  const conn = this[kConn];
  if (conn === undefined) return;
  const result = conn.parser.finish();
  if (result instanceof Error) {
    socketError(conn, result);
    return;
  }
  if (conn.current !== null) {
    abortRequest(conn.current);
    conn.current = null;
  }
  if (!this.writable) return;
  // As in Node, the peer's end ends ours unless httpAllowHalfOpen; with it,
  // the responses still owed go out first.
  const last = conn.waiting.length > 0 ? conn.waiting[conn.waiting.length - 1] : this._httpMessage;
  if (conn.server.httpAllowHalfOpen && last) last._last = true;
  else this.end();
}

// The connection went while `inc`'s response was unfinished. As in Node,
// the request is destroyed either way; one whose body was never read to
// its end (a GET nobody read included) says 'aborted' first.
function abortRequest(inc) {
  if (inc.destroyed) return;
  const failure = connResetError('aborted');
  if (!inc.complete) inc._abort(failure);
  else inc.destroy(inc.listenerCount('error') > 0 ? failure : undefined);
}

function onSocketClose(hadError) {
  const conn = this[kConn];
  if (conn === undefined) return;
  conn.closed = true;
  this[kConn] = undefined;
  conn.server[kConnections].delete(conn);
  for (const inc of conn.unfinished) abortRequest(inc);
  conn.unfinished.length = 0;
  for (const waiting of conn.waiting) {
    waiting.destroyed = true;
    emitClose(waiting);
  }
  conn.waiting.length = 0;
  conn.parser.free();
}

function onSocketDrain() {
  const out = this._httpMessage;
  if (out && out[kNeedDrain]) {
    out[kNeedDrain] = false;
    out.emit('drain');
  }
}

function onSocketTimeout() {
  const conn = this[kConn];
  if (conn === undefined) return;
  if (conn.idleTimer) {
    conn.idleTimer = false;
    if (isIdle(conn)) {
      this.destroy();
      return;
    }
    if (conn.server.timeout === 0) {
      armIdleTimer(conn);
      return;
    }
  }
  const inc = conn.current;
  const reqTimeout = inc !== null && !inc.complete && inc.emit('timeout', this);
  const out = this._httpMessage;
  const resTimeout = out && out.emit('timeout', this);
  const serverTimeout = conn.server.emit('timeout', this);
  if (!reqTimeout && !resTimeout && !serverTimeout) this.destroy();
}

function createServer(config, listener) {
  return new Server(config, listener);
}

module.exports = {
  STATUS_CODES,
  kConnectionsCheckingInterval: kChecker,
  kServerResponse,
  _connectionListener: onConnection,
  Server,
  ServerResponse,
  createServer,
  defaultMaxHeaderSize,
};

'use strict';
// Shared pieces of node:http: status texts, methods, header validation, the
// llhttp parser objects (runtime/bindings/http_parser.cc) and the fast path
// that feeds a socket's reads straight to a parser.
//
// A parser (newParser) is a plain object the binding calls back through:
//   parser.onHeaders(rawHeaders, urlOrStatusMessage, methodOrStatusCode,
//                    major, minor, upgrade, shouldKeepAlive, bodiless)
//       -> 0 | 1 | 2 | 3, or 4 when `bodiless` and the handler completed
//          the message itself (onComplete then does not come)
//   parser.onBody(chunk)            a Buffer of the body
//   parser.onComplete(rawTrailers)  rawTrailers: an array, or undefined
//   parser.onExecute(result, bytes) only for a parser that reads its socket
//       itself (consumeSocket's `parser`): after a read that called nothing
//       else (result: the bytes read, no `bytes`), one that stopped at an
//       upgrade (result: the bytes parsed, `bytes`: the read) or one that
//       failed (result: an Error with Node's parse-error fields)
// parser.execute(buffer) returns the bytes parsed (fewer than given after
// an upgrade), or an Error with Node's parse-error fields.

const { Buffer } = require('../../buffer');
const { codes } = require('../errors');
const { validateInteger } = require('../validators');
const timers = require('../../timers');

let binding;
function native() {
  if (binding === undefined) {
    binding = internalBinding('http_parser');
    binding.setCallbacks(callOnHeaders, callOnBody, callOnComplete, callOnExecute);
  }
  return binding;
}

const STATUS_CODES = {
  __proto__: null,
  100: 'Continue', 101: 'Switching Protocols', 102: 'Processing', 103: 'Early Hints',
  200: 'OK', 201: 'Created', 202: 'Accepted', 203: 'Non-Authoritative Information',
  204: 'No Content', 205: 'Reset Content', 206: 'Partial Content', 207: 'Multi-Status',
  208: 'Already Reported', 226: 'IM Used',
  300: 'Multiple Choices', 301: 'Moved Permanently', 302: 'Found', 303: 'See Other',
  304: 'Not Modified', 305: 'Use Proxy', 307: 'Temporary Redirect', 308: 'Permanent Redirect',
  400: 'Bad Request', 401: 'Unauthorized', 402: 'Payment Required', 403: 'Forbidden',
  404: 'Not Found', 405: 'Method Not Allowed', 406: 'Not Acceptable',
  407: 'Proxy Authentication Required', 408: 'Request Timeout', 409: 'Conflict', 410: 'Gone',
  411: 'Length Required', 412: 'Precondition Failed', 413: 'Payload Too Large',
  414: 'URI Too Long', 415: 'Unsupported Media Type', 416: 'Range Not Satisfiable',
  417: 'Expectation Failed', 418: 'I\'m a Teapot', 421: 'Misdirected Request',
  422: 'Unprocessable Entity', 423: 'Locked', 424: 'Failed Dependency', 425: 'Too Early',
  426: 'Upgrade Required', 428: 'Precondition Required', 429: 'Too Many Requests',
  431: 'Request Header Fields Too Large', 451: 'Unavailable For Legal Reasons',
  500: 'Internal Server Error', 501: 'Not Implemented', 502: 'Bad Gateway',
  503: 'Service Unavailable', 504: 'Gateway Timeout', 505: 'HTTP Version Not Supported',
  506: 'Variant Also Negotiates', 507: 'Insufficient Storage', 508: 'Loop Detected',
  509: 'Bandwidth Limit Exceeded', 510: 'Not Extended', 511: 'Network Authentication Required',
};

// The methods Node 20 lists (its llhttp's table), sorted.
const METHODS = [
  'ACL', 'BIND', 'CHECKOUT', 'CONNECT', 'COPY', 'DELETE', 'GET', 'HEAD', 'LINK',
  'LOCK', 'M-SEARCH', 'MERGE', 'MKACTIVITY', 'MKCALENDAR', 'MKCOL', 'MOVE',
  'NOTIFY', 'OPTIONS', 'PATCH', 'POST', 'PROPFIND', 'PROPPATCH', 'PURGE', 'PUT',
  'QUERY', 'REBIND', 'REPORT', 'SEARCH', 'SOURCE', 'SUBSCRIBE', 'TRACE', 'UNBIND',
  'UNLINK', 'UNLOCK', 'UNSUBSCRIBE',
];

// RFC 9110 tokens, and field values (visible latin1 plus SP and HTAB).
const kToken = /^[\^_`a-zA-Z\-0-9!#$%&'*+.|~]+$/;
const kBadValueChar = /[^\t\x20-\x7e\x80-\xff]/;

function isToken(s) {
  return typeof s === 'string' && kToken.test(s);
}

function hasBadValueChar(s) {
  return kBadValueChar.test(s);
}

// Header names used before, each with its lower-case form: a server sends
// the same few names on every response, so each is checked and lowered
// once. Only valid names go in, and only so many, so that names made up per
// request cannot grow it.
const knownNames = new Map();
const kKnownNamesMax = 512;

function lowerName(name) {
  let lower = knownNames.get(name);
  if (lower === undefined) {
    lower = name.toLowerCase();
    if (knownNames.size < kKnownNamesMax && isToken(name)) knownNames.set(name, lower);
  }
  return lower;
}

function validateHeaderName(name, label = 'Header name') {
  if (knownNames.has(name)) return;
  if (!isToken(name)) throw new codes.ERR_INVALID_HTTP_TOKEN(label, name);
}

function validateHeaderValue(name, value) {
  // A number has no character a header value cannot hold.
  if (typeof value === 'number') return;
  if (value === undefined) throw new codes.ERR_HTTP_INVALID_HEADER_VALUE(value, name);
  if (hasBadValueChar(String(value))) throw new codes.ERR_INVALID_CHAR('header content', name);
}

// Puts `fn` on Class.prototype under its own name (enumerable, as an
// assignment makes it).
function method(Class, fn) {
  Class.prototype[fn.name] = fn;
}

// ---- parsers -------------------------------------------------------------

let maxIdleParsers = 1000;
const idleIds = [];

function setMaxIdleHTTPParsers(max) {
  validateInteger(max, 'max', 1);
  maxIdleParsers = max;
  while (idleIds.length > maxIdleParsers) native().free(idleIds.pop());
}

// The buffer of the execute() running now; body pieces are views of it.
let currentInput = null;

// A head with the pairs of the last one comes without them (null): the
// parser keeps its own copy of the last array, and each message gets one
// of its own, since apps may change rawHeaders.
function callOnHeaders(raw, a, b, major, minor, upgrade, keepAlive, bodiless) {
  if (raw === null) {
    raw = this.lastRawHeaders.slice();
  } else {
    this.lastRawHeaders = raw;
    raw = raw.slice();
  }
  return this.onHeaders(raw, a, b, major, minor, upgrade, keepAlive, bodiless);
}

// A piece of the buffer given to execute(), or of its own (`memory`) when
// the parser reads its socket itself.
function callOnBody(offset, length, memory) {
  if (memory === undefined) this.onBody(currentInput.subarray(offset, offset + length));
  else this.onBody(Buffer.from(memory, 0, length));
}

function callOnExecute(result, memory) {
  if (this.id < 0) return;
  const bytes = memory === undefined ? undefined : Buffer.from(memory);
  this.onExecute(result >= 0 ? result : this.lastError(bytes), bytes);
}

function callOnComplete(rawTrailers) {
  this.onComplete(rawTrailers);
}

function parseError(code, reason, offset, input) {
  // eslint-disable-next-line no-restricted-syntax
  const err = new Error(`Parse Error: ${reason}`);
  err.bytesParsed = offset;
  err.code = code;
  err.reason = reason;
  err.rawPacket = input;
  return err;
}

class HTTPParser {
  constructor(type, options) {
    this.type = type;
    this.id = -1;
    this.onHeaders = noHeaders;
    this.onBody = nop;
    this.onComplete = nop;
    this.onExecute = nop;
    this.maxHeaderPairs = 2000;
    this.executing = false;
    this.lastRawHeaders = null;
    this.reinitialize(options);
  }

  // A parser for another connection (or message stream).
  reinitialize({ insecure = false, maxHeaderSize = 16384 } = {}) {
    const b = native();
    const type = this.type === 'response' ? b.RESPONSE : b.REQUEST;
    if (this.id >= 0) b.reinit(this.id, this, type, insecure, maxHeaderSize);
    else if (idleIds.length > 0) {
      this.id = idleIds.pop();
      b.reinit(this.id, this, type, insecure, maxHeaderSize);
    } else {
      this.id = b.create(this, type, insecure, maxHeaderSize);
    }
  }

  // Bytes parsed, or the parse error (code, reason, bytesParsed, rawPacket).
  execute(input) {
    if (this.id < 0) return 0;
    const previous = currentInput;
    currentInput = input;
    this.executing = true;
    try {
      const n = native().execute(this.id, input);
      return n >= 0 ? n : this.lastError(input);
    } finally {
      this.executing = false;
      currentInput = previous;
    }
  }

  // The parse error that stopped the last execute(), over its `input`.
  lastError(input) {
    const [code, reason, offset] = native().error(this.id);
    return parseError(code, reason, offset, input);
  }

  // Makes the parser read the plain stream handle `hw` itself: its reads
  // reach the callbacks (and onExecute) without a JS call of their own.
  consume(hw) {
    return this.id >= 0 && hw.id >= 0 && native().consume(this.id, hw.id);
  }

  unconsume() {
    if (this.id >= 0) native().unconsume(this.id);
  }

  // Milliseconds since the current message's first byte, or -1.
  elapsed() {
    return this.id >= 0 ? native().elapsed(this.id) : -1;
  }

  // Stops the current message's clock (it timed out).
  expire() {
    if (this.id >= 0) native().expire(this.id);
  }

  // The input ended: completes a message that runs to the end of the
  // stream, or gives the error of one cut short.
  finish() {
    if (this.id < 0) return 0;
    const n = native().finish(this.id);
    if (n >= 0) return 0;
    const [code, reason] = native().error(this.id);
    return parseError(code, reason, 0, Buffer.alloc(0));
  }

  headersDone() {
    return this.id >= 0 && native().headersDone(this.id);
  }

  midMessage() {
    return this.id >= 0 && native().midMessage(this.id);
  }

  pause() {
    if (this.id >= 0) native().pause(this.id);
  }

  resume() {
    if (this.id >= 0) native().resume(this.id);
  }

  // Gives the parser back (kept idle for the next connection).
  free() {
    if (this.id < 0) return;
    const id = this.id;
    this.id = -1;
    this.onHeaders = noHeaders;
    this.onBody = nop;
    this.onComplete = nop;
    this.onExecute = nop;
    // Freed from one of its own callbacks, it goes when execute() returns.
    if (!this.executing && idleIds.length < maxIdleParsers &&
        native().reinit(id, kIdleOwner, native().REQUEST, false, 16384)) {
      idleIds.push(id);
    } else {
      native().free(id);
    }
  }
}

const kIdleOwner = {
  id: -1, onHeaders: noHeaders, onBody: nop, onComplete: nop, onExecute: nop,
};

function nop() {}
function noHeaders() {
  return 0;
}

// ---- reading a socket into a parser ----------------------------------------

let handleTypes;
function isPlainHandle(hw) {
  handleTypes ??= require('../net/handles');
  return hw instanceof handleTypes.TCP || hw instanceof handleTypes.Pipe;
}

// Feeds every read of `socket` to onData(buffer) until the returned detach()
// is called. A plain TCP or pipe socket is read straight from its handle
// (no 'data' events, no stream buffering); end and errors still go through
// the socket. Other sockets (TLS) are read through 'data'. pause()/resume()
// on the returned object stop and restart reading. Given the `parser` that
// onData feeds, a plain socket's reads go to the parser natively instead
// (reader.native; the parser's onExecute then follows each read).
function consumeSocket(socket, onData, parser) {
  const hw = socket._handle;
  const direct = hw != null && isPlainHandle(hw) && typeof hw.onread === 'function' &&
    !socket.encrypted && socket[kConsumed] === undefined;
  const reader = direct ? directReader(socket, hw, onData, parser) : streamReader(socket, onData);
  socket[kConsumed] = reader;
  return reader;
}

// Reads through the socket's 'data' events (`listening`: onData is one of
// its listeners already).
function streamReader(socket, onData, listening = false) {
  if (!listening) socket.on('data', onData);
  return {
    paused: false,
    pause() {
      this.paused = true;
      socket.pause();
    },
    resume() {
      this.paused = false;
      socket.resume();
    },
    detach() {
      socket.removeListener('data', onData);
      socket[kConsumed] = undefined;
    },
  };
}

const kListenerMethods = ['on', 'addListener', 'prependListener'];
// On a socket a DirectReader consumes: that reader, told when the app
// listens for 'data' or 'readable' itself (null when none consumes it).
const kListenHook = Symbol('httpListenHook');

function wrapListenerMethod(name) {
  return function listenerWrapper(event, listener) {
    const reader = this[kListenHook];
    if (reader !== null && (event === 'data' || event === 'readable')) reader.onUserListener();
    return Object.getPrototypeOf(this)[name].call(this, event, listener);
  };
}

let listenerWrappers;

// The socket's on/addListener/prependListener tell kListenHook first. They
// are put on a socket once and stay (non-enumerable), so that a socket
// consumed again and again (a kept-alive client connection) keeps one
// shape instead of gaining and losing properties on every request.
function watchListeners(socket) {
  if (socket[kListenHook] !== undefined) return;
  listenerWrappers ??= kListenerMethods.map((name) => ({
    name, value: wrapListenerMethod(name),
  }));
  for (const { name, value } of listenerWrappers) {
    Object.defineProperty(socket, name, {
      value, writable: true, configurable: true, enumerable: false,
    });
  }
  socket[kListenHook] = null;
}

// On a handle a DirectReader reads: that reader.
const kDirect = Symbol('httpDirectReader');

// The handle's onread while a DirectReader has it (the handle comes last).
function onConsumedRead(nread, memory, handle) {
  const reader = handle[kDirect];
  if (nread > 0) {
    reader.socket._unrefTimer();
    reader.onData(Buffer.from(memory, 0, nread));
    return;
  }
  const original = reader.original;
  original(nread, memory, handle);
}

// Reads straight from the handle. An app that listens for the socket's
// 'data' or 'readable' itself gets the stream back: from then on the parser
// is fed from 'data' too. As in Node, onData is a 'data' listener of the
// socket from the start (apps count it), fed once the stream carries the
// bytes, and pausing pauses the socket (it says 'pause'). A class, not
// closures: a kept-alive client makes one per request.
class DirectReader {
  constructor(socket, hw, onData, parser) {
    this.socket = socket;
    this.hw = hw;
    this.onData = onData;
    this.parser = parser;
    this.original = hw.onread;
    this.viaStream = null;
    this.paused = false;
    this.viaHandle = true;
    this.native = false;
  }

  start() {
    const { socket, hw, parser } = this;
    socket.on('data', this.onData);
    watchListeners(socket);
    socket[kListenHook] = this;
    hw[kDirect] = this;
    hw.onread = onConsumedRead;
    if (parser !== undefined) this.native = parser.consume(hw);
    if (!hw.reading && !socket.connecting) hw.readStart();
    return this;
  }

  // The app listens for 'data' or 'readable': the stream carries the bytes.
  onUserListener() {
    if (this.viaStream !== null) return;
    this.viaHandle = false;
    this.restore();
    this.viaStream = streamReader(this.socket, this.onData, true);
    if (this.paused) this.socket.pause();
  }

  restore() {
    const hw = this.hw;
    if (this.native) {
      this.native = false;
      this.parser.unconsume();
    }
    if (hw.onread === onConsumedRead && hw[kDirect] === this) {
      hw.onread = this.original;
      hw[kDirect] = null;
    }
    if (this.socket[kListenHook] === this) this.socket[kListenHook] = null;
  }

  pause() {
    this.paused = true;
    if (this.viaStream !== null) {
      this.viaStream.pause();
      return;
    }
    this.socket.pause();
    if (this.hw.reading) this.hw.readStop();
  }

  resume() {
    this.paused = false;
    const { socket, hw } = this;
    if (this.viaStream !== null) this.viaStream.resume();
    else if (!hw.closed && socket._handle === hw && !socket.destroyed) socket.resume();
  }

  detach() {
    this.viaHandle = false;
    if (this.viaStream !== null) this.viaStream.detach();
    else this.socket.removeListener('data', this.onData);
    this.restore();
    this.socket[kConsumed] = undefined;
  }
}

function directReader(socket, hw, onData, parser) {
  return new DirectReader(socket, hw, onData, parser).start();
}

const kConsumed = Symbol('httpConsumed');

let errnoException;
function writeFailed(status, sock) {
  errnoException ??= require('../errors').errnoException;
  sock.destroy(errnoException(status, 'write'));
}

const kDirectQueued = Symbol('httpDirectQueued');

function emitDrain(sock) {
  if (!sock.destroyed) sock.emit('drain');
}

// One completion object per write that libuv had to queue. As after a
// socket write that returned false, the socket says 'drain' once the last
// of them is done.
function onDirectWriteDone(status, req) {
  const sock = req.sock;
  if (status < 0) writeFailed(status, sock);
  if (typeof req.done === 'function') req.done(status < 0 ? null : undefined);
  if (--sock[kDirectQueued] === 0 && status >= 0) emitDrain(sock);
}

// Writes `chunks` (Uint8Arrays and strings, the strings latin1 when
// `latin1`, else utf8) as one write straight to the handle of a plain
// socket when nothing else waits to be written, skipping the stream
// machinery. Returns 0 when it did not (the caller must use
// socket.write()), 1 when the bytes went and there is room for more, 2 when
// the caller should wait for the socket's 'drain': libuv queued them, or
// they were as many as the socket's highWaterMark, which is when a socket
// write returns false too. `done` runs after the bytes were handed over, as
// a write callback does.
function writeDirect(sock, chunks, latin1, done) {
  const reader = sock[kConsumed];
  if (reader === undefined || reader.viaHandle !== true) return 0;
  if (sock.connecting || !sock.writable || sock.writableLength !== 0 ||
      sock.writableCorked !== 0) {
    return 0;
  }
  const hw = sock._handle;
  sock._unrefTimer();
  const req = { oncomplete: onDirectWriteDone, sock, done };
  const status = chunks.length <= 2
    ? hw.writeParts(req, latin1, chunks[0], chunks[1])
    : hw.writev(req, chunks, latin1);
  if (status === 1) {
    if (typeof done === 'function') process.nextTick(done);
    let size = 0;
    for (let i = 0; i < chunks.length; i++) size += chunks[i].length;
    if (size < sock.writableHighWaterMark) return 1;
    process.nextTick(emitDrain, sock);
    return 2;
  }
  if (status < 0) {
    writeFailed(status, sock);
    return 1;
  }
  sock[kDirectQueued] = (sock[kDirectQueued] ?? 0) + 1;
  return 2;
}

// ---- the Date header ---------------------------------------------------

// Made at most once a second: a timer (unref'd, so it keeps no process
// alive) forgets the text at the next second, so a busy server reads no
// clock per response.
let dateText = '';
let dateLine = '';

function forgetDate() {
  dateText = '';
}

function utcDate() {
  if (dateText === '') {
    const now = Date.now();
    dateText = new Date(now).toUTCString();
    dateLine = `Date: ${dateText}\r\n`;
    timers.setTimeout(forgetDate, 1000 - (now % 1000)).unref();
  }
  return dateText;
}

// The whole `Date: ...\r\n` line of a head.
function utcDateLine() {
  if (dateText === '') utcDate();
  return dateLine;
}

// What require('_http_common') gives.
function legacyExports() {
  return {
    methods: METHODS,
    HTTPParser,
    CRLF: '\r\n',
    chunkExpression: /(?:^|\W)chunked(?:$|\W)/i,
    continueExpression: /(?:^|\W)100-continue(?:$|\W)/i,
    _checkIsHttpToken: isToken,
    _checkInvalidHeaderChar: hasBadValueChar,
  };
}

module.exports = {
  legacyExports,
  STATUS_CODES,
  METHODS,
  HTTPParser,
  consumeSocket,
  writeDirect,
  hasBadValueChar,
  isToken,
  lowerName,
  method,
  setMaxIdleHTTPParsers,
  utcDate,
  utcDateLine,
  validateHeaderName,
  validateHeaderValue,
};

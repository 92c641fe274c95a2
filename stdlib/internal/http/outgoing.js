'use strict';
// http.OutgoingMessage: headers, the head and the framed body of a message
// we send (ServerResponse here, ClientRequest in client.js).
//
// Interface for subclasses:
//   - implement _implicitHeader(): called by the first write()/end() when
//     no head was made yet; it calls this._storeHeader(firstLine, headers)
//     with the request or status line (ending in \r\n) and either
//     this[kOutHeaders] (from getOutgoingHeaders(this)) or the headers given
//     to writeHead. _storeHeader adds Date (when sendDate), Connection /
//     Keep-Alive (from shouldKeepAlive, _keepAliveTimeout,
//     _maxRequestsPerSocket, maxRequestsOnConnectionReached) and
//     Content-Length or Transfer-Encoding: chunked (from _contentLength,
//     useChunkedEncodingByDefault, _hasBody), and leaves the head in _header.
//   - attach a socket by setting msg.socket and socket._httpMessage = msg,
//     then call msg._flushOutput(socket): what was written before goes out.
//     Detach by clearing both. Writes made while no socket is attached wait
//     in outputData (msg._onPendingData(bytes) is told).
//   - 'finish' is emitted when the last byte was handed to the socket;
//     listen for it to reuse or close the connection.
// The head goes out with the first body bytes in one socket write.

const Stream = require('../../stream');
const { Buffer } = require('../../buffer');
const { codes } = require('../errors');
const { validateString } = require('../validators');
const {
  method, hasBadValueChar, lowerName, utcDateLine, validateHeaderName, validateHeaderValue,
  writeDirect,
} = require('./common');

const kOutHeaders = Symbol('kOutHeaders');
const kNeedDrain = Symbol('kNeedDrain');
// A function the owner (the server) runs at finish, before 'finish'.
const kFinishHook = Symbol('outgoing.finishHook');
const kCorked = Symbol('outgoing.corked');
const kUniqueHeaders = Symbol('outgoing.uniqueHeaders');
const kBytesWritten = Symbol('bytesWritten');
const kRejectNonStandardBodyWrites = Symbol('outgoing.rejectNonStandardBodyWrites');

const kHighWaterMark = 16 * 1024;

function nop() {}

function OutgoingMessage(opts) {
  Stream.call(this);
  this.outputData = []; this.outputSize = 0; this.writable = true; this.destroyed = false;
  this._last = false; this.chunkedEncoding = false; this.shouldKeepAlive = true;
  this.maxRequestsOnConnectionReached = false; this._defaultKeepAlive = true;
  this.useChunkedEncodingByDefault = true; this.sendDate = false;
  this._removedConnection = false; this._removedContLen = false; this._removedTE = false;
  this.strictContentLength = false; this._contentLength = null; this._hasBody = true;
  this._trailer = ''; this.finished = false; this._headerSent = false; this._closed = false;
  this.socket = null; this._header = null;
  this[kOutHeaders] = null; this._keepAliveTimeout = 0; this._onPendingData = nop;
  this[kCorked] = 0; this[kNeedDrain] = false; this[kBytesWritten] = 0; this[kFinishHook] = null;
  this[kUniqueHeaders] = parseUniqueHeaders(opts && opts.uniqueHeaders);
  this[kRejectNonStandardBodyWrites] = !!(opts && opts.rejectNonStandardBodyWrites);
}
Object.setPrototypeOf(OutgoingMessage.prototype, Stream.prototype);
Object.setPrototypeOf(OutgoingMessage, Stream);

function parseUniqueHeaders(list) {
  if (list == null) return null;
  if (!Array.isArray(list)) {
    throw new codes.ERR_INVALID_ARG_TYPE('options.uniqueHeaders', 'Array', list);
  }
  return new Set(list.map((field) => String(field).toLowerCase()));
}

function getOutgoingHeaders(om) {
  return om[kOutHeaders];
}

Object.defineProperties(OutgoingMessage.prototype, {
  errored: {
    configurable: true,
    get() {
      return this.socket ? this.socket.errored : null;
    },
  },
  closed: {
    configurable: true,
    get() {
      return this._closed;
    },
  },
  writableFinished: {
    configurable: true,
    get() {
      return this.finished && this.outputSize === 0 &&
        (!this.socket || this.socket.writableLength === 0);
    },
  },
  writableObjectMode: {
    configurable: true,
    get() {
      return false;
    },
  },
  writableLength: {
    configurable: true,
    get() {
      const queued = this.socket ? this.socket.writableLength : 0;
      return queued + this.outputSize;
    },
  },
  writableHighWaterMark: {
    configurable: true,
    get() {
      return this.socket ? this.socket.writableHighWaterMark : kHighWaterMark;
    },
  },
  writableCorked: {
    configurable: true,
    get() {
      return this.socket ? this.socket.writableCorked : this[kCorked];
    },
  },
  writableEnded: {
    configurable: true,
    get() {
      return this.finished;
    },
  },
  writableNeedDrain: {
    configurable: true,
    get() {
      if (this.destroyed || this.finished) return false;
      return this[kNeedDrain];
    },
  },
  headersSent: {
    configurable: true,
    enumerable: true,
    get() {
      return !!this._header;
    },
  },
  connection: {
    configurable: true,
    get() {
      return this.socket;
    },
    set(val) {
      this.socket = val;
    },
  },
});

method(OutgoingMessage, function cork() {
  if (this.socket) this.socket.cork();
  else this[kCorked]++;
});

method(OutgoingMessage, function uncork() {
  if (this.socket) this.socket.uncork();
  else if (this[kCorked] > 0) this[kCorked]--;
});

method(OutgoingMessage, function setTimeout(msecs, done) {
  if (done) this.on('timeout', done);
  if (this.socket) this.socket.setTimeout(msecs);
  else this.once('socket', (sock) => sock.setTimeout(msecs));
  return this;
});

method(OutgoingMessage, function destroy(error) {
  if (this.destroyed) return this;
  this.destroyed = true;
  if (this.socket) this.socket.destroy(error);
  else this.once('socket', (sock) => sock.destroy(error));
  return this;
});

// ---- headers ---------------------------------------------------------------

method(OutgoingMessage, function setHeader(field, val) {
  if (this._header) throw new codes.ERR_HTTP_HEADERS_SENT('set');
  validateHeaderName(field);
  validateHeaderValue(field, val);
  let hdrs = this[kOutHeaders];
  if (hdrs === null) this[kOutHeaders] = hdrs = { __proto__: null };
  hdrs[lowerName(field)] = [field, val];
  return this;
});

method(OutgoingMessage, function setHeaders(hdrs) {
  if (this._header) throw new codes.ERR_HTTP_HEADERS_SENT('set');
  if (!hdrs || Array.isArray(hdrs) || typeof hdrs.keys !== 'function' ||
      typeof hdrs.get !== 'function') {
    throw new codes.ERR_INVALID_ARG_TYPE('headers', ['Headers', 'Map'], hdrs);
  }
  const cookies = [];
  for (const lower of hdrs.keys()) {
    if (lower.toLowerCase() === 'set-cookie') {
      if (typeof hdrs.getSetCookie === 'function') cookies.push(...hdrs.getSetCookie());
      else cookies.push(hdrs.get(lower));
      continue;
    }
    this.setHeader(lower, hdrs.get(lower));
  }
  if (cookies.length > 0) this.setHeader('set-cookie', cookies);
  return this;
});

method(OutgoingMessage, function appendHeader(field, val) {
  if (this._header) throw new codes.ERR_HTTP_HEADERS_SENT('append');
  validateHeaderName(field);
  validateHeaderValue(field, val);
  const lower = lowerName(field);
  let hdrs = this[kOutHeaders];
  if (hdrs === null) this[kOutHeaders] = hdrs = { __proto__: null };
  const existing = hdrs[lower];
  if (!existing) {
    hdrs[lower] = [field, val];
    return this;
  }
  const before = Array.isArray(existing[1]) ? existing[1] : [existing[1]];
  existing[1] = before.concat(val);
  return this;
});

method(OutgoingMessage, function getHeader(field) {
  validateString(field, 'name');
  const hdrs = this[kOutHeaders];
  if (hdrs === null) return undefined;
  const entry = hdrs[lowerName(field)];
  return entry === undefined ? undefined : entry[1];
});

method(OutgoingMessage, function getHeaderNames() {
  return this[kOutHeaders] !== null ? Object.keys(this[kOutHeaders]) : [];
});

method(OutgoingMessage, function getRawHeaderNames() {
  const hdrs = this[kOutHeaders];
  if (hdrs === null) return [];
  return Object.values(hdrs).map((entry) => entry[0]);
});

method(OutgoingMessage, function getHeaders() {
  const hdrs = this[kOutHeaders];
  const copy = { __proto__: null };
  if (hdrs !== null) {
    for (const lower of Object.keys(hdrs)) copy[lower] = hdrs[lower][1];
  }
  return copy;
});

method(OutgoingMessage, function hasHeader(field) {
  validateString(field, 'name');
  return this[kOutHeaders] !== null && !!this[kOutHeaders][lowerName(field)];
});

method(OutgoingMessage, function removeHeader(field) {
  validateString(field, 'name');
  if (this._header) throw new codes.ERR_HTTP_HEADERS_SENT('remove');
  const lower = lowerName(field);
  if (lower === 'connection') this._removedConnection = true;
  else if (lower === 'content-length') this._removedContLen = true;
  else if (lower === 'transfer-encoding') this._removedTE = true;
  else if (lower === 'date') this.sendDate = false;
  if (this[kOutHeaders] !== null) delete this[kOutHeaders][lower];
});

method(OutgoingMessage, function _implicitHeader() {
  throw new codes.ERR_METHOD_NOT_IMPLEMENTED('_implicitHeader()');
});

method(OutgoingMessage, function _renderHeaders() {
  if (this._header) throw new codes.ERR_HTTP_HEADERS_SENT('render');
  const hdrs = this[kOutHeaders];
  const out = {};
  if (hdrs !== null) {
    for (const lower of Object.keys(hdrs)) out[hdrs[lower][0]] = hdrs[lower][1];
  }
  return out;
});

// ---- the head ------------------------------------------------------------

// What one header line tells the framing: Connection, Content-Length,
// Transfer-Encoding and the rest Node looks at.
function noteHeader(om, state, field, val) {
  const length = field.length;
  if (length < 4 || length > 17) return;
  const lower = lowerName(field);
  switch (lower) {
    case 'connection':
      state.connection = true;
      om._removedConnection = false;
      if (/(?:^|\W)close(?:$|\W)/i.test(val)) om._last = true;
      else om.shouldKeepAlive = true;
      break;
    case 'transfer-encoding':
      state.te = true;
      om._removedTE = false;
      if (/(?:^|\W)chunked(?:$|\W)/i.test(val)) om.chunkedEncoding = true;
      break;
    case 'content-length':
      state.contLen = true;
      om._contentLength = +val;
      om._removedContLen = false;
      break;
    case 'date':
    case 'expect':
    case 'trailer':
      state[lower] = true;
      break;
    case 'keep-alive':
      om._defaultKeepAlive = false;
      break;
    default:
      break;
  }
}

function addHeaderLines(om, state, field, val, validate) {
  if (validate) validateHeaderName(field, 'Header name');
  if (!Array.isArray(val)) {
    addHeaderLine(om, state, field, val, validate);
    return;
  }
  // Lists are one line each, except cookies ('; ') and uniqueHeaders, joined with '; ' too.
  const lower = field.toLowerCase();
  const unique = om[kUniqueHeaders];
  if (unique !== null && unique.has(lower)) {
    addHeaderLine(om, state, field, val.join('; '), validate);
  } else if (lower === 'cookie' && val.length > 1) {
    addHeaderLine(om, state, field, val.join('; '), validate);
  } else {
    for (const item of val) addHeaderLine(om, state, field, item, validate);
  }
}

function addHeaderLine(om, state, field, val, validate) {
  if (validate) validateHeaderValue(field, val);
  state.header += `${field}: ${val}\r\n`;
  noteHeader(om, state, field, val);
}

method(OutgoingMessage, function _storeHeader(firstLine, hdrs) {
  // state.header gathers the header lines; the first line goes in front
  // at the end.
  const state = {
    connection: false, contLen: false, te: false, date: false, expect: false,
    trailer: false, header: '',
  };
  let lines = null;
  if (hdrs) {
    const kind = hdrs === this[kOutHeaders] ? kOwnHeaders : Array.isArray(hdrs) ? 0 : kGivenHeaders;
    lines = kind === 0 ? null : sameLines(hdrs, kind);
    if (lines !== null) {
      state.header = lines.text;
      const noted = lines.noted;
      for (let i = 0; i < noted.length; i += 2) noteHeader(this, state, noted[i], noted[i + 1]);
    } else {
      if (kind === kOwnHeaders) {
        for (const lower in hdrs) {
          const entry = hdrs[lower];
          addHeaderLines(this, state, entry[0], entry[1], false);
        }
      } else if (kind === 0) {
        if (hdrs.length > 0 && Array.isArray(hdrs[0])) {
          for (const pair of hdrs) addHeaderLines(this, state, pair[0], pair[1], true);
        } else {
          if (hdrs.length % 2 !== 0) {
            throw new codes.ERR_INVALID_ARG_VALUE('headers', hdrs);
          }
          for (let i = 0; i < hdrs.length; i += 2) {
            addHeaderLines(this, state, hdrs[i], hdrs[i + 1], true);
          }
        }
      } else {
        for (const lower of Object.keys(hdrs)) {
          addHeaderLines(this, state, lower, hdrs[lower], true);
        }
      }
      if (kind !== 0) lines = rememberLines(hdrs, kind, state.header);
    }
  }
  const om = this;
  const date = om.sendDate && !state.date ? utcDateLine() : '';
  const connection = state.connection ? '' : connectionLines(om, state);
  const framing = state.contLen || state.te ? '' : framingLine(om, state);
  if (state.trailer && om.chunkedEncoding !== true) throw new codes.ERR_HTTP_TRAILER_INVALID();
  const last = lastHead;
  if (lines !== null && lines === last.lines && firstLine === last.firstLine &&
      date === last.date && connection === last.connection && framing === last.framing) {
    // The same string as the last head: the first write flattened it.
    om._header = last.text;
  } else {
    om._header = `${firstLine}${state.header}${date}${connection}${framing}\r\n`;
    if (lines !== null) {
      lastHead = { lines, firstLine, date, connection, framing, text: om._header };
    }
  }
  om._headerSent = false;
  // A request that waits for 100-continue sends its head at once.
  if (state.expect) om._send('');
});

// ---- the last head, again ----------------------------------------------
// A server sends the same head over and over. The header lines of the last
// head whose pairs were all strings and numbers are kept (their text, made
// flat, and the pairs that matter to the framing): a head with the same
// names and values in the same order, from the same kind of source, takes
// that text instead of validating and joining its pairs again. So is the
// whole head, when its other lines are the same too.

const kOwnHeaders = 1;    // this[kOutHeaders]: [name, value] entries, validated by setHeader
const kGivenHeaders = 2;  // an object given to writeHead, validated here

let lastLines = null;
let lastHead = { lines: null, firstLine: '', date: '', connection: '', framing: '', text: '' };

function sameLines(hdrs, kind) {
  const memo = lastLines;
  if (memo === null || memo.kind !== kind) return null;
  const { names, values } = memo;
  let n = 0;
  if (kind === kOwnHeaders) {
    for (const lower in hdrs) {
      const entry = hdrs[lower];
      if (n === names.length || entry[0] !== names[n] || entry[1] !== values[n]) return null;
      n++;
    }
  } else {
    const keys = Object.keys(hdrs);
    if (keys.length !== names.length) return null;
    for (; n < keys.length; n++) {
      const name = keys[n];
      if (name !== names[n] || hdrs[name] !== values[n]) return null;
    }
  }
  return n === names.length ? memo : null;
}

function rememberLines(hdrs, kind, text) {
  const names = [];
  const values = [];
  const noted = [];
  const own = kind === kOwnHeaders;
  for (const key of Object.keys(hdrs)) {
    const name = own ? hdrs[key][0] : key;
    const value = own ? hdrs[key][1] : hdrs[key];
    if (typeof value !== 'string' && typeof value !== 'number') return null;
    names.push(name);
    values.push(value);
    if (kFramingNames.has(name.toLowerCase())) noted.push(name, value);
  }
  // As a property key the text is made flat (and internalized) once.
  flatten[text] = true;
  delete flatten[text];
  lastLines = { kind, names, values, noted, text };
  return lastLines;
}

const flatten = { __proto__: null };

// The names noteHeader() acts on.
const kFramingNames = new Set([
  'connection', 'transfer-encoding', 'content-length', 'date', 'expect', 'trailer', 'keep-alive',
]);

// Connection (and Keep-Alive) when the headers did not say.
function connectionLines(om, state) {
  const persistent = om.shouldKeepAlive &&
    (state.contLen || om.useChunkedEncodingByDefault || om.agent);
  if (!persistent) {
    om._last = true;
    return 'Connection: close\r\n';
  }
  if (om.maxRequestsOnConnectionReached) return 'Connection: close\r\n';
  const timeout = om._keepAliveTimeout;
  if (!timeout || !om._defaultKeepAlive) return 'Connection: keep-alive\r\n';
  const max = om._maxRequestsPerSocket;
  if (timeout === lastKeepAlive.timeout && max === lastKeepAlive.max) return lastKeepAlive.lines;
  const limit = ~~max;
  const maxText = limit > 0 ? `, max=${max}` : '';
  const lines = `Connection: keep-alive\r\nKeep-Alive: timeout=${Math.floor(timeout / 1000)}${maxText}\r\n`;
  lastKeepAlive = { timeout, max, lines };
  return lines;
}

// The last Keep-Alive lines made: a server sends the same ones every time.
let lastKeepAlive = { timeout: undefined, max: undefined, lines: '' };

// How the body is delimited when the headers did not say: Content-Length
// when end() knew it, else chunked, else the connection closes after it.
function framingLine(om, state) {
  if (!om._hasBody) {
    om.chunkedEncoding = false;
    return '';
  }
  if (!om.useChunkedEncodingByDefault) {
    om._last = true;
    return '';
  }
  const known = typeof om._contentLength === 'number';
  if (known && !state.trailer && !om._removedContLen) return `Content-Length: ${om._contentLength}\r\n`;
  if (om._removedTE) {
    om._last = true;
    return '';
  }
  om.chunkedEncoding = true;
  return 'Transfer-Encoding: chunked\r\n';
}

// ---- writing -------------------------------------------------------------

// How a string in `enc` can go to the handle as it is: 1 as latin1, 0 as
// utf8, -1 not (the socket encodes it). The head (latin1) can be joined to
// such a string as its prefix.
function directEncoding(enc) {
  if (enc == null || enc === 'utf8' || enc === 'utf-8') return 0;
  return enc === 'latin1' || enc === 'binary' ? 1 : -1;
}

// Sends `data`, with the head in front if it has not gone yet.
method(OutgoingMessage, function _send(bytes, enc, done) {
  const head = this._header;
  if (head !== null && !this._headerSent) {
    if (typeof bytes !== 'string') return sendParts(this, [bytes], done);
    if (directEncoding(enc) < 0) return sendParts(this, [Buffer.from(bytes, enc)], done);
    this._headerSent = true;
    bytes = head + bytes;
  }
  return this._writeRaw(bytes, enc, done);
});

// `parts` (latin1 strings and Buffers) as one write, with the head in front
// if it has not gone yet.
function sendParts(om, parts, done) {
  const head = om._header;
  if (head !== null && !om._headerSent) {
    om._headerSent = true;
    // A new array rather than unshift(), which V8 runs as a C++ builtin.
    parts = parts.length === 1 ? [head, parts[0]] : [head, ...parts];
  }
  return writeParts(om, parts, done);
}

// Latin1 strings (the head, chunk framing) and Buffers as one write: one
// write of the handle when the socket is free, else socket writes corked
// together (or queued until there is a socket).
function writeParts(om, parts, done) {
  const sock = om.socket;
  if (sock !== null && sock._httpMessage === om && om.outputData.length === 0) {
    if (sock.destroyed) return false;
    const sent = writeDirect(sock, parts, true, done);
    if (sent !== 0) return sent === 1;
  }
  om.cork();
  let ret = true;
  const last = parts.length - 1;
  for (let i = 0; i <= last; i++) ret = om._writeRaw(parts[i], 'latin1', i === last ? done : null);
  om.uncork();
  return ret;
}

method(OutgoingMessage, function _writeRaw(bytes, enc, done) {
  const sock = this.socket;
  if (sock !== null && sock.destroyed) return false;
  if (typeof enc === 'function') {
    done = enc;
    enc = null;
  }
  if (sock !== null && sock._httpMessage === this && sock.writable) {
    if (this.outputData.length > 0) this._flushOutput(sock);
    const latin1 = typeof bytes === 'string' ? directEncoding(enc) : 0;
    if (latin1 >= 0) {
      const sent = writeDirect(sock, [bytes], latin1 === 1, done);
      if (sent !== 0) return sent === 1;
    }
    return sock.write(bytes, enc, done);
  }
  this.outputData.push({ data: bytes, encoding: enc, callback: done });
  this.outputSize += bytes.length;
  this._onPendingData(bytes.length);
  return this.outputSize < kHighWaterMark;
});

// Writes what waited for a socket; returns what the last write returned.
method(OutgoingMessage, function _flushOutput(sock) {
  const waiting = this.outputData;
  if (waiting.length === 0) return true;
  this.outputData = [];
  const size = this.outputSize;
  this.outputSize = 0;
  this._onPendingData(-size);
  let corked = this[kCorked];
  this[kCorked] = 0;
  while (corked-- > 0) sock.cork();
  sock.cork();
  let ret = true;
  for (const { data: bytes, encoding: enc, callback: done } of waiting) {
    ret = sock.write(bytes, enc, done);
  }
  sock.uncork();
  return ret;
});

method(OutgoingMessage, function _flush() {
  const sock = this.socket;
  if (!sock || !sock.writable) return;
  const roomLeft = this._flushOutput(sock);
  if (this.finished) {
    this._finish();
  } else if (roomLeft && this[kNeedDrain]) {
    this[kNeedDrain] = !roomLeft;
    this.emit('drain');
  }
});

function checkChunk(piece) {
  if (piece === null) return new codes.ERR_STREAM_NULL_VALUES();
  if (typeof piece !== 'string' && !(piece instanceof Uint8Array)) {
    return new codes.ERR_INVALID_ARG_TYPE('chunk', ['string', 'Buffer', 'Uint8Array'], piece);
  }
  return null;
}

function byteLengthOf(piece, enc) {
  return typeof piece === 'string' ? Buffer.byteLength(piece, enc) : piece.byteLength;
}

// A write or end that came too late: `done` hears it on the next tick, and
// so do the 'error' listeners unless the message is destroyed by then. A
// message already destroyed tells no one, as in Node.
function reportError(om, err, done) {
  if (om.destroyed) return;
  process.nextTick(() => {
    if (typeof done === 'function') done(err);
    if (!om.destroyed) om.emit('error', err);
  });
}

function checkStrictLength(om, length, atEnd) {
  if (!om.strictContentLength || typeof om._contentLength !== 'number' ||
      om.chunkedEncoding || !om.hasHeader('content-length')) {
    return;
  }
  const total = om[kBytesWritten] + length;
  if (total > om._contentLength || (atEnd && total !== om._contentLength)) {
    throw new codes.ERR_HTTP_CONTENT_LENGTH_MISMATCH(total, om._contentLength);
  }
}

// write() and the chunk of end(): the bytes framed as the head decided.
function writeChunk(om, piece, enc, done, fromEnd) {
  if (typeof done !== 'function') done = nop;
  const bad = checkChunk(piece);
  if (bad !== null) throw bad;
  // After end() the error says so, even once destroyed (Node's order). A
  // write to a destroyed message (a client gone mid-body, say) only tells
  // its callback: no 'error' event, so a pipe into it cannot crash the app.
  const gone = om.destroyed || (om.socket !== null && om.socket.destroyed);
  if (om.finished || gone) {
    const err = om.finished ? new codes.ERR_STREAM_WRITE_AFTER_END() :
      new codes.ERR_STREAM_DESTROYED('write');
    if (gone) process.nextTick(done, err);
    else reportError(om, err, done);
    return false;
  }
  const length = byteLengthOf(piece, enc);
  if (!om._header) {
    if (fromEnd) om._contentLength = length;
    om._implicitHeader();
  }
  if (!om._hasBody) {
    if (om[kRejectNonStandardBodyWrites]) throw new codes.ERR_HTTP_BODY_NOT_ALLOWED();
    process.nextTick(done);
    return true;
  }
  checkStrictLength(om, length, false);
  om[kBytesWritten] += length;
  if (length === 0) {
    process.nextTick(done);
    return true;
  }
  let ret;
  if (om.chunkedEncoding) {
    const size = length.toString(16);
    if (typeof piece === 'string' && directEncoding(enc) >= 0) {
      ret = om._send(`${size}\r\n${piece}\r\n`, enc, done);
    } else {
      const bytes = typeof piece === 'string' ? Buffer.from(piece, enc) : piece;
      ret = sendParts(om, [`${size}\r\n`, bytes, '\r\n'], done);
    }
  } else {
    ret = om._send(piece, enc, done);
  }
  if (!ret) om[kNeedDrain] = true;
  return ret;
}

method(OutgoingMessage, function write(piece, enc, done) {
  if (typeof enc === 'function') {
    done = enc;
    enc = null;
  }
  if (piece != null && piece.length < kCorkBelow) corkForTick(this);
  return writeChunk(this, piece, enc, done, false);
});

// The writes of one tick go out together, as in Node: a small write() corks
// the message's socket (unless something corked it already) and a nextTick
// uncorks it, so a handler's many small writes make one writev rather than
// a system call, and with chunked framing a packet, each (20 writes of a
// list item: 6k to 48k responses a second). A write as big as a socket's
// high-water mark gains nothing from waiting (a file piped in 64 KiB
// chunks lost 16% to it), and a lone end() stays one direct write.
const kCorkBelow = 16 * 1024;

function corkForTick(om) {
  const sock = om.socket;
  if (sock === null || sock._httpMessage !== om || sock.destroyed ||
      sock.writableCorked !== 0) {
    return;
  }
  sock.cork();
  process.nextTick(uncorkSocket, sock);
}

function uncorkSocket(sock) {
  sock.uncork();
}

method(OutgoingMessage, function addTrailers(hdrs) {
  // An object, or a list of [name, value] pairs.
  const pairs = Array.isArray(hdrs) ? hdrs : Object.entries(hdrs);
  let lines = '';
  for (const [trailerField, given] of pairs) {
    validateHeaderName(trailerField, 'Trailer name');
    const values = Array.isArray(given) ? given : [given];
    for (const item of values) {
      if (hasBadValueChar(String(item))) {
        throw new codes.ERR_INVALID_CHAR('trailer content', trailerField);
      }
      lines += `${trailerField}: ${item}\r\n`;
    }
  }
  this._trailer = lines;
});

function onFinish(om) {
  if (om.socket !== null && om.socket._httpMessage !== om) return;
  // The owner's own step comes before the 'finish' listeners.
  const hook = om[kFinishHook];
  if (hook !== null) {
    om[kFinishHook] = null;
    hook(om);
  }
  om.emit('finish');
}

method(OutgoingMessage, function end(piece, enc, done) {
  const om = this;
  if (typeof piece === 'function') {
    done = piece;
    piece = null;
    enc = null;
  } else if (typeof enc === 'function') {
    done = enc;
    enc = null;
  }
  if (piece != null && piece.length !== 0 && om.finished) {
    reportError(om, new codes.ERR_STREAM_WRITE_AFTER_END(), done);
    return om;
  }
  if (om.finished) {
    if (typeof done === 'function') {
      if (!om.writableFinished) om.once('finish', done);
      else done(new codes.ERR_STREAM_ALREADY_FINISHED('end'));
    }
    return om;
  }
  const sock = om.socket;
  // Corked only when the end takes several writes (a framed last chunk).
  let corked = false;
  // Bound, not an arrow: the image's --keep-names would name an arrow on
  // every call (an Object.defineProperty per response).
  const flushed = onFinish.bind(undefined, om);
  let sent = false;
  if (piece != null) {
    const bad = checkChunk(piece);
    if (bad !== null) throw bad;
    let length = -1;
    if (!om._header) {
      length = byteLengthOf(piece, enc);
      om._contentLength = length;
      om._implicitHeader();
    }
    // The last chunk, its framing and the end in one write when it can.
    if (om._hasBody && !om.chunkedEncoding && !(sock !== null && sock.destroyed)) {
      if (length < 0) length = byteLengthOf(piece, enc);
      checkStrictLength(om, length, true);
      om[kBytesWritten] += length;
      om._send(piece, enc, flushed);
      sent = true;
    } else {
      if (sock) {
        sock.cork();
        corked = true;
      }
      writeChunk(om, piece, enc, null, true);
    }
  } else if (!om._header) {
    om._contentLength = 0;
    om._implicitHeader();
  }
  if (typeof done === 'function') om.once('finish', done);
  if (!sent) {
    checkStrictLength(om, 0, true);
    if (om._hasBody && om.chunkedEncoding) {
      om._send(`0\r\n${om._trailer}\r\n`, 'latin1', flushed);
    } else if (!om._headerSent || om.writableLength > 0 || piece) {
      om._send('', 'latin1', flushed);
    } else {
      process.nextTick(flushed);
    }
  }
  if (corked) sock.uncork();
  om[kCorked] = 0;
  om.finished = true;
  if (om.outputData.length === 0 && sock && sock._httpMessage === om) om._finish();
  return om;
});

// The last bytes went to the socket (Node emits 'prefinish' here).
method(OutgoingMessage, function _finish() {
  this.emit('prefinish');
});

method(OutgoingMessage, function flushHeaders() {
  if (!this._header) this._implicitHeader();
  this._send('');
});

method(OutgoingMessage, function pipe() {
  this.emit('error', new codes.ERR_STREAM_CANNOT_PIPE());
});

module.exports = {
  OutgoingMessage,
  validateHeaderName,
  validateHeaderValue,
  getOutgoingHeaders,
  kOutHeaders,
  kNeedDrain,
  kFinishHook,
  kUniqueHeaders,
};

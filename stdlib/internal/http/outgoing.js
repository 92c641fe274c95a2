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
const {
  codes: {
    ERR_HTTP_BODY_NOT_ALLOWED,
    ERR_HTTP_CONTENT_LENGTH_MISMATCH,
    ERR_HTTP_HEADERS_SENT,
    ERR_HTTP_TRAILER_INVALID,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_CHAR,
    ERR_METHOD_NOT_IMPLEMENTED,
    ERR_STREAM_ALREADY_FINISHED,
    ERR_STREAM_CANNOT_PIPE,
    ERR_STREAM_DESTROYED,
    ERR_STREAM_NULL_VALUES,
    ERR_STREAM_WRITE_AFTER_END,
  },
} = require('../errors');
const { validateString } = require('../validators');
const { hasBadValueChar, utcDate, validateHeaderName, validateHeaderValue } = require('./common');

const kOutHeaders = Symbol('kOutHeaders');
const kNeedDrain = Symbol('kNeedDrain');
const kCorked = Symbol('corked');
const kUniqueHeaders = Symbol('kUniqueHeaders');
const kBytesWritten = Symbol('bytesWritten');
const kRejectNonStandardBodyWrites = Symbol('kRejectNonStandardBodyWrites');

const kHighWaterMark = 16 * 1024;

function nop() {}

function OutgoingMessage(options) {
  Stream.call(this);
  this.outputData = [];
  this.outputSize = 0;
  this.writable = true;
  this.destroyed = false;
  this._last = false;
  this.chunkedEncoding = false;
  this.shouldKeepAlive = true;
  this.maxRequestsOnConnectionReached = false;
  this._defaultKeepAlive = true;
  this.useChunkedEncodingByDefault = true;
  this.sendDate = false;
  this._removedConnection = false;
  this._removedContLen = false;
  this._removedTE = false;
  this.strictContentLength = false;
  this._contentLength = null;
  this._hasBody = true;
  this._trailer = '';
  this.finished = false;
  this._headerSent = false;
  this._closed = false;
  this.socket = null;
  this._header = null;
  this[kOutHeaders] = null;
  this._keepAliveTimeout = 0;
  this._onPendingData = nop;
  this[kCorked] = 0;
  this[kNeedDrain] = false;
  this[kBytesWritten] = 0;
  this[kUniqueHeaders] = parseUniqueHeaders(options?.uniqueHeaders);
  this[kRejectNonStandardBodyWrites] = options?.rejectNonStandardBodyWrites ?? false;
}
Object.setPrototypeOf(OutgoingMessage.prototype, Stream.prototype);
Object.setPrototypeOf(OutgoingMessage, Stream);

function parseUniqueHeaders(list) {
  if (list == null) return null;
  if (!Array.isArray(list)) {
    throw new ERR_INVALID_ARG_TYPE('options.uniqueHeaders', 'Array', list);
  }
  return new Set(list.map((name) => String(name).toLowerCase()));
}

function getOutgoingHeaders(msg) {
  return msg[kOutHeaders];
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
      return this.outputSize + (this.socket ? this.socket.writableLength : 0);
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
      return !this.destroyed && !this.finished && this[kNeedDrain];
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
    set(value) {
      this.socket = value;
    },
  },
});

OutgoingMessage.prototype.cork = function cork() {
  if (this.socket) this.socket.cork();
  else this[kCorked]++;
};

OutgoingMessage.prototype.uncork = function uncork() {
  if (this.socket) this.socket.uncork();
  else if (this[kCorked] > 0) this[kCorked]--;
};

OutgoingMessage.prototype.setTimeout = function setTimeout(msecs, callback) {
  if (callback) this.on('timeout', callback);
  if (this.socket) this.socket.setTimeout(msecs);
  else this.once('socket', (socket) => socket.setTimeout(msecs));
  return this;
};

OutgoingMessage.prototype.destroy = function destroy(error) {
  if (this.destroyed) return this;
  this.destroyed = true;
  if (this.socket) this.socket.destroy(error);
  else this.once('socket', (socket) => socket.destroy(error));
  return this;
};

// ---- headers ---------------------------------------------------------------

OutgoingMessage.prototype.setHeader = function setHeader(name, value) {
  if (this._header) throw new ERR_HTTP_HEADERS_SENT('set');
  validateHeaderName(name);
  validateHeaderValue(name, value);
  let headers = this[kOutHeaders];
  if (headers === null) this[kOutHeaders] = headers = { __proto__: null };
  headers[name.toLowerCase()] = [name, value];
  return this;
};

OutgoingMessage.prototype.setHeaders = function setHeaders(headers) {
  if (this._header) throw new ERR_HTTP_HEADERS_SENT('set');
  if (!headers || Array.isArray(headers) || typeof headers.keys !== 'function' ||
      typeof headers.get !== 'function') {
    throw new ERR_INVALID_ARG_TYPE('headers', ['Headers', 'Map'], headers);
  }
  const cookies = [];
  for (const key of headers.keys()) {
    if (key.toLowerCase() === 'set-cookie') {
      if (typeof headers.getSetCookie === 'function') cookies.push(...headers.getSetCookie());
      else cookies.push(headers.get(key));
      continue;
    }
    this.setHeader(key, headers.get(key));
  }
  if (cookies.length > 0) this.setHeader('set-cookie', cookies);
  return this;
};

OutgoingMessage.prototype.appendHeader = function appendHeader(name, value) {
  if (this._header) throw new ERR_HTTP_HEADERS_SENT('append');
  validateHeaderName(name);
  validateHeaderValue(name, value);
  const key = name.toLowerCase();
  let headers = this[kOutHeaders];
  if (headers === null) this[kOutHeaders] = headers = { __proto__: null };
  const existing = headers[key];
  if (existing === undefined) {
    headers[key] = [name, value];
    return this;
  }
  const before = Array.isArray(existing[1]) ? existing[1] : [existing[1]];
  existing[1] = before.concat(value);
  return this;
};

OutgoingMessage.prototype.getHeader = function getHeader(name) {
  validateString(name, 'name');
  const headers = this[kOutHeaders];
  if (headers === null) return undefined;
  const entry = headers[name.toLowerCase()];
  return entry && entry[1];
};

OutgoingMessage.prototype.getHeaderNames = function getHeaderNames() {
  return this[kOutHeaders] !== null ? Object.keys(this[kOutHeaders]) : [];
};

OutgoingMessage.prototype.getRawHeaderNames = function getRawHeaderNames() {
  const headers = this[kOutHeaders];
  if (headers === null) return [];
  return Object.values(headers).map((entry) => entry[0]);
};

OutgoingMessage.prototype.getHeaders = function getHeaders() {
  const headers = this[kOutHeaders];
  const out = { __proto__: null };
  if (headers !== null) {
    for (const key of Object.keys(headers)) out[key] = headers[key][1];
  }
  return out;
};

OutgoingMessage.prototype.hasHeader = function hasHeader(name) {
  validateString(name, 'name');
  return this[kOutHeaders] !== null && !!this[kOutHeaders][name.toLowerCase()];
};

OutgoingMessage.prototype.removeHeader = function removeHeader(name) {
  validateString(name, 'name');
  if (this._header) throw new ERR_HTTP_HEADERS_SENT('remove');
  const key = name.toLowerCase();
  if (key === 'connection') this._removedConnection = true;
  else if (key === 'content-length') this._removedContLen = true;
  else if (key === 'transfer-encoding') this._removedTE = true;
  else if (key === 'date') this.sendDate = false;
  if (this[kOutHeaders] !== null) delete this[kOutHeaders][key];
};

OutgoingMessage.prototype._implicitHeader = function _implicitHeader() {
  throw new ERR_METHOD_NOT_IMPLEMENTED('_implicitHeader()');
};

OutgoingMessage.prototype._renderHeaders = function _renderHeaders() {
  if (this._header) throw new ERR_HTTP_HEADERS_SENT('render');
  const headers = this[kOutHeaders];
  const out = {};
  if (headers !== null) {
    for (const key of Object.keys(headers)) out[headers[key][0]] = headers[key][1];
  }
  return out;
};

// ---- the head ------------------------------------------------------------

// What one header line tells the framing: Connection, Content-Length,
// Transfer-Encoding and the rest Node looks at.
function noteHeader(msg, state, name, value) {
  const length = name.length;
  if (length < 4 || length > 17) return;
  const key = name.toLowerCase();
  switch (key) {
    case 'connection':
      state.connection = true;
      msg._removedConnection = false;
      if (/(?:^|\W)close(?:$|\W)/i.test(value)) msg._last = true;
      else msg.shouldKeepAlive = true;
      break;
    case 'transfer-encoding':
      state.te = true;
      msg._removedTE = false;
      if (/(?:^|\W)chunked(?:$|\W)/i.test(value)) msg.chunkedEncoding = true;
      break;
    case 'content-length':
      state.contLen = true;
      msg._contentLength = +value;
      msg._removedContLen = false;
      break;
    case 'date':
    case 'expect':
    case 'trailer':
      state[key] = true;
      break;
    case 'keep-alive':
      msg._defaultKeepAlive = false;
      break;
    default:
      break;
  }
}

function addHeaderLines(msg, state, name, value, validate) {
  if (validate) validateHeaderName(name, 'Header name');
  if (Array.isArray(value)) {
    const key = name.toLowerCase();
    const unique = msg[kUniqueHeaders];
    if (unique !== null && unique.has(key)) {
      value = value.join(', ');
    } else if (value.length >= 2 && key === 'cookie') {
      value = value.join('; ');
    } else {
      for (let i = 0; i < value.length; i++) addHeaderLine(msg, state, name, value[i], validate);
      return;
    }
  }
  addHeaderLine(msg, state, name, value, validate);
}

function addHeaderLine(msg, state, name, value, validate) {
  if (validate) validateHeaderValue(name, value);
  state.header += `${name}: ${value}\r\n`;
  noteHeader(msg, state, name, value);
}

OutgoingMessage.prototype._storeHeader = function _storeHeader(firstLine, headers) {
  const state = {
    connection: false, contLen: false, te: false, date: false, expect: false,
    trailer: false, header: firstLine,
  };
  if (headers) {
    if (headers === this[kOutHeaders]) {
      for (const key in headers) {
        const entry = headers[key];
        addHeaderLines(this, state, entry[0], entry[1], false);
      }
    } else if (Array.isArray(headers)) {
      if (headers.length > 0 && Array.isArray(headers[0])) {
        for (const pair of headers) addHeaderLines(this, state, pair[0], pair[1], true);
      } else {
        if (headers.length % 2 !== 0) {
          throw new ERR_INVALID_ARG_VALUE('headers', headers);
        }
        for (let i = 0; i < headers.length; i += 2) {
          addHeaderLines(this, state, headers[i], headers[i + 1], true);
        }
      }
    } else {
      for (const key of Object.keys(headers)) {
        addHeaderLines(this, state, key, headers[key], true);
      }
    }
  }
  let header = state.header;
  if (this.sendDate && !state.date) header += `Date: ${utcDate()}\r\n`;
  if (!state.connection) {
    const sendKeepAlive = this.shouldKeepAlive &&
      (state.contLen || this.useChunkedEncodingByDefault || this.agent);
    if (sendKeepAlive && this.maxRequestsOnConnectionReached) {
      header += 'Connection: close\r\n';
    } else if (sendKeepAlive) {
      header += 'Connection: keep-alive\r\n';
      if (this._keepAliveTimeout && this._defaultKeepAlive) {
        const max = ~~this._maxRequestsPerSocket > 0 ? `, max=${this._maxRequestsPerSocket}` : '';
        header += `Keep-Alive: timeout=${Math.floor(this._keepAliveTimeout / 1000)}${max}\r\n`;
      }
    } else {
      this._last = true;
      header += 'Connection: close\r\n';
    }
  }
  if (!state.contLen && !state.te) {
    if (!this._hasBody) {
      this.chunkedEncoding = false;
    } else if (!this.useChunkedEncodingByDefault) {
      this._last = true;
    } else if (!state.trailer && !this._removedContLen && typeof this._contentLength === 'number') {
      header += `Content-Length: ${this._contentLength}\r\n`;
    } else if (!this._removedTE) {
      header += 'Transfer-Encoding: chunked\r\n';
      this.chunkedEncoding = true;
    } else {
      this._last = true;
    }
  }
  if (this.chunkedEncoding !== true && state.trailer) throw new ERR_HTTP_TRAILER_INVALID();
  this._header = `${header}\r\n`;
  this._headerSent = false;
  // A request that waits for 100-continue sends its head at once.
  if (state.expect) this._send('');
};

// ---- writing -------------------------------------------------------------

function sameBytesAsLatin1(encoding) {
  return encoding == null || encoding === 'utf8' || encoding === 'utf-8' ||
    encoding === 'latin1' || encoding === 'binary';
}

// Sends `data`, with the head in front if it has not gone yet.
OutgoingMessage.prototype._send = function _send(data, encoding, callback) {
  if (!this._headerSent && this._header !== null) {
    this._headerSent = true;
    if (typeof data === 'string' && sameBytesAsLatin1(encoding)) {
      data = this._header + data;
    } else {
      this._writeRaw(this._header, 'latin1', null);
    }
  }
  return this._writeRaw(data, encoding, callback);
};

OutgoingMessage.prototype._writeRaw = function _writeRaw(data, encoding, callback) {
  const conn = this.socket;
  if (conn !== null && conn.destroyed) return false;
  if (typeof encoding === 'function') {
    callback = encoding;
    encoding = null;
  }
  if (conn !== null && conn._httpMessage === this && conn.writable) {
    if (this.outputData.length > 0) this._flushOutput(conn);
    return conn.write(data, encoding, callback);
  }
  this.outputData.push({ data, encoding, callback });
  this.outputSize += data.length;
  this._onPendingData(data.length);
  return this.outputSize < kHighWaterMark;
};

// Writes what waited for a socket; returns what the last write returned.
OutgoingMessage.prototype._flushOutput = function _flushOutput(socket) {
  const waiting = this.outputData;
  if (waiting.length === 0) return true;
  this.outputData = [];
  const size = this.outputSize;
  this.outputSize = 0;
  this._onPendingData(-size);
  let corked = this[kCorked];
  this[kCorked] = 0;
  while (corked-- > 0) socket.cork();
  socket.cork();
  let ret = true;
  for (const { data, encoding, callback } of waiting) {
    ret = socket.write(data, encoding, callback);
  }
  socket.uncork();
  return ret;
};

OutgoingMessage.prototype._flush = function _flush() {
  const socket = this.socket;
  if (socket && socket.writable) {
    const ret = this._flushOutput(socket);
    if (this.finished) this._finish();
    else if (ret && this[kNeedDrain]) {
      this[kNeedDrain] = false;
      this.emit('drain');
    }
  }
};

function checkChunk(chunk) {
  if (chunk === null) return new ERR_STREAM_NULL_VALUES();
  if (typeof chunk !== 'string' && !(chunk instanceof Uint8Array)) {
    return new ERR_INVALID_ARG_TYPE('chunk', ['string', 'Buffer', 'Uint8Array'], chunk);
  }
  return null;
}

function byteLengthOf(chunk, encoding) {
  return typeof chunk === 'string' ? Buffer.byteLength(chunk, encoding) : chunk.byteLength;
}

function reportError(msg, err, callback) {
  process.nextTick(() => {
    if (typeof callback === 'function') callback(err);
    msg.emit('error', err);
  });
}

function checkStrictLength(msg, length, atEnd) {
  if (!msg.strictContentLength || typeof msg._contentLength !== 'number' ||
      msg.chunkedEncoding || !msg.hasHeader('content-length')) {
    return;
  }
  const total = msg[kBytesWritten] + length;
  if (total > msg._contentLength || (atEnd && total !== msg._contentLength)) {
    throw new ERR_HTTP_CONTENT_LENGTH_MISMATCH(total, msg._contentLength);
  }
}

// write() and the chunk of end(): the bytes framed as the head decided.
function writeChunk(msg, chunk, encoding, callback, fromEnd) {
  if (typeof callback !== 'function') callback = nop;
  const bad = checkChunk(chunk);
  if (bad !== null) throw bad;
  if (msg.socket !== null && msg.socket.destroyed || msg.destroyed) {
    reportError(msg, new ERR_STREAM_DESTROYED('write'), callback);
    return false;
  }
  if (msg.finished) {
    reportError(msg, new ERR_STREAM_WRITE_AFTER_END(), callback);
    return false;
  }
  const length = byteLengthOf(chunk, encoding);
  if (!msg._header) {
    if (fromEnd) msg._contentLength = length;
    msg._implicitHeader();
  }
  if (!msg._hasBody) {
    if (msg[kRejectNonStandardBodyWrites]) throw new ERR_HTTP_BODY_NOT_ALLOWED();
    process.nextTick(callback);
    return true;
  }
  checkStrictLength(msg, length, false);
  msg[kBytesWritten] += length;
  if (length === 0) {
    process.nextTick(callback);
    return true;
  }
  let ret;
  if (msg.chunkedEncoding) {
    const size = length.toString(16);
    if (typeof chunk === 'string' && sameBytesAsLatin1(encoding)) {
      ret = msg._send(`${size}\r\n${chunk}\r\n`, encoding, callback);
    } else {
      msg.cork();
      msg._send(`${size}\r\n`, 'latin1', null);
      msg._send(chunk, encoding, null);
      ret = msg._send('\r\n', 'latin1', callback);
      msg.uncork();
    }
  } else {
    ret = msg._send(chunk, encoding, callback);
  }
  if (!ret) msg[kNeedDrain] = true;
  return ret;
}

OutgoingMessage.prototype.write = function write(chunk, encoding, callback) {
  if (typeof encoding === 'function') {
    callback = encoding;
    encoding = null;
  }
  return writeChunk(this, chunk, encoding, callback, false);
};

OutgoingMessage.prototype.addTrailers = function addTrailers(headers) {
  this._trailer = '';
  const keys = Object.keys(headers);
  const isArray = Array.isArray(headers);
  for (let i = 0; i < keys.length; i++) {
    let field;
    let value;
    if (isArray) {
      field = headers[keys[i]][0];
      value = headers[keys[i]][1];
    } else {
      field = keys[i];
      value = headers[field];
    }
    validateHeaderName(field, 'Trailer name');
    if (Array.isArray(value) && value.length > 1) {
      for (const v of value) {
        if (hasBadValueChar(String(v))) throw new ERR_INVALID_CHAR('trailer content', field);
        this._trailer += `${field}: ${v}\r\n`;
      }
    } else {
      if (Array.isArray(value)) value = value[0];
      if (hasBadValueChar(String(value))) throw new ERR_INVALID_CHAR('trailer content', field);
      this._trailer += `${field}: ${value}\r\n`;
    }
  }
};

function onFinish(msg) {
  if (msg.socket !== null && msg.socket._httpMessage !== msg) return;
  msg.emit('finish');
}

OutgoingMessage.prototype.end = function end(chunk, encoding, callback) {
  if (typeof chunk === 'function') {
    callback = chunk;
    chunk = null;
    encoding = null;
  } else if (typeof encoding === 'function') {
    callback = encoding;
    encoding = null;
  }
  if (chunk != null && chunk.length !== 0 && this.finished) {
    reportError(this, new ERR_STREAM_WRITE_AFTER_END(), callback);
    return this;
  }
  if (this.finished) {
    if (typeof callback === 'function') {
      if (!this.writableFinished) this.once('finish', callback);
      else callback(new ERR_STREAM_ALREADY_FINISHED('end'));
    }
    return this;
  }
  const socket = this.socket;
  if (socket) socket.cork();
  const finish = () => onFinish(this);
  let sent = false;
  if (chunk != null) {
    const bad = checkChunk(chunk);
    if (bad !== null) {
      if (socket) socket.uncork();
      throw bad;
    }
    if (!this._header) {
      this._contentLength = byteLengthOf(chunk, encoding);
      this._implicitHeader();
    }
    // The last chunk, its framing and the end in one write when it can.
    if (this._hasBody && !this.chunkedEncoding && typeof chunk === 'string' &&
        !(socket !== null && socket.destroyed)) {
      const length = byteLengthOf(chunk, encoding);
      checkStrictLength(this, length, true);
      this[kBytesWritten] += length;
      this._send(chunk, encoding, finish);
      sent = true;
    } else {
      writeChunk(this, chunk, encoding, null, true);
    }
  } else if (!this._header) {
    this._contentLength = 0;
    this._implicitHeader();
  }
  if (typeof callback === 'function') this.once('finish', callback);
  if (!sent) {
    checkStrictLength(this, 0, true);
    if (this._hasBody && this.chunkedEncoding) {
      this._send(`0\r\n${this._trailer}\r\n`, 'latin1', finish);
    } else if (!this._headerSent || this.writableLength > 0 || chunk) {
      this._send('', 'latin1', finish);
    } else {
      process.nextTick(finish);
    }
  }
  if (socket) socket.uncork();
  this[kCorked] = 0;
  this.finished = true;
  if (this.outputData.length === 0 && socket && socket._httpMessage === this) this._finish();
  return this;
};

// The last bytes went to the socket (Node emits 'prefinish' here).
OutgoingMessage.prototype._finish = function _finish() {
  this.emit('prefinish');
};

OutgoingMessage.prototype.flushHeaders = function flushHeaders() {
  if (!this._header) this._implicitHeader();
  this._send('');
};

OutgoingMessage.prototype.pipe = function pipe() {
  this.emit('error', new ERR_STREAM_CANNOT_PIPE());
};

module.exports = {
  OutgoingMessage,
  getOutgoingHeaders,
  kOutHeaders,
  kNeedDrain,
  kUniqueHeaders,
};

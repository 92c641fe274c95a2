'use strict';
// node:http2's compatibility API: the 'request' event's (req, res) pair,
// shaped like http.IncomingMessage and http.ServerResponse, over one
// ServerHttp2Stream.

const { Readable, Stream } = require('../../stream');
const { Buffer } = require('../../buffer');
const { codes } = require('../errors');
const { validateHeaderName, hasBadValueChar } = require('../http/common');
const constants = require('./constants');
const { kNoDateHeader } = require('./util');

const kStream = Symbol('kStream');
const kHeaders = Symbol('kHeaders');
const kInner = Symbol('kInner');
const kTrailers = Symbol('kTrailers');

class Http2ServerRequest extends Readable {
  constructor(stream, headers, readableOptions, rawHeaders) {
    super({ ...readableOptions, autoDestroy: false });
    this[kStream] = stream;
    this[kInner] = { closed: false, didRead: false };
    this.headers = headers;
    this.rawHeaders = rawHeaders ?? [];
    this.trailers = {};
    this.rawTrailers = [];
    this.aborted = false;
    this.complete = false;
    stream.on('trailers', (trailers, flags, raw) => {
      this.trailers = trailers;
      this.rawTrailers = raw;
    });
    // The body flows from the stream as this request is read.
    const relay = {
      data: (piece) => this.push(piece) || stream.pause(),
      end: () => {
        this.complete = true;
        this.push(null);
      },
      aborted: () => {
        this.aborted = true;
        this.emit('aborted');
      },
      error: (err) => this.listenerCount('error') > 0 && this.emit('error', err),
      close: () => {
        this[kInner].closed = true;
        this.emit('close');
      },
      timeout: () => this.emit('timeout'),
    };
    for (const name of Object.keys(relay)) stream.on(name, relay[name]);
    stream.pause();
  }

  get stream() { return this[kStream]; }
  get socket() { return this[kStream].session?.socket; }
  get connection() { return this.socket; }
  get method() { return this.headers[constants.HTTP2_HEADER_METHOD]; }
  set method(value) {
    if (typeof value !== 'string' || value.trim() === '') {
      throw new codes.ERR_INVALID_ARG_VALUE('method', value);
    }
    this.headers[constants.HTTP2_HEADER_METHOD] = value;
  }
  get authority() {
    return this.headers[constants.HTTP2_HEADER_AUTHORITY] ?? this.headers.host;
  }
  get scheme() { return this.headers[constants.HTTP2_HEADER_SCHEME]; }
  get url() { return this.headers[constants.HTTP2_HEADER_PATH]; }
  set url(value) { this.headers[constants.HTTP2_HEADER_PATH] = value; }
  get httpVersion() { return '2.0'; }
  get httpVersionMajor() { return 2; }
  get httpVersionMinor() { return 0; }

  _read() {
    this[kInner].didRead = true;
    this[kStream].resume();
  }

  setTimeout(msecs, callback) {
    if (!this[kInner].closed) this[kStream].setTimeout(msecs, callback);
    return this;
  }
}

class Http2ServerResponse extends Stream {
  constructor(stream) {
    super();
    this[kStream] = stream;
    this[kHeaders] = Object.create(null);
    this[kTrailers] = undefined;
    this[kInner] = { statusCode: 200, ended: false, finished: false, closed: false };
    this.sendDate = true;
    this.req = undefined;
    this.writable = true;
    stream.on('drain', () => this.emit('drain'));
    stream.on('aborted', () => this.emit('aborted'));
    const inner = this[kInner];
    stream.on('finish', () => {
      if (!inner.finished) {
        inner.finished = true;
        process.nextTick(() => this.emit('finish'));
      }
    });
    stream.on('close', () => {
      inner.closed = true;
      this.writable = false;
      if (inner.ended && !inner.finished) {
        inner.finished = true;
        this.emit('finish');
      }
      this.emit('close');
    });
    stream.on('wantTrailers', () => {
      const trailers = this[kTrailers];
      this[kStream].sendTrailers(trailers ?? {});
    });
    stream.on('timeout', () => this.emit('timeout'));
  }

  get stream() { return this[kStream]; }
  get socket() { return this[kStream].session?.socket; }
  get connection() { return this.socket; }
  get headersSent() { return this[kStream].headersSent; }
  get finished() { return this[kInner].ended; }
  get writableEnded() { return this[kInner].ended; }
  get writableFinished() { return this[kInner].finished; }
  get writableCorked() { return this[kStream].writableCorked; }
  get writableHighWaterMark() { return this[kStream].writableHighWaterMark; }
  get writableLength() { return this[kStream].writableLength; }

  get statusCode() { return this[kInner].statusCode; }
  set statusCode(code) {
    code = Number(code);
    if (code >= 100 && code < 200) throw new codes.ERR_HTTP2_INFO_STATUS_NOT_ALLOWED();
    if (!Number.isInteger(code) || code < 200 || code > 599) {
      throw new codes.ERR_HTTP2_STATUS_INVALID(code);
    }
    this[kInner].statusCode = code;
  }

  get statusMessage() { return ''; }
  set statusMessage(value) {
    process.emitWarning('Status message is not supported by HTTP/2 (RFC7540 8.1.2.4)',
                        'UnsupportedWarning');
  }

  setHeader(name, value) {
    if (this.headersSent) throw new codes.ERR_HTTP2_HEADERS_SENT();
    this[kHeaders][checkName(name)] = checkValue(name, value);
    return this;
  }

  appendHeader(name, value) {
    if (this.headersSent) throw new codes.ERR_HTTP2_HEADERS_SENT();
    const key = checkName(name);
    checkValue(name, value);
    const existing = this[kHeaders][key];
    const add = Array.isArray(value) ? value : [value];
    if (existing === undefined) this[kHeaders][key] = value;
    else this[kHeaders][key] = (Array.isArray(existing) ? existing : [existing]).concat(add);
    return this;
  }

  getHeader(name) {
    return this[kHeaders][headerKey(name)];
  }

  getHeaderNames() { return Object.keys(this[kHeaders]); }
  getHeaders() { return { __proto__: null, ...this[kHeaders] }; }

  hasHeader(name) {
    return headerKey(name) in this[kHeaders];
  }

  removeHeader(name) {
    const key = headerKey(name);
    if (this.headersSent) throw new codes.ERR_HTTP2_HEADERS_SENT();
    delete this[kHeaders][key];
  }

  addTrailers(headers) {
    this[kTrailers] = { ...this[kTrailers], ...headers };
  }

  writeHead(statusCode, statusMessage, headers) {
    if (typeof statusMessage !== 'string') headers = statusMessage;
    else this.statusMessage = statusMessage;
    if (this.headersSent) throw new codes.ERR_HTTP2_HEADERS_SENT();
    this.statusCode = statusCode;
    if (Array.isArray(headers)) {
      for (let i = 0; i + 1 < headers.length; i += 2) this.appendHeader(headers[i], headers[i + 1]);
    } else if (headers != null) {
      for (const key of Object.keys(headers)) this.setHeader(key, headers[key]);
    }
    this.respond();
    return this;
  }

  respond(endStream = false) {
    const stream = this[kStream];
    if (stream.headersSent || stream.destroyed) return;
    const headers = Object.assign({}, this[kHeaders]);
    headers[':status'] = this.statusCode;
    stream.respond(headers, { endStream, waitForTrailers: true, [kNoDateHeader]: !this.sendDate });
  }

  flushHeaders() {
    if (!this[kInner].closed && !this.headersSent) this.writeHead(this.statusCode);
  }

  write(chunk, encoding, callback) {
    const args = writeArgs(chunk, encoding, callback);
    const inner = this[kInner];
    const refuse = (err) => {
      if (args.callback) process.nextTick(args.callback, err);
      return false;
    };
    if (inner.ended) {
      const err = new codes.ERR_STREAM_WRITE_AFTER_END();
      this.destroy(err);
      return refuse(err);
    }
    if (inner.closed) return refuse(new codes.ERR_HTTP2_INVALID_STREAM());
    if (typeof args.chunk !== 'string' && !ArrayBuffer.isView(args.chunk)) {
      throw new codes.ERR_INVALID_ARG_TYPE('first argument', ['string', 'Buffer', 'TypedArray', 'DataView'],
                                           args.chunk);
    }
    this.respond();
    return this[kStream].write(args.chunk, args.encoding, args.callback);
  }

  end(chunk, encoding, callback) {
    const args = writeArgs(chunk, encoding, callback);
    const inner = this[kInner];
    if (inner.ended || inner.closed) {
      if (args.callback) process.nextTick(args.callback);
      return this;
    }
    if (args.chunk != null) {
      if (!this.headersSent && !this.hasHeader('content-length')) {
        this[kHeaders]['content-length'] = typeof args.chunk === 'string' ?
          Buffer.byteLength(args.chunk, args.encoding) : args.chunk.byteLength;
      }
      this.write(args.chunk, args.encoding);
    }
    inner.ended = true;
    this.writable = false;
    if (args.callback) this.once('finish', args.callback);
    if (!this[kStream].headersSent) this.respond(this[kTrailers] === undefined);
    this[kStream].end();
    return this;
  }

  destroy(err) {
    if (this[kInner].closed) return;
    this[kStream].destroy(err);
  }

  setTimeout(msecs, callback) {
    if (!this[kInner].closed) this[kStream].setTimeout(msecs, callback);
    return this;
  }

  createPushResponse(headers, callback) {
    if (typeof callback !== 'function') throw new codes.ERR_INVALID_ARG_TYPE('callback', 'function', callback);
    if (this[kInner].closed) {
      process.nextTick(callback, new codes.ERR_HTTP2_INVALID_STREAM());
      return;
    }
    this[kStream].pushStream(headers, {}, (err, stream) => {
      if (err) {
        callback(err);
        return;
      }
      callback(null, new Http2ServerResponse(stream));
    });
  }

  writeContinue() {
    if (this[kInner].closed || this.headersSent) return false;
    this[kStream].additionalHeaders({ ':status': 100 });
    return true;
  }

  writeEarlyHints(hints) {
    if (hints === null || typeof hints !== 'object') {
      throw new codes.ERR_INVALID_ARG_TYPE('hints', 'Object', hints);
    }
    if (this[kInner].closed || this.headersSent) return false;
    const headers = { ':status': 103 };
    for (const key of Object.keys(hints)) {
      headers[key.toLowerCase()] = Array.isArray(hints[key]) ? hints[key].join(', ') : hints[key];
    }
    this[kStream].additionalHeaders(headers);
    return true;
  }
}

// write()/end()'s optional arguments: (chunk, encoding, callback) with the
// encoding or the chunk left out.
function writeArgs(chunk, encoding, callback) {
  if (typeof chunk === 'function') return { chunk: null, encoding: 'utf8', callback: chunk };
  if (typeof encoding === 'function') return { chunk, encoding: 'utf8', callback: encoding };
  return { chunk, encoding: encoding ?? 'utf8', callback: typeof callback === 'function' ? callback : null };
}

// The key a header name is kept under (the name must be a string).
function headerKey(name) {
  if (typeof name !== 'string') throw new codes.ERR_INVALID_ARG_TYPE('name', 'string', name);
  return name.trim().toLowerCase();
}

function checkName(name) {
  const key = headerKey(name);
  if (key[0] === ':') throw new codes.ERR_HTTP2_PSEUDOHEADER_NOT_ALLOWED();
  validateHeaderName(key);
  return key;
}

function checkValue(name, value) {
  if (value === undefined) throw new codes.ERR_HTTP2_INVALID_HEADER_VALUE(value, name);
  for (const item of Array.isArray(value) ? value : [value]) {
    if (hasBadValueChar(String(item))) throw new codes.ERR_INVALID_CHAR('header content', name);
  }
  return value;
}

module.exports = { Http2ServerRequest, Http2ServerResponse };

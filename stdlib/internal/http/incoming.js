'use strict';
// http.IncomingMessage: a request on the server, a response on the client.
//
// Interface for both sides (server.js, client.js): make one per parsed head,
// `new IncomingMessage(socket)`, then call
//   msg._setHead(rawHeaders, major, minor)  fields of the head; then set
//       msg.method / msg.url (requests) or msg.statusCode /
//       msg.statusMessage (responses) and msg.upgrade
//   msg._pushBody(buffer) -> false when the reader wants no more for now;
//       the caller then pauses the socket until msg._onDrain (a function the
//       caller may set) is called from _read
//   msg._finish(rawTrailers)  the message ended (rawTrailers may be
//       undefined): complete = true, the body stream ends
//   msg._abort(err)  the connection went before the message ended:
//       'aborted', then the stream is destroyed (with err when someone
//       listens for 'error')
// headers, headersDistinct, trailers and trailersDistinct are built from the
// raw arrays on first use.

const { Readable } = require('../../stream');
const { validateFunction } = require('../validators');

const kHeaders = Symbol('headers');
const kHeadersDistinct = Symbol('headersDistinct');
const kTrailers = Symbol('trailers');
const kTrailersDistinct = Symbol('trailersDistinct');

// Headers of which only the first is kept when a message repeats them.
const kSingle = new Set([
  'age', 'authorization', 'content-length', 'content-type', 'etag', 'expires',
  'from', 'host', 'if-modified-since', 'if-unmodified-since', 'last-modified',
  'location', 'max-forwards', 'proxy-authorization', 'referer', 'retry-after',
  'server', 'user-agent',
]);

// Adds one field to a headers object by Node's rules: set-cookie gathers an
// array, cookie joins with '; ', the single-valued ones keep the first, the
// rest join with ', ' (all of them with joinDuplicateHeaders).
function addHeader(dest, name, value, joinAll) {
  const key = name.toLowerCase();
  const prev = dest[key];
  if (key === 'set-cookie') {
    if (prev === undefined) dest[key] = [value];
    else prev.push(value);
    return;
  }
  if (prev === undefined) {
    dest[key] = value;
  } else if (joinAll) {
    dest[key] = `${prev}, ${value}`;
  } else if (key === 'cookie') {
    dest[key] = `${prev}; ${value}`;
  } else if (!kSingle.has(key)) {
    dest[key] = `${prev}, ${value}`;
  }
}

function joinedHeaders(raw, joinAll) {
  const dest = { __proto__: null };
  for (let i = 0; i + 1 < raw.length; i += 2) addHeader(dest, raw[i], raw[i + 1], joinAll);
  return dest;
}

function distinctHeaders(raw) {
  const dest = { __proto__: null };
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const key = raw[i].toLowerCase();
    if (dest[key] === undefined) dest[key] = [raw[i + 1]];
    else dest[key].push(raw[i + 1]);
  }
  return dest;
}

function IncomingMessage(socket) {
  if (!(this instanceof IncomingMessage)) return new IncomingMessage(socket);
  let streamOptions;
  if (socket) {
    streamOptions = { highWaterMark: socket.readableHighWaterMark };
  }
  Readable.call(this, streamOptions);
  this._readableState.readingMore = true;
  this.socket = socket;
  this.httpVersionMajor = null;
  this.httpVersionMinor = null;
  this.httpVersion = null;
  this.complete = false;
  this.rawHeaders = [];
  this.rawTrailers = [];
  this.joinDuplicateHeaders = false;
  this.aborted = false;
  this.upgrade = null;
  this.url = '';
  this.method = null;
  this.statusCode = null;
  this.statusMessage = null;
  this.client = socket;
  this._consuming = false;
  this._dumped = false;
  this[kHeaders] = null;
  this[kHeadersDistinct] = null;
  this[kTrailers] = null;
  this[kTrailersDistinct] = null;
  this._onDrain = null;
}
Object.setPrototypeOf(IncomingMessage.prototype, Readable.prototype);
Object.setPrototypeOf(IncomingMessage, Readable);

Object.defineProperties(IncomingMessage.prototype, {
  connection: {
    configurable: true,
    enumerable: true,
    get() {
      return this.socket;
    },
    set(value) {
      this.socket = value;
    },
  },
  headers: {
    configurable: true,
    enumerable: true,
    get() {
      if (this[kHeaders] === null) {
        this[kHeaders] = joinedHeaders(this.rawHeaders, this.joinDuplicateHeaders);
      }
      return this[kHeaders];
    },
    set(value) {
      this[kHeaders] = value;
    },
  },
  headersDistinct: {
    configurable: true,
    enumerable: true,
    get() {
      if (this[kHeadersDistinct] === null) this[kHeadersDistinct] = distinctHeaders(this.rawHeaders);
      return this[kHeadersDistinct];
    },
    set(value) {
      this[kHeadersDistinct] = value;
    },
  },
  trailers: {
    configurable: true,
    enumerable: true,
    get() {
      if (this[kTrailers] === null) {
        this[kTrailers] = joinedHeaders(this.rawTrailers, this.joinDuplicateHeaders);
      }
      return this[kTrailers];
    },
    set(value) {
      this[kTrailers] = value;
    },
  },
  trailersDistinct: {
    configurable: true,
    enumerable: true,
    get() {
      if (this[kTrailersDistinct] === null) this[kTrailersDistinct] = distinctHeaders(this.rawTrailers);
      return this[kTrailersDistinct];
    },
    set(value) {
      this[kTrailersDistinct] = value;
    },
  },
});

IncomingMessage.prototype.setTimeout = function setTimeout(msecs, callback) {
  if (callback !== undefined) {
    validateFunction(callback, 'callback');
    this.on('timeout', callback);
  }
  if (this.socket) this.socket.setTimeout(msecs);
  else this.once('socket', (socket) => socket.setTimeout(msecs));
  return this;
};

IncomingMessage.prototype._setHead = function _setHead(rawHeaders, major, minor) {
  this.httpVersionMajor = major;
  this.httpVersionMinor = minor;
  this.httpVersion = `${major}.${minor}`;
  this.rawHeaders = rawHeaders;
  this[kHeaders] = null;
  this[kHeadersDistinct] = null;
};

IncomingMessage.prototype._pushBody = function _pushBody(chunk) {
  if (this._dumped) return true;
  return this.push(chunk);
};

IncomingMessage.prototype._finish = function _finish(rawTrailers) {
  if (rawTrailers !== undefined) {
    this.rawTrailers = rawTrailers;
    this[kTrailers] = null;
    this[kTrailersDistinct] = null;
  }
  this.complete = true;
  this.push(null);
};

IncomingMessage.prototype._abort = function _abort(err) {
  if (this.complete || this.aborted) return;
  this.aborted = true;
  this.emit('aborted');
  if (!this.destroyed) this.destroy(this.listenerCount('error') > 0 ? err : undefined);
};

IncomingMessage.prototype._read = function _read() {
  if (!this._consuming) {
    this._readableState.readingMore = false;
    this._consuming = true;
  }
  const drain = this._onDrain;
  if (typeof drain === 'function') {
    this._onDrain = null;
    drain();
  }
};

// A message cut short destroys its socket too, as in Node.
IncomingMessage.prototype._destroy = function _destroy(err, cb) {
  if (!this.aborted && (!this.readableEnded || !this.complete)) {
    this.aborted = true;
    this.emit('aborted');
  }
  const socket = this.socket;
  if (socket && !socket.destroyed && !this.complete) {
    socket.destroy(err);
    const onClose = () => process.nextTick(cb, err);
    socket.once('close', onClose);
    return;
  }
  process.nextTick(cb, err);
};

// The body nobody reads is thrown away, so the connection can go on.
IncomingMessage.prototype._dump = function _dump() {
  if (this._dumped) return;
  this._dumped = true;
  this.removeAllListeners('data');
  this.resume();
};

module.exports = { IncomingMessage, addHeader, joinedHeaders };

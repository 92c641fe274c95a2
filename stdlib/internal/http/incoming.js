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
const { method } = require('./common');

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
function addHeader(into, field, val, joinAll) {
  const lower = field.toLowerCase();
  const before = into[lower];
  if (lower === 'set-cookie') {
    if (before === undefined) into[lower] = [val];
    else before.push(val);
    return;
  }
  if (before === undefined) {
    into[lower] = val;
  } else if (joinAll) {
    into[lower] = `${before}, ${val}`;
  } else if (lower === 'cookie') {
    into[lower] = `${before}; ${val}`;
  } else if (!kSingle.has(lower)) {
    into[lower] = `${before}, ${val}`;
  }
}

function joinedHeaders(list, joinAll) {
  const into = { __proto__: null };
  for (let i = 0; i + 1 < list.length; i += 2) addHeader(into, list[i], list[i + 1], joinAll);
  return into;
}

function distinctHeaders(list) {
  const into = { __proto__: null };
  for (let i = 0; i + 1 < list.length; i += 2) {
    const lower = list[i].toLowerCase();
    if (into[lower] === undefined) into[lower] = [list[i + 1]];
    else into[lower].push(list[i + 1]);
  }
  return into;
}

function IncomingMessage(sock) {
  if (!(this instanceof IncomingMessage)) return new IncomingMessage(sock);
  Readable.call(this, sock ? { highWaterMark: sock.readableHighWaterMark } : undefined);
  // No reads are asked of the stream until someone consumes it (_read).
  const rs = this._readableState;
  rs.readingMore = true;
  Object.assign(this, {
    socket: sock, httpVersionMajor: null, httpVersionMinor: null, httpVersion: null,
    complete: false, rawHeaders: [], rawTrailers: [], joinDuplicateHeaders: false,
    aborted: false, upgrade: null, url: '', method: null, statusCode: null, statusMessage: null,
    client: sock, _consuming: false, _dumped: false,
  });
  Object.assign(this, {
    [kHeaders]: null, [kHeadersDistinct]: null, [kTrailers]: null, [kTrailersDistinct]: null,
    _onDrain: null,
  });
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
    set(val) {
      this.socket = val;
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
    set(val) {
      this[kHeaders] = val;
    },
  },
  headersDistinct: {
    configurable: true,
    enumerable: true,
    get() {
      if (this[kHeadersDistinct] === null) this[kHeadersDistinct] = distinctHeaders(this.rawHeaders);
      return this[kHeadersDistinct];
    },
    set(val) {
      this[kHeadersDistinct] = val;
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
    set(val) {
      this[kTrailers] = val;
    },
  },
  trailersDistinct: {
    configurable: true,
    enumerable: true,
    get() {
      if (this[kTrailersDistinct] === null) this[kTrailersDistinct] = distinctHeaders(this.rawTrailers);
      return this[kTrailersDistinct];
    },
    set(val) {
      this[kTrailersDistinct] = val;
    },
  },
});

method(IncomingMessage, function setTimeout(ms, done) {
  if (done !== undefined) {
    validateFunction(done, 'callback');
    this.on('timeout', done);
  }
  if (this.socket) this.socket.setTimeout(ms);
  else this.once('socket', (sock) => sock.setTimeout(ms));
  return this;
});

method(IncomingMessage, function _setHead(rawHeaders, major, minor) {
  this.httpVersionMajor = major;
  this.httpVersionMinor = minor;
  this.httpVersion = `${major}.${minor}`;
  this.rawHeaders = rawHeaders;
  this[kHeaders] = null;
  this[kHeadersDistinct] = null;
});

method(IncomingMessage, function _pushBody(piece) {
  if (this._dumped) return true;
  return this.push(piece);
});

method(IncomingMessage, function _finish(rawTrailers) {
  if (rawTrailers !== undefined) {
    this.rawTrailers = rawTrailers;
    this[kTrailers] = null;
    this[kTrailersDistinct] = null;
  }
  this.complete = true;
  this.push(null);
});

method(IncomingMessage, function _abort(failure) {
  if (this.complete || this.aborted) return;
  this.aborted = true;
  this.emit('aborted');
  if (!this.destroyed) this.destroy(this.listenerCount('error') > 0 ? failure : undefined);
});

method(IncomingMessage, function _read() {
  if (!this._consuming) {
    this._readableState.readingMore = false;
    this._consuming = true;
  }
  const drain = this._onDrain;
  if (typeof drain === 'function') {
    this._onDrain = null;
    drain();
  }
});

// A message cut short destroys its socket too, as in Node.
method(IncomingMessage, function _destroy(failure, next) {
  if (!this.aborted && (!this.readableEnded || !this.complete)) {
    this.aborted = true;
    this.emit('aborted');
  }
  const sock = this.socket;
  if (sock && !sock.destroyed && !this.complete) {
    sock.destroy(failure);
    const onClose = () => process.nextTick(next, failure);
    sock.once('close', onClose);
    return;
  }
  process.nextTick(next, failure);
});

// The body nobody reads is thrown away, so the connection can go on.
method(IncomingMessage, function _dump() {
  if (this._dumped) return;
  this._dumped = true;
  this.removeAllListeners('data');
  this.resume();
});

module.exports = { IncomingMessage, addHeader, joinedHeaders };

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

const kHeaders = Symbol('incoming.headers');
const kHeadersDistinct = Symbol('incoming.headersDistinct');
const kTrailers = Symbol('incoming.trailers');
const kTrailersDistinct = Symbol('incoming.trailersDistinct');

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
  const before = Object.hasOwn(into, lower) ? into[lower] : undefined;
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

// Parsed headers are plain objects, as in Node; a message that never had
// any gets one without a prototype.
function newHeaderObject(list) {
  return list.length === 0 ? { __proto__: null } : {};
}

function joinedHeaders(list, joinAll) {
  const into = newHeaderObject(list);
  for (let i = 0; i + 1 < list.length; i += 2) addHeader(into, list[i], list[i + 1], joinAll);
  return into;
}

function distinctHeaders(list) {
  const into = newHeaderObject(list);
  for (let i = 0; i + 1 < list.length; i += 2) {
    const lower = list[i].toLowerCase();
    if (Object.hasOwn(into, lower)) into[lower].push(list[i + 1]);
    else into[lower] = [list[i + 1]];
  }
  return into;
}

function IncomingMessage(sock) {
  if (!(this instanceof IncomingMessage)) return new IncomingMessage(sock);
  Readable.call(this, sock ? { highWaterMark: sock.readableHighWaterMark } : undefined);
  // No reads are asked of the stream until someone consumes it (_read).
  const rs = this._readableState;
  rs.readingMore = true;
  this.socket = sock; this.httpVersionMajor = null; this.httpVersionMinor = null;
  this.httpVersion = null; this.complete = false; this.rawHeaders = []; this.rawTrailers = [];
  this.joinDuplicateHeaders = false; this.aborted = false; this.upgrade = null; this.url = '';
  this.method = null; this.statusCode = null; this.statusMessage = null; this.client = sock;
  this._consuming = false; this._dumped = false;
  this[kHeaders] = null; this[kHeadersDistinct] = null; this[kTrailers] = null;
  this[kTrailersDistinct] = null; this._onDrain = null;
}
Object.setPrototypeOf(IncomingMessage.prototype, Readable.prototype);
Object.setPrototypeOf(IncomingMessage, Readable);

// An accessor whose value `build(raw, joinAll)` makes from a raw array the
// first time it is read; assigning replaces it.
function builtOnUse(slot, rawName, build) {
  return {
    configurable: true,
    enumerable: true,
    get() {
      let built = this[slot];
      if (built === null) {
        built = build(this[rawName], this.joinDuplicateHeaders);
        this[slot] = built;
      }
      return built;
    },
    set(replacement) {
      this[slot] = replacement;
    },
  };
}

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
  headers: builtOnUse(kHeaders, 'rawHeaders', joinedHeaders),
  headersDistinct: builtOnUse(kHeadersDistinct, 'rawHeaders', distinctHeaders),
  trailers: builtOnUse(kTrailers, 'rawTrailers', joinedHeaders),
  trailersDistinct: builtOnUse(kTrailersDistinct, 'rawTrailers', distinctHeaders),
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
    const rs = this._readableState;
    rs.readingMore = false;
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
  for (const fn of this.listeners('data')) this.removeListener('data', fn);
  this.resume();
});

module.exports = { IncomingMessage, addHeader, joinedHeaders };

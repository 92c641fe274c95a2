'use strict';
// node:http2's sessions, streams and servers. A session owns a net or TLS
// socket and an nghttp2 session (internalBinding('http2')): bytes read go
// to receive(), frames nghttp2 wants out come from send() and go to the
// socket, and what nghttp2 saw meanwhile comes back as events, which
// dispatch() turns into the streams' data and the 'stream', 'response',
// 'trailers', 'goaway', 'ping', ... events of the Node API.

const EventEmitter = require('../../events');
const net = require('../../net');
const { Duplex } = require('../../stream');
const { Buffer } = require('../../buffer');
const { randomFillSync } = require('../../crypto');
const { codes, AbortError } = require('../errors');
const { validateFunction, validateNumber, validateObject, validateUint32 } = require('../validators');
const { utcDate } = require('../http/common');
const constants = require('./constants');
const util = require('./util');

const binding = internalBinding('http2');

const kHandle = Symbol('kHandle');
const kSession = Symbol('kSession');
const kStreams = Symbol('kStreams');
const kInner = Symbol('kInner');
const kServer = Symbol('kServer');
const kSocket = Symbol('kSocket');
const kSocketProxy = Symbol('kSocketProxy');

const kSendLimit = 256 * 1024;
// nghttp2's NGHTTP2_ERR_PROTO ("Protocol error").
const kErrorProtocol = -505;
const kNoBodyStatus = new Set([204, 205, 304]);
// Responses and 1xx blocks carry only :status; trailers no pseudo-header.
const kResponsePseudo = new Set([':status']);
const kNoPseudo = new Set();
const kNoBodyMethods = new Set(['GET', 'HEAD', 'DELETE']);
const {
  NGHTTP2_NO_ERROR, NGHTTP2_CANCEL, NGHTTP2_INTERNAL_ERROR, NGHTTP2_REFUSED_STREAM,
  NGHTTP2_SESSION_SERVER, NGHTTP2_SESSION_CLIENT,
} = constants;

// An optional callback argument, checked.
function checkedCallback(callback) {
  validateFunction(callback, 'callback');
  return callback;
}

function listenOnce(emitter, event, callback) {
  if (callback !== undefined) emitter.once(event, checkedCallback(callback));
}

const kNoSocketManipulation = new Set(['destroy', 'emit', 'end', 'pause', 'read', 'resume', 'write']);

function refuseSocketManipulation() {
  throw new codes.ERR_HTTP2_NO_SOCKET_MANIPULATION();
}

function socketProxyHandler(session) {
  return {
    get(socket, prop) {
      if (kNoSocketManipulation.has(prop)) return refuseSocketManipulation;
      if (prop === 'setTimeout') return session.setTimeout.bind(session);
      const value = Reflect.get(socket, prop);
      return typeof value === 'function' ? value.bind(socket) : value;
    },
    set(socket, prop, value) {
      return Reflect.set(socket, prop, value);
    },
  };
}

// A copy of a header object that takes more fields fast. Under V8 10.2 an
// object made by spread ({ ...headers }) gets a map with no transitions:
// adding one field to it cost about 600 ns, 20 times this.
function copyHeaders(headers) {
  return Object.assign({}, headers);
}

// What ALTSVC and ORIGIN frames may carry in all.
const kMaxExtensionPayload = 16382;
// An Alt-Svc field value: visible ASCII, spaces and tabs.
const kAltsvcValue = /^[\t\x20-\x7e]*$/;

// The ASCII origin of a URL string, a URL, or an object with an origin.
function originOf(value, name, expected) {
  if (typeof value === 'string') return new URL(value).origin;
  if (value instanceof URL) return value.origin;
  if (value !== null && typeof value === 'object' && typeof value.origin === 'string') {
    return new URL(value.origin).origin;
  }
  throw new codes.ERR_INVALID_ARG_TYPE(name, expected, value);
}

// Sends RST_STREAM. A cancel first sends what is queued (the stream's own
// HEADERS, say), as Node does: the peer sees the stream it cancels.
function resetStream(session, id, code) {
  if (code === NGHTTP2_CANCEL) session.sendQueued();
  binding.rstStream(session[kHandle], id, code);
  session.scheduleFlush();
}

// A stream's 'end' listener once nghttp2 closed it: destroyed on the next
// tick, after the app's own 'end' listeners.
function destroyAfterEnd() {
  process.nextTick(destroyStream, this);
}

function destroyStream(stream) {
  stream.destroy();
}

function runQueuedFlush(session) {
  session[kInner].flushQueued = false;
  session.flush();
}

function sessionError(code) {
  const err = new codes.ERR_HTTP2_ERROR(binding.strerror(code));
  err.errno = code;
  return err;
}

// ---- Sessions -----------------------------------------------------------------

class Http2Session extends EventEmitter {
  constructor(type, options, socket) {
    super();
    this[kStreams] = new Map();
    this[kInner] = {
      destroyed: false,
      closed: false,
      connecting: true,
      goawayReceived: false,
      flushing: false,
      again: false,
      waitingDrain: false,
      pings: [],
      settingsCallbacks: [],
      pendingAcks: 0,
      localSettings: util.initialSettings(),
      remoteSettings: util.initialSettings(),
      pendingStreams: [],
      options,
    };
    this.type = type;
    this[kSocket] = socket;
    const limits = Uint32Array.of(options.peerMaxConcurrentStreams ?? 100,
                                  options.maxReservedRemoteStreams ?? 200,
                                  options.maxSendHeaderBlockLength ?? 64 * 1024,
                                  options.maxDeflateDynamicTableSize ?? 4096,
                                  Math.max(4, options.maxHeaderListPairs ?? 128));
    this[kHandle] = binding.create(type === NGHTTP2_SESSION_SERVER, limits);
    socket[kSession] = this;
    // Frames go out as nghttp2 makes them; Nagle would hold a response's
    // DATA behind its HEADERS until the peer's delayed ACK.
    if (typeof socket.setNoDelay === 'function') socket.setNoDelay(true);
    const local = util.settingsEntries(options.settings, 'options.settings');
    this[kInner].startSettings = options.settings;
    binding.settings(this[kHandle], Uint32Array.from(local.flat()));
    this[kInner].pendingAcks++;
    this[kInner].settingsCallbacks.push(null);
    socket.on('data', (chunk) => this.onSocketData(chunk));
    socket.on('drain', () => {
      this[kInner].waitingDrain = false;
      this.flush();
    });
    socket.on('error', (err) => this.destroy(err));
    socket.on('close', () => this.destroy());
    socket.on('end', () => {
      if (!this[kInner].destroyed) this.destroy();
    });
    socket.on('timeout', () => this.onTimeout());
  }

  // The socket as Node shows it: reads and writes that would corrupt the
  // HTTP/2 framing throw, setTimeout is the session's, the rest is the
  // socket's.
  get socket() {
    const socket = this[kSocket];
    if (socket == null) return socket;
    this[kSocketProxy] ??= new Proxy(socket, socketProxyHandler(this));
    return this[kSocketProxy];
  }

  get destroyed() { return this[kInner].destroyed; }
  get closed() { return this[kInner].closed; }
  get connecting() { return this[kInner].connecting; }
  get encrypted() {
    if (this[kInner].connecting) return undefined;
    return this[kSocket] != null && this[kSocket].encrypted === true;
  }
  get alpnProtocol() {
    if (this[kSocket] == null) return undefined;
    return this.encrypted ? this[kSocket].alpnProtocol : 'h2c';
  }
  get originSet() {
    if (!this.encrypted || this.type !== NGHTTP2_SESSION_CLIENT) return undefined;
    return [...this[kInner].originSet];
  }
  get pendingSettingsAck() { return this[kInner].pendingAcks > 0; }
  get localSettings() { return { ...this[kInner].localSettings }; }
  get remoteSettings() { return { ...this[kInner].remoteSettings }; }

  get state() {
    if (this[kInner].destroyed) return {};
    const out = new Float64Array(9);
    binding.state(this[kHandle], 0, out);
    return {
      effectiveLocalWindowSize: out[0],
      effectiveRecvDataLength: out[1],
      nextStreamID: out[2],
      localWindowSize: out[3],
      lastProcStreamID: out[4],
      remoteWindowSize: out[5],
      outboundQueueSize: out[6],
      deflateDynamicTableSize: out[7],
      inflateDynamicTableSize: out[8],
    };
  }

  setTimeout(msecs, callback) {
    validateNumber(msecs, 'msecs');
    listenOnce(this, 'timeout', callback);
    this[kSocket]?.setTimeout(msecs);
    return this;
  }

  onTimeout() {
    if (this[kInner].destroyed) return;
    this.emit('timeout');
  }

  ref() { this[kSocket]?.ref(); }
  unref() { this[kSocket]?.unref(); }

  onSocketData(chunk) {
    const inner = this[kInner];
    if (inner.destroyed) return;
    const n = binding.receive(this[kHandle], chunk);
    if (n < 0) {
      this.flush();
      this.destroy(sessionError(n));
      return;
    }
    this.flush();
  }

  // Streams submit frames and write bodies in bursts (a handler responds
  // and ends); one flush once the current callback is over sends them all
  // in one socket write.
  scheduleFlush() {
    const inner = this[kInner];
    if (inner.flushing) {
      inner.again = true;
      return;
    }
    if (inner.flushQueued || inner.destroyed) return;
    inner.flushQueued = true;
    process.nextTick(runQueuedFlush, this);
  }

  // The next frames nghttp2 has to send as a Buffer, undefined when there
  // are none, or nghttp2's (negative) error code.
  takeFrames() {
    const out = binding.send(this[kHandle], kSendLimit);
    if (out === undefined || typeof out === 'number') return out;
    return Buffer.from(out.buffer, out.byteOffset, out.byteLength);
  }

  // Writes the frames nghttp2 has queued, now; its events wait for the next
  // dispatch (safe inside one).
  sendQueued() {
    const inner = this[kInner];
    if (inner.destroyed || inner.waitingDrain || inner.connecting) return;
    const out = this.takeFrames();
    if (out === undefined || typeof out === 'number') return;
    if (this[kSocket].write(out) === false) inner.waitingDrain = true;
  }

  // Writes what nghttp2 has to send and hands its events out, until neither
  // is left (event handlers may submit more).
  flush() {
    const inner = this[kInner];
    if (inner.destroyed) return;
    if (inner.flushing) {
      inner.again = true;
      return;
    }
    inner.flushing = true;
    const socket = this[kSocket];
    socket.cork();
    try {
      do {
        inner.again = false;
        const events = binding.events(this[kHandle]);
        if (events !== undefined) this.dispatch(events);
        if (inner.destroyed) return;
        if (!inner.waitingDrain) {
          const out = this.takeFrames();
          if (typeof out === 'number') {
            this.destroy(sessionError(out));
            return;
          }
          if (out !== undefined) {
            if (socket.write(out) === false) inner.waitingDrain = true;
            else inner.again = true;
          }
          const more = binding.events(this[kHandle]);
          if (more !== undefined) {
            this.dispatch(more);
            inner.again = true;
          }
        }
      } while (inner.again && !inner.destroyed);
    } finally {
      inner.flushing = false;
      socket.uncork();
    }
    // nghttp2 wants neither to read nor to write once it ended the session
    // (a GOAWAY it sent for a protocol violation, or both sides done).
    if (!inner.destroyed && !inner.waitingDrain && binding.wants(this[kHandle]) === 0) {
      if (!(inner.closed || inner.goawaySent || inner.goawayReceived)) {
        this.destroy(sessionError(kErrorProtocol));
        return;
      }
      // A goaway either way: the session ends as close() ends it.
      if (!inner.closed) this.close();
    }
    this.maybeFinish();
  }

  dispatch(events) {
    for (const event of events) {
      if (this[kInner].destroyed) return;
      const [type, id] = event;
      const stream = this[kStreams].get(id);
      switch (type) {
        case binding.EVENT_HEADERS:
          this.onHeaders(id, stream, event[2], event[3], event[4], event[5]);
          break;
        case binding.EVENT_DATA:
          if (stream === undefined || stream.destroyed) {
            binding.consume(this[kHandle], 0, event[2].byteLength);
          } else {
            stream.onData(event[2]);
          }
          break;
        case binding.EVENT_END:
          if (stream !== undefined) stream.onEnd();
          break;
        case binding.EVENT_CLOSE:
          if (stream !== undefined) stream.onClose(event[2]);
          break;
        case binding.EVENT_RST_STREAM:
          if (stream !== undefined) stream[kInner].rstCode = event[2];
          break;
        case binding.EVENT_DATA_SENT:
          if (stream !== undefined) stream.onDataSent(event[2]);
          break;
        case binding.EVENT_WANT_TRAILERS:
          if (stream !== undefined) stream.onWantTrailers();
          break;
        case binding.EVENT_SETTINGS:
          this.onSettings(event[2]);
          break;
        case binding.EVENT_SETTINGS_ACK:
          this.onSettingsAck();
          break;
        case binding.EVENT_PING:
          this.onPing(event[2], event[3]);
          break;
        case binding.EVENT_GOAWAY:
          this.onGoaway(event[2], id, event[3]);
          break;
        case binding.EVENT_PUSH:
          this.onPush(id, event[2], event[3], event[4]);
          break;
        case binding.EVENT_ALTSVC:
          this.emit('altsvc', event[2][1], event[2][0], id);
          break;
        case binding.EVENT_ORIGIN:
          this.onOrigin(event[2]);
          break;
        case binding.EVENT_FRAME_ERROR:
          this.onFrameError(id, event[2], event[3], stream);
          break;
      }
    }
  }

  onFrameError(id, frameType, code, stream) {
    if (stream !== undefined && !stream.destroyed) {
      stream.emit('frameError', frameType, code, id);
      return;
    }
    this.emit('frameError', frameType, code, id);
  }

  onSettings(pairs) {
    const settings = this[kInner].remoteSettings;
    for (let i = 0; i < pairs.length; i += 2) util.applySetting(settings, +pairs[i], +pairs[i + 1]);
    this.emit('remoteSettings', { ...settings });
  }

  onSettingsAck() {
    const inner = this[kInner];
    if (inner.pendingAcks === 0) return;
    inner.pendingAcks--;
    const callback = inner.settingsCallbacks.shift();
    const sent = callback === null ? inner.startSettings : callback.settings;
    for (const [id, value] of util.settingsEntries(sent)) {
      util.applySetting(inner.localSettings, id, value);
    }
    const settings = { ...inner.localSettings };
    if (callback) callback.fn?.(null, settings, performance.now() - callback.start);
    this.emit('localSettings', settings);
  }

  onPing(payload, isAck) {
    const bytes = Buffer.from(payload.buffer, payload.byteOffset, 8);
    if (!isAck) {
      this.emit('ping', bytes);
      return;
    }
    const pings = this[kInner].pings;
    const at = pings.findIndex((p) => p.payload.equals(bytes));
    if (at === -1) return;
    const [ping] = pings.splice(at, 1);
    ping.callback(null, performance.now() - ping.start, bytes);
  }

  onGoaway(code, lastStreamId, opaque) {
    const inner = this[kInner];
    inner.goawayReceived = true;
    const data = Buffer.from(opaque.buffer, opaque.byteOffset, opaque.byteLength);
    this.emit('goaway', code, lastStreamId, data);
    for (const [id, stream] of this[kStreams]) {
      if (id > lastStreamId && stream.type === 'client') {
        stream.destroy(new codes.ERR_HTTP2_STREAM_ERROR(util.errorName(NGHTTP2_REFUSED_STREAM)));
      }
    }
    if (code === NGHTTP2_NO_ERROR) {
      this.close();
    } else {
      this.destroy(new codes.ERR_HTTP2_SESSION_ERROR(code), NGHTTP2_NO_ERROR);
    }
  }

  onPush() {}
  onHeaders() {}

  // ORIGIN frames count over TLS only (RFC 8336).
  onOrigin(origins) {
    if (!this.encrypted || this.type !== NGHTTP2_SESSION_CLIENT) return;
    const set = this[kInner].originSet;
    for (const origin of origins) if (!set.includes(origin)) set.push(origin);
    this.emit('origin', origins);
  }

  ping(payload, callback) {
    if (this[kInner].destroyed) throw new codes.ERR_HTTP2_INVALID_SESSION();
    if (typeof payload === 'function') {
      callback = payload;
      payload = undefined;
    }
    if (payload !== undefined) {
      if (!ArrayBuffer.isView(payload)) {
        throw new codes.ERR_INVALID_ARG_TYPE('payload', ['Buffer', 'TypedArray', 'DataView'], payload);
      }
      if (payload.byteLength !== 8) throw new codes.ERR_HTTP2_PING_LENGTH();
    }
    validateFunction(callback, 'callback');
    // Past maxOutstandingPings unanswered pings, a new one is cancelled at
    // once (the callback runs before ping() returns, as in Node).
    if (this[kInner].pings.length >= (this[kInner].options.maxOutstandingPings ?? 10)) {
      callback(new codes.ERR_HTTP2_PING_CANCEL());
      return false;
    }
    const bytes = payload === undefined ? randomFillSync(Buffer.alloc(8)) :
      Buffer.from(Buffer.from(payload.buffer, payload.byteOffset, 8));
    this[kInner].pings.push({ payload: bytes, callback, start: performance.now() });
    binding.ping(this[kHandle], bytes);
    this.flush();
    return true;
  }

  settings(settings, callback) {
    if (this[kInner].destroyed) throw new codes.ERR_HTTP2_INVALID_SESSION();
    const entries = util.settingsEntries(settings);
    if (callback !== undefined) validateFunction(callback, 'callback');
    const inner = this[kInner];
    inner.pendingAcks++;
    inner.settingsCallbacks.push({ settings, fn: callback, start: performance.now() });
    binding.settings(this[kHandle], Uint32Array.from(entries.flat()));
    this.flush();
  }

  setLocalWindowSize(windowSize) {
    if (this[kInner].destroyed) throw new codes.ERR_HTTP2_INVALID_SESSION();
    validateNumber(windowSize, 'windowSize', 0, 2 ** 31 - 1);
    binding.setLocalWindowSize(this[kHandle], windowSize);
    this.flush();
  }

  goaway(code = NGHTTP2_NO_ERROR, lastStreamID = 0, opaqueData) {
    if (this[kInner].destroyed) throw new codes.ERR_HTTP2_INVALID_SESSION();
    validateUint32(code, 'code');
    validateNumber(lastStreamID, 'lastStreamID');
    if (opaqueData !== undefined && !ArrayBuffer.isView(opaqueData)) {
      throw new codes.ERR_INVALID_ARG_TYPE('opaqueData', ['Buffer', 'TypedArray', 'DataView'],
                                           opaqueData);
    }
    this[kInner].goawaySent = true;
    binding.goaway(this[kHandle], code, lastStreamID, opaqueData);
    this.flush();
  }

  // Stops new streams; the session ends once the open ones have.
  close(callback) {
    const inner = this[kInner];
    if (inner.destroyed) {
      if (typeof callback === 'function') process.nextTick(callback);
      return;
    }
    if (typeof callback === 'function') this.once('close', callback);
    if (inner.closed) return;
    inner.closed = true;
    if (!inner.connecting) {
      binding.goaway(this[kHandle], NGHTTP2_NO_ERROR, -1, undefined);
      this.flush();
    }
    // Not at once: a 'goaway' handler that called close() still sees the
    // session open.
    setImmediate(() => {
      inner.finishing = true;
      this.maybeFinish();
    });
  }

  maybeFinish() {
    const inner = this[kInner];
    if (inner.finishing && !inner.destroyed && this[kStreams].size === 0 &&
        inner.pendingStreams.length === 0 && !inner.waitingDrain) {
      this.destroy();
    }
  }

  destroy(error = undefined, code = undefined) {
    const inner = this[kInner];
    if (inner.destroyed) return;
    if (typeof error === 'number') {
      code = error;
      error = code !== NGHTTP2_NO_ERROR ? new codes.ERR_HTTP2_SESSION_ERROR(code) : undefined;
    }
    code ??= error !== undefined ? NGHTTP2_INTERNAL_ERROR : NGHTTP2_NO_ERROR;
    inner.closed = true;
    for (const pending of inner.pendingStreams) {
      pending.stream.destroy(new codes.ERR_HTTP2_STREAM_CANCEL(error));
    }
    inner.pendingStreams = [];
    for (const stream of [...this[kStreams].values()]) {
      stream.destroy(error);
    }
    const socket = this[kSocket];
    if (socket != null && !socket.destroyed) {
      if (!inner.connecting) {
        binding.goaway(this[kHandle], code, -1, undefined);
        const out = this.takeFrames();
        if (out !== undefined && typeof out !== 'number') socket.write(out);
      }
      if (error !== undefined) socket.destroy();
      else socket.end();
      socket.setTimeout(0);
    }
    inner.destroyed = true;
    binding.destroy(this[kHandle]);
    for (const ping of inner.pings) {
      process.nextTick(ping.callback, new codes.ERR_HTTP2_PING_CANCEL());
    }
    inner.pings = [];
    for (const entry of inner.settingsCallbacks) {
      if (entry && entry.fn) process.nextTick(entry.fn, new codes.ERR_HTTP2_SETTINGS_CANCEL());
    }
    inner.settingsCallbacks = [];
    inner.pendingAcks = 0;
    process.nextTick(() => {
      if (error !== undefined) this.emit('error', error);
      this.emit('close');
    });
  }

  addStream(stream) {
    this[kStreams].set(stream.id, stream);
  }

  removeStream(stream) {
    if (this[kStreams].get(stream.id) === stream) this[kStreams].delete(stream.id);
    this.maybeFinish();
  }
}

class ServerHttp2Session extends Http2Session {
  constructor(options, socket, server) {
    super(NGHTTP2_SESSION_SERVER, options, socket);
    this[kServer] = server;
    this[kInner].connecting = false;
    this.flush();
  }

  get server() { return this[kServer]; }

  onHeaders(id, stream, category, endStream, list, sensitive) {
    const headers = util.toHeaderObject(list, sensitive);
    const flags = endStream ? 5 : 4;
    if (stream === undefined) {
      if (this[kInner].closed) return;
      stream = new ServerHttp2Stream(this, id, headers);
      stream.rawHeadersList = list;
      this.addStream(stream);
      if (endStream) stream.onEnd();
      this.emit('stream', stream, headers, flags, list);
      return;
    }
    if (category === binding.HCAT_HEADERS) stream.onTrailers(headers, flags, list, endStream);
  }

  // An ALTSVC frame (RFC 7838) for an origin, or for the stream with that
  // id.
  altsvc(alt, originOrStream) {
    if (this[kInner].destroyed) throw new codes.ERR_HTTP2_INVALID_SESSION();
    if (typeof alt !== 'string') throw new codes.ERR_INVALID_ARG_TYPE('alt', 'string', alt);
    if (!kAltsvcValue.test(alt)) throw new codes.ERR_INVALID_CHAR('alt');
    let id = 0;
    let origin = '';
    if (typeof originOrStream === 'number') {
      if (!Number.isInteger(originOrStream) || originOrStream <= 0 || originOrStream >= 2 ** 32) {
        throw new codes.ERR_OUT_OF_RANGE('originOrStream', '> 0 && < 4294967296', originOrStream);
      }
      id = originOrStream;
    } else {
      origin = originOf(originOrStream, 'originOrStream', ['string', 'number', 'URL', 'Object']);
      if (origin === 'null') throw new codes.ERR_HTTP2_ALTSVC_INVALID_ORIGIN();
    }
    if (origin.length + alt.length > kMaxExtensionPayload) throw new codes.ERR_HTTP2_ALTSVC_LENGTH();
    binding.altsvc(this[kHandle], id, origin, alt);
    this.flush();
  }

  // An ORIGIN frame (RFC 8336): the origins this connection serves.
  origin(...origins) {
    if (this[kInner].destroyed) throw new codes.ERR_HTTP2_INVALID_SESSION();
    if (origins.length === 0) return;
    const list = origins.map((item) => {
      const origin = originOf(item, 'origin', 'string');
      if (origin === 'null') throw new codes.ERR_HTTP2_INVALID_ORIGIN();
      return origin;
    });
    if (list.reduce((sum, origin) => sum + origin.length, 0) > kMaxExtensionPayload) {
      throw new codes.ERR_HTTP2_ORIGIN_LENGTH();
    }
    binding.origin(this[kHandle], list);
    this.flush();
  }
}

class ClientHttp2Session extends Http2Session {
  constructor(options, socket, authority, origin) {
    super(NGHTTP2_SESSION_CLIENT, options, socket);
    this[kInner].authority = authority;
    // The origins this connection serves: its own, then what ORIGIN adds.
    this[kInner].originSet = [origin];
    this[kInner].scheme = origin.startsWith('https:') ? 'https' : 'http';
    const ready = () => this.onConnect();
    if (socket.connecting || (socket.encrypted && !socket._secureEstablished)) {
      socket.once(socket.encrypted ? 'secureConnect' : 'connect', ready);
    } else {
      process.nextTick(ready);
    }
  }

  onConnect() {
    const inner = this[kInner];
    if (inner.destroyed) return;
    const socket = this[kSocket];
    if (socket.encrypted && socket.alpnProtocol !== 'h2') {
      this.destroy(new codes.ERR_HTTP2_ERROR('Protocol error'));
      return;
    }
    inner.connecting = false;
    this.flush();
    const pending = inner.pendingStreams;
    inner.pendingStreams = [];
    for (const { stream, list, sensitive, flags } of pending) stream.submit(list, sensitive, flags);
    this.emit('connect', this, socket);
    if (inner.closed) {
      binding.goaway(this[kHandle], NGHTTP2_NO_ERROR, -1, undefined);
      this.flush();
    }
  }

  request(headers, options = {}) {
    const inner = this[kInner];
    if (inner.destroyed) throw new codes.ERR_HTTP2_INVALID_SESSION();
    if (inner.closed || inner.goawayReceived) throw new codes.ERR_HTTP2_GOAWAY_SESSION();
    headers = headers == null ? {} : headers;
    if (typeof headers !== 'object') throw new codes.ERR_INVALID_ARG_TYPE('headers', 'Object', headers);
    validateObject(options, 'options');
    const all = Array.isArray(headers) ? headers : copyHeaders(headers);
    if (!Array.isArray(all)) {
      if (headers[util.sensitiveHeaders] !== undefined) {
        all[util.sensitiveHeaders] = headers[util.sensitiveHeaders];
      }
      const method = String(all[':method'] ?? 'GET').toUpperCase();
      all[':method'] = method;
      if (method === 'CONNECT') {
        if (all[':authority'] === undefined) throw new codes.ERR_HTTP2_CONNECT_AUTHORITY();
        if (all[':scheme'] !== undefined && all[':protocol'] === undefined) {
          throw new codes.ERR_HTTP2_CONNECT_SCHEME();
        }
        if (all[':path'] !== undefined && all[':protocol'] === undefined) {
          throw new codes.ERR_HTTP2_CONNECT_PATH();
        }
      } else {
        all[':authority'] ??= inner.authority;
        all[':scheme'] ??= inner.scheme;
        all[':path'] ??= '/';
      }
    }
    const { list, sensitive } = util.toHeaderList(all, util.kPseudoHeaders);
    const method = Array.isArray(all) ? 'GET' : all[':method'];
    // GET, HEAD and DELETE requests carry no body unless told otherwise.
    const endStream = options.endStream ?? kNoBodyMethods.has(method);
    const flags = (endStream ? binding.SUBMIT_END_STREAM : 0) |
      (options.waitForTrailers ? binding.SUBMIT_WANT_TRAILERS : 0);
    const stream = new ClientHttp2Stream(this, options);
    // The headers as given, with the defaults added, as Node reports them.
    stream.sentHeaders = all;
    if (endStream) stream.end();
    if (options.signal !== undefined) {
      const { signal } = options;
      const abort = () => stream.destroy(new AbortError(undefined, { cause: signal.reason }));
      if (signal.aborted) {
        process.nextTick(abort);
      } else {
        signal.addEventListener('abort', abort, { once: true });
        stream.once('close', () => signal.removeEventListener('abort', abort));
      }
    }
    if (inner.connecting) {
      inner.pendingStreams.push({ stream, list, sensitive, flags });
    } else {
      stream.submit(list, sensitive, flags);
    }
    return stream;
  }

  onHeaders(id, stream, category, endStream, list, sensitive) {
    if (stream === undefined) return;
    const headers = util.toHeaderObject(list, sensitive);
    const flags = endStream ? 5 : 4;
    stream.onResponseHeaders(headers, flags, list, endStream, category);
  }

  onPush(parentId, promisedId, list, sensitive) {
    const parent = this[kStreams].get(parentId);
    const headers = util.toHeaderObject(list, sensitive);
    const stream = new ClientHttp2Stream(this, {});
    stream.assignId(promisedId);
    stream.end();
    if (this.listenerCount('stream') === 0 || parent === undefined) {
      stream.close(NGHTTP2_CANCEL);
      return;
    }
    stream[kInner].push = true;
    this.emit('stream', stream, headers, 4, list);
  }
}

// ---- Streams -----------------------------------------------------------------

class Http2Stream extends Duplex {
  constructor(session, options = {}) {
    super({ allowHalfOpen: true, decodeStrings: false, autoDestroy: false,
            highWaterMark: options.highWaterMark });
    this[kSession] = session;
    this[kInner] = {
      id: undefined,
      rstCode: NGHTTP2_NO_ERROR,
      closed: false,
      aborted: false,
      headersSent: false,
      trailersSent: false,
      wantTrailers: false,
      writeQueue: [],
      unconsumed: 0,
      ended: false,
      timer: null,
    };
    this.sentHeaders = undefined;
    this.sentTrailers = undefined;
    this.sentInfoHeaders = undefined;
  }

  get id() { return this[kInner].id; }
  // A stream that is destroyed has no session any more, as in Node.
  get session() { return this.destroyed ? undefined : this[kSession]; }
  get pending() { return this[kInner].id === undefined; }
  get closed() { return this[kInner].closed; }
  get aborted() { return this[kInner].aborted; }
  get rstCode() { return this[kInner].rstCode; }
  get headersSent() { return this[kInner].headersSent; }
  get endAfterHeaders() { return this[kInner].endAfterHeaders === true; }
  get bufferSize() {
    const id = this[kInner].id;
    if (id === undefined || this.destroyed) return this.writableLength;
    return binding.queued(this[kSession][kHandle], id) + this.writableLength;
  }

  get state() {
    const id = this[kInner].id;
    if (id === undefined || this.destroyed) return {};
    const out = new Float64Array(9);
    binding.state(this[kSession][kHandle], id, out);
    return {
      state: out[0],
      localWindowSize: out[1],
      remoteWindowSize: out[2],
      localClose: this.writableEnded ? 1 : 0,
      remoteClose: this.readableEnded ? 1 : 0,
      weight: out[3],
      sumDependencyWeight: out[4],
    };
  }

  assignId(id) {
    this[kInner].id = id;
    this[kSession].addStream(this);
  }

  setTimeout(msecs, callback) {
    validateNumber(msecs, 'msecs');
    listenOnce(this, 'timeout', callback);
    const inner = this[kInner];
    clearTimeout(inner.timer);
    inner.timer = null;
    if (msecs > 0) {
      inner.timer = setTimeout(() => this.emit('timeout'), msecs);
      inner.timer.unref?.();
    }
    return this;
  }

  activity() {
    const timer = this[kInner].timer;
    if (timer !== null) timer.refresh();
  }

  priority(options) {
    if (this.destroyed) throw new codes.ERR_HTTP2_INVALID_STREAM();
    validateObject(options, 'options');
    if (options.parent === this.id) throw new codes.ERR_HTTP2_STREAM_SELF_DEPENDENCY();
  }

  onData(bytes) {
    this.activity();
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (this.push(buf)) {
      binding.consume(this[kSession][kHandle], this.id, buf.length);
    } else {
      this[kInner].unconsumed += buf.length;
    }
  }

  _read() {
    const inner = this[kInner];
    inner.didRead = true;
    if (inner.unconsumed > 0 && !this.destroyed && !this[kSession].destroyed) {
      binding.consume(this[kSession][kHandle], inner.id, inner.unconsumed);
      inner.unconsumed = 0;
      this[kSession].scheduleFlush();
    }
  }

  onEnd() {
    if (this[kInner].ended) return;
    this[kInner].ended = true;
    this.push(null);
  }

  onTrailers(headers, flags, list, endStream) {
    this.emit('trailers', headers, flags, list);
    if (endStream) this.onEnd();
  }

  // nghttp2 closed the stream (both sides done, or a reset either way).
  // A code other than NO_ERROR and CANCEL is an error; otherwise the stream
  // is destroyed once its body was read to the end (a server stream whose
  // request body nobody reads is drained).
  onClose(code) {
    const inner = this[kInner];
    inner.closed = true;
    inner.rstCode = code;
    const { [kSession]: session } = this;
    if (inner.unconsumed > 0) {
      binding.consume(session[kHandle], 0, inner.unconsumed);
      inner.unconsumed = 0;
    }
    session.removeStream(this);
    for (const entry of inner.writeQueue) entry.callback();
    inner.writeQueue = [];
    if (code !== NGHTTP2_NO_ERROR) {
      if (!this.writableEnded) {
        inner.aborted = true;
        this.emit('aborted');
      }
      this.destroy(code === NGHTTP2_CANCEL ? undefined :
        new codes.ERR_HTTP2_STREAM_ERROR(util.errorName(code)));
      return;
    }
    if (this.readableEnded) {
      this.destroy();
      return;
    }
    this.once('end', destroyAfterEnd);
    this.onEnd();
    if (this.type === 'server' && !inner.didRead && this.readableFlowing === null) this.resume();
    else this.read(0);
  }

  onDataSent(bytes) {
    this.activity();
    const queue = this[kInner].writeQueue;
    let left = bytes;
    while (queue.length > 0 && left > 0) {
      const entry = queue[0];
      const n = Math.min(entry.left, left);
      entry.left -= n;
      left -= n;
      if (entry.left > 0) break;
      queue.shift();
      entry.callback();
    }
  }

  onWantTrailers() {
    const inner = this[kInner];
    inner.wantTrailers = true;
    if (this.listenerCount('wantTrailers') === 0) {
      this.sendTrailers({});
      return;
    }
    this.emit('wantTrailers');
  }

  sendTrailers(headers) {
    if (this.destroyed || this.closed) throw new codes.ERR_HTTP2_INVALID_STREAM();
    const inner = this[kInner];
    if (inner.trailersSent) throw new codes.ERR_HTTP2_TRAILERS_ALREADY_SENT();
    if (!inner.wantTrailers) throw new codes.ERR_HTTP2_TRAILERS_NOT_READY();
    if (headers === null || typeof headers !== 'object') {
      throw new codes.ERR_INVALID_ARG_TYPE('headers', 'Object', headers);
    }
    const { list, sensitive } = util.toHeaderList(headers, kNoPseudo);
    inner.trailersSent = true;
    this.sentTrailers = headers;
    binding.submitTrailers(this[kSession][kHandle], inner.id, list, sensitive);
    this[kSession].scheduleFlush();
  }

  // Body bytes go to nghttp2's queue for this stream; the callback runs once
  // nghttp2 has put them in DATA frames.
  _write(chunk, encoding, callback) {
    this.writeChunks([typeof chunk === 'string' ? Buffer.from(chunk, encoding) : chunk], callback);
  }

  _writev(entries, callback) {
    this.writeChunks(entries.map(({ chunk, encoding }) =>
      (typeof chunk === 'string' ? Buffer.from(chunk, encoding) : chunk)), callback);
  }

  // A stream still waiting for its id writes once it has one.
  writeChunks(chunks, callback) {
    if (this.pending) {
      this.once('ready', this.writeChunks.bind(this, chunks, callback));
      return;
    }
    if (this.destroyed) {
      callback(new codes.ERR_HTTP2_INVALID_STREAM());
      return;
    }
    this.beforeWrite();
    const inner = this[kInner];
    const { [kSession]: session } = this;
    let total = 0;
    for (const chunk of chunks) {
      total += chunk.byteLength;
      if (!binding.write(session[kHandle], inner.id, chunk, false)) {
        callback(new codes.ERR_HTTP2_INVALID_STREAM());
        return;
      }
    }
    this.activity();
    if (total === 0) {
      callback();
      return;
    }
    inner.writeQueue.push({ left: total, callback });
    session.scheduleFlush();
  }

  beforeWrite() {}

  _final(callback) {
    if (this.pending) {
      this.once('ready', this._final.bind(this, callback));
      return;
    }
    if (!this.destroyed) {
      this.beforeWrite(true);
      const { [kSession]: session } = this;
      if (this[kInner].bodyOpen !== false) {
        binding.write(session[kHandle], this[kInner].id, undefined, true);
        session.scheduleFlush();
      }
    }
    callback();
  }

  close(code = NGHTTP2_NO_ERROR, callback) {
    validateUint32(code, 'code');
    listenOnce(this, 'close', callback);
    const inner = this[kInner];
    if (inner.closed || this.destroyed) return;
    inner.localClose = true;
    inner.rstCode = code;
    if (this.pending) {
      this.once('ready', () => this.close(code));
      return;
    }
    const { [kSession]: session } = this;
    if (!session.destroyed) resetStream(session, inner.id, code);
  }

  _destroy(err, callback) {
    const inner = this[kInner];
    clearTimeout(inner.timer);
    const { [kSession]: session } = this;
    if (!inner.closed && inner.id !== undefined && !session.destroyed) {
      const code = err ? NGHTTP2_INTERNAL_ERROR : NGHTTP2_CANCEL;
      if (inner.rstCode === NGHTTP2_NO_ERROR) inner.rstCode = code;
      inner.closed = true;
      resetStream(session, inner.id, inner.rstCode);
      session.removeStream(this);
    } else if (inner.id === undefined) {
      const pending = session[kInner].pendingStreams;
      const at = pending.findIndex((entry) => entry.stream === this);
      if (at !== -1) pending.splice(at, 1);
      session.maybeFinish();
    }
    inner.closed = true;
    for (const entry of inner.writeQueue) entry.callback();
    inner.writeQueue = [];
    callback(err);
  }
}

class ClientHttp2Stream extends Http2Stream {
  constructor(session, options) {
    super(session, options);
    this.type = 'client';
  }

  submit(list, sensitive, flags) {
    const { [kSession]: session } = this;
    const id = binding.submitRequest(session[kHandle], list, flags, sensitive);
    if (id < 0) {
      process.nextTick(() => this.destroy(sessionError(id)));
      return;
    }
    this[kInner].headersSent = true;
    if (flags & binding.SUBMIT_END_STREAM) this[kInner].bodyOpen = false;
    this.assignId(id);
    session.scheduleFlush();
    this.emit('ready');
  }

  onResponseHeaders(headers, flags, list, endStream, category) {
    const inner = this[kInner];
    const status = headers[':status'];
    if (category === binding.HCAT_HEADERS && inner.responded) {
      this.onTrailers(headers, flags, list, endStream);
      return;
    }
    if (status >= 100 && status < 200) {
      if (status === 100) this.emit('continue');
      this.emit('headers', headers, flags, list);
      return;
    }
    inner.responded = true;
    if (endStream) inner.endAfterHeaders = true;
    this.emit(inner.push ? 'push' : 'response', headers, flags, list);
    if (endStream) this.onEnd();
  }
}

class ServerHttp2Stream extends Http2Stream {
  constructor(session, id, headers) {
    super(session, {});
    this.type = 'server';
    this[kInner].id = id;
    this[kInner].requestHeaders = headers;
  }

  get pushAllowed() {
    return this[kSession].remoteSettings.enablePush !== false && !this.destroyed;
  }

  checkRespond() {
    if (this.destroyed || this.closed) throw new codes.ERR_HTTP2_INVALID_STREAM();
    if (this.headersSent) throw new codes.ERR_HTTP2_HEADERS_SENT();
  }

  // `date` false: no Date header added (the compatibility API's
  // sendDate = false).
  responseHeaders(headers, date = true) {
    headers = headers == null ? {} : headers;
    if (typeof headers !== 'object') throw new codes.ERR_INVALID_ARG_TYPE('headers', 'Object', headers);
    const all = Array.isArray(headers) ? headers : copyHeaders(headers);
    if (!Array.isArray(all)) {
      if (headers[util.sensitiveHeaders] !== undefined) {
        all[util.sensitiveHeaders] = headers[util.sensitiveHeaders];
      }
      all[':status'] ??= 200;
      if (date) all.date ??= utcDate();
    }
    const status = Array.isArray(all) ? 200 : Number(all[':status']);
    // Node checks a number's range and lets a non-numeric text through.
    if (status < 200 || status > 599) throw new codes.ERR_HTTP2_STATUS_INVALID(all[':status']);
    return { all, status };
  }

  respond(headers, options = {}) {
    this.checkRespond();
    validateObject(options, 'options');
    const { all, status } = this.responseHeaders(headers, options[util.kNoDateHeader] !== true);
    const { list, sensitive } = util.toHeaderList(all, kResponsePseudo);
    let endStream = options.endStream === true;
    if (kNoBodyStatus.has(status) || this[kInner].requestHeaders[':method'] === 'HEAD') {
      endStream = true;
    }
    const flags = (endStream ? binding.SUBMIT_END_STREAM : 0) |
      (options.waitForTrailers ? binding.SUBMIT_WANT_TRAILERS : 0);
    const { [kSession]: session } = this;
    const rv = binding.submitResponse(session[kHandle], this.id, list, flags, sensitive);
    if (rv < 0) throw sessionError(rv);
    this[kInner].headersSent = true;
    this.sentHeaders = all;
    if (endStream) {
      this[kInner].bodyOpen = false;
      this.end();
    }
    session.scheduleFlush();
  }

  beforeWrite() {
    if (!this[kInner].headersSent) this.respond();
  }

  additionalHeaders(headers) {
    if (this.destroyed || this.closed) throw new codes.ERR_HTTP2_INVALID_STREAM();
    if (this.headersSent) throw new codes.ERR_HTTP2_HEADERS_AFTER_RESPOND();
    if (headers === null || typeof headers !== 'object') {
      throw new codes.ERR_INVALID_ARG_TYPE('headers', 'Object', headers);
    }
    const all = copyHeaders(headers);
    const status = Number(all[':status']);
    if (all[':status'] === undefined || !(status >= 100 && status < 200) || status === 101) {
      if (status === 101) throw new codes.ERR_HTTP2_STATUS_101();
      throw new codes.ERR_HTTP2_INVALID_INFO_STATUS(all[':status']);
    }
    const { list, sensitive } = util.toHeaderList(all, kResponsePseudo);
    (this.sentInfoHeaders ??= []).push(all);
    binding.submitHeaders(this[kSession][kHandle], this.id, list, sensitive);
    this[kSession].scheduleFlush();
  }

  respondWithFD(fd, headers, options = {}) {
    const fs = require('../../fs');
    const fdNumber = typeof fd === 'object' && fd !== null ? fd.fd : fd;
    validateUint32(fdNumber, 'fd');
    this.sendFile(fs.createReadStream(null, {
      fd: fdNumber, autoClose: false, start: options.offset,
      end: options.length >= 0 ? (options.offset ?? 0) + options.length - 1 : undefined,
    }), fs.fstatSync(fdNumber), headers, options);
  }

  respondWithFile(path, headers, options = {}) {
    const fs = require('../../fs');
    this.checkRespond();
    fs.stat(path, (err, stat) => {
      const failure = err ?? (stat.isDirectory() ? new codes.ERR_HTTP2_SEND_FILE() : null);
      if (failure !== null) {
        if (typeof options.onError === 'function') options.onError(failure);
        else this.destroy(failure);
        return;
      }
      const start = options.offset ?? 0;
      const end = options.length >= 0 ? start + options.length - 1 : undefined;
      this.sendFile(fs.createReadStream(path, { start, end }), stat, headers,
                    { ...options, fromPath: true });
    });
  }

  sendFile(file, stat, headers, options) {
    headers = headers == null ? {} : copyHeaders(headers);
    if (typeof options.statCheck === 'function' &&
        options.statCheck(stat, headers, { offset: options.offset ?? 0, length: options.length }) === false) {
      file.destroy();
      return;
    }
    headers.date ??= utcDate();
    // A file by path gets its length; an fd as it is (Node's behaviour).
    if (options.fromPath && headers['content-length'] === undefined && stat.isFile()) {
      const start = options.offset ?? 0;
      const length = options.length >= 0 ? options.length : stat.size - start;
      headers['content-length'] = Math.max(0, length);
    }
    if (this.destroyed) {
      file.destroy();
      return;
    }
    this.respond(headers, { waitForTrailers: options.waitForTrailers });
    file.on('error', (err) => this.destroy(err));
    file.pipe(this);
  }

  pushStream(headers, options, callback) {
    if (typeof options === 'function') [options, callback] = [{}, options];
    validateFunction(callback, 'callback');
    if (this.destroyed) throw new codes.ERR_HTTP2_INVALID_STREAM();
    if (!this.pushAllowed) throw new codes.ERR_HTTP2_PUSH_DISABLED();
    if (this[kInner].push) throw new codes.ERR_HTTP2_NESTED_PUSH();
    const { [kSession]: session } = this;
    const all = copyHeaders(headers);
    all[':method'] ??= 'GET';
    all[':authority'] ??= this[kInner].requestHeaders[':authority'];
    all[':scheme'] ??= this[kInner].requestHeaders[':scheme'];
    all[':path'] ??= '/';
    const { list, sensitive } = util.toHeaderList(all, util.kPseudoHeaders);
    const id = binding.submitPush(session[kHandle], this.id, list, sensitive);
    if (id < 0) {
      process.nextTick(callback, sessionError(id));
      return;
    }
    const pushed = new ServerHttp2Stream(session, id, all);
    pushed[kInner].push = true;
    session.addStream(pushed);
    pushed.onEnd();
    session.scheduleFlush();
    process.nextTick(callback, null, pushed, all);
  }
}

// ---- Servers -----------------------------------------------------------------

function attachSession(server, socket) {
  const session = new ServerHttp2Session(server[kInner].options, socket, server);
  session.on('stream', (stream, headers, flags, raw) => {
    server.emit('stream', stream, headers, flags, raw);
  });
  session.on('error', (err) => {
    if (server.listenerCount('sessionError') > 0) server.emit('sessionError', err, session);
  });
  if (server.timeout > 0) {
    session.setTimeout(server.timeout);
    session.on('timeout', () => {
      if (server.listenerCount('timeout') > 0) server.emit('timeout', session);
      else session.destroy();
    });
  }
  server.emit('session', session);
  return session;
}

function initServer(server, options, onRequest) {
  server[kInner] = { options };
  server.timeout = 0;
  server.on('stream', (stream, headers) => {
    if (server.listenerCount('request') === 0) return;
    const { Http2ServerRequest, Http2ServerResponse } = require('./compat');
    const RequestClass = options.Http2ServerRequest ?? Http2ServerRequest;
    const ResponseClass = options.Http2ServerResponse ?? Http2ServerResponse;
    const req = new RequestClass(stream, headers, undefined, stream.rawHeadersList);
    const res = new ResponseClass(stream);
    res.req = req;
    server.emit('request', req, res);
  });
  if (onRequest !== undefined) server.on('request', onRequest);
}

function serverOptions(options) {
  if (options === undefined || options === null) return {};
  if (typeof options !== 'object') throw new codes.ERR_INVALID_ARG_TYPE('options', 'Object', options);
  if (options.settings !== undefined) util.settingsEntries(options.settings, 'options.settings');
  return { ...options };
}

class Http2Server extends net.Server {
  constructor(options, onRequest) {
    super(options);
    initServer(this, options, onRequest);
    this.on('connection', (socket) => attachSession(this, socket));
  }

  setTimeout(msecs, callback) {
    validateNumber(msecs, 'msecs');
    this.timeout = msecs;
    if (callback !== undefined) this.on('timeout', checkedCallback(callback));
    return this;
  }

  updateSettings(settings) {
    util.settingsEntries(settings);
    this[kInner].options = { ...this[kInner].options,
                             settings: { ...this[kInner].options.settings, ...settings } };
  }
}

let tls;
let Http2SecureServer;
function secureServerClass() {
  if (Http2SecureServer !== undefined) return Http2SecureServer;
  tls = require('../../tls');
  Http2SecureServer = class Http2SecureServer extends tls.Server {
    constructor(options, onRequest) {
      const tlsOptions = { ...options };
      tlsOptions.ALPNProtocols ??= options.allowHTTP1 ? ['h2', 'http/1.1'] : ['h2'];
      super(tlsOptions);
      initServer(this, options, onRequest);
      this.on('secureConnection', (socket) => this.onSecureConnection(socket));
    }

    onSecureConnection(socket) {
      if (socket.alpnProtocol === 'h2') {
        attachSession(this, socket);
        return;
      }
      if (this[kInner].options.allowHTTP1 === true) {
        this.http1Server().emit('connection', socket);
        return;
      }
      if (this.listenerCount('unknownProtocol') > 0) {
        this.emit('unknownProtocol', socket);
        return;
      }
      socket.destroy();
    }

    http1Server() {
      const inner = this[kInner];
      if (inner.http1 === undefined) {
        const http = require('../../http');
        inner.http1 = new http.Server(inner.options, (req, res) => this.emit('request', req, res));
      }
      return inner.http1;
    }

    setTimeout(msecs, callback) {
      return Http2Server.prototype.setTimeout.call(this, msecs, callback);
    }

    updateSettings(settings) {
      return Http2Server.prototype.updateSettings.call(this, settings);
    }
  };
  return Http2SecureServer;
}

function createServer(options, onRequest) {
  if (typeof options === 'function') [options, onRequest] = [{}, options];
  return new Http2Server(serverOptions(options), onRequest);
}

function createSecureServer(options, onRequest) {
  if (typeof options === 'function') [options, onRequest] = [{}, options];
  const Server = secureServerClass();
  return new Server(serverOptions(options), onRequest);
}

function performServerHandshake(socket, options = {}) {
  return new ServerHttp2Session(serverOptions(options), socket, undefined);
}

// ---- connect -------------------------------------------------------------------

function connect(authority, options, listener) {
  if (typeof options === 'function') [options, listener] = [undefined, options];
  options = options == null ? {} : { ...options };
  if (typeof options !== 'object') throw new codes.ERR_INVALID_ARG_TYPE('options', 'Object', options);
  let url;
  if (typeof authority === 'string') url = new URL(authority);
  else if (authority instanceof URL) url = authority;
  else if (authority !== null && typeof authority === 'object') {
    url = new URL(`${authority.protocol ?? 'http:'}//${authority.host ?? authority.hostname ?? 'localhost'}` +
                  (authority.port ? `:${authority.port}` : ''));
  } else {
    throw new codes.ERR_INVALID_ARG_TYPE('authority', ['string', 'URL', 'Object'], authority);
  }
  const protocol = options.protocol ?? url.protocol;
  const port = url.port !== '' ? Number(url.port) : protocol === 'https:' ? 443 : 80;
  let host = url.hostname;
  if (host.startsWith('[') && host.endsWith(']')) host = host.slice(1, -1);
  let socket;
  if (typeof options.createConnection === 'function') {
    socket = options.createConnection(url, options);
  } else if (protocol === 'http:') {
    socket = net.connect({ ...options, port, host });
  } else if (protocol === 'https:') {
    tls ??= require('../../tls');
    const servername = net.isIP(host) ? undefined : options.servername ?? host;
    socket = tls.connect({ ...options, port, host, servername, ALPNProtocols: ['h2'] });
  } else {
    throw new codes.ERR_HTTP2_UNSUPPORTED_PROTOCOL(protocol);
  }
  const defaultPort = protocol === 'https:' ? 443 : 80;
  const authorityText = url.port !== '' && Number(url.port) !== defaultPort ? url.host : url.hostname;
  const session = new ClientHttp2Session(options, socket, authorityText, url.origin);
  if (typeof listener === 'function') session.once('connect', listener);
  return session;
}

module.exports = {
  connect,
  createServer,
  createSecureServer,
  performServerHandshake,
  Http2Session,
  Http2Stream,
  ServerHttp2Session,
  ClientHttp2Session,
};

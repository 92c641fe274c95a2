'use strict';
// node:net: TCP and Unix-socket streams (Socket, a Duplex on a libuv handle)
// and servers, plus the address helpers (isIP, SocketAddress, BlockList).

const EventEmitter = require('./events');
const { Duplex } = require('./stream');
const { Buffer } = require('./buffer');
const timers = require('./timers');
const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_FD_TYPE,
    ERR_MISSING_ARGS,
    ERR_SERVER_ALREADY_LISTEN,
    ERR_SERVER_NOT_RUNNING,
    ERR_SOCKET_BAD_PORT,
    ERR_SOCKET_CLOSED,
    ERR_SOCKET_CLOSED_BEFORE_CONNECTION,
  },
  errnoException,
  exceptionWithHostPort,
  uvExceptionWithHostPort,
  AbortError,
} = require('./internal/errors');
const {
  validateAbortSignal,
  validateFunction,
  validateInt32,
  validateNumber,
  validateObject,
  validateOneOf,
  validatePort,
  validateString,
} = require('./internal/validators');
const { TCP, Pipe, constants: handleConstants } = require('./internal/net/handles');
const { isIP, isIPv4, isIPv6 } = require('./internal/net/ip');
const { SocketAddress } = require('./internal/net/socketaddress');
const { BlockList } = require('./internal/net/blocklist');
const autoSelect = require('./internal/net/autoselect');

const kTimeout = Symbol('timeout');
const kTimeoutMs = Symbol('timeoutMs');
const kLastWriteQueueSize = Symbol('lastWriteQueueSize');
const kPendingWrite = Symbol('pendingWrite');
const kSetNoDelay = Symbol('kSetNoDelay');
const kBytesRead = Symbol('kBytesRead');
const kBytesWritten = Symbol('kBytesWritten');
const kReset = Symbol('reset');
const kKeepAlive = Symbol('keepAlive');
const kReadInto = Symbol('readInto');
const kKeepAliveDelay = Symbol('keepAliveDelay');

const UV_EOF = -4095;
const UV_ENOTCONN = -107;
const UV_ECANCELED = -125;

let dnsModule;
function dns() {
  dnsModule ??= require('./dns');
  return dnsModule;
}

let stdioBinding;
function guessHandleType(fd) {
  stdioBinding ??= internalBinding('stdio');
  return stdioBinding.guessHandleType(fd);
}

function isPipeName(value) {
  return typeof value === 'string' && Number(value) !== Number(value) >>> 0;
}

function toNumber(value) {
  return (value = Number(value)) >= 0 ? value : false;
}

// connect()/listen() arguments as [options, callback]: (options[, cb]),
// (path[, cb]) or (port[, host][, cb]).
function normalizeArgs(args) {
  if (args.length === 0) return [{}, null];
  const first = args[0];
  let options = {};
  if (typeof first === 'function') {
    // listen(cb) / connect(cb): no options at all.
  } else if (typeof first === 'object' && first !== null) {
    options = first;
  } else if (isPipeName(first)) {
    options.path = first;
  } else {
    options.port = first;
    if (args.length > 1 && typeof args[1] === 'string') options.host = args[1];
  }
  const cb = args[args.length - 1];
  return [options, typeof cb === 'function' ? cb : null];
}

// ---- Socket -----------------------------------------------------------------

function isUint8Like(value) {
  return ArrayBuffer.isView(value);
}

// Gives the handle the buffer the next read goes into (onread option).
function nextReadBuffer(socket, handle) {
  const into = socket[kReadInto];
  into.current = typeof into.source === 'function' ? into.source() : into.source;
  handle.setReadBuffer(into.current);
}

// handle.onread for every socket: chunks are the memory libuv read into.
function onStreamRead(nread, arrayBuffer, handle) {
  const socket = handle.owner;
  if (socket === undefined) return;
  const into = socket[kReadInto];
  if (into !== null && nread > 0) {
    socket._unrefTimer();
    const view = into.current;
    const keepGoing = into.callback.call(socket, nread, view);
    if (keepGoing === false && handle.reading) handle.readStop();
    if (socket._handle === handle && typeof into.source === 'function') {
      nextReadBuffer(socket, handle);
    }
    return;
  }
  if (nread > 0) {
    socket._unrefTimer();
    const chunk = Buffer.from(arrayBuffer, 0, nread);
    if (!socket.push(chunk) && handle.reading) {
      handle.readStop();
    }
    return;
  }
  if (nread === UV_EOF) {
    if (handle.reading) handle.readStop();
    // The writable side stays open only for allowHalfOpen sockets; Duplex
    // ends it after 'end' otherwise.
    socket.push(null);
    socket.read(0);
    return;
  }
  socket.destroy(errnoException(nread, 'read'));
}

function afterWrite(status, req) {
  const socket = req.socket;
  if (socket.destroyed) {
    req.callback(null);
    return;
  }
  if (status < 0) {
    const err = errnoException(status, 'write', req.error);
    req.callback(err);
    return;
  }
  socket._unrefTimer();
  req.callback(null);
}

function afterShutdown(status, req) {
  req.callback();
}

// A socket that never had a handle closes without a hadError argument.
function emitCloseNT(socket) {
  socket.emit('close');
}

// Callable without `new`, as in Node; the methods live on SocketBase.
function Socket(options) {
  if (!(this instanceof Socket)) return new Socket(options);
  if (typeof options === 'number') {
    options = { fd: options };
  } else {
    options = { ...options };
  }
  // The socket ends its writable side itself (allowHalfOpen), emits
  // 'close' when the handle is closed, and takes strings as they come.
  options.allowHalfOpen = Boolean(options.allowHalfOpen);
  options.emitClose = false;
  options.autoDestroy = true;
  options.decodeStrings = false;
  Duplex.call(this, options);

  this.connecting = false;
  this._hadError = false;
  this._handle = null;
  this._parent = null;
  this._host = null;
  this._peername = null;
  this._sockname = null;
  this._server = null;
  this.server = null;
  this[kTimeout] = null;
  this[kTimeoutMs] = undefined;
  this[kLastWriteQueueSize] = 0;
  this[kPendingWrite] = null;
  this[kSetNoDelay] = Boolean(options.noDelay);
  this[kKeepAlive] = Boolean(options.keepAlive);
  this[kKeepAliveDelay] = Math.max(0, ~~(options.keepAliveInitialDelay / 1000));
  this[kBytesRead] = 0;
  this[kBytesWritten] = 0;
  this[kReset] = false;
  this.autoSelectFamilyAttemptedAddresses = undefined;
  // The `onread` option: reads go into the app's buffer and to its callback
  // instead of 'data' events.
  this[kReadInto] = null;
  const { onread } = options;
  if (onread !== null && typeof onread === 'object' &&
      (isUint8Like(onread.buffer) || typeof onread.buffer === 'function') &&
      typeof onread.callback === 'function') {
    this[kReadInto] = { source: onread.buffer, callback: onread.callback, current: null };
  }

  if (options.handle) {
    this._attach(options.handle);
  } else if (options.fd !== undefined) {
    const fd = options.fd;
    validateInt32(fd, 'fd', 0);
    const type = guessHandleType(fd);
    let handle;
    if (type === 'PIPE' || type === 'UNIX') {
      handle = new Pipe(false);
    } else if (type === 'TCP') {
      handle = new TCP();
    } else {
      throw new ERR_INVALID_FD_TYPE(type);
    }
    const err = handle.open(fd);
    if (err) throw errnoException(err, 'open');
    this._attach(handle);
    if ((fd === 1 || fd === 2) && this._handle instanceof Pipe) {
      // A pipe on stdout or stderr is written synchronously by Node; here
      // writes that fit are finished at once by uv_try_write anyway.
    }
  }

  if (options.signal) {
    validateAbortSignal(options.signal, 'options.signal');
    const { signal } = options;
    const onAbort = () => this.destroy(new AbortError(undefined, { cause: signal.reason }));
    if (signal.aborted) {
      process.nextTick(onAbort);
    } else {
      signal.addEventListener('abort', onAbort, { once: true });
      this.once('close', () => signal.removeEventListener('abort', onAbort));
    }
  }

  this.on('end', onReadableEnd);

  if (this._handle !== null && options.readable !== false) {
    if (options.pauseOnCreate) {
      this._handle.reading = false;
      this._handle.readStop();
      this.readableFlowing = false;
    } else if (!options.manualStart) {
      this.read(0);
    }
  }
  if (options.timeout !== undefined) this.setTimeout(options.timeout);
}

class SocketBase extends Duplex {
  _attach(handle) {
    this._handle = handle;
    handle.owner = this;
    handle.onread = onStreamRead;
    if (this[kReadInto] !== null) nextReadBuffer(this, handle);
  }

  get readyState() {
    if (this.connecting) return 'opening';
    if (this.readable && this.writable) return 'open';
    if (this.readable) return 'readOnly';
    if (this.writable) return 'writeOnly';
    return 'closed';
  }

  get pending() {
    return this._handle === null || this.connecting;
  }

  get bufferSize() {
    if (this._handle === null) return undefined;
    return this.writableLength;
  }

  get bytesRead() {
    return this._handle !== null ? this._handle.bytesRead : this[kBytesRead];
  }

  get bytesWritten() {
    let pending = 0;
    for (const entry of this.writableBuffer) {
      const { chunk, encoding } = entry;
      pending += typeof chunk === 'string' ? Buffer.byteLength(chunk, encoding) : chunk.length;
    }
    if (this[kPendingWrite] !== null) {
      for (const { chunk, encoding } of this[kPendingWrite].chunks) {
        pending += typeof chunk === 'string' ? Buffer.byteLength(chunk, encoding) : chunk.length;
      }
    }
    const sent = this._handle !== null ? this._handle.bytesWritten : this[kBytesWritten];
    return sent + pending;
  }

  _peer() {
    if (this._peername === null) {
      if (this._handle === null || !(this._handle instanceof TCP)) return {};
      const out = {};
      if (this._handle.getpeername(out) !== 0) return {};
      this._peername = out;
    }
    return this._peername;
  }

  _local() {
    if (this._handle === null) return {};
    if (this._sockname === null) {
      const out = {};
      if (this._handle instanceof Pipe) return {};
      if (this._handle.getsockname(out) !== 0) return {};
      this._sockname = out;
    }
    return this._sockname;
  }

  get remoteAddress() {
    return this._peer().address;
  }

  get remoteFamily() {
    return this._peer().family;
  }

  get remotePort() {
    return this._peer().port;
  }

  get localAddress() {
    return this._local().address;
  }

  get localPort() {
    return this._local().port;
  }

  get localFamily() {
    return this._local().family;
  }

  address() {
    if (this._handle instanceof Pipe) {
      const name = this._handle.getsockname();
      return typeof name === 'string' ? name : {};
    }
    return this._local();
  }

  _unrefTimer() {
    for (let s = this; s !== null; s = s._parent) {
      if (s[kTimeout] !== null) s[kTimeout].refresh();
    }
  }

  setTimeout(msecs, callback) {
    if (this.destroyed) return this;
    validateNumber(msecs, 'msecs', 0);
    this[kTimeoutMs] = msecs;
    if (this[kTimeout] !== null) {
      timers.clearTimeout(this[kTimeout]);
      this[kTimeout] = null;
    }
    if (msecs === 0) {
      if (callback !== undefined) {
        validateFunction(callback, 'callback');
        this.removeListener('timeout', callback);
      }
      return this;
    }
    const timer = timers.setTimeout(() => {
      this[kTimeout] = null;
      this.emit('timeout');
    }, msecs);
    timer.unref();
    this[kTimeout] = timer;
    if (callback !== undefined) {
      validateFunction(callback, 'callback');
      this.once('timeout', callback);
    }
    return this;
  }

  get timeout() {
    return this[kTimeoutMs];
  }

  setNoDelay(enable) {
    const on = enable === undefined ? true : Boolean(enable);
    if (this._handle === null || !(this._handle instanceof TCP)) {
      this[kSetNoDelay] = on;
      return this;
    }
    if (this[kSetNoDelay] !== on) {
      this[kSetNoDelay] = on;
      this._handle.setNoDelay(on);
    }
    return this;
  }

  setKeepAlive(enable, initialDelay = 0) {
    const on = Boolean(enable);
    const delay = Math.max(0, ~~(initialDelay / 1000));
    if (this._handle instanceof TCP && !this.connecting) {
      if (on !== this[kKeepAlive] || (on && delay !== this[kKeepAliveDelay])) {
        this._handle.setKeepAlive(on, delay);
      }
    }
    this[kKeepAlive] = on;
    this[kKeepAliveDelay] = delay;
    return this;
  }

  ref() {
    if (this._handle === null) {
      this.once('connect', this.ref);
      return this;
    }
    this._handle.ref();
    return this;
  }

  unref() {
    if (this._handle === null) {
      this.once('connect', this.unref);
      return this;
    }
    this._handle.unref();
    return this;
  }

  pause() {
    // A pause while connecting must not start reading at connect time; with
    // the onread option there is no buffer to hold reads, so reading stops.
    if ((this.connecting || this[kReadInto] !== null) && this._handle !== null &&
        this._handle.reading) {
      this._handle.reading = false;
      this._handle.readStop();
    }
    return super.pause();
  }

  resume() {
    if (this._handle !== null && !this._handle.reading && !this.connecting &&
        !this.destroyed && !this._readableState.ended) {
      this._startReading();
    }
    return super.resume();
  }

  read(n) {
    if (n === 0 && this._handle !== null && !this._handle.reading &&
        !this.connecting && !this.destroyed && !this._readableState.ended) {
      this._startReading();
    }
    return super.read(n);
  }

  _startReading() {
    const err = this._handle.readStart();
    if (err) this.destroy(errnoException(err, 'read'));
  }

  _read() {
    if (this[kReadInto] !== null && this.isPaused() && this.readableFlowing === false) return;
    if (this.connecting || this._handle === null) {
      this.once('connect', () => this._read());
    } else if (!this._handle.reading && !this._readableState.ended) {
      this._startReading();
    }
  }

  _writeGeneric(chunks, callback) {
    if (this.connecting) {
      this[kPendingWrite] = { chunks, callback };
      this.once('connect', () => {
        const pending = this[kPendingWrite];
        this[kPendingWrite] = null;
        if (pending !== null) this._writeGeneric(pending.chunks, pending.callback);
      });
      return;
    }
    this[kPendingWrite] = null;
    if (this._handle === null) {
      callback(new ERR_SOCKET_CLOSED());
      return;
    }
    this._unrefTimer();
    const list = new Array(chunks.length);
    for (let i = 0; i < chunks.length; i++) {
      const { chunk, encoding } = chunks[i];
      list[i] = typeof chunk === 'string' && encoding !== 'utf8' && encoding !== 'utf-8' ?
        Buffer.from(chunk, encoding) : chunk;
    }
    const req = { oncomplete: afterWrite, socket: this, callback, error: undefined };
    const status = this._handle.writev(req, list, false);
    if (status < 0) {
      this.destroy(errnoException(status, 'write'));
      callback(null);
      return;
    }
    if (status === 1) callback(null);
  }

  _writev(chunks, callback) {
    this._writeGeneric(chunks, callback);
  }

  _write(chunk, encoding, callback) {
    this._writeGeneric([{ chunk, encoding }], callback);
  }

  _final(callback) {
    if (this.pending && this.connecting) {
      this.once('connect', () => this._final(callback));
      return;
    }
    if (this._handle === null) {
      callback();
      return;
    }
    const req = { oncomplete: afterShutdown, socket: this, callback };
    const err = this._handle.shutdown(req);
    if (err === 1 || err === UV_ENOTCONN) {
      callback();
    } else if (err !== 0) {
      callback(errnoException(err, 'shutdown'));
    }
  }

  end(data, encoding, callback) {
    super.end(data, encoding, callback);
    return this;
  }

  destroySoon() {
    if (this.writable) this.end();
    if (this.writableFinished) {
      this.destroy();
    } else {
      this.once('finish', this.destroy);
    }
  }

  resetAndDestroy() {
    if (this._handle !== null) {
      if (!(this._handle instanceof TCP)) throw new ERR_INVALID_HANDLE_TYPE();
      if (this.connecting) {
        this.once('connect', () => this.resetAndDestroy());
        return this;
      }
      this[kReset] = true;
      this.destroy();
    } else {
      this.destroy(new ERR_SOCKET_CLOSED());
    }
    return this;
  }

  _destroy(exception, callback) {
    if (this[kTimeout] !== null) {
      timers.clearTimeout(this[kTimeout]);
      this[kTimeout] = null;
    }
    this.connecting = false;
    const hadError = Boolean(exception);
    this._hadError = hadError;
    if (this._handle !== null) {
      const handle = this._handle;
      this[kBytesRead] = handle.bytesRead;
      this[kBytesWritten] = handle.bytesWritten;
      const onClosed = () => this.emit('close', hadError);
      if (this[kReset]) {
        this[kReset] = false;
        const err = handle.reset(onClosed);
        if (err) callback(errnoException(err, 'reset'));
        else callback(exception);
      } else {
        handle.close(onClosed);
        callback(exception);
      }
      handle.onread = null;
      this._handle = null;
      this._sockname = null;
    } else {
      callback(exception);
      process.nextTick(emitCloseNT, this);
    }
    const server = this._server;
    if (server !== null) {
      this._server = null;
      server._connections--;
      server._emitCloseIfDrained();
    }
  }

  connect(...args) {
    let normalized;
    if (Array.isArray(args[0]) && args[0][kNormalized]) {
      normalized = args[0];
    } else {
      normalized = normalizeArgs(args);
    }
    const [options, cb] = normalized;
    if (this.write !== SocketBase.prototype.write) this.write = SocketBase.prototype.write;
    if (this.destroyed) {
      this._handle = null;
      this._peername = null;
      this._sockname = null;
      this._undestroy();
    }
    if (cb !== null) this.once('connect', cb);
    if (options.timeout) this.setTimeout(options.timeout);
    const { path } = options;
    const pipe = path !== undefined && path !== null;
    if (this._handle === null) {
      this._attach(pipe ? new Pipe(false) : new TCP());
    }
    this.connecting = true;
    if (pipe) {
      validateString(path, 'options.path');
      startConnect(this, path);
    } else {
      lookupAndConnect(this, options);
    }
    return this;
  }
}

Socket.prototype = SocketBase.prototype;
Object.defineProperty(Socket.prototype, 'constructor', {
  value: Socket, writable: true, configurable: true, enumerable: false,
});
Object.setPrototypeOf(Socket, Duplex);

const kNormalized = Symbol('normalizedArgs');

function onReadableEnd() {
  // Nothing to do: Duplex ends the writable side of a socket that does not
  // allow half-open connections.
}

// After connect(): the request completed with `status`.
function afterConnect(status, req) {
  const socket = req.socket;
  if (socket.destroyed || req.cancelled) return;
  socket.connecting = false;
  socket._sockname = null;
  if (status === 0) {
    if (socket._handle instanceof TCP) {
      if (socket[kSetNoDelay]) socket._handle.setNoDelay(true);
      if (socket[kKeepAlive]) socket._handle.setKeepAlive(true, socket[kKeepAliveDelay]);
    }
    socket._unrefTimer();
    socket.emit('connect');
    socket.emit('ready');
    if (socket.readable && !socket.isPaused()) socket.read(0);
    return;
  }
  if (req.onfail !== undefined && req.onfail(status)) return;
  let details;
  if (req.localAddress !== undefined && req.localPort !== undefined) {
    details = `${req.localAddress}:${req.localPort}`;
  }
  const err = req.path !== undefined ?
    exceptionWithHostPort(status, 'connect', req.path) :
    exceptionWithHostPort(status, 'connect', req.address, req.port, details);
  if (details) {
    err.localAddress = req.localAddress;
    err.localPort = req.localPort;
  }
  socket.destroy(err);
}

function startConnect(socket, path) {
  const req = { oncomplete: afterConnect, socket, path };
  const err = socket._handle.connect(req, path);
  if (err) socket.destroy(exceptionWithHostPort(err, 'connect', path));
}

// Connects the TCP handle to one address; `onfail` (optional) may take a
// failure over (happy eyeballs tries the next address).
function connectTcp(socket, address, port, family, localAddress, localPort, onfail) {
  const handle = socket._handle;
  if (localAddress || localPort) {
    const bindAddress = localAddress || (family === 6 ? '::' : '0.0.0.0');
    const err = family === 6 ?
      handle.bind6(bindAddress, localPort | 0) :
      handle.bind(bindAddress, localPort | 0);
    if (err) {
      socket.destroy(exceptionWithHostPort(err, 'bind', bindAddress, localPort));
      return null;
    }
  }
  const req = { oncomplete: afterConnect, socket, address, port, onfail,
                localAddress, localPort, cancelled: false };
  const err = family === 6 ?
    handle.connect6(req, address, port) :
    handle.connect(req, address, port);
  if (err) {
    if (onfail === undefined || !onfail(err)) {
      socket.destroy(exceptionWithHostPort(err, 'connect', address, port));
    }
    return null;
  }
  return req;
}

function lookupAndConnect(socket, options) {
  const { localAddress, localPort } = options;
  const host = options.host || 'localhost';
  let { port } = options;
  if (localAddress && !isIP(localAddress)) {
    throw new ERR_INVALID_IP_ADDRESS(localAddress);
  }
  if (localPort) validateNumber(localPort, 'options.localPort');
  if (typeof port !== 'undefined') {
    if (typeof port !== 'number' && typeof port !== 'string') {
      throw new ERR_INVALID_ARG_TYPE('options.port', ['number', 'string'], port);
    }
    validatePort(port);
  }
  port |= 0;
  const literal = isIP(host);
  if (literal) {
    process.nextTick(() => {
      if (socket.connecting) connectTcp(socket, host, port, literal, localAddress, localPort);
    });
    return;
  }
  let family = 0;
  if (options.family !== undefined && options.family !== null) {
    family = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : options.family;
    validateOneOf(family, 'options.family', [0, 4, 6]);
  }
  const lookup = options.lookup ?? dns().lookup;
  if (options.lookup !== undefined) validateFunction(options.lookup, 'options.lookup');
  let autoSelectFamily = options.autoSelectFamily ?? autoSelect.getDefaultAutoSelectFamily();
  let attemptTimeout = options.autoSelectFamilyAttemptTimeout ??
    autoSelect.getDefaultAutoSelectFamilyAttemptTimeout();
  if (attemptTimeout < 10) attemptTimeout = 10;
  if (family !== 0) autoSelectFamily = false;
  const lookupOptions = { family, hints: options.hints || 0 };
  if (autoSelectFamily) lookupOptions.all = true;
  socket._host = host;
  lookup(host, lookupOptions, (err, ip, addressType) => {
    if (!socket.connecting) return;
    if (err) {
      socket.emit('lookup', err, undefined, undefined, host);
      process.nextTick(() => socket.destroy(err));
      return;
    }
    if (autoSelectFamily && Array.isArray(ip)) {
      const list = ip;
      for (const entry of list) socket.emit('lookup', null, entry.address, entry.family, host);
      if (list.length === 0) {
        socket.destroy(dns().notFoundError(host));
        return;
      }
      for (const entry of list) {
        if (!badAnswer(socket, entry.address, entry.family, host, port)) continue;
        return;
      }
      tryEach(socket, list, port, localAddress, localPort, attemptTimeout);
      return;
    }
    socket.emit('lookup', null, ip, addressType, host);
    if (badAnswer(socket, ip, addressType, host, port)) return;
    connectTcp(socket, ip, port, addressType, localAddress, localPort);
  });
}

// Destroys the socket when a lookup function answered something unusable.
function badAnswer(socket, address, family, host, port) {
  if (!isIP(address)) {
    socket.destroy(new ERR_INVALID_IP_ADDRESS(address));
    return true;
  }
  if (family !== 4 && family !== 6) {
    socket.destroy(new ERR_INVALID_ADDRESS_FAMILY(family, host, port));
    return true;
  }
  return false;
}

// Tries the looked-up addresses one after another (each attempt bounded by
// autoSelectFamilyAttemptTimeout), as Node's autoSelectFamily does.
function tryEach(socket, list, port, localAddress, localPort, attemptTimeout) {
  socket.autoSelectFamilyAttemptedAddresses = [];
  let index = 0;
  let timer = null;
  let errors = [];
  const next = () => {
    const { address, family } = list[index++];
    socket.autoSelectFamilyAttemptedAddresses.push(`${address}:${port}`);
    socket.emit('connectionAttempt', address, port, family);
    let req = null;
    const onfail = (status) => {
      if (timer !== null) timers.clearTimeout(timer);
      timer = null;
      const err = exceptionWithHostPort(status, 'connect', address, port);
      socket.emit('connectionAttemptFailed', address, port, family, err);
      errors.push(err);
      if (index >= list.length) {
        if (errors.length === 1) return false;
        const all = new AggregateError(errors);
        all.code = errors[errors.length - 1].code;
        socket.destroy(all);
        return true;
      }
      // A fresh handle for the next address: the failed one is spent.
      const old = socket._handle;
      old.onread = null;
      old.close();
      socket._attach(new TCP());
      next();
      return true;
    };
    req = connectTcp(socket, address, port, family, localAddress, localPort, onfail);
    if (req === null || index >= list.length) return;
    timer = timers.setTimeout(() => {
      timer = null;
      if (!socket.connecting) return;
      req.cancelled = true;
      socket.emit('connectionAttemptTimeout', address, port, family);
      const old = socket._handle;
      old.onread = null;
      old.close();
      socket._attach(new TCP());
      next();
    }, attemptTimeout);
    timer.unref();
  };
  socket.once('connect', () => {
    if (timer !== null) timers.clearTimeout(timer);
    errors = [];
  });
  next();
}

// ---- Server -----------------------------------------------------------------

// handle.onconnection of every server, called as a method of the handle.
function onConnection(status, client) {
  const server = this.owner;
  if (server === undefined) return;
  if (status < 0) {
    server.emit('error', errnoException(status, 'accept'));
    return;
  }
  if (server.maxConnections !== undefined && server._connections >= server.maxConnections) {
    if (server.listenerCount('drop') > 0) {
      const data = {};
      if (client instanceof TCP) {
        const local = {};
        const remote = {};
        client.getsockname(local);
        client.getpeername(remote);
        data.localAddress = local.address;
        data.localPort = local.port;
        data.localFamily = local.family;
        data.remoteAddress = remote.address;
        data.remotePort = remote.port;
        data.remoteFamily = remote.family;
      }
      server.emit('drop', data);
    }
    client.close();
    return;
  }
  const socket = new Socket({
    handle: client,
    allowHalfOpen: server.allowHalfOpen,
    pauseOnCreate: server.pauseOnConnect,
    readable: true,
    writable: true,
    noDelay: server.noDelay,
  });
  if (server.noDelay && client instanceof TCP) client.setNoDelay(true);
  if (server.keepAlive && client instanceof TCP) {
    client.setKeepAlive(true, Math.trunc(server.keepAliveInitialDelay / 1000));
  }
  server._connections++;
  socket.server = server;
  socket._server = server;
  server.emit('connection', socket);
}

// Callable without `new`, as in Node; the methods live on ServerBase.
function Server(options, connectionListener) {
  if (!(this instanceof Server)) return new Server(options, connectionListener);
  EventEmitter.call(this);
  if (typeof options === 'function') {
    connectionListener = options;
    options = {};
  } else if (options === undefined || options === null) {
    options = {};
  } else {
    validateObject(options, 'options');
  }
  if (typeof connectionListener === 'function') this.on('connection', connectionListener);
  this._connections = 0;
  this._handle = null;
  this._usingWorkers = false;
  this._workers = [];
  this._unref = false;
  this._pipeName = undefined;
  this._listeningId = 0;
  this.allowHalfOpen = options.allowHalfOpen || false;
  this.pauseOnConnect = !!options.pauseOnConnect;
  this.noDelay = Boolean(options.noDelay);
  this.keepAlive = Boolean(options.keepAlive);
  this.keepAliveInitialDelay = ~~(options.keepAliveInitialDelay / 1000) * 1000;
  if (options.highWaterMark !== undefined) {
    validateNumber(options.highWaterMark, 'options.highWaterMark', 0);
  }
}

class ServerBase extends EventEmitter {
  get listening() {
    return this._handle !== null;
  }

  get connections() {
    return this._connections;
  }

  address() {
    if (this._handle === null) return null;
    if (this._handle instanceof Pipe) return this._pipeName;
    const out = {};
    const err = this._handle.getsockname(out);
    if (err) throw errnoException(err, 'address');
    return out;
  }

  listen(...args) {
    const [options, cb] = normalizeArgs(args);
    if (cb !== null) this.once('listening', cb);
    if (this._handle !== null) throw new ERR_SERVER_ALREADY_LISTEN();
    if (options.signal !== undefined) {
      validateAbortSignal(options.signal, 'options.signal');
      const { signal } = options;
      const onAbort = () => this.close();
      if (signal.aborted) {
        process.nextTick(onAbort);
      } else {
        signal.addEventListener('abort', onAbort, { once: true });
        this.once('close', () => signal.removeEventListener('abort', onAbort));
      }
    }
    let backlog = options.backlog;
    if (backlog === undefined && typeof args[1] === 'number') backlog = args[1];
    if (backlog === undefined && typeof args[2] === 'number') backlog = args[2];
    backlog = backlog ?? 511;
    if (typeof backlog !== 'number' || backlog < 0) backlog = 511;

    const handleOption = options instanceof TCP || options instanceof Pipe ? options :
      options._handle ?? options.handle;
    if (handleOption !== undefined && handleOption !== null) {
      this._listenOnHandle(handleOption, backlog);
      return this;
    }
    if (typeof options.fd === 'number' && options.fd >= 0) {
      const type = guessHandleType(options.fd);
      const handle = type === 'TCP' ? new TCP() : new Pipe(false);
      const err = handle.open(options.fd);
      if (err) {
        process.nextTick(() => this.emit('error', errnoException(err, 'listen')));
        return this;
      }
      this._listenOnHandle(handle, backlog);
      return this;
    }
    const noOptions = args.length === 0 || typeof args[0] === 'function';
    if ('port' in options || noOptions) {
      let port = 0;
      if (options.port !== undefined && options.port !== null) {
        validatePort(options.port, 'options.port');
        port = Number(options.port) | 0;
      }
      if (options.host) {
        validateString(options.host, 'options.host');
        dns().lookup(options.host, (err, ip, family) => {
          if (err) {
            this.emit('error', err);
            return;
          }
          this._listenTcp(ip, port, family, backlog, options.ipv6Only);
        });
      } else {
        this._listenTcp(null, port, 4, backlog, options.ipv6Only);
      }
      return this;
    }
    if ('path' in options) {
      if (typeof options.path !== 'string') throw new ERR_INVALID_ARG_VALUE('options', options);
      this._listenPipe(options.path, backlog, options);
      return this;
    }
    throw new ERR_INVALID_ARG_VALUE('options', options,
      'must have the property "port" or "path"');
  }

  _emitListening() {
    const id = this._listeningId;
    process.nextTick(() => {
      if (this._handle !== null && this._listeningId === id) this.emit('listening');
    });
  }

  _failListen(err) {
    process.nextTick(() => this.emit('error', err));
  }

  _takeHandle(handle) {
    this._handle = handle;
    this._listeningId++;
    handle.owner = this;
    handle.onconnection = onConnection;
    if (this._unref) handle.unref();
  }

  _listenTcp(address, port, family, backlog, ipv6Only) {
    let handle = new TCP();
    let err;
    let bound = address;
    if (address === null) {
      // No host: the IPv6 wildcard (which takes IPv4 too), else IPv4's.
      bound = '::';
      err = handle.bind6('::', port, Boolean(ipv6Only));
      if (err) {
        handle.close();
        handle = new TCP();
        bound = '0.0.0.0';
        err = handle.bind('0.0.0.0', port);
      }
    } else if (family === 6 || isIPv6(address)) {
      err = handle.bind6(address, port, Boolean(ipv6Only));
    } else {
      err = handle.bind(address, port);
    }
    if (!err) err = handle.listen(backlog);
    if (err) {
      handle.close();
      this._failListen(uvExceptionWithHostPort(err, 'listen', bound, port));
      return;
    }
    this._takeHandle(handle);
    this._emitListening();
  }

  _listenPipe(path, backlog, options) {
    const handle = new Pipe(false);
    let err = handle.bind(path);
    if (!err) {
      let mode = 0;
      const { UV_READABLE, UV_WRITABLE } = handleConstants();
      if (options.readableAll) mode |= UV_READABLE;
      if (options.writableAll) mode |= UV_WRITABLE;
      if (mode !== 0) err = handle.fchmod(mode);
    }
    if (!err) err = handle.listen(backlog);
    if (err) {
      handle.close();
      this._failListen(uvExceptionWithHostPort(err, 'listen', path, -1));
      return;
    }
    this._pipeName = path;
    this._takeHandle(handle);
    this._emitListening();
  }

  _listenOnHandle(handle, backlog) {
    if (!(handle instanceof TCP) && !(handle instanceof Pipe)) {
      throw new ERR_INVALID_ARG_VALUE('options', handle,
        'must have the property "port" or "path"');
    }
    const err = handle.listen(backlog);
    if (err) {
      this._failListen(uvExceptionWithHostPort(err, 'listen', null, -1));
      return;
    }
    if (handle instanceof Pipe) {
      const name = handle.getsockname();
      this._pipeName = typeof name === 'string' ? name : undefined;
    }
    this._takeHandle(handle);
    this._emitListening();
  }

  close(cb) {
    if (typeof cb === 'function') {
      if (this._handle === null) {
        this.once('close', function close() {
          cb(new ERR_SERVER_NOT_RUNNING());
        });
      } else {
        this.once('close', cb);
      }
    }
    if (this._handle !== null) {
      const handle = this._handle;
      this._handle = null;
      handle.close();
    }
    this._emitCloseIfDrained();
    return this;
  }

  _emitCloseIfDrained() {
    if (this._handle !== null || this._connections > 0) return;
    process.nextTick(() => {
      if (this._handle !== null || this._connections > 0 || this._closeEmitted) return;
      this._closeEmitted = true;
      this.emit('close');
      this._closeEmitted = false;
    });
  }

  getConnections(cb) {
    const count = this._connections;
    process.nextTick(() => cb(null, count));
    return this;
  }

  ref() {
    this._unref = false;
    if (this._handle !== null) this._handle.ref();
    return this;
  }

  unref() {
    this._unref = true;
    if (this._handle !== null) this._handle.unref();
    return this;
  }

  [EventEmitter.captureRejectionSymbol](err, event, sock) {
    if (event === 'connection') sock.destroy(err);
    else this.emit('error', err);
  }

  [Symbol.asyncDispose]() {
    if (this._handle === null) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.close((err) => (err ? reject(err) : resolve()));
    });
  }
}

Server.prototype = ServerBase.prototype;
Object.defineProperty(Server.prototype, 'constructor', {
  value: Server, writable: true, configurable: true, enumerable: false,
});
Object.setPrototypeOf(Server, EventEmitter);

// ---- factories ---------------------------------------------------------------

function createServer(options, connectionListener) {
  return new Server(options, connectionListener);
}

function connect(...args) {
  const normalized = normalizeArgs(args);
  const [options] = normalized;
  if (options.timeout) {
    validateNumber(options.timeout, 'options.timeout', 0);
  }
  const socket = new Socket(options);
  if (options.timeout) socket.setTimeout(options.timeout);
  normalized[kNormalized] = true;
  return socket.connect(normalized);
}

const {
  ERR_INVALID_ADDRESS_FAMILY, ERR_INVALID_IP_ADDRESS, ERR_INVALID_HANDLE_TYPE,
} = require('./internal/errors').codes;

module.exports = {
  _normalizeArgs: normalizeArgs,
  BlockList,
  SocketAddress,
  Server,
  Socket,
  Stream: Socket,
  connect,
  createConnection: connect,
  createServer,
  getDefaultAutoSelectFamily: autoSelect.getDefaultAutoSelectFamily,
  getDefaultAutoSelectFamilyAttemptTimeout: autoSelect.getDefaultAutoSelectFamilyAttemptTimeout,
  isIP,
  isIPv4,
  isIPv6,
  setDefaultAutoSelectFamily: autoSelect.setDefaultAutoSelectFamily,
  setDefaultAutoSelectFamilyAttemptTimeout: autoSelect.setDefaultAutoSelectFamilyAttemptTimeout,
};

// Unused names kept out of lint's way.
void ERR_MISSING_ARGS; void ERR_SOCKET_BAD_PORT; void ERR_SOCKET_CLOSED_BEFORE_CONNECTION;
void UV_ECANCELED; void kBytesRead; void toNumber;

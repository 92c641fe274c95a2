'use strict';
// net.Socket: a stream.Duplex over a TCP or pipe handle of stream_wrap.
//
// Reads arrive as Buffers over the memory libuv read into; the readable side
// stops the handle when its buffer is full and starts it again from _read.
// Writes go to the handle in batches (_writev: one uv_write for all queued
// chunks) and most finish at once (uv_try_write), without a request.

const asyncContext = require('../async_hooks/context');
const { Duplex } = require('../../stream');
const { Buffer } = require('../../buffer');
const timers = require('../../timers');
const {
  codes: { ERR_INVALID_FD_TYPE, ERR_INVALID_HANDLE_TYPE, ERR_SOCKET_CLOSED },
  errnoException,
} = require('../errors');
const { validateFunction, validateInt32, validateNumber, validateString } =
  require('../validators');
const { TCP, Pipe } = require('./handles');
const args = require('./args');
const { abortWith } = require('./signal');

const UV_EOF = -4095;
const UV_ENOTCONN = -107;

// Everything a socket keeps besides Node's public and underscore fields.
const kSockState = Symbol('socketState');

let stdio;
function handleTypeOf(fd) {
  stdio ??= internalBinding('stdio');
  return stdio.guessHandleType(fd);
}

// Set by ./connect.js (which needs Socket): connect()'s second half.
let startConnecting;
function setConnector(fn) {
  startConnecting = fn;
}

// The `onread` option: reads go into the app's buffer and to its callback,
// not to 'data' events.
function readIntoOption(onread) {
  if (onread === null || typeof onread !== 'object') return null;
  const { buffer, callback } = onread;
  const usable = ArrayBuffer.isView(buffer) || typeof buffer === 'function';
  if (!usable || typeof callback !== 'function') return null;
  return { source: buffer, callback, current: null };
}

// Gives the handle the buffer its next read goes into.
function prepareReadBuffer(st, hw) {
  const into = st.readInto;
  into.current = typeof into.source === 'function' ? into.source() : into.source;
  hw.setReadBuffer(into.current);
}

// handle.onread of every socket.
function onHandleRead(nread, memory, hw) {
  const sock = hw.owner;
  if (sock === undefined) return;
  if (nread > 0) {
    sock._unrefTimer();
    const into = sock[kSockState].readInto;
    if (into !== null) {
      if (into.callback.call(sock, nread, into.current) === false) hw.readStop();
      if (sock._handle === hw && typeof into.source === 'function') {
        prepareReadBuffer(sock[kSockState], hw);
      }
      return;
    }
    // A full buffer stops reading; _read starts it again.
    if (!sock.push(Buffer.from(memory, 0, nread)) && hw.reading) hw.readStop();
    return;
  }
  if (nread !== UV_EOF) {
    sock.destroy(errnoException(nread, 'read'));
    return;
  }
  if (hw.reading) hw.readStop();
  sock.push(null);
  // Lets 'end' come now when nothing is buffered.
  sock.read(0);
}

// A string written with encoding 'buffer' (decodeStrings is off for
// sockets, so it gets this far): Node's stream handle rejects it with this
// native-style error, a message without the usual argument wording.
function notABuffer() {
  const err = new TypeError('Second argument must be a buffer');
  err.code = 'ERR_INVALID_ARG_TYPE';
  return err;
}

// req.oncomplete of a write that libuv queued.
function writeDone(status, req) {
  const sock = req.owner;
  if (status < 0 && !sock.destroyed) {
    req.done(errnoException(status, 'write'));
    return;
  }
  if (status >= 0) sock._unrefTimer();
  req.done(null);
}

function shutdownDone(status, req) {
  req.done();
}

// A socket that never had a handle closes without a hadError argument.
function emitBareClose(sock) {
  sock.emit('close');
}

function chunkLength(entry) {
  const { chunk } = entry;
  return typeof chunk === 'string' ? Buffer.byteLength(chunk, entry.encoding) : chunk.length;
}

// socket.write once the peer ended a socket that is not half-open: Duplex
// ends our side too; a write after that fails with Node's EPIPE error.
function writeAfterPeerEnded(data, enc, cb) {
  if (!this.writableEnded) return SocketBase.prototype.write.call(this, data, enc, cb);
  const done = typeof enc === 'function' ? enc : cb;
  // eslint-disable-next-line no-restricted-syntax
  const err = new Error('This socket has been ended by the other party');
  err.code = 'EPIPE';
  if (typeof done === 'function') process.nextTick(done, err);
  this.destroy(err);
  return false;
}

function onPeerEnded() {
  if (!this.allowHalfOpen) this.write = writeAfterPeerEnded;
}

// Callable without `new`, as in Node; the methods live on SocketBase.
function Socket(opts) {
  if (!(this instanceof Socket)) return new Socket(opts);
  const settings = typeof opts === 'number' ? { fd: opts } : Object.assign({}, opts);
  // The socket emits 'close' itself (when the handle is closed) and writes
  // strings as they come, without turning them into Buffers first. (Built
  // with Object.assign: a spread literal with fields after it costs about
  // 600 ns under V8 10.2, on every connection.)
  Duplex.call(this, Object.assign({}, settings, {
    // The socket follows options.signal itself (below), once.
    signal: undefined,
    allowHalfOpen: !!settings.allowHalfOpen,
    emitClose: false,
    autoDestroy: true,
    decodeStrings: false,
  }));
  this.connecting = false;
  this._hadError = false;
  this._handle = null;
  this._parent = null;
  this._host = null;
  this._peername = null;
  this._sockname = null;
  this._server = null;
  this.server = null;
  this.autoSelectFamilyAttemptedAddresses = undefined;
  this[kSockState] = {
    timer: null,
    timeoutMs: undefined,
    pendingWrite: null,
    noDelay: !!settings.noDelay,
    keepAlive: !!settings.keepAlive,
    keepAliveDelay: Math.max(0, ~~(settings.keepAliveInitialDelay / 1000)),
    closedRead: 0,
    closedWritten: 0,
    resetOnDestroy: false,
    readInto: readIntoOption(settings.onread),
  };

  if (settings.handle) {
    this._attach(settings.handle);
  } else if (settings.fd !== undefined) {
    this._attach(openFd(settings.fd));
  }
  this.on('end', onPeerEnded);
  if (settings.signal) {
    abortWith(this, settings.signal, 'options.signal', (reason) => this.destroy(reason));
  }
  if (this._handle !== null && settings.readable !== false) {
    if (settings.pauseOnCreate) {
      this._handle.readStop();
      this._readableState.flowing = false;
    } else if (!settings.manualStart) {
      this.read(0);
    }
  }
  if (settings.timeout !== undefined) this.setTimeout(settings.timeout);
}

// A handle for an inherited descriptor: a pipe or Unix socket, or TCP.
function openFd(descriptor) {
  validateInt32(descriptor, 'fd', 0);
  const kind = handleTypeOf(descriptor);
  let hw;
  if (kind === 'PIPE' || kind === 'UNIX') hw = new Pipe(false);
  else if (kind === 'TCP') hw = new TCP();
  else throw new ERR_INVALID_FD_TYPE(kind);
  const status = hw.open(descriptor);
  if (status !== 0) {
    hw.close();
    throw errnoException(status, 'open');
  }
  return hw;
}

class SocketBase extends Duplex {
  _attach(hw) {
    this._handle = hw;
    hw.owner = this;
    hw.onread = asyncContext.bindTo(hw[asyncContext.kFrame], onHandleRead);
    if (this[kSockState].readInto !== null) prepareReadBuffer(this[kSockState], hw);
  }

  get readyState() {
    if (this.connecting) return 'opening';
    const { readable, writable } = this;
    if (readable) return writable ? 'open' : 'readOnly';
    return writable ? 'writeOnly' : 'closed';
  }

  get pending() {
    return this._handle === null || this.connecting;
  }

  get bufferSize() {
    return this._handle === null ? undefined : this.writableLength;
  }

  get bytesRead() {
    const hw = this._handle;
    return hw === null ? this[kSockState].closedRead : hw.bytesRead;
  }

  // What the handle took plus what still waits in the stream's buffer.
  get bytesWritten() {
    const st = this[kSockState];
    const hw = this._handle;
    let total = hw === null ? st.closedWritten : hw.bytesWritten;
    for (const entry of this.writableBuffer) total += chunkLength(entry);
    if (st.pendingWrite !== null) {
      for (const entry of st.pendingWrite.chunks) total += chunkLength(entry);
    }
    return total;
  }

  _peer() {
    if (this._peername === null) {
      const hw = this._handle;
      const out = {};
      if (!(hw instanceof TCP) || hw.getpeername(out) !== 0) return {};
      this._peername = out;
    }
    return this._peername;
  }

  _local() {
    if (this._sockname === null) {
      const hw = this._handle;
      const out = {};
      if (!(hw instanceof TCP) || hw.getsockname(out) !== 0) return {};
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
    const hw = this._handle;
    if (!(hw instanceof Pipe)) return this._local();
    const name = hw.getsockname();
    return typeof name === 'string' ? name : {};
  }

  // Activity: the idle timers of this socket and of the ones wrapping it.
  _unrefTimer() {
    let sock = this;
    while (sock !== null) {
      const timer = sock[kSockState]?.timer;
      if (timer) timer.refresh();
      sock = sock._parent;
    }
  }

  setTimeout(ms, listener) {
    if (this.destroyed) return this;
    validateNumber(ms, 'msecs', 0);
    if (listener !== undefined) validateFunction(listener, 'callback');
    const st = this[kSockState];
    st.timeoutMs = ms;
    if (st.timer !== null) timers.clearTimeout(st.timer);
    st.timer = null;
    if (ms === 0) {
      if (listener !== undefined) this.removeListener('timeout', listener);
      return this;
    }
    st.timer = timers.setTimeout(() => {
      st.timer = null;
      this.emit('timeout');
    }, ms);
    st.timer.unref();
    if (listener !== undefined) this.once('timeout', listener);
    return this;
  }

  get timeout() {
    return this[kSockState].timeoutMs;
  }

  setNoDelay(enable) {
    const st = this[kSockState];
    const on = enable === undefined || !!enable;
    const hw = this._handle;
    if (st.noDelay !== on && hw instanceof TCP) hw.setNoDelay(on);
    st.noDelay = on;
    return this;
  }

  setKeepAlive(enable, initialDelay = 0) {
    const st = this[kSockState];
    const on = !!enable;
    const delay = Math.max(0, ~~(initialDelay / 1000));
    const changed = on !== st.keepAlive || (on && delay !== st.keepAliveDelay);
    const hw = this._handle;
    if (changed && hw instanceof TCP && !this.connecting) hw.setKeepAlive(on, delay);
    st.keepAlive = on;
    st.keepAliveDelay = delay;
    return this;
  }

  ref() {
    if (this._handle === null) this.once('connect', () => this.ref());
    else this._handle.ref();
    return this;
  }

  unref() {
    if (this._handle === null) this.once('connect', () => this.unref());
    else this._handle.unref();
    return this;
  }

  pause() {
    // Reading that starts with the connection must not start for a paused
    // socket; with the onread option there is no buffer to hold more.
    const hw = this._handle;
    const stop = this.connecting || this[kSockState].readInto !== null;
    if (stop && hw !== null && hw.reading) hw.readStop();
    return super.pause();
  }

  resume() {
    if (this._canStartReading()) this._startReading();
    return super.resume();
  }

  read(n) {
    if (n === 0 && this._canStartReading()) this._startReading();
    return super.read(n);
  }

  _canStartReading() {
    const hw = this._handle;
    return hw !== null && !hw.reading && !this.connecting && !this.destroyed &&
      !this._readableState.ended;
  }

  _startReading() {
    const status = this._handle.readStart();
    if (status !== 0) this.destroy(errnoException(status, 'read'));
  }

  _read() {
    if (this.connecting || this._handle === null) {
      this.once('connect', () => this._read());
      return;
    }
    if (this._canStartReading()) this._startReading();
  }

  // Sends [{ chunk, encoding }] in one request; `done(err)` when the handle
  // took them. While connecting they wait for 'connect'.
  _sendChunks(chunks, done) {
    const st = this[kSockState];
    if (this.connecting) {
      st.pendingWrite = { chunks, done };
      this.once('connect', () => this._flushPending());
      return;
    }
    st.pendingWrite = null;
    const hw = this._handle;
    if (hw === null) {
      done(new ERR_SOCKET_CLOSED());
      return;
    }
    this._unrefTimer();
    // utf8 strings go to C++ as they are; other encodings become bytes here.
    const list = chunks.map(({ chunk, encoding }) => {
      if (typeof chunk !== 'string' || encoding === 'utf8' || encoding === 'utf-8') return chunk;
      if (encoding === 'buffer') throw notABuffer();
      return Buffer.from(chunk, encoding);
    });
    const req = { oncomplete: asyncContext.bind(writeDone, 'WRITEWRAP'), owner: this, done };
    const status = hw.writev(req, list, false);
    if (status === 1) {
      done(null);
    } else if (status < 0) {
      this.destroy(errnoException(status, 'write'));
      done(null);
    }
  }

  _flushPending() {
    const waiting = this[kSockState].pendingWrite;
    this[kSockState].pendingWrite = null;
    if (waiting !== null) this._sendChunks(waiting.chunks, waiting.done);
  }

  _writev(chunks, cb) {
    this._sendChunks(chunks, cb);
  }

  _write(data, enc, cb) {
    this._sendChunks([{ chunk: data, encoding: enc }], cb);
  }

  _final(cb) {
    if (this.connecting) {
      this.once('connect', () => this._final(cb));
      return;
    }
    const hw = this._handle;
    if (hw === null) {
      cb();
      return;
    }
    const status = hw.shutdown({ oncomplete: asyncContext.bind(shutdownDone, 'SHUTDOWNWRAP'), owner: this, done: cb });
    if (status === UV_ENOTCONN) cb();
    else if (status !== 0) cb(errnoException(status, 'shutdown'));
  }

  destroySoon() {
    if (this.writable) this.end();
    if (!this.writableFinished) this.once('finish', () => this.destroy());
    else this.destroy();
  }

  resetAndDestroy() {
    const hw = this._handle;
    if (hw === null) return this.destroy(new ERR_SOCKET_CLOSED());
    if (!(hw instanceof TCP)) throw new ERR_INVALID_HANDLE_TYPE();
    if (this.connecting) {
      this.once('connect', () => this.resetAndDestroy());
    } else {
      this[kSockState].resetOnDestroy = true;
      this.destroy();
    }
    return this;
  }

  _destroy(err, cb) {
    const st = this[kSockState];
    if (st.timer !== null) timers.clearTimeout(st.timer);
    st.timer = null;
    this.connecting = false;
    const hadError = !!err;
    this._hadError = hadError;
    const hw = this._handle;
    if (hw === null) {
      cb(err);
      process.nextTick(emitBareClose, this);
    } else {
      st.closedRead = hw.bytesRead;
      st.closedWritten = hw.bytesWritten;
      hw.onread = null;
      this._handle = null;
      this._sockname = null;
      const closed = () => this.emit('close', hadError);
      let status = 0;
      if (st.resetOnDestroy) {
        st.resetOnDestroy = false;
        status = hw.reset(closed);
      } else {
        hw.close(closed);
      }
      cb(status !== 0 ? errnoException(status, 'reset') : err);
    }
    const owner = this._server;
    if (owner !== null) {
      this._server = null;
      owner._connectionGone();
    }
  }

  connect(...list) {
    const [opts, cb] = args.isSplit(list[0]) ? list[0] : args.splitArgs(list);
    if (this.write !== SocketBase.prototype.write) this.write = SocketBase.prototype.write;
    if (this.destroyed) {
      this._handle = null;
      this._peername = null;
      this._sockname = null;
      this._undestroy();
    }
    if (cb !== null) this.once('connect', cb);
    if (opts.timeout) this.setTimeout(opts.timeout);
    const viaPath = opts.path !== undefined && opts.path !== null;
    if (viaPath) validateString(opts.path, 'options.path');
    if (this._handle === null) this._attach(viaPath ? new Pipe(false) : new TCP());
    this.connecting = true;
    startConnecting(this, opts, viaPath);
    return this;
  }

  // Called by ./connect.js once the handle is connected.
  _connected() {
    const st = this[kSockState];
    const hw = this._handle;
    this.connecting = false;
    this._sockname = null;
    if (hw instanceof TCP) {
      if (st.noDelay) hw.setNoDelay(true);
      if (st.keepAlive) hw.setKeepAlive(true, st.keepAliveDelay);
    }
    this._unrefTimer();
    this.emit('connect');
    this.emit('ready');
    if (this.readable && !this.isPaused()) this.read(0);
  }
}

Socket.prototype = SocketBase.prototype;
Object.defineProperty(Socket.prototype, 'constructor', {
  value: Socket, writable: true, configurable: true, enumerable: false,
});
Object.setPrototypeOf(Socket, Duplex);

module.exports = { Socket, setConnector };

'use strict';
// TCP and Pipe: JS objects owning the libuv stream handles of the stream_wrap
// binding, shared by node:net and child_process.
//
// The binding names each open handle by an id and calls back into methods
// of the owner object with the owner as the last argument (so one shared
// function serves every handle). Consumers set, as own properties:
//   handle.onread(nread, arrayBuffer, handle)   nread < 0: a libuv error,
//                                               binding.UV_EOF at the end
//   handle.onconnection(status, clientHandle)  called as a method
// and pass request objects with oncomplete(status, req) to writev, shutdown
// and connect. After close() every method answers UV_EBADF.

const asyncContext = require('../async_hooks/context');

let binding;
function native() {
  if (binding === undefined) binding = internalBinding('stream_wrap');
  return binding;
}

// errno values the JS side needs before any handle exists (Linux).
const UV_EBADF = -9;

// Where stats() writes; one array serves every handle (single-threaded).
let statsArray;

// An accepted connection: the binding made the handle, JS wraps it and
// calls server.onconnection(status, clientHandle) as a method.
function onConnection(status, clientId, server) {
  let client = null;
  if (status === 0) {
    client = Object.create(server.constructor.prototype);
    client._init(clientId, false);
    native().adopt(clientId, client);
  }
  if (typeof server.onconnection === 'function') server.onconnection(status, client);
}

function onClose(handle) {
  const cb = handle._closeCallback;
  handle._closeCallback = null;
  if (typeof cb === 'function') cb.call(handle);
}

class StreamHandle {
  _init(id, ipc) {
    // Reads, connections and close run in the context the handle was made in.
    asyncContext.attach(this, this instanceof TCP ? 'TCPWRAP' : 'PIPEWRAP');
    this.id = id;
    this.ipc = ipc;
    this.reading = false;
    this.onread = null;
    this.onconnection = null;
    this._closeCallback = null;
    this.onclose = onClose;
  }

  // Called by the binding with the id of an accepted handle.
  _onconnection(status, clientId, self) {
    onConnection(status, clientId, self);
  }

  get closed() {
    return this.id < 0;
  }

  readStart() {
    if (this.id < 0) return UV_EBADF;
    const err = native().readStart(this.id);
    if (err === 0) this.reading = true;
    return err;
  }

  // Reads go into `view` from now on (onread then gets no ArrayBuffer), or
  // into fresh memory again with null.
  setReadBuffer(view) {
    if (this.id < 0) return UV_EBADF;
    return native().setReadBuffer(this.id, view);
  }

  readStop() {
    if (this.id < 0) return UV_EBADF;
    this.reading = false;
    return native().readStop(this.id);
  }

  // Writes an array of Buffers and strings (utf8, or latin1 when `latin1`)
  // with one uv_write. Returns 1 when it finished at once (req is not
  // completed then), 0 when req.oncomplete(status, req) follows, or an error.
  writev(req, chunks, latin1 = false) {
    if (this.id < 0) return UV_EBADF;
    return native().writev(this.id, req, chunks, latin1);
  }

  // writev() of one or two chunks (`second` may be undefined), passed as
  // arguments: the native side reads no array then.
  writeParts(req, latin1, first, second) {
    if (this.id < 0) return UV_EBADF;
    return native().writeParts(this.id, req, latin1, first, second);
  }

  shutdown(req) {
    if (this.id < 0) return UV_EBADF;
    return native().shutdown(this.id, req);
  }

  // The callback runs once libuv has closed the handle; a second close is
  // ignored.
  close(callback) {
    if (this.id < 0) return;
    const id = this.id;
    this.id = -1;
    this.reading = false;
    this._closeCallback = asyncContext.bindTo(this[asyncContext.kFrame], callback) ?? null;
    native().close(id);
  }

  // Closes a TCP connection with RST instead of FIN.
  reset(callback) {
    if (this.id < 0) return UV_EBADF;
    const id = this.id;
    this.id = -1;
    this.reading = false;
    this._closeCallback = callback ?? null;
    return native().reset(id);
  }

  ref() {
    if (this.id >= 0) native().ref(this.id);
  }

  unref() {
    if (this.id >= 0) native().unref(this.id);
  }

  hasRef() {
    return this.id >= 0 && native().hasRef(this.id);
  }

  _stat(index) {
    if (this.id < 0) return 0;
    statsArray ??= new Float64Array(3);
    native().stats(this.id, statsArray);
    return statsArray[index];
  }

  get bytesRead() {
    return this._stat(0);
  }

  get bytesWritten() {
    return this._stat(1);
  }

  get writeQueueSize() {
    return this._stat(2);
  }

  get fd() {
    if (this.id < 0) return -1;
    const fd = native().fileno(this.id);
    return fd < 0 ? -1 : fd;
  }

  listen(backlog) {
    if (this.id < 0) return UV_EBADF;
    return native().listen(this.id, backlog | 0);
  }

  // An IPC pipe only: writes `chunks` with the handle `sent` attached (its
  // descriptor travels with the bytes, as SCM_RIGHTS). As writev.
  writeHandle(req, chunks, sent) {
    if (this.id < 0 || sent.id < 0) return UV_EBADF;
    return native().writev(this.id, req, chunks, false, sent.id);
  }

  // An IPC pipe only: writes `chunks` with the descriptor `fd` (a UDP
  // socket's) attached. As writev.
  writeFd(req, chunks, fd) {
    if (this.id < 0 || !(fd >= 0)) return UV_EBADF;
    return native().writev(this.id, req, chunks, false, undefined, fd);
  }

  // An IPC pipe only: the next handle it received, as a TCP or a Pipe (or,
  // for a UDP socket, a ReceivedDescriptor), or null when none is waiting.
  acceptHandle() {
    if (this.id < 0) return null;
    const kind = native().pendingKind(this.id);
    if (kind === 3) {
      const fd = native().acceptPendingFd(this.id);
      return fd < 0 ? null : new ReceivedDescriptor(fd);
    }
    if (kind !== 1 && kind !== 2) return null;
    // eslint-disable-next-line no-use-before-define
    const hw = Object.create((kind === 1 ? TCP : Pipe).prototype);
    hw._init(-1, false);
    const id = native().acceptPending(this.id, hw);
    if (id < 0) return null;
    hw.id = id;
    return hw;
  }
}

// A UDP socket's descriptor that came over IPC, until node:dgram opens it
// (take()) or it is dropped (close()).
class ReceivedDescriptor {
  constructor(fd) {
    this.fd = fd;
  }

  get closed() {
    return this.fd < 0;
  }

  take() {
    const { fd } = this;
    this.fd = -1;
    return fd;
  }

  close() {
    if (this.fd < 0) return;
    const { UDP } = require('../dgram/handle');
    const udp = new UDP(false);
    if (udp.adopt(this.take()) === 0) udp.close();
  }
}

class TCP extends StreamHandle {
  constructor() {
    super();
    this._init(-1, false);
    const id = native().tcpNew(this);
    if (id < 0) throw new Error(`uv_tcp_init failed: ${id}`);
    this.id = id;
  }

  open(fd) {
    if (this.id < 0) return UV_EBADF;
    return native().tcpOpen(this.id, fd);
  }

  bind(address, port) {
    if (this.id < 0) return UV_EBADF;
    return native().tcpBind(this.id, address, port, false, false);
  }

  bind6(address, port, ipv6Only = false) {
    if (this.id < 0) return UV_EBADF;
    return native().tcpBind(this.id, address, port, true, ipv6Only);
  }

  connect(req, address, port) {
    if (this.id < 0) return UV_EBADF;
    return native().tcpConnect(this.id, req, address, port, false);
  }

  connect6(req, address, port) {
    if (this.id < 0) return UV_EBADF;
    return native().tcpConnect(this.id, req, address, port, true);
  }

  // Fills out.address, out.family and out.port; returns 0 or an error.
  getsockname(out) {
    if (this.id < 0) return UV_EBADF;
    return native().getsockname(this.id, out);
  }

  getpeername(out) {
    if (this.id < 0) return UV_EBADF;
    return native().getpeername(this.id, out);
  }

  setNoDelay(enable) {
    if (this.id < 0) return UV_EBADF;
    return native().setNoDelay(this.id, !!enable);
  }

  setKeepAlive(enable, delaySeconds) {
    if (this.id < 0) return UV_EBADF;
    return native().setKeepAlive(this.id, !!enable, delaySeconds >>> 0);
  }
}

class Pipe extends StreamHandle {
  constructor(ipc = false) {
    super();
    this._init(-1, !!ipc);
    const id = native().pipeNew(this, !!ipc);
    if (id < 0) throw new Error(`uv_pipe_init failed: ${id}`);
    this.id = id;
  }

  open(fd) {
    if (this.id < 0) return UV_EBADF;
    return native().pipeOpen(this.id, fd);
  }

  bind(path) {
    if (this.id < 0) return UV_EBADF;
    return native().pipeBind(this.id, path);
  }

  connect(req, path) {
    if (this.id < 0) return UV_EBADF;
    return native().pipeConnect(this.id, req, path);
  }

  // mode: 'r', 'w' or 'rw' style bits, UV_READABLE | UV_WRITABLE.
  fchmod(mode) {
    if (this.id < 0) return UV_EBADF;
    return native().pipeChmod(this.id, mode);
  }

  // The bound path, or an error code.
  getsockname() {
    if (this.id < 0) return UV_EBADF;
    return native().pipeGetsockname(this.id);
  }

  getpeername() {
    if (this.id < 0) return UV_EBADF;
    return native().pipeGetpeername(this.id);
  }
}

function constants() {
  const b = native();
  return { UV_EOF: b.UV_EOF, UV_READABLE: b.UV_READABLE, UV_WRITABLE: b.UV_WRITABLE };
}

module.exports = { Pipe, ReceivedDescriptor, StreamHandle, TCP, UV_EBADF, constants };

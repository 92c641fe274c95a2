'use strict';
// UDP: the JS owner of one libuv UDP handle of the udp_wrap binding, used by
// node:dgram's Socket.
//
// Every method answers 0 or a negative libuv error code (UV_EBADF once the
// handle is closed); the Socket turns codes into Node's errors. The binding
// calls back, with this object as the last argument:
//   onmessage(nread, arrayBuffer, address, port, v6)  forwarded to `sink`
//   onclose()
// and a send request's oncomplete(status, req).

let binding;
function native() {
  binding ??= internalBinding('udp_wrap');
  return binding;
}

const UV_EBADF = -9;

function closed(self) {
  const done = self.closeCallback;
  self.closeCallback = null;
  if (typeof done === 'function') done();
}

class UDP {
  constructor(v6) {
    this.v6 = v6;
    this.sink = null;
    this.closeCallback = null;
    this.onmessage = deliverThrough;
    this.onclose = closed;
    const id = native().udpNew(this);
    // udpNew only fails when the loop cannot make a handle at all.
    this.id = id >= 0 ? id : -1;
  }

  get open() {
    return this.id >= 0;
  }

  bind(address, port, flags) {
    return this.id < 0 ? UV_EBADF : native().bind(this.id, address, port, this.v6, flags);
  }

  adopt(fd) {
    return this.id < 0 ? UV_EBADF : native().open(this.id, fd);
  }

  connect(address, port) {
    return this.id < 0 ? UV_EBADF : native().connect(this.id, address, port, this.v6);
  }

  disconnect() {
    return this.id < 0 ? UV_EBADF : native().disconnect(this.id);
  }

  // The local (or, with peer, remote) address into `out`.
  name(out, peer) {
    if (this.id < 0) return UV_EBADF;
    return peer ? native().getpeername(this.id, out) : native().getsockname(this.id, out);
  }

  recvStart() {
    return this.id < 0 ? UV_EBADF : native().recvStart(this.id);
  }

  recvStop() {
    return this.id < 0 ? UV_EBADF : native().recvStop(this.id);
  }

  // 1: sent now; 0: req.oncomplete(status) comes later; < 0: an error.
  send(req, chunks, address, port) {
    if (this.id < 0) return UV_EBADF;
    return native().send(this.id, req, chunks, address, port, this.v6);
  }

  option(name, value) {
    if (this.id < 0) return UV_EBADF;
    return native().setOption(this.id, native()[name], value);
  }

  multicastInterface(address) {
    return this.id < 0 ? UV_EBADF : native().setMulticastInterface(this.id, address);
  }

  membership(group, iface, join) {
    return this.id < 0 ? UV_EBADF : native().membership(this.id, group, iface, join);
  }

  sourceMembership(source, group, iface, join) {
    if (this.id < 0) return UV_EBADF;
    return native().sourceMembership(this.id, source, group, iface, join);
  }

  // The kernel's buffer size (size 0 only asks), or an error code.
  bufferSize(size, recv) {
    return this.id < 0 ? UV_EBADF : native().bufferSize(this.id, size, recv);
  }

  queueSize() {
    return this.id < 0 ? 0 : native().queueSize(this.id);
  }

  queueCount() {
    return this.id < 0 ? 0 : native().queueCount(this.id);
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

  fileno() {
    return this.id < 0 ? UV_EBADF : native().fileno(this.id);
  }

  close(callback) {
    if (this.id < 0) return;
    this.closeCallback = callback ?? null;
    native().close(this.id);
    this.id = -1;
  }
}

// The binding calls owner.onmessage; one function serves every handle and
// forwards to the Socket's listener, `sink`.
function deliverThrough(nread, arrayBuffer, address, port, v6, self) {
  const sink = self.sink;
  if (sink !== null) sink(nread, arrayBuffer, address, port, v6);
}

module.exports = { UDP };

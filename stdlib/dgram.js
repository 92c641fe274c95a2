'use strict';
// node:dgram: UDP sockets (udp4/udp6) on the udp_wrap binding: bind (with an
// implicit bind on first send or connect), send with host name lookup,
// connected sockets, socket options and multicast membership.

const EventEmitter = require('./events');
const { Buffer } = require('./buffer');
const {
  codes: {
    ERR_BUFFER_OUT_OF_BOUNDS, ERR_INVALID_ARG_TYPE, ERR_MISSING_ARGS,
    ERR_SOCKET_ALREADY_BOUND, ERR_SOCKET_BAD_BUFFER_SIZE, ERR_SOCKET_BAD_TYPE,
    ERR_SOCKET_BUFFER_SIZE, ERR_SOCKET_DGRAM_IS_CONNECTED,
    ERR_SOCKET_DGRAM_NOT_CONNECTED, ERR_SOCKET_DGRAM_NOT_RUNNING,
  },
  errnoException, exceptionWithHostPort, getSystemErrorMessage, getSystemErrorName,
} = require('./internal/errors');
const {
  validateAbortSignal, validateFunction, validateNumber, validatePort,
  validateString, validateUint32,
} = require('./internal/validators');
const { isIP } = require('./internal/net/ip');
const { UDP } = require('./internal/dgram/handle');
const clusterRole = require('./internal/cluster/role');

// Where a socket is in binding and connecting.
const UNBOUND = 0;
const BINDING = 1;
const BOUND = 2;
const DISCONNECTED = 0;
const CONNECTING = 1;
const CONNECTED = 2;

// libuv's bind flags (uv.h values).
const kIpv6Only = 1;
const kReuseAddr = 4;

const kInner = Symbol('dgram socket');

let dns;

// The resolver a socket uses: the app's `lookup` option, or dns.lookup with
// the socket's family. An IP literal needs no resolver call, only the
// asynchrony one would have.
function resolverFor(family, custom) {
  if (custom !== undefined) {
    // What the app's lookup answers must be text for the binding; anything
    // else is an address the kernel rejects (EINVAL), as in Node.
    return (host, done) => custom(host, family, (err, ip, ...rest) => {
      done(err, err || typeof ip === 'string' ? ip : String(ip), ...rest);
    });
  }
  return (host, done) => {
    const kind = typeof host === 'string' ? isIP(host) : 0;
    if (kind !== 0) {
      process.nextTick(done, null, host, kind);
      return;
    }
    dns ??= require('./dns');
    dns.lookup(host, family, done);
  };
}

const kByteTypes = ['string', 'Buffer', 'TypedArray', 'DataView'];

function isBytes(value) {
  return typeof value === 'string' || ArrayBuffer.isView(value);
}

// send()'s message as an array of strings and byte views.
function messageList(msg) {
  if (Array.isArray(msg)) {
    for (const part of msg) {
      if (!isBytes(part)) {
        throw new ERR_INVALID_ARG_TYPE('buffer list arguments', kByteTypes, msg);
      }
    }
    return msg;
  }
  if (!isBytes(msg)) {
    throw new ERR_INVALID_ARG_TYPE('buffer', kByteTypes, msg);
  }
  return [msg];
}

// The bytes [offset, offset + length) of one message.
function sliceMessage(msg, offset, length) {
  if (!isBytes(msg)) {
    throw new ERR_INVALID_ARG_TYPE('buffer', kByteTypes, msg);
  }
  const bytes = typeof msg === 'string' ? Buffer.from(msg) :
    Buffer.from(msg.buffer, msg.byteOffset, msg.byteLength);
  const start = offset >>> 0;
  if (start > bytes.length) throw new ERR_BUFFER_OUT_OF_BOUNDS('offset');
  const count = length === undefined ? bytes.length - start : length >>> 0;
  if (count > bytes.length - start) throw new ERR_BUFFER_OUT_OF_BOUNDS('length');
  return bytes.subarray(start, start + count);
}

function byteCount(list) {
  let total = 0;
  for (const part of list) {
    total += typeof part === 'string' ? Buffer.byteLength(part) : part.byteLength;
  }
  return total;
}

// A buffer size to set: a positive int32.
function checkedSize(size) {
  if (Number.isInteger(size) && size > 0 && size <= 0x7fffffff) return size;
  throw new ERR_SOCKET_BAD_BUFFER_SIZE();
}

function bufferSizeError(errno, syscall) {
  return new ERR_SOCKET_BUFFER_SIZE({
    errno, code: getSystemErrorName(errno), message: getSystemErrorMessage(errno), syscall,
  });
}

// A send's failure goes to its callback, or else to 'error'; either way
// after the current operation, as libuv completions would arrive.
function failSend(sock, err, callback) {
  if (typeof callback === 'function') process.nextTick(callback, err);
  else process.nextTick(() => sock.emit('error', err));
}

function onDatagram(sock, nread, arrayBuffer, address, port, v6) {
  if (nread < 0) {
    sock.emit('error', errnoException(nread, 'recvmsg'));
    return;
  }
  const rinfo = { address, family: v6 ? 'IPv6' : 'IPv4', port, size: nread };
  sock.emit('message', Buffer.from(arrayBuffer, 0, nread), rinfo);
}

// bind()'s forms: (port, address, callback), (port, callback), (callback),
// (options, callback).
function bindArgs(where, host, done) {
  if (typeof where === 'function') return { port: 0, address: undefined, callback: where };
  if (where !== null && typeof where === 'object') {
    return {
      port: where.port, address: where.address, callback: host, fd: where.fd,
      exclusive: !!where.exclusive,
    };
  }
  if (typeof host === 'function') return { port: where, address: undefined, callback: host };
  return { port: where, address: host, callback: done };
}

// send()'s arguments on a connected socket: a slice when the third one is
// a number, a callback, and never a destination.
function connectedSendArgs(msg, [a1, a2, a3, a4]) {
  const sliced = typeof a2 === 'number';
  const list = sliced ? [sliceMessage(msg, a1, a2)] : messageList(msg);
  let callback = sliced ? undefined : a1;
  let destination = a3;
  if (sliced && typeof a3 === 'function') {
    callback = a3;
    destination = undefined;
  }
  if (destination || a4) throw new ERR_SOCKET_DGRAM_IS_CONNECTED();
  return { list, port: undefined, address: undefined, callback: typeof callback === 'function' ? callback : undefined };
}

// send()'s arguments otherwise: (offset, length, port, address, callback)
// when an address or a port sits in the slots after offset and length,
// else (port, address, callback).
function sendArgs(msg, [a1, a2, a3, a4, a5]) {
  const sliced = Boolean(a4) || (Boolean(a3) && typeof a3 !== 'function');
  let [list, port, address, callback] = sliced ?
    [[sliceMessage(msg, a1, a2)], a3, a4, a5] : [messageList(msg), a1, a2, a3];
  if (typeof address === 'function') [callback, address] = [address, undefined];
  port = validatePort(port, 'Port', false);
  if (address != null) validateString(address, 'address');
  return { list, port, address, callback: typeof callback === 'function' ? callback : undefined };
}

class Socket extends EventEmitter {
  constructor(type, listener) {
    super();
    const options = typeof type === 'object' && type ? type : undefined;
    if (options) type = options.type;
    if (type !== 'udp4' && type !== 'udp6') throw new ERR_SOCKET_BAD_TYPE();
    const settings = {
      handle: null, receiving: false, bindState: UNBOUND, connectState: DISCONNECTED,
      queue: undefined, reuseAddr: false, ipv6Only: false,
      recvBufferSize: undefined, sendBufferSize: undefined, resolve: null, onAbort: null,
    };
    if (options) {
      if (options.lookup !== undefined) validateFunction(options.lookup, 'lookup');
      for (const key of ['recvBufferSize', 'sendBufferSize']) {
        if (options[key] !== undefined) {
          validateUint32(options[key], `options.${key}`);
          settings[key] = options[key];
        }
      }
      settings.reuseAddr = !!options.reuseAddr;
      settings.ipv6Only = !!options.ipv6Only;
    }
    this.type = type;
    settings.resolve = resolverFor(type === 'udp4' ? 4 : 6, options?.lookup);
    const handle = new UDP(type === 'udp6');
    handle.sink = (nread, ab, address, port, v6) => onDatagram(this, nread, ab, address, port, v6);
    settings.handle = handle;
    this[kInner] = settings;
    if (typeof listener === 'function') this.on('message', listener);
    const signal = options ? options.signal : undefined;
    if (signal !== undefined) {
      validateAbortSignal(signal, 'options.signal');
      if (signal.aborted) {
        process.nextTick(() => this.close());
      } else {
        settings.onAbort = () => this.close();
        signal.addEventListener('abort', settings.onAbort, { once: true });
        settings.signal = signal;
      }
    }
  }

  // The open handle, or ERR_SOCKET_DGRAM_NOT_RUNNING once closed.
  _healthCheck() {
    const { handle } = this[kInner];
    if (handle === null) throw new ERR_SOCKET_DGRAM_NOT_RUNNING();
    return handle;
  }

  // Runs `task` once the implicit or pending bind has finished.
  _whenBound(task) {
    const inner = this[kInner];
    if (inner.queue === undefined) {
      inner.queue = [];
      const flush = () => {
        this.removeListener('error', drop);
        const tasks = inner.queue;
        inner.queue = undefined;
        for (const run of tasks) run();
      };
      const drop = () => {
        this.removeListener('listening', flush);
        inner.queue = undefined;
      };
      this.once('listening', flush);
      this.once('error', drop);
    }
    inner.queue.push(task);
  }

  bind(where, second, done) {
    const inner = this[kInner];
    const handle = this._healthCheck();
    if (inner.bindState !== UNBOUND) throw new ERR_SOCKET_ALREADY_BOUND();
    const { port, address, callback, fd, exclusive } = bindArgs(where, second, done);
    inner.bindState = BINDING;
    if (typeof callback === 'function') this.once('listening', callback);
    if (Number.isInteger(fd) && fd >= 0 && fd <= 0x7fffffff) {
      const err = handle.adopt(fd);
      if (err !== 0) {
        inner.bindState = UNBOUND;
        throw errnoException(err, 'open');
      }
      process.nextTick(() => this._startListening());
      return this;
    }
    // As the kernel takes it: the low 16 bits of the number.
    const wanted = (Number(port) >>> 0) & 0xffff;
    const host = address || (this.type === 'udp4' ? '0.0.0.0' : '::');
    inner.resolve(host, (err, ip) => {
      if (inner.handle !== handle) return;
      if (err) {
        inner.bindState = UNBOUND;
        this.emit('error', err);
        return;
      }
      const flags = (inner.reuseAddr ? kReuseAddr : 0) | (inner.ipv6Only ? kIpv6Only : 0);
      if (!exclusive && clusterRole.worker !== null) {
        this._bindShared(ip, wanted, flags);
        return;
      }
      const status = handle.bind(ip, wanted, flags);
      if (status !== 0) {
        inner.bindState = UNBOUND;
        this.emit('error', exceptionWithHostPort(status, 'bind', ip, wanted));
        return;
      }
      this._startListening();
    });
    return this;
  }

  // In a cluster worker: the primary binds, and this socket takes over the
  // handle it sends (internal/cluster/child.js).
  _bindShared(ip, port, flags) {
    const inner = this[kInner];
    const own = inner.handle;
    const query = { address: ip, port, addressType: this.type, flags };
    clusterRole.worker.bindUdp(this, query, (errno, shared) => {
      if (inner.handle !== own) {
        shared?.close();
        return;
      }
      if (errno !== 0) {
        inner.bindState = UNBOUND;
        this.emit('error', exceptionWithHostPort(errno, 'bind', ip, port));
        return;
      }
      shared.sink = own.sink;
      own.close();
      inner.handle = shared;
      this._startListening();
    });
  }

  _startListening() {
    const inner = this[kInner];
    const { handle } = inner;
    if (handle === null) return;
    if (inner.recvBufferSize !== undefined) this.setRecvBufferSize(inner.recvBufferSize);
    if (inner.sendBufferSize !== undefined) this.setSendBufferSize(inner.sendBufferSize);
    const err = handle.recvStart();
    if (err !== 0) {
      inner.bindState = UNBOUND;
      this.emit('error', errnoException(err, 'recvStart'));
      return;
    }
    inner.receiving = true;
    inner.bindState = BOUND;
    this.emit('listening');
  }

  _stopReceiving() {
    const inner = this[kInner];
    if (!inner.receiving) return;
    inner.handle.recvStop();
    inner.receiving = false;
  }

  connect(peerPort, peerHost, onConnect) {
    const port = validatePort(peerPort, 'Port', false);
    const given = typeof peerHost === 'function' ? peerHost : onConnect;
    const callback = given instanceof Function ? given : undefined;
    const address = typeof peerHost === 'function' ? '' : peerHost ?? '';
    validateString(address, 'address');
    const inner = this[kInner];
    this._healthCheck();
    if (inner.connectState !== DISCONNECTED) throw new ERR_SOCKET_DGRAM_IS_CONNECTED();
    inner.connectState = CONNECTING;
    if (inner.bindState === UNBOUND) this.bind({ port: 0, exclusive: true }, null);
    if (callback) this.once('connect', callback);
    const run = () => this._connectNow(port, address, callback);
    if (inner.bindState !== BOUND) this._whenBound(run);
    else run();
  }

  _connectNow(port, address, callback) {
    const inner = this[kInner];
    const { handle } = inner;
    const host = address || (this.type === 'udp4' ? '127.0.0.1' : '::1');
    inner.resolve(host, (err, ip) => {
      if (inner.handle !== handle) return;
      let failure = err;
      if (!failure) {
        const status = handle.connect(ip, port);
        if (status !== 0) failure = exceptionWithHostPort(status, 'connect', address, port);
      }
      if (failure) {
        inner.connectState = DISCONNECTED;
        process.nextTick(() => {
          if (callback) {
            this.removeListener('connect', callback);
            callback(failure);
          } else {
            this.emit('error', failure);
          }
        });
        return;
      }
      inner.connectState = CONNECTED;
      process.nextTick(() => this.emit('connect'));
    });
  }

  disconnect() {
    const inner = this[kInner];
    const handle = this._healthCheck();
    if (inner.connectState !== CONNECTED) throw new ERR_SOCKET_DGRAM_NOT_CONNECTED();
    const err = handle.disconnect();
    if (err !== 0) throw errnoException(err, 'connect');
    inner.connectState = DISCONNECTED;
  }

  // send(msg[, offset, length][, port][, address][, callback])
  send(msg, ...rest) {
    const inner = this[kInner];
    const connected = inner.connectState === CONNECTED;
    const { list, port, address, callback } =
      connected ? connectedSendArgs(msg, rest) : sendArgs(msg, rest);
    this._healthCheck();
    if (inner.bindState === UNBOUND) this.bind({ port: 0, exclusive: true }, null);
    const go = () => this._sendResolved(list, port, address, callback, connected);
    if (inner.bindState !== BOUND) this._whenBound(go);
    else go();
  }

  _sendResolved(list, port, address, callback, connected) {
    const inner = this[kInner];
    const { handle } = inner;
    if (handle === null) return;
    if (connected) {
      this._transmit(handle, list, undefined, undefined, callback);
      return;
    }
    const host = address || (this.type === 'udp4' ? '127.0.0.1' : '::1');
    inner.resolve(host, (err, ip) => {
      if (inner.handle !== handle) return;
      if (err) {
        failSend(this, err, callback);
        return;
      }
      this._transmit(handle, list, ip, port, callback);
    });
  }

  _transmit(handle, list, ip, port, callback) {
    const bytes = byteCount(list);
    const req = {
      oncomplete: (status) => {
        if (typeof callback !== 'function') {
          if (status < 0) this.emit('error', exceptionWithHostPort(status, 'send', ip, port));
          return;
        }
        if (status < 0) callback(exceptionWithHostPort(status, 'send', ip, port));
        else callback(null, bytes);
      },
    };
    const status = handle.send(req, list, ip, port);
    if (status < 0) {
      failSend(this, exceptionWithHostPort(status, 'send', ip, port), callback);
    } else if (status === 1 && typeof callback === 'function') {
      process.nextTick(callback, null, bytes);
    }
  }

  // The old form of send(): every argument given.
  sendto(bytes, from, count, toPort, toHost, done) {
    for (const [value, name] of [[from, 'offset'], [count, 'length'], [toPort, 'port']]) {
      validateNumber(value, name);
    }
    validateString(toHost, 'address');
    return this.send(bytes, from, count, toPort, toHost, done);
  }

  close(callback) {
    const inner = this[kInner];
    if (typeof callback === 'function') this.on('close', callback);
    if (inner.queue !== undefined) {
      inner.queue.push(() => this.close());
      return this;
    }
    const handle = this._healthCheck();
    this._stopReceiving();
    handle.close();
    inner.handle = null;
    if (inner.onAbort !== null) {
      inner.signal.removeEventListener('abort', inner.onAbort);
      inner.onAbort = null;
    }
    process.nextTick(() => this.emit('close'));
    return this;
  }

  [Symbol.asyncDispose]() {
    if (this[kInner].handle === null) return Promise.resolve();
    return new Promise((resolve) => this.close(resolve));
  }

  address() {
    const handle = this._healthCheck();
    const out = {};
    const err = handle.name(out, false);
    if (err !== 0) throw errnoException(err, 'getsockname');
    return out;
  }

  remoteAddress() {
    const inner = this[kInner];
    const handle = this._healthCheck();
    if (inner.connectState !== CONNECTED) throw new ERR_SOCKET_DGRAM_NOT_CONNECTED();
    const out = {};
    const err = handle.name(out, true);
    if (err !== 0) throw errnoException(err, 'getpeername');
    return out;
  }

  _setOption(option, value, syscall) {
    const err = this._healthCheck().option(option, value);
    if (err !== 0) throw errnoException(err, syscall);
  }

  setBroadcast(flag) {
    this._setOption('OPT_BROADCAST', !!flag, 'setBroadcast');
  }

  setTTL(hops) {
    validateNumber(hops, 'ttl');
    this._setOption('OPT_TTL', hops, 'setTTL');
    return hops;
  }

  setMulticastTTL(hops) {
    validateNumber(hops, 'ttl');
    this._setOption('OPT_MULTICAST_TTL', hops, 'setMulticastTTL');
    return hops;
  }

  setMulticastLoopback(flag) {
    this._setOption('OPT_MULTICAST_LOOP', !!flag, 'setMulticastLoopback');
    return flag;
  }

  setMulticastInterface(iface) {
    const handle = this._healthCheck();
    validateString(iface, 'interfaceAddress');
    const err = handle.multicastInterface(iface);
    if (err !== 0) throw errnoException(err, 'setMulticastInterface');
  }

  _membership(group, iface, join, syscall) {
    const handle = this._healthCheck();
    if (!group) throw new ERR_MISSING_ARGS('multicastAddress');
    validateString(group, 'multicastAddress');
    if (iface !== undefined && iface !== null) validateString(iface, 'interfaceAddress');
    const err = handle.membership(group, iface ?? undefined, join);
    if (err !== 0) throw errnoException(err, syscall);
  }

  addMembership(multicastAddress, interfaceAddress) {
    this._membership(multicastAddress, interfaceAddress, true, 'addMembership');
  }

  dropMembership(multicastAddress, interfaceAddress) {
    this._membership(multicastAddress, interfaceAddress, false, 'dropMembership');
  }

  _sourceMembership(source, group, iface, join, syscall) {
    const handle = this._healthCheck();
    validateString(source, 'sourceAddress');
    validateString(group, 'groupAddress');
    if (iface !== undefined && iface !== null) validateString(iface, 'interfaceAddress');
    const err = handle.sourceMembership(source, group, iface ?? undefined, join);
    if (err !== 0) throw errnoException(err, syscall);
  }

  addSourceSpecificMembership(sourceAddress, groupAddress, interfaceAddress) {
    this._sourceMembership(sourceAddress, groupAddress, interfaceAddress, true,
      'addSourceSpecificMembership');
  }

  dropSourceSpecificMembership(sourceAddress, groupAddress, interfaceAddress) {
    this._sourceMembership(sourceAddress, groupAddress, interfaceAddress, false,
      'dropSourceSpecificMembership');
  }

  _bufferSize(size, recv) {
    const syscall = recv ? 'uv_recv_buffer_size' : 'uv_send_buffer_size';
    const { handle } = this[kInner];
    if (handle === null) throw bufferSizeError(-9, syscall);
    const result = handle.bufferSize(size, recv);
    if (result < 0) throw bufferSizeError(result, syscall);
    return result;
  }

  setRecvBufferSize(size) {
    this._bufferSize(checkedSize(size), true);
  }

  setSendBufferSize(size) {
    this._bufferSize(checkedSize(size), false);
  }

  getRecvBufferSize() {
    return this._bufferSize(0, true);
  }

  getSendBufferSize() {
    return this._bufferSize(0, false);
  }

  getSendQueueSize() {
    return this[kInner].handle?.queueSize() ?? 0;
  }

  getSendQueueCount() {
    return this[kInner].handle?.queueCount() ?? 0;
  }

  ref() {
    this[kInner].handle?.ref();
    return this;
  }

  unref() {
    this[kInner].handle?.unref();
    return this;
  }

  get _handle() {
    return this[kInner].handle;
  }

  get _bindState() {
    return this[kInner].bindState;
  }

  get _receiving() {
    return this[kInner].receiving;
  }
}

const createSocket = (type, onMessage) => new Socket(type, onMessage);

module.exports = { createSocket, Socket };

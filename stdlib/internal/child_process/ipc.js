'use strict';
// The IPC channel between a parent and a forked child: one socket on a
// socketpair carrying JSON messages, one per line. The same code serves
// child.send() in the parent and process.send() in the child.

const { codes, errnoException } = require('../errors');
const { nextTick } = require('../process/ticks');

const {
  ERR_INVALID_ARG_TYPE,
  ERR_INVALID_HANDLE_TYPE,
  ERR_IPC_CHANNEL_CLOSED,
  ERR_IPC_DISCONNECTED,
  ERR_MISSING_ARGS,
} = codes;

// A message with a handle travels as { cmd: kHandleCommand, type, msg, key }
// and the handle's descriptor rides along on the same write (SCM_RIGHTS).
// A socket a server accepted keeps counting in that server's connections
// while the receiver has it open: the receiver reports its close with
// kSocketClosed and the key.
const kHandleCommand = 'NODE_HANDLE';
const kSocketClosed = 'NODE_SOCKET_CLOSED';
// send() answers false (back off) while this many writes are unfinished.
const kBacklogLimit = 1024;

let net;
function lazyNet() {
  if (net === undefined) net = require('../../net');
  return net;
}

// The type name a sendable handle travels under, or undefined.
function handleType(handle) {
  const { Socket, Server } = lazyNet();
  const { StreamHandle } = require('../net/handles');
  if (handle instanceof Socket) return 'net.Socket';
  if (handle instanceof Server) return 'net.Server';
  if (handle instanceof StreamHandle) return 'net.Native';
  if (handle instanceof require('../../dgram').Socket) return 'dgram.Socket';
  if (handle instanceof require('../dgram/handle').UDP) return 'dgram.Native';
  return undefined;
}

// A UDP socket travels as its descriptor, with its family.
function udpOf(type, handle) {
  const udp = type === 'dgram.Native' ? handle : handle._handle;
  if (udp == null || !udp.open) return null;
  return { fd: udp.fileno(), dgramType: udp.v6 ? 'udp6' : 'udp4' };
}

// The socket of the channel: a libuv pipe opened for IPC, so that handles
// can be passed on it.
function openChannelSocket(fd) {
  const { Pipe } = require('../net/handles');
  const hw = new Pipe(true);
  const status = hw.open(fd);
  if (status !== 0) {
    hw.close();
    throw errnoException(status, 'open');
  }
  return new (lazyNet().Socket)({ handle: hw, readable: true, writable: true });
}

// What the receiver's 'message' listeners get for a handle of `type`
// (`message` is the envelope it came in).
function wrapReceived(type, hw, message) {
  if (type === 'dgram.Socket' || type === 'dgram.Native') {
    if (typeof hw.take !== 'function') return hw;
    if (type === 'dgram.Native') {
      const { UDP } = require('../dgram/handle');
      const udp = new UDP(message.dgramType === 'udp6');
      udp.adopt(hw.take());
      return udp;
    }
    const socket = require('../../dgram').createSocket(message.dgramType);
    socket.bind({ fd: hw.take() });
    return socket;
  }
  const { Socket, Server } = lazyNet();
  if (type === 'net.Socket') {
    return new Socket({ handle: hw, readable: true, writable: true });
  }
  if (type === 'net.Server') {
    const server = new Server();
    server.listen(hw);
    return server;
  }
  return hw;
}

// Messages whose `cmd` starts with this are the runtime's own and go to
// 'internalMessage' instead of 'message', as in Node.
const kInternalPrefix = 'NODE_';

function runtimeOwned(msg) {
  return msg !== null && typeof msg === 'object' &&
    typeof msg.cmd === 'string' && msg.cmd.startsWith(kInternalPrefix);
}

// 'json': one JSON text per line, as Node writes them.
function jsonFraming() {
  let pending = '';
  return {
    encoding: 'utf8',
    frame: (message) => `${JSON.stringify(message)}\n`,
    read(text, deliver) {
      pending += text;
      let newline = pending.indexOf('\n');
      while (newline !== -1) {
        const line = pending.slice(0, newline);
        pending = pending.slice(newline + 1);
        newline = pending.indexOf('\n');
        if (line.length !== 0) deliver(JSON.parse(line));
      }
    },
  };
}

// 'advanced': V8's serialization (the serdes binding), each message behind
// its byte length as a big-endian uint32. Buffers arrive as Uint8Arrays.
function advancedFraming() {
  const serdes = internalBinding('serdes');
  let pending = Buffer.alloc(0);
  return {
    encoding: undefined,
    frame(message) {
      const body = serdes.serialize(message, Buffer.prototype);
      const framed = Buffer.allocUnsafe(4 + body.length);
      framed.writeUInt32BE(body.length, 0);
      framed.set(body, 4);
      return framed;
    },
    read(chunk, deliver) {
      pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
      while (pending.length >= 4) {
        const size = pending.readUInt32BE(0);
        if (pending.length < 4 + size) break;
        const body = pending.subarray(4, 4 + size);
        pending = pending.subarray(4 + size);
        deliver(serdes.deserialize(body, Buffer.prototype));
      }
    },
  };
}

// What the channel's owner (a ChildProcess or process) sees as `.channel`:
// the socket's ref/unref, under the names Node's Pipe handle has.
class Channel {
  constructor(socket, fd) {
    this.fd = fd;
    this.unrefed = false;
    this.sockets = { got: {}, send: {} };
    Object.defineProperty(this, 'socket', { value: socket, enumerable: false });
  }

  // An unref() of the owner's holds until its ref(): listeners coming and
  // going and sends finishing do not undo it.
  ref() {
    this.unrefed = false;
    this.socket.ref();
  }

  unref() {
    this.unrefed = true;
    this.socket.unref();
  }
}

// Gives `target` send, disconnect, connected, channel and the 'message',
// 'internalMessage' and 'disconnect' events over the socket on `fd`.
// `onDisconnect` runs once the channel is gone.
function attachChannel(target, fd, onDisconnect, mode) {
  const socket = openChannelSocket(fd);
  const channel = new Channel(socket, fd);
  target.channel = channel;
  target._channel = channel;
  target.connected = true;

  // While nobody listens for messages, the channel does not keep the
  // process alive (Node's behaviour; a child with nothing to do exits).
  const refIfListened = () => {
    const listened = target.listenerCount('message') > 0 ||
      target.listenerCount('internalMessage') > 0 ||
      target.listenerCount('disconnect') > 0;
    if (!target.connected) return;
    if (listened && !channel.unrefed) socket.ref();
    else socket.unref();
  };
  target.on('newListener', (name) => {
    if (name === 'message' || name === 'disconnect' || name === 'internalMessage') {
      nextTick(refIfListened);
    }
  });
  target.on('removeListener', (name) => {
    if (name === 'message' || name === 'disconnect' || name === 'internalMessage') {
      nextTick(refIfListened);
    }
  });
  refIfListened();

  // Handles that arrived, in order; each belongs to the next handle message
  // (its descriptor comes with that message's first bytes, so it is here by
  // the time the message is complete).
  const received = [];
  // Servers whose accepted sockets were sent, by key, until the peer closes
  // them.
  const lentSockets = new Map();
  let nextKey = 0;
  const returnSocket = (key) => {
    const server = lentSockets.get(key);
    if (server === undefined) return;
    lentSockets.delete(key);
    server._connectionGone();
  };
  const deliverHandle = (message) => {
    const hw = received.shift();
    if (hw === undefined) {
      target.emit(runtimeOwned(message.msg) ? 'internalMessage' : 'message', message.msg, undefined);
      return;
    }
    const handle = wrapReceived(message.type, hw, message);
    if (message.key !== undefined && message.type === 'net.Socket') {
      handle.once('close', () => {
        if (target.connected) target.send({ cmd: kSocketClosed, key: message.key });
      });
    }
    // The runtime's own messages (node:cluster's) carry handles too.
    target.emit(runtimeOwned(message.msg) ? 'internalMessage' : 'message', message.msg, handle);
  };
  const deliver = (message) => {
    if (runtimeOwned(message)) {
      if (message.cmd === kHandleCommand) {
        deliverHandle(message);
        return;
      }
      if (message.cmd === kSocketClosed) {
        returnSocket(message.key);
        return;
      }
      target.emit('internalMessage', message);
    } else {
      target.emit('message', message, undefined);
    }
  };
  const framing = mode === 'advanced' ? advancedFraming() : jsonFraming();
  if (framing.encoding) socket.setEncoding(framing.encoding);
  socket.on('data', (chunk) => {
    for (let hw = socket._handle?.acceptHandle(); hw; hw = socket._handle.acceptHandle()) {
      received.push(hw);
    }
    framing.read(chunk, deliver);
  });

  // Every message is one write on the pipe itself (uv_write, or uv_write2
  // with a handle), made at once: libuv keeps them in order, and what it
  // can write right away is in the kernel before send() returns, so a
  // process.exit() just after a send loses nothing (as in Node).
  const queue = [];
  let writing = 0;
  let flushed = null;
  const afterWrites = (then) => {
    flushed = then;
    pump();
  };
  const pump = () => {
    while (queue.length > 0) {
      const item = queue.shift();
      writing++;
      writeItem(item);
    }
    if (flushed !== null && writing === 0) {
      const then = flushed;
      flushed = null;
      then();
    }
  };
  const writeItem = (item) => {
    const req = {
      oncomplete(status) {
        writing--;
        item.done(status < 0 ? errnoException(status, 'write') : null);
        pump();
      },
    };
    const hw = socket._handle;
    let status = -9;
    if (hw != null) {
      if (item.handle !== undefined) status = hw.writeHandle(req, [item.frame], item.handle);
      else if (item.fd !== undefined) status = hw.writeFd(req, [item.frame], item.fd);
      else status = hw.writev(req, [item.frame]);
    }
    // Callbacks run later, never inside send().
    if (status < 0) nextTick(() => req.oncomplete(status));
    else if (status === 1) nextTick(() => req.oncomplete(0));
  };
  const settle = () => {
    // The sockets the peer held are gone with it.
    for (const key of [...lentSockets.keys()]) returnSocket(key);
    received.splice(0).forEach((hw) => hw.close());
    for (const item of queue.splice(0)) item.done(new ERR_IPC_CHANNEL_CLOSED());
  };

  let gone = false;
  const finish = () => {
    if (gone) return;
    gone = true;
    settle();
    target.connected = false;
    target.channel = null;
    target._channel = null;
    nextTick(() => {
      target.emit('disconnect');
      onDisconnect?.();
    });
  };
  socket.on('end', () => {
    socket.end();
    finish();
  });
  socket.on('close', finish);
  // A peer that vanishes (ECONNRESET, EPIPE) just disconnects.
  socket.on('error', () => {});

  // send(message[, sendHandle[, options]][, callback]): a net.Socket or
  // net.Server travels with the message; a socket lets go of its handle here
  // once it is sent, unless options.keepOpen.
  target.send = function send(message, ...rest) {
    let handle;
    let options;
    let callback;
    for (const item of rest) {
      if (typeof item === 'function') {
        callback = item;
        break;
      }
    }
    if (rest.length > 0 && typeof rest[0] !== 'function') handle = rest[0] ?? undefined;
    if (rest.length > 1 && typeof rest[1] !== 'function') options = rest[1] ?? undefined;
    if (message === undefined) throw new ERR_MISSING_ARGS('message');
    const kind = typeof message;
    if (kind !== 'string' && kind !== 'object' && kind !== 'number' && kind !== 'boolean') {
      throw new ERR_INVALID_ARG_TYPE('message',
        ['string', 'object', 'number', 'boolean'], message);
    }
    if (options !== undefined && (typeof options !== 'object' || options === null)) {
      throw new ERR_INVALID_ARG_TYPE('options', 'Object', options);
    }
    let type;
    if (handle !== undefined) {
      type = handleType(handle);
      if (type === undefined) throw new ERR_INVALID_HANDLE_TYPE();
    }
    if (!target.connected) {
      const err = new ERR_IPC_CHANNEL_CLOSED();
      if (typeof callback === 'function') nextTick(callback, err);
      else nextTick(() => target.emit('error', err));
      return false;
    }
    const item = { frame: undefined, handle: undefined, fd: undefined, done: undefined };
    let afterSend = null;
    if (type === 'dgram.Socket' || type === 'dgram.Native') {
      const udp = udpOf(type, handle);
      message = { cmd: kHandleCommand, type, msg: message };
      if (udp !== null && udp.fd >= 0) {
        item.fd = udp.fd;
        message.dgramType = udp.dgramType;
      }
    } else if (type !== undefined) {
      const hw = type === 'net.Native' ? handle : handle._handle;
      const wrapped = { cmd: kHandleCommand, type, msg: message };
      if (hw != null && !hw.closed) {
        item.handle = hw;
        if (type === 'net.Socket' && !(options && options.keepOpen)) {
          // The receiver reads from now on; this side lets go once sent.
          hw.readStop();
          const server = handle._server;
          if (server) {
            wrapped.key = nextKey++;
            lentSockets.set(wrapped.key, server);
            handle._server = null;
          }
          // As in Node: the socket object stays (not destroyed, no
          // 'close'), without its handle.
          afterSend = () => {
            if (handle._handle === hw) {
              hw.onread = null;
              handle._handle = null;
              hw.close();
            }
          };
        }
      }
      message = wrapped;
    }
    item.frame = framing.frame(message);
    // A pending message keeps the process alive until it is written.
    socket.ref();
    item.done = (err) => {
      if (afterSend !== null && !err) afterSend();
      refIfListened();
      if (typeof callback === 'function') callback(err ?? null);
    };
    queue.push(item);
    pump();
    return writing < kBacklogLimit;
  };

  // Messages sent before disconnect() still go out: the channel closes,
  // and 'disconnect' comes, once they are written.
  target.disconnect = function disconnect() {
    if (!target.connected) {
      target.emit('error', new ERR_IPC_DISCONNECTED());
      return;
    }
    target.connected = false;
    afterWrites(() => {
      socket.end();
      finish();
    });
  };
}

// Child side, at run time: NODE_CHANNEL_FD names the inherited end.
function setupChildChannel(process, fdText, mode) {
  const fd = Number.parseInt(fdText, 10);
  if (!(fd >= 0)) return;
  attachChannel(process, fd, undefined, mode);
}

module.exports = { attachChannel, setupChildChannel };

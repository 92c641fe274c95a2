'use strict';
// The IPC channel between a parent and a forked child: one socket on a
// socketpair carrying JSON messages, one per line. The same code serves
// child.send() in the parent and process.send() in the child.

const { codes } = require('../errors');
const { nextTick } = require('../process/ticks');
const { openPipeSocket } = require('./pipes');

const {
  ERR_INVALID_ARG_TYPE,
  ERR_IPC_CHANNEL_CLOSED,
  ERR_IPC_DISCONNECTED,
  ERR_MISSING_ARGS,
} = codes;

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
    this.sockets = { got: {}, send: {} };
    Object.defineProperty(this, 'socket', { value: socket, enumerable: false });
  }

  ref() {
    this.socket.ref();
  }

  unref() {
    this.socket.unref();
  }
}

// Gives `target` send, disconnect, connected, channel and the 'message',
// 'internalMessage' and 'disconnect' events over the socket on `fd`.
// `onDisconnect` runs once the channel is gone.
function attachChannel(target, fd, onDisconnect, mode) {
  const socket = openPipeSocket(fd, true, true);
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
    if (listened) socket.ref();
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

  const deliver = (message) => {
    if (runtimeOwned(message)) target.emit('internalMessage', message);
    else target.emit('message', message, undefined);
  };
  const framing = mode === 'advanced' ? advancedFraming() : jsonFraming();
  if (framing.encoding) socket.setEncoding(framing.encoding);
  socket.on('data', (chunk) => framing.read(chunk, deliver));

  let gone = false;
  const finish = () => {
    if (gone) return;
    gone = true;
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

  // send(message[, sendHandle][, options][, callback]): handles are not
  // passed (JSON channels carry data only).
  target.send = function send(message, ...rest) {
    const callback = rest.find((item) => typeof item === 'function');
    if (message === undefined) throw new ERR_MISSING_ARGS('message');
    const kind = typeof message;
    if (kind !== 'string' && kind !== 'object' && kind !== 'number' && kind !== 'boolean') {
      throw new ERR_INVALID_ARG_TYPE('message',
        ['string', 'object', 'number', 'boolean'], message);
    }
    if (!target.connected) {
      const err = new ERR_IPC_CHANNEL_CLOSED();
      if (typeof callback === 'function') nextTick(callback, err);
      else nextTick(() => target.emit('error', err));
      return false;
    }
    // A pending message keeps the process alive until it is written.
    socket.ref();
    return socket.write(framing.frame(message), (err) => {
      refIfListened();
      if (typeof callback === 'function') callback(err ?? null);
    });
  };

  target.disconnect = function disconnect() {
    if (!target.connected) {
      target.emit('error', new ERR_IPC_DISCONNECTED());
      return;
    }
    socket.end();
    finish();
  };
}

// Child side, at run time: NODE_CHANNEL_FD names the inherited end.
function setupChildChannel(process, fdText, mode) {
  const fd = Number.parseInt(fdText, 10);
  if (!(fd >= 0)) return;
  attachChannel(process, fd, undefined, mode);
}

module.exports = { attachChannel, setupChildChannel };

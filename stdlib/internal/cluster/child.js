'use strict';
// The worker side of node:cluster. A process forked by cluster.fork() has
// NODE_UNIQUE_ID in its environment; at startup (process._setupRun, before
// the app runs) setupWorker() removes it, turns node:cluster into the
// worker's view and tells the primary it is online. From then on a
// net.Server listen() here asks the primary for the socket (see
// primary.js): in round-robin mode connections arrive one by one over the
// IPC channel, in SCHED_NONE mode the bound socket itself does.

const process = require('../process/object');
const { nextTick } = require('../process/ticks');
const { exceptionWithHostPort } = require('../errors');
const role = require('./role');
const channel = require('./channel');
const { Worker, transition } = require('./worker');

// States in which a worker is already on its way out.
const kLeaving = ['disconnecting', 'destroying'];

const UV_EADDRINUSE = -98;
const UV_EBADF = -9;

// Servers and dgram sockets that listen through the primary, until they
// close (a worker's disconnect() closes them all).
const sharedServers = new Set();
// Round-robin listeners by the key the primary gave them.
const remoteListeners = new Map();
// How many times each address was listened on: the n-th listen() of an
// address in every worker shares the n-th socket.
const listenCounts = new Map();

// What a round-robin server holds as its _handle: the listening socket is
// in the primary, so this only names it and passes on what arrives.
class RemoteListener {
  constructor(key, sockname, pipePath) {
    this.key = key;
    this.sockname = sockname;
    this.pipePath = pipePath;
    this.owner = undefined;
    this.onconnection = null;
    this.open = true;
  }

  get closed() {
    return !this.open;
  }

  get fd() {
    return -1;
  }

  getsockname(out) {
    if (!this.open || this.sockname === null) return UV_EBADF;
    Object.assign(out, this.sockname);
    return 0;
  }

  listen() {
    return 0;
  }

  close(callback) {
    if (!this.open) return;
    this.open = false;
    remoteListeners.delete(this.key);
    channel.post(process, { act: 'close', key: this.key }, null);
    if (typeof callback === 'function') nextTick(callback);
  }

  // The socket is the primary's: its reference count is not ours to change.
  ref() {}

  unref() {}

  hasRef() {
    return false;
  }
}

// A connection the primary accepted for the listener `key`.
function onNewConnection(request, hw) {
  const listener = remoteListeners.get(request.key);
  const accepted = listener !== undefined && hw !== undefined;
  channel.reply(process, request, { accepted });
  if (!accepted) {
    // The primary still holds the connection and gives it to someone else.
    if (hw !== undefined && typeof hw.close === 'function') hw.close();
    return;
  }
  listener.onconnection(0, hw);
}

function portOf(server) {
  const out = {};
  const hw = server._handle;
  if (hw === null || typeof hw.getsockname !== 'function' || hw.getsockname(out) !== 0) {
    return undefined;
  }
  return out.port;
}

// net.Server.listen() in a worker: `query` is { address, port, addressType
// (4, 6 or -1 for a path), backlog, ipv6Only, readableAll, writableAll }.
function listenShared(server, query) {
  const place = `${query.address}:${query.port}:${query.addressType}:undefined`;
  const index = listenCounts.get(place) ?? 0;
  listenCounts.set(place, index + 1);
  const request = { act: 'queryServer', ...query, fd: undefined, index };
  channel.post(process, request, null, (answer, hw) => {
    if (answer.errno !== 0) {
      server._listenFailed(exceptionWithHostPort(answer.errno, 'bind', query.address, query.port));
      return;
    }
    server.once('listening', () => {
      // Closed already (in a 'listening' listener before this one): the
      // primary hears of the close only, as in Node.
      if (server._handle === null) return;
      const port = query.addressType === -1 ? -1 : portOf(server);
      channel.post(process, {
        act: 'listening', addressType: query.addressType, address: query.address, port,
      }, null);
    });
    sharedServers.add(server);
    server.once('close', () => sharedServers.delete(server));
    if (answer.mode === 'none') adoptSocket(server, query, hw, answer.key);
    else adoptRemote(server, query, answer);
  });
}

function adoptRemote(server, query, answer) {
  const pipePath = query.addressType === -1 ? query.address : undefined;
  const listener = new RemoteListener(answer.key, answer.sockname, pipePath);
  remoteListeners.set(answer.key, listener);
  if (pipePath !== undefined) server._pipeName = pipePath;
  server._adopt(listener);
}

// SCHED_NONE: the bound socket came with the answer; this worker listens
// on its copy. A port bind() could not have failed silently (the kernel
// then picks another port at listen()), so the port is checked first.
function adoptSocket(server, query, hw, key) {
  if (hw === undefined) {
    server._listenFailed(exceptionWithHostPort(UV_EBADF, 'bind', query.address, query.port));
    return;
  }
  if (query.addressType !== -1 && query.port > 0) {
    const out = {};
    if (hw.getsockname(out) !== 0 || out.port !== query.port) {
      hw.close();
      channel.post(process, { act: 'close', key }, null);
      server._listenFailed(exceptionWithHostPort(UV_EADDRINUSE, 'bind', query.address, query.port));
      return;
    }
  }
  const closeSocket = hw.close;
  hw.close = function close(callback) {
    if (!this.closed) channel.post(process, { act: 'close', key }, null);
    return closeSocket.call(this, callback);
  };
  server._listenOn(hw, query.backlog);
}

// dgram bind() in a worker: the primary binds the address (one socket for
// every worker asking for it) and sends it; `done(errno, udp)` gets the
// handle, which tells the primary when it closes.
function bindUdp(socket, query, done) {
  const place = `${query.address}:${query.port}:${query.addressType}:undefined`;
  const index = listenCounts.get(place) ?? 0;
  listenCounts.set(place, index + 1);
  const request = { act: 'queryServer', ...query, fd: undefined, index };
  channel.post(process, request, null, (answer, udp) => {
    if (answer.errno !== 0 || udp === undefined) {
      done(answer.errno || UV_EBADF, undefined);
      return;
    }
    const closeSocket = udp.close;
    udp.close = function close(callback) {
      if (this.open) channel.post(process, { act: 'close', key: answer.key }, null);
      return closeSocket.call(this, callback);
    };
    sharedServers.add(socket);
    socket.once('close', () => sharedServers.delete(socket));
    socket.once('listening', () => {
      if (!udp.open) return;
      const { address, addressType } = query;
      const { port } = socket.address();
      // Node reports no descriptor for a dgram socket as fd -1.
      channel.post(process, { act: 'listening', addressType, address, port, fd: -1 }, null);
    });
    done(0, udp);
  });
}

// Closes every shared server, then lets go of the channel: the primary
// asked (its worker.disconnect()), or this worker tells it first that the
// exit that follows is intended.
function leave(worker, primaryAsked) {
  transition(worker, undefined, true);
  let pending = 1;
  const step = () => {
    pending--;
    if (pending > 0) return;
    if (!process.connected) return;
    if (primaryAsked) {
      process.disconnect();
      return;
    }
    channel.post(process, { act: 'exitedAfterDisconnect' }, null, () => {
      if (process.connected) process.disconnect();
    });
  };
  for (const server of [...sharedServers]) {
    pending++;
    server.close(step);
  }
  step();
}

function installWorkerMethods() {
  Worker.prototype.disconnect = function disconnect() {
    if (kLeaving.includes(this.state)) return this;
    transition(this, 'disconnecting');
    leave(this, false);
    return this;
  };

  // Exits at once when already disconnected, else once the primary knows
  // the exit is intended and the channel is closed.
  Worker.prototype.destroy = function destroy() {
    if (this.state === kLeaving[1]) return;
    const connected = this.isConnected();
    transition(this, connected ? kLeaving[1] : undefined, true);
    if (!connected) {
      process.exit(0);
      return;
    }
    channel.post(process, { act: 'exitedAfterDisconnect' }, null, () => {
      if (process.connected) process.disconnect();
    });
    process.once('disconnect', () => process.exit(0));
  };
}

// The keys node:cluster has only in the primary.
const kPrimaryOnly = [
  'workers', 'settings', 'SCHED_NONE', 'SCHED_RR', 'schedulingPolicy',
  'setupPrimary', 'setupMaster', 'fork', 'disconnect',
];

function setupWorker(idText) {
  const cluster = require('../../cluster');
  for (const key of ['isWorker', 'isMaster', 'isPrimary', 'Worker', ...kPrimaryOnly]) {
    delete cluster[key];
  }
  installWorkerMethods();
  const worker = new Worker({ id: Number(idText) | 0, process, state: 'online' });
  Object.assign(cluster, {
    isWorker: true, isMaster: false, isPrimary: false, worker, Worker,
  });
  role.worker = { listen: listenShared, bindUdp };

  const onChannelGone = () => {
    worker.emit('disconnect');
    // The primary went away without asking: nothing is left to serve.
    if (worker.exitedAfterDisconnect !== true) process.exit(0);
  };
  process.once('disconnect', onChannelGone);
  channel.listen(process, (message, hw) => {
    if (message.act === 'newconn') onNewConnection(message, hw);
    else if (message.act === 'disconnect') leave(worker, true);
  });
  channel.post(process, { act: 'online' }, null);
}

module.exports = { setupWorker };

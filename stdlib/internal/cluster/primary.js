'use strict';
// The primary side of node:cluster: forking workers, their lifecycle
// events, and the listening sockets they share. A worker's listen() becomes
// a 'queryServer' request here; workers that ask for the same address
// (and the same n-th listen of it) share one socket:
//   round-robin (SCHED_RR): the primary listens and accepts, and hands each
//     connection to the next worker in turn;
//   SCHED_NONE: the primary only binds, sends the bound socket to every
//     worker, and they all listen and accept on it themselves.
// child_process is required at the first fork(), not at load: a worker's
// startup (process.js) loads this file, and child_process reaches process.js.

const EventEmitter = require('../../events');
const process = require('../process/object');
const { nextTick } = require('../process/ticks');
const { Worker, transition } = require('./worker');
const channel = require('./channel');

const SCHED_NONE = 1;
const SCHED_RR = 2;

let childProcess;
let net;
let handles;
function lazyNet() {
  net ??= require('../../net');
  handles ??= require('../net/handles');
}

// The policy an environment asks for: NODE_CLUSTER_SCHED_POLICY=rr|none,
// round-robin otherwise (the Linux default).
function policyFromEnv() {
  const asked = process.env.NODE_CLUSTER_SCHED_POLICY;
  if (asked === 'none') return SCHED_NONE;
  return SCHED_RR;
}

// A listening address shared by workers, with the members it serves.
class SharedListener {
  constructor(key, query, onEmpty) {
    this.key = key;
    this.query = query;
    this.onEmpty = onEmpty;
    this.members = new Map();  // worker id -> worker
    this.errno = 0;
  }

  leave(worker) {
    if (!this.members.delete(worker.id)) return;
    this.left(worker);
    if (this.members.size === 0) {
      this.shutDown();
      this.onEmpty(this);
    }
  }
}

// SCHED_RR: the primary's own net.Server listens; its connections go round.
class RotatingListener extends SharedListener {
  constructor(key, query, onEmpty) {
    super(key, query, onEmpty);
    this.order = [];        // member ids, in turn order
    this.turn = 0;
    this.waiting = [];      // [worker, request] until the socket listens
    this.inFlight = new Set();  // { client, to, tries } until a worker answers
    this.ready = false;
    lazyNet();
    const server = net.createServer();
    this.server = server;
    server.once('listening', () => {
      this.ready = true;
      this.socket = server._handle;
      this.socket.onconnection = (status, client) => this.incoming(status, client);
      for (const [worker, request] of this.waiting.splice(0)) this.welcome(worker, request);
    });
    server.once('error', (err) => {
      this.errno = err.errno;
      for (const [worker, request] of this.waiting.splice(0)) this.refuse(worker, request);
      this.members.clear();
      this.onEmpty(this);
    });
    const settings = { backlog: query.backlog };
    if (query.addressType === -1) {
      Object.assign(settings, {
        path: query.address, readableAll: query.readableAll, writableAll: query.writableAll,
      });
    } else {
      Object.assign(settings, { port: query.port, ipv6Only: query.ipv6Only });
      if (query.address) settings.host = query.address;
    }
    server.listen(settings);
  }

  join(worker, request) {
    this.members.set(worker.id, worker);
    this.order.push(worker.id);
    if (this.ready) this.welcome(worker, request);
    else this.waiting.push([worker, request]);
  }

  welcome(worker, request) {
    let sockname = null;
    if (this.query.addressType !== -1) {
      sockname = {};
      if (this.socket.getsockname(sockname) !== 0) sockname = null;
    }
    channel.reply(worker.process, request, { errno: 0, key: this.key, mode: 'rr', sockname });
  }

  refuse(worker, request) {
    channel.reply(worker.process, request, { errno: this.errno, key: this.key });
  }

  left(worker) {
    this.order = this.order.filter((id) => id !== worker.id);
    this.waiting = this.waiting.filter(([w]) => w !== worker);
    // Connections on their way to it go to someone else.
    for (const pass of [...this.inFlight]) {
      if (pass.to === worker.id) this.redirect(pass);
    }
  }

  incoming(status, client) {
    if (status < 0 || client === null) return;
    this.pass({ client, to: -1, tries: 0 });
  }

  // The next member in turn, or undefined when there is none.
  nextMember() {
    if (this.order.length === 0) return undefined;
    this.turn %= this.order.length;
    const id = this.order[this.turn];
    this.turn = (this.turn + 1) % this.order.length;
    return this.members.get(id);
  }

  pass(entry) {
    const worker = this.nextMember();
    if (worker === undefined || entry.tries > this.order.length) {
      entry.client.close();
      return;
    }
    entry.to = worker.id;
    entry.tries++;
    this.inFlight.add(entry);
    const sent = channel.post(worker.process, { act: 'newconn', key: this.key }, entry.client,
      (answer) => {
        if (!this.inFlight.delete(entry)) return;
        if (answer.accepted) entry.client.close();
        else this.pass(entry);
      });
    if (!sent) this.redirect(entry);
  }

  redirect(entry) {
    if (this.inFlight.delete(entry)) this.pass(entry);
  }

  shutDown() {
    for (const entry of this.inFlight) entry.client.close();
    this.inFlight.clear();
    if (this.server !== null) {
      this.server.close();
      this.server = null;
    }
  }
}

// SCHED_NONE: one bound socket, a copy of it in every member.
class HandedListener extends SharedListener {
  constructor(key, query, onEmpty) {
    super(key, query, onEmpty);
    lazyNet();
    this.socket = null;
    const { address, port } = query;
    if (query.addressType === -1) {
      const pipe = new handles.Pipe(false);
      let status = pipe.bind(address);
      const { UV_READABLE, UV_WRITABLE } = handles.constants();
      const mode = (query.readableAll ? UV_READABLE : 0) | (query.writableAll ? UV_WRITABLE : 0);
      if (status === 0 && mode !== 0) status = pipe.fchmod(mode);
      this.settle(pipe, status);
    } else if (!address) {
      // No host: the IPv6 wildcard (IPv4 too), else IPv4's, as net does.
      const tcp = new handles.TCP();
      const status = tcp.bind6('::', port, !!query.ipv6Only);
      if (status === 0) {
        this.settle(tcp, 0);
      } else {
        tcp.close();
        const tcp4 = new handles.TCP();
        this.settle(tcp4, tcp4.bind('0.0.0.0', port));
      }
    } else {
      const tcp = new handles.TCP();
      const status = query.addressType === 6 ?
        tcp.bind6(address, port, !!query.ipv6Only) : tcp.bind(address, port);
      this.settle(tcp, status);
    }
  }

  settle(socket, status) {
    if (status === 0) {
      this.socket = socket;
      return;
    }
    socket.close();
    this.errno = status;
  }

  join(worker, request) {
    if (this.errno !== 0) {
      // Refused, and forgotten: a later listen() tries again.
      channel.reply(worker.process, request, { errno: this.errno, key: this.key });
      this.onEmpty(this);
      return;
    }
    this.members.set(worker.id, worker);
    channel.reply(worker.process, request, { errno: 0, key: this.key, mode: 'none' }, this.socket);
  }

  left() {}

  shutDown() {
    if (this.socket !== null) this.socket.close();
    this.socket = null;
  }
}

// dgram: one bound UDP socket per address, a copy in every member (Node
// shares UDP this way under either policy).
class UdpListener extends SharedListener {
  constructor(key, query, onEmpty) {
    super(key, query, onEmpty);
    const { UDP } = require('../dgram/handle');
    const socket = new UDP(query.addressType === 'udp6');
    const status = socket.bind(query.address, query.port, query.flags | 0);
    this.socket = status === 0 ? socket : null;
    this.errno = status;
    if (status !== 0) socket.close();
  }
}
UdpListener.prototype.join = HandedListener.prototype.join;
UdpListener.prototype.left = HandedListener.prototype.left;
UdpListener.prototype.shutDown = HandedListener.prototype.shutDown;

// Makes `cluster` (an EventEmitter) the primary's node:cluster; returns it.
function installPrimary(cluster) {
  const workers = {};
  const listeners = new Map();  // key -> SharedListener
  const allGone = new EventEmitter();
  let nextId = 0;
  let policy = null;  // fixed by the first setupPrimary()
  let askedPolicy;

  // What a worker is started with when nothing else was set.
  function defaultSettings() {
    const { argv, execArgv } = process;
    return { args: argv.slice(2), exec: argv[1], execArgv, silent: false };
  }

  function setupPrimary(options) {
    const settings = { ...defaultSettings(), ...cluster.settings, ...options };
    Object.assign(cluster, { settings });
    if (policy === null) policy = cluster.schedulingPolicy === SCHED_NONE ? SCHED_NONE : SCHED_RR;
    nextTick(() => cluster.emit('setup', settings));
  }

  function forget(worker) {
    for (const listener of [...listeners.values()]) listener.leave(worker);
    if (workers[worker.id] === worker) delete workers[worker.id];
    // Each removal that leaves none (also of one already gone, at its exit)
    // tells cluster.disconnect() callbacks.
    if (Object.keys(workers).length === 0) allGone.emit('empty');
  }

  function queryServer(worker, request) {
    const key = `${request.address}:${request.port}:${request.addressType}:` +
      `${request.fd}:${request.index}`;
    let listener = listeners.get(key);
    if (listener === undefined) {
      const onEmpty = (done) => {
        if (listeners.get(key) === done) listeners.delete(key);
      };
      let Kind = policy === SCHED_RR ? RotatingListener : HandedListener;
      if (request.addressType === 'udp4' || request.addressType === 'udp6') Kind = UdpListener;
      listener = new Kind(key, request, onEmpty);
      listeners.set(key, listener);
    }
    listener.join(worker, request);
  }

  // The worker moves to `state` (unless undefined); `name` is emitted on
  // it and on the cluster.
  function announce(worker, name, state, ...args) {
    transition(worker, state);
    worker.emit(name, ...args);
    cluster.emit(name, worker, ...args);
  }

  function onRequest(worker, message) {
    switch (message.act) {
      case 'online':
        announce(worker, 'online', 'online');
        break;
      case 'queryServer':
        // A worker on its way out gets no new sockets.
        if (!worker.exitedAfterDisconnect) queryServer(worker, message);
        break;
      case 'listening': {
        const { addressType, address, port, fd } = message;
        announce(worker, 'listening', 'listening', { addressType, address, port, fd });
        break;
      }
      case 'close': {
        const listener = listeners.get(message.key);
        if (listener !== undefined) listener.leave(worker);
        break;
      }
      case 'exitedAfterDisconnect':
        transition(worker, undefined, true);
        channel.reply(worker.process, message, {});
        break;
      default:
        break;
    }
  }

  function fork(env) {
    setupPrimary();
    const id = ++nextId;
    const { settings } = cluster;
    childProcess ??= require('../../child_process');
    const child = childProcess.fork(settings.exec, settings.args, {
      cwd: settings.cwd,
      env: { ...process.env, ...env, NODE_UNIQUE_ID: `${id}` },
      execArgv: settings.execArgv,
      execPath: settings.execPath,
      gid: settings.gid,
      uid: settings.uid,
      serialization: settings.serialization,
      silent: settings.silent,
      stdio: settings.stdio,
      windowsHide: settings.windowsHide,
    });
    const worker = new Worker({ id, process: child });
    worker.on('message', (message, handle) => cluster.emit('message', worker, message, handle));
    // Gone from cluster.workers once both disconnected and exited; each
    // settles exitedAfterDisconnect to a boolean.
    child.once('exit', (code, signal) => {
      if (!worker.isConnected()) forget(worker);
      transition(worker, undefined, worker.exitedAfterDisconnect === true);
      announce(worker, 'exit', 'dead', code, signal);
    });
    child.once('disconnect', () => {
      for (const listener of [...listeners.values()]) listener.leave(worker);
      if (worker.isDead()) forget(worker);
      transition(worker, undefined, worker.exitedAfterDisconnect === true);
      announce(worker, 'disconnect', 'disconnected');
    });
    channel.listen(child, (message) => onRequest(worker, message));
    workers[id] = worker;
    nextTick(() => cluster.emit('fork', worker));
    return worker;
  }

  // disconnect() of a worker, primary side: the worker closes its servers
  // and then its end of the channel; it no longer counts as a member.
  Worker.prototype.disconnect = function disconnect() {
    transition(this, undefined, true);
    channel.post(this.process, { act: 'disconnect' }, null);
    forget(this);
    return this;
  };

  Worker.prototype.destroy = function destroy(signal) {
    this.process.kill(signal || 'SIGTERM');
  };

  function disconnectAll(callback) {
    const ids = Object.keys(workers);
    if (ids.length === 0) {
      nextTick(() => allGone.emit('empty'));
    } else {
      for (const id of ids) {
        const worker = workers[id];
        if (worker.isConnected()) worker.disconnect();
      }
    }
    if (typeof callback === 'function') allGone.once('empty', callback);
  }

  Object.assign(cluster, {
    isWorker: false,
    isMaster: true,
    isPrimary: true,
    Worker,
    workers,
    settings: {},
    SCHED_NONE,
    SCHED_RR,
  });
  // Read from the environment when first asked (never at snapshot time);
  // assignable, as in Node, until the first fork fixes it.
  Object.defineProperty(cluster, 'schedulingPolicy', {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() {
      askedPolicy ??= policyFromEnv();
      return askedPolicy;
    },
    set(value) {
      askedPolicy = value;
    },
  });
  Object.assign(cluster, {
    setupPrimary,
    setupMaster: setupPrimary,
    fork,
    disconnect: disconnectAll,
  });
  return cluster;
}

module.exports = { installPrimary, SCHED_NONE, SCHED_RR };

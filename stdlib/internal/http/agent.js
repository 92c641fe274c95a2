'use strict';
// http.Agent: a pool of connections per origin. Requests ask the agent for a
// socket (addRequest); the agent hands out a free kept-alive one, opens a new
// one, or queues the request until a socket is 'free' again. Subclasses (the
// https agent) override two points only: getName() (what makes two
// connections interchangeable) and createConnection() (how one is opened).
//
// Bookkeeping: `sockets[name]` are the sockets serving a request,
// `freeSockets[name]` the idle kept-alive ones, `requests[name]` the queued
// requests; `totalSocketCount` counts the sockets of both lists.

const EventEmitter = require('../../events');
const {
  codes: { ERR_OUT_OF_RANGE },
} = require('../errors');
const { validateNumber, validateOneOf } = require('../validators');

let net;
function netModule() {
  net ??= require('../../net');
  return net;
}

// The options a queued request was added with, to open its socket later.
const kQueuedOptions = Symbol('kQueuedOptions');
// The listeners an agent put on one of its sockets, to take them off again.
const kAgentListeners = Symbol('kAgentListeners');

function Agent(options) {
  if (!(this instanceof Agent)) return new Agent(options);
  EventEmitter.call(this);
  this.defaultPort = 80;
  this.protocol = 'http:';
  const opts = { __proto__: null, ...options };
  if (opts.noDelay === undefined) opts.noDelay = true;
  // A socket path is per request, never the agent's.
  opts.path = null;
  this.options = opts;
  this.requests = { __proto__: null };
  this.sockets = { __proto__: null };
  this.freeSockets = { __proto__: null };
  this.keepAliveMsecs = opts.keepAliveMsecs || 1000;
  this.keepAlive = opts.keepAlive || false;
  this.maxSockets = opts.maxSockets || Agent.defaultMaxSockets;
  this.maxFreeSockets = opts.maxFreeSockets || 256;
  this.scheduling = opts.scheduling || 'lifo';
  this.maxTotalSockets = opts.maxTotalSockets;
  this.totalSocketCount = 0;
  validateOneOf(this.scheduling, 'scheduling', ['fifo', 'lifo']);
  if (this.maxTotalSockets === undefined) {
    this.maxTotalSockets = Infinity;
  } else {
    validateNumber(this.maxTotalSockets, 'maxTotalSockets');
    if (!(this.maxTotalSockets >= 1)) {
      throw new ERR_OUT_OF_RANGE('maxTotalSockets', '>= 1', this.maxTotalSockets);
    }
  }
  this.on('free', (socket, socketOptions) => socketFreed(this, socket, socketOptions));
}
Object.setPrototypeOf(Agent.prototype, EventEmitter.prototype);
Object.setPrototypeOf(Agent, EventEmitter);

Agent.defaultMaxSockets = Infinity;

function listOf(table, name) {
  let list = table[name];
  if (list === undefined) {
    list = [];
    table[name] = list;
  }
  return list;
}

// Takes `socket` out of table[name]; true when it was there.
function dropFrom(table, name, socket) {
  const list = table[name];
  if (list === undefined) return false;
  const at = list.indexOf(socket);
  if (at < 0) return false;
  list.splice(at, 1);
  if (list.length === 0) delete table[name];
  return true;
}

// A socket that finished a request: the next queued request of its origin
// gets it, or it waits in the free list, or (no keep-alive) it is closed.
function socketFreed(agent, socket, options) {
  const name = agent.getName(options);
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const queue = agent.requests[name];
  if (queue !== undefined && queue.length > 0) {
    const next = queue.shift();
    if (queue.length === 0) delete agent.requests[name];
    next[kQueuedOptions] = undefined;
    agent.reuseSocket(socket, next);
    giveSocket(agent, next, socket);
    return;
  }
  const req = socket._httpMessage;
  if (!req || !req.shouldKeepAlive || !agent.keepAlive) {
    socket.destroy();
    return;
  }
  const idle = agent.freeSockets[name];
  const idleCount = idle === undefined ? 0 : idle.length;
  const busyCount = agent.sockets[name] === undefined ? 0 : agent.sockets[name].length;
  if (agent.totalSocketCount > agent.maxTotalSockets ||
      idleCount + busyCount > agent.maxSockets ||
      idleCount >= agent.maxFreeSockets ||
      !agent.keepSocketAlive(socket)) {
    socket.destroy();
    return;
  }
  socket._httpMessage = null;
  dropFrom(agent.sockets, name, socket);
  listOf(agent.freeSockets, name).push(socket);
  socket.once('error', idleSocketError);
}

// An idle socket that fails (the server reset it) simply leaves the pool.
function idleSocketError() {
  this.destroy();
  this.emit('agentRemove');
}

// Hands a socket to a request. (A new socket got the agent's timeout from
// createConnection, a reused one from keepSocketAlive.)
function giveSocket(agent, req, socket) {
  req.onSocket(socket);
}

// Listeners the agent keeps on each socket it opened, for its whole life.
function watchSocket(agent, socket, options) {
  const onFree = () => agent.emit('free', socket, options);
  const onClose = () => agent.removeSocket(socket, options);
  const onTimeout = () => {
    // An idle socket that timed out is closed; a busy one is the request's.
    const idle = agent.freeSockets[agent.getName(options)];
    if (idle !== undefined && idle.includes(socket)) socket.destroy();
  };
  const onRemove = () => {
    agent.totalSocketCount -= removeEverywhere(agent, agent.getName(options), socket);
    socket.removeListener('free', onFree);
    socket.removeListener('close', onClose);
    socket.removeListener('timeout', onTimeout);
    socket.removeListener('agentRemove', onRemove);
    socket[kAgentListeners] = undefined;
    openForQueued(agent, options);
  };
  socket.on('free', onFree);
  socket.on('close', onClose);
  socket.on('timeout', onTimeout);
  // An upgraded or CONNECTed socket leaves the pool through 'agentRemove'.
  socket.on('agentRemove', onRemove);
  socket[kAgentListeners] = true;
}

// 1 when the socket was in one of the lists (and is no more), else 0.
function removeEverywhere(agent, name, socket) {
  const busy = dropFrom(agent.sockets, name, socket);
  const idle = dropFrom(agent.freeSockets, name, socket);
  return busy || idle ? 1 : 0;
}

// After a socket left the pool: opens one for a waiting request, of the same
// origin when it has one, else (maxTotalSockets reached earlier) of another.
function openForQueued(agent, options) {
  const name = agent.getName(options);
  let req;
  let reqOptions;
  const own = agent.requests[name];
  if (own !== undefined && own.length > 0) {
    const busy = agent.sockets[name] === undefined ? 0 : agent.sockets[name].length;
    if (busy >= agent.maxSockets) return;
    req = own[0];
    reqOptions = req[kQueuedOptions];
  } else {
    for (const other of Object.keys(agent.requests)) {
      const busy = agent.sockets[other];
      if (busy !== undefined && busy.length >= agent.maxSockets) continue;
      req = agent.requests[other][0];
      reqOptions = req[kQueuedOptions];
      break;
    }
  }
  if (req === undefined || reqOptions === undefined) return;
  if (agent.totalSocketCount >= agent.maxTotalSockets) return;
  req[kQueuedOptions] = undefined;
  agent.createSocket(req, reqOptions, (err, socket) => {
    if (err) {
      dequeue(agent, req, reqOptions);
      req.onSocket(socket, err);
    } else {
      // The new socket goes to the first queued request, via 'free'.
      socket.emit('free');
    }
  });
}

function dequeue(agent, req, options) {
  const name = agent.getName(options);
  const queue = agent.requests[name];
  if (queue === undefined) return;
  const at = queue.indexOf(req);
  if (at >= 0) queue.splice(at, 1);
  if (queue.length === 0) delete agent.requests[name];
}

// The name TLS uses for SNI when a request did not give one: the Host
// header's name (or the host), never an IP address.
function serverNameOf(options, req) {
  let name = options.host;
  const hostHeader = req && req.getHeader && req.getHeader('host');
  if (typeof hostHeader === 'string') {
    if (hostHeader.startsWith('[')) {
      const close = hostHeader.indexOf(']');
      name = close < 0 ? hostHeader : hostHeader.slice(0, close + 1);
    } else {
      name = hostHeader.split(':', 1)[0];
    }
  }
  if (typeof name !== 'string') return '';
  if (netModule().isIP(name.startsWith('[') ? name.slice(1, -1) : name)) return '';
  return name;
}

function connectionOptions(agent, options, req) {
  const merged = { __proto__: null, ...options, ...agent.options };
  if (merged.socketPath) merged.path = merged.socketPath;
  if (!merged.servername && merged.servername !== '') {
    merged.servername = serverNameOf(merged, req);
  }
  return merged;
}

Agent.prototype.createConnection = function createConnection(...args) {
  return netModule().createConnection(...args);
};

// The key of the pool a request's socket comes from.
Agent.prototype.getName = function getName(options = {}) {
  let name = `${options.host || 'localhost'}:`;
  if (options.port) name += options.port;
  name += ':';
  if (options.localAddress) name += options.localAddress;
  if (options.family === 4 || options.family === 6) name += `:${options.family}`;
  if (options.socketPath) name += `:${options.socketPath}`;
  return name;
};

// (req, options) or the old (req, host, port, localAddress).
Agent.prototype.addRequest = function addRequest(req, options, port, localAddress) {
  if (typeof options === 'string') {
    options = { __proto__: null, host: options, port, localAddress };
  }
  options = connectionOptions(this, options, req);
  const name = this.getName(options);
  const idle = this.freeSockets[name];
  const busy = this.sockets[name];
  const open = (idle === undefined ? 0 : idle.length) + (busy === undefined ? 0 : busy.length);
  if (idle !== undefined && idle.length > 0) {
    const socket = this.scheduling === 'fifo' ? idle.shift() : idle.pop();
    if (idle.length === 0) delete this.freeSockets[name];
    this.reuseSocket(socket, req);
    listOf(this.sockets, name).push(socket);
    giveSocket(this, req, socket);
    return;
  }
  if (open < this.maxSockets && this.totalSocketCount < this.maxTotalSockets) {
    this.createSocket(req, options, (err, socket) => {
      if (err) req.onSocket(socket, err);
      else giveSocket(this, req, socket);
    });
    return;
  }
  req[kQueuedOptions] = options;
  listOf(this.requests, name).push(req);
};

// Opens a socket for `req`; cb(err, socket) once it exists (at once for a
// createConnection that returns it, later for one that calls back).
Agent.prototype.createSocket = function createSocket(req, options, cb) {
  const connOptions = connectionOptions(this, options, req);
  const name = this.getName(connOptions);
  connOptions._agentKey = name;
  connOptions.encoding = null;
  let settled = false;
  const created = (err, socket) => {
    if (settled) return;
    settled = true;
    if (err) {
      cb(err);
      return;
    }
    listOf(this.sockets, name).push(socket);
    this.totalSocketCount++;
    watchSocket(this, socket, connOptions);
    cb(null, socket);
  };
  let socket;
  try {
    socket = this.createConnection(connOptions, created);
  } catch (err) {
    process.nextTick(created, err);
    return;
  }
  if (socket) created(null, socket);
};

// A socket that closed or failed leaves every list; a queued request may
// then get a new one.
Agent.prototype.removeSocket = function removeSocket(socket, options) {
  const name = this.getName(options);
  if (socket.writable) {
    if (dropFrom(this.sockets, name, socket)) this.totalSocketCount--;
  } else {
    this.totalSocketCount -= removeEverywhere(this, name, socket);
  }
  openForQueued(this, options);
};

// Readies an idle socket for the pool; false closes it instead. A server's
// `Keep-Alive: timeout=N` shortens the agent's idle timeout to N-1 seconds.
Agent.prototype.keepSocketAlive = function keepSocketAlive(socket) {
  socket.setKeepAlive(true, this.keepAliveMsecs);
  socket.unref();
  let idleTimeout = this.options.timeout || 0;
  const res = socket._httpMessage && socket._httpMessage.res;
  const hint = res && res.headers ? res.headers['keep-alive'] : undefined;
  if (typeof hint === 'string') {
    const match = /^timeout=(\d+)/.exec(hint);
    if (match !== null) {
      const serverMs = Number(match[1]) * 1000 - 1000;
      if (serverMs < 0) return false;
      if (serverMs < idleTimeout) idleTimeout = serverMs;
    }
  }
  if (socket.timeout !== idleTimeout) socket.setTimeout(idleTimeout);
  return true;
};

Agent.prototype.reuseSocket = function reuseSocket(socket, req) {
  socket.removeListener('error', idleSocketError);
  req.reusedSocket = true;
  socket.ref();
};

Agent.prototype.destroy = function destroy() {
  for (const table of [this.freeSockets, this.sockets]) {
    for (const name of Object.keys(table)) {
      for (const socket of table[name].slice()) socket.destroy();
    }
  }
};

let globalAgent = new Agent({ keepAlive: true, scheduling: 'lifo', timeout: 5000 });

module.exports = {
  Agent,
  get globalAgent() {
    return globalAgent;
  },
  set globalAgent(agent) {
    globalAgent = agent;
  },
};

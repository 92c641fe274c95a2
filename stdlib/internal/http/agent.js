'use strict';
// http.Agent: a pool of connections per origin. Requests ask the agent for a
// conn (addRequest); the agent hands out a free kept-alive one, opens a new
// one, or queues the request until a conn is 'free' again. Subclasses (the
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

const kSchedules = ['fifo', 'lifo'];
const emptyTable = () => ({ __proto__: null });

function Agent(settings) {
  if (!(this instanceof Agent)) return new Agent(settings);
  EventEmitter.call(this);
  const opts = { __proto__: null, ...settings };
  opts.noDelay ??= true;
  // A socket path is per request, never the agent's.
  opts.path = null;
  const limit = opts.maxTotalSockets;
  Object.assign(this, {
    defaultPort: 80,
    protocol: 'http:',
    options: opts,
    requests: emptyTable(),
    sockets: emptyTable(),
    freeSockets: emptyTable(),
    keepAliveMsecs: opts.keepAliveMsecs || 1000,
    keepAlive: opts.keepAlive || false,
    maxSockets: opts.maxSockets || Agent.defaultMaxSockets,
    maxFreeSockets: opts.maxFreeSockets || 256,
    scheduling: opts.scheduling || 'lifo',
    maxTotalSockets: limit ?? Infinity,
    totalSocketCount: 0,
  });
  validateOneOf(this.scheduling, 'scheduling', kSchedules);
  if (limit !== undefined) {
    validateNumber(limit, 'maxTotalSockets');
    if (!(limit >= 1)) throw new ERR_OUT_OF_RANGE('maxTotalSockets', '>= 1', limit);
  }
  this.on('free', (conn, connOpts) => socketFreed(this, conn, connOpts));
}
Object.setPrototypeOf(Agent.prototype, EventEmitter.prototype);
Object.setPrototypeOf(Agent, EventEmitter);

Object.defineProperty(Agent, 'defaultMaxSockets', {
  value: Infinity, writable: true, enumerable: true, configurable: true,
});

function listOf(table, name) {
  table[name] ??= [];
  return table[name];
}

// Takes `conn` out of table[name]; true when it was there.
function dropFrom(table, name, conn) {
  const list = table[name];
  if (list === undefined) return false;
  const at = list.indexOf(conn);
  if (at < 0) return false;
  list.splice(at, 1);
  if (list.length === 0) delete table[name];
  return true;
}

// A conn that finished a request: the next queued request of its origin
// gets it, or it waits in the free list, or (no keep-alive) it is closed.
function socketFreed(agent, conn, opts) {
  const name = agent.getName(opts);
  if (!conn.writable) {
    conn.destroy();
    return;
  }
  const queue = agent.requests[name];
  if (queue !== undefined && queue.length > 0) {
    const next = queue.shift();
    if (queue.length === 0) delete agent.requests[name];
    next[kQueuedOptions] = undefined;
    // Handed straight over, never idle: as in Node, not a "reused" socket.
    giveSocket(agent, next, conn);
    return;
  }
  const creq = conn._httpMessage;
  if (!creq || !creq.shouldKeepAlive || !agent.keepAlive) {
    conn.destroy();
    return;
  }
  const idle = agent.freeSockets[name];
  const idleCount = idle === undefined ? 0 : idle.length;
  const busyCount = agent.sockets[name] === undefined ? 0 : agent.sockets[name].length;
  if (agent.totalSocketCount > agent.maxTotalSockets ||
      idleCount + busyCount > agent.maxSockets ||
      idleCount >= agent.maxFreeSockets ||
      !agent.keepSocketAlive(conn)) {
    conn.destroy();
    return;
  }
  conn._httpMessage = null;
  dropFrom(agent.sockets, name, conn);
  listOf(agent.freeSockets, name).push(conn);
  conn.once('error', idleSocketError);
}

// An idle conn that fails (the server reset it) simply leaves the pool.
function idleSocketError() {
  this.destroy();
  this.emit('agentRemove');
}

// Hands a conn to a request. (A new conn got the agent's timeout from
// createConnection, a reused one from keepSocketAlive.)
function giveSocket(agent, creq, conn) {
  creq.onSocket(conn);
}

// Listeners the agent keeps on each conn it opened, for its whole life.
function watchSocket(agent, conn, opts) {
  const onFree = () => agent.emit('free', conn, opts);
  const onClose = () => agent.removeSocket(conn, opts);
  const onTimeout = () => {
    // An idle conn that timed out is closed; a busy one is the request's.
    const idle = agent.freeSockets[agent.getName(opts)];
    if (idle !== undefined && idle.includes(conn)) conn.destroy();
  };
  const onRemove = () => {
    agent.totalSocketCount -= removeEverywhere(agent, agent.getName(opts), conn);
    conn.removeListener('free', onFree);
    conn.removeListener('close', onClose);
    conn.removeListener('timeout', onTimeout);
    conn.removeListener('agentRemove', onRemove);
    conn[kAgentListeners] = undefined;
    openForQueued(agent, opts);
  };
  conn.on('free', onFree);
  conn.on('close', onClose);
  conn.on('timeout', onTimeout);
  // An upgraded or CONNECTed conn leaves the pool through 'agentRemove'.
  conn.on('agentRemove', onRemove);
  conn[kAgentListeners] = true;
}

// 1 when the conn was in one of the lists (and is no more), else 0.
function removeEverywhere(agent, name, conn) {
  const busy = dropFrom(agent.sockets, name, conn);
  const idle = dropFrom(agent.freeSockets, name, conn);
  return busy || idle ? 1 : 0;
}

// After a conn left the pool: opens one for a waiting request, of the same
// origin when it has one, else (maxTotalSockets reached earlier) of another.
function openForQueued(agent, opts) {
  const name = agent.getName(opts);
  let creq;
  let reqOptions;
  const own = agent.requests[name];
  if (own !== undefined && own.length > 0) {
    const busy = agent.sockets[name] === undefined ? 0 : agent.sockets[name].length;
    if (busy >= agent.maxSockets) return;
    creq = own[0];
    reqOptions = creq[kQueuedOptions];
  } else {
    for (const other of Object.keys(agent.requests)) {
      const busy = agent.sockets[other];
      if (busy !== undefined && busy.length >= agent.maxSockets) continue;
      creq = agent.requests[other][0];
      reqOptions = creq[kQueuedOptions];
      break;
    }
  }
  if (creq === undefined || reqOptions === undefined) return;
  if (agent.totalSocketCount >= agent.maxTotalSockets) return;
  creq[kQueuedOptions] = undefined;
  agent.createSocket(creq, reqOptions, (err, conn) => {
    if (err) {
      dequeue(agent, creq, reqOptions);
      creq.onSocket(conn, err);
    } else {
      // The new conn goes to the first queued request, via 'free'.
      conn.emit('free');
    }
  });
}

function dequeue(agent, creq, opts) {
  const name = agent.getName(opts);
  const queue = agent.requests[name];
  if (queue === undefined) return;
  const at = queue.indexOf(creq);
  if (at >= 0) queue.splice(at, 1);
  if (queue.length === 0) delete agent.requests[name];
}

// The name TLS uses for SNI when a request did not give one: the Host
// header's name (or the host), never an IP address.
function serverNameOf(opts, creq) {
  let name = opts.host;
  const hostHeader = creq && creq.getHeader && creq.getHeader('host');
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

function connectionOptions(agent, opts, creq) {
  const merged = { __proto__: null, ...opts, ...agent.options };
  if (merged.socketPath) merged.path = merged.socketPath;
  if (!merged.servername && merged.servername !== '') {
    merged.servername = serverNameOf(merged, creq);
  }
  return merged;
}

Agent.prototype.createConnection = function createConnection(...args) {
  return netModule().createConnection(...args);
};

// The key of the pool a request's conn comes from.
Agent.prototype.getName = function getName(opts = {}) {
  let name = `${opts.host || 'localhost'}:`;
  if (opts.port) name += opts.port;
  name += ':';
  if (opts.localAddress) name += opts.localAddress;
  if (opts.family === 4 || opts.family === 6) name += `:${opts.family}`;
  if (opts.socketPath) name += `:${opts.socketPath}`;
  return name;
};

// (creq, opts) or the old (creq, host, port, localAddress).
Agent.prototype.addRequest = function addRequest(creq, opts, port, localAddress) {
  if (typeof opts === 'string') {
    opts = { __proto__: null, host: opts, port, localAddress };
  }
  opts = connectionOptions(this, opts, creq);
  const name = this.getName(opts);
  const idle = this.freeSockets[name];
  const busy = this.sockets[name];
  const open = (idle === undefined ? 0 : idle.length) + (busy === undefined ? 0 : busy.length);
  if (idle !== undefined && idle.length > 0) {
    const conn = this.scheduling === 'fifo' ? idle.shift() : idle.pop();
    if (idle.length === 0) delete this.freeSockets[name];
    this.reuseSocket(conn, creq);
    listOf(this.sockets, name).push(conn);
    giveSocket(this, creq, conn);
    return;
  }
  if (open < this.maxSockets && this.totalSocketCount < this.maxTotalSockets) {
    this.createSocket(creq, opts, (err, conn) => {
      if (err) creq.onSocket(conn, err);
      else giveSocket(this, creq, conn);
    });
    return;
  }
  creq[kQueuedOptions] = opts;
  listOf(this.requests, name).push(creq);
};

// Opens a conn for `creq`; cb(err, conn) once it exists (at once for a
// createConnection that returns it, later for one that calls back).
Agent.prototype.createSocket = function createSocket(creq, opts, cb) {
  const connOptions = connectionOptions(this, opts, creq);
  const name = this.getName(connOptions);
  connOptions._agentKey = name;
  connOptions.encoding = null;
  let settled = false;
  const created = (err, conn) => {
    if (settled) return;
    settled = true;
    if (err) {
      cb(err);
      return;
    }
    listOf(this.sockets, name).push(conn);
    this.totalSocketCount++;
    watchSocket(this, conn, connOptions);
    cb(null, conn);
  };
  // A createConnection that throws (bad options) throws out of
  // http.request() itself, as in Node.
  const conn = this.createConnection(connOptions, created);
  if (conn) created(null, conn);
};

// A conn that closed or failed leaves every list; a queued request may
// then get a new one.
Agent.prototype.removeSocket = function removeSocket(conn, opts) {
  const name = this.getName(opts);
  if (conn.writable) {
    if (dropFrom(this.sockets, name, conn)) this.totalSocketCount--;
  } else {
    this.totalSocketCount -= removeEverywhere(this, name, conn);
  }
  openForQueued(this, opts);
};

// Readies an idle conn for the pool; false closes it instead. A server's
// `Keep-Alive: timeout=N` shortens the agent's idle timeout to N-1 seconds.
Agent.prototype.keepSocketAlive = function keepSocketAlive(conn) {
  conn.setKeepAlive(true, this.keepAliveMsecs);
  conn.unref();
  let idleTimeout = this.options.timeout || 0;
  const res = conn._httpMessage && conn._httpMessage.res;
  const hint = res && res.headers ? res.headers['keep-alive'] : undefined;
  if (typeof hint === 'string') {
    const match = /^timeout=(\d+)/.exec(hint);
    if (match !== null) {
      const serverMs = Number(match[1]) * 1000 - 1000;
      if (serverMs < 0) return false;
      if (serverMs < idleTimeout) idleTimeout = serverMs;
    }
  }
  if (conn.timeout !== idleTimeout) conn.setTimeout(idleTimeout);
  return true;
};

Agent.prototype.reuseSocket = function reuseSocket(conn, creq) {
  conn.removeListener('error', idleSocketError);
  creq.reusedSocket = true;
  conn.ref();
};

Agent.prototype.destroy = function destroy() {
  for (const table of [this.freeSockets, this.sockets]) {
    for (const name of Object.keys(table)) {
      for (const conn of table[name].slice()) conn.destroy();
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

'use strict';
// net.Server: a listening TCP or pipe handle; each accepted handle becomes a
// Socket given to 'connection'.

const asyncContext = require('../async_hooks/context');
const EventEmitter = require('../../events');
const {
  codes: {
    ERR_INVALID_ARG_VALUE, ERR_SERVER_ALREADY_LISTEN, ERR_SERVER_NOT_RUNNING,
  },
  errnoException,
  uvExceptionWithHostPort,
} = require('../errors');
const { validateNumber, validateObject, validatePort, validateString } =
  require('../validators');
const handles = require('./handles');
const ip = require('./ip');
const args = require('./args');
const { abortWith } = require('./signal');
const { Socket } = require('./socket');
const clusterRole = require('../cluster/role');

const { TCP, Pipe } = handles;

const kDefaultBacklog = 511;
const kNeedsPortOrPath = 'must have the property "port" or "path"';

let dns;
function lookup(...args) {
  dns ??= require('../../dns');
  return dns.lookup(...args);
}

let stdio;
function handleTypeOf(fd) {
  stdio ??= internalBinding('stdio');
  return stdio.guessHandleType(fd);
}

// What a 'drop' listener learns about a refused connection.
function describeDropped(hw) {
  if (!(hw instanceof TCP)) return {};
  const local = {};
  const remote = {};
  hw.getsockname(local);
  hw.getpeername(remote);
  return {
    localAddress: local.address, localPort: local.port, localFamily: local.family,
    remoteAddress: remote.address, remotePort: remote.port, remoteFamily: remote.family,
  };
}

// handle.onconnection of every server, called as a method of the handle.
function onAccepted(status, accepted) {
  const server = this.owner;
  if (server === undefined) return;
  if (status < 0) {
    server.emit('error', errnoException(status, 'accept'));
    return;
  }
  const limit = server.maxConnections;
  if (limit !== undefined && server._connections >= limit) {
    if (server.listenerCount('drop') > 0) server.emit('drop', describeDropped(accepted));
    accepted.close();
    return;
  }
  const isTcp = accepted instanceof TCP;
  if (isTcp && server.noDelay) accepted.setNoDelay(true);
  if (isTcp && server.keepAlive) {
    accepted.setKeepAlive(true, Math.trunc(server.keepAliveInitialDelay / 1000));
  }
  const peer = new Socket({
    handle: accepted,
    allowHalfOpen: server.allowHalfOpen,
    pauseOnCreate: server.pauseOnConnect,
    readable: true,
    writable: true,
    noDelay: server.noDelay,
  });
  server._connections++;
  peer.server = server;
  peer._server = server;
  server.emit('connection', peer);
}

// The backlog of listen(port, host, backlog) / listen(path, backlog) or of
// the options.
function backlogOf(opts, list) {
  let value = opts.backlog;
  if (value === undefined) value = [list[1], list[2]].find((v) => typeof v === 'number');
  return typeof value === 'number' && value >= 0 ? value : kDefaultBacklog;
}

// Callable without `new`, as in Node; the methods live on ServerBase.
function Server(config, listener) {
  if (!(this instanceof Server)) return new Server(config, listener);
  EventEmitter.call(this);
  let settings = {};
  if (typeof config === 'function') {
    listener = config;
  } else if (config !== undefined && config !== null) {
    validateObject(config, 'options');
    settings = config;
  }
  if (typeof listener === 'function') this.on('connection', listener);
  if (settings.highWaterMark !== undefined) {
    validateNumber(settings.highWaterMark, 'options.highWaterMark', 0);
  }
  this._connections = 0;
  this._handle = null;
  this._unref = false;
  this._pipeName = undefined;
  this.allowHalfOpen = settings.allowHalfOpen || false;
  this.pauseOnConnect = !!settings.pauseOnConnect;
  this.noDelay = !!settings.noDelay;
  this.keepAlive = !!settings.keepAlive;
  this.keepAliveInitialDelay = ~~(settings.keepAliveInitialDelay / 1000) * 1000;
  this[kGeneration] = 0;
}

const kGeneration = Symbol('listenGeneration');

class ServerBase extends EventEmitter {
  get listening() {
    return this._handle !== null;
  }

  get connections() {
    return this._connections;
  }

  address() {
    const hw = this._handle;
    if (hw === null) return null;
    if (hw instanceof Pipe || hw.pipePath !== undefined) return this._pipeName;
    const out = {};
    const status = hw.getsockname(out);
    if (status !== 0) throw errnoException(status, 'address');
    return out;
  }

  listen(...list) {
    const [opts, cb] = args.splitArgs(list);
    if (cb !== null) this.once('listening', cb);
    if (this._handle !== null) throw new ERR_SERVER_ALREADY_LISTEN();
    if (opts.signal !== undefined) abortWith(this, opts.signal, 'options.signal', () => this.close());
    const backlog = backlogOf(opts, list);

    const given = opts instanceof TCP || opts instanceof Pipe ? opts : (opts._handle ?? opts.handle);
    if (given != null) {
      this._listenOn(given, backlog, null);
      return this;
    }
    if (typeof opts.fd === 'number' && opts.fd >= 0) {
      const hw = handleTypeOf(opts.fd) === 'TCP' ? new TCP() : new Pipe(false);
      const status = hw.open(opts.fd);
      if (status !== 0) {
        hw.close();
        process.nextTick(() => this.emit('error', errnoException(status, 'listen')));
      } else {
        this._listenOn(hw, backlog, null);
      }
      return this;
    }
    if ('port' in opts || list.length === 0 || typeof list[0] === 'function') {
      let port = 0;
      if (opts.port != null) port = validatePort(opts.port, 'options.port');
      const exclusive = !!opts.exclusive;
      if (!opts.host) {
        this._listenTcp(null, port, backlog, opts.ipv6Only, exclusive);
        return this;
      }
      validateString(opts.host, 'options.host');
      lookup(opts.host, (err, address) => {
        if (err) this.emit('error', err);
        else this._listenTcp(address, port, backlog, opts.ipv6Only, exclusive);
      });
      return this;
    }
    if (!('path' in opts)) throw new ERR_INVALID_ARG_VALUE('options', opts, kNeedsPortOrPath);
    if (typeof opts.path !== 'string') throw new ERR_INVALID_ARG_VALUE('options', opts);
    this._listenPath(opts.path, backlog, opts);
    return this;
  }

  // Binds and listens; errors go to 'error' on the next tick, as in Node.
  // A cluster worker asks the primary instead, unless `exclusive`.
  _listenTcp(address, port, backlog, ipv6Only, exclusive) {
    if (!exclusive && clusterRole.worker !== null) {
      const addressType = address !== null && ip.isIPv6(address) ? 6 : 4;
      clusterRole.worker.listen(this, { address, port, addressType, backlog, ipv6Only: !!ipv6Only });
      return;
    }
    let hw = new TCP();
    let where = address;
    let status;
    if (address === null) {
      // No host: the IPv6 wildcard (which takes IPv4 too), else IPv4's.
      where = '::';
      status = hw.bind6(where, port, !!ipv6Only);
      if (status !== 0) {
        hw.close();
        hw = new TCP();
        where = '0.0.0.0';
        status = hw.bind(where, port);
      }
    } else {
      status = ip.isIPv6(address) ? hw.bind6(address, port, !!ipv6Only) : hw.bind(address, port);
    }
    if (status === 0) status = hw.listen(backlog);
    if (status !== 0) {
      hw.close();
      this._listenFailed(uvExceptionWithHostPort(status, 'listen', where, port));
      return;
    }
    this._adopt(hw);
  }

  _listenPath(path, backlog, opts) {
    if (!opts.exclusive && clusterRole.worker !== null) {
      clusterRole.worker.listen(this, {
        address: path, port: -1, addressType: -1, backlog,
        readableAll: !!opts.readableAll, writableAll: !!opts.writableAll,
      });
      return;
    }
    const hw = new Pipe(false);
    let status = hw.bind(path);
    const { UV_READABLE, UV_WRITABLE } = handles.constants();
    const mode = (opts.readableAll ? UV_READABLE : 0) | (opts.writableAll ? UV_WRITABLE : 0);
    if (status === 0 && mode !== 0) status = hw.fchmod(mode);
    if (status === 0) status = hw.listen(backlog);
    if (status !== 0) {
      hw.close();
      this._listenFailed(uvExceptionWithHostPort(status, 'listen', path, -1));
      return;
    }
    this._pipeName = path;
    this._adopt(hw);
  }

  _listenOn(hw, backlog) {
    if (!(hw instanceof TCP) && !(hw instanceof Pipe)) {
      throw new ERR_INVALID_ARG_VALUE('options', hw, kNeedsPortOrPath);
    }
    const status = hw.listen(backlog);
    if (status !== 0) {
      this._listenFailed(uvExceptionWithHostPort(status, 'listen', null, -1));
      return;
    }
    if (hw instanceof Pipe) {
      const name = hw.getsockname();
      if (typeof name === 'string') this._pipeName = name;
    }
    this._adopt(hw);
  }

  _listenFailed(err) {
    process.nextTick(() => this.emit('error', err));
  }

  // The server listens on `hw` now; 'listening' follows on the next tick
  // unless it was closed in between.
  _adopt(hw) {
    this._handle = hw;
    const generation = ++this[kGeneration];
    hw.owner = this;
    hw.onconnection = asyncContext.bindTo(hw[asyncContext.kFrame], onAccepted);
    if (this._unref) hw.unref();
    process.nextTick(() => {
      if (this._handle === hw && this[kGeneration] === generation) this.emit('listening');
    });
  }

  close(done) {
    if (typeof done === 'function') {
      const notRunning = this._handle === null;
      this.once('close', notRunning ? () => done(new ERR_SERVER_NOT_RUNNING()) : done);
    }
    const hw = this._handle;
    if (hw !== null) {
      this._handle = null;
      hw.close();
    }
    this._closeWhenIdle();
    return this;
  }

  // A connection of this server closed.
  _connectionGone() {
    this._connections--;
    this._closeWhenIdle();
  }

  // 'close' comes once the server stopped listening and has no connection.
  _closeWhenIdle() {
    if (this._handle !== null || this._connections > 0) return;
    process.nextTick(() => {
      if (this._handle !== null || this._connections > 0 || this._closing) return;
      this._closing = true;
      this.emit('close');
      this._closing = false;
    });
  }

  getConnections(cb) {
    const count = this._connections;
    process.nextTick(cb, null, count);
    return this;
  }

  ref() {
    this._unref = false;
    this._handle?.ref();
    return this;
  }

  unref() {
    this._unref = true;
    this._handle?.unref();
    return this;
  }

  [EventEmitter.captureRejectionSymbol](err, event, sock) {
    if (event === 'connection') sock.destroy(err);
    else this.emit('error', err);
  }

  [Symbol.asyncDispose]() {
    if (this._handle === null) return Promise.resolve();
    return new Promise((settle, fail) => this.close((err) => (err ? fail(err) : settle())));
  }
}

Server.prototype = ServerBase.prototype;
Object.defineProperty(Server.prototype, 'constructor', {
  value: Server, writable: true, configurable: true, enumerable: false,
});
Object.setPrototypeOf(Server, EventEmitter);

module.exports = { Server };

'use strict';
// tls.TLSSocket and tls.connect: a net.Socket whose handle is a TLS engine
// (tls_wrap) running over a transport, which is any duplex: the net.Socket
// tls.connect opened, one the app passed as `socket`, or a plain Duplex.
//
// The engine handle speaks the stream-handle protocol net.Socket already
// uses (readStart/readStop, writev, shutdown, close), so reading,
// writing, backpressure and timeouts are net.Socket's own. Ciphertext from
// the transport is fed to the engine; what the engine wants sent goes to
// the transport's write(). Writes made before the handshake finishes wait
// in the handle.

const binding = internalBinding('tls_wrap');
const { Buffer } = require('../../buffer');
const { Duplex } = require('../../stream');
const timers = require('../../timers');
const { codes, connResetError } = require('../errors');
const { validateFunction, validateNumber, validateObject, validateString, validateUint32 } =
  require('../validators');
const { isArrayBufferView } = require('../util/types');
const { Socket } = require('../net/socket');
const { SecureContext, contextHandle, createSecureContext } =
  require('./secure_context');
const { alpnNames, alpnWire, checkServerIdentity } = require('./identity');

const UV_EOF = -4095;
// sslCycle's result bits.
const kFinished = 1;
const kHelloPaused = 2;
const kPeerClosed = 4;
const kEvents = 8;
const kOutput = 16;
const kRenegotiating = 32;
const kRenegotiated = 64;
// Node's limit on renegotiations a client may start (tls.CLIENT_RENEG_*).
const kRenegLimit = 3;
const kRenegWindowMs = 600 * 1000;
// sslConfigure's flags.
const kRequestCert = 1;
const kPauseHello = 2;
const kKeylog = 4;
const kSessions = 8;
const kRequireCert = 16;

const kState = Symbol('tlsState');

let X509Certificate;
function x509(der) {
  X509Certificate ??= require('../crypto/x509').X509Certificate;
  return new X509Certificate(Buffer.from(der.buffer, der.byteOffset, der.byteLength));
}

// The peer went away mid-handshake: a server says "socket hang up".
function disconnectedError(server) {
  return connResetError(server ? 'socket hang up' :
    'Client network socket disconnected before secure TLS connection was established');
}

// The stream handle of a TLSSocket: the engine plus its transport.
class EngineHandle {
  constructor(owner, transport, engine) {
    this.owner = owner;
    this.tls = owner;
    this.transport = transport;
    this.engine = engine;
    this.reading = false;
    this.onread = null;
    this.bytesRead = 0;
    this.bytesWritten = 0;
    this.secure = false;
    this.closed = false;
    // Plaintext read while the socket was not reading: [ArrayBuffer, n].
    this.held = [];
    this.heldEof = false;
    // Writes waiting for the handshake: [req, list].
    this.waiting = [];
  }

  readStart() {
    this.reading = true;
    if (this.transport.isPaused?.()) this.transport.resume();
    while (this.reading && this.held.length > 0) {
      const [memory, n] = this.held.shift();
      this.onread?.(n, memory, this);
    }
    if (this.reading && this.held.length === 0 && this.heldEof) {
      this.heldEof = false;
      this.onread?.(UV_EOF, undefined, this);
    }
    return 0;
  }

  readStop() {
    this.reading = false;
    return 0;
  }

  // Hands plaintext (a Uint8Array over its own ArrayBuffer) to the socket.
  deliver(chunk) {
    this.bytesRead += chunk.length;
    if (this.reading && this.held.length === 0 && this.onread !== null) {
      this.onread(chunk.length, chunk.buffer, this);
    } else {
      this.held.push([chunk.buffer, chunk.length]);
      // Nobody is reading: stop taking more from the peer.
      if (typeof this.transport.pause === 'function') this.transport.pause();
    }
  }

  deliverEof() {
    if (this.reading && this.held.length === 0 && this.onread !== null) {
      this.onread(UV_EOF, undefined, this);
    } else {
      this.heldEof = true;
    }
  }

  // Sends what the engine produced; false when the transport is full.
  flush() {
    const out = binding.sslTake(this.engine);
    if (out === undefined || this.closed) return true;
    const t = this.transport;
    if (t.destroyed || t.writableEnded) return true;
    return t.write(Buffer.from(out.buffer, out.byteOffset, out.byteLength));
  }

  writev(req, list) {
    if (!this.secure) {
      this.waiting.push([req, list]);
      return 0;
    }
    return this.encrypt(req, list);
  }

  writeBuffer(req, data) {
    return this.writev(req, [data]);
  }

  writeUtf8String(req, text) {
    return this.writev(req, [text]);
  }

  encrypt(req, list) {
    try {
      for (const chunk of list) {
        const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
        this.bytesWritten += bytes.length;
        binding.sslWrite(this.engine, bytes);
      }
    } catch (err) {
      this.tls.destroy(err);
      return 1;
    }
    if (this.flush()) return 1;
    this.transport.once('drain', () => req.oncomplete(0, req));
    return 0;
  }

  // The handshake is done: writes made before it go out now.
  releaseWaiting() {
    const waiting = this.waiting;
    this.waiting = [];
    for (const [req, list] of waiting) {
      if (this.encrypt(req, list) === 1) req.oncomplete(0, req);
    }
  }

  shutdown(req) {
    const finish = () => {
      binding.sslShutdown(this.engine);
      this.flush();
      const t = this.transport;
      if (!t.destroyed && !t.writableEnded) t.end();
      process.nextTick(() => req.oncomplete(0, req));
    };
    if (this.secure || this.waiting.length === 0) finish();
    else this.tls.once('secure', finish);
    return 0;
  }

  close(cb) {
    this.closed = true;
    const t = this.transport;
    const done = typeof cb === 'function' ? cb : () => {};
    if (t.closed === true || typeof t.once !== 'function') {
      process.nextTick(done);
      return;
    }
    t.once('close', () => done());
    if (!t.destroyed) t.destroy();
  }

  reset(cb) {
    const t = this.transport;
    if (typeof t.resetAndDestroy === 'function' && t._handle) {
      this.closed = true;
      t.once('close', () => cb());
      t.resetAndDestroy();
      return 0;
    }
    this.close(cb);
    return 0;
  }

  ref() {
    this.transport.ref?.();
  }

  unref() {
    this.transport.unref?.();
  }

  setNoDelay(on) {
    this.transport.setNoDelay?.(on);
  }

  setKeepAlive(on, delay) {
    this.transport.setKeepAlive?.(on, delay * 1000);
  }

  getAsyncId() {
    return this.transport._handle?.getAsyncId?.() ?? -1;
  }

  // What the TLS layer sits on, as Node names it: the net.Socket, or for
  // any other Duplex a JSStreamSocket over it (node:_stream_wrap), made on
  // first use.
  get _parentWrap() {
    const t = this.transport;
    if (t instanceof Socket) return t;
    if (this.parentWrap === undefined) {
      const { JSStreamSocket } = require('../net/stream_wrap');
      this.parentWrap = new JSStreamSocket(t);
    }
    return this.parentWrap;
  }
}

function TLSSocket(socket, opts) {
  if (!(this instanceof TLSSocket)) return Reflect.construct(TLSSocket, [socket, opts]);
  const options = Object.assign({}, opts);
  const isServer = !!options.isServer;
  let context = options.secureContext;
  if (context === undefined) context = createSecureContext(options);
  else if (contextHandle(context) === undefined) throw new codes.ERR_TLS_INVALID_CONTEXT('context');

  let transport = socket;
  if (transport === undefined || transport === null) {
    transport = new Socket();
  } else if (!(transport instanceof Duplex) && typeof transport.write !== 'function') {
    transport = new Duplex(transport);
  }

  const engine = binding.sslNew(contextHandle(context), isServer);
  const handle = new EngineHandle(this, transport, engine);
  Socket.call(this, {
    handle,
    allowHalfOpen: transport.allowHalfOpen ?? options.allowHalfOpen,
    manualStart: true,
  });
  // Node's public and underscore fields, in their starting state.
  Object.assign(this, {
    _parent: transport instanceof Socket ? transport : null,
    server: options.server ?? null,
    encrypted: true,
    authorized: false,
    authorizationError: null,
    alpnProtocol: null,
    servername: null,
    ssl: handle,
    secureConnecting: true,
    _secureEstablished: false,
    _tlsOptions: options,
    _securePending: false,
    _newSessionPending: false,
    _controlReleased: false,
  });
  this[kState] = {
    context,
    handle,
    engine,
    flags: 0,
    server: options.server ?? null,
    timer: null,
    started: false,
    failed: false,
  };
  this.connecting = transport.connecting === true ||
    (transport instanceof Socket && transport._handle === null && !transport.destroyed);

  const st = this[kState];
  if (isServer) {
    configureServerSide(this, options);
  } else {
    configureClientSide(this, options);
  }
  this.on('newListener', watchListeners);
  if (options.enableTrace) binding.sslEnableTrace(engine);
  attachTransport(this, transport);
  // A client handshake starts from tls.connect (or _start()), as in Node.
  if (!this.connecting && !isServer && options._startNow === true) {
    startHandshake(this);
  }
  if (isServer) st.started = true;
  this.read(0);
}

Object.setPrototypeOf(TLSSocket.prototype, Socket.prototype);
Object.setPrototypeOf(TLSSocket, Socket);

function watchListeners(event) {
  const st = this[kState];
  if (event === 'keylog' && !(st.flags & kKeylog)) {
    st.flags |= kKeylog;
    binding.sslConfigure(st.engine, st.flags);
  }
}

function configureClientSide(sock, options) {
  const st = sock[kState];
  st.flags |= kSessions;
  const { servername, ALPNProtocols, session } = options;
  if (options.requestOCSP) binding.sslRequestOCSP(st.engine);
  if (servername !== undefined && servername !== null && servername !== '') {
    validateString(servername, 'options.servername');
    if (require('../net/ip').isIP(servername)) {
      process.emitWarning('Setting the TLS ServerName to an IP address is not permitted by ' +
        'RFC 6066. This will be ignored in a future version.', 'DeprecationWarning', 'DEP0123');
    }
    binding.sslSetServername(st.engine, servername);
  }
  if (ALPNProtocols !== undefined) {
    const wire = alpnWire(ALPNProtocols);
    if (wire !== undefined && wire.length > 0) binding.sslSetALPN(st.engine, wire);
  }
  if (session !== undefined && session !== null) {
    const der = typeof session === 'string' ? Buffer.from(session, 'latin1') : session;
    if (!isArrayBufferView(der)) {
      throw new codes.ERR_INVALID_ARG_TYPE('session', ['Buffer', 'TypedArray', 'DataView'], session);
    }
    binding.sslSetSession(st.engine, der);
  }
  binding.sslConfigure(st.engine, st.flags);
}

function configureServerSide(sock, options) {
  const st = sock[kState];
  const server = st.server;
  if (options.requestCert) st.flags |= kRequestCert;
  if (options.requestCert && options.rejectUnauthorized !== false) st.flags |= kRequireCert;
  const wantsHello = typeof options.SNICallback === 'function' ||
    typeof options.ALPNCallback === 'function' ||
    (server !== null && (server.listenerCount('resumeSession') > 0 ||
      server.listenerCount('OCSPRequest') > 0));
  if (wantsHello) st.flags |= kPauseHello;
  if (server !== null && server.listenerCount('keylog') > 0) st.flags |= kKeylog;
  if (server !== null && server.listenerCount('newSession') > 0) st.flags |= kSessions;
  if (options.ALPNProtocols !== undefined) {
    const wire = alpnWire(options.ALPNProtocols);
    if (wire !== undefined && wire.length > 0) binding.sslSetALPN(st.engine, wire);
  }
  binding.sslConfigure(st.engine, st.flags);
  const timeout = options.handshakeTimeout ?? 120000;
  if (timeout > 0) {
    st.timer = timers.setTimeout(() => {
      st.timer = null;
      // As in Node, a server with a tlsClientError listener leaves the
      // socket to it.
      failHandshake(sock, new codes.ERR_TLS_HANDSHAKE_TIMEOUT(), true);
    }, timeout);
    st.timer.unref();
  }
}

function attachTransport(sock, transport) {
  const handle = sock[kState].handle;
  transport.on('data', (chunk) => {
    if (handle.closed) return;
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    sock._unrefTimer();
    if (sock[kState].started) advance(sock, bytes);
    else binding.sslFeed(handle.engine, bytes);
  });
  transport.on('end', () => {
    if (handle.closed) return;
    if (!sock._secureEstablished) {
      failHandshake(sock, disconnectedError(sock._tlsOptions.isServer));
      return;
    }
    handle.deliverEof();
  });
  transport.on('error', (err) => {
    if (handle.closed) return;
    if (!sock._secureEstablished) failHandshake(sock, err);
    else sock.destroy(err);
  });
  transport.on('close', () => {
    if (handle.closed || sock.destroyed) return;
    if (!sock._secureEstablished) {
      failHandshake(sock, disconnectedError(sock._tlsOptions.isServer));
      return;
    }
    handle.deliverEof();
    // No more bytes can come or go.
    process.nextTick(() => sock.destroy());
  });
  if (sock.connecting) {
    transport.once('connect', () => {
      if (sock.destroyed) return;
      sock._connected();
      if (sock._tlsOptions._startNow === true) startHandshake(sock);
    });
  }
  // A transport that was paused (a server's pauseOnConnect socket, or one
  // the app read from) starts flowing into the engine.
  if (typeof transport.resume === 'function') transport.resume();
}

function startHandshake(sock) {
  const st = sock[kState];
  if (st.started) return;
  st.started = true;
  advance(sock);
}

// Runs the engine on what it has been fed: handshake steps, then
// plaintext. Everything it wants sent is flushed.
function advance(sock, input) {
  const st = sock[kState];
  const handle = st.handle;
  if (handle.closed || st.failed) {
    if (input !== undefined) binding.sslFeed(st.engine, input);
    return;
  }
  const plain = [];
  let bits;
  try {
    bits = binding.sslCycle(st.engine, plain, input);
  } catch (err) {
    handle.flush();
    drainEvents(sock);
    failHandshake(sock, err);
    return;
  }
  if (bits & kEvents) drainEvents(sock);
  if (bits & kHelloPaused) {
    handle.flush();
    onClientHello(sock);
    return;
  }
  if (bits & kRenegotiating) onRenegotiation(sock);
  if ((bits & kFinished) && !sock._secureEstablished) {
    // Our last flight leaves only once the peer is accepted: a rejected
    // server never sees the client's Finished.
    onHandshakeDone(sock);
    if (handle.closed) return;
  }
  if (bits & kRenegotiated) sock.emit('secure');
  for (const chunk of plain) handle.deliver(chunk);
  // Only a finished handshake may have left output (Finished) unsent.
  if (bits & (kOutput | kFinished)) handle.flush();
  if (bits & kPeerClosed) handle.deliverEof();
}

// The peer started a new handshake: refused when renegotiation is off,
// reported as an attack past Node's limit (the connection goes on).
function onRenegotiation(sock) {
  const st = sock[kState];
  if (st.noRenegotiation) {
    sock.destroy(new codes.ERR_TLS_RENEGOTIATION_DISABLED());
    return;
  }
  if (!sock._tlsOptions.isServer) return;
  const now = Date.now();
  st.renegotiations = (st.renegotiations ?? []).filter((t) => now - t < kRenegWindowMs);
  st.renegotiations.push(now);
  if (st.renegotiations.length > kRenegLimit) sock.emit('error', new codes.ERR_TLS_SESSION_ATTACK());
}

// Keylog lines and new sessions the engine recorded.
function drainEvents(sock) {
  const st = sock[kState];
  const [lines, sessions, ids] = binding.sslEvents(st.engine);
  const server = st.server;
  for (const line of lines) {
    const buf = Buffer.from(line.buffer, line.byteOffset, line.byteLength);
    if (server !== null) server.emit('keylog', buf, sock);
    else sock.emit('keylog', buf);
  }
  for (let i = 0; i < sessions.length; i++) {
    const data = Buffer.from(sessions[i]);
    if (server !== null) {
      server.emit('newSession', Buffer.from(ids[i]), data, () => {});
    } else {
      sock.emit('session', data);
    }
  }
}

function failHandshake(sock, err, leaveOpen = false) {
  const st = sock[kState];
  if (st.failed || sock.destroyed) return;
  st.failed = !leaveOpen;
  if (st.timer !== null) {
    timers.clearTimeout(st.timer);
    st.timer = null;
  }
  const server = st.server;
  if (server !== null && !sock._controlReleased) {
    const heard = server.listenerCount('tlsClientError') > 0;
    if (heard) server.emit('tlsClientError', err, sock);
    if (!heard || !leaveOpen) {
      sock._hadError = true;
      sock.destroy();
    }
    return;
  }
  sock.destroy(err);
}

// The callback an app's handshake hook (SNICallback, OCSPRequest,
// resumeSession) answers once: an error fails the handshake; a value is
// applied (apply returns false when it failed the handshake itself), then
// the handshake goes on with next().
function hookAnswer(sock, apply, next) {
  let answered = false;
  return (err, value) => {
    if (answered || sock.destroyed) return;
    answered = true;
    if (err) {
      failHandshake(sock, err);
      return;
    }
    if (apply(value) !== false) next();
  };
}

// The server stopped at the ClientHello: SNICallback, ALPNCallback and
// resumeSession answer (maybe later), then the handshake goes on.
function onClientHello(sock) {
  const st = sock[kState];
  const options = sock._tlsOptions;
  const [servername, alpn, sessionId, wantsOcsp] = binding.sslHello(st.engine);
  const resume = () => {
    if (sock.destroyed) return;
    advance(sock);
  };
  const afterSession = () => {
    if (typeof options.ALPNCallback === 'function') {
      const protocols = alpnNames(Buffer.from(alpn));
      if (protocols.length > 0) {
        let chosen;
        try {
          chosen = options.ALPNCallback({ servername, protocols });
        } catch (err) {
          failHandshake(sock, err);
          return;
        }
        if (chosen !== undefined) {
          if (!protocols.includes(chosen)) {
            failHandshake(sock, new codes.ERR_TLS_ALPN_CALLBACK_INVALID_RESULT(chosen, protocols));
            return;
          }
          binding.sslChooseALPN(st.engine, chosen);
        } else {
          // No protocol: the handshake fails with no_application_protocol.
          binding.sslChooseALPN(st.engine, '');
        }
      }
    }
    resume();
  };
  // OCSPRequest answers with the response to staple (or nothing).
  const afterSni = () => {
    const server = st.server;
    if (!wantsOcsp || server === null || server.listenerCount('OCSPRequest') === 0) {
      afterOcsp();
      return;
    }
    const handle = contextHandle(st.context);
    const cert = binding.ctxGetCertificate(handle);
    const issuer = binding.ctxIssuer(handle);
    server.emit('OCSPRequest', cert === undefined ? null : Buffer.from(cert),
      issuer === undefined ? null : Buffer.from(issuer), hookAnswer(sock, (response) => {
        if (response) binding.sslSetOCSPResponse(st.engine, response);
      }, afterOcsp));
  };
  const afterOcsp = () => {
    const server = st.server;
    if (server !== null && sessionId.length > 0 && server.listenerCount('resumeSession') > 0) {
      server.emit('resumeSession', Buffer.from(sessionId), hookAnswer(sock, (data) => {
        if (data) binding.sslSetSession(st.engine, data);
      }, afterSession));
      return;
    }
    afterSession();
  };
  if (typeof options.SNICallback === 'function' && servername !== '') {
    options.SNICallback(servername, hookAnswer(sock, (context) => {
      if (!context) return true;
      const handle = contextHandle(context);
      if (handle === undefined) {
        failHandshake(sock, new codes.ERR_TLS_INVALID_CONTEXT('context'));
        return false;
      }
      st.context = context;
      binding.sslSetContext(st.engine, handle);
      binding.sslConfigure(st.engine, st.flags);
      return true;
    }, afterSni));
    return;
  }
  afterSni();
}

function onHandshakeDone(sock) {
  const st = sock[kState];
  const options = sock._tlsOptions;
  if (st.timer !== null) {
    timers.clearTimeout(st.timer);
    st.timer = null;
  }
  const info = binding.sslInfo(st.engine);
  sock.alpnProtocol = info[4];
  sock.secureConnecting = false;
  sock._secureEstablished = true;
  st.handle.secure = true;
  if (options.isServer) {
    sock.servername = info[6] ?? false;
    if (st.flags & kRequestCert) {
      const failure = binding.sslVerifyError(st.engine);
      if (failure !== undefined) {
        sock.authorizationError = failure[0];
        if (options.rejectUnauthorized) {
          sock.destroy();
          return;
        }
      } else {
        sock.authorized = true;
      }
    }
    sock._controlReleased = true;
    sock.emit('secure');
    st.handle.releaseWaiting();
    if (st.server !== null) st.server.emit('secureConnection', sock);
    return;
  }
  sock.servername = info[6] ?? null;
  if (options.requestOCSP) {
    const response = binding.sslOCSPResponse(st.engine);
    sock.emit('OCSPResponse', response === undefined ? null : Buffer.from(response));
    if (st.handle.closed) return;
  }
  // The client: the chain, then the name.
  let verifyError = null;
  const failure = binding.sslVerifyError(st.engine);
  if (failure !== undefined) {
    // eslint-disable-next-line no-restricted-syntax
    verifyError = new Error(failure[1]);
    verifyError.code = failure[0];
  } else {
    const host = options.servername || options.host || 'localhost';
    const check = options.checkServerIdentity ?? checkServerIdentity;
    const cert = sock.getPeerCertificate(true);
    verifyError = check(host, cert) ?? null;
  }
  if (verifyError !== null) {
    sock.authorizationError = verifyError.code || verifyError.message;
    if (options.rejectUnauthorized !== false) {
      sock.destroy(verifyError);
      return;
    }
  } else {
    sock.authorized = true;
  }
  sock._controlReleased = true;
  st.handle.releaseWaiting();
  // As in Node, 'secureConnect' comes from the first 'secure' listener, so
  // a 'secure' listener added by a secureConnect callback waits for the
  // next handshake.
  sock.prependOnceListener('secure', () => sock.emit('secureConnect'));
  sock.emit('secure');
}

// The legacy object of a certificate chain (DER list), each linked to its
// issuer; a self-signed root is its own issuer, as in Node.
function legacyChain(list, detailed) {
  if (list.length === 0) return {};
  const objects = list.map((der) => x509(der).toLegacyObject());
  if (!detailed) return objects[0];
  for (let i = 0; i < objects.length - 1; i++) objects[i].issuerCertificate = objects[i + 1];
  const last = objects[objects.length - 1];
  const selfIssued = list.length > 0 && x509(list[list.length - 1]).checkIssued(x509(list[list.length - 1]));
  if (selfIssued) last.issuerCertificate = last;
  return objects[0];
}

const proto = TLSSocket.prototype;

// The engine of a socket that is still open; Node's getters answer null
// once the socket is closed.
function liveEngine(sock) {
  const st = sock[kState];
  return st === undefined || st.handle.closed ? undefined : st.engine;
}

proto._peer = function _peer() {
  const parent = this[kState]?.handle.transport;
  return typeof parent?._peer === 'function' ? parent._peer() : {};
};

proto._local = function _local() {
  const parent = this[kState]?.handle.transport;
  return typeof parent?._local === 'function' ? parent._local() : {};
};

proto.setNoDelay = function setNoDelay(enable) {
  this[kState].handle.transport.setNoDelay?.(enable);
  return this;
};

proto.setKeepAlive = function setKeepAlive(enable, delay) {
  this[kState].handle.transport.setKeepAlive?.(enable, delay);
  return this;
};

proto.getPeerCertificate = function getPeerCertificate(detailed) {
  const engine = liveEngine(this);
  if (engine === undefined) return null;
  return legacyChain(binding.sslPeerChain(engine), !!detailed);
};

proto.getCertificate = function getCertificate() {
  const st = this[kState];
  if (st === undefined) return null;
  const der = binding.sslCertificate(st.engine);
  return der === undefined ? {} : x509(der).toLegacyObject();
};

proto.getPeerX509Certificate = function getPeerX509Certificate() {
  const list = binding.sslPeerChain(this[kState].engine);
  return list.length === 0 ? undefined : x509(list[0]);
};

proto.getX509Certificate = function getX509Certificate() {
  const der = binding.sslCertificate(this[kState].engine);
  return der === undefined ? undefined : x509(der);
};

proto.getCipher = function getCipher() {
  const engine = liveEngine(this);
  if (engine === undefined) return null;
  const info = binding.sslInfo(engine);
  if (info[1] === undefined) return undefined;
  return { name: info[1], standardName: info[2], version: info[3] };
};

proto.getProtocol = function getProtocol() {
  const engine = liveEngine(this);
  return engine === undefined ? null : binding.sslInfo(engine)[0] ?? null;
};

proto.isSessionReused = function isSessionReused() {
  const engine = liveEngine(this);
  return engine === undefined ? null : binding.sslInfo(engine)[5];
};

proto.getSession = function getSession() {
  const der = binding.sslSession(this[kState].engine);
  return der === undefined ? undefined : Buffer.from(der);
};

proto.getTLSTicket = function getTLSTicket() {
  const ticket = binding.sslTicket(this[kState].engine);
  return ticket === undefined ? undefined : Buffer.from(ticket);
};

proto.getFinished = function getFinished() {
  const bytes = binding.sslFinished(this[kState].engine, false);
  return bytes === undefined ? undefined : Buffer.from(bytes);
};

proto.getPeerFinished = function getPeerFinished() {
  const bytes = binding.sslFinished(this[kState].engine, true);
  return bytes === undefined ? undefined : Buffer.from(bytes);
};

proto.getEphemeralKeyInfo = function getEphemeralKeyInfo() {
  const st = this[kState];
  // Node answers null for a server socket (its docs say {}).
  if (this._tlsOptions.isServer || st.handle.closed) return null;
  const key = binding.sslEphemeralKey(st.engine);
  if (key === undefined) return {};
  const [type, name, size] = key;
  return type === 'DH' ? { type, size } : { type, name, size };
};

proto.getSharedSigalgs = function getSharedSigalgs() {
  return binding.sslSharedSigalgs(this[kState].engine);
};

proto.exportKeyingMaterial = function exportKeyingMaterial(length, label, context) {
  validateUint32(length, 'length', true);
  validateString(label, 'label');
  if (context !== undefined && !isArrayBufferView(context)) {
    throw new codes.ERR_INVALID_ARG_TYPE('context', ['Buffer', 'TypedArray', 'DataView'], context);
  }
  if (!this._secureEstablished) throw new codes.ERR_TLS_INVALID_STATE();
  return Buffer.from(binding.sslExportKeyingMaterial(this[kState].engine, length, label, context));
};

proto.setMaxSendFragment = function setMaxSendFragment(size) {
  validateNumber(size, 'size');
  return binding.sslSetMaxSendFragment(this[kState].engine, size);
};

proto.setServername = function setServername(name) {
  validateString(name, 'name');
  if (this._tlsOptions.isServer) throw new codes.ERR_TLS_SNI_FROM_SERVER();
  binding.sslSetServername(this[kState].engine, name);
};

proto.setSession = function setSession(session) {
  const der = typeof session === 'string' ? Buffer.from(session, 'latin1') : session;
  binding.sslSetSession(this[kState].engine, der);
};

proto.renegotiate = function renegotiate(options, callback) {
  validateObject(options, 'options');
  if (callback !== undefined) validateFunction(callback, 'callback');
  const engine = liveEngine(this);
  if (engine === undefined) return undefined;
  const st = this[kState];
  if (options.requestCert !== undefined || options.rejectUnauthorized !== undefined) {
    if (options.requestCert) st.flags |= kRequestCert;
    else if (options.requestCert === false) st.flags &= ~kRequestCert;
    if (options.rejectUnauthorized !== undefined) this._tlsOptions.rejectUnauthorized = options.rejectUnauthorized;
    binding.sslConfigure(engine, st.flags);
  }
  try {
    binding.sslRenegotiate(engine);
  } catch (err) {
    if (callback !== undefined) process.nextTick(callback, err);
    return false;
  }
  st.handle.flush();
  if (callback !== undefined) this.once('secure', () => callback(null));
  return true;
};

proto.disableRenegotiation = function disableRenegotiation() {
  this[kState].noRenegotiation = true;
};

proto.enableTrace = function enableTrace() {
  const engine = liveEngine(this);
  if (engine !== undefined) binding.sslEnableTrace(engine);
};

proto._start = function _start() {
  startHandshake(this);
};

// Node's TLSSocket#address() and friends come from net.Socket; _handle is
// the engine, so `bytesWritten` and the rest read from it.

// tls.connect(options[, callback]) / (port[, host][, options][, callback]).
function connect(...list) {
  let options = {};
  let callback;
  const rest = [];
  for (const arg of list) {
    if (typeof arg === 'function') callback = arg;
    else rest.push(arg);
  }
  if (rest.length > 0 && rest[0] !== null && typeof rest[0] === 'object') {
    options = { ...rest[0] };
  } else {
    // A string that is not a number is a Unix socket path.
    const first = rest[0];
    if (typeof first === 'string' && first !== '' && Number.isNaN(Number(first))) options.path = first;
    else if (first !== undefined) options.port = first;
    if (typeof rest[1] === 'string') options.host = rest[1];
    const extra = rest.find((a, i) => i > 0 && a !== null && typeof a === 'object');
    if (extra) options = { ...extra, ...options };
  }
  options.rejectUnauthorized = !(options.rejectUnauthorized === false);
  if (options.checkServerIdentity !== undefined) {
    validateFunction(options.checkServerIdentity, 'options.checkServerIdentity');
  }
  if (options.servername === undefined && options.host && !require('../net/ip').isIP(options.host)) {
    options.servername = options.host;
  }
  if (options.servername === undefined && !options.host && !options.socket && options.path === undefined) {
    options.servername = 'localhost';
  }
  let transport = options.socket;
  if (transport === undefined || transport === null) {
    const net = require('../../net');
    const netOptions = Object.assign({}, options);
    delete netOptions.servername;
    // The idle timeout belongs to the TLS socket (set below), not to both.
    delete netOptions.timeout;
    if (netOptions.host === undefined && netOptions.path === undefined) netOptions.host = 'localhost';
    transport = net.connect(netOptions);
  }
  const sock = new TLSSocket(transport,
                             Object.assign({}, options, { isServer: false, _startNow: true }));
  if (callback) sock.once('secureConnect', callback);
  if (options.timeout) sock.setTimeout(options.timeout);
  return sock;
}

module.exports = { TLSSocket, SecureContext, connect, kState };

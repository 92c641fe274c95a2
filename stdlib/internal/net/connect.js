'use strict';
// The second half of socket.connect(): host lookup, the autoSelectFamily
// attempts one address after another, and the connect requests themselves.

const asyncContext = require('../async_hooks/context');
const timers = require('../../timers');
const {
  codes: {
    ERR_INVALID_ADDRESS_FAMILY, ERR_INVALID_ARG_TYPE, ERR_INVALID_IP_ADDRESS,
  },
  dnsException,
  exceptionWithHostPort,
} = require('../errors');
const { validateFunction, validateNumber, validateOneOf, validatePort } =
  require('../validators');
const { TCP } = require('./handles');
const { isIP } = require('./ip');
const autoSelect = require('./autoselect');

let dns;
function defaultLookup() {
  dns ??= require('../../dns');
  return dns.lookup;
}

// req.oncomplete of a connect request.
function connectDone(status, req) {
  const sock = req.owner;
  if (sock.destroyed || req.abandoned) return;
  if (status === 0) {
    sock._connected();
    return;
  }
  if (req.retry !== undefined && req.retry(status)) return;
  sock.destroy(connectError(status, req));
}

function connectError(status, req) {
  if (req.path !== undefined) return exceptionWithHostPort(status, 'connect', req.path);
  const local = req.localAddress !== undefined && req.localPort !== undefined ?
    `${req.localAddress}:${req.localPort}` : undefined;
  const err = exceptionWithHostPort(status, 'connect', req.address, req.port, local);
  if (local !== undefined) {
    err.localAddress = req.localAddress;
    err.localPort = req.localPort;
  }
  return err;
}

function connectPath(sock, path) {
  const req = { oncomplete: asyncContext.bind(connectDone, 'PIPECONNECTWRAP'), owner: sock, path };
  const status = sock._handle.connect(req, path);
  if (status !== 0) sock.destroy(exceptionWithHostPort(status, 'connect', path));
}

// One TCP attempt. `retry(status)` (optional) may take a failure over and
// return true. Returns the request, or null when it could not start.
function connectAddress(sock, target, address, family, retry) {
  const hw = sock._handle;
  const { localAddress, localPort } = target;
  if (localAddress !== undefined || localPort !== undefined) {
    const from = localAddress || (family === 6 ? '::' : '0.0.0.0');
    const bound = family === 6 ? hw.bind6(from, localPort | 0) : hw.bind(from, localPort | 0);
    if (bound !== 0) {
      sock.destroy(exceptionWithHostPort(bound, 'bind', from, localPort));
      return null;
    }
  }
  const req = {
    oncomplete: asyncContext.bind(connectDone, 'TCPCONNECTWRAP'), owner: sock, address, port: target.port, retry,
    localAddress, localPort, abandoned: false,
  };
  const status = family === 6 ?
    hw.connect6(req, address, target.port) : hw.connect(req, address, target.port);
  if (status === 0) return req;
  if (retry === undefined || !retry(status)) {
    sock.destroy(exceptionWithHostPort(status, 'connect', address, target.port));
  }
  return null;
}

// Destroys the socket when a lookup function answered something unusable.
function rejectAnswer(sock, address, family, target) {
  if (!isIP(address)) {
    sock.destroy(new ERR_INVALID_IP_ADDRESS(address));
    return true;
  }
  if (family !== 4 && family !== 6) {
    sock.destroy(new ERR_INVALID_ADDRESS_FAMILY(family, target.host, target.port));
    return true;
  }
  return false;
}

// The connect options, checked: host, port, family, local address, lookup.
function readTarget(opts) {
  const target = {
    host: opts.host || 'localhost',
    port: 0,
    family: 0,
    localAddress: opts.localAddress,
    localPort: opts.localPort,
    hints: opts.hints || 0,
    lookup: opts.lookup,
  };
  if (target.localAddress && !isIP(target.localAddress)) {
    throw new ERR_INVALID_IP_ADDRESS(target.localAddress);
  }
  if (target.localPort) validateNumber(target.localPort, 'options.localPort');
  const { port } = opts;
  if (port !== undefined) {
    if (!['number', 'string'].includes(typeof port)) {
      throw new ERR_INVALID_ARG_TYPE('options.port', ['number', 'string'], port);
    }
    target.port = validatePort(port);
  }
  if (opts.family !== undefined && opts.family !== null) {
    const named = { IPv4: 4, IPv6: 6 }[opts.family];
    target.family = named ?? opts.family;
    validateOneOf(target.family, 'options.family', [0, 4, 6]);
  }
  if (target.lookup !== undefined) validateFunction(target.lookup, 'options.lookup');
  return target;
}

function startConnecting(sock, opts, viaPath) {
  if (viaPath) {
    connectPath(sock, opts.path);
    return;
  }
  const target = readTarget(opts);
  const literal = isIP(target.host);
  if (literal !== 0) {
    process.nextTick(() => {
      if (sock.connecting) connectAddress(sock, target, target.host, literal);
    });
    return;
  }
  const everyFamily = target.family === 0 &&
    (opts.autoSelectFamily ?? autoSelect.getDefaultAutoSelectFamily());
  const wait = Math.max(10, opts.autoSelectFamilyAttemptTimeout ??
    autoSelect.getDefaultAutoSelectFamilyAttemptTimeout());
  const query = { family: target.family, hints: target.hints };
  if (everyFamily) query.all = true;
  sock._host = target.host;
  const lookup = target.lookup ?? defaultLookup();
  lookup(target.host, query, (err, answer, answerFamily) => {
    if (!sock.connecting) return;
    if (err) {
      sock.emit('lookup', err, undefined, undefined, target.host);
      process.nextTick(() => sock.destroy(err));
      return;
    }
    if (!everyFamily || !Array.isArray(answer)) {
      sock.emit('lookup', null, answer, answerFamily, target.host);
      if (!rejectAnswer(sock, answer, answerFamily, target)) {
        connectAddress(sock, target, answer, answerFamily);
      }
      return;
    }
    for (const entry of answer) {
      sock.emit('lookup', null, entry.address, entry.family, target.host);
    }
    if (answer.length === 0) {
      sock.destroy(dnsException('ENOTFOUND', 'getaddrinfo', target.host));
      return;
    }
    if (answer.some((entry) => rejectAnswer(sock, entry.address, entry.family, target))) return;
    attemptInTurn(sock, target, answer, wait);
  });
}

// autoSelectFamily: tries the addresses in turn, moving on when one fails
// or takes longer than `wait` ms. Each attempt uses a fresh handle.
function attemptInTurn(sock, target, answers, wait) {
  const tried = [];
  sock.autoSelectFamilyAttemptedAddresses = tried;
  const failures = [];
  let next = 0;
  let timer = null;
  const stopTimer = () => {
    if (timer !== null) timers.clearTimeout(timer);
    timer = null;
  };
  const freshHandle = () => {
    const spent = sock._handle;
    spent.onread = null;
    spent.close();
    sock._attach(new TCP());
  };
  const attempt = () => {
    const { address, family } = answers[next++];
    tried.push(`${address}:${target.port}`);
    sock.emit('connectionAttempt', address, target.port, family);
    const retry = (status) => {
      stopTimer();
      const err = exceptionWithHostPort(status, 'connect', address, target.port);
      sock.emit('connectionAttemptFailed', address, target.port, family, err);
      failures.push(err);
      if (next < answers.length) {
        freshHandle();
        attempt();
        return true;
      }
      // A single address fails with its own error, several with all.
      if (failures.length === 1) return false;
      const all = new AggregateError(failures);
      all.code = err.code;
      sock.destroy(all);
      return true;
    };
    const req = connectAddress(sock, target, address, family, retry);
    if (req === null || next >= answers.length) return;
    timer = timers.setTimeout(() => {
      timer = null;
      if (!sock.connecting) return;
      req.abandoned = true;
      sock.emit('connectionAttemptTimeout', address, target.port, family);
      freshHandle();
      attempt();
    }, wait);
    timer.unref();
  };
  sock.once('connect', stopTimer);
  attempt();
}

module.exports = { startConnecting };

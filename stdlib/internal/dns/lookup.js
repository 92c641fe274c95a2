'use strict';
// dns.lookup and dns.lookupService on the system resolver (getaddrinfo and
// getnameinfo on libuv's thread pool), shared by node:dns and dns/promises.

const asyncContext = require('../async_hooks/context');
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_MISSING_ARGS },
  dnsException,
} = require('../errors');
const validators = require('../validators');
const { isIP } = require('../net/ip');

let binding;
function native() {
  binding ??= internalBinding('dns');
  return binding;
}

// getaddrinfo's AI_* flags as Node numbers them (Linux values).
const flags = { ADDRCONFIG: 32, V4MAPPED: 8, ALL: 16 };
const kKnownHints = flags.ADDRCONFIG | flags.V4MAPPED | flags.ALL;

const kOrders = ['verbatim', 'ipv4first', 'ipv6first'];
const resolverDefaults = { order: 'verbatim', warnedEmptyHost: false };

function setDefaultResultOrder(order) {
  validators.validateOneOf(order, 'dnsOrder', kOrders);
  resolverDefaults.order = order;
}

const getDefaultResultOrder = () => resolverDefaults.order;

// An empty host name is looked up as nothing, with Node's warning (once).
function warnEmptyHost(name) {
  if (resolverDefaults.warnedEmptyHost) return;
  resolverDefaults.warnedEmptyHost = true;
  process.emitWarning(
    `The provided hostname "${name}" is not a valid hostname, and is supported ` +
    'in the dns module solely for compatibility.', 'DeprecationWarning', 'DEP0118');
}

// lookup()'s options object, checked, as { family, hints, all, order }.
function readLookupObject(given, out) {
  if (given.hints != null) {
    if (typeof given.hints !== 'number') {
      throw new ERR_INVALID_ARG_TYPE('options.hints', 'number', given.hints);
    }
    out.hints = given.hints >>> 0;
    if ((out.hints & ~kKnownHints) !== 0) throw new ERR_INVALID_ARG_VALUE('hints', out.hints);
  }
  if (given.family != null) {
    const named = { IPv4: 4, IPv6: 6 }[given.family];
    if (named === undefined) validators.validateOneOf(given.family, 'options.family', [0, 4, 6]);
    out.family = named ?? given.family;
  }
  if (given.all != null) {
    validators.validateBoolean(given.all, 'options.all');
    out.all = given.all;
  }
  if (given.verbatim != null) {
    validators.validateBoolean(given.verbatim, 'options.verbatim');
    out.order = given.verbatim ? 'verbatim' : 'ipv4first';
  }
  if (given.order != null) {
    validators.validateOneOf(given.order, 'options.order', kOrders);
    out.order = given.order;
  }
  return out;
}

// Checks lookup()'s (hostname, options) and returns the settings.
function lookupSettings(host, given) {
  if (host != null && typeof host !== 'string') {
    throw new ERR_INVALID_ARG_TYPE('hostname', 'string', host);
  }
  const out = { family: 0, hints: 0, all: false, order: resolverDefaults.order };
  switch (typeof given) {
    case 'number':
      validators.validateOneOf(given, 'family', [0, 4, 6]);
      out.family = given;
      return out;
    case 'undefined':
      return out;
    case 'object':
      return given === null ? out : readLookupObject(given, out);
    default:
      throw new ERR_INVALID_ARG_TYPE('options', ['integer', 'object'], given);
  }
}

// The answers in the requested order: one family first, stable otherwise.
function inOrder(list, order) {
  if (order === 'verbatim') return list;
  const first = order === 'ipv4first' ? 4 : 6;
  const ahead = list.filter((entry) => entry.family === first);
  return ahead.concat(list.filter((entry) => entry.family !== first));
}

// Resolves `host`; done(err, list) with list = [{ address, family }].
function resolveHost(host, settings, done) {
  done = asyncContext.bind(done, 'GETADDRINFOREQWRAP');
  if (!host) {
    if (host === '') warnEmptyHost(host);
    process.nextTick(done, null, []);
    return;
  }
  const literal = isIP(host);
  if (literal !== 0) {
    process.nextTick(done, null, [{ address: host, family: literal }]);
    return;
  }
  const req = {
    oncomplete(status, flat) {
      if (status !== 0) {
        done(dnsException(status, 'getaddrinfo', host));
        return;
      }
      const list = [];
      for (let at = 0; at < flat.length; at += 2) list.push({ address: flat[at], family: flat[at + 1] });
      done(null, inOrder(list, settings.order));
    },
  };
  const status = native().getaddrinfo(req, host, settings.family, settings.hints);
  if (status !== 0) process.nextTick(done, dnsException(status, 'getaddrinfo', host));
}

// The answer shape of lookup(): every address, the first, or (for an empty
// host name) null with the family asked for.
function pickAnswer(list, settings) {
  if (settings.all) return list;
  if (list.length > 0) return list[0];
  return { address: null, family: settings.family === 6 ? 6 : 4 };
}

function lookup(host, opts, cb) {
  if (typeof opts === 'function') {
    cb = opts;
    opts = undefined;
  }
  validators.validateFunction(cb, 'callback');
  const settings = lookupSettings(host, opts);
  resolveHost(host, settings, (err, list) => {
    if (err) return cb(err);
    const answer = pickAnswer(list, settings);
    if (settings.all) cb(null, answer);
    else cb(null, answer.address, answer.family);
  });
  return {};
}

function lookupPromise(host, opts) {
  const settings = lookupSettings(host, opts);
  return new Promise((settle, fail) => {
    resolveHost(host, settings, (err, list) => (err ? fail(err) : settle(pickAnswer(list, settings))));
  });
}

function serviceArgs(address, port, cb, needsCallback) {
  if (address === undefined || port === undefined || (needsCallback && cb === undefined)) {
    throw new ERR_MISSING_ARGS('address', 'port', 'callback');
  }
  validators.validateString(address, 'address');
  if (isIP(address) === 0) throw new ERR_INVALID_ARG_VALUE('address', address);
  return validators.validatePort(port);
}

function resolveService(address, port, done) {
  done = asyncContext.bind(done, 'GETNAMEINFOREQWRAP');
  const req = {
    oncomplete(status, hostname, service) {
      if (status !== 0) done(dnsException(status, 'getnameinfo', address));
      else done(null, hostname, service);
    },
  };
  const status = native().getnameinfo(req, address, port);
  if (status !== 0) process.nextTick(done, dnsException(status, 'getnameinfo', address));
}

function lookupService(address, port, cb) {
  const portNumber = serviceArgs(address, port, cb, true);
  validators.validateFunction(cb, 'callback');
  resolveService(address, portNumber, cb);
  return {};
}

function lookupServicePromise(address, port) {
  const portNumber = serviceArgs(address, port, undefined, false);
  return new Promise((settle, fail) => {
    resolveService(address, portNumber, (err, hostname, service) => (
      err ? fail(err) : settle({ hostname, service })));
  });
}

// The string constants of dns errors (dns.NOTFOUND === 'ENOTFOUND').
const errorCodes = {};
for (const name of [
  'NODATA', 'FORMERR', 'SERVFAIL', 'NOTFOUND', 'NOTIMP', 'REFUSED', 'BADQUERY', 'BADNAME',
  'BADFAMILY', 'BADRESP', 'CONNREFUSED', 'TIMEOUT', 'EOF', 'FILE', 'NOMEM', 'DESTRUCTION',
  'BADSTR', 'BADFLAGS', 'NONAME', 'BADHINTS', 'NOTINITIALIZED', 'LOADIPHLPAPI',
  'ADDRGETNETWORKPARAMS', 'CANCELLED',
]) {
  errorCodes[name] = name === 'EOF' ? 'EOF' : `E${name}`;
}

module.exports = {
  ...flags,
  errorCodes,
  getDefaultResultOrder,
  lookup,
  lookupPromise,
  lookupService,
  lookupServicePromise,
  setDefaultResultOrder,
};

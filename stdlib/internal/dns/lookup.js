'use strict';
// dns.lookup and dns.lookupService on the system resolver (getaddrinfo and
// getnameinfo on libuv's thread pool), shared by node:dns and dns/promises.

const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_MISSING_ARGS },
  dnsException,
} = require('../errors');
const { validateFunction, validatePort, validateString, validateOneOf, validateBoolean } =
  require('../validators');
const { isIP } = require('../net/ip');

let binding;
function native() {
  binding ??= internalBinding('dns');
  return binding;
}

// getaddrinfo's AI_* flags as Node numbers them (Linux values).
const ADDRCONFIG = 32;
const V4MAPPED = 8;
const ALL = 16;

const kOrders = ['verbatim', 'ipv4first', 'ipv6first'];
let defaultOrder = 'verbatim';

function setDefaultResultOrder(order) {
  validateOneOf(order, 'dnsOrder', kOrders);
  defaultOrder = order;
}

function getDefaultResultOrder() {
  return defaultOrder;
}

let warnedEmptyHost = false;
function warnEmptyHost(hostname) {
  if (warnedEmptyHost) return;
  warnedEmptyHost = true;
  process.emitWarning(
    `The provided hostname "${hostname}" is not a valid hostname, and is supported ` +
    'in the dns module solely for compatibility.', 'DeprecationWarning', 'DEP0118');
}

// Checks lookup()'s (hostname, options) and returns the settings.
function lookupSettings(hostname, options) {
  if (hostname !== undefined && hostname !== null && typeof hostname !== 'string') {
    throw new ERR_INVALID_ARG_TYPE('hostname', 'string', hostname);
  }
  let family = 0;
  let hints = 0;
  let all = false;
  let order = defaultOrder;
  if (typeof options === 'number') {
    validateOneOf(options, 'family', [0, 4, 6]);
    family = options;
  } else if (options !== undefined && options !== null && typeof options !== 'object') {
    // lookup(hostname, 'x', cb): Node reports the type of options.
    throw new ERR_INVALID_ARG_TYPE('options', ['integer', 'object'], options);
  } else if (options) {
    if (options.hints != null) {
      if (typeof options.hints !== 'number') {
        throw new ERR_INVALID_ARG_TYPE('options.hints', 'number', options.hints);
      }
      hints = options.hints >>> 0;
      if ((hints & ~(ADDRCONFIG | ALL | V4MAPPED)) !== 0) {
        throw new ERR_INVALID_ARG_VALUE('hints', hints);
      }
    }
    if (options.family != null) {
      if (options.family === 'IPv4') family = 4;
      else if (options.family === 'IPv6') family = 6;
      else {
        validateOneOf(options.family, 'options.family', [0, 4, 6]);
        family = options.family;
      }
    }
    if (options.all != null) {
      validateBoolean(options.all, 'options.all');
      all = options.all;
    }
    if (options.verbatim != null) {
      validateBoolean(options.verbatim, 'options.verbatim');
      order = options.verbatim ? 'verbatim' : 'ipv4first';
    }
    if (options.order != null) {
      validateOneOf(options.order, 'options.order', kOrders);
      order = options.order;
    }
  }
  return { family, hints, all, order };
}

// Puts the answers in the requested order (a stable sort by family).
function orderAnswers(list, order) {
  if (order === 'verbatim') return list;
  const first = order === 'ipv4first' ? 4 : 6;
  return [...list.filter((a) => a.family === first), ...list.filter((a) => a.family !== first)];
}

// Resolves `hostname`; done(err, list) with list = [{ address, family }].
function resolveHost(hostname, settings, done) {
  if (!hostname) {
    if (hostname === '') warnEmptyHost(hostname);
    process.nextTick(done, null, []);
    return;
  }
  const literal = isIP(hostname);
  if (literal) {
    process.nextTick(done, null, [{ address: hostname, family: literal }]);
    return;
  }
  const req = {
    oncomplete(status, flat) {
      if (status !== 0) {
        done(dnsException(status, 'getaddrinfo', hostname));
        return;
      }
      let list = [];
      for (let i = 0; i < flat.length; i += 2) {
        list.push({ address: flat[i], family: flat[i + 1] });
      }
      list = orderAnswers(list, settings.order);
      done(null, list);
    },
  };
  const err = native().getaddrinfo(req, hostname, settings.family, settings.hints);
  if (err) process.nextTick(done, dnsException(err, 'getaddrinfo', hostname));
}

function lookup(hostname, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  validateFunction(callback, 'callback');
  const settings = lookupSettings(hostname, options);
  resolveHost(hostname, settings, (err, list) => {
    if (err) {
      callback(err);
    } else if (settings.all) {
      callback(null, list);
    } else if (list.length === 0) {
      // An empty host name answers null, as Node does.
      callback(null, null, settings.family === 6 ? 6 : 4);
    } else {
      callback(null, list[0].address, list[0].family);
    }
  });
  return {};
}

function lookupPromise(hostname, options) {
  const settings = lookupSettings(hostname, options);
  return new Promise((resolve, reject) => {
    resolveHost(hostname, settings, (err, list) => {
      if (err) reject(err);
      else if (settings.all) resolve(list);
      else if (list.length === 0) resolve({ address: null, family: settings.family === 6 ? 6 : 4 });
      else resolve(list[0]);
    });
  });
}

function checkServiceArgs(address, port, needCallback, callback) {
  if (address === undefined || port === undefined || (needCallback && callback === undefined)) {
    throw new ERR_MISSING_ARGS('address', 'port', 'callback');
  }
  validateString(address, 'address');
  if (isIP(address) === 0) throw new ERR_INVALID_ARG_VALUE('address', address);
  return validatePort(port);
}

function startService(address, port, done) {
  const req = {
    oncomplete(status, hostname, service) {
      if (status !== 0) done(dnsException(status, 'getnameinfo', address));
      else done(null, hostname, service);
    },
  };
  const err = native().getnameinfo(req, address, port);
  if (err) process.nextTick(done, dnsException(err, 'getnameinfo', address));
}

function lookupService(address, port, callback) {
  port = checkServiceArgs(address, port, true, callback);
  validateFunction(callback, 'callback');
  startService(address, port, callback);
  return {};
}

function lookupServicePromise(address, port) {
  port = checkServiceArgs(address, port, false);
  return new Promise((resolve, reject) => {
    startService(address, port, (err, hostname, service) => {
      if (err) reject(err);
      else resolve({ hostname, service });
    });
  });
}

// The error dns.lookup gives for a name with no usable address.
function notFoundError(hostname) {
  return dnsException('ENOTFOUND', 'getaddrinfo', hostname);
}

const errorCodes = {
  NODATA: 'ENODATA', FORMERR: 'EFORMERR', SERVFAIL: 'ESERVFAIL', NOTFOUND: 'ENOTFOUND',
  NOTIMP: 'ENOTIMP', REFUSED: 'EREFUSED', BADQUERY: 'EBADQUERY', BADNAME: 'EBADNAME',
  BADFAMILY: 'EBADFAMILY', BADRESP: 'EBADRESP', CONNREFUSED: 'ECONNREFUSED',
  TIMEOUT: 'ETIMEOUT', EOF: 'EOF', FILE: 'EFILE', NOMEM: 'ENOMEM',
  DESTRUCTION: 'EDESTRUCTION', BADSTR: 'EBADSTR', BADFLAGS: 'EBADFLAGS', NONAME: 'ENONAME',
  BADHINTS: 'EBADHINTS', NOTINITIALIZED: 'ENOTINITIALIZED', LOADIPHLPAPI: 'ELOADIPHLPAPI',
  ADDRGETNETWORKPARAMS: 'EADDRGETNETWORKPARAMS', CANCELLED: 'ECANCELLED',
};

module.exports = {
  ADDRCONFIG,
  ALL,
  V4MAPPED,
  errorCodes,
  getDefaultResultOrder,
  lookup,
  lookupPromise,
  lookupService,
  lookupServicePromise,
  notFoundError,
  setDefaultResultOrder,
};

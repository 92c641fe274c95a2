'use strict';
// dns.Resolver and the resolve*() family on c-ares (the cares binding), in
// callback and promise forms; node:dns and dns/promises each keep a default
// resolver made on first use.

const {
  codes: {
    ERR_DNS_SET_SERVERS_FAILED, ERR_INVALID_ARG_VALUE, ERR_INVALID_IP_ADDRESS,
  },
  dnsException,
} = require('../errors');
const {
  validateArray, validateFunction, validateInt32, validateString,
} = require('../validators');
const { isIP } = require('../net/ip');
const { BadResponse, kTypeCodes, resultFor } = require('./records');

let binding;
function native() {
  binding ??= internalBinding('cares');
  return binding;
}

// c-ares status number -> Node's code ('ENOTFOUND').
let statusNames;
function codeOf(status) {
  if (statusNames === undefined) {
    statusNames = { __proto__: null };
    for (const [name, value] of Object.entries(native())) {
      if (typeof value === 'number' && name.startsWith('E')) statusNames[value] = name;
    }
  }
  return statusNames[status] ?? 'UNKNOWN';
}

// Query syscall names as Node reports them ('queryAaaa').
const kQueries = [
  ['resolveAny', 'ANY'], ['resolve4', 'A'], ['resolve6', 'AAAA'], ['resolveCaa', 'CAA'],
  ['resolveCname', 'CNAME'], ['resolveMx', 'MX'], ['resolveNs', 'NS'], ['resolveTxt', 'TXT'],
  ['resolveSrv', 'SRV'], ['resolvePtr', 'PTR'], ['resolveNaptr', 'NAPTR'], ['resolveSoa', 'SOA'],
];
const syscallFor = (type) => `query${type[0]}${type.slice(1).toLowerCase()}`;
const kMethodForType = Object.fromEntries(kQueries.map(([method, type]) => [type, method]));

// A server entry of setServers(): [family, address, port].
function parseServer(text, index) {
  validateString(text, `servers[${index}]`);
  const kind = isIP(text);
  if (kind !== 0) return [kind, text, 53];
  // Ports keep their low 16 bits, as in Node (0 then means the default).
  const port = (digits) => (digits === undefined ? 53 : Number(digits) & 0xffff);
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(text);
  if (bracketed !== null && isIP(bracketed[1]) === 6) return [6, bracketed[1], port(bracketed[2])];
  const withPort = /^([^:]+):(\d+)$/.exec(text);
  if (withPort !== null && isIP(withPort[1]) === 4) return [4, withPort[1], port(withPort[2])];
  throw new ERR_INVALID_IP_ADDRESS(text);
}

const kChannel = Symbol('cares channel');
const kSettings = Symbol('resolver settings');

// What callback and promise resolvers share: the channel and its servers.
class ResolverBase {
  constructor(opts) {
    // -1: c-ares's own timeout.
    const settings = { timeout: -1, tries: 4 };
    for (const [key, min] of [['timeout', -1], ['tries', 1]]) {
      const given = opts?.[key];
      if (given === undefined) continue;
      validateInt32(given, `options.${key}`, min);
      settings[key] = given;
    }
    this[kSettings] = settings;
    this[kChannel] = -1;
  }

  // The channel id, made on first use (it reads /etc/resolv.conf).
  _channel() {
    if (this[kChannel] < 0) {
      const { timeout, tries } = this[kSettings];
      const id = native().channelNew(this, timeout, tries);
      if (id < 0) throw dnsException(codeOf(-id), 'ares_init_options');
      this[kChannel] = id;
    }
    return this[kChannel];
  }

  cancel() {
    if (this[kChannel] < 0) return;
    const completions = native().cancel(this[kChannel]);
    if (Array.isArray(completions)) deliverLater(completions);
  }

  getServers() {
    const flat = native().getServers(this._channel());
    const out = [];
    for (let i = 0; i < flat.length; i += 2) {
      const [address, port] = [flat[i], flat[i + 1]];
      const v6 = address.includes(':');
      if (port === 53 || port === 0) out.push(address);
      else out.push(v6 ? `[${address}]:${port}` : `${address}:${port}`);
    }
    return out;
  }

  setServers(list) {
    validateArray(list, 'servers');
    // The same server twice is kept once.
    const seen = new Set();
    const flat = [];
    list.forEach((text, i) => {
      const entry = parseServer(text, i);
      const key = entry.join(' ');
      if (!seen.has(key)) flat.push(...entry);
      seen.add(key);
    });
    const status = native().setServers(this._channel(), flat);
    if (status !== 0) {
      throw new ERR_DNS_SET_SERVERS_FAILED(native().strerror(status), list.join(','));
    }
  }

  setLocalAddress(first, second) {
    validateString(first, 'ipv4');
    if (second !== undefined) validateString(second, 'ipv6');
    let [v4, v6] = [first, second];
    // One address of either family may stand alone.
    if (isIP(first) === 6 && second === undefined) [v4, v6] = [undefined, first];
    for (const address of [v4, v6]) {
      if (address !== undefined && isIP(address) === 0) throw new ERR_INVALID_IP_ADDRESS(address);
    }
    native().setLocalAddress(this._channel(), v4, v6);
  }
}

// Completions c-ares made during the binding call itself ([req, status,
// payload, ...]) run on the next tick, as if they had come from the loop.
function deliverLater(triples) {
  for (let i = 0; i < triples.length; i += 3) {
    const [req, status, payload] = [triples[i], triples[i + 1], triples[i + 2]];
    process.nextTick(() => req.oncomplete(status, payload));
  }
}

// What a query call of the binding answered: 0, an error status, or
// completions to deliver.
function checkStarted(status, syscall, name) {
  if (Array.isArray(status)) deliverLater(status);
  else if (status !== 0) throw dnsException(codeOf(status), syscall, name);
}

// The completion of one query: the parsed answer, or Node's error.
function finishQuery(type, name, ttl, status, answer, callback) {
  const syscall = syscallFor(type);
  if (status !== 0) {
    callback(dnsException(codeOf(status), syscall, name));
    return;
  }
  let result;
  try {
    result = answer === undefined ? null : resultFor(type, answer, ttl);
  } catch (err) {
    if (!(err instanceof BadResponse)) throw err;
    callback(dnsException('EBADRESP', syscall, name));
    return;
  }
  if (result === null) callback(dnsException('ENODATA', syscall, name));
  else callback(null, result);
}

function startQuery(resolver, type, name, second, third) {
  const shifted = typeof second === 'function';
  const callback = shifted ? second : third;
  for (const [check, value, label] of [[validateString, name, 'name'],
    [validateFunction, callback, 'callback']]) {
    check(value, label);
  }
  const ttl = !shifted && Boolean(second?.ttl);
  const req = {
    hostname: name,
    resolver,
    oncomplete(status, answer) {
      finishQuery(type, name, ttl, status, answer, callback);
    },
  };
  const status = native().query(resolver._channel(), req, name, kTypeCodes[type]);
  checkStarted(status, syscallFor(type), name);
  return req;
}

class Resolver extends ResolverBase {
  resolve(name, kind, done) {
    const shifted = typeof kind === 'function';
    const type = shifted || kind === undefined ? 'A' : kind;
    if (!shifted) validateString(type, 'rrtype');
    const method = kMethodForType[type];
    if (method === undefined) throw new ERR_INVALID_ARG_VALUE('rrtype', type);
    return Resolver.prototype[method].call(this, name, shifted ? kind : done);
  }

  reverse(ip, done) {
    const callback = done;
    for (const [check, value, label] of [[validateString, ip, 'name'],
      [validateFunction, callback, 'callback']]) {
      check(value, label);
    }
    if (isIP(ip) === 0) throw dnsException('EINVAL', 'getHostByAddr', ip);
    const req = {
      hostname: ip,
      resolver: this,
      oncomplete(status, names) {
        if (status !== 0) callback(dnsException(codeOf(status), 'getHostByAddr', ip));
        else callback(null, names);
      },
    };
    checkStarted(native().getHostByAddr(this._channel(), req, ip), 'getHostByAddr', ip);
    return req;
  }
}

for (const [method, type] of kQueries) {
  Object.defineProperty(Resolver.prototype, method, {
    value: { [method](name, options, callback) {
      return startQuery(this, type, name, options, callback);
    } }[method],
    writable: true, configurable: true, enumerable: false,
  });
}

// The promise forms: arguments are checked at the call, as in Node; the
// answer settles the promise.
class PromiseResolver extends ResolverBase {}

for (const method of [...kQueries.map(([m]) => m), 'reverse', 'resolve']) {
  const callbackForm = Resolver.prototype[method];
  Object.defineProperty(PromiseResolver.prototype, method, {
    value: { [method](...args) {
      let settle;
      const promise = new Promise((ok, fail) => {
        settle = (err, value) => (err ? fail(err) : ok(value));
      });
      // Missing trailing arguments stay missing, so the callback lands
      // where the callback form looks for it.
      while (args.length > 0 && args[args.length - 1] === undefined) args.pop();
      callbackForm.call(this, ...args, settle);
      return promise;
    } }[method],
    writable: true, configurable: true, enumerable: false,
  });
}

// Each module's default resolver and its functions, bound to it.
function defaultsFor(ResolverClass) {
  let instance;
  const get = () => {
    instance ??= new ResolverClass();
    return instance;
  };
  const api = {};
  for (const method of [...kQueries.map(([m]) => m), 'reverse', 'resolve']) {
    api[method] = { [method](...args) {
      return get()[method](...args);
    } }[method];
  }
  api.getServers = () => get().getServers();
  api.setServers = (servers) => get().setServers(servers);
  return { api, get };
}

const callbackDefaults = defaultsFor(Resolver);
const promiseDefaults = defaultsFor(PromiseResolver);

// dns.setServers() also sets the promise API's default servers, as in Node.
function setServers(servers) {
  callbackDefaults.get().setServers(servers);
  promiseDefaults.get().setServers(servers);
}

module.exports = {
  PromiseResolver,
  Resolver,
  callbackApi: { ...callbackDefaults.api, setServers },
  promiseApi: promiseDefaults.api,
};

'use strict';
// node:dns: host name lookups through the system resolver (lookup,
// lookupService), DNS queries through c-ares (resolve*(), reverse,
// Resolver, getServers/setServers) and the result-order default.

const impl = require('./internal/dns/lookup');
const resolver = require('./internal/dns/resolver');

let promisesApi;

const { callbackApi } = resolver;

module.exports = {
  lookup: impl.lookup,
  lookupService: impl.lookupService,
  Resolver: resolver.Resolver,
  getDefaultResultOrder: impl.getDefaultResultOrder,
  setDefaultResultOrder: impl.setDefaultResultOrder,
  setServers: callbackApi.setServers,
  ADDRCONFIG: impl.ADDRCONFIG,
  ALL: impl.ALL,
  V4MAPPED: impl.V4MAPPED,
  ...impl.errorCodes,
  getServers: callbackApi.getServers,
  resolve: callbackApi.resolve,
  resolve4: callbackApi.resolve4,
  resolve6: callbackApi.resolve6,
  resolveAny: callbackApi.resolveAny,
  resolveCaa: callbackApi.resolveCaa,
  resolveCname: callbackApi.resolveCname,
  resolveMx: callbackApi.resolveMx,
  resolveNaptr: callbackApi.resolveNaptr,
  resolveNs: callbackApi.resolveNs,
  resolvePtr: callbackApi.resolvePtr,
  resolveSoa: callbackApi.resolveSoa,
  resolveSrv: callbackApi.resolveSrv,
  resolveTxt: callbackApi.resolveTxt,
  reverse: callbackApi.reverse,
};

Object.defineProperty(module.exports, 'promises', {
  enumerable: true,
  configurable: true,
  get() {
    promisesApi ??= require('./dns/promises');
    return promisesApi;
  },
});

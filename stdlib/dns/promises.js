'use strict';
// node:dns/promises: the promise forms of node:dns: lookup, lookupService,
// resolve*(), reverse and Resolver.

const impl = require('../internal/dns/lookup');
const resolver = require('../internal/dns/resolver');

const { promiseApi } = resolver;

module.exports = {
  lookup: impl.lookupPromise,
  lookupService: impl.lookupServicePromise,
  Resolver: resolver.PromiseResolver,
  getDefaultResultOrder: impl.getDefaultResultOrder,
  setDefaultResultOrder: impl.setDefaultResultOrder,
  setServers: promiseApi.setServers,
  ...impl.errorCodes,
  getServers: promiseApi.getServers,
  resolve: promiseApi.resolve,
  resolve4: promiseApi.resolve4,
  resolve6: promiseApi.resolve6,
  resolveAny: promiseApi.resolveAny,
  resolveCaa: promiseApi.resolveCaa,
  resolveCname: promiseApi.resolveCname,
  resolveMx: promiseApi.resolveMx,
  resolveNaptr: promiseApi.resolveNaptr,
  resolveNs: promiseApi.resolveNs,
  resolvePtr: promiseApi.resolvePtr,
  resolveSoa: promiseApi.resolveSoa,
  resolveSrv: promiseApi.resolveSrv,
  resolveTxt: promiseApi.resolveTxt,
  reverse: promiseApi.reverse,
};

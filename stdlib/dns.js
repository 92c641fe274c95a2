'use strict';
// node:dns: host name lookups through the system resolver (lookup,
// lookupService) and the result-order default. The resolve*() family and
// Resolver come with issue 8.

const impl = require('./internal/dns/lookup');

let promisesApi;

module.exports = {
  lookup: impl.lookup,
  lookupService: impl.lookupService,
  getDefaultResultOrder: impl.getDefaultResultOrder,
  setDefaultResultOrder: impl.setDefaultResultOrder,
  ADDRCONFIG: impl.ADDRCONFIG,
  ALL: impl.ALL,
  V4MAPPED: impl.V4MAPPED,
  ...impl.errorCodes,
};

Object.defineProperty(module.exports, 'promises', {
  enumerable: true,
  configurable: true,
  get() {
    promisesApi ??= require('./dns/promises');
    return promisesApi;
  },
});

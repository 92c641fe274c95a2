'use strict';
// node:dns/promises: the promise forms of dns.lookup and lookupService.

const impl = require('../internal/dns/lookup');

module.exports = {
  lookup: impl.lookupPromise,
  lookupService: impl.lookupServicePromise,
  getDefaultResultOrder: impl.getDefaultResultOrder,
  setDefaultResultOrder: impl.setDefaultResultOrder,
  ...impl.errorCodes,
};

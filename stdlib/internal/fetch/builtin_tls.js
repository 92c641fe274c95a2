'use strict';
// node:tls as undici sees it (./builtin.js): required by an https connection.
module.exports = require('./builtin').bridgeBuiltin('tls');

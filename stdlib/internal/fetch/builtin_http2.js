'use strict';
// node:http2 as undici sees it (./builtin.js): only an HTTP/2 client asks.
module.exports = require('./builtin').bridgeBuiltin('http2');

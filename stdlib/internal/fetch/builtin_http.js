'use strict';
// node:http as undici sees it (./builtin.js). Of it undici reads the
// IncomingMessage class (to tell its bodies apart), STATUS_CODES (a
// WebSocket's 101 status text) and maxHeaderSize (Node's 16 KiB default):
// without an http module those are all it gets.
module.exports = require('./builtin').bridgeBuiltin('http', {
  IncomingMessage: class IncomingMessage {},
  STATUS_CODES: { 101: 'Switching Protocols' },
  maxHeaderSize: 16384,
});

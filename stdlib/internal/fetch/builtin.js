'use strict';
// undici (see ./index.js) requires node:http, node:tls and node:http2; the
// stdlib image resolves each to a bridge file here that hands over jspack's
// module when undici first asks for it. tls and http2 are asked for only by
// an https or HTTP/2 connection, so plain-http fetch needs neither.

const builtins = require('../modules/builtins');
const { ERR_UNKNOWN_BUILTIN_MODULE } = require('../errors').codes;

function bridgeBuiltin(id, fallback) {
  if (builtins.hasBuiltin(id)) return builtins.loadBuiltin(id);
  if (fallback !== undefined) return fallback;
  throw new ERR_UNKNOWN_BUILTIN_MODULE(`node:${id}`);
}

module.exports = { bridgeBuiltin };
